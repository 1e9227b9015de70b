"""``brokers``: who connects otherwise separate groups — betweenness centrality on the
person–organization projection.

The projection has persons and organizations as nodes; a person is linked to each organization
where they hold a role, and two persons are linked when they attended the same event. This is a
global question, so it is computed in networkx on both stores from exactly these facts (HOLDS_ROLE
and ATTENDED relationships and the names of their ends — no Sources, no other relationships).
Betweenness is normalized; above ``EXACT_LIMIT`` nodes it is estimated from ``SAMPLE`` pivots with a
fixed seed over id-sorted nodes, so both stores still agree. Ties: id.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from ..graph import schema
from ..graph.store import Store

EXACT_LIMIT = 2000
SAMPLE = 500


def projection(store: Store) -> nx.Graph:
    """Persons and organizations; role links and shared-event links (undirected, id-sorted)."""
    edges: set[tuple[str, str]] = set()
    attendees: dict[str, set[str]] = defaultdict(set)
    for r in store.rels(schema.HOLDS_ROLE):
        edges.add(tuple(sorted((r.source, r.target))))  # type: ignore[arg-type]
    for r in store.rels(schema.ATTENDED):
        attendees[r.target].add(r.source)
    ends = {e for pair in edges for e in pair} | {p for group in attendees.values() for p in group}
    nodes = store.get_many(ends)
    for group in attendees.values():
        people = sorted(p for p in group if p in nodes and nodes[p].label == schema.PERSON)
        edges.update(combinations(people, 2))
    g = nx.Graph()
    for i in sorted(ends):
        if i in nodes and nodes[i].label in (schema.PERSON, schema.ORGANIZATION):
            g.add_node(i, name=nodes[i].name, label=nodes[i].label)
    g.add_edges_from(sorted(e for e in edges if e[0] in g and e[1] in g))
    return g


def brokers(store: Store, top: int = 10) -> list[dict[str, Any]]:
    """The ``top`` entities with the highest betweenness on the projection (zero scores left out)."""
    g = projection(store)
    if g.number_of_nodes() < 3:
        return []
    k = None if g.number_of_nodes() <= EXACT_LIMIT else SAMPLE
    scores = nx.betweenness_centrality(g, k=k, normalized=True, seed=0 if k else None)
    ranked = sorted((n for n in g if scores[n] > 0), key=lambda n: (-round(scores[n], 9), n))[:top]
    rows = []
    for rank, n in enumerate(ranked, 1):
        nbrs = list(g.neighbors(n))
        rows.append({"rank": rank, "entity": {"id": n, "name": g.nodes[n]["name"]}, "label": g.nodes[n]["label"],
                     "betweenness": round(scores[n], 6), "degree": len(nbrs),
                     "organizations": sum(g.nodes[x]["label"] == schema.ORGANIZATION for x in nbrs),
                     "people": sum(g.nodes[x]["label"] == schema.PERSON for x in nbrs)})
    return rows
