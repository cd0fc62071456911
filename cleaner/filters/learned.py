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
from collections.abc import Iterator, Sequence
from functools import lru_cache
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
# Block tags with a column of their own; the rest share "tag_other". Headings have theirs.
TAGS = ("p", "li", "div", "td", "th", "dd", "dt", "pre", "blockquote", "span", "a", "section")
# Regions that the page-regions filter leaves open ("" is the page's main flow).
REGIONS = ("main", "header", "aside")
# The neighbour offsets whose features a block sees, and the half-widths of the windows over
# which prose words (block model) and scores (context model) are averaged.
OFFSETS = (-2, -1, 1, 2)
WINDOWS = (3, 10)
CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
CONTEXT_WINDOWS = (2, 5, 15)
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
    shifted = ("log_words", "prose", "dropped", "s_kept", "link_density", "weight")
    neighbours = [f"{name}@{k:+d}" for k in OFFSETS for name in shifted]
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


def page_features(
    page: Page, weights: Sequence[float], structure: dict[int, Verdict]
) -> np.ndarray:
    """The feature matrix of a page's blocks, one row a block, columns `FEATURE_NAMES`.

    `weights` are the structure stage's `block_weights(page)` and `structure` its verdicts by
    block index.
    """
    blocks = page.blocks
    n = len(blocks)
    texts = [b.text for b in blocks]
    nw = np.array([b.n_words for b in blocks], dtype=float)
    nc = np.array([len(t) for t in texts], dtype=float)
    w = np.array(weights, dtype=float)
    verdicts = page.verdicts
    dropped = np.array([v is not None and not v.keep for v in verdicts], dtype=float)
    protected = np.array([v is not None and v.keep for v in verdicts], dtype=float)
    barrier = (w == BARRIER).astype(float)
    w = np.clip(w, *WEIGHT_RANGE)
    prose = (w >= 5.0).astype(float) * (1.0 - dropped)
    sentence = (w >= 1.0).astype(float)
    reasons = {r: i for i, r in enumerate(STRUCTURE_REASONS)}
    s = np.zeros((n, len(STRUCTURE_REASONS) + 1))
    for i, verdict in structure.items():
        s[i, reasons.get(verdict.reason, 0)] = 1.0
    s[:, -1] = (1.0 - s[:, :-1].sum(axis=1)) * (1.0 - dropped) * (1.0 - protected)
    s_kept = s[:, -1]

    html = page.kind == "html"
    tag_cols = np.zeros((n, len(TAGS) + 1))
    region_cols = np.zeros((n, len(REGIONS)))
    if html:
        tag_index = {t: i for i, t in enumerate(TAGS)}
        other = len(TAGS)
        tags = [b.tag for b in blocks]
        tag_cols[np.arange(n), [tag_index.get(t, other) for t in tags]] = 1.0
        region_index = {r: i for i, r in enumerate(REGIONS)}
        for i, b in enumerate(blocks):
            r = region_index.get(b.region)
            if r is not None:
                region_cols[i, r] = 1.0
        links = np.array([b.link_density for b in blocks], dtype=float)
        heading = np.array([b.heading > 0 for b in blocks], dtype=float)
        parent = np.array([b.parent for b in blocks], dtype=np.int64)
        tag_codes = np.array([tag_index.get(t, other) for t in tags])
        tag_cols[heading > 0] = 0.0  # a heading's own column says it
        gap = np.zeros(n)
    else:
        links = np.zeros(n)
        heading = np.zeros(n)
        parent = np.zeros(n, dtype=np.int64)
        tag_codes = np.zeros(n, dtype=np.int64)
        gap = np.minimum(np.array([b.gap_before for b in blocks], dtype=float), 2.0)

    upper = np.array([t[:1].isupper() for t in texts], dtype=float)
    commas = np.array([t.count(",") for t in texts], dtype=float) / np.maximum(nw, 1.0)
    colon = np.array([t.endswith(":") for t in texts], dtype=float)
    seps = np.array([("|" in t) or ("·" in t) or ("•" in t) for t in texts], dtype=float)
    digits = np.array([t[:1].isdigit() for t in texts], dtype=float)
    log_words = np.log1p(nw)
    own = np.column_stack(
        [
            log_words, np.log1p(nc), nc / np.maximum(nw, 1.0) / 10.0, w / 10.0, prose,
            sentence, dropped, protected, barrier, links, heading, tag_cols, region_cols,
            gap, upper, np.minimum(commas, 1.0), colon, seps, digits, s,
        ]
    )  # fmt: skip

    shifted = (log_words, prose, dropped, s_kept, links, w / 10.0)
    neighbours = [_shift(a, k) for k in OFFSETS for a in shifted]

    open_ = 1.0 - dropped
    prose_words = prose * np.minimum(nw, 40.0)
    total_prose = max(float(prose_words.sum()), 1.0)
    total_words = max(float(nw.sum()), 1.0)
    cum_words = np.cumsum(nw) - nw
    idx = np.arange(n, dtype=float)
    kept_flag = s_kept > 0
    back = _distance_back(kept_flag)
    ahead = _distance_back(kept_flag[::-1])[::-1]
    group_prose = np.bincount(parent, weights=prose_words)
    group_blocks = np.bincount(parent)
    group_kept = np.bincount(parent, weights=s_kept * nw)
    group_words = np.bincount(parent, weights=nw)
    open_words = float((nw * open_).sum())
    context = [
        *(_window_sum(prose_words, h) / total_prose for h in WINDOWS),
        *(_window_sum(dropped, h) / (2 * h + 1) for h in WINDOWS),
        idx / max(n - 1, 1),
        cum_words / total_words,
        np.log1p(np.minimum(back, n + 1)),
        np.log1p(np.minimum(ahead, n + 1)),
        group_prose[parent] / total_prose,
        np.log1p(group_blocks[parent]),
        group_kept[parent] / np.maximum(group_words[parent], 1.0),
        (parent == _shift(parent, -1)) * (parent > 0),
        (parent == _shift(parent, 1)) * (parent > 0),
        (tag_codes == _shift(tag_codes, -1)) * html,
        (tag_codes == _shift(tag_codes, 1)) * html,
        np.full(n, np.log1p(total_words)),
        np.full(n, np.log1p(n)),
        np.full(n, float((nw * s_kept).sum()) / max(open_words, 1.0)),
        np.full(n, float((nw * dropped).sum()) / total_words),
    ]
    return np.column_stack([own, *neighbours, *context]).astype(float)


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
        self.threshold = float(spec.get("threshold", 0.5))

    def block_logits(self, x: np.ndarray) -> np.ndarray:
        h = (x - self.mean) / self.scale
        for k, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return np.asarray(h[:, 0])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = self.block_logits(x)
        if self.context:
            c = context_features(z)
            z = ((c - self.ctx_mean) / self.ctx_scale) @ self.ctx_w + self.ctx_b
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


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

    def __init__(self, model: str | Path | None = None) -> None:
        self.models = load_model(model)
        self.structure = ArticleExtent()

    def apply(self, page: Page) -> Iterator[tuple[int, Verdict]]:
        if not page.blocks:
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
        dropped (a short page is rarer in training, and its last paragraphs scored low)."""
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
                out[i] = _verdict(True, float(p[i]))
        for i in drop_idx.tolist():
            if page.verdicts[i] is None and i not in verdicts:
                out[i] = _verdict(False, float(p[i]))
        return out


def _verdict(body: bool, score: float) -> Verdict:
    score = round(score, 4)
    return keep("learned.body", score) if body else drop("learned.boilerplate", score)
