"""Split a text dump into blocks: one block per non-empty line.

Crawlers store a page's visible text with every block on its own line; blank lines, where the
renderer left them, are kept as `Block.gap_before` because they mark paragraph boundaries that
the structural stage uses. Whitespace inside a line is collapsed so that the same dump always
gives the same blocks whatever its line endings or indentation.
"""

from __future__ import annotations

import regex

from cleaner._model import Block

# Invisible characters that renderers leave in dumps: zero-width spaces and joiners, soft
# hyphens, word joiners and the byte-order mark.
_INVISIBLE_CHARS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_INVISIBLE = regex.compile(f"[{''.join(_INVISIBLE_CHARS)}]")
# Line breaks besides "\n": "\r" (alone or before "\n") and the Unicode and form-feed ones.
_OTHER_BREAKS = ("\u2028", "\u2029", "\x0b", "\x0c", "\x85")
_NEWLINES = regex.compile(f"\r\n?|[{''.join(_OTHER_BREAKS)}]")
# The two patterns only run when a dump holds one of their characters: most dumps hold none,
# and looking for each is far cheaper than running a pattern over the whole dump.
_NEWLINE_CHARS = ("\r", *_OTHER_BREAKS)


def normalise_text(raw: str) -> str:
    """Unify line endings and drop invisible characters; words are never changed."""
    if any(c in raw for c in _NEWLINE_CHARS):
        raw = _NEWLINES.sub("\n", raw)
    if any(c in raw for c in _INVISIBLE_CHARS):
        raw = _INVISIBLE.sub("", raw)
    return raw


def segment_text(raw: str) -> list[Block]:
    blocks: list[Block] = []
    gap = 0
    for line in normalise_text(raw).split("\n"):
        words = line.split()
        if not words:
            gap += 1
            continue
        blocks.append(Block.of_line(len(blocks), " ".join(words), gap, len(words)))
        gap = 0
    return blocks
