"""The team's fixture corpora: what they cover, and the wiring of their regression gate.

Every page of fixtures/text and fixtures/html is a test of its own, collected by cleaner's
pytest plugin (pyproject.toml: `testpaths` and `cleaner_fixtures`), named
`fixtures/html/NAME.json::NAME`. It fails when the page cannot be cleaned, when its word F1
falls below its floor (the higher of its expectation's `floor` and the one pinned in
fixtures/cleaner-baseline.json), or when it loses a check it passed when the baseline was
blessed (a must-have snippet, a must-not-have one, title, author, date).
`fixtures/cleaner-baseline.json::baseline` holds each corpus to its floors — word F1, shingle
F1, must-haves found, must-not-haves leaked (a ceiling), title, author and date match rates,
the floors this file pinned in code until 2026-11-23 and raised since by `cleaner fixtures
update` — and fails for a page the baseline does not pin. `cleaner fixtures check fixtures`
prints the same verdicts with a diff for each regressed page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.evaluate.fixtures import BASELINE_NAME, load_fixtures
from cleaner.evaluate.regression import CORPUS_METRICS, load_baseline

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPORA = ("text", "html")


@pytest.mark.parametrize("corpus", CORPORA)
def test_each_corpus_has_at_least_twenty_pages_of_several_kinds(corpus: str) -> None:
    pages = load_fixtures(FIXTURES / corpus)
    assert len(pages) >= 20
    assert all(p.kind == corpus for p in pages)
    assert len({p.page_type for p in pages}) >= 6
    assert len({p.language for p in pages}) >= 4


def test_the_baseline_pins_every_page_and_every_corpus_score() -> None:
    baseline = load_baseline(FIXTURES / BASELINE_NAME)
    names = {fixture.name for fixture in load_fixtures(FIXTURES)}
    assert set(baseline.pages) == names
    for corpus in CORPORA:
        pinned = baseline.corpora[corpus]
        assert set(pinned.floors) | set(pinned.ceilings) == set(CORPUS_METRICS)
        assert pinned.score.pages == len(load_fixtures(FIXTURES / corpus))
