"""The hand-written fixture corpus loads and keeps its promises (format only, not scores)."""

from __future__ import annotations

import gzip
import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

import cleaner
from cleaner.evaluate.fixtures import (
    BASELINE_NAME,
    Fixture,
    FixtureFormatError,
    expectation_from,
    fixture_problems,
    load_fixture,
    load_fixtures,
    visible_lines,
)

FIXTURE_ROOT = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURES = load_fixtures(FIXTURE_ROOT / "text")
HTML_FIXTURES = load_fixtures(FIXTURE_ROOT / "html")


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


def test_the_html_corpus_has_every_page_kind_and_an_empty_page() -> None:
    kinds = {fixture.page_type for fixture in HTML_FIXTURES}
    assert len(HTML_FIXTURES) >= 22
    assert {fixture.kind for fixture in HTML_FIXTURES} == {"html"}
    assert {"article", "blog", "recipe", "documentation", "forum", "product"} <= kinds
    assert {"press-release", "service", "listing"} <= kinds
    assert len({fixture.language for fixture in HTML_FIXTURES}) >= 4
    assert any(not fixture.body for fixture in HTML_FIXTURES)


@pytest.mark.parametrize(
    "fixture", FIXTURES + HTML_FIXTURES, ids=lambda fixture: f"{fixture.kind}-{fixture.name}"
)
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


def test_a_key_missing_from_one_of_our_expectations_is_a_problem(tmp_path: Path) -> None:
    expected = _expected()
    del expected["notes"]
    assert "missing keys ['notes']" in fixture_problems(_write(tmp_path, expected))


def test_an_expectation_without_a_body_or_with_an_unknown_key_is_a_format_error(
    tmp_path: Path,
) -> None:
    expected = _expected()
    del expected["body"]
    with pytest.raises(FixtureFormatError, match=r"missing keys \['body'\]"):
        _write(tmp_path, expected)
    with pytest.raises(FixtureFormatError, match=r"unknown keys \['withuot'\]"):
        _write(tmp_path, _expected(withuot=["Share on X"]))


def test_a_missing_raw_page_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "lonely.json"
    path.write_text(json.dumps(_expected()), encoding="utf-8")
    with pytest.raises(FixtureFormatError, match="missing"):
        load_fixture(path)


def test_fixtures_are_immutable() -> None:
    with pytest.raises(FrozenInstanceError):
        FIXTURES[0].body = ""  # type: ignore[misc]


PAGE = """<!DOCTYPE html><html lang="en"><head><title>A headline | Site</title>
<meta property="article:published_time" content="2025-03-01T09:00:00+00:00">
<script>var teaser = "Most popular";</script></head>
<body><nav><a href="/">Most popular</a></nav><h1>A headline</h1><p class="byline">By Ann Author</p>
<article><p>First paragraph
    of the <a href="/x">story</a>.</p><div class="share">Share on X</div>
<p>Second paragraph of the story.</p></article>
<div class="cookies">Cookie settings</div><footer>Subscribe now</footer>
<div hidden>Hidden paragraph of the story.</div></body></html>"""


def _write_html(tmp_path: Path, expected: dict[str, object], page: str = PAGE) -> Fixture:
    (tmp_path / "tiny-page.html").write_text(page, encoding="utf-8")
    path = tmp_path / "tiny-page.json"
    path.write_text(json.dumps({**expected, "kind": "html"}), encoding="utf-8")
    return load_fixture(path)


def test_a_well_formed_html_page_has_no_problems(tmp_path: Path) -> None:
    fixture = _write_html(tmp_path, _expected(date="2025-03-01T09:00:00+00:00"))
    assert fixture_problems(fixture) == []


def test_an_html_body_paragraph_that_is_only_in_a_script_or_a_hidden_element_is_reported(
    tmp_path: Path,
) -> None:
    for hidden in ('var teaser = "Most popular";', "Hidden paragraph of the story."):
        body = f"First paragraph of the story.\n\n{hidden}"
        fixture = _write_html(tmp_path, _expected(body=body, **{"with": ["First"] * 3}))
        assert any("not a visible block" in problem for problem in fixture_problems(fixture))


def test_an_html_body_paragraph_cut_short_is_reported(tmp_path: Path) -> None:
    body = "First paragraph of the\n\nSecond paragraph of the story."
    fixture = _write_html(tmp_path, _expected(body=body, **{"with": ["First"] * 3}))
    assert any("not a visible block" in problem for problem in fixture_problems(fixture))


