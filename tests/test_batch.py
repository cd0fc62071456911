"""The batch layer: finding inputs, reading them, cleaning many pages with or without workers."""

from __future__ import annotations

import gzip
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from batch_pages import ARTICLE, busy_on_marker, write

from cleaner._exceptions import BinaryInput, InputTooLarge
from cleaner._model import Block
from cleaner._options import CleanOptions
from cleaner.batch import BatchJob, BatchSummary, Source, clean_sources, find_inputs, read_source
from cleaner.batch.guard import PageTimeout, time_limit
from cleaner.batch.progress import Progress, render_progress
from cleaner.batch.run import clean_source
from cleaner.batch.summary import error_code


def ids(sources: list[Source]) -> list[str]:
    return [s.id for s in sources]


def test_a_folder_is_walked_files_first_then_subfolders_each_sorted_and_hidden_names_skipped(
    tmp_path: Path,
) -> None:
    for name in (
        "b.txt",
        "a.txt",
        "sub/z.txt",
        "sub/deeper/y.txt",
        "a2/x.txt",
        ".hidden.txt",
        ".git/c.txt",
    ):
        write(tmp_path / name, ARTICLE)
    found = find_inputs([str(tmp_path)])
    relative = [os.path.relpath(i, tmp_path) for i in ids(found.sources)]
    assert relative == ["a.txt", "b.txt", "a2/x.txt", "sub/z.txt", "sub/deeper/y.txt"]


def test_ids_keep_the_path_as_the_user_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "dumps" / "2024" / "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert ids(find_inputs(["dumps/"]).sources) == ["dumps/2024/a.txt"]
    assert ids(find_inputs(["./dumps/2024/a.txt"]).sources) == ["./dumps/2024/a.txt"]


def test_a_glob_is_expanded_sorted_and_a_pattern_matching_nothing_is_reported(
    tmp_path: Path,
) -> None:
    for name in ("b.txt", "a.txt", "c.html", "sub/d.txt"):
        write(tmp_path / name, ARTICLE)
    found = find_inputs(
        [str(tmp_path / "*.txt"), str(tmp_path / "**" / "d.txt"), str(tmp_path / "*.nope")]
    )
    assert [Path(i).name for i in ids(found.sources)] == ["a.txt", "b.txt", "d.txt"]
    assert found.unmatched == [str(tmp_path / "*.nope")]


def test_a_file_named_twice_is_read_once_and_stdin_once(tmp_path: Path) -> None:
    page = write(tmp_path / "a.txt", ARTICLE)
    found = find_inputs([str(page), "-", str(tmp_path), str(tmp_path / "*.txt"), "-"])
    assert ids(found.sources) == [str(page), "-"]


def test_a_missing_file_is_kept_so_that_it_gets_a_record_and_a_hidden_file_named_explicitly_is_read(
    tmp_path: Path,
) -> None:
    hidden = write(tmp_path / ".notes.txt", ARTICLE)
    found = find_inputs([str(tmp_path / "missing.txt"), str(hidden)])
    assert ids(found.sources) == [str(tmp_path / "missing.txt"), str(hidden)]
    assert found.unmatched == []


def test_gzip_is_recognised_by_its_bytes_whatever_the_file_is_called(tmp_path: Path) -> None:
    page = write(tmp_path / "page.dat", gzip.compress(ARTICLE.encode()))
    assert read_source(Source("p", str(page)), max_bytes=10_000) == ARTICLE.encode()


def test_concatenated_gzip_members_are_all_unpacked(tmp_path: Path) -> None:
    page = write(
        tmp_path / "page.gz", gzip.compress(b"first half\n") + gzip.compress(b"second half\n")
    )
    assert read_source(Source("p", str(page)), max_bytes=10_000) == b"first half\nsecond half\n"


def test_a_small_gzip_that_unpacks_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    bomb = write(tmp_path / "bomb.gz", gzip.compress(b"a" * 1_000_000))
    assert bomb.stat().st_size < 10_000
    with pytest.raises(InputTooLarge):
        read_source(Source("p", str(bomb)), max_bytes=100_000)


