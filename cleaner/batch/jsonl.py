"""JSON Lines inputs: one page per line, its HTML or text, URL and id in fields of the record.

The main process only splits the file into lines (`read_jsonl`, gzip unpacked as a stream,
one line in memory at a time); each record is parsed where it is cleaned (`unpack_record`), so
that JSON parsing runs in the worker processes too.

Fields are found by name: the ones given (`JsonFields`, `--html-field` and the like; a dotted
name such as `metadata.url` looks into nested objects), else the first present of the usual
names below. A record with an HTML field is cleaned as HTML; a text field is sniffed, as some
exports keep markup there. A page's id is its id field (a string or an integer), else
`FILE:LINE` (line numbers from 1), which is also the id of a line that cannot be read.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

from cleaner._exceptions import InputError
from cleaner.batch.inputs import GZIP_MAGIC, Source, unreadable_message

# Names exports use, most specific first: WARC-derived exports, C4, FineWeb, Dolma, RedPajama.
HTML_FIELDS = ("html", "raw_html", "html_content", "content_html", "body_html")
TEXT_FIELDS = ("text", "raw_content", "content", "body", "plain_text")
URL_FIELDS = ("url", "uri", "link", "target_uri", "WARC-Target-URI", "metadata.url")
ID_FIELDS = ("id", "doc_id", "document_id", "page_id", "uuid", "record_id", "WARC-Record-ID")
# A line may be this many times the page size limit: JSON escapes make a page's text longer
# (quotes and newlines 2 bytes; non-ASCII text written as \\u escapes 6 bytes a character, so
# lines written with ensure_ascii can exceed it: such a page is refused as too large).
LINE_LIMIT_FACTOR = 2
# Bytes read at a time while skipping the rest of a line that is too long.
SKIP_CHUNK = 1 << 20


class BadRecord(InputError):
    """A JSON Lines record that is not a page: invalid JSON, or without an HTML or text field.
    `record_id` is the record's id when it could be read."""

    code = "bad-record"

    def __init__(self, message: str, record_id: str | None = None) -> None:
        super().__init__(message)
        self.record_id = record_id


@dataclass(frozen=True, slots=True)
class JsonFields:
    """The fields of a JSON Lines record that hold the page's HTML, text, URL and id; None
    looks for the usual names."""

    html: str | None = None
    text: str | None = None
    url: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class JsonPage:
    raw: str
    kind: Literal["html", "auto"]
    url: str | None
    id: str | None


def line_limit(max_bytes: int) -> int:
    return max_bytes * LINE_LIMIT_FACTOR


def read_jsonl(path: str, *, max_bytes: int) -> Iterator[Source]:
    """One Source per non-blank line of the file, holding the line's bytes."""
    limit = line_limit(max_bytes)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield Source(path, path, error=unreadable_message(exc), form="page")
        return
    with raw:
        yield from _lines(path, raw, limit)


def _lines(path: str, raw: IO[bytes], limit: int) -> Iterator[Source]:
    try:
        f = _unpacked(raw)
    except OSError as exc:
        yield Source(path, path, error=unreadable_message(exc), form="page")
        return
    lineno = 0
    while True:
        lineno += 1
        offset = raw.tell()
        try:
            line = f.readline(limit + 1)
            if len(line) > limit:
                _skip_rest_of_line(f)
                message = f"too-large: line {lineno} is more than {limit} bytes"
                yield Source(f"{path}:{lineno}", None, error=message, form="page", offset=offset)
                continue
        except (OSError, EOFError, zlib.error) as exc:
            reason = str(exc) or type(exc).__name__
            message = (
                f"bad-record: cannot read past line {lineno - 1} ({reason}); "
                "the rest of the file was skipped"
            )
            yield Source(f"{path}:{lineno}", None, error=message, form="page", offset=offset)
            return
        if not line:
            return
        if line.strip():
            yield Source(f"{path}:{lineno}", None, data=line, form="json-record", offset=offset)


def _unpacked(raw: IO[bytes]) -> IO[bytes]:
    """The file's lines, gunzipped as a stream when it starts with gzip bytes."""
    gz = raw.read(2) == GZIP_MAGIC
    raw.seek(0)
    return gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw  # type: ignore[return-value]


def _skip_rest_of_line(f: IO[bytes]) -> None:
    while True:
        chunk = f.readline(SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def unpack_record(data: bytes, fields: JsonFields) -> JsonPage:
    """The page in one JSON Lines record. Raises `BadRecord`."""
    try:
        record = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise BadRecord(f"not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise BadRecord(f"a JSON {type(record).__name__}, not an object")
    html_names = (fields.html,) if fields.html else () if fields.text else HTML_FIELDS
    text_names = (fields.text,) if fields.text else () if fields.html else TEXT_FIELDS
    html = _first_string(record, html_names)
    text = _first_string(record, text_names) if not html else None
    kind: Literal["html", "auto"] = "html" if html else "auto"
    # An empty field is an empty page ("empty" record), a missing one no page at all.
    raw = html or text or (html if html is not None else text)
    record_id = _record_id(record, fields)
    if raw is None:
        wanted = ", ".join(html_names + text_names)
        message = f"no page in the record: none of the fields {wanted} holds a string"
        raise BadRecord(message, record_id)
    url = _first_string(record, (fields.url,) if fields.url else URL_FIELDS)
    return JsonPage(raw, kind, url or None, record_id)


def _record_id(record: dict[str, Any], fields: JsonFields) -> str | None:
    for name in (fields.id,) if fields.id else ID_FIELDS:
        value = _field(record, name)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    return None


def _first_string(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-empty string among the fields, else "" if one holds an empty string."""
    empty = None
    for name in names:
        value = _field(record, name)
        if isinstance(value, str):
            if value:
                return value
            empty = value
    return empty


def _field(record: dict[str, Any], name: str) -> Any:
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value
