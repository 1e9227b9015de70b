"""Import of the JSON contract (networkx node-link data, as ``stakegraph export json`` writes it)."""

from __future__ import annotations

import io
import json
import re
from itertools import accumulate
from pathlib import Path
from typing import IO, Any, Iterator

from ..graph.errors import InputError, SchemaError
from ..graph.records import Node, Record, Rel
from .base import ImportContext, Importer, register, text_encoding


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
        # Streamed (ijson): nodes and edges are read one by one, so memory does not grow with the file.
        encoding = text_encoding(path)
        ctx.advance(path.stat().st_size)
        count = 0
        for i, obj in enumerate(self._items(path, encoding, "nodes.item")):
            count += 1
            yield self._node(path, i, obj)
        if not count:
            self._check_shape(path, encoding)
        for key in ("edges", "links"):
            n = 0
            for i, obj in enumerate(self._items(path, encoding, key + ".item")):
                n += 1
                yield self._edge(path, i, obj)
            if n:
                break
        else:
            self._check_shape(path, encoding)

    @staticmethod
    def _stream(path: Path, encoding: str) -> IO[bytes]:
        """The file as UTF-8 bytes (re-encoded on the fly from cp1252), without a BOM, checked for depth."""
        fh = open(path, "rb")
        if encoding in ("utf-8", "utf-8-sig"):
            if fh.read(3) != b"\xef\xbb\xbf":
                fh.seek(0)
            return _DepthGuard(fh, path)
        return _DepthGuard(_Utf8Reader(io.TextIOWrapper(fh, encoding=encoding, newline="")), path)

    def _items(self, path: Path, encoding: str, prefix: str) -> Iterator[Any]:
        import ijson

        with self._stream(path, encoding) as fh:
            try:
                yield from ijson.items(fh, prefix, use_float=True)
            except ijson.JSONError as exc:
                raise InputError(f"{path}: {self._where(path, encoding, exc)}") from None
            except RecursionError:
                raise InputError(f"{path}: JSON nested too deeply") from None

    @staticmethod
    def _where(path: Path, encoding: str, exc: Exception) -> str:
        """'invalid JSON at line L, column C: msg' (exact for files up to 16 MB, else the parser's words)."""
        if path.stat().st_size <= 16 << 20:
            try:
                json.loads(path.read_bytes().decode(encoding))
            except json.JSONDecodeError as err:
                return f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}"
            except (RecursionError, UnicodeDecodeError):
                pass
        msg = " ".join(str(exc).split("\n")[0].split()) or type(exc).__name__
        return f"invalid JSON ({msg})"

    def _check_shape(self, path: Path, encoding: str) -> None:
        """Raise InputError unless the file is an object whose 'nodes' (and 'edges'/'links') are lists."""
        import ijson

        kinds: dict[str, str] = {}
        top = None
        with self._stream(path, encoding) as fh:
            try:
                for prefix, event, _value in ijson.parse(fh):
                    if top is None:
                        top = event
                        if event != "start_map":
                            break
                    elif prefix in ("nodes", "edges", "links") and prefix not in kinds and event != "map_key":
                        kinds[prefix] = event
            except ijson.JSONError as exc:
                raise InputError(f"{path}: {self._where(path, encoding, exc)}") from None
        if top is None:
            raise InputError(f"{path}: file is empty")
        if top != "start_map" or kinds.get("nodes") != "start_array":
            raise InputError(f"{path}: not stakegraph JSON (expected an object with a 'nodes' list)")
        edges = kinds.get("edges", kinds.get("links", "start_array"))
        if edges != "start_array":
            raise InputError(f"{path}: 'edges' is not a list")

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


class _Utf8Reader:
    """A decoded text stream read back as UTF-8 bytes (what the streaming JSON parser takes)."""

    def __init__(self, text: io.TextIOBase) -> None:
        self.text = text
        self.pending = b""

    def read(self, n: int = -1) -> bytes:
        if n == 0:
            return b""
        if n is None or n < 0:
            return self.pending + self.text.read().encode("utf-8")
        while len(self.pending) < n:
            chunk = self.text.read(n)
            if not chunk:
                break
            self.pending += chunk.encode("utf-8")
        out, self.pending = self.pending[:n], self.pending[n:]
        return out

    def close(self) -> None:
        self.text.close()


MAX_DEPTH = 500
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_STRING_REST = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_DELTA = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


class _DepthGuard:
    """Passes bytes through to the JSON parser, refusing input nested deeper than MAX_DEPTH before the
    parser sees it (ijson's cost per event grows with depth: 100k levels would need gigabytes)."""

    def __init__(self, raw: Any, path: Path) -> None:
        self.raw, self.path = raw, path
        self.depth = 0
        self.in_string = False

    def read(self, n: int = -1) -> bytes:
        if n == 0:  # ijson probes read(0) for the stream's type
            return b""
        chunk = self.raw.read(n if n and n > 0 else 1 << 16)
        while chunk.endswith(b"\\"):  # never split an escape between two chunks
            more = self.raw.read(1)
            if not more:
                break
            chunk += more
        self._scan(chunk)
        return chunk

    def _scan(self, chunk: bytes) -> None:
        pos = 0
        if self.in_string:
            m = _STRING_REST.match(chunk)
            if m is None:
                return
            self.in_string, pos = False, m.end()
        rest = _STRING.sub(b"", chunk[pos:] if pos else chunk)
        quote = rest.find(b'"')
        if quote >= 0:
            self.in_string, rest = True, rest[:quote]
        brackets = rest.translate(None, _NOT_BRACKETS)
        if brackets:
            levels = list(accumulate(map(_DELTA.__getitem__, brackets), initial=self.depth))
            if max(levels) > MAX_DEPTH:
                raise InputError(f"{self.path}: JSON nested too deeply (more than {MAX_DEPTH} levels)")
            self.depth = levels[-1]

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> "_DepthGuard":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
