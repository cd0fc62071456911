"""Caption rules: each drops its credit lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, captions

CATEGORY = "captions"
RULES = captions.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "trailing_credit": (
        [
            "Russian Foreign Minstry Spokesperson Maria Zakharova attends an annual news conference in Russia on Jan. 14, 2022. (Russian Foreign Ministry Press Service / Handout/Anadolu Agency via Getty Images)",
            "A view of the harbour at dawn. (Photo: Jane Doe / AP)",
            "A portrait of the queen in 2004 (Picture credit: Getty)",
            "Crowds gather outside the court. (NASA via AP)",
        ],
        [
            "The agency licensed the picture to Getty Images, which sold it to newspapers.",
            "Wallet (credit/debit cards, cash, etc.)",
            "Hot-swappable board (compatible with QMK & VIA)",
            "Install the package with the manager (see photo above)",
        ],
    ),
    "credit_label": (
        [
            "Photo: Jane Doe/AP",
            "Image credit: NASA",
            "Photo by Jane Doe on Unsplash",
            "Illustration by John Smith",
            "Foto: Jens Büttner/dpa",
        ],
        [
            "image: nginx:latest",
            "Photo of the year went to a shot of the flooded valley, the jury said.",
        ],
    ),
    "copyright_credit": (
        ["© Reuters", "©2024 Getty Images", "(c) AFP"],
        ["Reuters reported the deal first, citing two people familiar with it."],
    ),
    "agency_credit": (
        ["Getty Images", "AFP via Getty Images", "Jane Doe/AP", "Reuters"],
        ["Getty Images and Reuters both declined to comment on the lawsuit."],
    ),
    "gallery_control": (
        ["Image 3 of 12", "1 / 12", "View gallery", "Enlarge image"],
        ["The gallery reopened on Friday after a year of repairs."],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_photo_caption_or_credit_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_mentioning_photos_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
