"""Check that the hand-written fixtures are well formed, and summarise the corpus.

    python scripts/check_fixtures.py [DIRECTORY ...]  (default: fixtures/text fixtures/html)

Exits 1 and lists every problem if a fixture breaks the schema or its invariants (body lines
and snippets taken verbatim from the dump or the page's visible text, snippets on the right
side of the body, ...).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from cleaner.evaluate.fixtures import (  # noqa: E402  (path set up above)
    Fixture,
    FixtureFormatError,
    fixture_problems,
    load_fixtures,
)

# The briefs ask for each corpus (named by its folder) to have at least this many pages, and
# to stay under this total size.
CORPUS_LIMITS: dict[str, tuple[int, int | None]] = {"text": (24, 300_000), "html": (22, 600_000)}
DEFAULT_DIRECTORIES = tuple(REPO / "fixtures" / name for name in CORPUS_LIMITS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "directories", nargs="*", type=Path, default=list(DEFAULT_DIRECTORIES), metavar="DIRECTORY"
    )
    args = parser.parse_args(argv)
    failed = False
    for directory in args.directories:
        failed |= not _check_directory(directory)
    return 1 if failed else 0


def _check_directory(directory: Path) -> bool:
    print(f"== {directory}")
    try:
        fixtures = load_fixtures(directory)
    except FixtureFormatError as exc:
        print(f"error: {exc}")
        return False
    problems = _corpus_problems(directory, fixtures)
    for fixture in fixtures:
        problems += [f"{fixture.name}: {problem}" for problem in fixture_problems(fixture)]
    _print_summary(fixtures)
    for problem in problems:
        print(f"problem: {problem}")
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return not problems


def _corpus_problems(directory: Path, fixtures: list[Fixture]) -> list[str]:
    problems = []
    # A folder the briefs do not name (a scratch corpus) is only checked page by page.
    min_fixtures, max_bytes = CORPUS_LIMITS.get(directory.name, (0, None))
    if len(fixtures) < min_fixtures:
        problems.append(f"only {len(fixtures)} fixtures, expected at least {min_fixtures}")
    total = sum(path.stat().st_size for path in directory.iterdir() if path.is_file())
    if max_bytes is not None and total > max_bytes:
        problems.append(f"fixtures take {total:,} bytes, more than {max_bytes:,}")
    paired = {fixture.path.name for fixture in fixtures}
    for path in sorted(directory.iterdir()):
        if path.suffix != ".json" and path.name not in paired:
            problems.append(f"{path.name} has no matching .json")
    return problems


def _print_summary(fixtures: list[Fixture]) -> None:
    for fixture in fixtures:
        words = len(fixture.body.split())
        print(
            f"{fixture.name:40} {fixture.page_type:13} {fixture.language}"
            f" {len(fixture.paragraphs):3} paragraphs {words:5} words"
        )
    types = Counter(fixture.page_type for fixture in fixtures)
    languages = Counter(fixture.language for fixture in fixtures)
    print(f"{len(fixtures)} fixtures; types {dict(types)}; languages {dict(languages)}")


if __name__ == "__main__":
    sys.exit(main())
