"""Metadata an HTML page declares about itself: JSON-LD, OpenGraph, `<meta>` names, `<title>`.

A publisher states its headline, authors and dates in markup meant for search engines and
social networks; where it does, that beats reading them off the visible text. The sources, in
the order they are trusted:

1. JSON-LD (`<script type="application/ld+json">`): the first object of an article type
   (Article, NewsArticle, BlogPosting, ...) anywhere in the page's objects and `@graph`s,
   for headline, author, datePublished, publisher and description;
2. OpenGraph and article properties (`og:title`, `og:site_name`, `article:published_time`);
3. `<meta name>` conventions (`author`, `date`, `dc.date`, `citation_*`, `parsely-*`, ...);
4. the `<title>` element, without the site name sites append to it ("Headline | Site");
5. for dates and authors, visible markup: microdata (`itemprop="datePublished"`, else
   `"dateCreated"`, `itemprop="author"`), the article's first `<time datetime>`, a
   `rel="author"` link. On the WCXB train split these lifted the date match rate from 0.822
   to 0.839 (0.841 when a `<time>` anywhere counts; only the article's is taken, as related
   stories carry theirs) and the author match rate from 0.698 to 0.763.

Values are cleaned (an author given as a profile URL is no name) and dates are read as ISO
8601 (a `<meta>` or `<time datetime>` date written in words, "July 17, 2025", is read as the
text's dates are; JSON-LD must be ISO, as schema.org asks) and kept only when plausible, by
the bounds the text's dates obey (`dates.EARLIEST_YEAR`, and not after the time of cleaning,
give or take `dates.FUTURE_TOLERANCE`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

# The benchmark's word F1 doubles as the test of whether an <h1> says what the declared title
# says: the measure the headline rule was calibrated with.
from cleaner.evaluate.scores import word_f1
from cleaner.metadata.dates import EARLIEST_YEAR, FUTURE_TOLERANCE, find_dates, may_contain_date

# JSON-LD types whose fields describe the page's main text.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "Blog",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "Recipe",
        "HowTo",
        "Review",
        "Product",
        "Event",
        "WebPage",
        "ItemPage",
        "AboutPage",
        "FAQPage",
        "QAPage",
        "CollectionPage",
    }
)
# The page-level types are a fallback: a site's generic WebPage object says less about the text
# than an Article object on the same page.
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage", "FAQPage", "QAPage", "CollectionPage"})

# `<meta>` keys (name or property, lower-cased) per field, most trusted first.
TITLE_KEYS = ("og:title", "twitter:title", "citation_title", "dc.title", "parsely-title")
AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "citation_author",
    "dc.creator",
    "sailthru.author",
    "byl",
    "twitter:creator",
)
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
# Publication-date names of <meta>, most used first. The last nine were found on the WCXB train
# pages (a few pages each); with them the train date matches rise 0.859 -> 0.860 ("datecreated"
# and "uploaddate" were tried too and changed nothing).
DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "article.published",
    "published",
    "published_at",
    "publish_time",
    "publisheddate",
    "published-date",
    "date-pub",
    "og:publish_date",
    "og:publication_time",
    "cxenseparse:publishtime",
)
SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
DESCRIPTION_KEYS = ("description", "og:description", "twitter:description")


HEADLINE_MIN_OVERLAP = 0.2
"""The page's first `<h1>` is its headline when its words overlap the declared title's at this
word F1 or more. On the WCXB train split title matches of the declared metadata alone rise
from 0.657 (the declared title, site name taken off) to 0.780 (0.779 end to end, with the text's
headline filling gaps); 0.1, 0.3 and 0.4 give 0.773, 0.775 and 0.761, and taking the `<h1>`
whatever it says 0.737."""
HEADLINE_MAX_WORDS = 30
"""A longer `<h1>` is a page that wraps its whole content in one, not a headline."""

_TITLE_SEPARATORS = regex.compile(r"\s+[|–—·:»/-]\s+|\s+[-–—]{1,2}\s+")
_PROFILE_URL = regex.compile(r"^(?:https?:)?//|^www\.|^@")
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class HeadMetadata:
    """What the page's markup declares; None where it declares nothing usable."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    description: str | None = None
    language: str | None = None
    url: str | None = None
    # A date to fall back on when neither the page's declarations above nor its text give one:
    # the last modification, or the first `<time datetime>` anywhere on the page. On the WCXB
    # train split date matches rise from 0.841 to 0.846 with it. (Reading declared dates that
    # are not ISO 8601, "July 17, 2025", as the text's dates was measured too: 0.003 lower.)
    fallback_date: str | None = None
    # The other publication dates the page declares when its declarations disagree (JSON-LD
    # says one day, a <meta> another): the caller prefers one of them to `date` when the
    # page's text shows it.
    other_dates: tuple[str, ...] = ()
    # Whether `date` is the datePublished of the page's JSON-LD (rather than a <meta>'s or the
    # visible markup's): the caller weighs it against the date the text shows.
    date_in_json_ld: bool = False


