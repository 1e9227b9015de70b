"""OParl 1.0/1.1 import: bodies, organizations, persons, memberships and meetings of council systems.

Input is one object, one list page (``{"data": [...], "links": {...}}``) or a folder holding a crawled
dump. Every object (embedded ones too) is indexed by its URL id first, then mapped, so references
between files resolve; a reference to an object the input lacks becomes a placeholder node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..graph import schema
from ..graph.records import Node, Record, Rel
from ..graph.roles import role_key
from ._standards import (
    as_list, gender, head_object_keys, identifier, key_for, known_elsewhere, load_json, node_id,
    period_of, placeholder, prov, ref_name, text, unique,
)
from .base import ImportContext, Importer, read_head, register, source_node

SCHEME = "oparl"
_MARK = b"schema.oparl.org/"
_SNIFF_FILES = 20

#: organizationType / classification (folded) -> Organization.kind; first match wins.
ORG_KINDS: dict[str, str] = {
    "fraktion": "party", "partei": "party", "gruppe": "party", "wählergruppe": "party",
    "gremium": "unit", "ausschuss": "unit", "rat": "unit", "verwaltungsbereich": "unit",
    "bezirksvertretung": "unit", "beirat": "unit", "kommission": "unit", "unterausschuss": "unit",
    "stadtrat": "unit", "gemeinderat": "unit", "kreistag": "unit", "ortsbeirat": "unit",
    "externes gremium": "other", "institution": "other", "sonstiges": "other",
}
#: Object types read as graph entities; everything else is counted as skipped.
MAPPED = {"Body", "Organization", "Person", "Membership", "Meeting"}


def oparl_id(label: str, url: str) -> str:
    """Node id of the OParl object at ``url``, kept exactly (URLs are global ids, so no dataset
    namespace); the http and https spellings of one URL share it."""
    return node_id(label, SCHEME, re.sub(r"^https?://", "", url))


def otype(obj: dict) -> str:
    """The OParl type name ('Person') of an object (from ``https://schema.oparl.org/1.1/Person``)."""
    return str(obj.get("type") or "").rstrip("/").rsplit("/", 1)[-1]


@dataclass
class _Index:
    """Every object of the input by URL id, the file each came from, and the owner of embedded memberships."""

    objects: dict[str, dict] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    member_of: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)  # source id -> file, for errors

    def add(self, obj: dict, source_id: str, owner: str | None = None) -> None:
        """Index ``obj`` and the objects embedded in it."""
        oid = text(obj.get("id"))
        if oid is None or not obj.get("type"):
            return
        if oid not in self.objects:
            self.order.append(oid)
            self.objects[oid] = obj
            self.origin[oid] = source_id
        elif len(obj) > len(self.objects[oid]):  # a fuller copy (standalone vs embedded) wins
            self.objects[oid] = {**self.objects[oid], **obj}
        if owner and otype(obj) == "Membership" and not obj.get("person"):
            self.member_of[oid] = owner
        for key, value in obj.items():
            for item in as_list(value):
                if isinstance(item, dict) and item.get("type"):
                    self.add(item, source_id, oid if key == "membership" and otype(obj) == "Person" else None)


@register
class OParlImporter(Importer):
    """Reads OParl objects, list pages and crawled dump folders."""

    name = "oparl"
    extensions = (".json",)
    accepts_dirs = True

    def sniff(self, path: Path, head: bytes) -> float:
        if path.is_dir():
            files = sorted(path.rglob("*.json"))[:_SNIFF_FILES]
            return 0.9 if any(_MARK in read_head(f) for f in files) else 0.0
        if head_object_keys(head).startswith((b"{", b"[")) and _MARK in head and b'"type"' in head:
            return 0.95
        return 0.0

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        files = sorted(p for p in path.rglob("*.json") if p.is_file()) if path.is_dir() else [path]
        return self.read_files(files, ctx)

    def read_files(self, files: list[Path], ctx: ImportContext) -> Iterator[Record]:
        """Read the files of one dump together, so references between them resolve."""
        index = _Index()
        sources: list[Node] = []
        pages: dict[str, set] = {"self": set(), "next": set()}
        for file in files:
            src = source_node(file, extractor=SCHEME)
            index.paths[src.id] = str(file)
            sources.append(src)
            for obj in self._objects(load_json(file, ctx), ctx, pages):
                index.add(obj, src.id)
        missing = pages["next"] - pages["self"]
        if missing:
            ctx.notes.append(f"oparl: {len(missing)} list page(s) linked as 'next' are not in the input "
                             f"(e.g. {sorted(missing)[0]}); their objects are missing")
        yield from unique([*sources, *_Mapper(index, ctx).records()])

    @staticmethod
    def _objects(data: Any, ctx: ImportContext, pages: dict[str, set]) -> list[dict]:
        """The objects of one file: a list page's ``data``, a JSON list, or the object itself."""
        if isinstance(data, dict) and isinstance(data.get("data"), list):
            links: dict = data["links"] if isinstance(data.get("links"), dict) else {}
            for rel in ("self", "next"):
                if text(links.get(rel)):
                    pages[rel].add(links[rel])
            items = data["data"]
        elif isinstance(data, list):
            items = data
        else:
            items = [data]
        deleted = [o for o in items if isinstance(o, dict) and o.get("deleted") is True]
        good = [o for o in items if isinstance(o, dict) and text(o.get("id")) and o.get("type")
                and o.get("deleted") is not True]
        if deleted:
            ctx.skip("oparl: deleted object (the system marks it as removed)", len(deleted))
        if len(good) + len(deleted) < len(items):
            ctx.skip("oparl: item without id/type", len(items) - len(good) - len(deleted))
        return good


