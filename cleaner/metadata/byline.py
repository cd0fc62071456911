"""Byline lines: who wrote the article, and the date and reading time that often share the line.

Shapes recognised (each a `Byline.kind`):

- ``by``: a "by" word and names: "by Ana Ruiz March 4, 2025 3:05 PM 4 min read",
  "By Jane Doe and John Roe", "By JANE DOE, Staff Writer", "Posted on 2024-11-05 by admin",
  "Von Anna Schmidt", "Par Jean Dupont", "Por María López", "Di Mario Rossi";
- ``label``: a label and a colon: "Author: NAME", "Autor: NAME", "Автор: NAME";
- ``name-date``: names next to a date and nothing else: "Jane Doe | March 3, 2025";
- ``agency``: a news agency next to a date: "Reuters Published 3 Nov, 2024 04:12pm";
- ``post``: a forum post's header or the thread's opening poster: "Thread starter jdoe",
  "jdoe Discussion starter", "Post by jdoe » 11. Sep 2024, 18:36", and the first post of a
  Discourse thread, "jdoe (Jane Doe) May 3, 2024, 8:45am 1" (its number, 1, ends the line).

How a line is read: its dates and reading-time note are masked, the line is cut into segments
at strong separators ("|", "·", "—", the masks), and exactly one segment may hold the names;
every other segment must be metadata (a label such as "Published", a count such as "109
Comments") or a role ("Senior Review Analyst"). Inside the names segment a role or an
affiliation may follow the names ("Jane Doe, Staff Writer", "Jane Doe for Reuters"), and
nothing else. That closure is what rejects body sentences: "By the end of the year, prices
rose." (lower-case words after "By"), "By Monday, prices rose." (words after the "name" that
are neither role nor metadata).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

import regex

from cleaner.metadata._vocab import (
    AGENCIES,
    COLLECTIVE_WORDS,
    DATE_MARK,
    NOT_NAME_WORDS,
    READING_MARK,
    ROLE_WORDS,
    alternation,
    is_meta_only,
    strip_meta_edges,
)
from cleaner.metadata.dates import DateMatch, SlashOrder, find_dates
from cleaner.metadata.reading import ReadingTime, find_reading_time

BylineKind = Literal["by", "label", "name-date", "agency", "post"]

MAX_BYLINE_CHARS = 200
"""Longer lines are not looked at. On wcxb-dev innerText dumps the bylines that give the gold
author are at most 116 characters long; 200 leaves room for long lists of authors."""

MAX_NAME_TOKENS = 5
"""Words in one person's name, particles ("de", "van") not counted."""

MAX_AUTHORS = 6
"""Names joined on one byline; longer lists are credits or tag clouds."""

# -- name pieces --------------------------------------------------------------------------------

# A capitalised word, initial ("J.", "J.K.") or hyphenated/apostrophe name ("O'Brien", "Holliday-Bell").
_TOKEN = r"\p{Lu}[\p{L}\p{M}'’.\-]*"
_PARTICLE = (
    r"(?:de|da|del|della|dei|di|du|dos|das|do|van|von|der|den|ten|ter|te|bin|binti|ibn|al|el|la|le"
    r"|zu|af|av|St\.)"
)
_CREDENTIAL_WORD = r"(?:Jr\.?|Sr\.?|II|III|IV|Ph\.?D\.?|M\.?D\.?|DVM|RN|MBA|MPH|RD|CPA|Esq\.?)"
_CREDENTIAL = rf"(?:,?\s{_CREDENTIAL_WORD}(?!\p{{L}}))"
_PERSON = (
    rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_TOKEN}){{0,{MAX_NAME_TOKENS - 1}}}{_CREDENTIAL}?"
)
_AGENCY = rf"(?:{alternation(AGENCIES)})(?![\p{{L}}\-])"
# A user name as forums and blogs print it: "admin", "jsmith_42".
_HANDLE = r"(?=[\w.\-]*\p{L})[\w.\-@]{2,32}"
_NAME = rf"(?:{_AGENCY}|{_PERSON})"
_JOIN = r"(?:\s*,\s*(?:(?i:and|&)\s+)?|\s+(?i:and|und|et|y|e|en|i|и|і|та|oraz)\s+|\s*&\s*)"
_NAMES = rf"(?P<names>{_NAME}(?:{_JOIN}{_NAME}){{0,{MAX_AUTHORS - 1}}})"

