"""``neighbors ENTITY``: the neighbourhood of an entity as a subgraph, cut to its best-linked nodes.

One implementation over ``store.neighborhood`` (indexed ring-by-ring expansion on both stores, never
the whole graph): equivalent on both stores and fast on both. Above ``limit`` nodes the most
linked are kept (the entity always) and the rest counted in ``omitted``. ``exports.base.select``
uses :func:`neighborhood_graph` and :func:`keep_best_linked` for ``export --around`` (the same cut).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

from ..graph import schema
from ..graph.errors import InputError
from ..graph.store import Store

#: Expansion stops adding nodes past this many times ``limit`` (bounded work around hubs).
EXPANSION_FACTOR = 20


@dataclass
class Neighborhood:
    """The subgraph, its node rows, how many nodes were left out, and whether expansion was capped."""

    graph: nx.MultiDiGraph
    rows: list[dict[str, Any]] = field(default_factory=list)
    omitted: int = 0
    capped: bool = False


def keep_best_linked(graph: nx.MultiDiGraph, limit: int | None, keep: Iterable[str] = ()) -> int:
    """Cut ``graph`` in place to its ``limit`` best-linked nodes (highest degree; ``keep`` always stays);
    Source nodes ride along with the facts citing them. Returns how many nodes were left out."""
    facts = [n for n, d in graph.nodes(data=True) if d.get("label") != "Source"]
    if limit is None or len(facts) <= limit:
        return 0
    pinned = [n for n in keep if n in graph]
    rest = sorted((n for n in facts if n not in set(pinned)), key=lambda n: (-graph.degree(n), str(n)))
    chosen = set(pinned) | set(rest[:max(limit - len(pinned), 0)])
    drop = [n for n in facts if n not in chosen]
    graph.remove_nodes_from(drop)
    return len(drop)


def neighborhood_graph(store: Store, ids: list[str], depth: int = 1, types: Iterable[str] | None = None,
                       limit: int | None = None, distances: dict[str, dict[str, int]] | None = None,
                       ) -> tuple[nx.MultiDiGraph, int, bool]:
    """The neighbourhood of ``ids`` cut to ``limit`` nodes; returns (graph, omitted, capped).
    ``distances`` (if given) receives each seed's hop distances, measured before the cut."""
    if depth < 0:
        raise InputError("--depth must be 0 or more")
    type_list = [schema.check_type(t) for t in types] if types else None
    cap = None if limit is None else max(limit * EXPANSION_FACTOR, 1000)
    graph = store.neighborhood(ids, depth=depth, types=type_list, max_nodes=cap)
    capped = cap is not None and graph.number_of_nodes() >= cap
    if distances is not None:
        view = graph.to_undirected(as_view=True)
        distances.update({i: nx.single_source_shortest_path_length(view, i) for i in ids if i in graph})
    omitted = keep_best_linked(graph, limit, ids)
    return graph, omitted, capped


def neighbors(store: Store, entity: str, depth: int = 1, types: Iterable[str] | None = None,
              limit: int | None = None) -> Neighborhood:
    """ENTITY's neighbourhood: one row per node (distance, degree in the subgraph), nearest and
    best-linked first."""
    node = store.resolve(entity)
    distances: dict[str, dict[str, int]] = {}
    graph, omitted, capped = neighborhood_graph(store, [node.id], depth, types, limit, distances)
    dist = distances[node.id]
    rows = [{"id": n, "name": d.get("name", n), "label": d.get("label"), "kind": d.get("kind"),
             "date": d.get("date"), "distance": dist.get(n), "degree": graph.degree(n)}
            for n, d in graph.nodes(data=True)]
    rows.sort(key=lambda r: (r["distance"] if r["distance"] is not None else 99, -r["degree"], r["name"], r["id"]))
    return Neighborhood(graph, rows, omitted, capped)
