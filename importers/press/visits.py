"""Visit rules of the press importer: which body visited which, when, who led and who was on which side."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .lexicon import LEX, NAME_TOK, NB, UP, WB, _alt, _either, _trie, _trie_branches, any_of
from .orgs import (OrgM, dateline_place, adjective_base, find_orgs, is_place_word, known_place, municipality, place_form, role_key,
                                             word_re)
from .facts import EventF, LinkF, quote
from .dates import event_dates, until_weekday
from .text import Segment, find_date

LO_ = "a-zäöüß"
DELEGATION = LEX.cue_pattern("delegation_words")
VISIT_VERB = LEX.cue_pattern("visit_verbs")
#: DELEGATION or VISIT_VERB in one scan (whether a sentence is about a visit).
_VISIT_CUES = re.compile(any_of((w, r"(?![\w-])") for k in ("delegation_words", "visit_verbs") for w in LEX.data[k]))
MEMBER_CUE = re.compile(rf"(?<![\w-])(?:{_alt(LEX.member_cues)})(?![\w-])", re.I)
#: Verbs whose subject is the host ('OB X empfing die Gäste', 'hat die Delegation willkommen geheißen').
_RECEIVE = ("empfing", "empfingen", "empfangen", "empfängt", "begrüßte", "begrüßten", "begrüßt", "begrüßen", "willkommen")
#: Cues followed by the host ('zu Gast in X') and by the guests' body ('Besuch aus X').
_HOST_FIRST = ("zu Gast in", "Zu Gast in", "zu Gast bei", "Zu Gast bei", "zu Gast im", "Zu Gast im", "Besuch in", "Besuch bei",
               "Besuch im", "zu Besuch in", "zu Besuch bei", "zu Besuch im")
_GUEST_AFTER = ("Besuch aus", "Gäste aus", "Gast aus", "Besucher aus")
_MUNI_HEADS = _trie(LEX.municipal_heads)
_GUEST_RE = re.compile(rf"(?:{DELEGATION.pattern})\s+(?:aus|der|des|von)\s+(?:der\s+|dem\s+)?(?:[a-zäöü][\w-]*\s+){{0,2}}(?:[{UP}][\w-]+(?:er|s)\s+(?=(?:{_MUNI_HEADS})\s))?(?:(?P<h>{_MUNI_HEADS})\s+)?"
                       rf"(?P<p>{LEX.place_name})")
_UM = r"(?![\w-])\s+um"  # 'die Delegation um Bürgermeisterin X'
_ADJ_DELEG = re.compile(rf"(?P<adj>[{UP}]{WB}[{LO_}]+er)\s+(?:{DELEGATION.pattern})")
_LEAD = re.compile(rf"{_either(_trie_branches(LEX.lead_cues), _trie_branches(LEX.delegation_words, NB, _UM))}\s+(?:(?:dem|der|den|die)\s+)?"
                   rf"(?:{LEX.title_chain_re}\s+)?{LEX.honorific_re}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK})?)")
_DATELINE = re.compile(rf"^[{UP}][\w-]+(?:\s[{UP}][\w-]+)?\s*(?:\([^)]{{1,30}}\))?\s*,\s*(?:den\s+)?"
                       rf"(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{1,2}}\.\s+[{UP}][{LO_}]+\s+\d{{4}})\s*[.:–—-]?\s*")
_HOST_PREP = re.compile(rf"\b(?:besuchte[n]?|besucht|(?<!Besuch )(?<!Ausflug )nach|[Zz]u Gast (?:in|im|bei)|(?<![Nn]ach dem )(?<![Bb]eim )(?<![Ee]inem )[Bb]esuch (?:in|im|bei)|"
                        rf"Station in|Gast in|Rathaus (?:von|in))\s+(?:(?:der|dem|die)\s+)?(?:Stadt\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>{LEX.place_name})")


#: Any twinning word ('Partnerstadt', 'Städtefreundschaft', 'partnerschaftlich verbunden').
_TWIN_ANY = re.compile(rf"{_trie(LEX.twinning_words, NB)}(?![\w-])")
_BETWEEN = re.compile(r"\bzwischen\s+")
_BODY_WORDS = r"(?:Partnerstädten|Städten|Gemeinden|Kommunen|Landkreisen|Kreisen|Stadt|Gemeinde|Landkreis|Kreis)"
#: 'zwischen (den Partnerstädten) A und B' in a twinning sentence: both sides are places, known or not.
_BETWEEN_PLACES = re.compile(rf"\bzwischen\s+(?:(?:den|der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:{_BODY_WORDS}\s+)?(?P<a>{LEX.place_name})"
                             rf"\s+und\s+(?:(?:der|dem|den)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:{_BODY_WORDS}\s+)?(?P<b>{LEX.place_name})")
_TWIN_OBJECT = re.compile(rf"\s+(?:(?:mit|der|des|von|zu|zur|zum)\s+)?(?:(?:der|dem|den)\s+)?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})")
_PRESS_OFFICE = re.compile(rf"\b(?:die|der)\s+(?:{_MUNI_HEADS})\s+(?P<p>{LEX.place_name})\s+(?:mitteilt|mitteilte|mit|berichtet|informiert|meldet)\b")
_ENVOY = re.compile(r"\b(?:Botschafter(?:in)?|Generalkonsul(?:in)?|Konsul(?:in)?|Gesandte[rn]?|Ambassador)\b")
_COUNTRY_BEFORE = re.compile(rf"\b(?P<c>[{UP}][\w-]+?)s\s+(?:Botschafter(?:in)?|Generalkonsul(?:in)?|Konsul(?:in)?|Gesandte[rn]?)\b")
_COUNTRY_AFTER = re.compile(rf"\b(?:von|aus|des|der|in)\s+(?:der\s+|den\s+)?(?P<c>[{UP}][\w-]+(?:\s[{UP}][\w-]+){{0,3}})")
_IN_COUNTRY = re.compile(r"\s+(?:in der|in den|im|in)\s+(?P<c>\S.*)$")
_DEMONYM_BEFORE = re.compile(rf"(?P<adj>[{UP}][\w-]*[{LO_}]er)\s+$")
_SIGNATURE = re.compile(r"\b(?:Presse\w*|Pressestelle|Öffentlichkeitsarbeit|Stadtverwaltung|Gemeindeverwaltung|Landratsamt)\b")
#: A guest's thanks to the hosts: 'dankte X für die Einladung', 'bedankte sich … für den herzlichen Empfang'.
_THANKS = re.compile(r"\b(?:be)?dankten?\b[^.;]*?\bfür\s+(?:die|den|das)\s+(?:[\w-]+\s+){0,2}?(?:Einladung|Empfang|Gastfreundschaft)\b")
_SEAT = re.compile(r"\b(?:[Ss]itz|[Dd]ienstsitz|[Hh]auptsitz|[Ff]irmensitz)\s+(?:in|im)\s+$")
_MORE_BODIES = re.compile(rf"\s*(?:,|und|sowie)\s+(?:aus\s+)?(?:(?:der|dem|den)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:(?:{_MUNI_HEADS})\s+)?{LEX.place_name}")
_MORE_PLACES = re.compile(rf"\s*(?:,|und|sowie)\s+(?:aus\s+)?(?:(?:der|dem)\s+)?(?P<p>{LEX.place_name})")
#: The agent of a passive ('… wurden von Bürgermeister X empfangen'): right before the name.
_AGENT = re.compile(r"\b(?:von|vom|durch)\s+(?:[^\s,]+\s+){0,4}$")
_TRAVEL = re.compile(r"\b(?:reiste|reisten|gereist|fuhr|fuhren|gefahren|flog|flogen|besuchte|besuchten|Gegenbesuch|Arbeitsbesuch)\b")
_OWN_VISIT = re.compile(r"\b(?:sein|seine|seinen|ihr|ihre|ihren)\s+(?:erste[rn]?\s+|offizielle[rn]?\s+)?[\w-]*[Bb]esuch")
#: Words of the travelling side ('reiste nach', 'in die Partnerstadt gefahren') and of the receiving one.
_TRAVEL_OUT = re.compile(r"\b(?:reiste|reisten|gereist|fuhr|fuhren|gefahren|flog|flogen|Reise\s+(?:nach|in|ins)|Rückreise|Heimreise)\b")
_RECEIVE_VERB = re.compile(rf"\b(?:{'|'.join(_RECEIVE)})\b")
_RECEIVE_RE = re.compile(rf"\b(?:{'|'.join(_RECEIVE)}|Gäste aus|Gast aus|Besuch aus|Besucher aus)\b")
_INVITE = re.compile(r"\b[Aa]uf (?:Einladung|Initiative)\s+(?:von|vom|der|des)\b")
_PROGRAM_STOP = re.compile(r"(?:[Nn]ach dem|[Bb]eim|[Ee]inem|[Ii]m Anschluss an den)\s+$")
_PASSIVE = re.compile(r"\b(?:wurden?|werden|worden)\b")
_PLACE_NEXT = re.compile(rf"\s+(?:(?:der|dem|den)\s+)?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})")
_CLAUSE = re.compile(r"[.;:!?]|,\s+(?:die|der|das|wo|wie|als|weil|dass)\b|\s[–—-]\s")
_LEAD_PASSIVE = re.compile(rf"v{WB}o[nm]\s+(?:(?:der|dem)\s+)?(?:{LEX.title_chain_re}\s+)?{LEX.honorific_re}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK})?)"
                           rf"\s+(?:{_trie(LEX.lead_passive)})\b")


def _guest_sent(sent: str) -> bool:
    """Whether ``sent``, which names no delegation (not a ``_visit_sent``), names its members or lead.

    Three scans, cheapest first, not one of their alternation: MEMBER_CUE's opening look-behind (and
    re.I) made re enter that alternation at every position, while _LEAD and _LEAD_PASSIVE alone skip
    ahead to their first letters."""
    return bool(_LEAD_PASSIVE.search(sent) or _LEAD.search(sent) or MEMBER_CUE.search(sent))


def _names_person(sent: str, m: re.Match[str]) -> bool:
    """Whether the place a pattern took is a first name with a surname after it ('von Klaus Muster')."""
    return m.group("p") in LEX.given and _SURNAME_NEXT.match(sent, m.end("p")) is not None


_SURNAME_NEXT = re.compile(rf"\s+[{UP}][{LO_}]")


def _owner_place(owner: re.Match[str] | None) -> str | None:
    """The town a demonym before a twinning word names ('Xer Partnerstadt'), not a country ('Schweizer')."""
    base = adjective_base(owner.group("adj")) if owner else None
    return base if base and base not in LEX.countries_regions else None


def _w(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what re's \w matches in a str pattern


def _has_word(text: str, word: str) -> bool:
    """``re.search(r"\b" + re.escape(word) + r"\b", text)`` without compiling a pattern per person name."""
    if not word:
        return bool(re.search(r"\b\b", text))
    first, last = _w(word[0]), _w(word[-1])
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        before = _w(text[i - 1]) if i > 0 else False
        after = _w(text[j]) if j < len(text) else False
        if before != first and after != last:
            return True
        i = text.find(word, i + 1)
    return False


class VisitRules:
    """Mixin of ``StoryExtractor``: visits (delegations, mayors' visits, trips) and the story's city."""

    places: set[str]
    facts: Any
    subject: list[OrgM]
    city: str | None
    year_hint: str | None

    seg: Segment
    actor: OrgM | None

    @property
    def bodies(self) -> list[OrgM]:
        """The municipal bodies the story names (``StoryExtractor`` finds them)."""
        raise NotImplementedError

    def _link(self, typ: str, a: OrgM | None, b: OrgM | None, q: str, rule: str) -> None:
        if a is not None and b is not None and a.key != b.key and a.name != b.name:
            self.facts.links.append(LinkF(typ, a, b, q, rule, 0.75 if self.seg.teaser else 0.8))
            self.actor = a

    # ---- bodies of places -----------------------------------------------------------------
    def body(self, place: str, title: str | None = None) -> OrgM:
        """The body of ``place`` as the story names it ('Landkreis X' when only that is named, or for a Landrat)."""
        place = place_form(place, self.places)
        longer = sorted((p for p in self.places if p.endswith(" " + place) and p.split()[0] in LEX.place_prefixes), key=len)
        if longer:
            place = longer[-1]  # 'Homburg' of a story about 'Bad Homburg'
        county = role_key(title) in LEX.county_roles if title else False
        named = self._bodies_of(place)
        pick = [o for o in named if (o.name.split()[0] in LEX.county_heads) == county]
        if pick:
            return pick[0]
        if named and not county and all(o.name.split()[0] in LEX.county_heads for o in named):
            return named[0]
        return municipality(place, "Landkreis") if county and named else municipality(place)

    def _bodies_of(self, place: str) -> list[OrgM]:
        """The distinct bodies of ``place`` the story names, first mention first (indexed once)."""
        index = self.__dict__.get("_body_index")
        if index is None or index[0] is not self.bodies:
            by_place: dict[str, dict[str, OrgM]] = {}
            for o in self.bodies:
                by_place.setdefault(o.place or "", {}).setdefault(o.name, o)
            index = (self.bodies, {p: list(d.values()) for p, d in by_place.items()})
            self.__dict__["_body_index"] = index
        return index[1].get(place, [])

    def _countryless(self, org: OrgM) -> OrgM:
        """``org`` without a country its name was read with ('Gemeinde X in der Schweiz' is the Gemeinde X)."""
        m = _IN_COUNTRY.search(org.place or "")
        if m is None or m.group("c") not in LEX.countries_regions:
            return org
        place = org.place[: m.start()] if org.place else ""
        self.places.add(place)
        return municipality(place, org.name.split()[0]) if org.name.split()[0] in LEX.municipal_heads else self.body(place)

    def _munis(self, text: str, offset: int = 0) -> list[tuple[int, OrgM]]:
        """Municipal bodies and bare places of ``text`` with positions, in order."""
        out = [(o.start + offset, self._countryless(o).at(o.start + offset, o.end + offset))
               for o in find_orgs(text, self.places) if o.kind == "municipality"]
        spans = [(o.start, o.end) for _s, o in out]
        for p in self.places:
            if p not in text:  # a match contains p: no regex (nor its compile) for absent places
                continue
            for m in word_re(p, r"s?\b").finditer(text):
                at = m.start() + offset
                if not any(s <= at < e for s, e in spans):
                    out.append((at, self.body(p).at(at, m.end() + offset)))
        return sorted(out, key=lambda x: x[0])

    # ---- sides ----------------------------------------------------------------------------
    def _guest(self, sent: str) -> OrgM | None:
        m = _ADJ_DELEG.search(sent)
        if m:
            base = adjective_base(m.group("adj"))
            if base and base not in LEX.countries_regions:  # 'Schweizer Delegation': a country, not a town
                self.places.add(base)
                return self.body(base)
        m = _GUEST_RE.search(sent)
        if m and m.group("p") in LEX.countries_regions and not m.group("h"):
            return OrgM(m.group("p"), "government", None)  # 'eine Delegation aus Japan': the country's side
        if m and is_place_word(m.group("p")) and not _names_person(sent, m):
            place = place_form(m.group("p"), self.places)
            self.places.add(place)
            head = LEX.municipal_heads.get(m.group("h") or "")
            return municipality(place, head) if head and head != "Stadt" else self.body(place)
        return None

    def _state_guest(self, sent: str) -> OrgM | None:
        """A state as the guest: its envoy ('Botschafter', 'Generalkonsulin') named with the country."""
        if _ENVOY.search(sent) is None:
            return None
        gen = _COUNTRY_BEFORE.search(sent)  # 'Japans Botschafter'
        if gen and gen.group("c") in LEX.countries_regions:
            return OrgM(gen.group("c"), "government", None)
        for m in _COUNTRY_AFTER.finditer(sent):
            words = m.group("c").split()
            for n in range(len(words), 0, -1):  # 'der Vereinigten Staaten von Amerika' -> 'Vereinigte Staaten'
                name = " ".join(words[:n])
                for form in (name, re.sub(r"^(\w+)en\b", r"\1e", name)):
                    if form in LEX.countries_regions:
                        return OrgM(form, "government", None)
        return None

    def more_guests(self, sent: str, first: OrgM) -> list[OrgM]:
        """Further guest bodies listed with the first one ('Delegationen aus A, B und C')."""
        m = _GUEST_RE.search(sent)
        if m is None:
            return []
        out: list[OrgM] = []
        for extra in _MORE_PLACES.finditer(sent, m.end()):
            if extra.start() != (out[-1].end if out else m.end()):
                break
            place = place_form(extra.group("p"), self.places)
            if not is_place_word(place) or place == first.place:
                break
            self.places.add(place)
            body = self.body(place)
            out.append(body.at(extra.start(), extra.end()))
        return out

    def _host(self, sent: str, guest: OrgM | None) -> OrgM | None:
        d = DELEGATION.search(sent)
        tail = sent[d.end():] if d else sent
        g = _GUEST_RE.search(sent)
        if d and g is not None and g.start() == d.start():  # past 'aus A und der Provinz B': the guests' bodies
            end = g.end()
            while (more := _MORE_BODIES.match(sent, end)) is not None:
                end = more.end()
            tail = sent[end:]
        for m in _HOST_PREP.finditer(tail):
            p = m.group("p")
            if p in self.places and (guest is None or p != guest.place):
                return self.body(p)
        for _at, org in self._munis(tail):  # bodies and bare known places, first named first
            if guest is None or (org.key != guest.key and org.place != guest.place):
                return org
        return None

    def visit_sides(self, sent: str) -> tuple[OrgM | None, OrgM | None]:
        """(guest, host) a visit sentence names; either may be None."""
        sent = _DATELINE.sub("", sent)
        d = DELEGATION.search(sent)
        guest = self._guest(sent) if d else None
        if guest is None:
            guest = self._state_guest(sent)  # 'Der Botschafter von Japan … wurde empfangen'
        host = self._host(sent, guest) if d and guest else None
        v = VISIT_VERB.search(sent)
        if v and (guest is None or host is None):
            verb = v.group(0)
            if verb in _HOST_FIRST and _PROGRAM_STOP.search(sent[max(0, v.start() - 12):v.start()]):
                verb = ""  # 'nach dem Besuch in X': a stop of the programme, not the visit's host
            before, after = self._munis(sent[: v.start()]), self._munis(sent[v.end():], v.end())
            if verb in _HOST_FIRST:
                near = [o for at, o in after if at - v.end() <= 24]  # 'zu Gast in X', not a body later on
                host = host or (near[0] if near else self._place_after(sent, v.end()))
            elif verb in _GUEST_AFTER:
                guest = guest or (after[0][1] if after else None)
            elif verb in _RECEIVE:
                host = host or (before[0][1] if before else None)
                guest = guest or next((o for _p, o in after if host is None or o.place != host.place), None)
            elif verb == "besucht":
                guest = guest or (before[0][1] if before else None)
                host = host or next((o for _p, o in [*reversed(before), *after] if guest is None or o.place != guest.place), None)
            else:
                pair = _BETWEEN.search(sent, 0, v.start())
                if pair:  # 'Im Rahmen der Partnerschaft zwischen A und B besuchte …': a frame, no side
                    before = [(at, o) for at, o in before if at < pair.start()]
                if not before and len(after) >= 2 and guest is None and after[1][1].place != after[0][1].place:
                    guest = after[0][1]  # 'besuchte der Rat von A die Partnergemeinde B': the subject after the verb
                guest = guest or (before[0][1] if before else None)
                host = host or next((o for _p, o in after if guest is None or o.place != guest.place), None)
        if guest and host and guest.place == host.place:
            host = None
        return guest, host

    def _place_after(self, sent: str, at: int) -> OrgM | None:
        """The place named right after a visit verb that takes one ('zu Gast in Mittelsachsen'), gazetteer or not."""
        m = _PLACE_NEXT.match(sent, at)
        if m is None or not is_place_word(m.group("p")) or _names_person(sent, m):
            return None
        place = place_form(m.group("p"), self.places)
        self.places.add(place)
        return self.body(place)

    def _sides(self, sent: str, last_use: bool = False) -> tuple[OrgM | None, OrgM | None]:
        """``visit_sides(sent)``, answered again without the work when asked for the same sentence with the
        same places (the story's city and the visit ask for the same first sentences). The places it adds
        come before anything reads them, so a second call on the places after the first gives the same
        sides; the kept answer is handed out for keeping only once (``last_use``)."""
        kept = self.__dict__.setdefault("_sides_kept", {})
        hit = kept.pop(sent, None) if last_use else kept.get(sent)
        if hit is not None and hit[0] == frozenset(self.places):
            return hit[1]
        sides = self.visit_sides(sent)
        if not last_use:
            kept[sent] = (frozenset(self.places), sides)
        return sides

    def _visit_sent(self, sent: str) -> bool:
        """Whether ``sent`` names a delegation or a visit verb (asked several times per sentence: kept)."""
        seen = self.__dict__.setdefault("_visit_seen", {})
        hit = seen.get(sent)
        if hit is None:
            hit = seen[sent] = _VISIT_CUES.search(sent) is not None
        return hit

    def _story_city(self, sents: list[tuple[int, str]]) -> str | None:
        """The place a story is about: its dateline's, else the visited city, else the teaser subject, else the
        press office's ('Wie die Stadt X mitteilt'), else the most named place (ties by first mention)."""
        home = self._home_place()
        if home:
            return home
        for _li, sent in sents:
            if self._visit_sent(sent):
                _guest, host = self._sides(sent)
                if host:
                    return host.place
        if self.subject and self.subject[0].place:
            return self.subject[0].place
        for line in self.seg.lines[:6]:
            dl = dateline_place(line)
            if dl:
                return dl
        for _li, sent in sents[:8]:
            press = _PRESS_OFFICE.search(sent)  # 'Wie die Stadt X mitteilt'
            if press and press.group("p") in self.places:
                return press.group("p")
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for i, (_li, s) in enumerate(sents):
            for p in self.places:
                if p in s and any(not _SEAT.search(s, 0, m.start()) for m in word_re(p, "", r"\b").finditer(s)):
                    counts[p] += 1  # not an organisation's seat ('die GIZ mit Sitz in X')
                    first.setdefault(p, i)
        guest = next((g for g in (self._sides(s)[0] for _li, s in sents if self._visit_sent(s)) if g), None)
        # ties by first mention, then by name: never by set order (PYTHONHASHSEED)
        ranked = sorted((p for p in counts if guest is None or p != guest.place), key=lambda p: (-counts[p], first[p], p))
        return ranked[0] if ranked else None

    # ---- the visit ------------------------------------------------------------------------
    def _visits(self, sents: list[str]) -> None:
        visit = None
        for sent in sents:
            if not (self._visit_sent(sent) or visit is not None and (_guest_sent(sent) or _THANKS.search(sent))):
                continue
            guest, host = self._sides(sent, last_use=True)
            if visit is None and guest is None and host is not None and _TRAVEL.search(sent):
                home = self._home_place()  # 'Zum Gegenbesuch reiste OB X mit einer Delegation nach Y': from home
                if home and home != host.place:
                    guest = self.body(home)
            if visit is None and guest is None and DELEGATION.search(sent):
                guest = self._twin_partner(sents)  # 'eine chinesische Delegation besuchte ihre Partnerstadt'
            if visit is None and guest:
                host = host or (self.body(self.city) if self.city and self.city != guest.place else None)
                if host is None:
                    continue
                visit = EventF("visit", None, host.place, quote(sent), "press:visit", 0.8, guest, host)
                self.facts.events.append(visit)
                for other in self.more_guests(sent, guest):  # 'Delegationen aus A und B': one visit each
                    if other.place != host.place:
                        self.facts.events.append(EventF("visit", None, host.place, quote(sent), "press:visit", 0.75, other, host))
            if visit is not None and guest and visit.guest and visit.guest.kind == "government" and guest.kind == "municipality" \
                    and DELEGATION.search(sent) and not _ENVOY.search(visit.quote) and (visit.host is None or guest.place != visit.host.place):
                visit.guest = guest  # 'Delegation aus Frankreich …' then '… aus der Partnerstadt Cestas': the city
            if visit is not None:
                visit.hosts.update(self._receivers(sent))
            if visit is None or (guest and visit.guest and guest.place != visit.guest.place):
                continue
            span = event_dates(sent, self._release_date())
            if span and not visit.date:
                visit.date, visit.end_date = span[0], span[1]
            lead = _LEAD.search(sent) or _LEAD_PASSIVE.search(sent)
            if lead:
                name = self._known(lead.group("n"))
                if name:
                    visit.lead.add(name)
            low = sent.lower()
            receiving = any(w in low for w in _RECEIVE)
            deleg = DELEGATION.search(sent)
            names_guest = bool(visit.guest and visit.guest.place and visit.guest.place in sent)
            own_visit = _OWN_VISIT.search(sent) is not None  # 'Für X war es sein Antrittsbesuch'
            passive = receiving and _PASSIVE.search(sent) is not None  # 'empfangen wurden die Gäste von X': X hosts
            thanks = _THANKS.search(sent)
            if thanks:  # 'dankte X Y für die Einladung', 'bedankte sich X bei Y für den Empfang': X guest, Y host
                named = sorted((sent.find(n), n) for n in self.facts.persons if _has_word(sent, n))
                for i, (at, name) in enumerate(named):
                    if i == 0 and name not in visit.hosts:
                        visit.members.add(name)
                    elif i > 0 and at < thanks.end():
                        visit.hosts.add(name)
                continue
            for name in self.facts.persons:
                if name in visit.lead or not _has_word(sent, name):
                    continue
                at = sent.find(name)
                agent = passive and _AGENT.search(sent[max(0, at - 60):at]) is not None
                if receiving and (agent or (not passive and not (deleg and at > deleg.start()))):
                    visit.hosts.add(name)  # the subject of 'empfing', not the delegation's members after it
                elif (deleg and at > deleg.start()) or names_guest or own_visit or MEMBER_CUE.search(sent) or _LEAD.search(sent):
                    visit.members.add(name)  # named with the delegation, its origin or a member cue
                elif receiving or passive:
                    visit.hosts.add(name)
        if visit is None or visit.host is None:
            return
        if not visit.date:
            for sent in sents:
                if visit.host.place and visit.host.place in sent and (self._visit_sent(sent) or "Besuch" in sent):
                    span = event_dates(sent, self._release_date())
                    if span:
                        visit.date, visit.end_date = span[0], span[1]
                        break
        self._date_range(visit, sents)
        visit.members -= visit.hosts
        if not visit.lead:
            visit.lead.update(self._head_of(visit.members)[:1])
        if not visit.lead and visit.guest is not None and visit.guest.kind == "government":
            visit.lead.update(self._envoy(sents)[:1])  # 'Japans Botschafter X': the envoy leads the state's side
        self._participants(visit, sents)

    def _twinning(self, sents: list[str]) -> None:
        """Twinning: 'Partnerstadt X', 'Städtepartnerschaft zwischen X und Y', 'Städtefreundschaft mit X' (the
        other side the body named before, else the story's city), and a visit between two bodies in a
        story that speaks of their twinning."""
        twin = [s for s in sents if _TWIN_ANY.search(s)]
        if not twin:
            return
        visit = next((e for e in self.facts.events if e.kind == "visit" and e.guest and e.host), None)
        if visit is not None and visit.guest is not None and visit.host is not None and not self._twin_of_other(twin, visit) \
                and "government" not in (visit.guest.kind, visit.host.kind):  # states are no twin towns
            self._link("PARTNERS_WITH", visit.host, visit.guest, quote(twin[0]), "press:twinning+visit")
        home = self.body(self.city) if self.city else None
        for sent in twin:
            pair = _BETWEEN_PLACES.search(sent)
            if pair and is_place_word(pair.group("a")) and is_place_word(pair.group("b")):
                a, b = place_form(pair.group("a"), self.places), place_form(pair.group("b"), self.places)
                self.places.update((a, b))
                self._link("PARTNERS_WITH", self.body(a), self.body(b), quote(sent), "press:twinning")
                continue
            between = _BETWEEN.search(sent)
            if between:
                end = _CLAUSE.search(sent, between.end())
                sides = [o for _at, o in self._munis(sent[between.end(): end.start() if end else len(sent)])]
                if len(sides) >= 2:
                    self._link("PARTNERS_WITH", sides[0], sides[1], quote(sent), "press:twinning")
                    continue
            for m in _TWIN_ANY.finditer(sent):
                obj = _TWIN_OBJECT.match(sent, m.end())
                if obj is None:
                    continue
                name = place_form(obj.group("p"), self.places)
                if name not in self.places and not is_place_word(name.split()[0]):
                    continue
                if name not in self.places and " " in name and not known_place(name, 0):
                    name = name.split()[0] if known_place(name.split()[0], 0) else name
                self.places.add(name)
                other = self.body(name)
                owner = _DEMONYM_BEFORE.search(sent, 0, m.start())  # 'die Xer Partnergemeinde Y': X's partner
                base = _owner_place(owner)
                before = [o for _at, o in self._munis(sent[: m.start()]) if o.place != name]
                subject = self.body(base) if base and base != name else before[-1] if before else home
                if subject is not None:
                    self._link("PARTNERS_WITH", subject, other, quote(sent, m.start(), obj.end()), "press:twinning")

    def _envoy(self, sents: list[str]) -> list[str]:
        """The person first named within a few words after an envoy's title ('der Generalkonsul …, Herrn X')."""
        for sent in sents:
            for m in _ENVOY.finditer(sent):
                tail = sent[m.end():m.end() + 90]
                named = sorted((tail.find(n), n) for n in self.facts.persons if _has_word(tail, n))
                if named:
                    return [named[0][1]]
        return []

    def _twin_of_other(self, twin: list[str], visit: EventF) -> bool:
        """Whether the story calls the visit's guests the partner of a third body ('Gäste aus der Xer
        Partnergemeinde Y' in a story of Z): then the visit says nothing of a twinning of its two sides."""
        for sent in twin:
            for m in _TWIN_ANY.finditer(sent):
                owner = _DEMONYM_BEFORE.search(sent, 0, m.start())
                obj = _TWIN_OBJECT.match(sent, m.end())
                base = _owner_place(owner)
                if base and obj and place_form(obj.group("p"), self.places) == (visit.guest.place if visit.guest else None) \
                        and base not in ((visit.host.place if visit.host else None), (visit.guest.place if visit.guest else None)):
                    return True
        return False

    def _date_range(self, visit: EventF, sents: list[str]) -> None:
        """A date range the story gives ('vom 19. bis 22. Juni', '22.-24.9.2016' in a heading) that holds the
        visit's date becomes its start and end; 'bis Sonntag' after a start date is its end."""
        for sent in sents:
            span = event_dates(sent, self._release_date())
            if span and span[1] and (visit.date is None or span[0] <= visit.date <= span[1]):
                visit.date, visit.end_date = span[0], span[1]
                return
        if visit.date and not visit.end_date and len(visit.date) == 10:
            for sent in sents:
                end = until_weekday(sent, visit.date)
                if end:
                    visit.end_date = end
                    return

    def _release_date(self) -> str | None:
        """The release date: the story's, else one a closing signature line gives ('Pressestelle / 21.05.2019')."""
        if self.year_hint and len(self.year_hint) >= 10:
            return self.year_hint
        kept = self.__dict__.get("_signed")
        if kept is None:
            kept = self.__dict__["_signed"] = [self.year_hint]
            for line in reversed(self.seg.lines[-8:]):
                if len(line) <= 120 and _SIGNATURE.search(line):
                    hit = find_date(line)
                    if hit and len(hit[0]) == 10:
                        kept[0] = hit[0]
                        break
        return kept[0]

    def _home_place(self) -> str | None:
        """The place of the story's dateline, the press office's city."""
        for line in self.seg.lines[:6]:
            dl = dateline_place(line)
            if dl:
                return dl
        return None

    def _twin_partner(self, sents: list[str]) -> OrgM | None:
        """The partner city a story names besides its own ('Partnerstadt X', 'zwischen A und B')."""
        for sent in sents:
            if not _TWIN_ANY.search(sent):
                continue
            pair = _BETWEEN_PLACES.search(sent)  # 'zwischen A und B', B known to no gazetteer
            if pair and self.city in (pair.group("a"), pair.group("b")):
                other = pair.group("b") if pair.group("a") == self.city else pair.group("a")
                if is_place_word(other) and other != self.city:
                    other = place_form(other, self.places)
                    self.places.add(other)
                    return self.body(other)
            for _at, o in self._munis(sent):
                if o.place and o.place != self.city:
                    return o
        return None

    def _head_of(self, members: set[str]) -> list[str]:
        """The members holding the head office of a body ('Bürgermeister', 'Landrat'), first named first."""
        titled = [r for r in self.facts.roles if r.person in members and role_key(r.title) in LEX.head_roles
                  and not (r.title or "").casefold().startswith(("stellv", "vize", "1.", "2.", "erste", "zweite"))]
        order = {name: i for i, name in enumerate(self.facts.persons)}
        return sorted({r.person for r in titled}, key=lambda n: order.get(n, 0))

    def _known(self, text: str) -> str | None:
        text = text.strip()
        if text in self.facts.persons:
            return text
        hits = [n for n in self.facts.persons if n.split()[-1] == text.split()[-1]]
        return hits[0] if len(hits) == 1 else None

    def _receivers(self, sent: str) -> list[str]:
        """The persons who host in ``sent``: the subject before an active receiving verb ('Landrat X hat die
        Gäste … willkommen geheißen') and whoever invited ('auf Einladung von Bürgermeister X')."""
        out: list[str] = []
        for m in _INVITE.finditer(sent):  # the first person named within the cue's phrase
            tail = sent[m.end():m.end() + 80]
            named = sorted((tail.find(n), n) for n in self.facts.persons if _has_word(tail, n))
            out += [named[0][1]] if named else []
        recv = _RECEIVE_VERB.search(sent)
        if recv and not _PASSIVE.search(sent):
            named = sorted((sent.find(n), n) for n in self.facts.persons if _has_word(sent, n))
            deleg = DELEGATION.search(sent)
            if deleg and deleg.start() < 40 and named and deleg.start() < named[0][0]:
                out.append(named[0][1])  # object first: 'Gäste aus A begrüßte OB X', '… hat Landrat X … begrüßt'
            else:
                out += [n for at, n in named if at < recv.start()]
        return out

    def _guests_story(self, visit: EventF, sents: list[str]) -> bool:
        """Whether the story is told from the guests' side: more travel words ('reiste', 'gefahren', 'Reise
        nach') and twinning words before the host ('die Partnerstadt Y') than receiving words ('empfing',
        'begrüßte', 'Gäste aus') and twinning words before the guests' place."""
        if visit.guest is None or visit.host is None or not visit.guest.place or not visit.host.place:
            return False
        out = home = 0
        for sent in sents:
            out += len(_TRAVEL_OUT.findall(sent))
            home += len(_RECEIVE_RE.findall(sent))
            for m in _TWIN_ANY.finditer(sent):
                obj = _TWIN_OBJECT.match(sent, m.end())
                if obj is not None:
                    other = place_form(obj.group("p"), self.places)
                    out += other == visit.host.place
                    home += other == visit.guest.place
        return out > home

    def _participants(self, visit: Any, sents: list[str]) -> None:
        """Every person of a visit story takes part (credits and contacts apart): on the side of the body
        of their role, else the guests' for the lead and members named with the delegation, else the host's."""
        sides = {visit.guest.place: "guest", visit.host.place: "host"}
        default = "guest" if self._guests_story(visit, sents) else "host"
        role_of: dict[str, Any] = {}
        for r in self.facts.roles:
            if r.org is not None and (r.org.place in sides or (r.org.parent and r.org.parent.place in sides)):
                role_of.setdefault(r.person, r)
        for name, p in self.facts.persons.items():
            if p.rule in ("press:credit", "press:contact") and "caption" not in p.aliases:
                continue
            r = role_of.get(name)
            side = sides.get(r.org.place or (r.org.parent.place if r.org.parent else None)) if r else None
            if name in visit.lead or name in visit.members:
                side = side or "guest"
            if name in visit.hosts:
                side = side or "host"
            side = side or default
            visit.participants[name] = {
                "side": side, "acting_for": r.org if r else None,
                "role_at_event": r.title if r else None, "lead": True if name in visit.lead else None,
            }
        for p in self.facts.persons.values():
            p.aliases.discard("caption")
