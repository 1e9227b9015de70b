"""The shipped weights of the press importer's small learned models, and their logistic score."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=4)
def load_weights(path: str) -> dict[str, Any] | None:
    """A model file's contents (None when the file is missing: the rules' output stays)."""
    p = Path(path)
    if not p.is_file():
        return None
    model = json.loads(p.read_text(encoding="utf-8"))
    if not isinstance(model.get("weights"), dict):
        raise ValueError(f"{p}: no 'weights' object")
    return model


def logistic(feats: dict[str, float], model: dict[str, Any]) -> float:
    """The probability the model gives: logistic weights plus boosted trees if any (a tree node tests
    ``feats[f] <= t``; an absent feature is 0); features are summed in the order they were built."""
    w = model["weights"]
    z = float(model.get("bias", 0.0)) + sum([v * w.get(k, 0.0) for k, v in feats.items()])
    for tree in model.get("trees") or ():
        while "v" not in tree:
            tree = tree["l"] if feats.get(tree["f"], 0.0) <= tree["t"] else tree["r"]
        z += tree["v"]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
