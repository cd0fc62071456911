"""Feed rules: each drops its feed lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, feeds

CATEGORY = "feeds"
RULES = feeds.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "clock_stamp": (
        ["2:07 PM", "14:05", "Feb 27, 2025 10:15", "27 February 2025, 14:05 CET"],
        [
            "4.26",
            "Mon Jan 22, 2024 6:07 pm",
            "February 27, 2025",
            "The ferry leaves at 2:07 PM every weekday in summer.",
        ],
    ),
    "relative_time": (
        [
            "5 hours ago",
            "Updated 2 days ago",
            "just now",
            "vor 5 Stunden",
            "il y a 3 heures",
            "5 годин тому",
        ],
        ["Five hours ago the river was still rising, the mayor said at the briefing."],
    ),
    "feed_header": (
        ["News Feed", "Live updates", "Live", "Breaking news", "Стрічка новин"],
        ["Live updates from the summit were posted by both delegations."],
    ),
    "timestamped_item": (
        [
            "14:05 Russia says talks in Istanbul will continue",
            "2:07 PM Council approves the new harbour pier",
        ],
        [
            "10:30 Registration",
            "6:58:37 AM: Calculating files to upload",
            "4.26 avg rating — 6,937,951 ratings",
        ],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_news_feed_line_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_with_times_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
