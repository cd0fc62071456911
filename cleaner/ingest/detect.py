"""Tell an HTML page from a plain-text dump."""

from __future__ import annotations

import regex

from cleaner._model import Kind

_HTML_START = regex.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", regex.I | regex.S
)
_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|li|ul|table|tr|td|h[1-6]|meta|link|script|img|section|article)\b[^<>]*>",
    regex.I,
)
SNIFF_CHARS = 8192
# A text dump may quote a little markup (a docs page about HTML); a page is taken for HTML when
# tags are dense: more than one tag per this many characters of its head. Calibrated on the two
# real dumps (no tag at all) and wcxb-dev pages (all far above it).
CHARS_PER_TAG = 400


def detect_kind(text: str) -> Kind:
    head = text[:SNIFF_CHARS]
    if _HTML_START.search(head):
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 3 and tags * CHARS_PER_TAG > len(head) else "text"
