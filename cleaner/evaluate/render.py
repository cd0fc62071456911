"""A fixture run as text: the table of pages worst first, each regressed page's diff, and the
corpus lines. The command line prints these; the pytest plugin puts a page's diff in its
failure message."""

from __future__ import annotations

from collections import Counter

from cleaner.evaluate.diff import format_changes, paragraph_diff, quoted
from cleaner.evaluate.regression import (
    CEILING_METRICS,
    CORPUS_METRICS,
    METADATA_FIELDS,
    CorpusResult,
    FixtureRun,
    PageResult,
)

NAME_WIDTH = 44
"""The page column is cut to this many characters (long nested names keep their end)."""
STATUS_ORDER = {"error": 0, "regression": 1, "worse": 2, "new": 3, "better": 4, "same": 5}
METRIC_LABELS = {
    "word_f1": "word F1",
    "shingle_f1": "shingle F1",
    "with_found": "with found",
    "without_leaked": "without leaked",
    "title": "title",
    "author": "author",
    "date": "date",
}
_MARKS = {True: "✓", False: "✗", None: "·"}


def worst_first(run: FixtureRun) -> list[PageResult]:
    """Regressions first, then the rest, each by word F1 from the lowest."""
    return sorted(
        run.pages,
        key=lambda p: (STATUS_ORDER[p.status] > 1, p.score.word_f1, p.name),
    )


def table(run: FixtureRun) -> list[str]:
    pages = worst_first(run)
    width = min(NAME_WIDTH, max(len("page"), *(len(p.name) for p in pages)))
    header = (
        f"{'page':<{width}}  kind  word F1  vs base  shingle  with  leaks  t a d  floor  status"
    )
    lines = [header, "-" * len(header)]
    for page in pages:
        score = page.score
        delta = _delta(page.delta)
        withs = f"{score.with_total - len(score.with_missing)}/{score.with_total}"
        leaks = f"{len(score.without_leaked)}/{score.without_total}"
        marks = " ".join(_MARKS[getattr(score, name)] for name in METADATA_FIELDS)
        status = page.status.upper() if page.status in ("error", "regression") else page.status
        lines.append(
            f"{_cut(page.name, width):<{width}}  {score.kind:<4}  {score.word_f1:7.3f}  "
            f"{delta:>7}  {score.shingle_f1:7.3f}  {withs:>4}  {leaks:>5}  {marks}  "
            f"{page.floor:5.2f}  {status}"
        )
    return lines


def page_report(page: PageResult) -> list[str]:
    """Why a page is where it is: its scores, what regressed, the failing checks and the
    paragraph diff with the filter behind each paragraph."""
    score = page.score
    base = "" if page.pinned is None else f"; baseline {page.pinned.score.word_f1:.3f}"
    lines = [
        f"{page.name}: {page.status}",
        f"  word F1 {score.word_f1:.3f} (precision {score.word_precision:.3f}, recall "
        f"{score.word_recall:.3f}){base}; floor {page.floor:.2f}",
    ]
    lines += [f"  ! {problem}" for problem in page.problems]
    lines += [f"  · {failure}" for failure in _old_failures(page)]
    changes = paragraph_diff(page.fixture.paragraphs, page.doc)
    missing = sum(c.change == "missing" for c in changes)
    lines.append(
        f"  paragraphs: {len(page.fixture.paragraphs)} expected, {len(page.doc.paragraphs)} "
        f"in the output; {missing} missing, {len(changes) - missing} extra"
    )
    return lines + format_changes(changes, indent="  ")


def _old_failures(page: PageResult) -> list[str]:
    """Checks the page fails that are not regressions (it failed them in the baseline too,
    or there is no baseline)."""
    score, fixture, doc = page.score, page.fixture, page.doc
    new = " ".join(page.problems)
    failures = []
    for snippet in score.with_missing:
        if quoted(snippet) not in new:
            failures.append(f"must-have snippet missing: {quoted(snippet)}")
    for snippet in score.without_leaked:
        if quoted(snippet) not in new:
            failures.append(f"must-not-have snippet leaks: {quoted(snippet)}")
    for name in METADATA_FIELDS:
        if getattr(score, name) is False:
            expected, got = getattr(fixture, name), getattr(doc, name)
            failures.append(
                f"{name}: expected {quoted(expected or '')}, got {quoted(got or '') if got else 'none'}"
            )
    return failures


def corpus_line(corpus: CorpusResult) -> str:
    parts = []
    pinned = corpus.pinned
    for name in CORPUS_METRICS:
        value = corpus.score.values.get(name)
        if value is None:
            continue
        part = f"{METRIC_LABELS[name]} {value:.3f}"
        if pinned is not None and name in CEILING_METRICS and name in pinned.ceilings:
            part += f" (≤ {pinned.ceilings[name]:.2f})"
        elif pinned is not None and name in pinned.floors:
            part += f" (≥ {pinned.floors[name]:.2f})"
        parts.append(part)
    if pinned is None:
        verdict = "no floors pinned"
    elif not corpus.complete:
        verdict = "floors not checked: the run lacks some of the baseline's pages"
    else:
        verdict = "REGRESSION: " + "; ".join(corpus.problems) if corpus.problems else "ok"
    return f"{corpus.kind} ({_pages(corpus.score.pages)}): " + ", ".join(parts) + f" — {verdict}"


def summary_line(run: FixtureRun) -> str:
    counts = Counter(page.status for page in run.pages)
    order = ("same", "better", "worse", "new", "regression", "error")
    told = ", ".join(f"{counts[s]} {s}" for s in order if counts[s])
    corpora = [c.kind for c in run.corpus_regressions]
    if corpora:
        told += f"; corpus floors broken: {', '.join(corpora)}"
    return f"{_pages(len(run.pages))}: {told} — {'FAILED' if run.failed else 'ok'}"


def full_report(run: FixtureRun, *, all_diffs: bool = False) -> list[str]:
    """The table, a diff for each regressed page (every changed one with `all_diffs`), the
    corpus lines and the summary."""
    lines = table(run)
    shown = [
        page
        for page in worst_first(run)
        if page.status in ("error", "regression") or (all_diffs and _differs(page))
    ]
    for page in shown:
        lines += ["", *page_report(page)]
    lines.append("")
    lines += [corpus_line(corpus) for corpus in run.corpora.values()]
    if run.baseline is None:
        lines.append("no baseline: `cleaner fixtures update DIR` pins the scores of this run")
    elif any(page.pinned is None for page in run.pages):
        lines.append(
            "pages marked new are not in the baseline: `cleaner fixtures update` pins them"
        )
    for name in run.stale:
        lines.append(f"in the baseline but not found: {name}")
    if run.options_changed:
        lines.append(f"note: {options_note(run.options_changed)}")
    lines.append(summary_line(run))
    return lines


def options_note(changed: str) -> str:
    return (
        f"the baseline was blessed under other cleaning options ({changed}): differences "
        "may come from the options rather than from the cleaner"
    )


def _differs(page: PageResult) -> bool:
    return page.score.word_f1 < 1 or bool(page.problems) or bool(_old_failures(page))


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def _delta(delta: float | None) -> str:
    """The change in word F1: "+0.012", "-0.0004" (too small for three decimals), "0", or
    "" (no baseline)."""
    if delta is None:
        return ""
    if not delta:
        return "0"
    return f"{delta:+.3f}" if abs(delta) >= 0.0005 else f"{delta:+.4f}"


def _cut(name: str, width: int) -> str:
    return name if len(name) <= width else "…" + name[-(width - 1) :]
