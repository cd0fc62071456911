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
            for block in page.blocks:
                if block.index != title_index and block.text.casefold() == title:
                    yield block.index, drop("metadata.title-repeated")
        for index, reason in page.hints.get("metadata_lines", {}).items():
            yield index, drop(reason if reason.startswith("metadata.") else f"metadata.{reason}")
