"""Metadata of a whole text dump: headline, author, date, reading time, language.

`extract_text_metadata` reads a dump's lines once and collects candidates: byline lines (forum
post headers among them), bylines split over two lines ("By" / "Jane Doe"), lone names beside a
date line, names under their photo's alt text ("Picture of Jane Doe" / "Jane Doe"), author boxes
("About the author" / name), pure date lines and reading-time lines. It then picks what belongs to the
article rather than to menus, teasers or comments:

- the byline nearest the first paragraph (within the zone above it), explicit bylines before
  lone names, the first of a thread's dated post headers; bylines repeated as a list (comment
  headers, teaser cards) are ignored, except one beside the headline when the caller knows the
  headline's line, or the one within LIST_CLEAR_LINES of the first paragraph; a name under its
  photo below the article when it is the page's only one;
- the date: the byline's own, else a date line beside the byline (a publication date before an
  update date), else the date line closest above the first paragraph (or just below it,
  under a deck), else a date line beside
  the known headline, else the first date line in the top half of the dump, else the date
  opening the first short line that holds a date among other words, in the top half
  ("March 20, 2023 | Wellness & Prevention", `_date_led`); when none of these gives one, a
  fallback: the page's only line a byline's lead-in opens that the byline
  parser did not read ("by Jane Doe ● April 13, 2023"), else its only pure date line, else its
  only line where a publication label introduces a date ("Jane Doe Published: April 13, 2023
  | Travel"), else a short dated line just below the known headline;
- the headline: the line matching the URL's slug, or the heading-like line nearest above the
  byline, the date or the first paragraph (see `find_headline`), or a line naming the page
  after a short slug (`_page_name_over`).

It also reports which lines are nothing but metadata, so the pipeline can drop them from the
body with the reasons "metadata.byline", "metadata.date" and "metadata.reading-time".

Measured on wcxb-dev innerText dumps by scripts/measure_text_metadata.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal
from urllib.parse import unquote, urlsplit

import regex

from cleaner.metadata._vocab import DATE_MARK, READING_MARK, count_other_words, is_meta_only
from cleaner.metadata.byline import (
    MAX_BYLINE_CHARS,
    Byline,
    is_author_box_heading,
    is_byline_prefix,
    may_be_byline,
    parse_byline,
    parse_byline_pair,
    parse_name_line,
    photo_name,
)
from cleaner.metadata.dates import (
    EARLIEST_YEAR,
    MONTHS,
    DateMatch,
    SlashOrder,
    find_dates,
    may_contain_date,
)
from cleaner.metadata.language import detect_language
from cleaner.metadata.reading import find_reading_time, is_reading_time_line, may_hold_reading_time

REASON_BYLINE = "metadata.byline"
REASON_DATE = "metadata.date"
REASON_READING = "metadata.reading-time"

DATE_NEAR_BYLINE = 4
"""A date line this many lines or fewer from the byline belongs to it (a role, a "Share" row or
a photo credit can sit between them). On wcxb-dev, 2, 4 and 6 give the same date scores
within 0.4 points; 4 was the best."""

DATE_LINE_MAX_OTHER_WORDS = 2
"""A date line may carry this many other words ("calendar March 3, 2025", "Travel | March 3,
2025") and still give the page's date; only lines with none are dropped as metadata. On
wcxb-dev innerText dumps, 0 / 1 / 2 / 3 give date recall 53.7 / 58.7 / 59.7 / 61.1% with
wrong dates 10.5 / 10.2 / 10.6 / 10.9%."""

PROSE_MIN_WORDS = 20
"""A line of this many words with a sentence boundary is a paragraph; the first one marks
where the article text starts (menus and labels are shorter). On wcxb-dev 15, 20 and 30 move
author and date recall by about a point either way."""

BYLINE_ZONE_BEFORE = 40
BYLINE_ZONE_AFTER = 3
"""The article's byline sits in the lines before its first paragraph (headline, teaser, photo
credit, date, share buttons) or just after it. Scores on wcxb-dev are flat for 20 to 60
lines before; 40 keeps room for long share and table-of-contents blocks."""

DATE_ZONE_BEFORE = 40
"""Without a byline, the date line closest above the first paragraph, within this many lines,
is the article's date."""

DATE_ZONE_AFTER = 2
"""Failing one above it, a date line this many lines or fewer below the first paragraph is the
article's: that paragraph is then the article's deck, the date under it ("Master the art of
event management ..." / "January 17, 2025" / "8 min read"). WCXB train text dumps: +2 dates
in both styles (site folds 2 and 3), none lost; 1 to 4 give the same; HTML unchanged."""

LIST_MIN_ITEMS = 3
"""This many name-and-date bylines on a page are a list (comments, teasers), not the byline.
On wcxb-dev, 2 trades 0.6 points of author recall for 0.2 of precision, 4 loses 0.9 points
of precision."""

LIST_CLEAR_LINES = 20
"""A list of signed bylines spares the one byline within this many lines of the first paragraph
(the article's, with its author's other posts or a "Related" list further away). WCXB train
innertext dumps: +10 authors right, none lost (10 lines: one fewer; 40: 3 lost, 1 wrong)."""

HEADLINE_DATE_BEFORE = 2
HEADLINE_DATE_AFTER = 3
"""When the caller knows the headline's line (an HTML page's `<h1>`), a date line or a dated
byline this many lines before or after it is the article's, even where the first paragraph
is far away (a menu long enough to hold a paragraph-like teaser) or dated bylines follow as a
list ("Other posts"). WCXB train split (HTML): 566 -> 568 of 623 dates (+2, both in one
site fold, none lost) and 3 more authors right (the byline exempted from a list; no author
lost); windows from 1/1 to 6/8 lines give the same. Text dumps know no headline line."""

HEADLINE_NOTE_MAX_WORDS = 12
"""A dated line just below the headline that is neither a byline nor a date line ("Jane Doe
02 Feb 2026 Product Reviews 7 Comments") gives the date as a last resort when it has at most
this many words and no sentence boundary; longer ones are a teaser or an offer ("Sale ends
03/31/2026. While supplies last."). WCXB train: mends one page, dates no other page (of all
1,218, with gold date or without); 30 words gives the same there."""

TOP_SHARE = 0.5
"""Without a byline, a lone date line counts only in the first half of the dump: below that
are comments, feeds and "related" lists with their own dates."""

HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 25
"""A headline has 3 to 25 words: shorter lines are section labels and buttons, longer ones
are teasers or paragraphs. 88% of wcxb-dev gold titles fall in this range, 12% are shorter
(page names such as "News"), which this rule gives up."""

HEADLINE_GOOD_WORDS = 4
"""Headlines of 4+ words are preferred to nearer 3-word lines ("Skip to content", "Edit this
post" and section labels are short)."""

HEADLINE_LOOKBACK = 6
"""Lines above the byline searched for the headline; a teaser, a category line and an image
caption can sit between them."""

HEADLINE_LOOKAHEAD = 3
"""Lines below the byline searched when nothing above looks like a headline (some sites put
the author and date above the title)."""

