"""``partners``: organizations linked by PARTNERS_WITH / MEMBER_OF (and OWNS) — e.g. which units
partner with utilities — with each side's parent body (PART_OF) and the evidence.

Each row reads from ``organization`` to ``partner``: with ``kind`` the partner is of that kind,
with ``of`` the organization is that one; a link matching both ways gives two rows. Built on the
stores' ``links`` (by type and kind) and ``edges_touching`` primitives.
"""

from __future__ import annotations

from typing import Any

from ..graph import schema
from ..graph.errors import InputError
from ..graph.records import Node, Rel
from ..graph.store import Store
from .common import cite, resolve_citations

_READS = {
    schema.PARTNERS_WITH: ("partners with", "partners with"),
    schema.MEMBER_OF: ("member of", "has member"),
    schema.OWNS: ("owns", "owned by"),
}
def _links(store: Store, types: list[str], kind: str | None, of: Node | None) -> list[Rel]:
    if of is not None:
        return store.edges_touching([of.id], types)
    return store.links(types, kind)


def _parents(store: Store, ids: list[str]) -> dict[str, list[str]]:
    """``{org id: [parent ids]}`` over PART_OF."""
    wanted = set(ids)
    out: dict[str, list[str]] = {}
    for s, t in sorted({(s, t) for s, t, _ in store.endpoints_touching(ids, [schema.PART_OF]) if s in wanted}):
        out.setdefault(s, []).append(t)
    return out


def partners(store: Store, kind: str | None = None, of: str | None = None,
             ownership: bool = False) -> list[dict[str, Any]]:
    """Partnership, membership (and with ``ownership`` ownership) links to organizations of ``kind``
    and/or of organization ``of``; sorted by organization, relation, partner."""
    if kind is not None and kind not in schema.ORG_KINDS:
        raise InputError(f"unknown organization kind {kind!r} (known: {', '.join(schema.ORG_KINDS)})")
    org = store.resolve(of) if of else None
    types = [schema.PARTNERS_WITH, schema.MEMBER_OF] + ([schema.OWNS] if ownership else [])
    links = _links(store, types, kind, org)
    nodes = store.get_many({e for r in links for e in (r.source, r.target)})
    if kind:
        links = [r for r in links if any(nodes.get(e) and nodes[e].props.get("kind") == kind
                                         for e in (r.source, r.target))]
    parents = _parents(store, sorted({e for r in links for e in (r.source, r.target)}))
    nodes.update(store.get_many({p for ps in parents.values() for p in ps} - set(nodes)))

    def side(node_id: str) -> dict[str, Any]:
        n = nodes.get(node_id)
        return {"id": node_id, "name": n.name if n else node_id}

    rows: list[dict[str, Any]] = []
    for r in links:
        for org_id, partner_id, forward in ((r.source, r.target, True), (r.target, r.source, False)):
            partner = nodes.get(partner_id)
            if org is not None and org_id != org.id:
                continue
            if kind and not (partner and partner.props.get("kind") == kind):
                continue
            if not forward and (r.source == r.target or (org is None and not kind)):
                continue
            me = nodes.get(org_id)
            rows.append({
                "organization": side(org_id), "organization_kind": me.props.get("kind") if me else None,
                "organization_parent": [side(p) for p in parents.get(org_id, [])],
                "relation": _READS[r.type][0 if forward else 1], "type": r.type,
                "partner": side(partner_id), "partner_kind": partner.props.get("kind") if partner else None,
                "partner_parent": [side(p) for p in parents.get(partner_id, [])],
                "topic": r.props.get("topic"), "share": r.props.get("share"),
                "since": r.props.get("since"), "until": r.props.get("until"),
                "sources": cite(r.props),
            })
    rows.sort(key=lambda x: (x["organization"]["name"], x["organization"]["id"], x["relation"],
                             x["partner"]["name"], x["partner"]["id"], x["type"]))
    return resolve_citations(store, rows)
