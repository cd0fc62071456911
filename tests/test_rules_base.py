"""How a rule set matches: case, anchoring, word limits and which rule wins."""

from __future__ import annotations

import pytest
import regex
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from cleaner._model import Block
from cleaner.filters.base import Page, run_filters
from cleaner.filters.rules import RULEBOOK, RULESETS
from cleaner.filters.rules._base import (
    RULE_FLAGS,
    SCREEN_MAX_CHARS,
    LineRule,
    RuleBook,
    RuleSet,
)
from cleaner.filters.rules._patterns import phrase, whole_line


def test_a_rule_written_in_lower_case_matches_a_line_in_any_case() -> None:
    rules = RuleSet("t", [LineRule("menu", "^menu$")])
    assert rules.match("MENU") == "menu"
    assert rules.match("Menu") == "menu"


def test_a_rule_with_capitals_in_its_pattern_still_matches_case_insensitively() -> None:
    rules = RuleSet("t", [LineRule("sponsored", "^Sponsored by ")])
    assert rules.match("SPONSORED BY Harbour Bank") == "sponsored"


def test_a_rule_can_require_capitals_with_a_scoped_flag() -> None:
    rules = RuleSet("t", [LineRule("kicker", r"^(?-i:MORE):\s")])
    assert rules.match("MORE: Council approves the pier") == "kicker"
    assert rules.match("More: see the manual") is None


def test_an_unanchored_pattern_is_found_anywhere_in_the_line() -> None:
    rules = RuleSet("t", [LineRule("credit", r"\(photo: [^)]*\)$")])
    assert rules.match("The harbour at dawn. (Photo: Jane Doe)") == "credit"


def test_a_pattern_with_a_top_level_alternative_is_not_taken_for_anchored() -> None:
    rules = RuleSet("t", [LineRule("either", "^start|end$")])
    assert rules.match("this is the end") == "either"


def test_a_rule_does_not_see_lines_longer_than_its_word_limit() -> None:
    rules = RuleSet("t", [LineRule("short", "pier", 3), LineRule("long", "harbour", 10)])
    assert rules.match("the old stone pier") is None
    assert rules.match("the old stone pier by the harbour") == "long"


def test_the_first_declared_rule_wins_across_cased_and_lower_case_rules() -> None:
    rules = RuleSet("t", [LineRule("cased", "^Home$"), LineRule("lower", "^home$")])
    assert rules.match("home") == "cased"
    rules = RuleSet("t", [LineRule("lower", "^home$"), LineRule("cased", "^Home$")])
    assert rules.match("Home") == "lower"


def test_duplicate_rule_names_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        RuleSet("t", [LineRule("a", "x"), LineRule("a", "y")])


def test_a_phrase_matches_typographic_apostrophes_and_any_spacing() -> None:
    rules = RuleSet("t", [LineRule("miss", whole_line("don't miss"))])
    assert rules.match("Don’t   miss") == "miss"
    assert rules.match("DONT MISS »") == "miss"
    assert phrase("[a b]") == "[a b]"


@pytest.mark.parametrize(
    "line", ["Read More »", "→ Read more", "Read more Arrow right", "READ MORE ↓"]
)
def test_decoration_around_a_ui_string_does_not_hide_it(line: str) -> None:
    teasers = next(rs for rs in RULESETS if rs.name == "teasers")
    assert teasers.match(line) == "read_more_link"


def test_rule_names_are_unique_across_all_categories() -> None:
    reasons = [f"{rs.name}.{rule.name}" for rs in RULESETS for rule in rs.rules]
    assert len(reasons) == len(set(reasons))


def _reference_match(rules: RuleSet, text: str) -> str | None:
    """What a rule set promises, done the slow way: every rule in order, searched
    case-insensitively in the stripped line, within its word limit."""
    text = text.strip()
    n_words = len(text.split())
    for rule in rules.rules:
        if rule.max_words is not None and n_words > rule.max_words:
            continue
        if regex.search(rule.pattern, text, RULE_FLAGS):
            return rule.name
    return None


