"""Find dates in a line of text and normalise them to ISO 8601.

Covered shapes (month names in English, German, French, Spanish, Italian, Portuguese, Dutch,
Polish, Czech, Swedish, Turkish, Ukrainian and Russian, genitive forms included):

- named month: "March 4, 2025", "Mar. 4, 2025", "December 19. 2025", "4 March 2025",
  "4 Mar, 2025", "4. März 2025", "4 de marzo de 2025", "4 березня 2025 р.", "Tue 4 Mar 2025";
- named month, year first: "2025 Mar 4", "2025 March 4th", "2025-Mar-04", as NLM citations
  (PubMed, PMC's `citation_publication_date`) write a date; a reading of the same characters
  in another shape wins ("March 2025 April 5, 2025" is April 5);
- numeric, year first: "2025-03-04", "2025/03/04", "2025.03.04", ISO timestamps;
- numeric, year last: "04.03.2025" (dotted is day first, unless only the other order is a
  date: "06.18.2025"), "03/24/2025", "24-03-2025";
- CJK: "2025年3月4日", "2025년 3월 4일".

A time right after the date ("3:05 PM", "06:41pm", "15.05 GMT", "T15:05:09+01:00") or right
before it ("9:30 a.m. ET Mar. 4, 2025") is folded in, giving `YYYY-MM-DDTHH:MM[:SS][±HH:MM]`.
Only numeric offsets, "Z", "GMT" and "UTC" become an offset; named zones such as "ET" are
ambiguous (standard or daylight time) and are left out.

Slash and dash dates with the year last are read by value when one part is above 12. When both
parts could be the month ("03/04/2025") the caller says which order the page uses
(`slash_order`, see `cleaner.metadata.text.guess_slash_order`); without that the date is skipped
rather than guessed. Two-digit years are not read: "1.2.25" is as often a version as a date.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

import regex

SlashOrder = Literal["mdy", "dmy"]

EARLIEST_YEAR = 1995
"""Web publication dates before the mid-1990s are almost always history in the text, not a
publication date; the brief's sanity window starts here."""

FUTURE_TOLERANCE = timedelta(days=1)
"""A page can be dated "tomorrow" by a time zone ahead of the crawler's; more is an event date."""

NAMED_DATE_WINDOW = 40
"""How far before a year a month-name date may start, in characters: the longest shape
("Wednesday, 27 de septiembre de 2025" without the weekday, which is looked for separately)
needs about 25."""

TIME_BEFORE_WINDOW = 40
"""How far before a date a leading time ("3:15 p.m. ET Feb. 27") is looked for, in characters:
the longest such prefix seen ("11:59 p.m. EDT, ") is under 20."""

# -- vocabulary ---------------------------------------------------------------------------------

# Month names by month number. Abbreviations are listed without their dot (the patterns
# accept an optional dot). Words shared between languages map to the same month everywhere.
# fmt: off
_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene",
        "gennaio", "gen", "janeiro", "januari", "styczeń", "stycznia", "sty", "leden", "ledna",
        "ocak", "січень", "січня", "січ", "январь", "января", "янв"),
    2: ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "febrero",
        "febbraio", "fevereiro", "fev", "februari", "luty", "lutego", "lut", "únor", "února",
        "şubat", "subat", "лютий", "лютого", "лют", "февраль", "февраля", "фев", "февр"),
    3: ("march", "mar", "märz", "maerz", "mär", "mrz", "mars", "marzo", "março", "marco",
        "maart", "mrt", "marzec", "marca", "březen", "března", "mart", "березень", "березня",
        "бер", "март", "марта"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi",
        "duben", "dubna", "nisan", "квітень", "квітня", "квіт", "апрель", "апреля", "апр"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "květen", "května",
        "mayıs", "mayis", "травень", "травня", "трав", "май", "мая"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca",
        "cze", "červen", "června", "haziran", "червень", "червня", "черв", "июнь", "июня", "июн"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec",
        "lipca", "lip", "červenec", "července", "temmuz", "липень", "липня", "лип", "июль",
        "июля", "июл"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "sierpień",
        "sierpnia", "sie", "srpen", "srpna", "ağustos", "agustos", "серпень", "серпня", "серп",
        "август", "августа", "авг"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
        "setembro", "wrzesień", "września", "wrz", "září", "eylül", "eylul", "вересень",
        "вересня", "вер", "сентябрь", "сентября", "сен", "сент"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
         "out", "październik", "października", "paź", "říjen", "října", "ekim", "жовтень",
         "жовтня", "жовт", "октябрь", "октября", "окт"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada",
         "lis", "listopadu", "kasım", "kasim", "листопад", "листопада", "лист", "ноябрь",
         "ноября", "ноя", "нояб"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre",
         "dic", "dicembre", "dezembro", "grudzień", "grudnia", "gru", "prosinec", "prosince",
         "aralık", "aralik", "грудень", "грудня", "груд", "декабрь", "декабря", "дек"),
}
# fmt: on

