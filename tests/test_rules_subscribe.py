"""Subscribe rules: each drops its prompts and leaves look-alike body sentences alone."""

from __future__ import annotations

import pytest
from rule_cases import (
    assert_every_rule_has_cases,
    categories_dropping,
    caught_lines,
    kept_sentences,
)

from cleaner.filters.rules import RULESETS, subscribe

CATEGORY = "subscribe"
RULES = subscribe.RULES
RULESET = next(rs for rs in RULESETS if rs.name == CATEGORY)

# For every rule: lines it must drop, and body sentences with the same words it must keep.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "subscribe_button": (
        [
            "Subscribe",
            "Subscribe now",
            "Sign up for our newsletter",
            "Newsletters",
            "All Newsletters Arrow right",
            "Jetzt abonnieren",
            "S'abonner",
            "Suscríbete",
            "Iscriviti alla newsletter",
            "Підписатися",
        ],
        [
            "Subscribe to the idea that less is more, the architect told the students.",
            "Newsletters were the first thing the company cut when budgets shrank.",
        ],
    ),
    "email_field": (
        [
            "Enter your email to subscribe",
            "Please, enter correct email address",
            "Email address*",
            "First name",
            "Votre adresse e-mail",
        ],
        [
            "Enter your email address in the form your bank sent you, the fraud guide says.",
            "His first name was never printed in the regional papers.",
        ],
    ),
    "required_marker": (
        ["* indicates required", "Required fields are marked *", "Pflichtfeld"],
        ["The permit indicates required safety checks for every crane on the site."],
    ),
    "form_notice": (
        [
            "This field is for validation purposes and should be left unchanged.",
            "Please fill out this field.",
        ],
        ["The inspectors said this field is for grazing only and cannot be built on."],
    ),
    "subscribed_confirmation": (
        [
            "Successfuly subscribed",
            "Thank you for signing up for this newsletter. We’ve sent you a confirmation email.",
            "Thanks for subscribing!",
            "Danke für Ihre Anmeldung",
        ],
        ["The mayor thanked residents for signing up to the flood warning scheme in such numbers."],
    ),
    "newsletter_pitch": (
        [
            "Get the latest news delivered straight to your inbox.",
            "Stay in the know!",
            "Don't miss a thing",
            "Join 25,000 subscribers",
            "No spam. Unsubscribe at any time.",
        ],
        [
            "Regulators want to stop scam emails that land directly in your inbox every morning.",
            "Stay in the water for no longer than ten minutes, the lifeguards advise.",
        ],
    ),
    "subscription_consent": (
        [
            "By subscribing, you agree to our Privacy Policy and Terms of Use.",
            "By clicking “Sign up”, you acknowledge that you have read our privacy notice.",
        ],
        ["By subscribing to three streaming services, the average family now spends more."],
    ),
    "membership_appeal": (
        [
            "Become a member",
            "Support independent journalism",
            "Donate now",
            "pre-order now",
            "Mitglied werden",
            "Підтримайте нас",
        ],
        [
            "She wanted to become a member of the rowing club since she was ten years old.",
            "Donors who donate now will see their gifts matched by the foundation.",
        ],
    ),
    "paywall": (
        [
            "Already a subscriber? Log in",
            "Subscribe to continue reading",
            "You have 2 free articles remaining",
            "Bereits Abonnent? Hier anmelden",
        ],
        ["Already a member of the European Union, Croatia joined the euro zone in 2023."],
    ),
}


def test_rule_names_are_unique_and_every_rule_has_a_caught_line_and_a_kept_sentence() -> None:
    assert_every_rule_has_cases(RULES, CASES)


@pytest.mark.parametrize(("rule", "line"), caught_lines(CASES))
def test_a_subscribe_prompt_is_dropped_by_its_rule(rule: str, line: str) -> None:
    assert RULESET.match(line) == rule


@pytest.mark.parametrize(("rule", "line"), kept_sentences(CASES))
def test_a_sentence_about_subscribing_is_kept_by_every_category(rule: str, line: str) -> None:
    assert categories_dropping(line) == []
