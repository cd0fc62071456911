"""The records that flow through the pipeline: blocks in, verdicts on them, a document out.

A `Block` is one unit of the input — a line of a text dump, or (later) a DOM block of an HTML
page — with the features the filters look at. Blocks are immutable; the pipeline records each
filter's `Verdict` beside them and, at the end, `Document.blocks` carries every input block with
its final decision: kept or not, which filter decided, and why.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import regex

Kind = Literal["html", "text"]


# Chinese and Japanese run words together without spaces; about two characters make a word.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
CHARS_PER_UNSPACED_WORD = 2
# Those characters all lie at or above U+2E80 (the CJK radicals; tests check every code point
# below). `re` finds out that a text has no character so high several times faster than
# `regex` looks for the scripts (a tenth of a page's word counts on the held-out pages are of
# texts past ASCII: curly quotes and dashes, accented letters).
UNSPACED_FROM = 0x2E80
_MAY_BE_UNSPACED = re.compile(f"[{chr(UNSPACED_FROM)}-{chr(0x10FFFF)}]")


def count_words(text: str, n_split: int | None = None) -> int:
    """Whitespace-separated words, plus one per two Chinese or Japanese characters.
    `n_split`, when the caller has it, is `len(text.split())`."""
    words = len(text.split()) if n_split is None else n_split
    if not text.isascii() and _MAY_BE_UNSPACED.search(text):
        unspaced = len(_UNSPACED.findall(text))
        if unspaced:
            words += unspaced // CHARS_PER_UNSPACED_WORD
    return words


@dataclass(frozen=True, slots=True)
class Verdict:
    """A filter's decision on one block: keep or drop, with the reason (rule name or score)."""

    keep: bool
    reason: str
    score: float | None = None


def keep(reason: str, score: float | None = None) -> Verdict:
    return Verdict(True, reason, score)


def drop(reason: str, score: float | None = None) -> Verdict:
    return Verdict(False, reason, score)


