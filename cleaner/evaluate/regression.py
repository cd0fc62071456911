"""Fixture pages cleaned, scored against their expectations, and compared with a baseline.

A run cleans every page of a fixture folder (see `cleaner.evaluate.fixtures`) and scores it:
word F1, shingle F1, which must-have snippets are missing and which must-not-have snippets
leaked, and whether the title, author and date match. A baseline (`BASELINE_NAME`, found in
the folder or the nearest folder above it) holds the scores of the last blessed run, a
pinned floor per page, and for each kind of page (HTML, text) the corpus's scores and floors:

    {"format": 1,
     "options": {"rules": [], "filters": [], "structure": true, "learned": ["html"],
                 "model": null},
     "corpora": {"html": {"pages": 24, "scores": {"word_f1": 0.95, ...},
                          "floors": {"word_f1": 0.93, ...}, "ceilings": {"without_leaked": 0.16}}},
     "pages": {"html/news-storm": {"kind": "html", "word_f1": 0.98, ..., "floor": 0.95}}}

A page regresses when its cleaning fails, when its word F1 falls below its floor (the higher
of its expectation's `floor` and the baseline's), or when it loses a check it passed in the
baseline: a must-have snippet goes missing, a must-not-have one leaks, the title, author or
date stops matching. A corpus regresses when one of its scores crosses its floor or ceiling;
it is checked only when the run holds every page the baseline has of that kind. A page that
only scores lower than in the baseline, above its floor, is "worse", not a regression.

The baseline also records the cleaning options it was blessed under (`options_record`): a
run under other options (another model, user rules, the learned filter switched) says so
(`FixtureRun.options_changed`), since its differences may come from the options rather than
from a change to the cleaner.

`rebless` makes a new baseline from a run: scores as measured, floors raised to the score
less a margin when it has risen and never lowered unless asked (`lower_floors`), so that a
change cannot slip a page below its floor without an explicit, reviewable update.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner._api import Cleaner
from cleaner._model import Document
from cleaner._options import CleanOptions
from cleaner.evaluate.fixtures import (
    BASELINE_NAME,
    Fixture,
    FixtureFormatError,
    load_fixtures,
)
from cleaner.evaluate.scores import (
    PRF,
    aggregate_shingle,
    author_matches,
    date_matches,
    normalise_snippet_text,
    shingle_prf,
    title_matches,
    word_f1,
)
from cleaner.filters.base import as_filter

BASELINE_FORMAT = 1
PAGE_FLOOR_MARGIN = 0.03
"""A page's floor is its blessed word F1 less 0.03: the margin the team's own fixtures have
used since they began (their per-page floors), wide enough for a harmless reordering."""
CORPUS_FLOOR_MARGIN = 0.02
"""A corpus floor (or ceiling) sits 0.02 from its blessed score; the team's hand-pinned
corpus floors sat 0.016 to 0.04 from the measured means."""
SCORE_DECIMALS = 4
"""Scores are stored rounded to 4 decimals; a change smaller than that is no change."""
FLOOR_DECIMALS = 2

CORPUS_METRICS = (
    "word_f1",
    "shingle_f1",
    "with_found",
    "without_leaked",
    "title",
    "author",
    "date",
)
# Metrics where lower is better: their bound is a ceiling, not a floor.
CEILING_METRICS = frozenset({"without_leaked"})
METADATA_FIELDS = ("title", "author", "date")


@dataclass(frozen=True, slots=True)
class PageScore:
    """How one cleaned page compares with its expectation.

    Snippet lists hold the snippets that failed: must-haves missing from the output and
    must-not-haves found in it. A metadata field is None when the expectation does not give
    it. `error` is the cleaning error, if the page could not be cleaned."""

    kind: str
    word_f1: float
    word_precision: float
    word_recall: float
    shingle_f1: float
    shingle_precision: float | None
    shingle_recall: float | None
    with_total: int = 0
    with_missing: tuple[str, ...] = ()
    without_total: int = 0
    without_leaked: tuple[str, ...] = ()
    title: bool | None = None
    author: bool | None = None
    date: bool | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        for name in ("word_f1", "word_precision", "word_recall", "shingle_f1"):
            data[name] = _rounded(getattr(self, name))
        for name in ("shingle_precision", "shingle_recall"):
            value = getattr(self, name)
            data[name] = None if value is None else _rounded(value)
        data.update(
            with_total=self.with_total,
            with_missing=list(self.with_missing),
            without_total=self.without_total,
            without_leaked=list(self.without_leaked),
            title=self.title,
            author=self.author,
            date=self.date,
            error=self.error,
        )
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageScore:
        return cls(
            kind=str(data["kind"]),
            word_f1=float(data["word_f1"]),
            word_precision=float(data.get("word_precision", data["word_f1"])),
            word_recall=float(data.get("word_recall", data["word_f1"])),
            shingle_f1=float(data["shingle_f1"]),
            shingle_precision=_float_or_none(data.get("shingle_precision")),
            shingle_recall=_float_or_none(data.get("shingle_recall")),
            with_total=int(data.get("with_total", 0)),
            with_missing=tuple(data.get("with_missing", ())),
            without_total=int(data.get("without_total", 0)),
            without_leaked=tuple(data.get("without_leaked", ())),
            title=data.get("title"),
            author=data.get("author"),
            date=data.get("date"),
            error=data.get("error"),
        )

    @property
    def shingle(self) -> PRF:
        return PRF(self.shingle_precision, self.shingle_recall, self.shingle_f1)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """The scores of every page of one kind together, as the team's gate has always pooled
    them: word F1 averaged over pages, shingle precision and recall averaged then combined,
    snippet rates over all snippets, metadata rates over the pages that give the field."""

    pages: int
    values: dict[str, float | None]


@dataclass(frozen=True, slots=True)
class PinnedPage:
    score: PageScore
    floor: float


@dataclass(frozen=True, slots=True)
class PinnedCorpus:
    score: CorpusScore
    floors: dict[str, float]
    ceilings: dict[str, float]


@dataclass(frozen=True, slots=True)
class Baseline:
    pages: dict[str, PinnedPage] = field(default_factory=dict)
    corpora: dict[str, PinnedCorpus] = field(default_factory=dict)
    # The options of the run it was blessed from (`options_record`); None in a baseline
    # written before they were recorded.
    options: dict[str, Any] | None = None


def options_record(options: CleanOptions | None) -> dict[str, Any]:
    """What of the cleaning options decides the output, as a baseline records it: the user
    rules files and filters, the structure stage, the kinds of page the learned filter
    decides, and its model file (None: the one shipped)."""
    options = options or CleanOptions()
    return {
        "rules": [str(path) for path in options.rules_files],
        "filters": [as_filter(f).name for f in options.filters],
        "structure": options.structure,
        "learned": list(options.learned_kinds()),
        "model": str(options.model) if options.model is not None else None,
    }


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page of a run: what the cleaner made of it, its score, and how that compares."""

    fixture: Fixture
    doc: Document
    score: PageScore
    pinned: PinnedPage | None
    floor: float
    problems: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.fixture.name

    @property
    def delta(self) -> float | None:
        """Word F1 now less word F1 in the baseline (None for a page the baseline lacks)."""
        if self.pinned is None:
            return None
        # The baseline holds rounded scores: compare like with like, and never show -0.0.
        delta = round(_rounded(self.score.word_f1) - self.pinned.score.word_f1, SCORE_DECIMALS)
        return delta if delta else 0.0

    @property
    def status(self) -> str:
        if self.score.error is not None:
            return "error"
        if self.problems:
            return "regression"
        if self.pinned is None:
            return "new"
        if self.delta or self._checks_changed():
            lower = (self.delta or 0) < 0 or self._lost_any()
            return "worse" if lower else "better"
        return "same"

    def _checks_changed(self) -> bool:
        old = self.pinned.score if self.pinned else None
        return old is not None and _checks(old) != _checks(self.score)

    def _lost_any(self) -> bool:
        old = self.pinned.score if self.pinned else None
        return old is not None and bool(_checks(self.score) - _checks(old))


