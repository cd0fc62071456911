"""Hand-made model files for the learned filter, shared by its tests and the CLI's."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from cleaner.filters.learned import FEATURE_NAMES, MODEL_VERSION


def word_count_model(tmp_path: Path, decision: dict[str, Any], **changes: Any) -> Path:
    """A model whose score rises with the block's word count: log(1 + words) above log(1 + 5)
    scores above 0.5, so a block of six words or more is body."""
    weights = [[0.0] for _ in FEATURE_NAMES]
    weights[FEATURE_NAMES.index("log_words")] = [8.0]
    kind = {
        "mean": [0.0] * len(FEATURE_NAMES),
        "scale": [1.0] * len(FEATURE_NAMES),
        "layers": [{"w": weights, "b": [-8.0 * math.log1p(5)]}],
        "context": None,
        **decision,
    }
    spec = {
        "version": MODEL_VERSION,
        "features": list(FEATURE_NAMES),
        "kinds": {"html": kind, "text": kind},
        **changes,
    }
    path = tmp_path / "model.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path
