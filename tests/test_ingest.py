"""Decoding bytes and telling HTML from text dumps."""

from __future__ import annotations

import gzip

import pytest

from cleaner._exceptions import BinaryInput, InputTooLarge
from cleaner.ingest import decode, detect_kind

LIMIT = 1_000_000


def test_a_declared_charset_wins_over_detection() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body>Привет</body></html>'
    text, encoding = decode(html.encode("cp1251"), max_bytes=LIMIT)
    assert "Привет" in text and encoding == "cp1251"


def test_a_bom_wins_over_a_declared_charset() -> None:
    html = '<meta charset="iso-8859-1"><p>naïve café</p>'
    text, encoding = decode(b"\xef\xbb\xbf" + html.encode("utf-8"), max_bytes=LIMIT)
    assert "naïve café" in text and encoding == "utf-8"


def test_a_page_declaring_latin1_is_read_as_windows_1252() -> None:
    data = '<meta charset="iso-8859-1"><p>“quoted” – dash</p>'.encode("cp1252")
    text, _ = decode(data, max_bytes=LIMIT)
    assert "“quoted” – dash" in text


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "us-ascii"])
def test_valid_utf8_outranks_a_latin_declaration(declared: str) -> None:
    data = f'<meta charset="{declared}"><p>“quoted” – naïve café</p>'.encode()
    text, encoding = decode(data, max_bytes=LIMIT)
    assert "“quoted” – naïve café" in text and encoding == "utf-8"


def test_valid_utf8_does_not_outrank_other_declarations() -> None:
    # Bytes that are valid UTF-8 and valid windows-1251 alike: the declaration decides.
    data = '<meta charset="windows-1251"><p>Привет</p>'.encode()
    text, encoding = decode(data, max_bytes=LIMIT)
    assert encoding == "cp1251" and "Привет" not in text


def test_utf16_without_a_bom_is_recognised() -> None:
    text, encoding = decode("A plain line of text.".encode("utf-16-le"), max_bytes=LIMIT)
    assert text == "A plain line of text." and encoding == "utf-16-le"


def test_gzip_is_unpacked_and_a_bomb_is_refused() -> None:
    assert decode(gzip.compress(b"hello world"), max_bytes=LIMIT)[0] == "hello world"
    with pytest.raises(InputTooLarge):
        decode(gzip.compress(b"a" * 5000), max_bytes=1000)


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n\x00\x00", bytes(range(9)) * 50]
)
def test_binary_payloads_are_refused(data: bytes) -> None:
    with pytest.raises(BinaryInput):
        decode(data, max_bytes=LIMIT)


def test_html_is_told_from_a_text_dump() -> None:
    assert detect_kind("<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert detect_kind("  <!-- saved -->\n<html lang=en>") == "html"
    assert detect_kind("<div><p>One</p><p>Two</p><p>Three</p></div>") == "html"
    assert detect_kind("Skip to content\nHome News\nA story about <p> tags in HTML.") == "text"
