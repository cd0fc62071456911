"""Footer rules: each drops its footer lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, footer

CATEGORY = "footer"
RULES = footer.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "copyright": (
        [
            "© 2025 The Kyiv Independent. All rights reserved.",
            "Copyright 2024 Acme Inc.",
            "Copyright © Harbour Press",
            "Copyright",
        ],
        ["Copyright law protects the photographs for seventy years after the author's death."],
    ),
    "rights_reserved": (
        ["2025 Acme Inc. All rights reserved.", "Alle Rechte vorbehalten."],
        ["The landowners said all rights reserved to them under the old treaty were lost."],
    ),
    "footer_links": (
        [
            "Privacy Policy",
            "Terms of Use",
            "Contact us",
            "About us",
            "Advertise",
            "Careers",
            "Sitemap",
            "Accessibility Statement",
            "Do not sell my personal information",
            "Privacy Policy | Terms of Use | Sitemap",
            "Impressum",
            "Datenschutzerklärung",
            "Mentions légales",
            "Política de privacidad",
            "Polityka prywatności",
        ],
        [
            "Privacy policy experts say the new rules will not change much for users.",
            "FAQ",
            "Support",
        ],
    ),
    "site_credit": (
        ["Powered by WordPress", "Proudly powered by WordPress", "Website design by Studio North"],
        [
            "Powered by two diesel engines, the ferry crosses the strait in forty minutes.",
            "Powered by Zapier",
        ],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_footer_line_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_with_footer_words_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
