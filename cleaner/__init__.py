"""cleaner: raw web page dumps (HTML or visible text) to clean articles with metadata.

    >>> import cleaner
    >>> doc = cleaner.clean(open("page.txt").read())
    >>> doc.title, doc.author, doc.date
    >>> print(doc.text)

Every input block is in `doc.blocks` with the filter that kept or dropped it and why.
"""

from cleaner._api import clean
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
from cleaner.filters.base import Filter, Page

__version__ = "0.1.0"

__all__ = [
    "BinaryInput",
    "Block",
    "CleanOptions",
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
    "drop",
    "keep",
]
