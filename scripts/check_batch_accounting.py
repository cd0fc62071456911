"""Every page accounted for once: a folder, a WARC and a JSON Lines export of the WCXB pages,
each with broken parts, cleaned by `cleaner clean`, and every output id checked.

    python scripts/check_batch_accounting.py [--work bench-out/accounting] [--workers 2]
    python scripts/check_batch_accounting.py --step build|check   # one half only

Builds under `--work` (from ../shared at run time; nothing is copied into the repository):
- `folder/`: the 1,497 pages as .html files, plus an empty file, a PNG, a truncated .gz, a
  dangling symbolic link, a page above the size limit and one of 60,000 nested `<div>`s
  (minutes in lexbor: the time limit's hard stop must end it);
- `crawl.warc.gz`: the pages as request and response records, one damaged gzip member in the
  middle and a truncated last record;
- `export.jsonl.gz`: the pages as {"id", "url", "html"} lines, plus a line that is not JSON,
  one that is a JSON array and one without a page.
with the id of every page in `NAME.ids`. Then runs the cleaner on each (`--time-limit 10`)
and checks that the output holds exactly the expected ids, each once. The two steps run in
separate processes: a process started by one that holds all the pages would report that
process's memory as its own peak (Linux keeps the peak across fork and exec).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import _wcxb

DEFAULT_WORK = _wcxb.REPO / "bench-out" / "accounting"
# Above the default page size limit (20,000,000 bytes).
HUGE_PAGE_BYTES = 21_000_000
# Twice the slowest wcxb-dev page on a loaded machine (3 s was too tight at load 7.8).
TIME_LIMIT = 10
NESTED_DIVS = 60_000


def build_folder(root: Path, pages: list[_wcxb.Page], raw: dict[str, bytes]) -> set[str]:
    root.mkdir(parents=True, exist_ok=True)
    ids = set()
    for page in pages:
        path = root / f"{page.id}.html"
        path.write_bytes(raw[page.id])
        ids.add(str(path))
    broken = {
        "empty.html": b"",
        "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "cut.html.gz": gzip.compress(raw[pages[0].id])[:500],
        "huge.html": b"<p>" + b"word " * (HUGE_PAGE_BYTES // 5) + b"</p>",
        "nested.html": b"<html><body>" + b"<div>" * NESTED_DIVS + b"deep</body></html>",
    }
    for name, data in broken.items():
        (root / name).write_bytes(data)
        ids.add(str(root / name))
    link = root / "dangling.html"
    if not link.is_symlink():
        link.symlink_to(root / "gone.html")
    ids.add(str(link))
    return ids


def warc_record(kind: str, record_id: str, uri: str, payload: bytes) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {record_id}\r\n"
        f"WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"


def build_warc(path: Path, pages: list[_wcxb.Page], raw: dict[str, bytes]) -> set[str]:
    ids = set()
    damaged_at = len(pages) // 2
    with path.open("wb") as f:
        for n, page in enumerate(pages):
            uri = page.url if page.url.startswith("http") else f"https://example.invalid/{page.id}"
            request = warc_record("request", f"<urn:req:{page.id}>", uri, b"GET / HTTP/1.1\r\n\r\n")
            body = raw[page.id]
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
            member = gzip.compress(warc_record("response", f"<urn:page:{page.id}>", uri, http))
            if n == damaged_at:
                ids.add(f"{path}@{f.tell() + len(gzip.compress(request))}")
                member = member[:60] + b"\x00damaged\xff" * 20
            elif n == len(pages) - 1:
                member = member[: len(member) // 2]
                ids.add(f"<urn:page:{page.id}>")
            else:
                ids.add(f"<urn:page:{page.id}>")
            f.write(gzip.compress(request) + member)
    return ids


def build_jsonl(path: Path, pages: list[_wcxb.Page], raw: dict[str, bytes]) -> set[str]:
    lines = [
        json.dumps({"id": f"wcxb-{p.id}", "url": p.url, "html": raw[p.id].decode("utf-8")})
        for p in pages
    ]
    ids = {f"wcxb-{p.id}" for p in pages}
    broken = ['{"id": "not-json", "html": "<p>cut', "[1, 2, 3]", '{"id": "no-page"}']
    for offset, line in enumerate(broken):
        lines.insert(100 * (offset + 1), line)
    for n, line in enumerate(lines, 1):
        if line in broken:
            ids.add("no-page" if "no-page" in line else f"{path}:{n}")
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    return ids


def run(target: Path, expected: set[str], out: Path, workers: int) -> bool:
    command = [sys.executable, "-m", "cleaner", "clean", str(target), "-o", str(out)]
    command += ["--workers", str(workers), "--time-limit", str(TIME_LIMIT)]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    # Only ids and error codes are kept: this process starts the next run, which would
    # report this one's memory peak as its own.
    seen: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    with out.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            seen[record["id"]] += 1
            if record["error"]:
                errors[str(record["error"]).split(":")[0]] += 1
    repeated = [i for i, n in seen.items() if n > 1]
    missing, extra = expected - set(seen), set(seen) - expected
    ok = not (repeated or missing or extra) and done.returncode in (0, 1)
    total = sum(seen.values())
    print(f"{target.name}: {total} records for {len(expected)} pages in {seconds:.0f} s")
    print(f"  errors {dict(sorted(errors.items()))}")
    print(f"  missing {len(missing)}, unexpected {len(extra)}, repeated {len(repeated)}")
    print(f"  {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else '(no summary)'}")
    for name, group in (("missing", missing), ("unexpected", extra), ("repeated", repeated)):
        for page_id in sorted(group)[:5]:
            print(f"    {name}: {page_id}")
    return ok


TARGETS = ("folder", "crawl.warc.gz", "export.jsonl.gz")


def build(work: Path) -> None:
    pages = _wcxb.load_pages("all")
    raw = {p.id: gzip.decompress(p.html_path().read_bytes()) for p in pages}
    work.mkdir(parents=True, exist_ok=True)
    builders = (build_folder, build_warc, build_jsonl)
    for name, builder in zip(TARGETS, builders, strict=True):
        ids = builder(work / name, pages, raw)
        (work / f"{name}.ids").write_text("\n".join(sorted(ids)) + "\n", encoding="utf-8")
    print(f"built {', '.join(TARGETS)} in {work}")


def check(work: Path, workers: int) -> bool:
    results = []
    for name in TARGETS:
        ids = set((work / f"{name}.ids").read_text(encoding="utf-8").splitlines())
        results.append(run(work / name, ids, work / f"{name}.out.jsonl", workers))
    print("every page accounted for once" if all(results) else "ACCOUNTING FAILED")
    return all(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--step", choices=("build", "check"), help="one step only")
    args = parser.parse_args(argv)
    if args.step == "build":
        build(args.work)
        return 0
    if args.step == "check":
        return 0 if check(args.work, args.workers) else 1
    for step in ("build", "check"):
        command = [sys.executable, __file__, "--step", step, "--work", str(args.work)]
        if subprocess.run([*command, "--workers", str(args.workers)], check=False).returncode:
            return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(_wcxb.REPO))
    sys.exit(main())
