"""Teaser rules: each drops its teaser lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, teasers

CATEGORY = "teasers"
RULES = teasers.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "read_more_link": (
        [
            "Read more",
            "Read More »",
            "Continue reading",
            "Mehr lesen",
            "Lire la suite",
            "Leer más",
            "Читати далі",
        ],
        ["Read more books, the doctor said, and spend less time on your phone."],
    ),
    "continue_reading_title": (
        ["Continue reading How we rebuilt the pier →"],
        ["Continue reading the instructions before you turn on the machine."],
    ),
    "read_also_headline": (
        [
            "Read also: Exclusive: The full text of the US-Ukraine mineral deal",
            "READ MORE: Council approves the new pier",
            "Lire aussi : Le port rouvre",
            "Читайте також: Уряд ухвалив бюджет",
        ],
        ["Read also the small print, because the contract has a penalty clause."],
    ),
    "capitals_kicker_headline": (
        ["WATCH: Storm floods the harbour road", "MORE: Council approves the new pier"],
        ["More: the council approved the new pier in a late vote."],
    ),
    "list_header": (
        [
            "Related articles",
            "Most popular",
            "MORE NEWS",
            "Editors' Picks",
            "You may also like",
            "Trending",
            "Don't miss",
            "Latest",
            "Read next",
            "Читайте також",
            "Lo más leído",
        ],
        ["Related articles in the treaty cover fishing rights and the use of the harbour."],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_teaser_line_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_with_teaser_words_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
