"""One Document as one line of JSON."""

from __future__ import annotations

import json

from cleaner._model import Document


def to_jsonl_line(doc: Document, *, blocks: bool = False) -> str:
    """The document as one JSON object on one line (no newline at the end).

    Non-ASCII text is written as itself, not as escapes, so the output stays readable and
    about half the size for non-Latin pages. A `str` handed to `clean()` by a caller may hold
    lone surrogates, which UTF-8 cannot encode; such a record falls back to ASCII escapes so
    that the line is still valid JSON in a UTF-8 file.
    """
    data = doc.to_dict(blocks=blocks)
    line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return line
