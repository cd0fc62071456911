"""Page footers: copyright lines, legal and company links, "Powered by WordPress".

Footer links come one a line or several on a line ("Privacy Policy | Terms of Use | Sitemap");
both are matched as lines made only of such links. A page's own sections with the same names
("Contact us" above a form in the article) are rare in article bodies; the FP count in
scripts/measure_rules.py is how we check that.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import EDGE, ICON_TAIL, LEAD, line_start, phrase

# A copyright line with a company name, "All rights reserved" and trademark sentences: up to
# 82 words in the WCXB train split (95% at most 26), never a gold line there.
COPYRIGHT_MAX_WORDS = 90

# A row of footer links: each link is 1-6 words, and a footer row holds up to 8 of them.
LINK_ROW_MAX_WORDS = 40

# "Powered by WordPress", "Website design by Studio X".
CREDIT_MAX_WORDS = 12

# Legal links, as footers name them.
_LEGAL = (
    r"privacy (?:policy|notice|statement|center|centre|settings|choices|preferences)",
    r"(?:global |online |website |customer |consumer health data |us state |california )?"
    r"privacy (?:policy|notice|statement)",
    r"your (?:privacy choices|california privacy rights|privacy rights)",
    r"terms(?: of (?:use|service|sale|business))?",
    r"conditions of (?:use|sale)",
    r"terms (?:&|and) conditions(?: of (?:use|sale))?",
    r"(?:user|subscriber|customer|license) agreement",
    r"(?:legal|legal notice|legal information|legal terms|disclaimer|imprint|impressum)",
    r"cookies?(?: policy| notice| settings| preferences)?",
    r"accessibility (?:statement|help)",
    r"(?:site ?map|sitemap)",
    r"do not sell(?: or share)? my (?:personal )?(?:information|info|data)",
    r"(?:limit the use of my sensitive personal information)",
    r"(?:ad ?choices|manage ad preferences)",
    r"(?:return|refund|returns|shipping|editorial|ethics|corrections|comment|community)"
    r" (?:policy|policies|guidelines|standards)",
    r"code of (?:conduct|ethics)",
    r"(?:modern slavery|anti-slavery) statement",
    r"(?:trust center|responsible disclosure)",
    r"datenschutz(?:erklärung|hinweise|einstellungen)?",
    r"agb",
    r"nutzungsbedingungen",
    r"mentions légales",
    r"politique de confidentialité",
    r"conditions générales(?: d['’]utilisation| de vente)?",
    r"cgu|cgv",
    r"aviso legal",
    r"política de privacidad",
    r"términos y condiciones",
    r"note legali",
    r"informativa (?:sulla )?privacy",
    r"termini e condizioni",
    r"política de privacidade",
    r"termos de uso",
    r"polityka prywatności",
    r"regulamin",
    r"политика конфиденциальности",
    r"пользовательское соглашение",
    r"політика конфіденційності",
    r"угода користувача",
    r"privacybeleid",
    r"algemene voorwaarden",
    r"privacyverklaring",
)

# Company links.
_COMPANY = (
    r"(?:contact|contacts|contact us|get in touch|email us|call us|write to us)",
    r"(?:about|about us|about the company|who we are|our mission|our team|meet the team"
    r"|our company)",
    r"(?:advertise|advertising|advertise with us|media kit|partner with us|partnerships"
    r"|affiliates?|affiliate program|sponsorship)",
    r"(?:careers|jobs|work with us|join (?:our|the) team|join us|we['’]re hiring)",
    r"(?:press|press room|press releases|newsroom|media centre|media center"
    r"|investors|investor relations)",
    r"(?:help center|help centre|feedback|contact support)",
    r"(?:rss|rss feeds?|archives?|masthead|send us a tip|submit a tip"
    r"|corrections|ombudsman)",
    r"kontakt|über uns|karriere",
    r"nous contacter|contactez-nous|à propos|qui sommes-nous|carrières|recrutement",
    r"contacto|contáctanos|sobre nosotros|quiénes somos|empleo|trabaja con nosotros",
    r"contatti|contattaci|chi siamo|lavora con noi",
    r"contato|fale conosco|sobre nós|quem somos|trabalhe conosco",
    r"o nas|kariera|praca",
    r"контакты|о нас|о компании|вакансии",
    r"контакти|про нас|про компанію|вакансії",
    r"over ons|vacatures",
)

_LINK = "|".join(phrase(p) for p in (*_LEGAL, *_COMPANY))

# Between links in a row: bars, bullets, slashes, commas, or only white space.
_SEPARATOR = r"(?:\s*[|·•/,–—]\s*|\s+)"

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "© 2025 The Kyiv Independent. All rights reserved.", "Copyright 2024 Acme Inc."
        "copyright",
        rf"^{LEAD}(?:©|\(c\)\s*\d{{4}}|copyright\s*(?:©|\(c\)|\d{{4}}|by\b|{EDGE}$))",
        COPYRIGHT_MAX_WORDS,
    ),
    LineRule(
        # "2025 Acme Inc. All rights reserved." without a copyright sign.
        "rights_reserved",
        r"(?:all rights reserved|alle rechte vorbehalten|tous droits réservés"
        r"|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados"
        r"|wszelkie prawa zastrzeżone|все права защищены|усі права захищені|всі права захищені"
        r"|alle rechten voorbehouden)\W*$",
        COPYRIGHT_MAX_WORDS,
        requires=(
            "reserv",
            "réserv",
            "vorbehalten",
            "voorbehouden",
            "riservati",
            "zastrzeżone",
            "защищены",
            "захищені",
        ),
    ),
    LineRule(
        # "Privacy Policy", "Contact us", "Privacy Policy | Terms of Use | Sitemap".
        "footer_links",
        rf"^{LEAD}(?:{_LINK})(?:{_SEPARATOR}(?:{_LINK}))*{ICON_TAIL}{EDGE}$",
        LINK_ROW_MAX_WORDS,
    ),
    LineRule(
        # "Powered by WordPress", "Proudly powered by WordPress", "Website by Studio X".
        "site_credit",
        line_start(
            r"(?:proudly )?powered by (?:wordpress|shopify|squarespace|wix|ghost|drupal|joomla"
            r"|hubspot|webflow|substack|blogger|jekyll|hugo|gatsby|netlify|vercel|discourse"
            r"|xenforo|vbulletin|phpbb|invision|mybb|bigcommerce|magento|woocommerce|godaddy"
            r"|weebly|jimdo|tumblr|typepad|mailchimp|zendesk|freshdesk|helpscout|gitbook"
            r"|docusaurus|mkdocs|sphinx|read the docs|wp engine|wpengine|kinsta)\b",
            r"(?:website|site|web|theme|template)(?: design(?:ed)?| developed| built)?"
            r"(?: and (?:developed|built|hosted))? by\b",
            r"made with (?:♥|❤|love|❤️)",
            r"(?:hosted|hosting) by\b",
        ),
        CREDIT_MAX_WORDS,
    ),
)