def test_an_html_snippet_found_only_in_markup_is_reported(tmp_path: Path) -> None:
    without = ["Subscribe now", "Share on X", "Cookie settings", 'class="share"']
    fixture = _write_html(tmp_path, _expected(without=without))
    assert fixture_problems(fixture) == [
        "'without' snippet is not in the page's visible text: 'class=\"share\"'"
    ]


def test_an_html_page_in_another_language_or_with_another_date_is_reported(
    tmp_path: Path,
) -> None:
    fixture = _write_html(tmp_path, _expected(language="de", date="2025-03-02"))
    problems = fixture_problems(fixture)
    assert "<html lang> is 'en', not 'de'" in problems
    assert "date '2025-03-02' is not in the page's markup" in problems


def test_visible_lines_collapse_wrapped_text_and_skip_invisible_markup() -> None:
    lines = visible_lines(PAGE)
    assert "First paragraph of the story." in lines
    assert "Hidden paragraph of the story." not in lines
    assert not any("var teaser" in line for line in lines)


def test_a_data_table_row_is_one_block_even_when_its_cells_wrap_text_in_paragraphs() -> None:
    table = "<table><tr><th><p>Name</p></th><td><p>rate</p></td><td>float</td></tr></table>"
    assert visible_lines(table) == ["Name rate float"]


def test_the_cells_of_a_layout_table_keep_their_paragraphs_apart() -> None:
    page = "<table><tr><td>Home<br>About</td><td><p>One.</p><p>Two.</p></td></tr></table>"
    assert visible_lines(page) == ["Home", "About", "One.", "Two."]


def test_pre_lines_and_br_lines_are_separate_blocks_and_blank_code_lines_vanish() -> None:
    page = "<pre><code>[Unit]\n\n  Type=oneshot\n</code></pre><div>a<br>b</div>"
    assert visible_lines(page) == ["[Unit]", "Type=oneshot", "a", "b"]


# --- a user's folder: looser than our corpora ----------------------------------------------


def test_a_user_expectation_needs_only_a_body_and_takes_its_kind_from_the_page_suffix(
    tmp_path: Path,
) -> None:
    (tmp_path / "story.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "story.json").write_text('{"body": "First paragraph of the story."}')
    fixture = load_fixture(tmp_path / "story.json")
    assert (fixture.kind, fixture.url, fixture.title, fixture.with_) == ("html", None, None, ())
    assert fixture.floor == 0.0
    assert "missing keys" in fixture_problems(fixture)[0]


def test_a_gzipped_page_in_a_legacy_encoding_is_read_as_the_cleaner_reads_bytes(
    tmp_path: Path,
) -> None:
    page = "<html><head><meta charset='windows-1252'></head><body><p>Café déjà vu</p>"
    (tmp_path / "cafe.html.gz").write_bytes(gzip.compress(page.encode("cp1252")))
    (tmp_path / "cafe.json").write_text('{"body": "Café déjà vu"}', encoding="utf-8")
    fixture = load_fixture(tmp_path / "cafe.json")
    assert "Café déjà vu" in fixture.raw
    assert fixture.encoding == "cp1252"
    assert fixture.path.name == "cafe.html.gz"


def test_two_pages_for_one_expectation_are_a_format_error_unless_the_kind_picks_one(
    tmp_path: Path,
) -> None:
    (tmp_path / "twin.txt").write_text(DUMP, encoding="utf-8")
    (tmp_path / "twin.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "twin.json").write_text('{"body": ""}')
    with pytest.raises(FixtureFormatError, match="several pages"):
        load_fixture(tmp_path / "twin.json")
    (tmp_path / "twin.json").write_text('{"body": "", "kind": "text"}')
    assert load_fixture(tmp_path / "twin.json").path.name == "twin.txt"


def test_a_folder_is_read_with_its_subfolders_and_skips_the_baseline_and_hidden_names(
    tmp_path: Path,
) -> None:
    for folder in ("site-a", "site-b", ".cache"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(DUMP, encoding="utf-8")
        (tmp_path / folder / "page.json").write_text('{"body": "Second paragraph of the story."}')
    (tmp_path / BASELINE_NAME).write_text("{}")
    assert [f.name for f in load_fixtures(tmp_path)] == ["site-a/page", "site-b/page"]


def test_a_missing_folder_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FixtureFormatError, match="not a folder"):
        load_fixtures(tmp_path / "nowhere")


def test_a_proposed_expectation_takes_the_output_and_snippets_from_both_sides() -> None:
    doc = cleaner.clean(PAGE, kind="html")
    expected = expectation_from(doc, kind="html", url=None)
    assert expected["body"] == doc.text
    assert all(s in doc.text for s in expected["with"])
    assert expected["with"]
    assert not any(s.casefold() in doc.text.casefold() for s in expected["without"])
