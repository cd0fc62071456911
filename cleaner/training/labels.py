"""What the learned filter sees of a page, and which of its blocks are body.

A page is cleaned by the rules-only pipeline with a recorder in the structure stage's place:
the recorder keeps the feature matrix the learned filter would compute, what the earlier
filters decided, and the structure stage's verdicts (which it returns, so the page comes out
as the rules-only pipeline cleans it). A block is then labelled body when most of its words
are covered by word trigrams of the page's expected body, read across block boundaries: a
one-word subheading inside the body counts as body, a one-word menu item does not.

Shared by `cleaner train` and scripts/train_learned.py (the shipped model's training).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np

from cleaner._api import Cleaner
from cleaner._model import Document, Kind, Verdict, drop
from cleaner._options import CleanOptions
from cleaner.evaluate.scores import TOKEN, word_tokens
from cleaner.filters.base import Page
from cleaner.filters.learned import (
    FEATURE_NAMES,
    STRUCTURE_REASONS,
    LearnedFilter,
    Model,
    page_inputs,
)
from cleaner.filters.structure import ArticleExtent

LABEL_NGRAM = 3
LABEL_MIN_COVERED = 0.5
"""A block is body when at least half its words are covered by gold trigrams. Oracle word F1
(keeping exactly the positive blocks) on the WCXB train split, HTML: 0.945 / 0.953 / 0.958 at
0.3 / 0.5 / 0.7; the shipped models were trained at 0.5 (0.7 is untried as a training label)."""
# The `before` codes: what the filters before the structure stage decided on a block.
OPEN, DROPPED, PROTECTED = 0, 1, 2
Weighting = Literal["words", "sqrt", "blocks"]


class Recorder:
    """Stands in for the structure stage: records what the learned filter would see and
    gives the structure stage's verdicts, so the pipeline's output is the rules-only one."""

    name = "structure"

    def __init__(self) -> None:
        self.structure = ArticleExtent()
        self.last: tuple[np.ndarray, dict[int, Verdict], list[int]] | None = None

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        x, verdicts = page_inputs(page, self.structure)
        before = [OPEN if v is None else (PROTECTED if v.keep else DROPPED) for v in page.verdicts]
        self.last = (x, verdicts, before)
        return iter(verdicts.items())


@dataclass(frozen=True, slots=True)
class Recording:
    """A page as the learned filter sees it: a row of `x` a block."""

    texts: list[str]
    x: np.ndarray  # features, columns `FEATURE_NAMES`
    before: np.ndarray  # OPEN, DROPPED or PROTECTED by a filter before the structure stage
    s_kept: np.ndarray  # open and left in by the structure stage


class FeatureRecorder:
    """The rules-only pipeline with a `Recorder` in the structure stage's place."""

    def __init__(self, options: CleanOptions | None = None) -> None:
        self.engine = Cleaner(options, learned=False, structure=True)
        self.recorder = Recorder()
        if self.engine.filters[-1].name != "structure":
            raise AssertionError("the pipeline's last filter is not the structure stage")
        self.engine.filters[-1] = self.recorder

    def record(
        self, raw: str | bytes, *, kind: Literal["auto", "html", "text"], url: str | None
    ) -> tuple[Document, Recording | None]:
        """The rules-only Document, and the recording (None for a page without blocks, or
        that could not be read: the Document's `error` says why)."""
        self.recorder.last = None
        doc = self.engine.clean(raw, kind=kind, url=url)
        if self.recorder.last is None or not doc.blocks:
            return doc, None
        x, verdicts, before = self.recorder.last
        s_kept = [b == OPEN and i not in verdicts for i, b in enumerate(before)]
        recording = Recording(
            texts=[b.text for b in doc.blocks],
            x=x,
            before=np.array(before, dtype=np.int8),
            s_kept=np.array(s_kept, dtype=bool),
        )
        return doc, recording


# Stands for any earlier verdict or structure-stage drop where only its presence matters.
_DECIDED = drop("decided")
_PROSE = FEATURE_NAMES.index("prose")
_REASON_COLUMNS = [FEATURE_NAMES.index(f"s_{r.split('.')[1]}") for r in STRUCTURE_REASONS]
_STRUCTURE_DROPS = [drop(r) for r in STRUCTURE_REASONS]


