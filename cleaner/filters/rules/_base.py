"""Line rules as data: a named pattern per boilerplate form, grouped by category.

Each category module (`subscribe`, `navigation`, ...) declares `RULES`, a tuple of `LineRule`.
A `RuleSet` compiles a category once and is a `Filter`: it drops every undecided block whose
text a rule matches, with the reason `"<category>.<rule name>"`.

`max_words` keeps a rule to short lines: "Subscribe" alone is a button, while a 30-word sentence
that mentions subscribing is prose, so most rules only look at lines of a few words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from cleaner._model import Block, Verdict, drop
from cleaner.filters.base import Page

# Applied to every rule: case-insensitive and Unicode-aware (\w covers Cyrillic, accents...).
RULE_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION1

# Rules without an explicit limit look at lines of at most this many words: the longest button,
# menu or prompt lines in the two samples and in the team's fixtures are under 25 words, while
# body paragraphs are mostly longer.
DEFAULT_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class LineRule:
    """A named pattern that marks a line as boilerplate.

    `pattern` is searched in the stripped line (anchor it with ^...$ to match whole lines);
    `max_words` limits the rule to lines of at most that many words (None: any length).
    Patterns must not define named groups of their own (the rule set names them).
    """

    name: str
    pattern: str
    max_words: int | None = DEFAULT_MAX_WORDS


class RuleSet:
    """A category of `LineRule`s compiled into one alternation per word limit."""

    def __init__(self, category: str, rules: Sequence[LineRule]) -> None:
        self.name = category
        self.rules = tuple(rules)
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate rule names in category {category!r}")
        self._buckets = _compile_buckets(self.rules)

    def match(self, text: str, n_words: int | None = None) -> str | None:
        """The name of the first rule that matches `text`, or None."""
        text = text.strip()
        if n_words is None:
            n_words = len(text.split())
        for limit, pattern, group_names in self._buckets:
            if limit is not None and n_words > limit:
                continue
            m = pattern.search(text)
            if m is not None:
                return group_names[m.lastgroup]
        return None

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        for block in page.open_blocks():
            rule = self.match(block.text)
            if rule is not None:
                yield block.index, drop(f"{self.name}.{rule}")

    def matches(self, blocks: Iterable[Block]) -> list[str | None]:
        return [self.match(b.text) for b in blocks]

    def __repr__(self) -> str:
        return f"RuleSet({self.name!r}, {len(self.rules)} rules)"


def _compile_buckets(
    rules: Sequence[LineRule],
) -> list[tuple[int | None, regex.Pattern[str], dict[str, str]]]:
    """One compiled alternation per distinct word limit, largest limit last.

    Named groups `r0`, `r1`... map back to the rule names, so one search finds which rule fired.
    """
    by_limit: dict[int | None, list[tuple[int, LineRule]]] = {}
    for i, rule in enumerate(rules):
        try:
            regex.compile(rule.pattern, RULE_FLAGS)
        except regex.error as exc:
            raise ValueError(f"rule {rule.name!r}: {exc}") from exc
        by_limit.setdefault(rule.max_words, []).append((i, rule))
    buckets = []
    for limit in sorted(by_limit, key=lambda x: (x is None, x or 0)):
        parts = [f"(?P<r{i}>{rule.pattern})" for i, rule in by_limit[limit]]
        names = {f"r{i}": rule.name for i, rule in by_limit[limit]}
        buckets.append((limit, regex.compile("|".join(parts), RULE_FLAGS), names))
    return buckets
