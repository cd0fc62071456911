"""Drop the blocks of an HTML page that sit in its furniture: navigation, footer, cookie and
subscription boxes, dialogs, share bars, related-story rails, ads, forms, and the readers'
comments below an article (`COMMENTS_MIN_BODY_WORDS`).

The regions are found while segmenting (`cleaner.segment.regions`), which already leaves out
any container that holds the body. When the page marks its main content (`<main>`), blocks
outside it and outside any furniture region are dropped too ("dom.outside-main": +0.0016 word
F1 and +0.0035 shingle F1 on the train split). Blocks of a text dump have no region and are
not touched.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner._model import Verdict, drop
from cleaner.filters.base import Page
from cleaner.filters.structure import is_prose

# Regions whose blocks are dropped outright. Measured on the WCXB train split (word F1 of the
# HTML path, 1,218 pages, against 0.7843 with no region dropped and 0.7879 with all): leaving
# out one region at a time, "header" (+0.0019 when kept: an article's header outside its
# <article> holds the lead) and "aside" (+0.0018: pull quotes, key points) did better kept, so
# they are only recorded; "share" and "ads" made no difference; the others each helped
# (footer 0.0030, cookie and form 0.0014, nav 0.0009, related 0.0006, subscribe 0.0003).
# Dialogs (`role="dialog"`, `aria-modal`: overlays such as a store's policy pop-up) were added
# later: train word F1 0.8310 -> 0.8321.
DROPPED_REGIONS = frozenset(
    {"cookie", "dialog", "nav", "footer", "share", "related", "subscribe", "ads", "form"}
)

FLAT_REGIONS = DROPPED_REGIONS - {"share"}
"""The dropped regions the segmenter reads in one lexbor call instead of walking them (a
block per text node, see `cleaner.segment.html.segment_tree`), and whose lines the text
metadata does not read. A third of an HTML page's blocks sit in them (100 of 284 a page on the
held-out split, 56 in menus), so HTML cleaning is about 12% faster. Share bars are walked as
before: a byline often sits in one. Train split, against walking every region: word F1 0.8319
-> 0.8316, author 0.763 -> 0.764, date 0.860 -> 0.859."""

COMMENTS_MIN_BODY_WORDS = 150
"""A thread of comments (a container named "comment...", `cleaner.segment.regions`) is
dropped when the page holds at least this many words of prose outside any region but the
ones only recorded (main, header, aside): an article or a question with readers' comments
below it, whose gold body leaves them out. On a forum, whose posts sit in such containers
with little prose outside them, the thread is the body and stays, left like a header or an
aside to the other stages (and not dropped as lying outside `<main>`). On the WCXB train split
(HTML) word F1 0.8609 -> 0.8645 (articles 0.940 -> 0.946, forums +0.003; 30 pages better,
11 worse, every site fold better); 100, 200 and 300 words give 0.8641, 0.8645 and 0.8639,
and dropping every thread 0.8596 (forums -0.068)."""

_OUTSIDE_MAIN = drop("dom.outside-main")
_COMMENTS = drop("dom.comments")
# The regions whose prose counts as the page's own body for `COMMENTS_MIN_BODY_WORDS`.
_BODY_REGIONS = frozenset({"", "main", "header", "aside"})


class PageRegions:
    """Drops open blocks inside a furniture region, with the reason "dom.<region>"."""

    name = "dom"

    def __init__(self) -> None:
        self._verdicts = {region: drop(f"dom.{region}") for region in DROPPED_REGIONS}

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        if page.kind != "html":
            return
        verdicts = self._verdicts
        regions = {b.region for b in page.blocks}
        has_main = "main" in regions
        if "comments" in regions and _has_a_body_besides_comments(page):
            verdicts = {**verdicts, "comments": _COMMENTS}
        for block in page.open_blocks():
            verdict = verdicts.get(block.region)
            if verdict is None and has_main and not block.region:
                verdict = _OUTSIDE_MAIN
            if verdict is not None:
                yield block.index, verdict


def _has_a_body_besides_comments(page: Page) -> bool:
    """Whether the page's prose outside comment threads and dropped regions reaches
    `COMMENTS_MIN_BODY_WORDS` (counted until it does)."""
    words = 0
    for block in page.blocks:
        if block.region in _BODY_REGIONS and is_prose(block):
            words += block.n_words
            if words >= COMMENTS_MIN_BODY_WORDS:
                return True
    return False
