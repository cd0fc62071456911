"""One Document as Markdown: a `# ` title, a metadata line, then the body paragraphs.

A text dump does not say which of its lines were headings, list items or quotes, so the body is
written as plain paragraphs and every character that Markdown would read as markup is escaped:
a body line "# 1 priority" stays a sentence, not a heading. We escape list markers ("- item",
"1. ") too rather than keep them as lists, because the dump cannot tell a bullet from a dash
in prose or a year ending a sentence ("1984. That winter..."), and Markdown would renumber
ordered items ("2." after a blank line becomes "1." of a new list) — the rendered page must show
exactly the words the page showed. When the HTML path lands, blocks that are known to be
headings or list items can be given real markup from `Block.tag`.
"""

from __future__ import annotations

import regex

from cleaner._model import Document

# Inline markup: backslash first (it escapes the others), then emphasis, code, links, raw HTML
# and autolinks, GFM strikethrough. An underscore inside a word is never emphasis in
# CommonMark, so only one at a word edge is escaped ("snake_case" stays readable).
_INLINE = regex.compile(r"[\\`*\[\]<~]|(?<!\w)_|_(?!\w)")
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
        parts.append("# " + _CLOSING_HASHES.sub(r"\\#", escape_inline(_one_line(doc.title))))
    meta = _metadata_line(doc)
    if meta:
        parts.append(meta)
    paragraphs = doc.paragraphs
    if paragraphs and doc.title and paragraphs[0].strip() == doc.title.strip():
        # The headline line is often kept in the body too; the heading already shows it.
        paragraphs = paragraphs[1:]
    parts.extend(escape_paragraph(p) for p in paragraphs)
    return "\n\n".join(parts)


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
