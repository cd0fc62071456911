"""Measure the boilerplate line rules on the WCXB train split: false positives, recall, speed.

For every train page, the rendered text dump (scripts/render_text_dumps.py) is split into lines
and run through all rule sets the way the pipeline runs them (first category to match wins).
A line counts as **gold** when its text (white space collapsed) occurs in the page's gold body
as whole words; a dropped gold line is a false positive. A stricter count only takes lines
that are a whole line of the gold body. Lines that are not gold are boilerplate (or content the
gold left out), and **recall** is the share of them that the rules drop.

Only the train split is read: the held-out sites stay unseen while the rules are tuned.

Usage:
  python scripts/measure_rules.py [--style innertext] [--dumps DIR] [--shared DIR] [--top 15]
  python scripts/measure_rules.py --rule subscribe.paywall   # every line that rule dropped
The dumps come from scripts/render_text_dumps.py (default /tmp/cleaner-wcxb-text/<style>/); the
shared folder is ../shared beside the repository, or $CLEANER_SHARED, or --shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import _wcxb

from cleaner._model import Block
from cleaner.filters.base import Page, run_filters
from cleaner.filters.rules import RULESETS

DEFAULT_DUMPS = Path("/tmp/cleaner-wcxb-text")

T = TypeVar("T")

# How many times each page's rule run is repeated for the timing, to smooth out the noise of a
# shared machine.
TIMING_REPEATS = 2

_SPACE = regex.compile(r"\s+")

# The speed yardstick: C4's line heuristics (Raffel et al. 2020: keep lines that end in
# terminal punctuation and have at least 3 words, drop lines mentioning JavaScript, lorem
# ipsum, curly brackets or the usual policy phrases), written here as plain string checks.
_C4_ENDINGS = (".", "!", "?", '"', "'", "”", "’")
_C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use cookies")


def c4_like_keep(line: str) -> bool:
    low = line.lower()
    return (
        line.endswith(_C4_ENDINGS)
        and len(line.split()) >= 3
        and "javascript" not in low
        and "lorem ipsum" not in low
        and "{" not in line
        and not any(p in low for p in _C4_POLICY)
    )


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Tally:
    """Counts for one rule or one category."""

    dropped: int = 0
    gold: int = 0  # dropped lines whose text occurs in the gold body
    gold_strict: int = 0  # dropped lines that are a whole line of the gold body
    gold_lines: Counter[str] = field(default_factory=Counter)
    strict_lines: Counter[str] = field(default_factory=Counter)
    other_lines: Counter[str] = field(default_factory=Counter)


@dataclass
class GoldText:
    """A page's gold body, ready for the two membership tests."""

    text: str
    lines: frozenset[str]

    @classmethod
    def of(cls, body: str) -> GoldText:
        lines = frozenset(normalise(x) for x in body.splitlines() if x.strip())
        return cls(normalise(body), lines)

    def contains(self, line: str) -> bool:
        """True when `line` occurs in the gold text as whole words (case kept)."""
        start = self.text.find(line)
        while start != -1:
            end = start + len(line)
            before = self.text[start - 1] if start else " "
            after = self.text[end] if end < len(self.text) else " "
            if not (before.isalnum() and line[0].isalnum()) and not (
                after.isalnum() and line[-1].isalnum()
            ):
                return True
            start = self.text.find(line, start + 1)
        return False


def page_lines(dump: Path) -> list[str]:
    text = dump.read_text(encoding="utf-8", errors="replace")
    return [line for line in (normalise(x) for x in text.splitlines()) if line]


def run_rules(lines: list[str]) -> list[str | None]:
    """The reason each line is dropped for ("category.rule"), or None when it is kept."""
    page = Page([Block(i, line) for i, line in enumerate(lines)], "text")
    run_filters(page, RULESETS)
    return [v.reason if v is not None else None for v in page.verdicts]


def iter_train_pages(
    dumps: Path, root: Path | None = None
) -> Iterator[tuple[_wcxb.Page, list[str]]]:
    missing = 0
    for page in _wcxb.iter_pages("train", root):
        dump = dumps / f"{page.id}.txt"
        if not dump.exists():
            missing += 1
            continue
        yield page, page_lines(dump)
    if missing:
        print(f"warning: {missing} train pages have no dump in {dumps}", file=sys.stderr)