class _Mapper:
    """Maps an indexed OParl input to records."""

    def __init__(self, index: _Index, ctx: ImportContext) -> None:
        self.ix, self.ctx = index, ctx
        self.placeholders: dict[str, Node] = {}

    def where(self, oid: str, obj: dict) -> str:
        """Names an object in errors: its file, type and id."""
        return f"{self.ix.paths.get(self.ix.origin.get(oid, ''), '?')}: {otype(obj) or 'object'} {oid}"

    # ---- references ------------------------------------------------------------------------
    def ref(self, value: Any, label: str, kind: str, sources: list[str], props: dict | None = None) -> str | None:
        """Node id of a referenced object (URL or embedded); a placeholder when the input lacks it."""
        url = text(value.get("id")) if isinstance(value, dict) else text(value)
        if url is None:
            return None
        nid = oparl_id(label, url)
        if url not in self.ix.objects and nid not in self.placeholders and not known_elsewhere(self.ctx, nid):
            extra = {"identifiers": [identifier(SCHEME, url)], **(props or {})}
            self.placeholders[nid] = placeholder(label, nid, ref_name(kind, url), sources, SCHEME, extra)
        return nid

    # ---- records ---------------------------------------------------------------------------
    def records(self) -> Iterator[Record]:
        out: list[Record] = []
        for oid in self.ix.order:
            obj = self.ix.objects[oid]
            kind = otype(obj)
            src = [self.ix.origin[oid]]
            if kind not in MAPPED:
                self.ctx.skip(f"oparl: {kind or 'untyped'} object (no graph entity)")
                continue
            out.extend(getattr(self, f"_{kind.lower()}")(oid, obj, src))
        if self.placeholders:
            self.ctx.notes.append(f"oparl: {len(self.placeholders)} referenced objects not in the input "
                                  "kept as placeholder nodes")
        return iter([*out, *self.placeholders.values()])

    def _body(self, oid: str, obj: dict, src: list[str]) -> list[Record]:
        ids = [identifier(SCHEME, oid), identifier("ags", obj.get("ags")), identifier("rgs", obj.get("rgs"))]
        for eq in as_list(obj.get("equivalent")):
            if isinstance(eq, str) and "wikidata.org/" in eq:
                ids.append(identifier("wikidata", eq.rstrip("/").rsplit("/", 1)[-1]))
            elif isinstance(eq, str):
                ids.append(identifier("url", eq))
        name = text(obj.get("name")) or ref_name("Body", oid)
        props = {"kind": "municipality", "identifiers": [i for i in ids if i],
                 "aliases": [a for a in [text(obj.get("shortName"))] if a and a != name] or None,
                 "classification": text(obj.get("classification")), "website": text(obj.get("website")),
                 **prov(src, SCHEME)}
        return [Node(oparl_id(schema.ORGANIZATION, oid), schema.ORGANIZATION, name, props)]

    def _organization(self, oid: str, obj: dict, src: list[str]) -> list[Record]:
        nid = oparl_id(schema.ORGANIZATION, oid)
        name = text(obj.get("name")) or text(obj.get("shortName")) or ref_name("Organization", oid)
        body = self.ix.objects.get(text(obj.get("body")) or "")
        props = {"kind": self._org_kind(obj), "identifiers": [identifier(SCHEME, oid)],
                 "aliases": [a for a in [text(obj.get("shortName"))] if a and a != name] or None,
                 "place": text(body.get("name")) if body else None,
                 "classification": text(obj.get("classification")),
                 "organization_type": text(obj.get("organizationType")), **prov(src, SCHEME)}
        out: list[Record] = [Node(nid, schema.ORGANIZATION, name, props)]
        parent = obj.get("subOrganizationOf") or obj.get("body")
        kind = "Organization" if obj.get("subOrganizationOf") else "Body"
        pid = self.ref(parent, schema.ORGANIZATION, kind, src,
                       {"kind": "municipality"} if kind == "Body" else None)
        since, until = period_of(obj, self.where(oid, obj), "startDate", "endDate")
        if pid:
            rp = {"since": since, "until": until, **prov(src, SCHEME)}
            out.append(Rel(schema.PART_OF, nid, pid, rp))
        for ref in as_list(obj.get("membership")):
            url = text(ref.get("id")) if isinstance(ref, dict) else text(ref)
            if url and url not in self.ix.objects:
                self.ctx.skip("oparl: membership referenced by an organization but not in the input (person unknown)")
        return out

    @staticmethod
    def _org_kind(obj: dict) -> str:
        for field_name in ("organizationType", "classification"):
            value = (text(obj.get(field_name)) or "").lower()
            if value in ORG_KINDS:
                return ORG_KINDS[value]
        for value in ((text(obj.get("classification")) or "").lower(), (text(obj.get("name")) or "").lower()):
            for word, kind in ORG_KINDS.items():
                if word in value and kind != "other":
                    return kind
        return "unit"

    def _person(self, oid: str, obj: dict, src: list[str]) -> list[Record]:
        given, family = text(obj.get("givenName")), text(obj.get("familyName"))
        titles = [t for t in (text(x) for x in as_list(obj.get("title"))) if t]
        name = text(obj.get("name")) or " ".join(p for p in (*titles, given, family) if p) or ref_name("Person", oid)
        props = {"given_name": given, "family_name": family, "honorific": " ".join(titles) or None,
                 "gender": gender(obj.get("gender")) or gender(obj.get("formOfAddress")),
                 "identifiers": [identifier(SCHEME, oid)], "form_of_address": text(obj.get("formOfAddress")),
                 "affix": text(obj.get("affix")), **prov(src, SCHEME)}
        nid = oparl_id(schema.PERSON, oid)
        out: list[Record] = [Node(nid, schema.PERSON, name, props)]
        body = self.ref(obj.get("body"), schema.ORGANIZATION, "Body", src, {"kind": "municipality"})
        for status in (text(s) for s in as_list(obj.get("status"))):
            if status and body:
                rp = {"title": status, "role": role_key(status), **prov(src, SCHEME)}
                out.append(Rel(schema.HOLDS_ROLE, nid, body, rp, key=key_for(schema.HOLDS_ROLE, rp, "status")))
        return out

    def _membership(self, oid: str, obj: dict, src: list[str]) -> list[Record]:
        person_ref = obj.get("person") or self.ix.member_of.get(oid)
        person = self.ref(person_ref, schema.PERSON, "Person", src)
        org = self.ref(obj.get("organization"), schema.ORGANIZATION, "Organization", src)
        if not person or not org:
            self.ctx.skip("oparl: membership without person or organization")
            return []
        title = text(obj.get("role"))
        voting = obj.get("votingRight")
        behalf = self.ref(obj.get("onBehalfOf"), schema.ORGANIZATION, "Organization", src, {"kind": "party"})
        since, until = period_of(obj, self.where(oid, obj), "startDate", "endDate")
        props = {"title": title, "role": role_key(title), "since": since,
                 "until": until, "voting_right": voting if isinstance(voting, bool) else None,
                 "on_behalf_of": behalf, "identifiers": [identifier(SCHEME, oid)], **prov(src, SCHEME)}
        return [Rel(schema.HOLDS_ROLE, person, org, props, key=key_for(schema.HOLDS_ROLE, props, oid))]

    def _meeting(self, oid: str, obj: dict, src: list[str]) -> list[Record]:
        nid = oparl_id(schema.EVENT, oid)
        loc = obj.get("location")
        loc = self.ix.objects.get(loc, {}) if isinstance(loc, str) else loc if isinstance(loc, dict) else {}
        place = text(loc.get("description")) or text(loc.get("locality")) or text(loc.get("streetAddress"))
        name = text(obj.get("name")) or ref_name("Meeting", oid)
        start, end = period_of(obj, self.where(oid, obj), "start", "end")
        props = {"kind": "council_session", "date": start, "end_date": end,
                 "place": place, "identifiers": [identifier(SCHEME, oid)],
                 "cancelled": obj.get("cancelled") if isinstance(obj.get("cancelled"), bool) else None,
                 "meeting_state": text(obj.get("meetingState")), **prov(src, SCHEME)}
        out: list[Record] = [Node(nid, schema.EVENT, name, props)]
        for side, field_name, label, kind in (("organizer", "organization", schema.ORGANIZATION, "Organization"),
                                              ("participant", "participant", schema.PERSON, "Person")):
            for ref in as_list(obj.get(field_name)):
                who = self.ref(ref, label, kind, src)
                if who:
                    out.append(Rel(schema.ATTENDED, who, nid, {"side": side, **prov(src, SCHEME)}))
        return out