def extract_head_metadata(tree: LexborHTMLParser, *, now: datetime | None = None) -> HeadMetadata:
    """The metadata declared in `tree` (parse it before anything is removed from it)."""
    now = now or datetime.now(UTC)
    meta_attributes, ld_scripts, headings, markup = _head_nodes(tree)
    metas = _meta_values(meta_attributes)
    ld = _article_object(ld_scripts, metas)
    sitename = _text(_name_of(ld.get("publisher"))) or _first(metas, SITE_KEYS)
    if sitename and sitename.startswith("@"):
        sitename = None  # a Twitter handle, not a name
    title = _text(ld.get("headline") or ld.get("name")) or _first(metas, TITLE_KEYS)
    if title is None:
        node = tree.css_first("title")
        title = _text(node.text()) if node is not None else None
    ld_date = _plausible_date(ld.get("datePublished"), now) if "datePublished" in ld else None
    declared = _declared_dates(ld_date, ld, metas, now)
    return HeadMetadata(
        title=_page_headline(headings, _without_site_name(title, sitename) if title else None),
        author=_authors(ld.get("author"))
        or _author_from_metas(metas)
        or _markup_author(tree, markup),
        date=declared[0] if declared else _markup_date(tree, now, markup),
        sitename=sitename,
        description=_text(ld.get("description")) or _first(metas, DESCRIPTION_KEYS),
        language=_language(tree, metas),
        url=_canonical(tree) or metas.get("og:url"),
        fallback_date=_plausible_date(ld.get("dateModified"), now)
        or next((d for key in MODIFIED_KEYS if (d := _meta_date(metas.get(key), now))), None)
        or _first_time(tree, now, markup)
        or _attribute_date(tree, now),
        other_dates=_other_days(declared),
        date_in_json_ld=ld_date is not None,
    )


def _declared_dates(
    ld_date: str | None, ld: dict[str, Any], metas: dict[str, str], now: datetime
) -> list[str]:
    """The publication dates JSON-LD (its datePublished is `ld_date`) and `<meta>` declare,
    most trusted first."""
    found = [ld_date]
    found.extend(_meta_date(metas[key], now) for key in DATE_KEYS if key in metas)
    if "dateCreated" in ld:
        found.append(_plausible_date(ld["dateCreated"], now))
    return [d for d in found if d]


def _other_days(declared: list[str]) -> tuple[str, ...]:
    """The declared dates that fall on another day than the first one, once each."""
    if len(declared) < 2:
        return ()
    first = declared[0][:10]
    others: dict[str, None] = {}
    for value in declared[1:]:
        if value[:10] != first and not any(o.startswith(value[:10]) for o in others):
            others[value] = None
    return tuple(others)


# -- sources ------------------------------------------------------------------------------------


