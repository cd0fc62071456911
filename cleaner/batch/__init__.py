"""Cleaning many pages: finding inputs, reading them, a worker pool, writing and counting.

    inputs = find_inputs(["dumps/", "crawl.warc.gz", "export.jsonl.gz", "-"])
    job = BatchJob(options, time_limit=30, fields=JsonFields(html="raw_html"))
    docs = clean_sources(inputs.sources, job, workers=4)
    ParquetWriter("pages.parquet").write_all(docs)  # or StreamWriter, FolderWriter

One Document per page, in input order, errors as records. The batch layer takes plain values;
the command line (`cleaner.cli`) only parses arguments.

    inputs.py    files, folders, globs, stdin; reading one page file
    pages.py     files to pages: page files, WARC and JSON Lines containers
    warc.py      WARC records (fastwarc)          jsonl.py    JSON Lines records
    run.py       cleaning, in this process or worker processes; unique ids
    guard.py     the per-page time limit
    resume.py    output a killed run leaves readable, and taking it up again (--resume)
    dask.py      cleaning on a Dask cluster; Dask bags and dataframes (the dask extra)
    outputs.py   JSON Lines / text / Markdown streams, Parquet, a folder of files
    progress.py  summary.py   what the user sees on stderr
"""

from cleaner.batch.guard import DEFAULT_TIME_LIMIT
from cleaner.batch.inputs import Inputs, Source, find_inputs, read_source
from cleaner.batch.jsonl import JsonFields
from cleaner.batch.outputs import FolderWriter, ParquetWriter, StreamWriter
from cleaner.batch.pages import InputStats, expand
from cleaner.batch.run import BatchJob, clean_source, clean_sources
from cleaner.batch.summary import BatchSummary, error_code

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "BatchJob",
    "BatchSummary",
    "FolderWriter",
    "InputStats",
    "Inputs",
    "JsonFields",
    "ParquetWriter",
    "Source",
    "StreamWriter",
    "clean_source",
    "clean_sources",
    "error_code",
    "expand",
    "find_inputs",
    "read_source",
]
