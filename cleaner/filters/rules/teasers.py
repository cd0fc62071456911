"""Teaser links and the headers of teaser lists: "Read more", "Related articles", "Most read",
and the "Read also: <headline>" lines that news sites put between paragraphs.

The teasers under such a header (headlines with a line of summary) look like prose; they are
left to the structural stage, which sees that they follow the end of the article.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import LEAD, whole_line

# Links and list headers: at most 7 words among the lines these rules drop in the WCXB train
# split (95% at most 4).
HEADER_MAX_WORDS = 8

# "Read also: <headline>" carries a headline: at most 18 words in the train split.
PREFIXED_HEADLINE_MAX_WORDS = 30

# "Continue reading <post title> →" carries a title.
CONTINUE_MAX_WORDS = 20

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "Read more", "Continue reading", "Learn more", "Mehr lesen", "Lire la suite".
        "read_more_link",
        whole_line(
            # "Learn more", "Find out more" and "Read the full story" are left alone: service
            # pages keep them as part of their text (the gold bodies of the train split do).
            r"(?:read|see|view|show|click here to read|click for) (?:more|article|post)"
            r"(?: here| now)?",
            "continue reading",
            "keep reading",
            "read on",
            "read now",
            "(?:mehr|weiter) ?lesen",
            "weiterlesen",
            "mehr erfahren",
            "lire (?:la suite|plus)",
            "en savoir plus",
            "leer (?:más|mas)",
            "seguir leyendo",
            "saber más",
            "leggi (?:di più|tutto|l'articolo)",
            "continua a leggere",
            "scopri di più",
            "leia mais",
            "saiba mais",
            "continuar lendo",
            "czytaj (?:więcej|dalej)",
            "dowiedz się więcej",
            "читать (?:далее|дальше|полностью)",
            "подробнее",
            "читати (?:далі|більше)",
            "детальніше",
            "lees (?:meer|verder)",
            "verder lezen",
        ),
        HEADER_MAX_WORDS,
    ),
    LineRule(
        # "Continue reading How to brew coffee at home →" (a WordPress excerpt's link).
        "continue_reading_title",
        rf"^{LEAD}continue reading\b.*(?:→|»|›|…|\.\.\.)\s*$",
        CONTINUE_MAX_WORDS,
    ),
    LineRule(
        # "Read also: <headline>", "READ MORE: <headline>", "Lire aussi : <headline>".
        "read_also_headline",
        rf"^{LEAD}(?:read (?:also|more|next|too|this)|also read|related(?: story"
        r"| article| coverage| content| news| reading)?|must read|don['’]?t miss|editor['’]?s pick"
        r"|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|lire aussi|à lire aussi"
        r"|a lire aussi|voir aussi|lee también|leer también|lea también|te puede interesar"
        r"|leggi anche|vedi anche|leia também|veja também|leia mais|czytaj (?:też|także|również)"
        r"|zobacz (?:też|także|również)|читайте также|читайте також|смотрите также|дивіться також"
        r"|lees ook|zie ook)\s*[:|–—-]\s*\S.*$",
        PREFIXED_HEADLINE_MAX_WORDS,
    ),
    LineRule(
        # "MORE: <headline>", "WATCH: <headline>": words that also open ordinary lines ("More:
        # see the manual") count as a teaser's kicker only in capitals.
        "capitals_kicker_headline",
        r"^\W*(?-i:MORE|WATCH|LISTEN|RECOMMENDED|EXPLAINER|READ)\s*[:|–—-]\s*\S.*$",
        PREFIXED_HEADLINE_MAX_WORDS,
    ),
    LineRule(
        # Headers of teaser lists: "Related articles", "Most popular", "You may also like".
        "list_header",
        whole_line(
            r"(?:more|other|latest|recent|popular|top|related|similar|recommended|featured"
            r"|trending|further|new)(?: \w+)? (?:news|stories|articles|posts|reads|videos"
            r"|podcasts|headlines|reading|content|topics|coverage|guides|products|items)",
            r"more (?:from|on|in|about) (?:this|the|our) (?:story|topic|section|series|site"
            r"|category|blog|author)",
            r"more (?:to (?:explore|read)|like this|for you)",
            r"(?:editor|editors)['’]?s?['’]? (?:picks?|choice)",
            r"(?:most|top) (?:popular|read|viewed|shared|commented|recent|watched|emailed)"
            r"(?: (?:news|stories|articles|posts|this week|today|now))?",
            r"related",
            r"featured",
            r"recommended(?: for you| reading)?",
            r"trending(?: now| today| topics)?",
            r"popular(?: now| today| this week)?",
            r"latest",
            r"(?:latest|recent|breaking|top) news",
            r"(?:you )?(?:may|might|could|will) also (?:like|enjoy|be interested in)",
            r"you (?:may|might) be interested in",
            r"(?:we )?think you['’]?ll like",
            r"don['’]?t miss(?: this| these)?",
            r"(?:read|up|what to read) next",
            r"also read",
            r"in (?:other|case you missed|related) news",
            r"in case you missed it",
            r"what['’]?s new",
            r"keep reading",
            r"(?:customers|people|shoppers) (?:also|who (?:viewed|bought) this also) "
            r"(?:viewed|bought|liked|searched for)",
            r"frequently bought together",
            r"recently viewed(?: products| items)?",
            r"(?:you may|you might) also need",
            r"das könnte (?:sie|dich) auch interessieren",
            r"meistgelesen(?:e)?(?: artikel)?",
            r"(?:ähnliche|verwandte|weitere) (?:artikel|beiträge|themen)",
            r"mehr zum thema",
            r"(?:à lire aussi|lire aussi|les plus lus|articles similaires|sur le même sujet"
            r"|dans la même rubrique|à voir aussi|nos recommandations)",
            r"(?:te puede interesar|lo más leído|lo más visto|más leídas|más vistas"
            r"|artículos relacionados|noticias relacionadas|también te puede interesar)",
            r"(?:potrebbe interessarti(?: anche)?|i più letti|articoli correlati|leggi anche)",
            r"(?:mais lidas|mais lidos|artigos relacionados|veja também|você também pode gostar)",
            r"(?:najczęściej czytane|polecane|podobne artykuły|zobacz też|czytaj też)",
            r"(?:популярное|самое читаемое|читайте также|похожие статьи|последние новости"
            r"|другие новости|по теме)",
            r"(?:популярне|найпопулярніше|читайте також|схожі статті|останні новини"
            r"|інші новини|за темою)",
            r"(?:meest gelezen|gerelateerde artikelen|lees ook|meer nieuws)",
        ),
        HEADER_MAX_WORDS,
    ),
)
