"""The query primitives of the Neo4j store (see :class:`~.store.Store`), in Cypher.

Every statement starts from nodes found by ``id`` under one label (the unique-constraint index)
or from one relationship type, and never walks a variable-length pattern: the work is bounded by
the relationships of the given nodes, also at a hub. Labels and types are filled in by
:func:`cypher` from the schema's closed lists only; values are always parameters.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from . import schema
from .errors import SchemaError
from .records import Rel, label_of_id


def cypher(template: str, label: str | None = None, label2: str | None = None, rel_type: str | None = None) -> str:
    """Fill ``:$L``/``:$M``/``:$T`` placeholders with schema names only (never with input)."""
    if label is not None:
        template = template.replace(":$L", ":" + schema.check_label(label)).replace("$lower", label.lower())
    if label2 is not None:
        template = template.replace(":$M", ":" + schema.check_label(label2))
    if rel_type is not None:
        template = template.replace(":$T", ":" + schema.check_type(rel_type))
    if ":$L" in template or ":$M" in template or ":$T" in template:
        raise SchemaError("internal: unfilled label/type placeholder in Cypher template")
    return template


def rel_from(source: str, target: str, rel_type: str, props: dict[str, Any]) -> Rel:
    """A relationship record from a row (the stored ``key`` property becomes its key)."""
    props = dict(props)
    key = props.pop("key", rel_type)
    return Rel(rel_type, source, target, dict(sorted(props.items())), key=key)  # key order as the embedded store's


def candidates(node_ids: Iterable[str]) -> dict[str, list[str]]:
    """Ids grouped by the labels they may have: their prefix's, or every label."""
    groups: dict[str, list[str]] = {label: [] for label in schema.LABELS}
    for i in dict.fromkeys(node_ids):
        fixed = label_of_id(i)
        for label in ([fixed] if fixed else schema.LABELS):
            groups[label].append(i)
    return {label: ids for label, ids in groups.items() if ids}


def _sorted_rels(rels: Iterable[Rel]) -> list[Rel]:
    found = {(r.source, r.target, r.key): r for r in rels}
    return [found[k] for k in sorted(found)]


_ATTENDED_BY = "MATCH (n:$L {id: $id})-[:ATTENDED]->(e:Event) RETURN DISTINCT e.id AS e"
_ACTING_FOR = "MATCH ()-[a:ATTENDED]->(e:Event) WHERE a.acting_for = $id RETURN DISTINCT e.id AS e"
_ATTENDANCE = ("UNWIND $ids AS eid MATCH (e:Event {id: eid})<-[a:ATTENDED]-(q) "
               "RETURN q.id AS s, e.id AS t, properties(a) AS p")
_NAMES = "UNWIND $ids AS id MATCH (n:$L {id: id}) RETURN n.id AS id, n.name AS name"
_LINKS = ("MATCH (x)-[r:$T]->(y) WHERE $kind IS NULL OR (x:Organization AND x.kind = $kind) "
          "OR (y:Organization AND y.kind = $kind) RETURN x.id AS s, y.id AS t, properties(r) AS p")
_ROLE_HOLDERS = ("MATCH (q)-[r:HOLDS_ROLE]->(o) WHERE r.role IN $keys OR r.role IS NULL "
                 "RETURN q.id AS s, o.id AS t, properties(r) AS p")
_ENDPOINTS = "MATCH (a)-[r:$T]->(b) RETURN a.id AS s, b.id AS t, r.key AS k"


class Neo4jQueries:
    """Mixin for :class:`~.neo4j_store.Neo4jStore`: the read primitives the queries combine."""

    def run_read(self, query: str, **params: Any) -> list[dict[str, Any]]:  # provided by the store
        raise NotImplementedError

    def attended_events(self, node_id: str) -> list[str]:
        out: set[str] = set()
        for label in candidates([node_id]):
            out.update(r["e"] for r in self.run_read(cypher(_ATTENDED_BY, label=label), id=node_id))
        return sorted(out)

    def acting_for_events(self, org_id: str) -> list[str]:
        return sorted({r["e"] for r in self.run_read(_ACTING_FOR, id=org_id)})

    def attendance(self, event_ids: Iterable[str]) -> list[tuple[str, str, dict[str, Any]]]:
        ids = sorted(set(event_ids))
        if not ids:
            return []
        rows = []
        for r in self.run_read(_ATTENDANCE, ids=ids):
            props = dict(r["p"])
            key = props.pop("key", schema.ATTENDED)
            rows.append((r["t"], r["s"], key, props))
        rows.sort(key=lambda x: x[:3])
        return [(s, t, p) for t, s, _k, p in rows]

    def labels_names(self, node_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for label, ids in candidates(node_ids).items():
            rest = [i for i in ids if i not in out]
            if rest:
                for r in self.run_read(cypher(_NAMES, label=label), ids=rest):
                    out[r["id"]] = (label, r["name"] if r["name"] is not None else r["id"])
        return out

    def links(self, types: Iterable[str], kind: str | None = None) -> list[Rel]:
        rels: list[Rel] = []
        for t in dict.fromkeys(types):
            rels.extend(rel_from(r["s"], r["t"], t, r["p"]) for r in self.run_read(cypher(_LINKS, rel_type=t),
                                                                                  kind=kind))
        return _sorted_rels(rels)

    def role_holders(self, keys: Iterable[str]) -> list[Rel]:
        rows = self.run_read(_ROLE_HOLDERS, keys=sorted(set(keys)))
        return _sorted_rels(rel_from(r["s"], r["t"], schema.HOLDS_ROLE, r["p"]) for r in rows)

    def endpoints(self, rel_type: str) -> list[tuple[str, str]]:
        rows = self.run_read(cypher(_ENDPOINTS, rel_type=rel_type))
        keyed = sorted((r["s"], r["t"], r["k"] if r["k"] is not None else rel_type) for r in rows)
        return [(s, t) for s, t, _k in keyed]


#: Rows of the relationships leaving / entering nodes of one label (``*_ENDS``: without properties).
#: Each pattern starts at the given node: ArcadeDB walks a pattern from its first node, and
#: ``(m)-[e]->(n {id: …})`` scanned every node (4.5 s against 0.02 s for 1,337 ids).
OUT_ENDS = ("UNWIND $ids AS id MATCH (n:$L {id: id})-[e]->(m) WHERE $types IS NULL OR type(e) IN $types "
            "RETURN n.id AS s, m.id AS t, type(e) AS ty, e.key AS k")
IN_ENDS = ("UNWIND $ids AS id MATCH (n:$L {id: id})<-[e]-(m) WHERE $types IS NULL OR type(e) IN $types "
           "RETURN m.id AS s, n.id AS t, type(e) AS ty, e.key AS k")
OUT_EDGES = ("UNWIND $ids AS id MATCH (n:$L {id: id})-[e]->(m) WHERE $types IS NULL OR type(e) IN $types "
             "RETURN n.id AS s, m.id AS t, type(e) AS ty, properties(e) AS p")
IN_EDGES = ("UNWIND $ids AS id MATCH (n:$L {id: id})<-[e]-(m) WHERE $types IS NULL OR type(e) IN $types "
            "RETURN m.id AS s, n.id AS t, type(e) AS ty, properties(e) AS p")


def group_by_label(ids: Iterable[str], labels: dict[str, str]) -> dict[str, list[str]]:
    """The ids whose label is known, grouped by it."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        if i in labels:
            by_label[labels[i]].append(i)
    return by_label
