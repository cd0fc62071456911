"""Small WARC files written by hand for the batch tests: records as the WARC 1.0 format lays
them out, and the gzip form crawlers write (one gzip member per record)."""

from __future__ import annotations

import gzip
from collections.abc import Sequence

from batch_pages import ARTICLE


def html_page(title: str, body: str = ARTICLE) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{paragraphs}</body></html>"
    )


def http_response(
    body: bytes, content_type: str = "text/html; charset=utf-8", headers: Sequence[str] = ()
) -> bytes:
    lines = ["HTTP/1.1 200 OK", f"Content-Type: {content_type}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def warc_record(
    kind: str,
    payload: bytes,
    *,
    record_id: str,
    uri: str = "https://example.org/",
    content_type: str | None = None,
) -> bytes:
    if content_type is None:
        content_type = (
            f"application/http; msgtype={kind}" if kind in ("request", "response") else "text/plain"
        )
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {record_id}\r\n"
        f"WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode("utf-8") + payload + b"\r\n\r\n"


def response(n: int, body: bytes | None = None, **kw: object) -> bytes:
    """Response record number `n`: id <urn:uuid:n>, URL https://example.org/n."""
    page = body if body is not None else html_page(f"Ferry news {n}").encode()
    return warc_record(
        "response",
        http_response(page, **kw),  # type: ignore[arg-type]
        record_id=f"<urn:uuid:{n}>",
        uri=f"https://example.org/{n}",
    )


def gzip_members(records: Sequence[bytes]) -> bytes:
    return b"".join(gzip.compress(r, mtime=0) for r in records)
