"""Share rules: each drops its widget lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, share

CATEGORY = "share"
RULES = share.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "share_button": (
        [
            "Share",
            "Share this article",
            "Share on Facebook",
            "Tweet",
            "Copy link",
            "Print",
            "Email",
            "Teilen",
            "Partager",
            "Compartir",
            "Поділитися",
        ],
        ["Share prices fell sharply after the profit warning on Monday."],
    ),
    "network_row": (
        ["Facebook", "Facebook Twitter LinkedIn Email", "Share: Facebook | X | WhatsApp"],
        ["Facebook and Twitter both removed the accounts after the report."],
    ),
    "follow_us": (
        ["Follow us", "Follow us on Instagram", "Connect with us", "Folgen Sie uns", "Suivez-nous"],
        ["Follow us to the river, the guide said, and keep to the left bank."],
    ),
    "comment_widget": (
        [
            "Comments",
            "0 Comments",
            "12 comments",
            "Leave a comment",
            "Leave a Reply Cancel reply",
            "Reply",
            "Report",
            "Like",
            "Edit post",
            "Kommentare",
            "Коментарі",
        ],
        ["Comments by the minister drew criticism from the opposition on Tuesday."],
    ),
    "comment_form_notice": (
        [
            "Your email address will not be published. Required fields are marked *",
            "Save my name, email, and website in this browser for the next time I comment.",
            "2 thoughts on “How we rebuilt the pier”",
        ],
        ["The court ruled that your email address will not be published in the register."],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_share_or_comment_widget_line_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_about_sharing_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
