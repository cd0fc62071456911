"""Measure `cleaner train` on WCXB: fine-tuning a model against training one from scratch.

A user's labelled pages are stood in for by WCXB pages (their gold body is the expected
body), and the trained models are scored by mean word F1 on pages of other sites, beside the
rules-only pipeline and the model trained on (fine-tuned from):

- `--protocol heldout` (the report): the user's pages are drawn from the train split, the
  base is the shipped model, and the scores are on the held-out split, whose sites neither
  the shipped model nor the user's pages have seen.
- `--protocol train` (calibration, train split only): the train split's sites are hashed
  into three pools; a base model is fitted from scratch on the first (60% of the sites), the
  user's pages come from the second (20%), the scores from the third (20%). The shipped model
  cannot be the base here: it was fitted on all three pools.

`--page-type T` keeps only pages of one type (a user whose pages are all products, say), for
the user's pages and the scored ones alike. `--grid` adds fine-tuning and from-scratch runs
over a few epochs and L2 strengths. Models and the per-run table go to --work.

Usage: python scripts/measure_train.py [--protocol heldout|train] [--view html|innertext|lines]
           [--user-pages 100] [--score-pages N] [--page-type T] [--grid] [--work DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import _wcxb  # noqa: E402
import render_text_dumps  # noqa: E402

from cleaner.filters.learned import DEFAULT_MODEL, load_model  # noqa: E402
from cleaner.training import LabelledPage, TrainOptions  # noqa: E402
from cleaner.training.run import RecordedPage, page_f1, record_pages, train_recorded  # noqa: E402

POOL_SALT = "measure-train"
POOLS = 5  # hash buckets of the train split's sites: 0-2 base, 3 user, 4 scored
BASE_POOLS, USER_POOL, SCORE_POOL = (0, 1, 2), 3, 4
BASE_EPOCHS = 30
"""Epochs of the stand-in base model (train protocol): ~500 pages, fitted in about a minute."""
# (epochs, L2 strength, learning rate) of fine-tuning runs, and epochs of from-scratch runs.
GRID_FINE_TUNE = (
    (10, 1e-2, 3e-4), (10, 1e-3, 3e-4), (10, 1e-4, 3e-4), (10, 0.0, 3e-4),
    (10, 1e-3, 1e-3), (30, 1e-3, 1e-3), (30, 1e-3, 3e-4), (30, 1e-4, 1e-3),
)  # fmt: skip
GRID_SCRATCH = (10, 30, 60)


@dataclass
class Run:
    name: str
    model: Path | None  # None: rules only
    seconds: float = 0.0


def pool_of(page: _wcxb.Page) -> int:
    digest = hashlib.sha1(f"{POOL_SALT}:{_wcxb.site_of(page.url)}".encode()).hexdigest()
    return int(digest[:8], 16) % POOLS


def labelled(page: _wcxb.Page, view: str) -> LabelledPage:
    if view == "html":
        raw = page.html_path().read_bytes()  # gzip: clean() unpacks it
        kind = "html"
    else:
        raw = (render_text_dumps.DEFAULT_OUT / view / f"{page.id}.txt").read_bytes()
        kind = "text"
    return LabelledPage(name=page.id, raw=raw, kind=kind, body=page.body, url=page.url)


def sample(pages: Sequence[_wcxb.Page], n: int | None) -> list[_wcxb.Page]:
    """`n` pages in a fixed order that does not follow the ground-truth file's (by id hash)."""
    ordered = sorted(pages, key=lambda p: hashlib.sha1(p.id.encode()).hexdigest())
    return ordered[:n] if n is not None else ordered


def mean_f1(model: Path | None, pages: Sequence[RecordedPage]) -> float:
    """Mean word F1 of the pages as cleaned rules-only or with the model file (pages that
    could not be read score 0)."""
    models = load_model(model) if model is not None else None
    scores = [page_f1(p, models[p.page.kind] if models else None) for p in pages]
    return float(np.mean(scores))


def trained(name: str, pages: Sequence[RecordedPage], options: TrainOptions, work: Path) -> Run:
    started = time.perf_counter()
    result = train_recorded(pages, options)
    path = work / f"{name}.json"
    path.write_text(result.model, encoding="utf-8")
    return Run(name, path, time.perf_counter() - started)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--protocol", choices=["heldout", "train"], default="heldout")
    parser.add_argument("--view", choices=["html", "innertext", "lines"], default="html")
    parser.add_argument("--user-pages", type=int, default=100)
    parser.add_argument("--score-pages", type=int)
    parser.add_argument("--page-type")
    parser.add_argument("--grid", action="store_true")
    parser.add_argument("--work", type=Path, default=Path("/tmp/cleaner-measure-train"))
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    train_split = _wcxb.load_pages("train")
    if args.page_type:
        train_split = [p for p in train_split if p.page_type == args.page_type]
    user_source = [p for p in train_split if pool_of(p) == USER_POOL]
    if args.protocol == "heldout":
        user_source = train_split
        scored_source = _wcxb.load_pages("heldout")
        if args.page_type:
            scored_source = [p for p in scored_source if p.page_type == args.page_type]
    else:
        scored_source = [p for p in train_split if pool_of(p) == SCORE_POOL]
    user = record_pages([labelled(p, args.view) for p in sample(user_source, args.user_pages)])
    scored = record_pages([labelled(p, args.view) for p in sample(scored_source, args.score_pages)])
    tag = f"{args.protocol}-{args.view}-{args.page_type or 'all'}-{len(user)}"
    work = args.work / tag
    work.mkdir(exist_ok=True)

    runs = [Run("rules only", None)]
    if args.protocol == "heldout":
        base = DEFAULT_MODEL
        runs.append(Run("shipped model", base))
    else:
        base_pages = record_pages(
            [labelled(p, args.view) for p in sample(train_split, None) if pool_of(p) in BASE_POOLS]
        )
        print(f"base: fitting on {len(base_pages)} pages", flush=True)
        options = TrainOptions(from_scratch=True, epochs=BASE_EPOCHS)
        base_run = trained("base", base_pages, options, work)
        base = base_run.model or DEFAULT_MODEL
        runs.append(Run(f"base model ({len(base_pages)} pages)", base, base_run.seconds))
    runs.append(trained("fine-tuned", user, TrainOptions(base=base), work))
    runs.append(trained("from scratch", user, TrainOptions(base=base, from_scratch=True), work))
    if args.grid:
        for epochs, l2, rate in GRID_FINE_TUNE:
            options = TrainOptions(base=base, epochs=epochs, l2=l2, learning_rate=rate)
            name = f"fine-tuned e{epochs} l2={l2:g} rate={rate:g}"
            runs.append(trained(name, user, options, work))
        for epochs in GRID_SCRATCH:
            options = TrainOptions(base=base, from_scratch=True, epochs=epochs)
            runs.append(trained(f"from scratch e{epochs}", user, options, work))

    lines = [
        f"{args.protocol} protocol, {args.view}, page type {args.page_type or 'all'}: "
        f"{len(user)} user pages, {len(scored)} scored pages of other sites",
        "",
        "| model | word F1 | training s |",
        "|---|---|---|",
    ]
    for run in runs:
        f1 = mean_f1(run.model, scored)
        lines.append(f"| {run.name} | {f1:.3f} | {run.seconds:.1f} |")
        print(lines[-1], flush=True)
    (work / "table.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
