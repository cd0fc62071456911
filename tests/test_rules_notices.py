"""Notice rules: each drops its notice lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, notices

CATEGORY = "notices"
RULES = notices.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "reading_time": (
        [
            "2 min read",
            "by Martin Fornusek February 27, 2025 2:07 PM 2 min read",
            "5 minute read",
            "3 Min. Lesezeit",
        ],
        ["The report is long, but it is a 10 minute read."],
    ),
    "reading_time_label": (
        ["Reading time: 4 minutes", "Estimated reading time: 4 minutes", "Lesezeit: 3 Min."],
        ["Reading time in schools rose by 4 minutes a day after the reform."],
    ),
    "audio_player": (
        [
            "This audio is created with AI assistance",
            "Listen to this article",
            "Listen 5 min",
            "Voiced by Amazon Polly",
            "Artikel anhören",
        ],
        ["Listen to this: the choir will sing in the cathedral for the first time in a century."],
    ),
    "update_stamp": (
        [
            "Updated",
            "Last updated: Feb 27, 2025",
            "Updated Feb 27, 2025 10:15 am EST",
            "Published",
            "Aktualisiert",
        ],
        ["Updated guidance for 2025 is now available from the ministry."],
    ),
    "advertisement": (
        [
            "Advertisement",
            "ADVERTISEMENT",
            "Sponsored",
            "Story continues below advertisement",
            "Anzeige",
            "Реклама",
        ],
        ["Advertisement spending fell by a third during the recession."],
    ),
    "loading_or_script": (
        [
            "Loading...",
            "Please enable JavaScript",
            "You need to enable JavaScript to run this app.",
            "Your browser does not support the video tag.",
            "Chargement…",
            "Loading article…",
            "Loading comments...",
        ],
        ["Loading the ferry took two hours because of the wind.", "Loading dock closed."],
    ),
    "gov_banner": (
        [
            "An official website of the United States government",
            "Here’s how you know",
            "The .gov means it’s official.",
            "Federal government websites often end in .gov or .mil. Before sharing sensitive "
            "information, make sure you’re on a federal government site.",
            "The site is secure.",
            "The https:// ensures that you are connecting to the official website and that any "
            "information you provide is encrypted and transmitted securely.",
            "Secure .gov websites use HTTPS A lock ( ) or https:// means you’ve safely "
            "connected to the .gov website.",
        ],
        [
            "The site is secure enough for children, the inspectors said.",
            "Here’s how you know the loaf is baked: tap its base and listen for a hollow sound.",
        ],
    ),
    "media_controls": (
        [
            "Play",
            "Pause",
            "Mute",
            "0:00 / 3:21",
            "This is a modal window.",
            "Video Player is loading.",
        ],
        ["Play resumed after the rain stopped, and the home side won by three wickets."],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_page_notice_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_with_notice_words_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
