"""The `cleaner` command, run through its real entry point (`main`, and once `python -m`)."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from batch_pages import ARTICLE, write
from learned_models import word_count_model
from warc_pages import html_page, response, warc_record

import cleaner.cli
from cleaner.cli import main

ROOT = Path(__file__).resolve().parents[1]

LATIN1_ARTICLE = (
    "Le café du port rouvre ses portes\n"
    "\n"
    "Après deux années de travaux, le café du port a rouvert samedi matin, à la grande joie "
    "des pêcheurs qui y prenaient leur crème avant de partir en mer.\n"
    "\n"
    "La façade a été refaite à l'identique et la terrasse agrandie du côté de la jetée.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
# A user rule that drops every line: the page is then all boilerplate, whatever the built-in
# rules become, and its empty body must not count as a failure.
DROP_EVERYTHING = '[[drop]]\nname = "everything"\npattern = "."\n'


def records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def by_id(out: str) -> dict[str, dict[str, object]]:
    recs = records(out)
    ids = [str(r["id"]) for r in recs]
    assert len(ids) == len(set(ids)), f"a page appears twice: {ids}"
    return {str(r["id"]): r for r in recs}


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Every kind of input a crawl folder holds, good and bad, in nested folders."""
    root = tmp_path / "crawl"
    write(root / "news" / "ferry.txt", ARTICLE)
    write(root / "news" / "2024" / "cafe.txt", LATIN1_ARTICLE.encode("latin-1"))
    write(root / "news" / "2024" / "ferry.txt.gz", gzip.compress(ARTICLE.encode()))
    write(root / "news" / "packed.dat", gzip.compress(ARTICLE.encode()))
    write(root / "empty.txt", "")
    write(root / "logo.png", PNG)
    write(root / "huge.txt", ARTICLE * 30_000)  # about 8 MB, above the --max-bytes below
    write(root / ".cache" / "skip.txt", ARTICLE)
    write(root / ".skip.txt", ARTICLE)
    os.symlink(root / "gone.txt", root / "dangling.txt")
    return root


def test_a_mixed_folder_gives_one_record_per_page_with_errors_as_records_and_exit_1(
    mixed_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["clean", str(mixed_folder), "--max-bytes", "1000000"])
    out, err = capsys.readouterr()
    recs = by_id(out)
    relative = {os.path.relpath(i, mixed_folder): r for i, r in recs.items()}
    assert list(relative) == [
        "dangling.txt",
        "empty.txt",
        "huge.txt",
        "logo.png",
        "news/ferry.txt",
        "news/packed.dat",
        "news/2024/cafe.txt",
        "news/2024/ferry.txt.gz",
    ]
    errors = {name: str(r["error"]).split(":")[0] for name, r in relative.items() if r["error"]}
    assert errors == {
        "dangling.txt": "unreadable",
        "empty.txt": "empty",
        "huge.txt": "too-large",
        "logo.png": "binary",
    }
    for name in ("news/ferry.txt", "news/packed.dat", "news/2024/ferry.txt.gz"):
        assert "every twenty minutes" in str(relative[name]["text"])
    assert "rouvert samedi matin" in str(relative["news/2024/cafe.txt"]["text"])
    assert status == 1
    assert "8 pages, 4 errors (binary 1, empty 1, too-large 1, unreadable 1)" in err


def test_a_latin1_page_is_decoded_to_the_right_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "cafe.txt", LATIN1_ARTICLE.encode("latin-1"))
    assert main(["clean", str(page), "--no-structure"]) == 0
    (record,) = records(capsys.readouterr().out)
    assert "à la grande joie des pêcheurs" in str(record["text"])


def test_all_clean_pages_exit_0_even_when_one_is_all_boilerplate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = write(tmp_path / "everything.toml", DROP_EVERYTHING)
    page = write(tmp_path / "page.txt", ARTICLE)
    assert main(["clean", str(page), "--rules", str(rules)]) == 0
    (record,) = records(capsys.readouterr().out)
    assert record["text"] == "" and record["error"] is None and record["reason"]