def test_truncated_gzip_is_refused_as_binary(tmp_path: Path) -> None:
    packed = gzip.compress(ARTICLE.encode() * 20)
    page = write(tmp_path / "cut.gz", packed[: len(packed) // 2])
    with pytest.raises(BinaryInput, match="corrupt gzip"):
        read_source(Source("p", str(page)), max_bytes=100_000)


def test_a_file_above_the_limit_is_refused(tmp_path: Path) -> None:
    page = write(tmp_path / "big.txt", "word " * 50_000)
    with pytest.raises(InputTooLarge, match="above the limit"):
        read_source(Source("p", str(page)), max_bytes=100_000)


def raise_on_marker(block: Block) -> None:
    if "RAISE-ME" in block.text:
        raise ValueError("boom")


def crash_worker_on_marker(block: Block) -> None:
    # Only inside a worker process: the same filter must not kill the test process.
    if "CRASH-ME" in block.text and multiprocessing.parent_process() is not None:
        os._exit(3)


def make_pages(tmp_path: Path, count: int, marked: dict[int, str] | None = None) -> list[Source]:
    marked = marked or {}
    for i in range(count):
        write(tmp_path / f"p{i:02}.txt", ARTICLE + f"Line number {i} {marked.get(i, '')}\n")
    return find_inputs([str(tmp_path)]).sources


def test_an_exception_in_the_pipeline_becomes_an_internal_error_record_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    sources = make_pages(tmp_path, 3, {1: "RAISE-ME"})
    job = BatchJob(CleanOptions(filters=(raise_on_marker,), include_blocks=False))
    docs = list(clean_sources(sources, job))
    assert [d.id for d in docs] == ids(sources)
    assert [d.error for d in docs] == [None, "internal: ValueError: boom", None]


def test_two_workers_return_every_page_once_in_input_order_with_the_same_results(
    tmp_path: Path,
) -> None:
    sources = make_pages(tmp_path, 9, {4: "RAISE-ME"})
    sources.append(Source("missing", str(tmp_path / "missing.txt")))
    job = BatchJob(CleanOptions(filters=(raise_on_marker,), include_blocks=False))
    alone = list(clean_sources(sources, job, workers=1))
    pooled = list(clean_sources(sources, job, workers=2, chunk_pages=2))
    assert pooled == alone
    assert [d.id for d in pooled] == ids(sources)
    assert pooled[-1].error is not None and pooled[-1].error.startswith("unreadable: ")


def test_a_worker_that_dies_costs_only_its_page(tmp_path: Path) -> None:
    sources = make_pages(tmp_path, 8, {3: "CRASH-ME"})
    job = BatchJob(CleanOptions(filters=(crash_worker_on_marker,), include_blocks=False))
    docs = list(clean_sources(sources, job, workers=2, chunk_pages=2))
    assert [d.id for d in docs] == ids(sources)
    failed = [d.id for d in docs if d.error]
    assert failed == [sources[3].id]
    assert docs[3].error == "internal: worker process died while cleaning this page"
    assert all("harbour ferry" in d.text for d in docs if not d.error)


def sleep_on_marker(block: Block) -> None:
    if "SLOW-ME" in block.text:
        time.sleep(10)


def deaf_loop_on_marker(block: Block) -> None:
    # Busy and deaf to the timer's signal, as code stuck inside a C extension is: only the
    # hard stop, which ends the worker process, can end it. Never in the test process itself.
    if "STUCK-ME" in block.text and multiprocessing.parent_process() is not None:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pass


def test_a_page_past_the_time_limit_becomes_a_timeout_record_and_the_next_page_is_cleaned(
    tmp_path: Path,
) -> None:
    sources = make_pages(tmp_path, 3, {1: "SLOW-ME"})
    job = BatchJob(CleanOptions(filters=(sleep_on_marker,), include_blocks=False), time_limit=0.3)
    handler = signal.getsignal(signal.SIGALRM)
    started = time.monotonic()
    docs = list(clean_sources(sources, job))
    assert time.monotonic() - started < 5
    assert [d.error for d in docs] == [None, "timeout: the page took more than 0.3 s", None]
    assert [d.id for d in docs] == ids(sources)
    assert signal.getsignal(signal.SIGALRM) == handler
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_time_limit_also_stops_a_page_in_another_thread_and_that_thread_goes_on(
    tmp_path: Path,
) -> None:
    sources = make_pages(tmp_path, 3, {1: "BUSY-ME"})
    job = BatchJob(CleanOptions(filters=(busy_on_marker,), include_blocks=False), time_limit=0.3)
    started = time.monotonic()
    with ThreadPoolExecutor(1) as pool:
        docs = list(pool.map(lambda s: clean_source(s, job), sources))
        # The thread that ran the stopped page cleans the next one with no exception left over.
        assert not pool.submit(clean_source, sources[0], job).result().error
    assert time.monotonic() - started < 5
    assert [d.error for d in docs] == [None, "timeout: the page took more than 0.3 s", None]
    assert threading.current_thread() is threading.main_thread()


def test_pages_finishing_right_at_the_limit_in_threads_never_leak_a_timeout_after_the_page() -> (
    None
):
    # The watchdog and the page race at the deadline: a page is either stopped inside its
    # block or not at all, and a stop set while the page was leaving is withdrawn.
    def page(_: int) -> str:
        try:
            with time_limit(0.001):
                deadline = time.monotonic() + 0.001
                while time.monotonic() < deadline:
                    pass
        except PageTimeout:
            return "stopped"
        # Python code after the block, where a leaked exception would go off.
        return "done" if sum(range(2000)) else "?"

    with ThreadPoolExecutor(2) as pool:
        outcomes = set(pool.map(page, range(1000)))
    assert outcomes <= {"stopped", "done"}


def test_a_worker_stuck_where_no_signal_reaches_is_stopped_and_its_page_is_a_timeout(
    tmp_path: Path,
) -> None:
    sources = make_pages(tmp_path, 4, {2: "STUCK-ME"})
    options = CleanOptions(filters=(deaf_loop_on_marker,), include_blocks=False)
    job = BatchJob(options, time_limit=0.3)
    started = time.monotonic()
    docs = list(clean_sources(sources, job, workers=2, chunk_pages=1))
    # The stuck page ran twice (with its chunk, then alone), 0.6 s of CPU each, not its 30 s.
    assert time.monotonic() - started < 10
    assert [d.id for d in docs] == ids(sources)
    assert [d.error for d in docs] == [
        None,
        None,
        "timeout: the page took more than 0.3 s (worker stopped)",
        None,
    ]


def test_a_folder_that_cannot_be_listed_gets_an_error_record(tmp_path: Path) -> None:
    source = Source(
        "locked", str(tmp_path), error="unreadable: cannot list folder: Permission denied"
    )
    (doc,) = clean_sources([source], BatchJob())
    assert doc.id == "locked"
    assert doc.error == "unreadable: cannot list folder: Permission denied"


def test_the_summary_counts_errors_by_code_and_empty_bodies_apart_from_errors(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", "")
    write(tmp_path / "c.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "d.txt", "")
    summary = BatchSummary()
    for doc in clean_sources(find_inputs([str(tmp_path)]).sources, BatchJob()):
        summary.add(doc)
    assert (summary.pages, summary.failed, dict(summary.errors)) == (
        4,
        3,
        {"binary": 1, "empty": 2},
    )
    assert summary.describe(2.0) == "4 pages, 3 errors (binary 1, empty 2), 2.0 pages/s"


def test_the_error_code_is_the_part_before_the_first_colon() -> None:
    assert error_code("internal: ValueError: boom") == "internal"
    assert error_code("binary: input is binary") == "binary"


def test_the_progress_line_shows_done_of_total_rate_and_time_left() -> None:
    assert (
        render_progress(100, 400, 10.0) == f"[{'#' * 6}{'-' * 18}] 100/400  10.0 pages/s  ETA 0:30"
    )
    assert render_progress(0, 400, 0.0).endswith("ETA ?")


def test_with_an_unknown_number_of_pages_progress_shows_the_share_of_input_read() -> None:
    assert render_progress(120, None, 10.0, 0.25) == (
        f"[{'#' * 6}{'-' * 18}] 120 pages  12.0 pages/s  25% of input  ETA 0:30"
    )
    assert render_progress(120, None, 10.0) == "120 pages  12.0 pages/s"


def test_the_progress_display_erases_itself_when_closed() -> None:
    class Terminal:
        """A carriage return moves the cursor to the start; characters overwrite."""

        def __init__(self) -> None:
            self.screen: list[str] = []
            self.cursor = 0

        def write(self, text: str) -> None:
            for char in text:
                if char == "\r":
                    self.cursor = 0
                    continue
                if self.cursor == len(self.screen):
                    self.screen.append(char)
                else:
                    self.screen[self.cursor] = char
                self.cursor += 1

        def flush(self) -> None:
            pass

    terminal = Terminal()
    progress = Progress(3, terminal)  # type: ignore[arg-type]
    for _ in range(3):
        progress.advance()
    assert "3/3" in "".join(terminal.screen)
    progress.close()
    assert "".join(terminal.screen).strip() == ""
    assert terminal.cursor == 0
