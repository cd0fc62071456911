"""Fixture runs: pages scored against expectations, compared with a baseline, explained by
the filter behind each paragraph (cleaner.evaluate.regression, diff and render)."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

from fixture_pages import BODY, HARMFUL_RULES, HEADLINE, PARAGRAPHS, expectation, fixture_folder

import cleaner
from cleaner.evaluate.diff import paragraph_diff, verdict_label
from cleaner.evaluate.fixtures import BASELINE_NAME
from cleaner.evaluate.regression import (
    FixtureRun,
    load_baseline,
    rebless,
    run_fixtures,
    save_baseline,
)
from cleaner.evaluate.render import full_report, table


def _bless(folder: Path, run: FixtureRun | None = None, **options: object) -> Path:
    run = run or run_fixtures(folder)
    baseline, _ = rebless(run, **options)  # type: ignore[arg-type]
    save_baseline(folder / BASELINE_NAME, baseline)
    return folder / BASELINE_NAME


def _harmful(folder: Path) -> cleaner.CleanOptions:
    rules = folder.parent / "harmful.toml"
    rules.write_text(HARMFUL_RULES, encoding="utf-8")
    return cleaner.CleanOptions(rules_files=(str(rules),))


def test_a_page_the_cleaner_gets_right_scores_one_and_has_no_diff(tmp_path: Path) -> None:
    run = run_fixtures(fixture_folder(tmp_path / "pages"))
    (page,) = run.pages
    assert (page.score.word_f1, page.score.shingle_f1, page.status) == (1.0, 1.0, "new")
    assert page.score.with_missing == page.score.without_leaked == ()
    assert paragraph_diff(page.fixture.paragraphs, page.doc) == []
    assert not run.failed


def test_a_missing_paragraph_is_traced_to_the_filter_that_dropped_its_block(
    tmp_path: Path,
) -> None:
    folder = fixture_folder(tmp_path / "pages", ferry=expectation(body=f"{HEADLINE}\n\n{BODY}"))
    (page,) = run_fixtures(folder).pages
    (change,) = paragraph_diff(page.fixture.paragraphs, page.doc)
    headline = next(b for b in page.doc.blocks if b.text == HEADLINE)
    assert (change.change, change.position, change.text) == ("missing", 1, HEADLINE)
    assert change.blocks == (headline,)
    assert change.why == verdict_label(headline) == "dropped by structure.before-article"


def test_an_extra_paragraph_says_that_no_filter_dropped_it(tmp_path: Path) -> None:
    folder = fixture_folder(tmp_path / "pages", ferry=expectation(body=PARAGRAPHS[0]))
    (page,) = run_fixtures(folder).pages
    (change,) = paragraph_diff(page.fixture.paragraphs, page.doc)
    assert (change.change, change.position, change.text) == ("extra", 2, PARAGRAPHS[1])
    assert change.why == "kept: no filter dropped it"


def test_a_rules_change_that_drops_a_paragraph_regresses_the_page_and_names_the_rule(
    tmp_path: Path,
) -> None:
    folder = fixture_folder(tmp_path / "pages")
    _bless(folder)
    run = run_fixtures(folder, options=_harmful(folder))
    (page,) = run.pages
    assert page.status == "regression" and run.failed
    assert page.delta is not None and page.delta < -0.3
    assert any("below the page's floor 0.97" in p for p in page.problems)
    assert 'must-have snippet now missing: "boats were too full to board"' in page.problems
    report = "\n".join(full_report(run))
    assert "dropped by harmful.early-crossing" in report
    assert "- ¶2" in report


def test_a_page_that_only_scores_lower_above_its_floor_is_worse_not_a_regression(
    tmp_path: Path,
) -> None:
    folder = fixture_folder(tmp_path / "pages")
    baseline = load_baseline(_bless(folder))

    def pin(word_f1: float) -> None:
        pinned = baseline.pages["ferry"]
        score = dataclasses.replace(pinned.score, word_f1=word_f1)
        page = dataclasses.replace(pinned, score=score, floor=0.4)
        save_baseline(folder / BASELINE_NAME, dataclasses.replace(baseline, pages={"ferry": page}))

    pin(0.5)
    (page,) = run_fixtures(folder).pages
    assert (page.status, page.delta) == ("better", 0.5)
    # The expectation now wants the headline too: today's 0.9 is below the pinned 1.0.
    (folder / "ferry.json").write_text(expectation(body=f"{BODY}\n\n{HEADLINE}"))
    pin(1.0)
    (page,) = run_fixtures(folder).pages
    assert (page.status, page.problems) == ("worse", ())
    assert page.delta is not None and -0.2 < page.delta < 0


def test_a_check_failing_already_in_the_baseline_is_not_a_regression(tmp_path: Path) -> None:
    folder = fixture_folder(tmp_path / "pages", ferry=expectation(without=["harbour ferry"]))
    _bless(folder)
    (page,) = run_fixtures(folder).pages
    assert page.score.without_leaked == ("harbour ferry",)
    assert (page.status, page.problems) == ("same", ())


def test_floors_rise_with_the_scores_and_fall_only_when_asked(tmp_path: Path) -> None:
    folder = fixture_folder(tmp_path / "pages")
    assert load_baseline(_bless(folder)).pages["ferry"].floor == 0.97
    harmful = run_fixtures(folder, options=_harmful(folder))
    kept = load_baseline(_bless(folder, harmful)).pages["ferry"]
    assert kept.floor == 0.97 and kept.score.word_f1 < 0.7
    assert run_fixtures(folder, options=_harmful(folder)).failed
    lowered = load_baseline(_bless(folder, harmful, lower_floors=True)).pages["ferry"]
    assert lowered.floor == math.floor((kept.score.word_f1 - 0.03) * 100) / 100
    assert not run_fixtures(folder, options=_harmful(folder)).failed


def test_a_corpus_below_its_floor_fails_only_when_the_run_holds_all_its_pages(
    tmp_path: Path,
) -> None:
    folder = fixture_folder(tmp_path / "pages", ferry=expectation(), again=expectation())
    _bless(folder)
    run = run_fixtures(folder, options=_harmful(folder))
    assert run.corpora["text"].problems[0].startswith("word_f1 0.6")
    (folder / "again.json").unlink()
    (folder / "again.txt").rename(tmp_path / "elsewhere.txt")
    partial = run_fixtures(folder, options=_harmful(folder))
    assert not partial.corpora["text"].complete and not partial.corpora["text"].problems
    assert partial.stale == ["again"]


def test_a_full_update_forgets_pages_that_are_gone(tmp_path: Path) -> None:
    folder = fixture_folder(tmp_path / "pages", ferry=expectation(), again=expectation())
    _bless(folder)
    (folder / "again.json").unlink()
    baseline, changes = rebless(run_fixtures(folder))
    assert list(baseline.pages) == ["ferry"]
    assert any(c.name == "again" and c.what.startswith("removed") for c in changes)


def test_the_baseline_file_has_one_line_per_page_and_reads_back_the_same(tmp_path: Path) -> None:
    folder = fixture_folder(tmp_path / "pages", ferry=expectation(), again=expectation())
    path = _bless(folder)
    text = path.read_text(encoding="utf-8")
    assert sum(line.lstrip().startswith('"ferry"') for line in text.splitlines()) == 1
    assert json.loads(text)["pages"]["ferry"]["floor"] == 0.97
    baseline = load_baseline(path)
    save_baseline(path, baseline)
    assert path.read_text(encoding="utf-8") == text


def test_the_table_lists_regressions_first_then_the_lowest_scores(tmp_path: Path) -> None:
    folder = fixture_folder(
        tmp_path / "pages",
        perfect=expectation(),
        half=expectation(body=PARAGRAPHS[0], floor=0.2),
        broken=expectation(body=PARAGRAPHS[1], floor=0.9),
    )
    rows = table(run_fixtures(folder))[2:]
    assert [row.split()[0] for row in rows] == ["broken", "half", "perfect"]
    assert rows[0].endswith("REGRESSION")