_ROLE = rf"(?i:(?:{alternation(ROLE_WORDS)})(?!\p{{L}}))"
_CONNECTOR = r"(?:of|to|the|for|and|at|in|on|&|de|du|des|für|der|die|das)"
# A role: "Staff Writer", "Senior Review Analyst", "Candidate Representative to the Candidate
# Liaison Committee": title-case words and small connecting words.
_ROLE_PHRASE = rf"(?:{_ROLE}|{_TOKEN})(?:\s+(?:{_CONNECTOR}\s+)*(?:{_ROLE}|{_TOKEN}))*"
# After the names: a role behind a comma, dash or in brackets, a bare role starting with a role
# word, then an affiliation ("for Reuters", "in Lisbon").
_TAIL = (
    rf"(?:\s*(?:[,–—\-]\s*{_ROLE_PHRASE}|\(\s*{_ROLE_PHRASE}\s*\)|\s{_ROLE}(?:\s+{_ROLE_PHRASE})?))?"
    rf"(?:\s+(?i:for|at|in|of|from|with)\s+(?:(?i:the)\s+)?{_TOKEN}(?:\s+{_TOKEN}){{0,3}})?"
    r"[\s,;:*.]*"
)

# -- segment patterns ---------------------------------------------------------------------------

# ("postby": a forum's "Post by jdoe » date" with the icon's space lost.)
_BY_WORDS = ("by", "von", "par", "por", "di", "door", "av", "af", "przez", "postby")
_BY_WORD = rf"(?:{alternation(_BY_WORDS)})"
# fmt: off
_LEAD_WORDS = (
    "written", "posted", "post", "published", "story", "words", "text", "reporting", "report", "article",
    "compiled", "started", "geschrieben", "verfasst", "écrit", "escrito", "scritto",
    "geschreven", "napisane", "napisał", "napisała",
)
# fmt: on
_BY_LEAD = rf"(?:(?:{alternation(_LEAD_WORDS)})\s+)?"
# Foreign "by" words that are also common English words need a date beside them to count.
_WEAK_BY_WORDS = frozenset({"door", "av", "af", "di"})

# What forums print by the name of a thread's opening poster.
_STARTER = r"(?:thread|discussion|topic)\s+starter"

# Labels for the author's name; the first group also stands without a colon ("Author Jane Doe").
# fmt: off
_AUTHOR_LABELS = (
    "author", "authors", "autor", "autorin", "autoren", "autora", "autores", "auteur", "auteure",
    "auteurs", "autore", "autori", "автор", "автори", "авторы", "автора", "szerző",
    "författare", "forfatter", "kirjoittaja", "yazar",
)
# fmt: on
# Labels that also head other things ("Text: ..." in code, "Writer: ..." in film credits):
# a user name after them is not believed, only a capitalised name.
# fmt: off
_OTHER_LABELS = (
    "writer", "reporter", "text", "texte", "texto", "tekst", "redaktion", "redacción",
    "redazione",
)
# fmt: on
_LABEL_WORDS = (*_AUTHOR_LABELS, *_OTHER_LABELS)
_LABEL_WORD = rf"(?:(?:written|posted)\s+by|by|{alternation(_LABEL_WORDS)})"

# "The" or "our" before a group that signs ("By The Currency editors", "written by Our
# Editors"): taken only when the names end with a collective word (`_from_match`).
_GROUP = r"(?P<group>(?i:the|our)\s+)?"

