"""Fixture pages: loading a folder of them, and checking the team's own are well formed.

A fixture is a page and what a perfect cleaner returns for it, side by side in one folder
(subfolders are read too; hidden names are skipped):

    NAME.html | NAME.htm | NAME.txt   the page as a crawler saved it; any of them may end in .gz
    NAME.json                         the expectation

    {"body": "First paragraph.\n\nSecond paragraph.",     required: the expected body,
                                                           paragraphs split by a blank line
     "kind": "html" | "text",        optional: else from the page's suffix (.txt is text)
     "url": ..., "title": ..., "author": ..., "date": ...,
                                     optional: a missing or null title, author or date is
                                     not checked; the url is passed to the cleaner
     "with": [...], "without": [...],
                                     optional: must-have and must-not-have snippets
     "floor": 0.9,                   optional: the word F1 below which the page fails
     "page_type": ..., "language": ..., "notes": ...}   optional, descriptive

A fixture's name is its expectation's path below the folder, without `.json`
("news/storm-warning"). Any other key is a format error (a typo such as "withuot" would
otherwise silently check nothing). A page that is not UTF-8 is decoded as the cleaner
decodes bytes (declared charset, then detection). The folder may also hold a baseline of
scores (`BASELINE_NAME`, see `cleaner.evaluate.regression`), which is not a fixture.

The team's own corpora (fixtures/text, fixtures/html) are held to more: every key present,
and the expected body a selection of the page's lines. The cleaner only ever removes lines
of a text dump, so the expected body is a selection of the dump's lines, in order, joined by
one blank line. For an HTML page the same holds for its visible blocks (`visible_lines`):
each paragraph of the body is the whitespace-collapsed text of one block as a browser shows
it. `fixture_problems` checks that (and the schema), so a typo in a hand-written body shows
up as a format error instead of a score drop.

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

HTML pages add a few conventions of their own:
- A block is a paragraph, heading, list item, row of a data table (its cells joined by spaces,
  even when each cell wraps its text in one `<p>`), one line of a `<pre>`, a `<dt>` or `<dd>`,
  or a line broken by `<br>`; text inside one block is joined as a browser lays it out,
  whitespace collapsed to one space. The cells of a layout table (cells holding several
  paragraphs or a list) are containers, not rows.
- Invisible markup is never body or boilerplate: scripts, styles, `<noscript>`, `<template>`,
  `<head>`, `hidden` elements and inline `display:none`. Screen-reader-only text counts as visible,
  as it does for a crawler.
- title is the headline as the page shows it (not the `<title>` with its site-name suffix);
  date is the publication time from the page's metadata, with its offset when it gives one.
- The `<html lang>` of the page names the fixture's language.
"""

from __future__ import annotations

import gzip
import html as html_entities
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner._exceptions import InputError
from cleaner._model import Document
from cleaner._options import DEFAULT_MAX_BYTES
from cleaner.ingest import decode

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
# Input kinds a fixture may have, and the raw file suffix each one uses in the team's corpora.
RAW_SUFFIX = {"text": ".txt", "html": ".html"}
# Every suffix a page may have in a fixture folder, and the kind it implies.
PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text"}
GZIP_SUFFIX = ".gz"
EXPECTATION_SUFFIX = ".json"
# The scores file a fixture folder may hold beside its pages (cleaner.evaluate.regression).
BASELINE_NAME = "cleaner-baseline.json"
# Every key of the team's expectations; in a user's folder only "body" is required.
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
REQUIRED_KEYS = frozenset({"body"})
# Bounds from the fixture brief: enough snippets to catch a regression, few enough to hand-check.
MIN_WITH, MAX_WITH = 3, 6
MIN_WITHOUT, MAX_WITHOUT = 4, 10

_NAME = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANGUAGE = regex.compile(r"[a-z]{2}")
# A calendar date, or a full timestamp (seconds, optional UTC offset) when the page shows a time.
_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?)?")
_PARAGRAPH_SEPARATOR = "\n\n"
_SPACES = regex.compile(r"\s+")
_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")
_LANG_ATTRIBUTE = regex.compile(r"<html\b[^>]*?\blang=[\"']?([A-Za-z]{2,3})", regex.IGNORECASE)

