"""Author boxes: "Author: NAME", "About the author", "View all posts by NAME", "Follow NAME on X".

Only the box's own lines are dropped here. Reading the byline into the document's metadata is
the byline extractor's work (cleaner/metadata/byline.py), and a byline line under the headline
("by Martin Fornusek February 27, 2025") is left to it and to the structural stage.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import EDGE, LEAD, line_start, whole_line

# A person's name with a title or two: "Dr. Maria de la Cruz-Smith" is 5 words.
NAME_MAX_WORDS = 6

# "Author: NAME", "Written by NAME": the label and a name.
LABELLED_NAME_MAX_WORDS = 2 + NAME_MAX_WORDS

# "View all posts by NAME", "Follow NAME on X": a phrase of up to 4 words around a name.
LINK_MAX_WORDS = 4 + NAME_MAX_WORDS

# "Reporting by A and B in Kyiv; Additional reporting by C; Editing by D and E".
CREDITS_MAX_WORDS = 40

# A name as a box writes it: capitalised words, initials, particles ("de", "van"), hyphens.
# Checked case-sensitively so "by the way" or "from our partners" is not taken for one.
_NAME = (
    r"(?-i:[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|de|da|del|der|van|von|la|le|di"
    r"|du|bin|al|dos)){0,5})"
)

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "Author", "About the author", "Über den Autor", "Об авторе".
        "author_heading",
        whole_line(
            r"(?:about|meet) (?:the |our |this )?(?:authors?|writers?|contributors?|editors?"
            r"|reporters?|journalists?)",
            r"(?:the )?authors?",
            r"author (?:bio|profile|details|info)",
            r"(?:written|posted|published) by",
            r"(?:über den|über die) (?:autor|autorin|autoren)",
            r"(?:zum|zur) (?:autor|autorin)",
            r"(?:à propos de l['’]auteur|l['’]auteur|à propos de l['’]autrice)",
            r"(?:sobre el autor|sobre la autora|acerca del autor)",
            r"(?:sull['’]autore|l['’]autore|informazioni sull['’]autore)",
            r"(?:sobre o autor|sobre a autora)",
            r"o autorze",
            r"об авторе",
            r"про автора",
            r"over de auteur",
        ),
        NAME_MAX_WORDS,
    ),
    LineRule(
        # "Author: Martin Fornusek", "Written by Jane Doe", "Autor: Hans Müller".
        "labelled_author",
        rf"^{LEAD}(?:(?:authors?|autor(?:in|en)?|auteurs?|autore|autora|autorka|автор|auteur)"
        r"\s*[:|]|written by|words by|story by|text by|geschrieben von|écrit par|escrito por"
        r"|scritto da|napisał(?:a)?|написал(?:а)?|написав(?:ла)?|geschreven door)\s*"
        rf"{_NAME}(?:\s*(?:,|and|&|und|et|y|e|i|и|і|en)\s*{_NAME})*{EDGE}$",
        LABELLED_NAME_MAX_WORDS,
    ),
    LineRule(
        # "View all posts by Jane Doe", "More from Jane Doe", "More articles by Jane Doe".
        "author_archive_link",
        line_start(
            r"(?:view|see|read|browse) (?:all |more )?(?:posts|articles|stories|contributions)"
            r" (?:by|from)\b",
            r"(?:more|other|all|latest) (?:posts|articles|stories|writing|work)? ?(?:by|from)\s+"
            + _NAME
            + r"\s*$",
            r"(?:alle )?(?:artikel|beiträge) von",
            r"(?:tous les |voir les )?articles de",
            r"(?:más|todos los) artículos de",
            r"(?:altri |tutti gli )?articoli di",
            r"(?:mais |todos os )?artigos de",
            r"(?:więcej|wszystkie) artykuły",
            r"(?:все|другие) (?:статьи|материалы) автора",
            r"(?:усі|інші) (?:статті|матеріали) автора",
            r"(?:meer |alle )?artikelen van",
        ),
        LINK_MAX_WORDS,
    ),
    LineRule(
        # "Follow Jane Doe on X", "Follow @janedoe", "Email the author", "Contact the author".
        "follow_author",
        line_start(
            r"follow " + _NAME + r"\s+on\s+(?:x|twitter|linkedin|instagram|facebook|bluesky"
            r"|threads|mastodon|substack|tiktok|youtube)\b",
            r"follow @\w+",
            r"(?:e-?mail|contact|message|write to) (?:the )?(?:author|writer|reporter)\b",
            r"(?:folgen sie|folge) " + _NAME + r"\s+auf\b",
            r"suivez " + _NAME + r"\s+sur\b",
            r"sigue a " + _NAME + r"\s+en\b",
        ),
        LINK_MAX_WORDS,
    ),
    LineRule(
        # The credits at the foot of a wire story: "Reporting by Jane Doe; Editing by John Roe".
        "wire_credits",
        line_start(
            r"(?:additional )?(?:reporting|writing|editing|research|graphics|production)"
            r"(?: and (?:writing|editing|reporting))? by " + _NAME,
            r"compiled by " + _NAME + r"\s*$",
        ),
        CREDITS_MAX_WORDS,
    ),
    LineRule(
        # A lone role under a name in the box: "Staff Writer", "Senior Editor".
        "author_role",
        whole_line(
            r"(?:senior |staff |contributing |freelance |associate |managing |news |deputy "
            r"|executive |chief |guest |special |lead |junior |digital |features? |sports? "
            r"|politics |business |technology |tech |science |health )*(?:writer|reporter"
            r"|editor|correspondent|journalist|contributor|columnist|author|producer)"
            r"(?:,? (?:at|for) " + _NAME + r")?",
        ),
        NAME_MAX_WORDS,
    ),
)
