"""Reading-time notes ("2 min read", "Lesezeit: 3 Minuten") and the minutes they state."""

from __future__ import annotations

from dataclasses import dataclass

import regex

MAX_READING_MINUTES = 240
"""Longer "reads" are not reading times (a "300 min" is a film or a course length)."""

# Minute words by language, as they follow a number ("5 min", "5 Minuten", "5 хв").
_MINUTES = (
    r"(?:min(?:ute)?s?\.?|m(?=\s+read)|minuten|minuut|minutos?|minuti|minut[ay]?|мин(?:ут[аы]?)?\.?"
    r"|хв(?:илин[аи]?)?\.?|dakika|perc)"
)
# "about 4", "~4", "3-5", "3 to 5": the first number is kept.
_NUMBER = r"(?:(?:about|approx\.?|ca\.?|env\.?|ок\.?|около|~|≈)\s*)?(?P<minutes>\d{1,3})(?:\s*(?:-|–|to|bis|à|a)\s*\d{1,3})?"

_READING_PATTERNS: dict[str, regex.Pattern[str]] = {
    # "2 min read", "5-minute read", "11 Minute Read", "4 mins reading time"
    "number-first": regex.compile(
        rf"(?i)(?<![\p{{L}}\d]){_NUMBER}\s*-?\s*{_MINUTES}\s*(?:of\s+)?"
        r"(?:read(?:ing)?(?:\s+time)?|de\s+lecture|de\s+lectura|de\s+leitura|di\s+lettura"
        r"|lesezeit|lesedauer|zum\s+lesen|leestijd|lezen|czytania|чтения|читання|okuma)(?!\p{L})"
    ),
    # "Reading time: 4 minutes", "Lesezeit: 3 Minuten", "Temps de lecture : 4 min"
    "label-first": regex.compile(
        r"(?i)(?<!\p{L})(?:(?:estimated\s+)?read(?:ing)?\s+time|time\s+to\s+read|lesezeit|lesedauer"
        r"|temps\s+de\s+lecture|durée\s+de\s+lecture|tiempo\s+de\s+lectura|tempo\s+di\s+lettura"
        r"|tempo\s+de\s+leitura|leestijd|czas\s+czytania|время\s+чтения|час\s+читання|okuma\s+süresi"
        r"|lectura|lecture|leitura|lettura)\s*[:：\-–]?\s*"
        rf"{_NUMBER}\s*{_MINUTES}(?!\p{{L}})"
    ),
}

_DIGIT = regex.compile(r"\d")


def may_hold_reading_time(text: str, folded: str | None = None) -> bool:
    """Cheap pre-check: False means `find_reading_time` finds nothing."""
    # Every pattern needs a minute word; substring tests (in C, unlike a generator over a
    # tuple of stems) rule out most lines cheaply.
    if folded is None:
        folded = text.casefold()
    return (
        "min" in folded
        or "мин" in folded
        or "хв" in folded
        or "dakika" in folded
        or "perc" in folded
        or "m read" in folded
    ) and _DIGIT.search(text) is not None


# Lines that are nothing but a reading-time note, possibly with a clock glyph or separators.
_ONLY_READING = regex.compile(r"^[\s|·•⏱🕐⌚\-–—]*$")


@dataclass(frozen=True, slots=True)
class ReadingTime:
    """A reading-time note: the minutes it states and its span in the line."""

    minutes: int
    start: int
    end: int


def find_reading_time(text: str, *, folded: str | None = None) -> ReadingTime | None:
    """The first reading-time note in `text`, or None. `folded` is `text` case-folded, when
    the caller has it."""
    if not may_hold_reading_time(text, folded):
        return None
    best: ReadingTime | None = None
    for pattern in _READING_PATTERNS.values():
        match = pattern.search(text)
        if match is None:
            continue
        minutes = int(match["minutes"])
        if not 1 <= minutes <= MAX_READING_MINUTES:
            continue
        if best is None or match.start() < best.start:
            best = ReadingTime(minutes, match.start(), match.end())
    return best


def reading_minutes(text: str) -> int | None:
    """The minutes of the first reading-time note in `text`, or None."""
    found = find_reading_time(text)
    return found.minutes if found else None


def is_reading_time_line(text: str, *, folded: str | None = None) -> bool:
    """True when the line says nothing but how long the article takes to read. `folded` is
    `text` case-folded, when the caller has it."""
    found = find_reading_time(text, folded=folded)
    if found is None:
        return False
    rest = text[: found.start] + text[found.end :]
    return bool(_ONLY_READING.match(rest))
