"""FollowTheMoney import: one entity per line (Aleph, OpenSanctions) streamed in two passes.

The first pass keeps only what later lines need to resolve references (each id's schema, position
names, address and sanction summaries); the second streams records. Mapping is data in
``ftm_mapping.json``, so the optional ``followthemoney`` package is not needed.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from ..graph import schema
from ..graph.dates import check_period, looks_like_date, parse_date
from ..graph.errors import InputError, SchemaError
from ..graph.records import Node, Record, Rel
from ..graph.roles import role_key
from ._standards import (
    dataset_of, gender, head_object_keys, identifier, key_for, node_id, own_key, placeholder, prov, text,
    url_source,
)
from .base import ImportContext, Importer, json_loads, register, source_node

SCHEME = "ftm"
_SUMMARY = 200  # longest sanction/address summary kept on an entity


@lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    """The FtM -> stakegraph mapping (``ftm_mapping.json``)."""
    return json.loads(resources.files("stakegraph.importers").joinpath("ftm_mapping.json").read_text("utf-8"))


def first(props: dict, name: str) -> str | None:
    """The first non-empty value of an FtM property."""
    for value in props.get(name) or []:
        if text(value):
            return text(value)
    return None


def values(props: dict, *names: str) -> list[str]:
    """All distinct non-empty values of some FtM properties, in order."""
    out = [text(v) for n in names for v in (props.get(n) or [])]
    return list(dict.fromkeys(v for v in out if v))


def share(raw: str | None) -> float | None:
    """FtM ``percentage`` ('25', '25.5%') as a 0..1 share, or None."""
    try:
        pct = float(str(raw).replace("%", "").replace(",", ".").strip())
    except (TypeError, ValueError):
        return None
    return round(pct / 100, 6) if 0 <= pct <= 100 else None


def amount(raw: str | None) -> float | None:
    """A payment amount as a number, or None."""
    try:
        return float(str(raw).replace(",", "").strip())
    except (TypeError, ValueError):
        return None


def money(props: dict) -> dict[str, Any]:
    """``amount``/``currency`` of a payment: its own amount and currency, else ``amountEur`` in EUR;
    ``amount_eur`` kept beside an amount in another currency."""
    own, eur = amount(first(props, "amount")), amount(first(props, "amountEur"))
    if own is None:
        return {"amount": eur, "currency": "EUR" if eur is not None else None}
    currency = first(props, "currency")
    same = eur is None or (currency or "").upper() == "EUR"
    return {"amount": own, "currency": currency, "amount_eur": None if same else eur}


@register
class FtmImporter(Importer):
    """Reads FollowTheMoney entity streams (``.ftm.json``, ``.jsonl``, one JSON object per line)."""

    name = "ftm"
    extensions = (".ftm", ".ijson", ".jsonl", ".ndjson")

    def sniff(self, path: Path, head: bytes) -> float:
        line = head_object_keys(head).split(b"\n", 1)[0]
        if line.startswith(b"{") and b'"schema"' in line and b'"properties"' in line:
            return 0.93
        return 0.3 if path.name.lower().endswith((".ftm.json", ".ftm")) else 0.0

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        index = _Index()
        for _, entity, size in _entities(path):
            ctx.advance(size // 2)
            index.add(entity)
        src = source_node(path, extractor=SCHEME)
        yield src.validate()
        mapper = _Mapper(index, src.id, ctx, dataset_of(path, ctx))
        for lineno, entity, size in _entities(path):
            ctx.advance(size - size // 2)
            mapper.where = f"{path}: line {lineno}"
            for rec in mapper.entity(entity):
                try:
                    yield rec.validate()
                except SchemaError as exc:
                    raise InputError(f"{path}: line {lineno}: {exc}") from None
        mapper.finish()


def _entities(path: Path) -> Iterator[tuple[int, dict, int]]:
    """(line number, entity, bytes) per non-empty line; InputError naming file and line on bad input."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw[3:] if lineno == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
            if not line.strip():
                yield lineno, {}, len(raw)
                continue
            try:
                entity = json_loads(line.decode("utf-8"), f"{path}: line {lineno}")
            except UnicodeDecodeError:
                raise InputError(f"{path}: line {lineno}: not UTF-8 text") from None
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {lineno}: invalid JSON ({exc.msg}, column {exc.colno})") from None
            if not (isinstance(entity, dict) and text(entity.get("id")) and isinstance(entity.get("schema"), str)
                    and entity["schema"].strip()
                    and isinstance(entity.get("properties", {}), dict)):
                raise InputError(f"{path}: line {lineno}: not an FtM entity (needs 'id', 'schema', 'properties')")
            yield lineno, entity, len(raw)