@dataclass(frozen=True, slots=True)
class CorpusResult:
    kind: str
    score: CorpusScore
    pinned: PinnedCorpus | None
    problems: tuple[str, ...]
    # False when the run lacks some of the baseline's pages of this kind: no floors checked.
    complete: bool = True


@dataclass(frozen=True, slots=True)
class FixtureRun:
    """A fixture folder cleaned and compared. Page names are relative to `root`: the
    baseline's folder when there is a baseline, else `directory`."""

    directory: Path
    root: Path
    baseline_path: Path | None
    baseline: Baseline | None
    pages: list[PageResult]
    corpora: dict[str, CorpusResult]
    # The run's cleaning options (`options_record`).
    options: dict[str, Any]

    @property
    def options_changed(self) -> str | None:
        """How the run's options differ from those the baseline was blessed under, or None
        (also when the baseline does not record them)."""
        if self.baseline is None or self.baseline.options is None:
            return None
        then, now = self.baseline.options, self.options
        changed = [
            f"{key} {json.dumps(then.get(key))} -> {json.dumps(now.get(key))}"
            for key in sorted({*then, *now})
            if then.get(key) != now.get(key)
        ]
        return "; ".join(changed) or None

    @property
    def regressions(self) -> list[PageResult]:
        return [page for page in self.pages if page.status in ("error", "regression")]

    @property
    def corpus_regressions(self) -> list[CorpusResult]:
        return [corpus for corpus in self.corpora.values() if corpus.problems]

    @property
    def failed(self) -> bool:
        return bool(self.regressions or self.corpus_regressions)

    @property
    def stale(self) -> list[str]:
        """Baseline pages with no fixture under the run's folder (removed or renamed)."""
        if self.baseline is None:
            return []
        names = {page.name for page in self.pages}
        inside = _prefix(self.directory, self.root)
        return sorted(n for n in self.baseline.pages if n.startswith(inside) and n not in names)


