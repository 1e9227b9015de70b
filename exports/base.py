"""Exporter contract and registry: each exporter writes a networkx subgraph to a path."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

import networkx as nx

from ..graph.errors import InputError
from ..queries.neighbors import keep_best_linked, neighborhood_graph

#: An exporter writes ``graph`` to ``path`` and returns the paths it wrote.
Exporter = Callable[[nx.MultiDiGraph, Path, "ExportContext"], list[Path]]


@dataclass
class ExportContext:
    """What an exporter may say about the export (captions, truncation)."""

    title: str = "stakegraph"
    store: str = ""
    around: list[str] = field(default_factory=list)
    depth: int | None = None
    omitted_nodes: int = 0
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    options: dict[str, Any] = field(default_factory=dict)


EXPORTERS: dict[str, Exporter] = {}


def register(name: str) -> Callable[[Exporter], Exporter]:
    """Decorator adding an exporter function under ``name``."""

    def deco(fn: Exporter) -> Exporter:
        EXPORTERS[name] = fn
        return fn

    return deco


def export_graph(fmt: str, graph: nx.MultiDiGraph, path: str | Path, ctx: ExportContext | None = None) -> list[Path]:
    """Write ``graph`` in format ``fmt`` to ``path``; return the files written."""
    from .. import exports  # noqa: F401  (loads every registered exporter)

    try:
        fn = EXPORTERS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r} (known: {', '.join(sorted(EXPORTERS))})") from None
    return fn(graph, Path(path), ctx or ExportContext())


def select(store: Any, around: Iterable[str] = (), depth: int = 2, limit: int | None = None
           ) -> tuple[nx.MultiDiGraph, ExportContext]:
    """The subgraph to export (the neighbourhood of ``around`` entities, or everything), cut to
    ``limit`` nodes, with the Source nodes its facts cite; and a context describing it."""
    ids = [store.resolve(a).id for a in around]
    if ids:
        graph, omitted, _ = neighborhood_graph(store, ids, depth, limit=limit)
    else:
        graph = store.to_networkx()
        omitted = keep_best_linked(graph, limit, ids)
    cited = {s for _, d in graph.nodes(data=True) for s in d.get("sources") or []}
    cited |= {s for *_, d in graph.edges(data=True) for s in d.get("sources") or []}
    missing = [s for s in cited if s not in graph]
    for node_id, node in sorted(store.get_many(missing).items()):
        graph.add_node(node_id, **node.attrs())
    names = [graph.nodes[i].get("name", i) for i in ids if i in graph]
    title = f"stakegraph: around {', '.join(names)}" if names else "stakegraph: whole graph"
    ctx = ExportContext(title=title, store=store.describe(), around=ids, depth=depth if ids else None,
                        omitted_nodes=omitted, options={"limit": limit} if limit else {})
    return graph, ctx
