"""HTML benchmark: extract the WCXB pages' HTML with several systems and score against the gold.

Every system gets the same decompressed HTML strings (read and gunzipped before any timing):

- ``cleaner``: `Cleaner(include_blocks=False).clean(html, kind="html", url=url)`, one `Cleaner` per repeat;
- ``trafilatura``: `trafilatura.extract(html, url=url, output_format="txt",
  with_metadata=False)` with default settings for the text; title/author/date come from a
  separate `trafilatura.extract_metadata(html, default_url=url)` call that is timed on its own
  and NOT counted in trafilatura's pages/s (which is `extract()` alone; the metadata call's
  own speed is in the JSON summary as ``metadata_pages_per_s``);
- ``readability``: readability-lxml's `Document(html).summary()`, whose HTML is turned into
  visible text with selectolax (a line break between text nodes, so words in adjacent
  elements do not fuse); the title is `.short_title()`; it gives no author or date;
- ``justext``: the paragraphs jusText does not class as boilerplate (English stoplist, default
  settings), joined by blank lines;
- ``resiliparse``: `extract_plain_text(HTMLTree.parse(html), main_content=True)`.

A system call that raises becomes an empty output and is counted in the ``errors`` column
(for the cleaner, a document carrying an error message counts too).

Scores (cleaner/evaluate/scores.py): mean word F1, shingle precision/recall/F1, the share of
"with" snippets found (higher is better), the share of "without" snippets that leaked into the
output (lower is better), and for the cleaner and trafilatura the title/author/date match rates
on pages whose gold has the field. Speed is pages per second of the extraction call alone, the
median over repeats that interleave the systems page by page so machine noise falls on all of
them alike. The ratio column is the median over repeats of each repeat's own ratio to
trafilatura's speed: the two are timed over the same minutes, so a load swing on this shared
machine moves both, where dividing the two medians can pair one system's quiet repeat with the
other's busy one (2026-11-23: repeats at 4.11, 5.51 and 5.28 for cleaner read 4.82 as a ratio
of medians). Both figures are in the JSON summary (``speed_ratio``, ``pages_per_s``).

Usage: python scripts/bench_html.py [--split heldout|train|all] [--limit N] [--systems a,b]
           [--repeats N] [--json out.json] [--by-page out.jsonl]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import justext
import readability
import trafilatura
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree
from selectolax.lexbor import LexborHTMLParser

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import _wcxb  # noqa: E402
from _bench import (  # noqa: E402
    PAGE_TYPES,
    REPEATS,
    Extraction,
    System,
    by_page_record,
    call,
    fmt,
    repeat_ratios_line,
    score_page,
    speed_summary,
    summarise,
    type_table,
    warm_up,
)

from cleaner import Cleaner  # noqa: E402

BASELINE = "trafilatura"
"""The system the speed ratio column divides by."""
METADATA_SYSTEMS = ("cleaner", "trafilatura")
"""Systems whose title/author/date the metadata table reports (the others give none or only
a title)."""

# --- systems -------------------------------------------------------------------------------


class CleanerSystem:
    """cleaner as a batch runs it: one `Cleaner` for all pages, built afresh each repeat so
    what it remembered in one repeat does not speed up the next."""

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.engine = Cleaner(include_blocks=False, **options)

    def reset(self) -> None:
        self.engine = Cleaner(include_blocks=False, **self.options)

    def __call__(self, html: str, url: str) -> Extraction:
        doc = self.engine.clean(html, kind="html", url=url)
        return Extraction(doc.text, doc.title, doc.author, doc.date, doc.error)


class TrafilaturaSystem:
    """trafilatura's text from `extract()`; its metadata from `metadata()`, which the runner
    times apart so the pages/s compares text extraction with text extraction."""

    def __call__(self, html: str, url: str) -> Extraction:
        text = trafilatura.extract(html, url=url, output_format="txt", with_metadata=False)
        return Extraction(text or "")

    def metadata(self, html: str, url: str) -> Extraction:
        meta = trafilatura.extract_metadata(html, default_url=url)
        if meta is None:
            return Extraction("")
        return Extraction("", meta.title, meta.author, meta.date)


def visible_text(html: str) -> str:
    """The text nodes of an HTML fragment, one per line, without scripts and styles."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "noscript", "template"])
    root = tree.body or tree.root
    return root.text(separator="\n", strip=True) if root is not None else ""


