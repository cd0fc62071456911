"""Metadata of a page: dates, bylines, reading time, language and headline.

`extract_text_metadata` reads all of them from a text dump's lines; the modules below it
(`dates`, `byline`, `reading`, `language`) each work on one line or one text.
"""

from cleaner.metadata.text import TextMetadata, extract_text_metadata, find_headline

__all__ = ["TextMetadata", "extract_text_metadata", "find_headline"]
