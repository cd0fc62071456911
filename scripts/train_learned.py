"""Train the learned filter (cleaner/filters/learned.py) on the WCXB train split.

Steps, each cached under --work (default /tmp/cleaner-learn):

1. collect: every train page is cleaned by the rules-only pipeline (HTML, and the text dumps
   rendered by scripts/render_text_dumps.py in the styles innertext and lines); in place of
   the structure stage a recorder keeps the features the learned filter would see, what the
   earlier filters decided, and the structure stage's verdicts.
2. label: each block is body when most of its words are covered by a word trigram of the gold
   body (a word counts as covered when one of the three trigrams through it, read across block
   boundaries, occurs in the gold). Reading across boundaries lets a one-word heading inside
   the body count as body while a one-word menu item does not. The label quality is reported
   as the word F1 of an oracle that keeps exactly the positive blocks. The recorder, the
   labelling, the training rows and the model file's format are `cleaner.training`'s, which
   `cleaner train` uses too.
3. cv: 5 folds grouped by site, within the train split only (the held-out split is never
   read): block model and context model fitted on four folds, scored on the fifth; decision
   variants compared by mean word F1 against the rules-only pipeline.
4. fit: the chosen models fitted on the whole train split with a fixed seed and written to
   cleaner/models/learned.json.

Needs scikit-learn and scipy for training only; the package's inference needs numpy alone (and
so does `cleaner train`, which fits the same network with numpy: cleaner/training/network.py).

Usage: python scripts/train_learned.py [collect|cv|fit|all] [--work DIR] [--limit N]
           [--block lr|mlp] [--out cleaner/models/learned.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import _wcxb  # noqa: E402
import render_text_dumps  # noqa: E402

from cleaner.evaluate.scores import aggregate_shingle, shingle_prf  # noqa: E402
from cleaner.evaluate.scores import word_tokens as tokens  # noqa: E402
from cleaner.filters.learned import EDGE_REASONS, FEATURE_NAMES, context_features  # noqa: E402
from cleaner.training.labels import (  # noqa: E402
    LABEL_MIN_COVERED,
    FeatureRecorder,
    Weighting,
    candidates,
    coverage,
)
from cleaner.training.labels import training_rows as page_rows  # noqa: E402
from cleaner.training.modelfile import kind_spec, model_text, rounded  # noqa: E402

VIEWS = ("html", "innertext", "lines")
SEED = 20261122
FOLDS = 5
DECISIONS: dict[str, dict[str, Any]] = {
    # Chosen on the 5-fold site-grouped CV of the train split (MLP block model, no context
    # model): the best override thresholds of the grids below; a structure-kept prose block
    # needs 0.1 to be dropped (CV cost <= 0.0001, and a short page keeps its last paragraphs).
    # HTML's `keep_edge_above` is the lowest (best by CV) of 0.8-0.97 at which the fixture
    # pages (fixtures/html) leak no more must-not-have snippets than the rules-only pipeline
    # (0.140 against 0.144; 0.158 at 0.9, 0.223 without it). CV word F1 (2026-11-23):
    # rules-only 0.8338, keep 0.6 / drop 0.2 alone 0.8442, with the edge rule 0.8406.
    # `keep_after_above`: a block the stage put after the article needs 0.65, not 0.93 (CV
    # on today's rules, 2026-11-23: 0.8470 -> 0.8491, 4 of 5 folds better, one -0.0002; 0.6
    # scores the same with more pages worse than better; 0.8 0.8482, 0.9 0.8472), and no
    # fixture page leaks more must-not-have snippets. Exceptions to 0.93 for long prose
    # blocks at either edge gained at most 0.0011 and leaked the fixtures' standfirsts; lower
    # bars for headings or short blocks before the article leaked too.
    "html": {
        "mode": "override",
        "keep_above": 0.6,
        "drop_below": 0.2,
        "drop_prose_below": 0.1,
        "keep_edge_above": 0.93,
        "keep_after_above": 0.65,
        # A block before the article inside the element holding its runs (not <main>,
        # <article> or the page, and not in a <header>): 0.6. Chosen outside this script, as
        # its rows carry no DOM: CV of this script's out-of-fold scores with that test added,
        # 0.8491 -> 0.8507, 5 of 5 folds up (0.7: 0.8506; the 0.93 bar lowered for every
        # block before the article: 0.8502 at best, one fold down). See the README.
        "keep_inside_above": 0.6,
    },
    "text": {"mode": "override", "keep_above": 0.7, "drop_below": 0.3, "drop_prose_below": 0.1},
}
MAX_ROWS = 250_000
"""Training rows per fit, sampled with the fixed seed when there are more (the text dumps of
both styles give ~600k): keeps a network's fit to a few minutes on two cores."""
LABEL_GRID = (0.3, 0.5, 0.7)
MODEL_OUT = REPO / "cleaner" / "models" / "learned.json"


