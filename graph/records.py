"""Typed records that importers stream into stores: nodes and relationships with provenance."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Mapping, Union

from anyascii import anyascii

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
    """Case- and accent-folded text: 'Denes Kücük' -> 'denes kucuk' (punctuation becomes space).

    Compatibility forms fold to their letters ('𝔘nicode' -> 'unicode'); any script without a
    decomposition to Latin letters is transliterated ('Путин' -> 'putin'). ASCII text and text whose
    accents are removed by decomposition (every German name) fold exactly as before."""
    if text.isascii():  # ASCII is its own NFKD form and has no combining marks
        return _NON_WORD.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT)).translate(_DROP_COMBINING)
    if not text.isascii():
        text = anyascii(text)
    return _NON_WORD.sub(" ", text.lower()).strip()  # lower(): compatibility capitals ('𝔘' -> 'U') decompose late


def slug(*parts: Any) -> str:
    """A stable id fragment: folded words joined by '-' (for ids made from names, never from source ids)."""
    return "-".join(p for p in (fold(str(x)).replace(" ", "-") for x in parts if x not in (None, "")) if p)


def escape_id(raw: str) -> str:
    """A source's identifier kept exactly, made safe to embed in a node id: '%' and whitespace other
    than a plain inner space, control and format characters are percent-escaped (UTF-8), so distinct
    source ids stay distinct ('person/ÅK' and 'person/AK', 'NK-a' and 'NK-A', 'a.b' and 'a_b')."""
    if raw.isascii() and raw.isprintable() and "%" not in raw and raw.strip() == raw:
        return raw
    out = []
    last = len(raw) - 1
    for i, ch in enumerate(raw):
        if ch == " " and 0 < i < last:
            out.append(ch)
        elif ch == "%" or ch.isspace() or unicodedata.category(ch)[0] in "CZ":
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
        else:
            out.append(ch)
    return "".join(out)


_ESCAPE = re.compile(r"%[0-9A-F]{2}")


def is_escaped(text: str) -> bool:
    """Whether ``text`` is already in :func:`escape_id` form (an id a stakegraph export wrote)."""
    return escape_id(_ESCAPE.sub("", text)) == _ESCAPE.sub("", text)


def source_id(label: str, scheme: str, namespace: str | None, raw: Any) -> str:
    """Node id of a record a source identifies by ``raw``: ``person:popolo:uk-commons:person/10001``.

    ``scheme`` is the format, ``namespace`` the dataset the id is local to (None for globally unique
    ids such as OParl URLs); ``raw`` is kept exactly (see :func:`escape_id`)."""
    schema.check_label(label)
    text = str(raw)
    if not text.strip():
        raise SchemaError(f"cannot make a {label} id from an empty {scheme} id")
    prefix = f"{label.lower()}:{scheme}:" + (f"{namespace}:" if namespace else "")
    return prefix + escape_id(text)


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


# ---- the merge rule ---------------------------------------------------------------------------
# Every store merges two records of the same node id or relationship key with these functions and
# nothing else. The rule is a union that forgets which record came first: merging is commutative,
# associative and idempotent, so batch size, file order, store and hash seed cannot change a value.
# README "How records merge" states it in schema terms.

#: Scalars where the earliest (smallest) value wins: a fact's start, an event's date, a publication.
_EARLIEST = frozenset({"since", "date", "published"})
#: Scalars where the latest (largest) value wins: a fact's end, the last retrieval.
_LATEST = frozenset({"until", "end_date", "retrieved"})
#: ``kind`` values that say less than any other kind.
_VAGUE_KINDS = frozenset({"other", "unknown"})
_PLACEHOLDER_SUFFIX = ":placeholder"


def _list_key(item: Any) -> tuple:
    """Canonical order of list items: strings by code point, other scalars after them by type and value."""
    return (0, item, "") if isinstance(item, str) else (1, type(item).__name__, repr(item))


def _scalar_rank(key: str, v: Any) -> tuple:
    """Sort key of one candidate value of scalar property ``key``: the smallest rank wins.

    A total order on values (never on records), so the winner does not depend on input order."""
    if type(v) is str:
        if key in _EARLIEST:
            return (0, v)
        if key in _LATEST:
            return (0, _negated(v))
        if key == "extractor":
            return (0, v.endswith(_PLACEHOLDER_SUFFIX), v)
        if key == "kind":
            return (0, v in _VAGUE_KINDS, v)
        return (0, -len(v), v)  # the most informative text: the longest, then by code point
    if isinstance(v, bool):
        return (2, not v)  # true wins: any record that says so
    if isinstance(v, (int, float)):
        return (1, -v, type(v).__name__)  # the largest number (confidence: the highest)
    return (3, type(v).__name__, repr(v))


def _negated(text: str) -> tuple:
    """A key that sorts strings in reverse order (a prefix after its extensions: '2025-10' after '2025')."""
    return tuple(-ord(c) for c in text) + (1,)


def best_value(key: str, a: Any, b: Any) -> Any:
    return a if _scalar_rank(key, a) <= _scalar_rank(key, b) else b


def _as_list(v: Any) -> list:
    return v if isinstance(v, list) else [] if v is None else [v]


def _union(*lists: list) -> list:
    """The sorted union of lists of scalars, without repeats."""
    items = {(_list_key(x), x) for lst in lists for x in lst}
    return [x for _, x in sorted(items, key=lambda p: p[0])]


def _pairs(props: Mapping[str, Any]) -> list[tuple[Any, Any]]:
    """(source, quote) pairs of a record, the shorter list padded with ''."""
    src, ev = _as_list(props.get("sources")), _as_list(props.get("evidence"))
    n = max(len(src), len(ev))
    return list(zip(src + [""] * (n - len(src)), ev + [""] * (n - len(ev)), strict=True))


def _provenance(*records: Mapping[str, Any]) -> dict[str, list]:
    """``sources`` and ``evidence`` of the union: every (source, quote) pair once, a source's
    quote-less mention dropped when a quote of it is there, sorted by source id then quote;
    ``evidence`` only when some quote is not empty."""
    pairs = {p for rec in records for p in _pairs(rec)}
    quoted = {s for s, q in pairs if q != ""}
    kept = sorted((p for p in pairs if p[1] != "" or p[0] not in quoted),
                  key=lambda p: (_list_key(p[0]), _list_key(p[1])))
    if not kept:
        return {}
    out: dict[str, list] = {"sources": [s for s, _ in kept]}
    if quoted:
        out["evidence"] = [q for _, q in kept]
    return out


def merge_props(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of two records of one element merged by the store's one rule (order-free).

    - ``sources``/``evidence``: the union of (source, quote) pairs, sorted by source id (quotes stay
      aligned with their source); a quote replaces the same source's quote-less mention.
    - other lists (and a scalar met where the other record has a list): sorted union, no repeats.
    - ``confidence`` and other numbers: the highest; booleans: true if either says so.
    - ``since``, ``date``, ``published``: the earliest; ``until``, ``end_date``, ``retrieved``: the latest.
    - ``extractor``: a real extractor over a placeholder's; ``kind``: a specific kind over
      ``other``/``unknown``; then, as for every other text, the longest, then the smallest by code point.
    - ``None`` and empty lists are absent.
    """
    out: dict[str, Any] = {}
    for k in old.keys() | new.keys():
        if k == "sources" or k == "evidence":
            continue
        a, b = old.get(k), new.get(k)
        if isinstance(a, list) or isinstance(b, list) or k in schema.LIST_PROPERTIES:
            merged = _union(_as_list(a), _as_list(b))
            if merged:
                out[k] = merged
        elif a is None or b is None:
            if a is not None or b is not None:
                out[k] = a if b is None else b
        else:
            out[k] = best_value(k, a, b)
    out.update(_provenance(old, new))
    return dict(sorted(out.items()))


