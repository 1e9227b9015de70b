"""``brokers``: who connects otherwise separate groups — betweenness centrality on the
person–organization projection.

The projection has persons and organizations as nodes; a person is linked to each organization
where they hold a role, and two persons are linked when they attended the same event. An event
with more than ``BIG_EVENT`` person attendees joins them through itself instead (a star: the event
is a node of the projection, never ranked), because linking every pair grows with the square of
its size (a 2,000-person council session would add two million links). It is built from the
stores' ``endpoints`` and ``labels_names`` primitives (HOLDS_ROLE and ATTENDED, no properties).

Betweenness is normalized as networkx does it, computed by networkit (compiled): exact up to
``EXACT_LIMIT`` nodes; above, estimated by ``EstimateBetweenness`` from ``SAMPLE`` source nodes with
a fixed seed over id-sorted nodes, single-threaded, so both stores and every run agree. Ties: id.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..graph import schema
from ..graph.store import Store

EXACT_LIMIT = 2000
SAMPLE = 1000
#: Events with more person attendees than this are a node of the projection (a star), not a clique.
BIG_EVENT = 50
SEED = 0


@dataclass
class Projection:
    """Id-sorted nodes with their labels and names, and undirected links as index pairs (u < v)."""

    ids: list[str]
    labels: list[str]
    names: list[str]
    edges: np.ndarray  # shape (m, 2), int64, unique rows

    def to_networkx(self) -> Any:
        """The projection as a networkx Graph (node attributes ``name`` and ``label``)."""
        import networkx as nx

        g = nx.Graph()
        for i, node_id in enumerate(self.ids):
            g.add_node(node_id, name=self.names[i], label=self.labels[i])
        g.add_edges_from((self.ids[u], self.ids[v]) for u, v in self.edges.tolist())
        return g


def projection(store: Store) -> Projection:
    """Persons and organizations (and big events); role links and shared-event links."""
    roles = store.endpoints(schema.HOLDS_ROLE)
    attended = store.endpoints(schema.ATTENDED)
    info = store.labels_names({e for pair in roles for e in pair} | {p for p, _ in attended})
    attendees: dict[str, list[str]] = defaultdict(list)
    for p, event in attended:
        if info.get(p, ("",))[0] == schema.PERSON:
            attendees[event].append(p)
    big = {e for e, group in attendees.items() if len(set(group)) > BIG_EVENT}
    kept = {i for i, (label, _) in info.items() if label in (schema.PERSON, schema.ORGANIZATION)}
    ids = sorted((kept & ({e for pair in roles for e in pair} | {p for p, _ in attended})) | big)
    index = {node_id: i for i, node_id in enumerate(ids)}
    event_names = store.labels_names(big) if big else {}
    labels = [info[i][0] if i in info else schema.EVENT for i in ids]
    names = [info[i][1] if i in info else event_names.get(i, (schema.EVENT, i))[1] for i in ids]
    parts: list[np.ndarray] = []
    pairs = [(index[s], index[t]) for s, t in roles if s in index and t in index and s != t]
    if pairs:
        parts.append(np.array(pairs, dtype=np.int64))
    for event, group in attendees.items():
        members = np.array(sorted({index[p] for p in group}), dtype=np.int64)
        if event in big:
            parts.append(np.column_stack([members, np.full(len(members), index[event], dtype=np.int64)]))
        elif len(members) > 1:
            a, b = np.triu_indices(len(members), k=1)
            parts.append(np.column_stack([members[a], members[b]]))
    edges = np.concatenate(parts) if parts else np.zeros((0, 2), dtype=np.int64)
    edges = np.unique(np.sort(edges, axis=1), axis=0) if len(edges) else edges
    return Projection(ids, labels, names, edges)


def betweenness(proj: Projection, exact_limit: int = EXACT_LIMIT, samples: int = SAMPLE) -> list[float]:
    """Normalized betweenness of each projection node: exact up to ``exact_limit`` nodes, else
    estimated from ``samples`` sources (seeded, single-threaded: the same on every run)."""
    import networkit as nk

    n = len(proj.ids)
    g = nk.Graph(n, weighted=False, directed=False)
    if len(proj.edges):
        g.addEdges((proj.edges[:, 0].copy(), proj.edges[:, 1].copy()))
    if n < 3:
        return [0.0] * n
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)  # one thread: the estimate's samples and the sums' order are fixed
    try:
        nk.setSeed(SEED, False)
        if n <= exact_limit:
            algo = nk.centrality.Betweenness(g, False)
        else:
            algo = nk.centrality.EstimateBetweenness(g, min(samples, n), False, False)
        algo.run()
    finally:
        nk.setNumberOfThreads(threads)
    scale = 1.0 / ((n - 1) * (n - 2))  # networkit counts ordered pairs; networkx's normalization
    return [s * scale for s in algo.scores()]


def brokers(store: Store, top: int = 10) -> list[dict[str, Any]]:
    """The ``top`` entities with the highest betweenness on the projection (zero scores left out)."""
    proj = projection(store)
    n = len(proj.ids)
    if n < 3:
        return []
    scores = betweenness(proj)
    rankable = [i for i in range(n) if proj.labels[i] != schema.EVENT and scores[i] > 0]
    ranked = sorted(rankable, key=lambda i: (-round(scores[i], 9), proj.ids[i]))[:top]
    nbrs: dict[int, list[int]] = {i: [] for i in ranked}
    for u, v in proj.edges.tolist():
        if u in nbrs:
            nbrs[u].append(v)
        if v in nbrs:
            nbrs[v].append(u)
    rows = []
    for rank, i in enumerate(ranked, 1):
        orgs = sum(proj.labels[x] == schema.ORGANIZATION for x in nbrs[i])
        people = sum(proj.labels[x] == schema.PERSON for x in nbrs[i])
        rows.append({"rank": rank, "entity": {"id": proj.ids[i], "name": proj.names[i]}, "label": proj.labels[i],
                     "betweenness": round(scores[i], 6), "degree": orgs + people,
                     "organizations": orgs, "people": people})
    return rows