HEADLINE_ANCHOR_HINT_SHARE = 0.5
"""When the URL slug and the anchor (byline, date or first paragraph) point at different lines,
the anchor's headline wins if it comes first and holds this share of the slug's words: the
slug's closest line further down is a subheading or a caption that echoes it ("Best
Lightweight Gaming Mouse" below "The Best Lightweight Gaming Mice in 2026"). WCXB train text
dumps: +14 titles on both styles, none lost; 0.6 gives +13, 0.3 +18 -2, 0.1 +20 -10; letting
the anchor's line win when it comes after the slug's as well: +25 -21."""

HEADLINE_WITHIN_AFTER = 2
"""A headline line found that ends with the text of one of the next two lines is a breadcrumb
or a caption around the headline ("Home > Blog > Best Practices for PTO Benefits", then "Best
Practices for PTO Benefits"): the shorter line is the headline. WCXB train text dumps: +24
titles on both styles, none lost; 1 line gives +16, 3 lines +23, 5 lines +22."""

SITE_NAME_MAX_WORDS = 4
"""A headline line's last part after a separator ("... | Get Local Agency") is the site's name,
and is taken off the title, when it has at most this many words and spells the site's host
name or starts with it. WCXB train text dumps: +6 titles (innertext), +5 (lines), none lost;
taking off any last part instead: +17 -9."""

SITE_DOMAIN_MIN_CHARS = 4
"""A site name is recognised by starting with its domain's name only when that has 4+ letters
("Bridgestone Tires" on tires.bridgestone.com; not "Go ..." on go.com)."""

PAGE_NAME_MAX_CHARS = 60
"""Lines longer than this are not compared with a short URL slug (a page name is a few words)."""

TITLE_HINT_MIN_OVERLAP = 0.6
"""Share of the hint's words a line must contain to be taken as the titled line; a URL slug
drops stop words and punctuation, so an exact match is not expected."""

LANGUAGE_MIN_LINE_WORDS = 8
"""Lines shorter than this are menus and labels; only longer lines feed language detection."""

LANGUAGE_SAMPLE_CHARS = 4_000
"""Prose collected for language detection; the detector reads no more than this anyway."""


@dataclass(frozen=True, slots=True)
class TextMetadata:
    """What `extract_text_metadata` found. `metadata_lines` maps line index to drop reason."""

    title: str | None = None
    title_index: int | None = None
    author: str | None = None
    date: str | None = None
    reading_time: int | None = None
    metadata_lines: dict[int, str] = field(default_factory=dict)
    language: str | None = None
    # When no date was chosen: the page's only line that is nothing but a date (see
    # `_lone_date`), for the caller to fall back on after what else it knows.
    fallback_date: str | None = None
    # The day ("YYYY-MM-DD") of every date the page shows outside its paragraphs: whether it
    # shows a date its markup declares.
    shown_days: frozenset[str] = frozenset()
    # A date the page says it was first published on ("This article was originally published
    # on 26 Sep 2019 but has been updated"): the publication, whatever else it shows.
    original_date: str | None = None
    # The other reading of each numeric date the page shows whose order is ambiguous
    # ("09.10.2024", "02-12-2025"): the day as read -> the day with day and month swapped.
    other_readings: dict[str, str] = field(default_factory=dict)
    # The month ("YYYY-MM") of the page's only line that is nothing but a month and a year
    # ("November 2015"): a date to the month, for the caller's last resort.
    month_date: str | None = None


BylineSource = Literal["line", "pair", "name", "box", "photo"]


@dataclass(frozen=True, slots=True)
class _BylineHit:
    byline: Byline
    indices: tuple[int, ...]  # the line(s) it was read from
    # "line": a byline on one line; "pair": a lead-in line ("By") and a names line; "name": a
    # lone name beside a date line or under its photo's alt text; "box": an author box heading;
    # "photo": a name under the alt text of its photo, wherever it stands (`_photo_hit`).
    source: BylineSource


@dataclass(frozen=True, slots=True)
class _DateLine:
    index: int
    match: DateMatch
    updated: bool  # labelled as an update rather than the publication
    pure: bool  # nothing but the date and metadata words: the line can be dropped from the body


@dataclass(frozen=True, slots=True)
class _Scan:
    bylines: list[_BylineHit]
    date_lines: list[_DateLine]
    reading_lines: list[int]
    article_start: int | None
    # Dates a publication label introduces ("Published: ...") on lines too wordy to be date
    # lines. They fill a gap only and never mark a line as metadata.
    labelled_dates: list[DateMatch]
    # Dates on lines a byline's lead-in opens that the byline parser did not take ("by Jane
    # Doe ● December 23, 2025 ● 6 min read"); they too only fill a gap.
    byline_dates: list[DateMatch]
    # The day ("YYYY-MM-DD") of every date on the lines scanned (all but paragraphs).
    shown_days: set[str]
    # The first date the page says it was first published on ("originally published on ...").
    original_date: str | None
    # The other lines with a date (neither a byline nor a date line): index and first date.
    other_dates: list[tuple[int, DateMatch]]
    # Ambiguous numeric dates: the day as read -> the day in the other order.
    other_readings: dict[str, str]
    # The month ("YYYY-MM") of each line that is nothing but a month and a year.
    month_lines: list[str]


