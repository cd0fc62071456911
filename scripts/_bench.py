"""What the benchmarks share: a system's output, scoring a page, summaries and tables.

Used by scripts/bench_text.py and scripts/bench_html.py; reads nothing itself.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import _wcxb

from cleaner.evaluate.scores import (
    PRF,
    aggregate_shingle,
    author_matches,
    date_matches,
    mean_word_f1,
    shingle_prf,
    snippets_found,
    title_matches,
    word_f1,
)

PAGE_TYPES = ("article", "service", "product", "collection", "forum", "listing", "documentation")
REPEATS = 3
"""Timing repeats; the median of 3 drops one outlier run caused by other jobs on the machine.
`--repeats 1` is for quality-only runs."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a system returned for one page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    error: str | None = None


System = Callable[[str, str], Extraction]


def call(system: System, raw: str, url: str) -> Extraction:
    try:
        return system(raw, url)
    except Exception as error:  # a crash is scored as an empty output and counted
        return Extraction("", error=f"{type(error).__name__}: {error}")


@dataclass(frozen=True, slots=True)
class PageScore:
    page: _wcxb.Page
    system: str
    output: Extraction
    word: PRF
    shingle: PRF
    with_found: tuple[int, int]
    without_found: tuple[int, int]
    metadata: dict[str, bool | None]  # None when the gold has no value for the field


def score_page(page: _wcxb.Page, system: str, output: Extraction) -> PageScore:
    gold_fields = {"title": page.title, "author": page.author, "date": page.date}
    matchers = {"title": title_matches, "author": author_matches, "date": date_matches}
    metadata = {
        field: matchers[field](getattr(output, field), gold) if gold else None
        for field, gold in gold_fields.items()
    }
    return PageScore(
        page=page,
        system=system,
        output=output,
        word=word_f1(output.text, page.body),
        shingle=shingle_prf(output.text, page.body),
        with_found=snippets_found(output.text, page.with_snippets),
        without_found=snippets_found(output.text, page.without_snippets),
        metadata=metadata,
    )


def rate(pairs: Sequence[tuple[int, int]]) -> float:
    found = sum(f for f, _ in pairs)
    total = sum(t for _, t in pairs)
    return found / total if total else 0.0


def summarise(scores: Sequence[PageScore]) -> dict[str, Any]:
    shingle = aggregate_shingle([s.shingle for s in scores])
    summary: dict[str, Any] = {
        "pages": len(scores),
        "errors": sum(1 for s in scores if s.output.error),
        "word_f1": mean_word_f1(s.word for s in scores),
        "shingle_precision": shingle.precision,
        "shingle_recall": shingle.recall,
        "shingle_f1": shingle.f1,
        "with_found": rate([s.with_found for s in scores]),
        "without_leaked": rate([s.without_found for s in scores]),
    }
    for field in ("title", "author", "date"):
        judged = [s.metadata[field] for s in scores if s.metadata[field] is not None]
        summary[f"{field}_match"] = sum(bool(j) for j in judged) / len(judged) if judged else None
        summary[f"{field}_gold_pages"] = len(judged)
    return summary


def fmt(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def type_table(by_type: dict[str, dict[str, dict[str, Any]]], systems: Sequence[str]) -> str:
    header = "| page type | pages | " + " | ".join(
        f"{name} word F1 | {name} shingle F1" for name in systems
    )
    rows = [header + " |", "|---|---|" + "---|---|" * len(systems)]
    for page_type, summaries in by_type.items():
        pages = next(iter(summaries.values()))["pages"]
        cells = " | ".join(
            f"{fmt(summaries[n]['word_f1'])} | {fmt(summaries[n]['shingle_f1'])}" for n in systems
        )
        rows.append(f"| {page_type} | {pages} | {cells} |")
    return "\n".join(rows)


WARM_UP_PAGES = 5
"""Pages each system cleans, untimed, before the timed repeats."""


def warm_up(systems: dict[str, Any], raws: Sequence[str], urls: Sequence[str]) -> None:
    """Run every system on the first pages once, untimed, so the one-time work those pages
    start (imports done lazily, tables built on first use) is not billed to the first
    repeat of whichever system happens to run first. Work that a later page starts is still
    billed to the first repeat: cleaner loads its fallback language identifier (py3langid,
    about 0.34 s) only at the first page CLD2 cannot decide, page 218 of the held-out order,
    which is most of why its first repeat reads about 4x trafilatura's speed where the
    others read 5.0-5.4x (2026-11-23). A batch pays that once per process; the median over
    three or more repeats leaves it out."""
    for raw, url in zip(raws[:WARM_UP_PAGES], urls[:WARM_UP_PAGES], strict=True):
        for system in systems.values():
            call(system, raw, url)
            metadata = getattr(system, "metadata", None)
            if metadata is not None:
                call(metadata, raw, url)


def speed_summary(
    speeds: dict[str, list[float]], name: str, baseline: str
) -> dict[str, float | list[float]]:
    """A system's pages/s (the median over repeats, and each repeat's) and, when the baseline
    ran, its speed ratio: the median of each repeat's speed divided by the baseline's in the
    same repeat. The systems of a repeat are timed page by page in turn, over the same
    minutes, so the ratio of one repeat cancels the load swings of a shared machine that a
    ratio of two medians would not."""
    summary: dict[str, float | list[float]] = {
        "pages_per_s": statistics.median(speeds[name]),
        "pages_per_s_repeats": speeds[name],
    }
    if baseline in speeds:
        ratios = [
            s / b if b else float("inf")
            for s, b in zip(speeds[name], speeds[baseline], strict=True)
        ]
        summary["speed_ratio"] = statistics.median(ratios)
        summary["speed_ratio_repeats"] = ratios
    return summary


def repeat_ratios_line(summaries: dict[str, dict[str, Any]], baseline: str) -> str:
    """Each system's speed ratio in every repeat, in repeat order, as one line under the
    table: the median there hides how far a shared machine moves a single repeat, and the
    first repeat carries the one-time loads the warm-up does not reach."""
    parts = [
        f"{name} {' / '.join(f'{r:.3g}' for r in summary['speed_ratio_repeats'])}"
        for name, summary in summaries.items()
        if name != baseline and summary.get("speed_ratio_repeats")
    ]
    if not parts:
        return ""
    return f"Speed ÷ {baseline} in each repeat: " + "; ".join(parts) + ".\n"


def by_page_record(score: PageScore) -> dict[str, Any]:
    return {
        "id": score.page.id,
        "url": score.page.url,
        "page_type": score.page.page_type,
        "system": score.system,
        "word_p": score.word.precision,
        "word_r": score.word.recall,
        "word_f1": score.word.f1,
        "shingle_p": score.shingle.precision,
        "shingle_r": score.shingle.recall,
        "shingle_f1": score.shingle.f1,
        "with_found": list(score.with_found),
        "without_found": list(score.without_found),
        "metadata": score.metadata,
        "predicted": {
            "title": score.output.title,
            "author": score.output.author,
            "date": score.output.date,
        },
        "gold": {"title": score.page.title, "author": score.page.author, "date": score.page.date},
        "error": score.output.error,
    }
