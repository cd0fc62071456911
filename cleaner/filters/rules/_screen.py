"""Cheap tests that rule a line out before a rule's own pattern runs.

Nine lines in ten meet no rule at all, yet each used to be tried against the ten or so rules
its first characters allowed, each try a call into `regex`, which costs 2-7 microseconds for
the rules' long alternations even when the line is nowhere near a match. Two screens, both
derived from the pattern itself, so a rule is written once and never screened by hand:

- `required_strings`: strings of which every match holds one ("arrow", "chevron", "caret" or
  "angle" for the icon-text rule). `key_of` picks a three-character piece of each; a line
  whose pieces include none of a rule's keys cannot match it (see `RuleBook`).
- `loose_matcher`: the pattern loosened until the standard library's `re` can run it and
  compiled there, where the same alternation fails four times faster. Loosened means it
  matches every line the real pattern matches and maybe more: lookarounds and word
  boundaries are dropped, atomic groups and possessive repeats become ordinary ones, and each
  class of `regex`'s (`\\w`, `\\p{L}`, whose Unicode tables differ between the two modules)
  becomes its exact ASCII members plus every non-ASCII character. A line it rejects is
  rejected by the real pattern; a line it accepts goes on to the real pattern.

Both read the pattern with the standard library's parser (`re._parser`). Anything it does not
take, a pattern that matches case-insensitively, or an unknown construct gets no screen: the
rule then runs on every line its start allows, as before.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable
from typing import Any

import regex

# The standard library's regular-expression parser and compiler (private modules, stable
# since Python 3.11 renamed them from sre_parse and sre_compile; any failure to use them
# leaves a rule unscreened, never wrong).
_sre: Any = importlib.import_module("re._constants")
_sre_parser: Any = importlib.import_module("re._parser")
_sre_compiler: Any = importlib.import_module("re._compiler")

# `regex` escapes the standard parser refuses, each replaced by a class escape it knows
# (which, like the original, stands for one character of a set and requires no text).
_REGEX_ONLY_ESCAPE = regex.compile(r"\\(?:[pP]\{[^}]*\}|[pP][A-Za-z]|.)", regex.DOTALL)

_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)

# Keys are three characters long: two-letter keys ("in", "on") are in most lines and would
# screen little, four-letter ones would leave out more short required strings.
KEY_LENGTH = 3


class _Unsupported(Exception):
    """The pattern cannot be analysed; its rule goes unscreened."""


def required_strings(pattern: str, *, scoped_case: bool = False) -> frozenset[str] | None:
    """Strings of which every match of `pattern` contains at least one, or None when the
    pattern requires none that the analysis can see.

    The strings are as the pattern writes them: a match without IGNORECASE holds them as
    they are. `scoped_case` allows `(?-i:...)` groups (a rule matched case-insensitively
    that wants capitals in places); without it they are refused with the other flag changes.
    """
    source = _REGEX_ONLY_ESCAPE.sub(lambda m: r"\w" if m[0][1] in "pP" else m[0], pattern)
    try:
        parsed = _sre_parser.parse(source, 0)
    except (re.error, ValueError, OverflowError, RecursionError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    try:
        found = _required(list(parsed), scoped_case)
    except _Unsupported:
        return None
    return _simplest(found) if found else None


def _required(items: list[tuple[Any, Any]], scoped_case: bool) -> frozenset[str] | None:
    """The most selective requirement of a sequence of parsed items: every match of the
    sequence contains one of the returned strings (None: nothing found)."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is _sre.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        inner: frozenset[str] | None = None
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            if add_flags & re.IGNORECASE or (del_flags & re.IGNORECASE and not scoped_case):
                raise _Unsupported
            inner = _required(list(body), scoped_case)
        elif op is _sre.BRANCH:
            branches = [_required(list(branch), scoped_case) for branch in arg[1]]
            if all(b is not None for b in branches):
                inner = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, body = arg
            if low >= 1:
                inner = _required(list(body), scoped_case)
        elif _ATOMIC is not None and op is _ATOMIC:
            inner = _required(list(arg), scoped_case)
        elif op is _sre.GROUPREF_EXISTS:
            raise _Unsupported
        # Anything else (classes, anchors, lookarounds, back references) requires no text
        # that can be named here, and ends the run of literal characters.
        if inner:
            options.append(inner)
    flush()
    if not options:
        return None
    return max(options, key=selectivity)