def extract_text_metadata(
    lines: Sequence[str],
    *,
    url: str | None = None,
    title_hint: str | None = None,
    now: date | datetime | None = None,
    with_language: bool = True,
    headline: int | None = None,
) -> TextMetadata:
    """Headline, author, date, reading time and language of a text dump given as lines.

    `url` supplies a title hint from its slug; `now` bounds plausible dates (default today);
    `with_language=False` skips language detection (the caller may run it on the body);
    `headline` is the index of the line the caller knows to be the article's headline (an
    HTML page's `<h1>`), which places the article's date and byline (`HEADLINE_DATE_BEFORE`).
    """
    # The few lines with a year in them, which both the slash order and the scan look at.
    # Neither looks at a paragraph (the slash order skips lines of more than twice
    # MAX_BYLINE_CHARS, the scan lines of more than MAX_BYLINE_CHARS once stripped), so
    # paragraphs are not searched for a year. (This, and counting a line's words only as far
    # as a test needs in `_is_prose` and `_line_matching_hint`, took 2% off the time of
    # cleaning a held-out HTML page; interleaved A/B, same metadata on all dev pages.)
    # (`may_contain_date`'s first test written out: most lines fail it, without a call.)
    dated = {
        i
        for i, line in enumerate(lines)
        if ("20" in line or "19" in line)
        and (len(line) <= 2 * MAX_BYLINE_CHARS or len(line.strip()) <= MAX_BYLINE_CHARS)
        and may_contain_date(line)
    }
    scan = _scan(lines, _today(now), guess_slash_order(lines, dated=dated), dated)
    byline = _choose_byline(scan, lines, headline)
    # An author box sits after the article: neither its date nor its headline is near it.
    anchor = (
        byline.indices[-1]
        if byline
        and byline.source != "box"
        and (byline.source != "photo" or _in_byline_zone(byline, scan, len(lines)))
        else None
    )
    chosen_date = _choose_date(byline, scan, anchor, len(lines), headline)
    metadata_lines = _metadata_lines(scan, byline, chosen_date, anchor)
    hint = title_hint or (title_hint_from_url(url) if url else None)
    if anchor is not None:
        headline_anchor: int | None = byline.indices[0] if byline else None
    elif chosen_date is not None:
        headline_anchor = chosen_date.index
    else:
        # No byline or date: the headline stands above the first paragraph (a product or
        # service page, a docs page). WCXB train text dumps: +30 titles (innertext) and +31
        # (lines), none lost, every site fold up.
        headline_anchor = scan.article_start
    opening = anchor is None and chosen_date is None
    title_index, anchored = _find_headline(lines, headline_anchor, hint, metadata_lines, opening)
    if url:
        named = _page_name_over(lines, title_index, url, metadata_lines)
        anchored = anchored and named == title_index
        title_index = named
    found_date = _date_value(byline, chosen_date) or _date_led(scan, lines)
    title = lines[title_index].strip() if title_index is not None else None
    return TextMetadata(
        title=_without_site_name(title, url) if title and url else title,
        # The line above the first paragraph is the title, but it stays in the body: a guess
        # from the first paragraph may be a subheading inside the article, and its line
        # dropped there would split the article (WCXB train, word F1 with the line dropped /
        # kept: innertext 0.7986 / 0.7988, lines 0.7931 / 0.7931, HTML 0.8653 / 0.8662;
        # 0.7982, 0.7927 and 0.8660 before the rule).
        title_index=None if opening and anchored else title_index,
        author=byline.byline.author if byline else _headline_name(lines, headline, scan),
        date=found_date,
        reading_time=_reading_time(byline, scan, anchor, lines),
        metadata_lines=metadata_lines,
        language=detect_language(_prose_sample(lines)) if with_language else None,
        fallback_date=_fallback_date(scan, lines, headline) if found_date is None else None,
        shown_days=frozenset(scan.shown_days),
        original_date=scan.original_date,
        other_readings=scan.other_readings,
        month_date=scan.month_lines[0] if len(scan.month_lines) == 1 else None,
    )


def _today(now: date | datetime | None) -> date:
    if now is None:
        return date.today()
    return now.date() if isinstance(now, datetime) else now


# -- scanning -----------------------------------------------------------------------------------


def _scan(lines: Sequence[str], now: date, order: SlashOrder | None, dated: set[int]) -> _Scan:
    bylines: list[_BylineHit] = []
    date_lines: list[_DateLine] = []
    reading_lines: list[int] = []
    labelled_dates: list[DateMatch] = []
    byline_dates: list[DateMatch] = []
    other_dates: list[tuple[int, DateMatch]] = []
    article_start: int | None = None
    taken: set[int] = set()
    shown_days: set[str] = set()
    original_date: str | None = None
    other_readings: dict[str, str] = {}
    month_lines: list[str] = []
    n_lines = len(lines)
    for i, raw in enumerate(lines):
        if i in taken:
            continue
        line = raw.strip()
        if not line:
            continue
        if len(line) > MAX_BYLINE_CHARS:
            if article_start is None and _is_prose(line):
                article_start = i
            continue
        # Most lines fail all three cheap tests and cost a few microseconds.
        folded = line.casefold()
        dates = find_dates(line, now=now, slash_order=order) if i in dated else []
        if dates:
            shown_days.update(found.value[:10] for found in dates)
            if original_date is None:
                original_date = _original_date(line, dates)
            _add_other_readings(line, dates, other_readings)
        if dates or may_be_byline(line, folded):
            hit = _byline_at(lines, i, line, dates, now, order)
            if hit is not None:
                bylines.append(hit)
                taken.update(hit.indices)
                continue
        # A photo's alt text holds the name on the next line: that test first, as it fails
        # on more lines, and faster, than looking for the alt text's words.
        if (
            not dates
            and i + 1 < n_lines
            and (name_line := lines[i + 1])
            and len(name_line) < len(line) <= PHOTO_ALT_MAX_CHARS
            and name_line in line
        ):
            hit = _photo_hit(lines, i, line)
            if hit is not None:
                bylines.append(hit)
                taken.update(hit.indices)
                continue
        date_line = _date_line(line, i, dates, _label_above(lines, i)) if dates else None
        if date_line is not None:
            date_lines.append(date_line)
            continue
        if dates:
            if _PUBLISHED.search(line, 0, dates[0].start):
                labelled_dates.append(dates[0])
            elif _BY_LEAD.search(line, 0, dates[0].start):
                byline_dates.append(dates[0])
            other_dates.append((i, dates[0]))
        elif i in dated and (month := _month_line(line, now)) is not None:
            month_lines.append(month)
            continue
        if may_hold_reading_time(line, folded) and is_reading_time_line(line, folded=folded):
            reading_lines.append(i)
        elif article_start is None and _is_prose(line):
            article_start = i
    bylines.extend(_lone_names(lines, date_lines, taken))
    bylines.sort(key=lambda hit: hit.indices[0])
    shown_days.update(hit.byline.date[:10] for hit in bylines if hit.byline.date)
    return _Scan(
        bylines,
        date_lines,
        reading_lines,
        article_start,
        labelled_dates,
        byline_dates,
        shown_days,
        original_date,
        other_dates,
        other_readings,
        month_lines,
    )


# A month and a year with nothing between them but a dot or a comma: "November 2015", "Nov.
# 2003", "December, 2025".
_MONTH_YEAR = regex.compile(
    r"(?<![\p{L}\d])(?P<month>\p{L}{3,12})\.?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)"
)


def _month_line(line: str, now: date) -> str | None:
    """The month ("YYYY-MM") of a line that is nothing but a month, a year and metadata words
    ("November 2015", "Date: Nov 2003"), or None.

    A page dated only to the month says so this way, and the WCXB gold then gives the month
    ("2015-11"). Train split: 2 pages are so dated, both mended (HTML and text dumps), and no
    other page with a gold date has a lone month line without a full date to prefer."""
    found = _MONTH_YEAR.search(line)
    if found is None:
        return None
    month = MONTHS.get(found["month"].casefold())
    year = int(found["year"])
    if (
        month is None
        or not EARLIEST_YEAR <= year <= now.year
        or (year, month) > (now.year, now.month)
    ):
        return None
    if count_other_words(f"{line[: found.start()]} {line[found.end() :]}"):
        return None
    return f"{year:04d}-{month:02d}"


def _byline_at(
    lines: Sequence[str],
    i: int,
    line: str,
    dates: list[DateMatch],
    now: date,
    order: SlashOrder | None,
) -> _BylineHit | None:
    byline = parse_byline(line, now=now, slash_order=order, dates=dates)
    if (
        byline is None
        and not dates
        and line[:11].casefold().startswith(_BY_OPENINGS)
        and _date_beside(lines, i, now, order)
    ):
        byline = parse_byline(line, now=now, slash_order=order, dates=dates, date_beside=True)
    if byline is not None:
        return _BylineHit(byline, (i,), "line")
    if is_byline_prefix(line):
        # "By" / "Written by" / "About the author" on a line of its own, the names on the next.
        j = _next_nonempty(lines, i)
        if j is not None:
            byline = parse_byline_pair(line, lines[j], now=now, slash_order=order)
            if byline is not None:
                return _BylineHit(byline, (i, j), "box" if is_author_box_heading(line) else "pair")
    return None