def normal_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """A record's properties in the merge rule's canonical form (what merging it with nothing gives;
    key order aside, which no store keeps)."""
    if _is_normal(props):  # the common case (one source, one quote, short lists): nothing to change
        return props if isinstance(props, dict) else dict(props)
    return merge_props(props, {})


def _is_normal(props: Mapping[str, Any]) -> bool:
    list_props = schema.LIST_PROPERTIES
    for k, v in props.items():
        if type(v) is list:
            if not v:
                return False
            if len(v) > 1:
                if k == "sources" or k == "evidence":
                    return False
                prev = v[0]
                if type(prev) is not str:
                    return False
                for item in v[1:]:
                    if type(item) is not str or not prev < item:
                        return False
                    prev = item
        elif v is None or k in list_props:
            return False
    if "evidence" in props:
        src, ev = props.get("sources"), props["evidence"]
        return type(src) is list and len(src) == 1 and ev[0] != ""
    return True


def _placeholder(node: Node) -> bool:
    return str(node.props.get("extractor", "")).endswith(_PLACEHOLDER_SUFFIX)


def _name_rank(name: str) -> tuple:
    """The display name that wins: not in capitals only, with the most non-ASCII letters (accents
    kept), the longest, then the smallest by code point."""
    return (name.isupper(), -sum(1 for c in name if not c.isascii()), -len(name), name)


