"""Scoring extractions against gold texts: word F1, shingle F1 and snippet rates."""

from cleaner.evaluate.scores import (
    PRF,
    aggregate_shingle,
    mean_word_f1,
    normalise_snippet_text,
    shingle_prf,
    snippets_found,
    word_f1,
)

__all__ = [
    "PRF",
    "aggregate_shingle",
    "mean_word_f1",
    "normalise_snippet_text",
    "shingle_prf",
    "snippets_found",
    "word_f1",
]