def selectivity(option: frozenset[str]) -> tuple[bool, int, int]:
    """Prefer requirements that can be keyed (every string at least `KEY_LENGTH` long), then
    those with fewer strings, then longer ones."""
    shortest = min(len(s) for s in option)
    return (shortest >= KEY_LENGTH, -len(option), shortest)


def _simplest(option: frozenset[str]) -> frozenset[str]:
    """Drop strings that contain another string of the set: the shorter one is found in any
    line that holds the longer."""
    return frozenset(s for s in option if not any(t != s and t in s for t in option))


# How common letters are in running text, most common first (English, which also ranks the
# letters of the other Latin-script languages the rules cover about right). A key made of rare
# letters lets through fewer lines.
_COMMON = " etaoinshrdlcumwfgypbvkjxqz"


def key_of(text: str) -> str:
    """The piece of `text` a line is screened by: its rarest three characters, or for a
    string of one or two characters its rarest character."""
    size = KEY_LENGTH if len(text) >= KEY_LENGTH else 1
    return max((text[i : i + size] for i in range(len(text) - size + 1)), key=_rarity)


def _rarity(piece: str) -> int:
    # Characters outside the list (digits, accents, other scripts) count as rarest.
    return sum(_COMMON.find(c) if c in _COMMON else len(_COMMON) for c in piece)


def pieces(text: str) -> set[str]:
    """Every piece of `text` a key can be: its characters and its three-character runs."""
    return {text[i : i + KEY_LENGTH] for i in range(len(text) - KEY_LENGTH + 1)}


# -- the loose matcher -------------------------------------------------------------------------

# The `regex` flags the rules that read the lower-cased line are compiled with.
_REGEX_FLAGS = regex.UNICODE | regex.VERSION0
# Unicode property escapes are parsed as private-use characters (which no rule writes), then
# turned into classes; the n-th distinct escape of a pattern is _PLACEHOLDER + n.
_PLACEHOLDER = 0xF0000
_PROPERTY = regex.compile(r"\\(?:[pP]\{[^}]*\}|[pP][A-Za-z])|\\.", regex.DOTALL)
_CATEGORY_ESCAPE = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}
_KEPT_ANCHORS = (_sre.AT_BEGINNING, _sre.AT_END, _sre.AT_BEGINNING_STRING, _sre.AT_END_STRING)
# Any character at all (a range over every code point would make `re` build a huge table).
_ANY = [(_sre.CATEGORY, _sre.CATEGORY_SPACE), (_sre.CATEGORY, _sre.CATEGORY_NOT_SPACE)]


