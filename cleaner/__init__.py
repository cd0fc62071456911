"""cleaner: raw web page dumps (HTML or visible text) to clean articles with metadata.

    >>> import cleaner
    >>> doc = cleaner.clean(open("page.txt").read())
    >>> doc.title, doc.author, doc.date
    >>> print(doc.text)

Every input block is in `doc.blocks` with the filter that kept or dropped it and why.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from cleaner._api import Cleaner, clean
    from cleaner.batch import BatchJob, clean_sources, find_inputs
    from cleaner.filters.base import Filter, Page

# Imported on first use: the pipeline compiles its rules when imported (about 2 s), which a
# process that only reads a Document, or pytest loading the fixture plugin, need not pay.
_LAZY = {
    "Cleaner": "cleaner._api",
    "clean": "cleaner._api",
    "BatchJob": "cleaner.batch",
    "clean_sources": "cleaner.batch",
    "find_inputs": "cleaner.batch",
    "Filter": "cleaner.filters.base",
    "Page": "cleaner.filters.base",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
