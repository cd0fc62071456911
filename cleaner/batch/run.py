"""Cleaning many pages: one at a time, or in worker processes, always in input order.

Every source gives exactly one Document, carrying the source's `id`: a cleaned page, or an
error record (`error` set) when the page cannot be read ("unreadable: ..."), is not a page
("empty: ...", "binary: ...", "too-large: ...") or made the pipeline fail ("internal: ExcType:
message"). Nothing a page does stops the batch; a worker process that dies (a crash in a
C extension, the OOM killer) costs only the page it was cleaning.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Literal

from cleaner._api import Cleaner, error_document
from cleaner._exceptions import InputError
from cleaner._model import Document, Kind
from cleaner._options import CleanOptions
from cleaner.batch.inputs import Source, load_stdin, read_source, unreadable_message

KindChoice = Literal["auto", "html", "text"]

# Pages sent to a worker per task. A text dump takes 30-60 ms to clean (measured on the two
# shared samples), against about 0.4 ms per task to send paths and return Documents, so the size
# hardly matters now: 1, 4 and 16 pages per task were within noise of each other (400 dumps,
# 2 workers, a loaded 2-core machine). 4 saves most messages for faster pages to come (HTML,
# a quicker pipeline) while keeping tasks short enough for the workers to stay balanced.
CHUNK_PAGES = 4
# Tasks queued per worker beyond the one it runs, so no worker waits for the next task while
# the main process writes output. The batch holds at most workers * (this + 1) * CHUNK_PAGES
# cleaned pages in memory, whatever its length.
QUEUED_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class BatchJob:
    """What to do with every page of a batch: the `clean` options, the input kind, and the URL
    (meaningful for a batch of one page)."""

    options: CleanOptions = field(default_factory=CleanOptions)
    kind: KindChoice = "auto"
    url: str | None = None


def clean_source(source: Source, job: BatchJob, engine: Cleaner | None = None) -> Document:
    """Read and clean one page; never raises for anything the page does.

    `engine` is the job's pipeline, built once per process; without one it is built here.
    """
    kind = _error_kind(job)
    if source.error is not None:
        return error_document(source.error, url=job.url, id=source.id, kind=kind)
    try:
        raw = read_source(source, max_bytes=job.options.max_bytes)
        engine = engine or Cleaner(job.options)
        doc = engine.clean(raw, url=job.url, kind=job.kind)
    except InputError as exc:
        # Reading raises these (too large, corrupt gzip), and `clean` does with raise_errors.
        return error_document(exc, url=job.url, id=source.id, kind=kind)
    except OSError as exc:
        return error_document(unreadable_message(exc), url=job.url, id=source.id, kind=kind)
    except Exception as exc:
        return _internal_error(source, job, exc)
    return replace(doc, id=source.id)


def clean_sources(
    sources: Iterable[Source], job: BatchJob, *, workers: int = 1, chunk_pages: int = CHUNK_PAGES
) -> Generator[Document, None, None]:
    """One Document per source, in the order of `sources`, whatever `workers` is.

    `workers` > 1 cleans in that many processes. Their options travel once, when each worker
    starts; with the "fork" start method (the default on Linux before Python 3.14) user filters
    may be any callable, with "spawn" or "forkserver" they must be importable functions.
    """
    if workers <= 1:
        engine = Cleaner(job.options)
        for source in sources:
            yield clean_source(source, job, engine)
        return
    stdin_read = (load_stdin(s, max_bytes=job.options.max_bytes) for s in sources)
    yield from _clean_in_pool(_chunks(stdin_read, chunk_pages), job, workers)


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
                docs = [_internal_error(s, job, exc) for s in chunk]
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
        return ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(self.job,))

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
        try:
            return self.submit([source]).result()[0]
        except BrokenProcessPool:
            self.restart()
            message = "internal: worker process died while cleaning this page"
            return error_document(
                message, url=self.job.url, id=source.id, kind=_error_kind(self.job)
            )
        except Exception as exc:
            return _internal_error(source, self.job, exc)


# The job of this worker process and its pipeline, set once when it starts (`_init_worker`).
_worker_job: BatchJob | None = None
_worker_engine: Cleaner | None = None


def _init_worker(job: BatchJob) -> None:
    global _worker_job, _worker_engine
    _worker_job = job
    _worker_engine = Cleaner(job.options)
    # Ctrl-C reaches the whole process group; the main process alone handles it, so that the
    # user sees one message instead of a traceback per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _clean_chunk(chunk: list[Source]) -> list[Document]:
    assert _worker_job is not None, "worker started without a job"
    return [clean_source(s, _worker_job, _worker_engine) for s in chunk]


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    it = iter(sources)
    while chunk := list(islice(it, size)):
        yield chunk


def _internal_error(source: Source, job: BatchJob, exc: BaseException) -> Document:
    message = f"internal: {type(exc).__name__}: {exc}"
    return error_document(message, url=job.url, id=source.id, kind=_error_kind(job))


def _error_kind(job: BatchJob) -> Kind:
    return "html" if job.kind == "html" else "text"
