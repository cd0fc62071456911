"""Line rules as data: a named pattern per boilerplate form, grouped by category.

Each category module (`subscribe`, `navigation`, ...) declares `RULES`, a tuple of `LineRule`.
A `RuleSet` compiles a category once and is a `Filter`: it drops every undecided block whose
text a rule matches, with the reason `"<category>.<rule name>"`.

`max_words` keeps a rule to short lines: "Subscribe" alone is a button, while a 30-word sentence
that mentions subscribing is prose, so most rules only look at lines of a few words.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from cleaner._model import Verdict, count_words, drop
from cleaner.filters.base import Page

try:
    from cleaner.filters.rules import _screen
except (ImportError, AttributeError):  # pragma: no cover - a Python whose `re` internals moved
    _screen = None  # type: ignore[assignment]  # rules then run unscreened, with `regex` only

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

    `pattern` is searched in the stripped line (anchor it with ^...$ to match whole lines),
    case-insensitively; a pattern written in lower case is matched faster (see `RuleSet`).
    `max_words` limits the rule to lines of at most that many words (None: any length).
    `requires`, when given, lists lower-case strings of which the lower-cased line must hold at
    least one for the pattern to be tried at all: a cheap gate for patterns that search the
    whole line ("all rights reserved" anywhere), which would otherwise run on every line.
    """

    name: str
    pattern: str
    max_words: int | None = DEFAULT_MAX_WORDS
    requires: tuple[str, ...] = ()


# A compiled rule as `RuleSet.match` uses it: word limit (sys.maxsize for none), the pattern's
# match or search method, whether it reads the lower-cased line, and the rule's name.
_Entry = tuple[int, Callable[[str], object], bool, str]


@dataclass(frozen=True, slots=True)
class _CompiledRule:
    """A rule ready to run: its pattern's `match` (anchored) or `search` method, and whether
    it reads the lower-cased line."""

    name: str
    max_words: int | None
    run: Callable[[str], object]
    on_lowered: bool
    anchored: bool
    requires: tuple[str, ...] = ()
    # Strings of which a matching line (lower-cased) holds one, or None when not known.
    required: frozenset[str] | None = None
    # The pattern carried over to `re`: exact on ASCII lines, and faster (see `_screen`).
    on_ascii: Callable[[str], object] | None = None

    @property
    def entry(self) -> _Entry:
        """What `RuleSet.match` reads, as a plain tuple (the fastest to unpack in its loop)."""
        limit = sys.maxsize if self.max_words is None else self.max_words
        run = _gated(self.run, self.requires, self.on_lowered) if self.requires else self.run
        return (limit, run, self.on_lowered, self.name)

    @classmethod
    def of(cls, rule: LineRule) -> _CompiledRule:
        on_lowered = not _looks_at_case(rule.pattern)
        try:
            pattern = regex.compile(rule.pattern, LOWERED_FLAGS if on_lowered else RULE_FLAGS)
        except regex.error as exc:
            raise ValueError(f"rule {rule.name!r}: {exc}") from exc
        anchored = _is_anchored(rule.pattern)
        run = pattern.match if anchored else pattern.search
        if any(r != r.lower() for r in rule.requires):
            raise ValueError(f"rule {rule.name!r}: `requires` strings must be lower case")
        on_ascii = (
            _screen.ascii_matcher(rule.pattern, anchored, ignore_case=not on_lowered)
            if _screen
            else None
        )
        return cls(
            rule.name, rule.max_words, run, on_lowered, anchored, rule.requires,
            _required_text(rule, on_lowered), on_ascii,
        )  # fmt: skip

    def could_start_with(self, prefix: str) -> bool:
        """False only when no line whose lower-cased start is `prefix` can match.

        `regex`'s partial matching tells whether some line starting with `prefix` could
        match. A rule that looks at capitals is asked about every way to capitalise the
        prefix; a rule that searches (not anchored) can match anywhere, so it stays in.
        """
        if not self.anchored:
            return True
        if self.on_lowered:
            return self.run(prefix, partial=True) is not None  # type: ignore[call-arg]
        return any(
            self.run(variant, partial=True) is not None  # type: ignore[call-arg]
            for variant in _capitalisations(prefix)
        )


