"""Image captions and photo credits.

A caption is recognised by its credit, not by its description: a line that ends with a
parenthesised credit naming a photo agency or "Photo:", a line that opens with "Photo:" or
"Credit:", or a line that is only an agency's name. An article sentence that mentions Getty
Images in passing has no such shape, and a credit must sit at the very end of the line.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import EDGE, LEAD, line_start, phrase

# A caption with its credit is one or two sentences: 95% of those in the WCXB train split are
# at most 51 words (the Kyiv sample's is 28).
CAPTION_MAX_WORDS = 60

# "Photo: Jane Doe / AP", "Illustration by John Smith": a label, a name and an agency.
CREDIT_MAX_WORDS = 15

# A line that is only a credit ("AFP via Getty Images", "Jane Doe/Reuters").
AGENCY_MAX_WORDS = 10

# Photo agencies and image libraries as credits name them.
_AGENCIES = phrase(
    r"getty(?: images)?|afp|ap(?: photo)?|reuters|epa(?:-efe)?|efe|ansa|dpa|picture alliance|"
    r"anadolu(?: agency)?|bloomberg|xinhua|tass|ria novosti|sputnik|ukrinform|unian|"
    r"shutterstock|istock(?:photo)?|alamy|adobe stock|unsplash|pexels|pixabay|wikimedia commons|"
    r"wikimedia|flickr|nurphoto|sopa images|zuma(?: press)?|imago|abaca|sipa|belga|anp|pap|"
    r"tass|keystone|aap|pa(?: images| media| wire)?|rex(?:/shutterstock)?|the associated press|"
    r"associated press|agence france-presse|corbis|dreamstime|depositphotos|123rf"
)

# What makes a parenthesis at the end of a line a photo credit: a credit label with its colon
# or slash ("Photo: ...", "Image credit: ...", "AP Photo/..."), "courtesy of", or an agency
# next to "via" or a slash ("NASA via AP", "Pool/AFP"). A bare "photo" or "via" is not enough:
# "(see photo above)" and "(compatible with QMK & VIA)" are body text.
_CREDIT_MARK = (
    r"(?:photo|photograph|image|picture|illustration|graphic|foto|bild|фото)s?"
    r"(?:\s+(?:credit|credits|courtesy|source|by))?\s*[:/]"
    r"|(?:photo|image|picture|illustration)\s+by\b|courtesy(?:\s+of)?\b|credits?\s*:"
    rf"|via\s+(?:{_AGENCIES})\b|(?<!\w)(?:{_AGENCIES})\s*/|/\s*(?:{_AGENCIES})(?!\w)"
    rf"|(?<!\w)(?:{_AGENCIES})\s+(?:photo|images|illustration)\b"
)

# A credit label is followed by a name or an agency, written with a capital ("Photo: Jane Doe"),
# which tells it from a configuration line in documentation ("image: nginx:latest").
_NAME_FOLLOWS = r"(?=\s*(?-i:[\p{Lu}©]))"

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "Maria Zakharova attends ... (Russian Foreign Ministry Press Service / Handout/Anadolu
        # Agency via Getty Images)", "A view of the city. (Photo: Jane Doe / AP)".
        "trailing_credit",
        rf"\((?=[^()]{{0,200}}\)\s*$)[^()]*?(?:{_CREDIT_MARK})[^()]*\)\s*$",
        CAPTION_MAX_WORDS,
        requires=(")",),
    ),
    LineRule(
        # "Photo: Jane Doe/AP", "Image credit: NASA", "Credit: ...", "Foto: dpa".
        "credit_label",
        line_start(
            r"(?:photo|photos|photograph|photography|image|picture|pictured|graphic|illustration"
            r"|cover image|header image|featured image|top image|lead image|credits?)"
            r"(?: credits?| courtesy)?\s*[:|]" + _NAME_FOLLOWS,
            r"(?:photo|image|picture|illustration|photograph|graphic|artwork|photos) "
            r"(?:by|courtesy of|credit)\b",
            r"courtesy (?:of|photo)\b",
            r"(?:foto|fotos|bild|bildquelle|crédit photo|crédits? photos?|fotografía|imagen"
            r"|immagine|fot\.|zdjęcie|фото|зображення|ілюстрація|иллюстрация)\s*[:|]"
            + _NAME_FOLLOWS,
        ),
        CREDIT_MAX_WORDS,
    ),
    LineRule(
        # "© Reuters", "©2024 Getty Images", "(c) AFP".
        "copyright_credit",
        rf"^{LEAD}(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?:{_AGENCIES})(?!\w).*$",
        AGENCY_MAX_WORDS,
    ),
    LineRule(
        # A line that is only a credit: "Getty Images", "AFP via Getty Images", "Jane Doe/AP".
        "agency_credit",
        rf"^{LEAD}(?:[\p{{L}}.'’ -]{{2,40}}\s*/\s*)?(?:(?:{_AGENCIES})\s*(?:via|/)\s*)?"
        rf"(?:{_AGENCIES})(?:\s*/\s*[\p{{L}}.'’ -]{{2,40}})?{EDGE}$",
        AGENCY_MAX_WORDS,
    ),
    LineRule(
        # Gallery furniture: "Image 3 of 12", "1 / 12", "Enlarge image", "View gallery".
        "gallery_control",
        rf"^{LEAD}(?:(?:image|photo|picture|slide|foto|bild)\s*\d+\s*(?:of|/|von|de|di|из|з)\s*\d+"
        r"|\d{1,3}\s+/\s+\d{1,3}(?:\s*(?:images|photos|pictures))?"
        r"|(?:enlarge|expand|zoom|open|view|launch|show|see) (?:this )?(?:image|photo|gallery"
        r"|slideshow|all photos|full image|fullscreen)(?: gallery)?"
        rf"|(?:image|photo|video) gallery|gallery|slideshow){EDGE}$",
        AGENCY_MAX_WORDS,
    ),
)
