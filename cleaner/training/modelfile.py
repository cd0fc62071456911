"""Writing the learned filter's model file, in the format `cleaner.filters.learned` reads.

    {"version": 1, "features": [...], "trained_on": "...", "seed": ..., "notes": {...},
     "kinds": {"html": KIND, "text": KIND}}
    KIND = {"mean": [...], "scale": [...], "layers": [{"w": [[...]], "b": [...]}, ...],
            "context": null or {...}, "mode": ..., and the mode's thresholds}

Numbers are rounded to six decimals and the JSON is compact, so the same model gives the
same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from cleaner.filters.learned import DEFAULT_MODEL, FEATURE_NAMES, MODEL_VERSION, load_model

DECIMALS = 6
# The parts of a kind's entry that are the fitted model; the rest is its decision rule.
FITTED_KEYS = ("mean", "scale", "layers", "context")


def rounded(a: np.ndarray | Sequence[float]) -> Any:
    """An array as nested lists of floats rounded to `DECIMALS`."""
    return np.round(np.asarray(a, dtype=float), DECIMALS).tolist()


def kind_spec(
    mean: np.ndarray,
    scale: np.ndarray,
    layers: Sequence[tuple[np.ndarray, np.ndarray]],
    decision: dict[str, Any],
    context: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One kind's entry: the fitted block model (and context model, already as the file
    holds it), then its decision rule."""
    spec: dict[str, Any] = {
        "mean": rounded(mean),
        "scale": rounded(scale),
        "layers": [{"w": rounded(w), "b": rounded(b)} for w, b in layers],
        "context": context,
    }
    return spec | decision


def model_text(
    kinds: dict[str, dict[str, Any]], *, trained_on: str, seed: int, notes: dict[str, Any]
) -> str:
    """The model file's text."""
    spec = {
        "version": MODEL_VERSION,
        "features": list(FEATURE_NAMES),
        "trained_on": trained_on,
        "seed": seed,
        "notes": notes,
        "kinds": kinds,
    }
    return json.dumps(spec, separators=(",", ":"))


def read_spec(path: str | Path | None = None) -> dict[str, Any]:
    """A model file's JSON (the shipped one by default), checked as the filter checks it;
    raises `ModelFileError`."""
    where = Path(path) if path is not None else DEFAULT_MODEL
    load_model(where)
    spec: dict[str, Any] = json.loads(where.read_text(encoding="utf-8"))
    return spec


def decision_of(kind: dict[str, Any]) -> dict[str, Any]:
    """A kind entry's decision rule: `mode` and its thresholds."""
    return {key: value for key, value in kind.items() if key not in FITTED_KEYS}
