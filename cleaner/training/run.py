"""Training the learned filter's model on labelled pages: `cleaner train`.

Each page is recorded and labelled (`labels`), the block model of its kind (HTML pages and
text dumps have a model each) is fine-tuned from a base model or fitted from scratch
(`network`), and the model file is written with the base's decision rules (`modelfile`). A
kind with no labelled pages keeps the base's model for that kind as it is.

Fine-tuning is the default, whatever the number of pages: it starts from the base model's
weights and standardisation and continues on the pages, the weights pulled towards the base's.
From scratch, a new network of the shipped shape is fitted on the pages alone. On WCXB (README,
"Training your own model"), fine-tuned on 20 to 1,218 pages of other sites the shipped model's
held-out word F1 stayed within 0.006 (0.848-0.854 against 0.854), where models trained from
scratch on them scored 0.838-0.853; on forum pages alone, fine-tuning gained 0.021 on other
sites' forums, training from scratch 0.002.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cleaner._model import Kind
from cleaner._options import CleanOptions
from cleaner.evaluate.scores import word_f1
from cleaner.filters.learned import DEFAULT_MODEL, Model, load_model
from cleaner.training.labels import (
    FeatureRecorder,
    LabelledRecording,
    kept_blocks,
    label,
    training_rows,
)
from cleaner.training.modelfile import decision_of, kind_spec, model_text, read_spec
from cleaner.training.network import BATCH_ROWS, Network, Schedule, fit, new_network
from cleaner.training.pages import LabelledPage, TrainingError

KINDS: tuple[Kind, ...] = ("html", "text")
SEED = 20261122
"""The shipped model's seed; any other gives another, equally good, model."""
HIDDEN_UNITS = 32
"""Hidden units of a network trained from scratch: the shipped network's."""


@dataclass(frozen=True)
class Method:
    """How long and how hard one way of training fits."""

    name: str
    epochs: int
    min_updates: int  # a small set gets more epochs, up to this many Adam steps
    learning_rate: float
    l2: float  # pull towards the base's weights (fine-tuning) or towards zero (from scratch)


FINE_TUNE = Method("fine-tuned", epochs=10, min_updates=1000, learning_rate=3e-4, l2=1e-3)
"""Calibrated on the train split (scripts/measure_train.py --protocol train --grid, 100 user
pages): word F1 was flat (0.825-0.826) over 10-30 epochs, rates 3e-4 and 1e-3, L2 1e-4 to 0;
an L2 of 1e-2 held the model at the base (0.814). The 1,000 steps let six hand-labelled
pages teach a new kind of block (tests/test_train.py); 300 did not at this rate."""
FROM_SCRATCH = Method("from scratch", epochs=10, min_updates=300, learning_rate=1e-3, l2=1e-4)
"""Calibrated on the train split: fitted on 710 pages, word F1 0.842 / 0.839 / 0.840 / 0.838
after 5 / 10 / 20 / 40 epochs; on 100 pages 0.839 at 10 epochs, 0.829 at 60. Fitted on the
whole train split for 10 epochs it scores 0.853 on the held-out pages (the shipped model, fitted
with scikit-learn, 0.854)."""
MAX_EPOCHS = 2000
WEAK_LABELS = 0.5
"""A page whose body-labelled blocks score a word F1 below this against its expected body is
named in the report: its expected body is mostly not text of the page as the cleaner splits
it (a typo, another version of the page, a body written by hand)."""


@dataclass(frozen=True)
class TrainOptions:
    """How to train. `base` is the model to fine-tune, to take the decision rules from, and
    to keep a kind from when no page of that kind is given (default: the shipped model);
    `epochs`, `learning_rate` and `l2` None mean the method's defaults; `rules_files` are the
    user rules the pages will be cleaned with (the model sees what the rules decided)."""

    base: str | Path | None = None
    from_scratch: bool = False
    epochs: int | None = None
    learning_rate: float | None = None
    l2: float | None = None
    seed: int = SEED
    hidden: int = HIDDEN_UNITS
    rules_files: Sequence[str | Path] = ()


@dataclass
class KindReport:
    """What training did for one kind of page, and the word F1 on its training pages."""

    kind: Kind
    method: str  # "fine-tuned", "from scratch" or "kept"
    pages: int = 0
    blocks: int = 0
    rows: int = 0  # blocks the model decides on: open after the rules, with words
    positive: float = 0.0  # share of those labelled body
    epochs: int = 0
    steps: int = 0  # Adam updates: epochs times batches
    label_f1: float = 0.0
    f1_rules: float = 0.0
    f1_base: float = 0.0
    f1_new: float = 0.0


