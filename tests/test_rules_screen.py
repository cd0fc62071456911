"""The screens that spare lines most rules: required text and loose patterns run by `re`."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.filters.rules import RULESETS
from cleaner.filters.rules._base import LOWERED_FLAGS, lower
from cleaner.filters.rules._screen import key_of, loose_matcher, pieces, required_strings


def test_the_required_text_of_an_alternation_is_one_string_per_branch() -> None:
    found = required_strings(r"^\s*(?:arrow|chevron)[\s_-](?:right|left)$")
    # Either branch set would do; the analysis keeps the one with the longer strings.
    assert found in ({"arrow", "chevron"}, {"right", "left"})


def test_an_optional_part_is_never_required() -> None:
    assert required_strings(r"^(?:subscribe)?\d+$") is None
    assert required_strings(r"^(?:read )?more$") == {"more"}


def test_a_repeat_that_must_happen_once_keeps_its_required_text() -> None:
    assert required_strings(r"(?:ab)+c?") == {"ab"}


def test_a_string_that_holds_another_is_dropped_from_the_requirement() -> None:
    assert required_strings(r"^(?:sign|signup|sign me up)$") == {"sign"}


def test_a_case_insensitive_pattern_gets_no_required_text() -> None:
    assert required_strings(r"(?i)subscribe") is None
    assert required_strings(r"(?i:subscribe) now") is None


def test_a_unicode_property_is_read_as_a_class() -> None:
    assert required_strings(r"^\p{Lu}\p{L}+ logo$") == {" logo"}


def test_the_key_of_a_string_is_one_of_its_pieces() -> None:
    assert key_of("chevron") in pieces("chevron")
    assert len(key_of("by")) == 1 and key_of("by") in "by"


def test_a_loose_pattern_drops_lookarounds_and_word_boundaries() -> None:
    loose = loose_matcher(r"^more\b(?!\s*news)", anchored=True)
    assert loose is not None
    assert loose("more news") is not None  # the real pattern says no; the loose one may say yes
    assert loose("less") is None


def test_a_loose_pattern_keeps_the_ascii_members_of_a_unicode_class_exactly() -> None:
    loose = loose_matcher(r"^[\p{L}]+ logo$", anchored=True)
    assert loose is not None
    assert loose("acme logo") is not None
    assert loose("acme 2 logo") is None  # a digit is not a letter
    assert loose(" acmé logo") is None and loose("acmé logo") is not None


def test_a_negated_class_is_loosened_to_exclude_only_ascii() -> None:
    loose = loose_matcher(r"^[^\p{L}\d]+$", anchored=True)
    assert loose is not None
    assert loose("-- |") is not None
    assert loose("a") is None
    assert loose("é") is not None  # beyond ASCII the loose form does not know; the real one does


def test_patterns_with_atomic_groups_or_back_references_are_not_loosened() -> None:
    assert loose_matcher(r"^(?>\d+)x", anchored=True) is None
    assert loose_matcher(r"^\d++x", anchored=True) is None
    assert loose_matcher(r"^(a)\1$", anchored=True) is None


_LOOSE_RULES = [
    (f"{rs.name}.{rule.name}", rule.run, rule.loose)
    for rs in RULESETS
    for rule in rs._compiled
    if rule.loose is not None and rule.on_lowered
]

_ASCII_PIECES = st.sampled_from(
    [
        "read more",
        "share",
        "on",
        "facebook",
        "(photo: jane doe / ap)",
        "2:07 pm",
        "feb 27, 2025",
        "5 hours ago",
        "2 min read",
        "privacy policy",
        "|",
        "*",
        ":",
        "-",
        "(c) 2025",
        "all rights reserved",
        "arrow right",
        "logo",
        "image",
        "we use cookies",
        "accept all",
        "subscribe",
        "newsletter",
        "by",
        "jane",
        "12",
        "x",
        "the pier reopens.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ASCII_PIECES, min_size=1, max_size=6).map(" ".join))
@example("(photo: jane doe / ap)")
@example("privacy policy | terms of use")
def test_every_loose_rule_accepts_every_ascii_line_its_rule_matches(line: str) -> None:
    lowered = lower(line)
    for name, run, loose in _LOOSE_RULES:
        if run(lowered) is not None:
            assert loose(lowered) is not None, name


def test_loose_rules_are_compiled_for_most_lower_case_rules() -> None:
    lowered_rules = [r for rs in RULESETS for r in rs._compiled if r.on_lowered]
    assert len(_LOOSE_RULES) >= 0.8 * len(lowered_rules)
    # The flags the real patterns use: the loose form is derived for exactly these.
    assert all(r.run.__self__.flags & regex.IGNORECASE == 0 for r in lowered_rules)  # type: ignore[attr-defined]
    assert LOWERED_FLAGS & regex.IGNORECASE == 0
