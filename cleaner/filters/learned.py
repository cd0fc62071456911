"""The learned filter: a small model scores every block the rules left open as body or not.

The rules catch boilerplate by its wording and the structure stage by where it sits (outside
the article's runs of prose). Both are hand-weighted; the learned filter weighs the same
evidence, and more of it, with weights fitted on the WCXB train split (scripts/train_learned.py):
the block's own text statistics, its neighbours', its position, its DOM context on an HTML page
(tag, region, the words its parent element holds), what the rules decided around it, and what
the structure stage decided on it and around it.

The model is two small stages, both evaluated for all blocks of a page at once with numpy:

1. a block model (logistic regression or a one-hidden-layer network) on the features below;
2. a context model (logistic regression) on the block model's scores of the block and of its
   neighbours, and their means over windows: body text comes in contiguous stretches, so a
   block among confident body blocks is more likely body.

How the score is used is part of the model file (`mode`), chosen by cross-validation:
"override" lets the structure stage's verdict stand except where the model is confident
(`keep_above` / `drop_below`); "replace" keeps exactly the blocks scoring `threshold` or more.
Blocks an earlier filter decided (metadata, page regions, the rules, truncated copies) are
never re-decided. Where the model decides, the verdict is "learned.body" or
"learned.boilerplate" with the model's probability as its score; elsewhere the structure
stage's verdict is recorded under its own name, as if the stage had run alone.

The model file is JSON (`cleaner/models/learned.json`), read once per process and checked
against `MODEL_VERSION` and the feature names this module computes.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

import numpy as np

from cleaner._exceptions import CleanerError
from cleaner._model import Block, Verdict, drop, keep
from cleaner.filters.base import Page
from cleaner.filters.structure import BARRIER, DROPPED_WEIGHT, ArticleExtent, block_weights

MODEL_VERSION = 1
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "models" / "learned.json"

# Structure-stage reasons, in the order of the one-hot columns; a block the stage left open
# (inside the article's runs, or any block of a listing page) has none of them.
STRUCTURE_REASONS = (
    "structure.before-article",
    "structure.after-article",
    "structure.between-runs",
    "structure.teaser-card",
    "structure.inline-teaser",
    "structure.no-body-text",
)
# The structure stage's reasons for a block outside the article's extent: the model keeps
# such a block only at `keep_edge_above`.
EDGE_REASONS = frozenset(STRUCTURE_REASONS[:2])
# A block after the article (the rest of a table or list, a comment, a related link) has a
# bar of its own, `keep_after_above`: on the training pages it is best near the ordinary one.
AFTER_REASON = STRUCTURE_REASONS[1]
# Block tags with a column of their own; the rest share "tag_other". Headings have theirs.
TAGS = ("p", "li", "div", "td", "th", "dd", "dt", "pre", "blockquote", "span", "a", "section")
# Regions that the page-regions filter leaves open ("" is the page's main flow).
REGIONS = ("main", "header", "aside")
# The neighbour offsets whose features a block sees, and the half-widths of the windows over
# which prose words (block model) and scores (context model) are averaged.
OFFSETS = (-2, -1, 1, 2)
# The features a block sees of its neighbours at those offsets, in their column order.
SHIFTED = ("log_words", "prose", "dropped", "s_kept", "link_density", "weight")
WINDOWS = (3, 10)
CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
CONTEXT_WINDOWS = (2, 5, 15)
BLAS_ONE_THREAD_WORK = 262_144
"""Multiply-adds per matrix-matrix product that OpenBLAS keeps on one thread (its gemm
threshold, 65536 x GEMM_MULTITHREAD_THRESHOLD 4). Measured on the HTML model (83 x 32) with a
core kept busy: 150-row products never waited, 200-row ones now and then 4-8 ms."""
BLAS_ONE_THREAD_VECTOR_WORK = 9_216
"""The same for a matrix-vector product (gemv: 2304 x 4)."""
# The run-search weights are clipped to this range for features: a barrier is a flag of its own.
WEIGHT_RANGE = (DROPPED_WEIGHT, 40.0)


def _feature_names() -> tuple[str, ...]:
    own = [
        "log_words", "log_chars", "chars_per_word", "weight", "prose", "sentence",
        "dropped", "protected", "barrier", "link_density", "heading",
        *(f"tag_{t}" for t in TAGS), "tag_other",
        *(f"region_{r}" for r in REGIONS),
        "gap", "upper_start", "commas", "colon_end", "separators", "digits_start",
        *(f"s_{r.split('.')[1]}" for r in STRUCTURE_REASONS), "s_kept",
    ]  # fmt: skip
    neighbours = [f"{name}@{k:+d}" for k in OFFSETS for name in SHIFTED]
    context = [
        *(f"prose_words_pm{w}" for w in WINDOWS),
        *(f"dropped_pm{w}" for w in WINDOWS),
        "position", "words_before", "log_dist_kept_back", "log_dist_kept_ahead",
        "parent_prose_share", "parent_log_blocks", "parent_kept_share",
        "same_parent_prev", "same_parent_next", "same_tag_prev", "same_tag_next",
        "page_log_words", "page_log_blocks", "page_kept_share", "page_dropped_share",
    ]  # fmt: skip
    return tuple(own + neighbours + context)


FEATURE_NAMES = _feature_names()
_PROSE = FEATURE_NAMES.index("prose")


class ModelFileError(CleanerError, ValueError):
    """The learned filter's model file is missing, unreadable or of another version."""


