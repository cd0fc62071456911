"""Reading speed of WARC libraries: fastwarc against warcio, on a WARC built from WCXB pages.

    python scripts/bench_warc.py build [--copies 4] [--out bench-out/wcxb.warc.gz]
    python scripts/bench_warc.py read [--warc bench-out/wcxb.warc.gz] [--repeats 3]

`build` writes every WCXB dev page as a request record and an HTTP response record (one gzip
member per record, as crawlers write them), `--copies` times with fresh record ids, so that the
file is large enough to time. `read` walks the file with each library the way `cleaner clean`
reads a WARC (every record's header, the HTTP header and body of each response) and prints
records and uncompressed megabytes per second, the median of the repeats. warcio is not a
dependency of cleaner: `pip install warcio` to time it.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import _wcxb

DEFAULT_WARC = _wcxb.REPO / "bench-out" / "wcxb.warc.gz"
REPEATS = 3
"""The median of 3 drops one run slowed by other jobs on the shared machine."""


def warc_record(kind: str, uri: str, payload: bytes, content_type: str) -> bytes:
    record_id = f"<urn:uuid:{uuid.uuid4()}>"
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {record_id}\r\n"
        f"WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode("utf-8") + payload + b"\r\n\r\n"


def build(out: Path, copies: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    pages = _wcxb.load_pages("all")
    raw = {page.id: gzip.decompress(page.html_path().read_bytes()) for page in pages}
    with out.open("wb") as f:
        for _ in range(copies):
            for page in pages:
                # A few pages have no URL ("" or "None"), and warcio reads an HTTP record only
                # under an http(s) URI.
                uri = (
                    page.url
                    if page.url.startswith("http")
                    else f"https://example.invalid/{page.id}"
                )
                request = f"GET / HTTP/1.1\r\nHost: {_wcxb.site_of(uri)}\r\n\r\n".encode()
                body = raw[page.id]
                response = (
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                for kind, payload, mime in (
                    ("request", request, "application/http; msgtype=request"),
                    ("response", response, "application/http; msgtype=response"),
                ):
                    f.write(gzip.compress(warc_record(kind, uri, payload, mime), 6))
    print(f"wrote {out}: {copies * len(pages)} pages, {out.stat().st_size / 1e6:.0f} MB")


def read_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = size = 0
    with path.open("rb") as f:
        for record in ArchiveIterator(f, parse_http=True, fsspec_args=False):
            if record.record_type == WarcRecordType.response:
                body = record.reader.read()
                size += len(body)
                records += bool(record.record_id and record.http_charset is not None)
    return records, size


def read_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = size = 0
    with path.open("rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "response":
                body = record.content_stream().read()
                size += len(body)
                content_type = record.http_headers.get_header("Content-Type") or ""
                records += bool(record.rec_headers.get_header("WARC-Record-ID") and content_type)
    return records, size


READERS: dict[str, Callable[[Path], tuple[int, int]]] = {
    "fastwarc": read_fastwarc,
    "warcio": read_warcio,
}


def read(path: Path, repeats: int, names: list[str]) -> None:
    print(f"{path}: {path.stat().st_size / 1e6:.0f} MB on disk")
    print("| library | records/s | MB/s (uncompressed bodies) | seconds |")
    print("|---|---|---|---|")
    for name in names:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            records, size = READERS[name](path)
            times.append(time.perf_counter() - started)
        seconds = statistics.median(times)
        print(f"| {name} | {records / seconds:,.0f} | {size / 1e6 / seconds:.0f} | {seconds:.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="write the benchmark WARC")
    make.add_argument("--out", type=Path, default=DEFAULT_WARC)
    make.add_argument("--copies", type=int, default=4, help="times each page is written")
    timing = commands.add_parser("read", help="time the libraries reading it")
    timing.add_argument("--warc", type=Path, default=DEFAULT_WARC)
    timing.add_argument("--repeats", type=int, default=REPEATS)
    timing.add_argument("--libraries", default=",".join(READERS))
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.out, args.copies)
    else:
        read(args.warc, max(1, args.repeats), args.libraries.split(","))
    return 0


if __name__ == "__main__":
    sys.exit(main())
