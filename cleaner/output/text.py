"""One Document as plain text: the body and nothing else."""

from __future__ import annotations

from cleaner._model import Document

# A form feed never survives segmentation into a body, but a body built another way (a user
# filter, the HTML path) could in principle carry one; it would then read as a page break in a
# stream of several pages, so it is replaced.
_FORM_FEED = "\f"


def to_text(doc: Document) -> str:
    """The body paragraphs separated by a blank line; "" for an error record."""
    return doc.text.replace(_FORM_FEED, " ")