# (kind, pattern) in the order tried; the names segment must match one in full.
_SEGMENT_PATTERNS: tuple[tuple[BylineKind, regex.Pattern[str]], ...] = (
    (
        "by",
        regex.compile(
            rf"(?i:{_BY_LEAD}(?P<by>{_BY_WORD}))\s*:?\s+{_GROUP}(?:{_NAMES}|(?P<handle>{_HANDLE})){_TAIL}"
        ),
    ),
    (
        "label",
        regex.compile(
            rf"(?i:(?P<label>{_LABEL_WORD}))\s*[:：]\s*{_GROUP}(?:{_NAMES}|(?P<handle>{_HANDLE})){_TAIL}"
        ),
    ),
    # "Author Jane Doe": no colon, so only a full (two-word) name is believed.
    ("label", regex.compile(rf"(?i:{alternation(_AUTHOR_LABELS)})\s+(?P<bare>){_NAMES}{_TAIL}")),
    # A forum thread's opening poster: "Thread starter jdoe", "jdoe Discussion starter".
    (
        "post",
        regex.compile(
            rf"(?i:(?P<label>{_STARTER}))\s*:?\s+(?:{_NAMES}|(?P<handle>{_HANDLE}))[\s,;:.]*"
        ),
    ),
    (
        "post",
        regex.compile(rf"(?:{_NAMES}|(?P<handle>{_HANDLE}))\s+(?i:(?P<label>{_STARTER}))[\s,;:.]*"),
    ),
    ("name-date", regex.compile(rf"{_NAMES}{_TAIL}")),
)

TOPIC_MAX_WORDS = 5
"""Beside a segment that a "by" opens, other segments of this many words or fewer are topics
or sections ("by Jane Doe | SEO | 8 min read", "By: jdoe | May 2, 2025 | Categories: News",
"... from the skewed-job-market dept.") and are passed over; without the "by", they make the
line something other than a byline. WCXB train innertext dumps, authors right / wrong with 0,
1, 2, 3, 5, 8 words: 336/17, 337/17, 340/17, 341/17, 343/15, 344/15 (one more value on a page
without a gold author from 5 words on)."""

_BY_START = regex.compile(rf"(?i:{_BY_LEAD}{_BY_WORD})\s*:?\s+\S")

# Where a byline line is cut into segments. ("●" and "∙" too: "by Jane Doe ● December 23,
# 2025 ● 6 min read"; WCXB train text dumps: one wrong date mended in both styles, as the
# byline then beats a teaser list signed by the same author; HTML unchanged.)
_STRONG_SEPARATOR = regex.compile(rf"\s*(?:[|·•⋅●∙—–/»]|\s-\s|{DATE_MARK}|{READING_MARK})\s*")
_EDITED_BY = regex.compile(
    r"(?i)(?<!\p{L})(?:edited|modified|updated|reviewed|checked|moderated|answered|replied)\s+by(?!\p{L})"
)
# A segment holding a role ("Senior Review Analyst"): title-case words (`_ROLE_SHAPE`), at least
# one a role word (`_HAS_ROLE`). Two patterns rather than one with a lookahead: the search for
# a role word is the dear part (seven eighths of the time on held-out pages' byline segments),
# and the shape rules out most segments first.
_ROLE_SHAPE = regex.compile(rf"\(?{_ROLE_PHRASE}\)?[\s,;:.]*")
_HAS_ROLE = regex.compile(rf".*{_ROLE}")
# Other people credited on the line ("Fact-checked by ...", "Photos: ...") are not the author.
_CREDIT_SEGMENT = regex.compile(
    r"(?i:fact[\s\-]?check(?:ed|er)?|(?:medically\s+)?reviewed|edited|photos?|photography"
    r"|illustrations?|images?|video|graphics|additional\s+reporting|contributions?|translated)"
    r"(?:\s+from)?(?:\s+by)?\s*:?\s+\S.*"
)

