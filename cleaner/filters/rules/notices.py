"""Notices about the page rather than the article: reading time, audio players, "Updated"
stamps, advertisement labels, loading and JavaScript messages, video player controls, and the
banner that says a US government site is official.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import DATE_TIME, EDGE, LEAD, line_start, whole_line

# Labels and buttons: at most 4 words among the lines these rules drop in the WCXB train split.
LABEL_MAX_WORDS = 8

# A reading time often ends the byline line: "by Martin Fornusek February 27, 2025 2:07 PM
# 2 min read" is 10 words; 20 leaves room for two authors and a section name.
READING_TIME_MAX_WORDS = 20

# "This audio is created with AI assistance", "You need to enable JavaScript to run this app."
NOTICE_MAX_WORDS = 20

# "Updated Feb 27, 2025 10:15 am EST": a label and a date (at most 9 words in the train split).
STAMP_MAX_WORDS = 12

# The official-site banner of US government pages: its longest line is 24 words.
GOV_BANNER_MAX_WORDS = 30

# What may follow a reading time at the end of a line: spacing, separators and icons, but not a
# full stop, so "The report is a 10 minute read." (a sentence) is left alone.
_TAIL = r"[\s|·•\p{So}]*"

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "2 min read", "5 minute read", "3 Min. Lesezeit" at the end of a line (often the
        # byline's: "by Martin Fornusek February 27, 2025 2:07 PM 2 min read").
        "reading_time",
        r"(?<!\S)(?:\d+|one|two|three|five|ten)\s*(?:-\s*)?(?:min|mins|minutes?)\.?\s+"
        r"(?:read|reading(?: time)?|to read|de lecture|de lectura|de leitura|di lettura"
        r"|lesezeit|lesedauer|leestijd|czytania|чтения|читання)"
        rf"(?:{EDGE}(?:listen|share|save))?{_TAIL}$",
        READING_TIME_MAX_WORDS,
        requires=("min",),
    ),
    LineRule(
        # "Reading time: 4 minutes", "Estimated reading time: 4 minutes", "Lesezeit: 3 Min."
        "reading_time_label",
        r"^(?:estimated )?(?:reading|read) time\s*:?\s*(?:about |approx\.? |~)?\d+"
        rf"(?:\s*(?:-|to)\s*\d+)?\s*(?:min|mins|minutes?)\.?{EDGE}$"
        r"|^(?:lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura"
        r"|tempo de leitura|czas czytania|время чтения|час читання|leestijd)\s*:?\s*"
        r"(?:ca\.? |environ |unos |circa |cerca de |około |около |близько )?\d+\s*"
        rf"(?:min|mins|minut|minuten|minutes?|minutos|minuti|minuty|минут\w*|хвилин\w*)\.?{EDGE}$",
        READING_TIME_MAX_WORDS,
        requires=("min", "минут", "хвилин"),
    ),
    LineRule(
        # Audio players: "Listen to this article", "Listen 5 min", "This audio is created with
        # AI assistance", "Voiced by Amazon Polly".
        "audio_player",
        line_start(
            r"listen(?: to)?(?: this| the)?(?: article| story| post| now)?(?:\s*[:·|•-]?\s*"
            r"\d+(?:[:.]\d+)?\s*(?:min|mins|minutes?)?\.?)?$",
            r"(?:play|pause|hear|listen to) (?:the |this )?(?:audio|article|story|podcast)"
            r"(?: version)?\s*$",
            r"(?:this )?(?:audio|narration|voice(?:over)?|article audio)\b[^.]{0,60}"
            r"\b(?:created|generated|produced|narrated|read) (?:with|by|using) (?:an? )?"
            r"(?:ai|artificial intelligence|automated|text-to-speech|computer)",
            r"voiced by amazon polly",
            r"(?:audio|listen) (?:version|player)\b",
            r"(?:artikel|beitrag) (?:anhören|vorlesen)",
            r"(?:écouter|écoutez) (?:cet |l['’])article",
            r"escuchar (?:este |el )?(?:artículo|noticia)",
            r"ascolta (?:l['’]articolo|questo articolo)",
            r"ouvir (?:este |o )?(?:artigo|texto)",
            r"posłuchaj(?: artykułu)?",
            r"(?:слушать|прослушать) (?:статью|новость)",
            r"(?:слухати|прослухати) (?:статтю|новину)",
            r"(?:beluister|luister naar) (?:dit |het )?artikel",
        ),
        NOTICE_MAX_WORDS,
    ),
    LineRule(
        # "Updated", "Last updated: Feb 27, 2025", "Edited 10:15 am EST", "Published".
        # "Published/Posted <date>" is left to the metadata stage: forums keep "Posted April 18,
        # 2024" above each post in their gold bodies.
        "update_stamp",
        rf"^{LEAD}(?:(?:last\s+)?(?:updated|modified|edited|reviewed|aktualisiert|mis à jour"
        r"|actualizado|aggiornato|atualizado|zaktualizowano|обновлено|оновлено|bijgewerkt)"
        rf"(?:\s+(?:on|at|le|am|el|il|em))?\s*:?\s*(?:{DATE_TIME})?"
        r"|(?:published|posted|veröffentlicht|publié|publicado|pubblicato|opublikowano"
        rf"|опубликовано|опубліковано|gepubliceerd)(?:\s+(?:on|at|le|am|el|il|em))?\s*:?){EDGE}$",
        STAMP_MAX_WORDS,
    ),
    LineRule(
        # "Advertisement", "Sponsored", "Story continues below advertisement", "Anzeige".
        "advertisement",
        whole_line(
            r"(?:advertisement|advertising|advert|ad|ads|sponsored)"
            r"(?: content| post| story| feature| links?| message| section| by \w+(?: \w+)?)?",
            r"(?:paid|partner|branded) (?:content|post|story|feature|partnership)",
            r"(?:story|article|content|text) continues (?:below|after)(?: (?:this|the))?"
            r"(?: advertisement| ad| advert)?",
            r"(?:continue reading|scroll (?:down )?to continue(?: with content)?)"
            r"(?: below)?(?: (?:the|this) (?:ad|advertisement))?",
            r"advertisement[\s-]+scroll to continue(?: with content)?",
            r"(?:remove|hide|skip|close) (?:this )?ads?",
            r"ad (?:feedback|choices)",
            r"adchoices",
            r"anzeige",
            r"werbung",
            r"publicité",
            r"publicidad",
            r"pubblicità",
            r"publicidade",
            r"reklama",
            r"реклама",
            r"advertentie",
        ),
        LABEL_MAX_WORDS,
    ),
    LineRule(
        # "Loading...", "Please enable JavaScript", "Your browser does not support the video tag."
        "loading_or_script",
        line_start(
            r"(?:loading|please wait|wird geladen|chargement|cargando|caricamento|carregando"
            r"|ładowanie|загрузка|завантаження|laden)(?:\s*(?:\.\.\.|…|\.))*\s*$",
            # "Loading article…", "Loading comments...": one word, then the ellipsis.
            r"loading\s+\w+\s*(?:\.\.\.|…)\s*$",
            r"(?:please )?(?:enable|turn on|activate) javascript",
            r"javascript (?:is|must be|needs to be) (?:disabled|required|enabled|turned on"
            r"|not enabled|off)",
            r"you need to enable javascript",
            r"(?:this site|this page|this website|this app|our website) (?:requires|needs) "
            r"javascript",
            r"(?:your|this) browser (?:does not|doesn['’]?t|cannot|can['’]?t) support",
            r"(?:your browser is out of date|you are using an outdated browser)",
            r"(?:this video|the video|video) (?:is )?(?:unavailable|cannot be played"
            r"|could not be loaded|is not available)",
            r"(?:bitte )?javascript aktivieren",
            r"(?:veuillez )?activer (?:le )?javascript",
            r"(?:por favor,? )?(?:activa|habilita) (?:el )?javascript",
            r"(?:включите|увімкніть) javascript",
        ),
        NOTICE_MAX_WORDS,
    ),
    LineRule(
        # The banner atop US government sites (the federal design system's): "An official
        # website of the United States government. Here's how you know", and what its
        # disclosure opens: "The .gov means it's official. Federal government websites often
        # end in .gov or .mil...", "The site is secure. The https:// ensures that...".
        "gov_banner",
        line_start(
            r"an official website of the (?:united states|u\.s\.) government",
            r"here['’]s how you know\W*$",
            r"the \.gov means it['’]s official",
            r"federal government websites (?:often|always) end in \.gov",
            r"official websites use \.gov",
            r"an? \.gov website belongs to an official government organization",
            r"the site is secure\.?\s*$",
            r"the https:// ensures that you are connecting to the official website",
            r"secure \.gov websites use https",
            r"a lock \(.{0,20}\) or https:// means you['’]ve safely connected",
        ),
        GOV_BANNER_MAX_WORDS,
        requires=("gov", "how you know", "site is secure", "https://"),
    ),
    LineRule(
        # Video and audio player controls: "Play", "Mute", "0:00 / 3:21", "This is a modal window."
        "media_controls",
        whole_line(
            r"(?:play|pause|replay|mute|unmute|fullscreen|full screen|exit full ?screen"
            r"|picture-in-picture|cc)(?: video| audio| all)?",
            r"play (?:the )?video",
            r"video player is loading\.?",
            r"this is a modal window\.?",
            r"(?:beginning|end) of dialog window\.?",
            r"close modal dialog",
            r"(?:current time|duration|remaining time)\s*(?:-\s*)?\d+:\d{2}(?::\d{2})?",
            r"\d+:\d{2}(?::\d{2})?\s*/\s*\d+:\d{2}(?::\d{2})?",
            r"skip ad",
            r"playback rate",
            r"(?:captions|subtitles) (?:off|settings)",
        ),
        LABEL_MAX_WORDS,
    ),
)
