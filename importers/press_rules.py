"""Extraction rules of the press importer: persons, roles, visits, partnerships and sessions of one story."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from stakegraph.graph.records import fold
from stakegraph.graph.roles import role_key
from stakegraph.importers.press_lex import LEX, NAME_TOK, UP, _alt
from stakegraph.importers.press_orgs import (OrgM, word_re, adjective_base, collect_places, find_orgs, is_place_word,
                                             municipality, org_from_item)
from stakegraph.importers.press_text import Segment, find_date, sentences

MAX_QUOTE = 300


@dataclass
class PersonF:
    """A person named in a story."""

    name: str
    quote: str
    rule: str
    confidence: float
    honorific: str | None = None
    aliases: set[str] = field(default_factory=set)


@dataclass
class RoleF:
    """A person's position; ``org`` None means 'an office of the body the story implies'."""

    person: str
    org: OrgM | None
    title: str | None
    quote: str
    rule: str
    confidence: float


@dataclass
class LinkF:
    """An organization-to-organization fact (PARTNERS_WITH, MEMBER_OF)."""

    type: str
    a: OrgM
    b: OrgM
    quote: str
    rule: str
    confidence: float


@dataclass
class EventF:
    """A visit or session: bodies and persons attending with their side."""

    kind: str
    date: str | None
    place: str | None
    quote: str
    rule: str
    confidence: float
    guest: OrgM | None = None
    host: OrgM | None = None
    lead: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)
    participants: dict[str, dict] = field(default_factory=dict)


@dataclass
class StoryFacts:
    """Everything one segment (main story or teaser) states."""

    persons: dict[str, PersonF] = field(default_factory=dict)
    roles: list[RoleF] = field(default_factory=list)
    links: list[LinkF] = field(default_factory=list)
    events: list[EventF] = field(default_factory=list)
    surnames: list[tuple[str, str, RoleF | None]] = field(default_factory=list)  # unresolved surname mentions


