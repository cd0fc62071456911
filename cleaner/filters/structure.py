"""The structural stage: find the article's extent and drop what lies outside it.

Line rules catch boilerplate by its wording, but a news-feed item, a teaser's summary or an
author's bio is well-formed prose that no wording rule can tell from the body. What gives them
away is where they sit: outside the stretch of the page where the prose runs together. So this
stage scores every block as evidence for or against body text, takes the stretch with the
highest total (a maximum-sum run, as in Finn et al.'s Body Text Extraction),
adds any other strong run (a product's specifications, the next posts of a thread), trims teaser
cards off the article's tail, and drops every block that earlier filters left open outside.
A page whose runs hold only a small share of what is left is a listing, not an article, and
the stage then drops nothing (`MIN_ARTICLE_SHARE`).

The headline and byline need no rule of their own: the metadata stage drops their lines, and a
dropped line weighs so much against that the run starts below them. (Bounding the run by the
detected headline was measured too: it lost 0.011 word F1 on the train split, because a
headline guessed wrongly in the middle of a page cut the article's first half.)

The lines the rules dropped weigh so heavily against that a teaser list or a news feed, which
the rules mark line by line, ends the article by itself. Explicit end markers (cutting at the
first "Related" or "Most popular" heading) were measured too and lost recall: such headings
also stand inside articles and above forum replies.

Weights were calibrated on the train split of wcxb-dev (sites not in the held-out split),
maximising mean word F1 of the kept lines: see scripts/bench_text.py for the end-to-end figures.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleaner._model import Block, Verdict, drop
from cleaner.filters.base import Page

# -- how blocks are scored --------------------------------------------------------------------
# A line is prose when it has at least this many words and ends like a sentence; shorter
# sentence-like lines ("He declined to comment.") weigh a little for. Long lines without an
# ending are not prose: on wcxb-dev only 30% of them are body (menus and footers run together).
PROSE_MIN_WORDS = 5
# The weight of a prose line is its word count, capped so that one huge paragraph cannot pull a
# sidebar into the article; 40 beat 25 and 60 on the train split.
PROSE_WEIGHT_CAP = 40
# Lines the rules or the metadata stage dropped are strong evidence of boilerplate: -30 beat
# -8, -12 and -20 (weaker barriers let teaser summaries and feed items into the run).
DROPPED_WEIGHT = -30.0
# Short lines without sentence punctuation (menu items, buttons, labels) weigh against. A
# heading-like line of 3+ words only a little: it is body when it sits inside the run, but a
# menu line above the article must not join it (-0.5 beat 0, -1 and -2 on the train split).
SHORT_LINE_WEIGHT = -2.0
HEADING_LINE_WEIGHT = -0.5
SHORT_SENTENCE_WEIGHT = 1.0

# Besides the best run, a page may hold other runs of body text (a product's description and
# its specifications, the posts of a forum thread) separated by widgets. A run is kept when its
# total reaches both this floor (about one full sentence) and this share of the best run's.
SECONDARY_MIN_SCORE = 15.0
SECONDARY_SHARE = 0.25
# A page whose article runs hold less than this share of the words the earlier filters left is
# not one article but a listing: a shop's category, a search result, a table of links, where
# the body is short items rather than a stretch of prose. Such a page keeps those words (the
# stage drops nothing). On the WCXB train split (HTML) 0.2 lifts word F1 from 0.811 to 0.831
# (collections 0.48 to 0.60, listings 0.54 to 0.64, articles unchanged); 0.1 and 0.3 give
# 0.827 and 0.830. Text dumps gain too (train 0.791 to 0.796). Before a page is called a listing,
# its runs are looked for again among the open blocks alone (see `apply`): what keeps cleaning
# idempotent; on the train split HTML 0.8321 -> 0.8319, text 0.7957 -> 0.7981.
MIN_ARTICLE_SHARE = 0.2

# Section headings of teaser and news-feed lists ("Most popular", "More news"): no run crosses
# one, and no run below the best one is taken after one. (Ending the article at the first such
# heading lost recall on the train split: "Related" boxes also stand inside articles.)
SECTION_MARKERS = ("teasers.list_header", "feeds.feed_header")
BARRIER = -1e9

# -- teaser cards -----------------------------------------------------------------------------
# Renderers that keep paragraph spacing put a blank line around every <p>; a headline glued to
# a one-paragraph summary is then a card (a link and its teaser), not the article. The test
# applies only to pages where at least this share of the run's prose lines is blank-separated.
SPACED_SHARE = 0.7
SPACED_MIN_PROSE = 3

# -- inline teasers --------------------------------------------------------------------------
# News pages set links to related stories between the paragraphs, as bare headlines. They are
# told from subheadings by headline style: an attribution after a comma ("..., Lavrov says") or
# a quotation in single quotes (headline style; body text quotes with double quotes). Applied
# only on news pages (a headline and a byline were found) and to lines of this many words
# standing between two prose paragraphs; on the train split of wcxb-dev it fires on no line of
# a gold body (and, unrestricted to news pages, on one subheading in 1,200 pages).
INLINE_TEASER_WORDS = (6, 20)
_HEADLINE_STYLE = regex.compile(
    r",\s+(?:\p{Lu}[\p{L}\-]*\s+){0,3}says\b"  # "..., Lavrov says" / "..., says Ukraine..."
    r"|,\s+says\s"
    r"|(?:^|\s)‘[^’]{2,40}’(?:\s|$|,)"  # a ‘single-quoted’ phrase
)

# A sentence ends on a stop, then maybe closing quotes and brackets ("fell.”", "(see below.)"),
# or on a closing double quote alone.
_STOPS = frozenset(".!?…:;。！？")
_CLOSERS = "\"'”’»)]」』）"
_CLOSING_DOUBLE_QUOTES = frozenset('"”»」』')


# The verdicts this stage gives, made once (a page drops hundreds of blocks).
_NO_BODY_TEXT = drop("structure.no-body-text")
_BEFORE_ARTICLE = drop("structure.before-article")
_TEASER_CARD = drop("structure.teaser-card")
_INLINE_TEASER = drop("structure.inline-teaser")
_AFTER_ARTICLE = drop("structure.after-article")
_BETWEEN_RUNS = drop("structure.between-runs")


@dataclass(frozen=True, slots=True)
class Extent:
    start: int
    end: int  # exclusive


def ends_like_a_sentence(text: str) -> bool:
    text = text.removesuffix("\n")
    if text[-1:] in _CLOSING_DOUBLE_QUOTES:
        return True
    return text.rstrip(_CLOSERS)[-1:] in _STOPS


def is_prose(block: Block) -> bool:
    return block.n_words >= PROSE_MIN_WORDS and ends_like_a_sentence(block.text)


def _weight(n_words: int, text: str) -> float:
    # The sentence-end test once a block; PROSE_MIN_WORDS is above 2, so a block of fewer
    # than 2 words is neither prose nor a short sentence.
    if n_words < 2 or not ends_like_a_sentence(text):
        return HEADING_LINE_WEIGHT if n_words >= 3 else SHORT_LINE_WEIGHT
    if n_words >= PROSE_MIN_WORDS:
        return float(min(n_words, PROSE_WEIGHT_CAP))
    return SHORT_SENTENCE_WEIGHT


def best_run(weights: Sequence[float], lo: int = 0, hi: int | None = None) -> Extent | None:
    """The contiguous run of weights[lo:hi] with the largest positive sum (Kadane), or None.

    Ties go to the longer run, so neutral lines at its edges stay in: cleaning the output again
    then finds the same run (every prefix and suffix of the run has a sum of at least zero).
    """
    hi = len(weights) if hi is None else hi
    best, best_start, best_end = 0.0, lo, lo
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total < 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best or (total == best and best > 0 and start == best_start):
            best, best_start, best_end = total, start, i + 1
    return Extent(best_start, best_end) if best > 0 else None


class ArticleExtent:
    """Drops open blocks outside the article's runs of body text."""

    name = "structure"

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        return self.judge(page, block_weights(page))

    def judge(self, page: Page, weights: Sequence[float]) -> Iterator[tuple[int, Verdict]]:
        """The stage's verdicts given the page's `block_weights` (the learned filter computes
        them once for its own features and for this)."""
        runs = _article_runs(weights)
        if not runs:
            # Not one stretch of text outweighs the boilerplate around it: a consent wall, a
            # login page. What the rules left are labels (+0.001 word F1 on the train split
            # for dropping them, over 13 such pages).
            for block in page.open_blocks():
                yield block.index, _NO_BODY_TEXT
            return
        cards = _trailing_cards(page, runs[-1])
        if cards:
            # What the cards leave must still end on body text: cut back to the best end.
            runs[-1] = Extent(runs[-1].start, _best_end(weights, runs[-1].start, min(cards)))
        inside = {i for run in runs for i in range(run.start, run.end)}
        open_blocks = page.open_blocks()
        least = MIN_ARTICLE_SHARE * sum(b.n_words for b in open_blocks)
        in_runs = sum(b.n_words for b in open_blocks if b.index in inside and b.index not in cards)
        if in_runs < least:
            # Too little in the runs: look again at the open blocks alone, as if the dropped
            # ones were not there. That is the page a second cleaning sees, so the answer
            # holds when the cleaned text is cleaned again.
            runs, cards = _open_runs(open_blocks, [weights[b.index] for b in open_blocks]), set()
            inside = {i for run in runs for i in range(run.start, run.end)}
            if not runs or sum(b.n_words for b in open_blocks if b.index in inside) < least:
                return  # a listing, not an article: what the other filters left stays
        first, last = runs[0].start, runs[-1].end
        teasers = _inline_teasers(page) if _is_news(page) else set()
        for block in open_blocks:
            if block.index < first:
                yield block.index, _BEFORE_ARTICLE
            elif block.index in cards:
                yield block.index, _TEASER_CARD
            elif block.index in teasers:
                yield block.index, _INLINE_TEASER
            elif block.index >= last:
                yield block.index, _AFTER_ARTICLE
            elif block.index not in inside:
                yield block.index, _BETWEEN_RUNS

    def find(self, page: Page) -> list[Extent]:
        """The article's runs in page order: the best run, and any other strong run."""
        return _article_runs(block_weights(page))


