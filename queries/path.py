"""``path A B``: the shortest connection chains between two entities, each hop with its evidence.

Paths are simple (no node twice), undirected over every relationship type; an event is a node, so
"A attended E, B attended E" is two hops. Source nodes, excluded entities and (with ``as_of``) facts
not valid on that day and events after it are never intermediate hops. The answer is the first
``k`` of all such paths of at most ``max_hops`` hops, ordered by length, then by the sequence of
node ids — the same order on both stores. Each hop lists every valid relationship between its two
nodes.

Neo4j: ``shortestPath`` with a hop limit finds the shortest length; bounded variable-length
patterns of exactly that many, then 1, 2, … more hops (with the filters) list candidates until ``k``
are known (shortestPath runs unfiltered, as a lower bound: Neo4j filters during its search, ArcadeDB
after it). Embedded:
bidirectional BFS over ``edges_touching`` one ring at a time (the two balls' radii always add up to
the length searched, so every path of that length lies in the explored part), then
``nx.shortest_simple_paths`` on that small subgraph.
"""

from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from ..graph import schema
from ..graph.errors import InputError
from ..graph.neo4j_store import cypher
from ..graph.records import Node, Rel
from ..graph.store import Store
from .common import (
    CYPHER_NODE_VALID, CYPHER_REL_VALID, check_date, cite, is_neo4j, node_valid_on, resolve, resolve_citations,
    valid_on,
)

MAX_HOPS_LIMIT = 8
_DETAIL_KEYS = ("title", "role", "side", "role_at_event", "lead", "acting_for", "topic", "share", "kind", "label",
                "since", "until", "date")

#: ``(node ids of the path) -> [relationships per hop]``
Found = dict[tuple[str, ...], list[dict[tuple, Rel]]]


# ---- Neo4j ------------------------------------------------------------------------------------
_PATH_FILTER = (
    "all(n IN nodes(p) WHERE n.id IN $ends OR (NOT n.id IN $exclude AND NOT n:Source AND "
    + CYPHER_NODE_VALID + ")) AND all(r IN relationships(p) WHERE " + CYPHER_REL_VALID + ")"
)
# unfiltered: a lower bound of the filtered length (servers differ on filtering inside shortestPath)
_SHORTEST = "MATCH (a:$L {id: $a}), (b:$M {id: $b}) MATCH p = shortestPath((a)-[*..%d]-(b)) RETURN length(p) AS l"
_OF_LENGTH = ("MATCH (a:$L {id: $a}), (b:$M {id: $b}) MATCH p = (a)-[*%d..%d]-(b) WHERE " + _PATH_FILTER +
              " RETURN [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | "
              "{s: startNode(r).id, t: endNode(r).id, ty: type(r), p: properties(r)}] AS rels")


def _hops(n: int) -> int:
    """A hop count checked to be a small int (the only non-schema value formatted into Cypher)."""
    if not isinstance(n, int) or isinstance(n, bool) or not 0 < n <= MAX_HOPS_LIMIT:
        raise InputError(f"hop count must be between 1 and {MAX_HOPS_LIMIT}")
    return n


def _add(found: Found, ids: tuple[str, ...], rels: Iterable[Rel]) -> None:
    hops = found.setdefault(ids, [{} for _ in range(len(ids) - 1)])
    for i, r in enumerate(rels):
        hops[i][(r.source, r.target, r.key)] = r


def _neo4j_paths(store: Any, a: Node, b: Node, max_hops: int, k: int, as_of: str | None,
                 exclude: list[str]) -> Found:
    params = {"a": a.id, "b": b.id, "ends": [a.id, b.id], "exclude": exclude, "asof": as_of}
    q = cypher(_SHORTEST % _hops(max_hops), label=a.label, label2=b.label)
    rows = store.run_read(q, a=a.id, b=b.id)
    found: Found = {}
    if not rows:
        return found
    for length in range(min(r["l"] for r in rows), max_hops + 1):
        q = cypher(_OF_LENGTH % (_hops(length), _hops(length)), label=a.label, label2=b.label)
        for row in store.run_read(q, **params):
            ids = tuple(row["ids"])
            if len(set(ids)) != len(ids):
                continue
            rels = [Rel(x["ty"], x["s"], x["t"], {k2: v for k2, v in x["p"].items() if k2 != "key"},
                        key=x["p"].get("key", x["ty"])) for x in row["rels"]]
            _add(found, ids, rels)
        if len(found) >= k:
            break
    return found


