"""GEXF (Gephi) and GraphML (yEd, Gephi, Cytoscape, igraph) exports with flat, consistently typed attributes.

Every edge has its own id (source, target and key: see :func:`tabular.edge_id`); each attribute is
declared once per element kind with one type; ids, keys and names are cleaned of the characters
XML 1.0 cannot hold (they become U+FFFD), so both files are well-formed whatever the data holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from . import tabular
from .base import ExportContext, register
from .style import edge_caption


def _xml_row(row: dict[str, Any]) -> dict[str, Any]:
    return {tabular.xml_text(k): v for k, v in row.items()}


def flat_graph(graph: nx.MultiDiGraph, gexf: bool = False) -> nx.MultiDiGraph:
    """A copy with flat attributes, ready for the XML writers; each edge's unique id is its key
    (GraphML) or its attribute ``id`` (GEXF), its stakegraph key the attribute ``key``.

    For GEXF, whose writer takes ``label`` as the display label and ``type`` as the edge direction,
    the display label is the name (nodes) or the caption (edges), the schema label moves to
    ``node_label`` and the relationship type to ``rel_type``.
    """
    node_rows = {n: _xml_row(tabular.flat_attrs(d)) for n, d in graph.nodes(data=True)}
    for n, row in node_rows.items():
        row.setdefault("name", str(n))
        if gexf:
            row["node_label"] = row.pop("label", None)
            row["label"] = row["name"]
    edge_rows = {}
    for u, v, k, d in graph.edges(keys=True, data=True):
        row = _xml_row(tabular.flat_attrs(d))
        row["key"] = str(k)
        row["weight"] = tabular.weight(d)
        if gexf:  # GEXF keeps "type" for directed/undirected and "label" for display
            row["rel_type"] = row.pop("type", None)
            row["label"] = edge_caption(d)
        edge_rows[(u, v, k)] = row
    ntypes = tabular.column_types(node_rows.values())
    etypes = tabular.column_types(edge_rows.values())
    flat = nx.MultiDiGraph()
    node_id = {n: tabular.xml_text(str(n)) for n in node_rows}
    for n in sorted(node_rows, key=str):
        flat.add_node(node_id[n], **tabular.coerce(node_rows[n], ntypes, xml=True))
    seen: set[str] = set()
    for (u, v, k) in sorted(edge_rows, key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        row = tabular.coerce(edge_rows[(u, v, k)], etypes, xml=True)
        eid = base = tabular.xml_text(tabular.edge_id(u, v, k))
        n = 1
        while eid in seen:  # only when ids hold "/" or XML-invalid characters
            n += 1
            eid = f"{base}#{n}"
        seen.add(eid)
        if gexf:  # the GEXF writer takes the id from "id" and writes the key as the attribute "key"
            row["id"] = eid
        flat.add_edges_from([(node_id[u], node_id[v], row["key"] if gexf else eid, row)])
    return flat


@register("gexf")
def export_gexf(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write GEXF 1.2 for Gephi: names as labels, schema label, kinds, dates, edge types and weights."""
    flat = flat_graph(graph, gexf=True)
    flat.graph.update({"title": ctx.title, "store": ctx.store, "created": ctx.created})
    nx.write_gexf(flat, path, encoding="utf-8", version="1.2draft")
    return [path]


@register("graphml")
def export_graphml(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write GraphML for yEd/Gephi/igraph: every property as a typed attribute, lists joined with " | "."""
    # Key ids d0, d1, … (not the attribute names, which node and edge attributes share): one
    # declaration per attribute and element kind, each id unique in the document.
    nx.write_graphml(flat_graph(graph), path, encoding="utf-8", named_key_ids=False)
    # networkx writes values as element text with a raw CR, which every XML parser turns into LF
    # (end-of-line normalization): a name with a carriage return came back changed. In this output a raw
    # CR can only be inside a value, so a character reference keeps it exactly.
    data = path.read_bytes()
    if b"\r" in data:
        path.write_bytes(data.replace(b"\r", b"&#13;"))
    return [path]