def _article_runs(weights: Sequence[float]) -> list[Extent]:
    """The best run of `weights`, and every other run that reaches the secondary bar above it
    or below it before the next section heading (a `BARRIER`: runs below one are the items of
    a teaser or feed list, however well written), in page order."""
    main = best_run(weights)
    if main is None:
        return []
    bar = max(SECONDARY_MIN_SCORE, SECONDARY_SHARE * sum(weights[main.start : main.end]))
    below = next((i for i in range(main.end, len(weights)) if weights[i] == BARRIER), len(weights))
    runs = [main, *_strong_runs(weights, 0, main.start, bar)]
    runs += _strong_runs(weights, main.end, below, bar)
    return sorted(runs, key=lambda r: r.start)


def _open_runs(open_blocks: Sequence[Block], weights: Sequence[float]) -> list[Extent]:
    """The runs among the open blocks alone (`weights` are theirs), as block-index extents."""
    return [
        Extent(open_blocks[r.start].index, open_blocks[r.end - 1].index + 1)
        for r in _article_runs(weights)
    ]


def block_weights(page: Page) -> list[float]:
    """Each block's evidence for body text as the run search weighs it: `DROPPED_WEIGHT` for
    a block an earlier filter dropped, `BARRIER` for a section heading, else by its words and
    ending (`_weight`)."""
    weights = [
        DROPPED_WEIGHT if v is not None and not v.keep else _weight(b.n_words, b.text)
        for b, v in zip(page.blocks, page.verdicts, strict=True)
    ]
    for i in _section_headings(page):
        weights[i] = BARRIER
    return weights


