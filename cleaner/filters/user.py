"""User rules files: site-specific patterns added without touching the package.

A rules file is TOML with `[[drop]]` and `[[keep]]` tables::

    # rules/my-sites.toml
    [[drop]]
    name = "sponsored"            # reason shown as "my-sites.sponsored"
    pattern = "^Sponsored by "    # searched in each line, case-insensitive (the `regex` module)
    max_words = 12                # optional: only lines of at most 12 words

    [[keep]]
    name = "pull-quote"
    pattern = "^“.+”$"

A `keep` rule protects the lines it matches from every later filter. The category name is the
file's stem; user rules run before the built-in ones.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

from cleaner._exceptions import RulesFileError
from cleaner._model import Verdict, keep
from cleaner.filters.base import Page
from cleaner.filters.rules._base import LineRule, RuleSet

_KEYS = {"name", "pattern", "max_words"}


class KeepRuleSet(RuleSet):
    """Like `RuleSet`, but a match protects the block instead of dropping it."""

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        for block in page.open_blocks():
            rule = self.match(block.text)
            if rule is not None:
                yield block.index, keep(f"{self.name}.{rule}")


def load_rules_file(path: str | Path) -> list[RuleSet]:
    """Parse a rules file into its keep and drop rule sets (keep first)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RulesFileError(f"{path}: {exc}") from exc
    unknown = set(data) - {"drop", "keep"}
    if unknown:
        raise RulesFileError(f"{path}: unknown tables {sorted(unknown)}; use [[drop]] and [[keep]]")
    sets: list[RuleSet] = []
    for action, cls in (("keep", KeepRuleSet), ("drop", RuleSet)):
        rules = [_rule(path, entry) for entry in data.get(action, [])]
        if rules:
            try:
                sets.append(cls(path.stem, rules))
            except ValueError as exc:
                raise RulesFileError(f"{path}: {exc}") from exc
    return sets


def _rule(path: Path, entry: object) -> LineRule:
    if not isinstance(entry, dict) or not {"name", "pattern"} <= set(entry) or set(entry) - _KEYS:
        raise RulesFileError(
            f"{path}: each rule needs `name` and `pattern` (and may set `max_words`): {entry!r}"
        )
    max_words = entry.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise RulesFileError(
            f"{path}: max_words must be a positive integer in rule {entry['name']!r}"
        )
    return LineRule(str(entry["name"]), str(entry["pattern"]), max_words)
