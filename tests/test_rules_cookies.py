"""Cookie rules: each drops its banner lines and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, cookies

CATEGORY = "cookies"
RULES = cookies.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "consent_framework_text": (
        [
            "We and our 214 partners store and/or access information on a device, such as cookies, and process personal data.",
            "With your permission we and our partners may use precise geolocation data and identification through device scanning.",
            "Please note that some processing of your personal data may not require your consent, but you have a right to object.",
            "You can change your choices at any time by clicking Privacy settings at the bottom of any page.",
        ],
        [
            "Regulators say the partners store and/or access information on a device without asking first.",
            "Some processing of your tax return may take longer this year, the agency warned.",
            "You can change your choices at any time by calling the help line.",
        ],
    ),
    "we_use_cookies": (
        [
            "We use cookies to improve your experience on our site. By clicking Accept, you consent to our use of cookies.",
            "This website uses cookies to ensure you get the best experience.",
            "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
            "Nous utilisons des cookies pour améliorer votre expérience.",
            "Utilizamos cookies propias y de terceros.",
            "Ми використовуємо файли cookie.",
        ],
        [
            "Researchers found that the website uses cookies to follow readers across news sites.",
            "We use cookie cutters shaped like stars for the holiday biscuits.",
        ],
    ),
    "consent_by_continuing": (
        [
            "By continuing to browse the site, you agree to our use of cookies.",
            "By using this website, you are agreeing to our cookie policy.",
        ],
        ["By continuing to browse the old archives, the historian found the missing letters."],
    ),
    "consent_buttons": (
        [
            "Accept all",
            "Reject All",
            "Accept all cookies",
            "Manage preferences",
            "Got it!",
            "Alle akzeptieren",
            "Tout refuser",
            "Aceptar todo",
            "Прийняти всі",
        ],
        ["Accept all the help you can get in the first weeks, midwives say."],
    ),
    "consent_dialog_titles": (
        [
            "Cookie settings",
            "Privacy Preference Center",
            "We value your privacy",
            "Cookie-Einstellungen",
            "Política de cookies",
        ],
        ["Cookie settings on most browsers were changed by the update, the report says."],
    ),
    "consent_categories": (
        ["Strictly Necessary Cookies", "Performance Cookies", "Always Active"],
        ["Performance cookies from the bakery sold out before noon on Saturday."],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_cookie_banner_line_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_about_cookies_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