# -- features ---------------------------------------------------------------------------------


# The feature matrix is written a column at a time into one array. A page has a few hundred
# blocks, so what the features cost is not arithmetic but numpy's overhead per call (~1 us)
# and the reading of Python values into arrays (tens of ns a value); the code below keeps
# both few: a page's values are read once each, and columns that are computed alike
# (the windows, the distances, the one-hot codes) are computed together. Column numbers
# are looked up once here.
_COL = {name: i for i, name in enumerate(FEATURE_NAMES)}
_TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
_OTHER_TAG = len(TAGS)
_REGION_CODE = {r: i + 1 for i, r in enumerate(REGIONS)}  # 0: none of REGIONS
# A structure-stage reason's column (an unknown reason would read as the first).
_REASON_COL = {r: _COL[f"s_{r.split('.')[1]}"] for r in STRUCTURE_REASONS}
_FIRST_REASON_COL = _REASON_COL[STRUCTURE_REASONS[0]]
_SHIFT_SOURCES = [_COL[name] for name in SHIFTED]
# The columns of each neighbour offset: SHIFTED's, in their order, side by side.
_SHIFT_TARGETS = {
    k: slice(_COL[f"{SHIFTED[0]}@{k:+d}"], _COL[f"{SHIFTED[0]}@{k:+d}"] + len(SHIFTED))
    for k in OFFSETS
}
# The prose-word and dropped-block windows: the bounds' offsets, and the dropped windows'
# widths (their means are over the full width, also where a window runs past an end).
_WINDOW_AHEAD = np.array([[h + 1] for h in WINDOWS])
_WINDOW_BACK = np.array([[h] for h in WINDOWS])
_WINDOW_WIDTHS = np.array([[2.0 * h + 1] for h in WINDOWS])
_WINDOW_COLS = slice(_COL[f"prose_words_pm{WINDOWS[0]}"], _COL[f"dropped_pm{WINDOWS[-1]}"] + 1)
_PAGE_COLS = slice(_COL["page_log_words"], _COL["page_dropped_share"] + 1)
_SEPARATORS = ("|", "·", "•")
_COMMA, _COLON = ord(","), ord(":")
_IS_UPPER, _IS_DIGIT, _ASK = 1, 2, 4
_TABLE_SIZE = 0x3000
"""Code points below this (Latin to the general punctuation, all the scripts written with
case) are classed by `_CHAR_CLASSES`; the table takes a few ms to build, once at import."""


