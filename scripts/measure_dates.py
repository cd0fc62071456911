"""Measure the HTML date alone against the WCXB gold, fast, and list the misses with their sources.

Runs only what the date needs (the head metadata, the segmenter and the text metadata, as
`Cleaner.clean` runs them, without the filters), then `_page_date`. A date matches as the HTML
benchmark scores it (`cleaner.evaluate.scores.date_matches`: the same first 10 characters), so
the rate equals bench_html.py's date column. Each miss is listed with the gold, our date and
every candidate it was chosen from: the first declared publication (`head`), the other declared
days, the text's date (`text`), its lone date line (`lone`), the
head's fallback and the URL's day. Tune on train only.

Usage: python scripts/measure_dates.py [--split train|heldout|all] [--limit N] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import _wcxb

from cleaner._api import _page_date, text_metadata
from cleaner.evaluate.scores import date_matches
from cleaner.filters.dom import FLAT_REGIONS
from cleaner.metadata.dates import date_from_url
from cleaner.metadata.html import extract_head_metadata
from cleaner.segment import segment_tree


def page_candidates(page: _wcxb.Page) -> tuple[str | None, dict[str, object]]:
    """Our date for `page` and the candidates it was chosen from (only those present)."""
    html = page.read_html()
    tree = LexborHTMLParser(html)
    head = extract_head_metadata(tree)
    blocks = segment_tree(tree, html=html, flat=FLAT_REGIONS)
    meta = text_metadata(blocks, FLAT_REGIONS, head.title, page.url)
    sources: dict[str, object] = {
        "head": head.date,
        "other": head.other_dates,
        "text": meta.date,
        "lone": meta.fallback_date,
        "head_fallback": head.fallback_date,
        "url": date_from_url(page.url),
    }
    return _page_date(head, meta, page.url), {k: v for k, v in sources.items() if v}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "heldout", "all"), default="train")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--quiet", action="store_true", help="the rate only, no misses")
    args = parser.parse_args()
    pages = [p for p in _wcxb.iter_pages(args.split) if p.date][: args.limit]
    start = time.perf_counter()
    right = 0
    for page in pages:
        ours, sources = page_candidates(page)
        if date_matches(ours, page.date or ""):
            right += 1
        elif not args.quiet:
            print(f"{page.id} gold {page.date} ours {ours} {sources} {page.url[:80]}")
    seconds = time.perf_counter() - start
    print(
        f"{args.split}: date {right}/{len(pages)} = {right / max(1, len(pages)):.4f} ({seconds:.1f} s)"
    )


if __name__ == "__main__":
    main()
