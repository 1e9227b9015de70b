"""``path A B``: the shortest chains of facts between two entities, each hop with its evidence.

Paths are simple (no node twice), undirected over every relationship type; an event is a node, so
"A attended E, B attended E" is two hops. Source nodes, excluded entities and (with ``as_of``) facts
not valid on that day and events after it are never intermediate hops. The answer is the first
``k`` of all such paths of at most ``max_hops`` hops, ordered by length, then by the sequence of
node ids. Each hop lists every valid relationship between its two nodes.

One implementation for both stores, over ``edges_touching`` and ``get_many``: a bidirectional
breadth-first search fetches one ring at a time around A or B (the side with the smaller frontier,
so a hub is fetched once, by its own id, and never walked through). After ring ``L`` the two
balls' radii add up to ``L``, so every path of ``L`` hops lies in the explored part; those paths
are listed in id order by a depth-first walk pruned by the distance to B, until ``k`` are known.
No query enumerates paths in the database. The search stops with an error naming
``MAX_VISITED`` if it would read more entities than that.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Iterable

from ..graph import schema
from ..graph.errors import InputError
from ..graph.records import Node, Rel
from ..graph.store import Store
from .common import check_date, cite, node_valid_on, resolve, resolve_citations, valid_on

MAX_HOPS_LIMIT = 8
#: Entities one search may read (both balls together) before it gives up with an error.
MAX_VISITED = 2_000_000
_DETAIL_KEYS = ("title", "role", "side", "role_at_event", "lead", "acting_for", "topic", "share", "kind", "label",
                "since", "until", "date")

#: ``(node ids of the path) -> [relationships per hop]``
Found = dict[tuple[str, ...], list[dict[tuple, Rel]]]


def _hops(n: int) -> int:
    """A hop count checked to be a small int."""
    if not isinstance(n, int) or isinstance(n, bool) or not 0 < n <= MAX_HOPS_LIMIT:
        raise InputError(f"hop count must be between 1 and {MAX_HOPS_LIMIT}")
    return n


class _Explorer:
    """Bidirectional BFS over ``edges_touching``, keeping only traversable facts."""

    def __init__(self, store: Store, a: Node, b: Node, as_of: str | None, exclude: set[str]):
        self.store, self.as_of, self.exclude = store, as_of, exclude
        self.ends = {a.id, b.id}
        self.nodes: dict[str, Node] = {a.id: a, b.id: b}
        self.edges: dict[tuple, Rel] = {}
        self.adj: dict[str, set[str]] = {a.id: set(), b.id: set()}
        self.seen = {a.id: {a.id}, b.id: {b.id}}
        self.frontier = {a.id: [a.id], b.id: [b.id]}
        self.expanded: set[str] = set()

    def _traversable(self, node_id: str) -> bool:
        if node_id in self.ends:
            return True
        node = self.nodes.get(node_id)
        return (node is not None and node_id not in self.exclude and node.label != schema.SOURCE
                and node_valid_on(node.label, node.props, self.as_of))

    def expand(self, side: str) -> None:
        """Add the next ring on ``side``: every traversable fact touching its frontier (a node the
        other side expanded already is not read again)."""
        frontier = self.frontier[side]
        todo = [u for u in frontier if u not in self.expanded]
        rels = [r for r in self.store.edges_touching(todo) if valid_on(r.props, self.as_of)] if todo else []
        new = {e for r in rels for e in (r.source, r.target)} - set(self.nodes)
        if len(self.nodes) + len(new) > MAX_VISITED:
            raise InputError(f"path: the search would read over {MAX_VISITED:,} entities (MAX_VISITED); "
                             "lower --max-hops or --exclude the hubs in between")
        self.nodes.update(self.store.get_many(new))
        for r in rels:
            if r.source == r.target or not (self._traversable(r.source) and self._traversable(r.target)):
                continue
            self.edges[(r.source, r.target, r.key)] = r
            self.adj.setdefault(r.source, set()).add(r.target)
            self.adj.setdefault(r.target, set()).add(r.source)
        self.expanded.update(todo)
        seen = self.seen[side]
        nxt = {v for u in frontier for v in self.adj.get(u, ())} - seen - self.ends
        seen.update(nxt)
        self.frontier[side] = sorted(nxt)

    def paths_of_length(self, a: str, b: str, length: int, limit: int) -> list[tuple[str, ...]]:
        """The first ``limit`` simple paths of exactly ``length`` hops in the explored part, in id
        order: a depth-first walk in id order, pruned where B is out of reach in the hops left."""
        dist = {b: 0}
        queue = deque([b])
        while queue:  # hop distances to B in the explored part (a bound: simplicity ignored)
            u = queue.popleft()
            if dist[u] >= length:
                continue
            for v in self.adj.get(u, ()):
                if v not in dist:
                    dist[v] = dist[u] + 1
                    queue.append(v)
        if dist.get(a, length + 1) > length:
            return []
        order: dict[str, list[str]] = {}  # neighbours in id order, sorted where the walk goes
        out: list[tuple[str, ...]] = []
        path, on_path = [a], {a}

        def walk(u: str) -> None:
            left = length - (len(path) - 1)
            if left == 0:
                if u == b:
                    out.append(tuple(path))
                return
            nbrs = order.get(u)
            if nbrs is None:
                nbrs = order[u] = sorted(self.adj.get(u, ()))
            for v in nbrs:
                if len(out) >= limit:
                    return
                if v in on_path or dist.get(v, left) > left - 1 or (v == b and left != 1):
                    continue
                path.append(v)
                on_path.add(v)
                walk(v)
                path.pop()
                on_path.discard(v)

        walk(a)
        return out


def _find_paths(store: Store, a: Node, b: Node, max_hops: int, k: int, as_of: str | None,
                exclude: list[str]) -> Found:
    ex = _Explorer(store, a, b, as_of, set(exclude))
    paths: list[tuple[str, ...]] = []
    for length in range(1, max_hops + 1):
        if ex.frontier[a.id] and ex.frontier[b.id]:
            side = a.id if len(ex.frontier[a.id]) <= len(ex.frontier[b.id]) else b.id
            ex.expand(side)  # else one side is exhausted: its whole component is explored already
        paths += ex.paths_of_length(a.id, b.id, length, k - len(paths))
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
    found = _find_paths(store, na, nb, max_hops, k, as_of, excluded)
    chosen = sorted(found, key=lambda ids: (len(ids), ids))[:k]
    nodes = store.get_many({i for ids in chosen for i in ids} |
                           {r.props["acting_for"] for ids in chosen for hop in found[ids] for r in hop.values()
                            if isinstance(r.props.get("acting_for"), str)})
    rows = []
    for rank, ids in enumerate(chosen, 1):
        refs = [{"id": i, "name": nodes[i].name if i in nodes else i} for i in ids]
        hops = []
        for i, hop in enumerate(found[ids]):
            rels = sorted((_relation(hop[key], ids[i], nodes) for key in sorted(hop)),
                          key=lambda r: (r["date"] or "", r["type"]))  # parallel links in date order
            hops.append({"from": refs[i], "to": refs[i + 1], "relations": rels})
        rows.append({"rank": rank, "length": len(ids) - 1, "nodes": refs, "hops": hops})
    return resolve_citations(store, rows)