# -- collect ----------------------------------------------------------------------------------


@dataclass
class PageData:
    id: str
    site: str
    page_type: str
    view: str
    texts: list[str]
    x: np.ndarray  # float32 features
    before: np.ndarray  # 0 open, 1 dropped by an earlier filter, 2 kept (protected)
    s_kept: np.ndarray  # open and left in by the structure stage
    gold: str
    coverage: np.ndarray  # share of the block's words covered by gold trigrams


def view_text(page: _wcxb.Page, view: str) -> str:
    if view == "html":
        return page.read_html()
    return (render_text_dumps.DEFAULT_OUT / view / f"{page.id}.txt").read_text(encoding="utf-8")


def collect(view: str, pages: Sequence[_wcxb.Page]) -> list[PageData]:
    recorder = FeatureRecorder()
    kind = "html" if view == "html" else "text"
    out = []
    for page in pages:
        _, rec = recorder.record(view_text(page, view), kind=kind, url=page.url)
        if rec is None:
            continue
        out.append(
            PageData(
                page.id, _wcxb.site_of(page.url), page.page_type, view, rec.texts,
                rec.x.astype(np.float32), rec.before, rec.s_kept, page.body,
                coverage(rec.texts, page.body),
            )
        )  # fmt: skip
    return out


def load_or_collect(work: Path, view: str, limit: int | None) -> list[PageData]:
    path = work / f"{view}{'' if limit is None else f'-{limit}'}.pkl"
    if path.exists():
        with path.open("rb") as f:
            data: list[PageData] = pickle.load(f)
        if data and data[0].x.shape[1] == len(FEATURE_NAMES):
            return data
    pages = _wcxb.load_pages("train")[:limit]
    started = time.perf_counter()
    data = collect(view, pages)
    print(f"collected {view}: {len(data)} pages in {time.perf_counter() - started:.0f} s")
    work.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump(data, f)
    return data


# -- scoring many decisions fast ----------------------------------------------------------------


class Scorer:
    """Word F1 of a page for any set of kept blocks: block-by-word count matrices against the
    gold bag, as `cleaner.evaluate.scores.word_f1` computes it (\\w+ tokens, lower case)."""

    def __init__(self, data: Sequence[PageData]) -> None:
        self.mats: list[sparse.csr_matrix] = []
        self.golds: list[np.ndarray] = []
        for d in data:
            vocab: dict[str, int] = {}
            rows, cols = [], []
            for i, text in enumerate(d.texts):
                for tok in tokens(text):
                    rows.append(i)
                    cols.append(vocab.setdefault(tok, len(vocab)))
            gold_ids = [vocab.setdefault(tok, len(vocab)) for tok in tokens(d.gold)]
            m = sparse.csr_matrix(
                (np.ones(len(rows)), (rows, cols)), shape=(len(d.texts), len(vocab))
            )
            self.mats.append(m)
            self.golds.append(np.bincount(gold_ids, minlength=len(vocab)).astype(float))

    def f1(self, k: int, kept: np.ndarray) -> float:
        pred = self.mats[k].T @ kept.astype(float)
        gold = self.golds[k]
        p_total, g_total = pred.sum(), gold.sum()
        if p_total == 0 and g_total == 0:
            return 1.0
        if p_total == 0 or g_total == 0:
            return 0.0
        overlap = np.minimum(pred, gold).sum()
        if overlap == 0:
            return 0.0
        precision, recall = overlap / p_total, overlap / g_total
        return float(2 * precision * recall / (precision + recall))


def rules_kept(d: PageData) -> np.ndarray:
    return (d.before == 2) | d.s_kept


def oracle_kept(d: PageData, open_only: bool, least: float = LABEL_MIN_COVERED) -> np.ndarray:
    positive = d.coverage >= least
    if open_only:
        return (d.before == 2) | ((d.before == 0) & positive)
    return positive


# -- models -----------------------------------------------------------------------------------