MONTHS: dict[str, int] = {word: number for number, words in _MONTH_WORDS.items() for word in words}

# fmt: off
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado",
    "domingo", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
    "понеділок", "вівторок", "середа", "четвер", "п'ятниця", "пʼятниця", "субота", "неділя",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
)
# fmt: on

# Zones that are a fixed offset; named regional zones are recognised but give no offset.
_UTC_ZONES = ("gmt", "utc", "z")
# fmt: off
ZONE_NAMES: tuple[str, ...] = (
    "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
    "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "jst", "kst", "hkt", "sgt",
    "aest", "aedt", "awst", "nzst", "nzdt", "wib",
)
# fmt: on


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    # Longest first so "sept" is tried before "sep" and "february" before "feb".
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


# Any word where a month name goes; `_ymd` keeps it only when it is one. A plain word is
# several times cheaper to try at each position than the alternation of 280 month names.
_MONTH = r"(?P<month>[^\W\d_]{3,15})(?!\p{L})\.?"
# The same in one case or capitalised, so that a name glued before it ("Jane DoeMar 5, 2025")
# is not taken for the month and the month is found after it.
_CASED_MONTH = r"(?P<month>(?-i:\p{Lu}?\p{Ll}{2,14}|\p{Lu}{3,15}))(?!\p{L})\.?"
_DAY = r"(?P<day>\d{1,2})"
_YEAR = r"(?P<year>\d{4})(?!\d)"

# A capital after a lower-case letter starts a word of its own: the text of inline elements
# printed side by side without a space ("By Jane DoeMar 5, 2025", "HealthDECEMBER 22, 2022"),
# as a flex row of spans is. On the WCXB train split this mends 2 HTML dates (one a byline's,
# one a date line's whose update date alone was read) and 7 text-dump dates and 3 authors,
# and loses none; only month-first dates are read so (a day before a glued month is rare).
_GLUED = r"(?-i:(?<=\p{Ll})(?=\p{Lu}))"

# A capitalised month right after a year: the second of two dates printed side by side
# ("December 20, 2024September 26, 2025", a publication and an update date in one row).
# Read so that it is masked as a date, not counted as words beside the first one. (With the
# dot after the day, "Jul. 11. 2025", and month-first dotted dates, "06.18.2025": WCXB train
# text dumps +3 dates in both styles, none lost; HTML unchanged.)
_AFTER_YEAR = r"(?-i:(?<=(?:19|20)\d\d)(?=\p{Lu}))"

# -- patterns -----------------------------------------------------------------------------------

# Every shape needs a four-digit year from the window, so lines without one are skipped cheaply.
_YEAR_HINT = regex.compile(r"(?:19|20)\d\d")

