"""FollowTheMoney export: one entity per line, so the graph can go into Aleph or yente.

Entities keep the ids they came with: a node or relationship imported from FtM is written under its
FtM id (its ``ftm:`` identifier), anything else under its stakegraph id (the ftm importer maps both
back to the same nodes and keys). Every property the ftm importer maps is written back (names and
aliases, identifiers, the ``keep`` list of ftm_mapping.json such as deathDate, nationality, notes,
position; sanctions and addresses, datasets), so that importing the export gives the same graph.
Relationships become interval entities (Membership, Directorship, Ownership, Family, ...).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

from .base import ExportContext, register
from ..graph import schema
from ..importers._standards import PLACEHOLDER, cited_urls, export_rel_id, node_id, split_identifier
from ..importers.ftm import SCHEME, mapping

_OWN = SCHEME + ":"


def _vals(*values: Any) -> list[str]:
    """FtM property values: non-empty strings, distinct, in order."""
    out: list[str] = []
    for v in values:
        for item in v if isinstance(v, list) else [v]:
            if item not in (None, "") and str(item) not in out:
                out.append(str(item))
    return out


def _entity(eid: str, sch: str, props: dict[str, Any], **extra: Any) -> dict[str, Any]:
    ent = {"id": eid, "schema": sch, "properties": {k: _vals(v) for k, v in props.items() if _vals(v)}}
    return {**ent, **{k: v for k, v in extra.items() if v}}


def _own_ids(d: dict[str, Any]) -> list[str]:
    return [i[len(_OWN):] for i in d.get("identifiers") or [] if isinstance(i, str) and i.startswith(_OWN)]


def _number(x: float) -> str:
    """A number as FtM writes it, exactly: no exponent, no trailing '.0'."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _split_dataset(own: str) -> tuple[str | None, str]:
    """(dataset, FtM id) of an ``ftm:<dataset>:<id>`` identifier's value; ids without a dataset pass as they are."""
    ns, sep, raw = own.partition(":")
    return (ns, raw) if sep and raw else (None, own)


def ftm_id(nid: str, d: dict[str, Any]) -> str:
    """The FtM id of a node: the FtM id it was imported under (the one its node id comes from), else its id."""
    label = d.get("label") or ""
    own = [_split_dataset(i) for i in _own_ids(d)]
    return next((raw for ns, raw in own if node_id(label, SCHEME, raw, ns) == nid), own[0][1] if own else nid)


def _is_ftm_placeholder(d: dict[str, Any]) -> bool:
    """A node the ftm importer made for an entity only referenced: left out, so a re-import makes it again."""
    return d.get("extractor") == f"{SCHEME}:{PLACEHOLDER}"


