"""The `cleaner fixtures` and `cleaner explain` commands.

    cleaner fixtures check DIR [--json] [--report FILE] [--all-diffs] [--baseline FILE]
    cleaner fixtures update DIR [PAGE...] [--accept-output] [--lower-floors]
    cleaner fixtures add PAGE... --to DIR [--force]
    cleaner explain PAGE [--html FILE] [--json]

The work is in `cleaner.evaluate` (regression, diff, render, report); this module parses
arguments, prints, and turns outcomes into exit statuses: 0 ok, 1 a regression (check), a
page still failing after an update, or a page that could not be cleaned, 2 a usage error
(no such folder, no fixtures, a bad expectation or baseline, a bad rules or model file).
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cleaner._api import Cleaner
from cleaner._cli_options import add_cleaning_options, cleaning_fields
from cleaner._model import Document
from cleaner._options import CleanOptions, files_problem
from cleaner.evaluate.fixtures import (
    BASELINE_NAME,
    EXPECTATION_SUFFIX,
    GZIP_SUFFIX,
    PAGE_SUFFIXES,
    Fixture,
    FixtureFormatError,
    expectation_from,
    load_fixture,
    read_expectation,
    write_expectation,
)
from cleaner.evaluate.regression import (
    FixtureRun,
    PageResult,
    rebless,
    rescored,
    run_fixtures,
    save_baseline,
    with_pinned,
)
from cleaner.evaluate.render import full_report, page_report, summary_line

# The same statuses as `cleaner clean` (cleaner.cli), repeated here to keep the import one-way.
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXPLAIN_TEXT_WIDTH = 60
"""Characters of a block's text shown per line by `cleaner explain`."""
EXPLAIN_REASON_WIDTH = 30


class UsageError(Exception):
    """A problem with the command's arguments or files: reported, exit status 2."""


def add_commands(commands: Any) -> None:
    """Add `fixtures` and `explain` to the `cleaner` command's subparsers."""
    fixtures = commands.add_parser(
        "fixtures",
        help="regression-test the cleaner against a folder of pages with expected output",
        description="Regression testing against fixture pages: each NAME.html or NAME.txt "
        "(optionally .gz) beside a NAME.json expectation. See README, 'Regression testing "
        "with fixture pages'.",
    )
    actions = fixtures.add_subparsers(title="actions", metavar="ACTION", required=True)
    _add_check(actions)
    _add_update(actions)
    _add_add(actions)
    explain = commands.add_parser(
        "explain",
        help="show every block of a page, kept or dropped, with the filter that decided",
        description="Clean one page and show every block in order: kept or dropped, the "
        "deciding filter, its reason and score.",
    )
    explain.set_defaults(run=run_explain)
    explain.add_argument("page", metavar="PAGE", help="an HTML page or text dump (- for stdin)")
    explain.add_argument("--html", metavar="FILE", help="also write an HTML report to FILE")
    explain.add_argument(
        "--json", action="store_true", help="print the Document with its blocks as JSON"
    )
    explain.add_argument("--kind", choices=("auto", "html", "text"), default="auto")
    explain.add_argument("--url", help="the page's URL")
    _add_cleaning_options(explain)


def _add_check(actions: Any) -> None:
    check = actions.add_parser(
        "check",
        help="clean every page, score it, show what changed; exit 1 on a regression",
        description="Clean every fixture page, score it against its expectation, print a "
        "table worst first and a diff for each regressed page. Exit status 1 when a page "
        "fell below its floor or lost a check it passed in the baseline, or a corpus fell "
        "below its floors.",
    )
    check.set_defaults(run=run_check)
    check.add_argument("directory", metavar="DIR", type=Path, help="the fixture folder")
    check.add_argument("--json", action="store_true", help="print the results as JSON")
    check.add_argument("--report", metavar="FILE", help="write an HTML report of the run")
    check.add_argument(
        "--all-diffs",
        action="store_true",
        help="a diff for every imperfect page, not only regressions",
    )
    _add_baseline_option(check)
    _add_cleaning_options(check)


