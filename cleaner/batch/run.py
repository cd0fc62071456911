"""Cleaning many pages: one at a time, or in worker processes, always in input order.

Every page gives exactly one Document, carrying the page's `id`: a cleaned page, or an error
record (`error` set) when the page cannot be read ("unreadable: ..."), is not a page ("empty:
...", "binary: ...", "too-large: ..."), is a broken container record ("bad-record: ..."), ran
past the time limit ("timeout: ...") or made the pipeline fail ("internal: ExcType: message").
Nothing a page does stops the batch; a worker process that dies (a crash in a C extension,
the OOM killer, the hard time stop) costs only the page it was cleaning.

Ids are unique within a batch: a page whose id an earlier page had (a JSON Lines export with a
repeated id, a WARC record copied twice) gets `#2`, `#3`... appended, the same in every run
over the same inputs.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Literal

from cleaner._api import Cleaner, error_document
from cleaner._exceptions import InputError
from cleaner._model import Document, Kind
from cleaner._options import CleanOptions
from cleaner.batch.guard import (
    DEFAULT_TIME_LIMIT,
    PageTimeout,
    arm_hard_stop,
    hard_stop,
    time_limit,
    timeout_message,
)
from cleaner.batch.inputs import Source, load_stdin, read_source, unreadable_message
from cleaner.batch.jsonl import BadRecord, JsonFields, JsonPage, unpack_record
from cleaner.batch.pages import InputStats, expand
from cleaner.batch.resume import id_key
from cleaner.ingest.decode import decode_with_charset

KindChoice = Literal["auto", "html", "text"]

# Pages sent to a worker per task. A text dump takes 30-60 ms to clean (measured on the two
# shared samples), against about 0.4 ms per task to send paths and return Documents, so the size
# hardly matters now: 1, 4 and 16 pages per task were within noise of each other (400 dumps,
# 2 workers, a loaded 2-core machine). 4 saves most messages for faster pages to come (HTML,
# a quicker pipeline) while keeping tasks short enough for the workers to stay balanced.
CHUNK_PAGES = 4
# Tasks queued per worker beyond the one it runs, so no worker waits for the next task while
# the main process writes output. The batch holds at most workers * (this + 1) * CHUNK_PAGES
# pages (read, or cleaned) in memory, whatever its length.
QUEUED_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class BatchJob:
    """What to do with every page of a batch: the `clean` options, the input kind, the URL
    (meaningful for a batch of one page), the seconds one page may take (`None`: no limit;
    see `cleaner.batch.guard`), and the fields of JSON Lines records that hold the page."""

    options: CleanOptions = field(default_factory=CleanOptions)
    kind: KindChoice = "auto"
    url: str | None = None
    time_limit: float | None = DEFAULT_TIME_LIMIT
    fields: JsonFields = field(default_factory=JsonFields)


def clean_source(source: Source, job: BatchJob, engine: Cleaner | None = None) -> Document:
    """Read and clean one page; never raises for anything the page does.

    `engine` is the job's pipeline, built once per process; without one it is built here.
    The time limit runs in this process (see `cleaner.batch.guard`).
    """
    url = source.url or job.url
    if source.error is not None:
        return _failed(source.error, source.id, url, source, job)
    # A JSON record is unpacked before the clock starts, so that its id is known whatever
    # happens next: a page's id must not depend on how far its cleaning got.
    try:
        record = _unpack(source, job)
    except BadRecord as exc:
        return _failed(exc, exc.record_id or source.id, url, source, job)
    except Exception as exc:
        return _failed(_internal(exc), source.id, url, source, job)
    page_id = (record.id if record else None) or source.id
    url = (record.url if record else None) or url
    try:
        with time_limit(job.time_limit):
            doc = _clean(source, record, url, job, engine or Cleaner(job.options))
    except PageTimeout:
        return _failed(timeout_message(job.time_limit or 0), page_id, url, source, job)
    except InputError as exc:
        # Reading raises these (too large, corrupt gzip), and `clean` does with raise_errors.
        return _failed(exc, page_id, url, source, job)
    except OSError as exc:
        return _failed(unreadable_message(exc), page_id, url, source, job)
    except Exception as exc:
        return _failed(_internal(exc), page_id, url, source, job)
    return replace(doc, id=page_id)


def page_id(source: Source, job: BatchJob) -> str:
    """The id `clean_source` gives the page, found without cleaning it."""
    try:
        record = _unpack(source, job)
    except BadRecord as exc:
        return exc.record_id or source.id
    except Exception:
        return source.id
    return (record.id if record else None) or source.id


def _unpack(source: Source, job: BatchJob) -> JsonPage | None:
    if source.form != "json-record" or source.error is not None:
        return None
    return unpack_record(source.data or b"", job.fields)


def _clean(
    source: Source, record: JsonPage | None, url: str | None, job: BatchJob, engine: Cleaner
) -> Document:
    kind: KindChoice = job.kind
    raw: str | bytes
    if record is not None:
        raw = record.raw
        if kind == "auto":
            kind = record.kind
    else:
        raw = read_source(source, max_bytes=job.options.max_bytes)
        if kind == "auto" and source.kind is not None:
            kind = source.kind
        if source.charset:
            raw = decode_with_charset(raw, source.charset) or raw
    return engine.clean(raw, url=url, kind=kind)


def clean_sources(
    sources: Iterable[Source],
    job: BatchJob,
    *,
    workers: int = 1,
    chunk_pages: int = CHUNK_PAGES,
    processes: bool | None = None,
    stats: InputStats | None = None,
    done: Callable[[str], bool] | None = None,
) -> Generator[Document, None, None]:
    """One Document per page of `sources`, in input order, whatever `workers` is: a page file
    gives one, a WARC or JSON Lines file one per record (see `cleaner.batch.pages`).

    `workers` > 1 cleans in that many processes; `processes=True` uses worker processes even
    for one worker, so that the time limit's hard stop can end a page stuck in C code (in
    this process only the soft stop applies: see `cleaner.batch.guard`). The workers' options
    travel once, when each starts; with the "fork" start method (the default on Linux before
    Python 3.14) user filters may be any callable, with "spawn" or "forkserver" they must be
    importable functions. `stats` collects what the reading saw besides pages.

    `done` says whether a page, by its final id, was written by an earlier run (see
    `cleaner.batch.resume`): such pages are skipped unread, their ids found without cleaning
    (`page_id`), and the others keep the ids they would have had in a run over all pages.
    """
    stats = stats if stats is not None else InputStats()
    pages = expand(sources, max_bytes=job.options.max_bytes, stats=stats)
    ids: deque[str] = deque()
    if done is not None:
        pages = _not_done(pages, job, done, ids, _UniqueIds(stats))
    if not (processes if processes is not None else workers > 1):
        docs = _clean_here(pages, job)
    else:
        stdin_read = (load_stdin(s, max_bytes=job.options.max_bytes) for s in pages)
        docs = _clean_in_pool(_chunks(stdin_read, chunk_pages), job, max(1, workers))
    if done is None:
        yield from _unique_ids(docs, stats)
        return
    for doc in docs:  # in input order: the ids given out before cleaning, one each
        yield replace(doc, id=ids.popleft())


def _not_done(
    pages: Iterable[Source],
    job: BatchJob,
    done: Callable[[str], bool],
    ids: deque[str],
    unique: _UniqueIds,
) -> Iterator[Source]:
    for source in pages:
        final = unique.id_for(page_id(source, job))
        if done(final):
            continue
        ids.append(final)
        yield source


class _Engine:
    """The job's pipeline in one process, cleaning page after page; rebuilt after a page ran
    past the time limit, as the stop may have cut its caches short mid-update.

    `worker` adds the hard stop, which ends the process (so only in a worker process)."""

    def __init__(self, job: BatchJob, *, worker: bool = False) -> None:
        self.job = job
        self.worker = worker
        self.cleaner = Cleaner(job.options)

    def clean(self, source: Source) -> Document:
        if self.worker:
            with hard_stop(self.job.time_limit):
                doc = clean_source(source, self.job, self.cleaner)
        else:
            doc = clean_source(source, self.job, self.cleaner)
        if _timed_out(doc):
            self.cleaner = Cleaner(self.job.options)
        return doc


def _clean_here(pages: Iterable[Source], job: BatchJob) -> Iterator[Document]:
    engine = _Engine(job)
    return (engine.clean(source) for source in pages)


def _unique_ids(docs: Iterable[Document], stats: InputStats) -> Iterator[Document]:
    unique = _UniqueIds(stats)
    for doc in docs:
        final = unique.id_for(doc.id or "")
        yield doc if final == doc.id else replace(doc, id=final)


class _UniqueIds:
    """Each id once: a repeated one gets `#2`, `#3`... in the order the pages come."""

    def __init__(self, stats: InputStats) -> None:
        # 8-byte digests rather than the ids: about 80 bytes a page in all (measured with
        # tracemalloc). A false match (odds about 1 in 40 for a billion-page batch, 1 in
        # 4 * 10^7 for a million) would only rename a page, the same in each run.
        self.seen: set[bytes] = set()
        self.repeats: dict[str, int] = {}
        self.stats = stats

    def id_for(self, page: str) -> str:
        key = id_key(page)
        if key not in self.seen:
            self.seen.add(key)
            return page
        self.repeats[page] = self.repeats.get(page, 1) + 1
        self.stats.renamed += 1
        return f"{page}#{self.repeats[page]}"


def _clean_in_pool(
    chunks: Iterator[list[Source]], job: BatchJob, workers: int
) -> Iterator[Document]:
    pool = _Pool(workers, job)
    try:
        pending = deque(
            (c, pool.submit(c)) for c in islice(chunks, workers * (QUEUED_PER_WORKER + 1))
        )
        while pending:
            chunk, future = pending.popleft()
            try:
                docs = future.result()
            except BrokenProcessPool:
                # Every queued task failed with the pool; find the culprit page by page.
                pool.restart()
                docs = [pool.clean_alone(s) for s in chunk]
                pending = deque((c, pool.submit(c)) for c, _ in pending)
            except Exception as exc:  # a result that could not be sent back, say
                docs = [_failed(_internal(exc), page_id(s, job), s.url, s, job) for s in chunk]
            yield from docs
            following = next(chunks, None)
            if following is not None:
                pending.append((following, pool.submit(following)))
    finally:
        pool.shutdown()


class _Pool:
    """A process pool that can be restarted after a worker dies."""

    def __init__(self, workers: int, job: BatchJob) -> None:
        self.workers = workers
        self.job = job
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # The workers are told the batch's process id: one whose parent dies while it is still
        # starting would otherwise take its adoptive parent for the batch.
        return ProcessPoolExecutor(
            self.workers, initializer=_init_worker, initargs=(self.job, os.getpid())
        )

    def submit(self, chunk: list[Source]) -> Future[list[Document]]:
        try:
            return self.executor.submit(_clean_chunk, chunk)
        except BrokenProcessPool as exc:
            # A worker died since the last result; the chunk fails like those already queued.
            failed: Future[list[Document]] = Future()
            failed.set_exception(exc)
            return failed

    def restart(self) -> None:
        self.shutdown()
        self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def clean_alone(self, source: Source) -> Document:
        started = time.monotonic()
        try:
            return self.submit([source]).result()[0]
        except BrokenProcessPool:
            self.restart()
            # The hard stop ends a worker only once its page is past the limit; a worker that
            # died sooner crashed.
            limit = self.job.time_limit
            stopped = limit is not None and time.monotonic() - started >= limit
            message = (
                timeout_message(self.job.time_limit or 0, stopped=True)
                if stopped
                else "internal: worker process died while cleaning this page"
            )
            return _failed(message, page_id(source, self.job), source.url, source, self.job)
        except Exception as exc:
            return _failed(_internal(exc), page_id(source, self.job), source.url, source, self.job)


# This worker process's pipeline, built once when it starts (`_init_worker`).
_worker_engine: _Engine | None = None


PARENT_CHECK_SECONDS = 0.5
"""How often a worker checks that the batch that started it is still alive. A worker of a
batch killed outright (`kill -9`, the OOM killer) would otherwise wait for work forever:
the pool's queues do not tell it. Half a second costs nothing measurable."""


