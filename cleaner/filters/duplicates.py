"""Drop truncated copies of other blocks.

Pages show the start of a paragraph as a summary or teaser ("Russian and U.S. diplomats will
meet in Istanbul on Thursday, ... for talks...") and then the paragraph itself. The cut copy is
never body text: the full paragraph carries the words.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner._model import Verdict, drop
from cleaner.filters.base import Page

_ELLIPSIS = regex.compile(r"\s*(?:\.{3}|…)\s*$")
# Below this many words a shared beginning is too likely by chance ("Read more...").
MIN_PREFIX_WORDS = 5


class TruncatedCopies:
    name = "duplicates"

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        texts: list[str] | None = None
        for block in page.open_blocks():
            if not block.text.rstrip().endswith(("...", "…")):
                continue
            m = _ELLIPSIS.search(block.text)
            if m is None:
                continue
            if texts is None:
                texts = [b.text.casefold() for b in page.blocks]
            stem = texts[block.index][: m.start()].rstrip(" ,;:")
            if len(stem.split()) < MIN_PREFIX_WORDS:
                continue
            if any(
                i != block.index and t.startswith(stem) and len(t) > len(stem)
                for i, t in enumerate(texts)
            ):
                yield block.index, drop("duplicates.truncated-copy")