PHOTO_ALT_MAX_CHARS = 100
"""A photo's alt text longer than this is a caption, not an author card's."""


def _photo_hit(lines: Sequence[str], i: int, line: str) -> _BylineHit | None:
    """A person's photo and name: the photo's alt text ("Picture of Jane Doe", "Jane Doe's
    avatar") on one line and the name alone on the next: an author card, read as a lone name."""
    name = photo_name(line, lines[i + 1])
    if name is None:
        return None
    return _BylineHit(Byline(name, (name,), "name-date"), (i, i + 1), "photo")


DATE_BESIDE_BY = 2
"""A "by" and a user name or a single word ("by jdoe", "By Rabbids") is a byline when a line
this many lines above or below it holds a date (forums, blogs: "by jdoe" / "18th Dec 2025").
WCXB train innertext dumps, authors right with 0 / 1 / 2 lines: 339 / 343 / 344 of 590, with
one more wrong (a "Written by" user name above the author box's full name) and one more
value on a page without a gold author ("By uclahealth")."""


_BY_OPENINGS = ("by ", "by:", "written by", "posted by")


def _date_beside(lines: Sequence[str], i: int, now: date, order: SlashOrder | None) -> bool:
    for j in range(max(0, i - DATE_BESIDE_BY), min(len(lines), i + DATE_BESIDE_BY + 1)):
        if (
            j != i
            and len(lines[j]) <= MAX_BYLINE_CHARS
            and may_contain_date(lines[j])
            and find_dates(lines[j], now=now, slash_order=order)
        ):
            return True
    return False


def _lone_names(
    lines: Sequence[str], date_lines: list[_DateLine], taken: set[int]
) -> list[_BylineHit]:
    """Names standing alone beside a date line ("Jane Doe" / "March 3, 2025")."""
    found: dict[int, _BylineHit] = {}
    for date_line in date_lines:
        d = date_line.index
        for i in (d - 1, d + 1, d - 2, d + 2):
            if i in found or i in taken or not 0 <= i < len(lines):
                continue
            name = parse_name_line(lines[i])
            if name is not None:
                byline = Byline(name, (name,), "name-date", date_line.match.value)
                found[i] = _BylineHit(byline, (i,), "name")
                break
    return list(found.values())


def _date_line(line: str, i: int, dates: list[DateMatch], above: str) -> _DateLine | None:
    masked = _mask_dates(line, dates)
    reading = find_reading_time(masked)
    if reading is not None:
        masked = f"{masked[: reading.start]} {READING_MARK} {masked[reading.end :]}"
    others = count_other_words(masked)
    if (
        others > DATE_LINE_MAX_OTHER_WORDS
        and _others_without_aside(masked) > DATE_LINE_MAX_OTHER_WORDS
    ):
        return None
    label = line[: dates[0].start]
    if not label.strip():
        label = above  # the label on a line of its own: "Last updated:" / "July 16, 2025"
    return _DateLine(i, dates[0], bool(_UPDATED.search(label)), others == 0)


# A remark in brackets: "(This post was last modified: 2024-01-05 by jdoe. Edited 1 time.)".
_ASIDE = regex.compile(r"\([^()]*\)")


def _others_without_aside(masked: str) -> int:
    """The other words of a date line (`masked`: its dates masked) without the remarks in
    brackets after its first date: a forum post's "2019-02-23, 09:14 PM (This post was last
    modified: 2024-01-05, 03:27 AM by jdoe. Edited 1 time in total.)" dates the post. (Before
    the date, a bracket belongs to a title: "Testing Time (and other asynchronicities), 26
    August 2025" in a list of posts; counting those too changed a listing page's date.)
    WCXB train: one forum page's date mended (HTML and text dump), none lost."""
    before, mark, after = masked.partition(DATE_MARK)
    if "(" not in after:
        return count_other_words(masked)
    return count_other_words(f"{before}{mark}{_ASIDE.sub(' ', after)}")


LABEL_MAX_CHARS = 30
"""A line above a date line is read as its label ("Last updated:", "Updated on") only when
this short; longer lines are a headline or a byline, whose words say nothing about the date.
(WCXB train: 15, 30, 60 and 100 give the same dates; a label alone on its line mends one page
there and one text dump, and changes no other.)"""


def _label_above(lines: Sequence[str], i: int) -> str:
    above = lines[i - 1].strip() if i > 0 else ""
    return above if len(above) <= LABEL_MAX_CHARS else ""


# A byline's lead-in before a name, where the byline parser did not take the line: "by Jane
# Doe ● December 23, 2025 ● 6 min read", "Discussion in 'Help' started by jdoe, May 26, 2025."
_BY_LEAD = regex.compile(r"(?i)(?:^|(?<=\s)(?:started|posted|written)\s+)by\s+[\p{L}\p{N}]")
# A publication label ending just before a date: "Published: ", "Posted on the ", "Publié le ".
_PUBLISHED = regex.compile(
    r"(?i)(?<!\p{L})(?:published|posted|publié|publiée|veröffentlicht|publicado|publicada"
    r"|pubblicato|gepubliceerd|opublikowano|опубліковано|опубликовано)"
    r"(?:\s*[:\-–—]\s*|\s+(?:on|le|am|el|il|em|op|the|on the)\s+|\s+)$"
)
# What introduces the date a page was first published on, when it has been updated since.
# ("First published" is not one: a paper's page says its preprint was "first published" on a
# day before the paper's own.)
_ORIGINALLY = regex.compile(r"(?i)(?<!\p{L})originally\s+(?:published|posted)(?:\s+on)?\s*:?\s*$")
_UPDATED = regex.compile(
    r"(?i)(?:updated?|modified|edited|aktualisiert|mis à jour|modifié|actualizado|atualizado"
    r"|aggiornato|bijgewerkt|zaktualizowano|оновлено|обновлено)"
    r"(?:[^\p{L}]*|\s+(?:on|le|am|el|il|em|op|the|on the)\s*)$"
)
_SENTENCE_END = regex.compile(r"[.!?…»”\"')]\s")


# The fewest characters a line of PROSE_MIN_WORDS words can have: one a word, one between.
_PROSE_MIN_CHARS = 2 * PROSE_MIN_WORDS - 1


def _is_prose(line: str) -> bool:
    # A paragraph: many words and at least one sentence boundary or a final stop.
    if len(line) < _PROSE_MIN_CHARS:  # a cheap no for the many short lines
        return False
    # (Words counted no further than PROSE_MIN_WORDS: a paragraph's hundreds are not needed.)
    return len(line.split(None, PROSE_MIN_WORDS)) >= PROSE_MIN_WORDS and (
        line.rstrip().endswith((".", "!", "?", "…", "”", '"')) or bool(_SENTENCE_END.search(line))
    )


