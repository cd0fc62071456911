"""Input text to blocks: one module per kind of input."""

from cleaner.segment.html import segment_html, segment_tree
from cleaner.segment.text import segment_text

__all__ = ["segment_html", "segment_text", "segment_tree"]
