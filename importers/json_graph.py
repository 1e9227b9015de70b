"""Import of the JSON contract (networkx node-link data, as ``stakegraph export json`` writes it)."""

from __future__ import annotations

import io
import json
import re
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterator

from ..graph.dates import check_period, parse_date
from ..graph.errors import InputError, SchemaError
from ..graph.records import Node, Record, Rel
from . import limits
from .base import ImportContext, Importer, register, text_encoding
from .base import long_number as _long_number


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
        encoding = text_encoding(path, ctx)
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
    def _stream(path: Path, encoding: str) -> "_DepthGuard":
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
            except UnicodeDecodeError:  # the C parser's words for a \\ud800-\\udfff escape standing alone
                raise InputError(f"{path}: a JSON string holds a lone surrogate escape (\\ud800-\\udfff), "
                                 "which is no character") from None
            except ValueError as exc:
                if "digits" in str(exc):
                    raise InputError(f"{path}: {_long_number()}") from None
                raise InputError(f"{path}: invalid JSON ({' '.join(str(exc).split())[:160]})") from None

    @staticmethod
    def _where(path: Path, encoding: str, exc: Exception) -> str:
        """'invalid JSON at line L, column C: msg' (exact for files up to 16 MB, else the parser's words)."""
        if path.stat().st_size <= 16 << 20:
            try:
                json.loads(path.read_bytes().decode(encoding))
            except json.JSONDecodeError as err:
                return f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}"
            except ValueError as err:
                if "digits" in str(err):
                    return _long_number()
            except RecursionError:
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
        node_id = _id(path, f"nodes[{i}]", "id", obj["id"])
        name = obj.get("name")
        if name is not None and not isinstance(name, str):
            raise InputError(f"{path}: nodes[{i}]: 'name' is a {_kind(name)}, not a string")
        props = _dates({k: v for k, v in obj.items() if k not in ("id", "label", "name")}, f"{path}: nodes[{i}]")
        try:
            return Node(node_id, obj.get("label", ""), name or node_id, props).validate()
        except SchemaError as exc:
            raise InputError(f"{path}: nodes[{i}]: {exc}") from None

    @staticmethod
    def _edge(path: Path, i: int, obj: Any) -> Rel:
        if not isinstance(obj, dict) or "source" not in obj or "target" not in obj:
            raise InputError(f"{path}: edges[{i}] is not an object with 'source' and 'target'")
        where = f"edges[{i}]"
        props = _dates({k: v for k, v in obj.items() if k not in ("source", "target", "type", "key")}, f"{path}: {where}")
        key = obj.get("key")
        try:
            return Rel(obj.get("type", ""), _id(path, where, "source", obj["source"]),
                       _id(path, where, "target", obj["target"]), props,
                       key=_id(path, where, "key", key) if key not in (None, "") else None).validate()
        except SchemaError as exc:
            raise InputError(f"{path}: edges[{i}]: {exc}") from None


#: Properties holding dates (SCHEMA.md), with the pairs that are periods.
_DATE_KEYS = ("date", "end_date", "since", "until", "published", "retrieved")
_PERIODS = (("since", "until"), ("date", "end_date"))


def _dates(props: dict[str, Any], where: str) -> dict[str, Any]:
    """``props`` with its dates calendar-checked (reduced ISO 8601); InputError naming ``where`` and the field."""
    for k in _DATE_KEYS:
        value = props.get(k)
        if value is not None and not isinstance(value, bool):
            props[k] = parse_date(str(value) if isinstance(value, int) else value, f"{where}: {k}")
    for start, end in _PERIODS:
        check_period(props.get(start), props.get(end), f"{where}: {start}/{end}")
    return props


def _kind(value: Any) -> str:
    return {list: "list", dict: "object", bool: "boolean", float: "number", type(None): "null"}.get(
        type(value), type(value).__name__)


def _id(path: Path, where: str, field: str, value: Any) -> str:
    """An id as text: a string, or an integer (networkx writes those); anything else is refused."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{path}: {where}: {field!r} is a {_kind(value)}, not a string")


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
    """Passes bytes through to the JSON parser, refusing input nested deeper than MAX_DEPTH (ijson's cost
    per event grows with depth: 100k levels would need gigabytes) and any string longer than the
    FIELD_MB limit (the parser would hold it whole) before the parser sees it."""

    def __init__(self, raw: Any, path: Path) -> None:
        self.raw, self.path = raw, path
        self.depth = 0
        self.in_string = False
        self.open_len = 0  # bytes of the string the last chunk ended in
        self.max_string = limits.FIELD_MB.bytes()

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

    def _too_long(self) -> InputError:
        return limits.FIELD_MB.exceeded(self.path, f"a JSON string of more than {self.max_string:,} bytes")

    def _scan(self, chunk: bytes) -> None:
        pos = 0
        if self.in_string:
            m = _STRING_REST.match(chunk)
            self.open_len += len(chunk) if m is None else m.end()
            if self.open_len > self.max_string:
                raise self._too_long()
            if m is None:
                return
            self.in_string, pos = False, m.end()
        body = chunk[pos:] if pos else chunk
        if len(body) > self.max_string and any(len(m[0]) > self.max_string for m in _STRING.finditer(body)):
            raise self._too_long()
        rest = _STRING.sub(b"", body)
        quote = rest.find(b'"')
        if quote >= 0:
            self.in_string, self.open_len = True, len(rest) - quote - 1
            rest = rest[:quote]
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