class _Index:
    """First-pass facts: schema per id, position titles, address texts, sanction summaries per entity."""

    def __init__(self) -> None:
        self.schemata: dict[str, str] = {}
        self.positions: dict[str, str] = {}
        self.attached: dict[str, dict[str, list[str]]] = {}  # entity id -> {property: [summaries]}
        self.addresses: dict[str, str] = {}
        self.address_refs: set[str] = set()

    def add(self, entity: dict) -> None:
        if not entity:
            return
        eid, sch, props = entity["id"], sys.intern(entity["schema"]), entity.get("properties") or {}
        self.schemata[eid] = sch
        self.address_refs.update(values(props, "addressEntity"))
        if sch == "Position":
            self.positions[eid] = first(props, "name") or entity.get("caption") or eid
        spec = mapping()["attached"].get(sch)
        if not spec:
            return
        summary = "; ".join(v for v in (first(props, p) for p in spec["value"]) if v) or text(entity.get("caption"))
        summary = summary[:_SUMMARY] if summary else None
        if spec["ref"] is None:
            self.addresses[eid] = summary or eid
        elif summary:
            for target in values(props, spec["ref"]):
                bucket = self.attached.setdefault(target, {}).setdefault(spec["property"], [])
                if summary not in bucket:
                    bucket.append(sys.intern(summary))


