"""Counting a batch's outcome as its documents go by, and the line that tells it at the end."""

from __future__ import annotations

import resource
import sys
from collections import Counter
from dataclasses import dataclass, field

from cleaner._model import Document
from cleaner.batch.pages import InputStats


@dataclass(slots=True)
class BatchSummary:
    """Pages seen, error records by reason code ("binary", "unreadable"...), pages whose body
    came out empty without an error (all boilerplate: not a failure), and what the reading
    saw besides pages (`inputs`: skipped container records, renamed ids)."""

    pages: int = 0
    empty: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    inputs: InputStats = field(default_factory=InputStats)
    # Records an earlier run had written, when resumed (None: not a resumed run, or not yet
    # read), and how many of them were errors.
    resumed: int | None = None
    resumed_failed: int = 0

    def add(self, doc: Document) -> None:
        self.pages += 1
        if doc.error is not None:
            self.errors[error_code(doc.error)] += 1
        elif not doc.text:
            self.empty += 1

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def describe(self, seconds: float, memory: str | None = None) -> str:
        """One line for a person: "12 pages, 2 errors (binary 1, empty 1), 1 empty body, ...",
        then the rate and, when given, the peak memory (`peak_memory()`)."""
        parts = [_plural(self.pages, "page")]
        errors = _plural(self.failed, "error")
        if self.errors:
            errors += " (" + _counts(self.errors) + ")"
        parts.append(errors)
        if self.empty:
            parts.append(_plural(self.empty, "empty body", "empty bodies"))
        skipped = self.inputs.skipped
        if skipped:
            records = _plural(sum(skipped.values()), "record")
            parts.append(f"{records} skipped as not pages ({_counts(skipped)})")
        if self.resumed is not None:
            parts.append(f"{self.resumed:,} written before and kept")
        if self.inputs.renamed:
            parts.append(_plural(self.inputs.renamed, "repeated id") + " renamed")
        rate = self.pages / seconds if seconds > 0 else 0.0
        parts.append(f"{rate:.1f} pages/s")
        if memory:
            parts.append(memory)
        return ", ".join(parts)


def peak_memory() -> str:
    """The peak resident memory of this process and of its largest finished child (the
    worker processes, once the pool is shut down), as "peak memory 85 MB (workers 120 MB)"."""
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    unit = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit
    text = f"peak memory {own / 1e6:.0f} MB"
    return text + (f" (workers {children / 1e6:.0f} MB)" if children else "")


def error_code(error: str) -> str:
    """The reason code of an error record: "binary" for "binary: input is binary, ..."."""
    return error.split(":", 1)[0].strip() or "error"


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{code} {n:,}" for code, n in sorted(counter.items()))


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
