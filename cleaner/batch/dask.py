"""Cleaning on a Dask distributed cluster (the `dask` extra): `cleaner clean --engine dask`,
and entry points for pages already in a Dask bag or dataframe.

    from cleaner.batch.dask import clean_bag, clean_partition, RECORD_META
    records = clean_bag(dask.bag.read_text("crawl-*.jsonl").map(json.loads))  # bag of dicts
    cleaned = frame.map_partitions(clean_partition, meta=RECORD_META)          # dataframe

The command's engine sends the work a process pool would do to the cluster's workers, in
tasks: a run of page files (their paths travel, each worker reads its pages), a run of a WARC
file's pages (a worker first finds where each run starts), or a whole JSON Lines file, which
the worker reads as a stream: a container is never loaded by the client. The records come back to the client, in input order, and go through the same unique
ids and writers as with the local engine, so the output is the same. Each worker process
builds the pipeline once per job.

Limits: a JSON Lines file is one task, so a single huge export is cleaned by one worker, and
its records are held by that worker until the file is done. The per-page time limit applies on
the workers, which clean in threads: the guard's watchdog thread interrupts a page running
Python code past the limit (`cleaner.batch.guard`). The hard stop does not: it ends the whole
process, and Dask would take a worker lost mid-task for a failure of the task and retry it.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from cleaner._model import Document
from cleaner.batch.inputs import Source, load_stdin
from cleaner.batch.pages import InputStats, classify, expand
from cleaner.batch.run import BatchJob, _Engine, _unique_ids
from cleaner.batch.warc import read_warc

if TYPE_CHECKING:
    import pandas as pd

INSTALL_HINT = "--engine dask needs Dask: pip install 'cleaner[dask]'"
# Page files per task. A Dask task costs about 1 ms of scheduling against 2-30 ms to clean a
# page (text dumps 30-60 ms, wcxb HTML median 18 ms), so 16 pages keep that under a few percent
# while a task stays well under a second.
TASK_PAGES = 16
# WARC pages per task: a WARC file is cut into runs of this many pages (at record offsets
# found by a first pass on a worker), so that one big file is spread over the cluster and a
# worker holds one run's records at a time. At 20-60 pages/s a worker, a run takes seconds.
WARC_TASK_PAGES = 128
# Tasks in flight per worker, beyond the one it runs: enough that no worker waits while the
# client writes; the client then holds at most workers * (this + 1) tasks' records.
QUEUED_PER_WORKER = 2
# The columns of `clean_partition`'s records, in order: a JSON Lines record's fields.
RECORD_COLUMNS = tuple(name for name in Document.__dataclass_fields__ if name != "blocks")


def dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class _Task:
    """Pages for one Dask task: page files (or stdin's page, with its bytes), or one container
    file to be read on the worker."""

    sources: tuple[Source, ...]
    container: bool = False
    # For a run of a WARC file: the bytes of the file whose records it reads.
    start: int = 0
    stop: int | None = None


@dataclass(slots=True)
class _Done:
    """A task's records, and what reading its container saw besides pages."""

    docs: list[Document]
    stats: InputStats = field(default_factory=InputStats)


def clean_on_dask(
    sources: Iterable[Source],
    job: BatchJob,
    *,
    scheduler: str | None = None,
    workers: int = 1,
    stats: InputStats | None = None,
    warc_task_pages: int = WARC_TASK_PAGES,
) -> Generator[Document, None, None]:
    """The Documents `cleaner.batch.clean_sources` gives for `sources`, cleaned on the Dask
    cluster at `scheduler` (an address), or on a local cluster of `workers` processes started
    for the batch and stopped after it. A WARC file goes out in runs of `warc_task_pages`
    pages, a JSON Lines file whole."""
    from distributed import Client, LocalCluster

    stats = stats if stats is not None else InputStats()
    with contextlib.ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            )
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(scheduler))
        slots = max(1, sum(client.nthreads().values())) * (QUEUED_PER_WORKER + 1)
        tasks = _tasks(sources, job, lambda path: _warc_runs(client, path, job, warc_task_pages))
        docs = _run_tasks(client, tasks, job, slots, stats)
        yield from _unique_ids(docs, stats)


def _tasks(
    sources: Iterable[Source], job: BatchJob, warc_runs: Callable[[str], list[int]]
) -> Iterator[_Task]:
    pages: list[Source] = []
    for source in sources:
        source = classify(source)
        if source.form in ("warc", "jsonl") and source.path is not None:
            if pages:
                yield _Task(tuple(pages))
                pages = []
            if source.form == "jsonl":
                yield _Task((source,), container=True)
                continue
            starts = warc_runs(source.path)
            for start, stop in zip(starts, [*starts[1:], None], strict=True):
                yield _Task((source,), container=True, start=start, stop=stop)
            continue
        pages.append(load_stdin(source, max_bytes=job.options.max_bytes))
        if len(pages) >= TASK_PAGES:
            yield _Task(tuple(pages))
            pages = []
    if pages:
        yield _Task(tuple(pages))


