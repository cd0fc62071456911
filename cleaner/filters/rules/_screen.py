"""Making each line meet few rules, and those cheaply.

Nine lines in ten meet no rule at all, yet each used to be tried against the ten or so rules
its first characters allowed, each try a call into `regex`, which costs 2-7 microseconds for
the rules' long alternations even when the line is nowhere near a match. Two things help, both
derived from the pattern itself, so a rule is written once and never tuned by hand:

- `required_strings`: strings of which every match holds one ("arrow", "chevron", "caret" or
  "angle" for the icon-text rule). `key_of` picks a three-character piece of each (one
  character of a shorter one); a line whose three-character runs (`runs`) and characters
  include none of a rule's keys cannot match it, so the rule is not tried (see `RuleBook`).
- `ascii_matcher`: the pattern carried over to the standard library's `re`, where the same
  alternation fails three to four times faster. It is exact on lines of ASCII characters (92%
  of the lines of the WCXB dumps): every class, property and letter becomes the set of ASCII
  characters `regex` itself says it matches, and anchors, lookarounds, atomic groups and
  possessive repeats mean the same in both modules on such text. Lines with other
  characters still go to `regex`, whose Unicode tables `re` does not share.

Both read the pattern with the standard library's parser (`re._parser`). A pattern it does
not take, or a construct the translation does not know, leaves the rule as it was: tried on
every line its start allows, with `regex`.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any

import regex

# The standard library's regular-expression parser and compiler (private modules, stable
# since Python 3.11 renamed them from sre_parse and sre_compile; any failure to use them
# leaves a rule unscreened, never wrong).
_sre: Any = importlib.import_module("re._constants")
_sre_parser: Any = importlib.import_module("re._parser")
_sre_compiler: Any = importlib.import_module("re._compiler")

# An escape of the pattern: the standard parser refuses `regex`'s Unicode properties
# (`\\p{L}`, `\\pL`), so both analyses below replace those and leave the other escapes be.
_ESCAPE = regex.compile(r"\\(?:[pP]\{[^}]*\}|[pP][A-Za-z]|.)", regex.DOTALL)

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
    # A property is read as a class escape the parser knows: one character of a set,
    # requiring no text, like the original.
    source = _ESCAPE.sub(lambda m: r"\w" if m[0][1] in "pP" else m[0], pattern)
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


def runs(text: str) -> Iterator[tuple[str, ...]]:
    """The three-character runs of `text`, as tuples of characters: `zip` makes them in C,
    twice as fast as slicing each out, and a set intersection takes them as they come."""
    return zip(text, text[1:], text[2:], strict=False)  # the shorter slices end it


# -- the ASCII matcher --------------------------------------------------------------------------

# Unicode property escapes are parsed as private-use characters (which no rule writes), then
# turned into classes; the n-th distinct escape of a pattern is _PLACEHOLDER + n.
_PLACEHOLDER = 0xF0000
_CATEGORY_ESCAPE = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}
_ASCII = range(128)
# Any character at all, and no character (a class `re` cannot be given by writing it).
_ANY = [(_sre.CATEGORY, _sre.CATEGORY_SPACE), (_sre.CATEGORY, _sre.CATEGORY_NOT_SPACE)]
_NOTHING = [(_sre.NEGATE, None), *_ANY]


def ascii_matcher(
    pattern: str, anchored: bool, *, ignore_case: bool
) -> Callable[[str], object] | None:
    """The `match` (anchored) or `search` method of a `re` pattern that, on a line of ASCII
    characters, matches exactly when `pattern` does under `regex` (with IGNORECASE when
    `ignore_case`, as `RULE_FLAGS`; else as `LOWERED_FLAGS`), or None when the pattern
    cannot be carried over.

    Each class, property, category and literal becomes the set of ASCII characters `regex`
    itself says it matches (under the case rule in force where it stands, so the result
    needs no flags); anchors, word boundaries, lookarounds, atomic groups and possessive
    repeats are kept, and on ASCII text they behave the same in both modules. Beyond ASCII
    the translation knows nothing: the caller must give it ASCII lines only.
    """
    tokens: list[str] = []

    def placeholder(m: regex.Match[str]) -> str:
        if m[0][1] not in "pP":
            return m[0]
        if m[0] not in tokens:
            tokens.append(m[0])
        return chr(_PLACEHOLDER + tokens.index(m[0]))

    try:
        parsed = _sre_parser.parse(_ESCAPE.sub(placeholder, pattern), 0)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.DOTALL | re.MULTILINE):
            return None
        translated = _AsciiTranslation(parsed.state, tokens).sequence(parsed, ignore_case)
        compiled = _sre_compiler.compile(translated, 0)
    except (_Unsupported, re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return compiled.match if anchored else compiled.search


class _AsciiTranslation:
    def __init__(self, state: Any, tokens: list[str]) -> None:
        self.state = state
        self.tokens = tokens

    def sequence(self, items: Any, fold: bool) -> Any:
        out: list[tuple[Any, Any]] = []
        for op, arg in items:
            out.append(self.item(op, arg, fold))
        return _sre_parser.SubPattern(self.state, out)

    def item(self, op: Any, arg: Any, fold: bool) -> tuple[Any, Any]:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.CATEGORY):
            members = self.members(op, arg, fold)
            if len(members) == 1:  # a plain character: `re` finds those fastest
                return (_sre.LITERAL, next(iter(members)))
            return (_sre.IN, _as_class(members))
        if op in (_sre.ANY, _sre.AT):
            return (op, arg)
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            direction, body = arg
            return (op, (direction, self.sequence(body, fold)))
        if op is _sre.SUBPATTERN:
            group, add_flags, del_flags, body = arg
            if (add_flags | del_flags) & ~re.IGNORECASE:
                raise _Unsupported
            inner = (fold or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            return (op, (group, 0, 0, self.sequence(body, inner)))
        if op is _sre.BRANCH:
            return (op, (None, [self.sequence(branch, fold) for branch in arg[1]]))
        if op in _REPEATS:
            low, high, body = arg
            return (op, (low, high, self.sequence(body, fold)))
        if _ATOMIC is not None and op is _ATOMIC:
            return (op, self.sequence(arg, fold))
        raise _Unsupported  # back references, conditionals and anything newer

    def members(self, op: Any, arg: Any, fold: bool) -> frozenset[int]:
        """The ASCII characters one character-matching item matches under `regex`."""
        if op is _sre.LITERAL:
            return self.named(arg, fold)
        if op is _sre.NOT_LITERAL:
            return frozenset(_ASCII) - self.named(arg, fold)
        if op is _sre.CATEGORY:
            return _ascii_members(_CATEGORY_ESCAPE[arg], fold)
        negated = bool(arg) and arg[0][0] is _sre.NEGATE
        found: set[int] = set()
        for item_op, item_arg in arg[1:] if negated else arg:
            if item_op is _sre.LITERAL:
                found |= self.named(item_arg, fold)
            elif item_op is _sre.CATEGORY:
                found |= _ascii_members(_CATEGORY_ESCAPE[item_arg], fold)
            elif item_op is _sre.RANGE and max(item_arg) < _PLACEHOLDER:
                lo, hi = item_arg
                found |= _ascii_members(f"[{regex.escape(chr(lo))}-{regex.escape(chr(hi))}]", fold)
            else:
                raise _Unsupported
        return frozenset(_ASCII) - found if negated else frozenset(found)

    def named(self, code: int, fold: bool) -> frozenset[int]:
        if code >= _PLACEHOLDER:
            return _ascii_members(self.tokens[code - _PLACEHOLDER], fold)
        return _ascii_members(regex.escape(chr(code)), fold)


def _as_class(members: frozenset[int]) -> list[tuple[Any, Any]]:
    if not members:
        return _NOTHING
    if len(members) == len(_ASCII):
        return _ANY  # every ASCII character: on an ASCII line, any character
    return [(_sre.LITERAL, c) for c in sorted(members)]


@functools.cache
def _ascii_members(source: str, fold: bool) -> frozenset[int]:
    """The ASCII characters `regex` matches with the one-character pattern `source`."""
    flags = regex.UNICODE | regex.VERSION0 | (regex.IGNORECASE if fold else 0)
    compiled = regex.compile(source, flags)
    return frozenset(c for c in _ASCII if compiled.fullmatch(chr(c)))
