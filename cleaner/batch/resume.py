"""Output that survives a killed run, and taking it up again (`cleaner clean --resume`).

A JSON Lines file (`-o OUT.jsonl[.gz]`) and a folder's `index.jsonl` are written to a partial
file of a fixed name beside the output (`.OUT.cleaner-partial`), renamed to `OUT` once the
run ends. A run that is killed, even with SIGKILL, leaves that file behind holding the
records written so far, the last one perhaps cut short. `--resume` reads it back (or `OUT`
itself, when a finished run is resumed with more inputs), keeps every complete record, drops
a cut-short tail, and tells the batch which page ids are done (`Recovered.done`), so that
each page ends up in the output exactly once.

A plain file is cut back to its last complete record and appended to. A gzip stream cut short
cannot be appended to where it stops, so its complete records are written afresh into a new
stream (one pass over what was done) and the run goes on writing that stream.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TextIO, cast

PARTIAL_SUFFIX = ".cleaner-partial"


def partial_path(path: str) -> str:
    """The fixed name of the partial file that becomes `path` when the run ends."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f".{name}{PARTIAL_SUFFIX}")


def id_key(page_id: str) -> bytes:
    """The 8-byte digest a page id is remembered by (see `cleaner.batch.run._UniqueIds`)."""
    return hashlib.blake2b(page_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()


@dataclass(slots=True)
class Recovered:
    """What an earlier run wrote: the ids of its records (as digests), how many records, how
    many of them error records, and the files that a folder's pages were written to."""

    keys: set[bytes] = field(default_factory=set)
    records: int = 0
    failed: int = 0
    files: list[str] = field(default_factory=list)

    def done(self, page_id: str) -> bool:
        return id_key(page_id) in self.keys

    def add(self, record: dict[str, object]) -> None:
        self.keys.add(id_key(str(record["id"])))
        self.records += 1
        if record.get("error") is not None:
            self.failed += 1
        if isinstance(record.get("file"), str):
            self.files.append(str(record["file"]))


@contextlib.contextmanager
def resumable_output(path: str, *, resume: bool) -> Iterator[tuple[TextIO, Recovered]]:
    """A text stream for JSON Lines records that becomes `path` when the block ends without an
    exception, and what an earlier run had written (empty unless `resume`). On an exception
    the partial file stays, for `--resume`; gzipped when `path` ends in `.gz`."""
    partial = partial_path(path)
    recovered = Recovered()
    if resume:
        if not os.path.exists(partial) and os.path.exists(path):
            os.replace(path, partial)  # a finished run, resumed with more inputs
        if os.path.exists(partial):
            recovered = _recover(partial, gzipped=path.endswith(".gz"))
    with _open_partial(partial, gzipped=path.endswith(".gz"), append=resume) as text:
        yield text, recovered
    publish(partial, path)


@contextlib.contextmanager
def _open_partial(partial: str, *, gzipped: bool, append: bool) -> Iterator[TextIO]:
    with open(partial, "ab" if append else "wb") as raw:
        # mtime=0: the same pages give byte-identical .gz files.
        binary = (
            cast("IO[bytes]", gzip.GzipFile(fileobj=raw, mode="ab", filename="", mtime=0))
            if gzipped
            else raw
        )
        with io.TextIOWrapper(binary, encoding="utf-8", errors="replace", newline="\n") as text:
            yield text


def _recover(partial: str, *, gzipped: bool) -> Recovered:
    """Read the complete records of `partial` and leave it holding exactly those."""
    recovered = Recovered()
    if not gzipped:
        with open(partial, "rb") as f:
            end = _read_records(f, recovered)
        with open(partial, "r+b") as f:
            f.truncate(end)
        return recovered
    # A gzip stream cut short: its complete records go into a fresh stream, then replace it.
    fresh = partial + ".new"
    with (
        gzip.open(partial, "rb") as old,
        open(fresh, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as new,
    ):
        _read_records(cast("IO[bytes]", old), recovered, copy_to=cast("IO[bytes]", new))
    os.replace(fresh, partial)
    return recovered


def _read_records(f: IO[bytes], recovered: Recovered, copy_to: IO[bytes] | None = None) -> int:
    """Add each complete record of `f` to `recovered` (and copy it to `copy_to`), stopping at
    the first line that is cut short or not a record; the bytes read up to there."""
    good = 0
    try:
        for line in f:
            record = _record(line)
            if record is None:
                break
            recovered.add(record)
            good += len(line)
            if copy_to is not None:
                copy_to.write(line)
    except (EOFError, gzip.BadGzipFile, zlib.error):
        pass  # the stream ends inside a gzip member: the line it cut is not a record
    return good


def _record(line: bytes) -> dict[str, object] | None:
    if not line.endswith(b"\n"):
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    return record


def publish(partial: str, path: str) -> None:
    """Give a finished temporary file the permissions a new file gets and rename it `path`."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(partial, 0o666 & ~mask)
    os.replace(partial, path)
