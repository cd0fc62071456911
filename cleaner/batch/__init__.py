"""Cleaning many pages: finding inputs, reading them, a worker pool, counting the outcome.

    inputs = find_inputs(["dumps/", "extra/*.txt.gz", "-"])
    for doc in clean_sources(inputs.sources, BatchJob(options), workers=4):
        ...  # one Document per source, in input order, errors as records

The batch layer takes plain values; the command line (`cleaner.cli`) only parses arguments.
"""

from cleaner.batch.inputs import Inputs, Source, find_inputs, read_source
from cleaner.batch.run import BatchJob, clean_source, clean_sources
from cleaner.batch.summary import BatchSummary, error_code

__all__ = [
    "BatchJob",
    "BatchSummary",
    "Inputs",
    "Source",
    "clean_source",
    "clean_sources",
    "error_code",
    "find_inputs",
    "read_source",
]
