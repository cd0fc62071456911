"""Resuming a stopped run (`cleaner clean --resume`): every page in the output exactly once."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_pages import ARTICLE, write

from cleaner.batch import BatchJob, clean_sources, find_inputs
from cleaner.batch.resume import partial_path
from cleaner.cli import main

ROOT = Path(__file__).resolve().parents[1]
# Enough pages that the run is still cleaning some after its first records reach the disk
# (about 1 ms a page here), few enough to keep the test short.
KILLED_RUN_PAGES = 800
# A few ids repeat, so that the `#2` names given out after a resume are checked too.
REPEAT_EVERY = 97
# The run is killed once its partial output holds this much: a few buffers' worth of records.
KILL_AFTER_BYTES = 20_000


def export(path: Path, pages: int) -> Path:
    """A JSON Lines export of small, distinct pages, some sharing an id."""
    lines = [
        json.dumps({"id": f"page-{i % (pages - pages // REPEAT_EVERY)}", "text": _page(i)})
        for i in range(pages)
    ]
    return write(path, "\n".join(lines) + "\n")


def _page(i: int) -> str:
    return ARTICLE.replace("Monday", f"Monday the {i}th")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def ids_of(path: Path) -> list[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["id"] for line in f]


def test_a_run_killed_with_sigkill_and_resumed_gives_every_page_exactly_once(
    tmp_path: Path,
) -> None:
    pages = export(tmp_path / "pages.jsonl", KILLED_RUN_PAGES)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    assert main(["clean", str(pages), "-o", str(whole), "-q", "--workers", "1"]) == 0
    command = [sys.executable, "-m", "cleaner", "clean", str(pages), "-o", str(out), "-q"]
    _kill_midway([*command, "--workers", "1"], out)
    partial = Path(partial_path(str(out)))
    assert not out.exists()
    written = partial.read_bytes()
    assert 0 < written.count(b"\n") < KILLED_RUN_PAGES

    resumed = subprocess.run([*command, "--resume", "--workers", "2"], env=_env(), check=False)

    assert resumed.returncode == 0
    assert not partial.exists()
    assert out.read_bytes() == whole.read_bytes()
    assert len(set(ids_of(out))) == KILLED_RUN_PAGES


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_the_workers_of_a_run_killed_with_sigkill_end_with_it(tmp_path: Path) -> None:
    pages = export(tmp_path / "pages.jsonl", KILLED_RUN_PAGES)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "cleaner", "clean", str(pages), "-o", str(out), "-q"]
    workers = _kill_midway([*command, "--workers", "2"], out)
    assert workers, "the run had no worker processes"

    deadline = time.monotonic() + 10
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)

    assert not [pid for pid in workers if _running(pid)]


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }


def _kill_midway(command: list[str], out: Path) -> list[int]:
    """Run `command`, SIGKILL it once its partial output holds KILL_AFTER_BYTES, and return
    the ids of the child processes it had then (empty where /proc is not there to read)."""
    run = subprocess.Popen(command, env=_env())
    partial = Path(partial_path(str(out)))
    deadline = time.monotonic() + 30
    while run.poll() is None and _size(partial) < KILL_AFTER_BYTES:
        assert time.monotonic() < deadline, "no records written"
        time.sleep(0.005)
    children = _children(run.pid) if Path("/proc/self/stat").exists() else []
    run.send_signal(signal.SIGKILL)
    assert run.wait() == -signal.SIGKILL, "the run ended before it could be killed"
    return children


def _children(parent: int) -> list[int]:
    """The processes whose parent is `parent`, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    """Whether `pid` is a live process (an exited one nobody has reaped is a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def test_a_record_cut_short_by_the_kill_is_dropped_and_its_page_cleaned_again(
    tmp_path: Path,
) -> None:
    pages = export(tmp_path / "pages.jsonl", 40)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    assert main(["clean", str(pages), "-o", str(whole), "-q", "--workers", "1"]) == 0
    lines = whole.read_bytes().splitlines(keepends=True)
    Path(partial_path(str(out))).write_bytes(b"".join(lines[:10]) + lines[10][:25])

    assert main(["clean", str(pages), "-o", str(out), "-q", "--workers", "1", "--resume"]) == 0

    assert out.read_bytes() == whole.read_bytes()


def test_a_gzip_output_cut_inside_a_member_is_resumed_from_its_last_complete_record(
    tmp_path: Path,
) -> None:
    pages = export(tmp_path / "pages.jsonl", 300)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl.gz"
    assert main(["clean", str(pages), "-o", str(whole), "-q", "--workers", "1"]) == 0
    stream = gzip.compress(whole.read_bytes(), mtime=0)
    Path(partial_path(str(out))).write_bytes(stream[: len(stream) // 2])

    assert main(["clean", str(pages), "-o", str(out), "-q", "--workers", "1", "--resume"]) == 0

    assert gzip.decompress(out.read_bytes()) == whole.read_bytes()


def test_resuming_a_finished_output_with_more_inputs_cleans_only_the_new_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path / "in" / "a.txt", ARTICLE)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(first), "-o", str(out), "-q"]) == 0
    write(tmp_path / "in" / "b.txt", _page(2))

    assert main(["clean", str(tmp_path / "in"), "-o", str(out), "--resume"]) == 0

    assert ids_of(out) == [str(first), str(tmp_path / "in" / "b.txt")]
    assert "1 page, 0 errors, 1 written before and kept" in capsys.readouterr().err


def test_a_folder_output_is_resumed_from_its_index_and_keeps_its_file_names(
    tmp_path: Path,
) -> None:
    pages = export(tmp_path / "pages.jsonl", 30)
    whole, out = tmp_path / "whole", tmp_path / "out"
    assert main(["clean", str(pages), "--output-dir", str(whole), "-q", "-w", "1"]) == 0
    index = (whole / "index.jsonl").read_bytes().splitlines(keepends=True)
    out.mkdir()
    Path(partial_path(str(out / "index.jsonl"))).write_bytes(b"".join(index[:12]) + b'{"id"')
    for entry in map(json.loads, index[:12]):
        (out / entry["file"]).write_bytes((whole / entry["file"]).read_bytes())

    assert main(["clean", str(pages), "--output-dir", str(out), "-q", "-w", "1", "--resume"]) == 0

    assert sorted(os.listdir(out)) == sorted(os.listdir(whole))
    for name in os.listdir(whole):
        assert (out / name).read_bytes() == (whole / name).read_bytes()


@pytest.mark.parametrize("output", [["-f", "text", "-o", "out.txt"], ["-o", "out.parquet"], []])
def test_resume_without_a_jsonl_file_or_folder_output_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: list[str]
) -> None:
    page = write(tmp_path / "a.txt", ARTICLE)
    assert main(["clean", str(page), "--resume", *output]) == 2
    assert "--resume needs" in capsys.readouterr().err


@pytest.mark.parametrize("workers", [1, 2])
def test_pages_done_before_are_skipped_and_the_rest_keep_the_ids_of_a_full_run(
    tmp_path: Path, workers: int
) -> None:
    pages = export(tmp_path / "pages.jsonl", 200)
    job = BatchJob()
    full = [d.to_dict() for d in clean_sources(find_inputs([str(pages)]).sources, job)]
    done = {r["id"] for r in full[::3]} | {"page-0#2"}

    rest = clean_sources(
        find_inputs([str(pages)]).sources, job, workers=workers, done=done.__contains__
    )

    assert [d.to_dict() for d in rest] == [r for r in full if r["id"] not in done]
