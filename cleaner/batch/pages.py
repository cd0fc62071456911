"""From files to pages: a page file is one page; a WARC or JSON Lines file holds many.

A file's form is told by its name (`.warc`, `.warc.gz`, `.jsonl`, `.jsonl.gz`, `.ndjson`...),
else by its first bytes, unpacked when gzip: `WARC/` starts a WARC, a `{"` a JSON Lines file.
A name that says page (`.html`, `.txt`...) is not opened here, so a folder of a million pages
costs no extra reads. Containers are opened in the main process and read as a stream; the
pages they hold are sent to the workers with their bytes (WARC) or their line (JSON Lines).
"""

from __future__ import annotations

import os
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import regex

from cleaner.batch.inputs import GZIP_MAGIC, Form, Source
from cleaner.batch.jsonl import read_jsonl
from cleaner.batch.warc import WARC_MAGIC, read_warc

WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".jsonlines")
# Names that say "one page": not opened to be sniffed.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md", ".xml")
# Bytes looked at to tell a container from a page; a WARC or JSON Lines file says what it is
# in its first line.
SNIFF_BYTES = 64
_JSON_OBJECT_START = regex.compile(rb'\A(?:\xef\xbb\xbf)?[ \t\r\n]*\{[ \t]*"')


def form_of(path: str) -> Form:
    """ "warc", "jsonl" or "page" for the file at `path` (a file that cannot be read is a
    "page": reading it again where it is cleaned gives its "unreadable" record)."""
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.removesuffix(".gz").endswith(PAGE_SUFFIXES):
        return "page"
    head = _head(path)
    if head.startswith(WARC_MAGIC):
        return "warc"
    if _JSON_OBJECT_START.match(head):
        return "jsonl"
    return "page"


def _head(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(4096)
    except OSError:
        return b""
    if data.startswith(GZIP_MAGIC):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, SNIFF_BYTES)
        except zlib.error:
            return b""
    return data[:SNIFF_BYTES]


def classify(source: Source) -> Source:
    """`source` with its form known ("page", "warc" or "jsonl" for a file)."""
    if source.form != "auto":
        return source
    if source.path is None or source.error is not None:
        return replace(source, form="page")
    return replace(source, form=form_of(source.path))


@dataclass(slots=True)
class InputStats:
    """What a batch saw besides its pages: container records that are not pages, by reason
    ("request", "not-html"...), pages renamed because an earlier page had their id, and input
    bytes read so far (page files whole, containers up to the record being read), for the
    progress display."""

    skipped: Counter[str] = field(default_factory=Counter)
    renamed: int = 0
    bytes_read: int = 0


def expand(
    sources: Iterable[Source], *, max_bytes: int, stats: InputStats | None = None
) -> Iterator[Source]:
    """The pages of `sources`: a page file as it is, a container's records one by one. A Source
    that is already a page passes through, so expanding twice is harmless."""
    stats = stats if stats is not None else InputStats()
    for source in sources:
        source = classify(source)
        if source.form == "warc" and source.path is not None:
            warc = read_warc(source.path, max_bytes=max_bytes, skipped=stats.skipped)
            yield from _counting(source.path, warc, stats)
        elif source.form == "jsonl" and source.path is not None:
            yield from _counting(source.path, read_jsonl(source.path, max_bytes=max_bytes), stats)
        else:
            yield source
            stats.bytes_read += _size(source.path)


def _counting(path: str, pages: Iterator[Source], stats: InputStats) -> Iterator[Source]:
    """The container's pages, moving `stats.bytes_read` along with the reading position."""
    base = stats.bytes_read
    for page in pages:
        yield page
        stats.bytes_read = base + page.offset
    stats.bytes_read = base + _size(path)


def _size(path: str | None) -> int:
    if path is None:
        return 0
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