def _init_worker(job: BatchJob, batch: int) -> None:
    global _worker_engine
    _exit_with_parent(batch)
    _worker_engine = _Engine(job, worker=True)
    arm_hard_stop()
    # Ctrl-C reaches the whole process group; the main process alone handles it, so that the
    # user sees one message instead of a traceback per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _exit_with_parent(parent: int) -> None:
    """End this worker when its parent process is gone (it is then adopted: its parent
    id changes). The main process ends its workers itself on every other way out."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="cleaner-parent-watch", daemon=True).start()


def _clean_chunk(chunk: list[Source]) -> list[Document]:
    assert _worker_engine is not None, "worker started without a job"
    return [_worker_engine.clean(source) for source in chunk]


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    it = iter(sources)
    while chunk := list(islice(it, size)):
        yield chunk


def _timed_out(doc: Document) -> bool:
    return doc.error is not None and doc.error.startswith("timeout:")


def _internal(exc: BaseException) -> str:
    return f"internal: {type(exc).__name__}: {exc}"


def _failed(
    error: InputError | str, page: str, url: str | None, source: Source, job: BatchJob
) -> Document:
    kind: Kind = "html" if job.kind == "html" or source.kind == "html" else "text"
    return error_document(error, url=url or job.url, id=page, kind=kind)
