"""Which nodes a drawing shows, and where: shared by the HTML and image exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable

import networkx as nx
import numpy as np

from ..graph.errors import InputError
from ..graph.schema import SOURCE


#: Above this many nodes, layouts use the grid-based force layout (networkx's is O(n²) per step).
SMALL_GRAPH = 300


@dataclass
class Drawable:
    """The part of a graph that is drawn, and what was left out of it."""

    graph: nx.MultiDiGraph
    omitted_nodes: int
    sources: dict[Hashable, dict]


def parse_limit(value: object) -> int | None:
    """A node limit from an option (``None``/empty means no limit); InputError if not a positive integer."""
    if value in (None, "", 0, "0"):
        return None
    try:
        limit = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise InputError(f"limit must be a positive integer, not {value!r}") from None
    if limit < 1:
        raise InputError(f"limit must be a positive integer, not {value!r}")
    return limit


def drawable(graph: nx.MultiDiGraph, limit: int | None = None, already_omitted: int = 0) -> Drawable:
    """The drawn subgraph: Source nodes set aside (facts cite them), then the ``limit`` most connected nodes."""
    sources = {n: d for n, d in graph.nodes(data=True) if d.get("label") == SOURCE}
    kept = [n for n in graph.nodes if n not in sources]
    omitted = already_omitted
    if limit is not None and len(kept) > limit:
        degree = graph.degree
        kept = sorted(kept, key=lambda n: (-degree[n], str(n)))[:limit]
        omitted += len(graph) - len(sources) - limit
    return Drawable(graph.subgraph(kept).copy() if sources or omitted > already_omitted else graph,
                    omitted, sources)


#: A node with at least this many leaves (neighbours linked to nothing else) gets them as a disc around it.
STAR_LEAVES = 4
#: Distance between leaves in a disc, in typical edge lengths.
LEAF_SPACING = 0.42
_GOLDEN = 2.399963229728653  # golden angle (radians): an even sunflower packing


def positions(graph: nx.MultiDiGraph, seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Deterministic 2-D positions with typical edge length about 1 (fast for thousands of nodes).

    Leaves of a star (a committee's hundreds of meetings, an office's staff) are not left to the
    forces, which pile them up: the rest is laid out, each star centre is given room for its leaves
    (discs pushed apart until they do not overlap) and the leaves fill that disc evenly."""
    nodes = sorted(graph.nodes, key=str)
    if len(nodes) <= 1:
        return {v: (0.0, 0.0) for v in nodes}
    simple = nx.Graph(graph.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    leaves: dict[Hashable, list] = {}
    for v in nodes:
        if simple.degree(v) == 1:
            leaves.setdefault(next(iter(simple[v])), []).append(v)
    leaves = {h: ls for h, ls in leaves.items() if len(ls) >= STAR_LEAVES}
    placed = {v for ls in leaves.values() for v in ls}
    core = [v for v in nodes if v not in placed]
    pos = _core_positions(simple.subgraph(core), core, seed)
    pos = _make_room(pos, {h: _disc_radius(len(ls)) for h, ls in leaves.items()})
    for h, ls in leaves.items():
        hx, hy = pos[h]
        for k, v in enumerate(ls):  # sorted: the same input gives the same picture
            r = LEAF_SPACING * (1.2 + (k + 0.5) ** 0.5)
            pos[v] = (hx + r * float(np.cos(k * _GOLDEN)), hy + r * float(np.sin(k * _GOLDEN)))
    return pos


def _disc_radius(n_leaves: int) -> float:
    return LEAF_SPACING * (1.2 + n_leaves ** 0.5) + LEAF_SPACING


def _core_positions(simple: nx.Graph, nodes: list, seed: int) -> dict[Hashable, tuple[float, float]]:
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n <= SMALL_GRAPH:
        h = nx.Graph()
        h.add_nodes_from(nodes)
        h.add_edges_from(sorted(simple.edges, key=lambda e: (str(e[0]), str(e[1]))))
        pos = nx.spring_layout(h, seed=seed, k=1.0 / max(n, 1) ** 0.5)
        scale = max(n, 1) ** 0.5 * 1.5
        return {v: (float(p[0]) * scale, float(p[1]) * scale) for v, p in pos.items()}
    return _grid_force_layout(simple, nodes, seed)


def _make_room(pos: dict, radius: dict, passes: int = 60) -> dict:
    """Move the star centres (discs of ``radius``) and the other nodes (radius 0.25) apart until no
    disc overlaps another: pairwise pushes, vectorised, a few dozen passes (in big graphs only the
    discs are pushed, against every node)."""
    ids = list(pos)
    xy = np.array([pos[v] for v in ids], dtype=float)
    xy += np.random.default_rng(0).normal(0, 1e-3, xy.shape)  # no two nodes exactly on one spot
    r = np.array([radius.get(v, 0.25) for v in ids])
    big = np.arange(len(ids)) if len(ids) <= SMALL_GRAPH else np.nonzero(r > 0.25)[0]
    if len(big) * len(ids) > 2_000_000:
        passes = 15
    for _ in range(passes):
        d = xy[big, None, :] - xy[None, :, :]  # each disc against every node
        dist = np.sqrt((d * d).sum(axis=2))
        need = r[big, None] + r[None, :]
        over = np.clip(need - dist, 0, None)
        over[np.arange(len(big)), big] = 0
        if not over.any():
            break
        unit = d / np.maximum(dist, 1e-9)[:, :, None]
        push = unit * (over / 2)[:, :, None]
        move = np.zeros_like(xy)
        np.add.at(move, big, push.sum(axis=1))
        np.add.at(move, np.arange(len(ids)), -push.sum(axis=0))
        xy += move
    return {v: (float(xy[i, 0]), float(xy[i, 1])) for i, v in enumerate(ids)}


def _grid_force_layout(simple: nx.Graph, nodes: list, seed: int, iterations: int = 25) -> dict:
    """Force-directed layout whose repulsion is a field computed on a grid by FFT (particle-mesh).

    Cost per step is O(n + e + G² log G) instead of O(n²); degree-weighted repulsion and a weak
    gravity (as in ForceAtlas2) keep hubs apart and components together.
    """
    import numpy as np

    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in simple.edges], dtype=np.int64).reshape(-1, 2)
    mass = np.bincount(edges.ravel(), minlength=n).astype(float) + 1.0
    rng = np.random.default_rng(seed)
    side = n ** 0.5 * 2.0
    pos = _pivot_mds(n, edges, rng, side)
    grid = 128
    ax = np.arange(-grid + 1, grid, dtype=float)
    dx, dy = np.meshgrid(ax, ax, indexing="ij")
    r2 = dx * dx + dy * dy
    r2[grid - 1, grid - 1] = np.inf
    size = 3 * grid  # >= 3 * grid - 2: linear convolution without wrap-around, FFT-friendly
    kx = np.fft.rfft2(dx / r2 ** 1.5, s=(size, size))
    ky = np.fft.rfft2(dy / r2 ** 1.5, s=(size, size))
    temp = side / 100
    for _step in range(iterations):
        lo = pos.min(axis=0)
        span = max(float((pos.max(axis=0) - lo).max()), 1e-9)
        cell = span / (grid - 1)
        ij = np.clip(np.rint((pos - lo) / cell).astype(np.int64), 0, grid - 1)
        flat = ij[:, 0] * grid + ij[:, 1]
        dens = np.bincount(flat, weights=mass, minlength=grid * grid).reshape(grid, grid)
        fd = np.fft.rfft2(dens, s=(size, size))
        fx = np.fft.irfft2(fd * kx, s=(size, size))[grid - 1:2 * grid - 1, grid - 1:2 * grid - 1]
        fy = np.fft.irfft2(fd * ky, s=(size, size))[grid - 1:2 * grid - 1, grid - 1:2 * grid - 1]
        # repulsion ~ m_i m_j / d² (short-ranged, so no crowding at the rim; d in layout units)
        disp = np.stack([fx.ravel()[flat], fy.ravel()[flat]], axis=1) * (mass[:, None] / cell ** 2)
        disp += rng.normal(0, 0.05, (n, 2)) * mass[:, None]  # nodes sharing a cell still separate
        if len(edges):
            d = pos[edges[:, 1]] - pos[edges[:, 0]]
            dist = np.sqrt((d * d).sum(axis=1))[:, None]
            pull = d * dist  # attraction ~ d²
            np.add.at(disp, edges[:, 0], pull)
            np.add.at(disp, edges[:, 1], -pull)
        disp -= pos * (0.05 * mass[:, None] / max(side, 1.0))  # gravity
        length = np.sqrt((disp * disp).sum(axis=1))[:, None]
        pos += disp / np.maximum(length, 1e-9) * np.minimum(length, temp)
        temp = max(temp * 0.95, side / 400)
    if len(edges):
        d = pos[edges[:, 1]] - pos[edges[:, 0]]
        typical = float(np.median(np.sqrt((d * d).sum(axis=1))))
        pos /= max(typical, 1e-9)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def _pivot_mds(n: int, edges: "np.ndarray", rng: "np.random.Generator", side: float, pivots: int = 40) -> "np.ndarray":
    """Initial positions from hop distances to a few pivot nodes (PivotMDS): keeps the graph unfolded."""
    import numpy as np

    k = min(pivots, n)
    both = np.concatenate([edges, edges[:, ::-1]]) if len(edges) else np.zeros((0, 2), dtype=np.int64)
    dist = np.full((n, k), -1.0)
    pivot = int(np.argmax(np.bincount(both[:, 0], minlength=n))) if len(both) else 0
    for j in range(k):  # farthest-first pivots, each a level-synchronous BFS over the edge arrays
        d = dist[:, j]
        d[pivot] = 0
        frontier = np.zeros(n, dtype=bool)
        frontier[pivot] = True
        level = 0
        while frontier.any():
            level += 1
            reach = np.zeros(n, dtype=bool)
            reach[both[frontier[both[:, 0]], 1]] = True
            reach &= d < 0
            d[reach] = level
            frontier = reach
        d[d < 0] = level + 1  # other components: beyond the farthest level
        nearest = dist[:, : j + 1].min(axis=1)
        pivot = int(np.argmax(nearest + rng.random(n) * 1e-3))
    sq = dist ** 2
    centred = sq - sq.mean(axis=0) - sq.mean(axis=1, keepdims=True) + sq.mean()
    vals, vecs = np.linalg.eigh(centred.T @ centred)
    pos = -0.5 * centred @ vecs[:, -2:]
    pos += rng.normal(0, 1e-3, pos.shape) * (np.abs(pos).max() + 1)
    pos -= pos.mean(axis=0)
    return pos * (side / 2 / max(float(np.abs(pos).max()), 1e-9))
