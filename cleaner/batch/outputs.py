"""Where a batch's records go: one stream, a Parquet file, or a folder of one file per page.

- A stream (`StreamWriter`): JSON Lines, text or Markdown (`cleaner.output.render_stream`),
  to stdout or a file, gzipped when the file's name ends in `.gz`.
- Parquet (`ParquetWriter`, the `parquet` extra: pyarrow): one row per page, the fields of a
  JSON Lines record as columns, written in row groups so that memory stays flat.
- A folder (`FolderWriter`): each cleaned page as its own text or Markdown file, named after
  its id (made safe: see `safe_stem`), and `index.jsonl` with one line per page, error pages
  included, saying which file holds it.

JSON Lines, Parquet and the folder's index hold exactly one record per page, in input order,
each with its `id` and, for a page that failed, its `error`. Files are written under a
temporary name and renamed once complete, so an interrupted run never leaves a truncated file
that looks finished; a JSON Lines file's and a folder index's temporary name is fixed, and
what a stopped run wrote there can be taken up again (`cleaner.batch.resume`).
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import hashlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Literal, Protocol, TextIO, cast

import regex

from cleaner._model import Document
from cleaner.batch.resume import Recovered, publish, resumable_output
from cleaner.output import render_stream, to_markdown, to_text
from cleaner.output.stream import Format

PARQUET_HINT = "Parquet output needs pyarrow: pip install 'cleaner[parquet]'"
# Pages per Parquet row group: a group is held in memory until written, and 1,000 cleaned
# pages are a few megabytes (wcxb-dev bodies average about 4 kB of text).
PARQUET_ROW_GROUP_PAGES = 1_000
INDEX_NAME = "index.jsonl"
FOLDER_SUFFIXES = {"text": ".txt", "markdown": ".md"}
# A file name's stem is cut to this many UTF-8 bytes (then a digest of the full id is added):
# file systems allow 255 bytes a name, and this leaves room for the digest and the suffix.
MAX_STEM_BYTES = 150
DIGEST_CHARS = 10
# Anything but letters, digits, "_", "." and "-" becomes "_": path separators, NUL and other
# control characters, shell and Windows specials, spaces, invisible format characters.
_UNSAFE = regex.compile(r"[^\w.\-]+")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)]
)


class Writer(Protocol):
    def write_all(self, docs: Iterable[Document]) -> None: ...


class StreamWriter:
    """Every page into one text stream, in the given format."""

    def __init__(self, out: TextIO, fmt: Format, *, blocks: bool = False) -> None:
        self.out = out
        self.fmt = fmt
        self.blocks = blocks

    def write_all(self, docs: Iterable[Document]) -> None:
        for chunk in render_stream(docs, self.fmt, blocks=self.blocks):
            self.out.write(chunk)


def parquet_available() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


class ParquetWriter:
    """Every page as a row of a Parquet file (zstd-compressed); `blocks` adds a column with
    each page's blocks as JSON."""

    def __init__(self, path: str, *, blocks: bool = False) -> None:
        self.path = path
        self.blocks = blocks

    def write_all(self, docs: Iterable[Document]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = [
            (name, pa.string()) for name in Document.__dataclass_fields__ if name != "blocks"
        ]
        schema = pa.schema(
            [(n, pa.int32() if n == "reading_time" else t) for n, t in columns]
            + ([("blocks", pa.string())] if self.blocks else [])
        )
        with atomic_file(self.path) as f, pq.ParquetWriter(f, schema, compression="zstd") as out:
            rows: list[dict[str, object]] = []
            for doc in docs:
                rows.append(self._row(doc))
                if len(rows) >= PARQUET_ROW_GROUP_PAGES:
                    out.write_table(pa.Table.from_pylist(rows, schema))
                    rows = []
            if rows:
                out.write_table(pa.Table.from_pylist(rows, schema))

    def _row(self, doc: Document) -> dict[str, object]:
        row = doc.to_dict(blocks=False)
        if self.blocks:
            row["blocks"] = json.dumps([b.to_dict() for b in doc.blocks], ensure_ascii=False)
        return row


class FolderWriter:
    """Each cleaned page as a file in `folder`, and `index.jsonl` with a line per page: the
    page's JSON record without its text, plus `file` (the file's name, or null for a page that
    failed). The folder is made if missing; files of the same names are replaced.

    The index is written as it goes (`cleaner.batch.resume`); with `resume`, the pages an
    earlier, stopped run listed in it are kept (`recovered`, read when writing starts) and
    their file names stay taken."""

    def __init__(
        self, folder: str, fmt: Literal["text", "markdown"], *, resume: bool = False
    ) -> None:
        self.folder = folder
        self.fmt = fmt
        self.resume = resume
        self.recovered = Recovered()

    def write_all(self, docs: Iterable[Document]) -> None:
        os.makedirs(self.folder, exist_ok=True)
        names = PageNames()
        render = to_markdown if self.fmt == "markdown" else to_text
        suffix = FOLDER_SUFFIXES[self.fmt]
        index_path = os.path.join(self.folder, INDEX_NAME)
        with resumable_output(index_path, resume=self.resume) as (index, self.recovered):
            names.used.update(f.removesuffix(suffix).lower() for f in self.recovered.files)
            for doc in docs:
                name = None
                if doc.error is None:
                    name = names.name_for(doc.id or "page") + suffix
                    write_inside(self.folder, name, render(doc) + "\n")
                entry = {"id": doc.id, "file": name}
                entry.update((k, v) for k, v in doc.to_dict(blocks=False).items() if k != "text")
                index.write(json.dumps(entry, ensure_ascii=False) + "\n")


def safe_stem(page_id: str) -> str:
    """A file name stem for a page id that names a file inside the folder and nothing else:
    no path separators, no "." or "..", no hidden or Windows device names, no control
    characters, at most `MAX_STEM_BYTES` bytes (a long id is cut and given a digest of
    itself, so that two long ids sharing a beginning stay apart)."""
    stem = _UNSAFE.sub("_", page_id).strip("._-")
    if stem.split(".")[0].lower() in _WINDOWS_RESERVED:
        stem = "page_" + stem
    if len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        cut = stem.encode("utf-8")[: MAX_STEM_BYTES - DIGEST_CHARS - 1]
        stem = cut.decode("utf-8", "ignore").rstrip("._-") + "-" + _digest(page_id)
    return stem or "page"


class PageNames:
    """File names for the pages of one batch, each used once. Names are compared without
    case, as on macOS and Windows file systems. A page whose safe name an earlier page took
    gets a digest of its id appended: the same name in every run over the same inputs."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def name_for(self, page_id: str) -> str:
        stem = safe_stem(page_id)
        if stem.lower() in self.used:
            base = stem = f"{stem}-{_digest(page_id)}"
            n = 1
            while stem.lower() in self.used:  # only if an id itself ends in such a digest
                n += 1
                stem = f"{base}-{n}"
        self.used.add(stem.lower())
        return stem


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST_CHARS]


def write_inside(folder: str, name: str, text: str) -> None:
    """Write `text` to the file `name` directly inside `folder`, never through a symbolic link
    (one left there would lead outside the folder: it is replaced by a plain file)."""
    if not name or name in (".", "..") or os.sep in name or (os.altsep and os.altsep in name):
        raise ValueError(f"not a plain file name: {name!r}")
    path = os.path.join(folder, name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        os.unlink(path)
        fd = os.open(path, flags, 0o666)
    with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="\n") as f:
        f.write(text)


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout (for None or "-"), or a file written under a temporary name and renamed once
    complete, gzipped when `path` ends in `.gz`."""
    if path is None or path == "-":
        _utf8_stdout()
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_file(path) as raw:
        # mtime=0: the same pages give byte-identical .gz files.
        binary = (
            cast("IO[bytes]", gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0))
            if path.endswith(".gz")
            else raw
        )
        with io.TextIOWrapper(binary, encoding="utf-8", errors="replace", newline="\n") as text:
            yield text


@contextlib.contextmanager
def atomic_file(path: str) -> Iterator[IO[bytes]]:
    """A binary file that appears at `path`, with the usual permissions, only once the block
    ends without an exception; until then it is a hidden `.part` file beside it."""
    fd, partial = tempfile.mkstemp(
        dir=os.path.dirname(os.path.abspath(path)), prefix=".cleaner-", suffix=".part"
    )
    try:
        with os.fdopen(fd, "wb") as raw:
            yield raw
        publish(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def _utf8_stdout() -> None:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
