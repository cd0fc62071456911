"""Loading the WCXB development pages and splitting them into train and held-out by site.

Shared by the benchmark and (later) training scripts; never imported by the library or tests.
The shared folder is `../shared` beside the repository, or `$CLEANER_SHARED` when set.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]

HELDOUT_PERCENT = 20
"""Share of sites held out; 20% leaves ~300 pages to report on and ~1,200 to tune with."""

Split = Literal["heldout", "train", "all"]


def shared_dir() -> Path:
    override = os.environ.get("CLEANER_SHARED")
    return Path(override) if override else REPO.parent / "shared"


def wcxb_dir() -> Path:
    return shared_dir() / "data" / "wcxb-dev"


def site_of(url: str) -> str:
    """The page's host name, lower-cased, without a leading "www."."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def split_of(url: str) -> Literal["heldout", "train"]:
    """Held out or train, decided by the site alone so no site is in both halves.

    The first 8 hex digits of the SHA-1 of the site name, taken modulo 100, fall below
    `HELDOUT_PERCENT` for held-out sites. SHA-1 (not `hash()`) keeps it stable across runs.
    """
    digest = hashlib.sha1(site_of(url).encode("utf-8")).hexdigest()
    return "heldout" if int(digest[:8], 16) % 100 < HELDOUT_PERCENT else "train"


@dataclass(frozen=True, slots=True)
class Page:
    """One labelled page: its gold fields as the ground-truth file gives them."""

    id: str
    url: str
    page_type: str
    spa: bool
    title: str | None
    author: str | None
    date: str | None
    body: str
    body_markdown: str
    with_snippets: tuple[str, ...]
    without_snippets: tuple[str, ...]

    @property
    def split(self) -> Literal["heldout", "train"]:
        return split_of(self.url)

    def html_path(self, root: Path | None = None) -> Path:
        return (root or wcxb_dir()) / "html" / f"{self.id}.html.gz"

    def read_html(self, root: Path | None = None) -> str:
        with gzip.open(self.html_path(root), "rt", encoding="utf-8", errors="replace") as f:
            return f.read()


def _page_from_json(row: dict[str, object]) -> Page:
    def text_or_none(key: str) -> str | None:
        value = row.get(key)
        return str(value) if value else None

    return Page(
        id=str(row["id"]),
        url=str(row["url"]),
        page_type=str(row.get("page_type") or "unknown"),
        spa=bool(row.get("spa")),
        title=text_or_none("title"),
        author=text_or_none("author"),
        date=text_or_none("date"),
        body=str(row.get("body") or ""),
        body_markdown=str(row.get("body_markdown") or ""),
        with_snippets=tuple(row.get("with") or ()),  # type: ignore[arg-type]
        without_snippets=tuple(row.get("without") or ()),  # type: ignore[arg-type]
    )


def iter_pages(split: Split = "all", root: Path | None = None) -> Iterator[Page]:
    """The pages of `split` in ground-truth file order."""
    path = (root or wcxb_dir()) / "ground-truth.jsonl"
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            page = _page_from_json(json.loads(line))
            if split == "all" or page.split == split:
                yield page


def load_pages(split: Split = "all", root: Path | None = None) -> list[Page]:
    return list(iter_pages(split, root))