_DATE_PATTERNS: dict[str, regex.Pattern[str]] = {
    # "February 27, 2025", "Feb. 27th 2025"
    "month-day-year": regex.compile(
        rf"(?i)(?:(?<![\p{{L}}\d])|{_GLUED}|{_AFTER_YEAR}){_CASED_MONTH}\s*{_DAY}(?:st|nd|rd|th)?"
        rf"(?:\.(?=\s))?(?!\d)\s*,?\s*{_YEAR}"
    ),
    # "4 March 2025", "4. März 2025", "4 de marzo de 2025", "4 Mar, 2025",
    # "1er mars 2025", "27 лютого 2025 р.", "27-Feb-2025"
    "day-month-year": regex.compile(
        rf"(?i)(?<![\d.]){_DAY}(?:st|nd|rd|th|er|º|°)?\.?(?:\s*(?:de|of)\s+|[\s\-/]*)"
        rf"{_MONTH}(?:\s*(?:de|del)\s+|[\s,\-/]*){_YEAR}"
        r"(?:\s*(?:року|года|roku|г\.|р\.|r\.)|\s*(?:г|р)(?!\p{L}))?"
    ),
    # "2025 Feb 27", "2025 February 27th", "2025-Feb-27", "2025, February 27": year first with
    # a month name, as NLM citations (PubMed, PMC) and some style guides write a date
    "year-name-day": regex.compile(
        rf"(?i)(?<![\p{{L}}\d.\-/]){_YEAR}(?:,?\s+|-|/){_MONTH}(?:\s+|-|/){_DAY}"
        r"(?:st|nd|rd|th)?(?![\p{L}\d]|[.\-/]\d)"
    ),
    # "2025-02-27", "2025/2/27", "2025.02.27", "2025. 2. 27."
    "year-month-day": regex.compile(
        r"(?<![\d.\-/])(?P<year>\d{4})(?P<sep>-|/|\.\s?)(?P<month>\d{1,2})(?P=sep)"
        r"(?P<day>\d{1,2})(?!\d|\.\d)"
    ),
    # "27.02.2025" (always day first), "02/27/2025" and "27-02-2025" (order resolved later)
    "numeric-year-last": regex.compile(
        r"(?<![\d.\-/])(?P<first>\d{1,2})(?P<sep>\.\s?|/|-)(?P<second>\d{1,2})(?P=sep)"
        r"(?P<year>\d{4})(?!\d|\.\d)"
    ),
    # "2025年2月27日", "2025년 2월 27일"
    "cjk": regex.compile(
        r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
    ),
}

_NAMED_MONTH_SHAPES = ("month-day-year", "day-month-year")
_NUMERIC_SHAPES = ("year-month-day", "numeric-year-last", "cjk")
_YEAR_ALONE = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_SUFFIX_ROOM = 6  # " року", " г." after the year
_MONTH_SET = frozenset(MONTHS)
_LETTER_WORD = regex.compile(r"[^\W\d_]+")
_GLUED_WORD = regex.compile(rf"{_GLUED}[^\W\d_]+")

_TIME = (
    r"(?P<hour>\d{1,2})(?:(?:[:h]|\.(?=\d\d(?!\d)))(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:[.,]\d+)?)?\s*(?P<ampm>(?i:[ap]\.?\s?m\.?))?"
    r"|\s*(?P<ampm_only>(?i:[ap]\.?m\.?)))"
    # a letter may follow only as the "Z" of a UTC timestamp
    r"(?=Z(?![\p{L}\d])|(?![\p{L}\d]))"
)
_ZONE = (
    rf"(?:(?P<offset>[+\-]\d{{2}}:?\d{{2}})|(?i:(?P<zone>{_alternation(ZONE_NAMES)})"
    r"(?P<zone_offset>[+\-]\d{1,2}(?::?\d{2})?)?)(?!\p{L})|(?P<zulu>Z)(?![\p{L}\d]))"
)
_AFTER_JOINER = (
    r"(?:T|\s*(?:[,|@·•/\-–—]\s*)?"
    r"(?:(?i:at|um|à|a las|a la|alle|às|as|om|o|в|о|kl\.?|klo)\s+)?)"
)