# Headings of an author box, whose next line is the author's name.
# fmt: off
_AUTHOR_BOX_HEADINGS = (
    "about the author", "about author", "the author", "meet the author", "about the writer",
    "über den autor", "über die autorin", "à propos de l'auteur", "à propos de l’auteur",
    "sobre el autor", "sobre la autora", "sobre o autor", "sull'autore", "over de auteur",
    "o autorze", "об авторе", "про автора",
)
# fmt: on
# A line holding only the lead-in of a byline whose names are on the next line ("By", "Author:").
_PREFIX_ONLY = regex.compile(
    rf"^\s*(?i:{_BY_LEAD}{_BY_WORD}|{_LABEL_WORD}|{alternation(_AUTHOR_BOX_HEADINGS)})\s*[:：]?\s*$"
)
_BY_PREFIX_ONLY = regex.compile(rf"^\s*(?i:{_BY_LEAD}{_BY_WORD})\s*:?\s*$")

# An image's alt text printed before the author's name ("Picture of Jane Doe", "Headshot of").
_ALT_PREFIX = regex.compile(
    r"^(?i:(?:profile\s+)?(?:picture|photo|image|headshot|portrait|avatar)(?:\s+of)?"
    r"(?:\s+(?:the\s+)?author)?)\s+"
)
_ALT_SUFFIX = regex.compile(r"(?:'s|’s)?\s+(?i:headshot|avatar|photo|picture|portrait)$")
_LONE_NAME = regex.compile(rf"{_PERSON}")
# The alt text of an author's photo as a whole line: "Picture of Jane Doe", "Profile photo of
# author Jane Doe", "An avatar representing Jane Doe", "Jane Doe's avatar", "Jane Doe headshot".
# (Not "Jane Doe's user avatar": Q&A sites print that by every asker, answerer and editor.)
_PHOTO_ALT = regex.compile(
    r"(?i:(?:an?\s+)?(?:profile\s+)?(?:picture|photo|image|headshot|portrait|avatar)"
    r"\s+(?:of|representing)(?:\s+(?:the\s+)?author)?\s+)(?P<name>.+)"
    r"|(?P<name>.+?)(?:'s|’s)?\s+(?i:(?:profile\s+)?(?:headshot|avatar|photo|picture|portrait"
    r"|image|pic))"
)

# The words that let a line be a "by" or "label" byline; checked on the line's words as a set.
_GATE_WORDS = frozenset({*_BY_WORDS, *_LABEL_WORDS, "starter"})
_NO_HANDLE_LABELS = frozenset(_OTHER_LABELS)
# Punctuation that sticks to a gate word ("By:", "Author:", "·By"), spaced out before splitting.
_GATE_PUNCTUATION = (":", "：", "|", "·")

_NOT_NAME = frozenset(w.casefold() for w in NOT_NAME_WORDS)
_COLLECTIVE = frozenset(w.casefold() for w in COLLECTIVE_WORDS)
_TITLE_ROLES = frozenset(w.casefold() for w in ROLE_WORDS) - _COLLECTIVE
_ROLE_WORD_SET = frozenset(w.casefold() for w in ROLE_WORDS)
_NOT_NAME_OR_ROLE = _NOT_NAME | _TITLE_ROLES


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline line's content. `author` is the names as printed, roles dropped, joined by ", "."""

    author: str
    authors: tuple[str, ...]
    kind: BylineKind
    date: str | None = None
    reading_time: int | None = None


def parse_byline(
    line: str,
    *,
    now: date | datetime | None = None,
    slash_order: SlashOrder | None = None,
    dates: list[DateMatch] | None = None,
    date_beside: bool = False,
) -> Byline | None:
    """The byline on `line`, or None when the line is anything else.

    `dates` may pass the dates already found on the (stripped) line, to save looking again.
    `date_beside` says a line next to it holds a date, which lets "by" and a user name or a
    single word stand as a byline ("by jdoe" / "18th Dec 2025") as a date on the line does.
    """
    text = line.strip()
    if not text or len(text) > MAX_BYLINE_CHARS:
        return None
    has_word = may_be_byline(text)
    if dates is None or text != line:
        dates = find_dates(text, now=now, slash_order=slash_order)
    if not has_word and not dates:
        return None
    reading = find_reading_time(text)
    segment = _names_segment(_mask(text, dates, reading))
    if not segment:
        return None
    if dates and text.endswith("1") and text[dates[-1].end :].strip(" #") == "1":
        post = _first_post(text[: dates[0].start].strip(), dates[0])
        if post is not None:
            return post
    starter = "starter" in segment or "Starter" in segment
    for kind, pattern in _SEGMENT_PATTERNS:
        if (kind != "name-date" and not has_word) or (kind == "post" and not starter):
            continue
        match = pattern.fullmatch(segment)
        if match is None:
            continue
        result = _from_match(kind, match, has_date=bool(dates), date_beside=date_beside)
        if result is not None:
            printed, authors, final_kind = result
            return Byline(
                printed,
                tuple(authors),
                final_kind,
                dates[0].value if dates else None,
                reading.minutes if reading else None,
            )
    return None


