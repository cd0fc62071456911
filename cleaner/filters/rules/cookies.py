"""Cookie and consent banners: the notice, its buttons and the consent dialog's categories.

A banner notice is one long sentence, so its rules allow more words than a button's; they still
need the banner's own phrasing ("we use cookies to", "by continuing to browse ... you agree"),
which an article about cookies rarely writes in the first person.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import line_start, whole_line

# A banner notice is one paragraph: 52 of the 63 notices in the WCXB train split are at most
# 80 words (the longest 100); longer first-person cookie paragraphs belong to cookie policies.
NOTICE_MAX_WORDS = 80

# Buttons and dialog titles: at most 4 words among the lines these rules drop in the train split.
BUTTON_MAX_WORDS = 6

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "We use cookies to improve your experience...", "This website uses cookies...".
        "we_use_cookies",
        line_start(
            r"(?:we|we and our (?:\w+ )?partners|this (?:web)?site|our (?:web)?site|"
            r"this website|the website) (?:use|uses|is using|are using|store|stores) "
            r"(?:cookies|small files|tracking technologies)",
            r"(?:wir verwenden|wir nutzen|diese (?:web)?seite (?:verwendet|nutzt)|"
            r"diese website (?:verwendet|nutzt)) (?:\w+ )?cookies",
            r"(?:nous utilisons|ce site (?:web )?utilise|notre site utilise) (?:des |les )?cookies",
            r"(?:utilizamos|usamos|este sitio (?:web )?(?:utiliza|usa)|esta web utiliza|"
            r"este site (?:utiliza|usa)) (?:\w+ )?cookies",
            r"(?:utilizziamo|usiamo|questo sito (?:web )?(?:utilizza|usa)) (?:i |dei )?cookie",
            r"(?:używamy|ta strona (?:używa|wykorzystuje)|serwis (?:używa|wykorzystuje)) "
            r"(?:plików )?cookie",
            r"(?:мы используем|этот сайт использует|сайт использует) (?:файлы )?cookie",
            r"(?:ми використовуємо|цей сайт використовує|сайт використовує) (?:файли )?cookie",
            r"(?:wij gebruiken|we gebruiken|deze (?:web)?site gebruikt) (?:\w+ )?cookies",
        ),
        NOTICE_MAX_WORDS,
    ),
    LineRule(
        # The standard wording of consent dialogs built on the IAB framework: "We and our 214
        # partners store and/or access information on a device, such as cookies...", "With
        # your permission we and our partners may use precise geolocation data...", "Some
        # processing of your personal data may not require your consent..."
        "consent_framework_text",
        line_start(
            r"(?:we|we and our (?:\w+ )?(?:partners|vendors)) store and/or access information "
            r"on (?:a|your) device",
            r"with your permission,? we and our (?:\w+ )?(?:partners|vendors) may use precise "
            r"geolocation data",
            r"(?:please note that )?some (?:of the )?processing of your personal data may not "
            r"require your consent",
            r"you can (?:change|withdraw|update) your (?:choices|preferences|consent|settings) at "
            r"any time by clicking (?:on )?(?:\"|“)?(?:privacy|cookie|consent|manage)",
        ),
        NOTICE_MAX_WORDS,
    ),
    LineRule(
        # "By continuing to browse the site, you agree to our use of cookies."
        "consent_by_continuing",
        line_start(
            r"by (?:continuing|clicking|using|browsing|visiting|staying)\b[^.]{0,120}"
            r"\b(?:you (?:agree|accept|consent)|you are agreeing|you're agreeing)",
            r"(?:wenn sie|indem sie) (?:die |diese )?(?:\w+ ){0,4}(?:nutzen|fortfahren|surfen)"
            r"[^.]{0,80}(?:stimmen sie|akzeptieren sie|erklären sie sich)",
            r"en (?:poursuivant|continuant)[^.]{0,120}(?:vous acceptez|vous consentez)",
            r"(?:al|si) (?:continuar|sigues|seguir)[^.]{0,120}(?:acepta|aceptas|consiente)",
            r"(?:continuando|proseguendo)[^.]{0,120}(?:acconsenti|accetti)",
        ),
        NOTICE_MAX_WORDS,
    ),
    LineRule(
        # The banner's buttons: "Accept all", "Reject all", "Manage preferences", "Got it".
        "consent_buttons",
        whole_line(
            r"(?:accept|allow|agree to|enable|reject|decline|deny|refuse|disable)"
            r"(?: all| selected| selection| all cookies| cookies| necessary| necessary cookies"
            r"| essential cookies| non-essential(?: cookies)?| optional cookies| and close"
            r"| and continue)?",
            "use necessary cookies only",
            "only necessary(?: cookies)?",
            "necessary cookies only",
            "essential cookies only",
            r"(?:manage|customi[sz]e|adjust|change|save|update) (?:my |your )?(?:cookie |consent "
            r"|privacy )?(?:preferences|settings|choices|options|consent|cookies)",
            "save and close",
            "save & exit",
            "confirm (?:my )?choices",
            "i agree",
            "i accept",
            "i understand",
            "(?:ok|okay),? (?:got it|i agree|i understand)",
            "got it!?",
            "do not consent",
            # German, French, Spanish, Italian, Portuguese, Polish, Russian, Ukrainian, Dutch.
            "alle akzeptieren",
            "alle ablehnen",
            "akzeptieren",
            "ablehnen",
            "alle cookies akzeptieren",
            "nur notwendige cookies",
            "tout accepter",
            "tout refuser",
            "accepter(?: et fermer)?",
            "refuser",
            "continuer sans accepter",
            "aceptar(?: todo| todas| todas las cookies| cookies)?",
            "rechazar(?: todo| todas)?",
            "accetta(?: tutti| tutto)?",
            "rifiuta(?: tutti| tutto)?",
            "aceitar(?: todos| tudo| cookies)?",
            "rejeitar(?: todos| tudo)?",
            "akceptuję",
            "akceptuj(?: wszystkie)?",
            "zaakceptuj(?: wszystkie)?",
            "odrzuć(?: wszystkie)?",
            "принять(?: все)?",
            "отклонить(?: все)?",
            "прийняти(?: всі| все)?",
            "відхилити(?: всі| все)?",
            "(?:alles|alle cookies) accepteren",
            "accepteren",
            "weigeren",
            "alles weigeren",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Titles and links of the consent dialog: "Cookie settings", "Privacy preference centre".
        "consent_dialog_titles",
        whole_line(
            r"cookies?(?: settings| preferences| consent| notice| banner| policy| statement"
            r"| declaration| choices)?",
            r"(?:manage |your )?(?:cookie |privacy |consent )?(?:preference|privacy) cent(?:er|re)",
            "manage consent",
            "your privacy",
            "we value your privacy",
            "your privacy matters",
            "this website uses cookies",
            "this site uses cookies",
            "cookie-einstellungen",
            "cookie-richtlinie",
            "datenschutzeinstellungen",
            "paramètres des cookies",
            "gestion des cookies",
            "politique (?:de|relative aux) cookies",
            "configuración de cookies",
            "política de cookies",
            "impostazioni(?: dei)? cookie",
            "configurações de cookies",
            "polityka (?:plików )?cookies?",
            "ustawienia (?:plików )?cookies?",
            "настройки (?:файлов )?cookie",
            "налаштування (?:файлів )?cookie",
            "cookie-instellingen",
            "cookiebeleid",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # The consent dialog's categories: "Strictly necessary cookies", "Always active".
        "consent_categories",
        whole_line(
            r"(?:strictly |essential |functional |functionality |performance |analytics? "
            r"|analytical |statistics? |statistical |marketing |advertising |targeting "
            r"|preference |social media |unclassified |necessary |required )+cookies",
            "always active",
            "always enabled",
            "legitimate interest",
            "vendors? list",
            "iab vendors?",
        ),
        BUTTON_MAX_WORDS,
    ),
)
