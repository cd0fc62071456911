"""The filter contract and the pipeline that runs filters over a page.

A filter looks at the blocks of a `Page` and returns verdicts: for some blocks, keep or drop
plus a reason. Two shapes are accepted:

- a `Filter` object with a `name` and `apply(page) -> Iterable[(index, Verdict)]`: it sees the
  whole page, so it can use context (neighbours, position, what earlier filters decided);
- a plain function `f(block) -> Verdict | bool | str | None`, wrapped by `BlockFilter`: it sees
  one block at a time. `None` or `True` means no opinion, `False` drops the block with the
  function's name as reason, a string drops it with that string as reason, a `Verdict` is taken
  as it is.

The pipeline keeps the first decisive verdict on each block: once a block is dropped, or kept
with a `keep` verdict (which protects it), later filters no longer see it as undecided.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from cleaner._model import Block, Kind, Verdict, drop


@dataclass
class Page:
    """The working state of one page while filters run over it."""

    blocks: list[Block]
    kind: Kind
    url: str | None = None
    verdicts: list[Verdict | None] = field(default_factory=list)
    deciders: list[str | None] = field(default_factory=list)
    # Facts found along the way (headline index, byline index...) that later filters use.
    hints: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.verdicts:
            self.verdicts = [None] * len(self.blocks)
            self.deciders = [None] * len(self.blocks)

    def is_open(self, index: int) -> bool:
        """True while no filter has taken a decision on the block."""
        return self.verdicts[index] is None

    def is_dropped(self, index: int) -> bool:
        verdict = self.verdicts[index]
        return verdict is not None and not verdict.keep

    def open_blocks(self) -> list[Block]:
        """The blocks no filter has decided yet, as they stand when asked."""
        return [b for b, v in zip(self.blocks, self.verdicts, strict=True) if v is None]

    def record(self, index: int, verdict: Verdict, decider: str) -> None:
        if self.verdicts[index] is None:
            self.verdicts[index] = verdict
            self.deciders[index] = decider

    def finished_blocks(self) -> list[Block]:
        """The blocks with their final verdicts; undecided blocks are kept."""
        out = []
        for block, verdict, decider in zip(self.blocks, self.verdicts, self.deciders, strict=True):
            if verdict is None:
                out.append(block)
            else:
                out.append(block.decided(verdict.keep, decider, verdict.reason, verdict.score))
        return out


@runtime_checkable
class Filter(Protocol):
    """A named filter that sees the whole page."""

    name: str

    def apply(self, page: Page) -> Iterable[tuple[int, Verdict]]: ...


BlockFunction = Callable[[Block], "Verdict | bool | str | None"]
FilterLike = Filter | BlockFunction


class BlockFilter:
    """Runs a one-block function over every undecided block of a page."""

    def __init__(self, func: BlockFunction, name: str | None = None) -> None:
        self.func = func
        self.name: str = name or str(getattr(func, "__name__", type(func).__name__))

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        for block in page.open_blocks():
            verdict = _as_verdict(self.func(block), self.name)
            if verdict is not None:
                yield block.index, verdict

    def __repr__(self) -> str:
        return f"BlockFilter({self.name!r})"


def _as_verdict(result: Verdict | bool | str | None, name: str) -> Verdict | None:
    if result is None or result is True:
        return None
    if result is False:
        return drop(name)
    if isinstance(result, str):
        return drop(result)
    if isinstance(result, Verdict):
        return result
    raise TypeError(
        f"filter {name!r} returned {type(result).__name__}; expected Verdict, bool, str or None"
    )


def as_filter(obj: FilterLike) -> Filter:
    """Accept a `Filter` object as it is and wrap a plain function as a `BlockFilter`."""
    if isinstance(obj, Filter):
        return obj
    if callable(obj):
        return BlockFilter(obj)
    raise TypeError(f"not a filter: {obj!r}")


def run_filters(page: Page, filters: Sequence[Filter]) -> Page:
    for flt in filters:
        for index, verdict in flt.apply(page):
            page.record(index, verdict, flt.name)
    return page