@dataclass
class TrainResult:
    """The model file's text and a report."""

    model: str
    kinds: dict[str, KindReport]
    base: Path
    unreadable: list[str] = field(default_factory=list)
    weak_labels: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return "\n".join(_describe(self))


@dataclass(frozen=True)
class RecordedPage:
    """A labelled page as the learned filter sees it (`recording` None: the page could not
    be read, or has no text; `error` says which)."""

    page: LabelledPage
    recording: LabelledRecording | None
    error: str | None = None


def record_pages(
    pages: Sequence[LabelledPage], rules_files: Sequence[str | Path] = ()
) -> list[RecordedPage]:
    """The pages cleaned by the rules-only pipeline (with the user's rules files), recorded
    and labelled."""
    recorder = FeatureRecorder(CleanOptions(rules_files=tuple(rules_files)))
    out = []
    for page in pages:
        doc, recording = recorder.record(page.raw, kind=page.kind, url=page.url)
        if recording is None:
            out.append(RecordedPage(page, None, doc.error or "no visible text"))
        else:
            out.append(RecordedPage(page, label(recording, page.body)))
    return out


def train(pages: Sequence[LabelledPage], options: TrainOptions | None = None) -> TrainResult:
    """A model trained on `pages`; raises `TrainingError` when they hold nothing to learn
    from, and `ModelFileError` for a bad base model."""
    opts = options or TrainOptions()
    return train_recorded(record_pages(pages, opts.rules_files), opts)


def train_recorded(
    recorded: Sequence[RecordedPage], options: TrainOptions | None = None
) -> TrainResult:
    """`train` on pages already recorded (with `options.rules_files`)."""
    opts = options or TrainOptions()
    base_path = Path(opts.base) if opts.base is not None else DEFAULT_MODEL
    base = read_spec(base_path)
    usable = [p for p in recorded if p.recording is not None]
    _check_usable(recorded, usable)
    kinds: dict[str, dict[str, Any]] = {}
    reports: dict[str, KindReport] = {}
    for kind in KINDS:
        group = [p for p in usable if p.page.kind == kind]
        kinds[kind], reports[kind] = _train_kind(kind, group, base["kinds"][kind], opts)
        _score(reports[kind], group, load_model(base_path)[kind], Model(kinds[kind]))
    notes: dict[str, Any] = {
        kind: {"method": r.method, "pages": r.pages, "epochs": r.epochs}
        for kind, r in reports.items()
    }
    text = model_text(
        kinds, trained_on=_trained_on(reports, base_path), seed=opts.seed, notes=notes
    )
    return TrainResult(
        model=text,
        kinds=reports,
        base=base_path,
        unreadable=[f"{p.page.name}: {p.error}" for p in recorded if p.recording is None],
        weak_labels=[p.page.name for p in usable if _label_f1(p) < WEAK_LABELS],
    )


def _check_usable(recorded: Sequence[RecordedPage], usable: list[RecordedPage]) -> None:
    if not usable:
        first = next((f"{p.page.name}: {p.error}" for p in recorded), "no pages given")
        raise TrainingError(f"no labelled page could be cleaned ({first})")
    if not any(p.page.body.strip() for p in usable):
        raise TrainingError("every expected body is empty: there is no body text to learn")
    if not any(p.recording is not None and p.recording.labels.any() for p in usable):
        raise TrainingError(
            "no block of any page matches its expected body: the bodies must be text of the "
            "pages (for HTML, the text of their paragraphs, headings and list items)"
        )


