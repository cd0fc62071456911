"""The per-page time limit: one pathological page must not stall a worker.

Two stops, because a page can hang in two ways:

- in Python code (a rule on a huge line, a loop over a million blocks): `time_limit` raises
  `PageTimeout` at the next bytecode, and the page becomes a "timeout" error record; the
  process goes on with the next page. In the main thread a timer signal raises it; in any
  other thread (a Dask worker cleans in threads, and so may a caller's pool), where no signal
  is delivered, a watchdog thread raises it in the page's thread as an asynchronous exception
  (`PyThreadState_SetAsyncExc`), which the interpreter delivers at the same points as a signal.
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
CPU: in the main thread the soft stop interrupts the wait; in another thread the asynchronous
exception waits, like Python code does, for the blocking call to return.
"""

from __future__ import annotations

import contextlib
import ctypes
import heapq
import itertools
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
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

    In the main thread a timer signal raises it, elsewhere the watchdog thread. Not reentrant
    within a thread: one page at a time.
    """
    if not seconds:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _WATCHDOG.watch(seconds):
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


@dataclass(order=True, slots=True)
class _Watch:
    """One page's deadline in a thread other than the main one."""

    deadline: float
    number: int
    thread: int = field(compare=False)
    active: bool = field(default=True, compare=False)
    fired: bool = field(default=False, compare=False)


class _Watchdog:
    """One daemon thread per process that raises `PageTimeout` in the threads whose pages ran
    past their deadline. It sleeps until the nearest deadline, so a page costs a lock, a heap
    push and an event (a few microseconds), not a thread of its own.

    The lock is a plain `threading.Lock` taken with `with`: acquiring it is one C call, after
    which the interpreter checks for no exception before the block is entered, so the timeout
    itself cannot leave it held (a `Condition`'s Python-level `__enter__` could)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._heap: list[_Watch] = []
        self._numbers = itertools.count()
        self._thread: threading.Thread | None = None

    @contextlib.contextmanager
    def watch(self, seconds: float) -> Iterator[None]:
        entry = _Watch(time.monotonic() + seconds, next(self._numbers), threading.get_ident())
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="cleaner-watchdog", daemon=True
                )
                self._thread.start()
            heapq.heappush(self._heap, entry)
        self._wake.set()
        try:
            yield
        finally:
            with self._lock:
                entry.active = False
            if entry.fired:
                # The exception may still be pending (set while the page was finishing):
                # withdraw it, so that it cannot go off in the caller's code after the page.
                _set_async_exc(entry.thread, None)

    def _run(self) -> None:
        while True:
            wait = self._fire_due()
            self._wake.wait(wait)
            self._wake.clear()

    def _fire_due(self) -> float | None:
        """Interrupt the pages past their deadline; the seconds to the next one (None: none)."""
        with self._lock:
            while self._heap:
                entry = self._heap[0]
                if not entry.active:
                    heapq.heappop(self._heap)
                    continue
                wait = entry.deadline - time.monotonic()
                if wait > 0:
                    return wait
                heapq.heappop(self._heap)
                # Under the lock, so a page that has just left its block (inactive) is never
                # interrupted; one still inside it is, exactly once.
                entry.fired = True
                _set_async_exc(entry.thread, PageTimeout)
        return None


def _set_async_exc(thread: int, exc: type[BaseException] | None) -> None:
    # `None` clears an exception set earlier and not yet raised.
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread), ctypes.py_object(exc) if exc is not None else None
    )


_WATCHDOG = _Watchdog()


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
