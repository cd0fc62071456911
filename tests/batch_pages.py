"""A small page and a file writer shared by the batch and command-line tests."""

from __future__ import annotations

import time
from pathlib import Path

from cleaner._model import Block

ARTICLE = (
    "Harbour ferry timetable changes from Monday\n"
    "\n"
    "The harbour ferry will run every twenty minutes instead of every half hour from Monday, "
    "the port authority said in a statement on Thursday.\n"
    "\n"
    "Passengers on the early crossing have complained for months that the boats were too full "
    "to board, and the authority said the change answers those complaints.\n"
)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def busy_on_marker(block: Block) -> None:
    """A filter that computes for 10 s in Python on a block saying BUSY-ME: a page that only the
    time limit ends. (A sleep would do in the main thread, where the timer signal interrupts
    it; elsewhere the limit interrupts Python code, not a blocking call.)"""
    if "BUSY-ME" in block.text:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pass