# The header of a forum thread's first post: a user name, perhaps the display name in brackets,
# the date and the post's number, 1 ("jdoe (Jane Doe) May 3, 2024, 8:45am 1").
_POST_AUTHOR = regex.compile(rf"(?P<handle>{_HANDLE})(?:\s+\([^()]{{1,40}}\))?")


def _first_post(segment: str, found: DateMatch) -> Byline | None:
    match = _POST_AUTHOR.fullmatch(segment)
    if match is None or match["handle"].casefold() in _NOT_NAME:
        return None
    return Byline(match["handle"], (match["handle"],), "post", found.value)


def may_be_byline(line: str, folded: str | None = None) -> bool:
    """Cheap pre-check for a line without a date: False means `parse_byline` and
    `is_byline_prefix` both say no. `folded` is the line case-folded, when the caller has it."""
    if folded is None:
        folded = line.casefold()
    # str.replace and str.split run in C; a regex or a per-word loop costs several times more.
    for mark in _GATE_PUNCTUATION:
        if mark in folded:
            folded = folded.replace(mark, " ")
    return not _GATE_WORDS.isdisjoint(folded.split())


def is_byline_prefix(line: str) -> bool:
    """True for a line holding only a byline's lead-in ("By", "Written by", "Author:")."""
    return len(line) < 30 and bool(_PREFIX_ONLY.match(line))


def parse_byline_pair(prefix: str, names: str, **kwargs: object) -> Byline | None:
    """The byline split over two lines: a lead-in ("By", "Author:", "About the author") and
    the line after it with the names. Keyword arguments go to `parse_byline`."""
    if _BY_PREFIX_ONLY.match(prefix):
        joined = f"{prefix.strip().rstrip(':：').rstrip()} {names.strip()}"
    else:
        joined = f"Author: {names.strip()}"
    return parse_byline(joined, **kwargs)  # type: ignore[arg-type]


def is_author_box_heading(line: str) -> bool:
    """True for the heading of an author box ("About the author"), whose next line is a name."""
    return line.strip().rstrip(":：").strip().casefold() in _AUTHOR_BOX_HEADINGS


def parse_name_line(line: str) -> str | None:
    """The person's name when `line` is nothing but one ("Jane Doe", "Picture of Jane Doe Jane
    Doe", "Jane DoeJane Doe"), else None. Two to four capitalised words, none of them a word
    that names do not contain; a single word is never taken."""
    text = line.strip()
    if len(text) > 80 or (not text[:1].isupper() and not _ALT_PREFIX.match(text)):
        return None
    text = _ALT_SUFFIX.sub("", _ALT_PREFIX.sub("", text, count=1))
    text = _unglued(_undouble(text))
    if not _LONE_NAME.fullmatch(text):
        return None
    words = text.split()
    if not 2 <= len(words) <= 4 or not _name_shaped(words):
        return None
    return text


_ACRONYM = regex.compile(r"\p{Lu}{2,}")


def photo_name(alt: str, name: str) -> str | None:
    """The author's name when `alt` is the alt text of the person's photo ("Picture of Jane
    Doe", "Jane Doe's avatar") and `name`, the line after it, is that name alone."""
    match = _PHOTO_ALT.fullmatch(alt.strip())
    if match is None or match["name"].casefold() != name.strip().casefold():
        return None
    return parse_name_line(name)