def _run_tasks(
    client: Any, tasks: Iterator[_Task], job: BatchJob, slots: int, stats: InputStats
) -> Iterator[Document]:
    pending = deque(client.submit(_clean_task, t, job, pure=False) for t in islice(tasks, slots))
    while pending:
        done: _Done = pending.popleft().result()
        stats.skipped.update(done.stats.skipped)
        stats.bytes_read += done.stats.bytes_read
        yield from done.docs
        following = next(tasks, None)
        if following is not None:
            pending.append(client.submit(_clean_task, following, job, pure=False))


def _warc_runs(client: Any, path: str, job: BatchJob, pages: int) -> list[int]:
    """Where each run of `pages` pages of the WARC at `path` starts (0 first), found by a
    worker reading the file once (the client reads no container)."""
    return list(client.submit(_warc_offsets, path, job.options.max_bytes, pages).result())


def _warc_offsets(path: str, max_bytes: int, pages: int) -> list[int]:
    starts = [0]
    count = 0
    for source in read_warc(path, max_bytes=max_bytes, skipped=Counter()):
        # A run starts at a page read from its own record (not after damaged data), so that
        # reading can start there.
        if count >= pages and source.error is None:
            starts.append(source.offset)
            count = 0
        count += 1
    return starts


# This worker process's pipeline for the last job it served: built once, not per task (and
# rebuilt after a page timed out, as the local engine does).
_engine: _Engine | None = None


def _engine_for(job: BatchJob) -> _Engine:
    global _engine
    if _engine is None or _engine.job != job:
        _engine = _Engine(job)
    return _engine


def _clean_task(task: _Task, job: BatchJob) -> _Done:
    done = _Done([])
    pages: Iterable[Source]
    source = task.sources[0]
    if task.container and source.form == "warc" and source.path is not None:
        path, limit = source.path, job.options.max_bytes
        pages = read_warc(
            path, max_bytes=limit, skipped=done.stats.skipped, start=task.start, stop=task.stop
        )
        done.stats.bytes_read = (task.stop or os.path.getsize(path)) - task.start
    else:
        pages = expand(task.sources, max_bytes=job.options.max_bytes, stats=done.stats)
    engine = _engine_for(job)
    done.docs = [engine.clean(page) for page in pages]
    return done


# The Python entry points: pages already in a Dask collection.


def clean_bag(bag: Any, job: BatchJob | None = None) -> Any:
    """A Dask bag of JSON Lines records (dicts, as `Document.to_dict` gives) for a bag of pages:
    each item a raw page (str or bytes, its kind sniffed unless `job.kind` says) or a dict
    holding one the way a JSON Lines record does (fields found as for JSON Lines input:
    `job.fields`). A page without an id of its own is named `PARTITION:INDEX`."""
    import dask.bag as db
    from dask import delayed

    job = job or BatchJob()
    parts = [
        delayed(_clean_items)(part, job, n, blocks=job.options.include_blocks)
        for n, part in enumerate(bag.to_delayed())
    ]
    return db.from_delayed(parts)


def clean_partition(
    frame: pd.DataFrame,
    job: BatchJob | None = None,
    *,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """The records (`RECORD_COLUMNS`) for a pandas DataFrame of pages, one per row, its columns
    named as a JSON Lines record's fields (`html`, `text`, `url`, `id`... or `job.fields`).
    Made for `ddf.map_partitions(clean_partition, meta=RECORD_META)`: Dask passes
    `partition_info`, and a row without an id is named `PARTITION:INDEX`."""
    import pandas as pd

    job = job or BatchJob()
    number = partition_info["number"] if partition_info else 0
    rows = ({k: v for k, v in row.items() if not _missing(v)} for row in frame.to_dict("records"))
    records = _clean_items(rows, job, number, blocks=False)
    return pd.DataFrame.from_records(records, columns=list(RECORD_COLUMNS), index=frame.index)


def record_meta() -> pd.DataFrame:
    """An empty frame with `clean_partition`'s columns, for `map_partitions(meta=...)`."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=object) for name in RECORD_COLUMNS})


def __getattr__(name: str) -> Any:
    if name == "RECORD_META":  # built on first use: pandas is not imported with this module
        return record_meta()
    raise AttributeError(name)


def _clean_items(
    items: Iterable[object], job: BatchJob, partition: int, *, blocks: bool
) -> list[dict[str, Any]]:
    engine = _engine_for(job)
    records = []
    for i, item in enumerate(items):
        doc = engine.clean(_item_source(item, f"{partition}:{i}"))
        records.append(doc.to_dict(blocks=blocks))
    return records


def _item_source(item: object, name: str) -> Source:
    if isinstance(item, dict):
        return Source(name, None, json.dumps(item).encode("utf-8"), form="json-record")
    if isinstance(item, str):
        return Source(name, None, item.encode("utf-8", "surrogatepass"), form="page")
    if isinstance(item, bytes | bytearray):
        return Source(name, None, bytes(item), form="page")
    what = type(item).__name__
    return Source(name, None, error=f"bad-record: a page is str, bytes or dict, not {what}")


def _missing(value: object) -> bool:
    # A DataFrame fills a row's absent fields with NaN or None.
    return value is None or (isinstance(value, float) and value != value)
