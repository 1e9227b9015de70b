"""From extracted story facts to schema records, resolving persons and events across documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...graph import schema
from functools import lru_cache

from ...graph.records import Node, Record, Rel, best_value, make_id as _make_id, merge_node, merge_props
from .orgs import OrgM, role_key
from .places import fold
from .facts import EventF, StoryFacts
from .text import compatible_dates

STATE_KEY = "press"
#: ``records.make_id`` memoized (pure): organization ids are made again for every mention.
make_id = lru_cache(maxsize=1 << 16)(_make_id)


def org_id(org: OrgM) -> str:
    """Id of an organization: its canonical name, plus its parent's for units ('Stabsstelle X' of 'Stadt Y')."""
    return make_id(schema.ORGANIZATION, org.name, org.parent.name) if org.parent else make_id(schema.ORGANIZATION, org.name)


def person_id(name: str) -> str:
    """Id of a person from the full name."""
    return make_id(schema.PERSON, name)


@dataclass
class Resolver:
    """Cross-document memory of one run: persons by surname and events by bodies and date."""

    store: Any = None
    surnames: dict[str, set[str]] = field(default_factory=dict)  # folded surname -> person ids
    person_orgs: dict[str, set[str]] = field(default_factory=dict)  # person id -> org ids of roles
    names: dict[str, str] = field(default_factory=dict)  # person id -> name
    events: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: the same event dicts by (kind, guest, host): event_id() scanned every event of the run per call
    by_sides: dict[tuple, list[dict]] = field(default_factory=dict)

    def remember_person(self, pid: str, name: str, org_ids: set[str]) -> None:
        self.surnames.setdefault(fold(name.split()[-1]), set()).add(pid)
        self.person_orgs.setdefault(pid, set()).update(org_ids)
        self.names[pid] = name

    def by_surname(self, surname: str, oid: str | None) -> str | None:
        """The one known person of that surname holding a role at ``oid`` (conservative: unique and same body)."""
        pool = [p for p in self.surnames.get(fold(surname), ()) if oid is None or oid in self.person_orgs.get(p, ())]
        if len(pool) == 1:
            return pool[0]
        if not pool and self.store is not None and oid:
            hits = [n for n in self.store.find(surname, limit=20)
                    if n.label == schema.PERSON and fold(str(n.props.get("family_name", ""))) == fold(surname)]
            good = [n for n in hits if oid in self.store.neighborhood([n.id], depth=1, types=[schema.HOLDS_ROLE]).nodes]
            if len(good) == 1:
                self.names[good[0].id] = good[0].name
                return good[0].id
        return None

    def event_id(self, kind: str, guest: str | None, host: str | None, date: str | None, name: str) -> str:
        """The id of the same event seen before (same bodies, compatible date), else a new one."""
        for ev in self.by_sides.get((kind, guest, host), ()):
            if compatible_dates(ev["date"], date):
                ev["date"] = ev["date"] or date
                self.notes.append(f"press: merged {kind} {name} ({date or 'no date'}) into {ev['id']}")
                return ev["id"]
        eid = self._stored_event(kind, guest, host, date)
        if eid is None:
            eid = make_id(schema.EVENT, kind, *(x.split(":", 1)[1] for x in (guest, host) if x), date if kind != "visit" else None)
        ev = {"id": eid, "kind": kind, "guest": guest, "host": host, "date": date}
        self.events.append(ev)
        self.by_sides.setdefault((kind, guest, host), []).append(ev)
        return eid

    def _stored_event(self, kind: str, guest: str | None, host: str | None, date: str | None) -> str | None:
        anchor = guest or host
        if guest and host and host != guest:
            # The graph below holds only the anchor's (the guest's) ATTENDED edges, so g.has_edge(host, …)
            # is false for any other host and nothing can match: skip reading every event the guest body
            # attended (grew with the store: ~15 % of a 2,000-article import).
            return None
        if self.store is None or anchor is None or self.store.get(anchor) is None:
            return None
        g = self.store.neighborhood([anchor], depth=1, types=[schema.ATTENDED])
        for nid, attrs in g.nodes(data=True):
            if attrs.get("label") == schema.EVENT and attrs.get("kind") == kind and compatible_dates(attrs.get("date"), date):
                if host is None or g.has_edge(host, nid) or host == anchor:
                    self.notes.append(f"press: {kind} matches stored event {nid}")
                    return nid
        return None


def resolver_for(ctx: Any) -> Resolver:
    """The run's resolver, kept in ``ctx.state``."""
    res = ctx.state.get(STATE_KEY)
    if res is None:
        res = ctx.state[STATE_KEY] = Resolver(store=ctx.store)
    return res


