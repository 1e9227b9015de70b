"""GEXF (Gephi) and GraphML (yEd, Gephi, Cytoscape) exports with flat, consistently typed attributes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from . import tabular
from .base import ExportContext, register
from .style import edge_caption


def flat_graph(graph: nx.MultiDiGraph, gexf: bool = False) -> nx.MultiDiGraph:
    """A copy with flat attributes, ready for the XML writers.

    For GEXF, whose writer takes ``label`` as the display label and ``type`` as the edge direction,
    the display label is the name (nodes) or the caption (edges), the schema label moves to
    ``node_label`` and the relationship type to ``rel_type``.
    """
    node_rows = {n: tabular.flat_attrs(d) for n, d in graph.nodes(data=True)}
    for n, row in node_rows.items():
        row.setdefault("name", str(n))
        if gexf:
            row["node_label"] = row.pop("label", None)
            row["label"] = row["name"]
    edge_rows = {}
    for u, v, k, d in graph.edges(keys=True, data=True):
        row = tabular.flat_attrs(d)
        row["weight"] = tabular.weight(d)
        if gexf:  # GEXF keeps "type" for directed/undirected and "label" for display
            row["rel_type"] = row.pop("type", None)
            row["label"] = edge_caption(d)
        edge_rows[(u, v, k)] = row
    ntypes = tabular.column_types(node_rows.values())
    etypes = tabular.column_types(edge_rows.values())
    flat = nx.MultiDiGraph()
    for n in sorted(node_rows, key=str):
        flat.add_node(str(n), **tabular.coerce(node_rows[n], ntypes, xml=True))
    for (u, v, k) in sorted(edge_rows, key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        row = tabular.coerce(edge_rows[(u, v, k)], etypes, xml=True)
        if gexf:
            row["id"] = f"{u}->{v}#{k}"
        flat.add_edge(str(u), str(v), key=str(k), **row)
    return flat


def _write(path: Path, writer, graph: nx.MultiDiGraph) -> list[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    writer(graph, tmp)
    tmp.replace(path)
    return [path]


@register("gexf")
def export_gexf(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write GEXF 1.2 for Gephi: names as labels, schema label, kinds, dates, edge types and weights."""
    flat = flat_graph(graph, gexf=True)
    flat.graph.update({"title": ctx.title, "store": ctx.store, "created": ctx.created})
    return _write(path, lambda g, p: nx.write_gexf(g, p, encoding="utf-8", version="1.2draft"), flat)


@register("graphml")
def export_graphml(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write GraphML for yEd/Gephi: every property as a typed attribute, lists joined with " | "."""
    flat = flat_graph(graph)
    return _write(path, _write_graphml, flat)


def _write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    # networkx writes values as element text with a raw CR, which every XML parser turns into LF
    # (end-of-line normalization): a name with a carriage return came back changed. In this output a raw
    # CR can only be inside a value, so a character reference keeps it exactly.
    nx.write_graphml(graph, path, encoding="utf-8", named_key_ids=True)
    data = path.read_bytes()
    if b"\r" in data:
        path.write_bytes(data.replace(b"\r", b"&#13;"))
