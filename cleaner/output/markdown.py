"""One Document as Markdown: a `# ` title, a metadata line, then the body.

An HTML page's body keeps its structure: headings become `#` headings, list items `-` or `1.`
items (nested lists indented), table rows a pipe table, the lines of a `<pre>` a fenced code
block with their indentation and blank lines, and paragraphs inside a `<blockquote>` a quote.
What rebuilds them is on each kept block: its tag, its DOM path, and the numbers of its element
and of that element's parent (the lines of one `<pre>`, the cells of one row, see `Block`).
So the structure needs the Document's blocks (`include_blocks`, on by default; the CLI keeps
them for `--format markdown`); without them the body is written as for a text dump.

A text dump does not say which of its lines were headings, list items or quotes, so its body is
written as plain paragraphs and every character that Markdown would read as markup is escaped:
a body line "# 1 priority" stays a sentence, not a heading. We escape list markers ("- item",
"1. ") too rather than keep them as lists, because the dump cannot tell a bullet from a dash
in prose or a year ending a sentence ("1984. That winter..."), and Markdown would renumber
ordered items ("2." after a blank line becomes "1." of a new list) — the rendered page must show
exactly the words the page showed. The text of HTML blocks is escaped the same way; only the
markup we write ourselves is live.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner._model import Block, Document
from cleaner.segment.html import LINE_KEEPING_TAGS

# Inline markup: backslash first (it escapes the others), then emphasis, code, links, raw HTML
# and autolinks, GFM strikethrough. An underscore between two letters or digits is never
# emphasis in CommonMark, so only the others are escaped ("snake_case" stays readable; in
# "__a__" the inner ones too, or "_a_" would be emphasis).
_INLINE = regex.compile(r"[\\`*\[\]<~]|(?<![^\W_])_|_(?![^\W_])")
# A character reference ("&amp;", "&#169;") would render as the character it names.
_ENTITY = regex.compile(r"&(?=#?\w+;)")
# Block markup that only counts at the start of a line: ATX headings, block quotes, bullets and
# thematic breaks, setext underlines, ordered list markers ("12." or "12)").
_LINE_START = regex.compile(r"^(?:([#>+=\-])|(\d{1,9})([.)])(?=\s|$))")
# "## Title ##": a run of "#" after a space closes an ATX heading and would be dropped.
_CLOSING_HASHES = regex.compile(r"(?<=\s)#(?=#*\s*$)")
# An absolute URL without spaces or angle brackets can be written as an autolink.
_AUTOLINK = regex.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]+$")
META_SEPARATOR = " · "


def to_markdown(doc: Document) -> str:
    """Title heading, metadata line and body paragraphs; "" for an error record."""
    parts: list[str] = []
    if doc.title:
        parts.append(heading(1, doc.title))
    meta = _metadata_line(doc)
    if meta:
        parts.append(meta)
    kept = [b for b in doc.blocks if b.kept]
    if doc.kind == "html" and kept:
        if doc.title and kept[0].text.strip() == doc.title.strip():
            kept = kept[1:]  # the headline is kept in the body too; the heading shows it
        parts.extend(structured_body(kept))
        return "\n\n".join(parts)
    paragraphs = doc.paragraphs
    if paragraphs and doc.title and paragraphs[0].strip() == doc.title.strip():
        # The headline line is often kept in the body too; the heading already shows it.
        paragraphs = paragraphs[1:]
    parts.extend(escape_paragraph(p) for p in paragraphs)
    return "\n\n".join(parts)


# -- the structure of an HTML body ----------------------------------------------------------

CELL_TAGS = frozenset({"td", "th"})
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
# Each level of a nested list is indented this much: past the content column of any parent
# marker we write ("- ", "1. " ... "99. "), so CommonMark nests the item.
LIST_INDENT = "    "


def structured_body(blocks: Sequence[Block]) -> list[str]:
    """The Markdown pieces (to be joined by blank lines) of an HTML body's kept blocks."""
    parts: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        kind = _kind(block)
        j = i + 1
        if kind == "code":
            while j < len(blocks) and blocks[j].element == block.element:
                j += 1
            parts.append(_code(blocks[i:j]))
        elif kind == "cell":
            while j < len(blocks) and _kind(blocks[j]) == "cell":
                j += 1
            parts.extend(_table(blocks[i:j]))
        elif kind == "item":
            while j < len(blocks) and _kind(blocks[j]) == "item":
                j += 1
            parts.append(_list(blocks[i:j]))
        elif kind == "heading":
            parts.append(heading(block.heading, block.text))
        elif "blockquote" in block.path.split("/"):
            parts.append("> " + escape_line(block.text))
        else:
            parts.append(escape_line(block.text))
        i = j
    return parts


