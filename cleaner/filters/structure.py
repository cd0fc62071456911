"""The structural stage: find the article's extent and drop what lies outside it.

Line rules catch boilerplate by its wording, but a news-feed item, a teaser's summary or an
author's bio is well-formed prose that no wording rule can tell from the body. What gives them
away is where they sit: outside the one stretch of the page where the prose runs together. So
this stage scores every block as evidence for or against body text, takes the stretch with the
highest total (a maximum-sum run, as in Finn et al.'s Body Text Extraction), bounds it by the
headline above and by end markers below ("Most popular", "Comments", an author box...), and
drops every block that earlier filters left open outside that stretch.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleaner._model import Block, Verdict, drop
from cleaner.filters.base import Page

# -- how blocks are scored --------------------------------------------------------------------
# A line is prose when it has at least this many words and ends like a sentence; shorter
# sentence-like lines ("He declined to comment.") count as prose too but weigh little.
PROSE_MIN_WORDS = 5
# A line this long is prose whatever its ending (a paragraph cut off by the renderer).
LONG_LINE_WORDS = 20
# The weight of a prose line grows with its length, capped so that one huge paragraph cannot
# pull a whole sidebar into the article (a cap of 40 words keeps teaser summaries of ~25 words
# from outweighing the two or three boilerplate lines that separate them from the body).
PROSE_WEIGHT_CAP = 40
# Lines the rules or the metadata stage dropped are strong evidence of boilerplate.
DROPPED_WEIGHT = -8.0
# Short lines without sentence punctuation (menu items, buttons, labels) weigh against; a
# heading-like line of 3+ words less so, since articles have subheadings.
SHORT_LINE_WEIGHT = -3.0
HEADING_LINE_WEIGHT = -1.0

# Categories whose lines mark the end of an article when they appear after its body started.
END_MARKER_PREFIXES = ("teasers.", "author_box.", "share.comments", "feeds.")
# An end marker only ends the article once this many body words have been seen, so that a
# "Related" box above the first paragraph does not end an article before it starts.
END_MARKER_MIN_WORDS = 60

_TERMINAL = regex.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”»]$")
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Extent:
    start: int
    end: int  # exclusive


def is_prose(block: Block) -> bool:
    n = len(block.words)
    return n >= LONG_LINE_WORDS or (n >= PROSE_MIN_WORDS and _TERMINAL.search(block.text) is not None)


def block_weight(block: Block, dropped: bool) -> float:
    if dropped:
        return DROPPED_WEIGHT
    n = len(block.words)
    if is_prose(block):
        return float(min(n, PROSE_WEIGHT_CAP))
    if _TERMINAL.search(block.text) is not None and n >= 2:
        return 1.0
    return HEADING_LINE_WEIGHT if n >= 3 else SHORT_LINE_WEIGHT


def best_run(weights: Sequence[float]) -> Extent | None:
    """The contiguous run with the largest positive sum (Kadane), or None if none is positive."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return Extent(best_start, best_end) if best > 0 else None


class ArticleExtent:
    """Drops open blocks before the article's start and after its end."""

    name = "structure"

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        extent = self.find(page)
        if extent is None:
            return
        for block in page.open_blocks():
            if block.index < extent.start:
                yield block.index, drop("structure.before-article")
            elif block.index >= extent.end:
                yield block.index, drop("structure.after-article")

    def find(self, page: Page) -> Extent | None:
        dropped = [page.is_dropped(i) for i in range(len(page.blocks))]
        weights = [block_weight(b, d) for b, d in zip(page.blocks, dropped, strict=True)]
        start = _body_start(page)
        run = best_run(weights[start:])
        if run is None:
            return None
        extent = _snap(Extent(run.start + start, run.end + start), dropped, start)
        return Extent(extent.start, _end_marker(page, extent, dropped))


def _snap(run: Extent, dropped: list[bool], floor: int) -> Extent:
    """Widen the run to the nearest dropped block on each side.

    The run itself never starts or ends on a weak line, yet subheadings, list items and short
    closing lines do sit at an article's edges. Only a block that a rule or the metadata stage
    dropped is proof that the boilerplate has begun; without one (as in text that was already
    cleaned) the article runs on, which also makes cleaning the output again change nothing.
    """
    start = run.start
    while start > floor and not dropped[start - 1]:
        start -= 1
    end = run.end
    while end < len(dropped) and not dropped[end]:
        end += 1
    return Extent(start, end)


def _body_start(page: Page) -> int:
    """The article starts after its headline when the headline was found."""
    title_index = page.hints.get("title_index")
    return title_index + 1 if isinstance(title_index, int) else 0


def _end_marker(page: Page, extent: Extent, dropped: list[bool]) -> int:
    words = 0
    for i in range(extent.start, extent.end):
        verdict = page.verdicts[i]
        if dropped[i] and verdict is not None and verdict.reason.startswith(END_MARKER_PREFIXES):
            if words >= END_MARKER_MIN_WORDS:
                return i
        elif not dropped[i]:
            words += len(_WORD.findall(page.blocks[i].text))
    return extent.end
