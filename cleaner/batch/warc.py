"""WARC inputs: one page per HTML response record, read with fastwarc (the `warc` extra).

A page is a `response` record whose HTTP `Content-Type` is HTML or plain text (or missing: the
cleaner sniffs it), or a `resource` record of such a type. Its `id` is the record's
WARC-Record-ID, its `url` the WARC-Target-URI, its charset the HTTP header's. Other records
(requests, metadata, warcinfo, revisits, images, PDFs...) are not pages: they are counted as
skipped, by reason. The file is read record by record as a stream (fastwarc holds one record's
header at a time, and a body is read only up to the size limit), so memory stays flat
whatever the file's size.

fastwarc against warcio on a 267 MB WARC of 5,988 wcxb-dev pages (scripts/bench_warc.py,
2026-11-23, loaded machine): 1,573-1,666 against 604-762 response records a second; either is
far faster than cleaning them (27 pages a second with one worker there), but fastwarc also
reports a record whose header is broken (type no_type), where warcio stops reading the file
silently.

Nothing in a broken file is lost silently: a record with a broken header, a truncated body,
or data that cannot be read at all gives an error record ("bad-record: ...") with the record's
id, or `FILE@OFFSET` when the record has none, and reading goes on at the next record that
can be found (for gzip files, the next gzip member that unpacks to a WARC header).
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from cleaner.batch.inputs import GZIP_MAGIC, Source, unreadable_message

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

INSTALL_HINT = "reading WARC files needs fastwarc: pip install 'cleaner[warc]'"
WARC_MAGIC = b"WARC/"
# HTTP content types that are pages, and the kind each is cleaned as.
PAGE_TYPES: dict[str, Literal["html", "text"]] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}
# Bytes read at a time when looking for the next record after damaged data.
SCAN_BLOCK = 1 << 20


def fastwarc_available() -> bool:
    try:
        import fastwarc.warc  # noqa: F401
    except ImportError:
        return False
    return True


def read_warc(
    path: str,
    *,
    max_bytes: int,
    skipped: Counter[str],
    start: int = 0,
    stop: int | None = None,
) -> Iterator[Source]:
    """The pages of the WARC file at `path`, as Sources holding their bytes; records that are
    not pages are counted in `skipped` by reason ("request", "not-html"...). `start` and
    `stop` limit the reading to the records that begin in those bytes of the file (`start`
    must be where a record begins): a file split at record offsets is read once in all."""
    if not fastwarc_available():
        yield Source(path, path, error=f"unsupported: {INSTALL_HINT}", form="page")
        return
    at: int | None = start
    while at is not None and (stop is None or at < stop):
        at = yield from _read_from(path, at, max_bytes, skipped, stop)


def _read_from(
    path: str, start: int, max_bytes: int, skipped: Counter[str], stop: int | None = None
) -> Generator[Source, None, int | None]:
    """Read records from byte `start` on; returns where to go on after damaged data, or None
    at the end of the file."""
    from fastwarc.warc import ArchiveIterator

    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below, after the records are read
    except OSError as exc:
        yield Source(path, path, error=unreadable_message(exc), form="page")
        return None
    last = start - 1  # where the last record read started
    try:
        f.seek(start)
        # HTTP headers are parsed per record (`_page`), so that a broken one costs only its
        # record; bodies are read as stored, so that a truncated one can be told.
        records = ArchiveIterator(f, parse_http=False, auto_decode="none", fsspec_args=False)
        for record in records:
            last = record.stream_pos
            if stop is not None and last >= stop:
                return None
            source = _source(record, path, max_bytes, skipped)
            if source is not None:
                yield source
    except OSError as exc:
        damaged, resume = _scan(f, last + 1)
        where = damaged if damaged is not None else last + 1
        after = "reading went on at the next record" if resume is not None else "nothing follows"
        message = f"bad-record: cannot read the WARC data from byte {where} ({exc}); {after}"
        yield Source(f"{path}@{where}", None, error=message, form="page", offset=where)
        return resume
    finally:
        f.close()
    return None


def _source(record: WarcRecord, path: str, max_bytes: int, skipped: Counter[str]) -> Source | None:
    from fastwarc.warc import WarcRecordType

    kind = record.record_type
    # fastwarc gives a record whose header it cannot read the type no_type, one of a type
    # outside the standard "unknown"; the latter still has its WARC-Type.
    if kind in (WarcRecordType.no_type, WarcRecordType.unknown) and not record.headers.get(
        "WARC-Type"
    ):
        where = record.stream_pos
        message = f"bad-record: no valid WARC header at byte {where}"
        return Source(f"{path}@{where}", None, error=message, form="page", offset=where)
    if kind not in (WarcRecordType.response, WarcRecordType.resource):
        skipped[record.headers.get("WARC-Type") or "unknown"] += 1
        return None
    return _page(record, path, max_bytes, skipped)


def _page(record: WarcRecord, path: str, max_bytes: int, skipped: Counter[str]) -> Source | None:
    from fastwarc.warc import WarcRecordType

    page_id = record.record_id or f"{path}@{record.stream_pos}"
    url = (record.headers.get("WARC-Target-URI") or "").strip("<> ") or None

    def failed(message: str) -> Source:
        return Source(page_id, None, error=message, url=url, form="page", offset=record.stream_pos)

    charset = None
    # An HTTP response has its content type in the HTTP header; a resource record, or a
    # response of another protocol (Heritrix writes `dns:` lookups as responses), in the
    # record's own.
    if record.record_type == WarcRecordType.response and record.is_http:
        try:
            record.parse_http()
        except OSError as exc:
            return failed(f"bad-record: unreadable HTTP header ({exc})")
        headers = record.http_headers
        if headers is None:
            return failed("bad-record: a response record without an HTTP header")
        mime = (record.http_content_type or "").lower()
        charset = record.http_charset
    else:
        mime = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        headers = None
    if mime and mime not in PAGE_TYPES:
        skipped["not-html"] += 1
        return None
    expected = record.content_length
    if expected > max_bytes:
        return failed(f"too-large: the record's body is {expected} bytes, above {max_bytes}")
    try:
        body = record.reader.read(expected)
        if len(body) < expected:
            return failed(f"bad-record: truncated body ({len(body)} of {expected} bytes)")
        body = _unpack(body, headers, max_bytes)
    except (OSError, ValueError) as exc:
        return failed(f"bad-record: unreadable body ({exc})")
    except _TooLarge as exc:
        return failed(f"too-large: {exc}")
    return Source(
        page_id,
        None,
        data=body,
        form="page",
        url=url,
        charset=charset,
        kind=PAGE_TYPES.get(mime),
        offset=record.stream_pos,
    )


class _TooLarge(Exception):
    pass


def _unpack(body: bytes, headers: Any, max_bytes: int) -> bytes:
    """The body without its HTTP transfer and content encodings. gzip content is left as it
    is: the cleaner unpacks gzip itself, with its own limit."""
    if headers is None:
        return body
    from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader

    transfer = (headers.get("Transfer-Encoding") or "").lower()
    if "chunked" in transfer:
        body = ChunkedReader(io.BytesIO(body)).read(max_bytes + 1)
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding == "deflate":
        body = GzipReader(io.BytesIO(body), zlib=True).read(max_bytes + 1)
    elif encoding == "br":
        body = BrotliReader(io.BytesIO(body)).read(max_bytes + 1)
    if len(body) > max_bytes:
        raise _TooLarge(f"the body is more than {max_bytes} bytes once unpacked")
    return body


def _scan(f: BinaryIO, after: int) -> tuple[int | None, int | None]:
    """Where the damaged data starts (the first record or gzip member boundary at or after
    `after`) and where the next readable record after it starts, if any. The next reading
    starts past the damaged boundary, so each failure moves forward and the file ends."""
    damaged: int | None = None
    try:
        f.seek(0)
        gz = f.read(2) == GZIP_MAGIC
        for pos in _candidates(f, after, gz):
            if damaged is None:
                damaged = pos
            elif not gz or _member_holds_warc(f, pos):
                return damaged, pos
    except OSError:
        pass
    return damaged, None


def _candidates(f: BinaryIO, after: int, gz: bool) -> Iterator[int]:
    """Offsets at or after `after` where a gzip member (gz) or a WARC header may start."""
    marker = GZIP_MAGIC + b"\x08" if gz else b"\n" + WARC_MAGIC
    shift = 0 if gz else 1  # a WARC header starts after the newline the marker includes
    pos = max(after - shift, 0)
    while True:
        f.seek(pos)
        block = f.read(SCAN_BLOCK + len(marker))
        if not block:
            return
        found = block.find(marker)
        while found != -1 and found < SCAN_BLOCK:
            if pos + found + shift >= after:
                yield pos + found + shift
            found = block.find(marker, found + 1)
        pos += SCAN_BLOCK


def _member_holds_warc(f: BinaryIO, pos: int) -> bool:
    f.seek(pos)
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(f.read(4096), len(WARC_MAGIC))
    except zlib.error:
        return False
    return head.startswith(WARC_MAGIC)
