"""The language of a text, as an ISO 639-1 code, with CLD2 and py3langid (both ship their models).

Two identifiers, each where it is the better one. CLD2 (Google's Compact Language Detector 2,
through pycld2; Common Crawl tags its archives with it) runs in C; py3langid walks its input
byte by byte in Python. On the cleaned bodies of the held-out text dumps, language took 0.33 ms
a page with py3langid alone (about 5% of the text path) and takes 0.08 ms now. But on short
texts CLD2 is the less accurate: on word salads drawn from the word frequencies of 42
languages (`scripts/measure_language.py`) it is wrong on 1.1% of 15-word texts and withholds
1.3% (Bulgarian and Macedonian taken for Serbian, Malay for Indonesian), where py3langid is
wrong on 0.4%; from 40 words on both are wrong on 0.1% or less. So a text of at least
`CLD2_MIN_WORDS` words goes to CLD2, and a shorter one, or one CLD2 is unsure of, to py3langid
(loaded on its first call: loading takes a noticeable part of a second). The two together are
as accurate as py3langid alone on the salads, and on the wcxb-dev bodies they differ from it on
one page: an Indonesian page that py3langid took for English.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

try:
    import pycld2
except ImportError:  # no wheel for this machine (see pyproject.toml): py3langid answers alone
    pycld2 = None

from cleaner._model import count_words

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

MIN_WORDS = 15
"""Below this many words the answer is withheld. Calibrated on wcxb-dev gold bodies of 100+
words (1,433, of which 1,427 English, so this mostly calibrates English): the language of a
body's first N words agrees with that of the whole body for 97.3% of bodies at 10 words, 99.2%
at 15 and 99.1% at 20 (`scripts/measure_text_metadata.py --language`). Words are counted as
`Block.n_words` counts them, so a Chinese or Japanese text, written without spaces, has some."""

MAX_CHARS = 1000
"""Only the first this-many characters are classified. On the wcxb-dev gold bodies of 100+
words, py3langid's answer on the first 600 characters agrees with its answer on the first
2,000 for 99.7% of bodies, on the first 1,000 for 99.9%. When py3langid did all the work the
limit was 600, its time growing with the length; CLD2 reads 1,000 in about 0.03 ms, and
py3langid now sees so many characters only when CLD2 is unsure."""

CLD2_MIN_WORDS = 40
"""Texts of at least this many words go to CLD2 (see the module's note)."""

CLD2_MIN_PERCENT = 80
"""CLD2's answer is taken when it says it is reliable and gives the language at least this
percentage of the text; otherwise py3langid decides. Of 600 Macedonian word salads of 40, 60
and 100 words (a run like `scripts/measure_language.py`'s, 200 of each length), CLD2 called 31
Serbian while saying it was reliable, 3 of them at 80% or more."""

MIN_CONFIDENCE = 0.3
"""py3langid's normalised probability under which its answer is withheld. On 15-word prefixes
of the wcxb-dev bodies it withholds 2.9% of answers and lifts agreement from 99.2% to 99.6%; at
0.5 it would withhold 4.7% for 99.7%."""

# CLD2 rejects C0 and C1 control characters (mojibake leaves C1 ones in pages), Unicode's
# noncharacters (U+FDD0-U+FDEF, and the last two code points of each plane), and lone
# surrogates, which cannot be encoded; none says anything of the language, so they become
# spaces. (`re`, not `regex`: the same characters, found three times faster.)
_NONCHARACTERS = "".join(
    chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_UNSAFE = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]"
)
# The same control characters and everything from the surrogates up: a superset of `_UNSAFE`
# made of a few ranges, which `re` tests ten times faster than `_UNSAFE`'s list of single
# noncharacters (75 against 7 us on a body's first 1,000 characters); a text without any of
# them needs no replacing.
_MAYBE_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\U0010ffff]")
# CLD2's codes where they differ from ISO 639-1: the old codes for Hebrew and Javanese (its
# "zh-Hant" and "sr-ME" lose their script and region below). Its codes for "some language in
# this script" ("xx-Cyrl"), "unknown" ("un", "xxx") and its joke languages ("zzb", Bork) are
# no answer.
_CLD2_CODES = {"iw": "he", "jw": "jv"}
_CLD2_NO_ANSWER = ("un", "xx", "zz")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language, or None when the text is too short to tell."""
    sample = text[:MAX_CHARS]
    n_words = count_words(sample)
    if n_words < MIN_WORDS:
        return None
    if n_words >= CLD2_MIN_WORDS and pycld2 is not None:
        code = _cld2(sample)
        if code is not None:
            return code
    found, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return None
    return str(found)


def _cld2(sample: str) -> str | None:
    """CLD2's answer when it says it is reliable, else None."""
    try:
        if _MAYBE_UNSAFE.search(sample):
            sample = _UNSAFE.sub(" ", sample)
        reliable, _, found = pycld2.detect(sample)
    except pycld2.error:  # a character it rejects that `_UNSAFE` does not know: py3langid decides
        return None
    _, code, percent, _ = found[0]
    if not reliable or percent < CLD2_MIN_PERCENT or code.startswith(_CLD2_NO_ANSWER):
        return None
    code = code.split("-")[0]
    return _CLD2_CODES.get(code, code)


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
