"""Measure the boilerplate line rules on the WCXB train split: false positives, recall, speed.

For every train page, the rendered text dump (scripts/render_text_dumps.py) is split into lines
and run through all rule sets the way the pipeline runs them (first category to match wins).
A line counts as **gold** when its text (white space collapsed) occurs in the page's gold body
as whole words; a dropped gold line is a false positive. A stricter count only takes lines
that are a whole line of the gold body. Lines that are not gold are boilerplate (or content the
gold left out), and **recall** is the share of them that the rules drop.

Only the train split is read: the held-out sites stay unseen while the rules are tuned.

Usage:
  python scripts/measure_rules.py [--style innertext] [--dumps DIR] [--top 15] [--rule NAME]
  --rule subscribe.paywall   list every line that rule dropped (gold lines first)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import _wcxb

from cleaner._model import Block
from cleaner.filters.base import Page, run_filters
from cleaner.filters.rules import RULESETS

DEFAULT_DUMPS = Path("/tmp/cleaner-wcxb-text")

# How many times each page's rule run is repeated for the timing, to smooth out the noise of a
# shared machine.
TIMING_REPEATS = 2

_SPACE = regex.compile(r"\s+")


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


def iter_train_pages(dumps: Path) -> Iterator[tuple[_wcxb.Page, list[str]]]:
    missing = 0
    for page in _wcxb.iter_pages("train"):
        dump = dumps / f"{page.id}.txt"
        if not dump.exists():
            missing += 1
            continue
        yield page, page_lines(dump)
    if missing:
        print(f"warning: {missing} train pages have no dump in {dumps}", file=sys.stderr)


def measure(dumps: Path) -> tuple[dict[str, Tally], Counter[str], Counter[str], float, int]:
    by_rule: dict[str, Tally] = defaultdict(Tally)
    boiler_total: Counter[str] = Counter()  # "lines" / "words" not in gold
    boiler_dropped: Counter[str] = Counter()  # per category, lines and words dropped
    seconds = 0.0
    pages = 0
    for page, lines in iter_train_pages(dumps):
        gold = GoldText.of(page.body)
        start = time.perf_counter()
        for _ in range(TIMING_REPEATS):
            reasons = run_rules(lines)
        seconds += (time.perf_counter() - start) / TIMING_REPEATS
        pages += 1
        for line, reason in zip(lines, reasons, strict=True):
            in_gold = gold.contains(line)
            if not in_gold:
                boiler_total["lines"] += 1
                boiler_total["words"] += len(line.split())
            if reason is None:
                continue
            tally = by_rule[reason]
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
                boiler_dropped[f"{category} lines"] += 1
                boiler_dropped[f"{category} words"] += len(line.split())
    return by_rule, boiler_total, boiler_dropped, seconds, pages


def report(
    by_rule: dict[str, Tally],
    boiler_total: Counter[str],
    boiler_dropped: Counter[str],
    seconds: float,
    pages: int,
    top: int,
) -> None:
    print(f"{pages} train pages; {boiler_total['lines']} non-gold lines")
    print(f"\n{'category':12s} {'dropped':>8s} {'FP':>5s} {'FP strict':>9s} "
          f"{'recall lines':>12s} {'recall words':>12s}")
    totals = Tally()
    for ruleset in RULESETS:
        cat = ruleset.name
        tallies = [t for r, t in by_rule.items() if r.split(".")[0] == cat]
        dropped = sum(t.dropped for t in tallies)
        fp = sum(t.gold for t in tallies)
        fp_strict = sum(t.gold_strict for t in tallies)
        totals.dropped += dropped
        totals.gold += fp
        totals.gold_strict += fp_strict
        rec_l = boiler_dropped[f"{cat} lines"] / max(1, boiler_total["lines"])
        rec_w = boiler_dropped[f"{cat} words"] / max(1, boiler_total["words"])
        print(f"{cat:12s} {dropped:8d} {fp:5d} {fp_strict:9d} {rec_l:12.2%} {rec_w:12.2%}")
    all_l = sum(v for k, v in boiler_dropped.items() if k.endswith(" lines"))
    all_w = sum(v for k, v in boiler_dropped.items() if k.endswith(" words"))
    print(f"{'all':12s} {totals.dropped:8d} {totals.gold:5d} {totals.gold_strict:9d} "
          f"{all_l / max(1, boiler_total['lines']):12.2%} "
          f"{all_w / max(1, boiler_total['words']):12.2%}")
    print(f"\ntime: {seconds / max(1, pages) * 1000:.2f} ms per page "
          f"(all rule sets, through run_filters)")
    print(f"\nrules by strict false positives (top {top}; FP / strict FP / dropped):")
    worst = sorted(by_rule.items(), key=lambda kv: (-kv[1].gold_strict, -kv[1].gold))[:top]
    for rule, tally in worst:
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
    parser.add_argument("--top", type=int, default=15, help="how many FP rules to list")
    parser.add_argument("--rule", default=None, help="list the lines one rule dropped")
    args = parser.parse_args(argv)
    dumps = args.dumps or DEFAULT_DUMPS / args.style
    if not dumps.is_dir():
        print(f"no dumps in {dumps}: run scripts/render_text_dumps.py first", file=sys.stderr)
        return 2
    by_rule, boiler_total, boiler_dropped, seconds, pages = measure(dumps)
    if args.rule:
        list_rule(by_rule, args.rule)
    else:
        report(by_rule, boiler_total, boiler_dropped, seconds, pages, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
