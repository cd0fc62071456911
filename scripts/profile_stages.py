"""Where a page's time goes: milliseconds a page for each stage of the pipeline.

Runs the stages `Cleaner.clean` runs, one by one, on the WCXB pages (HTML, or the text dumps
rendered by scripts/render_text_dumps.py) and prints the CPU time of each per page: decoding
is left out (the pages are read as text), then segmentation (with the HTML page's parse and
declared metadata), the text metadata, each filter by name, and language identification. The
best of `--repeats` passes is shown, each pass with a fresh `Cleaner`, as the benchmarks do.

This is a tool for speed work, not a benchmark: the figures the issues ask for (pages/s beside
C4 or trafilatura in the same run) come from scripts/bench_text.py and scripts/bench_html.py.

Usage: python scripts/profile_stages.py [--kind text|html] [--split heldout|train|all]
           [--style innertext|lines] [--limit N] [--repeats N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import _wcxb  # noqa: E402
import render_text_dumps  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner._api import text_metadata  # noqa: E402
from cleaner.filters.base import Page  # noqa: E402
from cleaner.metadata.html import extract_head_metadata  # noqa: E402
from cleaner.metadata.language import detect_language  # noqa: E402
from cleaner.segment import segment_text, segment_tree  # noqa: E402


class Clock:
    """CPU seconds gathered by stage name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.process_time()
        yield
        self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - started


def one_pass(pages: list[tuple[str, str]], kind: str) -> dict[str, float]:
    """CPU seconds by stage over `pages` ((raw, url) pairs), for one fresh Cleaner."""
    cleaner = Cleaner(include_blocks=False)
    clock = Clock()
    for raw, url in pages:
        if kind == "html":
            with clock.stage("parse"):
                tree = LexborHTMLParser(raw)
            with clock.stage("head metadata"):
                title = extract_head_metadata(tree).title
            with clock.stage("segment"):
                blocks = segment_tree(tree, html=raw, flat=cleaner.flat)
        else:
            title = None
            with clock.stage("segment"):
                blocks = segment_text(raw)
        with clock.stage("text metadata"):
            meta = text_metadata(blocks, cleaner.flat, title, url)
        page = Page(blocks=blocks, kind="html" if kind == "html" else "text", url=url)
        page.hints["title_index"] = meta.title_index
        page.hints["metadata_lines"] = meta.metadata_lines
        for stage in cleaner.filters:
            with clock.stage(f"filter {stage.name}"):
                for index, verdict in stage.apply(page):
                    page.record(index, verdict, stage.name)
        kept = [b.text for b, v in zip(blocks, page.verdicts, strict=True) if v is None or v.keep]
        with clock.stage("language"):
            detect_language("\n\n".join(kept))
    return clock.seconds


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--kind", choices=["text", "html"], default="text")
    parser.add_argument("--split", choices=["heldout", "train", "all"], default="heldout")
    parser.add_argument("--style", choices=sorted(render_text_dumps.STYLES), default="innertext")
    parser.add_argument("--limit", type=int, help="only the first N pages of the split")
    parser.add_argument("--repeats", type=int, default=3)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    selected = _wcxb.load_pages(args.split)[: args.limit]
    if args.kind == "html":
        pages = [(p.read_html(), p.url) for p in selected]
    else:
        dump_dir = render_text_dumps.DEFAULT_OUT / args.style
        missing = [p for p in selected if not (dump_dir / f"{p.id}.txt").exists()]
        if missing:
            print(f"{len(missing)} dumps missing: run scripts/render_text_dumps.py first")
            return 1
        pages = [((dump_dir / f"{p.id}.txt").read_text(encoding="utf-8"), p.url) for p in selected]
    one_pass(pages[:5], args.kind)  # load the language model and warm caches outside the count
    passes = [one_pass(pages, args.kind) for _ in range(args.repeats)]
    print(
        f"## Stages, {args.kind}, split {args.split}, {len(pages)} pages, best of {args.repeats}\n"
    )
    print("| stage | ms a page |\n|---|---|")
    total = 0.0
    for stage in passes[0]:
        best = min(p[stage] for p in passes) / len(pages) * 1000
        total += best
        print(f"| {stage} | {best:.2f} |")
    print(f"| all | {total:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
