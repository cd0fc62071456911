"""Navigation rules: each drops its menu lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, navigation

CATEGORY = "navigation"
RULES = navigation.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "skip_link": (
        [
            "Skip to content",
            "Skip to main content",
            "Jump to navigation",
            "Zum Inhalt springen",
            "Aller au contenu",
            "Перейти до вмісту",
        ],
        ["Skip to the end of the report and the conclusions are plain enough."],
    ),
    "menu_toggle": (
        ["Menu", "Open menu", "Toggle navigation", "Close", "×", "Sections", "More", "Меню"],
        ["The menu at the harbour café changes every week with the catch."],
    ),
    "home_link": (
        ["Home", "Back to home", "Startseite", "Accueil", "Головна"],
        ["Home prices rose for the fourth month in a row, the statistics office said."],
    ),
    "site_section": (
        ["Blog", "News", "Products", "Blog | News | Events", "Blog News Events"],
        [
            "News of the merger reached the workers before the board announced it.",
            "Explore documentation",
        ],
    ),
    "page_furniture": (
        ["Table of Contents", "On this page", "Quick links", "Tags:", "Inhaltsverzeichnis"],
        ["The table of contents lists nine chapters, two of them unfinished."],
    ),
    "call_to_action": (
        ["Book a demo", "Get a quote", "Apply now"],
        ["Apply now for the grant, the council urged, because funds are limited this year."],
    ),
    "breadcrumb": (
        ["Home > News > World", "Home / Blog / How we rebuilt the pier", "You are here: Home"],
        ["Home is where the heart is, she wrote in the first line of her memoir."],
    ),
    "back_to_top": (
        ["Back to top", "Scroll to top ↑", "Nach oben", "Наверх"],
        ["Back to top form after injury, the striker scored twice on Sunday."],
    ),
    "search": (
        ["Search", "Search for:", "Search this site", "Type to search", "Suche", "Пошук"],
        ["Search teams found the hikers on Tuesday after two nights on the mountain."],
    ),
    "account_link": (
        [
            "Log in",
            "Sign in",
            "Login",
            "Log in / Register",
            "My account",
            "Forgot your password?",
            "Anmelden",
            "Zaloguj się",
            "Увійти",
        ],
        ["Log in to the portal with your tax number, the ministry told applicants."],
    ),
    "shop_widget": (
        [
            "Cart (0)",
            "View cart",
            "Your cart is empty",
            "Shop Now Arrow right",
            "Add to cart",
            "Warenkorb",
        ],
        ["Your cart is empty when the market closes, so come early, the stall holders joke."],
    ),
    "pagination": (
        [
            "Next",
            "Previous",
            "Older posts",
            "Load more",
            "Page 2 of 10",
            "1 2 3 … 10 Next",
            "Previous Next",
        ],
        ["Next year the festival moves to the old harbour, organisers said."],
    ),
    "adjacent_post": (
        [
            "Previous article: Council approves the new pier",
            "Next post: Council approves the new pier",
        ],
        ["The previous article in this series looked at the cost of the old pier."],
    ),
    "language_picker": (
        ["English | Deutsch | Français", "EN DE FR", "Select language", "Languages"],
        ["English is the second language of most people in the port city.", "English"],
    ),
    "icon_residue": (
        ["Learn more Arrow right", "Explore the archive chevron_right"],
        ["The arrow right above the door shows the way to the old chapel."],
    ),
    "logo_alt_text": (
        [
            "Harvard Health Publishing Logo",
            "North American Van Lines Logo",
            "Jane Doe Profile Image",
        ],
        ["Build the Docker image", "The new logo was unveiled on Monday, and nobody liked it."],
    ),
    "alt_text": (
        ["Newsletters image", "Store image", "Facebook icon", "Company logo"],
        ["They changed the logo after the merger."],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_menu_line_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_with_menu_words_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
