"""Clean the real text dumps in ../shared/samples and show every line's verdict.

    python scripts/show_samples.py [--kept-only]

For reading by a person: the samples have no gold, so this prints the metadata found and each
line kept (K) or dropped (-) with the filter's reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _wcxb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kept-only", action="store_true", help="print kept lines only")
    args = parser.parse_args(argv)
    samples = sorted((_wcxb.shared_dir() / "samples").glob("*.txt"))
    if not samples:
        print(f"no samples under {_wcxb.shared_dir() / 'samples'}", file=sys.stderr)
        return 2
    for path in samples:
        doc = cleaner.clean(path.read_bytes(), kind="text")
        print(f"## {path.name}")
        print(f"title: {doc.title}\nauthor: {doc.author}\ndate: {doc.date}")
        print(f"language: {doc.language}  reading time: {doc.reading_time}\n")
        for block in doc.blocks:
            if block.kept or not args.kept_only:
                mark = "K" if block.kept else "-"
                print(f"{mark} {block.reason or '':32.32} {block.text[:100]}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
