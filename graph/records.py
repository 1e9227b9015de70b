"""Typed records that importers stream into stores: nodes and relationships with provenance."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Mapping, Union

from . import schema
from .errors import SchemaError

_TRANSLIT = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "œ": "oe"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


class _Combining(dict):
    """``str.translate`` table dropping combining marks, filled on first sight of each code point."""

    def __missing__(self, cp: int) -> int | None:
        kept = None if unicodedata.combining(chr(cp)) else cp
        self[cp] = kept
        return kept


_DROP_COMBINING = _Combining()


def fold(text: str) -> str:
    """Case- and accent-folded text: 'Denes Kücük' -> 'denes kucuk' (punctuation becomes space)."""
    text = text.casefold()
    if not text.isascii():  # ASCII is its own NFKD form and has no combining marks
        text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).translate(_DROP_COMBINING)
    return _NON_WORD.sub(" ", text).strip()


def slug(*parts: Any) -> str:
    """A stable id fragment: folded words joined by '-'."""
    return "-".join(p for p in (fold(str(x)).replace(" ", "-") for x in parts if x not in (None, "")) if p)


def label_of_id(node_id: str) -> str | None:
    """The label an id's prefix fixes (``person:x`` -> Person), or None for other ids."""
    return _ID_PREFIXES.get(node_id.split(":", 1)[0]) if ":" in node_id else None


def make_id(label: str, *parts: Any) -> str:
    """Deterministic node id such as ``person:isabelle-hemsley`` (label prefix keeps ids unique across labels)."""
    schema.check_label(label)
    frag = slug(*parts)
    if not frag:
        raise SchemaError(f"cannot make a {label} id from {parts!r}")
    return f"{label.lower()}:{frag}"


def rel_key(rel_type: str, props: Mapping[str, Any] | None = None) -> str:
    """Default key of a relationship: its type plus what tells parallel edges of that type apart."""
    props = props or {}
    extra: Any = None
    if rel_type == schema.HOLDS_ROLE:
        extra = props.get("role") or props.get("title")
    elif rel_type == schema.RELATED_TO:
        extra = "-".join(str(props[k]) for k in ("kind", "date", "amount") if props.get(k) not in (None, ""))
    frag = (_slug_cached(extra) if type(extra) is str else slug(extra)) if extra else ""
    return f"{rel_type}:{frag}" if frag else rel_type


#: Role titles and kinds repeat across millions of relationships: fold each once.
_slug_cached = lru_cache(maxsize=8192)(slug)


_NODE_RESERVED = frozenset({"id", "label", "name"})
#: ``person:…`` ids are Persons, ``organization:…`` Organizations, …: an id's label is never in doubt.
_ID_PREFIXES = {label.lower(): label for label in schema.LABELS}
_REL_RESERVED = frozenset({"source", "target", "type", "key"})
_REL_TYPE_SET = frozenset(schema.REL_TYPES)


@dataclass
class Node:
    """A node record: one of the schema's labels, a stable id, a display name and properties."""

    id: str
    label: str
    name: str
    props: dict[str, Any] = field(default_factory=dict)

    def validate(self) -> "Node":
        """Check against the schema; return self with a cleaned property map."""
        if not isinstance(self.id, str) or not self.id.strip():
            raise SchemaError(f"node id {self.id!r} is empty or not a string")
        schema.check_label(self.label)
        prefix = self.id.split(":", 1)[0] if ":" in self.id else ""
        if prefix in _ID_PREFIXES and _ID_PREFIXES[prefix] != self.label:
            raise SchemaError(f"node {self.id}: its id marks a {_ID_PREFIXES[prefix]}, not a {self.label}")
        if not isinstance(self.name, str) or not self.name.strip():
            raise SchemaError(f"node {self.id}: name is empty")
        where = f"node {self.id}"
        self.props = schema.check_props(self.props, where, _NODE_RESERVED)
        schema.check_kind(self.label, self.props.get("kind"), where)
        return self

    def attrs(self) -> dict[str, Any]:
        """Attributes as stored on a networkx node (and in the JSON contract, minus ``id``)."""
        return {"label": self.label, "name": self.name, **self.props}


