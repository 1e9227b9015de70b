"""``show ENTITY``: an entity's profile — roles, events, partners, ownership and links, with sources."""

from __future__ import annotations

from typing import Any, Mapping

import networkx as nx

from ..graph.schema import RELATED_TO
from ..graph.records import Node
from ..graph.store import Store
from .common import READS as _READS

_DETAIL_KEYS = ("title", "role", "side", "role_at_event", "lead", "topic", "share", "kind", "label", "amount",
                "currency")


#: RELATED_TO read by its ``kind``, from its source's side and from its target's side.
_RELATED = {"payment": ("paid", "paid by"), "representation": ("represents", "represented by"),
            "associate": ("has associate", "associate of"), "directorship": ("director of", "has director"),
            "employment": ("employed by", "employs"), "ownership": ("owns", "owned by")}


def _related(data: dict[str, Any], outgoing: bool) -> str:
    """A RELATED_TO link read with its direction: 'has son' / 'son of' (family, by its label), 'paid' / 'paid by'."""
    kind, label = data.get("kind"), data.get("label")
    if kind == "family" and label:
        return f"has {label}" if outgoing else f"{label} of"
    if kind in _RELATED:
        return _RELATED[kind][0 if outgoing else 1]
    return f"{label or kind or 'related'} →" if outgoing else f"← {label or kind or 'related'}"


def entity_ref(g: nx.MultiDiGraph, node_id: str) -> dict[str, Any]:
    """``{"id", "name", "label"}`` of a node in ``g``."""
    attrs = g.nodes[node_id] if node_id in g else {}
    return {"id": node_id, "name": attrs.get("name", node_id), "label": attrs.get("label")}


def source_refs(found: Mapping[str, Node], source_ids: list[str], evidence: list[str]) -> list[dict[str, Any]]:
    """Each source of a fact with its title, URL and the quote it gave (``found``: the Source nodes)."""
    out = []
    for i, sid in enumerate(source_ids):
        node = found.get(sid)
        quote = evidence[i] if i < len(evidence) else ""
        out.append({"id": sid, "title": node.props.get("title", node.name) if node else sid,
                    "url": node.props.get("url") if node else None, "quote": quote or None})
    return out


def fact_date(edge: dict[str, Any], other: dict[str, Any]) -> str | None:
    """The date a fact is anchored at: the event's date, else since, else date."""
    return other.get("date") or edge.get("since") or edge.get("date")


def profile(store: Store, entity: str) -> dict[str, Any]:
    """The entity ``entity`` names, with one row per relationship it has (both directions)."""
    node = store.resolve(entity)
    g = store.neighborhood([node.id], depth=1)
    cited = {sid for _, _, d in g.edges(data=True) for sid in d.get("sources") or []}
    found = store.get_many(cited | set(node.props.get("sources") or []))  # one read, not one per fact
    facts: list[dict[str, Any]] = []
    for u, v, _key, data in g.edges(keys=True, data=True):
        if node.id not in (u, v) or (u == v):
            continue
        outgoing = u == node.id
        other_id = v if outgoing else u
        other = g.nodes[other_id]
        rel_type = data["type"]
        facts.append({
            "relation": _related(data, outgoing) if rel_type == RELATED_TO else _READS[rel_type][0 if outgoing else 1],
            "type": rel_type,
            "other": entity_ref(g, other_id),
            "kind": other.get("kind"),
            "date": fact_date(data, other),
            "until": data.get("until"),
            "details": {k: data[k] for k in _DETAIL_KEYS if data.get(k) not in (None, "")},
            "acting_for": entity_ref(g, data["acting_for"]) if data.get("acting_for") in g else data.get("acting_for"),
            "sources": source_refs(found, list(data.get("sources") or []), list(data.get("evidence") or [])),
        })
    order = list(_READS)
    facts.sort(key=lambda f: (order.index(f["type"]), f["date"] or "", f["other"]["name"], f["other"]["id"]))
    return {
        "entity": {"id": node.id, "name": node.name, "label": node.label, **node.props},
        "facts": facts,
        "sources": source_refs(found, list(node.props.get("sources") or []), list(node.props.get("evidence") or [])),
    }