# Markup a browser never renders: its text is neither body nor boilerplate on the screen.
_INVISIBLE_SELECTOR = (
    "head, script, style, noscript, template, svg, [hidden], "
    "[style*='display:none'], [style*='display: none']"
)
# Elements that start a new block of visible text. Table cells are not among them: a row of a
# data table is one block, its cells joined by spaces (see _is_data_row).
_BLOCK_TAG_NAMES = (
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend "
    "li main menu nav ol option p pre section summary table tbody tfoot thead tr ul"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_CELL_TAGS = frozenset({"td", "th"})
_BLOCK_SELECTOR = ", ".join(sorted(_BLOCK_TAGS))


class FixtureFormatError(ValueError):
    """A fixture file is missing, unreadable, or does not follow the schema above."""


@dataclass(frozen=True, slots=True)
class Fixture:
    """One page and its expected cleaning result.

    `name` is the expectation's path below the folder it was loaded from, without `.json`;
    `path` is the page file and `expected_path` the expectation. `keys` are the keys the
    expectation spelled out (the team's corpora must spell out all of them); `encoding` is
    how the page's bytes were read.
    """

    name: str
    path: Path
    raw: str
    kind: str
    url: str | None
    page_type: str
    language: str | None
    title: str | None
    author: str | None
    date: str | None
    body: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    notes: str
    floor: float = 0.0
    expected_path: Path | None = None
    keys: frozenset[str] = frozenset(EXPECTED_KEYS)
    encoding: str = "utf-8"

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split(_PARAGRAPH_SEPARATOR) if self.body else []


def load_fixtures(directory: Path | str, *, root: Path | str | None = None) -> list[Fixture]:
    """Every fixture in `directory` and its subfolders, sorted by name, named relative to
    `root` (default: `directory`); raises FixtureFormatError on a bad file, or when
    `directory` is not a folder."""
    folder = Path(directory)
    if not folder.is_dir():
        raise FixtureFormatError(f"{folder}: not a folder")
    base = Path(root) if root is not None else folder
    return [load_fixture(path, root=base) for path in expectation_paths(folder)]


def expectation_paths(root: Path) -> list[Path]:
    """The expectation files below `root`, in name order (hidden names and the baseline
    skipped)."""
    found = []
    for path in root.rglob(f"*{EXPECTATION_SUFFIX}"):
        hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
        if not hidden and path.name != BASELINE_NAME and path.is_file():
            found.append(path)
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def fixture_name(expected_path: Path, root: Path | None) -> str:
    if root is None:
        return expected_path.stem
    return expected_path.relative_to(root).with_suffix("").as_posix()


def page_candidates(expected_path: Path) -> list[Path]:
    """The page files that may go with an expectation: NAME.html, NAME.txt.gz, ..."""
    stem = expected_path.with_suffix("")
    names = [stem.name + suffix + gz for suffix in PAGE_SUFFIXES for gz in ("", GZIP_SUFFIX)]
    return [path for path in (stem.with_name(name) for name in names) if path.is_file()]


def load_fixture(expected_path: Path, *, root: Path | None = None) -> Fixture:
    """The fixture whose expectation is `expected_path`; its name is relative to `root`."""
    data = _read_json(expected_path)
    raw_path, kind = _page_of(expected_path, data.get("kind"))
    raw, encoding = _read_page(raw_path)
    return Fixture(
        name=fixture_name(expected_path, root),
        path=raw_path,
        raw=raw,
        kind=kind,
        url=_optional(data, "url", expected_path),
        page_type=_optional(data, "page_type", expected_path) or "",
        language=_optional(data, "language", expected_path),
        title=_optional(data, "title", expected_path),
        author=_optional(data, "author", expected_path),
        date=_optional(data, "date", expected_path),
        body=_field(data, "body", str, expected_path),
        with_=_strings(data, "with", expected_path),
        without=_strings(data, "without", expected_path),
        notes=_optional(data, "notes", expected_path) or "",
        floor=_floor(data, expected_path),
        expected_path=expected_path,
        keys=frozenset(data),
        encoding=encoding,
    )


def _page_of(expected_path: Path, declared: object) -> tuple[Path, str]:
    """The page file of an expectation and the page's kind (declared, else by suffix)."""
    if declared is not None and declared not in RAW_SUFFIX:
        raise FixtureFormatError(f"{expected_path}: kind must be one of {sorted(RAW_SUFFIX)}")
    candidates = page_candidates(expected_path)
    if declared is not None:
        # The team's corpora name a text page NAME.txt and an HTML page NAME.html.
        candidates = [p for p in candidates if _suffix_kind(p) == declared] or candidates
    if not candidates:
        wanted = RAW_SUFFIX[str(declared)] if declared else " or ".join(PAGE_SUFFIXES)
        stem = expected_path.with_suffix("").name
        raise FixtureFormatError(f"{expected_path}: raw page {stem}{wanted} is missing")
    if len(candidates) > 1:
        names = ", ".join(p.name for p in candidates)
        raise FixtureFormatError(f"{expected_path}: several pages could be its page: {names}")
    page = candidates[0]
    return page, str(declared) if declared else _suffix_kind(page)


def _suffix_kind(page: Path) -> str:
    name = page.name.removesuffix(GZIP_SUFFIX)
    return PAGE_SUFFIXES[Path(name).suffix]


def _read_page(path: Path) -> tuple[str, str]:
    """The page's text and encoding. UTF-8 is decoded by hand so that CRLF line ends and a
    BOM reach the cleaner untouched; anything else as the cleaner decodes bytes."""
    try:
        data = path.read_bytes()
        if data.startswith(b"\x1f\x8b"):
            data = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise FixtureFormatError(f"{path}: cannot read ({exc})") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return decode(data, max_bytes=DEFAULT_MAX_BYTES)
    except InputError as exc:
        raise FixtureFormatError(f"{path}: not a text or HTML page ({exc})") from exc


# What `expectation_from` proposes for a page, for a person to review.
PROPOSED_WITH = 3
PROPOSED_WITHOUT = 5
PROPOSED_MIN_WORDS = 4
"""A proposed snippet has at least 4 words: shorter ones ("Home", "Share") occur by chance."""
PROPOSED_MAX_CHARS = 80
MADE_BY_ADD = (
    "Made by `cleaner fixtures add` from the cleaner's output: review the body, the "
    "snippets and the metadata by hand before relying on it."
)


def expectation_from(doc: Document, *, kind: str, url: str | None) -> dict[str, Any]:
    """An expectation that says the cleaner's current output is right, with must-have
    snippets from the body's first, middle and last paragraphs and must-not-have ones from
    the longest dropped blocks of different reasons: a draft for a person to correct."""
    body_text = doc.text
    paragraphs = [p for p in doc.paragraphs if len(p.split()) >= PROPOSED_MIN_WORDS]
    picks = sorted({0, len(paragraphs) // 2, len(paragraphs) - 1}) if paragraphs else []
    with_ = [_snippet(paragraphs[i]) for i in picks][:PROPOSED_WITH]
    without: list[str] = []
    reasons: set[str] = set()
    for block in sorted(doc.blocks, key=lambda b: -len(b.text)):
        snippet = _snippet(block.text)
        if block.kept or block.reason in reasons or len(snippet.split()) < PROPOSED_MIN_WORDS:
            continue
        if snippet.casefold() in body_text.casefold():
            continue
        reasons.add(block.reason)
        without.append(snippet)
        if len(without) == PROPOSED_WITHOUT:
            break
    return {
        "kind": kind,
        "url": url if url is not None else doc.url,
        "title": doc.title,
        "author": doc.author,
        "date": doc.date,
        "language": doc.language,
        "body": body_text,
        "with": with_,
        "without": without,
        "notes": MADE_BY_ADD,
    }


def _snippet(text: str) -> str:
    """The start of `text`, cut at a word boundary to at most PROPOSED_MAX_CHARS."""
    text = " ".join(text.split())
    if len(text) <= PROPOSED_MAX_CHARS:
        return text
    return text[:PROPOSED_MAX_CHARS].rsplit(" ", 1)[0]


def read_expectation(path: Path) -> dict[str, Any]:
    """An expectation file's keys and values, as written (checked like `load_fixture`)."""
    return _read_json(path)


def write_expectation(path: Path, data: dict[str, Any]) -> None:
    """Write an expectation in the corpora's layout: two-space indent, UTF-8, final newline."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def fixture_problems(fixture: Fixture) -> list[str]:
    """Everything wrong with a loaded fixture; an empty list means it is well formed."""
    lines = _page_lines(fixture)
    return [
        *_schema_problems(fixture),
        *_body_problems(fixture, lines),
        *_snippet_problems(fixture, "\n".join(lines)),
        *_metadata_problems(fixture),
    ]


def visible_lines(page: str) -> list[str]:
    """The visible text blocks of an HTML page, in reading order, whitespace collapsed."""
    tree = LexborHTMLParser(page)
    for node in tree.css(_INVISIBLE_SELECTOR):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        return []
    text = "".join(_layout(root))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def _layout(root: LexborNode) -> list[str]:
    """Text pieces of `root` in document order, with a newline wherever a block breaks."""
    pieces: list[str] = []
    # An explicit stack because real pages nest deeper than recursion allows. Entries are
    # (node, inside a <pre>, inside a one-line cell, inside a data row); a node of None closes
    # a block element.
    stack: list[tuple[LexborNode | None, bool, bool, bool]] = [(root, False, False, False)]
    while stack:
        node, in_pre, in_cell, in_data_row = stack.pop()
        breaker = " " if in_cell else "\n"
        if node is None:
            pieces.append(breaker)
            continue
        tag = node.tag or ""
        if tag == "-text":
            pieces.append(_source_text(node.text_content or "", in_pre and not in_cell))
            continue
        if tag == "br":
            pieces.append(breaker)
            continue
        if tag == "tr":
            in_data_row = _is_data_row(node)
        cell = tag in _CELL_TAGS
        if cell and in_data_row:
            pieces.append(" ")
        elif tag in _BLOCK_TAGS or cell:
            pieces.append(breaker)
            stack.append((None, in_pre, in_cell, in_data_row))
        inner = (in_pre or tag == "pre", in_cell or (cell and in_data_row), in_data_row)
        children = []
        child = node.child
        while child is not None:
            children.append((child, *inner))
            child = child.next
        stack.extend(reversed(children))
    return pieces


def _is_data_row(row: LexborNode) -> bool:
    """A row of a data table: no cell holds more than one block (Sphinx wraps each cell's
    text in one <p>), so the row reads as one line. A layout table's cells hold whole
    paragraphs and lists, and those keep their own blocks."""
    return all(len(cell.css(_BLOCK_SELECTOR)) <= 1 for cell in row.css("td, th"))


def _source_text(text: str, keeps_lines: bool) -> str:
    # Outside <pre> a line break in the source is only a space, as in a browser.
    return text if keeps_lines else text.replace("\r", " ").replace("\n", " ")


def _floor(data: dict[str, Any], path: Path) -> float:
    value = data.get("floor", 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise FixtureFormatError(f"{path}: floor must be a number between 0 and 1")
    return float(value)


def read_json_object(path: Path) -> dict[str, Any]:
    """A JSON file whose top level is an object (an expected file, or `cleaner train`'s
    labels); raises FixtureFormatError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FixtureFormatError(f"{path}: cannot read ({exc})") from exc
    if not isinstance(data, dict):
        raise FixtureFormatError(f"{path}: top level must be an object")
    return data


def _read_json(path: Path) -> dict[str, Any]:
    data = read_json_object(path)
    known = set(EXPECTED_KEYS) | OPTIONAL_KEYS
    missing = sorted(REQUIRED_KEYS - set(data))
    extra = sorted(set(data) - known)
    if missing or extra:
        raise FixtureFormatError(f"{path}: missing keys {missing}, unknown keys {extra}")
    return data


def _field(data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
    value = data[key]
    if not isinstance(value, kind):
        raise FixtureFormatError(f"{path}: {key} must be {kind.__name__}")
    return value


def _optional(data: dict[str, Any], key: str, path: Path) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise FixtureFormatError(f"{path}: {key} must be a string or null")
    return value


def _strings(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FixtureFormatError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _schema_problems(fixture: Fixture) -> list[str]:
    problems = []
    missing = [key for key in EXPECTED_KEYS if key not in fixture.keys]
    if missing:
        problems.append(f"missing keys {missing}")
    stem = fixture.name.rsplit("/", 1)[-1]
    if not _NAME.fullmatch(stem):
        problems.append(f"name {stem!r} is not lower-case words joined by hyphens")
    if fixture.path.name != stem + RAW_SUFFIX[fixture.kind]:
        problems.append(f"page file {fixture.path.name} is not {stem}{RAW_SUFFIX[fixture.kind]}")
    if fixture.encoding != "utf-8":
        problems.append(f"page is {fixture.encoding}, not UTF-8")
    if fixture.page_type not in PAGE_TYPES:
        problems.append(f"page_type {fixture.page_type!r} is not one of {sorted(PAGE_TYPES)}")
    if not _LANGUAGE.fullmatch(fixture.language or ""):
        problems.append(f"language {fixture.language!r} is not a two-letter code")
    if not (fixture.url or "").startswith("https://"):
        problems.append("url does not start with https://")
    if fixture.date is not None and not _DATE.fullmatch(fixture.date):
        problems.append(f"date {fixture.date!r} is neither YYYY-MM-DD nor an ISO timestamp")
    if not fixture.notes.strip():
        problems.append("notes are empty")
    if "\x00" in fixture.raw:
        problems.append("raw page contains NUL bytes")
    return problems


def _page_lines(fixture: Fixture) -> list[str]:
    """What a cleaner chooses its body from: dump lines, or an HTML page's visible blocks."""
    if fixture.kind == "html":
        return visible_lines(fixture.raw)
    return [line.strip() for line in fixture.raw.splitlines()]


def _body_problems(fixture: Fixture, lines: list[str]) -> list[str]:
    if not fixture.body:
        return []
    problems = []
    if fixture.body != fixture.body.strip():
        problems.append("body has leading or trailing whitespace")
    unit = "visible block" if fixture.kind == "html" else "dump line"
    position = 0
    for paragraph in fixture.paragraphs:
        if not paragraph or paragraph != paragraph.strip() or "\n" in paragraph:
            problems.append(f"body paragraph is empty, padded or multi-line: {paragraph[:60]!r}")
            continue
        # Paragraphs must be whole lines or blocks, in page order (the cleaner only drops them).
        found = _index_from(lines, paragraph, position)
        if found is None:
            where = "anywhere" if paragraph not in lines else "after the previous paragraph"
            problems.append(f"body paragraph is not a {unit} {where}: {paragraph[:60]!r}")
        else:
            position = found + 1
    return problems


def _index_from(lines: list[str], wanted: str, start: int) -> int | None:
    try:
        return lines.index(wanted, start)
    except ValueError:
        return None


def _snippet_problems(fixture: Fixture, page_text: str) -> list[str]:
    """`page_text` is the dump, or an HTML page's visible text (markup and entities resolved)."""
    problems = []
    where = "the page's visible text" if fixture.kind == "html" else "the dump"
    low, high = (0, 0) if not fixture.body else (MIN_WITH, MAX_WITH)
    if not low <= len(fixture.with_) <= high:
        problems.append(f"{len(fixture.with_)} 'with' snippets, expected {low}-{high}")
    if not MIN_WITHOUT <= len(fixture.without) <= MAX_WITHOUT:
        problems.append(
            f"{len(fixture.without)} 'without' snippets, expected {MIN_WITHOUT}-{MAX_WITHOUT}"
        )
    for snippet in fixture.with_:
        if snippet not in page_text:
            problems.append(f"'with' snippet is not in {where}: {snippet[:60]!r}")
        if snippet not in fixture.body:
            problems.append(f"'with' snippet is not in the body: {snippet[:60]!r}")
    for snippet in fixture.without:
        if snippet not in page_text:
            problems.append(f"'without' snippet is not in {where}: {snippet[:60]!r}")
        # Case-blind, because a scorer may lower-case before matching.
        if snippet.casefold() in fixture.body.casefold():
            problems.append(f"'without' snippet is in the body: {snippet[:60]!r}")
    return problems


def _metadata_problems(fixture: Fixture) -> list[str]:
    problems = []
    # Metadata may come from <title>, meta tags or JSON-LD, so an HTML page is searched whole,
    # entities decoded and whitespace collapsed.
    source = fixture.raw
    if fixture.kind == "html":
        source = _SPACES.sub(" ", html_entities.unescape(fixture.raw))
    if fixture.title is not None and fixture.title not in source:
        problems.append(f"title is not in the page: {fixture.title[:60]!r}")
    if fixture.title is not None and fixture.title in fixture.paragraphs:
        problems.append("title is repeated as a body paragraph")
    if fixture.author is not None and fixture.author.casefold() not in source.casefold():
        problems.append(f"author is not in the page: {fixture.author!r}")
    if fixture.kind == "html":
        problems += _html_metadata_problems(fixture)
    return problems


def _html_metadata_problems(fixture: Fixture) -> list[str]:
    problems = []
    # A page that gives dates in machine form (datetime attribute, meta tag or JSON-LD) must
    # spell the expected day there: that catches a mistyped date. Old pages with no ISO date
    # anywhere can only be read by eye.
    has_iso_dates = _ISO_DAY.search(fixture.raw) is not None
    if fixture.date is not None and has_iso_dates and fixture.date[:10] not in fixture.raw:
        problems.append(f"date {fixture.date!r} is not in the page's markup")
    declared = _LANG_ATTRIBUTE.search(fixture.raw)
    if declared is None:
        problems.append("page has no <html lang>")
    elif declared.group(1).lower() != fixture.language:
        problems.append(f"<html lang> is {declared.group(1)!r}, not {fixture.language!r}")
    return problems