class _Writer:
    """Entities of one graph, with the FtM id of every node for references."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.g, self.m = g, mapping()
        ids = {n: ftm_id(n, d) for n, d in g.nodes(data=True)}
        shared = {i for i, n in Counter(ids.values()).items() if n > 1}
        # the same source id from two datasets names two entities: those keep their full node id
        self.ids = {n: n if i in shared else i for n, i in ids.items()}
        self.keep = {ours: theirs for theirs, ours in self.m["keep"].items()}
        self.edge_ns: dict[str, str | None] = {}
        self.schemes = {scheme: prop for prop, scheme in self.m["identifiers"].items()}

    def node(self, nid: str, d: dict[str, Any]) -> list[dict[str, Any]]:
        label, m, eid = d.get("label"), self.m, self.ids[nid]
        if label not in (schema.PERSON, schema.ORGANIZATION, schema.EVENT) or _is_ftm_placeholder(d):
            return []  # Source nodes are cited through sourceUrl
        props: dict[str, Any] = {"name": d.get("name"), "alias": d.get("aliases"), "sourceUrl": cited_urls(self.g, d),
                                 "address": d.get("address")}
        for ident in d.get("identifiers") or []:
            pair = split_identifier(ident)
            if pair and pair[0] in self.schemes:
                props.setdefault(self.schemes[pair[0]], []).append(pair[1])
        for ours, theirs in self.keep.items():
            props[theirs] = d.get(ours)
        sch = d.get("ftm_schema")
        if sch not in m["nodes"] or m["nodes"][sch]["label"] != label:
            sch = None
        if label == schema.PERSON:
            props.update(firstName=d.get("given_name"), lastName=d.get("family_name"), title=d.get("honorific"),
                         gender=d.get("gender"))
            sch = "Person"
        elif label == schema.ORGANIZATION:
            sch = sch or m["export"]["org_kinds"].get(d.get("kind"), "Organization")
        else:
            props.update(date=d.get("date"), endDate=d.get("end_date"), location=d.get("place"))
            for u, _, e in self.g.in_edges(nid, data=True):
                if e.get("type") == schema.ATTENDED:
                    side = "organizer" if e.get("side") == "organizer" else "involved"
                    props.setdefault(side, []).append(self.ids[u])
            sch = "Event"
        out = [_entity(eid, sch, props, datasets=d.get("datasets"))]
        attached = {spec["property"]: (name, spec) for name, spec in m["attached"].items() if spec["ref"]}
        for prop, (name, spec) in sorted(attached.items()):  # sanctions: one entity per summary
            for i, summary in enumerate(d.get(prop) or [], 1):
                out.append(_entity(f"{eid}-{name.lower()}-{i}", name, {spec["ref"]: eid, spec["value"][0]: summary}))
        return out

    def edge(self, u: str, v: str, k: Any, d: dict[str, Any]) -> dict[str, Any] | None:
        m, t = self.m, d.get("type")
        own = [_split_dataset(i) for i in _own_ids(d)]
        # one FtM id may stand for several links (a payment to two parties); from two datasets it names two
        eid = own[0][1] if own and self.edge_ns.setdefault(own[0][1], own[0][0]) == own[0][0] else export_rel_id(u, v, k)
        su, sv = self.ids[u], self.ids[v]
        dates = {"startDate": d.get("since"), "endDate": d.get("until"), "sourceUrl": cited_urls(self.g, d)}
        if t == schema.HOLDS_ROLE:
            sch = m["export"]["role_schemata"].get(d.get("role"), "Membership")
            spec = m["roles"][sch]
            return _entity(eid, sch, {spec["person"]: su, spec["org"]: sv, "role": d.get("title") or d.get("role"),
                                      **dates})
        if t == schema.MEMBER_OF:
            return _entity(eid, "Membership", {"member": su, "organization": sv, **dates})
        if t == schema.OWNS:
            share = d.get("share")
            pct = _number(round(share * 100, 10)) if isinstance(share, (int, float)) else None
            return _entity(eid, "Ownership", {"owner": su, "asset": sv, "percentage": pct, "role": d.get("label"),
                                              "sharesCount": d.get("shares_count"), **dates})
        if t in (schema.PART_OF, schema.PARTNERS_WITH):
            role = next(r for r, typ in m["unknownlink_types"].items() if typ == t)
            return _entity(eid, "UnknownLink", {"subject": su, "object": sv, "role": role, **dates})
        if t == schema.RELATED_TO:
            return self._related(eid, u, v, su, sv, d)
        return None  # ATTENDED lives on the Event entity

    def _related(self, eid: str, u: str, v: str, su: str, sv: str, d: dict[str, Any]) -> dict[str, Any]:
        m, kind = self.m, d.get("kind")
        start = d.get("since") or d.get("date")
        roles = {spec["org_member"]: sch for sch, spec in m["roles"].items()}
        if kind in roles:  # an organization in a person's role (directorship, employment, occupancy)
            spec = m["roles"][roles[kind]]
            return _entity(eid, roles[kind], {spec["person"]: su, spec["org"]: sv, "role": d.get("label"),
                                              "startDate": start, "endDate": d.get("until"),
                                              "sourceUrl": cited_urls(self.g, d)})
        if kind == "ownership":
            return _entity(eid, "Ownership", {"owner": su, "asset": sv, "role": d.get("label"), "startDate": start,
                                              "endDate": d.get("until"), "sourceUrl": cited_urls(self.g, d)})
        sch = m["export"]["related_kinds"].get(kind, "UnknownLink")
        spec = m["links"][sch]
        labels = (self.g.nodes[u].get("label"), self.g.nodes[v].get("label"))
        if (spec["source_default"], spec["target_default"]) == (schema.PERSON, schema.PERSON) and \
                labels != (schema.PERSON, schema.PERSON):
            sch, spec = "UnknownLink", m["links"]["UnknownLink"]
        props = {spec["source"]: su, spec["target"]: sv, spec["label"]: d.get("label"),
                 "endDate": d.get("until"), "sourceUrl": cited_urls(self.g, d)}
        if sch == "Payment":
            amount = d.get("amount")
            props.update(amount=_number(amount) if isinstance(amount, (int, float)) else amount,
                         currency=d.get("currency"), date=d.get("date"), startDate=d.get("since"))
        else:
            props["startDate"] = start
        return _entity(eid, sch, props)


def entities(g: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """FtM entities of a graph: nodes first (sorted by id), then relationships."""
    w = _Writer(g)
    for nid in sorted(g.nodes):
        yield from w.node(nid, g.nodes[nid])
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        ent = w.edge(u, v, k, d)
        if ent:
            yield ent


@register("ftm")
def export_ftm(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write FollowTheMoney entities, one JSON object per line."""
    with open(path, "w", encoding="utf-8") as fh:
        for ent in entities(graph):
            fh.write(json.dumps(ent, ensure_ascii=False, sort_keys=True) + "\n")
    return [path]