def training_rows(
    data: Sequence[PageData], weighting: Weighting
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return page_rows(data, weighting, max_rows=MAX_ROWS, seed=SEED)


@dataclass
class Fitted:
    mean: np.ndarray
    scale: np.ndarray
    layers: list[tuple[np.ndarray, np.ndarray]]
    ctx_mean: np.ndarray | None = None
    ctx_scale: np.ndarray | None = None
    ctx_w: np.ndarray | None = None
    ctx_b: float = 0.0

    def block_logits(self, x: np.ndarray) -> np.ndarray:
        h = (x - self.mean) / self.scale
        for k, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return h[:, 0]

    def probabilities(self, x: np.ndarray, context: bool = True) -> np.ndarray:
        z = self.block_logits(x)
        if context and self.ctx_w is not None:
            c = context_features(z)
            z = ((c - self.ctx_mean) / self.ctx_scale) @ self.ctx_w + self.ctx_b
        return 1.0 / (1.0 + np.exp(-z))


def fit_block(x: np.ndarray, y: np.ndarray, w: np.ndarray, kind: str) -> Fitted:
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    if kind == "lr":
        lr = LogisticRegression(C=1.0, max_iter=2000)
        lr.fit(z, y, sample_weight=w)
        layers = [(lr.coef_.T.copy(), lr.intercept_.copy())]
    else:
        mlp = MLPClassifier(
            hidden_layer_sizes=(32,), alpha=1e-3, max_iter=60, random_state=SEED,
            early_stopping=False, batch_size=512,
        )  # fmt: skip
        mlp.fit(z, y, sample_weight=w)
        layers = [(c.copy(), b.copy()) for c, b in zip(mlp.coefs_, mlp.intercepts_, strict=True)]
    return Fitted(mean, scale, layers)


def fit_context(model: Fitted, data: Sequence[PageData], oof: list[np.ndarray]) -> None:
    """The context model on out-of-fold block logits (`oof`, one array a page)."""
    from sklearn.linear_model import LogisticRegression

    cs, ys = [], []
    for d, z in zip(data, oof, strict=True):
        rows = candidates(d)
        if not rows.any():
            continue
        cs.append(context_features(z)[rows])
        ys.append(d.coverage[rows] >= LABEL_MIN_COVERED)
    c = np.concatenate(cs)
    y = np.concatenate(ys)
    mean, scale = c.mean(axis=0), c.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=1.0, max_iter=2000)
    lr.fit((c - mean) / scale, y)
    model.ctx_mean, model.ctx_scale = mean, scale
    model.ctx_w, model.ctx_b = lr.coef_[0].copy(), float(lr.intercept_[0])


def site_folds(data: Sequence[PageData], k: int = FOLDS) -> np.ndarray:
    """A fold number per page, grouped by site, stable across runs and views (site hash)."""
    return np.array([int(hashlib.sha1(d.site.encode()).hexdigest()[8:16], 16) % k for d in data])


def fit_full(
    data: Sequence[PageData], block: str, weighting: str, context: bool, inner: int = 3
) -> Fitted:
    """Block model on all `data`; with `context`, the context model on inner out-of-fold
    block logits."""
    x, y, w = training_rows(data, weighting)
    model = fit_block(x, y, w, block)
    if not context:
        return model
    folds = site_folds(data, inner)
    oof: list[np.ndarray] = [np.empty(0)] * len(data)
    for f in range(inner):
        part = [d for d, g in zip(data, folds, strict=True) if g != f]
        m = fit_block(*training_rows(part, weighting), block)
        for i, d in enumerate(data):
            if folds[i] == f:
                oof[i] = m.block_logits(d.x.astype(float))
    fit_context(model, data, oof)
    return model


