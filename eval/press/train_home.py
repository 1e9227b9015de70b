#!/usr/bin/env python3
"""Train the press importer's home model (importers/press/home_model.json) on the dev split only.

    python3 eval/press/train_home.py [--write] [--folds 5]

Each dev article's main text runs through the importer's rules with no home model; the story-city step
keeps one row per candidate place (``VisitSides._home_rows``: the places the story names, its counties and
the rules' pick) with its features. A row is positive when the candidate is the gold ``city`` (any of its
alternatives, a kind word such as 'Landkreis' or 'Stadt' left off). A logistic regression (train_roles.fit)
is fitted; the L2 strength and the margin by which the best other candidate must outscore the rules' pick
are chosen on out-of-fold probabilities of a k-fold cross-validation (articles split by their order).
``--write`` stores the weights fitted on all dev articles with that choice.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from score import default_texts, fold  # noqa: E402
from train_roles import fit, write_model  # noqa: E402

L2S = [0.3, 1.0, 3.0, 10.0]
MARGINS = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0]
_KINDS = sorted({"landkreis", "kreis", "bezirk", "stadt", "stadtbezirk", "verbandsgemeinde", "gemeinde", "leader region"},
                key=len, reverse=True)


def _alts(want: Any) -> set[str]:
    """The folded forms the gold ``city`` allows ('Göttingen / Landkreis Northeim': 'gottingen', 'northeim')."""
    out: set[str] = set()
    for w in want if isinstance(want, list) else [want]:
        if not w:
            continue
        w = re.sub(r"\((AT|CH|DE)\)", "", w)
        for part in re.split(r"[/:,()]", w):
            f = fold(part)
            for k in _KINDS:
                if f.startswith(k + " "):
                    f = f[len(k) + 1:]
                    break
            if f:
                out.add(f)
    return out


def is_home(got: str | None, want: Any) -> bool:
    """Whether the place ``got`` is the gold city ``want`` (as the story-city tool counts it)."""
    if not got:
        return False
    g = fold(got)
    return any(g == a or a.startswith(g + " ") for a in _alts(want))


def collect(gold_dir: Path, texts: Path) -> list[dict[str, Any]]:
    from stakegraph.importers.press import visit_sides
    from stakegraph.importers.press.extract import read_doc
    from stakegraph.importers.press.rules import StoryExtractor

    visit_sides.load_home_model = lambda *_a: None  # type: ignore[attr-defined]  # the rules' own pick
    arts = []
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        if gold.get("set", "dev") != "dev":
            continue  # never the check or test splits
        tpath = texts / gold["doc"]
        if not tpath.is_file():
            continue
        doc = read_doc(tpath)
        ex = StoryExtractor(doc.main, doc.meta.published)
        ex.run()
        rows = ex.__dict__.get("home_rows", [])
        want = gold.get("city")
        arts.append({"doc": gold["doc"][:40], "pick": ex.city, "pick_ok": is_home(ex.city, want),
                     "rows": [{"place": p, "feats": f, "y": 1.0 if is_home(p, want) else 0.0} for p, f in rows]})
    return arts


def matrix(rows: list[dict[str, Any]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    idx = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r["feats"].items():
            if k in idx:
                x[i, idx[k]] = v
    return x, np.array([r["y"] for r in rows])


def right(arts: list[dict[str, Any]], probs: list[np.ndarray], margin: float) -> int:
    """How many articles end with a right home when the model may overrule the pick by ``margin`` (home_model.choose)."""
    n = 0
    for a, p in zip(arts, probs, strict=True):
        rows = a["rows"]
        if not rows:
            n += a["pick_ok"]
            continue
        best = max(range(len(rows)), key=lambda i: (p[i], -i))
        base = next((p[i] for i, r in enumerate(rows) if r["place"] == a["pick"]), 0.0)
        if rows[best]["place"] != a["pick"] and p[best] >= base + margin:
            n += rows[best]["y"] == 1.0
        else:
            n += a["pick_ok"]
    return n


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=HERE / "gold")
    ap.add_argument("--texts", type=Path, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("-v", action="store_true", help="list the dev articles the chosen model turns")
    args = ap.parse_args()
    arts = collect(args.gold, args.texts or default_texts())
    rows = [r for a in arts for r in a["rows"]]
    names = sorted({k for r in rows for k in r["feats"]})
    x, y = matrix(rows, names)
    reach = sum(1 for a in arts if any(r["y"] for r in a["rows"]) or a["pick_ok"])
    print(f"{len(arts)} dev articles, {len(rows)} candidate rows, rules right {sum(a['pick_ok'] for a in arts)}, "
          f"a right candidate in {reach}")
    bounds = np.cumsum([0] + [len(a["rows"]) for a in arts])
    best = (sum(a["pick_ok"] for a in arts), L2S[0], 1.0)
    for l2 in L2S:
        oof = np.zeros(len(rows))
        for k in range(args.folds):
            test = np.zeros(len(rows), bool)
            for ai in range(len(arts)):
                if ai % args.folds == k:
                    test[bounds[ai]:bounds[ai + 1]] = True
            b, w = fit(x[~test], y[~test], l2)
            oof[test] = 1 / (1 + np.exp(-np.clip(x[test] @ w + b, -30, 30)))
        probs = [oof[bounds[i]:bounds[i + 1]] for i in range(len(arts))]
        line = []
        for m in MARGINS:
            n = right(arts, probs, m)
            line.append(f"{m:.2f}:{n}")
            if n > best[0] or (n == best[0] and (m > best[2] or (m == best[2] and l2 > best[1]))):
                best = (n, l2, m)
        print(f"l2 {l2}: " + " ".join(line))
    _n, l2, margin = best
    b, w = fit(x, y, l2)
    print("weights:", ", ".join(f"{n} {v:+.2f}" for n, v in sorted(zip(names, w, strict=True), key=lambda t: -abs(t[1]))))
    print(f"chosen l2 {l2}, margin {margin} (cross-validated right {best[0]}/{len(arts)})")
    if args.v:
        for a in arts:
            xa, _ya = matrix(a["rows"], names)
            p = 1 / (1 + np.exp(-np.clip(xa @ w + b, -30, 30)))
            if len(p) and right([a], [p], margin) != a["pick_ok"]:
                i = int(np.argmax(p))
                print(f"  {a['doc']}: {a['pick']} -> {a['rows'][i]['place']} ({'right' if a['rows'][i]['y'] else 'wrong'})")
    if args.write:
        from stakegraph.importers.press.home_model import MODEL_PATH
        write_model(MODEL_PATH, b, margin, l2, names, w, len(arts), len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