class _Mapper:
    """Second pass: one FtM entity -> records."""

    def __init__(self, index: _Index, src: str, ctx: ImportContext, namespace: str) -> None:
        self.ix, self.src, self.ctx, self.ns = index, src, ctx, namespace
        self.where = ""  # file and line of the entity being mapped, for errors
        self.m = mapping()
        self.emitted: set[str] = set()  # placeholders and URL sources already yielded
        self.placeholders = 0

    def finish(self) -> None:
        """Report what was only referenced."""
        if self.placeholders:
            self.ctx.notes.append(f"ftm: {self.placeholders} referenced entities not in the file kept as placeholders")

    def entity(self, ent: dict) -> list[Record]:
        if not ent:
            return []
        sch = ent["schema"]
        props = ent.get("properties") or {}
        out: list[Record] = []
        sources = [self.src]
        for url in values(props, "sourceUrl")[:5]:
            node = url_source(url)
            sources.append(node.id)
            if node.id not in self.emitted:
                self.emitted.add(node.id)
                out.append(node)
        pv = prov(sources, SCHEME)
        if sch in self.m["nodes"]:
            out.extend(self._node(ent, sch, props, pv))
        elif sch in self.m["roles"]:
            out.extend(self._role(ent, sch, props, pv))
        elif sch in self.m["owns"] or sch in self.m["links"]:
            out.extend(self._link(ent, sch, props, pv))
        elif sch in self.m["attached"]:
            if sch == "Address" and ent["id"] not in self.ix.address_refs:
                self.ctx.skip("ftm: Address (referenced by no entity)")
            else:
                self.ctx.skip(f"ftm: {sch} (kept as a property of the entity it refers to)")
            return []
        else:
            self.ctx.skip(f"ftm: {sch} (schema not imported)")
            return []
        return out

    # ---- endpoints ---------------------------------------------------------------------------
    def endpoint(self, ftm_id: str, default: str, pv: dict) -> tuple[str, str, list[Record]] | None:
        """(label, node id, placeholder records) of a referenced entity; None if its schema is not a node."""
        sch = self.ix.schemata.get(ftm_id)
        if sch is None:
            nid = self.nid(default, ftm_id)
            extra: list[Record] = []
            if nid not in self.emitted:
                self.emitted.add(nid)
                self.placeholders += 1
                own = self.own_identifier(default, ftm_id)
                extra.append(placeholder(default, nid, f"{default} {ftm_id}", pv["sources"], SCHEME,
                                         {"identifiers": [own] if own else None}))
            return default, nid, extra
        spec = self.m["nodes"].get(sch)
        if spec is None:
            return None
        return spec["label"], self.nid(spec["label"], ftm_id), []

    def nid(self, label: str, ftm_id: str) -> str:
        """Node id of an FtM entity id: kept exactly (ids are case-sensitive), in this file's dataset."""
        return node_id(label, SCHEME, ftm_id, self.ns)

    def own_identifier(self, label: str, ftm_id: str) -> str | None:
        """``ftm:<dataset>:<id>`` (None for a stakegraph id our own exporter wrote)."""
        return None if self.nid(label, ftm_id) == ftm_id else identifier(SCHEME, f"{self.ns}:{ftm_id}")

    def dates(self, ent: dict, props: dict, name: str) -> list[str]:
        """The calendar-checked dates of an FtM date property, in order. A value in a date form that the
        calendar lacks is an error; a value in no date form at all (crawler noise such as 'Unknown')
        is left out and counted."""
        out = []
        for raw in props.get(name) or []:
            if looks_like_date(raw):
                out.append(parse_date(raw, f"{self.where}: {ent['schema']} {ent['id']}: {name}"))
            elif text(raw):
                self.ctx.skip(f"ftm: {name} value that is not a date")
        return [d for d in dict.fromkeys(out) if d]

    def period(self, ent: dict, props: dict) -> tuple[str | None, str | None]:
        """(since, until): the earliest ``startDate`` and the latest ``endDate``; an end before the start is an error."""
        starts, ends = self.dates(ent, props, "startDate"), self.dates(ent, props, "endDate")
        since, until = min(starts, default=None), max(ends, default=None)
        check_period(since, until, f"{self.where}: {ent['schema']} {ent['id']}: startDate/endDate")
        return since, until

    def _pairs(self, ent: dict, props: dict, src_prop: str, src_default: str, dst_prop: str,
               dst_default: str, pv: dict) -> Iterator[tuple[tuple, tuple, list[Record]]]:
        sch = ent["schema"]
        srcs, dsts = values(props, src_prop), values(props, dst_prop)
        if not srcs or not dsts:
            self.ctx.skip(f"ftm: {sch} without {src_prop if not srcs else dst_prop}")
            return
        for s in srcs:
            for d in dsts:
                a, b = self.endpoint(s, src_default, pv), self.endpoint(d, dst_default, pv)
                if a is None or b is None:
                    other = self.ix.schemata.get(s if a is None else d)
                    self.ctx.skip(f"ftm: {sch} linking a {other} (not a graph entity)")
                    continue
                yield a[:2], b[:2], a[2] + b[2]

    def _rel(self, rel_type: str, ent: dict, s: str, t: str, props: dict) -> Rel:
        key = own_key(ent["id"], s, t)  # an id our own exporter wrote names the edge already
        own = identifier(SCHEME, f"{self.ns}:{ent['id']}") if key is None else None
        props = {**props, "identifiers": [own] if own else None}
        return Rel(rel_type, s, t, props, key=key or key_for(rel_type, props, ent["id"]))

    # ---- schemata ----------------------------------------------------------------------------
    def _node(self, ent: dict, sch: str, props: dict, pv: dict) -> list[Record]:
        spec = self.m["nodes"][sch]
        label, eid = spec["label"], ent["id"]
        names = values(props, "name")
        name = text(ent.get("caption")) or (names[0] if names else None) or f"{sch} {eid}"
        aliases = [n for n in dict.fromkeys(names + values(props, "alias", "previousName", "weakAlias")) if n != name]
        ids = [self.own_identifier(label, eid)] + [identifier(scheme, v) for p, scheme in self.m["identifiers"].items()
                                           for v in values(props, p)]
        node_props: dict[str, Any] = {"aliases": aliases or None, "identifiers": [i for i in ids if i],
                                      "datasets": [d for d in ent.get("datasets") or [] if isinstance(d, str)] or None,
                                      "ftm_schema": sch, **pv}
        for ftm_prop, ours in self.m["keep"].items():
            vals = values(props, ftm_prop)
            if vals:
                if ours.endswith("_date"):
                    days = self.dates(ent, props, ftm_prop)
                    node_props[ours] = days[0] if days else None
                else:
                    node_props[ours] = vals
        for prop, summaries in self.ix.attached.get(eid, {}).items():
            node_props[prop] = summaries
        addresses = values(props, "address") + [self.ix.addresses[a] for a in values(props, "addressEntity")
                                                 if a in self.ix.addresses]
        if addresses:
            node_props["address"] = list(dict.fromkeys(addresses))
        if label == schema.PERSON:
            node_props.update(given_name=first(props, "firstName"), family_name=first(props, "lastName"),
                              honorific=first(props, "title"), gender=gender(first(props, "gender")))
        elif label == schema.ORGANIZATION:
            node_props["kind"] = spec["kind"]
        else:
            start, end = self.period(ent, props)
            day = next(iter(self.dates(ent, props, "date")), None)
            node_props.update(kind=spec["kind"], date=day or start, end_date=end, place=first(props, "location"))
        nid = self.nid(label, eid)
        out: list[Record] = [Node(nid, label, name, node_props)]
        if label == schema.EVENT:
            for prop, side in self.m["attendance"].items():
                for who in values(props, prop):
                    who_end = self.endpoint(who, schema.PERSON, pv)
                    if who_end is None or who_end[0] not in (schema.PERSON, schema.ORGANIZATION):
                        self.ctx.skip(f"ftm: Event {prop} that is not a person or organization")
                        continue
                    out.extend(who_end[2])
                    out.append(Rel(schema.ATTENDED, who_end[1], nid, {"side": side, **pv}))
        return out

    def _role(self, ent: dict, sch: str, props: dict, pv: dict) -> list[Record]:
        spec = self.m["roles"][sch]
        title = first(props, "role") or (self.ix.positions.get(first(props, spec["org"]) or "") if sch == "Occupancy"
                                         else None) or spec["title"]
        since, until = self.period(ent, props)
        out: list[Record] = []
        for (sl, sid), (tl, tid), extra in self._pairs(ent, props, spec["person"], schema.PERSON, spec["org"],
                                                       schema.ORGANIZATION, pv):
            out.extend(extra)
            if sl == schema.PERSON and tl == schema.ORGANIZATION:
                rp = {"title": title, "role": role_key(title), "since": since, "until": until, **pv}
                out.append(self._rel(schema.HOLDS_ROLE, ent, sid, tid, rp))
            elif spec["org_member"] == schema.MEMBER_OF and sl == tl == schema.ORGANIZATION:
                out.append(self._rel(schema.MEMBER_OF, ent, sid, tid, {"since": since, "until": until, **pv}))
            else:
                rp = {"kind": spec["org_member"], "label": title, "date": since, "until": until, **pv}
                out.append(self._rel(schema.RELATED_TO, ent, sid, tid, rp))
        return out

    def _link(self, ent: dict, sch: str, props: dict, pv: dict) -> list[Record]:
        spec = self.m["owns"].get(sch) or self.m["links"][sch]
        out: list[Record] = []
        since, until = self.period(ent, props)
        day = next(iter(self.dates(ent, props, "date")), None)
        for (sl, sid), (tl, tid), extra in self._pairs(ent, props, spec["source"], spec["source_default"],
                                                       spec["target"], spec["target_default"], pv):
            out.extend(extra)
            wording = first(props, spec.get("label") or "role")
            if sch in self.m["owns"] and tl == schema.ORGANIZATION:
                rp = {"share": share(first(props, "percentage")), "since": since, "until": until,
                      "label": first(props, "role"), "shares_count": first(props, "sharesCount"), **pv}
                out.append(self._rel(schema.OWNS, ent, sid, tid, rp))
                continue
            mapped = self.m["unknownlink_types"].get((wording or "").lower()) if sch == "UnknownLink" else None
            if mapped and sl == tl == schema.ORGANIZATION:
                out.append(self._rel(mapped, ent, sid, tid, {"since": since, "until": until, **pv}))
                continue
            rp = {"kind": spec.get("kind", "ownership"), "label": wording, **money(props),
                  "date": day or since, "until": until, **pv}
            out.append(self._rel(schema.RELATED_TO, ent, sid, tid, rp))
        return out
