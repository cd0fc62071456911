"""A one-line progress display for long batches: pages done of total, rate, time left."""

from __future__ import annotations

import time
from typing import TextIO

# Redraw at most this often: often enough to look alive, rarely enough to cost nothing even at
# thousands of pages per second.
REDRAW_SECONDS = 0.2
BAR_WIDTH = 24


class Progress:
    """Draws on `stream` (a terminal) with carriage returns; `close()` erases the line."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.started = time.monotonic()
        self._drawn_at = 0.0
        self._width = 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._drawn_at >= REDRAW_SECONDS or self.done == self.total:
            self._drawn_at = now
            self._draw(now - self.started)

    def clear(self) -> None:
        """Erase the line, so that a message can be written; the next `advance` redraws."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
            self._drawn_at = 0.0

    close = clear

    def _draw(self, elapsed: float) -> None:
        line = render_progress(self.done, self.total, elapsed)
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = max(self._width, len(line))


def render_progress(done: int, total: int, elapsed: float) -> str:
    """A line such as `[######------]  120/400  35.2 pages/s  ETA 0:08`."""
    share = done / total if total else 1.0
    filled = round(share * BAR_WIDTH)
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = _clock((total - done) / rate) if rate > 0 else "?"
    bar = "#" * filled + "-" * (BAR_WIDTH - filled)
    return f"[{bar}] {done:>{len(str(total))}}/{total}  {rate:.1f} pages/s  ETA {eta}"


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