# What every page's metadata reads (`<meta content>`, JSON-LD scripts, `<h1>`), found in one
# selection and told apart by tag number: a selection walks the whole page in lexbor whatever
# it asks for. With one instead of three, reading a page's head metadata takes 0.88 of its
# time (interleaved A/B, 300 train pages; the same metadata on all 1,497 dev pages).
_HEAD_SELECTOR = 'meta[content], script[type="application/ld+json"], h1'
# The same selection also tells whether the page has any of the visible markup the fallbacks
# look for (`_markup_author`, `_markup_date`, `_first_time`): each is a walk of the whole page
# of its own, which most pages, having none of it, can skip. The attribute values are matched
# without regard to case here, so these find every element the exact selections would (and
# perhaps a few more, for which the exact selection is then run).
_MARKUP_SELECTOR = (
    '[itemprop="author" i], [itemprop="datePublished" i], [itemprop="dateCreated" i], '
    'a[rel~="author" i], time[datetime]'
)
# What `_head_nodes` reports of them: the microdata properties (lower-cased) and the marks.
_MARKUP_PROPS = {"author": "author", "datepublished": "date", "datecreated": "date"}
_REL_AUTHOR, _TIME_DATETIME = "rel", "time"
_NODES_SELECTOR = f"{_HEAD_SELECTOR}, {_MARKUP_SELECTOR}"
_Attributes = dict[str, str | None]  # an element's, as lexbor gives them


def _tag_number(name: str) -> int:
    return LexborHTMLParser("").create_node(name).tag_id


_META, _SCRIPT, _H1, _A, _TIME = (
    _tag_number(name) for name in ("meta", "script", "h1", "a", "time")
)


def _head_nodes(
    tree: LexborHTMLParser,
) -> tuple[list[_Attributes], list[LexborNode], list[LexborNode], frozenset[str]]:
    """What `tree.css` gives, in page order, for "meta[content]" (their attributes, which
    are read here anyway), for 'script[type="application/ld+json"]' and for "h1" (a test
    checks it); and which of the visible markup the fallbacks read the page may have
    (`_MARKUP_SELECTOR`): "author" and "date" for the microdata properties, "rel" for an
    author link, "time" for a `<time datetime>`. A mark left out means that the exact
    selection finds nothing, and the fallback does not walk the page to find out.

    (That took 1.7% off the time of cleaning a page, the fallbacks' selections having cost
    0.37 ms a page on average, run on about 60% of pages: interleaved A/B, 300 dev pages,
    five rounds 0.977 to 0.997, median 0.983; the same metadata on all 1,497 dev pages.
    Adding the date attributes of `_attribute_date` to the selection cost more than it saved:
    attribute names are the dearest terms of a selection.)
    """
    metas: list[_Attributes] = []
    scripts: list[LexborNode] = []
    headings: list[LexborNode] = []
    markup: set[str] = set()
    seen: set[int] = set()
    for node in tree.css(_NODES_SELECTOR):
        # lexbor gives an element once for each selector of the list that it matches.
        key = node.mem_id
        if key in seen:
            continue
        seen.add(key)
        tag_id = node.tag_id
        attributes = node.attributes
        prop = attributes.get("itemprop")
        if prop is not None and (mark := _MARKUP_PROPS.get(prop.lower())):
            markup.add(mark)
            # Found for its property: whether it is a head node too is asked of lexbor.
            if tag_id == _SCRIPT and not node.css_matches(_HEAD_SELECTOR):
                continue
        if tag_id == _META:
            if "content" in attributes:
                metas.append(attributes)
        elif tag_id == _SCRIPT:
            scripts.append(node)
        elif tag_id == _H1:
            headings.append(node)
        elif tag_id == _A:
            if "author" in (attributes.get("rel") or "").lower():
                markup.add(_REL_AUTHOR)
        elif tag_id == _TIME and "datetime" in attributes:
            markup.add(_TIME_DATETIME)
    return metas, scripts, headings, frozenset(markup)


