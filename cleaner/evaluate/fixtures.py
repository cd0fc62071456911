"""The team's hand-written regression pages: loading them and checking they are well formed.

A fixture is a pair of files in one directory: `NAME.txt` (or later `NAME.html`), the raw page
as a crawler saved it, and `NAME.json`, what a perfect cleaner returns for it:

    {"kind": "text", "url": ..., "page_type": ..., "language": ..., "title": ..., "author": ...,
     "date": ..., "body": ..., "with": [...], "without": [...], "notes": ...,
     "floor": 0.9}

`floor` is optional: the word F1 below which the regression test fails for this page.

The cleaner only ever removes lines of a text dump, so the expected body is a selection of the
dump's lines, in order, joined by one blank line. `fixture_problems` checks that (and the
schema), so a typo in a hand-written body shows up as a format error instead of a score drop.

Conventions the expected outputs follow (keep new fixtures consistent with them):
- Not body: headline, standfirst/dek, byline, date line, captions and photo credits, teasers
  (inline "read also" headlines and related headline + summary pairs), author bios.
- Body: subheadings, list items, quotes, code lines and table rows, each its own paragraph,
  compared after stripping surrounding whitespace (indentation, an ideographic space).
- Comments, product reviews and customer Q&A are not body; in a forum the posts are the body.
- Live blogs: entry headings and text are body, bare entry timestamps are not.
- Recipes: story, card facts (times, servings, nutrition), ingredients, steps and notes are body;
  ratings, print/pin buttons and taxonomy lines (course, cuisine, keyword) are not.
- Products: description, features, specifications, box contents and care text are body; price,
  variant pickers, cart buttons and cross-sells are not.
- Press releases: "About COMPANY" and forward-looking-statement paragraphs are body; media
  contacts, the SOURCE line and "###" are not. Service pages keep FAQs, drop testimonials.
- Listing pages: the listed items (title, date line, one-line description) are the body.
- author: the agency name when only an agency is credited; date: the publication date (an
  update date only when it is the only one), as an ISO timestamp when the page shows a time,
  with the UTC offset when the page names a zone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

PAGE_TYPES = frozenset(
    {
        "article",
        "blog",
        "recipe",
        "documentation",
        "forum",
        "product",
        "press-release",
        "service",
        "listing",
    }
)
# Input kinds a fixture may have, and the raw file suffix each one uses.
RAW_SUFFIX = {"text": ".txt", "html": ".html"}
EXPECTED_KEYS = (
    "kind",
    "url",
    "page_type",
    "language",
    "title",
    "author",
    "date",
    "body",
    "with",
    "without",
    "notes",
)
OPTIONAL_KEYS = frozenset({"floor"})
# Bounds from the fixture brief: enough snippets to catch a regression, few enough to hand-check.
MIN_WITH, MAX_WITH = 3, 6
MIN_WITHOUT, MAX_WITHOUT = 4, 10

_NAME = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANGUAGE = regex.compile(r"[a-z]{2}")
# A calendar date, or a full timestamp (seconds, optional UTC offset) when the page shows a time.
_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?)?")
_PARAGRAPH_SEPARATOR = "\n\n"


class FixtureFormatError(ValueError):
    """A fixture file is missing, unreadable, or does not follow the schema above."""


@dataclass(frozen=True, slots=True)
class Fixture:
    """One hand-written page and its expected cleaning result."""

    name: str
    path: Path
    raw: str
    kind: str
    url: str
    page_type: str
    language: str
    title: str | None
    author: str | None
    date: str | None
    body: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    notes: str
    floor: float = 0.0

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split(_PARAGRAPH_SEPARATOR) if self.body else []


def load_fixtures(directory: Path | str) -> list[Fixture]:
    """Every fixture in `directory`, sorted by name; raises FixtureFormatError on a bad file."""
    root = Path(directory)
    return [load_fixture(path) for path in sorted(root.glob("*.json"))]


def load_fixture(expected_path: Path) -> Fixture:
    data = _read_json(expected_path)
    kind = data.get("kind")
    if kind not in RAW_SUFFIX:
        raise FixtureFormatError(f"{expected_path}: kind must be one of {sorted(RAW_SUFFIX)}")
    raw_path = expected_path.with_suffix(RAW_SUFFIX[kind])
    if not raw_path.is_file():
        raise FixtureFormatError(f"{expected_path}: raw page {raw_path.name} is missing")
    try:
        # Bytes are decoded by hand so CRLF line ends and a BOM reach the cleaner untouched.
        raw = raw_path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FixtureFormatError(f"{raw_path}: not UTF-8 ({exc})") from exc
    return Fixture(
        name=expected_path.stem,
        path=raw_path,
        raw=raw,
        kind=kind,
        url=_field(data, "url", str, expected_path),
        page_type=_field(data, "page_type", str, expected_path),
        language=_field(data, "language", str, expected_path),
        title=_optional(data, "title", expected_path),
        author=_optional(data, "author", expected_path),
        date=_optional(data, "date", expected_path),
        body=_field(data, "body", str, expected_path),
        with_=_strings(data, "with", expected_path),
        without=_strings(data, "without", expected_path),
        notes=_field(data, "notes", str, expected_path),
        floor=_floor(data, expected_path),
    )


def fixture_problems(fixture: Fixture) -> list[str]:
    """Everything wrong with a loaded fixture; an empty list means it is well formed."""
    return [
        *_schema_problems(fixture),
        *_body_problems(fixture),
        *_snippet_problems(fixture),
        *_metadata_problems(fixture),
    ]


def _floor(data: dict[str, Any], path: Path) -> float:
    value = data.get("floor", 0.0)
    if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise FixtureFormatError(f"{path}: floor must be a number between 0 and 1")
    return float(value)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FixtureFormatError(f"{path}: cannot read ({exc})") from exc
    if not isinstance(data, dict):
        raise FixtureFormatError(f"{path}: top level must be an object")
    keys = tuple(data)
    if not set(EXPECTED_KEYS) <= set(keys) or set(keys) - set(EXPECTED_KEYS) - OPTIONAL_KEYS:
        missing = sorted(set(EXPECTED_KEYS) - set(keys))
        extra = sorted(set(keys) - set(EXPECTED_KEYS) - OPTIONAL_KEYS)
        raise FixtureFormatError(f"{path}: missing keys {missing}, unknown keys {extra}")
    return data


def _field(data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
    value = data[key]
    if not isinstance(value, kind):
        raise FixtureFormatError(f"{path}: {key} must be {kind.__name__}")
    return value


def _optional(data: dict[str, Any], key: str, path: Path) -> str | None:
    value = data[key]
    if value is not None and not isinstance(value, str):
        raise FixtureFormatError(f"{path}: {key} must be a string or null")
    return value


def _strings(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FixtureFormatError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _schema_problems(fixture: Fixture) -> list[str]:
    problems = []
    if not _NAME.fullmatch(fixture.name):
        problems.append(f"name {fixture.name!r} is not lower-case words joined by hyphens")
    if fixture.page_type not in PAGE_TYPES:
        problems.append(f"page_type {fixture.page_type!r} is not one of {sorted(PAGE_TYPES)}")
    if not _LANGUAGE.fullmatch(fixture.language):
        problems.append(f"language {fixture.language!r} is not a two-letter code")
    if not fixture.url.startswith("https://"):
        problems.append("url does not start with https://")
    if fixture.date is not None and not _DATE.fullmatch(fixture.date):
        problems.append(f"date {fixture.date!r} is neither YYYY-MM-DD nor an ISO timestamp")
    if not fixture.notes.strip():
        problems.append("notes are empty")
    if "\x00" in fixture.raw:
        problems.append("raw page contains NUL bytes")
    return problems


def _body_problems(fixture: Fixture) -> list[str]:
    if not fixture.body:
        return []
    problems = []
    if fixture.body != fixture.body.strip():
        problems.append("body has leading or trailing whitespace")
    lines = [line.strip() for line in fixture.raw.splitlines()]
    position = 0
    for paragraph in fixture.paragraphs:
        if not paragraph or paragraph != paragraph.strip() or "\n" in paragraph:
            problems.append(f"body paragraph is empty, padded or multi-line: {paragraph[:60]!r}")
            continue
        # Paragraphs must be whole dump lines, in the dump's order (the cleaner only drops lines).
        found = _index_from(lines, paragraph, position)
        if found is None:
            where = "anywhere" if paragraph not in lines else "after the previous paragraph"
            problems.append(f"body paragraph is not a dump line {where}: {paragraph[:60]!r}")
        else:
            position = found + 1
    return problems


def _index_from(lines: list[str], wanted: str, start: int) -> int | None:
    try:
        return lines.index(wanted, start)
    except ValueError:
        return None


def _snippet_problems(fixture: Fixture) -> list[str]:
    problems = []
    low, high = (0, 0) if not fixture.body else (MIN_WITH, MAX_WITH)
    if not low <= len(fixture.with_) <= high:
        problems.append(f"{len(fixture.with_)} 'with' snippets, expected {low}-{high}")
    if not MIN_WITHOUT <= len(fixture.without) <= MAX_WITHOUT:
        problems.append(
            f"{len(fixture.without)} 'without' snippets, expected {MIN_WITHOUT}-{MAX_WITHOUT}"
        )
    for snippet in fixture.with_:
        if snippet not in fixture.raw:
            problems.append(f"'with' snippet is not in the dump: {snippet[:60]!r}")
        if snippet not in fixture.body:
            problems.append(f"'with' snippet is not in the body: {snippet[:60]!r}")
    for snippet in fixture.without:
        if snippet not in fixture.raw:
            problems.append(f"'without' snippet is not in the dump: {snippet[:60]!r}")
        # Case-blind, because a scorer may lower-case before matching.
        if snippet.casefold() in fixture.body.casefold():
            problems.append(f"'without' snippet is in the body: {snippet[:60]!r}")
    return problems


def _metadata_problems(fixture: Fixture) -> list[str]:
    problems = []
    if fixture.title is not None and fixture.title not in fixture.raw:
        problems.append(f"title is not in the dump: {fixture.title[:60]!r}")
    if fixture.title is not None and fixture.title in fixture.paragraphs:
        problems.append("title is repeated as a body paragraph")
    if fixture.author is not None and fixture.author.casefold() not in fixture.raw.casefold():
        problems.append(f"author is not in the dump: {fixture.author!r}")
    return problems
