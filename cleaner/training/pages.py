"""Labelled pages: a page file beside a JSON file holding the page's expected body.

    news/ferry.html     the page as it was crawled (HTML, or a text dump: NAME.txt)
    news/ferry.json     {"body": "First paragraph.\\n\\nSecond paragraph.", "url": "https://..."}

`body` is the only field training needs; `kind` ("html" or "text") and `url` are read when
present, so every regression fixture in the repository's `fixtures/` is a labelled page too
(their other fields, snippets and metadata, are for the regression tests and are ignored
here). The label files are found as `cleaner fixtures` finds expectations: hidden names and a
regression baseline (`cleaner-baseline.json`) are passed over. Without `kind`, the page file beside the JSON file says it: NAME.html (or NAME.htm) or
NAME.txt. The page is read as bytes and decoded as `clean` decodes it, so a page saved in
another encoding trains as it will be cleaned. A learned-filter model file among the labels
(one written there by `cleaner train -o`) is passed over.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner._exceptions import CleanerError
from cleaner._model import Kind
from cleaner.evaluate.fixtures import FixtureFormatError, expectation_paths, read_json_object

# Page files by kind, in the order they are looked for when the JSON file names no kind.
PAGE_SUFFIXES: dict[Kind, tuple[str, ...]] = {"html": (".html", ".htm"), "text": (".txt",)}
# The keys that make a JSON file a learned-filter model file rather than a label.
MODEL_KEYS = frozenset({"version", "features", "kinds"})
FORMAT_HINT = (
    "a labelled page is NAME.html or NAME.txt beside NAME.json, a JSON object whose 'body' "
    "holds the page's expected body text"
)


class TrainingError(CleanerError, ValueError):
    """Training cannot start: no labelled pages, a malformed label file, nothing to learn."""


@dataclass(frozen=True, slots=True)
class LabelledPage:
    """A page and the body a perfect cleaner returns for it."""

    name: str
    raw: str | bytes
    kind: Kind
    body: str
    url: str | None = None


def load_labelled_pages(folders: Iterable[str | Path]) -> list[LabelledPage]:
    """Every labelled page below `folders` (searched recursively, hidden names skipped), in
    path order; raises `TrainingError` on a missing folder, a malformed label file or a folder
    holding no labelled page."""
    pages: list[LabelledPage] = []
    for folder in folders:
        root = Path(folder)
        if not root.is_dir():
            raise TrainingError(f"{root}: not a folder")
        found = [page for page in map(_load_page, expectation_paths(root)) if page is not None]
        if not found:
            raise TrainingError(f"{root}: no labelled pages ({FORMAT_HINT})")
        pages.extend(found)
    return pages


def _load_page(label_path: Path) -> LabelledPage | None:
    data = _read_label(label_path)
    if set(data) >= MODEL_KEYS:
        return None
    body = data.get("body")
    if not isinstance(body, str):
        raise TrainingError(f"{label_path}: no 'body' string ({FORMAT_HINT})")
    url = data.get("url")
    if url is not None and not isinstance(url, str):
        raise TrainingError(f"{label_path}: 'url' must be a string")
    kind, page_path = _page_file(label_path, data.get("kind"))
    try:
        raw = page_path.read_bytes()
    except OSError as error:
        raise TrainingError(f"{page_path}: cannot read ({error.strerror or error})") from error
    return LabelledPage(name=str(page_path), raw=raw, kind=kind, body=body, url=url or None)


def _read_label(path: Path) -> dict[str, Any]:
    try:
        return read_json_object(path)
    except FixtureFormatError as error:
        raise TrainingError(f"{error} ({FORMAT_HINT})") from error


def _page_file(label_path: Path, kind: object) -> tuple[Kind, Path]:
    """The page's kind and file: as the label names it, else by the page file found."""
    if kind is not None and kind not in PAGE_SUFFIXES:
        raise TrainingError(f"{label_path}: 'kind' must be 'html' or 'text', not {kind!r}")
    kinds = [k for k in PAGE_SUFFIXES if kind in (None, k)]
    for k in kinds:
        for suffix in PAGE_SUFFIXES[k]:
            candidate = label_path.with_suffix(suffix)
            if candidate.is_file():
                return k, candidate
    wanted = " or ".join(label_path.with_suffix(s).name for k in kinds for s in PAGE_SUFFIXES[k])
    raise TrainingError(f"{label_path}: its page {wanted} is missing")
