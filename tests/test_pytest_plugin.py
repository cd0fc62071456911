"""cleaner's pytest plugin, run in a user's project (pytester): a folder of fixture pages is
one test per page, and a regression fails with the paragraph diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_pages import BODY, HEADLINE, expectation, fixture_folder

import cleaner.evaluate.pytest_plugin as plugin

# Imported before pytester's in-process runs, which unload the modules they import: numpy
# (under the learned filter, which every default Cleaner builds) cannot be loaded twice.
import cleaner.filters.learned  # noqa: F401
from cleaner._options import CleanOptions
from cleaner.evaluate import fixtures
from cleaner.evaluate.regression import rebless, run_fixtures, save_baseline

pytest_plugins = ["pytester"]
# Hypothesis's plugin costs about 3 s to start in each in-process run, and is not needed.
PLUGIN = ("-p", "cleaner.evaluate.pytest_plugin", "-p", "no:hypothesispytest")
ROOT = Path(__file__).resolve().parents[1]


def _project(pytester: pytest.Pytester, *, bless: bool = True) -> Path:
    """A user's project: tests/pages holds two fixture pages, named in pytest.ini."""
    pages = fixture_folder(
        pytester.path / "tests" / "pages", ferry=expectation(), again=expectation()
    )
    pytester.makeini("[pytest]\ntestpaths = tests\ncleaner_fixtures = tests/pages\n")
    (pytester.path / "tests" / "test_other.py").write_text("def test_other():\n    pass\n")
    if bless:
        baseline, _ = rebless(run_fixtures(pages))
        save_baseline(pages / fixtures.BASELINE_NAME, baseline)
    return pages


def test_a_folder_named_in_the_ini_file_is_one_test_per_page_and_one_for_its_baseline(
    pytester: pytest.Pytester,
) -> None:
    _project(pytester)
    result = pytester.runpytest_inprocess(*PLUGIN, "-v")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(
        [
            "*tests/pages/again.json::again PASSED*",
            "*tests/pages/cleaner-baseline.json::baseline PASSED*",
            "*tests/pages/ferry.json::ferry PASSED*",
        ]
    )


def test_a_page_that_regressed_fails_with_its_diff_and_the_filter_responsible(
    pytester: pytest.Pytester,
) -> None:
    pages = _project(pytester)
    (pages / "ferry.json").write_text(expectation(body=f"{HEADLINE}\n\n{BODY}"))
    result = pytester.runpytest_inprocess(*PLUGIN)
    # The page, and the corpus: its mean word F1 (0.972) is now below its floor (0.98).
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*text (2 pages): word F1 0.972 (≥ 0.98)*REGRESSION*",
            "*cleaner fixture ferry*",
            "ferry: regression",
            "*! word F1 0.943 is below the page's floor 0.97",
            f"*- ¶1   {HEADLINE}",
            "*dropped by structure.before-article",
        ]
    )


def test_the_baseline_test_fails_for_a_page_it_does_not_pin(pytester: pytest.Pytester) -> None:
    pages = _project(pytester)
    fixture_folder(pages, late=expectation())
    result = pytester.runpytest_inprocess(*PLUGIN, "-k", "baseline")
    result.assert_outcomes(failed=1, deselected=4)
    result.stdout.fnmatch_lines(["not in the baseline: late", "*cleaner fixtures update*"])


def test_a_baseline_blessed_under_other_options_warns_but_does_not_fail(
    pytester: pytest.Pytester,
) -> None:
    pages = fixture_folder(pytester.path / "tests" / "pages", ferry=expectation())
    pytester.makeini("[pytest]\ntestpaths = tests\ncleaner_fixtures = tests/pages\n")
    baseline, _ = rebless(run_fixtures(pages, options=CleanOptions(structure=False)))
    save_baseline(pages / fixtures.BASELINE_NAME, baseline)
    result = pytester.runpytest_inprocess(*PLUGIN)
    # (Other warnings may come with it, e.g. pytest's about a module imported before
    # its assertion rewriting, depending on how the run imported cleaner.)
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*CleanerFixtureWarning*structure false -> true*"])


def test_a_bad_expectation_fails_its_own_test_and_no_other(pytester: pytest.Pytester) -> None:
    pages = _project(pytester, bless=False)
    (pages / "again.json").write_text('{"body": "x", "withuot": []}')
    result = pytester.runpytest_inprocess(*PLUGIN)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["bad fixture: *again.json: missing keys [[]], unknown keys*"])


def test_without_a_configured_folder_the_plugin_collects_no_json(
    pytester: pytest.Pytester,
) -> None:
    fixture_folder(pytester.path / "tests" / "pages")
    pytester.makepyfile(test_other="def test_something_else():\n    assert True\n")
    pytester.runpytest_inprocess(*PLUGIN, "tests", "test_other.py").assert_outcomes(passed=1)


def test_a_folder_named_on_the_command_line_is_collected_outside_the_test_paths(
    pytester: pytest.Pytester,
) -> None:
    fixture_folder(pytester.path / "elsewhere")
    pytester.makeini("[pytest]\ntestpaths = tests\n")
    (pytester.path / "tests").mkdir()
    result = pytester.runpytest_inprocess(*PLUGIN, "--cleaner-fixtures", "elsewhere", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*elsewhere/ferry.json::ferry PASSED*"])


def test_the_plugin_knows_the_baseline_name_without_importing_the_format_module() -> None:
    assert plugin.BASELINE_NAME == fixtures.BASELINE_NAME


def test_our_own_fixtures_run_through_the_plugin_in_this_very_session(
    pytestconfig: pytest.Config,
) -> None:
    assert plugin in pytestconfig.pluginmanager.get_plugins()
    configured = [Path(p).resolve() for p in pytestconfig.getini(plugin.INI_NAME)]
    assert configured == [ROOT / "fixtures"]
    assert "fixtures" in pytestconfig.getini("testpaths")
    assert (ROOT / "fixtures" / fixtures.BASELINE_NAME).is_file()


def test_the_plugin_is_declared_as_a_pytest11_entry_point_under_its_module_name() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entry_points = project["entry-points"]["pytest11"]
    assert entry_points == {plugin.__name__: plugin.__name__}