def _required_text(rule: LineRule, on_lowered: bool) -> frozenset[str] | None:
    """What the lower-cased line must hold for the rule to match, or None when not known:
    what its pattern requires, or its `requires` gate, whichever screens better.

    A rule matched case-insensitively against the line as written finds its text in the
    case-folded line too (see `lower`), as long as that text is ASCII: the only characters
    beyond ASCII that match an ASCII letter case-insensitively, "ſ" and the Kelvin sign, fold
    to "s" and "k".
    """
    if _screen is None:  # pragma: no cover
        return frozenset(rule.requires) or None
    options = [frozenset(rule.requires)] if rule.requires else []
    found = _screen.required_strings(rule.pattern, scoped_case=not on_lowered)
    if found and not on_lowered:
        found = frozenset(s.lower() for s in found) if all(s.isascii() for s in found) else None
    if found:
        options.append(found)
    return max(options, key=_screen.selectivity) if options else None


def lower(text: str) -> str:
    """The line case-folded character for character, as case-insensitive matching sees it.

    Each character becomes its case fold where that is one character ("ſ", the long s, an
    "s"; the Kelvin sign a "k"), else its lower case where that is one character; a few
    characters fold or lower to two ("ß" to "ss", "İ" to "i" and a combining dot), which
    would shift the line and break patterns that expect letters, and case-insensitive
    matching does not fold them either: "ß" stays, "İ" stays.
    """
    folded = text.casefold()
    if len(folded) == len(text):  # no character became two: each was folded to one
        return folded
    return "".join(_fold(c) for c in text)


def _fold(char: str) -> str:
    folded = char.casefold()
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _gated(
    run: Callable[[str], object], requires: tuple[str, ...], on_lowered: bool
) -> Callable[[str], object]:
    def gated(line: str) -> object:
        lowered = line if on_lowered else lower(line)
        for required in requires:
            if required in lowered:
                return run(line)
        return None

    return gated


class RuleSet:
    """A category of `LineRule`s, compiled once, tried in declaration order on each line.

    Speed: rules run on every line of every page (about 260 lines a page in the WCXB dumps),
    and a call into the `regex` module costs in proportion to the size of the pattern even
    when its first character already fails. So a line only meets the rules that can match it:
    each rule set keeps, for the one- and two-character starts a line commonly has, the rules
    whose pattern can begin that way (found once, with `regex`'s partial matching); a line
    starting "di" never runs the "skip to content" or "×" patterns. Besides, a rule written in
    lower case is matched without IGNORECASE against the lower-cased line (case-insensitive
    matching is several times slower), a pattern anchored with `^` in every branch is run with
    `match`, not `search`, and the rule sets of a page share each line's stripped, lower-cased
    form and word count (`line_forms`). Rules that look at capitals (an upper-case letter,
    `(?-i:...)` or `\\p{Lu}` in the pattern) are matched case-insensitively against the line
    as written. Together this made the built-in rules three times faster than one combined
    alternation per category (25 to 8.5 ms a page on the WCXB train split).
    """

    def __init__(self, category: str, rules: Sequence[LineRule]) -> None:
        self.name = category
        self.rules = tuple(rules)
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate rule names in category {category!r}")
        compiled = tuple(_CompiledRule.of(rule) for rule in self.rules)
        self._compiled = compiled
        self._all = tuple(r.entry for r in compiled)
        self._by_prefix = {
            prefix: tuple(r.entry for r in rules)
            for prefix, rules in _index_by_prefix(compiled).items()
        }
        self._max_words = max((entry[0] for entry in self._all), default=0)

    def match(self, text: str, n_words: int | None = None) -> str | None:
        """The name of the first rule that matches `text`, or None."""
        text = text.strip()
        if n_words is None:
            n_words = len(text.split())
        return self._match(text, lower(text), n_words)

    def _match(self, text: str, lowered: str, n_words: int) -> str | None:
        if n_words > self._max_words:
            return None
        candidates = self._by_prefix.get(lowered[:2])
        if candidates is None:
            candidates = self._by_prefix.get(lowered[:1])
        if candidates is None:
            candidates = self._all  # a rare first character: every rule
        for max_words, run, on_lowered, name in candidates:
            if n_words <= max_words and run(lowered if on_lowered else text) is not None:
                return name
        return None

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        forms = line_forms(page)
        for block in page.open_blocks():
            rule = self._match(*forms[block.index])
            if rule is not None:
                yield block.index, drop(f"{self.name}.{rule}")

    def __repr__(self) -> str:
        return f"RuleSet({self.name!r}, {len(self.rules)} rules)"