def loose_matcher(pattern: str, anchored: bool) -> Callable[[str], object] | None:
    """A `re` pattern's `match` (anchored) or `search` method that accepts every line
    `pattern` accepts (matched by `regex` without IGNORECASE), or None when the pattern
    cannot be loosened.

    Only for ASCII lines: on those the classes are exact, so the loose form matches the same
    lines as the pattern give or take a lookaround. Beyond ASCII every class takes every
    character, and a rule built of words and spaces (`(?:\\w+\\s+)*`) would try every way
    of cutting a Japanese sentence into them.
    """
    tokens: list[str] = []

    def placeholder(m: regex.Match[str]) -> str:
        if m[0][1] not in "pP":
            return m[0]
        if m[0] not in tokens:
            tokens.append(m[0])
        return chr(_PLACEHOLDER + tokens.index(m[0]))

    try:
        parsed = _sre_parser.parse(_PROPERTY.sub(placeholder, pattern), 0)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.DOTALL | re.MULTILINE):
            return None
        loose = _Loosener(parsed.state, tokens).sequence(parsed)
        compiled = _sre_compiler.compile(loose, 0)
    except (_Unsupported, re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return compiled.match if anchored else compiled.search


class _Loosener:
    def __init__(self, state: Any, tokens: list[str]) -> None:
        self.state = state
        self.tokens = tokens

    def sequence(self, items: Any) -> Any:
        out: list[tuple[Any, Any]] = []
        for op, arg in items:
            out.extend(self.item(op, arg))
        return _sre_parser.SubPattern(self.state, out)

    def item(self, op: Any, arg: Any) -> list[tuple[Any, Any]]:
        if op is _sre.LITERAL:
            if arg >= _PLACEHOLDER:
                return [(_sre.IN, self.klass([(op, arg)]))]
            return [(op, arg)]
        if op is _sre.NOT_LITERAL:
            if arg >= _PLACEHOLDER:  # "[^\\p{L}]"
                return [(_sre.IN, self.klass([(_sre.NEGATE, None), (_sre.LITERAL, arg)]))]
            return [(op, arg)]
        if op is _sre.ANY:
            return [(op, arg)]
        if op is _sre.IN:
            return [(_sre.IN, self.klass(arg))]
        if op is _sre.CATEGORY:
            return [(_sre.IN, self.klass([(op, arg)]))]
        if op is _sre.AT:
            return [(op, arg)] if arg in _KEPT_ANCHORS else []
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            return []  # a lookaround only ever rules a match out
        if op is _sre.SUBPATTERN:
            group, add_flags, del_flags, body = arg
            if add_flags or del_flags:
                raise _Unsupported
            return [(op, (group, 0, 0, self.sequence(body)))]
        if op is _sre.BRANCH:
            return [(op, (None, [self.sequence(branch) for branch in arg[1]]))]
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, high, body = arg
            return [(op, (low, high, self.sequence(body)))]
        # Atomic groups and possessive repeats are how a rule stops a failing line from being
        # retried every way it can be split; without them the loose form could take seconds.
        raise _Unsupported  # also back references and anything newer

    def klass(self, items: Any) -> list[tuple[Any, Any]]:
        """A class, unchanged when it names characters only; with a `regex` class escape in
        it, widened to everything but the ASCII characters it excludes (in `[^...]`: to the
        ASCII characters it excludes, plus what it names outright)."""
        negated = bool(items) and items[0][0] is _sre.NEGATE
        body = items[1:] if negated else items
        if all(op in (_sre.LITERAL, _sre.RANGE) and max(_codes(op, arg)) < _PLACEHOLDER for op, arg in body):
            return list(items)
        named = set[int]()  # the ASCII characters the class's items name
        for op, arg in body:
            if op is _sre.LITERAL and arg >= _PLACEHOLDER:
                named |= _ascii_members(self.tokens[arg - _PLACEHOLDER])
            elif op is _sre.CATEGORY:
                named |= _ascii_members(_CATEGORY_ESCAPE[arg])
            elif op in (_sre.LITERAL, _sre.RANGE) and max(_codes(op, arg)) < _PLACEHOLDER:
                lo, hi = _codes(op, arg)
                named |= set(range(lo, min(hi, 127) + 1))
            else:
                raise _Unsupported
        if negated:
            # Excluding only the ASCII characters named keeps every line the original accepts.
            return [(_sre.NEGATE, None), *((_sre.LITERAL, c) for c in sorted(named))] if named else _ANY
        excluded = sorted(set(range(128)) - named)
        return [(_sre.NEGATE, None), *((_sre.LITERAL, c) for c in excluded)] if excluded else _ANY


def _codes(op: Any, arg: Any) -> tuple[int, int]:
    return (arg, arg) if op is _sre.LITERAL else arg


@functools.cache
def _ascii_members(escape: str) -> frozenset[int]:
    """The ASCII characters `regex` counts in the class `escape` (e.g. "\\w", "\\p{L}")."""
    return frozenset(c for c in range(128) if regex.fullmatch(escape, chr(c), _REGEX_FLAGS))