def _kind(block: Block) -> str:
    if block.tag in LINE_KEEPING_TAGS:  # one block a line, indentation kept: code
        return "code"
    if block.tag in CELL_TAGS:
        return "cell"
    if block.tag == "li" or (block.tag == "p" and block.path.endswith("/li/p")):
        return "item"
    if block.heading:
        return "heading"
    return "text"


def _code(lines: Sequence[Block]) -> str:
    body: list[str] = []
    for line in lines:
        body.extend([""] * line.gap_before)
        body.append(line.text)
    longest = max((len(run) for run in _BACKTICKS.findall("\n".join(body))), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence, *body, fence])


def _table(cells: Sequence[Block]) -> list[str]:
    """A pipe table, its first row the header; a "table" of one row or one column (a layout
    table) is written as paragraphs instead."""
    rows: list[list[str]] = []
    last_row = last_cell = -1
    for cell in cells:
        text = escape_inline(cell.text.strip()).replace("|", "\\|")
        if cell.parent != last_row:
            rows.append([text])
        elif cell.element == last_cell:  # a cell's text broken by <br>
            rows[-1][-1] += " " + text
        else:
            rows[-1].append(text)
        last_row, last_cell = cell.parent, cell.element
    width = max(len(row) for row in rows)
    if len(rows) < 2 or width < 2:
        return [escape_line(cell.text) for cell in cells]
    lines = []
    for k, row in enumerate(rows):
        lines.append("| " + " | ".join(row + [""] * (width - len(row))) + " |")
        if k == 0:
            lines.append("|" + " --- |" * width)
    return ["\n".join(lines)]


def _list(items: Sequence[Block]) -> str:
    lines: list[str] = []
    numbers: dict[int, int] = {}  # the last number given at each depth of ordered lists
    last_item = top_list = -1
    for item in items:
        segments = item.path.split("/")
        depth = max(0, sum(s in LIST_TAGS for s in segments) - 1)
        if depth == 0 and item.tag == "li":
            if top_list not in (-1, item.parent):
                lines.append("")  # another list: a blank line keeps them apart
                numbers.clear()
            top_list = item.parent
        for deeper in [d for d in numbers if d > depth]:
            del numbers[deeper]  # a list nested deeper ended: its numbering restarts
        text = escape_line(item.text)  # "- 1. x" would open a list inside the item
        owner = item.parent if item.tag == "p" else item.element
        if owner == last_item:  # the item's text broken by <br> or into paragraphs
            lines[-1] += " " + text
            continue
        last_item = owner
        if _list_tag(segments) == "ol":
            numbers[depth] = numbers.get(depth, 0) + 1
            marker = f"{numbers[depth]}."
        else:
            marker = "-"
        lines.append(LIST_INDENT * depth + marker + " " + text)
    return "\n".join(lines)


def _list_tag(segments: list[str]) -> str:
    """The tag of the list an item's path puts it in (the nearest list above the item)."""
    for segment in reversed(segments):
        if segment in LIST_TAGS:
            return segment
    return "ul"


_BACKTICKS = regex.compile(r"`+")


def heading(level: int, text: str) -> str:
    """An ATX heading of `text`, whose own hashes stay text."""
    # The space after the marker counts: a "#" that opens the text would close the heading.
    line = _CLOSING_HASHES.sub(r"\\#", " " + escape_inline(_one_line(text)))
    return "#" * min(level, 6) + line


def escape_paragraph(paragraph: str) -> str:
    """A paragraph of plain text as Markdown that renders to the same words."""
    return "\n".join(escape_line(line) for line in paragraph.split("\n"))


def escape_line(line: str) -> str:
    # Leading whitespace would make an indented code block; rendered Markdown drops it anyway.
    return _LINE_START.sub(_escape_marker, escape_inline(line.lstrip()))


def escape_inline(text: str) -> str:
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\g<0>", text))


def _escape_marker(m: regex.Match[str]) -> str:
    if m.group(1):
        return "\\" + m.group(1)
    return m.group(2) + "\\" + m.group(3)


def _metadata_line(doc: Document) -> str:
    fields = [escape_inline(_one_line(v)) for v in (doc.author, doc.date) if v and v.strip()]
    if doc.url:
        url = _one_line(doc.url)
        fields.append(f"<{url}>" if _AUTOLINK.match(url) else escape_inline(url))
    return "*" + META_SEPARATOR.join(fields) + "*" if fields else ""


def _one_line(value: str) -> str:
    return " ".join(value.split())