def _name_shaped(words: list[str]) -> bool:
    # "HR Strategy", "Great Post.": acronyms and a final full stop belong to labels and
    # sentences; a name's only dots are initials ("Jeff T.").
    if any(_ACRONYM.fullmatch(w) for w in words):
        return False
    if words[-1].endswith(".") and len(words[-1]) > 2:
        return False
    return not any(w.casefold().strip(_WORD_EDGES) in _NOT_NAME_OR_ROLE for w in words)


def _undouble(text: str) -> str:
    # Sites print the name twice (image alt text, then the link): "Jane Doe Jane Doe".
    half = len(text) // 2
    if len(text) % 2 == 1 and text[:half] == text[half + 1 :] and text[half] == " ":
        return text[:half]
    if len(text) % 2 == 0 and text[:half] == text[half:]:
        return text[:half]
    return text


def _mask(text: str, dates: list[DateMatch], reading: ReadingTime | None) -> str:
    spans = [(d.start, d.end, DATE_MARK) for d in dates]
    if reading is not None and not any(s < reading.end and reading.start < e for s, e, _ in spans):
        spans.append((reading.start, reading.end, READING_MARK))
    pieces: list[str] = []
    cursor = 0
    for start, end, mark in sorted(spans):
        pieces.append(text[cursor:start])
        pieces.append(f" {mark} ")
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _names_segment(masked: str) -> str | None:
    """The one segment that is not metadata, trimmed of metadata words, or None."""
    found: str | None = None
    for raw in _STRONG_SEPARATOR.split(masked):
        segment = raw.strip(" ,;:")
        if not segment or is_meta_only(segment) or _CREDIT_SEGMENT.fullmatch(segment):
            continue
        if found is not None and _is_role_segment(segment):
            continue  # "Jane Doe · Senior Review Analyst · Updated ..."
        if (
            found is not None
            and len(segment.split()) <= TOPIC_MAX_WORDS
            and _BY_START.match(found) is not None
        ):
            continue  # "by Jane Doe | SEO | 8 min read": a topic beside a "by" segment
        if found is not None:
            return None
        found = segment
    if found is None or _EDITED_BY.search(found):
        return None  # "Last edited by X": an editor, not the author
    return strip_meta_edges(found)


def _is_role_segment(segment: str) -> bool:
    return _ROLE_SHAPE.fullmatch(segment) is not None and _HAS_ROLE.match(segment) is not None


def _from_match(
    kind: BylineKind, match: regex.Match[str], *, has_date: bool, date_beside: bool = False
) -> tuple[str, list[str], BylineKind] | None:
    groups = match.groupdict()
    handle = groups.get("handle")
    by_word = (groups.get("by") or "").casefold()
    dated_by = has_date or (date_beside and kind == "by" and by_word not in _WEAK_BY_WORDS)
    if handle:
        # A bare user name is believable only under an author label or beside a date.
        label = (groups.get("label") or "").casefold()
        if (kind == "by" and not dated_by) or label in _NO_HANDLE_LABELS:
            return None
        if handle.casefold() in _NOT_NAME:
            return None
        return handle, [handle], _forum_kind(kind, match)
    names = match["names"]
    group = groups.get("group")
    if group:
        authors = _clean_names(names)
        if authors and len(authors) == 1 and authors[0].split()[-1].casefold() in _COLLECTIVE:
            return f"{group}{authors[0]}", [f"{group}{authors[0]}"], kind
        names = f"{group}{names}"  # "By The Associated Press"
    authors = _clean_names(names)
    if authors is None:
        return None
    single_word = len(authors) == 1 and " " not in authors[0] and not _is_agency(authors[0])
    if kind == "by" and not dated_by:
        if match["by"].casefold() in _WEAK_BY_WORDS:
            return None
        if single_word:
            # "By Car", "By Brand": one word after "by" is a heading or a filter, not a name.
            return None
    if groups.get("bare") is not None and single_word:
        return None
    if kind == "name-date":
        if not has_date:
            return None
        if all(_is_agency(a) for a in authors):
            kind = "agency"
        elif any(len(a.split()) < 2 for a in authors):
            # Without a "by", one capitalised word next to a date is too often a section name.
            return None
    return _printed(names, authors), authors, _forum_kind(kind, match)


