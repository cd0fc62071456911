"""Many Documents into one output stream.

- `jsonl`: one JSON object per line, in input order; error records included.
- `text`: each page's body followed by a newline; between two pages a line holding only a form
  feed (U+000C, the ASCII page break: `less` shows it as ^L, `csplit`/`awk` can split on it).
  So `stream.split("\\f\\n")` gives back one chunk per page, an error record or an empty
  (all-boilerplate) page giving an empty chunk, and a single page has no separator at all.
- `markdown`: each page's Markdown; between two pages a thematic break (`---` alone on a line,
  between blank lines). A body line never renders as one, since a leading "-" is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from cleaner._model import Document
from cleaner.output.jsonl import to_jsonl_line
from cleaner.output.markdown import to_markdown
from cleaner.output.text import to_text

Format = Literal["jsonl", "text", "markdown"]
FORMATS: tuple[Format, ...] = ("jsonl", "text", "markdown")
TEXT_PAGE_SEPARATOR = "\f\n"
MARKDOWN_PAGE_SEPARATOR = "\n---\n\n"


def render_stream(docs: Iterable[Document], fmt: Format, *, blocks: bool = False) -> Iterator[str]:
    """The output for `docs`, one chunk per page (separator included), ready to write.

    `blocks` adds each block's verdict to JSON records; the other formats ignore it.
    """
    render, separator = _renderer(fmt, blocks)
    for i, doc in enumerate(docs):
        body = render(doc)
        yield (separator if i else "") + body + "\n"


def _renderer(fmt: Format, blocks: bool) -> tuple[Callable[[Document], str], str]:
    if fmt == "jsonl":
        return (lambda doc: to_jsonl_line(doc, blocks=blocks)), ""
    if fmt == "text":
        return to_text, TEXT_PAGE_SEPARATOR
    if fmt == "markdown":
        return to_markdown, MARKDOWN_PAGE_SEPARATOR
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
