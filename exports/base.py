"""Exporter contract and registry: each exporter writes a networkx subgraph to a path."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from stakegraph.graph.errors import InputError

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
    from stakegraph import exports  # noqa: F401  (loads every registered exporter)

    try:
        fn = EXPORTERS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r} (known: {', '.join(sorted(EXPORTERS))})") from None
    return fn(graph, Path(path), ctx or ExportContext())