_POST_BY = regex.compile(r"(?i:post\s*by)")


def _forum_kind(kind: BylineKind, match: regex.Match[str]) -> BylineKind:
    """ "post" for a forum post's header ("Post by jdoe » date"), else `kind`."""
    return "post" if kind == "by" and _POST_BY.match(match.string, match.start()) else kind


def _printed(names: str, authors: list[str]) -> str:
    """The names as the page prints them ("Jane Doe and John Roe") unless roles were cut out."""
    printed = names.strip(" ,;")
    parts = [p.strip() for p in _JOIN_SPLIT.split(printed) if p.strip()]
    return printed if parts == authors else ", ".join(authors)


_JOIN_SPLIT = regex.compile(_JOIN)
_CREDENTIAL_ONLY = regex.compile(rf"{_CREDENTIAL_WORD}")
_AGENCY_ONLY = regex.compile(_AGENCY)
_WORD_EDGES = ".,'’-"


def _clean_names(names: str) -> list[str] | None:
    """The authors in a names match; None when a "name" holds a word no name has."""
    authors: list[str] = []
    parts = [_unglued(p.strip()) for p in _JOIN_SPLIT.split(names)]
    for part in parts:
        if not part:
            continue
        if authors and _CREDENTIAL_ONLY.fullmatch(part):
            authors[-1] = f"{authors[-1]}, {part}"  # "Angela Holliday-Bell, MD"
            continue
        if _is_agency(part):
            authors.append(part)
            continue
        words = part.split()
        # "Jane Doe Staff Writer", "Jane Doe, Staff Writer": trailing role words are the role,
        # but "Podium Staff" and "Everfit Team" sign as a group.
        while words and words[-1].casefold().strip(_WORD_EDGES) in _TITLE_ROLES:
            words.pop()
        if all(w.casefold().strip(_WORD_EDGES) in _ROLE_WORD_SET for w in words):
            if (
                len(parts) == 1
                and words
                and words[-1].casefold() in _COLLECTIVE
                and not any(w.casefold() in _NOT_NAME for w in words)
            ):
                authors.append(" ".join(words))  # "Marketing Team", "Editorial Staff"
            continue
        if any(w.casefold().strip(_WORD_EDGES) in _NOT_NAME for w in words):
            return None
        authors.append(" ".join(words))
    return authors or None


# A "By" or a label word an HTML page prints in its own element against the name, with no
# space between them ("<span>By</span><a>Nina Pineda</a>" reads "ByNina Pineda"): a capital
# straight after a lower-case letter, where the glued word is metadata. (Only these words:
# names have inner capitals, "McDonald", "DeSiato".)
_GLUED_BY = regex.compile(r"^By(?=\p{Lu}\p{Ll})")
_GLUED_TAIL = regex.compile(
    r"(?<=\p{Ll})(?:Published|Updated|Posted|Follow|January|February|March|September|October"
    r"|November|December)$"
)


def _unglued(name: str) -> str:
    """`name` without a "By" or a metadata word glued to it: "ByNina Pineda" -> "Nina
    Pineda", "Korin MillerPublished" -> "Korin Miller". (WCXB train, HTML: 11 text bylines
    are glued so; the head's author is the same person on 9 of them, and one page without a
    declared author is mended; the text dumps' authors are unchanged.)"""
    if name.startswith("By"):
        name = _GLUED_BY.sub("", name, count=1)
    return _GLUED_TAIL.sub("", name, count=1) if name[-1:].islower() else name


def _is_agency(name: str) -> bool:
    return _AGENCY_ONLY.fullmatch(name) is not None