def _add_update(actions: Any) -> None:
    update = actions.add_parser(
        "update",
        help="re-bless the baseline (and, if asked, the expectations) from the current output",
        description="Clean every fixture page and write its scores to the baseline, printing "
        "what changed. Floors rise with the scores and never fall without --lower-floors. "
        "With --accept-output the named pages' expectations (body and metadata) are "
        "rewritten from the current output first.",
    )
    update.set_defaults(run=run_update)
    update.add_argument("directory", metavar="DIR", type=Path, help="the fixture folder")
    update.add_argument(
        "pages",
        nargs="*",
        metavar="PAGE",
        help="fixture names or files to re-bless (default: all)",
    )
    update.add_argument(
        "--accept-output",
        action="store_true",
        help="take the current output as the expected body and metadata of these pages",
    )
    update.add_argument(
        "--lower-floors",
        action="store_true",
        help="let floors fall to the new scores less the margin",
    )
    _add_baseline_option(update)
    _add_cleaning_options(update)


def _add_add(actions: Any) -> None:
    add = actions.add_parser(
        "add",
        help="create expectations for pages from the current output, for review",
        description="Copy pages into a fixture folder and write an expectation for each "
        "from the cleaner's current output, with proposed snippets: review them by hand.",
    )
    add.set_defaults(run=run_add)
    add.add_argument("pages", nargs="+", metavar="PAGE", type=Path)
    add.add_argument("--to", required=True, metavar="DIR", type=Path, dest="directory")
    add.add_argument("--force", action="store_true", help="overwrite existing expectations")
    add.add_argument("--kind", choices=("auto", "html", "text"), default="auto")
    add.add_argument("--url", help="the page's URL (a single page only)")
    _add_cleaning_options(add)


def _add_baseline_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        type=Path,
        help=f"the baseline file (default: {BASELINE_NAME} in DIR or the nearest folder above)",
    )


def _add_cleaning_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "cleaning (default: as `cleaner clean` cleans; try a rules change or a model here)"
    )
    add_cleaning_options(group)


def _options(args: argparse.Namespace) -> CleanOptions:
    problem = files_problem(args.rules, args.model)
    if problem:
        raise UsageError(problem)
    return CleanOptions(**cleaning_fields(args))


