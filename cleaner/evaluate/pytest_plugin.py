"""A pytest plugin: a folder of fixture pages collected as one test per page.

Installed with cleaner and registered by a `pytest11` entry point named after this module,
so any pytest run sees it. It does nothing until told where fixture folders are, in the pytest
configuration (paths relative to the configuration file):

    [tool.pytest.ini_options]                 # pyproject.toml; or in pytest.ini / tox.ini:
    testpaths = ["tests", "tests/pages"]      #   cleaner_fixtures = tests/pages
    cleaner_fixtures = ["tests/pages"]

or on the command line, `pytest --cleaner-fixtures tests/pages` (that folder is then
collected even when pytest would not walk it). Below such a folder every expectation
(`NAME.json`) is one test, `PAGE.json::NAME`, which cleans the page with the default options
and fails as `cleaner fixtures check` would call it a regression, with the same report:
scores, what regressed, and the paragraph diff with the filter behind each paragraph. A
baseline file (`cleaner-baseline.json`) is one more test, `cleaner-baseline.json::baseline`:
its corpus floors hold, and it lists exactly the pages of its folder. Pages are cleaned once
per session whichever tests ask for them.

`pytest -p no:cleaner.evaluate.pytest_plugin` switches the plugin off; where it is not
installed (a source tree on PYTHONPATH) or plugin autoloading is disabled,
`-p cleaner.evaluate.pytest_plugin` switches it on. The entry point has the module's name so
that both ways can meet in one run without registering the plugin twice.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # cleaner itself is imported only when a fixture folder is configured
    from cleaner._api import Cleaner
    from cleaner._model import Document
    from cleaner.evaluate.fixtures import Fixture
    from cleaner.evaluate.regression import Baseline, PageResult

INI_NAME = "cleaner_fixtures"


class CleanerFixtureWarning(UserWarning):
    """A fixture baseline was blessed under cleaning options other than the defaults the
    plugin cleans with."""


# Kept in step with cleaner.evaluate.fixtures.BASELINE_NAME (a test checks it), so that a
# run with no fixture folder configured never imports cleaner.
BASELINE_NAME = "cleaner-baseline.json"
BASELINE_ITEM = "baseline"


@dataclass
class _Suite:
    """The pages below one folder (a baseline's, or a configured one without a baseline),
    cleaned at most once per session."""

    root: Path
    baseline_path: Path | None
    baseline: Baseline | None
    engine: Cleaner
    docs: dict[str, tuple[Fixture, Document]] = field(default_factory=dict)

    def clean(self, fixture: Fixture) -> Document:
        from cleaner.evaluate.regression import clean_fixture

        cached = self.docs.get(fixture.name)
        if cached is None or cached[0] != fixture:
            cached = (fixture, clean_fixture(self.engine, fixture))
            self.docs[fixture.name] = cached
        return cached[1]


_ROOTS = pytest.StashKey[list[Path]]()
_SUITES = pytest.StashKey[dict[Path, _Suite]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        INI_NAME,
        type="paths",
        default=[],
        help="folders of cleaner fixture pages (NAME.html or NAME.txt beside NAME.json), "
        "collected as one test per page",
    )
    parser.getgroup("cleaner").addoption(
        "--cleaner-fixtures",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of cleaner fixture pages to collect as one test per page",
    )


def pytest_configure(config: pytest.Config) -> None:
    named = [Path(p).resolve() for p in config.getoption("cleaner_fixtures") or []]
    configured = [Path(p).resolve() for p in config.getini(INI_NAME) or []]
    config.stash[_ROOTS] = configured + named
    config.stash[_SUITES] = {}
    # A folder named on the command line is collected even if no argument covers it.
    walked = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    for folder in named:
        if not any(folder.is_relative_to(path) for path in walked):
            config.args.append(str(folder))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".json":
        return None
    roots = parent.config.stash.get(_ROOTS, [])
    root = next((r for r in roots if file_path.resolve().is_relative_to(r)), None)
    if root is None:
        return None
    relative = file_path.resolve().relative_to(root)
    if any(part.startswith(".") for part in relative.parts):
        return None
    if file_path.name == BASELINE_NAME:
        return BaselineFile.from_parent(parent, path=file_path)
    return PageFile.from_parent(parent, path=file_path)


class PageFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        yield PageItem.from_parent(self, name=self.path.stem)


class BaselineFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        yield BaselineItem.from_parent(self, name=BASELINE_ITEM)


class FixtureFailure(Exception):
    """A fixture test failed; the message is the whole report."""


class PageItem(pytest.Item):
    """One page: it fails when the page's cleaning regressed (see cleaner.evaluate.regression)."""

    def runtest(self) -> None:
        from cleaner.evaluate.fixtures import FixtureFormatError, load_fixture
        from cleaner.evaluate.regression import page_result
        from cleaner.evaluate.render import page_report

        try:
            suite = _suite(self.config, self.path)
            fixture = load_fixture(self.path, root=suite.root)
        except FixtureFormatError as exc:
            raise FixtureFailure(f"bad fixture: {exc}") from None
        pinned = suite.baseline.pages.get(fixture.name) if suite.baseline else None
        result: PageResult = page_result(fixture, suite.clean(fixture), pinned)
        if result.status in ("error", "regression"):
            raise FixtureFailure("\n".join(page_report(result)))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, FixtureFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"cleaner fixture {self.name}"


class BaselineItem(PageItem):
    """A baseline: its corpus floors hold, and it pins exactly the pages of its folder."""

    def runtest(self) -> None:
        from cleaner.evaluate.fixtures import FixtureFormatError, load_fixtures
        from cleaner.evaluate.regression import compare
        from cleaner.evaluate.render import corpus_line, options_note

        try:
            suite = _suite(self.config, self.path)
            fixtures = load_fixtures(suite.root)
        except FixtureFormatError as exc:
            raise FixtureFailure(f"bad fixture or baseline: {exc}") from None
        docs = [suite.clean(fixture) for fixture in fixtures]
        run = compare(suite.root, suite.root, suite.baseline_path, suite.baseline, fixtures, docs)
        if run.options_changed:
            # The plugin cleans with the default options; the baseline's scores were not.
            warnings.warn(
                f"{self.path}: {options_note(run.options_changed)}",
                CleanerFixtureWarning,
                stacklevel=1,
            )
        problems = [corpus_line(c) for c in run.corpora.values() if c.problems]
        problems += [f"pinned in the baseline but not found: {name}" for name in run.stale]
        problems += [f"not in the baseline: {p.name}" for p in run.pages if p.pinned is None]
        if problems:
            hint = "if the change is intended, `cleaner fixtures update` re-blesses the baseline"
            raise FixtureFailure("\n".join([*problems, hint]))


def _suite(config: pytest.Config, path: Path) -> _Suite:
    """The suite a fixture file belongs to: its nearest baseline's folder within its
    configured folder, else the configured folder."""
    from cleaner._api import Cleaner
    from cleaner.evaluate.regression import load_baseline

    resolved = path.resolve()
    configured = next(r for r in config.stash[_ROOTS] if resolved.is_relative_to(r))
    baseline_path = None
    for folder in resolved.parents:
        if (folder / BASELINE_NAME).is_file():
            baseline_path = folder / BASELINE_NAME
            break
        if folder == configured:
            break
    root = baseline_path.parent if baseline_path else configured
    suites = config.stash[_SUITES]
    if root not in suites:
        baseline = load_baseline(baseline_path) if baseline_path else None
        suites[root] = _Suite(root, baseline_path, baseline, Cleaner())
    return suites[root]
