"""The screens that spare lines most rules: required text and loose patterns run by `re`."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.filters.rules import RULESETS
from cleaner.filters.rules._base import LOWERED_FLAGS, lower
from cleaner.filters.rules._screen import ascii_matcher, key_of, required_strings, runs


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


def test_the_key_of_a_string_is_one_of_its_runs() -> None:
    assert tuple(key_of("chevron")) in set(runs("chevron"))
    assert ["".join(run) for run in runs("abcd")] == ["abc", "bcd"]
    assert len(key_of("by")) == 1 and key_of("by") in "by"


def test_a_pattern_carried_over_to_re_keeps_lookarounds_and_word_boundaries() -> None:
    on_ascii = ascii_matcher(r"^more\b(?!\s*news)", anchored=True, ignore_case=False)
    assert on_ascii is not None
    assert on_ascii("more stories") is not None
    assert on_ascii("more news") is None
    assert on_ascii("moreover") is None


def test_a_unicode_class_carried_over_keeps_its_ascii_members_exactly() -> None:
    on_ascii = ascii_matcher(r"^[\p{L}]+ logo$", anchored=True, ignore_case=False)
    assert on_ascii is not None
    assert on_ascii("acme logo") is not None
    assert on_ascii("acme2 logo") is None


def test_case_rules_carry_over_with_their_scoped_capitals() -> None:
    on_ascii = ascii_matcher(r"^(?:by|from)\s+(?-i:\p{Lu}\w+)$", anchored=True, ignore_case=True)
    assert on_ascii is not None
    assert on_ascii("By Jane") is not None
    assert on_ascii("FROM Reuters") is not None
    assert on_ascii("by jane") is None  # the name must start with a capital


def test_patterns_with_back_references_are_not_carried_over() -> None:
    assert ascii_matcher(r"^(a)\1$", anchored=True, ignore_case=False) is None


_RULES = [(f"{rs.name}.{rule.name}", rule) for rs in RULESETS for rule in rs._compiled]

_ASCII_PIECES = st.sampled_from(
    [
        "Read more",
        "share",
        "on",
        "Facebook",
        "(Photo: Jane Doe / AP)",
        "2:07 PM",
        "Feb 27, 2025",
        "5 hours ago",
        "2 min read",
        "Privacy Policy",
        "|",
        "*",
        ":",
        "-",
        "(c) 2025",
        "All rights reserved",
        "Arrow right",
        "logo",
        "image",
        "We use cookies",
        "Accept all",
        "Subscribe",
        "newsletter",
        "By",
        "Jane",
        "DOE",
        "12",
        "x",
        "Senior Writer",
        "The pier reopens.",
        "MORE:",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ASCII_PIECES, min_size=1, max_size=6).map(" ".join))
@example("(Photo: Jane Doe / AP)")
@example("Privacy Policy | Terms of Use")
@example("By Jane Doe")
def test_every_rule_carried_over_to_re_agrees_with_regex_on_ascii_lines(line: str) -> None:
    lowered = lower(line)
    for name, rule in _RULES:
        if rule.on_ascii is None:
            continue
        seen = lowered if rule.on_lowered else line
        assert (rule.on_ascii(seen) is not None) == (rule.run(seen) is not None), name


def test_nearly_every_built_in_rule_is_carried_over_to_re() -> None:
    assert sum(rule.on_ascii is not None for _, rule in _RULES) >= 0.9 * len(_RULES)
    assert LOWERED_FLAGS & regex.IGNORECASE == 0
