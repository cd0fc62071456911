"""Check that the hand-written fixtures are well formed, and summarise the corpus.

    python scripts/check_fixtures.py [DIRECTORY]      (default: fixtures/text)

Exits 1 and lists every problem if a fixture breaks the schema or its invariants (body lines
and snippets taken verbatim from the dump, snippets on the right side of the body, ...).
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

# The brief asks for a corpus of at least this many pages, and under this total size.
MIN_FIXTURES = 24
MAX_TOTAL_BYTES = 300_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=REPO / "fixtures" / "text")
    args = parser.parse_args(argv)
    try:
        fixtures = load_fixtures(args.directory)
    except FixtureFormatError as exc:
        print(f"error: {exc}")
        return 1
    problems = _corpus_problems(args.directory, fixtures)
    for fixture in fixtures:
        problems += [f"{fixture.name}: {problem}" for problem in fixture_problems(fixture)]
    _print_summary(fixtures)
    for problem in problems:
        print(f"problem: {problem}")
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def _corpus_problems(directory: Path, fixtures: list[Fixture]) -> list[str]:
    problems = []
    if len(fixtures) < MIN_FIXTURES:
        problems.append(f"only {len(fixtures)} fixtures, expected at least {MIN_FIXTURES}")
    total = sum(path.stat().st_size for path in directory.iterdir() if path.is_file())
    if total > MAX_TOTAL_BYTES:
        problems.append(f"fixtures take {total:,} bytes, more than {MAX_TOTAL_BYTES:,}")
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
