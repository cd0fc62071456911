"""Drop the lines that metadata extraction consumed: headline, byline, date, reading time.

They are not body text: the headline goes to `Document.title`, the byline to `author`, and so
on. The metadata stage leaves their indices in the page's hints.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner._model import Verdict, drop
from cleaner.filters.base import Page


class MetadataLines:
    name = "metadata"

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        title_index = page.hints.get("title_index")
        if title_index is not None:
            yield title_index, drop("metadata.title")
            # Dumps often carry the headline twice (the page title and the h1).
            title = page.blocks[title_index].text.casefold()
            size = len(title)
            for block in page.blocks:
                text = block.text
                # Case folding never shortens a text, and leaves an ASCII one its length: a
                # block longer than the title (or, in ASCII, of another length) cannot be it,
                # and is not folded to find out (most of a page's hundreds of blocks: the
                # filter takes a third of its time, interleaved A/B on 300 train pages).
                if (len(text) == size if text.isascii() else len(text) <= size) and (
                    block.index != title_index and text.casefold() == title
                ):
                    yield block.index, drop("metadata.title-repeated")
        for index, reason in page.hints.get("metadata_lines", {}).items():
            yield index, drop(reason if reason.startswith("metadata.") else f"metadata.{reason}")