def test_a_glob_the_shell_did_not_expand_is_expanded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        write(tmp_path / name, ARTICLE)
    assert main(["clean", str(tmp_path / "*.txt")]) == 0
    assert [Path(str(r["id"])).name for r in records(capsys.readouterr().out)] == ["a.txt", "b.txt"]


def test_stdin_is_one_page_called_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(ARTICLE.encode()))))
    assert main(["clean", "-", "--url", "https://example.org/ferry"]) == 0
    (record,) = records(capsys.readouterr().out)
    assert record["id"] == "-" and record["url"] == "https://example.org/ferry"
    assert "every twenty minutes" in str(record["text"])


def test_two_workers_write_exactly_what_one_writes(
    mixed_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", str(mixed_folder), "--max-bytes", "1000000", "-q", "--workers", "1"]) == 1
    alone = capsys.readouterr().out
    assert main(["clean", str(mixed_folder), "--max-bytes", "1000000", "-q", "--workers", "2"]) == 1
    assert capsys.readouterr().out == alone


def test_an_output_file_ending_in_gz_is_gzipped_and_no_partial_file_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "in" / "page.txt", ARTICLE)
    out = tmp_path / "out" / "pages.jsonl.gz"
    out.parent.mkdir()
    assert main(["clean", str(page), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    (record,) = records(gzip.decompress(out.read_bytes()).decode("utf-8"))
    assert record["id"] == str(page)
    assert os.listdir(out.parent) == ["pages.jsonl.gz"]


def test_text_format_writes_bodies_separated_by_form_feed_lines_and_errors_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.png", PNG)
    write(tmp_path / "c.txt", LATIN1_ARTICLE)
    assert main(["clean", str(tmp_path), "--format", "text"]) == 1
    out, err = capsys.readouterr()
    pages = out.split("\f\n")
    assert len(pages) == 3
    assert "every twenty minutes" in pages[0] and pages[1] == "\n" and "rouvert" in pages[2]
    assert f"cleaner: {tmp_path / 'b.png'}: binary: " in err


def test_markdown_format_has_the_title_as_a_heading_then_byline_and_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headline, body = ARTICLE.split("\n", 1)
    dump = f"{headline}\n\nBy Ana Silva\n2 May 2024\n{body}\n# 1 priority for the port, she said.\n"
    page = write(tmp_path / "a.txt", dump)
    assert main(["clean", str(page), "--format", "markdown", "--no-structure"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {headline}\n\n*Ana Silva · 2024-05-02*\n\nThe harbour ferry")
    assert out.endswith("\n\n\\# 1 priority for the port, she said.\n")


def test_blocks_are_in_records_only_with_the_blocks_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "a.txt", ARTICLE)
    main(["clean", str(page)])
    assert "blocks" not in records(capsys.readouterr().out)[0]
    main(["clean", str(page), "--blocks"])
    blocks = records(capsys.readouterr().out)[0]["blocks"]
    assert isinstance(blocks, list) and len(blocks) == 3
    assert all("kept" in b and "reason" in b for b in blocks)


@pytest.mark.parametrize(
    "arguments",
    [
        ["clean"],
        ["clean", "{tmp}/nothing-here-*.txt"],
        ["clean", "{tmp}/empty-folder"],
        ["clean", "{tmp}/a.txt", "--workers", "-1"],
        ["clean", "{tmp}/a.txt", "--max-bytes", "0"],
        ["clean", "{tmp}/a.txt", "--format", "xml"],
        ["clean", "{tmp}/a.txt", "--rules", "{tmp}/no-such-rules.toml"],
        ["clean", "{tmp}/a.txt", "{tmp}/b.txt", "--url", "https://example.org/"],
        ["clean", "{tmp}/a.txt", "-o", "{tmp}/no-such-folder/out.jsonl"],
        ["clean", "{tmp}/a.txt", "-o", "{tmp}/no-such-folder/out.parquet"],
        ["clean", "{tmp}/a.txt", "--time-limit", "-1"],
        ["clean", "{tmp}/a.txt", "--format", "parquet"],
        ["clean", "{tmp}/a.txt", "--output-dir", "{tmp}/out", "--format", "jsonl"],
        ["clean", "{tmp}/a.txt", "--output-dir", "{tmp}/out", "-o", "{tmp}/out.jsonl"],
        ["clean", "{tmp}/export.jsonl", "--url", "https://example.org/"],
        ["tidy", "{tmp}/a.txt"],
        [],
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
    arguments: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "export.jsonl", json.dumps({"text": ARTICLE}) + "\n")
    (tmp_path / "empty-folder").mkdir()
    assert main([a.format(tmp=tmp_path) for a in arguments]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "error" in err


def test_a_bad_rules_file_is_a_usage_error_that_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "a.txt", ARTICLE)
    rules = write(tmp_path / "bad.toml", "[[drop]]\nname = 'x'\n")
    assert main(["clean", str(page), "--rules", str(rules)]) == 2
    assert "bad.toml" in capsys.readouterr().err


def test_a_bad_model_file_is_a_usage_error_that_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "a.txt", ARTICLE)
    model = write(tmp_path / "model.json", '{"version": 0}')
    assert main(["clean", str(page), "--model", str(model)]) == 2
    assert "model.json" in capsys.readouterr().err


def test_a_model_file_given_on_the_command_line_decides_the_open_blocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Keeps every block of six words or more and drops the rest.
    model = word_count_model(tmp_path, {"mode": "replace", "threshold": 0.5})
    page = write(tmp_path / "a.txt", ARTICLE)
    assert main(["clean", str(page), "--blocks"]) == 0
    (rules_only,) = records(capsys.readouterr().out)
    assert main(["clean", str(page), "--blocks", "--model", str(model)]) == 0
    (learned,) = records(capsys.readouterr().out)
    rules_deciders = {b["decided_by"] for b in rules_only["blocks"]}  # type: ignore[union-attr]
    learned_deciders = {b["decided_by"] for b in learned["blocks"]}  # type: ignore[union-attr]
    assert "learned" not in rules_deciders
    assert "learned" in learned_deciders
    # --no-learned switches it off even with a model file named.
    assert main(["clean", str(page), "--blocks", "--model", str(model), "--no-learned"]) == 0
    (off,) = records(capsys.readouterr().out)
    assert off == rules_only


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("cleaner ")


def test_quiet_silences_the_summary_and_error_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.png", PNG)
    assert main(["clean", str(tmp_path), "--format", "text", "--quiet"]) == 1
    assert capsys.readouterr().err == ""


def test_a_long_batch_shows_progress_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for i in range(3):
        write(tmp_path / f"p{i}.png", PNG)  # refused at once: keeps the test fast
    monkeypatch.setattr(cleaner.cli, "PROGRESS_MIN_PAGES", 2)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["clean", str(tmp_path), "-o", str(tmp_path / "out.jsonl")])
    assert "3/3" in terminal.getvalue() and "pages/s" in terminal.getvalue()


def test_python_dash_m_cleaner_reads_stdin_and_writes_jsonl() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-"],
        input=ARTICLE.encode(),
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (record,) = records(done.stdout.decode("utf-8"))
    assert record["id"] == "-" and "every twenty minutes" in str(record["text"])
    assert b"1 page, 0 errors" in done.stderr


@pytest.fixture
def crawl(tmp_path: Path) -> tuple[Path, set[str]]:
    """A crawl folder as users have them: page files, a WARC with a damaged record, a gzipped
    JSON Lines export with a broken line; and the id of every page in it."""
    root = tmp_path / "crawl"
    write(root / "pages" / "ferry.txt", ARTICLE)
    write(root / "pages" / "logo.png", PNG)
    members = [gzip.compress(response(n), mtime=0) for n in range(1, 5)]
    members[2] = members[2][:40] + b"\x00damaged\xff" * 4
    write(root / "crawl.warc.gz", b"".join(members))
    lines = [json.dumps({"id": f"j{i}", "html": html_page(f"Ferry {i}")}) for i in range(3)]
    write(root / "export.jsonl.gz", gzip.compress("\n".join([*lines, "{broken"]).encode()))
    damaged = f"{root / 'crawl.warc.gz'}@{len(members[0]) + len(members[1])}"
    ids = {
        str(root / "pages" / "ferry.txt"),
        str(root / "pages" / "logo.png"),
        "<urn:uuid:1>",
        "<urn:uuid:2>",
        damaged,
        "<urn:uuid:4>",
        "j0",
        "j1",
        "j2",
        f"{root / 'export.jsonl.gz'}:4",
    }
    return root, ids


def test_a_crawl_of_page_files_a_warc_and_a_jsonl_gz_accounts_for_every_page_once(
    crawl: tuple[Path, set[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, ids = crawl
    out = tmp_path / "pages.jsonl.gz"
    assert main(["clean", str(root), "-o", str(out), "--workers", "2"]) == 1
    recs = by_id(gzip.decompress(out.read_bytes()).decode("utf-8"))
    assert set(recs) == ids
    failed = {i: str(r["error"]).split(":")[0] for i, r in recs.items() if r["error"]}
    assert sorted(failed.values()) == ["bad-record", "bad-record", "binary"]
    assert recs["<urn:uuid:2>"]["url"] == "https://example.org/2"
    assert "every twenty minutes" in str(recs["j1"]["text"])
    err = capsys.readouterr().err
    assert "10 pages, 3 errors (bad-record 2, binary 1)" in err
    assert "peak memory" in err and "pages/s" in err


def test_output_dir_gets_a_markdown_file_per_cleaned_page_and_an_index_line_per_page(
    crawl: tuple[Path, set[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, ids = crawl
    out = tmp_path / "out"
    assert main(["clean", str(root), "--output-dir", str(out), "-q"]) == 1
    index = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert {r["id"] for r in index} == ids
    files = [r["file"] for r in index if r["file"]]
    assert sorted([*files, "index.jsonl"]) == sorted(os.listdir(out))
    assert all(name.endswith(".md") and "/" not in name for name in files)
    assert len(files) == len(ids) - 3
    assert capsys.readouterr().out == ""


def test_parquet_output_is_chosen_by_the_file_name_and_holds_every_page(
    crawl: tuple[Path, set[str]], tmp_path: Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    root, ids = crawl
    out = tmp_path / "pages.parquet"
    assert main(["clean", str(root), "-o", str(out), "-q"]) == 1
    assert set(pq.read_table(out).column("id").to_pylist()) == ids


def test_parquet_without_pyarrow_and_a_warc_without_fastwarc_are_usage_errors_that_say_what_to_install(
    crawl: tuple[Path, set[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, _ = crawl
    monkeypatch.setattr(cleaner.cli, "parquet_available", lambda: False)
    assert main(["clean", str(root / "pages"), "-o", str(tmp_path / "x.parquet")]) == 2
    assert "pip install 'cleaner[parquet]'" in capsys.readouterr().err
    monkeypatch.setattr(cleaner.cli, "fastwarc_available", lambda: False)
    assert main(["clean", str(root)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "pip install 'cleaner[warc]'" in err


def test_jsonl_fields_can_be_named_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {"key": "k1", "doc": {"body": ARTICLE}, "address": "https://example.org/k1"}
    path = write(tmp_path / "export.jsonl", json.dumps(record) + "\n")
    arguments = ["--text-field", "doc.body", "--id-field", "key", "--url-field", "address"]
    assert main(["clean", str(path), *arguments]) == 0
    (rec,) = records(capsys.readouterr().out)
    assert (rec["id"], rec["url"]) == ("k1", "https://example.org/k1")
    assert "every twenty minutes" in str(rec["text"])


def test_a_warc_summary_counts_the_records_skipped_as_not_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = warc_record("request", b"GET / HTTP/1.1\r\n\r\n", record_id="<urn:uuid:r>")
    image = response(2, PNG, content_type="image/png")
    warc = write(tmp_path / "c.warc", request + response(1) + image)
    assert main(["clean", str(warc)]) == 0
    err = capsys.readouterr().err
    assert "1 page, 0 errors, 2 records skipped as not pages (not-html 1, request 1)" in err
