"""Cleaning on a Dask cluster: the same records as the local engine, and the Dask entry points."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_pages import ARTICLE, busy_on_marker, write
from warc_pages import gzip_members, html_page, response, warc_record

from cleaner._options import CleanOptions
from cleaner.batch import BatchJob, InputStats, find_inputs
from cleaner.batch.run import clean_sources
from cleaner.cli import main

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

from cleaner.batch.dask import (  # noqa: E402  (after the skips: needs Dask)
    RECORD_COLUMNS,
    clean_bag,
    clean_on_dask,
    clean_partition,
    record_meta,
)

# Page files: more than one task's worth (TASK_PAGES), so that tasks come back in order.
FOLDER_PAGES = 40


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("dask-inputs")
    for i in range(FOLDER_PAGES):
        write(root / "pages" / f"p{i:02}.txt", ARTICLE.replace("Monday", f"Monday {i}"))
    write(root / "pages" / "empty.txt", "")
    lines = [json.dumps({"id": f"j{i % 7}", "text": ARTICLE}) for i in range(10)] + ["{broken"]
    write(root / "export.jsonl", "\n".join(lines) + "\n")
    records = [
        warc_record("request", b"GET /1 HTTP/1.1\r\n\r\n", record_id="<urn:uuid:req>"),
        response(1),
        response(2, html_page("Second").encode()),
        response(3, b"\x89PNG\r\n\x1a\n", content_type="image/png"),
    ]
    write(root / "crawl.warc.gz", gzip_members(records))
    return [str(root / "pages"), str(root / "export.jsonl"), str(root / "crawl.warc.gz")]


def test_the_dask_engine_gives_the_same_records_and_counts_as_the_local_engine(
    scheduler: str, inputs: list[str]
) -> None:
    job = BatchJob()
    here, there = InputStats(), InputStats()
    local = list(clean_sources(find_inputs(inputs).sources, job, stats=here))
    on_dask = list(
        clean_on_dask(find_inputs(inputs).sources, job, scheduler=scheduler, stats=there)
    )
    assert [d.to_dict() for d in on_dask] == [d.to_dict() for d in local]
    assert len(local) == FOLDER_PAGES + 1 + 11 + 2
    assert there.skipped == here.skipped and there.renamed == here.renamed == 3


def test_the_command_with_engine_dask_writes_the_same_file_as_the_local_engine(
    scheduler: str, inputs: list[str], tmp_path: Path
) -> None:
    local, on_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["clean", *inputs, "-o", str(local), "-q", "-w", "2"]) == 1
    engine = ["--engine", "dask", "--scheduler", scheduler]
    assert main(["clean", *inputs, "-o", str(on_dask), "-q", *engine]) == 1
    assert on_dask.read_bytes() == local.read_bytes()


def test_a_bag_of_pages_and_records_is_cleaned_into_records_named_by_their_place(
    scheduler: str,
) -> None:
    items = [ARTICLE, ARTICLE.encode(), {"id": "mine", "text": ARTICLE}, {"text": ""}, 42]
    with distributed.Client(scheduler):
        records = clean_bag(dask_bag.from_sequence(items, npartitions=2)).compute()
    assert [r["id"] for r in records] == ["0:0", "0:1", "mine", "1:0", "1:1"]
    assert records[0]["text"] and records[0] == {**records[1], "id": "0:0"}
    assert records[3]["error"].startswith("empty:")
    assert records[4]["error"].startswith("bad-record:")


def test_dataframe_partitions_map_to_one_record_row_per_page(scheduler: str) -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", None, "c"],
            "text": [ARTICLE, ARTICLE, ""],
            "url": [None, "https://e.org/b", None],
        }
    )
    pages = dask_dataframe.from_pandas(frame, npartitions=2)
    with distributed.Client(scheduler):
        cleaned = pages.map_partitions(clean_partition, meta=record_meta()).compute()
    assert list(cleaned.columns) == list(RECORD_COLUMNS)
    assert list(cleaned["id"]) == ["a", "0:1", "c"]
    assert cleaned["url"].iloc[1] == "https://e.org/b"
    assert cleaned["error"].iloc[2].startswith("empty:")
    assert cleaned["text"].iloc[0] == cleaned["text"].iloc[1] != ""


def test_scheduler_without_engine_dask_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "a.txt", ARTICLE)
    assert main(["clean", str(page), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--engine dask" in capsys.readouterr().err


def test_engine_dask_without_dask_installed_is_a_usage_error_naming_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cleaner.batch.dask

    monkeypatch.setattr(cleaner.batch.dask, "dask_available", lambda: False)
    page = write(tmp_path / "a.txt", ARTICLE)
    assert main(["clean", str(page), "--engine", "dask"]) == 2
    assert "pip install 'cleaner[dask]'" in capsys.readouterr().err


def test_resume_with_engine_dask_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "a.txt", ARTICLE)
    out = str(tmp_path / "out.jsonl")
    assert main(["clean", str(page), "-o", out, "--engine", "dask", "--resume"]) == 2
    assert "local engine" in capsys.readouterr().err


@pytest.mark.parametrize("damaged", [False, True])
def test_a_warc_cut_into_runs_of_pages_gives_the_records_of_reading_it_whole(
    scheduler: str, tmp_path: Path, damaged: bool
) -> None:
    members = [
        gzip_members([record])
        for n in range(1, 10)
        for record in (
            warc_record("request", b"GET / HTTP/1.1\r\n\r\n", record_id=f"<urn:uuid:r{n}>"),
            response(n, html_page(f"Page {n}").encode()),
        )
    ]
    if damaged:
        members[7] = members[7][:30] + b"\x00garbage\xff" * 8
    warc = write(tmp_path / "runs.warc.gz", b"".join(members))
    job = BatchJob()
    here, there = InputStats(), InputStats()
    local = list(clean_sources(find_inputs([str(warc)]).sources, job, stats=here))
    sources = find_inputs([str(warc)]).sources
    runs = clean_on_dask(sources, job, scheduler=scheduler, stats=there, warc_task_pages=2)
    assert [d.to_dict() for d in runs] == [d.to_dict() for d in local]
    assert there.skipped == here.skipped
    assert len(local) == 9 and any(d.error for d in local) == damaged


def test_a_page_past_the_time_limit_on_a_dask_worker_becomes_a_timeout_record(
    scheduler: str, tmp_path: Path
) -> None:
    for i, marker in enumerate(["", "BUSY-ME", ""]):
        write(tmp_path / f"p{i}.txt", ARTICLE + f"Line number {i} {marker}\n")
    options = CleanOptions(filters=(busy_on_marker,), include_blocks=False)
    job = BatchJob(options, time_limit=0.3)
    started = time.monotonic()
    docs = list(clean_on_dask(find_inputs([str(tmp_path)]).sources, job, scheduler=scheduler))
    assert time.monotonic() - started < 8
    assert [d.error for d in docs] == [None, "timeout: the page took more than 0.3 s", None]
    assert all("harbour ferry" in d.text for d in (docs[0], docs[2]))