def _adds_nothing(old: Record, new: Record) -> bool:
    """Whether merging ``new`` into ``old`` (a merge's result: properties in normal form) changes nothing
    but provenance: same name and label, and every other property absent, equal, a number no higher, or
    a list of items ``old`` already holds. Most mentions of a document's city or body are this case."""
    if isinstance(old, Node):
        if not isinstance(new, Node) or new.name != old.name or new.label != old.label:
            return False
    elif isinstance(new, Node):
        return False
    props = old.props
    for k, v in new.props.items():
        if k == "sources" or k == "evidence" or v is None:
            continue
        a = props.get(k)
        if a is None:
            return False
        if type(v) is list:
            if type(a) is not list:
                return False
            have = set(a)
            if k == "aliases" and isinstance(old, Node):
                have.add(old.name)
            if not all(type(x) is str and x in have for x in v):
                return False
        elif k in schema.LIST_PROPERTIES or type(v) is not type(a) or type(v) not in (str, bool, int, float):
            return False
        elif v != a and best_value(k, a, v) != a:
            return False
    ext, new_ext = props.get("extractor"), new.props.get("extractor")
    if not isinstance(ext, str) or not isinstance(new_ext, str) or ext.endswith(":placeholder") or new_ext.endswith(":placeholder"):
        return False  # a placeholder's merge drops names and aliases: never the quick way
    return True


def _normal_form(rec: Record) -> Record | None:
    """A first record as ``merge_node``/``merge_props`` would leave it merged with nothing: no ``None``
    values, lists of texts sorted without repeats, keys sorted, a node's name not among its aliases.
    None when it holds anything else (the full merge handles those)."""
    props: dict[str, Any] = {}
    for k, v in rec.props.items():
        if v is None:
            continue
        if type(v) is list:
            if not all(type(x) is str for x in v):
                return None
            if k != "sources" and k != "evidence":
                v = sorted(set(v))
                if k == "aliases" and isinstance(rec, Node):
                    v = [a for a in v if a != rec.name]
                if not v:
                    continue
        elif k in schema.LIST_PROPERTIES:
            return None
        props[k] = v
    if not any(props.get("evidence") or ()):
        return None  # without a quote the merge drops ``evidence`` (and the key order would differ)
    props = dict(sorted(props.items()))
    if isinstance(rec, Node):
        return Node(rec.id, rec.label, rec.name, props)
    assert isinstance(rec, Rel)
    return Rel(rec.type, rec.source, rec.target, props, key=rec.key)


