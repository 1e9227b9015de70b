"""Popolo import (EveryPolitician, Open Civic Data exports): persons, organizations, memberships, events.

Legislative periods (events classified as such) are not attendance events: they are kept on the
memberships that name them (``legislative_period``, and ``since``/``until`` when the membership has
no dates of its own) and counted in the import summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..graph import schema
from ..graph.dates import check_period
from ..graph.errors import InputError
from ..graph.records import Node, Record, Rel
from ..graph.roles import role_key
from ._standards import (
    as_list, dataset_of, digest, gender, head_object_keys, identifier, key_for, load_json, node_id,
    own_key, period_of, placeholder, prov, text, unique, url_source,
)
from .base import ImportContext, Importer, register, source_node

SCHEME = "popolo"
_KEYS = (b'"persons"', b'"memberships"', b'"organizations"')

#: Organization ``classification`` (lower case) -> Organization.kind.
ORG_KINDS: dict[str, str] = {
    "legislature": "government", "parliament": "government", "executive": "government",
    "government": "government", "cabinet": "government", "ministry": "government",
    "chamber": "unit", "upper house": "unit", "lower house": "unit", "committee": "unit",
    "commission": "unit", "council": "unit", "department": "unit", "caucus": "party",
    "party": "party", "political party": "party", "coalition": "party", "faction": "party",
    "company": "company", "corporation": "company", "ngo": "association", "association": "association",
    "union": "association", "university": "university", "municipality": "municipality", "city": "municipality",
}
ORG_KINDS.update({k: k for k in schema.ORG_KINDS})  # our own exports write kinds as classifications
#: Organization ``classification`` (lower case) whose plain members are members of parliament.
LEGISLATURES = {"legislature", "parliament", "lower house", "upper house", "chamber"}
#: Event ``classification`` (lower case) that marks a legislative period, and attendance event kinds.
PERIODS = {"legislative period", "legislative term", "term", "legislature"}
#: Title of the link a membership's ``on_behalf_of_id`` gives (person -> party).
PARTY_MEMBER = "Party member"
EVENT_KINDS: dict[str, str] = {
    "meeting": "meeting", "session": "council_session", "sitting": "council_session",
    "plenary": "council_session", "hearing": "meeting", "conference": "conference", "workshop": "workshop",
    "visit": "visit",
}


@register
class PopoloImporter(Importer):
    """Reads a Popolo JSON document with top-level ``persons``/``organizations``/``memberships``."""

    name = "popolo"
    extensions = (".json",)

    def sniff(self, path: Path, head: bytes) -> float:
        body = head_object_keys(head)
        if not body.startswith(b"{") or (b'"nodes"' in head and b'"edges"' in head):
            return 0.0
        hits = sum(k in head for k in _KEYS)
        return 0.92 if hits >= 2 or b'"persons"' in head else 0.3 if hits else 0.0

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        data = load_json(path, ctx)
        if not isinstance(data, dict) or not any(isinstance(data.get(k), list) for k in
                                                 ("persons", "organizations", "memberships")):
            raise InputError(f"{path}: not Popolo (expected an object with 'persons', 'organizations' "
                             "or 'memberships' lists)")
        for key in ("persons", "organizations", "memberships", "posts", "events", "areas"):
            if key in data and not isinstance(data[key], list):
                raise InputError(f"{path}: '{key}' is not a list")
        src = source_node(path, extractor=SCHEME)
        yield from unique(_Mapper(data, src, path, ctx).records())


class _Mapper:
    """Maps one Popolo document to records."""

    def __init__(self, data: dict, src: Node, path: Path, ctx: ImportContext) -> None:
        self.data, self.src, self.path, self.ctx = data, src, path, ctx
        self.ns = dataset_of(path, ctx)
        self.sources: dict[str, Node] = {src.id: src}
        self.base = [src.id] + [self._cite(u) for u in as_list((data.get("meta") or {}).get("sources"))
                                if isinstance(u, str)]
        self.persons = self._by_id("persons")
        self.orgs = self._by_id("organizations")
        self.posts = self._by_id("posts")
        self.areas = self._by_id("areas")
        events = self._items("events")
        self.periods = {str(e["id"]): e for e in events if (text(e.get("classification")) or "").lower() in PERIODS}
        self.events = [e for e in events if str(e["id"]) not in self.periods]
        self.placeholders: dict[str, Node] = {}

    def _items(self, key: str) -> list[dict]:
        items = self.data.get(key) or []
        good = [x for x in items if isinstance(x, dict) and text(x.get("id"))]
        if len(good) < len(items) and key != "memberships":
            self.ctx.skip(f"popolo: {key} entry without id", len(items) - len(good))
        return good if key != "memberships" else [x for x in items if isinstance(x, dict)]

    def _by_id(self, key: str) -> dict[str, dict]:
        """The ``key`` entries by id; one repeating an earlier id with other content replaces it, counted
        as skipped (two people under one id lose a name silently otherwise)."""
        out: dict[str, dict] = {}
        repeats = 0
        for item in self._items(key):
            rid = str(item["id"])
            repeats += rid in out and out[rid] != item
            out[rid] = item
        if repeats:
            self.ctx.skip(f"popolo: {key} entry repeating an earlier id with other content (the last kept)", repeats)
        return out

    def _cite(self, url: str) -> str:
        node = url_source(url)
        self.sources.setdefault(node.id, node)
        return node.id

    def _prov(self, rec: dict) -> dict[str, Any]:
        urls = [s.get("url") if isinstance(s, dict) else s for s in as_list(rec.get("sources"))]
        return prov(self.base + [self._cite(u) for u in urls if isinstance(u, str) and u.strip()], SCHEME)

    def nid(self, label: str, raw: Any) -> str:
        """Node id of a Popolo id: the id kept exactly, in this file's dataset."""
        return node_id(label, SCHEME, raw, self.ns)

    def own_identifier(self, label: str, raw: Any) -> str | None:
        """``popolo:<dataset>:<id>`` (None for a stakegraph id our own exporter wrote)."""
        rid = str(raw).strip()
        return None if self.nid(label, rid) == rid else identifier(SCHEME, f"{self.ns}:{rid}")

    def _identifiers(self, rec: dict, label: str) -> list[str]:
        ids = [self.own_identifier(label, rec["id"])]
        for ident in as_list(rec.get("identifiers")):
            if isinstance(ident, dict):
                ids.append(identifier(ident.get("scheme") or "id", ident.get("identifier")))
        return [i for i in ids if i]

    @staticmethod
    def _aliases(rec: dict, name: str) -> list[str] | None:
        names = [o.get("name") if isinstance(o, dict) else o for o in as_list(rec.get("other_names"))]
        out = [n.strip() for n in names if isinstance(n, str) and n.strip() and n.strip() != name]
        return list(dict.fromkeys(out)) or None

    # ---- references ------------------------------------------------------------------------
    def _role(self, title: str | None, org_raw: Any) -> str | None:
        """The role key of a membership: a plain member of a legislature is a member of parliament."""
        if title == PARTY_MEMBER:
            return None
        key = role_key(title)
        org = self.orgs.get(str(org_raw), {})
        if key in (None, "council_member") and (text(org.get("classification")) or "").lower() in LEGISLATURES:
            return "member_of_parliament"
        return key

    def ref(self, label: str, raw: Any, kind: str) -> str | None:
        """Node id of a person/organization by Popolo id; a placeholder when the file lacks it."""
        rid = text(raw)
        if rid is None:
            return None
        nid = self.nid(label, rid)
        known = self.persons if label == schema.PERSON else self.orgs
        if rid not in known and nid not in self.placeholders:
            own = self.own_identifier(label, rid)
            self.placeholders[nid] = placeholder(label, nid, f"{kind} {rid}", self.base, SCHEME,
                                                 {"identifiers": [own] if own else None})
        return nid

    # ---- records ---------------------------------------------------------------------------
    def records(self) -> Iterator[Record]:
        out: list[Record] = [self._person(p) for p in self.persons.values()]
        for org in self.orgs.values():
            out.extend(self._organization(org))
        for i, mem in enumerate(self._items("memberships")):
            out.extend(self._membership(i, mem))
        for event in self.events:
            out.extend(self._event(event))
        if self.periods:
            self.ctx.skip("popolo: legislative period (kept on memberships, not an event)", len(self.periods))
        if self.areas:
            self.ctx.skip("popolo: area (kept as membership property)", len(self.areas))
        if self.posts:
            self.ctx.skip("popolo: post (its label kept as membership title)", len(self.posts))
        if self.placeholders:
            self.ctx.notes.append(f"popolo: {len(self.placeholders)} persons/organizations referenced but "
                                  "not in the file kept as placeholder nodes")
        return iter([*self.sources.values(), *out, *self.placeholders.values()])

    def where(self, kind: str, rec: dict, i: int | None = None) -> str:
        """Names a record in errors: file, kind, position and id."""
        pos = f" {i + 1}" if i is not None else ""
        rid = text(rec.get("id"))
        return f"{self.path}: {kind}{pos}" + (f" ({rid})" if rid else "")

    def _person(self, rec: dict) -> Node:
        given, family = text(rec.get("given_name")), text(rec.get("family_name"))
        name = text(rec.get("name")) or " ".join(p for p in (given, family) if p) or f"Person {rec['id']}"
        born, died = period_of(rec, self.where("person", rec), "birth_date", "death_date")
        props = {"given_name": given, "family_name": family, "honorific": text(rec.get("honorific_prefix")),
                 "gender": gender(rec.get("gender")), "identifiers": self._identifiers(rec, schema.PERSON),
                 "aliases": self._aliases(rec, name), "birth_date": born, "death_date": died, **self._prov(rec)}
        return Node(self.nid(schema.PERSON, rec["id"]), schema.PERSON, name, props)

    def _organization(self, rec: dict) -> list[Record]:
        nid = self.nid(schema.ORGANIZATION, rec["id"])
        name = text(rec.get("name")) or f"Organization {rec['id']}"
        cls = text(rec.get("classification"))
        props = {"kind": ORG_KINDS.get((cls or "").lower(), "other"), "classification": cls,
                 "identifiers": self._identifiers(rec, schema.ORGANIZATION), "aliases": self._aliases(rec, name),
                 **self._prov(rec)}
        out: list[Record] = [Node(nid, schema.ORGANIZATION, name, props)]
        founded, dissolved = period_of(rec, self.where("organization", rec), "founding_date", "dissolution_date")
        parent = self.ref(schema.ORGANIZATION, rec.get("parent_id"), "Organization")
        if parent:
            out.append(Rel(schema.PART_OF, nid, parent, {"since": founded, "until": dissolved, **self._prov(rec)}))
        return out

    def _membership(self, i: int, rec: dict) -> list[Record]:
        post: dict = self.posts.get(text(rec.get("post_id")) or "", {})
        member: dict = rec["member"] if isinstance(rec.get("member"), dict) else {}
        member_is_org = str(member.get("@type") or member.get("type") or "").lower() == "organization"
        person_raw = rec.get("person_id") or (None if member_is_org else member.get("id"))
        org_raw = rec.get("organization_id") or post.get("organization_id")
        if not (person_raw or member_is_org) or not org_raw:
            self.ctx.skip("popolo: membership without person or organization")
            return []
        where = self.where("membership", rec, i)
        since, until = period_of(rec, where, "start_date", "end_date")
        period = self.periods.get(text(rec.get("legislative_period_id")) or "", {})
        if period and not (since and until):
            p_since, p_until = period_of(period, self.where("legislative period", period), "start_date", "end_date")
            since, until = self._fill(since, until, p_since, p_until)
        org = self.ref(schema.ORGANIZATION, org_raw, "Organization")
        area = self.areas.get(text(rec.get("area_id")) or "", {})
        title = text(rec.get("label")) or text(rec.get("role")) or text(post.get("label")) or text(post.get("role"))
        behalf = self.ref(schema.ORGANIZATION, rec.get("on_behalf_of_id"), "Organization")
        props = {"since": since, "until": until,
                 "legislative_period": text(period.get("name")) or text(rec.get("legislative_period_id")),
                 "on_behalf_of": behalf, "area": text(area.get("name")) or text(rec.get("area_id")),
                 "post": text(post.get("label")), **self._prov(rec)}
        mark = rec.get("id") or digest(rec)
        own = identifier(SCHEME, f"{self.ns}:{rec['id']}") if rec.get("id") else None
        if org is None:
            self.ctx.skip("popolo: membership without person or organization")
            return []
        if member_is_org:
            source = self.ref(schema.ORGANIZATION, member.get("id"), "Organization")
            if source is None:
                self.ctx.skip("popolo: membership without person or organization")
                return []
            rp = {k: props[k] for k in ("since", "until", "sources", "extractor")}
            rp["identifiers"] = [own] if own else None
            key = own_key(rec.get("id"), source, org) or key_for(schema.MEMBER_OF, rp, mark)
            out: list[Record] = [Rel(schema.MEMBER_OF, source, org, rp, key=key)]
            if behalf:
                out.append(self._behalf(schema.MEMBER_OF, source, behalf, since, until, rec))
            return out
        person = self.ref(schema.PERSON, person_raw, "Person")
        if person is None:
            self.ctx.skip("popolo: membership without person or organization")
            return []
        props.update(title=title, role=self._role(title, org_raw), identifiers=[own] if own else None)
        key = own_key(rec.get("id"), person, org) or key_for(schema.HOLDS_ROLE, props, mark)
        out = [Rel(schema.HOLDS_ROLE, person, org, props, key=key)]
        if behalf and behalf != org:
            out.append(self._behalf(schema.HOLDS_ROLE, person, behalf, since, until, rec))
        return out

    def _fill(self, since: str | None, until: str | None, p_since: str | None,
              p_until: str | None) -> tuple[str | None, str | None]:
        """A membership's own dates, gaps filled from its legislative period unless that would end it before
        it starts (a seat ended before its term began keeps only its own date; counted as skipped)."""
        filled = since or p_since, until or p_until
        try:
            check_period(*filled, "")
        except InputError:
            self.ctx.skip("popolo: legislative period date contradicting the membership's own (not inherited)")
            return since, until
        return filled

    def _behalf(self, rel_type: str, member: str, party: str, since: str | None, until: str | None,
                rec: dict) -> Rel:
        """The link to the party a membership is held on behalf of (``on_behalf_of_id``): the person is
        a member of that party for the membership's period. Its key depends on the period only, so a
        re-import of our own export (which writes this link as a membership of its own) lands on it."""
        props: dict[str, Any] = {"since": since, "until": until, **self._prov(rec)}
        if rel_type == schema.HOLDS_ROLE:
            props.update(title=PARTY_MEMBER, role=None)
        return Rel(rel_type, member, party, props, key=key_for(rel_type, props, "on-behalf-of", since, until))

    def _event(self, rec: dict) -> list[Record]:
        nid = self.nid(schema.EVENT, rec["id"])
        cls = text(rec.get("classification"))
        kind = next((k for w, k in EVENT_KINDS.items() if w in (cls or "").lower()), "other")
        loc = rec.get("location")
        place = text(loc.get("name")) if isinstance(loc, dict) else text(loc)
        start, end = period_of(rec, self.where("event", rec), "start_date", "end_date")
        props = {"kind": kind, "classification": cls, "date": start, "end_date": end, "place": place,
                 "identifiers": self._identifiers(rec, schema.EVENT), **self._prov(rec)}
        out: list[Record] = [Node(nid, schema.EVENT, text(rec.get("name")) or f"Event {rec['id']}", props)]
        org = self.ref(schema.ORGANIZATION, rec.get("organization_id"), "Organization")
        if org:
            out.append(Rel(schema.ATTENDED, org, nid, {"side": "organizer", **self._prov(rec)}))
        for att in as_list(rec.get("attendees")):
            a = att if isinstance(att, dict) else {"id": att}
            is_org = str(a.get("@type") or a.get("type") or "").lower() == "organization" or a.get("organization_id")
            label = schema.ORGANIZATION if is_org else schema.PERSON
            who = self.ref(label, a.get("person_id") or a.get("organization_id") or a.get("id"), label)
            if not who:
                self.ctx.skip("popolo: event attendee without id")
                continue
            role = text(a.get("role")) or text(a.get("note"))
            side = role if role in schema.SIDES else "participant"
            rp = {"side": side, "role_at_event": role if role and role not in schema.SIDES else None,
                  **self._prov(rec)}
            out.append(Rel(schema.ATTENDED, who, nid, rp))
        return out