def merge_node(old: Node, new: Node) -> Node:
    """Two records of one node id merged (order-free, like :func:`merge_props`).

    The name is the best of the records' names (:func:`_name_rank`); every other name becomes an
    alias. A placeholder (a node only known by reference) gives way to a real record: its name,
    aliases and extractor are dropped, its sources and other properties merged."""
    p_old, p_new = _placeholder(old), _placeholder(new)
    if p_old != p_new:
        real, stub = (new, old) if p_old else (old, new)
        rest = {k: v for k, v in stub.props.items() if k != "aliases" and k != "extractor"}
        props = merge_props(rest, real.props)
        name = real.name
        aliases = _as_list(props.get("aliases"))
    else:
        props = merge_props(old.props, new.props)
        name = min(old.name, new.name, key=_name_rank)
        aliases = _union(_as_list(props.get("aliases")), [old.name, new.name])
    aliases = [a for a in aliases if a != name]
    props.pop("aliases", None)
    if aliases:
        props["aliases"] = aliases
    return Node(new.id, new.label, name, dict(sorted(props.items())))


def normal_node(node: Node) -> Node:
    """A node record in canonical form: sorted lists, its name not among its aliases."""
    props = normal_props(node.props)
    aliases = props.pop("aliases", None)
    if aliases and node.name in aliases:
        aliases = [a for a in aliases if a != node.name]
    if aliases:
        props["aliases"] = aliases
    return Node(node.id, node.label, node.name, dict(sorted(props.items())))


#: Node property listing the ids merged into the node by ``merge`` (a list, unioned like any other):
#: the merge judgement, kept in the store so that every later import follows it.
MERGED_FROM = "merged_from"


def redirected(record: Record, redirects: dict[str, tuple[str, str]]) -> Record | None:
    """``record`` with every dropped id replaced by the id it was merged into (None: a relationship
    that now joins a node to itself). A dropped node's record joins the kept node under the kept
    name with its lists only (its name becomes an alias), so a re-import never undoes a merge."""
    if isinstance(record, Node):
        target = redirects.get(record.id)
        if target is None:
            return record
        keep_id, keep_name = target
        # only its lists join (sources, quotes, identifiers): the kept node's values stand
        lists: dict[str, Any] = {k: v for k, v in record.props.items() if isinstance(v, list)}
        lists["aliases"] = [*(lists.get("aliases") or []), record.name]
        return Node(keep_id, record.label, keep_name, lists)
    source = redirects[record.source][0] if record.source in redirects else record.source
    target_id = redirects[record.target][0] if record.target in redirects else record.target
    acting = record.props.get("acting_for")
    props: dict[str, Any] = record.props
    if type(acting) is str and acting in redirects:
        props = {**props, "acting_for": redirects[acting][0]}
    elif source == record.source and target_id == record.target:
        return record
    if source == target_id:
        return None
    return Rel(record.type, source, target_id, props, key=record.key).validate()


def name_keys(name: str, aliases: Iterable[str] = ()) -> list[str]:
    """Folded lookup keys of a node: its name and every alias (any script: see :func:`fold`)."""
    # a dict keeps first-seen order and finds repeats in constant time (a list was quadratic in aliases)
    keys = dict.fromkeys(fold(text) if isinstance(text, str) else "" for text in (name, *aliases))
    keys.pop("", None)
    return list(keys)
