"""Text-path benchmark: clean the rendered WCXB text dumps and score them against the gold.

Systems compared on the same dumps (rendered by scripts/render_text_dumps.py, rendered here
first when missing or stale):

- ``cleaner``: `cleaner.clean(dump, kind="text", url=url)`;
- ``keep-everything``: the dump as it is (the recall ceiling and the precision floor);
- ``c4``: the line rules used to build the C4 corpus (Raffel et al. 2020), our implementation:
  keep lines of at least 5 words that end in terminal punctuation and mention neither
  JavaScript nor a cookie/privacy/terms notice. C4's page-level rules (minimum sentences, curly
  braces, "lorem ipsum", word lists) are corpus filters, not extraction, and are left out.

Scores (cleaner/evaluate/scores.py): mean word F1, shingle precision/recall/F1, the share of
"with" snippets found (higher is better), the share of "without" snippets that leaked into the
output (lower is better), and for the cleaner the metadata match rates on pages whose gold has
the field. Speed is pages per second of the cleaning call alone, the median of 3 repeats that
interleave the systems page by page so machine noise falls on all of them alike; the ratio
column is the median of each repeat's own ratio to C4's speed (`_bench.speed_summary`).

Usage: python scripts/bench_text.py [--split heldout|train|all] [--style innertext|lines]
           [--limit N] [--json out.json] [--by-page out.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import _wcxb  # noqa: E402
import render_text_dumps  # noqa: E402
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

# --- systems -------------------------------------------------------------------------------


class CleanerSystem:
    """cleaner as a batch runs it: one `Cleaner` for all pages, built afresh each repeat so
    that lines it remembered in one repeat do not speed up the next (every page comes from a
    different site, so what it remembers within a repeat is what a crawl of new sites gives).
    Blocks are left out of the Documents, as the CLI does without `--blocks`."""

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.engine = Cleaner(include_blocks=False, **options)

    def reset(self) -> None:
        self.engine = Cleaner(include_blocks=False, **self.options)

    def __call__(self, dump: str, url: str) -> Extraction:
        doc = self.engine.clean(dump, kind="text", url=url)
        return Extraction(doc.text, doc.title, doc.author, doc.date, doc.error)


def run_keep_everything(dump: str, url: str) -> Extraction:
    return Extraction(dump)


C4_MIN_WORDS = 5
"""C4 keeps a line only with at least 5 words (the published rule, not tuned here)."""
C4_TERMINAL = ('.', '!', '?', '"', "\u201d")  # fmt: skip
"""Line endings C4 accepts: terminal punctuation or a closing double quote (straight or curly)."""
C4_JAVASCRIPT = regex.compile(r"javascript", regex.IGNORECASE)
C4_POLICY = regex.compile(
    r"terms of use|privacy policy|cookie policy|uses cookies|use of cookies|use cookies",
    regex.IGNORECASE,
)


def c4_keeps(line: str) -> bool:
    line = line.strip()
    return (
        len(line.split()) >= C4_MIN_WORDS
        and line.endswith(C4_TERMINAL)
        and not C4_JAVASCRIPT.search(line)
        and not C4_POLICY.search(line)
    )


def run_c4(dump: str, url: str) -> Extraction:
    return Extraction("\n".join(line.strip() for line in dump.splitlines() if c4_keeps(line)))


SYSTEMS: dict[str, System] = {
    "cleaner": CleanerSystem(),
    # The learned filter, off for text dumps by default (see the README's "How it works").
    "cleaner+learned": CleanerSystem(learned=True),
    "keep-everything": run_keep_everything,
    "c4": run_c4,
}

# --- scoring -------------------------------------------------------------------------------


# --- running -------------------------------------------------------------------------------


def load_dumps(pages: Sequence[_wcxb.Page], style: str, dump_dir: Path) -> list[str]:
    if any(not (dump_dir / f"{p.id}.txt").exists() for p in pages):
        render_text_dumps.render_all(
            render_text_dumps.STYLES[style], dump_dir, limit=None, force=False
        )
    return [(dump_dir / f"{p.id}.txt").read_text(encoding="utf-8") for p in pages]


def run_systems(
    pages: Sequence[_wcxb.Page],
    dumps: Sequence[str],
    systems: dict[str, System],
    repeats: int = REPEATS,
) -> tuple[dict[str, list[Extraction]], dict[str, list[float]]]:
    """Outputs of the first repeat, and each repeat's pages/s, per system."""
    outputs: dict[str, list[Extraction]] = {name: [] for name in systems}
    speeds: dict[str, list[float]] = {name: [] for name in systems}
    warm_up(systems, dumps, [page.url for page in pages])
    for repeat in range(repeats):
        for system in systems.values():
            reset = getattr(system, "reset", None)
            if reset is not None:
                reset()
        elapsed = dict.fromkeys(systems, 0.0)
        for page, dump in zip(pages, dumps, strict=True):
            for name, system in systems.items():
                started = time.perf_counter()
                output = call(system, dump, page.url)
                elapsed[name] += time.perf_counter() - started
                if repeat == 0:
                    outputs[name].append(output)
        for name in systems:
            speeds[name].append(len(pages) / elapsed[name] if elapsed[name] else float("inf"))
    return outputs, speeds


