"""Helpers shared by the importers and exporters of structured standards (OParl, Popolo, FtM).

Identifiers, dates, genders, provenance, placeholders and relationship keys live here once.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import parse_qs, urlparse

from ..graph import schema
from ..graph.dates import check_period, parse_date
from ..graph.errors import InputError
from ..graph.records import Node, Rel, escape_id, is_escaped, make_id, rel_key, slug, source_id
from .base import ImportContext, decode, json_loads, path_text

PLACEHOLDER = "placeholder"

_GENDERS = {
    "male": "male", "m": "male", "man": "male", "herr": "male", "ratsherr": "male", "mann": "male",
    "maennlich": "male", "männlich": "male",
    "female": "female", "f": "female", "w": "female", "woman": "female", "frau": "female",
    "ratsfrau": "female", "weiblich": "female",
    "other": "other", "divers": "other", "d": "other", "diverse": "other",
}


def node_id(label: str, scheme: str, raw: Any, namespace: str | None = None) -> str:
    """Node id of a record of ``scheme`` with id ``raw`` in dataset ``namespace``, the id kept exactly.

    An id that is already a stakegraph id of that label (as our exporters write) is kept, so a
    round trip through an export keeps node ids."""
    text = str(raw).strip()
    if text.startswith(f"{label.lower()}:") and is_escaped(text):
        return text
    return source_id(label, scheme, namespace, text)


_DATASET_SUFFIXES = re.compile(r"(?:[-_.]ep-popolo-v[0-9.]+|[-_.]popolo)?(?:\.ftm)?(?:\.json|\.jsonl|\.ndjson|"
                               r"\.ijson|\.ftm)?$", re.IGNORECASE)


def dataset_of(path: Path, ctx: ImportContext) -> str:
    """The namespace of a file's local ids: ``--dataset`` when given, else from the file name
    ('UK-Commons-ep-popolo-v1.0.json' -> 'uk-commons'); recorded for the import summary."""
    given = ctx.options.get("dataset")
    name = slug(given) if given else slug(_DATASET_SUFFIXES.sub("", path_text(path.name))) or "dataset"
    ctx.datasets[path_text(path)] = name
    return name


def identifier(scheme: str, value: Any) -> str | None:
    """``scheme:value`` with a folded scheme (``wikidata:Q42``), or None for empty values."""
    value = str(value).strip() if value is not None else ""
    scheme = re.sub(r"[^0-9a-z_.-]+", "_", str(scheme).strip().lower()) or "id"
    return f"{scheme}:{value}" if value else None


def date_of(value: Any, where: str, field_name: str) -> str | None:
    """A calendar-checked (reduced) ISO date of a record's field; InputError naming where and which field."""
    return parse_date(value, f"{where}: {field_name}")


def period_of(rec: Any, where: str, start: str, end: str) -> tuple[str | None, str | None]:
    """(since, until) of a record's start/end fields, calendar-checked; an end before the start is an error."""
    get = rec.get if isinstance(rec, dict) else (lambda k: None)
    since, until = date_of(get(start), where, start), date_of(get(end), where, end)
    check_period(since, until, f"{where}: {start}/{end}")
    return since, until


def gender(value: Any) -> str | None:
    """'male', 'female' or 'other' from a gender field or a form of address, else None."""
    if not isinstance(value, str):
        return None
    return _GENDERS.get(value.strip().lower())


def url_source(url: str) -> Node:
    """A Source node for a web address a record cites (id from the address, so it merges)."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
    return Node(make_id(schema.SOURCE, "url", digest[:16]), schema.SOURCE, url, {"url": url, "title": url})


def prov(sources: Iterable[str], extractor: str) -> dict[str, Any]:
    """Provenance properties of a structured fact (no evidence quotes, no confidence)."""
    return {"sources": list(dict.fromkeys(sources)), "extractor": extractor}


def key_for(rel_type: str, props: dict[str, Any], *discriminators: Any) -> str:
    """Relationship key: the default key plus what tells this record apart (its id, kept exactly, or period)."""
    base = rel_key(rel_type, props)
    extra = ":".join(escape_id(str(d)) for d in discriminators if d not in (None, ""))
    return f"{base}:{extra}" if extra else base


def digest(obj: Any) -> str:
    """Short stable digest of a JSON-able value (a discriminator for records without an id)."""
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def ref_name(kind: str, ref: str) -> str:
    """Display name of an object only known by reference: 'Organization 34' from '…/organization/34'."""
    parsed = urlparse(ref)
    if parsed.scheme and parsed.netloc:
        query = parse_qs(parsed.query)
        for key in ("id", "ID", "Id"):
            if query.get(key):
                return f"{kind} {query[key][0]}"
        segments = [s for s in parsed.path.split("/") if s]
        tail = segments[-1] if segments else parsed.netloc
        return f"{kind} {tail}"
    return f"{kind} {ref}"


def placeholder(label: str, nid: str, name: str, sources: list[str], scheme: str,
                props: dict[str, Any] | None = None) -> Node:
    """A node for a referenced object the input does not hold; the real object merges into it by id."""
    return Node(nid, label, name, {**(props or {}), **prov(sources, f"{scheme}:{PLACEHOLDER}")}).validate()


def known_elsewhere(ctx: ImportContext, nid: str) -> bool:
    """True when the target store already holds ``nid`` (so no placeholder should overwrite its name)."""
    store = ctx.store
    if store is None:
        return False
    try:
        return store.get(nid) is not None
    except Exception:  # a read failure must not stop an import; emit the placeholder instead
        return False


def load_json(path: Path, ctx: ImportContext) -> Any:
    """Parse one JSON file; InputError naming the file and position on bad JSON."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    ctx.advance(len(raw))
    try:
        return json_loads(decode(raw, path), str(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def as_list(value: Any) -> list:
    """``value`` as a list (None -> [], scalar -> [scalar])."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def text(value: Any) -> str | None:
    """A stripped non-empty string or None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def head_object_keys(head: bytes) -> bytes:
    """The first bytes of a file without BOM and leading whitespace."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")


def unique(records: Iterable[Node | Rel]) -> Iterator[Node | Rel]:
    """Validate records and drop exact repeats of a node id or relationship key within one import."""
    seen: set[tuple] = set()
    for rec in records:
        rec.validate()
        mark = ("n", rec.id) if isinstance(rec, Node) else ("r", rec.source, rec.target, rec.key)
        if mark in seen:
            continue
        seen.add(mark)
        yield rec


def split_identifier(value: str) -> tuple[str, str] | None:
    """('wikidata', 'Q42') from 'wikidata:Q42'; None without a scheme."""
    scheme, sep, ident = str(value).partition(":")
    return (scheme, ident) if sep and scheme and ident else None


def cited_urls(graph: Any, attrs: dict[str, Any]) -> list[str]:
    """Web addresses of the Source nodes a node or edge cites (for exports that carry sources)."""
    urls = []
    for sid in attrs.get("sources") or []:
        url = graph.nodes[sid].get("url") if sid in graph else None
        if isinstance(url, str) and url and url not in urls:
            urls.append(url)
    return urls


def export_rel_id(source: str, target: str, key: Any) -> str:
    """Id our exporters give a relationship record, so re-importing it lands on the same edge."""
    return f"{source}/{target}/{key}"


def own_key(record_id: Any, source: str, target: str) -> str | None:
    """The edge key inside an id that ``export_rel_id`` wrote for these endpoints, else None."""
    prefix = f"{source}/{target}/"
    rid = str(record_id or "")
    return rid[len(prefix):] or None if rid.startswith(prefix) else None
