"""``brokers``: who links otherwise separate groups — betweenness centrality on the
person–organization projection.

The projection has persons and organizations as nodes; a person is linked to each organization
where they hold a role, and two persons are linked when they attended the same event. An event
with more than ``BIG_EVENT`` person attendees joins them through itself instead (a star: the event
is a node of the projection, never ranked), because linking every pair grows with the square of
its size (a 2,000-person council session would add two million links). It is built from the
stores' ``endpoints`` and ``labels_names`` primitives (HOLDS_ROLE and ATTENDED, no properties).

Betweenness is normalized as networkx does it. Up to ``EXACT_LIMIT`` nodes it is exact (Brandes:
networkx for small projections, networkit — compiled, MIT — for larger ones); above, networkit's
KADABRA estimates it (adaptive sampling of shortest paths by balanced bidirectional BFS) to within
``ERROR`` with probability 1 - ``DELTA``, seeded, in its deterministic mode, over id-sorted nodes,
so both stores and every run agree. Ties: id.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from ..graph import schema
from ..graph.store import Store

EXACT_LIMIT = 2000
#: Absolute error (with probability 1 - DELTA) of the estimate above EXACT_LIMIT nodes.
ERROR = 0.005
DELTA = 0.1
#: Up to this many node × link steps exact betweenness runs in networkx (a tenth of a second).
SMALL_WORK = 300_000
#: Events with more person attendees than this are a node of the projection (a star), not a clique.
BIG_EVENT = 20
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
    n = len(ids)
    codes: list[int] = [min(index[s], index[t]) * n + max(index[s], index[t])
                        for s, t in roles if s in index and t in index and s != t]
    for event, group in attendees.items():
        members = sorted({index[p] for p in group})
        if event in big:
            hub = index[event]
            codes.extend(min(m, hub) * n + max(m, hub) for m in members)
        else:
            codes.extend(u * n + v for u, v in combinations(members, 2))
    arr = np.sort(np.fromiter(codes, dtype=np.int64, count=len(codes)))
    unique = arr[np.concatenate(([True], arr[1:] != arr[:-1]))] if len(arr) else arr
    edges = np.column_stack([unique // n, unique % n]) if len(unique) else np.zeros((0, 2), dtype=np.int64)
    return Projection(ids, labels, names, edges)


def betweenness(proj: Projection, exact_limit: int = EXACT_LIMIT, error: float = ERROR) -> list[float]:
    """Normalized betweenness of each projection node: exact up to ``exact_limit`` nodes, else
    estimated within ``error`` (seeded, deterministic: the same on every run and store)."""
    n = len(proj.ids)
    if n < 3:
        return [0.0] * n
    if n <= exact_limit and n * len(proj.edges) <= SMALL_WORK:  # no need to load networkit (~1 s)
        import networkx as nx

        small = nx.Graph()
        small.add_nodes_from(range(n))
        small.add_edges_from(proj.edges.tolist())
        scores = nx.betweenness_centrality(small, normalized=True)
        return [scores[i] for i in range(n)]
    with warnings.catch_warnings():  # networkit's profiling module imports IPython's deprecated names
        warnings.simplefilter("ignore", DeprecationWarning)
        import networkit as nk

    g = nk.Graph(n, weighted=False, directed=False)
    if len(proj.edges):
        g.addEdges((proj.edges[:, 0].copy(), proj.edges[:, 1].copy()))
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)  # one thread: the estimate's samples and the sums' order are fixed
    try:
        nk.setSeed(SEED, False)
        if n <= exact_limit:
            algo = nk.centrality.Betweenness(g, False)
            algo.run()
            scale = 1.0 / ((n - 1) * (n - 2))  # networkit counts ordered pairs; networkx's normalization
        else:
            algo = nk.centrality.KadabraBetweenness(g, error, DELTA, True, 0)
            algo.run()
            scale = 0.5  # KADABRA's fractions count each pair both ways
    finally:
        nk.setNumberOfThreads(threads)
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