# Lines whose verdict a RuleBook remembers; 50,000 short lines take about 10 MB. Only lines of
# a few words repeat across pages (menus, buttons, footers); sentences are not remembered.
MEMO_SIZE = 50_000
_UNSEEN: Any = object()
"""The memo's answer for a line it does not hold (None is a verdict: no rule matched)."""
MEMO_MAX_WORDS = 12
# Lines longer than this are not cut into three-character runs (see `RuleBook`): the few rules
# that still look at lines of 25 words and more are screened by substring tests of their
# required strings instead. On the held-out WCXB dumps 64, 100 and 150 ran alike (2.40-2.46 ms
# a page for the rules), 250 slower (2.66), cutting every line 3.30.
SCREEN_MAX_CHARS = 64
# On such a long line, a rule anchored at the line's start is not screened when it requires
# one of more than this many strings: its pattern fails on the first words of a sentence
# faster than a substring test of each string (the footer-link row requires one of 113 labels).
# Same verdicts; on the held-out WCXB dumps the rules' time on long lines fell from 0.56 to
# 0.32 ms a page (1, 3 and 6 alike, 20 and 40 slower).
LONG_SCREEN_MAX_STRINGS = 3

# A rule as a line tries it: the pattern, whether it reads the lower-cased line, the reason.
_Tried = tuple[Callable[[str], object], bool, str]
# Sets of rules `RuleBook` keeps in the order lines try them; past this many it starts afresh
# (a page's lines meet a few hundred sets, 300 train pages' 7,000: about 10 MB at most).
ORDERS_SIZE = 20_000