def _original_date(line: str, dates: list[DateMatch]) -> str | None:
    """The date of `line` that a first-publication label introduces, if any."""
    if "riginally" not in line and "RIGINALLY" not in line:  # a cheap no for most dated lines
        return None
    cursor = 0
    for found in dates:
        if _ORIGINALLY.search(line, cursor, found.start):
            return found.value
        cursor = found.end
    return None


# A numeric date with the year last, as the date reader reads it ("09.10.2024", "02/12/2025").
_NUMERIC_DAY_MONTH = regex.compile(r"(?<!\d)(\d{1,2})[./\-]\s?(\d{1,2})[./\-]\s?\d{4}")


def _add_other_readings(line: str, dates: list[DateMatch], readings: dict[str, str]) -> None:
    """Record the other reading of each date of `line` written as two numbers of 12 or less
    and a year: the order the reader chose (dotted dates day first, slashed ones by the
    page's other dates or its country) may be the wrong one on this page."""
    for found in dates:
        numeric = _NUMERIC_DAY_MONTH.search(line, found.start, found.end)
        if numeric is None:
            continue
        first, second = int(numeric[1]), int(numeric[2])
        if first != second and first <= 12 and second <= 12:
            day = found.value[:10]
            readings[day] = f"{day[:5]}{day[8:10]}-{day[5:7]}"


def _mask_dates(line: str, dates: list[DateMatch]) -> str:
    pieces: list[str] = []
    cursor = 0
    for found in dates:
        pieces.append(line[cursor : found.start])
        pieces.append(f" {DATE_MARK} ")
        cursor = found.end
    pieces.append(line[cursor:])
    return "".join(pieces)


def _next_nonempty(lines: Sequence[str], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 3)):
        if lines[j].strip():
            return j
    return None


# -- choosing -----------------------------------------------------------------------------------


def _listed(
    bylines: list[_BylineHit], headline: int | None = None, start: int | None = None
) -> set[int]:
    """Bylines that are items of a list (comments, teasers): LIST_MIN_ITEMS or more of the
    date-signed kinds, except one beside the `headline` line, which is the article's own
    ("Other posts" listed under it sign the same way). Their first index is returned."""
    signed = [h for h in bylines if h.byline.kind in ("name-date", "agency") or h.source == "name"]
    if len(signed) < LIST_MIN_ITEMS:
        return set()
    listed = {h.indices[0] for h in signed if not _beside_headline(h.indices[0], headline)}
    if start is not None:
        head = [h for h in signed if abs(h.indices[0] - start) <= LIST_CLEAR_LINES]
        if len(head) == 1:
            listed.discard(head[0].indices[0])
    return listed


def _beside_headline(index: int, headline: int | None) -> bool:
    return (
        headline is not None
        and -HEADLINE_DATE_BEFORE <= index - headline <= HEADLINE_DATE_AFTER
        and index != headline
    )


_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}'’\-]*")


class _LowerWords:
    """Whether a dump prints a word in lower case somewhere (a whole word of lower-case
    letters). Only a few words are ever asked about, so only the lines that hold each are
    read, not the whole dump."""

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = any(
                word in line and word in _LOWER_WORD.findall(line) for line in self._lines
            )
        return known


def _common_words_only(author: str, lower: _LowerWords) -> bool:
    """True when every word of the author also appears in lower case on the page: "Recent
    Posts", "Event Planning". Names of people are not written in lower case in running text."""
    words = [w.strip(".,'’-").casefold() for w in author.split()]
    return all(w in lower for w in words if w)


def _in_byline_zone(hit: _BylineHit, scan: _Scan, n_lines: int) -> bool:
    index = hit.indices[0]
    if scan.article_start is None:
        return index < n_lines * TOP_SHARE
    return (
        scan.article_start - BYLINE_ZONE_BEFORE <= index <= scan.article_start + BYLINE_ZONE_AFTER
    )


def _is_weak(hit: _BylineHit) -> bool:
    # A line that says "by" is strong evidence; a name found only by its shape or position
    # next to a date, or under a bare label, is not.
    return (
        hit.source in ("name", "box", "photo")
        or hit.byline.kind == "name-date"
        or (hit.source == "pair" and hit.byline.kind == "label")
    )


def _choose_byline(
    scan: _Scan, lines: Sequence[str], headline: int | None = None
) -> _BylineHit | None:
    listed = _listed(scan.bylines, headline, scan.article_start)
    lower = _LowerWords(lines)
    candidates = [
        h
        for h in scan.bylines
        if h.indices[0] not in listed
        and not (_is_weak(h) and _common_words_only(h.byline.author, lower))
        and (h.source != "name" or _in_byline_zone(h, scan, len(lines)))
    ]
    if not candidates:
        return None
    start = scan.article_start
    if start is not None:
        zone = [
            h
            for h in candidates
            if start - BYLINE_ZONE_BEFORE <= h.indices[0] <= start + BYLINE_ZONE_AFTER
        ]
        for sources in (("line", "pair"), ("name", "photo")):
            near = [h for h in zone if h.source in sources]
            if near:
                # A thread's dated post headers: the first is the opening post's.
                posts = [h for h in near if h.byline.kind in ("by", "post") and h.byline.date]
                if len(posts) > 1 and len({h.byline.author for h in posts}) > 1:
                    return posts[0]
                return min(near, key=lambda h: abs(h.indices[0] - start))
    tiers: tuple[tuple[BylineSource, ...], ...] = (
        ("line", "pair"),
        ("box",),
        ("photo",),
        ("name",),
    )
    for tier in tiers:
        ranked = [h for h in candidates if h.source in tier]
        # (An author card below the article stands alone; several are a list of people.)
        if ranked and (tier != ("photo",) or len(ranked) == 1):
            return ranked[0]
    return None


HEADLINE_NAME_AFTER = 2
"""Lines under the known headline searched for a name alone on its line when the page has no
byline ("Lisa Pham", "Rachel MacDonald" / "Writer", "Podium Staff"): sites that print the
author under the `<h1>` without a "By". Only on a dated article: a line with a date must
stand beside the headline (`HEADLINE_DATE_BEFORE` above it to `HEADLINE_DATE_AFTER` below
the searched lines), as a product or category page prints its range under its `<h1>` in the
same shape ("Electric Guitar", "Sports Bras"). WCXB train split (HTML): authors 464 -> 472
of 590 (site folds +3 +0 +3 +1 +1), none lost; it names an author on 4 of the 628 pages
without a gold author (58 without the date test, which mended 475); 1 line mends 4 fewer, 3
and 4 the same. Text dumps know no headline line."""


MAX_NAME_LINE_CHARS = 80
"""A line longer than this under the headline is a deck or a paragraph, not a name."""


