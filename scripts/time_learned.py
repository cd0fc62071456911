"""What the learned filter costs: whole `clean` calls with and without it, and the last stage
alone (the learned filter, which runs the structure stage inside, against the structure stage).

The two pipelines alternate page by page (A, B, A, B...) so that machine noise falls on both
alike; each page is cleaned `--repeats` times per pipeline and the fastest time kept.

Usage: python scripts/time_learned.py [--kind html|innertext|lines] [--limit 300] [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import _wcxb  # noqa: E402
import render_text_dumps  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.filters.base import Page  # noqa: E402


class Timed:
    """A filter that runs another and adds up the time it takes, its verdicts included."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds = 0.0

    def apply(self, page: Page) -> Any:
        started = time.perf_counter()
        out = list(self.inner.apply(page))
        self.seconds += time.perf_counter() - started
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--kind", choices=["html", "innertext", "lines"], default="html")
    parser.add_argument("--split", choices=["train", "heldout"], default="train")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    pages = _wcxb.load_pages(args.split)[: args.limit]
    if args.kind == "html":
        raws = [p.read_html() for p in pages]
    else:
        folder = render_text_dumps.DEFAULT_OUT / args.kind
        raws = [(folder / f"{p.id}.txt").read_text(encoding="utf-8") for p in pages]
    kind = "html" if args.kind == "html" else "text"
    engines = {
        "learned": Cleaner(learned=True, include_blocks=False),
        "rules": Cleaner(learned=False, include_blocks=False),
    }
    stages = {name: Timed(e.filters[-1]) for name, e in engines.items()}
    for name, engine in engines.items():
        engine.filters[-1] = stages[name]  # type: ignore[call-overload]
    whole = dict.fromkeys(engines, 0.0)
    for raw, page in zip(raws, pages, strict=True):
        for name, engine in engines.items():
            best = float("inf")
            before = stages[name].seconds
            stage_best = float("inf")
            for _ in range(args.repeats):
                mark = stages[name].seconds
                started = time.perf_counter()
                engine.clean(raw, kind=kind, url=page.url)  # type: ignore[arg-type]
                best = min(best, time.perf_counter() - started)
                stage_best = min(stage_best, stages[name].seconds - mark)
            whole[name] += best
            stages[name].seconds = before + stage_best
    n = len(pages)
    print(
        f"## {args.kind}, {n} {args.split} pages, best of {args.repeats} per page, A/B alternating"
    )
    print("| pipeline | whole clean ms/page | last stage ms/page |")
    print("|---|---|---|")
    for name in engines:
        print(f"| {name} | {whole[name] / n * 1e3:.3f} | {stages[name].seconds / n * 1e3:.3f} |")
    extra = (whole["learned"] - whole["rules"]) / n * 1e3
    share = whole["learned"] / whole["rules"] - 1
    print(f"\nlearned filter's extra cost: {extra:.3f} ms/page ({share:+.1%} of the whole clean)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
