"""Shared checks for the per-category rule tests (tests/test_rules_<category>.py).

Each of those files holds a table `CASES: {rule name: ([lines it drops], [look-alike body
sentences every category keeps])}`; these helpers turn the table into test parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cleaner.filters.rules import RULESETS, LineRule

CaseTable = Mapping[str, tuple[Sequence[str], Sequence[str]]]


def caught_lines(table: CaseTable) -> list[tuple[str, str]]:
    return [(rule, line) for rule, (caught, _) in table.items() for line in caught]


def kept_sentences(table: CaseTable) -> list[tuple[str, str]]:
    return [(rule, line) for rule, (_, kept) in table.items() for line in kept]


def assert_every_rule_has_cases(rules: Sequence[LineRule], table: CaseTable) -> None:
    names = [rule.name for rule in rules]
    assert len(names) == len(set(names)), "rule names must be unique"
    assert set(table) == set(names), "every rule needs a row in CASES, and only rules do"
    assert all(caught and kept for caught, kept in table.values())


def categories_dropping(line: str) -> list[tuple[str, str]]:
    """Every category that drops `line`, with the rule: empty for a body sentence."""
    return [(rs.name, rule) for rs in RULESETS if (rule := rs.match(line)) is not None]