@dataclass(frozen=True, slots=True)
class Block:
    """One input block and, once the pipeline has run, the decision taken on it.

    `gap_before` counts the blank lines that preceded the block in a text dump (0 for HTML);
    `tag`, `heading` and `path` describe its place in a DOM where there is one, and `region`
    the kind of page region it sits in ("nav", "footer", "cookie"... see
    `cleaner.segment.regions`; empty in the page's main flow). `kept`,
    `decided_by`, `reason` and `score` are the final verdict: `decided_by` is the name of the
    filter that settled it (None when no filter had an opinion and the block was kept).

    In an HTML page, `element` numbers the element whose text the block is (from 1, in page
    order) and `parent` that element's parent: the lines of one `<pre>` share an element, the
    cells of one table row and the items of one list share a parent, which is how Markdown
    output rebuilds code blocks, tables and lists. In a `<pre>`, a line keeps its indentation
    and `gap_before` counts the blank lines above it. Both are 0 in a text dump.
    """

    index: int
    text: str
    gap_before: int = 0
    tag: str = ""
    heading: int = 0
    path: str = ""
    attrs: str = ""
    link_density: float = 0.0
    region: str = ""
    kept: bool = True
    decided_by: str | None = None
    reason: str = ""
    score: float | None = None
    element: int = 0
    parent: int = 0
    _n_words: int = field(default=0, init=False, repr=False, compare=False)

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def n_words(self) -> int:
        """Number of words, counted once (filters ask for it often); see `count_words`."""
        return self._n_words

    def __post_init__(self) -> None:
        object.__setattr__(self, "_n_words", count_words(self.text))

    @classmethod
    def of_line(
        cls, index: int, text: str, gap_before: int = 0, n_split: int | None = None
    ) -> Block:
        """`Block(index, text, gap_before)` for a line of a text dump, built four times faster
        than by the dataclass `__init__`, which sets each field of a frozen class through a
        generic call (a third of the time of splitting a dump went there). `n_split`, when the
        caller has it, is `len(text.split())`."""
        return _Builder(index, text, gap_before, count_words(text, n_split))  # type: ignore[return-value]

    @classmethod
    def of_element(
        cls,
        index: int,
        text: str,
        *,
        tag: str,
        heading: int,
        path: str,
        attrs: str,
        link_density: float,
        region: str,
        element: int = 0,
        parent: int = 0,
        gap_before: int = 0,
    ) -> Block:
        """`Block(...)` for an HTML block, built the fast way `of_line` builds a line's."""
        return _Builder(  # type: ignore[return-value]
            index, text, gap_before, count_words(text), tag, heading, path, attrs, link_density,
            region, element=element, parent=parent,
        )  # fmt: skip

    def decided(
        self, kept: bool, decided_by: str | None, reason: str, score: float | None
    ) -> Block:
        """This block with a final verdict (a quick copy: pages have hundreds of blocks)."""
        return _Builder(  # type: ignore[return-value]
            self.index, self.text, self.gap_before, self._n_words, self.tag, self.heading,
            self.path, self.attrs, self.link_density, self.region,
            kept, decided_by, reason, score, self.element, self.parent,
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["_n_words"]
        for key in ("tag", "path", "attrs", "region"):
            if not data[key]:
                del data[key]
        for key in ("heading", "element", "parent"):
            if not data[key]:
                del data[key]
        if not data["link_density"]:
            del data["link_density"]
        if data["score"] is None:
            del data["score"]
        return data


class _Builder:
    """A `Block` under construction: a mutable class with Block's very slots, whose plain
    attribute stores are cheap, that turns itself into a Block once filled (Python allows
    assigning `__class__` between classes of the same slot layout). `test_segment` checks that
    it fills every field and gives what `Block(...)` gives."""

    __slots__ = Block.__slots__

    def __init__(
        self,
        index: int,
        text: str,
        gap_before: int,
        n_words: int,
        tag: str = "",
        heading: int = 0,
        path: str = "",
        attrs: str = "",
        link_density: float = 0.0,
        region: str = "",
        kept: bool = True,
        decided_by: str | None = None,
        reason: str = "",
        score: float | None = None,
        element: int = 0,
        parent: int = 0,
    ) -> None:
        self.index = index
        self.text = text
        self.gap_before = gap_before
        self.tag = tag
        self.heading = heading
        self.path = path
        self.attrs = attrs
        self.link_density = link_density
        self.region = region
        self.kept = kept
        self.decided_by = decided_by
        self.reason = reason
        self.score = score
        self.element = element
        self.parent = parent
        self._n_words = n_words
        self.__class__ = Block  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Document:
    """The cleaned page: body text, metadata, and every input block with its verdict.

    `text` holds the body paragraphs in reading order separated by a blank line. `error` is set
    (and `text` empty) when the page could not be cleaned at all; `reason` explains an empty
    body that is not an error (for example a page that is all boilerplate).
    """

    text: str
    kind: Kind
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    reading_time: int | None = None
    id: str | None = None
    blocks: tuple[Block, ...] = field(default=(), repr=False)
    error: str | None = None
    reason: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    @property
    def kept_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kept]

    @property
    def markdown(self) -> str:
        """The page as Markdown: title, metadata line and body; an HTML body keeps its
        headings, lists, tables, code blocks and quotes (from the blocks, so only when the
        Document carries them). See `cleaner.output.markdown`."""
        from cleaner.output.markdown import to_markdown

        return to_markdown(self)

    def to_dict(self, *, blocks: bool = True) -> dict[str, Any]:
        """JSON-ready data. `blocks=False` leaves the per-block decisions out."""
        data: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "kind": self.kind,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "sitename": self.sitename,
            "language": self.language,
            "description": self.description,
            "reading_time": self.reading_time,
            "text": self.text,
            "error": self.error,
            "reason": self.reason,
        }
        if blocks:
            data["blocks"] = [b.to_dict() for b in self.blocks]
        return data
