"""Scoring press extraction against gold files (persons, role pairs, partnership pairs), as the gold is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from ...graph import schema
from ...graph.records import Node, Record, Rel, fold, merge_node

CATEGORIES = ("persons", "roles", "partnerships")
_LINK_TYPES = (schema.PARTNERS_WITH, schema.MEMBER_OF)


def _names(node: Node) -> set[str]:
    return {fold(node.name), *(fold(a) for a in node.props.get("aliases") or [])}


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 1.0
    r = tp_g / n_gold if n_gold else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "predicted": n_pred, "gold": n_gold}


def score(records: Iterable[Record], gold: dict[str, Any], source_id: str | None = None) -> dict[str, dict[str, float]]:
    """Precision/recall per category of the records (those citing ``source_id`` when given) against one gold file.

    A role pair is right when the person matches and the organization, or the body it is PART_OF,
    matches any name of the gold's organization list; partnership pairs (PARTNERS_WITH, MEMBER_OF) are unordered."""
    recs = list(records)
    nodes: dict[str, Node] = {}
    for r in recs:
        if isinstance(r, Node):
            nodes[r.id] = merge_node(nodes[r.id], r) if r.id in nodes else r
    parents: dict[str, set[str]] = {}
    for r in recs:
        if isinstance(r, Rel) and r.type == schema.PART_OF:
            parents.setdefault(r.source, set()).add(r.target)

    def cited(rec: Record) -> bool:
        return source_id is None or source_id in (rec.props.get("sources") or [])

    def org_names(oid: str) -> set[str]:
        out = _names(nodes[oid]) if oid in nodes else set()
        for pid in parents.get(oid, ()):
            out |= _names(nodes[pid]) if pid in nodes else set()
        return out

    persons = [n for n in nodes.values() if n.label == schema.PERSON and cited(n)]
    gold_persons = [fold(p) for p in gold.get("persons", [])]
    res = {"persons": _prf(sum(1 for n in persons if _names(n) & set(gold_persons)), len(persons),
                           sum(1 for g in gold_persons if any(g in _names(n) for n in persons)), len(gold_persons))}

    roles = [r for r in recs if isinstance(r, Rel) and r.type == schema.HOLDS_ROLE and cited(r)]
    pred_roles = {(r.source, r.target) for r in roles}
    gold_roles = [(fold(p), {fold(o) for o in orgs}) for p, _title, orgs in gold.get("roles", [])]

    def role_ok(pair: tuple[str, str], g: tuple[str, set[str]]) -> bool:
        return pair[0] in nodes and g[0] in _names(nodes[pair[0]]) and bool(org_names(pair[1]) & g[1])

    res["roles"] = _prf(sum(1 for p in pred_roles if any(role_ok(p, g) for g in gold_roles)), len(pred_roles),
                        sum(1 for g in gold_roles if any(role_ok(p, g) for p in pred_roles)), len(gold_roles))

    links = {frozenset((r.source, r.target)) for r in recs if isinstance(r, Rel) and r.type in _LINK_TYPES and cited(r)}
    gold_links = [(fold(a), fold(b)) for a, b in gold.get("partnerships", [])]

    def link_ok(pair: frozenset, g: tuple[str, str]) -> bool:
        a, b = (tuple(pair) * 2)[:2]
        na, nb = (_names(nodes[a]) if a in nodes else set()), (_names(nodes[b]) if b in nodes else set())
        return (g[0] in na and g[1] in nb) or (g[1] in na and g[0] in nb)

    res["partnerships"] = _prf(sum(1 for p in links if any(link_ok(p, g) for g in gold_links)), len(links),
                               sum(1 for g in gold_links if any(link_ok(p, g) for p in links)), len(gold_links))
    return res


def pooled(scores: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Micro-averaged precision/recall over several documents' scores."""
    out: dict[str, dict[str, float]] = {}
    for cat in CATEGORIES:
        tp_p = sum(s[cat]["precision"] * s[cat]["predicted"] for s in scores)
        tp_g = sum(s[cat]["recall"] * s[cat]["gold"] for s in scores)
        n_p = int(sum(s[cat]["predicted"] for s in scores))
        n_g = int(sum(s[cat]["gold"] for s in scores))
        out[cat] = _prf(round(tp_p), n_p, round(tp_g), n_g)
    return out


def evaluate(press_dir: Path, gold_dir: Path, suffixes: tuple[str, ...] = (".txt", ".md", ".html")) -> dict[str, Any]:
    """Run the press importer over a folder in one run and score each document against its gold file."""
    from ..base import ImportContext
    from .extract import doc_records

    ctx = ImportContext()
    all_recs: list[Record] = []
    per_doc: dict[str, dict] = {}
    sources: dict[str, str] = {}
    for path in sorted(p for p in press_dir.iterdir() if p.suffix.lower() in suffixes):
        recs = doc_records(path, ctx)
        src = recs[0]
        assert isinstance(src, Node)  # doc_records puts the document's Source first
        sources[path.name] = src.id
        all_recs.extend(recs)
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        if gold.get("doc") in sources:
            per_doc[gold["doc"]] = score(all_recs, gold, sources[gold["doc"]])
    return {"documents": per_doc, "pooled": pooled(list(per_doc.values())), "records": all_recs}
