"""The language of a text, as an ISO 639-1 code, with py3langid (its model ships in the wheel).

The identifier is loaded on the first call, not at import: loading it takes a noticeable part
of a second and most imports of `cleaner` never need it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

MIN_WORDS = 15
"""Below this many words the answer is withheld. Calibrated on wcxb-dev gold bodies of 100+
words (1,433, of which 1,427 English, so this mostly calibrates English): the language of a
body's first N words agrees with that of the whole body for 97.3% of bodies at 10 words, 99.2%
at 15 and 99.1% at 20 (`scripts/measure_text_metadata.py --language`)."""

MAX_CHARS = 600
"""Only the first this-many characters are classified (py3langid walks its input byte by byte
in Python, so its time grows with the length): on the wcxb-dev gold bodies of 100+ words the
answer on the first 600 characters agrees with the answer on the first 2,000 for 99.7% of
bodies (1,000: 99.9%), at two thirds of the cost (0.4 against 0.6 ms a page on the held-out
dumps' bodies; the text path runs at about 8 ms a page)."""

MIN_CONFIDENCE = 0.3
"""Normalised probability under which the answer is withheld. On 15-word prefixes of the
wcxb-dev bodies it withholds 2.9% of answers and lifts agreement from 99.2% to 99.6%; at 0.5
it would withhold 4.7% for 99.7%."""


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language, or None when the text is too short to tell."""
    sample = text[:MAX_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return None
    return str(code)


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
