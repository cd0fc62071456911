"""Boilerplate line rules, one module per category, each a tuple of named patterns.

The categories run in the order listed; the first rule that matches a block drops it, with the
reason `"<category>.<rule>"`.
"""

from __future__ import annotations

from cleaner.filters.rules import (
    author_box,
    captions,
    cookies,
    feeds,
    footer,
    navigation,
    notices,
    share,
    subscribe,
    teasers,
)
from cleaner.filters.rules._base import LineRule, RuleBook, RuleSet

CATEGORIES: dict[str, tuple[LineRule, ...]] = {
    "cookies": cookies.RULES,
    "subscribe": subscribe.RULES,
    "navigation": navigation.RULES,
    "share": share.RULES,
    "notices": notices.RULES,
    "captions": captions.RULES,
    "teasers": teasers.RULES,
    "feeds": feeds.RULES,
    "author_box": author_box.RULES,
    "footer": footer.RULES,
}

RULESETS: tuple[RuleSet, ...] = tuple(RuleSet(name, rules) for name, rules in CATEGORIES.items())
# The built-in categories as the pipeline runs them: one filter, "rules".
RULEBOOK = RuleBook(RULESETS)

__all__ = ["CATEGORIES", "RULEBOOK", "RULESETS", "LineRule", "RuleBook", "RuleSet"]
