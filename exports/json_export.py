"""JSON export in the SCHEMA.md contract (networkx node-link data)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from .base import ExportContext, register
from ..graph.convert import node_link
from ..graph.schema import SCHEMA_VERSION


@register("json")
def export_json(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write node-link JSON (``directed``, ``multigraph``, ``graph``, ``nodes``, ``edges``)."""
    meta = {"generator": "stakegraph", "schema_version": SCHEMA_VERSION, "store": ctx.store,
            "created": ctx.created, "omitted_nodes": ctx.omitted_nodes}
    data = node_link(graph, meta)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=False)
        fh.write("\n")
    return [path]