# --- reporting -----------------------------------------------------------------------------


def main_table(summaries: dict[str, dict[str, Any]]) -> str:
    rows = [
        "| system | word F1 | shingle P | shingle R | shingle F1 | with found ↑ "
        "| without leaked ↓ | pages/s | speed ÷ C4 | errors |",
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


def metadata_table(summary: dict[str, Any]) -> str:
    rows = ["| field | match rate | pages with gold |", "|---|---|---|"]
    for field in ("title", "author", "date"):
        rows.append(
            f"| {field} | {fmt(summary[f'{field}_match'])} | {summary[f'{field}_gold_pages']} |"
        )
    return "\n".join(rows)


# --- command line --------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["heldout", "train", "all"], default="heldout")
    parser.add_argument("--style", choices=sorted(render_text_dumps.STYLES), default="innertext")
    parser.add_argument("--dumps", type=Path, help="dump folder (default: the renderer's)")
    parser.add_argument("--limit", type=int, help="only the first N pages of the split")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="timing repeats")
    parser.add_argument("--json", type=Path, help="write the summary as JSON here")
    parser.add_argument("--by-page", type=Path, help="write per-page scores as JSON lines here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    systems = {name: SYSTEMS[name] for name in args.systems.split(",")}
    pages = _wcxb.load_pages(args.split)[: args.limit]
    dump_dir = args.dumps or render_text_dumps.DEFAULT_OUT / args.style
    dumps = load_dumps(pages, args.style, dump_dir)
    outputs, speeds = run_systems(pages, dumps, systems, max(1, args.repeats))
    scores = {
        name: [score_page(p, name, o) for p, o in zip(pages, outs, strict=True)]
        for name, outs in outputs.items()
    }
    summaries = {name: summarise(s) for name, s in scores.items()}
    for name, summary in summaries.items():
        summary |= speed_summary(speeds, name, "c4")
    by_type = {
        t: {
            name: summarise([s for s in ss if s.page.page_type == t]) for name, ss in scores.items()
        }
        for t in PAGE_TYPES
        if any(p.page_type == t for p in pages)
    }
    print(
        f"## Text benchmark — split {args.split}, style {args.style}, {len(pages)} pages, "
        f"median pages/s of {max(1, args.repeats)} repeat(s)\n"
    )
    print(main_table(summaries) + "\n")
    print(repeat_ratios_line(summaries, "c4"))
    if "cleaner" in summaries:
        print("Cleaner metadata (match rate on pages whose gold has the field):\n")
        print(metadata_table(summaries["cleaner"]) + "\n")
    print("By page type:\n")
    print(type_table(by_type, list(systems)))
    if args.json:
        report = {"split": args.split, "style": args.style, "pages": len(pages)}
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