def quote(sent: str, start: int = 0, end: int = 0) -> str:
    """The sentence, or a window of it around [start, end) when longer than MAX_QUOTE."""
    sent = sent.strip()
    if len(sent) <= MAX_QUOTE:
        return sent
    mid = (start + end) // 2
    lo = max(0, min(mid - MAX_QUOTE // 2, len(sent) - MAX_QUOTE))
    lo = sent.rfind(" ", 0, lo) + 1 if lo else 0
    return sent[lo:lo + MAX_QUOTE].rsplit(" ", 1)[0] if lo + MAX_QUOTE < len(sent) else sent[lo:]


_HON = LEX.honorific_re
_PLACE_LEAD = rf"(?:(?:der|die|des|dem|den)\s+)?(?P<pl>[{UP}][\w]+)\s+"
PRE_TITLE = re.compile(rf"(?:{_PLACE_LEAD})?(?P<title>{LEX.title_chain_re})\s+(?P<hon>{_HON}*)(?P<name>{NAME_TOK}(?:\s+{NAME_TOK}){{0,2}})")
APPOS = re.compile(r"\s*,\s*(?:(?:der|die)\s+(?:als|seit)\s+)?(?P<app>[^,;()]+?)(?=\s*(?:,|;|\)|\.\s|\.$|$))")
SURNAME_APPOS = re.compile(rf"(?<![\w-])(?P<name>{NAME_TOK})\s*,\s*(?P<app>(?:[{UP}][\w]+s\s+)?{LEX.title_chain_re})\s*,")
CAPTION = re.compile(rf"^\(?\s*(?:{_alt(LEX.caption_openers)})\s*", re.I)
CREDIT = re.compile(rf"\(?\s*(?:{_alt(LEX.credit_openers)})\s*:\s*(?P<body>[^)\n]+)\)?")
CONTACT = re.compile(rf"(?:{_alt(LEX.contact_openers)})\s*:\s*(?P<body>[^\n]+)")
#: Title-chain patterns compiled once: as pattern strings they fell out of ``re``'s 512-entry cache
#: whenever a corpus named many places (per-place patterns churn it) and were recompiled per phrase.
_PLACE_TITLE = re.compile(rf"(?P<pl>[{UP}][\w]+)\s+(?P<t>{LEX.title_chain_re})\s*$")
_TITLE_CHAIN = re.compile(LEX.title_chain_re)
_TRAIL_CONNECT = re.compile(r"\s*(?:\b(?:bei|beim|der|des|von|vom|im|in|am|für|an|und|zur|zum|bei der|in der|von der)\s*)+$")
_CLAUSE_END = re.compile(r",\s*(?:um|die|der|das|wo|was|welche[rs]?|wobei|sodass|damit|weil|dass)\b|\s[–—-]\s|[.;:!?]|\(|$")
_LIST_SPLIT = re.compile(r"\s*,\s*|(?<!-)\s+(?:und|sowie|&)\s+")
DELEGATION = LEX.cue_pattern("delegation_words")


class StoryExtractor:
    """Applies the rules to one segment; ``facts`` holds the result."""

    def __init__(self, seg: Segment, year_hint: str | None = None) -> None:
        self.seg = seg
        self.year_hint = year_hint
        self.facts = StoryFacts()
        self.places = collect_places(seg.text)
        self.subject: list[OrgM] = self._teaser_subject() if seg.teaser else []
        self.city: str | None = None
        self.busy: list[tuple[int, int, int]] = []  # (line index, start, end) spans consumed by a person rule

    # ---- driver ------------------------------------------------------------------------------
    def run(self) -> StoryFacts:
        """Extract persons and roles first, then events and organization links."""
        sents: list[tuple[int, str]] = []
        for li, line in enumerate(self.seg.lines):
            if self.seg.teaser and li == 0 and self.seg.heading:
                continue
            if CAPTION.match(line):
                self._caption(line)
                continue
            credit = CREDIT.match(line)
            if credit:
                self._credit(credit.group("body"), line)
                continue
            for _off, sent in sentences(line):
                sents.append((li, sent))
        for _li, sent in sents:
            self._persons(sent)
        self.city = self._story_city(sents)
        for _li, sent in sents:
            self._links(sent)
            self._session(sent)
        self._visits([s for _li, s in sents])
        self._resolve_offices()
        return self.facts

    # ---- persons and roles -------------------------------------------------------------------
    def _add_person(self, raw: str, hon: str, q: str, rule: str, conf: float) -> str | None:
        name = " ".join(raw.split())
        toks = name.split()
        while toks and (toks[-1] in LEX.non_name or toks[-1] in self.places or LEX.is_titleish(toks[-1])):
            toks.pop()
        if len(toks) < 2 or any(t in LEX.non_name or t in self.places or LEX.is_titleish(t) for t in toks):
            return None
        name = " ".join(toks)
        p = self.facts.persons.get(name)
        if p is None:
            p = self.facts.persons[name] = PersonF(name, q, rule, conf)
        else:
            p.confidence = max(p.confidence, conf)
        if hon.strip():
            p.honorific = hon.strip()
            p.aliases.add(f"{hon.strip()} {name}")
        return name

    def _by_surname(self, surname: str) -> str | None:
        hits = [n for n in self.facts.persons if n.split()[-1] == surname]
        return hits[0] if len(hits) == 1 else None

    def _role(self, person: str, title: str | None, org: OrgM | None, q: str, rule: str, conf: float) -> None:
        title = (title or "").strip(" ,") or None
        if org is not None and title:
            org = self._title_unit(title, org)
        if org is None and (not title or role_key(title) not in LEX.office_roles):
            return
        self.facts.roles.append(RoleF(person, org, title, q, rule, conf))

    def _title_unit(self, title: str, org: OrgM) -> OrgM:
        """'Amtsleiter Digitalisierung und Organisationsentwicklung' + Stadt Hanau -> the Amt as a unit of it."""
        head, _, topic = title.partition(" ")
        pattern = LEX.title_units.get(head)
        if not pattern or not topic or org.kind != "municipality" or role_key(topic):
            return org
        return OrgM(pattern.format(topic=topic), "unit", org.place, org, [])

    def parse_role_phrase(self, app: str) -> tuple[str | None, OrgM | None, bool]:
        """(title, organization, is-a-role-phrase) of 'Chief Digital Officer bei der Stabsstelle … der Stadt Bochum'."""
        app = re.sub(r"^(?:der|die|als)\s+(?:als\s+)?", "", app.strip())
        m = _PLACE_TITLE.match(app)
        if m:
            base = adjective_base(m.group("pl")) or (m.group("pl")[:-1] if m.group("pl").endswith("s") else None)
            if base and (base in self.places or is_place_word(base)):
                return m.group("t"), municipality(base), True
        orgs = find_orgs(app, self.places)
        tm = _TITLE_CHAIN.match(app)
        if orgs:
            org = orgs[0]
            title = _TRAIL_CONNECT.sub("", app[: org.start]).strip() or None
            if title and not role_key(title) and not tm:
                return None, None, False
            if org.needs_place:
                org = org.with_place(self.city) if self.city else None
            return title, org, True
        if tm:
            rest = app[tm.end():].strip()
            if rest in self.places:
                return app[: tm.end()], municipality(rest), True
            return app, None, True
        return None, None, False

    def _persons(self, sent: str) -> None:
        q = quote(sent)
        taken: list[tuple[int, int]] = []
        for m in LEX.person_re.finditer(sent):
            app = APPOS.match(sent, m.end())
            if not app:
                continue
            title, org, ok = self.parse_role_phrase(app.group("app"))
            if not ok:
                continue
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:apposition", 0.85)
            if name:
                self._role(name, title, org, quote(sent, m.start(), app.end()), "press:apposition", 0.85)
                taken.append((m.start(), app.end()))
        for m in PRE_TITLE.finditer(sent):
            if any(s <= m.start("name") < e for s, e in taken):
                continue
            toks = m.group("name").split()
            while toks and (toks[-1] in LEX.non_name or toks[-1] in self.places):
                toks.pop()
            org = None
            pl = m.group("pl")
            if pl:
                base = adjective_base(pl) or (pl[:-1] if pl.endswith("s") else None)
                if base and base in self.places:
                    org = municipality(base)
                elif pl[:1].isupper() and not pl.endswith(("er", "s")):
                    pass
            if len(toks) == 1:
                known = self._by_surname(toks[0])
                if known:
                    self._role(known, m.group("title"), org, q, "press:title", 0.75)
                continue
            name = self._add_person(" ".join(toks), m.group("hon"), q, "press:title", 0.8)
            if name:
                self._role(name, m.group("title"), org, q, "press:title", 0.8)
                taken.append((m.start(), m.end()))
        for m in SURNAME_APPOS.finditer(sent):
            if any(s <= m.start() < e for s, e in taken) or m.group("name") in LEX.non_name:
                continue
            title, org, ok = self.parse_role_phrase(m.group("app"))
            if not ok:
                continue
            known = self._by_surname(m.group("name"))
            role = RoleF(known or m.group("name"), org, title, q, "press:apposition", 0.75)
            if known:
                self._role(known, title, org, q, "press:apposition", 0.75)
            else:
                self.facts.surnames.append((m.group("name"), q, role))
        for m in LEX.name_list_re.finditer(sent):
            for item in _LIST_SPLIT.split(m.group(0)):
                hm = re.match(rf"(?P<hon>{_HON}*)(?P<name>.+)", item.strip())
                self._add_person(hm.group("name"), hm.group("hon"), q, "press:list", 0.75)
        for m in LEX.person_re.finditer(sent):
            toks = m.group("name").split()
            if toks[0] in LEX.given and m.group("name") not in self.facts.persons:
                self._add_person(m.group("name"), m.group("hon"), q, "press:name", 0.7)
        contact = CONTACT.search(sent)
        if contact:
            self._contact(contact.group("body"), sent)

    def _caption(self, line: str) -> None:
        body = CAPTION.sub("", line, count=1)
        for item in re.split(r"\s*;\s*", body):
            item = item.strip()
            if not item:
                continue
            m = LEX.person_re.match(item)
            if m:
                rest = item[m.end():]
                app = APPOS.match(rest)
                title, org, ok = self.parse_role_phrase(app.group("app")) if app else (None, None, False)
                if app and not ok:
                    o = org_from_item(app.group("app"), self.places)
                    title, org, ok = None, o, o is not None
                name = self._add_person(m.group("name"), m.group("hon"), item, "press:caption", 0.9)
                if name:
                    self.facts.persons[name].aliases.add("caption")
                    if ok:
                        self._role(name, title, org, item, "press:caption", 0.9)
                    continue
            t = PRE_TITLE.match(item)
            if t:
                name = self._add_person(t.group("name"), t.group("hon"), item, "press:caption", 0.9)
                if name:
                    self.facts.persons[name].aliases.add("caption")
                    self._role(name, t.group("title"), None, item, "press:caption", 0.9)

    def _credit(self, body: str, line: str) -> None:
        for part in re.split(r"\s*[/,|]\s*", body):
            m = LEX.person_re.fullmatch(part.strip())
            if m:
                self._add_person(m.group("name"), m.group("hon"), line.strip("() "), "press:credit", 0.8)

    def _contact(self, body: str, sent: str) -> None:
        first, _, rest = body.partition(",")
        m = LEX.person_re.match(first.strip())
        if not m:
            return
        name = self._add_person(m.group("name"), m.group("hon"), quote(sent, sent.find(body), len(sent)), "press:contact", 0.8)
        orgs = find_orgs(rest.split("Telefon")[0].split("Tel")[0], self.places)
        if name and orgs:
            self._role(name, "Pressekontakt", orgs[0], quote(sent), "press:contact", 0.75)

    # ---- context ---------------------------------------------------------------------------
    def _teaser_subject(self) -> list[OrgM]:
        head = (self.seg.heading or "").split(":", 1)[0].strip() if ":" in (self.seg.heading or "") else ""
        out: list[OrgM] = []
        for part in (p.strip() for p in head.split("/") if p.strip()):
            orgs = find_orgs(part, self.places)
            if orgs and orgs[0].end - orgs[0].start == len(part):
                out.append(orgs[0])
            elif part[:1].isupper() and not re.search(r"[a-z][A-Z]", part) and is_place_word(part):
                self.places.add(part)
                out.append(municipality(part))
            else:
                out.append(OrgM(part, "other"))
        return out

    def _story_city(self, sents: list[tuple[int, str]]) -> str | None:
        """The place a story is about: the visited city, else the teaser subject, else the most named place."""
        for _li, sent in sents:
            if DELEGATION.search(sent):
                host = self._host(sent, self._guest(sent))
                if host:
                    return host.place
        if self.subject and self.subject[0].place:
            return self.subject[0].place
        counts = Counter(p for _li, s in sents for p in self.places if word_re(p, "", r"\b").search(s))
        return counts.most_common(1)[0][0] if counts else None

    def _resolve_offices(self) -> None:
        """Office titles without an organization: the body of the same person's other role, or of the delegation."""
        guest = next((e.guest for e in self.facts.events if e.kind == "visit" and e.guest), None)
        leads = {n for e in self.facts.events for n in (*e.lead, *e.members)}
        resolved: list[RoleF] = []
        for r in self.facts.roles:
            if r.org is not None:
                resolved.append(r)
                continue
            key = role_key(r.title)
            other = next((x for x in self.facts.roles if x.person == r.person and x.org is not None
                          and role_key(x.title) == key), None)
            if other:
                continue
            if guest and r.person in leads:
                resolved.append(RoleF(r.person, guest, r.title, r.quote, r.rule + "+delegation", r.confidence - 0.15))
            elif self.city and not guest:
                resolved.append(RoleF(r.person, municipality(self.city), r.title, r.quote, r.rule + "+context", r.confidence - 0.25))
        self.facts.roles = resolved

    # ---- organization links ------------------------------------------------------------------
    def _bind(self, org: OrgM | None, near: OrgM | None = None) -> OrgM | None:
        if org is None or not org.needs_place:
            return org
        place = (near.place if near else None) or self.city
        return org.with_place(place) if place else None

    def _subject_before(self, sent: str, pos: int) -> OrgM | None:
        before = [o for o in find_orgs(sent[:pos], self.places) if not o.needs_place]
        if before:
            subj = before[-1]
            if subj.place is None and subj.kind == "unit" and self.city:
                subj.place = self.city
                subj.parent = subj.parent or municipality(self.city)
            return subj
        if (self.subject or self.city) and re.search(r"\b(?:sie|Sie|Die Stadt|die Stadt|Die Kommune|die Kommune|Der Kreis|der Landkreis|Die Gemeinde|er|es)\b", sent[:pos + 20]):
            return self.subject[0] if self.subject else (municipality(self.city) if self.city else None)
        return None

    def _objects(self, text: str, near: OrgM | None) -> list[OrgM]:
        end = _CLAUSE_END.search(text)
        span = text[: end.start()] if end else text
        out: list[OrgM] = []
        for item in _LIST_SPLIT.split(span):
            org = self._bind(org_from_item(item, self.places), near)
            if org and all(o.key != org.key for o in out):
                out.append(org)
        return out

    def _links(self, sent: str) -> None:
        q = quote(sent)
        rule_conf = 0.75 if self.seg.teaser else 0.8
        for m in LEX.cue_pattern("partner_cues").finditer(sent):
            subj = self._subject_before(sent, m.start())
            if subj is None:
                continue
            for obj in self._objects(sent[m.end():], subj):
                if obj.key != subj.key:
                    self.facts.links.append(LinkF("PARTNERS_WITH", subj, obj, quote(sent, m.start(), m.end()),
                                                  "press:partner", rule_conf))
            break
        for m in LEX.cue_pattern("joint_cues").finditer(sent):
            orgs = [o for o in find_orgs(sent[m.end():], self.places) if not o.needs_place][:6]
            for i, a in enumerate(orgs):
                for b in orgs[i + 1:]:
                    self.facts.links.append(LinkF("PARTNERS_WITH", a, b, q, "press:joint", rule_conf))
        for m in LEX.cue_pattern("participation_cues").finditer(sent):
            subj = self._subject_before(sent, m.start())
            if subj:
                for obj in self._objects(sent[m.end():], subj):
                    if obj.key != subj.key:
                        self.facts.links.append(LinkF("PARTNERS_WITH", subj, obj, q, "press:participation", rule_conf))
        for m in LEX.cue_pattern("membership_cues").finditer(sent):
            target = org_from_item(re.split(r"\s+(?=[a-zäöü])", sent[m.end():].strip(), 1)[0], self.places)
            if target is None:
                continue
            others = [o for o in find_orgs(sent, self.places) if o.key != target.key and not o.needs_place]
            member = others[0] if others else (self.subject[0] if self.subject else None)
            if member and member.key != target.key:
                if target.kind == "other":
                    target.kind = "association"
                self.facts.links.append(LinkF("MEMBER_OF", member, target, q, "press:membership", rule_conf))
            break

    # ---- events -------------------------------------------------------------------------------
    def _guest(self, sent: str) -> OrgM | None:
        m = re.search(rf"\b(?P<adj>[{UP}][{LO_}]+er)\s+(?:{DELEGATION.pattern})", sent)
        if m:
            base = adjective_base(m.group("adj"))
            if base:
                self.places.add(base)
                return municipality(base)
        m = re.search(rf"(?:{DELEGATION.pattern})\s+(?:aus|der|des|von)\s+(?:der\s+)?(?:Stadt\s+|Gemeinde\s+)?(?P<p>[{UP}][\w-]+)", sent)
        if m and is_place_word(m.group("p")):
            self.places.add(m.group("p"))
            return municipality(m.group("p"))
        return None

    def _host(self, sent: str, guest: OrgM | None) -> OrgM | None:
        d = DELEGATION.search(sent)
        tail = sent[d.end():] if d else sent
        for m in re.finditer(rf"\b(?:besuchte[n]?|besucht|in|im|nach|bei)\s+(?:(?:der|dem|die)\s+)?(?:Stadt\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>[{UP}][\w-]+)", tail):
            p = m.group("p")
            if p in self.places and (guest is None or p != guest.place):
                return municipality(p)
        for org in find_orgs(tail, self.places):
            if org.kind == "municipality" and (guest is None or org.key != guest.key):
                return org
        return None

    def _visits(self, sents: list[str]) -> None:
        visit: EventF | None = None
        for sent in sents:
            if not DELEGATION.search(sent) or self.seg.teaser and False:
                continue
            guest, q = self._guest(sent), quote(sent)
            host = self._host(sent, guest)
            if visit is None and guest and host:
                visit = EventF("visit", None, host.place, q, "press:visit", 0.8, guest, host)
                self.facts.events.append(visit)
            if visit is None or (guest and guest.key != visit.guest.key):
                continue
            hit = find_date(sent, self.year_hint)
            if hit and not visit.date:
                visit.date = hit[0]
            lead = re.search(rf"(?:{_alt(['unter der Leitung von', 'unter Leitung von', 'angeführt von', 'led by', 'headed by'])}|"
                             rf"(?:{DELEGATION.pattern})\s+um)\s+(?:{LEX.title_chain_re}\s+)?{_HON}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK})?)", sent)
            if lead:
                name = self._known(lead.group("n"))
                if name:
                    visit.lead.add(name)
            for name in self.facts.persons:
                if word_re(name, r"\b", r"\b").search(sent) and name not in visit.lead:
                    visit.members.add(name)
        if visit is None:
            return
        if not visit.date:
            for sent in sents:
                if visit.host.place and visit.host.place in sent and (DELEGATION.search(sent) or "Besuch" in sent):
                    hit = find_date(sent, self.year_hint)
                    if hit:
                        visit.date = hit[0]
                        break
        self._participants(visit)

    def _known(self, text: str) -> str | None:
        text = text.strip()
        if text in self.facts.persons:
            return text
        return self._by_surname(text.split()[-1])

    def _participants(self, visit: EventF) -> None:
        sides = {visit.guest.place: "guest", visit.host.place: "host"}
        role_of: dict[str, RoleF] = {}
        for r in self.facts.roles:
            if r.org is not None and (r.org.place in sides or (r.org.parent and r.org.parent.place in sides)):
                role_of.setdefault(r.person, r)
        for name, p in self.facts.persons.items():
            r = role_of.get(name)
            side = sides.get(r.org.place or (r.org.parent.place if r.org.parent else None)) if r else None
            if name in visit.lead or name in visit.members:
                side = side or "guest"
            elif r is None and "caption" not in p.aliases:
                continue
            elif r is None:
                side = "participant"
            elif p.rule in ("press:credit", "press:contact") and "caption" not in p.aliases:
                continue
            visit.participants[name] = {
                "side": side or "participant", "acting_for": r.org if r else None,
                "role_at_event": r.title if r else None, "lead": True if name in visit.lead else None,
            }
        for p in self.facts.persons.values():
            p.aliases.discard("caption")

    def _session(self, sent: str) -> None:
        sw = LEX.cue_pattern("session_words").search(sent)
        if not sw:
            return
        hit = find_date(sent, self.year_hint)
        body = re.search(rf"\b(?P<b>{_alt(LEX.session_bodies)})\s+(?:der|des)\s+", sent)
        if not hit or not body:
            return
        muni = LEX.muni_re.match(sent, body.end())
        parent = municipality(muni.group("places").split()[0], LEX.municipal_heads[muni.group("head")]) if muni else (
            municipality(self.city) if self.city else None)
        if parent is None:
            return
        unit = OrgM(f"{body.group('b')} der {parent.name}", "unit", parent.place, parent, [])
        ev = EventF("council_session", hit[0], parent.place, quote(sent), "press:session", 0.75, host=unit)
        self.facts.events.append(ev)


LO_ = "a-zäöüß"
