#!/usr/bin/env python3
"""Train the press importer's visit side model (importers/press/visit_side_model.json) on the dev split only.

    python3 eval/press/train_visit_sides.py [--write] [--folds 5]

Each dev article runs through the importer's rules with no side model; every visit event is paired with a
gold visit the way score.py pairs them (both sides right, else one side, else shared participants), and each
of its participants that the gold lists (the lead apart) is a row: the features ``visit_people._side_feats``
gave and the gold side (guest 1, host 0). A logistic regression (train_roles.fit) is fitted; the margin by
which the model must be sure before it turns the rules' side is chosen on out-of-fold probabilities of a
k-fold cross-validation (articles split by their order). ``--write`` stores the weights fitted on all dev
articles with that margin.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from score import alts, articles, default_texts, keys, pair_visits  # noqa: E402
from train_roles import fit, write_model  # noqa: E402

L2 = 3.0
MARGINS = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]


def _org_keys(o: Any) -> set[str]:
    out: set[str] = set()
    while o is not None:
        out |= keys(o.name).union(*(keys(a) for a in o.aliases))
        o = o.parent
    return out


def article_rows(path: Path, gold: dict[str, Any]) -> list[dict[str, Any]]:
    """The side rows of one article: features, the rules' side and the gold side of each listed participant."""
    from stakegraph.importers.press.extract import read_doc
    from stakegraph.importers.press.role_model import run_story
    from stakegraph.importers.press.rules import StoryExtractor

    doc = read_doc(path)
    year = doc.meta.published
    main = StoryExtractor(doc.main, year)
    exs = [main]
    exs.extend(StoryExtractor(seg, seg.date or year, main.places) for seg in doc.teasers)
    events: list[tuple[Any, Any]] = []
    for ex in exs:
        facts = run_story(ex)
        events += [(ex, ev) for ev in facts.events if ev.kind == "visit"]
    gvisits = list(gold.get("visits", []))
    def sides(pair: tuple[Any, Any], gv: dict[str, Any]) -> tuple[bool, bool]:
        ev = pair[1]
        return (bool(ev.guest and _org_keys(ev.guest) & alts(gv["visitor"])), bool(ev.host and _org_keys(ev.host) & alts(gv["host"])))

    def overlap(pair: tuple[Any, Any], gv: dict[str, Any]) -> int:
        gp = alts(gv.get("participants", []))
        return sum(1 for p in pair[1].participants if keys(p) & gp)

    pairs = pair_visits(gvisits, events, sides, overlap)
    rows = []
    for gi, ei in sorted(pairs.items()):
        gv = gvisits[gi]
        if "guests" not in gv:
            continue
        ex, ev = events[ei]
        guests = alts(gv["guests"])
        listed = alts(gv.get("participants", []))
        kept = ex.__dict__.get("side_feats", {})
        for name in ev.participants:
            got = kept.get((id(ev), name))
            if got is None:
                continue
            pf = ex.facts.persons.get(name)
            names = keys(name).union(*(keys(a) for a in (pf.aliases if pf else ())))
            if not names & listed:
                continue
            rows.append({"feats": got[1], "rule": 1.0 if got[0] == "guest" else 0.0, "y": 1.0 if names & guests else 0.0,
                         "who": f"{path.stem[:3]} {name}"})
    return rows


def collect(gold_dir: Path, texts: Path) -> list[list[dict[str, Any]]]:
    from stakegraph.importers.press import visit_side_model
    visit_side_model.load_model = lambda *_a: None  # type: ignore[assignment]  # the rules' own sides
    arts = []
    for _gpath, gold in articles(gold_dir, "dev"):  # never the check or test splits
        tpath = texts / gold["doc"]
        if tpath.is_file():
            arts.append(article_rows(tpath, gold))
    return arts


def matrix(rows: list[dict[str, Any]], names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    idx = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r["feats"].items():
            if k in idx:
                x[i, idx[k]] = v
    return x, np.array([r["y"] for r in rows]), np.array([r["rule"] for r in rows])


def decided(p: np.ndarray, rule: np.ndarray, margin: float) -> np.ndarray:
    """The sides (1 guest) under ``margin``, as visit_side_model.decide gives them."""
    out = rule.copy()
    out[(rule == 0) & (p >= 0.5 + margin)] = 1
    out[(rule == 1) & (p <= 0.5 - margin)] = 0
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=HERE / "gold")
    ap.add_argument("--texts", type=Path, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    arts = collect(args.gold, args.texts or default_texts())
    rows = [r for a in arts for r in a]
    names = sorted({k for r in rows for k in r["feats"]})
    x, y, rule = matrix(rows, names)
    print(f"{len(arts)} dev articles, {len(rows)} side rows, rules right {int((rule == y).sum())}/{len(rows)}")
    # out-of-fold probabilities, folds of whole articles in order
    oof = np.zeros(len(rows))
    bounds = np.cumsum([0] + [len(a) for a in arts])
    for k in range(args.folds):
        test = np.zeros(len(rows), bool)
        for ai in range(len(arts)):
            if ai % args.folds == k:
                test[bounds[ai]:bounds[ai + 1]] = True
        b, w = fit(x[~test], y[~test], args.l2)
        oof[test] = 1 / (1 + np.exp(-np.clip(x[test] @ w + b, -30, 30)))
    best = (int((rule == y).sum()), 0.5)
    for m in MARGINS:
        right = int((decided(oof, rule, m) == y).sum())
        print(f"margin {m:.2f}: right {right}/{len(rows)}")
        if right > best[0] or (right == best[0] and m < best[1]):
            best = (right, m)
    b, w = fit(x, y, args.l2)
    print("weights:", ", ".join(f"{n} {v:+.2f}" for n, v in sorted(zip(names, w, strict=True), key=lambda t: -abs(t[1]))))
    print(f"chosen margin {best[1]} (cross-validated right {best[0]}/{len(rows)})")
    if args.write:
        from stakegraph.importers.press.visit_side_model import MODEL_PATH
        write_model(MODEL_PATH, b, best[1], args.l2, names, w, len(arts), len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
