"""CSV export for Gephi's spreadsheet import and for spreadsheets: a folder with nodes.csv and edges.csv."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from . import tabular
from .base import ExportContext, register
from .style import edge_caption

NODE_HEAD = ["Id", "Label", "label"]
EDGE_HEAD = ["Source", "Target", "Type", "Label", "Weight", "key", "type"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(value: Any) -> Any:
    """Prefix text that a spreadsheet would run as a formula (=, +, -, @) with an apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _columns(rows: Iterable[dict[str, Any]], head: list[str]) -> list[str]:
    extra = sorted({k for row in rows for k in row} - set(head))
    return head + extra


def _write(path: Path, head: list[str], rows: list[dict[str, Any]], guard: bool) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=_columns(rows, head), quoting=csv.QUOTE_MINIMAL,
                                lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: guard_formula(v) if guard else v for k, v in row.items()})
    tmp.replace(path)


@register("csv")
def export_csv(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write ``path``/nodes.csv and ``path``/edges.csv (UTF-8; lists joined with " | ").

    Option ``formula_guard`` (default true) defuses cells that spreadsheets would evaluate.
    """
    guard = bool(ctx.options.get("formula_guard", True))
    nodes = []
    for n in sorted(graph.nodes, key=str):
        attrs = graph.nodes[n]
        row = {"Id": str(n), "Label": attrs.get("name") or str(n), **tabular.flat_attrs(attrs)}
        row.pop("name", None)
        nodes.append(row)
    edges = []
    for u, v, k, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        row = {"Source": str(u), "Target": str(v), "Type": "Directed", "Label": edge_caption(attrs),
               "Weight": tabular.weight(attrs), "key": str(k), **tabular.flat_attrs(attrs)}
        edges.append(row)
    if path.exists() and not path.is_dir():
        from ..graph.errors import InputError

        raise InputError(f"{path}: the csv export writes a folder (nodes.csv, edges.csv), but this is a file")
    path.mkdir(parents=True, exist_ok=True)
    _write(path / "nodes.csv", NODE_HEAD, nodes, guard)
    _write(path / "edges.csv", EDGE_HEAD, edges, guard)
    return [path / "nodes.csv", path / "edges.csv"]
