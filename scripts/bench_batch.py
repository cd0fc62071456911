"""Batch throughput and memory: `cleaner clean` with 1 and 2 workers (and on Dask) against
trafilatura on the same pages, and peak memory while cleaning WARCs of growing size.

    python scripts/bench_batch.py throughput [--pages 300] [--repeats 1]
    python scripts/bench_batch.py memory [--sizes 0.5,1,2] [--workers 2]

`throughput` writes a sample of the WCXB dev pages (every Nth, to `--pages`) as an
uncompressed WARC under /tmp, times `cleaner clean WARC -o OUT.jsonl` as a subprocess (so the
figure includes start-up, reading the WARC and writing records) with 1 and 2 workers and with
`--engine dask` on a local cluster of 2, and times `trafilatura.extract` on the same pages
(decoded HTML in memory: no reading or writing) in 1 and 2 processes. Pages a second; compare
ratios, not absolute figures, on the shared machine.

`memory` writes (in a separate process: see `memory`), for each size in GB, a WARC of that many bytes by repeating the WCXB pages with
fresh record ids, cleans it with `cleaner clean` and reads the peak resident memory of the main
process and of the largest worker from the command's summary line; each WARC is deleted after.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from multiprocessing import Pool, get_context
from pathlib import Path

import _wcxb

REPEATS = 1
"""One timing a row by default: the runs take tens of seconds, and the machine is shared."""
GB = 1_000_000_000
_PEAK = re.compile(r"peak memory (\d+) MB(?: \(workers (\d+) MB\))?")
_RATE = re.compile(r"([\d.]+) pages/s")


def warc_record(kind: str, uri: str, payload: bytes, content_type: str) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode("utf-8") + payload + b"\r\n\r\n"


def response_record(page: _wcxb.Page, body: bytes) -> bytes:
    uri = page.url if page.url.startswith("http") else f"https://example.invalid/{page.id}"
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    return warc_record("response", uri, http, "application/http; msgtype=response")


def sample(pages: int) -> list[tuple[_wcxb.Page, bytes]]:
    every = max(1, len(all_pages := _wcxb.load_pages("all")) // pages)
    return [(p, gzip.decompress(p.html_path().read_bytes())) for p in all_pages[::every][:pages]]


def write_warc(path: Path, records: Iterator[bytes], limit: int | None = None) -> int:
    written = 0
    with path.open("wb") as f:
        for record in records:
            f.write(record)
            written += len(record)
            if limit is not None and written >= limit:
                break
    return written


def run_cleaner(warc: Path, extra: list[str]) -> tuple[float, str]:
    """Wall seconds of `cleaner clean WARC -o OUT`, and its summary line."""
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        command = [sys.executable, "-m", "cleaner", "clean", str(warc), "-o", f"{tmp}/o.jsonl"]
        env = {**os.environ, "PYTHONPATH": str(_wcxb.REPO)}
        started = time.perf_counter()
        done = subprocess.run([*command, *extra], env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    if done.returncode not in (0, 1):
        raise SystemExit(f"cleaner failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, summary


def _trafilatura(html: str) -> int:
    import trafilatura

    # As scripts/bench_html.py calls it: text only, its metadata not extracted.
    text = trafilatura.extract(html, output_format="txt", with_metadata=False)
    return len(text or "")


def run_trafilatura(htmls: list[str], processes: int) -> float:
    started = time.perf_counter()
    if processes == 1:
        for html in htmls:
            _trafilatura(html)
    else:
        with Pool(processes) as pool:
            list(pool.imap(_trafilatura, htmls, chunksize=4))
    return time.perf_counter() - started


def throughput(pages: int, repeats: int) -> None:
    chosen = sample(pages)
    htmls = [body.decode("utf-8", "replace") for _, body in chosen]
    rows: list[tuple[str, Callable[[], float]]] = []
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        warc = Path(tmp) / "sample.warc"
        size = write_warc(warc, (response_record(p, body) for p, body in chosen))
        print(f"{len(chosen)} WCXB pages, {size / 1e6:.0f} MB of HTML in an uncompressed WARC")
        for name, extra in (
            ("cleaner, 1 worker", ["--workers", "1"]),
            ("cleaner, 2 workers", ["--workers", "2"]),
            ("cleaner --engine dask, 2 workers", ["--workers", "2", "--engine", "dask"]),
        ):
            rows.append((name, lambda extra=extra: run_cleaner(warc, extra)[0]))
        rows.append(("trafilatura, 1 process", lambda: run_trafilatura(htmls, 1)))
        rows.append(("trafilatura, 2 processes", lambda: run_trafilatura(htmls, 2)))
        print("| run | pages/s | seconds |")
        print("|---|---|---|")
        for name, timed in rows:
            seconds = statistics.median(timed() for _ in range(repeats))
            print(f"| {name} | {len(chosen) / seconds:.1f} | {seconds:.1f} |", flush=True)


def copies(pages: list[tuple[_wcxb.Page, bytes]]) -> Iterator[bytes]:
    while True:  # fresh record ids each round: every copy is a page of its own
        for page, body in pages:
            yield response_record(page, body)


def build_big(path: Path, size: float) -> None:
    pages = sample(len(_wcxb.load_pages("all")))
    write_warc(path, copies(pages), limit=int(size * GB))


def memory(sizes: list[float], workers: int) -> None:
    print("| WARC size | pages | pages/s | peak RSS main | peak RSS largest worker |")
    print("|---|---|---|---|---|")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
            warc = Path(tmp) / "big.warc"
            # Written by a fresh process: Linux carries a process's peak memory over into the
            # program it starts, so this one must never hold the pages (416 MB) itself.
            builder = get_context("spawn").Process(target=build_big, args=(warc, size))
            builder.start()
            builder.join()
            written = warc.stat().st_size
            _, summary = run_cleaner(warc, ["--workers", str(workers)])
        peak = _PEAK.search(summary)
        rate = _RATE.search(summary)
        count = summary.removeprefix("cleaner: ").split(" page", 1)[0]
        main_mb, worker_mb = (peak.group(1), peak.group(2) or "-") if peak else ("?", "?")
        print(
            f"| {written / GB:.2f} GB | {count} | {rate.group(1) if rate else '?'} "
            f"| {main_mb} MB | {worker_mb} MB |",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    speed = commands.add_parser("throughput", help="pages a second against trafilatura")
    speed.add_argument("--pages", type=int, default=300)
    speed.add_argument("--repeats", type=int, default=REPEATS)
    mem = commands.add_parser("memory", help="peak memory on WARCs of growing size")
    mem.add_argument("--sizes", default="0.5,1,2", help="WARC sizes in GB, comma-separated")
    mem.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if args.command == "throughput":
        throughput(args.pages, max(1, args.repeats))
    else:
        memory([float(s) for s in args.sizes.split(",")], args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