def _char_classes() -> np.ndarray:
    """Bit flags a code point: upper case, digit; the last entry says that Python must be
    asked (a code point past the table)."""
    table = np.zeros(_TABLE_SIZE + 1, dtype=np.uint8)
    for code in range(_TABLE_SIZE):
        c = chr(code)
        table[code] = (_IS_UPPER if c.isupper() else 0) | (_IS_DIGIT if c.isdigit() else 0)
    table[_TABLE_SIZE] = _ASK
    return table


_CHAR_CLASSES = _char_classes()
_KEEP = attrgetter("keep")
_REASON = attrgetter("reason")


def _flags(values: Iterable[bool]) -> np.ndarray:
    """Booleans as a bool array, through bytes (the fastest way in from Python values)."""
    return np.frombuffer(bytes(values), dtype=np.bool_)


def _codes(values: Iterable[int]) -> np.ndarray:
    """Small non-negative whole numbers (below 256) as an index array, through bytes."""
    return np.frombuffer(bytes(values), dtype=np.uint8).astype(np.intp)


def page_features(
    page: Page, weights: Sequence[float], structure: dict[int, Verdict]
) -> np.ndarray:
    """The feature matrix of a page's blocks, one row a block, columns `FEATURE_NAMES`.

    `weights` are the structure stage's `block_weights(page)` and `structure` its verdicts by
    block index.
    """
    blocks = page.blocks
    n = len(blocks)
    # Column-major: the features are written a column at a time, and a column of a row-major
    # matrix is strided (0.5 of 2.8 ms a page saved in an A/B of this function and the model).
    x = np.zeros((n, len(FEATURE_NAMES)), order="F")
    if n == 0:
        return x
    # The transposed view, in which each feature's column is a row: xt[j] is x[:, j].
    xt = x.T
    html = page.kind == "html"
    # A list of each field (three times faster than transposing the blocks' field tuples).
    nw = np.fromiter([b._n_words for b in blocks], float, n)
    texts = [b.text for b in blocks]
    lengths = np.fromiter(map(len, texts), np.intp, n)
    nw1 = np.maximum(nw, 1.0)
    open_ = _flags(map(operator.is_, page.verdicts, repeat(None)))
    _own_columns(xt, page, open_, nw, lengths.astype(float), nw1, weights)
    _character_columns(xt, texts, lengths, nw1)
    s_kept = _structure_columns(xt, open_, structure)
    if html:
        tag_codes = _codes([_TAG_INDEX.get(b.tag, _OTHER_TAG) for b in blocks])
        parent = np.fromiter([b.parent for b in blocks], np.int64, n)
        _dom_columns(xt, tag_codes, blocks, parent)
    else:
        parent = np.zeros(n, dtype=np.int64)
        xt[_COL["gap"]] = np.minimum(np.fromiter([b.gap_before for b in blocks], float, n), 2.0)

    sources = x[:, _SHIFT_SOURCES]
    for k, cols in _SHIFT_TARGETS.items():
        if k > 0:
            x[: max(n - k, 0), cols] = sources[k:]
        else:
            x[-k:, cols] = sources[: max(n + k, 0)]
    _context_columns(xt, nw, xt[_COL["prose"]], xt[_COL["dropped"]], s_kept, parent)
    return x


def _own_columns(
    xt: np.ndarray,
    page: Page,
    open_: np.ndarray,
    nw: np.ndarray,
    nc: np.ndarray,
    nw1: np.ndarray,
    weights: Sequence[float],
) -> None:
    """The block's own text statistics, weight and earlier verdicts."""
    protected = np.zeros(len(open_), dtype=bool)
    protected[~open_] = _flags(map(_KEEP, filter(None, page.verdicts)))
    dropped = ~open_ & ~protected
    w = np.fromiter(weights, float, len(open_))
    xt[_COL["barrier"]] = w == BARRIER
    # Clipped to WEIGHT_RANGE (np.clip, the same, has ten times the overhead of a ufunc).
    w = np.minimum(np.maximum(w, WEIGHT_RANGE[0]), WEIGHT_RANGE[1])
    xt[_COL["log_words"]] = np.log1p(nw)
    xt[_COL["log_chars"]] = np.log1p(nc)
    xt[_COL["chars_per_word"]] = nc / nw1 / 10.0
    xt[_COL["weight"]] = w / 10.0
    xt[_COL["prose"]] = (w >= 5.0) & ~dropped
    xt[_COL["sentence"]] = w >= 1.0
    xt[_COL["dropped"]] = dropped
    xt[_COL["protected"]] = protected


def _character_columns(
    xt: np.ndarray, texts: Sequence[str], lengths: np.ndarray, nw1: np.ndarray
) -> None:
    """The tests on a block's characters, on the code points of the whole page's text at
    once (a string method call a block and test costs more): commas and separators are
    found over all of them, the first and last characters are read at the blocks' ends."""
    n = len(texts)
    joined = "".join(texts)
    chars = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    ends = np.cumsum(lengths)
    # The block a character position falls in: the first whose end lies past it.
    hits = np.searchsorted(ends, np.flatnonzero(chars == _COMMA), side="right")
    xt[_COL["commas"]] = np.minimum(np.bincount(hits, minlength=n) / nw1, 1.0)
    # Most pages have no separator at all; a test of the text for each finds that quickly.
    present = [ord(s) for s in _SEPARATORS if s in joined]
    if present:
        found = chars == present[0]
        for code in present[1:]:
            found |= chars == code
        hits = np.searchsorted(ends, np.flatnonzero(found), side="right")
        xt[_COL["separators"]] = np.bincount(hits, minlength=n) > 0
    rows = np.flatnonzero(lengths)
    last = ends[rows] - 1
    xt[_COL["colon_end"], rows] = chars[last] == _COLON
    first = _CHAR_CLASSES[np.minimum(chars[last + 1 - lengths[rows]], _TABLE_SIZE)]
    xt[_COL["upper_start"], rows] = (first & _IS_UPPER) > 0
    xt[_COL["digits_start"], rows] = (first & _IS_DIGIT) > 0
    # Characters past the table (CJK and beyond) are asked of Python.
    for row in rows[first == _ASK].tolist():
        xt[_COL["upper_start"], row] = texts[row][0].isupper()
        xt[_COL["digits_start"], row] = texts[row][0].isdigit()


def _structure_columns(
    xt: np.ndarray, open_: np.ndarray, structure: dict[int, Verdict]
) -> np.ndarray:
    """The structure stage's reason as one-hot columns, and `s_kept`: open and left in by it
    (a block with a reason has exactly one column set, so this is one minus their sum)."""
    rows = np.fromiter(structure, np.intp, len(structure))
    reasons = map(_REASON, structure.values())
    xt[_codes(map(_REASON_COL.get, reasons, repeat(_FIRST_REASON_COL))), rows] = 1.0
    s_kept = xt[_COL["s_kept"]]
    s_kept[:] = open_
    s_kept[rows] = 0.0
    return s_kept


def _dom_columns(
    xt: np.ndarray, tag_codes: np.ndarray, blocks: Sequence[Block], parent: np.ndarray
) -> None:
    """An HTML block's tag (a heading's own column says it), region, links and parent."""
    n = len(tag_codes)
    heading = np.fromiter([b.heading for b in blocks], np.int64, n) > 0
    xt[_COL["heading"]] = heading
    xt[_COL["link_density"]] = np.fromiter([b.link_density for b in blocks], float, n)
    rows = np.flatnonzero(~heading)
    xt[_COL[f"tag_{TAGS[0]}"] + tag_codes[rows], rows] = 1.0
    region = _codes([_REGION_CODE.get(b.region, 0) for b in blocks])
    rows = np.flatnonzero(region)
    xt[_COL[f"region_{REGIONS[0]}"] - 1 + region[rows], rows] = 1.0
    # Neighbours share a parent (a parent of 0 is none) or a tag code; past either end the
    # neighbour's parent and tag code read as 0, hence the zero on each side.
    padded = np.zeros((2, n + 2), dtype=np.int64)
    padded[0, 1:-1] = parent
    padded[1, 1:-1] = tag_codes
    same = padded[:, 1:] == padded[:, :-1]  # same[:, i]: block i and the one before it
    same[0] &= padded[0, 1:] > 0
    xt[_COL["same_parent_prev"]] = same[0, :-1]
    xt[_COL["same_parent_next"]] = same[0, 1:]
    xt[_COL["same_tag_prev"]] = same[1, :-1]
    xt[_COL["same_tag_next"]] = same[1, 1:]


def _context_columns(
    xt: np.ndarray,
    nw: np.ndarray,
    prose: np.ndarray,
    dropped: np.ndarray,
    s_kept: np.ndarray,
    parent: np.ndarray,
) -> None:
    """Windows, position, distances to kept blocks, the parent's blocks, the page as a whole."""
    n = len(nw)
    prose_words = prose * np.minimum(nw, 40.0)
    total_prose = max(float(prose_words.sum()), 1.0)
    total_words = max(float(nw.sum()), 1.0)
    ar = np.arange(n)
    # The window sums, by cumulative sums: of prose words and dropped blocks (first axis),
    # over each window (second axis).
    sums = np.zeros((2, n + 1))
    sums[0, 1:] = np.cumsum(prose_words)
    sums[1, 1:] = np.cumsum(dropped)
    # (np.take: indexing `sums[:, bounds]` takes numpy's slow path, 6 times the time.)
    ahead = np.take(sums, np.minimum(ar + _WINDOW_AHEAD, n), axis=1)
    windows = ahead - np.take(sums, np.maximum(ar - _WINDOW_BACK, 0), axis=1)
    windows[0] /= total_prose
    windows[1] /= _WINDOW_WIDTHS
    xt[_WINDOW_COLS] = windows.reshape(-1, n)
    xt[_COL["position"]] = ar / max(n - 1, 1)
    xt[_COL["words_before"]] = (np.cumsum(nw) - nw) / total_words
    # How far back the nearest kept block is (0 on one; n + 1 when none), and, on the
    # reversed page, how far ahead.
    kept = s_kept > 0
    marks = np.empty((2, n), dtype=np.intp)
    marks[0] = np.where(kept, ar, -(n + 1))
    marks[1] = np.where(kept[::-1], ar, -(n + 1))
    distances = np.log1p(np.minimum(ar - np.maximum.accumulate(marks, axis=1), n + 1))
    xt[_COL["log_dist_kept_back"]] = distances[0]
    xt[_COL["log_dist_kept_ahead"]] = distances[1, ::-1]
    group_prose = np.bincount(parent, weights=prose_words)
    group_blocks = np.bincount(parent)
    group_kept = np.bincount(parent, weights=s_kept * nw)
    group_words = np.bincount(parent, weights=nw)
    xt[_COL["parent_prose_share"]] = group_prose[parent] / total_prose
    xt[_COL["parent_log_blocks"]] = np.log1p(group_blocks[parent])
    xt[_COL["parent_kept_share"]] = group_kept[parent] / np.maximum(group_words[parent], 1.0)
    open_words = float((nw * (1.0 - dropped)).sum())
    page = (
        np.log1p(total_words),
        np.log1p(n),
        float((nw * s_kept).sum()) / max(open_words, 1.0),
        float((nw * dropped).sum()) / total_words,
    )
    xt[_PAGE_COLS] = np.array(page)[:, None]


# The context model's neighbour scores are read from the page's scores with this many zeros
# on each side, at these offsets into the padded array.
_CONTEXT_PAD = max(map(abs, CONTEXT_OFFSETS))
_CONTEXT_READS = np.array(CONTEXT_OFFSETS) + _CONTEXT_PAD
_CONTEXT_AHEAD = np.array([[h + 1] for h in CONTEXT_WINDOWS])
_CONTEXT_BACK = np.array([[h] for h in CONTEXT_WINDOWS])


def context_features(z: np.ndarray, parent: np.ndarray | None = None) -> np.ndarray:
    """The context model's inputs from the block model's scores `z` (logits) of a page: the
    score, the neighbours' scores (zero past either end), and the mean probability over
    windows around the block (over the blocks the window holds)."""
    p = 1.0 / (1.0 + np.exp(-z))
    n = len(z)
    c = np.empty((n, 1 + len(CONTEXT_OFFSETS) + len(CONTEXT_WINDOWS)))
    c[:, 0] = z
    padded = np.zeros(n + 2 * _CONTEXT_PAD)
    padded[_CONTEXT_PAD : _CONTEXT_PAD + n] = z
    ar = np.arange(n)
    c[:, 1 : 1 + len(CONTEXT_OFFSETS)] = padded[ar[:, None] + _CONTEXT_READS]
    sums = np.concatenate(([0.0], np.cumsum(p)))
    hi = np.minimum(ar + _CONTEXT_AHEAD, n)
    lo = np.maximum(ar - _CONTEXT_BACK, 0)
    c[:, 1 + len(CONTEXT_OFFSETS) :] = ((sums[hi] - sums[lo]) / (hi - lo)).T
    return c


def page_inputs(page: Page, structure: ArticleExtent) -> tuple[np.ndarray, dict[int, Verdict]]:
    """The page's feature matrix and the structure stage's verdicts on its open blocks (what
    the filter computes, and what the training script records)."""
    weights = block_weights(page)
    verdicts = dict(structure.judge(page, weights))
    return page_features(page, weights, verdicts), verdicts


# -- the model ----------------------------------------------------------------------------------