# --- running --------------------------------------------------------------------------------


def find_baseline(directory: Path) -> Path | None:
    """The baseline that covers `directory`: in it, or in the nearest folder above it."""
    for folder in (directory.resolve(), *directory.resolve().parents):
        candidate = folder / BASELINE_NAME
        if candidate.is_file():
            return candidate
    return None


def run_fixtures(
    directory: Path | str,
    *,
    baseline_path: Path | str | None = None,
    options: CleanOptions | None = None,
) -> FixtureRun:
    """Clean every fixture below `directory` and compare it with its expectation and the
    baseline (`baseline_path`, else the one `find_baseline` finds). Raises
    FixtureFormatError on a bad fixture or baseline, or when the folder has no fixture."""
    folder = Path(directory)
    if not folder.is_dir():
        raise FixtureFormatError(f"{folder}: no such folder")
    path = Path(baseline_path) if baseline_path is not None else find_baseline(folder)
    baseline = load_baseline(path) if path is not None and path.is_file() else None
    root = path.resolve().parent if path is not None else folder.resolve()
    if not folder.resolve().is_relative_to(root):
        raise FixtureFormatError(f"{folder}: not inside the baseline's folder {root}")
    fixtures = load_fixtures(folder.resolve(), root=root)
    if not fixtures:
        raise FixtureFormatError(f"{folder}: no fixtures (NAME.json beside NAME.html or .txt)")
    engine = Cleaner(options)
    docs = [clean_fixture(engine, fixture) for fixture in fixtures]
    return compare(folder, root, path, baseline, fixtures, docs, options=options_record(options))


def clean_fixture(engine: Cleaner, fixture: Fixture) -> Document:
    return engine.clean(fixture.raw, kind=fixture.kind, url=fixture.url)  # type: ignore[arg-type]


def compare(
    directory: Path,
    root: Path,
    baseline_path: Path | None,
    baseline: Baseline | None,
    fixtures: Sequence[Fixture],
    docs: Sequence[Document],
    *,
    options: dict[str, Any] | None = None,
) -> FixtureRun:
    """The run of `docs` cleaned from `fixtures` under `options` (`options_record`; None:
    the defaults), scored and compared with `baseline`."""
    pinned_pages = baseline.pages if baseline else {}
    pages = [
        page_result(fixture, doc, pinned_pages.get(fixture.name))
        for fixture, doc in zip(fixtures, docs, strict=True)
    ]
    corpora = {
        kind: corpus_result(kind, pages, baseline) for kind in sorted({p.score.kind for p in pages})
    }
    options = options if options is not None else options_record(None)
    return FixtureRun(directory, root, baseline_path, baseline, pages, corpora, options)


def page_result(fixture: Fixture, doc: Document, pinned: PinnedPage | None) -> PageResult:
    score = score_page(fixture, doc)
    floor = max(fixture.floor, pinned.floor if pinned else 0.0)
    return PageResult(fixture, doc, score, pinned, floor, page_problems(score, floor, pinned))


