"""News-feed furniture: bare timestamps ("2:07 PM", "Feb 27, 2025 10:15"), relative times
("5 hours ago"), feed headers ("News Feed", "Live updates"), and feed items that open with a
clock time ("14:05 Russia says talks will go on").

A date line is dropped from the body only; the metadata stage reads the page's date from the
blocks before the filters' verdicts matter, so nothing is lost.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import (
    CLOCK,
    CLOCK_STAMP,
    EDGE,
    LEAD,
    ZONE,
    whole_line,
)

# A date and time is a handful of tokens ("27 February 2025, 14:05 CET"); at most 7 words in
# the WCXB train split.
STAMP_MAX_WORDS = 10

# Feed headers: "News Feed", "Live updates" (at most 2 words in the train split).
HEADER_MAX_WORDS = 5

# A feed item is a clock time and a headline; headlines in the sample feed are under 20 words.
ITEM_MAX_WORDS = 25

# How many words a feed item's headline needs, so a line like "10:30 Registration" in an event
# programme (a time and a label) is not taken for a feed item.
ITEM_MIN_HEADLINE_WORDS = 4

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "2:07 PM", "Feb 27, 2025 10:15", "27 February 2025, 14:05 CET". A date alone
        # ("February 27, 2025") is left to the metadata and structural stages: listing, forum
        # and event pages keep their dates in the body (a third of the date-only lines the
        # train split drops were gold).
        "clock_stamp",
        rf"^{LEAD}{CLOCK_STAMP}{EDGE}$",
        STAMP_MAX_WORDS,
    ),
    LineRule(
        # "5 hours ago", "Updated 2 days ago", "just now", "vor 5 Stunden", "5 годин тому".
        "relative_time",
        rf"^{LEAD}(?:(?:updated|posted|published|edited|last seen|active)\s*:?\s*)?"
        r"(?:(?:\d+|an?|one|a few|several)\s*(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?"
        r"|days?|weeks?|wks?|months?|mos?|years?|yrs?|[smhdwy])\.?\s+ago"
        r"|just now|moments? ago|yesterday|today|tomorrow"
        r"|vor\s+(?:\d+|einer?|wenigen)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?"
        r"|monat(?:en)?|jahr(?:en)?)"
        r"|il y a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
        r"|hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)"
        r"|(?:\d+|un[a']?)\s+(?:secondi|minuti|ore|giorni|settimane|mesi|anni|ora|giorno|mese"
        r"|anno)\s+fa"
        r"|há\s+(?:\d+|uma?)\s+(?:segundos?|minutos?|horas?|dias?|semanas?|mes(?:es)?|anos?)"
        r"|(?:\d+)\s+(?:sekund\w*|minut\w*|godzin\w*|dni|dzień|tygodni\w*|miesi\w*|lat\w*)"
        r"\s+temu"
        r"|(?:\d+)\s+(?:секунд\w*|минут\w*|час\w*|дн\w*|недел\w*|месяц\w*|год\w*|лет)\s+назад"
        r"|(?:\d+)\s+(?:секунд\w*|хвилин\w*|годин\w*|дн\w*|тиж\w*|місяц\w*|рок\w*)\s+тому"
        r"|(?:\d+)\s+(?:seconden|minuten|uur|dagen|weken|maanden|jaar)\s+geleden)"
        rf"{EDGE}$",
        STAMP_MAX_WORDS,
    ),
    LineRule(
        # "News Feed", "Live updates", "Live blog", "Breaking news", "Key events".
        "feed_header",
        whole_line(
            r"(?:news|live|latest|breaking|top)(?: news)? (?:feed|updates|blog|ticker|wire)",
            r"news ?(?:feed|ticker|wire)",
            r"live(?: now| coverage| updates| blog| news| tv| stream)?",
            r"breaking(?: news)?",
            r"key (?:events|moments|updates)",
            r"(?:live|latest) (?:news )?updates",
            r"liveticker",
            r"newsticker",
            r"en direct",
            r"(?:en vivo|en directo|última hora)",
            r"(?:in diretta|ultim'ora|ultima ora)",
            r"(?:ao vivo|última hora)",
            r"(?:na żywo|na żywo: relacja)",
            r"(?:стрічка новин|лента новостей|онлайн|прямой эфир|наживо)",
            r"liveblog",
        ),
        HEADER_MAX_WORDS,
    ),
    LineRule(
        # "14:05 Russia says talks in Istanbul will continue" — a feed item behind its time.
        "timestamped_item",
        rf"^{LEAD}{CLOCK}(?:\s*(?:{ZONE}))?\s*[|·•–—-]?\s*\p{{L}}\S*"
        rf"(?:\s+\S+){{{ITEM_MIN_HEADLINE_WORDS - 1},}}$",
        ITEM_MAX_WORDS,
    ),
)
