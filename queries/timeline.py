"""``timeline ENTITY``: the dated facts about an entity in date order, each with its evidence.

A role, membership, partnership, part-of or ownership gives a "began" fact at ``since`` and an
"ended" fact at ``until``; an attended event gives a fact at the event's date; a RELATED_TO link
gives one at its ``date`` (a payment reads "paid" / "was paid by", with amount and currency); an
Event entity also lists its own date. Undated facts are left out.
Built on the stores' ``edges_touching`` and ``get_many`` primitives.
"""

from __future__ import annotations

from typing import Any

from ..graph import schema
from ..graph.records import Node, Rel
from ..graph.store import Store
from .common import READS as _READS, cite, resolve_citations

_WHAT = {"since": "began", "until": "ended", "date": "on"}
#: A payment (RELATED_TO, kind payment) runs from payer to payee: the reading says which way.
_PAYMENT = ("paid", "was paid by")
_DETAILS = ("title", "role", "side", "role_at_event", "topic", "share", "kind", "label", "amount", "currency")

def _incident(store: Store, node: Node) -> tuple[list[Rel], dict[str, Node]]:
    """The entity's relationships and the nodes at their other ends."""
    rels = store.edges_touching([node.id])
    return rels, store.get_many({r.source if r.target == node.id else r.target for r in rels})


def timeline(store: Store, entity: str) -> list[dict[str, Any]]:
    """Dated facts about ENTITY, oldest first (ties: relation, other entity's name and id)."""
    node = store.resolve(entity)
    rels, others = _incident(store, node)
    rows: list[dict[str, Any]] = []
    if node.label == schema.EVENT and node.props.get("date"):
        rows.append({"date": node.props["date"], "what": "took place", "relation": node.props.get("kind"),
                     "other": None, "details": {"place": node.props.get("place")}, "sources": cite(node.props)})
    for r in rels:
        outgoing = r.source == node.id
        other_id = r.target if outgoing else r.source
        other = others.get(other_id)
        if other is None or other_id == node.id:
            continue
        reads = _PAYMENT if r.type == schema.RELATED_TO and r.props.get("kind") == "payment" else _READS[r.type]
        base = {"relation": reads[0 if outgoing else 1], "other": {"id": other.id, "name": other.name},
                "details": {k: r.props[k] for k in _DETAILS if r.props.get(k) not in (None, "")}}
        if r.type == schema.ATTENDED:
            event = other if other.label == schema.EVENT else node
            if event.props.get("date"):
                rows.append({"date": event.props["date"], "what": "attended" if outgoing else "attendance",
                             **base, "sources": cite(r.props, event.props)})
            continue
        for prop in ("since", "until", "date"):
            if r.props.get(prop):
                rows.append({"date": r.props[prop], "what": _WHAT[prop], **base, "sources": cite(r.props)})
    rows.sort(key=lambda x: (x["date"], x["what"], x["relation"] or "", (x["other"] or {}).get("name", ""),
                             (x["other"] or {}).get("id", ""), repr(sorted(x["details"].items()))))
    return resolve_citations(store, rows)
