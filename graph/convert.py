"""Conversions between records, networkx graphs and the JSON export contract of SCHEMA.md."""

from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from .records import Node, Record, Rel


def to_graph(records: Iterable[Record]) -> nx.MultiDiGraph:
    """A MultiDiGraph of records (later records of the same id or edge replace earlier ones)."""
    g = nx.MultiDiGraph()
    for rec in records:
        if isinstance(rec, Node):
            g.add_node(rec.id, **rec.attrs())
        else:
            g.add_edge(rec.source, rec.target, key=rec.key, **rec.attrs())
    return g


def node_from_attrs(node_id: str, attrs: dict[str, Any]) -> Node:
    """A Node record from networkx node attributes."""
    props = {k: v for k, v in attrs.items() if k not in ("label", "name", "id")}
    return Node(node_id, attrs.get("label", ""), attrs.get("name", ""), props)


def rel_from_attrs(source: str, target: str, key: Any, attrs: dict[str, Any]) -> Rel:
    """A Rel record from networkx edge attributes."""
    props = {k: v for k, v in attrs.items() if k not in ("type", "key", "source", "target")}
    return Rel(attrs.get("type", ""), source, target, props, key=str(key) if key is not None else None)


def node_link(g: nx.MultiDiGraph, graph_attrs: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON contract: ``networkx.node_link_data(G, edges="edges")`` with sorted nodes and edges."""
    h = nx.MultiDiGraph()
    h.graph.update(graph_attrs or {})
    for n in sorted(g.nodes):
        h.add_node(n, **g.nodes[n])
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        h.add_edge(u, v, key=k, **d)
    return nx.node_link_data(h, edges="edges")