def _meta_values(metas: list[_Attributes]) -> dict[str, str]:
    """`<meta>` contents by lower-cased name or property (`metas`: the attributes of the
    page's `<meta content>`); the first of each key wins."""
    values: dict[str, str] = {}
    for attributes in metas:
        content = (attributes.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (attributes.get(attribute) or "").strip().lower()
            if key and key not in values:
                values[key] = content
    return values


# A `<meta>` name some site frameworks give JSON-LD they put in the head as a meta tag instead of
# a script (one WCXB page of 1,497; it is that page's only date).
LD_META_KEY = "script:ld+json"


def _ld_texts(scripts: list[LexborNode], metas: dict[str, str]) -> Iterator[str]:
    for node in scripts:
        yield node.text(deep=True) or ""
    if LD_META_KEY in metas:
        yield metas[LD_META_KEY]


def _article_object(scripts: list[LexborNode], metas: dict[str, str]) -> dict[str, Any]:
    """The JSON-LD object that describes the page's text (`scripts`: the page's JSON-LD
    scripts): the first of an article type, else the first page-level object, else an empty
    dict."""
    fallback: dict[str, Any] = {}
    for text in _ld_texts(scripts, metas):
        try:
            # Not strict: raw line breaks and tabs inside strings, which JSON forbids, are
            # common in hand-templated JSON-LD, and browsers' and search engines' readers
            # accept them.
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other sources remain
        for obj in _objects(data):
            types = obj.get("@type")
            names = (
                {types}
                if isinstance(types, str)
                else {t for t in types or () if isinstance(t, str)}
            )
            if names & (ARTICLE_TYPES - _PAGE_TYPES):
                return obj
            if names & _PAGE_TYPES and not fallback:
                fallback = obj
    return fallback


def _objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON object of a JSON-LD document: top-level lists and `@graph` members, and
    the `mainEntity` a page object points to."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _objects(data[key], depth + 1)


def _first_time(tree: LexborHTMLParser, now: datetime, markup: frozenset[str]) -> str | None:
    """The first plausible `<time datetime>` of the page, wherever it stands (`markup`: what
    `_head_nodes` found of the markup read here)."""
    if _TIME_DATETIME not in markup:
        return None
    for node in tree.css("time[datetime]"):
        found = _element_date(node, node.attributes.get("datetime"), now)
        if found:
            return found
    return None


# Attributes in which a page's scripts keep the time its item was created or published, where
# no markup above dates it: a custom element's `created-timestamp` (a forum post), a
# container's `data-published`. Only ISO 8601 values count (an epoch number in a `data-time`
# is as often a comment's or a cache's).
DATE_ATTRIBUTES = ("created-timestamp", "data-published", "data-pubdate", "publishdate")
_DATE_ATTRIBUTE_SELECTOR = ", ".join(f"[{name}]" for name in DATE_ATTRIBUTES)


def _attribute_date(tree: LexborHTMLParser, now: datetime) -> str | None:
    """The first plausible date of a `DATE_ATTRIBUTES` attribute, wherever it stands: the
    last fallback of the markup. (WCXB train: 5 pages carry one with an ISO date, the gold
    day on all 5; it dates one page that had no date, mended, and changes no other.)"""
    for node in tree.css(_DATE_ATTRIBUTE_SELECTOR):
        attributes = node.attributes
        for name in DATE_ATTRIBUTES:
            found = _plausible_date(attributes.get(name), now)
            if found:
                return found
    return None


# Microdata properties that date the page's item, most trusted first. "dateCreated" dates a
# question on Q&A sites, whose answers are dated the same way further down; only the first
# counts (on the WCXB train split it mends two pages and changes no other).
MICRODATA_DATE_PROPS = ("datePublished", "dateCreated")


def _markup_date(tree: LexborHTMLParser, now: datetime, markup: frozenset[str]) -> str | None:
    """A date the visible markup states: microdata `datePublished` or `dateCreated`, else the
    first `<time datetime>` of the article (or the main content). (`markup`: what
    `_head_nodes` found of the markup read here.)"""
    for prop in MICRODATA_DATE_PROPS if "date" in markup else ():
        for node in tree.css(f'[itemprop="{prop}"]'):
            attributes = node.attributes
            value = attributes.get("datetime") or attributes.get("content")
            found = _plausible_date(value, now)
            if found:
                return _shown_local_day(node, value, found, now)
    # Only within the article: a `<time>` elsewhere may date a related story or a comment.
    if _TIME_DATETIME not in markup:
        return None
    scope = tree.css_first('article, main, [role="main"]')
    if scope is None:
        return None
    time = scope.css_first("time[datetime]")
    return _element_date(time, time.attributes.get("datetime"), now) if time is not None else None


def _element_date(node: LexborNode, value: str | None, now: datetime) -> str | None:
    """The date of a `<time datetime>` element (see `_shown_local_day`)."""
    found = _meta_date(value, now)
    return _shown_local_day(node, value, found, now) if found else None


_UTC_SUFFIX = regex.compile(r"(?:Z|[+\-]00:?00)$")


def _shown_local_day(node: LexborNode, value: str | None, found: str, now: datetime) -> str:
    """`found`, the date an element's attribute gives, unless the attribute is a UTC
    timestamp and the element's own text shows the day before or after it: the site renders
    the instant in its own time zone, and that day is the one its readers see.

    WCXB train: of the 5 pages with such an element, the shown day is the gold on 4 (the
    fifth's elements date forum replies, not the page); one page's date changes, mended. A
    timestamp with a non-zero offset is kept as written: on 4 forum pages whose `<time>`
    says -05:00 and shows the next day (the text rendered in the crawler's zone), the gold
    is the attribute's day."""
    if not value or not _UTC_SUFFIX.search(value.strip()):
        return found
    shown = _written_date(_SPACES.sub(" ", node.text(deep=True, separator=" ")).strip(), now)
    if shown is None or shown[:10] == found[:10]:
        return found
    gap = abs(date.fromisoformat(shown[:10]) - date.fromisoformat(found[:10])).days
    return shown if gap == 1 else found


def _markup_author(tree: LexborHTMLParser, markup: frozenset[str]) -> str | None:
    """An author the visible markup names: microdata `author` (its `name`), else the first
    `rel="author"` link. (`markup`: what `_head_nodes` found of the markup read here.)"""
    for node in tree.css('[itemprop="author"]') if "author" in markup else ():
        name_node = node.css_first('[itemprop="name"]') or node
        name = _author_name(
            name_node.attributes.get("content") or name_node.text(deep=True, separator=" ")
        )
        if name and len(name.split()) <= MAX_AUTHOR_WORDS:
            return name
    link = tree.css_first('a[rel~="author"]') if _REL_AUTHOR in markup else None
    name = _author_name(link.text(deep=True, separator=" ")) if link is not None else None
    if name and len(name.split()) <= MAX_AUTHOR_WORDS:
        return name
    return None


# A name longer than this is a sentence or a bio, not a byline.
MAX_AUTHOR_WORDS = 6


# -- values -------------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    if "&" in value:
        value = html.unescape(value)  # escaped twice by the site: "&#8211;" in a meta tag
    text = _SPACES.sub(" ", value).strip()
    return text or None


def _page_headline(headings: list[LexborNode], declared: str | None) -> str | None:
    """The headline as the page prints it: its first `<h1>` (`headings`: the page's) when that
    shares words with the declared title (sites declare a title tuned for search and social
    cards, and print another above the article), else the declared title."""
    for node in headings:
        printed = _text(node.text(deep=True, separator=" ", strip=True))
        if printed is None:
            continue
        if len(printed.split()) > HEADLINE_MAX_WORDS:
            break
        if declared is None or word_f1(printed, declared).f1 >= HEADLINE_MIN_OVERLAP:
            return printed
        break
    return declared


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((text for key in keys if (text := _text(metas.get(key)))), None)


def _name_of(value: Any) -> Any:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.get("name") if isinstance(value, dict) else value


def _authors(value: Any) -> str | None:
    """Names from a JSON-LD author: a string, an object with a name, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _author_name(_name_of(item))
        if name and name not in names:
            names.append(name)
    return _joined_names(names)


def _joined_names(names: list[str]) -> str | None:
    """Several authors as a byline prints them: "A, B and C". (WCXB train: the gold writes
    a list as its page prints it, and the benchmark's matcher counts the "and"; 3 pages
    whose JSON-LD lists their authors mended, none lost, as one more word costs a list
    printed without it nothing.)"""
    if len(names) < 2:
        return names[0] if names else None
    return f"{', '.join(names[:-1])} and {names[-1]}"


# What a template leaves where a name should be: a number (a user id, "223509017"), the
# dotted name of the variable ("page.head.extra.author"; a user name may have dots,
# "sara.r.peter"), an unfilled placeholder ("{{author}}").
_NOT_A_NAME = regex.compile(r"^[\d\W_]+$|^(?:\w+\.)+(?i:author|name|byline)\w*$|\{\{|\$\{|%\w+%")
# Punctuation before a name, left by a template that prints "Name, Role" without the name
# (", USA TODAY"), and a "By" the site wrote into the field.
_NAME_LEAD = regex.compile(r"^(?:[\s,;:|·•\-–—]+|(?i:by)\s+)+")


def _author_name(value: Any) -> str | None:
    """A declared author's name, cleaned: None for a profile URL or a template's leftover,
    without a leading "By" or stray punctuation. (WCXB train: 2 pages mended, a "By" in a
    rel="author" link and a variable name in a <meta>, where the text's byline then gives the
    author; none lost.)"""
    name = _text(value)
    if not name or _PROFILE_URL.search(name) or _NOT_A_NAME.search(name):
        return None
    return _NAME_LEAD.sub("", name, count=1) or None


def _author_from_metas(metas: dict[str, str]) -> str | None:
    for key in AUTHOR_KEYS:
        name = _author_name(metas.get(key))
        if name:
            return name
    return None


def _plausible_date(value: Any, now: datetime) -> str | None:
    """An ISO 8601 date-time as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (local time as written),
    or None when it does not parse or is not a plausible publication date."""
    text = _text(value)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
        text = text[:10]
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if moment.year < EARLIEST_YEAR or aware > now + FUTURE_TOLERANCE:
        return None
    if len(text) <= 10:
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%dT%H:%M")


WRITTEN_DATE_SLACK = 3
"""Characters a declared written date may carry besides the date itself (a trailing dot or
bracket); more and the value is a sentence that mentions a date."""


def _meta_date(value: Any, now: datetime) -> str | None:
    """A `<meta>` or `<time datetime>` date: ISO 8601, or else a date as people write it
    ("July 17, 2025"), read as the text's dates are and only when it is all the value says.

    No format is prescribed for these (schema.org prescribes ISO 8601 for JSON-LD, where a
    written date marks a careless template: on the WCXB train split 5 of 6 such JSON-LD dates
    are not the page's, while the written <meta> and <time> dates mend 3 pages and harm none).
    """
    found = _plausible_date(value, now)
    if found is not None or not isinstance(value, str) or not may_contain_date(value):
        return found
    return _written_date(_SPACES.sub(" ", value).strip(), now)


def _written_date(text: str, now: datetime) -> str | None:
    found = find_dates(text, now=now)
    if len(found) != 1 or len(text) - (found[0].end - found[0].start) > WRITTEN_DATE_SLACK:
        return None
    return found[0].value


def _without_site_name(title: str, sitename: str | None) -> str:
    """ "Headline | Site" -> "Headline": the site's name is taken off when it is the last part
    (or the first) after a separator."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if sitename:
        site = sitename.casefold()
        if parts[-1].casefold() == site:
            return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
        if parts[0].casefold() == site:
            return title[title.index(parts[1]) :]
    return title


def _language(tree: LexborHTMLParser, metas: dict[str, str]) -> str | None:
    root = tree.css_first("html")
    code = (root.attributes.get("lang") if root is not None else None) or metas.get("og:locale")
    if not code:
        return None
    primary = _LANGUAGE_SUBTAG.split(code.strip())[0].lower()
    return primary if _LANGUAGE_CODE.fullmatch(primary) else None


# Compiled once (`regex.split(pattern, ...)` looks the pattern up on every call, ~9 us).
_LANGUAGE_SUBTAG = regex.compile(r"[-_]")
_LANGUAGE_CODE = regex.compile(r"[a-z]{2,3}")


def _canonical(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first('link[rel="canonical"][href]')
    href = (node.attributes.get("href") or "").strip() if node is not None else ""
    return href or None
