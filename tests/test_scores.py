"""Hand-computed cases for the scoring functions the benchmarks and fixture floors share."""

from __future__ import annotations

import pytest

from cleaner.evaluate import (
    PRF,
    aggregate_shingle,
    mean_word_f1,
    shingle_prf,
    snippets_found,
    word_f1,
)
from cleaner.evaluate.scores import shingle_counts


def approx_prf(precision: float | None, recall: float | None, f1: float) -> PRF:
    return PRF(
        None if precision is None else pytest.approx(precision),
        None if recall is None else pytest.approx(recall),
        pytest.approx(f1),
    )


# --- word F1 -------------------------------------------------------------------------------


def test_word_f1_of_a_prefix_has_full_precision_and_partial_recall() -> None:
    # pred: the cat sat (3 words); gold: the×2 cat sat on mat (6 words); overlap 3.
    assert word_f1("The cat sat", "the cat sat on the mat") == approx_prf(1.0, 0.5, 2 / 3)


def test_word_f1_counts_repeated_words_as_a_multiset_not_a_set() -> None:
    # pred bag {the: 3}; gold bag {the: 1, cat: 1}; overlap 1 -> P 1/3, R 1/2, F1 0.4.
    assert word_f1("the the the", "the cat") == approx_prf(1 / 3, 1 / 2, 0.4)


def test_word_f1_ignores_case_and_punctuation() -> None:
    assert word_f1("Hello, WORLD!", "hello world") == PRF(1.0, 1.0, 1.0)


def test_word_f1_is_perfect_when_both_texts_have_no_words() -> None:
    assert word_f1("", "  ... ") == PRF(1.0, 1.0, 1.0)


def test_word_f1_is_zero_when_exactly_one_text_has_no_words() -> None:
    assert word_f1("", "some gold text") == PRF(0.0, 0.0, 0.0)
    assert word_f1("leaked menu", "") == PRF(0.0, 0.0, 0.0)


def test_word_f1_is_zero_when_no_word_is_shared() -> None:
    assert word_f1("alpha beta", "gamma delta") == PRF(0.0, 0.0, 0.0)


def test_mean_word_f1_averages_page_f1_and_is_zero_for_no_pages() -> None:
    pages = [word_f1("a b", "a b"), word_f1("x", "y")]
    assert mean_word_f1(pages) == pytest.approx(0.5)
    assert mean_word_f1([]) == 0.0


# --- shingle scores ------------------------------------------------------------------------


def test_one_extra_word_adds_one_false_positive_shingle() -> None:
    # pred shingles: (a b c d), (b c d e); gold: (a b c d) -> TP 1, FP 1, FN 0.
    assert shingle_prf("a b c d e", "a b c d") == approx_prf(0.5, 1.0, 2 / 3)


def test_shingle_counts_are_normalised_to_sum_one() -> None:
    assert shingle_counts("a b c d e", "a b c d") == pytest.approx((0.5, 0.5, 0.0))


def test_shingles_keep_case_so_a_capitalised_word_breaks_the_match() -> None:
    assert shingle_prf("The cat sat down", "the cat sat down") == approx_prf(0.0, 0.0, 0.0)


def test_a_text_shorter_than_four_words_is_one_whole_shingle() -> None:
    assert shingle_prf("Hi there", "Hi there") == approx_prf(1.0, 1.0, 1.0)
    assert shingle_prf("Hi there", "Hi there friend") == approx_prf(0.0, 0.0, 0.0)


def test_repeated_shingles_are_matched_as_a_multiset() -> None:
    # pred has (a b c d) twice (tokens a b c d a b c d -> 5 shingles); gold has it once.
    # pred shingles: abcd, bcda, cdab, dabc, abcd; gold: abcd -> TP 1, FP 4, FN 0.
    assert shingle_prf("a b c d a b c d", "a b c d") == approx_prf(0.2, 1.0, 1 / 3)


def test_empty_prediction_leaves_precision_undefined_and_recall_zero() -> None:
    assert shingle_prf("", "w x y z") == PRF(None, 0.0, 0.0)


def test_empty_gold_leaves_recall_undefined_and_precision_zero() -> None:
    assert shingle_prf("w x y z", "") == PRF(0.0, None, 0.0)


def test_two_empty_texts_score_one_with_both_averages_undefined() -> None:
    assert shingle_prf("", "") == PRF(None, None, 1.0)


def test_corpus_shingle_score_averages_precision_and_recall_over_defined_pages() -> None:
    pages = [
        shingle_prf("a b c d e", "a b c d"),  # P 0.5, R 1.0
        shingle_prf("", "w x y z"),  # P undefined, R 0.0
        shingle_prf("p q r s", "p q r s"),  # P 1.0, R 1.0
    ]
    # precision (0.5 + 1) / 2 = 0.75; recall (1 + 0 + 1) / 3 = 2/3; F1 = 12/17.
    assert aggregate_shingle(pages) == approx_prf(0.75, 2 / 3, 12 / 17)


def test_corpus_shingle_score_of_no_pages_is_zero() -> None:
    assert aggregate_shingle([]) == PRF(0.0, 0.0, 0.0)


# --- snippets ------------------------------------------------------------------------------


def test_snippet_is_found_across_curly_quotes_dashes_case_and_line_breaks() -> None:
    text = "He said \u201cHello\u201d \u2014\n  world, it\u2019s late."
    assert snippets_found(text, ['"hello" - WORLD', "it's late"]) == (2, 2)


def test_snippet_missing_from_the_text_is_not_found() -> None:
    assert snippets_found("Only the body.", ["Subscribe now", "the body"]) == (1, 2)


def test_blank_snippet_is_not_counted() -> None:
    assert snippets_found("Anything", ["   ", ""]) == (0, 0)