def score_page(fixture: Fixture, doc: Document) -> PageScore:
    words = word_f1(doc.text, fixture.body)
    shingle = shingle_prf(doc.text, fixture.body)
    output = normalise_snippet_text(doc.text)
    withs = [s for s in fixture.with_ if normalise_snippet_text(s)]
    withouts = [s for s in fixture.without if normalise_snippet_text(s)]
    return PageScore(
        kind=fixture.kind,
        word_f1=words.f1,
        word_precision=words.precision or 0.0,
        word_recall=words.recall or 0.0,
        shingle_f1=shingle.f1,
        shingle_precision=shingle.precision,
        shingle_recall=shingle.recall,
        with_total=len(withs),
        with_missing=tuple(s for s in withs if normalise_snippet_text(s) not in output),
        without_total=len(withouts),
        without_leaked=tuple(s for s in withouts if normalise_snippet_text(s) in output),
        title=title_matches(doc.title, fixture.title) if fixture.title else None,
        author=author_matches(doc.author, fixture.author) if fixture.author else None,
        date=date_matches(doc.date, fixture.date) if fixture.date else None,
        error=doc.error,
    )


def page_problems(score: PageScore, floor: float, pinned: PinnedPage | None) -> tuple[str, ...]:
    """Why a page regressed (nothing when it did not)."""
    problems = []
    if score.error is not None:
        problems.append(f"cleaning failed: {score.error}")
    if _rounded(score.word_f1) < floor:
        problems.append(f"word F1 {score.word_f1:.3f} is below the page's floor {floor:.2f}")
    if pinned is not None:
        old = pinned.score
        for snippet in score.with_missing:
            if snippet not in old.with_missing:
                problems.append(f"must-have snippet now missing: {_quote(snippet)}")
        for snippet in score.without_leaked:
            if snippet not in old.without_leaked:
                problems.append(f"must-not-have snippet now leaks: {_quote(snippet)}")
        for name in METADATA_FIELDS:
            if getattr(old, name) is True and getattr(score, name) is False:
                problems.append(f"{name} no longer matches")
    return tuple(problems)


def corpus_score(scores: Sequence[PageScore]) -> CorpusScore:
    def rate(flags: Iterable[bool | None]) -> float | None:
        given = [flag for flag in flags if flag is not None]
        return sum(given) / len(given) if given else None

    with_total = sum(s.with_total for s in scores)
    without_total = sum(s.without_total for s in scores)
    values: dict[str, float | None] = {
        "word_f1": sum(s.word_f1 for s in scores) / len(scores) if scores else None,
        "shingle_f1": aggregate_shingle([s.shingle for s in scores]).f1 if scores else None,
        "with_found": (
            (with_total - sum(len(s.with_missing) for s in scores)) / with_total
            if with_total
            else None
        ),
        "without_leaked": (
            sum(len(s.without_leaked) for s in scores) / without_total if without_total else None
        ),
    }
    for name in METADATA_FIELDS:
        values[name] = rate(getattr(s, name) for s in scores)
    return CorpusScore(len(scores), values)


def corpus_result(
    kind: str, pages: Sequence[PageResult], baseline: Baseline | None
) -> CorpusResult:
    score = corpus_score([p.score for p in pages if p.score.kind == kind])
    pinned = baseline.corpora.get(kind) if baseline else None
    if baseline is None or pinned is None:
        return CorpusResult(kind, score, pinned, ())
    names = {p.name for p in pages}
    wanted = {n for n, page in baseline.pages.items() if page.score.kind == kind}
    if not wanted <= names:
        return CorpusResult(kind, score, pinned, (), complete=False)
    return CorpusResult(kind, score, pinned, corpus_problems(score, pinned))


def corpus_problems(score: CorpusScore, pinned: PinnedCorpus) -> tuple[str, ...]:
    problems = []
    for name, floor in pinned.floors.items():
        value = score.values.get(name)
        if value is not None and _rounded(value) < floor:
            problems.append(f"{name} {value:.3f} is below its floor {floor:.2f}")
    for name, ceiling in pinned.ceilings.items():
        value = score.values.get(name)
        if value is not None and _rounded(value) > ceiling:
            problems.append(f"{name} {value:.3f} is above its ceiling {ceiling:.2f}")
    return tuple(problems)


# --- blessing -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """One line of what `rebless` changed: `name` is a page or a corpus ("corpus html")."""

    name: str
    what: str