def _headline_name(lines: Sequence[str], headline: int | None, scan: _Scan) -> str | None:
    """The author named alone on a line just under the `headline` line, read as if a "By"
    led it (so a name of one word, or a sentence, is not taken), when its words are not
    words the page also writes in lower case (a deck such as "Recent Posts") and a date
    stands beside the headline (`HEADLINE_NAME_AFTER`)."""
    if headline is None or not _dated_beside(scan, headline):
        return None
    lower = _LowerWords(lines)
    for j in range(headline + 1, min(len(lines), headline + 1 + HEADLINE_NAME_AFTER)):
        line = lines[j].strip()
        if not line or len(line) > MAX_NAME_LINE_CHARS:
            continue
        found = parse_byline_pair("By", line)
        if found is not None and found.kind == "by" and not _common_words_only(found.author, lower):
            return found.author
    return None


def _dated_beside(scan: _Scan, headline: int) -> bool:
    first = headline - HEADLINE_DATE_BEFORE
    last = headline + HEADLINE_NAME_AFTER + HEADLINE_DATE_AFTER
    indices = [d.index for d in scan.date_lines]
    indices.extend(i for i, _ in scan.other_dates)
    indices.extend(h.indices[0] for h in scan.bylines if h.byline.date)
    return any(first <= i <= last for i in indices)


def _choose_date(
    byline: _BylineHit | None,
    scan: _Scan,
    anchor: int | None,
    n_lines: int,
    headline: int | None = None,
) -> _DateLine | None:
    if byline is not None and byline.byline.date is not None:
        return None  # the byline's own date wins; no separate line is needed
    date_lines = scan.date_lines
    if anchor is not None:
        near = [d for d in date_lines if abs(d.index - anchor) <= DATE_NEAR_BYLINE]
        if near:
            return min(near, key=lambda d: (d.updated, abs(d.index - anchor), d.index))
    start = scan.article_start
    if start is not None:
        before = [d for d in date_lines if start - DATE_ZONE_BEFORE <= d.index <= start]
        if before:
            return max(before, key=lambda d: (not d.updated, d.index))
        after = [d for d in date_lines if start < d.index <= start + DATE_ZONE_AFTER]
        if after:
            return min(after, key=lambda d: (d.updated, d.index))
    if headline is not None:
        # The first paragraph was not near a date line: one beside the headline is the
        # article's (a menu may hold the first paragraph-like line, far above the article).
        # (Tried before the first-paragraph zone as well: the same dates on the train split,
        # but on two forum pages a "Start date" line took the date from a pure date line,
        # which then stayed in the body.)
        beside = [d for d in date_lines if _beside_headline(d.index, headline)]
        if beside:
            return min(beside, key=lambda d: (d.updated, abs(d.index - headline), d.index))
    top = [d for d in date_lines if d.index < max(1, n_lines * TOP_SHARE)]
    if not top:
        return None
    published = [d for d in top if not d.updated]
    return (published or top)[0]


def _lone_date(scan: _Scan) -> str | None:
    """The date of the page's only line that a byline's lead-in opens without being read as a
    byline ("by Jane Doe ● December 23, 2025", "Discussion in 'Help' started by jdoe, May 26,
    2025."): the byline the parser missed, so before the date lines below (on the WCXB train
    split it mends two pages and changes no other). Else the date of the page's only line that
    is nothing but a date ("Posted on April 13, 2023",
    "Last updated: November 13, 2025"), wherever it stands; None when there are several (a
    list of dated teasers, comments) or none. Else the date of the page's only line that
    labels a date as the publication among other words ("Jane Doe Published: April 13, 2023 |
    Travel")."""
    if len(scan.byline_dates) == 1:
        return scan.byline_dates[0].value
    pure = [d for d in scan.date_lines if d.pure]
    if pure:
        return pure[0].match.value if len(pure) == 1 else None
    labelled = scan.labelled_dates
    return labelled[0].value if len(labelled) == 1 else None


def _fallback_date(scan: _Scan, lines: Sequence[str], headline: int | None) -> str | None:
    """When no date was chosen: `_lone_date`, else the date of a short line just below the
    `headline` line that is neither a byline nor a date line (`HEADLINE_NOTE_MAX_WORDS`)."""
    lone = _lone_date(scan)
    if lone is not None or headline is None:
        return lone
    for i, found in scan.other_dates:
        if 0 < i - headline <= HEADLINE_DATE_AFTER:
            line = lines[i]
            if len(line.split()) <= HEADLINE_NOTE_MAX_WORDS and not _SENTENCE_END.search(line):
                return found.value
    return None


def _date_led(scan: _Scan, lines: Sequence[str]) -> str | None:
    """The date opening the first line that holds one among other words ("March 20, 2023 |
    Wellness & Prevention", "Essay - Published: 2025.12.17 | essay | programming |"), when that
    line stands in the top half of the dump, is short (`HEADLINE_NOTE_MAX_WORDS`) and is not a
    sentence: a date line with too many other words to be one. Only the first such line: a
    later one is as likely a teaser's.

    WCXB train text dumps (innertext / lines): +8 / +8 dates right (site folds +3 +0 +1 +3
    +1), +1 / +2 wrong (a page printing its update date before its publication date, and a
    related story's date); a value on 2 more of the 595 pages without a gold date. Taking
    the first date-led line rather than only the first dated one gives the same gains and
    one more wrong date. HTML unchanged (579 of 623): there the declarations come first."""
    if not scan.other_dates:
        return None
    i, found = scan.other_dates[0]
    if i >= len(lines) * TOP_SHARE:
        return None
    line = lines[i].strip()
    lead = line[: found.start]
    if lead.strip() and not _PUBLISHED.search(lead):
        return None
    if len(line.split()) > HEADLINE_NOTE_MAX_WORDS or _SENTENCE_END.search(line):
        return None
    return found.value


def _date_value(byline: _BylineHit | None, chosen: _DateLine | None) -> str | None:
    if byline is not None and byline.byline.date is not None:
        return byline.byline.date
    return chosen.match.value if chosen else None


def _reading_time(
    byline: _BylineHit | None, scan: _Scan, anchor: int | None, lines: Sequence[str]
) -> int | None:
    if byline is not None and byline.byline.reading_time is not None:
        return byline.byline.reading_time
    index = _article_reading_line(scan, anchor)
    if index is None:
        return None
    found = find_reading_time(lines[index])
    return found.minutes if found else None


def _article_reading_line(scan: _Scan, anchor: int | None) -> int | None:
    """The reading-time line beside the byline, or the page's only one when there is no byline
    (several without a byline are teaser cards)."""
    if anchor is not None:
        beside = [i for i in scan.reading_lines if abs(i - anchor) <= DATE_NEAR_BYLINE]
        return beside[0] if beside else None
    return scan.reading_lines[0] if len(scan.reading_lines) == 1 else None


