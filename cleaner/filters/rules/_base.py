"""Line rules as data: a named pattern per boilerplate form, grouped by category.

Each category module (`subscribe`, `navigation`, ...) declares `RULES`, a tuple of `LineRule`.
A `RuleSet` compiles a category once and is a `Filter`: it drops every undecided block whose
text a rule matches, with the reason `"<category>.<rule name>"`.

`max_words` keeps a rule to short lines: "Subscribe" alone is a button, while a 30-word sentence
that mentions subscribing is prose, so most rules only look at lines of a few words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from cleaner._model import Block, Verdict, drop
from cleaner.filters.base import Page

# Rules that look at capitals: case-insensitive and Unicode-aware (\w covers Cyrillic,
# accents...). VERSION0: VERSION1 turns on full case folding, which made some character-class
# repeats take a second on a three-word line.
RULE_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0

# Rules written in lower case are matched against the lower-cased line, without IGNORECASE.
LOWERED_FLAGS = regex.UNICODE | regex.VERSION0

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
    """A category of `LineRule`s compiled into a few alternations, tried once per line.

    For each distinct word limit, the rules that apply to lines of that length (those whose
    limit is at least as high) are compiled together, so a line costs one regex call per
    "pass" whatever its length. The first rule in declaration order that matches wins.

    Speed (rules run on every line of every page): the `regex` module is about six times
    slower on long alternations when matching case-insensitively, and an alternation of
    anchored patterns used with `search` retries every branch at every position. So the rules
    are split in up to four passes: anchored (`^` in every branch, used with `match`) or not
    (used with `search`), and written in lower case (matched without IGNORECASE against the
    lower-cased line) or looking at capitals (a pattern with an upper-case letter, `(?-i:...)`
    or `\\p{Lu}`: matched case-insensitively against the line as written).
    """

    def __init__(self, category: str, rules: Sequence[LineRule]) -> None:
        self.name = category
        self.rules = tuple(rules)
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate rule names in category {category!r}")
        for rule in self.rules:
            try:
                regex.compile(rule.pattern, RULE_FLAGS)
            except regex.error as exc:
                raise ValueError(f"rule {rule.name!r}: {exc}") from exc
        self._buckets = _compile_buckets(self.rules)

    def match(self, text: str, n_words: int | None = None) -> str | None:
        """The name of the first rule that matches `text`, or None."""
        text = text.strip()
        if n_words is None:
            n_words = len(text.split())
        for limit, passes in self._buckets:
            if limit is not None and n_words > limit:
                continue
            lowered = text.lower()
            first: int | None = None
            for run, on_lowered in passes:
                m = run(lowered if on_lowered else text)
                if m is not None:
                    index = int(m.lastgroup[1:])  # type: ignore[index]
                    first = index if first is None else min(first, index)
            return None if first is None else self.rules[first].name
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


# One compiled alternation: its `match` or `search` method, and whether it reads the
# lower-cased line. A bucket: the word limit it serves (None: any length) and its passes.
_Pass = tuple[Callable[[str], "regex.Match[str] | None"], bool]
_Bucket = tuple[int | None, tuple[_Pass, ...]]


def _compile_buckets(rules: Sequence[LineRule]) -> list[_Bucket]:
    """One bucket per distinct word limit, smallest first, each holding every rule whose
    limit admits lines of that length. Named groups `r<index>` map back to the rules."""
    limits = sorted({r.max_words for r in rules}, key=lambda x: (x is None, x or 0))
    buckets: list[_Bucket] = []
    for limit in limits:
        parts: dict[tuple[bool, bool], list[str]] = {}
        for i, rule in enumerate(rules):
            if rule.max_words is None or (limit is not None and rule.max_words >= limit):
                key = (_is_anchored(rule.pattern), not _looks_at_case(rule.pattern))
                parts.setdefault(key, []).append(f"(?P<r{i}>{rule.pattern})")
        passes: list[_Pass] = []
        for (anchored, on_lowered), alternatives in sorted(parts.items()):
            compiled = regex.compile(
                "|".join(alternatives), LOWERED_FLAGS if on_lowered else RULE_FLAGS
            )
            passes.append((compiled.match if anchored else compiled.search, on_lowered))
        buckets.append((limit, tuple(passes)))
    return buckets


def _is_anchored(pattern: str) -> bool:
    """True when every branch of `pattern` starts at the start of the line."""
    return pattern.startswith("^") and not _has_top_level_bar(pattern)


def _has_top_level_bar(pattern: str) -> bool:
    depth = 0
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


# Escapes that name no letter case (removed before looking for capitals), and the constructs
# that do look at case: a scoped flag, or a case-bound Unicode property.
_ESCAPE = regex.compile(r"\\(?:[pPN]\{[^}]*\}|x\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)")
_CASE_CONSTRUCT = regex.compile(r"\(\?[a-zA-Z]*-[a-zA-Z]*i|\\[pP]\{(?:L[ult]|Upper|Lower|Title)")


def _looks_at_case(pattern: str) -> bool:
    """True when the pattern must see the line's capitals to work as written."""
    if _CASE_CONSTRUCT.search(pattern):
        return True
    return any(c != c.lower() for c in _ESCAPE.sub("", pattern))