class RecordBuilder:
    """Turns the stories of one document into records carrying the document's Source."""

    def __init__(self, source: Node, resolver: Resolver, published: str | None) -> None:
        self.src = source.id
        self.res = resolver
        self.published = published
        self.out: dict[tuple, Record] = {}
        self._merged: set[tuple] = set()  # keys whose record came out of a merge (its properties in normal form)

    def _prov(self, quote: str, rule: str, conf: float) -> dict[str, Any]:
        return {"sources": [self.src], "evidence": [quote], "confidence": round(conf, 2), "extractor": rule}

    def _put(self, rec: Record) -> None:
        key = (rec.id,) if isinstance(rec, Node) else (rec.type, rec.source, rec.target, rec.key)
        old = self.out.get(key)
        if old is None:
            self.out[key] = rec
            return
        prov = self._own_provenance(old.props, rec.props)
        if prov is not None:
            base = old if key in self._merged else _normal_form(old)
            if base is not None and _adds_nothing(base, rec):
                base.props["sources"], base.props["evidence"] = prov  # what the merge below would give, at a dict's cost
                self.out[key] = base
                self._merged.add(key)
                return
        new_props = rec.props
        if prov is not None:  # provenance merged here; merge_props sees the rest only
            new_props = {k: v for k, v in rec.props.items() if k != "sources" and k != "evidence"}
        if isinstance(rec, Node) and isinstance(old, Node):
            keep = old.name if " " in old.name and " " not in rec.name else rec.name
            merged = merge_node(old, Node(rec.id, rec.label, rec.name, new_props))
            self.out[key] = Node(merged.id, merged.label, keep, merged.props)
        else:
            old.props = merge_props(old.props, new_props)
        self._merged.add(key)
        if prov is not None:
            kept = self.out[key]
            kept.props["sources"], kept.props["evidence"] = prov

    def _own_provenance(self, old: dict[str, Any], new: dict[str, Any]) -> tuple[list, list] | None:
        """(sources, evidence) after merging two records that both cite only this document: what
        ``records.merge_props`` computes, without rebuilding and scanning its list of pairs for every
        mention (an article's city is mentioned in most sentences). None when not that case."""
        src, ev, n_src, n_ev = old.get("sources"), old.get("evidence"), new.get("sources"), new.get("evidence")
        if (n_src != [self.src] or not isinstance(n_ev, list) or len(n_ev) != 1 or not isinstance(src, list)
                or not isinstance(ev, list) or not ev or len(src) != len(ev) or src.count(self.src) != len(src)):
            return None
        quote, ev = n_ev[0], list(ev)
        if quote in ev:
            pass
        elif quote and "" in ev:
            ev[ev.index("")] = quote  # a quote replaces a quote-less mention
        elif quote:
            ev.append(quote)
        return [self.src] * len(ev), ev

    def org(self, org: OrgM, quote: str, rule: str, conf: float) -> str:
        """Emit an organization (and its parent with PART_OF); return its id."""
        oid = org_id(org)
        props = {"kind": org.kind, "place": org.place, "aliases": [a for a in dict.fromkeys(org.aliases) if a != org.name] or None,
                 **self._prov(quote, rule, conf)}
        self._put(Node(oid, schema.ORGANIZATION, org.name, props))
        if org.parent:
            pid = self.org(org.parent, quote, rule, conf)
            self._put(Rel(schema.PART_OF, oid, pid, self._prov(quote, rule, conf)).validate())
        return oid

    def story(self, facts: StoryFacts) -> None:
        """Emit one story's persons, roles, links and events."""
        pids: dict[str, str] = {}
        for name, p in facts.persons.items():
            pid = person_id(name)
            pids[name] = pid
            toks = name.split()
            props = {"given_name": " ".join(toks[:-1]), "family_name": toks[-1], "honorific": p.honorific,
                     "aliases": sorted(p.aliases) or None, **self._prov(p.quote, p.rule, p.confidence)}
            self._put(Node(pid, schema.PERSON, name, props))
        for surname, quote, role in facts.surnames:
            oid = org_id(role.org) if role and role.org else None
            found = self.res.by_surname(surname, oid)
            if found is None:
                pid = person_id(surname)
                self._put(Node(pid, schema.PERSON, surname, {"family_name": surname, **self._prov(quote, "press:surname", 0.4)}))
            else:
                pid = found
                known = self.res.names[pid]
                self.res.notes.append(f"press: '{surname}' resolved to {pid} (same surname and body)")
                self._put(Node(pid, schema.PERSON, known, {"aliases": [surname], **self._prov(quote, "press:surname", 0.7)}))
            pids[surname] = pid
            if role and role.org:
                facts.roles.append(type(role)(surname, role.org, role.title, role.quote, role.rule, role.confidence))
        orgs_of: dict[str, set[str]] = {}
        for r in facts.roles:
            if r.org is None:
                continue  # no body: the rules keep only roles they could place
            oid = self.org(r.org, r.quote, r.rule, r.confidence)
            orgs_of.setdefault(pids[r.person], set()).add(oid)
            props = {"title": r.title, "role": role_key(r.title), **self._prov(r.quote, r.rule, r.confidence)}
            self._put(Rel(schema.HOLDS_ROLE, pids[r.person], oid, props).validate())
        for name, pid in pids.items():
            if pid in orgs_of or name.count(" "):
                self.res.remember_person(pid, self.res.names.get(pid, name) if " " not in name else name, orgs_of.get(pid, set()))
        for link in facts.links:
            a = self.org(link.a, link.quote, link.rule, link.confidence)
            b = self.org(link.b, link.quote, link.rule, link.confidence)
            self._put(Rel(link.type, a, b, self._prov(link.quote, link.rule, link.confidence)).validate())
        for ev in facts.events:
            self.event(ev, pids)
        for o in facts.orgs:
            self.org(o.org, o.quote, o.rule, o.confidence)

    def event(self, ev: EventF, pids: dict[str, str]) -> None:
        """Emit an event, its bodies and participants."""
        guest = self.org(ev.guest, ev.quote, ev.rule, ev.confidence) if ev.guest else None
        host = self.org(ev.host, ev.quote, ev.rule, ev.confidence) if ev.host else None
        rule, conf, date = ev.rule, ev.confidence, ev.date
        if ev.kind == "visit" and not date and self.published:
            date, rule, conf = self.published, ev.rule + "+published", conf - 0.2
        if ev.kind == "visit":
            name = f"Besuch {ev.guest.name} bei {ev.host.name}" if ev.guest and ev.host else "Besuch"
        else:
            name = f"Sitzung {ev.host.name if ev.host else ''}".strip() + (f" {date}" if date else "")
        eid = self.res.event_id(ev.kind, guest, host, date, name)
        self._put(Node(eid, schema.EVENT, name, {"kind": ev.kind, "date": date, "end_date": ev.end_date, "place": ev.place, **self._prov(ev.quote, rule, conf)}))
        if guest:
            self._put(Rel(schema.ATTENDED, guest, eid, {"side": "guest", **self._prov(ev.quote, rule, conf)}).validate())
        if host:
            side = "host" if ev.kind == "visit" else "organizer"
            self._put(Rel(schema.ATTENDED, host, eid, {"side": side, **self._prov(ev.quote, rule, conf)}).validate())
        for pname, part in ev.participants.items():
            acting = part["acting_for"]
            props = {"side": part["side"], "acting_for": org_id(acting) if acting else None,
                     "role_at_event": part["role_at_event"], "lead": part["lead"], **self._prov(ev.quote, rule + ":participant", conf - 0.1)}
            self._put(Rel(schema.ATTENDED, pids[pname], eid, props).validate())

    def records(self) -> list[Record]:
        """Nodes first, then relationships, each validated."""
        nodes = [r.validate() for r in self.out.values() if isinstance(r, Node)]
        rels = [r for r in self.out.values() if isinstance(r, Rel)]
        return [*nodes, *rels]
