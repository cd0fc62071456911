"""Pattern fragments shared by the rule categories.

Rendered pages wrap UI strings in decoration: arrows and bullets around a link ("Read more »"),
the text of an icon after it ("Shop Now Arrow right", "arrow_forward"), a count after a button
("Comments (12)"). `whole_line` builds a pattern that matches a line made of one of a few
phrases and nothing but such decoration, so a rule can list the bare phrases only.

Dates and times are shared by the feed and notice rules: `CLOCK_STAMP` and `DATE_STAMP` match a
run of date and time tokens (with and without a clock time), in the languages the rules cover.
"""

from __future__ import annotations

# Characters that may surround a UI string without changing what it is: white space (and the
# zero-width ones a renderer leaves behind), symbols (arrows, icons, emoji), dashes, quotes
# used as chevrons, bullets, separators and end punctuation.
_EDGE_CHAR = r"[\s\u200b\u200c\u200d\ufeff\p{So}\p{Sm}\p{Pd}\p{Pi}\p{Pf}|•·*:.…!?]"
EDGE = _EDGE_CHAR + "*"
# The same at the start of a line, bounded: a rule retries its phrases at every position the
# leading run could end, so an unbounded run (a line of 50,000 arrows) cost a second a line.
LEAD = _EDGE_CHAR + "{0,12}"

# The text of an icon left after a link: "Arrow right", "chevron_right", "icon".
ICON_TAIL = (
    r"(?:\s+(?:(?:arrow|chevron|caret|angle)(?:[\s_-]?(?:right|left|up|down|forward|back|"
    r"outward|circle|alt))*|icon|expand_more|open_in_new|north_east|east))*"
)

# An optional count after a button: "Comments (12)", "Share 1.2K", "Cart [0]".
COUNT = r"(?:\s*[(\[]\s*\d[\d.,]*\s*[km]?\s*[)\]]|\s+\d[\d.,]*\s*[km]?)?"


def phrase(text: str) -> str:
    """A phrase written for people turned into a pattern that tolerates rendering variants.

    A space matches any run of white space ("log ?in", an optional space, matches any or none),
    and a straight apostrophe matches a typographic one or none ("Don't", "Don’t", "Dont").
    Character classes and escapes are left as written.
    """
    out: list[str] = []
    in_class = escaped = False
    skip_next = False
    for i, char in enumerate(text):
        if skip_next:
            skip_next = False
            continue
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == " " and text[i + 1 : i + 2] == "?":
            char, skip_next = r"\s*", True
        elif char == " ":
            char = r"\s+"
        elif char == "'":
            char = "['’]?"
        out.append(char)
    return "".join(out)


def whole_line(*phrases: str, counted: bool = False) -> str:
    """A pattern for a line that is one of `phrases` give or take decoration (and a count)."""
    body = "|".join(phrase(p) for p in phrases)
    count = COUNT if counted else ""
    return rf"^{LEAD}(?:{body}){count}{ICON_TAIL}{EDGE}$"


def line_start(*phrases: str) -> str:
    """A pattern for a line that begins with one of `phrases` as whole words."""
    body = "|".join(phrase(p) for p in phrases)
    return rf"^{LEAD}(?:{body})(?!\w)"


