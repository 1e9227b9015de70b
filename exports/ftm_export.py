"""FollowTheMoney export: one entity per line, so the graph can go into Aleph or yente.

Nodes keep their stakegraph ids as FtM ids (the ftm importer maps them back to the same nodes);
relationships become interval entities (Membership, Directorship, Ownership, Family, ...).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

from .base import ExportContext, register
from ..graph import schema
from ..importers._standards import cited_urls, export_rel_id, split_identifier
from ..importers.ftm import mapping


def _vals(*values: Any) -> list[str]:
    """FtM property values: non-empty strings, distinct, in order."""
    out: list[str] = []
    for v in values:
        for item in v if isinstance(v, list) else [v]:
            if item not in (None, "") and str(item) not in out:
                out.append(str(item))
    return out


def _entity(eid: str, sch: str, props: dict[str, Any]) -> dict[str, Any]:
    return {"id": eid, "schema": sch, "properties": {k: _vals(v) for k, v in props.items() if _vals(v)}}


def _node_entity(g: nx.MultiDiGraph, nid: str, d: dict[str, Any]) -> dict[str, Any] | None:
    m = mapping()
    label = d.get("label")
    ident_props = {scheme: prop for prop, scheme in m["identifiers"].items()}
    props: dict[str, Any] = {"name": d.get("name"), "alias": d.get("aliases"), "sourceUrl": cited_urls(g, d)}
    for ident in d.get("identifiers") or []:
        pair = split_identifier(ident)
        if pair and pair[0] in ident_props:
            props.setdefault(ident_props[pair[0]], []).append(pair[1])
    if label == schema.PERSON:
        props.update(firstName=d.get("given_name"), lastName=d.get("family_name"), title=d.get("honorific"),
                     gender=d.get("gender"), birthDate=d.get("birth_date"))
        return _entity(nid, "Person", props)
    if label == schema.ORGANIZATION:
        return _entity(nid, m["export"]["org_kinds"].get(d.get("kind"), "Organization"), props)
    if label == schema.EVENT:
        props.update(date=d.get("date"), endDate=d.get("end_date"), location=d.get("place"))
        for u, _, e in g.in_edges(nid, data=True):
            if e.get("type") == schema.ATTENDED:
                side = "organizer" if e.get("side") == "organizer" else "involved"
                props.setdefault(side, []).append(u)
        return _entity(nid, "Event", props)
    return None  # Source nodes are cited through sourceUrl


def _edge_entity(g: nx.MultiDiGraph, u: str, v: str, k: Any, d: dict[str, Any]) -> dict[str, Any] | None:
    m = mapping()
    eid = export_rel_id(u, v, k)
    t = d.get("type")
    dates = {"startDate": d.get("since"), "endDate": d.get("until"), "sourceUrl": cited_urls(g, d)}
    if t == schema.HOLDS_ROLE:
        sch = m["export"]["role_schemata"].get(d.get("role"), "Membership")
        spec = m["roles"][sch]
        return _entity(eid, sch, {spec["person"]: u, spec["org"]: v, "role": d.get("title") or d.get("role"), **dates})
    if t == schema.MEMBER_OF:
        return _entity(eid, "Membership", {"member": u, "organization": v, **dates})
    if t == schema.OWNS:
        share = d.get("share")
        pct = f"{share * 100:g}" if isinstance(share, (int, float)) else None
        return _entity(eid, "Ownership", {"owner": u, "asset": v, "percentage": pct, "role": d.get("label"), **dates})
    if t in (schema.PART_OF, schema.PARTNERS_WITH):
        role = next(r for r, typ in m["unknownlink_types"].items() if typ == t)
        return _entity(eid, "UnknownLink", {"subject": u, "object": v, "role": role, **dates})
    if t == schema.RELATED_TO:
        sch = m["export"]["related_kinds"].get(d.get("kind"), "UnknownLink")
        spec = m["links"][sch]
        labels = (g.nodes[u].get("label"), g.nodes[v].get("label"))
        if (spec["source_default"], spec["target_default"]) == (schema.PERSON, schema.PERSON) and \
                labels != (schema.PERSON, schema.PERSON):
            sch, spec = "UnknownLink", m["links"]["UnknownLink"]
        props = {spec["source"]: u, spec["target"]: v, spec["label"]: d.get("label") or d.get("kind"), **dates}
        if sch == "Payment":
            props.update(amount=d.get("amount"), currency=d.get("currency"), date=d.get("date"))
        return _entity(eid, sch, props)
    return None  # ATTENDED lives on the Event entity


def entities(g: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """FtM entities of a graph: nodes first (sorted by id), then relationships."""
    for nid in sorted(g.nodes):
        ent = _node_entity(g, nid, g.nodes[nid])
        if ent:
            yield ent
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        ent = _edge_entity(g, u, v, k, d)
        if ent:
            yield ent


@register("ftm")
def export_ftm(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write FollowTheMoney entities, one JSON object per line."""
    with open(path, "w", encoding="utf-8") as fh:
        for ent in entities(graph):
            fh.write(json.dumps(ent, ensure_ascii=False, sort_keys=True) + "\n")
    return [path]