def run_readability(html: str, url: str) -> Extraction:
    doc = readability.Document(html, url=url)
    return Extraction(visible_text(doc.summary()), title=doc.short_title() or None)


JUSTEXT_STOPLIST = frozenset(justext.get_stoplist("English"))


def run_justext(html: str, url: str) -> Extraction:
    paragraphs = justext.justext(html, JUSTEXT_STOPLIST)
    return Extraction("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def run_resiliparse(html: str, url: str) -> Extraction:
    return Extraction(extract_plain_text(HTMLTree.parse(html), main_content=True))


SYSTEMS: dict[str, System] = {
    # As it runs by default: the learned filter decides HTML pages.
    "cleaner": CleanerSystem(),
    # The rules and the structure stage alone, to show what the learned filter adds.
    "cleaner-no-learned": CleanerSystem(learned=False),
    "trafilatura": TrafilaturaSystem(),
    "readability": run_readability,
    "justext": run_justext,
    "resiliparse": run_resiliparse,
}

# --- scoring -------------------------------------------------------------------------------


# --- running -------------------------------------------------------------------------------


@dataclass(slots=True)
class RunResult:
    """Outputs of the first repeat, each repeat's pages/s, and (for systems with a separate
    metadata call) that call's pages/s per repeat."""

    outputs: dict[str, list[Extraction]]
    speeds: dict[str, list[float]]
    metadata_speeds: dict[str, list[float]]


def run_systems(
    pages: Sequence[_wcxb.Page],
    htmls: Sequence[str],
    systems: dict[str, System],
    repeats: int = REPEATS,
) -> RunResult:
    result = RunResult({name: [] for name in systems}, {name: [] for name in systems}, {})
    warm_up(systems, htmls, [page.url for page in pages])
    for repeat in range(repeats):
        for system in systems.values():
            reset = getattr(system, "reset", None)
            if reset is not None:
                reset()
        elapsed = dict.fromkeys(systems, 0.0)
        meta_elapsed: dict[str, float] = {}
        for page, html in zip(pages, htmls, strict=True):
            for name, system in systems.items():
                started = time.perf_counter()
                output = call(system, html, page.url)
                elapsed[name] += time.perf_counter() - started
                metadata = getattr(system, "metadata", None)
                if metadata is not None:
                    started = time.perf_counter()
                    meta = call(metadata, html, page.url)
                    meta_elapsed[name] = meta_elapsed.get(name, 0.0) + (
                        time.perf_counter() - started
                    )
                    output = _merge_metadata(output, meta)
                if repeat == 0:
                    result.outputs[name].append(output)
        for name in systems:
            result.speeds[name].append(_per_second(len(pages), elapsed[name]))
        for name, seconds in meta_elapsed.items():
            result.metadata_speeds.setdefault(name, []).append(_per_second(len(pages), seconds))
    return result


def _per_second(pages: int, seconds: float) -> float:
    return pages / seconds if seconds else float("inf")


def _merge_metadata(output: Extraction, meta: Extraction) -> Extraction:
    """The text from the extraction call with the fields of the metadata call; an error in
    either is kept so the page counts once in the errors column."""
    return dataclasses.replace(
        output,
        title=meta.title,
        author=meta.author,
        date=meta.date,
        error=output.error or meta.error,
    )


# --- reporting -----------------------------------------------------------------------------


def main_table(summaries: dict[str, dict[str, Any]]) -> str:
    rows = [
        "| system | word F1 | shingle P | shingle R | shingle F1 | with found ↑ "
        f"| without leaked ↓ | pages/s | speed ÷ {BASELINE} | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s in summaries.items():
        ratio = f"{s['speed_ratio']:.3g}" if "speed_ratio" in s else "—"
        rows.append(
            f"| {name} | {fmt(s['word_f1'])} | {fmt(s['shingle_precision'])} "
            f"| {fmt(s['shingle_recall'])} | {fmt(s['shingle_f1'])} | {fmt(s['with_found'])} "
            f"| {fmt(s['without_leaked'])} | {s['pages_per_s']:.3g} | {ratio} "
            f"| {s['errors']} |"
        )
    return "\n".join(rows)


def metadata_table(summaries: dict[str, dict[str, Any]]) -> str:
    names = [n for n in METADATA_SYSTEMS if n in summaries]
    rows = [
        "| field | " + " | ".join(names) + " | pages with gold |",
        "|---|" + "---|" * (len(names) + 1),
    ]
    for field in ("title", "author", "date"):
        cells = " | ".join(fmt(summaries[n][f"{field}_match"]) for n in names)
        gold_pages = summaries[names[0]][f"{field}_gold_pages"]
        rows.append(f"| {field} | {cells} | {gold_pages} |")
    return "\n".join(rows)


# --- command line --------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--split", choices=["heldout", "train", "all"], default="heldout")
    parser.add_argument("--limit", type=int, help="only the first N pages of the split")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="timing repeats")
    parser.add_argument("--json", type=Path, help="write the summary as JSON here")
    parser.add_argument("--by-page", type=Path, help="write per-page scores as JSON lines here")
    args = parser.parse_args(argv)
    unknown = [n for n in args.systems.split(",") if n not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    systems = {name: SYSTEMS[name] for name in args.systems.split(",")}
    pages = _wcxb.load_pages(args.split)[: args.limit]
    htmls = [page.read_html() for page in pages]  # decompressed before any timing
    run = run_systems(pages, htmls, systems, max(1, args.repeats))
    scores = {
        name: [score_page(p, name, o) for p, o in zip(pages, outs, strict=True)]
        for name, outs in run.outputs.items()
    }
    summaries = {name: summarise(s) for name, s in scores.items()}
    for name, summary in summaries.items():
        summary |= speed_summary(run.speeds, name, BASELINE)
        if name in run.metadata_speeds:
            summary["metadata_pages_per_s"] = statistics.median(run.metadata_speeds[name])
    by_type = {
        t: {
            name: summarise([s for s in ss if s.page.page_type == t]) for name, ss in scores.items()
        }
        for t in PAGE_TYPES
        if any(p.page_type == t for p in pages)
    }
    print(
        f"## HTML benchmark — split {args.split}, {len(pages)} pages, "
        f"median pages/s of {max(1, args.repeats)} repeat(s)\n"
    )
    print(main_table(summaries) + "\n")
    print(repeat_ratios_line(summaries, BASELINE))
    if any(n in summaries for n in METADATA_SYSTEMS):
        print("Metadata (match rate on pages whose gold has the field):\n")
        print(metadata_table(summaries) + "\n")
        if "trafilatura" in summaries:
            meta_speed = summaries["trafilatura"].get("metadata_pages_per_s")
            print(
                "trafilatura's pages/s above is extract() alone; its extract_metadata() call "
                f"ran at {fmt(meta_speed, 1)} pages/s on its own.\n"
            )
    print("By page type:\n")
    print(type_table(by_type, list(systems)))
    if args.json:
        report = {"split": args.split, "pages": len(pages)}
        report |= {"systems": summaries, "by_type": by_type}
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    if args.by_page:
        with args.by_page.open("w", encoding="utf-8") as f:
            for system_scores in scores.values():
                for score in system_scores:
                    f.write(json.dumps(by_page_record(score), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
