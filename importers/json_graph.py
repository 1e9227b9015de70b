"""Import of the JSON contract (networkx node-link data, as ``stakegraph export json`` writes it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from stakegraph.graph.errors import InputError, SchemaError
from stakegraph.graph.records import Node, Record, Rel
from stakegraph.importers.base import ImportContext, Importer, decode, register


@register
class NodeLinkJsonImporter(Importer):
    """Reads ``{"nodes": [...], "edges": [...]}`` (``links`` accepted too)."""

    name = "json"
    extensions = (".json",)

    def sniff(self, path: Path, head: bytes) -> float:
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not text.startswith(b"{"):
            return 0.0
        if b'"nodes"' in head and (b'"edges"' in head or b'"links"' in head or b'"multigraph"' in head):
            return 0.95
        return 0.1 if path.suffix.lower() == ".json" else 0.0

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        raw = path.read_bytes()
        ctx.advance(len(raw))
        try:
            data = json.loads(decode(raw, path))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
        except RecursionError:
            raise InputError(f"{path}: JSON nested too deeply") from None
        if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
            raise InputError(f"{path}: not stakegraph JSON (expected an object with a 'nodes' list)")
        edges = data.get("edges", data.get("links", []))
        if not isinstance(edges, list):
            raise InputError(f"{path}: 'edges' is not a list")
        for i, obj in enumerate(data["nodes"]):
            yield self._node(path, i, obj)
        for i, obj in enumerate(edges):
            yield self._edge(path, i, obj)

    @staticmethod
    def _node(path: Path, i: int, obj: Any) -> Node:
        if not isinstance(obj, dict) or "id" not in obj:
            raise InputError(f"{path}: nodes[{i}] is not an object with an 'id'")
        props = {k: v for k, v in obj.items() if k not in ("id", "label", "name")}
        try:
            return Node(str(obj["id"]), obj.get("label", ""), obj.get("name") or str(obj["id"]), props).validate()
        except SchemaError as exc:
            raise InputError(f"{path}: nodes[{i}]: {exc}") from None

    @staticmethod
    def _edge(path: Path, i: int, obj: Any) -> Rel:
        if not isinstance(obj, dict) or "source" not in obj or "target" not in obj:
            raise InputError(f"{path}: edges[{i}] is not an object with 'source' and 'target'")
        props = {k: v for k, v in obj.items() if k not in ("source", "target", "type", "key")}
        key = obj.get("key")
        try:
            return Rel(obj.get("type", ""), str(obj["source"]), str(obj["target"]), props,
                       key=str(key) if key not in (None, "") else None).validate()
        except SchemaError as exc:
            raise InputError(f"{path}: edges[{i}]: {exc}") from None