def kept_blocks(recording: Recording, kind: Kind, model: Model | None) -> np.ndarray:
    """Which blocks the pipeline keeps, from the recording alone: the rules-only pipeline's
    (`model` None), or with the learned filter deciding with `model` as `LearnedFilter`
    does (its own `decide`, on the verdicts recorded), without cleaning the page again."""
    open_ = recording.before == OPEN
    kept = (recording.before == PROTECTED) | recording.s_kept
    if model is None:
        return kept
    page = Page(blocks=[], kind=kind, verdicts=[None if o else _DECIDED for o in open_])
    # The structure stage's drops, with their reasons read back from the one-hot columns
    # (the filter's decision depends on them: see `EDGE_REASONS`).
    reasons = recording.x[:, _REASON_COLUMNS]
    structure = {
        i: _STRUCTURE_DROPS[int(np.argmax(reasons[i]))] if reasons[i].any() else _DECIDED
        for i in np.flatnonzero(open_ & ~recording.s_kept).tolist()
    }
    p = model.probabilities(recording.x)
    decided = LearnedFilter.from_models({}).decide(
        page, model, p, structure, recording.x[:, _PROSE] > 0
    )
    for i, verdict in decided.items():
        kept[i] = verdict.keep
    return kept


def coverage(texts: Sequence[str], gold: str, n: int = LABEL_NGRAM) -> np.ndarray:
    """Per block, the share of its words covered by an n-gram of the gold body."""
    gold_tokens = word_tokens(gold)
    n = max(1, min(n, len(gold_tokens)))
    grams = set(zip(*(gold_tokens[i:] for i in range(n)), strict=False))
    block_tokens = [word_tokens(t) for t in texts]
    stream = [tok for bt in block_tokens for tok in bt]
    covered = np.zeros(len(stream), dtype=bool)
    for j in range(len(stream) - n + 1):
        if tuple(stream[j : j + n]) in grams:
            covered[j : j + n] = True
    out = np.zeros(len(texts))
    start = 0
    for i, bt in enumerate(block_tokens):
        if bt:
            out[i] = covered[start : start + len(bt)].mean()
        start += len(bt)
    return out


class Labelled(Protocol):
    """A recorded page with its blocks' gold coverage (a `LabelledRecording`, or the training
    script's cached pages)."""

    @property
    def texts(self) -> list[str]: ...
    @property
    def x(self) -> np.ndarray: ...
    @property
    def before(self) -> np.ndarray: ...
    @property
    def coverage(self) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class LabelledRecording:
    """A recording with its blocks' gold coverage and the page's expected body."""

    recording: Recording
    coverage: np.ndarray
    gold: str

    @property
    def texts(self) -> list[str]:
        return self.recording.texts

    @property
    def x(self) -> np.ndarray:
        return self.recording.x

    @property
    def before(self) -> np.ndarray:
        return self.recording.before

    @property
    def labels(self) -> np.ndarray:
        return self.coverage >= LABEL_MIN_COVERED


def label(recording: Recording, gold: str) -> LabelledRecording:
    return LabelledRecording(recording, coverage(recording.texts, gold), gold)


def candidates(page: Labelled) -> np.ndarray:
    """The blocks the learned filter may decide: those no earlier filter decided, with words."""
    return (page.before == OPEN) & np.array([bool(TOKEN.search(t)) for t in page.texts])


def page_weights(words: np.ndarray, weighting: Weighting) -> np.ndarray:
    """Sample weights of one page's training rows from their word counts: each page weighs
    the same, shared by its words ("words"), their square roots ("sqrt", the shipped model's)
    or equally by its blocks ("blocks")."""
    if weighting == "words":
        return np.asarray(words / max(words.sum(), 1))
    if weighting == "sqrt":
        return np.asarray(np.sqrt(words) / max(np.sqrt(words).sum(), 1))
    return np.ones(len(words)) / len(words)


def training_rows(
    pages: Sequence[Labelled],
    weighting: Weighting = "sqrt",
    max_rows: int | None = None,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and sample weights (mean 1) of the pages' candidate blocks; with
    `max_rows`, a sample of that many rows drawn with `seed` when there are more."""
    xs, ys, ws = [], [], []
    for page in pages:
        rows = candidates(page)
        if not rows.any():
            continue
        xs.append(page.x[rows])
        ys.append(page.coverage[rows] >= LABEL_MIN_COVERED)
        words = np.array([len(word_tokens(t)) for t, r in zip(page.texts, rows, strict=True) if r])
        ws.append(page_weights(words, weighting))
    if not xs:
        return np.zeros((0, 0)), np.zeros(0, dtype=bool), np.zeros(0)
    x = np.concatenate(xs).astype(float)
    y = np.concatenate(ys)
    w = np.concatenate(ws)
    if max_rows is not None and len(y) > max_rows:
        keep = np.random.default_rng(seed).choice(len(y), max_rows, replace=False)
        keep.sort()
        x, y, w = x[keep], y[keep], w[keep]
    return x, y, w * len(w) / w.sum()
