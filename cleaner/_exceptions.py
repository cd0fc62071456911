"""Errors raised by cleaner.

    CleanerError
    ├── InputError            the input cannot be read as a page
    │   ├── EmptyInput        nothing but whitespace
    │   ├── BinaryInput       bytes that are not text (an image, a PDF, an archive...)
    │   └── InputTooLarge     above `CleanOptions.max_bytes`
    └── RulesFileError        a user rules file that cannot be parsed

In a batch, an `InputError` becomes the page's error record; it never stops the batch.
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base of every error cleaner raises on purpose."""


class InputError(CleanerError):
    """The input cannot be read as a page."""

    code = "bad-input"


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class InputTooLarge(InputError):
    code = "too-large"


class RulesFileError(CleanerError):
    """A user rules file has a line that is not a valid rule."""