@dataclass
class Measurement:
    """Everything one run over the train split found."""

    by_rule: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    # Lines and words that are not in the gold body, in all and per category dropped.
    boiler_total: Counter[str] = field(default_factory=Counter)
    boiler_dropped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    c4_seconds: float = 0.0
    pages: int = 0

    def add_page(self, gold: GoldText, lines: list[str], reasons: list[str | None]) -> None:
        for line, reason in zip(lines, reasons, strict=True):
            in_gold = gold.contains(line)
            if not in_gold:
                self.boiler_total["lines"] += 1
                self.boiler_total["words"] += len(line.split())
            if reason is None:
                continue
            tally = self.by_rule[reason]
            tally.dropped += 1
            if in_gold:
                tally.gold += 1
                tally.gold_lines[line] += 1
                if line in gold.lines:
                    tally.gold_strict += 1
                    tally.strict_lines[line] += 1
            else:
                tally.other_lines[line] += 1
                category = reason.split(".")[0]
                self.boiler_dropped[f"{category} lines"] += 1
                self.boiler_dropped[f"{category} words"] += len(line.split())

    def recall(self, category: str | None, unit: str) -> float:
        """Share of non-gold lines (or words) dropped by one category, or by all (None)."""
        dropped = sum(
            n
            for key, n in self.boiler_dropped.items()
            if key.endswith(f" {unit}") and (category is None or key == f"{category} {unit}")
        )
        return dropped / max(1, self.boiler_total[unit])


def timed(func: Callable[[list[str]], T], lines: list[str]) -> tuple[T, float]:
    """`func(lines)` and its mean run time over `TIMING_REPEATS` runs."""
    start = time.perf_counter()
    for _ in range(TIMING_REPEATS):
        result = func(lines)
    return result, (time.perf_counter() - start) / TIMING_REPEATS


def c4_like_filter(lines: list[str]) -> list[str]:
    return [line for line in lines if c4_like_keep(line)]


def measure(dumps: Path, root: Path | None = None) -> Measurement:
    result = Measurement()
    for page, lines in iter_train_pages(dumps, root):
        reasons, seconds = timed(run_rules, lines)
        _, c4_seconds = timed(c4_like_filter, lines)
        result.seconds += seconds
        result.c4_seconds += c4_seconds
        result.pages += 1
        result.add_page(GoldText.of(page.body), lines, reasons)
    return result


def report(result: Measurement, top: int) -> None:
    print(f"{result.pages} train pages; {result.boiler_total['lines']} non-gold lines")
    print(
        f"\n{'category':12s} {'dropped':>8s} {'FP':>5s} {'FP strict':>9s} "
        f"{'recall lines':>12s} {'recall words':>12s}"
    )
    for category in [rs.name for rs in RULESETS] + [None]:
        tallies = [
            t for r, t in result.by_rule.items() if category is None or r.split(".")[0] == category
        ]
        print(
            f"{category or 'all':12s} {sum(t.dropped for t in tallies):8d} "
            f"{sum(t.gold for t in tallies):5d} {sum(t.gold_strict for t in tallies):9d} "
            f"{result.recall(category, 'lines'):12.2%} {result.recall(category, 'words'):12.2%}"
        )
    per_page = 1000 / max(1, result.pages)
    print(
        f"\ntime: {result.seconds * per_page:.2f} ms per page (all rule sets, through run_filters)"
    )
    print(f"      {result.c4_seconds * per_page:.2f} ms per page for C4-style line heuristics")
    print(f"\nrules by strict false positives (top {top}; FP / strict FP / dropped):")
    ranked = sorted(result.by_rule.items(), key=lambda kv: (-kv[1].gold_strict, -kv[1].gold))
    for rule, tally in ranked[:top]:
        if not tally.gold:
            break
        lines = tally.strict_lines or tally.gold_lines
        examples = "; ".join(f"{line[:40]!r}x{n}" for line, n in lines.most_common(4))
        print(f"  {rule:34s} {tally.gold:4d} {tally.gold_strict:4d} {tally.dropped:5d}  {examples}")


def list_rule(by_rule: dict[str, Tally], rule: str) -> None:
    tally = by_rule.get(rule)
    if tally is None:
        print(f"{rule}: dropped nothing")
        return
    print(f"{rule}: {tally.dropped} dropped, {tally.gold} in gold ({tally.gold_strict} strict)")
    print("-- whole gold lines:")
    for line, n in tally.strict_lines.most_common():
        print(f"  {n:4d}  {line[:160]}")
    print("-- in gold text:")
    for line, n in tally.gold_lines.most_common():
        if line not in tally.strict_lines:
            print(f"  {n:4d}  {line[:160]}")
    print("-- not in gold:")
    for line, n in tally.other_lines.most_common(60):
        print(f"  {n:4d}  {line[:160]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--style", default="innertext", help="render style folder to read")
    parser.add_argument("--dumps", type=Path, default=None, help="folder of ID.txt dumps")
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder")
    parser.add_argument("--top", type=int, default=15, help="how many FP rules to list")
    parser.add_argument("--rule", default=None, help="list the lines one rule dropped")
    args = parser.parse_args(argv)
    dumps = args.dumps or DEFAULT_DUMPS / args.style
    if not dumps.is_dir():
        print(f"no dumps in {dumps}: run scripts/render_text_dumps.py first", file=sys.stderr)
        return 2
    root = args.shared / "data" / "wcxb-dev" if args.shared else None
    result = measure(dumps, root)
    if args.rule:
        list_rule(result.by_rule, args.rule)
    else:
        report(result, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