# ---- embedded ---------------------------------------------------------------------------------
class _Explorer:
    """Bidirectional BFS over the embedded store's edge index, keeping only traversable facts."""

    def __init__(self, store: Any, a: Node, b: Node, as_of: str | None, exclude: set[str]):
        self.store, self.as_of, self.exclude = store, as_of, exclude
        self.ends = {a.id, b.id}
        self.nodes: dict[str, Node] = {a.id: a, b.id: b}
        self.edges: dict[tuple, Rel] = {}
        self.seen = {a.id: {a.id}, b.id: {b.id}}
        self.frontier = {a.id: [a.id], b.id: [b.id]}
        self.graph = nx.Graph()
        self.graph.add_nodes_from(self.ends)

    def _traversable(self, node_id: str) -> bool:
        if node_id in self.ends:
            return True
        node = self.nodes.get(node_id)
        return (node is not None and node_id not in self.exclude and node.label != schema.SOURCE
                and node_valid_on(node.label, node.props, self.as_of))

    def expand(self, side: str) -> None:
        """Add the next ring on ``side``: every traversable fact touching its frontier."""
        frontier = self.frontier[side]
        rels = [r for r in self.store.edges_touching(frontier) if valid_on(r.props, self.as_of)]
        new = {e for r in rels for e in (r.source, r.target)} - set(self.nodes)
        self.nodes.update(self.store.get_many(new))
        nxt: list[str] = []
        for r in rels:
            if not (self._traversable(r.source) and self._traversable(r.target)) or r.source == r.target:
                continue
            self.edges[(r.source, r.target, r.key)] = r
            self.graph.add_edge(r.source, r.target)
            for end in (r.source, r.target):
                if end not in self.seen[side] and end not in self.ends:
                    self.seen[side].add(end)
                    nxt.append(end)
        self.frontier[side] = sorted(nxt)

    def paths(self, a: str, b: str, max_len: int) -> list[tuple[str, ...]]:
        """Every simple path of at most ``max_len`` hops in the explored part."""
        if not nx.has_path(self.graph, a, b):
            return []
        out = []
        for p in nx.shortest_simple_paths(self.graph, a, b):
            if len(p) - 1 > max_len:
                break
            out.append(tuple(p))
        return out


def _embedded_paths(store: Any, a: Node, b: Node, max_hops: int, k: int, as_of: str | None,
                    exclude: list[str]) -> Found:
    ex = _Explorer(store, a, b, as_of, set(exclude))
    paths: list[tuple[str, ...]] = []
    for length in range(1, max_hops + 1):
        if not ex.frontier[a.id] or not ex.frontier[b.id]:
            paths = ex.paths(a.id, b.id, max_hops)  # one side is exhausted: everything is explored
            break
        side = a.id if len(ex.frontier[a.id]) <= len(ex.frontier[b.id]) else b.id
        ex.expand(side)
        paths = ex.paths(a.id, b.id, length)
        if len(paths) >= k:
            break
    by_pair: dict[frozenset, dict[tuple, Rel]] = {}  # explored edges per node pair, indexed once
    for key, r in ex.edges.items():
        by_pair.setdefault(frozenset((r.source, r.target)), {})[key] = r
    found: Found = {}
    for ids in paths:
        found[ids] = [dict(by_pair.get(frozenset((u, v)), {})) for u, v in zip(ids, ids[1:], strict=False)]
    return found


# ---- rows -------------------------------------------------------------------------------------
def _relation(r: Rel, frm: str, nodes: dict[str, Node]) -> dict[str, Any]:
    details = {k: r.props[k] for k in _DETAIL_KEYS if r.props.get(k) not in (None, "")}
    if "acting_for" in details:
        af = nodes.get(details["acting_for"])
        details["acting_for"] = af.name if af else details["acting_for"]
    event = next((nodes[e] for e in (r.source, r.target) if e in nodes and nodes[e].label == schema.EVENT), None)
    return {"type": r.type, "direction": "forward" if r.source == frm else "backward",
            "date": (event.props.get("date") if event else None) or r.props.get("since") or r.props.get("date"),
            "details": details, "sources": cite(r.props, event.props if event else None)}


def path(store: Store, a: str, b: str, max_hops: int = 4, k: int = 3, as_of: str | None = None,
         exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Up to ``k`` shortest simple paths between entities ``a`` and ``b`` (``[]`` when none within
    ``max_hops``), each with its nodes and, per hop, the relationships and their sources."""
    as_of = check_date(as_of, "--as-of")
    _hops(max_hops)
    if k < 1:
        raise InputError("--k must be at least 1")
    na, nb = resolve(store, a), resolve(store, b)
    excluded = sorted({resolve(store, x).id for x in exclude} - {na.id, nb.id})
    if na.id == nb.id:
        return []
    fetch = _neo4j_paths if is_neo4j(store) else _embedded_paths
    found = fetch(store, na, nb, max_hops, k, as_of, excluded)
    chosen = sorted(found, key=lambda ids: (len(ids), ids))[:k]
    nodes = store.get_many({i for ids in chosen for i in ids} |
                           {r.props["acting_for"] for ids in chosen for hop in found[ids] for r in hop.values()
                            if isinstance(r.props.get("acting_for"), str)})
    rows = []
    for rank, ids in enumerate(chosen, 1):
        refs = [{"id": i, "name": nodes[i].name if i in nodes else i} for i in ids]
        hops = []
        for i, hop in enumerate(found[ids]):
            rels = [_relation(hop[key], ids[i], nodes) for key in sorted(hop)]
            hops.append({"from": refs[i], "to": refs[i + 1], "relations": rels})
        rows.append({"rank": rank, "length": len(ids) - 1, "nodes": refs, "hops": hops})
    return resolve_citations(store, rows)
