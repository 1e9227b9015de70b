"""CSV export in the shape Gephi's spreadsheet importer takes, readable by any spreadsheet: a folder
with nodes.csv (``Id``, ``Label``, then one column per property) and edges.csv (``Source``,
``Target``, ``Type``, ``Id``, ``Label``, ``Weight``, then one column per property).

The schema label of a node is the column ``node_label`` and the relationship type ``rel_type`` (as in
GEXF), so that no column name differs from another only by case.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from . import tabular
from .base import ExportContext, register
from .style import edge_caption
from .tabular import guard_formula

NODE_HEAD = ["Id", "Label"]
EDGE_HEAD = ["Source", "Target", "Type", "Id", "Label", "Weight"]
#: Schema fields renamed so that they clash with no Gephi column.
RENAMED = {"label": "node_label", "type": "rel_type"}


def _props(attrs: dict[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
    return {RENAMED.get(k, k): v for k, v in tabular.flat_attrs(attrs, drop).items()}


def _write(path: Path, head: list[str], rows: list[tuple[dict[str, Any], dict[str, Any]]], guard: bool) -> None:
    names = tabular.unique_columns(head, {k for _, props in rows for k in props})
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(head + list(names.values()))
        for fixed, props in rows:
            cells = [fixed.get(h) for h in head] + [props.get(k) for k in names]
            writer.writerow([guard_formula(c) if guard else c for c in cells])


@register("csv", folder=True)
def export_csv(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write ``path``/nodes.csv and ``path``/edges.csv (UTF-8; lists joined with " | ").

    Option ``formula_guard`` (default true) defuses cells that spreadsheets would evaluate.
    """
    guard = bool(ctx.options.get("formula_guard", True))
    nodes = []
    for n in sorted(graph.nodes, key=str):
        attrs = graph.nodes[n]
        nodes.append(({"Id": str(n), "Label": attrs.get("name") or str(n)}, _props(attrs, ("id", "name"))))
    edges = []
    for u, v, k, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        fixed = {"Source": str(u), "Target": str(v), "Type": "Directed", "Id": tabular.edge_id(u, v, k),
                 "Label": edge_caption(attrs), "Weight": tabular.weight(attrs)}
        edges.append((fixed, {"key": str(k), **_props(attrs, ("key",))}))
    path.mkdir(parents=True, exist_ok=True)
    _write(path / "nodes.csv", NODE_HEAD, nodes, guard)
    _write(path / "edges.csv", EDGE_HEAD, edges, guard)
    return [path / "nodes.csv", path / "edges.csv"]
