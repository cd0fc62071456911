"""Navigation and menu lines: skip links, menu toggles, breadcrumbs, search, account and shop
widgets, pagination, language pickers, and the icon text a renderer leaves after a link.

Whole menus rendered on one line ("War Analysis Russia’s War National Human Story") carry no
word that marks them as a menu; they are left to the structural stage, which sees where the
article starts and ends.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import EDGE, ICON_TAIL, LEAD, line_start, phrase, whole_line

# Menu items and buttons: the lines these rules drop in the WCXB train split are at most 6
# words long (95% at most 3).
BUTTON_MAX_WORDS = 6

# Several skip links rendered on one line ("Skip to content Skip to navigation ...") reach 16
# words in the train split.
SKIP_LINK_MAX_WORDS = 16

# A row of page numbers ("1 2 3 4 5 6 7 8 Next").
PAGINATION_MAX_WORDS = 12

# A link with its icon's text can run to 12 words ("... Read the full report Arrow right").
ICON_RESIDUE_MAX_WORDS = 12

# A breadcrumb ends with the page's own title, which can be long.
BREADCRUMB_MAX_WORDS = 30

# "Previous article: <headline>" carries a headline.
ADJACENT_POST_MAX_WORDS = 30

# Alt text ending in "image" ("Newsletters image") is kept to 3 words, as a documentation
# heading can end in it too ("Build the Docker image"); alt text of a logo, an icon or a
# profile picture runs to 9 words in the train split ("North American Van Lines Logo") and is
# never a gold line there.
ALT_TEXT_MAX_WORDS = 3
LOGO_ALT_TEXT_MAX_WORDS = 9

# Language names as a language picker writes them, each in its own language.
_LANGUAGES = phrase(
    r"english|deutsch|français|francais|español|espanol|italiano|português|portugues|polski|"
    r"русский|українська|nederlands|dansk|svenska|norsk|suomi|türkçe|čeština|magyar|română|"
    r"ελληνικά|עברית|العربية|हिन्दी|日本語|한국어|中文|简体中文|繁體中文|bahasa indonesia|"
    r"bahasa melayu|tiếng việt|ไทย|català|hrvatski|slovenčina|български|eesti|latviešu|"
    r"lietuvių|en|de|fr|es|it|pt|pl|ru|uk|ua|nl|ja|zh|ko"
)

# Menu words that name a section of a site. Each was checked on the WCXB train split: as a line
# of its own it is a gold body line in at most 2% of its occurrences (e.g. "Blog" 5 of 697,
# "Industries" 0 of 142). Left out for being headings of page content just as often:
# "Features", "Overview", "FAQ", "Resources", "Pricing", "Services", "Support", "Reviews".
_SECTIONS = phrase(
    r"blogs?|our blog|company|news|latest news|products|all products|events|solutions|industries"
    r"|learn|forums?|tools|explore|guides|press|categories|all categories|partners|newsroom"
    r"|articles|videos|locations|downloads?|webinars|documentation|topics|brands|platform"
    r"|developers|leadership|media|awards|tutorials|get involved|stores|shop|podcasts?"
)

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "Skip to content", "Skip to main content", "Jump to navigation".
        "skip_link",
        line_start(
            r"(?:skip|jump|go|return|back)(?: directly)? to (?:the )?(?:main |primary )?"
            r"(?:content|navigation|menu|search|footer|sidebar|article|main|page content)",
            r"skip (?:navigation|nav|links|to main)",
            r"zum inhalt(?: springen| wechseln)?",
            r"zur navigation",
            r"(?:aller|passer|accéder) (?:au|directement au) contenu",
            r"(?:ir|saltar|pasar) al contenido(?: principal)?",
            r"(?:vai|salta|passa) al contenuto(?: principale)?",
            r"(?:pular|ir|saltar) para o conteúdo",
            r"przejdź do (?:treści|zawartości)",
            r"перейти к (?:содержимому|содержанию|контенту)",
            r"перейти до (?:вмісту|змісту|контенту)",
            r"(?:naar de inhoud|ga naar (?:de )?inhoud|direct naar)",
        ),
        SKIP_LINK_MAX_WORDS,
    ),
    LineRule(
        # "Menu", "Open menu", "Toggle navigation", "Close", "×".
        "menu_toggle",
        whole_line(
            r"(?:open |close |toggle |show |hide |main |mobile |primary |site |secondary )*"
            r"(?:menu|navigation|nav|sidebar|submenu|sub-menu)(?: menu)?",
            r"(?:open|close|toggle|expand|collapse)(?: all| section| panel| dialog| modal)?",
            r"[×✕✖✗]",
            "hamburger",
            "more(?: options)?",
            "sections",
            "all sections",
            "menü",
            "hauptmenü",
            "schließen",
            "fermer",
            "menú",
            "cerrar",
            "chiudi",
            "fechar",
            "zamknij",
            "меню",
            "закрыть",
            "закрити",
            "sluiten",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # "Home", "Homepage", "Back to home".
        "home_link",
        whole_line(
            r"(?:back to |go to |return to |go )?(?:home|homepage|home page|start page)",
            "startseite",
            "accueil",
            "inicio",
            "início",
            "pagina iniziale",
            "strona główna",
            "главная(?: страница)?",
            "головна(?: сторінка)?",
            "startpagina",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # "Blog", "News", "Blog | News | Events", "Blog News Events": section links of a menu
        # (two words side by side need a separator: "Explore documentation" is a heading).
        "site_section",
        rf"^{LEAD}(?:{_SECTIONS})(?:(?:\s*[|·•/,]\s*(?:{_SECTIONS}))+|(?:\s+(?:{_SECTIONS})){{2,}})?"
        rf"{ICON_TAIL}{EDGE}$",
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Labels of page furniture: "Table of contents", "On this page", "Quick links", "Tags".
        "page_furniture",
        whole_line(
            "table of contents",
            "contents",
            "on this page",
            "in this (?:article|post|guide|story)",
            "jump to(?: section)?",
            "(?:quick|useful|helpful|related) links",
            "footer(?: menu| navigation| links)?",
            "breadcrumbs?",
            "main content",
            "logo",
            "back",
            "(?:tags|tagged|topics|categories|filed under|posted in)",
            "inhaltsverzeichnis",
            "sommaire",
            "índice",
            "indice",
            "spis treści",
            "содержание",
            "зміст",
            "inhoudsopgave",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Sales calls to action: "Book a demo", "Get a quote", "Apply now".
        "call_to_action",
        whole_line(
            r"(?:book|request|get|schedule|see) a (?:free |live )?(?:demo|quote)",
            "request a quote",
            "apply now",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # "Home > News > World", "Home / Blog / A post title", "You are here: Home".
        "breadcrumb",
        rf"^{LEAD}(?:(?:you are here|sie sind hier|vous êtes ici|usted está aquí|"
        r"sei qui|você está aqui|jesteś tutaj|вы здесь|ви тут)\s*:?\s*.*"
        r"|(?:home|homepage|startseite|accueil|inicio|início|strona główna|главная|головна"
        r")\s*[>/»›|→▸▶]\s*\S.*)$",
        BREADCRUMB_MAX_WORDS,
    ),
    LineRule(
        # "Back to top", "Scroll to top", "Nach oben".
        "back_to_top",
        whole_line(
            r"(?:back|scroll|go|return|jump) (?:to )?(?:the )?top(?: of (?:the )?page)?",
            "to top",
            "top of page",
            "nach oben",
            "retour en haut(?: de (?:la )?page)?",
            "(?:volver|ir) arriba",
            "torna (?:su|in alto|all'inizio)",
            "voltar ao topo",
            "do góry",
            "наверх",
            "вгору",
            "naar boven",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # "Search", "Search for:", "Search this site", "Type to search".
        "search",
        whole_line(
            r"(?:open |close |clear |submit |toggle |site |advanced )?search(?: search| for| the site"
            r"| this site| our site| the blog| articles| titles only| query| button| form| icon"
            r"| results| products| site| \.\.\.)?",
            r"(?:type|press enter|start typing|enter keywords?)(?: here)? to search",
            r"what are you looking for\??",
            "suche(?:n)?",
            "rechercher",
            "recherche",
            "buscar",
            "búsqueda",
            "cerca",
            "pesquisar",
            "szukaj",
            "поиск",
            "пошук",
            "zoeken",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # "Log in", "Sign in", "Register", "My account", "Forgot your password?".
        "account_link",
        whole_line(
            r"(?:log ?in|sign ?in|log ?out|sign ?out|logout|login|register|sign up)"
            r"(?: (?:/|or|\||&) (?:log ?in|sign ?in|register|sign up|create (?:an )?account|join))?"
            r"(?: to (?:your |my )?account)?",
            "create (?:an |a free |your )?account",
            "my account",
            "account",
            "my profile",
            "(?:forgot|forgotten|lost) (?:your |my )?password\\??",
            "reset (?:your )?password",
            "remember me",
            "username(?: or e-?mail(?: address)?)?",
            "password",
            "anmelden",
            "einloggen",
            "abmelden",
            "registrieren",
            "mein konto",
            "se connecter",
            "connexion",
            "s'inscrire",
            "mon compte",
            "iniciar sesión",
            "registrarse",
            "mi cuenta",
            "accedi",
            "registrati",
            "il mio account",
            "entrar",
            "minha conta",
            "zaloguj(?: się)?",
            "zarejestruj(?: się)?",
            "moje konto",
            "войти",
            "вход",
            "регистрация",
            "личный кабинет",
            "увійти",
            "вхід",
            "реєстрація",
            "inloggen",
            "mijn account",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Shop widgets: "Cart (0)", "View cart", "Your cart is empty", "Wishlist".
        "shop_widget",
        whole_line(
            r"(?:view |my |your |shopping )?(?:cart|basket|bag|wishlist|wish list)(?: \(\d+\))?",
            r"(?:your |the )?(?:shopping )?(?:cart|basket|bag) is (?:currently )?empty",
            "continue shopping",
            "checkout",
            "proceed to checkout",
            "track (?:your |my )?order",
            r"add to (?:cart|bag|basket|wishlist|wish list|compare)",
            "compare",
            "choose options",
            "in stock",
            "store locator",
            "shop now",
            "warenkorb",
            "panier",
            "carrito",
            "carrello",
            "carrinho",
            "koszyk",
            "корзина",
            "кошик",
            "winkelwagen",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # "Next", "Previous", "Older posts", "Load more", "Page 2 of 10", "1 2 3 … 10 Next".
        "pagination",
        whole_line(
            r"(?:next|previous|prev|older|newer)(?: page| posts?| entries| articles?| stories)?"
            r"(?: (?:next|previous|prev)(?: page)?)?",
            r"(?:load|show|view|see) (?:more|all|less)(?: posts| articles| stories| results"
            r"| products| reviews| comments| news)?",
            r"page \d+ of \d+",
            r"(?:go to )?page \d+",
            r"\d+(?:\s+\d+)+(?:\s*(?:…|\.\.\.)\s*\d+)?(?:\s*(?:next|last))?",
            "weiter",
            "zurück",
            "suivant",
            "précédent",
            "siguiente",
            "anterior",
            "successivo",
            "precedente",
            "próximo",
            "następn[ay]",
            "poprzedni[a]?",
            "далее",
            "назад",
            "далі",
            "volgende",
            "vorige",
        ),
        PAGINATION_MAX_WORDS,
    ),
    LineRule(
        # "Previous article: <headline>", "Next post" — links to the neighbouring posts.
        "adjacent_post",
        line_start(
            r"(?:previous|next|prev|older|newer) (?:post|article|story|entry|read)\b\s*[:»›>|-]?",
            r"(?:vorheriger|nächster) (?:artikel|beitrag)",
            r"article (?:précédent|suivant)",
            r"(?:artículo|entrada) (?:anterior|siguiente)",
            r"articolo (?:precedente|successivo)",
            r"(?:poprzedni|następny) (?:artykuł|wpis)",
            r"(?:предыдущая|следующая) (?:статья|запись)",
            r"(?:попередня|наступна) (?:стаття|новина)",
        ),
        ADJACENT_POST_MAX_WORDS,
    ),
    LineRule(
        # "English | Deutsch | Français", "EN DE FR", "Select language". A single language
        # name is left alone: gold bodies hold "English" as a table cell or a spec value.
        "language_picker",
        rf"^{LEAD}(?:(?:select|choose|change|switch)(?: your)? (?:language|region|country)"
        rf"|languages?|sprache|langue|idioma|lingua|język|язык|мова|taal"
        rf"|(?:{_LANGUAGES})(?:\s*[|/·•,]?\s*(?:{_LANGUAGES}))+){ICON_TAIL}{EDGE}$",
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Icon residue after a link: "Shop Now Arrow right", "All Newsletters Arrow right".
        "icon_residue",
        r"^.{1,60}?\s(?:arrow|chevron|caret|angle)[\s_-](?:right|left|up|down|forward|back)"
        rf"{EDGE}$",
        ICON_RESIDUE_MAX_WORDS,
    ),
    LineRule(
        # Alt text of an image standing alone: "Newsletters image", "Store image".
        "alt_text",
        r"^[\p{L}\d&.'’ -]{1,40}\s(?:image|icon|logo|avatar|thumbnail)$",
        ALT_TEXT_MAX_WORDS,
    ),
    LineRule(
        # Alt text of a logo, an icon or a profile picture: "Harvard Health Publishing Logo",
        # "Facebook Icon X Icon Instagram Icon", "Jane Doe Profile Image".
        "logo_alt_text",
        r"^[\p{L}\d&.,'’ -]{1,80}\s(?:logo|icon|avatar|thumbnail|(?:profile|product|user)"
        r" (?:image|picture|photo))$",
        LOGO_ALT_TEXT_MAX_WORDS,
    ),
)
