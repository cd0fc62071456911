"""Markdown benchmark: how much of a page's structure the Markdown output keeps.

WCXB's gold holds each page's body as Markdown too. Both the gold and each system's Markdown are
rendered with a CommonMark parser (markdown-it-py, tables on), and four kinds of structure are
read from the rendered HTML: headings (their text), list items (their own text, without the
lists nested in them), table rows (the texts of their cells) and code lines (each non-blank
line of a code block). Texts are compared case-folded with whitespace collapsed. For each kind,
precision is the share of the system's items that the gold has, recall the share of the gold's
items the system has (counted as multisets, summed over all pages).

Systems, in one run on the same HTML:
- ``cleaner``: `Cleaner().clean(html, kind="html", url=url).markdown`;
- ``trafilatura``: `trafilatura.extract(html, url=url, output_format="markdown",
  include_formatting=True)`, default settings otherwise (tables and links as it chooses).

Usage: python scripts/bench_markdown.py [--split heldout|train|all] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser, LexborNode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import _wcxb  # noqa: E402

from cleaner import Cleaner  # noqa: E402

KINDS = ("heading", "list item", "table row", "code line")
_RENDERER = MarkdownIt("commonmark").enable("table")


def structure(markdown: str) -> dict[str, Counter[str]]:
    """The headings, list items, table rows and code lines of rendered Markdown."""
    found: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    root = LexborHTMLParser(_RENDERER.render(markdown)).body
    if root is None:
        return found
    for node in root.css("h1, h2, h3, h4, h5, h6"):
        found["heading"][_norm(node.text())] += 1
    for node in root.css("li"):
        own = " ".join(_own_text(node))
        if _norm(own):
            found["list item"][_norm(own)] += 1
    for row in root.css("tr"):
        cells = [_norm(cell.text()) for cell in row.css("th, td")]
        if any(cells):
            found["table row"][" | ".join(cells)] += 1
    for block in root.css("pre"):
        for line in block.text().split("\n"):
            if line.strip():
                found["code line"][_norm(line)] += 1
    return found


def _own_text(node: LexborNode) -> list[str]:
    """A list item's text without the lists nested in it."""
    texts: list[str] = []
    child = node.child
    while child is not None:
        if child.tag not in ("ul", "ol"):
            texts.append(child.text() if child.tag != "-text" else (child.text_content or ""))
        child = child.next
    return texts


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def run_cleaner() -> Callable[[str, str], str]:
    engine = Cleaner()
    return lambda html, url: engine.clean(html, kind="html", url=url).markdown


def run_trafilatura(html: str, url: str) -> str:
    return (
        trafilatura.extract(html, url=url, output_format="markdown", include_formatting=True) or ""
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["heldout", "train", "all"], default="heldout")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    pages = _wcxb.load_pages(args.split)[: args.limit]
    htmls = [page.read_html() for page in pages]
    gold = [structure(page.body_markdown) for page in pages]
    systems = {"cleaner": run_cleaner(), "trafilatura": run_trafilatura}
    print(f"## Markdown structure — split {args.split}, {len(pages)} pages\n")
    gold_totals = {kind: sum(sum(g[kind].values()) for g in gold) for kind in KINDS}
    print("Gold items: " + ", ".join(f"{kind} {gold_totals[kind]}" for kind in KINDS) + "\n")
    print("| system | " + " | ".join(f"{kind} P / R / F1" for kind in KINDS) + " | s |")
    print("|---|" + "---|" * (len(KINDS) + 1))
    for name, system in systems.items():
        hits = dict.fromkeys(KINDS, 0)
        made = dict.fromkeys(KINDS, 0)
        started = time.perf_counter()
        for page, html, want in zip(pages, htmls, gold, strict=True):
            got = structure(system(html, page.url))
            for kind in KINDS:
                hits[kind] += sum((got[kind] & want[kind]).values())
                made[kind] += sum(got[kind].values())
        elapsed = time.perf_counter() - started
        cells = []
        for kind in KINDS:
            p = hits[kind] / made[kind] if made[kind] else 0.0
            r = hits[kind] / gold_totals[kind] if gold_totals[kind] else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            cells.append(f"{p:.2f} / {r:.2f} / {f1:.2f}")
        print(f"| {name} | " + " | ".join(cells) + f" | {elapsed:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