# A time glued to the end of a date, or standing just before it.
_TIME_AFTER = regex.compile(rf"{_AFTER_JOINER}{_TIME}(?:\s*{_ZONE})?(?:\s*(?i:uhr)(?!\p{{L}}))?")
_TIME_BEFORE = regex.compile(
    # Only colon times or am/pm here: "2.10 February 2025" is more often a number than a time.
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>(?i:[ap]\.?\s?m\.?))?"
    rf"|\s*(?P<ampm_only>(?i:[ap]\.?m\.?)))(?![\p{{L}}\d])(?:\s*{_ZONE})?"
    r"\s*(?:[,|·•\-–—]|(?i:on|le|am|el|il|op))?\s*$"
)
_WEEKDAY_BEFORE = regex.compile(rf"(?i)(?<!\p{{L}})(?:{_alternation(WEEKDAYS)})\.?,?\s*$")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in a text: its ISO value and the character span it covers.

    The span includes a time and a weekday that belong to the date, so that removing it from
    the line leaves only the words around the date.
    """

    value: str
    start: int
    end: int
    has_time: bool


def find_dates(
    text: str, *, now: date | datetime | None = None, slash_order: SlashOrder | None = None
) -> list[DateMatch]:
    """All plausible dates in `text`, left to right, without overlaps.

    `now` bounds the newest acceptable date (default: today); `slash_order` reads dates such
    as "03/04/2025" whose order cannot be told from the values.
    """
    if not may_contain_date(text):
        return []
    latest = _latest_allowed(now)
    found: list[DateMatch] = []
    year_first: list[DateMatch] = []
    for shape, match in _candidates(text):
        ymd = _ymd(shape, match, slash_order)
        if ymd is not None and _plausible(*ymd, latest):
            dated = _with_time(text, match.start(), match.end(), ymd)
            (year_first if shape == "year-name-day" else found).append(dated)
    # A year first with a month name yields to any other reading of its characters: in
    # "March 2025 April 5, 2025" the date is "April 5, 2025", not "2025 April 5".
    found += (d for d in year_first if not any(d.start < f.end and f.start < d.end for f in found))
    return _without_overlaps(found)


def _candidates(text: str) -> Iterator[tuple[str, regex.Match[str]]]:
    for shape in _NUMERIC_SHAPES:
        for match in _DATE_PATTERNS[shape].finditer(text):
            yield shape, match
    # A set lookup on the line's words tells whether a month name is there at all; then the
    # month-name patterns run only on the few characters before each year, where such a date
    # must end, instead of on the whole line.
    if _MONTH_SET.isdisjoint(_LETTER_WORD.findall(text.casefold())) and _MONTH_SET.isdisjoint(
        word.casefold() for word in _GLUED_WORD.findall(text)
    ):
        return
    for year in _YEAR_ALONE.finditer(text):
        start = max(0, year.start() - NAMED_DATE_WINDOW)
        end = min(len(text), year.end() + _YEAR_SUFFIX_ROOM)
        for shape in _NAMED_MONTH_SHAPES:
            for match in _DATE_PATTERNS[shape].finditer(text, start, end):
                # An earlier date can fall inside the window; it was found with its own year.
                if match.span("year") == year.span():
                    yield shape, match
        # A year first: the month name and the day follow it. (Not cut to a window: what
        # follows the day must be seen, and the pattern ends within 20-odd characters anyway.)
        match = _DATE_PATTERNS["year-name-day"].match(text, year.start())
        if match is not None:
            yield "year-name-day", match


def may_contain_date(text: str) -> bool:
    """Cheap pre-check: False guarantees `find_dates` finds nothing (no year in the window)."""
    # The substring tests are much cheaper than a regex call and rule out most lines.
    return ("20" in text or "19" in text) and _YEAR_HINT.search(text) is not None


def parse_date(
    text: str, *, now: date | datetime | None = None, slash_order: SlashOrder | None = None
) -> str | None:
    """The first date in `text` as an ISO string, or None."""
    found = find_dates(text, now=now, slash_order=slash_order)
    return found[0].value if found else None


# A full date as a URL's path spells it: "/2025/12/18/slug", "/2025-12-15+title", "/2025_03_04/",
# "/2023/oct/03/slug". Only year first (a path's "12-11-2025" is too rare to learn its order
# from), only whole (a year and month alone, "/2025/12/", name an archive, not a day), and only
# with two-digit month and day: a slug's "2024-4-4" is a version number (one train page's).
_URL_DATE = regex.compile(
    r"(?<![\p{L}\d])(?P<year>(?:19|20)\d\d)(?P<sep>[/\-_])(?P<month>\d\d|\p{L}{3,9})(?P=sep)"
    r"(?P<day>\d\d)(?![\d.])"
)


def date_from_url(url: str, *, now: date | datetime | None = None) -> str | None:
    """The publication day a URL's path carries ("YYYY-MM-DD"), or None.

    On the WCXB train split 28 page URLs carry one, and every one is the page's gold date (two
    of them where the declared timestamp, in UTC, fell on the next day, one where the text's
    date was a related story's).
    """
    path = urlsplit(url).path
    if not may_contain_date(path):
        return None
    latest = _latest_allowed(now)
    for match in _URL_DATE.finditer(path):
        month = match["month"]
        number = int(month) if month.isdigit() else MONTHS.get(month.casefold())
        if number is None:
            continue
        ymd = int(match["year"]), number, int(match["day"])
        if _plausible(*ymd, latest):
            return f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
    return None


def _latest_allowed(now: date | datetime | None) -> date:
    if now is None:
        today = date.today()
    elif isinstance(now, datetime):
        today = now.date()
    else:
        today = now
    return today + FUTURE_TOLERANCE


def _ymd(
    shape: str, match: regex.Match[str], slash_order: SlashOrder | None
) -> tuple[int, int, int] | None:
    year = int(match["year"])
    if shape in ("month-day-year", "day-month-year", "year-name-day"):
        month = MONTHS.get(match["month"].casefold())
        return (year, month, int(match["day"])) if month else None
    if shape != "numeric-year-last":
        return year, int(match["month"]), int(match["day"])
    first, second = int(match["first"]), int(match["second"])
    if match["sep"].startswith("."):
        # Day first, unless only the other order is a date ("06.18.2025").
        return (year, first, second) if second > 12 >= first else (year, second, first)
    order = _slash_order(first, second, slash_order)
    if order is None:
        return None
    return (year, first, second) if order == "mdy" else (year, second, first)


def _slash_order(first: int, second: int, hint: SlashOrder | None) -> SlashOrder | None:
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    if first == second:
        return "dmy"  # either order gives the same date
    return hint


def _plausible(year: int, month: int, day: int, latest: date) -> bool:
    if not (EARLIEST_YEAR <= year <= latest.year and 1 <= month <= 12):
        return False
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return False
    return date(year, month, day) <= latest


def _with_time(text: str, start: int, end: int, ymd: tuple[int, int, int]) -> DateMatch:
    day_iso = f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
    after = _TIME_AFTER.match(text, end)
    time_iso = _time_iso(after) if after else None
    if after and time_iso:
        end = after.end()
    else:
        window_start = max(0, start - TIME_BEFORE_WINDOW)
        before = _TIME_BEFORE.search(text[window_start:start])
        time_iso = _time_iso(before) if before else None
        if before and time_iso:
            start = window_start + before.start()
    weekday = _WEEKDAY_BEFORE.search(text[max(0, start - 20) : start])
    if weekday:
        start = max(0, start - 20) + weekday.start()
    if time_iso:
        return DateMatch(f"{day_iso}T{time_iso}", start, end, True)
    return DateMatch(day_iso, start, end, False)


def _time_iso(match: regex.Match[str]) -> str | None:
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    ampm = match["ampm"] or match["ampm_only"]
    if ampm:
        if not 1 <= hour <= 12:
            return None
        is_pm = ampm[0] in "pP"
        hour = hour % 12 + (12 if is_pm else 0)
    elif match["minute"] is None:
        return None
    if hour > 23 or minute > 59:
        return None
    second = match["second"]
    if second is not None and int(second) > 59:
        return None
    clock = f"{hour:02d}:{minute:02d}" + (f":{second}" if second is not None else "")
    return clock + _offset(match)


def _offset(match: regex.Match[str]) -> str:
    if match["offset"]:
        digits = match["offset"].replace(":", "")
        return f"{digits[:3]}:{digits[3:]}"
    zone = (match["zone"] or "").casefold()
    if match["zulu"] or zone in _UTC_ZONES:
        extra = match["zone_offset"]
        if not extra:
            return "+00:00"
        sign, rest = extra[0], extra[1:].replace(":", "")
        hours, minutes = rest[:-2] if len(rest) > 2 else rest, rest[-2:] if len(rest) > 2 else "00"
        return f"{sign}{int(hours):02d}:{minutes}"
    return ""


def _without_overlaps(found: list[DateMatch]) -> list[DateMatch]:
    # Earliest first, and of two starting together the longer (it carries more of the date).
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[DateMatch] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept
