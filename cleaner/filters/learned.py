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
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

import numpy as np

from cleaner._exceptions import CleanerError
from cleaner._model import Verdict, drop, keep
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


def _shift(a: np.ndarray, k: int) -> np.ndarray:
    """a[i + k] at i, zero past either end."""
    out = np.zeros_like(a)
    if k > 0:
        out[:-k] = a[k:]
    elif k < 0:
        out[-k:] = a[:k]
    else:
        out[:] = a
    return out


def _window_sum(a: np.ndarray, half: int) -> np.ndarray:
    """The sum of a[i - half : i + half + 1] at each i, by cumulative sums."""
    c = np.concatenate(([0.0], np.cumsum(a)))
    n = len(a)
    idx = np.arange(n)
    return c[np.minimum(idx + half + 1, n)] - c[np.maximum(idx - half, 0)]


def _distance_back(flag: np.ndarray) -> np.ndarray:
    """How many blocks back the nearest flagged block is (0 on one; n+1 when none)."""
    n = len(flag)
    idx = np.arange(n)
    last = np.maximum.accumulate(np.where(flag, idx, -(n + 1)))
    return idx - last


# The feature matrix is written column by column into one array: a page has a few hundred
# blocks, so numpy's per-call overhead (~1 us) and Python's per-block work, not arithmetic, are
# what the features cost. Column numbers are looked up once here.
_COL = {name: i for i, name in enumerate(FEATURE_NAMES)}
_TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
_OTHER_TAG = len(TAGS)
_REGION_INDEX = {r: i for i, r in enumerate(REGIONS)}
_REASON_INDEX = {r: i for i, r in enumerate(STRUCTURE_REASONS)}
_SHIFT_SOURCES = [_COL[name] for name in SHIFTED]
_HTML_FIELDS = attrgetter("_n_words", "text", "tag", "region", "link_density", "heading", "parent")
_TEXT_FIELDS = attrgetter("_n_words", "text", "gap_before")
_SEPARATORS = ("|", "·", "•")
_COMMA, _COLON = ord(","), ord(":")
_IS_COMMA, _IS_SEPARATOR, _IS_UPPER, _IS_DIGIT, _ASK = 1, 2, 4, 8, 16
_TABLE_SIZE = 0x3000
"""Code points below this (Latin to the general punctuation, all the scripts written with
case) are classed by `_CHAR_CLASSES`; the table takes ~3.5 ms to build, once at import."""


def _char_classes() -> np.ndarray:
    """Bit flags a code point: comma, separator, upper case, digit; the last entry says that
    Python must be asked (a code point past the table)."""
    table = np.zeros(_TABLE_SIZE + 1, dtype=np.uint8)
    for code in range(_TABLE_SIZE):
        c = chr(code)
        table[code] = (
            (_IS_COMMA if c == "," else 0)
            | (_IS_SEPARATOR if c in _SEPARATORS else 0)
            | (_IS_UPPER if c.isupper() else 0)
            | (_IS_DIGIT if c.isdigit() else 0)
        )
    table[_TABLE_SIZE] = _ASK
    return table


_CHAR_CLASSES = _char_classes()
_KEEP = attrgetter("keep")
_REASON = attrgetter("reason")


def _floats(values: Iterable[float]) -> np.ndarray:
    """Numbers as a float array (through `array`, which converts a sequence several times
    faster than `np.array`)."""
    return np.frombuffer(array("d", values), dtype=float)


def _flags(values: Iterable[bool]) -> np.ndarray:
    """Booleans as a bool array, through bytes."""
    return np.frombuffer(bytes(values), dtype=np.bool_)


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
    html = page.kind == "html"
    if html:
        nws, texts, tags, regions, links, headings, parents = zip(
            *map(_HTML_FIELDS, blocks), strict=True
        )
    else:
        nws, texts, gaps = zip(*map(_TEXT_FIELDS, blocks), strict=True)
    nw = _floats(nws)
    nc = _floats(map(len, texts))
    nw1 = np.maximum(nw, 1.0)
    _own_columns(x, page, nw, nc, nw1, texts, weights)
    dropped = x[:, _COL["dropped"]]
    prose = x[:, _COL["prose"]]
    s_kept = _structure_columns(x, page, structure)
    if html:
        tag_codes = np.fromiter(map(_TAG_INDEX.get, tags, repeat(_OTHER_TAG)), np.intp, n)
        parent = np.fromiter(parents, np.int64, n)
        _dom_columns(x, tag_codes, regions, links, headings, parent)
    else:
        parent = np.zeros(n, dtype=np.int64)
        x[:, _COL["gap"]] = np.minimum(_floats(gaps), 2.0)

    sources = x[:, _SHIFT_SOURCES]
    for k in OFFSETS:
        first = _COL[f"{SHIFTED[0]}@{k:+d}"]
        cols = slice(first, first + len(SHIFTED))
        if k > 0:
            x[: max(n - k, 0), cols] = sources[k:]
        else:
            x[-k:, cols] = sources[: max(n + k, 0)]
    _context_columns(x, nw, prose, dropped, s_kept, parent)
    return x


def _own_columns(
    x: np.ndarray,
    page: Page,
    nw: np.ndarray,
    nc: np.ndarray,
    nw1: np.ndarray,
    texts: Sequence[str],
    weights: Sequence[float],
) -> None:
    """The block's own text statistics, weight and earlier verdicts."""
    n = len(texts)
    open_ = _flags(map(operator.is_, page.verdicts, repeat(None)))
    protected = np.zeros(n, dtype=bool)
    protected[~open_] = _flags(map(_KEEP, filter(None, page.verdicts)))
    dropped = ~open_ & ~protected
    w = _floats(weights)
    x[:, _COL["barrier"]] = w == BARRIER
    w = np.clip(w, *WEIGHT_RANGE)
    x[:, _COL["log_words"]] = np.log1p(nw)
    x[:, _COL["log_chars"]] = np.log1p(nc)
    x[:, _COL["chars_per_word"]] = nc / nw1 / 10.0
    x[:, _COL["weight"]] = w / 10.0
    x[:, _COL["prose"]] = (w >= 5.0) & ~dropped
    x[:, _COL["sentence"]] = w >= 1.0
    x[:, _COL["dropped"]] = dropped
    x[:, _COL["protected"]] = protected
    _character_columns(x, texts, nc, nw1)


def _character_columns(
    x: np.ndarray, texts: Sequence[str], nc: np.ndarray, nw1: np.ndarray
) -> None:
    """The tests on a block's characters, on the code points of the whole page's text at once
    through `_CHAR_CLASSES` (a string method call a block and test costs more)."""
    n = len(texts)
    chars = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _CHAR_CLASSES[np.minimum(chars, _TABLE_SIZE)]
    ends = np.cumsum(nc.astype(np.intp))
    hits = np.flatnonzero(classes & (_IS_COMMA | _IS_SEPARATOR))
    owner = np.searchsorted(ends, hits, side="right")
    kind = classes[hits]
    commas = np.bincount(owner[(kind & _IS_COMMA) > 0], minlength=n)
    x[:, _COL["commas"]] = np.minimum(commas / nw1, 1.0)
    x[:, _COL["separators"]] = np.bincount(owner[(kind & _IS_SEPARATOR) > 0], minlength=n) > 0
    rows = np.flatnonzero(nc)
    ends = ends[rows]
    x[rows, _COL["colon_end"]] = chars[ends - 1] == _COLON
    first = classes[ends - nc[rows].astype(np.intp)]
    x[rows, _COL["upper_start"]] = (first & _IS_UPPER) > 0
    x[rows, _COL["digits_start"]] = (first & _IS_DIGIT) > 0
    # Characters past the table (CJK and beyond) are asked of Python.
    for row in rows[first == _ASK].tolist():
        x[row, _COL["upper_start"]] = texts[row][0].isupper()
        x[row, _COL["digits_start"]] = texts[row][0].isdigit()


def _structure_columns(x: np.ndarray, page: Page, structure: dict[int, Verdict]) -> np.ndarray:
    """The structure stage's reason as one-hot columns, and `s_kept`: open and left in by it
    (a block with a reason has exactly one column set, so this is one minus their sum)."""
    first = _COL[f"s_{STRUCTURE_REASONS[0].split('.')[1]}"]
    rows = np.fromiter(structure, np.intp, len(structure))
    reasons = map(_REASON, structure.values())
    cols = np.fromiter(map(_REASON_INDEX.get, reasons, repeat(0)), np.intp, len(structure))
    x[rows, first + cols] = 1.0
    s_kept = x[:, _COL["s_kept"]]
    s_kept[:] = _flags(map(operator.is_, page.verdicts, repeat(None)))
    s_kept[rows] = 0.0
    return s_kept


def _dom_columns(
    x: np.ndarray,
    tag_codes: np.ndarray,
    regions: Sequence[str],
    links: Sequence[float],
    headings: Sequence[int],
    parent: np.ndarray,
) -> None:
    """An HTML block's tag (a heading's own column says it), region, links and parent."""
    n = len(tag_codes)
    heading = np.fromiter(headings, np.int64, n) > 0
    x[:, _COL["heading"]] = heading
    x[:, _COL["link_density"]] = _floats(links)
    rows = np.flatnonzero(~heading)
    x[rows, _COL[f"tag_{TAGS[0]}"] + tag_codes[rows]] = 1.0
    region = np.fromiter(map(_REGION_INDEX.get, regions, repeat(-1)), np.intp, n)
    rows = np.flatnonzero(region >= 0)
    x[rows, _COL[f"region_{REGIONS[0]}"] + region[rows]] = 1.0
    # Neighbours share a parent (a parent of 0 is none) or a tag code; past either end the
    # neighbour's parent and tag code read as 0.
    same = (parent[1:] == parent[:-1]) & (parent[1:] > 0)
    x[1:, _COL["same_parent_prev"]] = same
    x[:-1, _COL["same_parent_next"]] = same
    same = tag_codes[1:] == tag_codes[:-1]
    x[1:, _COL["same_tag_prev"]] = same
    x[:-1, _COL["same_tag_next"]] = same
    x[0, _COL["same_tag_prev"]] = tag_codes[0] == 0
    x[-1, _COL["same_tag_next"]] = tag_codes[-1] == 0


def _context_columns(
    x: np.ndarray,
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
    prose_sums = np.concatenate(([0.0], np.cumsum(prose_words)))
    dropped_sums = np.concatenate(([0.0], np.cumsum(dropped)))
    for h in WINDOWS:
        hi, lo = np.minimum(ar + h + 1, n), np.maximum(ar - h, 0)
        x[:, _COL[f"prose_words_pm{h}"]] = (prose_sums[hi] - prose_sums[lo]) / total_prose
        x[:, _COL[f"dropped_pm{h}"]] = (dropped_sums[hi] - dropped_sums[lo]) / (2 * h + 1)
    x[:, _COL["position"]] = ar / max(n - 1, 1)
    x[:, _COL["words_before"]] = (np.cumsum(nw) - nw) / total_words
    kept_flag = s_kept > 0
    back = _distance_back(kept_flag)
    ahead = _distance_back(kept_flag[::-1])[::-1]
    x[:, _COL["log_dist_kept_back"]] = np.log1p(np.minimum(back, n + 1))
    x[:, _COL["log_dist_kept_ahead"]] = np.log1p(np.minimum(ahead, n + 1))
    group_prose = np.bincount(parent, weights=prose_words)
    group_blocks = np.bincount(parent)
    group_kept = np.bincount(parent, weights=s_kept * nw)
    group_words = np.bincount(parent, weights=nw)
    x[:, _COL["parent_prose_share"]] = group_prose[parent] / total_prose
    x[:, _COL["parent_log_blocks"]] = np.log1p(group_blocks[parent])
    x[:, _COL["parent_kept_share"]] = group_kept[parent] / np.maximum(group_words[parent], 1.0)
    open_words = float((nw * (1.0 - dropped)).sum())
    x[:, _COL["page_log_words"]] = np.log1p(total_words)
    x[:, _COL["page_log_blocks"]] = np.log1p(n)
    x[:, _COL["page_kept_share"]] = float((nw * s_kept).sum()) / max(open_words, 1.0)
    x[:, _COL["page_dropped_share"]] = float((nw * dropped).sum()) / total_words


def context_features(z: np.ndarray, parent: np.ndarray | None = None) -> np.ndarray:
    """The context model's inputs from the block model's scores `z` (logits) of a page."""
    p = 1.0 / (1.0 + np.exp(-z))
    cols = [z, *(_shift(z, k) for k in CONTEXT_OFFSETS)]
    n = len(z)
    for h in CONTEXT_WINDOWS:
        counts = _window_sum(np.ones(n), h)
        cols.append(_window_sum(p, h) / counts)
    return np.column_stack(cols)


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
        block the stage dropped as lying before or after the article needs `keep_edge_above`
        to be kept: a standfirst, a menu beside the article or a comment below it is where the
        model's keeps leaked most on pages unlike its training pages."""
        out: dict[int, Verdict] = {}
        if model.mode == "replace":
            for i, v in enumerate(page.verdicts):
                if v is None:
                    score = float(p[i])
                    body = score >= model.threshold
                    out[i] = _verdict(body, score)
            return out
        # "override": only confident scores that disagree with the structure stage.
        keep_idx = np.flatnonzero(p >= model.keep_above)
        drop_idx = np.flatnonzero(
            (p <= model.drop_below) & (~prose | (p <= model.drop_prose_below))
        )
        for i in keep_idx.tolist():
            if page.verdicts[i] is None and i in verdicts:
                if verdicts[i].reason in EDGE_REASONS and p[i] < model.keep_edge_above:
                    continue
                out[i] = _verdict(True, float(p[i]))
        for i in drop_idx.tolist():
            if page.verdicts[i] is None and i not in verdicts:
                out[i] = _verdict(False, float(p[i]))
        if out and not _keeps_any(page, verdicts, out):
            # Never empty a page the rules and the structure stage left content on: on a page
            # of a heading and a line, every block can score low (on WCXB no page came to it).
            return {}
        return out


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
