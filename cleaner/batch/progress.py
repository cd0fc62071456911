"""A one-line progress display for long batches: pages done, rate, share done and time left.

The share comes from the page count when the number of pages is known (page files alone),
else from the input bytes read (a WARC or JSON Lines file holds an unknown number of pages).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

# Redraw at most this often: often enough to look alive, rarely enough to cost nothing even at
# thousands of pages per second.
REDRAW_SECONDS = 0.2
BAR_WIDTH = 24


class Progress:
    """Draws on `stream` (a terminal) with carriage returns; `close()` erases the line.

    `total` is the number of pages when known; else `share`, when given, tells the share of
    the input read so far (0 to 1).
    """

    def __init__(
        self,
        total: int | None,
        stream: TextIO,
        share: Callable[[], float] | None = None,
    ) -> None:
        self.total = total
        self.stream = stream
        self.share = share
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
        share = self.share() if self.share is not None and self.total is None else None
        line = render_progress(self.done, self.total, elapsed, share)
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = max(self._width, len(line))


def render_progress(
    done: int, total: int | None, elapsed: float, share: float | None = None
) -> str:
    """A line such as `[######------]  120/400  35.2 pages/s  ETA 0:08`; with an unknown
    total, `[######------] 120 pages  35.2 pages/s  25% of input  ETA 0:08` when the share of
    the input read is known, else `120 pages  35.2 pages/s`."""
    rate = done / elapsed if elapsed > 0 else 0.0
    if total is not None:
        fraction = done / total if total else 1.0
        eta = _clock((total - done) / rate) if rate > 0 else "?"
        return f"{_bar(fraction)} {done:>{len(str(total))}}/{total}  {rate:.1f} pages/s  ETA {eta}"
    if share is None:
        return f"{done} pages  {rate:.1f} pages/s"
    share = min(max(share, 0.0), 1.0)
    eta = _clock(elapsed * (1 - share) / share) if share > 0 else "?"
    return f"{_bar(share)} {done} pages  {rate:.1f} pages/s  {share:.0%} of input  ETA {eta}"


def _bar(fraction: float) -> str:
    filled = round(fraction * BAR_WIDTH)
    return "[" + "#" * filled + "-" * (BAR_WIDTH - filled) + "]"


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