def _best_end(weights: Sequence[float], start: int, cut: int) -> int:
    """The end in (start, cut] where the running total from `start` is highest (the latest of
    equals), so the kept stretch never ends on lines that weigh against it."""
    best_end, best, total = start, 0.0, 0.0
    for i in range(start, cut):
        total += weights[i]
        if total >= best:
            best, best_end = total, i + 1
    return best_end


def _strong_runs(weights: Sequence[float], lo: int, hi: int, bar: float) -> list[Extent]:
    """Every run in weights[lo:hi] whose total reaches `bar`, best first, recursively."""
    run = best_run(weights, lo, hi)
    if run is None or sum(weights[run.start : run.end]) < bar:
        return []
    return [
        run,
        *_strong_runs(weights, lo, run.start, bar),
        *_strong_runs(weights, run.end, hi, bar),
    ]


def _section_headings(page: Page) -> list[int]:
    return [
        i
        for i, verdict in enumerate(page.verdicts)
        if verdict is not None and not verdict.keep and verdict.reason.startswith(SECTION_MARKERS)
    ]


def _trailing_cards(page: Page, run: Extent) -> set[int]:
    """Blocks of teaser cards at the end of the last run: a headline glued to a summary.

    Walking back from the run's end over open blocks: trailing labels (a logo's alt text, a
    section name) are skipped; a prose line glued to the line above it (no blank line between),
    where that line is a headline-like line, is a card, and the walk goes on above it.
    """
    open_ = [i for i in range(run.start, run.end) if not page.is_dropped(i)]
    if not _paragraphs_are_spaced(page, open_):
        return set()
    cards: set[int] = set()
    tail: list[int] = []
    k = len(open_) - 1
    while k >= 1:
        block = page.blocks[open_[k]]
        above = page.blocks[open_[k - 1]]
        if not is_prose(block):
            tail.append(block.index)
            k -= 1
            continue
        if block.gap_before == 0 and not ends_like_a_sentence(above.text) and above.n_words >= 3:
            cards.update((block.index, above.index, *tail))
            tail = []
            k -= 2
            continue
        break
    if cards:
        # Labels between the article's last paragraph and the first card (a name, a logo)
        # belong to the cards: the article ends with its last paragraph.
        cards.update(tail)
    return cards


def _paragraphs_are_spaced(page: Page, indices: Sequence[int]) -> bool:
    prose = [page.blocks[i] for i in indices if is_prose(page.blocks[i])]
    if len(prose) < SPACED_MIN_PROSE:
        return False
    spaced = sum(1 for b in prose if b.gap_before > 0)
    return spaced >= SPACED_SHARE * len(prose)


def _is_news(page: Page) -> bool:
    reasons = (page.hints.get("metadata_lines") or {}).values()
    return page.hints.get("title_index") is not None and "metadata.byline" in reasons


def _inline_teasers(page: Page) -> set[int]:
    """Headline-style lines that stand alone between two prose paragraphs."""
    open_ = [b for b in page.blocks if not page.is_dropped(b.index)]
    low, high = INLINE_TEASER_WORDS
    found: set[int] = set()
    for above, block, below in zip(open_, open_[1:], open_[2:], strict=False):
        if not low <= block.n_words <= high or ends_like_a_sentence(block.text):
            continue
        if is_prose(above) and is_prose(below) and _HEADLINE_STYLE.search(block.text):
            found.add(block.index)
    return found
