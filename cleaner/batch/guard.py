"""The per-page time limit: one pathological page must not stall a worker.

Two stops, because a page can hang in two ways:

- in Python code (a rule on a huge line, a loop over a million blocks): `time_limit` sets a
  timer whose signal raises `PageTimeout` at the next bytecode, and the page becomes a
  "timeout" error record; the process goes on with the next page.
- inside a C extension that does not return to the interpreter (lexbor takes minutes to
  parse 200,000 nested `<div>`s: measured 1.4 s for 20,000 and 511 s for 200,000), where no
  signal handler of Python's can run: `hard_stop` sets a CPU-time timer whose signal,
  SIGPROF, ends the worker process outright (its default action: the process handles it
  nowhere) after `HARD_STOP_FACTOR` times the limit. The pool then replaces the worker and
  records the page as a timeout (`cleaner.batch.run`). This one is only for worker
  processes: it would end the caller's own process.

The hard stop counts CPU time, not wall time: it costs two system calls a page (about 6 us,
where arming faulthandler's watchdog thread, which counts wall time, took 135 us), and a page
stuck in C code is busy computing. A page blocked waiting (a read that never returns) uses no
CPU: the soft stop interrupts the wait.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

# Seconds a page may take by default. The slowest of the 1,497 wcxb-dev HTML pages takes about
# 1 s (median 18 ms, 2026-11 on the 2-core machine); 30 s leaves room for a loaded machine and
# for pages larger than any there, and a stuck page still costs a worker under a minute.
DEFAULT_TIME_LIMIT = 30.0
# A worker whose page uses this many times the limit in CPU time is ended: the soft stop had
# that long to unwind, which takes milliseconds from Python code.
HARD_STOP_FACTOR = 2.0


class PageTimeout(BaseException):
    """A page ran past its time limit. A BaseException, like KeyboardInterrupt, so that no
    `except Exception` in the pipeline swallows it on the way out."""


class _Timer:
    """Whether a timer signal still concerns the current page: one that arrives after the page
    finished, between its last bytecode and the timer's disarming, is ignored."""

    armed = False


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    if _Timer.armed:
        _Timer.armed = False
        raise PageTimeout


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `PageTimeout` in the block after `seconds` of wall time (`None` or 0: no limit).

    Signals reach only the main thread, so elsewhere (a caller's thread pool) the block runs
    without a limit. Not reentrant: one page at a time.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _Timer.armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _Timer.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def hard_stop_seconds(limit: float | None) -> float | None:
    return limit * HARD_STOP_FACTOR if limit else None


@contextlib.contextmanager
def hard_stop(limit: float | None) -> Iterator[None]:
    """End this process if the block uses more than `hard_stop_seconds(limit)` of CPU time,
    even from inside C code. Only for worker processes."""
    seconds = hard_stop_seconds(limit)
    if seconds is None:
        yield
        return
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def arm_hard_stop() -> None:
    """Make SIGPROF end this worker process (its default action), whatever was set before."""
    signal.signal(signal.SIGPROF, signal.SIG_DFL)


def timeout_message(limit: float, *, stopped: bool = False) -> str:
    if stopped:
        return f"timeout: the page took more than {limit:g} s (worker stopped)"
    return f"timeout: the page took more than {limit:g} s"
