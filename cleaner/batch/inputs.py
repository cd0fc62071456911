"""Which files a batch reads, and reading one page: files, folders, glob patterns, stdin, gzip.

A batch names its inputs as a shell user would: `dumps/` (every file below it, recursively),
`dumps/*.txt` (a glob, expanded here too for shells and callers that do not expand it),
`page.txt.gz`, or `-` for one page on stdin. A file is one page, or a container of many (a
WARC, a JSON Lines file: `cleaner.batch.pages` tells them apart and opens them). A page file
gets as `id` its path as the user wrote it or as found below a folder the user wrote
(`dumps/2024/a.txt`), or "-" for stdin.
"""

from __future__ import annotations

import glob
import os
import stat
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import regex

from cleaner._exceptions import BinaryInput, InputTooLarge

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"
_GLOB_MAGIC = regex.compile(r"[*?\[]")


# What a Source holds: "auto" a file not yet looked at (a page or a container); "page" one page
# (the file, or `data`); "warc" and "jsonl" a container file, opened in the main process;
# "json-record" one JSON Lines record in `data`, unpacked where it is cleaned.
Form = Literal["auto", "page", "warc", "jsonl", "json-record"]


@dataclass(frozen=True, slots=True)
class Source:
    """One page to read, or a file of many. `path` is None for stdin and for a page taken out
    of a container; `data` holds the page's bytes when they do not come from a file of their
    own (stdin, a WARC record, a JSON line; page files are read where they are cleaned, so
    that a worker process never receives their bytes by pipe); `error` is a failure known
    before cleaning (a folder that cannot be listed, a broken WARC record). `url`, `charset`
    (the HTTP header's) and `kind` are what the container said about the page, `offset`
    where in the container file it lies (in the file's bytes, for the progress display)."""

    id: str
    path: str | None
    data: bytes | None = field(default=None, repr=False)
    error: str | None = None
    form: Form = "auto"
    url: str | None = None
    charset: str | None = None
    kind: Literal["html", "text"] | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Inputs:
    """The pages found for a list of input names, and the glob patterns that matched nothing."""

    sources: list[Source]
    unmatched: list[str]


def find_inputs(specs: Sequence[str]) -> Inputs:
    """Expand input names into pages, in a stable order, each page once.

    Folders are walked recursively: in each folder its files by name, then its subfolders by
    name; names starting with "." are skipped (a hidden file or folder named explicitly is
    read). A name that exists is taken literally even if it holds glob characters; a missing
    name without them is kept, so that reading it gives the page an "unreadable" record.
    A file reached twice (named twice, or by a glob and a folder) is read once.
    """
    sources: list[Source] = []
    unmatched: list[str] = []
    seen: set[str] = set()

    def add(source: Source) -> None:
        key = STDIN if source.path is None else os.path.realpath(source.path)
        if key not in seen:
            seen.add(key)
            sources.append(source)

    for spec in specs:
        if spec == STDIN:
            add(Source(STDIN, None, form="page"))
        elif os.path.lexists(spec) or not _GLOB_MAGIC.search(spec):
            for source in _expand_path(spec):
                add(source)
        else:
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                unmatched.append(spec)
            for match in matches:
                for source in _expand_path(match):
                    add(source)
    return Inputs(sources, unmatched)


def _expand_path(path: str) -> Iterator[Source]:
    if os.path.isdir(path):
        yield from _walk(path)
    else:
        yield Source(path, path)


def _walk(top: str) -> Iterator[Source]:
    failures: list[OSError] = []
    # Symlinked folders are not followed (a link to a parent would loop); symlinked files are
    # read, and a dangling one gives an "unreadable" record rather than vanishing.
    for dirpath, dirnames, filenames in os.walk(top, onerror=failures.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if not name.startswith(".") and (os.path.isfile(path) or os.path.islink(path)):
                yield Source(path, path)
        while failures:
            yield _listing_failure(failures.pop(0))
    while failures:
        yield _listing_failure(failures.pop(0))


def _listing_failure(exc: OSError) -> Source:
    path = str(exc.filename)
    message = f"unreadable: cannot list folder: {exc.strerror or exc}"
    return Source(path, path, error=message, form="page")


def load_stdin(source: Source, *, max_bytes: int) -> Source:
    """`source` with stdin's bytes attached (at most `max_bytes` + 1 of them, enough to tell
    that the page is too large), so that it can be sent to a worker process."""
    if source.path is not None or source.data is not None or source.error is not None:
        return source
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except OSError as exc:
        return replace(source, error=unreadable_message(exc))
    return replace(source, data=data)


def read_source(source: Source, *, max_bytes: int) -> bytes:
    """The page's bytes, gzip unpacked (told by its magic bytes, whatever the file's name).

    Raises `InputTooLarge` above `max_bytes` (checked before reading when the size is known,
    so a huge file is never loaded), `BinaryInput` for corrupt gzip data, `OSError` when the
    file cannot be read.
    """
    if source.data is not None:
        data = source.data
    elif source.path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        data = _read_file(source.path, max_bytes)
    if len(data) > max_bytes:
        raise InputTooLarge(f"input is more than {max_bytes} bytes")
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes=max_bytes)
    return data


def _read_file(path: str, max_bytes: int) -> bytes:
    with open(path, "rb") as f:
        info = os.fstat(f.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputTooLarge(f"file is {info.st_size} bytes, above the limit of {max_bytes}")
        # Pipes and devices (`<(zcat dump.gz)`) have no size to check: read one byte past the
        # limit, enough to refuse them without holding more.
        return f.read(max_bytes + 1)


def gunzip(data: bytes, *, max_bytes: int) -> bytes:
    """Unpack gzip data of one or more members (`cat a.gz b.gz` is valid gzip), never
    producing more than `max_bytes` (a small file can unpack to gigabytes)."""
    out = bytearray()
    while data:
        unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += unpacker.decompress(data, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise BinaryInput(f"corrupt gzip data: {exc}") from exc
        if len(out) > max_bytes or unpacker.unconsumed_tail:
            raise InputTooLarge(f"input is more than {max_bytes} bytes once unpacked")
        if not unpacker.eof:
            raise BinaryInput("corrupt gzip data: truncated")
        # Some writers pad the last member with zero bytes, which gzip tools accept.
        data = unpacker.unused_data.lstrip(b"\x00")
    return bytes(out)


def unreadable_message(exc: OSError) -> str:
    return f"unreadable: {exc.strerror or exc}"
