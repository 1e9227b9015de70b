"""The subgraphs the explorer draws and exports: a neighbourhood, a set of entities, the paths found."""

from __future__ import annotations

import tempfile
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from ..exports import ExportContext, export_graph
from ..exports.base import guarded, select
from ..exports.html import page_data
from ..graph.errors import InputError
from ..queries.neighbors import neighborhood_graph

#: Nodes drawn around an entity on its page (the best connected are kept; the page says how many more).
PAGE_NODES = 150
#: Nodes added when a node of the drawing is expanded.
EXPAND_NODES = 60
#: Formats the explorer offers for the current view, with their media types.
EXPORT_TYPES = {"html": "text/html", "gexf": "application/xml", "graphml": "application/xml",
                "csv": "application/zip", "json": "application/json"}


def with_sources(store: Any, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Add the Source nodes the graph's facts cite (the drawing shows their titles)."""
    cited = {s for _, d in graph.nodes(data=True) for s in d.get("sources") or []}
    cited |= {s for *_, d in graph.edges(data=True) for s in d.get("sources") or []}
    for node_id, node in sorted(store.get_many([s for s in cited if s not in graph]).items()):
        graph.add_node(node_id, **node.attrs())
    return graph


def view_graph(store: Any, around: list[str], ids: list[str], depth: int = 1,
               limit: int | None = PAGE_NODES) -> tuple[nx.MultiDiGraph, ExportContext]:
    """The graph of a view: the neighbourhood of ``around`` (as ``export --around``), or exactly the
    entities ``ids`` and the relationships among them (a path)."""
    if ids:
        graph = with_sources(store, store.subgraph([store.resolve(i).id for i in ids]))
        return graph, guarded(store, ExportContext(title="stakegraph: selection", store=store.describe()))
    if not around:
        raise InputError("a view needs entities: around=ID or ids=ID")
    return select(store, around, depth, limit)


def drawing(store: Any, around: list[str], ids: list[str] = (), depth: int = 1,  # type: ignore[assignment]
            limit: int | None = PAGE_NODES) -> dict[str, Any]:
    """The drawing data (``exports.html.page_data``) of a view, with links into the explorer."""
    graph, ctx = view_graph(store, list(around), list(ids), depth, limit)
    data, _ = page_data(graph, ctx, None)
    data["entityLink"] = "/entity?id="
    data["sourceLink"] = "/source?id="
    return data


def expansion(store: Any, node_id: str, limit: int = EXPAND_NODES) -> dict[str, Any]:
    """The drawing data of one node's direct neighbours (merged into a drawing on click)."""
    graph, _omitted, _capped = neighborhood_graph(store, [store.resolve(node_id).id], 1, limit=limit)
    data, _ = page_data(with_sources(store, graph), ExportContext(store=store.describe()), None)
    data["entityLink"], data["sourceLink"] = "/entity?id=", "/source?id="
    return data


def path_ids(rows: Iterable[dict[str, Any]]) -> list[str]:
    """Every entity on the paths found, first seen first."""
    return list(dict.fromkeys(n["id"] for r in rows for n in r["nodes"]))


def export_bytes(fmt: str, graph: nx.MultiDiGraph, ctx: ExportContext) -> tuple[bytes, str]:
    """The export of ``graph`` as one download: the file, or a zip when the format writes several."""
    if fmt not in EXPORT_TYPES:
        raise InputError(f"unknown export format {fmt!r} (known here: {', '.join(EXPORT_TYPES)})")
    with tempfile.TemporaryDirectory(prefix="stakegraph-web-") as tmp:
        out = Path(tmp) / f"stakegraph.{fmt}"
        written = export_graph(fmt, graph, out, ctx)
        files = [p for w in written for p in (sorted(w.rglob("*")) if w.is_dir() else [w]) if p.is_file()]
        if len(files) == 1 and fmt != "csv":
            return files[0].read_bytes(), f"stakegraph.{fmt}"
        buf = BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in files:
                zf.write(p, p.relative_to(Path(tmp)).as_posix())
        return buf.getvalue(), f"stakegraph-{fmt}.zip"