# Words and characters the built-in rules care about, so random lines often come close to a
# match: the fast path (prefix index, lower-casing, anchoring) must agree with the slow one.
_PIECES = st.sampled_from(
    [
        "home",
        "Home",
        "HOME",
        "read",
        "more",
        "Read more",
        "share",
        "Share on",
        "Facebook",
        "subscribe",
        "© 2025",
        "(Photo: Jane Doe / AP)",
        "Author:",
        "Jane",
        "Doe",
        "2:07 PM",
        "Feb 27, 2025",
        "5 hours ago",
        "2 min read",
        "Privacy Policy",
        "|",
        "»",
        "×",
        "→",
        "*",
        "İ",
        "ſ",
        "\u212a",  # the Kelvin sign, which lower-cases to "k"
        "ß",
        "ж",
        "Читайте також:",
        "Teilen",
        "1",
        "22",
        ":",
        ".",
        " ",
        "  ",
        "\u00a0",
        "Arrow right",
        "image",
        "logo",
        "MORE:",
        "We use cookies",
        "Accept all",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=8).map(" ".join))
@example("İ image")  # "İ" lowers to two characters; the line must not shift
@example("Share on \u212aakao")  # case-insensitive rules see the Kelvin sign as a "k"
@example("ſhare")  # and "ſ" as an "s"
def test_every_rule_set_gives_the_answer_of_trying_each_rule_in_turn(line: str) -> None:
    first = None
    for rules in RULESETS:
        expected = _reference_match(rules, line)
        assert rules.match(line) == expected, rules.name
        if first is None and expected is not None:
            first = f"{rules.name}.{expected}"
    # The pipeline's single rule book gives the first category's verdict.
    assert RULEBOOK.fresh().match(line) == first


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=10, max_size=30).map(" ".join))
@example("Share on Facebook " * 5)
@example("Author: Jane Doe " + "image logo " * 8)
def test_a_line_too_long_to_cut_gets_the_answer_of_trying_each_rule_in_turn(line: str) -> None:
    # Lines this long are screened by substring tests of the rules' required strings, and the
    # rules without any are let through unlooked-at: the verdict must not change.
    assume(len(line.strip()) > SCREEN_MAX_CHARS)
    expected = next(
        (f"{rs.name}.{name}" for rs in RULESETS if (name := _reference_match(rs, line))), None
    )
    assert RULEBOOK.fresh().match(line) == expected


def test_rule_sets_inside_the_pipeline_agree_with_matching_line_by_line() -> None:
    lines = ["Skip to content", "Home > News", "The pier reopens.", "Share", "2 min read", ""]
    page = Page([Block(i, line) for i, line in enumerate(lines)], "text")
    run_filters(page, RULESETS)
    for line, verdict in zip(lines, page.verdicts, strict=True):
        expected = next((f"{rs.name}.{name}" for rs in RULESETS if (name := rs.match(line))), None)
        assert (verdict.reason if verdict else None) == expected


def test_word_limits_hold_for_lines_longer_than_the_rule_book_tabulates() -> None:
    book = RuleBook(
        [
            RuleSet("a", [LineRule("capped", r"zebra", max_words=1200)]),
            RuleSet("b", [LineRule("uncapped", r"zebra", max_words=None)]),
        ]
    )
    long_line = "zebra " + "word " * 1499
    assert book.match(long_line) == "b.uncapped"
    assert book.match("zebra " + "word " * 999) == "a.capped"


def test_the_rule_sets_remembered_for_lines_give_every_line_its_own_verdict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Lines meeting the same rules share one ordered list of them, for ASCII lines with the
    # `re` patterns and for the others with `regex`'s; a tiny store, emptied often, must not
    # change a verdict either.
    from cleaner.filters.rules import _base

    monkeypatch.setattr(_base, "ORDERS_SIZE", 3)
    lines = ["Share", "Ѕhare", "Share on Facebook", "Share on Ƒacebook", "Home", "HOME »", "ſhare"]
    lines += ["Privacy Policy | Terms", "© 2025 Jane Doe", "Read more", "Read mоre", "x"]
    book = RuleBook(RULESETS)
    for line in lines * 3:
        expected = next(
            (f"{rs.name}.{name}" for rs in RULESETS if (name := _reference_match(rs, line))), None
        )
        assert book.match(line) == expected, line