def _usage_errors(command: str, run: Any, args: argparse.Namespace) -> int:
    try:
        return int(run(args))
    except (UsageError, FixtureFormatError) as exc:
        print(f"cleaner {command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


# --- check ----------------------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    return _usage_errors("fixtures check", _check, args)


def _check(args: argparse.Namespace) -> int:
    run = run_fixtures(args.directory, baseline_path=args.baseline, options=_options(args))
    if args.report:
        _write_report(args.report, run)
    _utf8_stdout()
    if args.json:
        print(json.dumps(run_json(run), ensure_ascii=False, indent=1))
    else:
        print("\n".join(full_report(run, all_diffs=args.all_diffs)))
    return EXIT_FAILED if run.failed else EXIT_OK


def _write_report(path: str, run: FixtureRun) -> None:
    from cleaner.evaluate.report import run_html

    try:
        Path(path).write_text(run_html(run), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print(f"cleaner: report written to {path}", file=sys.stderr)


def run_json(run: FixtureRun) -> dict[str, Any]:
    """The run for machines: every page with its scores, status, problems and diff."""
    from cleaner.evaluate.diff import paragraph_diff

    return {
        "directory": str(run.directory),
        "baseline": str(run.baseline_path) if run.baseline_path else None,
        "failed": run.failed,
        "summary": summary_line(run),
        "options": run.options,
        "options_changed": run.options_changed,
        "pages": [
            {
                "name": page.name,
                "status": page.status,
                "floor": page.floor,
                "baseline_word_f1": page.pinned.score.word_f1 if page.pinned else None,
                "delta": page.delta,
                "problems": list(page.problems),
                **page.score.to_json(),
                "diff": [c.to_json() for c in paragraph_diff(page.fixture.paragraphs, page.doc)],
            }
            for page in run.pages
        ],
        "corpora": {
            kind: {
                "pages": corpus.score.pages,
                "scores": corpus.score.values,
                "floors": corpus.pinned.floors if corpus.pinned else {},
                "ceilings": corpus.pinned.ceilings if corpus.pinned else {},
                "checked": corpus.pinned is not None and corpus.complete,
                "problems": list(corpus.problems),
            }
            for kind, corpus in run.corpora.items()
        },
        "stale": run.stale,
    }


# --- update ---------------------------------------------------------------------------------


def run_update(args: argparse.Namespace) -> int:
    return _usage_errors("fixtures update", _update, args)


def _update(args: argparse.Namespace) -> int:
    run = run_fixtures(args.directory, baseline_path=args.baseline, options=_options(args))
    names = _resolve_names(run, args.pages) if args.pages else None
    if names is not None and run.options_changed:
        # Some pages blessed under one set of options and the rest under another would make
        # a baseline no run can reproduce.
        raise UsageError(
            f"the baseline was blessed under other cleaning options ({run.options_changed}): "
            "update every page (no PAGE arguments) to bless under these options, or give the "
            "baseline's"
        )
    _utf8_stdout()
    if args.accept_output:
        chosen = set(names) if names is not None else {p.name for p in run.pages}
        run = rescored(run, [_accept_output(p) for p in run.pages if p.name in chosen])
    baseline, changes = rebless(run, names=names, lower_floors=args.lower_floors)
    path = run.baseline_path or run.root / BASELINE_NAME
    save_baseline(path, baseline)
    for change in changes:
        print(f"{change.name}: {change.what}")
    print(f"cleaner: wrote {path} ({len(baseline.pages)} pages, {len(changes)} changes)")
    after = with_pinned(run, baseline, path)
    for page in after.regressions:
        print("\n".join(["", *page_report(page)]))
    for corpus in after.corpus_regressions:
        print(f"\ncorpus {corpus.kind}: " + "; ".join(corpus.problems))
    if after.failed:
        print(
            "cleaner: still failing against the floors kept in the baseline: fix the cleaner, "
            "or pass --lower-floors to accept the lower scores (a floor an expectation file "
            "sets is changed in that file)"
        )
        return EXIT_FAILED
    return EXIT_OK


def _resolve_names(run: FixtureRun, specs: Sequence[str]) -> list[str]:
    """Fixture names from what the user typed: a name, the page's or expectation's file, or
    a name's last part when only one fixture has it."""
    names = {page.name for page in run.pages}
    by_file = {}
    for page in run.pages:
        by_file[page.fixture.path.resolve()] = page.name
        if page.fixture.expected_path is not None:
            by_file[page.fixture.expected_path.resolve()] = page.name
    resolved = []
    for spec in specs:
        if spec in names:
            resolved.append(spec)
            continue
        if Path(spec).resolve() in by_file:
            resolved.append(by_file[Path(spec).resolve()])
            continue
        tails = [n for n in names if n.rsplit("/", 1)[-1] == spec]
        if len(tails) != 1:
            raise UsageError(f"no single fixture is called {spec!r} under {run.directory}")
        resolved.append(tails[0])
    return resolved


def _accept_output(page: PageResult) -> Fixture:
    """Rewrite the page's expectation from its current output; print what changed."""
    fixture, doc = page.fixture, page.doc
    path = fixture.expected_path
    assert path is not None  # a loaded fixture always has one
    data = read_expectation(path)
    before = dict(data)
    data["body"] = doc.text
    for key in ("title", "author", "date"):
        if key in data or getattr(doc, key) is not None:
            data[key] = getattr(doc, key)
    if data == before:
        return fixture
    write_expectation(path, data)
    print(f"{page.name}: expectation rewritten from the output")
    for key in ("title", "author", "date"):
        if before.get(key) != data.get(key):
            print(f"  {key}: {before.get(key)!r} -> {data.get(key)!r}")
    for line in _body_diff(str(before.get("body", "")), doc.text):
        print(f"  {line}")
    for snippet in data.get("with", []):
        if snippet not in doc.text:
            print(f"  review: must-have snippet is not in the new body: {snippet!r}")
    for snippet in data.get("without", []):
        if snippet.casefold() in doc.text.casefold():
            print(f"  review: must-not-have snippet is in the new body: {snippet!r}")
    return load_fixture(path, root=_root(page))


def _root(page: PageResult) -> Path:
    """The folder the page's name is relative to."""
    path = page.fixture.expected_path
    assert path is not None
    depth = page.name.count("/") + 1
    return path.parents[depth - 1]


def _body_diff(old: str, new: str) -> list[str]:
    from cleaner.evaluate.diff import shorten

    before = [p for p in old.split("\n\n") if p]
    after = [p for p in new.split("\n\n") if p]
    lines = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lines += [f"- ¶{i + 1:<3} {shorten(before[i], 66)}" for i in range(a0, a1)]
        lines += [f"+ ¶{j + 1:<3} {shorten(after[j], 66)}" for j in range(b0, b1)]
    return lines


# --- add ------------------------------------------------------------------------------------


def run_add(args: argparse.Namespace) -> int:
    return _usage_errors("fixtures add", _add, args)


def _add(args: argparse.Namespace) -> int:
    options = _options(args)
    if args.url is not None and len(args.pages) > 1:
        raise UsageError(f"--url names one page, but {len(args.pages)} were given")
    plans = [_plan_add(page, args.directory, force=args.force) for page in args.pages]
    names = [name for name, _, _ in plans]
    if len(set(names)) != len(names):
        raise UsageError("two pages would get the same name: " + ", ".join(sorted(names)))
    args.directory.mkdir(parents=True, exist_ok=True)
    engine = Cleaner(options)
    failed = 0
    for (name, source, target), page in zip(plans, args.pages, strict=True):
        raw = source.read_bytes()
        doc = engine.clean(raw, url=args.url, kind=args.kind)
        if doc.error is not None:
            print(f"cleaner fixtures add: {page}: {doc.error}", file=sys.stderr)
            failed += 1
            continue
        if source.resolve() != target.resolve():
            shutil.copyfile(source, target)
        expected = args.directory / f"{name}{EXPECTATION_SUFFIX}"
        write_expectation(expected, expectation_from(doc, kind=doc.kind, url=args.url))
        print(
            f"added {expected}: {len(doc.paragraphs)} paragraphs, title {doc.title!r}; "
            "review it, then `cleaner fixtures update` pins its scores"
        )
    return EXIT_FAILED if failed else EXIT_OK


def _plan_add(page: Path, directory: Path, *, force: bool) -> tuple[str, Path, Path]:
    """(name, page file, where the page goes in the folder), or a UsageError."""
    if not page.is_file():
        raise UsageError(f"{page}: no such file")
    gz = page.name.endswith(GZIP_SUFFIX)
    plain = Path(page.name.removesuffix(GZIP_SUFFIX))
    name = plain.stem
    suffix = plain.suffix if plain.suffix in PAGE_SUFFIXES else _suffix_for(page)
    target = directory / f"{name}{suffix}{GZIP_SUFFIX if gz else ''}"
    expected = directory / f"{name}{EXPECTATION_SUFFIX}"
    if expected.exists() and not force:
        raise UsageError(f"{expected} exists (--force overwrites it)")
    others = [directory / f"{name}{s}{g}" for s in PAGE_SUFFIXES for g in ("", GZIP_SUFFIX)]
    clash = [p for p in others if p.exists() and p.resolve() != target.resolve()]
    if clash and not force:
        raise UsageError(f"{clash[0]} exists: the new page's name {name!r} is taken")
    return name, page, target


def _suffix_for(page: Path) -> str:
    from cleaner.ingest import decode, detect_kind

    try:
        text, _ = decode(page.read_bytes(), max_bytes=CleanOptions().max_bytes)
    except Exception:  # an unreadable page is reported when it is cleaned
        return ".txt"
    return ".html" if detect_kind(text) == "html" else ".txt"


# --- explain --------------------------------------------------------------------------------


def run_explain(args: argparse.Namespace) -> int:
    return _usage_errors("explain", _explain, args)


def _explain(args: argparse.Namespace) -> int:
    options = _options(args)
    fixture = None
    if args.page == "-":
        raw, name = sys.stdin.buffer.read(), "stdin"
    else:
        try:
            raw, name = Path(args.page).read_bytes(), args.page
        except OSError as exc:
            raise UsageError(f"cannot read {args.page}: {exc.strerror or exc}") from exc
        fixture = _fixture_of(Path(args.page))
    url = args.url if args.url is not None or fixture is None else fixture.url
    kind = args.kind if args.kind != "auto" or fixture is None else fixture.kind
    doc = Cleaner(options).clean(raw, url=url, kind=kind)  # type: ignore[arg-type]
    if args.html:  # written first: a reader of stdout that stops early must not lose it
        from cleaner.evaluate.report import explain_html

        expected = fixture.paragraphs if fixture is not None else None
        try:
            Path(args.html).write_text(explain_html(doc, name, expected), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.html}: {exc.strerror or exc}") from exc
        print(f"cleaner: report written to {args.html}", file=sys.stderr)
    _utf8_stdout()
    if args.json:
        print(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1))
    else:
        print("\n".join(explain_lines(doc, name)))
    return EXIT_FAILED if doc.error else EXIT_OK


def _fixture_of(page: Path) -> Fixture | None:
    """The fixture a page belongs to, when an expectation sits beside it: explain then
    cleans it with the fixture's url and kind, as `fixtures check` does."""
    plain = Path(page.name.removesuffix(GZIP_SUFFIX))
    expected = page.with_name(plain.stem + EXPECTATION_SUFFIX)
    if plain.suffix not in PAGE_SUFFIXES or not expected.is_file():
        return None
    try:
        fixture = load_fixture(expected)
    except FixtureFormatError as exc:
        print(f"cleaner explain: ignoring {expected}: {exc}", file=sys.stderr)
        return None
    return fixture if fixture.path.resolve() == page.resolve() else None


def explain_lines(doc: Document, name: str) -> list[str]:
    """Every block in order: number, verdict, deciding filter and reason, score, text."""
    from collections import Counter

    from cleaner.evaluate.diff import shorten

    if doc.error:
        return [f"{name}: {doc.error}"]
    kept = sum(b.kept for b in doc.blocks)
    lines = [
        f"{name} ({doc.kind}): {len(doc.blocks)} blocks, {kept} kept, "
        f"{len(doc.blocks) - kept} dropped",
        f"{'#':>4}  verdict  {'filter: reason':<{EXPLAIN_REASON_WIDTH}}  score  text",
    ]
    for block in doc.blocks:
        why = _why(block.decided_by, block.reason)
        score = "" if block.score is None else f"{block.score:.2f}"
        lines.append(
            f"{block.index:>4}  {'keep' if block.kept else 'drop':<7}  "
            f"{shorten(why, EXPLAIN_REASON_WIDTH):<{EXPLAIN_REASON_WIDTH}}  {score:>5}  "
            f"{shorten(' '.join(block.text.split()), EXPLAIN_TEXT_WIDTH)}"
        )
    reasons = Counter(b.reason or str(b.decided_by) for b in doc.blocks if not b.kept)
    if reasons:
        lines.append("dropped by: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
    return lines


def _why(decided_by: str | None, reason: str) -> str:
    if decided_by is None:
        return "-"
    if not reason or reason.startswith(decided_by):
        return reason or decided_by
    return f"{decided_by}: {reason}"


def _utf8_stdout() -> None:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
