"""The fixture corpora scored as a whole, against pinned floors.

Every page in fixtures/text and fixtures/html is cleaned and compared with its expected
output. A change that helps one page and hurts five shows up here: each corpus's means may not
fall below its floors, and no page may fall below its own floor (`floor` in its expected
file, word F1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import cleaner
from cleaner.evaluate.fixtures import Fixture, load_fixtures
from cleaner.evaluate.scores import (
    aggregate_shingle,
    author_matches,
    date_matches,
    mean_word_f1,
    shingle_prf,
    snippets_found,
    title_matches,
    word_f1,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@dataclass(frozen=True)
class Floors:
    """Pinned floors: the scores measured when they were last raised, less a small margin for
    harmless drift. Raise them when the cleaner gets better; never lower them to make a change
    pass. Each page's own floor (in its .json) is its word F1 then, less 0.03."""

    word_f1: float
    shingle_f1: float
    with_found: float
    without_leaked: float  # a ceiling
    title: float
    author: float
    date: float


FLOORS = {
    # Measured on 2026-11-22: word F1 0.969, shingle F1 0.952, with found 0.950, without
    # leaked 0.096, title 0.654, author 0.842, date 0.952.
    "text": Floors(0.95, 0.93, 0.93, 0.12, 0.62, 0.80, 0.92),
    # Measured on 2026-11-22: word F1 0.948, shingle F1 0.939, with found 0.943, without
    # leaked 0.144, title 0.958, author 1.000, date 0.947.
    "html": Floors(0.93, 0.92, 0.92, 0.16, 0.92, 0.95, 0.90),
}


def _pages(corpus: str) -> list[Fixture]:
    return load_fixtures(FIXTURES / corpus)


_RESULTS: dict[str, list[tuple[Fixture, cleaner.Document]]] = {}


def _results(corpus: str) -> list[tuple[Fixture, cleaner.Document]]:
    if corpus not in _RESULTS:
        _RESULTS[corpus] = [
            (f, cleaner.clean(f.raw, kind=f.kind, url=f.url)) for f in _pages(corpus)
        ]
    return _RESULTS[corpus]


@pytest.mark.parametrize("corpus", FLOORS)
def test_each_corpus_has_at_least_twenty_pages_of_several_kinds(corpus: str) -> None:
    pages = _pages(corpus)
    assert len(pages) >= 20
    assert all(p.kind == corpus for p in pages)
    assert len({p.page_type for p in pages}) >= 6
    assert len({p.language for p in pages}) >= 4


@pytest.mark.parametrize("corpus", FLOORS)
def test_body_scores_stay_above_the_pinned_floors(corpus: str) -> None:
    results, floors = _results(corpus), FLOORS[corpus]
    words = [word_f1(doc.text, f.body) for f, doc in results]
    shingle = aggregate_shingle([shingle_prf(doc.text, f.body) for f, doc in results])
    assert mean_word_f1(words) >= floors.word_f1
    assert shingle.f1 >= floors.shingle_f1


@pytest.mark.parametrize("corpus", FLOORS)
def test_snippet_rates_stay_within_the_pinned_bounds(corpus: str) -> None:
    results, floors = _results(corpus), FLOORS[corpus]
    found = [snippets_found(doc.text, f.with_) for f, doc in results]
    leaked = [snippets_found(doc.text, f.without) for f, doc in results]
    assert sum(a for a, _ in found) / max(1, sum(b for _, b in found)) >= floors.with_found
    assert sum(a for a, _ in leaked) / max(1, sum(b for _, b in leaked)) <= floors.without_leaked


@pytest.mark.parametrize("corpus", FLOORS)
def test_metadata_match_rates_stay_above_the_pinned_floors(corpus: str) -> None:
    results, floors = _results(corpus), FLOORS[corpus]

    def rate(pairs: list[bool]) -> float:
        return sum(pairs) / len(pairs) if pairs else 1.0

    assert rate([title_matches(d.title, f.title) for f, d in results if f.title]) >= floors.title
    assert rate([author_matches(d.author, f.author) for f, d in results if f.author]) >= (
        floors.author
    )
    assert rate([date_matches(d.date, f.date) for f, d in results if f.date]) >= floors.date


@pytest.mark.parametrize(
    "fixture", _pages("text") + _pages("html"), ids=lambda f: f"{f.kind}/{f.name}"
)
def test_no_page_falls_below_its_own_floor(fixture: Fixture) -> None:
    doc = cleaner.clean(fixture.raw, kind=fixture.kind, url=fixture.url)
    assert doc.error is None
    score = word_f1(doc.text, fixture.body).f1
    assert score >= fixture.floor, f"{fixture.name}: word F1 {score:.3f} < floor {fixture.floor}"
