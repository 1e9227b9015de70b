"""Popolo export: persons, organizations, memberships and events as one Popolo JSON document.

Ids are the stakegraph node ids (the popolo importer maps them back to the same nodes). Relationship
types Popolo cannot express (OWNS, PARTNERS_WITH, RELATED_TO) are counted in ``meta.omitted``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from .base import ExportContext, register
from ..graph import schema
from ..graph.records import MERGED_FROM, slug
from ..importers._standards import cited_urls, export_rel_id, split_identifier


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v not in (None, "", [], {})}


def _common(g: nx.MultiDiGraph, nid: str, d: dict[str, Any]) -> dict[str, Any]:
    idents = [split_identifier(i) for i in d.get("identifiers") or []]
    return {"id": nid, "name": d.get("name"),
            "other_names": [{"name": a} for a in d.get("aliases") or []],
            "identifiers": [{"scheme": p[0], "identifier": p[1]} for p in idents if p],
            "sources": [{"url": u} for u in cited_urls(g, d)]}


def document(g: nx.MultiDiGraph, ctx: ExportContext) -> dict[str, Any]:
    """The Popolo document of a graph."""
    persons, orgs, events, memberships = [], {}, {}, []
    areas: dict[str, dict] = {}
    periods: dict[str, dict] = {}
    omitted: Counter = Counter()
    # a party merged into another is named by the kept node: an on_behalf_of written before the merge
    # would make the importer create the dropped party again, with every membership a second time
    kept_of = {old: nid for nid, d in g.nodes(data=True) for old in d.get(MERGED_FROM) or []}
    for nid in sorted(g.nodes):
        d = g.nodes[nid]
        label = d.get("label")
        if label == schema.PERSON:
            persons.append(_clean({**_common(g, nid, d), "given_name": d.get("given_name"),
                                   "family_name": d.get("family_name"), "honorific_prefix": d.get("honorific"),
                                   "gender": d.get("gender"), "birth_date": d.get("birth_date")}))
        elif label == schema.ORGANIZATION:
            orgs[nid] = {**_common(g, nid, d), "classification": d.get("classification") or d.get("kind")}
        elif label == schema.EVENT:
            events[nid] = {**_common(g, nid, d), "classification": d.get("kind"), "start_date": d.get("date"),
                           "end_date": d.get("end_date"), "location": d.get("place"), "attendees": []}
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        t = d.get("type")
        sources = [{"url": x} for x in cited_urls(g, d)]
        if t == schema.HOLDS_ROLE:
            area, period = d.get("area"), d.get("legislative_period")
            if area:
                areas.setdefault(area, {"id": f"area/{slug(area)}", "name": area})
            if period:
                periods.setdefault(period, {"id": f"term/{slug(period)}", "name": period,
                                            "classification": "legislative period"})
            memberships.append(_clean({
                "id": export_rel_id(u, v, k), "person_id": u, "organization_id": v, "role": d.get("title") or d.get("role"),
                "start_date": d.get("since"), "end_date": d.get("until"), "on_behalf_of_id": kept_of.get(d.get("on_behalf_of"), d.get("on_behalf_of")),
                "area_id": areas[area]["id"] if area else None, "post": None,
                "legislative_period_id": periods[period]["id"] if period else None, "sources": sources}))
        elif t == schema.MEMBER_OF:
            memberships.append(_clean({"id": export_rel_id(u, v, k), "member": {"@type": "Organization", "id": u},
                                       "organization_id": v,
                                       "start_date": d.get("since"), "end_date": d.get("until"), "sources": sources}))
        elif t == schema.PART_OF and u in orgs and "parent_id" not in orgs[u]:
            orgs[u]["parent_id"] = v
        elif t == schema.ATTENDED and v in events:
            ev = events[v]
            is_org = g.nodes[u].get("label") == schema.ORGANIZATION
            if is_org and d.get("side") == "organizer" and "organization_id" not in ev:
                ev["organization_id"] = u
            else:
                ev["attendees"].append(_clean({"@type": "Organization" if is_org else None, "id": u,
                                               "name": g.nodes[u].get("name"), "role": d.get("side")}))
        else:
            omitted[t] += 1
    return {"persons": persons, "organizations": [_clean(o) for o in orgs.values()],
            "memberships": memberships, "events": [_clean(e) for e in events.values()] + list(periods.values()),
            "posts": [], "areas": list(areas.values()),
            "meta": _clean({"generator": "stakegraph", "created": ctx.created, "omitted": dict(omitted)})}


@register("popolo")
def export_popolo(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write one Popolo JSON document."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(document(graph, ctx), fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return [path]