@dataclass
class Rel:
    """A relationship record between two node ids, with a key that tells parallel edges apart."""

    type: str
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
    key: str | None = None

    def validate(self) -> "Rel":
        """Check against the schema; fill the default key; return self."""
        if self.type not in _REL_TYPE_SET:
            schema.check_type(self.type)
        source, target = self.source, self.target
        if type(source) is not str or not source or source.isspace() or \
                type(target) is not str or not target or target.isspace():
            raise SchemaError(f"{self.type} relationship has an empty endpoint id")
        self.props = schema.check_props(self.props, lambda: f"{self.type} {self.source} -> {self.target}",
                                        _REL_RESERVED)
        if source > target and self.type == schema.PARTNERS_WITH:
            self.source, self.target = target, source  # symmetric: stored once, in id order
        if not self.key:
            self.key = rel_key(self.type, self.props)
        return self

    def attrs(self) -> dict[str, Any]:
        """Attributes as stored on a networkx edge."""
        return {"type": self.type, **self.props}


Record = Union[Node, Rel]


def _merge_list(old: list, new: list) -> list:
    out = list(old)
    seen = set(map(_hashable, out))
    for item in new:
        h = _hashable(item)
        if h not in seen:
            seen.add(h)
            out.append(item)
    return out


def _hashable(x: Any) -> Any:
    return tuple(x) if isinstance(x, list) else x


def merge_props(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Upsert semantics shared by every store.

    Lists are unioned (order of first sight kept); ``sources`` and ``evidence`` are unioned as aligned
    pairs so each quote stays next to its source; ``confidence`` keeps the highest; other scalars take
    the newer value.
    """
    out = dict(old)
    for k, v in new.items():
        if k in ("sources", "evidence"):
            continue
        if v is None:
            continue
        if k == "confidence" and isinstance(out.get(k), (int, float)):
            out[k] = max(out[k], v)
        elif isinstance(v, list) or k in schema.LIST_PROPERTIES:
            prev = out.get(k)
            prev_list = prev if isinstance(prev, list) else ([] if prev is None else [prev])
            out[k] = _merge_list(prev_list, v if isinstance(v, list) else [v])
        else:
            out[k] = v
    if "sources" in new or "evidence" in new:
        out.update(_merge_provenance(old, new))
    return out


def _merge_provenance(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list]:
    o_src, o_ev = list(old.get("sources") or []), list(old.get("evidence") or [])
    n_src, n_ev = list(new.get("sources") or []), list(new.get("evidence") or [])
    if not o_ev and not n_ev:
        return {"sources": _merge_list(o_src, n_src)}
    # evidence is aligned with sources: pad the shorter list with "" so pairs line up
    def pairs(src: list, ev: list) -> list[tuple]:
        n = max(len(src), len(ev))
        return list(zip(src + [""] * (n - len(src)), ev + [""] * (n - len(ev)), strict=False))

    merged: list[list] = []
    for src, quote in pairs(o_src, o_ev) + pairs(n_src, n_ev):
        if [src, quote] in merged:
            continue
        bare = [src, ""]
        if quote and bare in merged:
            merged[merged.index(bare)] = [src, quote]  # a quote replaces a quote-less mention
        elif quote or not any(p[0] == src for p in merged):
            merged.append([src, quote])
    return {"sources": [p[0] for p in merged], "evidence": [p[1] for p in merged]}


def merge_node(old: Node, new: Node) -> Node:
    """Merge two records of the same node id (the newer name wins; the older goes to aliases)."""
    props = merge_props(old.props, new.props)
    placeholder = str(old.props.get("extractor", "")).endswith(":placeholder")
    if placeholder and not str(new.props.get("extractor", "")).endswith(":placeholder"):
        props["extractor"] = new.props.get("extractor")
    if old.name != new.name and not placeholder:
        props["aliases"] = _merge_list(props.get("aliases") or [], [old.name])
    if new.name in (props.get("aliases") or []):
        props["aliases"] = [a for a in props["aliases"] if a != new.name]
    return Node(new.id, new.label, new.name, props)


def name_keys(name: str, aliases: Iterable[str] = ()) -> list[str]:
    """Folded lookup keys of a node: its name and every alias (any script: see :func:`fold`)."""
    keys = dict.fromkeys(fold(text) if isinstance(text, str) else "" for text in (name, *aliases))
    keys.pop("", None)
    return list(keys)
