"""Author box rules: each drops its box lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, author_box

CATEGORY = "author_box"
RULES = author_box.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "author_heading": (
        ["About the author", "Author", "Written by", "Über den Autor", "Об авторе"],
        ["About the author of the letter, little is known except her name."],
    ),
    "labelled_author": (
        [
            "Author: Martin Fornusek",
            "Written by Jane Doe",
            "Authors: Jane Doe and John Roe",
            "Autor: Hans Müller",
        ],
        ["Author: the one who writes", "Written by hand, the letter was hard to read."],
    ),
    "author_archive_link": (
        ["View all posts by Jane Doe", "More from Jane Doe", "More articles by Jane Doe"],
        ["More from the sea than the land, the town's wealth came from fishing."],
    ),
    "follow_author": (
        ["Follow Jane Doe on X", "Follow @janedoe", "Email the author"],
        ["Follow the money, the investigator told the committee on Thursday."],
    ),
    "wire_credits": (
        [
            "Reporting by Jane Doe in Kyiv; Editing by John Roe",
            "Additional reporting by Maria Rossi",
        ],
        ["Reporting by local newspapers helped expose the fraud."],
    ),
    "author_role": (
        ["Staff Writer", "Senior Editor", "Contributing Writer"],
        ["Writer and editor, she ran the paper for forty years."],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_an_author_box_line_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_about_authors_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