def _train_kind(
    kind: Kind, group: list[RecordedPage], base: dict[str, Any], opts: TrainOptions
) -> tuple[dict[str, Any], KindReport]:
    """The kind's entry in the model file, and its report (without the F1 figures)."""
    labelled = [p.recording for p in group if p.recording is not None]
    x, y, w = training_rows(labelled)
    report = KindReport(kind, "kept", pages=len(group), rows=len(y))
    report.blocks = sum(len(r.texts) for r in labelled)
    if len(y) == 0:
        return base, report
    report.positive = float(y.mean())
    report.label_f1 = float(np.mean([_label_f1(p) for p in group]))
    method = FROM_SCRATCH if opts.from_scratch else FINE_TUNE
    report.method = method.name
    report.epochs = opts.epochs or _epochs(method, len(y))
    report.steps = report.epochs * _batches(len(y))
    schedule = Schedule(
        epochs=report.epochs,
        learning_rate=opts.learning_rate or method.learning_rate,
        l2=method.l2 if opts.l2 is None else opts.l2,
        seed=opts.seed,
    )
    if opts.from_scratch:
        fitted = fit(new_network(x, opts.hidden, opts.seed), x, y, w, schedule)
        # A context model reads a block model's scores: the base's was fitted on another's.
        context = None
    else:
        start = _network_of(base)
        fitted = fit(start, x, y, w, schedule, anchor=start.layers)
        context = base.get("context")
    spec = kind_spec(fitted.mean, fitted.scale, fitted.layers, decision_of(base), context)
    return spec, report


def _epochs(method: Method, rows: int) -> int:
    """The method's epochs, or more for a small set, so that the fit takes its minimum of
    Adam steps."""
    batches = _batches(rows)
    return min(max(method.epochs, -(-method.min_updates // batches)), MAX_EPOCHS)


def _batches(rows: int) -> int:
    return -(-rows // BATCH_ROWS)


def _network_of(spec: dict[str, Any]) -> Network:
    layers = [
        (np.asarray(layer["w"], dtype=float), np.asarray(layer["b"], dtype=float))
        for layer in spec["layers"]
    ]
    mean = np.asarray(spec["mean"], dtype=float)
    return Network(mean, np.asarray(spec["scale"], dtype=float), layers)


def _label_f1(page: RecordedPage) -> float:
    """Word F1 of keeping exactly the blocks labelled body: how well the labels fit."""
    if page.recording is None:
        return 0.0
    rec = page.recording
    kept = "\n\n".join(t for t, body in zip(rec.texts, rec.labels, strict=True) if body)
    return word_f1(kept, page.page.body).f1


def page_f1(page: RecordedPage, model: Model | None) -> float:
    """Word F1 of a recorded page as cleaned rules-only (`model` None) or with `model`."""
    rec = page.recording
    if rec is None:
        return 0.0
    kept = kept_blocks(rec.recording, page.page.kind, model)
    text = "\n\n".join(t for t, k in zip(rec.texts, kept, strict=True) if k)
    return word_f1(text, page.page.body).f1


def _score(report: KindReport, group: list[RecordedPage], base: Model, new: Model) -> None:
    """Mean word F1 of the kind's pages: rules only, with the base model, with the new."""
    if group:
        f1 = np.array([[page_f1(p, model) for model in (None, base, new)] for p in group])
        report.f1_rules, report.f1_base, report.f1_new = (float(v) for v in f1.mean(axis=0))


def _trained_on(reports: dict[str, KindReport], base: Path) -> str:
    parts = [f"{r.kind} {r.method} on {r.pages} pages" for r in reports.values() if r.rows]
    kept = [r.kind for r in reports.values() if not r.rows]
    if kept:
        parts.append(f"{' and '.join(kept)} kept from {base.name}")
    return "cleaner train: " + "; ".join(parts)


def _describe(result: TrainResult) -> list[str]:
    base = "the shipped model" if result.base == DEFAULT_MODEL else str(result.base)
    lines = []
    for r in result.kinds.values():
        if not r.rows:
            why = "no pages" if not r.pages else "no block left open by the rules"
            lines.append(f"{r.kind}: {why}; its model is kept from {base}")
            continue
        lines.append(
            f"{r.kind}: {r.pages} pages, {r.blocks} blocks, {r.rows} decided by the model, "
            f"{r.positive:.0%} of them labelled body; {r.method}: {r.epochs} epochs, "
            f"{r.steps} steps"
        )
        lines.append(
            f"  word F1 on these pages: rules only {r.f1_rules:.3f}, {base} {r.f1_base:.3f}, "
            f"new model {r.f1_new:.3f} (the labels themselves: {r.label_f1:.3f})"
        )
    if any(r.rows for r in result.kinds.values()):
        lines.append("  (figures on the training pages flatter the model: score it on others)")
    lines += [f"skipped {problem}" for problem in result.unreadable]
    if result.weak_labels:
        shown = ", ".join(result.weak_labels[:5])
        more = f" and {len(result.weak_labels) - 5} more" if len(result.weak_labels) > 5 else ""
        lines.append(f"expected body mostly not found in the page: {shown}{more}")
    return lines
