"""Counting a batch's outcome as its documents go by."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cleaner._model import Document


@dataclass(slots=True)
class BatchSummary:
    """Pages seen, error records by reason code ("binary", "unreadable"...), and pages whose
    body came out empty without an error (all boilerplate: not a failure)."""

    pages: int = 0
    empty: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, doc: Document) -> None:
        self.pages += 1
        if doc.error is not None:
            self.errors[error_code(doc.error)] += 1
        elif not doc.text:
            self.empty += 1

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def describe(self, seconds: float) -> str:
        """One line for a person: "12 pages, 2 errors (binary 1, empty 1), 1 empty body, ..."."""
        parts = [_plural(self.pages, "page")]
        errors = _plural(self.failed, "error")
        if self.errors:
            errors += " (" + ", ".join(f"{c} {n}" for c, n in sorted(self.errors.items())) + ")"
        parts.append(errors)
        if self.empty:
            parts.append(_plural(self.empty, "empty body", "empty bodies"))
        rate = self.pages / seconds if seconds > 0 else 0.0
        parts.append(f"{rate:.1f} pages/s")
        return ", ".join(parts)


def error_code(error: str) -> str:
    """The reason code of an error record: "binary" for "binary: input is binary, ..."."""
    return error.split(":", 1)[0].strip() or "error"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