def _metadata_lines(
    scan: _Scan, chosen: _BylineHit | None, chosen_date: _DateLine | None, anchor: int | None
) -> dict[int, str]:
    """The lines that carry the article's own metadata and nothing else.

    Only the article's: the chosen byline and other bylines of the same author (an author box),
    the chosen date line and pure date and reading-time lines beside the byline. Bylines and
    dates elsewhere belong to teasers, list items and forum posts, which are content on
    listing and forum pages (wcxb-dev gold bodies keep them).
    """
    found: dict[int, str] = {}
    # (A forum post's header stays: forum pages' gold bodies keep them. WCXB train, HTML: word
    # F1 of 8 forum pages 0.001 to 0.007 lower with them dropped.)
    if chosen is not None and chosen.byline.kind != "post":
        found.update(dict.fromkeys(chosen.indices, REASON_BYLINE))
        author = chosen.byline.author.casefold()
        same = [h for h in scan.bylines if h is not chosen and h.byline.author.casefold() == author]
        if len(same) == 1:  # the author box; more are the author's other articles in a list
            found.update(dict.fromkeys(same[0].indices, REASON_BYLINE))
    for date_line in scan.date_lines:
        beside = anchor is not None and abs(date_line.index - anchor) <= DATE_NEAR_BYLINE
        if date_line.pure and (beside or date_line is chosen_date):
            found.setdefault(date_line.index, REASON_DATE)
    reading = _article_reading_line(scan, anchor)
    if reading is not None:
        found.setdefault(reading, REASON_READING)
    return dict(sorted(found.items()))


# -- slash order --------------------------------------------------------------------------------

_SLASH_DATE = regex.compile(r"(?<![\d/])(\d{1,2})[/\-](\d{1,2})[/\-](?:19|20)\d\d(?!\d)")
# Signs of a US page: a US time zone, or a month written before the day ("February 27, 2025").
_US_CUES = regex.compile(
    r"(?<!\p{L})(?:E[SD]?T|C[SD]T|P[SD]?T|M[SD]T)(?!\p{L})"
    r"|(?i:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s\d{1,2},\s(?:19|20)\d\d"
)


def guess_slash_order(
    lines: Sequence[str], *, dated: Collection[int] | None = None
) -> SlashOrder | None:
    """Month-first or day-first for the page's ambiguous slash dates ("03/04/2025").

    The rule: dates on the same page whose values settle the order ("27/02/2025") decide by
    majority; failing that, a US-looking page (a US time zone, or a month written before the
    day) reads month first; otherwise the order stays unknown and such dates are skipped.
    `dated`, when the caller has it, lists the lines for which `may_contain_date` is true.
    """
    votes: Counter[SlashOrder] = Counter()
    us_cue = False
    if dated is None:
        dated = [i for i, line in enumerate(lines) if may_contain_date(line)]
    for i in dated:  # the outcome does not depend on the order
        line = lines[i]
        if len(line) > 2 * MAX_BYLINE_CHARS:
            continue
        # (Each pattern only where the characters it cannot match without are: a slash date
        # has a "/" or "-", a time zone a capital "T", a month-first date a comma. Most date
        # lines then search for neither: 0.79 of the time, interleaved A/B on 300 dumps.)
        if "/" in line or "-" in line:
            for first, second in _SLASH_DATE.findall(line):
                a, b = int(first), int(second)
                if a > 12 >= b:
                    votes["dmy"] += 1
                elif b > 12 >= a:
                    votes["mdy"] += 1
        if not us_cue and ("T" in line or "," in line):
            us_cue = bool(_US_CUES.search(line))
    if votes:
        return "mdy" if votes["mdy"] >= votes["dmy"] else "dmy"
    return "mdy" if us_cue else None


# -- headline -----------------------------------------------------------------------------------

_HEADLINE_END_BAD = regex.compile(r"[.:;,…]\s*$|\.\.\.\s*$")
_HAS_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
# Lines shaped like a headline that are not: image alt text and credits, tables of contents.
_ANY_DIGIT = regex.compile(r"\d")
_NOT_HEADLINE = regex.compile(
    r"(?i)^(?:(?:profile\s+)?(?:picture|photo|image|headshot|portrait|avatar)\s+of\b"
    r"|(?:photo|image|credit|source|caption)s?\s*:|table\s+of\s+contents"
    r"|(?:by|written\s+by|posted\s+by|edited\s+by|reviewed\s+by)\b)"
    r"|\b(?:logo|photo|image|icon|avatar|profile|headshot|thumbnail)$"
)


def is_heading_like(line: str, *, name_ok: bool = False) -> bool:
    """A line shaped like a headline: 3-25 words, letters, no sentence-ending period.

    A line that reads as a person's name is not, unless `name_ok`: a line holding the URL
    slug's words is taken even so, as products are named like people ("Iris Rust Hemp Dress",
    "Crocs Classic Clogs"; WCXB train text dumps: +17 titles, 1 lost, on both styles)."""
    text = line.strip()
    words = text.split()
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    if _HEADLINE_END_BAD.search(text) or not _HAS_LETTER.search(text):
        return False
    if text.startswith(("©", "*", "•", "-", "|")) or _NOT_HEADLINE.search(text):
        return False
    if _ANY_DIGIT.search(text) and is_meta_only(_mask_dates(text, find_dates(text))):
        return False  # "Posted: 2 days ago Last Modified: 2 days ago"
    # A person's name, with or without a role ("Dylan Bailey, MS, RD"), sits beside headlines.
    return name_ok or parse_name_line(text.split(",")[0]) is None


def find_headline(
    lines: Sequence[str],
    byline_index: int | None,
    title_hint: str | None = None,
    *,
    skip: dict[int, str] | None = None,
    opening: bool = False,
) -> int | None:
    """The index of the headline line, or None.

    With `title_hint` (e.g. words of the URL slug) the line containing most of its words wins
    (a person's name too: a product named "Iris Rust Hemp Dress" reads as one), unless the
    anchored headline comes before it and holds half the hint's words
    (HEADLINE_ANCHOR_HINT_SHARE). The anchored headline is the nearest heading-like line above
    `byline_index` (the byline, a date line, or the first paragraph), skipping teasers,
    captions and metadata, or just below it when nothing above qualifies; a line of
    HEADLINE_GOOD_WORDS or more is preferred to a nearer shorter one. A line found that ends
    with the text of one of the next lines (a breadcrumb) gives way to that line
    (HEADLINE_WITHIN_AFTER). Lines in `skip` (known metadata) are never the headline. With
    `opening`, `byline_index` is the first paragraph (see `_anchored_headline`).
    """
    return _find_headline(lines, byline_index, title_hint, skip or {}, opening)[0]


def _find_headline(
    lines: Sequence[str],
    byline_index: int | None,
    title_hint: str | None,
    skip: dict[int, str],
    opening: bool,
) -> tuple[int | None, bool]:
    """`find_headline`, and whether the line was found from the anchor rather than the hint."""
    hinted = _line_matching_hint(lines, title_hint, skip) if title_hint else None
    # (The anchored line matters only where it may come before the hint's: not searched for
    # when the hint's line is above every line it could be.)
    anchored = (
        _anchored_headline(lines, byline_index, skip, opening)
        if byline_index is not None
        and (hinted is None or hinted >= byline_index - HEADLINE_LOOKBACK)
        else None
    )
    if hinted is None or (
        anchored is not None
        and anchored < hinted
        and title_hint is not None
        and _hint_share(lines[anchored], title_hint) >= HEADLINE_ANCHOR_HINT_SHARE
    ):
        found = anchored
    else:
        found = hinted
    if found is None:
        return None, False
    return _after_breadcrumb(lines, found, skip), found == anchored


