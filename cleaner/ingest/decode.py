"""Bytes to text: the BOM first, then a declared charset, then statistical detection.

A blind UTF-8 decode garbles the many pages still served as windows-1251, Shift_JIS or
ISO-8859-x; a blind detection guesses wrong on short ASCII-heavy pages that declare their
charset. So: a BOM settles it; else a charset declared in the first bytes (HTML `<meta>`, an XML
prolog) is tried strictly, save that valid UTF-8 outranks a Latin declaration; else valid UTF-8
is taken as UTF-8; else charset-normalizer decides.
"""

from __future__ import annotations

import codecs
import gzip
import zlib

import charset_normalizer
import regex

from cleaner._exceptions import BinaryInput, InputTooLarge

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Charsets that servers send by default whatever the page holds (Apache's old default was
# ISO-8859-1): for them valid UTF-8 wins, as a Latin-1 text is almost never valid UTF-8.
DEFAULT_LATIN = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii"})

# Where pages declare their charset: <meta charset=...>, <meta http-equiv ... content="...;
# charset=...">, <?xml encoding=...?>. Only the head is searched, as browsers do (1024 bytes
# per the HTML standard's prescan; we allow more because some pages put long comments first).
_DECLARED = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_.\-]{2,40})""",
    regex.IGNORECASE,
)
PRESCAN_BYTES = 4096

# File signatures of common binary formats that crawls pick up by mistake.
_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"\x00\x00\x01\x00",
    b"7z\xbc\xaf",
    b"Rar!",
    b"BZh",
    b"\xfd7zXZ",
)
# Share of control bytes (other than tab, newline, carriage return, form feed) above which a
# payload is binary: text pages have none; 1% tolerates a few stray bytes in a mangled dump.
MAX_CONTROL_SHARE = 0.01
_CONTROL = regex.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

GZIP_MAGIC = b"\x1f\x8b"

PREFERRED_ON_TIE = "cp1252"
# charset-normalizer's chaos is a percentage; guesses within half a point read the same to it.
TIE_CHAOS = 0.5


def decode(data: bytes, *, max_bytes: int) -> tuple[str, str]:
    """Decode a page's bytes; returns (text, encoding name). Raises `BinaryInput`."""
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, max_bytes)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if any(data.startswith(m) for m in _MAGIC) or _looks_binary(data):
        raise BinaryInput("input is binary, not a text or HTML page")
    declared = _declared_charset(data[:PRESCAN_BYTES])
    # The declared charset, then UTF-8; but a page's template may keep a Latin declaration
    # long after its text became UTF-8, so as with a server's Latin default
    # (`decode_with_charset`), valid UTF-8 goes first there.
    if declared == "cp1252":
        tried: tuple[str, ...] = ("utf-8", declared)
    else:
        tried = (declared, "utf-8") if declared else ("utf-8",)
    for name in tried:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise BinaryInput("no character encoding decodes this input")
    best = results[0]
    # Short Western text scores the same in several single-byte code pages, and the first of a
    # tie is arbitrary (cp1250 or cp1257 for French). Among equally good guesses, windows-1252
    # is what such a page most likely is: it is the web's most common legacy encoding.
    for match in results:
        if (
            match.encoding == PREFERRED_ON_TIE
            and match.percent_chaos <= best.percent_chaos + TIE_CHAOS
        ):
            return str(match), match.encoding
    return str(best), best.encoding


def _declared_charset(head: bytes) -> str | None:
    m = _DECLARED.search(head)
    if m is None:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page that declares latin-1 is, as browsers treat it, windows-1252.
    return "cp1252" if codec in DEFAULT_LATIN else codec


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample)


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for mostly-ASCII UTF-16 text, which has a NUL in every other
    byte; None for anything else (other NUL-bearing input is binary)."""
    half = len(sample) // 2
    if half < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, max_bytes + 1)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise BinaryInput(f"corrupt gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise InputTooLarge(f"input is larger than {max_bytes} bytes once decompressed")
    return out


def decode_with_charset(data: bytes, charset: str) -> str | None:
    """The page's text by the charset its HTTP header declares, or None to let the cleaner's
    own detection decide (a byte-order mark, an unknown charset, bytes that do not fit it).

    The header outranks a `<meta>` declaration, as in browsers; but a server's Latin default
    gives way to valid UTF-8, and ISO-8859-1 is read as windows-1252, as browsers do.
    """
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return None
    if codec in DEFAULT_LATIN:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            codec = "cp1252"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        # windows-1252 leaves five bytes undefined; ISO-8859-1 takes them all.
        return data.decode("latin-1") if codec == "cp1252" else None
