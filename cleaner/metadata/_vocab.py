"""Words and pieces shared by the byline and date-line patterns (data, not logic).

A byline or date line is accepted only when everything on it besides the author and the date
is one of these metadata pieces; that closure is what keeps body sentences such as "By the
end of the year, prices rose." out.
"""

from __future__ import annotations

import regex

from cleaner.metadata.dates import MONTHS, WEEKDAYS, ZONE_NAMES

# Placeholders put in place of a found date and a found reading-time note before matching.
DATE_MARK = "\ue000"
READING_MARK = "\ue001"


def alternation(words: tuple[str, ...] | list[str] | set[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


# Words that label a date or otherwise sit beside it on a byline or date line.
# fmt: off
META_WORDS: tuple[str, ...] = (
    # en
    "published", "updated", "posted", "last updated", "last modified", "modified", "edited",
    "originally published", "first published", "published on", "updated on", "posted on",
    "date", "dated", "date published", "publish date", "release date", "released", "created",
    "on", "at", "and", "last edited", "written", "story", "published date", "pub date",
    "share", "print", "email", "listen", "save", "follow", "comments", "comment", "article",
    "news", "latest", "yesterday", "today", "just now", "read", "min read",
    # de
    "veröffentlicht", "veröffentlicht am", "aktualisiert", "aktualisiert am", "zuletzt aktualisiert",
    "erstellt", "stand", "datum", "am", "um", "uhr", "vom",
    # fr
    "publié", "publiée", "publié le", "mis à jour", "mis à jour le", "modifié", "le", "à",
    # es / pt / it
    "publicado", "publicada", "actualizado", "actualizada", "atualizado", "atualizada", "fecha",
    "el", "a las", "em", "às", "data", "pubblicato", "aggiornato", "il", "alle", "del",
    # nl / pl
    "gepubliceerd", "bijgewerkt", "geplaatst", "op", "om", "opublikowano", "zaktualizowano",
    "aktualizacja", "publikacja", "dnia",
    # uk / ru
    "опубліковано", "оновлено", "дата", "о", "опубликовано", "обновлено", "в",
)
# fmt: on

# Words around counts, relative dates and clock times: "109 Comments", "3 hours ago",
# "vor 2 Stunden", "Feb 27th", "2:07 p.m.".
# fmt: off
_AROUND_NUMBERS: tuple[str, ...] = (
    "comments", "comment", "replies", "reply", "views", "view", "shares", "likes", "reactions",
    "kommentare", "commentaires", "comentarios", "comentários", "commenti", "reacties",
    "komentarze", "komentarzy", "коментарі", "коментарів", "комментарии", "комментариев",
    "seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min", "hours", "hour",
    "hrs", "hr", "h", "days", "day", "d", "weeks", "week", "wks", "months", "month", "years",
    "year", "yrs", "ago", "vor", "stunden", "tagen", "il", "y", "a", "heures", "jours", "hace",
    "horas", "días", "k", "st", "nd", "rd", "th", "er", "am", "pm", "p", "m", "uhr", "г", "р",
    "року", "года", "roku", "r",
)
# fmt: on

# Single characters that separate pieces of a byline or date line.
SEPARATOR_CHARS = frozenset("|·•⋅/,;:-–—_*>»«~()[].⏱🕐📅✎✍@#")

# Every word that may stand beside a date or a byline's names without making the line prose.
META_TOKENS: frozenset[str] = frozenset(
    word.casefold()
    for phrase in (*META_WORDS, *_AROUND_NUMBERS, *WEEKDAYS, *MONTHS, *ZONE_NAMES)
    for word in phrase.split()
) | {DATE_MARK, READING_MARK}

_TOKEN = regex.compile(r"[\p{L}\p{M}'’]+|\d+|\S")


def is_meta_token(token: str) -> bool:
    folded = token.casefold()
    return folded in META_TOKENS or folded in SEPARATOR_CHARS or token.isdigit()


def is_meta_only(text: str) -> bool:
    """True when every word of `text` is a metadata word, number, separator or mark."""
    # `is_meta_token` written out here and in `count_other_words`: they run on every token
    # of the byline and date candidates, and the call per token was most of their time.
    for token in _TOKEN.findall(text):
        folded = token.casefold()
        if not (folded in META_TOKENS or folded in SEPARATOR_CHARS or token.isdigit()):
            return False
    return True


def count_other_words(text: str) -> int:
    """How many words of `text` are not metadata words, numbers, separators or marks."""
    others = 0
    for token in _TOKEN.findall(text):
        folded = token.casefold()
        if not (folded in META_TOKENS or folded in SEPARATOR_CHARS or token.isdigit()):
            others += 1
    return others


def strip_meta_edges(text: str) -> str:
    """`text` without the metadata words at its start and end ("Reuters Published" -> "Reuters")."""
    # Only the tokens up to the first other word from each end are tested.
    tokens = list(_TOKEN.finditer(text))
    start = end = None
    for match in tokens:
        if not is_meta_token(match.group()):
            start = match.start()
            break
    if start is None:
        return ""
    for match in reversed(tokens):
        if not is_meta_token(match.group()):
            end = match.end()
            break
    # Never inside a word: the digits of a user name stay ("ridwan123", "jdoe_42").
    while end is not None and end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return text[start:end]


# Collective signatures keep their last word: "Podium Staff", "Everfit Team", "News Desk".
# fmt: off
COLLECTIVE_WORDS: tuple[str, ...] = (
    "staff", "team", "desk", "newsroom", "editors", "editorial", "redaktion", "rédaction",
    "redacción", "redazione", "redactie", "редакція", "редакция",
)
# fmt: on

# Professional roles that follow a name ("Jane Doe, Staff Writer").
# fmt: off
ROLE_WORDS: tuple[str, ...] = (
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors",
    "contributor", "columnist", "journalist", "senior", "chief", "managing", "deputy",
    "associate", "assistant", "contributing", "political", "business", "technology", "tech",
    "science", "health", "news", "sports", "world", "foreign", "national", "investigative",
    "founder", "co-founder", "cofounder", "ceo", "coo", "cto", "cmo", "director", "manager",
    "head", "lead", "analyst", "producer", "photographer", "author", "team", "desk", "bureau",
    "specialist", "expert", "strategist", "consultant", "marketing", "content", "digital",
    "executive", "president", "vice", "partner", "owner", "intern", "fellow", "professor",
    "researcher", "scientist", "engineer", "developer", "designer", "coordinator",
    "representative", "member", "officer", "adviser", "advisor", "student", "volunteer",
    "review", "reviewer", "expert", "guest", "freelance", "special", "staffer", "host",
    "contributors", "staffers", "desk", "newsroom", "editorial",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "journalistin", "rédacteur",
    "rédactrice", "journaliste", "correspondant", "correspondante", "redactor", "redactora",
    "periodista", "corresponsal", "giornalista", "redattore", "jornalista", "repórter",
    "redacteur", "verslaggever", "dziennikarz", "dziennikarka", "журналіст", "журналист",
    "кореспондент", "корреспондент", "редактор", "and", "&", "of", "at", "in", "for", "the",
)
# fmt: on

# News agencies and wire services that sign articles in place of a person.
# fmt: off
AGENCIES: tuple[str, ...] = (
    "Reuters", "Thomson Reuters", "Associated Press", "The Associated Press", "AP", "AFP",
    "Agence France-Presse", "Agence France Presse", "Bloomberg", "Bloomberg News", "dpa", "DPA",
    "ANSA", "EFE", "Europa Press", "PTI", "IANS", "ANI", "Xinhua", "TASS", "RIA Novosti",
    "Interfax", "Interfax-Ukraine", "Ukrinform", "UNIAN", "Kyodo", "Kyodo News", "Yonhap",
    "PAP", "APA", "ČTK", "CTK", "Anadolu", "Anadolu Agency", "AAP", "The Canadian Press", "KNA",
    "epd", "Belga", "NTB", "Ritzau", "Lusa", "Agência Brasil", "CNA", "Bernama", "Antara",
    "Press Association", "PA Media", "UPI", "SID", "APA-OTS", "Notimex", "Prensa Latina",
)
# fmt: on

# Capitalised words that start many non-name lines; a name never consists of them.
# fmt: off
NOT_NAME_WORDS: tuple[str, ...] = (
    *WEEKDAYS,
    # Full month names, except the ones that are also first names (April, May, June, August);
    # abbreviations such as "Jan" are first names too, and masked dates never reach a name.
    "january", "february", "march", "july", "september", "october", "november", "december",
    "the", "a", "an", "this", "that", "these", "those", "our", "your", "my", "his", "her",
    "their", "its", "we", "you", "i", "it", "he", "she", "they", "what", "how", "why", "when",
    "where", "who", "which", "if", "in", "on", "at", "for", "from", "with", "to", "of", "all",
    "no", "not", "yes", "new", "best", "top", "more", "most", "latest", "breaking", "live",
    "news", "home", "menu", "search", "login", "log", "sign", "subscribe", "follow", "share",
    "read", "view", "views", "watch", "listen", "video", "videos", "photo", "photos", "image",
    "images", "gallery", "updated", "published", "posted", "modified", "comments", "comment",
    "reply", "replies", "print", "email", "related", "previous", "next", "back", "skip",
    "contact", "about", "privacy", "terms", "cookie", "cookies", "advertisement", "sponsored",
    "editor's", "editors'", "picks", "popular", "trending", "featured", "opinion", "analysis",
    "review", "reviews", "guide", "tips", "how-to", "faq", "blog", "articles", "article",
    "story", "stories", "page", "pages", "date", "time", "today", "yesterday", "tomorrow",
    "week", "month", "year", "minute", "minutes", "min", "hour", "hours", "day", "days",
    "part", "chapter", "section", "table", "contents", "summary", "overview",
    "introduction", "conclusion", "step", "free", "shop", "buy", "sale", "price", "order",
    "cart", "account", "download", "click", "here", "see", "also", "get", "start", "learn",
    "discover", "explore", "join", "register", "submit", "send", "close", "open", "show", "hide",
    "loading", "error", "warning", "note", "notice", "update", "updates", "author", "authors",
    "by", "written", "posted", "source", "sources", "credit", "credits", "copyright",
    # logos and the facets of filter menus ("By Use Case", "By Company Size")
    "logo", "icon", "avatar", "use", "case", "cases", "type", "types", "size", "only",
    "appointment", "industry", "industries", "role", "roles", "category", "categories",
    "topic", "topics", "company", "companies", "solution", "solutions", "product", "products",
    "service", "services", "location", "locations", "region", "price", "brand", "brands",
    "level", "format", "stage", "platform", "feature", "features", "need", "needs", "goal",
    "goals", "function", "integration", "integrations", "customer", "customers", "audience",
    "department", "country", "state", "city", "date", "name", "rating", "popularity",
    "relevance", "newest", "oldest", "default", "filter", "sort", "all", "other", "more",
    "regular",
    # words of site furniture that come in title case next to dates
    "post", "posts", "tag", "tags", "recent", "related", "quick", "apply", "press", "release",
    "releases", "continue", "reading", "disclosure", "advertiser", "affiliate", "certified",
    "software", "tool", "tools", "strategy", "forum", "forums", "studio", "planning", "schedule",
    "scheduling", "resources", "resource", "support", "help", "center", "centre", "policy",
    "report", "reports", "insights", "webinar", "webinars", "event", "events", "course",
    "courses", "newsletter", "podcast", "series", "edition", "issue", "volume", "archive",
    "archives", "library", "collection", "community", "network", "program", "programs",
    "project", "projects", "careers", "jobs", "great", "hello", "welcome", "thanks", "thank",
    "question", "questions", "answer", "answers", "tutorial", "tutorials", "documentation",
    "docs", "news", "updates", "announcements", "media", "pricing", "gender", "age",
    # placeholders that code and templates print where a name goes
    "username", "user", "string", "null", "none", "undefined", "anonymous user",
)
# fmt: on
