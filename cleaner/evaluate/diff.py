"""What differs between a page's expected body and the cleaner's, paragraph by paragraph, and
which filter is responsible.

The expected paragraphs and the output's are aligned with difflib. A paragraph the output
misses is traced to the block (or blocks) of the page holding its text, and so to the filter
that dropped it; a paragraph the output has in excess is a kept block, and names the filter
that kept it, or says that none dropped it.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cleaner._model import Block, Document

MIN_PIECE_CHARS = 20
"""A block shorter than this is not traced as a piece of a missing paragraph: short texts
("Share", "Home") occur inside many paragraphs by chance."""
MAX_CHANGES_SHOWN = 40
"""A diff lists at most this many paragraphs; a page that lost everything says so in a line."""
TEXT_WIDTH = 76
"""Paragraphs are cut to this many characters in a text diff (a terminal line, indented)."""


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    """A paragraph the output misses (`missing`) or has in excess (`extra`).

    `position` counts paragraphs from 1, in the expected body for a missing one and in the
    output for an extra one. `blocks` are the page's blocks that decided it; `inside` is
    True when the paragraph's text is only part of those blocks (or they only part of it)."""

    change: Literal["missing", "extra"]
    text: str
    position: int
    blocks: tuple[Block, ...]
    inside: bool = False

    @property
    def why(self) -> str:
        if not self.blocks:
            return "no block of the page holds this text"
        labels = Counter(verdict_label(block) for block in self.blocks)
        parts = [label if n == 1 else f"{label} ({n} blocks)" for label, n in labels.items()]
        text = "; ".join(parts)
        if not self.inside:
            return text
        if len(self.blocks) > 1:
            return f"split over {len(self.blocks)} blocks: {text}"
        block = self.blocks[0]
        longer = len(normalise(block.text)) > len(self.text)
        where = "inside the longer block" if longer else "only part of it is the block"
        return f"{where} {quoted(block.text, 40)}, {text}"

    def to_json(self) -> dict[str, object]:
        return {
            "change": self.change,
            "position": self.position,
            "text": self.text,
            "why": self.why,
            "blocks": [
                {
                    "index": b.index,
                    "kept": b.kept,
                    "decided_by": b.decided_by,
                    "reason": b.reason,
                    "score": b.score,
                }
                for b in self.blocks
            ],
        }


def verdict_label(block: Block) -> str:
    """The filter and reason behind a block's final verdict, in a few words: "dropped by
    dom.nav", "kept by learned.body (score 0.83)", "kept: no filter dropped it"."""
    if block.decided_by is None:
        return "kept: no filter dropped it" if block.kept else "dropped"
    reason = block.reason or block.decided_by
    if not reason.startswith(block.decided_by):
        reason = f"{block.decided_by}: {reason}"
    label = f"{'kept' if block.kept else 'dropped'} by {reason}"
    return label if block.score is None else f"{label} (score {block.score:.2f})"


def normalise(text: str) -> str:
    """Whitespace collapsed and trimmed: how paragraphs and blocks are compared."""
    return " ".join(text.split())


def paragraph_diff(expected: Sequence[str], doc: Document) -> list[ParagraphChange]:
    """The paragraphs `doc` misses or adds against the `expected` ones, in page order."""
    want = [normalise(p) for p in expected if p.strip()]
    got = [normalise(p) for p in doc.paragraphs if p.strip()]
    blocks = [(normalise(b.text), b) for b in doc.blocks if b.text.strip()]
    changes: list[ParagraphChange] = []
    matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for i in range(a0, a1):
            found, inside = _blocks_for(want[i], blocks, kept=False)
            changes.append(ParagraphChange("missing", want[i], i + 1, found, inside))
        for j in range(b0, b1):
            found, inside = _blocks_for(got[j], blocks, kept=True)
            changes.append(ParagraphChange("extra", got[j], j + 1, found, inside))
    return changes


def _blocks_for(
    paragraph: str, blocks: Sequence[tuple[str, Block]], *, kept: bool
) -> tuple[tuple[Block, ...], bool]:
    """The blocks (each with its normalised text) holding `paragraph`: those with exactly
    its text and the wanted verdict (dropped for a missing paragraph, kept for an extra
    one), else any with exactly its text, else longer blocks containing it, else pieces of
    it."""
    exact = [b for text, b in blocks if text == paragraph]
    if exact:
        preferred = [b for b in exact if b.kept == kept]
        return tuple(preferred or exact), False
    containing = [b for text, b in blocks if paragraph in text]
    if containing:
        return tuple(containing), True
    pieces = [b for text, b in blocks if len(text) >= MIN_PIECE_CHARS and text in paragraph]
    return tuple(pieces), bool(pieces)


def format_changes(changes: Sequence[ParagraphChange], *, indent: str = "  ") -> list[str]:
    """A readable diff: `- ¶7 text` for a missing paragraph, `+ ¶9 text` for an extra one,
    each followed by the verdict that put it there."""
    lines = []
    for change in changes[:MAX_CHANGES_SHOWN]:
        sign = "-" if change.change == "missing" else "+"
        head = f"{indent}{sign} ¶{change.position:<3} "
        lines.append(head + shorten(change.text, TEXT_WIDTH - len(head)))
        lines.append(f"{indent}       {change.why}")
    if len(changes) > MAX_CHANGES_SHOWN:
        lines.append(f"{indent}… and {len(changes) - MAX_CHANGES_SHOWN} more paragraphs")
    return lines


def shorten(text: str, width: int) -> str:
    width = max(width, 20)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def quoted(text: str, width: int = 70) -> str:
    return json.dumps(shorten(text, width), ensure_ascii=False)
