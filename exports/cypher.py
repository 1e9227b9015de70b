"""Cypher script export: parameter-free statements that recreate the subgraph in an empty Neo4j.

One statement per line, each ending in ``;`` (loadable with cypher-shell or statement by statement).
Labels and relationship types come only from graph/schema.py; property keys are backtick-quoted;
strings are escaped as Cypher string literals. The script writes what the Neo4j store writes — the
same uniqueness constraints and each node's ``search_key`` — so that stakegraph, pointed at the
loaded database, answers every query as it does on the exporting store.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from .base import ExportContext, register
from ..graph.errors import SchemaError
from ..graph.neo4j_store import SEARCH_KEY
from ..graph.records import name_keys
from ..graph.schema import LABELS, check_label, check_type

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def string_literal(text: str) -> str:
    """A single-quoted Cypher string literal; backslash, quote and control characters escaped."""
    out = []
    for ch in text:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029\ufeff":
            out.append(f"\\u{ord(ch):04x}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:  # lone surrogate: not encodable; keep it visible
            out.append("\\ufffd")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def identifier(name: str) -> str:
    """A backtick-quoted identifier (backticks doubled)."""
    if not isinstance(name, str) or not name:
        raise SchemaError(f"property name {name!r} is not a non-empty string")
    return "`" + name.replace("`", "``") + "`"


def literal(value: Any) -> str:
    """A Cypher literal for a scalar or a flat list of scalars."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SchemaError(f"cannot write the number {value!r} as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise SchemaError(f"cannot write a {type(value).__name__} as a Cypher property value")


def _set_clause(var: str, props: Mapping[str, Any], skip: tuple[str, ...]) -> str:
    items = [f"{var}.{identifier(k)} = {literal(v)}" for k, v in sorted(props.items())
             if k not in skip and v is not None]
    return (" SET " + ", ".join(items)) if items else ""


def search_key(name: Any, aliases: Any) -> str:
    """The Neo4j store's lookup field of a node (its folded name and aliases, ``|``-separated), as
    graph/neo4j_store.py writes it; the Bolt round-trip test keeps the two alike."""
    return "|" + "|".join(name_keys(name, aliases or [])) + "|"


def statements(graph: nx.MultiDiGraph) -> list[str]:
    """The script's statements: the store's constraints, then one MERGE per node, then one per edge."""
    labels: dict[str, str] = {}
    for n, attrs in graph.nodes(data=True):
        labels[n] = check_label(attrs.get("label", ""))
    out = [f"CREATE CONSTRAINT {('stakegraph_' + lab.lower() + '_id')} IF NOT EXISTS "
           f"FOR (n:{lab}) REQUIRE n.id IS UNIQUE;" for lab in LABELS]
    for n in sorted(graph.nodes, key=str):
        attrs = graph.nodes[n]
        props = {**attrs, "name": attrs.get("name", str(n))}
        props[SEARCH_KEY] = search_key(props["name"], attrs.get("aliases"))
        out.append(f"MERGE (n:{labels[n]} {{id: {literal(str(n))}}})" + _set_clause("n", props, ("label", "id")) + ";")
    for u, v, k, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        rel_type = check_type(attrs.get("type", ""))
        out.append(f"MATCH (a:{labels[u]} {{id: {literal(str(u))}}}) MATCH (b:{labels[v]} {{id: {literal(str(v))}}}) "
                   f"MERGE (a)-[r:{rel_type} {{key: {literal(str(k))}}}]->(b)"
                   + _set_clause("r", attrs, ("type", "key")) + ";")
    return out


@register("cypher")
def export_cypher(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write a Cypher script that recreates ``graph`` (idempotent: MERGE on ids and keys)."""
    lines = statements(graph)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for line in lines:
            fh.write(line + "\n")
    return [path]