# Month names, full and abbreviated, in the languages the rules cover; the Slavic ones by stem
# so the inflected forms match too ("lutego", "февраля", "лютого").
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|januar|jänner|februar|märz|"
    r"mai|juni|juli|oktober|dezember|okt|dez|janvier|février|mars|avril|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|janv|févr|avr|juil|déc|enero|febrero|marzo|abril|"
    r"mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|abr|ago|"
    r"dic|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|gen|mag|"
    r"giu|lug|ott|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|fev|"
    r"januari|februari|maart|mei|augustus|mrt|"
    r"(?:stycz|lut|kwie|czerw|lip[ic]|sierp|wrze|paźdz|listopad|grud|январ|феврал|март|"
    r"апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|трав|"
    r"черв|лип|серп|верес|жовт|листопад|груд)\p{L}*)\.?"
)
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|"
    r"thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|"
    r"viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
    r"segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|poniedziałek|wtorek|"
    r"środa|czwartek|piątek|sobota|niedziela|понедельник|вторник|среда|четверг|пятница|"
    r"суббота|воскресенье|понеділок|вівторок|середа|четвер|п['ʼ’]ятниця|субота|неділя|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\.?"
)
# A clock time: "2:07 PM", "14:05", "9.30am", "10h15", "2:07 p.m.". A dot only counts with
# "am"/"pm" after it, so a rating or a price ("4.26", "9.99") is not a time.
CLOCK = r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\.\d{2}\s*[ap]\.?\s?m\.?|\d{1,2}h\d{2})"
# A numeric date with separators: "2025-02-27", "27.02.2025", "2/27/25".
FULL_NUMERIC_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
# A lone day or year as part of a longer date: "27", "27th", "2025", "27." ("27. Februar").
DAY_OR_YEAR = r"\d{1,4}(?:st|nd|rd|th|er|º|\.)?"
# Named time zones ("EST", "CET", "UTC+2"). Written in lower case like every rule (lines are
# matched lower-cased); they only count inside a line made of date tokens, where "est" or "pt"
# is no ordinary word.
ZONE = (
    r"(?:utc|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|akdt|hst|bst|cet|cest|eet|eest|wet|"
    r"west|msk|ist|jst|kst|aest|aedt|acst|awst|nzst|nzdt|sgt|hkt|et|pt|ct|mt)"
    r"(?:[+-]\d{1,2}(?::?\d{2})?)?"
)
# Small words that sit between date parts: "on", "at", "de", "um", "à", "в", "о".
DATE_GLUE = r"(?:at|on|of|de|del|um|à|a\s+las|alle|às|o|w|в|о|op|om)"

# One token, atomic so a failed line is rejected without retrying every way of splitting it.
_TIME_TOKEN = rf"(?>{CLOCK}(?!\w))"
_DATE_TOKEN = rf"(?>(?:{FULL_NUMERIC_DATE}|{MONTH}|{DAY_OR_YEAR}|{ZONE}|{DATE_GLUE})(?!\w))"
# Weekdays are kept apart: a stamp with a weekday ("Mon Jan 22, 2024 6:07 pm") is how forums
# and event listings date their posts, which their gold bodies keep.
_WEEKDAY_TOKEN = rf"(?>{WEEKDAY}(?!\w))"
_ANY_TOKEN = rf"(?:{_TIME_TOKEN}|{_DATE_TOKEN})"
# A date needs a month name or a full numeric date; a day, a year, a weekday or "at" only count
# beside one, so a line "2025" or "3" alone is not taken for a date.
_DATE_CORE = rf"(?>(?:{FULL_NUMERIC_DATE}|{MONTH})(?!\w))"
DATE_SEPARATOR = r"[\s,|·•/–—-]"

# A run of date tokens with a clock time in it: "2:07 PM", "Feb 27, 2025 10:15". No weekday
# and no seconds (see above; "6:58:37 AM" is a build log's line).
CLOCK_STAMP = rf"(?:{_DATE_TOKEN}{DATE_SEPARATOR}+)*{_TIME_TOKEN}(?:{DATE_SEPARATOR}+{_ANY_TOKEN})*"
# A run of date tokens without a clock time: "February 27, 2025", "Thu 27.02.2025".
DATE_STAMP = (
    rf"(?:(?:{_DATE_TOKEN}|{_WEEKDAY_TOKEN}){DATE_SEPARATOR}+)*?{_DATE_CORE}"
    rf"(?:{DATE_SEPARATOR}+(?:{_DATE_TOKEN}|{_WEEKDAY_TOKEN}))*"
)
# Either of them, after an optional weekday (for labels such as "Updated Mon Jan 22, 2024").
DATE_TIME = rf"(?:{_WEEKDAY_TOKEN}{DATE_SEPARATOR}+)?(?:{CLOCK_STAMP}|{DATE_STAMP})"
