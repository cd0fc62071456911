"""`cleaner fixtures check|update|add` and `cleaner explain`, through the real entry point."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
import regex
from fixture_pages import (
    BODY,
    DUMP,
    HARMFUL_RULES,
    HEADLINE,
    PARAGRAPHS,
    SCRIPT_PAGE,
    expectation,
)
from fixture_pages import fixture_folder as folder_of

import cleaner
from cleaner.cli import main
from cleaner.evaluate.fixtures import BASELINE_NAME

Capture = pytest.CaptureFixture[str]


def _harmful(tmp_path: Path) -> str:
    rules = tmp_path / "harmful.toml"
    rules.write_text(HARMFUL_RULES, encoding="utf-8")
    return str(rules)


def test_check_passes_a_blessed_folder_and_fails_after_a_harmful_rules_change(
    tmp_path: Path, capsys: Capture
) -> None:
    folder = folder_of(tmp_path / "pages")
    assert main(["fixtures", "update", str(folder)]) == 0
    assert "ferry: new: word F1 1.000, floor 0.97" in capsys.readouterr().out
    assert main(["fixtures", "check", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 page: 1 same — ok"
    assert main(["fixtures", "check", str(folder), "--rules", _harmful(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert regex.search(r"^ferry +text +0\.6\d\d +-0\.3\d\d .* REGRESSION$", out, regex.M)
    assert "! word F1 0.6" in out and "is below the page's floor 0.97" in out
    assert "- ¶2   Passengers on the early crossing" in out
    assert "dropped by harmful.early-crossing" in out
    assert out.splitlines()[-1].endswith("FAILED")


def test_check_json_gives_every_page_its_status_scores_and_diff(
    tmp_path: Path, capsys: Capture
) -> None:
    folder = folder_of(tmp_path / "pages", ferry=expectation(body=f"{HEADLINE}\n\n{BODY}"))
    assert main(["fixtures", "check", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (page,) = data["pages"]
    assert (page["name"], page["status"], page["word_f1"]) == ("ferry", "new", 0.9434)
    assert page["diff"][0]["change"] == "missing"
    assert page["diff"][0]["blocks"][0]["reason"] == "structure.before-article"
    assert data["failed"] is False and data["baseline"] is None


def test_the_baseline_records_its_options_and_a_run_under_others_says_so(
    tmp_path: Path, capsys: Capture
) -> None:
    folder = folder_of(tmp_path / "pages")
    assert main(["fixtures", "update", str(folder), "--no-learned"]) == 0
    saved = json.loads((folder / BASELINE_NAME).read_text(encoding="utf-8"))
    assert saved["options"] == {
        "rules": [],
        "filters": [],
        "structure": True,
        "learned": [],
        "model": None,
    }
    capsys.readouterr()
    assert main(["fixtures", "check", str(folder), "--no-learned"]) == 0
    assert "note:" not in capsys.readouterr().out
    # The page still passes under the defaults; the report says the options differ.
    assert main(["fixtures", "check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert (
        'note: the baseline was blessed under other cleaning options (learned [] -> ["html"])'
        in out
    )
    # Blessing one page under other options would mix two sets in one baseline.
    assert main(["fixtures", "update", str(folder), "ferry"]) == 2
    assert "blessed under other cleaning options" in capsys.readouterr().err
    # Blessing all of them records the new options and lists the change.
    assert main(["fixtures", "update", str(folder)]) == 0
    assert 'options: now learned [] -> ["html"]' in capsys.readouterr().out
    saved = json.loads((folder / BASELINE_NAME).read_text(encoding="utf-8"))
    assert saved["options"]["learned"] == ["html"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such folder"),
        ("empty", "no fixtures"),
        ("bad-json", "cannot read"),
        ("no-page", "raw page lonely.html or .htm or .txt is missing"),
        ("bad-baseline", "not a baseline"),
    ],
)
def test_check_reports_a_bad_folder_clearly_with_exit_status_two(
    setup: str, message: str, tmp_path: Path, capsys: Capture
) -> None:
    folder = tmp_path / "pages"
    if setup != "missing":
        folder.mkdir()
    if setup == "bad-json":
        folder_of(folder)
        (folder / "ferry.json").write_text("{not json", encoding="utf-8")
    elif setup == "no-page":
        (folder / "lonely.json").write_text(expectation(), encoding="utf-8")
    elif setup == "bad-baseline":
        folder_of(folder)
        (folder / BASELINE_NAME).write_text('{"format": 99}', encoding="utf-8")
    assert main(["fixtures", "check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cleaner fixtures check: error: ") and message in err


def test_update_accept_output_rewrites_only_the_named_page_and_shows_the_change(
    tmp_path: Path, capsys: Capture
) -> None:
    wanted = expectation(body=f"{HEADLINE}\n\n{BODY}")
    folder = folder_of(tmp_path / "pages", ferry=wanted, other=wanted)
    assert main(["fixtures", "update", str(folder), "ferry", "--accept-output"]) == 0
    out = capsys.readouterr().out
    assert "ferry: expectation rewritten from the output" in out
    assert f"- ¶1   {HEADLINE}" in out
    assert json.loads((folder / "ferry.json").read_text())["body"] == BODY
    assert json.loads((folder / "other.json").read_text()) == json.loads(wanted)
    baseline = json.loads((folder / BASELINE_NAME).read_text())
    assert list(baseline["pages"]) == ["ferry"]
    assert baseline["pages"]["ferry"]["word_f1"] == 1.0


def test_update_names_a_page_that_does_not_exist_as_a_usage_error(
    tmp_path: Path, capsys: Capture
) -> None:
    assert main(["fixtures", "update", str(folder_of(tmp_path / "pages")), "nope"]) == 2
    assert "no single fixture is called 'nope'" in capsys.readouterr().err


def test_update_keeps_a_floor_the_new_scores_break_and_says_so(
    tmp_path: Path, capsys: Capture
) -> None:
    folder = folder_of(tmp_path / "pages")
    assert main(["fixtures", "update", str(folder)]) == 0
    assert main(["fixtures", "update", str(folder), "--rules", _harmful(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "pass --lower-floors to accept the lower scores" in out
    rules = _harmful(tmp_path)
    assert main(["fixtures", "update", str(folder), "--rules", rules, "--lower-floors"]) == 0
    assert "ferry: floor 0.97 -> 0.6" in capsys.readouterr().out
    assert main(["fixtures", "check", str(folder), "--rules", rules]) == 0


def test_add_copies_pages_and_drafts_expectations_that_check_then_passes(
    tmp_path: Path, capsys: Capture
) -> None:
    source = tmp_path / "crawl"
    source.mkdir()
    (source / "ferry.txt").write_text(DUMP, encoding="utf-8")
    (source / "ferry-page.dump").write_text(DUMP, encoding="utf-8")
    folder = tmp_path / "pages"
    pages = [str(source / "ferry.txt"), str(source / "ferry-page.dump")]
    assert main(["fixtures", "add", *pages, "--to", str(folder)]) == 0
    assert "review it" in capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir()) == [
        "ferry-page.json",
        "ferry-page.txt",
        "ferry.json",
        "ferry.txt",
    ]
    drafted = json.loads((folder / "ferry.json").read_text(encoding="utf-8"))
    assert drafted["body"] == BODY
    assert drafted["with"] and drafted["without"]
    assert main(["fixtures", "check", str(folder)]) == 0
    assert main(["fixtures", "add", pages[0], "--to", str(folder)]) == 2
    assert "exists (--force overwrites it)" in capsys.readouterr().err


def test_explain_lists_every_block_with_its_verdict_filter_and_reason(
    tmp_path: Path, capsys: Capture
) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text(DUMP, encoding="utf-8")
    assert main(["explain", str(page)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{page} (text): 9 blocks, 2 kept, 7 dropped"
    assert regex.fullmatch(r" +0  drop +rules: navigation\.home_link +Home", lines[2])
    assert regex.fullmatch(r" +5  keep +- +The harbour ferry will run .*", lines[7])
    assert lines[-1].startswith("dropped by: structure.before-article 3, ")


def test_explain_of_a_missing_page_is_a_usage_error(tmp_path: Path, capsys: Capture) -> None:
    assert main(["explain", str(tmp_path / "nope.html")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_explain_html_escapes_the_page_text_and_shows_the_documents_counts(
    tmp_path: Path, capsys: Capture
) -> None:
    page, report = tmp_path / "escapes.html", tmp_path / "report.html"
    page.write_text(SCRIPT_PAGE, encoding="utf-8")
    assert main(["explain", str(page), "--html", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    doc = cleaner.clean(SCRIPT_PAGE, kind="html")
    kept = sum(b.kept for b in doc.blocks)
    assert f'data-kept="{kept}" data-dropped="{len(doc.blocks) - kept}"' in text
    assert "<script" not in text.lower()
    assert html.escape('<script>alert("owned")</script>') in text
    assert text.count('<li class="block') == len(doc.blocks)
    assert "<link" not in text and "http" not in text.split("<main", 1)[0]


def test_check_report_links_the_summary_table_to_a_section_per_page(
    tmp_path: Path, capsys: Capture
) -> None:
    folder = folder_of(
        tmp_path / "pages", ferry=expectation(), short=expectation(body=PARAGRAPHS[0])
    )
    report = tmp_path / "run.html"
    assert main(["fixtures", "check", str(folder), "--report", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    for name in ("ferry", "short"):
        assert f'<a href="#page-{name}">{name}</a>' in text
        assert f'<section id="page-{name}"' in text
    assert 'class="block extra"' in text  # the second paragraph, which "short" does not want


def test_explain_of_a_fixture_page_cleans_it_as_check_does_and_colours_what_it_misses(
    tmp_path: Path, capsys: Capture
) -> None:
    folder = folder_of(tmp_path / "pages", ferry=expectation(body=f"{HEADLINE}\n\n{BODY}"))
    report = tmp_path / "ferry.html"
    assert main(["explain", str(folder / "ferry.txt"), "--html", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert '<span class="pill missing">1 missing</span>' in text
    assert '<li class="block missing" title="#3 dropped by structure.before-article' in text
    assert HEADLINE in text