def _hint_share(line: str, hint: str) -> float:
    wanted = _word_set(hint)
    return len(wanted & _word_set(line)) / len(wanted) if wanted else 0.0


def _word_set(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _anchored_headline(
    lines: Sequence[str], anchor: int, skip: dict[int, str], opening: bool
) -> int | None:
    """The nearest heading-like line above `anchor`, else just below it (see `find_headline`).
    When `anchor` is the first paragraph (`opening`), only above it: a heading below the first
    paragraph is a subheading (WCXB train text dumps: +4 titles on innertext, +3 on lines,
    none lost, against looking below it too)."""
    above = range(anchor - 1, max(-1, anchor - 1 - HEADLINE_LOOKBACK), -1)
    below = range(anchor + 1, min(len(lines), anchor + 1 + HEADLINE_LOOKAHEAD))
    for min_words in (HEADLINE_GOOD_WORDS, HEADLINE_MIN_WORDS):
        for candidates in (above,) if opening else (above, below):
            for i in candidates:
                if (
                    i not in skip
                    and len(lines[i].split()) >= min_words
                    and is_heading_like(lines[i])
                ):
                    return i
    return None


def _after_breadcrumb(lines: Sequence[str], index: int, skip: dict[int, str]) -> int:
    """The line after `index` whose whole text ends `index`'s, else `index`
    (HEADLINE_WITHIN_AFTER)."""
    line = lines[index].strip().casefold()
    for j in range(index + 1, min(len(lines), index + 1 + HEADLINE_WITHIN_AFTER)):
        other = lines[j].strip().casefold()
        if (
            j not in skip
            and len(other) < len(line)
            and line.endswith(other)
            and len(other.split()) >= HEADLINE_MIN_WORDS
        ):
            return j
    return index


# Compiled once: `regex.sub(pattern, ...)` looks the pattern up in the module's cache on every
# call, about 9 us each, more than the work itself.
_PAGE_SUFFIX = regex.compile(r"\.(?:html?|php|aspx?)$")
_SLUG_SEPARATORS = regex.compile(r"[-_+]+")


def title_hint_from_url(url: str) -> str | None:
    """The words of a URL's last path segment when it is a slug ("russia-us-talks-istanbul")."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    for segment in reversed(segments):
        stem = _PAGE_SUFFIX.sub("", unquote(segment))
        words = [w for w in _SLUG_SEPARATORS.split(stem) if w and not w.isdigit()]
        if len(words) >= HEADLINE_MIN_WORDS:
            return " ".join(words)
    return None


_SITE_SEPARATOR = regex.compile(r"\s+[|–—·»-]\s+")
_NOT_LETTERS = regex.compile(r"[^\p{L}\p{N}]+")


def _without_site_name(title: str, url: str) -> str:
    """ "Headline | Site Name" -> "Headline" when the last part names the page's host
    (SITE_NAME_MAX_WORDS): a text dump keeps the site's name its headline line was printed with."""
    separators = list(_SITE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last = separators[-1]
    suffix = title[last.end() :]
    name = _NOT_LETTERS.sub("", suffix.casefold())
    if not name or len(suffix.split()) > SITE_NAME_MAX_WORDS:
        return title
    labels = (urlsplit(url).hostname or "").casefold().removeprefix("www.").split(".")
    if len(labels) < 2:
        return title
    host = _NOT_LETTERS.sub("", "".join(labels[:-1]))
    domain = _NOT_LETTERS.sub("", labels[-2])
    if name in host or (len(domain) >= SITE_DOMAIN_MIN_CHARS and name.startswith(domain)):
        return title[: last.start()]
    return title


def _short_slug(url: str) -> set[str] | None:
    """The words of the URL's last path segment when it has one or two and no digit ("/kayaks",
    "/collections/water-bottles"): a page's name rather than an article's slug (an id such
    as "B0D1PC8551" is neither)."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return None
    stem = _PAGE_SUFFIX.sub("", unquote(segments[-1]))
    if _ANY_DIGIT.search(stem):
        return None
    words = [w for w in _SLUG_SEPARATORS.split(stem) if w]
    if not 1 <= len(words) < HEADLINE_MIN_WORDS:
        return None
    return _word_set(" ".join(words)) or None


def _page_name_over(
    lines: Sequence[str], found: int | None, url: str, skip: dict[int, str]
) -> int | None:
    """The first line that is nothing but the words of a short URL slug (`_short_slug`: a
    category, product or docs page named "Running Shoes" at /running-shoes), in place of the
    headline `found` unless that holds all the slug's words ("Hire Movers in Jackson, NJ" at
    /jackson_nj). Such names are shorter than any headline `find_headline` accepts: 12% of the
    gold titles. WCXB train text dumps: +71 titles, 4 lost, on both styles (with the headline
    kept whenever one was found: +13, none lost)."""
    wanted = _short_slug(url)
    if wanted is None or (found is not None and wanted <= _word_set(lines[found])):
        return found
    # (A line without the slug's longest word in its text is passed over before its words
    # are counted: most lines of a page.)
    key = max(wanted, key=len)
    for i, line in enumerate(lines):
        if (
            line
            and len(line) <= PAGE_NAME_MAX_CHARS
            and key in line.casefold()
            and i not in skip
            and len(line.split()) < HEADLINE_MIN_WORDS
            and _word_set(line) == wanted
        ):
            return i
    return found


def _line_matching_hint(lines: Sequence[str], hint: str, skip: dict[int, str]) -> int | None:
    wanted = _word_set(hint)
    if not wanted:
        return None
    best, best_score = None, TITLE_HINT_MIN_OVERLAP
    for i, line in enumerate(lines):
        # (A third of the lines are blank: the dropped regions'. Those, and the lines in
        # `skip`, are passed over before their words are counted.)
        if not line or i in skip:
            continue
        # (Split no further than the longest headline: a paragraph's hundreds of words are
        # not counted to learn that it has too many.)
        words = len(line.split(None, HEADLINE_MAX_WORDS))
        if not HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS:
            continue
        # A word of the hint that the line has is somewhere in its text: counting those
        # bounds the score from above, and spares most lines the word split.
        bound = sum(map(line.casefold().__contains__, wanted)) / len(wanted)
        if bound < best_score or (bound == best_score and best is not None):
            continue
        have = _word_set(line)
        score = len(wanted & have) / len(wanted)
        # The shape test is the dearer one: only for a line that would win.
        if (score > best_score or (score == best_score and best is None)) and is_heading_like(
            line, name_ok=True
        ):
            best, best_score = i, score
    return best


# -- language -----------------------------------------------------------------------------------


def _prose_sample(lines: Sequence[str]) -> str:
    picked: list[str] = []
    size = 0
    for line in lines:
        if len(line.split()) >= LANGUAGE_MIN_LINE_WORDS:
            picked.append(line)
            size += len(line)
            if size >= LANGUAGE_SAMPLE_CHARS:
                break
    return "\n".join(picked)