def rebless(
    run: FixtureRun, *, names: Iterable[str] | None = None, lower_floors: bool = False
) -> tuple[Baseline, list[Change]]:
    """A new baseline holding the run's scores for the pages `names` (all when None), and
    the changes from the old one. Floors rise with the scores; they fall only with
    `lower_floors`. A corpus is re-blessed when the run holds all its pages."""
    old = run.baseline or Baseline()
    chosen = set(names) if names is not None else {p.name for p in run.pages}
    pages = dict(old.pages)
    changes: list[Change] = []
    for page in run.pages:
        if page.name not in chosen:
            continue
        pages[page.name] = _pinned_page(page, lower_floors)
        changes += _page_changes(page.name, old.pages.get(page.name), pages[page.name])
    if names is None:
        for name in run.stale:
            del pages[name]
            changes.append(Change(name, "removed: no such fixture any more"))
    corpora = dict(old.corpora)
    for kind, corpus in run.corpora.items():
        if not corpus.complete:
            continue
        corpora[kind] = _pinned_corpus(corpus, lower_floors)
        changes += _corpus_changes(kind, old.corpora.get(kind), corpora[kind])
    if old.options is not None and old.options != run.options:
        changes.append(Change("options", f"now {run.options_changed}"))
    baseline = Baseline(dict(sorted(pages.items())), dict(sorted(corpora.items())), run.options)
    return baseline, changes


def _pinned_page(page: PageResult, lower_floors: bool) -> PinnedPage:
    floor = max(0.0, _floor_down(page.score.word_f1 - PAGE_FLOOR_MARGIN))
    if page.pinned is not None and not lower_floors:
        floor = max(floor, page.pinned.floor)
    return PinnedPage(page.score, floor)


def _pinned_corpus(corpus: CorpusResult, lower_floors: bool) -> PinnedCorpus:
    old = corpus.pinned
    floors: dict[str, float] = {}
    ceilings: dict[str, float] = {}
    for name in CORPUS_METRICS:
        value = corpus.score.values.get(name)
        if value is None:
            continue
        if name in CEILING_METRICS:
            bound = min(1.0, _ceil_up(value + CORPUS_FLOOR_MARGIN))
            if old is not None and name in old.ceilings and not lower_floors:
                bound = min(bound, old.ceilings[name])
            ceilings[name] = bound
        else:
            bound = max(0.0, _floor_down(value - CORPUS_FLOOR_MARGIN))
            if old is not None and name in old.floors and not lower_floors:
                bound = max(bound, old.floors[name])
            floors[name] = bound
    return PinnedCorpus(corpus.score, floors, ceilings)


def _page_changes(name: str, old: PinnedPage | None, new: PinnedPage) -> list[Change]:
    if old is None:
        return [Change(name, f"new: word F1 {new.score.word_f1:.3f}, floor {new.floor:.2f}")]
    changes = []
    for metric in ("word_f1", "shingle_f1"):
        before, after = getattr(old.score, metric), getattr(new.score, metric)
        if _rounded(before) != _rounded(after):
            changes.append(Change(name, f"{metric} {before:.4f} -> {after:.4f}"))
    lost, gained = _checks(new.score) - _checks(old.score), _checks(old.score) - _checks(new.score)
    changes += [Change(name, f"now failing: {check}") for check in sorted(lost)]
    changes += [Change(name, f"now passing: {check}") for check in sorted(gained)]
    if old.floor != new.floor:
        changes.append(Change(name, f"floor {old.floor:.2f} -> {new.floor:.2f}"))
    return changes


def _corpus_changes(kind: str, old: PinnedCorpus | None, new: PinnedCorpus) -> list[Change]:
    name = f"corpus {kind}"
    if old is None:
        return [Change(name, "new: " + _describe_values(new.score.values))]
    changes = []
    for metric in CORPUS_METRICS:
        before, after = old.score.values.get(metric), new.score.values.get(metric)
        if _rounded_or_none(before) != _rounded_or_none(after):
            changes.append(Change(name, f"{metric} {_show(before)} -> {_show(after)}"))
    for label, a, b in (("floor", old.floors, new.floors), ("ceiling", old.ceilings, new.ceilings)):
        for metric in sorted(set(a) | set(b)):
            if a.get(metric) != b.get(metric):
                changes.append(
                    Change(
                        name, f"{metric} {label} {_show(a.get(metric))} -> {_show(b.get(metric))}"
                    )
                )
    return changes


def _checks(score: PageScore) -> set[str]:
    """The checks a page fails, as comparable labels."""
    failing = {f"must-have {_quote(s)}" for s in score.with_missing}
    failing |= {f"must-not-have {_quote(s)}" for s in score.without_leaked}
    failing |= {name for name in METADATA_FIELDS if getattr(score, name) is False}
    return failing


