"""Raw input to text: decoding bytes, refusing what is not a page, telling HTML from text."""

from cleaner.ingest.decode import decode
from cleaner.ingest.detect import detect_kind

__all__ = ["decode", "detect_kind"]