def cross_validate(
    data: Sequence[PageData], block: str, weighting: str, context: bool
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per page, out-of-fold probabilities (block model alone, and with context)."""
    folds = site_folds(data)
    out: list[tuple[np.ndarray, np.ndarray]] = [(np.empty(0), np.empty(0))] * len(data)
    for f in range(FOLDS):
        train = [d for d, g in zip(data, folds, strict=True) if g != f]
        model = fit_full(train, block, weighting, context)
        for i, d in enumerate(data):
            if folds[i] == f:
                xf = d.x.astype(float)
                out[i] = (model.probabilities(xf, context=False), model.probabilities(xf))
    return out


# -- decisions --------------------------------------------------------------------------------


def decide(
    d: PageData,
    p: np.ndarray,
    mode: str,
    a: float,
    b: float = 0.0,
    prose_b: float | None = None,
    edge_a: float | None = None,
    after_a: float | None = None,
) -> np.ndarray:
    """Kept blocks. "replace": open blocks with p >= a. "override": the structure stage's
    decision unless p >= a (keep; `edge_a` for a block the stage put before or after the
    article, `after_a` for one after it, by default `edge_a`) or p <= b (drop; `prose_b` for
    a prose block), as `LearnedFilter.decide`."""
    open_ = d.before == 0
    if mode == "replace":
        return (d.before == 2) | (open_ & (p >= a))
    keep_at = np.full(len(p), a)
    if edge_a is not None:
        edge = np.zeros(len(p), dtype=bool)
        for reason in EDGE_REASONS:
            edge |= d.x[:, FEATURE_NAMES.index(f"s_{reason.split('.')[1]}")] > 0
        keep_at[edge] = max(a, edge_a)
        if after_a is not None:
            after = d.x[:, FEATURE_NAMES.index("s_after-article")] > 0
            keep_at[after] = max(a, after_a)
    drop_at = np.full(len(p), b)
    if prose_b is not None:
        drop_at[d.x[:, FEATURE_NAMES.index("prose")] > 0] = min(b, prose_b)
    kept = d.s_kept.copy()
    kept |= open_ & (p >= keep_at)
    kept &= ~(open_ & (p <= drop_at))
    return (d.before == 2) | kept


def mean_f1(scorer: Scorer, kepts: Sequence[np.ndarray], idx: Sequence[int] | None = None) -> float:
    idx = range(len(kepts)) if idx is None else idx
    vals = [scorer.f1(k, kepts[k]) for k in idx]
    return float(np.mean(vals)) if vals else 0.0


REPLACE_GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
KEEP_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
DROP_GRID = (-0.01, 0.1, 0.2, 0.3, 0.4, 0.5)


def best_decision(
    data: Sequence[PageData], scorer: Scorer, probs: Sequence[np.ndarray]
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    rep = {
        t: mean_f1(scorer, [decide(d, p, "replace", t) for d, p in zip(data, probs, strict=True)])
        for t in REPLACE_GRID
    }
    t_best = max(rep, key=lambda t: rep[t])
    results["replace"] = {"threshold": t_best, "f1": rep[t_best], "grid": rep}
    ovr = {}
    for a in KEEP_GRID:
        for b in DROP_GRID:
            if b >= a:
                continue
            kepts = [decide(d, p, "override", a, b) for d, p in zip(data, probs, strict=True)]
            ovr[(a, b)] = mean_f1(scorer, kepts)
    a_best, b_best = max(ovr, key=lambda k: ovr[k])
    results["override"] = {
        "keep_above": a_best, "drop_below": b_best, "f1": ovr[(a_best, b_best)],
    }  # fmt: skip
    return results


# -- reporting --------------------------------------------------------------------------------

PAGE_TYPES = ("article", "service", "product", "collection", "forum", "listing", "documentation")


def per_type(data: Sequence[PageData], scorer: Scorer, systems: dict[str, list[np.ndarray]]) -> str:
    names = list(systems)
    rows = [
        "| page type | pages | "
        + " | ".join(f"{n} word F1 | {n} shingle F1" for n in names)
        + " |",
        "|---|---|" + "---|---|" * len(names),
    ]
    groups = [("all", list(range(len(data))))]
    groups += [(t, [i for i, d in enumerate(data) if d.page_type == t]) for t in PAGE_TYPES]
    for name, idx in groups:
        if not idx:
            continue
        cells = []
        for n in names:
            f1 = mean_f1(scorer, systems[n], idx)
            sh = aggregate_shingle([shingle_of(data[i], systems[n][i]) for i in idx]).f1
            cells.append(f"{f1:.3f} | {sh:.3f}")
        rows.append(f"| {name} | {len(idx)} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def shingle_of(d: PageData, kept: np.ndarray) -> Any:
    text = "\n\n".join(t for t, k in zip(d.texts, kept, strict=True) if k)
    return shingle_prf(text, d.gold)


def label_report(data: Sequence[PageData], scorer: Scorer) -> str:
    rules = mean_f1(scorer, [rules_kept(d) for d in data])
    oracle_all = mean_f1(scorer, [oracle_kept(d, False) for d in data])
    oracle_open = mean_f1(scorer, [oracle_kept(d, True) for d in data])
    others = " ".join(
        f"{t}: {mean_f1(scorer, [oracle_kept(d, False, t) for d in data]):.4f}" for t in LABEL_GRID
    )
    return (
        f"rules-only {rules:.4f} | label oracle (all blocks) {oracle_all:.4f} | "
        f"label oracle (open blocks, rule drops stand) {oracle_open:.4f} | "
        f"oracle (all blocks) by coverage threshold {others}"
    )


# -- the model file ---------------------------------------------------------------------------


def spec_of(model: Fitted, decision: dict[str, Any]) -> dict[str, Any]:
    context = None
    if model.ctx_w is not None and model.ctx_mean is not None and model.ctx_scale is not None:
        context = {
            "mean": rounded(model.ctx_mean),
            "scale": rounded(model.ctx_scale),
            "w": rounded(model.ctx_w),
            "b": round(model.ctx_b, 6),
        }
    return kind_spec(model.mean, model.scale, model.layers, decision, context)


def write_model(path: Path, kinds: dict[str, dict[str, Any]], notes: dict[str, Any]) -> None:
    trained_on = "WCXB wcxb-dev train split (scripts/_wcxb.py), scripts/train_learned.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        model_text(kinds, trained_on=trained_on, seed=SEED, notes=notes), encoding="utf-8"
    )
    print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} kB)")


# -- command line -----------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("step", choices=["collect", "labels", "cv", "fit", "all"], default="all")
    parser.add_argument("--work", type=Path, default=Path("/tmp/cleaner-learn"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--views", default=",".join(VIEWS))
    parser.add_argument("--block", choices=["lr", "mlp"], default="mlp")
    parser.add_argument("--context", action="store_true", help="add the context model")
    parser.add_argument("--weighting", choices=["words", "sqrt", "blocks"], default="sqrt")
    parser.add_argument("--out", type=Path, default=MODEL_OUT)
    parser.add_argument("--decision", type=Path, help="JSON of the decision per kind (fit)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    np.random.seed(SEED)
    views = args.views.split(",")
    data = {v: load_or_collect(args.work, v, args.limit) for v in views}
    if args.step == "collect":
        return 0
    scorers = {v: Scorer(data[v]) for v in views}
    for v in views:
        print(f"labels {v}: {label_report(data[v], scorers[v])}")
    if args.step == "labels":
        return 0
    kinds = {"html": [v for v in views if v == "html"], "text": [v for v in views if v != "html"]}
    if args.step in ("cv", "all"):
        for kind, kviews in kinds.items():
            if not kviews:
                continue
            pooled = [d for v in kviews for d in data[v]]
            started = time.perf_counter()
            probs = cross_validate(pooled, args.block, args.weighting, args.context)
            print(f"\n### {kind}: CV ({args.block}, {args.weighting}) "
                  f"{time.perf_counter() - started:.0f} s")  # fmt: skip
            offset = 0
            for v in kviews:
                n = len(data[v])
                pv = probs[offset : offset + n]
                offset += n
                sc = scorers[v]
                rules = mean_f1(sc, [rules_kept(d) for d in data[v]])
                for label, which in (("block model", 0), ("with context", 1)):
                    best = best_decision(data[v], sc, [p[which] for p in pv])
                    print(f"{v} {label}: rules-only {rules:.4f} | replace {best['replace']}"
                          f" | override {best['override']}")  # fmt: skip
                shipped = DECISIONS[kind]
                variants = {"shipped decision": shipped}
                if "keep_after_above" in shipped:
                    before_only = {k: x for k, x in shipped.items() if k != "keep_after_above"}
                    variants["edge rule on both sides"] = before_only
                    for after_a in (0.6, 0.7, 0.8, 0.9):
                        variants[f"keep_after_above {after_a}"] = shipped | {
                            "keep_after_above": after_a
                        }
                for name, decision in variants.items():
                    kepts = [
                        decide(d, p[0], decision["mode"], decision["keep_above"],
                               decision["drop_below"], decision.get("drop_prose_below"),
                               decision.get("keep_edge_above"), decision.get("keep_after_above"))
                        for d, p in zip(data[v], pv, strict=True)
                    ]  # fmt: skip
                    folds = site_folds(data[v])
                    per_fold = " ".join(
                        f"{mean_f1(sc, kepts, np.flatnonzero(folds == f).tolist()):.4f}"
                        for f in range(FOLDS)
                    )
                    print(f"{v} block model, {name} {decision}: {mean_f1(sc, kepts):.4f} "
                          f"(folds {per_fold})")  # fmt: skip
                (args.work / f"cv-{v}-{args.block}-{args.weighting}.pkl").write_bytes(
                    pickle.dumps(pv)
                )
    if args.step in ("fit", "all"):
        decisions = json.loads(args.decision.read_text()) if args.decision else {}
        specs = {}
        for kind, kviews in kinds.items():
            pooled = [d for v in kviews for d in data[v]]
            model = fit_full(pooled, args.block, args.weighting, args.context)
            decision = decisions.get(kind, DECISIONS[kind])
            specs[kind] = spec_of(model, decision)
        notes = {
            "block": args.block, "weighting": args.weighting, "context": args.context,
            "views": views,
        }  # fmt: skip
        write_model(args.out, specs, notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