class RuleBook:
    """Several categories run as one filter, named "rules": each line meets, in category order,
    only the rules of every category that could match it, and the first that matches drops it
    with the reason "<category>.<rule>" — the same verdicts as running the rule sets one after
    another, without preparing and dispatching each line once per category.

    Which rules a line meets is worked out with one bit a rule, in category order, so that a
    few integer operations replace a loop over sixty rules: the rules its first two characters
    allow (the index `RuleSet` keeps), that look at lines of its length, and whose required
    text it holds (`_screen.required_strings`: "arrow", "chevron", "caret" or "angle" for
    the icon-text rule; a line is cut into three-character runs, and one set intersection
    with the rules' keys tells which can still match). A line of ASCII characters meets the
    rules that are left in their `re` form (`_screen.ascii_matcher`, exact on such lines and
    three to four times faster than `regex`); other lines meet the `regex` patterns. On the
    WCXB dumps a line now meets about 3.5 patterns, where it met nine before, and the rules
    take 3.5 instead of 7.5 ms a page.

    Menus, buttons and footers repeat from page to page, so the verdict on each short line is
    remembered (the rules are a pure function of the line). The memo is bounded: past
    `MEMO_SIZE` lines it starts afresh, so memory stays flat over any batch.
    """

    name = "rules"

    def __init__(self, rulesets: Sequence[RuleSet]) -> None:
        self._memo: dict[str, Verdict | None] = {}
        # The rules of each set of bits in order (see `_tried`): a function of the rules
        # alone, so the copies `fresh` makes share it.
        self._orders: dict[int, tuple[tuple[_Tried, ...], tuple[_Tried, ...]]] = {}
        self._verdicts: dict[str, Verdict] = {}  # one immutable Verdict per rule
        self.rulesets = tuple(rulesets)
        compiled = [(rs, rule) for rs in self.rulesets for rule in rs._compiled]
        bit_of = {(rs.name, rule.name): 1 << i for i, (rs, rule) in enumerate(compiled)}
        # Each rule as an ASCII line and as any other line tries it, made once: the orders
        # `_tried` remembers share these, and hold two new tuples a set, not two a rule.
        # (The orders live long, so every object in them is one more the garbage collector
        # walks at each full collection. Over 400 train pages, the tracked objects grew by
        # 21,000 instead of 116,000, the collector's time fell from 0.158 to 0.070 s, and a
        # page took 0.955 and 0.922 of the time: interleaved A/B, 300 dev pages, five rounds,
        # two seeds; the same output on all 1,497 dev pages.)
        self._tries: list[tuple[_Tried, _Tried]] = []
        for rs, rule in compiled:
            why = f"{rs.name}.{rule.name}"
            on_ascii = rule.run if rule.on_ascii is None else rule.on_ascii
            self._tries.append(((on_ascii, rule.on_lowered, why), (rule.run, rule.on_lowered, why)))
        self._all_bits = (1 << len(compiled)) - 1
        self._limits = [
            sys.maxsize if rule.max_words is None else rule.max_words for _, rule in compiled
        ]
        self._max_words = max(self._limits, default=0)
        # `_for_length` tabulated for the line lengths that occur.
        self._by_words = [self._for_length(n) for n in range(min(self._max_words, 1000) + 1)]

        def mask(entries: tuple[_Entry, ...], rs: RuleSet) -> int:
            return sum(bit_of[rs.name, name] for _, _, _, name in entries)

        prefixes = set().union(*(rs._by_prefix for rs in self.rulesets))
        self._by_prefix: dict[str, int] = {}
        for prefix in prefixes:
            bits = 0
            for rs in self.rulesets:
                entries = rs._by_prefix.get(prefix)
                if entries is None:
                    entries = rs._by_prefix.get(prefix[:1], rs._all)
                bits |= mask(entries, rs)
            self._by_prefix[prefix] = bits

        # The screen by required text: keys of three characters (as tuples, see
        # `_screen.runs`) and of one character, each with the bits of the rules it lets in.
        self._always = 0  # rules whose required text is not known: every line meets them
        self._run_masks: dict[tuple[str, ...], int] = {}
        self._char_masks: dict[str, int] = {}
        for (_, rule), bit in zip(compiled, bit_of.values(), strict=True):
            for text in (rule.required or ()) if _screen else ():
                key = _screen.key_of(text)
                if len(key) == 1:
                    self._char_masks[key] = self._char_masks.get(key, 0) | bit
                else:
                    self._run_masks[tuple(key)] = self._run_masks.get(tuple(key), 0) | bit
            if not rule.required or _screen is None:
                self._always |= bit
        self._run_keys = frozenset(self._run_masks)
        self._char_keys = frozenset(self._char_masks)
        # Each rule's required strings, longest first (the rarer), for lines too long to cut.
        self._required = [
            tuple(sorted(rule.required or (), key=len, reverse=True))
            if _screens_long(rule)
            else None
            for _, rule in compiled
        ]
        # The rules those strings screen: the others are let through without a look.
        self._long_screened = sum(
            1 << i for i, strings in enumerate(self._required) if strings is not None
        )

    def _for_length(self, n_words: int) -> int:
        """The bits of the rules that look at lines of `n_words` words."""
        return sum(1 << i for i, limit in enumerate(self._limits) if n_words <= limit)

    def fresh(self) -> RuleBook:
        """The same rules with an empty memo: each `Cleaner` takes its own, so what one batch
        remembers never outlives it or leaks into another's measurements."""
        clone = copy.copy(self)
        clone._memo = {}
        return clone

    def match(self, text: str) -> str | None:
        """The "<category>.<rule>" of the first rule that matches `text`, or None."""
        text = text.strip()
        return self._match(text, lower(text), count_words(text))

    def _match(self, text: str, lowered: str, n_words: int) -> str | None:
        if n_words > self._max_words:
            return None
        bits = self._by_prefix.get(lowered[:2])
        if bits is None:
            bits = self._by_prefix.get(lowered[:1], self._all_bits)
        bits &= (
            self._by_words[n_words] if n_words < len(self._by_words) else self._for_length(n_words)
        )
        if bits:
            bits = self._screened(lowered, bits)
        if not bits:
            return None
        # The rules the line meets, in order, as `_tried` lists them (remembered by their bits:
        # a page's lines meet a few hundred distinct sets).
        tried = self._orders.get(bits)
        if tried is None:
            if len(self._orders) >= ORDERS_SIZE:
                self._orders.clear()
            tried = self._orders[bits] = self._tried(bits)
        for run, on_lowered, reason in tried[0] if text.isascii() else tried[1]:
            if run(lowered if on_lowered else text) is not None:
                return reason
        return None

    def _tried(self, bits: int) -> tuple[tuple[_Tried, ...], tuple[_Tried, ...]]:
        """The rules of `bits` in order, as (pattern, reads the lower-cased line, reason): for
        an ASCII line with the patterns carried over to `re` where there are, and for any
        other line with the `regex` ones. (Walking each line's bits instead, lowest first,
        the rules took 8-12% longer: interleaved A/B on the blocks of 300 train pages.)"""
        tries = self._tries
        picked = []
        while bits:
            lowest = bits & -bits
            picked.append(tries[lowest.bit_length() - 1])
            bits ^= lowest
        return tuple(on_ascii for on_ascii, _ in picked), tuple(other for _, other in picked)

    def _screened(self, lowered: str, bits: int) -> int:
        """Of `bits`, the rules whose required text the line holds (and those whose required
        text is not known)."""
        if len(lowered) > SCREEN_MAX_CHARS or _screen is None:
            return self._screened_long(lowered, bits)
        allowed = self._always
        run_masks = self._run_masks
        for run in self._run_keys.intersection(_screen.runs(lowered)):
            allowed |= run_masks[run]
        char_masks = self._char_masks
        for char in self._char_keys.intersection(lowered):
            allowed |= char_masks[char]
        return bits & allowed

    def _screened_long(self, lowered: str, bits: int) -> int:
        # A long line meets few rules (most look at short lines only), but those search the
        # whole line: a substring test of each one's required strings is far cheaper. (Rules
        # anchored at the start with many strings have none here: LONG_SCREEN_MAX_STRINGS.)
        required = self._required
        remaining = bits & self._long_screened
        while remaining:
            lowest = remaining & -remaining
            remaining ^= lowest
            strings = required[lowest.bit_length() - 1]
            for text in strings:  # type: ignore[union-attr]
                if text in lowered:
                    break
            else:
                bits ^= lowest
        return bits

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        memo = self._memo
        for block in page.open_blocks():
            n_words = block.n_words
            if n_words > self._max_words:
                continue
            text = block.text
            if n_words > MEMO_MAX_WORDS:
                verdict = self._verdict(text, n_words)
            else:
                # One lookup, not `in` then `[]`: threads sharing a Cleaner (`clean()`'s
                # default one) may clear the memo between the two.
                verdict = memo.get(text, _UNSEEN)
                if verdict is _UNSEEN:
                    if len(memo) >= MEMO_SIZE:
                        memo.clear()
                    verdict = memo[text] = self._verdict(text, n_words)
            if verdict is not None:
                yield block.index, verdict

    def _verdict(self, text: str, n_words: int) -> Verdict | None:
        stripped = text.strip()
        reason = self._match(stripped, lower(stripped), n_words)
        if reason is None:
            return None
        verdict = self._verdicts.get(reason)
        if verdict is None:
            verdict = self._verdicts[reason] = drop(reason)
        return verdict

    def __repr__(self) -> str:
        return f"RuleBook({[rs.name for rs in self.rulesets]})"