class Model:
    """One kind's (html or text) fitted stages and decision rule, as arrays."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.mean = np.asarray(spec["mean"], dtype=float)
        self.scale = np.asarray(spec["scale"], dtype=float)
        self.layers = [
            (np.asarray(layer["w"], dtype=float), np.asarray(layer["b"], dtype=float))
            for layer in spec["layers"]
        ]
        ctx = spec.get("context")
        self.context = ctx is not None
        if ctx is not None:
            self.ctx_mean = np.asarray(ctx["mean"], dtype=float)
            self.ctx_scale = np.asarray(ctx["scale"], dtype=float)
            self.ctx_w = np.asarray(ctx["w"], dtype=float)
            self.ctx_b = float(ctx["b"])
        self.mode = str(spec["mode"])
        self.keep_above = float(spec.get("keep_above", 1.0))
        self.drop_below = float(spec.get("drop_below", 0.0))
        self.drop_prose_below = float(spec.get("drop_prose_below", self.drop_below))
        self.keep_edge_above = float(spec.get("keep_edge_above", self.keep_above))
        # A block the stage put after the article: `keep_edge_above` unless the file says.
        self.keep_after_above = float(spec.get("keep_after_above", self.keep_edge_above))
        # A block before the article but inside the element that holds the article's runs:
        # `keep_edge_above` unless the file says (see `LearnedFilter.decide`).
        self.keep_inside_above = float(spec.get("keep_inside_above", self.keep_edge_above))
        self.threshold = float(spec.get("threshold", 0.5))

    def block_logits(self, x: np.ndarray) -> np.ndarray:
        h = (x - self.mean) / self.scale
        for k, (w, b) in enumerate(self.layers):
            h = _product(h, w) + b
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return np.asarray(h[:, 0])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = self.block_logits(x)
        if self.context:
            c = context_features(z)
            z = _product((c - self.ctx_mean) / self.ctx_scale, self.ctx_w) + self.ctx_b
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


def _product(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """a @ w, in slices of rows small enough that a threaded BLAS runs each on one thread.

    OpenBLAS hands a product to its threads above a size (`BLAS_ONE_THREAD_WORK`); the threads
    must be woken, and on a machine whose cores are busy (other processes, a worker pool) that
    waited for the scheduler: 4 or 8 ms for a product of ~0.05 ms, paid on most pages over
    ~200 blocks when the machine was busy. A slice costs a few us."""
    if w.ndim == 1 or w.shape[1] == 1:
        rows = BLAS_ONE_THREAD_VECTOR_WORK // max(a.shape[1], 1)
    else:
        rows = BLAS_ONE_THREAD_WORK // max(a.shape[1] * w.shape[1], 1)
    rows = max(rows - 1, 1)
    if len(a) <= rows:
        return np.asarray(a @ w)
    return np.concatenate([a[i : i + rows] @ w for i in range(0, len(a), rows)])


def _check(spec: Any, path: Path) -> dict[str, Any]:
    if not isinstance(spec, dict):
        raise ModelFileError(f"{path}: not a learned-filter model (a JSON object is expected)")
    version = spec.get("version")
    if version != MODEL_VERSION:
        raise ModelFileError(
            f"{path}: model version {version!r}, but this cleaner reads version {MODEL_VERSION}"
        )
    if tuple(spec.get("features") or ()) != FEATURE_NAMES:
        raise ModelFileError(f"{path}: the model's features are not the ones this cleaner computes")
    kinds = spec.get("kinds")
    if not isinstance(kinds, dict) or not {"html", "text"} <= set(kinds):
        raise ModelFileError(f"{path}: the model must hold an 'html' and a 'text' model")
    return spec


@lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> dict[str, Model]:
    """The models in a model file (the shipped one by default), read once per process."""
    where = Path(path) if path is not None else DEFAULT_MODEL
    try:
        spec = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelFileError(f"{where}: cannot read the learned-filter model: {error}") from error
    spec = _check(spec, where)
    try:
        return {kind: Model(spec["kinds"][kind]) for kind in ("html", "text")}
    except (KeyError, TypeError, ValueError) as error:
        raise ModelFileError(f"{where}: malformed learned-filter model: {error!r}") from error


# -- the filter ---------------------------------------------------------------------------------


class LearnedFilter:
    """Scores the open blocks with the model and decides them together with the structure
    stage, which it runs itself (see the module's docstring)."""

    name = "learned"

    def __init__(
        self,
        model: str | Path | None = None,
        kinds: Sequence[str] = ("html", "text"),
        *,
        models: dict[str, Model] | None = None,
    ) -> None:
        self.models = load_model(model) if models is None else models
        self.structure = ArticleExtent()
        self.kinds = frozenset(kinds)

    @classmethod
    def from_models(cls, models: dict[str, Model]) -> LearnedFilter:
        """The filter with models already in memory (`cleaner train` decides with a model
        it has fitted, before writing it)."""
        return cls(kinds=tuple(models), models=models)

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        if not page.blocks:
            return iter(())
        if page.kind not in self.kinds:
            # The structure stage alone, its verdicts under its own name.
            for index, verdict in self.structure.apply(page):
                page.record(index, verdict, self.structure.name)
            return iter(())
        x, verdicts = page_inputs(page, self.structure)
        model = self.models[page.kind]
        p = model.probabilities(x)
        decided = self.decide(page, model, p, verdicts, x[:, _PROSE] > 0)
        for index, verdict in verdicts.items():
            if index not in decided:
                page.record(index, verdict, self.structure.name)
        return iter(decided.items())

    def decide(
        self,
        page: Page,
        model: Model,
        p: np.ndarray,
        verdicts: dict[int, Verdict],
        prose: np.ndarray,
    ) -> dict[int, Verdict]:
        """The model's own verdicts: on open blocks where it takes the decision. A prose
        block the structure stage kept needs a score at or below `drop_prose_below` to be
        dropped (a short page is rarer in training, and its last paragraphs scored low). A
        block the stage dropped as lying before the article needs `keep_edge_above` to be
        kept (one after it `keep_after_above`, and one before it but inside the element that
        holds the article's runs `keep_inside_above` (see `_Holder`); by default the same): a
        standfirst, a menu beside the article or a comment below it is where the model's keeps
        leaked most on pages unlike its training pages."""
        out: dict[int, Verdict] = {}
        if model.mode == "replace":
            for i, v in enumerate(page.verdicts):
                if v is None:
                    score = float(p[i])
                    body = score >= model.threshold
                    out[i] = _verdict(body, score)
            return out
        # "override": only confident scores that disagree with the structure stage, on open
        # blocks (found by masks: the model decides a dozen of a page's hundreds of blocks).
        open_ = _flags(map(operator.is_, page.verdicts, repeat(None)))
        dropped = np.zeros(len(open_), dtype=bool)  # by the structure stage
        dropped[np.fromiter(verdicts, np.intp, len(verdicts))] = True
        keep_idx = np.flatnonzero((p >= model.keep_above) & open_ & dropped)
        drop_idx = np.flatnonzero(
            (p <= model.drop_below) & (~prose | (p <= model.drop_prose_below)) & open_ & ~dropped
        )
        holder: _Holder | None = None
        for i in keep_idx.tolist():
            reason = verdicts[i].reason
            if reason in EDGE_REASONS and p[i] < (
                model.keep_after_above if reason == AFTER_REASON else model.keep_edge_above
            ):
                if reason == AFTER_REASON or p[i] < model.keep_inside_above:
                    continue
                if holder is None:
                    holder = _Holder(page, open_ & ~dropped)
                if not holder.holds(page.blocks[i]):
                    continue
            out[i] = _verdict(True, float(p[i]))
        for i in drop_idx.tolist():
            out[i] = _verdict(False, float(p[i]))
        if out and not _keeps_any(page, verdicts, out):
            # Never empty a page the rules and the structure stage left content on: on a page
            # of a heading and a line, every block can score low (on WCXB no page came to it).
            return {}
        return out


# Elements that hold more than the body: the page's flow (breadcrumbs, filters, menus) or a
# whole <article> (its headline, standfirst and byline). Runs held by one of these say nothing
# of what lies before them; nor does a <header> inside the holder.
_WIDE_HOLDERS = frozenset(("html", "body", "main", "article"))
_HEADER = "header"


class _Holder:
    """The element that holds the article's runs: the nearest one above both the first and
    the last block the structure stage left in (`kept`, by block index), unless that is the
    whole page or article (`_WIDE_HOLDERS`) or the page carries no elements (a text dump)."""

    def __init__(self, page: Page, kept: np.ndarray) -> None:
        self.element: int | None = None  # its mem_id
        elements = page.hints.get("elements")
        rows = np.flatnonzero(kept)
        if not elements or not len(rows):
            return
        self.elements = elements
        first, last = page.blocks[int(rows[0])].element, page.blocks[int(rows[-1])].element
        if not first or not last:
            return
        above = {node.mem_id for node in _ancestry(elements[first - 1])}
        for node in _ancestry(elements[last - 1]):
            if node.mem_id in above:
                if node.tag not in _WIDE_HOLDERS:
                    self.element = node.mem_id
                return

    def holds(self, block: Block) -> bool:
        """Whether the holder holds the block, outside any <header> within it."""
        if self.element is None or not block.element:
            return False
        for node in _ancestry(self.elements[block.element - 1]):
            if node.mem_id == self.element:
                return True
            if node.tag == _HEADER:
                return False
        return False


def _ancestry(node: Any) -> Iterator[Any]:
    """The node and the elements above it, nearest first."""
    while node is not None:
        yield node
        node = node.parent


def _keeps_any(page: Page, structure: dict[int, Verdict], learned: dict[int, Verdict]) -> bool:
    """Whether any block is kept once the learned verdicts are taken."""
    for i, earlier in enumerate(page.verdicts):
        verdict = earlier or learned.get(i) or structure.get(i)
        if verdict is None or verdict.keep:
            return True
    return False


def _verdict(body: bool, score: float) -> Verdict:
    score = round(score, 4)
    return keep("learned.body", score) if body else drop("learned.boilerplate", score)
