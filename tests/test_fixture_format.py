"""The hand-written fixture corpus loads and keeps its promises (format only, not scores)."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from cleaner.evaluate.fixtures import (
    Fixture,
    FixtureFormatError,
    fixture_problems,
    load_fixture,
    load_fixtures,
)

TEXT_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
FIXTURES = load_fixtures(TEXT_FIXTURES)


def _expected(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "kind": "text",
        "url": "https://example.org/a",
        "page_type": "article",
        "language": "en",
        "title": "A headline",
        "author": "Ann Author",
        "date": "2025-03-01",
        "body": "First paragraph of the story.\n\nSecond paragraph of the story.",
        "with": ["First paragraph", "Second paragraph", "of the story."],
        "without": ["Subscribe now", "Share on X", "Cookie settings", "Most popular"],
        "notes": "a tiny page for testing the checks",
    }
    base.update(changes)
    return base


DUMP = (
    "Most popular\nA headline\nBy Ann Author\nFirst paragraph of the story.\n"
    "Share on X\nSecond paragraph of the story.\nSubscribe now\nCookie settings\n"
)


def _write(tmp_path: Path, expected: dict[str, object], dump: str = DUMP) -> Fixture:
    (tmp_path / "tiny-page.txt").write_text(dump, encoding="utf-8")
    path = tmp_path / "tiny-page.json"
    path.write_text(json.dumps(expected), encoding="utf-8")
    return load_fixture(path)


def test_the_corpus_has_every_page_kind_the_cleaner_must_handle() -> None:
    kinds = {fixture.page_type for fixture in FIXTURES}
    assert len(FIXTURES) >= 24
    assert {"article", "blog", "recipe", "documentation", "forum", "product"} <= kinds
    assert {"press-release", "service"} <= kinds
    assert len({fixture.language for fixture in FIXTURES}) >= 5


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda fixture: fixture.name)
def test_every_fixture_is_well_formed(fixture: Fixture) -> None:
    assert fixture_problems(fixture) == []


def test_one_fixture_expects_an_empty_body() -> None:
    assert any(not fixture.body for fixture in FIXTURES)


def test_a_well_formed_page_has_no_problems(tmp_path: Path) -> None:
    fixture = _write(tmp_path, _expected())
    assert fixture_problems(fixture) == []
    assert fixture.paragraphs == ["First paragraph of the story.", "Second paragraph of the story."]


def test_a_body_paragraph_that_was_rewritten_is_reported(tmp_path: Path) -> None:
    body = "First paragraph of the story.\n\nSecond paragraph of this story."
    fixture = _write(tmp_path, _expected(body=body, **{"with": ["First paragraph"] * 3}))
    assert any("not a dump line" in problem for problem in fixture_problems(fixture))


def test_body_paragraphs_out_of_dump_order_are_reported(tmp_path: Path) -> None:
    body = "Second paragraph of the story.\n\nFirst paragraph of the story."
    fixture = _write(tmp_path, _expected(body=body))
    assert any("after the previous paragraph" in problem for problem in fixture_problems(fixture))


def test_a_boilerplate_snippet_inside_the_body_is_reported_whatever_its_case(
    tmp_path: Path,
) -> None:
    fixture = _write(tmp_path, _expected(without=["FIRST PARAGRAPH", "Share on X", "x", "y"]))
    problems = fixture_problems(fixture)
    assert any("'without' snippet is in the body" in problem for problem in problems)
    assert any("'without' snippet is not in the dump: 'x'" in problem for problem in problems)


def test_a_with_snippet_missing_from_the_body_is_reported(tmp_path: Path) -> None:
    fixture = _write(tmp_path, _expected(**{"with": ["Most popular", "First", "Second"]}))
    assert fixture_problems(fixture) == ["'with' snippet is not in the body: 'Most popular'"]


def test_a_date_in_page_format_is_reported(tmp_path: Path) -> None:
    fixture = _write(tmp_path, _expected(date="March 1, 2025"))
    assert any("date" in problem for problem in fixture_problems(fixture))


def test_crlf_line_ends_reach_the_fixture_untouched(tmp_path: Path) -> None:
    fixture = _write(tmp_path, _expected(), dump=DUMP.replace("\n", "\r\n"))
    assert "\r\n" in fixture.raw
    assert fixture_problems(fixture) == []


def test_a_missing_key_is_a_format_error(tmp_path: Path) -> None:
    expected = _expected()
    del expected["notes"]
    with pytest.raises(FixtureFormatError, match="missing keys"):
        _write(tmp_path, expected)


def test_a_missing_raw_page_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "lonely.json"
    path.write_text(json.dumps(_expected()), encoding="utf-8")
    with pytest.raises(FixtureFormatError, match="missing"):
        load_fixture(path)


def test_fixtures_are_immutable() -> None:
    with pytest.raises(FrozenInstanceError):
        FIXTURES[0].body = ""  # type: ignore[misc]