# The key in `Page.hints` under which the rule sets share each line's prepared forms.
LINE_FORMS_HINT = "rules.line_forms"


def line_forms(page: Page) -> list[tuple[str, str, int]]:
    """Each block's text stripped, lower-cased, and its word count, computed once a page.

    Ten rule sets read every line; preparing the line once instead of in each of them saves
    about a tenth of their time.
    """
    forms = page.hints.get(LINE_FORMS_HINT)
    if forms is None or len(forms) != len(page.blocks):
        forms = []
        for block in page.blocks:
            text = block.text.strip()
            forms.append((text, lower(text), len(text.split())))
        page.hints[LINE_FORMS_HINT] = forms
    return forms


def _screens_long(rule: _CompiledRule) -> bool:
    """Whether lines too long to cut are screened for the rule's required strings."""
    if not rule.required or _screen is None:
        return False
    return not rule.anchored or len(rule.required) <= LONG_SCREEN_MAX_STRINGS


def _char_range(first: int, last: int) -> str:
    return "".join(chr(c) for c in range(first, last + 1))


# The lower-case characters a line commonly starts with: Latin with its accents, Greek,
# Cyrillic, digits, punctuation, arrows and the symbols menus use as icons (a line starting
# with any other character meets every rule: slower, same result); and the letters and digits
# that the index also pairs with a second character (a letter, a digit or a space).
_FIRST_CHARS = "".join(
    c
    for c in _char_range(0x20, 0x17F)  # ASCII, Latin-1, Latin Extended-A
    + _char_range(0x3B1, 0x3C9)  # Greek lower case
    + _char_range(0x430, 0x45F)  # Cyrillic lower case
    + _char_range(0x2010, 0x2044)  # dashes, quotes, bullets, ellipsis
    + _char_range(0x2190, 0x21FF)  # arrows
    + "■□▪▫▲△▶►▸▹▼▽◀◄◂◃◆◇○●★☆✓✔✕✖✗✘➔➜➝➞➡"
    if c.lower() == c and c.isprintable()
)
_LATIN_SECONDS = " 0123456789abcdefghijklmnopqrstuvwxyzäöüßàâçéèêëîïôûùáíóúñãõąćęłńśźż"
_CYRILLIC_LETTERS = "абвгдеёєжзиіїйклмнопрстуфхцчшщъыьэюя"
_PAIRS = {
    **{first: _LATIN_SECONDS for first in "0123456789abcdefghijklmnopqrstuvwxyz"},
    **{first: " " + _CYRILLIC_LETTERS for first in _CYRILLIC_LETTERS},
}


def _index_by_prefix(rules: Sequence[_CompiledRule]) -> dict[str, tuple[_CompiledRule, ...]]:
    """For each common one- and two-character start of a lower-cased line, the rules that
    could match a line starting so, in declaration order."""
    index: dict[str, tuple[_CompiledRule, ...]] = {}
    for first in _FIRST_CHARS:
        index[first] = tuple(r for r in rules if r.could_start_with(first))
    for first, seconds in _PAIRS.items():
        for second in seconds:
            pair = first + second
            index[pair] = tuple(r for r in index[first] if r.could_start_with(pair))
    return index


def _capitalisations(prefix: str) -> set[str]:
    """Every mix of upper and lower case of `prefix` ("ab": "ab", "aB", "Ab", "AB")."""
    variants = {""}
    for char in prefix:
        variants = {v + c for v in variants for c in {char, char.upper()}}
    return variants


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
