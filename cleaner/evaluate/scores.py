"""How an extraction is scored against a gold text.

Three families of score, each a small pure function so that tests, benchmarks and the fixture
floors all agree on one definition:

- word F1, as the WCXB benchmark computes it: lower-cased ``\\w+`` tokens compared as bags of
  words, precision/recall/F1 per page, the F1 averaged over pages (`word_f1`, `mean_word_f1`);
- shingle precision/recall, as the ScrapingHub article-extraction-benchmark computes it:
  case-kept ``\\w+`` tokens, 4-token shingles compared as multisets, precision and recall each
  averaged over the pages where they are defined, F1 the harmonic mean of the two averages
  (`shingle_prf`, `aggregate_shingle`);
- snippet rates: does a text contain the sentences a good extraction must keep ("with") and
  the boilerplate strings it must not ("without")? (`snippets_found`, `normalise_snippet_text`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

TOKEN = regex.compile(r"\w+")

SHINGLE_SIZE = 4
"""Tokens per shingle; 4 is the ScrapingHub benchmark's choice, kept so figures compare."""

WHITESPACE = regex.compile(r"\s+")

# Typographic variants that gold snippets and page texts spell inconsistently; both sides are
# folded to the ASCII form before a snippet is looked up.
TYPOGRAPHIC_FOLDS = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as an apostrophe
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # left guillemet
        "\u00bb": '"',  # right guillemet
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u2026": "...",  # horizontal ellipsis
        "\u00ad": "",  # soft hyphen: invisible, so it must not split a match
        "\u200b": "",  # zero-width space: likewise invisible
    }
)


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 of one page or of a corpus.

    `precision` or `recall` is None on a page where it is undefined for the shingle score
    (nothing predicted, or nothing in the gold); such a page is left out of that average,
    as the ScrapingHub benchmark does. Word F1 always defines both.
    """

    precision: float | None
    recall: float | None
    f1: float


def harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


# --- word F1 (WCXB) -------------------------------------------------------------------------


def word_tokens(text: str) -> list[str]:
    tokens: list[str] = TOKEN.findall(text.lower())
    return tokens


def word_f1(predicted: str, gold: str) -> PRF:
    """Bag-of-words precision/recall/F1 of one page.

    Edge cases: both texts without a word score 1.0 throughout (the extractor correctly
    returned nothing); exactly one of them without a word scores 0.0 throughout.
    """
    pred_bag = Counter(word_tokens(predicted))
    gold_bag = Counter(word_tokens(gold))
    if not pred_bag and not gold_bag:
        return PRF(1.0, 1.0, 1.0)
    if not pred_bag or not gold_bag:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((pred_bag & gold_bag).values())
    precision = overlap / sum(pred_bag.values())
    recall = overlap / sum(gold_bag.values())
    return PRF(precision, recall, harmonic_mean(precision, recall))


def mean_word_f1(scores: Iterable[PRF]) -> float:
    """Mean of the per-page F1 values (0.0 for no pages)."""
    values = [score.f1 for score in scores]
    return sum(values) / len(values) if values else 0.0


# --- shingle scores (ScrapingHub article-extraction-benchmark) -------------------------------


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-token shingles; a text shorter than `size` tokens is one shingle."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def shingle_counts(predicted: str, gold: str) -> tuple[float, float, float]:
    """TP, FP, FN over the two shingle multisets, normalised to sum 1 (all 0 for two empty texts).

    The normalisation keeps long pages from outweighing short ones when counts are pooled; it
    does not change a page's own precision or recall.
    """
    pred = shingles(predicted)
    gold_shingles = shingles(gold)
    tp = sum((pred & gold_shingles).values())
    fp = sum((pred - gold_shingles).values())
    fn = sum((gold_shingles - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def shingle_prf(predicted: str, gold: str) -> PRF:
    """Shingle precision/recall/F1 of one page.

    Precision is None when nothing was predicted and recall None when the gold is empty (the
    corpus averages skip them). The page's own F1 is 1.0 when both are empty and 0.0 when only
    one is.
    """
    tp, fp, fn = shingle_counts(predicted, gold)
    precision = tp / (tp + fp) if tp + fp > 0 else None
    recall = tp / (tp + fn) if tp + fn > 0 else None
    if precision is None and recall is None:
        return PRF(None, None, 1.0)
    if precision is None or recall is None:
        return PRF(precision, recall, 0.0)
    return PRF(precision, recall, harmonic_mean(precision, recall))


def aggregate_shingle(scores: Sequence[PRF]) -> PRF:
    """Corpus score: precision and recall each averaged over the pages defining them, F1 their
    harmonic mean. An average with no page to average over is 0.0."""
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return PRF(precision, recall, harmonic_mean(precision, recall))


# --- snippet rates -------------------------------------------------------------------------


def normalise_snippet_text(text: str) -> str:
    """Case-folded text with typographic quotes/dashes folded and whitespace runs collapsed."""
    collapsed: str = WHITESPACE.sub(" ", text.translate(TYPOGRAPHIC_FOLDS))
    return collapsed.strip().casefold()


def snippets_found(text: str, snippets: Iterable[str]) -> tuple[int, int]:
    """(found, total): how many snippets occur in `text` once both are normalised.

    A snippet that normalises to nothing is not counted in either figure. The match is a plain
    substring match, so a short boilerplate snippet such as "Home" also counts as found inside
    a longer word; callers scoring "without" snippets should read the rate with that in mind.
    """
    haystack = normalise_snippet_text(text)
    found = total = 0
    for snippet in snippets:
        needle = normalise_snippet_text(snippet)
        if not needle:
            continue
        total += 1
        found += needle in haystack
    return found, total


# Metadata matching: shared by the benchmarks and the fixture regression test.

TITLE_MIN_F1 = 0.9
"""A title matches at word F1 >= 0.9 with the gold title: equal titles, or one carrying one or
two extra words (a site name on a 10-word headline scores 0.91)."""
AUTHOR_MAX_EXTRA_TOKENS = 3
"""A predicted author may hold the gold name plus up to 3 more tokens ("By", a role) and match;
more than that and it is a sentence that happens to name the author."""
DATE_PREFIX = 10  # YYYY-MM-DD


def title_matches(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and word_f1(predicted or "", gold).f1 >= TITLE_MIN_F1


def author_matches(predicted: str | None, gold: str) -> bool:
    pred_tokens = set(word_tokens(predicted or ""))
    gold_tokens = set(word_tokens(gold))
    if not pred_tokens or not gold_tokens:
        return False
    if pred_tokens == gold_tokens:
        return True
    return gold_tokens <= pred_tokens and len(pred_tokens) - len(gold_tokens) <= (
        AUTHOR_MAX_EXTRA_TOKENS
    )


def date_matches(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and (predicted or "")[:DATE_PREFIX] == gold[:DATE_PREFIX]