# --- the baseline file ----------------------------------------------------------------------


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FixtureFormatError(f"{path}: cannot read the baseline ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != BASELINE_FORMAT:
        raise FixtureFormatError(f"{path}: not a baseline of format {BASELINE_FORMAT}")
    try:
        pages = {
            str(name): PinnedPage(PageScore.from_json(entry), float(entry["floor"]))
            for name, entry in data.get("pages", {}).items()
        }
        corpora = {
            str(kind): PinnedCorpus(
                CorpusScore(int(entry["pages"]), dict(entry["scores"])),
                {k: float(v) for k, v in entry.get("floors", {}).items()},
                {k: float(v) for k, v in entry.get("ceilings", {}).items()},
            )
            for kind, entry in data.get("corpora", {}).items()
        }
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise FixtureFormatError(f"{path}: malformed baseline entry ({exc!r})") from exc
    options = data.get("options")
    if options is not None and not isinstance(options, dict):
        raise FixtureFormatError(f"{path}: malformed baseline options ({options!r})")
    return Baseline(pages, corpora, options)


def save_baseline(path: Path, baseline: Baseline) -> None:
    """Write the baseline with one line per page and per corpus, so that a review of the
    change reads page by page."""
    corpora = {
        kind: {
            "pages": corpus.score.pages,
            "scores": {k: _rounded_or_none(v) for k, v in corpus.score.values.items()},
            "floors": corpus.floors,
            "ceilings": corpus.ceilings,
        }
        for kind, corpus in baseline.corpora.items()
    }
    pages = {
        name: {**page.score.to_json(), "floor": page.floor} for name, page in baseline.pages.items()
    }
    lines = ["{", f'  "format": {BASELINE_FORMAT},']
    if baseline.options is not None:
        lines.append(f'  "options": {json.dumps(baseline.options, ensure_ascii=False)},')
    lines += _json_section("corpora", corpora, last=False)
    lines += _json_section("pages", pages, last=True)
    lines.append("}")
    partial = path.with_name(f".{path.name}.part")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    partial.replace(path)


def _json_section(key: str, entries: dict[str, Any], *, last: bool) -> list[str]:
    if not entries:
        return [f'  "{key}": {{}}' + ("" if last else ",")]
    lines = [f'  "{key}": {{']
    for position, (name, value) in enumerate(entries.items()):
        comma = "," if position < len(entries) - 1 else ""
        lines.append(f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("  }" + ("" if last else ","))
    return lines


# --- small helpers --------------------------------------------------------------------------


def _rounded(value: float) -> float:
    return round(value, SCORE_DECIMALS)


def _rounded_or_none(value: float | None) -> float | None:
    return None if value is None else _rounded(value)


def _floor_down(value: float) -> float:
    scale = 10**FLOOR_DECIMALS
    # The small epsilon keeps 0.97 - 0.03 from becoming 0.93999... and rounding to 0.93.
    return math.floor(value * scale + 1e-9) / scale


def _ceil_up(value: float) -> float:
    scale = 10**FLOOR_DECIMALS
    return math.ceil(value * scale - 1e-9) / scale


def _float_or_none(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


def _describe_values(values: dict[str, float | None]) -> str:
    return ", ".join(f"{k} {_show(v)}" for k, v in values.items() if v is not None)


def _quote(text: str, limit: int = 70) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return json.dumps(short, ensure_ascii=False)


def _prefix(directory: Path, root: Path) -> str:
    relative = directory.resolve().relative_to(root).as_posix()
    return "" if relative == "." else relative + "/"


def with_pinned(run: FixtureRun, baseline: Baseline, path: Path) -> FixtureRun:
    """The same run compared with another baseline (after `rebless`)."""
    fixtures = [page.fixture for page in run.pages]
    docs = [page.doc for page in run.pages]
    return compare(run.directory, run.root, path, baseline, fixtures, docs, options=run.options)


def rescored(run: FixtureRun, fixtures: Sequence[Fixture]) -> FixtureRun:
    """The run with some pages' expectations replaced (after they were re-blessed)."""
    by_name = {fixture.name: fixture for fixture in fixtures}
    return compare(
        run.directory,
        run.root,
        run.baseline_path,
        run.baseline,
        [by_name.get(page.name, page.fixture) for page in run.pages],
        [page.doc for page in run.pages],
        options=run.options,
    )
