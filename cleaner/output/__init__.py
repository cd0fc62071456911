"""Documents to bytes on the page: JSON lines, plain text, Markdown.

Each formatter turns one `Document` into one string without a trailing newline;
`render_stream` joins many into one output stream, with the separators documented there.
"""

from cleaner.output.jsonl import to_jsonl_line
from cleaner.output.markdown import to_markdown
from cleaner.output.stream import (
    FORMATS,
    MARKDOWN_PAGE_SEPARATOR,
    TEXT_PAGE_SEPARATOR,
    render_stream,
)
from cleaner.output.text import to_text

__all__ = [
    "FORMATS",
    "MARKDOWN_PAGE_SEPARATOR",
    "TEXT_PAGE_SEPARATOR",
    "render_stream",
    "to_jsonl_line",
    "to_markdown",
    "to_text",
]
