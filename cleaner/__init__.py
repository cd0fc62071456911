"""cleaner: raw web page dumps (HTML or visible text) to clean articles with metadata.

    >>> import cleaner
    >>> doc = cleaner.clean(open("page.txt").read())
    >>> doc.title, doc.author, doc.date
    >>> print(doc.text)

Every input block is in `doc.blocks` with the filter that kept or dropped it and why.
"""

from cleaner._api import Cleaner, clean
from cleaner._exceptions import (
    BinaryInput,
    CleanerError,
    EmptyInput,
    InputError,
    InputTooLarge,
    RulesFileError,
)
from cleaner._model import Block, Document, Verdict, drop, keep
from cleaner._options import CleanOptions
from cleaner.batch import BatchJob, clean_sources, find_inputs
from cleaner.filters.base import Filter, Page

__version__ = "0.1.0"

__all__ = [
    "BatchJob",
    "BinaryInput",
    "Block",
    "CleanOptions",
    "Cleaner",
    "CleanerError",
    "Document",
    "EmptyInput",
    "Filter",
    "InputError",
    "InputTooLarge",
    "Page",
    "RulesFileError",
    "Verdict",
    "__version__",
    "clean",
    "clean_sources",
    "drop",
    "find_inputs",
    "keep",
]
