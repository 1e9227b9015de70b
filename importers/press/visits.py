"""Visit rules of the press importer: which body visited which, when, and the story's city (the persons of
a visit in ``visit_people``, twinning in ``twinning``, bodies of places in ``bodies``)."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import LEX, NAME_TOK, NB, UP, WB, _alt, _either, _trie, _trie_branches, any_of
from .orgs import OrgM, dateline_place, adjective_base, find_orgs, is_place_word, known_place, municipality, place_form
from .facts import EventF, quote
from .dates import event_dates, until_weekday
from .bodies import _MUNI_HEADS
from .twinning import _BETWEEN
from .visit_people import _ENVOY, _GUESTS_NAMED, _PASSIVE, _SAID, _TRAVEL_OUT, _RECEIVE, _RECEIVE_VERB, DELEGATION, VisitPeople, _has_word

LO_ = "a-zäöüß"
VISIT_VERB = LEX.cue_pattern("visit_verbs")
#: DELEGATION or VISIT_VERB in one scan (whether a sentence is about a visit).
_VISIT_CUES = re.compile(any_of((w, r"(?![\w-])") for k in ("delegation_words", "visit_verbs") for w in LEX.data[k]))
MEMBER_CUE = re.compile(rf"(?<![\w-])(?:{_alt(LEX.member_cues)})(?![\w-])", re.I)
_PROGRAM_STOP = re.compile(r"(?:[Nn]ach dem|[Bb]eim|[Ee]inem|[Ee]inen|[Ii]m Anschluss an den)\s+$")
#: Cues followed by the host ('zu Gast in X') and by the guests' body ('Besuch aus X').
_HOST_FIRST = ("zu Gast in", "Zu Gast in", "zu Gast bei", "Zu Gast bei", "zu Gast im", "Zu Gast im", "Besuch in", "Besuch bei",
               "Besuch im", "zu Besuch in", "zu Besuch bei", "zu Besuch im", "zu Gast beim", "Zu Gast beim", "Besuch beim", "zu Besuch beim")
#: Kinds of organisation that receive or send a delegation of their own ('zu Gast bei der Universität X').
_SIDE_KINDS = frozenset({"utility", "university", "company", "chamber", "research", "bank", "housing", "association"})
#: Who comes for an organisation: 'Vertreterinnen und Vertreter der X', 'eine Delegation des Y'.
_SENT_BY = re.compile(r"\b(?:Vertreter(?:innen)?(?:\s+und\s+Vertreter)?|Mitarbeiter(?:innen)?(?:\s+und\s+Mitarbeiter)?|Delegation|"
                      r"Abordnung|Besuchergruppe|Gruppe)\s+(?:der|des|von|vom)\s+")
_GUEST_AFTER = ("Besuch aus", "Gäste aus", "Gast aus", "Besucher aus")
_GUEST_RE = re.compile(rf"(?:{DELEGATION.pattern})\s+(?:aus|der|des|von)\s+(?:der\s+|dem\s+)?(?:[a-zäöü][\w-]*\s+){{0,2}}(?:[{UP}][\w-]+(?:er|s)\s+(?=(?:{_MUNI_HEADS})\s))?(?:(?P<h>{_MUNI_HEADS})\s+)?"
                       rf"(?P<p>{LEX.place_name})")
_UM = r"(?![\w-])\s+um"  # 'die Delegation um Bürgermeisterin X'
_ADJ_DELEG = re.compile(rf"(?P<adj>[{UP}]{WB}[{LO_}]+er)\s+(?:{DELEGATION.pattern})")
_LEAD = re.compile(rf"{_either(_trie_branches(LEX.lead_cues), _trie_branches(LEX.delegation_words, NB, _UM))}\s+(?:(?:dem|der|den|die)\s+)?"
                   rf"(?:{LEX.title_chain_re}\s+)?{LEX.honorific_re}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK})?)")
_DATELINE = re.compile(rf"^[{UP}][\w-]+(?:\s[{UP}][\w-]+)?\s*(?:\([^)]{{1,30}}\))?\s*,\s*(?:den\s+)?"
                       rf"(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{1,2}}\.\s+[{UP}][{LO_}]+\s+\d{{4}})\s*[.:–—-]?\s*")
_HOST_PREP = re.compile(rf"\b(?:besuchte[n]?|besucht|(?<!Besuch )(?<!Ausflug )nach|[Zz]u Gast (?:in|im|bei)|(?<![Nn]ach dem )(?<![Bb]eim )(?<![Ee]inem )(?<![Ee]inen )[Bb]esuch (?:in|im|bei)|"
                        rf"Station in|Gast in|Rathaus (?:von|in))\s+(?:(?:der|dem|die)\s+)?(?:Stadt\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>{LEX.place_name})")

_PRESS_OFFICE = re.compile(rf"\b(?:die|der)\s+(?:{_MUNI_HEADS})\s+(?P<p>{LEX.place_name})\s+(?:mitteilt|mitteilte|mit|berichtet|informiert|meldet)\b")
_COUNTRY_BEFORE = re.compile(rf"\b(?P<c>[{UP}][\w-]+?)s\s+(?:Botschafter(?:in)?|Generalkonsul(?:in)?|Konsul(?:in)?|Gesandte[rn]?)\b")
_COUNTRY_AFTER = re.compile(rf"\b(?:von|aus|des|der|in)\s+(?:der\s+|den\s+)?(?P<c>[{UP}][\w-]+(?:\s[{UP}][\w-]+){{0,3}})")
#: A guest's thanks to the hosts: 'dankte X für die Einladung', 'bedankte sich … für den herzlichen Empfang'.
_THANKS = re.compile(r"\b(?:be)?dankten?\b[^.;]*?\bfür\s+(?:die|den|das)\s+(?:[\w-]+\s+){0,2}?(?:Einladung|Empfang|Gastfreundschaft)\b")
_SEAT = re.compile(r"\b(?:[Ss]itz|[Dd]ienstsitz|[Hh]auptsitz|[Ff]irmensitz)\s+(?:in|im)\s+$")
_MORE_BODIES = re.compile(rf"\s*(?:,|und|sowie)\s+(?:aus\s+)?(?:(?:der|dem|den)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:(?:{_MUNI_HEADS})\s+)?{LEX.place_name}")
_MORE_PLACES = re.compile(rf"\s*(?:,|und|sowie)\s+(?:aus\s+)?(?:(?:der|dem)\s+)?(?P<p>{LEX.place_name})")
#: The agent of a passive ('… wurden von Bürgermeister X empfangen'): right before the name.
_AGENT = re.compile(r"\b(?:von|vom|durch)\s+(?:[^\s,]+\s+){0,4}$")
_TRAVEL = re.compile(r"\b(?:reiste|reisten|gereist|fuhr|fuhren|gefahren|flog|flogen|besuchte|besuchten|Gegenbesuch|Arbeitsbesuch)\b")
_OWN_VISIT = re.compile(r"\b(?:sein|seine|seinen|ihr|ihre|ihren)\s+(?:erste[rn]?\s+|offizielle[rn]?\s+)?[\w-]*[Bb]esuch")
_PLACE_NEXT = re.compile(rf"\s+(?:(?:der|dem|den)\s+)?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})")
_NAME2 = rf"{LEX.honorific_re}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK})?)"
#: Leads named after the head ('An der Spitze der Gruppe stand Bürgermeister X'), before it ('mit Landrätin X an
#: der Spitze') or as the subject of leading ('Bürgermeisterin X leitete die Delegation', '… führte die Gruppe an').
_GROUP = r"(?:Delegation|Abordnung|Gruppe|Besuchergruppe|Reisegruppe)"
_LEAD_AROUND = re.compile(
    rf"[Aa]n\s+(?:der|ihrer|seiner)\s+Spitze\s+(?:(?:der|des)\s+[^.;:,]{{0,50}}?)?(?:stand|standen|steht|stehen)\s+(?:(?:der|die)\s+)?(?:{LEX.title_chain_re}\s+)?{_NAME2}"
    rf"|\bmit\s+(?:(?:dem|der)\s+)?(?:{LEX.title_chain_re}\s+)?{_NAME2.replace('?P<n>', '?P<m>')}\s+an\s+der\s+Spitze\b"
    rf"|\bVertreter(?:innen)?(?:\s+und\s+Vertreter)?(?:\s+[\w-]+){{0,4}}?\s+um\s+(?:(?:den|die)\s+)?(?:{LEX.title_chain_re}\s+)?{_NAME2.replace('?P<n>', '?P<v>')}"
    rf"|(?:[Aa]ngeführt|[Gg]eleitet)\s+(?:wurde|wird)\s+(?:die|der|das)\s+(?:[\w-]+\s+){{0,2}}?{_GROUP}\s+(?:von|vom|durch)\s+(?:(?:dem|der)\s+)?"
    rf"(?:{LEX.title_chain_re}\s+)?{LEX.honorific_re}*(?P<p>{NAME_TOK}(?:\s+{NAME_TOK}){{0,2}})"
    rf"|{_NAME2.replace('?P<n>', '?P<s>')}\s+(?:leitete|leitet|führte|führt)\s+(?:die|eine|den)\s+(?:[\w-]+\s+){{0,2}}?{_GROUP}\b")
#: The guests as the ones accompanied: whoever accompanies them is on the host's side.
_ESCORTED = re.compile(r"\b(?:[Bb]egleitet\s+(?:wurden|werden)\s+die\s+(?:Gäste|Besucher|Delegation)|[Dd]ie\s+(?:Gäste|Besucher|Delegation)\s+"
                       r"(?:wurden|werden)\s+(?:[\w-]+\s+){0,4}?begleitet\s+von)\b")
#: 'besuchte den Kindergarten in X': a place the object is in, not the place visited.
_STOP_IN = re.compile(r"\bbesuchten?\s+(?:[\w-]+\s+){0,3}?(?:den|die|das|einen|eine|ein)\s+(?:[\w-]+\s+)?[A-ZÄÖÜ][\w-]*[a-zäöüß]\s+(?:in|im|bei)\s")
_RETURN = re.compile(r"\b(?:Gegenbesuch\w*|Rückbesuch\w*|im Gegenzug)\b")
_ORGAN_END = ("ausschuss", "ausschusses", "tag", "tages", "rat", "rats", "rates", "räte", "kreisen", "städten", "gemeinden",
              "kommunen", "verwaltung", "vorstand", "fraktion", "fraktionen")
_DELEGATIONS = re.compile(r"\bDelegationen\s+(?:aus|der|von)\b")
_MEETING_AT = re.compile(rf"\b[\w-]*[Tt]reffen\s+(?:in|im)\s+(?:(?:der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>{LEX.place_name})")
_REPRESENTED = re.compile(r"\b(?:Vertreter(?:innen)?|Delegationen|Abordnungen|Bürgermeister(?:innen)?)\b")
_COUNTRY_CODE = re.compile(r"\s*\([A-Z]{2,3}\)")
_PLACE_ITEM = rf"[{UP}][\w'’.-]+(?:\s+(?:am|an der|im|in der|bei)?\s*[{UP}][\w'’.-]+)?(?:\s*\([A-Z]{{2,3}}\))?"
_PLURAL_LIST = re.compile(rf"\b(?P<head>Landkreisen|Kreisen|Städten|Gemeinden|Kommunen|Partnerstädten|Partnerkreisen|Partnergemeinden|"
                          rf"Städte|Landkreise|Kreise|Partnerstädte|Partnergemeinden)\s+"
                          rf"(?P<list>{_PLACE_ITEM}(?:\s*,\s*{_PLACE_ITEM})*(?:\s+(?:und|sowie)\s+{_PLACE_ITEM})?)")
_ITEM_SPLIT = re.compile(r"\s*,\s*|\s+(?:und|sowie)\s+")
_CLAUSE_STOP = re.compile(r"[.;:!?]|\s[–—-]\s|,\s+(?:gab|gibt|waren|war|wurde|wurden|die|der|das|wo|als|weil|dass)\b")
_IN_HOST = re.compile(rf"^\s*(?:Im|In)\s+(?:der\s+(?:Stadt|Gemeinde)\s+|dem\s+(?:Landkreis|Kreis)\s+)?(?P<p>{LEX.place_name})\s+(?:waren|war|sind|ist)\b[^.;:]*?\bzu\s+(?:Gast|Besuch)\b")
_TRIP = re.compile(r"\b(?:reiste|reisten|fuhr|fuhren|flog|flogen)\b.*?(?P<to>\s(?:nach|in die|in den|ins|zu)\s)")
_LEARN = re.compile(r"\b(?:informierte|informierten|besichtigte|besichtigten|erkundete|erkundeten|ließen\s+sich|ließ\s+sich)\b")
_PLANNED = re.compile(r"\b(?:wird|werden|soll|sollen|plant|planen|geplant|will|wollen)\b")
_CROWD = re.compile(r"\b(?:ganz|aller\s+Welt|nah\s+und\s+fern|der\s+ganzen)\b")
_INVITATION = re.compile(r"\b(?:sind|ist|seid|seien|wären|sei)\s+(?:[a-z]\w*\s+){0,2}willkommen\b")
#: Who is received: a delegation, guests or an official before the body they come from ('empfing den Bürgermeister von A').
_RECEIVED = re.compile(rf"(?:{DELEGATION.pattern})|\b(?:Gast|Amtskolleg\w*|Kolleg(?:e|en|in)|Bürgermeister\w*|Oberbürgermeister\w*|Landr[aä]t\w*|"
                       r"Vertreter\w*|Botschafter\w*|Konsul\w*|Minister\w*|Präsident\w*|Partnerstadt|Partnergemeinde|Partnerkreis\w*)\b")
_LEAD_PASSIVE = re.compile(rf"v{WB}o[nm]\s+(?:(?:der|dem)\s+)?(?:{LEX.title_chain_re}\s+)?{LEX.honorific_re}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK})?)"
                           rf"\s+(?:{_trie(LEX.lead_passive)})\b")


def _guest_sent(sent: str) -> bool:
    """Whether ``sent``, which names no delegation (not a ``_visit_sent``), names its members or lead.

    Three scans, cheapest first, not one of their alternation: MEMBER_CUE's opening look-behind (and
    re.I) made re enter that alternation at every position, while _LEAD and _LEAD_PASSIVE alone skip
    ahead to their first letters."""
    return bool(_LEAD_PASSIVE.search(sent) or _LEAD.search(sent) or MEMBER_CUE.search(sent) or _LEAD_AROUND.search(sent))


def _names_person(sent: str, m: re.Match[str]) -> bool:
    """Whether the place a pattern took is a first name with a surname after it ('von Klaus Muster'), or a
    title no list knows before a first name and a surname ('von Starost Jan Nowak')."""
    if m.group("p") in LEX.given and _SURNAME_NEXT.match(sent, m.end("p")) is not None:
        return True
    nxt = _NEXT_NAME.match(sent, m.end("p"))
    return m.group("p") not in LEX.countries_regions and nxt is not None and nxt.group(1) in LEX.given


_SURNAME_NEXT = re.compile(rf"\s+[{UP}][{LO_}]")
_NEXT_NAME = re.compile(rf"\s+([{UP}][{LO_}]+)\s+[{UP}][{LO_}]")


def _first_name(text: str, place: str, end: int, places: set[str]) -> bool:
    """Whether a place named in ``text`` up to ``end`` is a first name before a surname ('Anton Kovacs'), not
    the first word of a longer place the story names ('San Damiano')."""
    if place not in LEX.given or _SURNAME_NEXT.match(text, end) is None:
        return False
    return not any(q.startswith(place + " ") for q in places)


def _organ(word: str) -> bool:
    """Whether a capitalised word the gazetteer does not know is a body's organ or a plural of bodies
    ('Kreisausschuss', 'Kreistag', 'Gemeinderat', 'Partner-Kreisen'), not a place."""
    first = word.split()[0]
    return first.lower().endswith(_ORGAN_END) and not known_place(first, 0)


def _same_place(a: str | None, b: str | None) -> bool:
    """Whether two place names are one place, one in full and one in part ('Buckow', 'Buckow in der Märkischen Schweiz')."""
    return a == b or bool(a and b and (a.startswith(b + " ") or b.startswith(a + " ")))


class VisitRules(VisitPeople):
    """Mixin of ``StoryExtractor``: visits (delegations, mayors' visits, trips) and the story's city."""

    # ---- sides ----------------------------------------------------------------------------
    def _guest(self, sent: str) -> OrgM | None:
        m = _ADJ_DELEG.search(sent)
        if m:
            base = adjective_base(m.group("adj"))
            if base and base not in LEX.countries_regions:  # 'Schweizer Delegation': a country, not a town
                self.places.add(base)
                return self.body(base)
        m = _GUEST_RE.search(sent)
        if m and _organ(m.group("p")):
            return None  # 'eine Delegation aus Kreisausschuss und Kreistag': the bodies' organs, no place
        if m and _CROWD.search(m.group(0)):
            return None  # 'Besucher aus ganz Bayern', 'Gäste aus nah und fern': a crowd, not a body's delegation
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
        if m is None or _organ(m.group("p")):
            return []
        out: list[OrgM] = []
        for later in _GUEST_RE.finditer(sent, m.end()):  # 'eine große Delegation aus A und eine kleine Delegation aus B'
            place = place_form(later.group("p"), self.places)
            if is_place_word(place) and not _organ(place) and not _names_person(sent, later) and not _CROWD.search(later.group(0)) \
                    and place != first.place and all(o.place != place for o in out):
                self.places.add(place)
                out.append(self.body(place).at(later.start("p"), later.end("p")))
        if out:
            return out
        for extra in _MORE_PLACES.finditer(sent, m.end()):
            if extra.start() != (out[-1].end if out else m.end()):
                break
            place = place_form(extra.group("p"), self.places)
            if not is_place_word(place) or place == first.place or _organ(place):
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
        others = {place_form(o.group("p"), self.places) for o in _GUEST_RE.finditer(sent)}  # '… und eine Delegation aus B': guests too
        at_host = _IN_HOST.match(sent)  # 'In X waren … zu Gast: eine Delegation aus A'
        if at_host and (at_host.group("p") in self.places or known_place(at_host.group("p"), 1500)) and (guest is None or at_host.group("p") != guest.place):
            self.places.add(at_host.group("p"))
            return self.body(at_host.group("p"))
        for m in _HOST_PREP.finditer(tail):
            p = m.group("p")
            if p in self.places and (guest is None or p != guest.place) and p not in others:
                return self.body(p)
        for _at, org in self._munis(tail):  # bodies and bare known places, first named first
            if (guest is None or (org.key != guest.key and org.place != guest.place)) and org.place not in others:
                return org
        return None

    def visit_sides(self, sent: str) -> tuple[OrgM | None, OrgM | None]:
        """(guest, host) a visit sentence names; either may be None. An invitation ('Gäste aus A sind herzlich
        willkommen') names none."""
        sent = _DATELINE.sub("", sent)
        if _INVITATION.search(sent):
            return None, None
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
                org = self._org_at(sent, v.end()) if verb.endswith(("bei", "beim")) else None  # 'zu Gast bei der Universität X'
                host = host or org or (near[0] if near else self._place_after(sent, v.end()))
                if guest is None and org is not None:
                    sender = _SENT_BY.search(sent, 0, v.start())  # 'Vertreter der Stadtwerke A waren zu Gast bei …'
                    guest = self._org_at(sent, sender.end()) if sender else None
            elif verb in _GUEST_AFTER:
                guest = guest or (after[0][1] if after else None)
            elif verb in _RECEIVE:
                host = host or (before[0][1] if before else None)
                guest = guest or next((o for at, o in after if (host is None or o.place != host.place)  # whom it received, not
                                       and _RECEIVED.search(sent, v.end(), at)), None)  # 'empfängt Fördermittel … nach B'
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

    def _org_at(self, sent: str, at: int) -> OrgM | None:
        """An organisation of a kind that hosts or sends a delegation itself, named right at ``at`` (an
        article before it allowed), or a municipal body named there."""
        for o in find_orgs(sent[at:at + 120], self.places):
            if o.start > 5:
                break
            if (o.kind in _SIDE_KINDS or o.kind == "municipality") and not o.needs_place:
                return self._countryless(o) if o.kind == "municipality" else o
        return None

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
        guest = None  # the first guest side a visit sentence names (each sentence's sides are found once)
        for _li, sent in sents:
            if self._visit_sent(sent):
                found, host = self._sides(sent)
                if host:
                    return host.place
                guest = guest or found
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
            for p in {p for at, end, p in self._mentions(s, prefix=True) if not _SEAT.search(s, 0, at) and not _first_name(s, p, end, self.places)}:
                counts[p] += 1  # not an organisation's seat ('die GIZ mit Sitz in X')
                first.setdefault(p, i)
        # ties by first mention, then by name: never by set order (PYTHONHASHSEED)
        ranked = sorted((p for p in counts if guest is None or p != guest.place), key=lambda p: (-counts[p], first[p], p))
        return ranked[0] if ranked else None

    # ---- the visit ------------------------------------------------------------------------
    def _visits(self, sents: list[str]) -> None:
        """The story's visits: the first sentence naming a guest (and a host) opens one; a later visit
        sentence naming both sides itself opens another when they differ ('Im Mai war eine Gruppe aus A in
        B'), or returns to the visit of the same sides; the sentences after it speak of the visit opened last."""
        visit = None
        told: list[tuple[EventF, list[str]]] = []  # each visit opened here with the sentences that speak of it
        for sent in sents:
            if not (self._visit_sent(sent) or visit is not None and (_guest_sent(sent) or _THANKS.search(sent))):
                if visit is not None:
                    next(s for v, s in told if v is visit).append(sent)  # what follows speaks of the visit opened last
                    self._learners(visit, sent)
                continue
            guest, host = self._sides(sent, last_use=True)
            if visit is None and guest is None and host is not None and _TRAVEL.search(sent) and not _STOP_IN.search(sent):
                home = self._home_place()  # 'Zum Gegenbesuch reiste OB X mit einer Delegation nach Y': from home
                if home and home != host.place:
                    guest = self.body(home)
                elif _TRAVEL_OUT.search(sent):  # 'reisten Bürgermeister X und Y nach B' in a story of A's twinning with B
                    partner = self._twin_partner(sents) or next((o for o in self.bodies if not _same_place(o.place, host.place)
                                                                 and o.place and known_place(o.place, 1500)), None)
                    guest = partner if partner is not None and not _same_place(partner.place, host.place) else None  # else: the
                    # story's other body ('Mit der Stadt B hat die Stadt A eine enge Verbindung … reisten X und Y nach B')
            if visit is None and guest is None and DELEGATION.search(sent):
                guest = self._twin_partner(sents)  # 'eine chinesische Delegation besuchte ihre Partnerstadt'
            if visit is None and guest is None:
                guest, by = self.person_sides(sent)  # 'OB X empfing den Bürgermeister von A, Y'
                host = by if host is None or (guest is not None and _same_place(host.place, guest.place)) else host
                if guest is not None and host is None and DELEGATION.search(sent):
                    host = self._host(sent, guest)  # 'Landrat X hat mit einer Delegation … im Landkreis B teilgenommen'
                if guest is not None and host is None and self.city and not _same_place(self.city, guest.place) and not _RECEIVE_VERB.search(sent):
                    continue  # a person's trip with no host named: not the story's city by default
            if visit is None and guest:
                host = host or (self.body(self.city) if self.city and self.city != guest.place else None)
                if host is None:
                    continue
                visit = EventF("visit", None, host.place, quote(sent), "press:visit", 0.8, guest, host)
                self.facts.events.append(visit)
                told.append((visit, []))
                for other in self.more_guests(sent, guest):  # 'Delegationen aus A und B': one visit each
                    if other.place != host.place:
                        self.facts.events.append(EventF("visit", None, host.place, quote(sent), "press:visit", 0.75, other, host))
            elif visit is not None and guest and host and self._other_visit(visit, guest, host, sent):
                same = next((v for v, _s in told if v.guest and v.host and (v.guest.key, v.host.key) == (guest.key, host.key)), None)
                if same is None:
                    same = EventF("visit", None, host.place, quote(sent), "press:visit", 0.75, guest, host)
                    self.facts.events.append(same)
                    told.append((same, []))
                visit = same
            if visit is not None and visit.host is not None and _DELEGATIONS.search(sent):
                for other in self._listed_guests(sent, visit.host, [v.guest for v, _s in told]):  # 'Gemeinsam mit Delegationen aus
                    self.facts.events.append(EventF("visit", None, visit.host.place, quote(sent), "press:visit", 0.7, other, visit.host))
                    told.append((self.facts.events[-1], []))  # den Kreisen A, B und C'
            if visit is not None and guest and visit.guest and visit.guest.kind == "government" and guest.kind == "municipality" \
                    and DELEGATION.search(sent) and not _ENVOY.search(visit.quote) and (visit.host is None or guest.place != visit.host.place):
                visit.guest = guest  # 'Delegation aus Frankreich …' then '… aus der Partnerstadt Cestas': the city
            if visit is not None:
                greeters = self._receivers(sent)
                visit.hosts.update(greeters)
                visit.greeters.update(n for n in greeters if n not in visit.lead)
            if visit is None or (guest and visit.guest and guest.place != visit.guest.place):
                continue
            next(s for v, s in told if v is visit).append(sent)
            self._visit_sentence(visit, sent)
        if not told:
            told = self._meeting_visits(sents)
        for visit, own in told:
            self._finish_visit(visit, sents, own if len(told) > 1 else None)

    def _meeting_visits(self, sents: list[str]) -> list[tuple[EventF, list[str]]]:
        """A meeting of bodies at one of them ('Das Städtepartnertreffen im bayerischen X …: Vertreter der Städte
        A, B, X und C'): each other listed body visits X; the sentences naming a body's place are its own."""
        host = None
        for sent in sents:
            at = _MEETING_AT.search(sent)
            if at and is_place_word(at.group("p")):
                host = self.body(place_form(at.group("p"), self.places))
                break
        if host is None:
            return []
        told: list[tuple[EventF, list[str]]] = []
        for sent in sents:
            for listed in _PLURAL_LIST.finditer(sent):
                if not _REPRESENTED.search(sent, max(0, listed.start() - 30), listed.start()):
                    continue
                head = "Landkreis" if "reis" in listed.group("head") else "Gemeinde" if "emeind" in listed.group("head") else "Stadt"
                for p in _ITEM_SPLIT.split(listed.group("list")):
                    place = place_form(_COUNTRY_CODE.sub("", p), self.places)
                    if not is_place_word(place) or _same_place(place, host.place) or any(_same_place(place, v.guest.place if v.guest else None) for v, _s in told):
                        continue
                    self.places.add(place)
                    ev = EventF("visit", None, host.place, quote(sent), "press:meeting", 0.7, municipality(place, head), host)
                    self.facts.events.append(ev)
                    told.append((ev, [x for x in sents if place in x]))
        return told

    def _listed_guests(self, sent: str, host: OrgM, known: list[OrgM | None]) -> list[OrgM]:
        """The bodies named after a plural of delegations in the clause ('Delegationen aus weiteren
        Partnerkreisen Zs, den Kreisen A, B und C'): each one's own delegation, at the same host."""
        m = _DELEGATIONS.search(sent)
        if m is None:
            return []
        end = _CLAUSE_STOP.search(sent, m.end())
        clause = sent[m.end(): end.start() if end else len(sent)]
        found: list[OrgM] = []
        for listed in _PLURAL_LIST.finditer(clause):  # 'den Kreisen A, B und C': bodies of the plural's kind
            head = "Landkreis" if "reis" in listed.group("head") else "Gemeinde" if "emeind" in listed.group("head") else "Stadt"
            found += [municipality(place_form(p, self.places), head) for p in _ITEM_SPLIT.split(listed.group("list")) if is_place_word(p)]
        if not found:
            found = [o.at(0, 0) for _at, o in self._munis(clause)]
        out: list[OrgM] = []
        for o in found:
            if _same_place(o.place, host.place) or any(k is not None and _same_place(o.place, k.place) for k in [*known, *out]):
                continue
            if o.place and not _organ(o.place) and is_place_word(o.place):
                out.append(o)
        return out

    def _other_visit(self, visit: EventF, guest: OrgM, host: OrgM, sent: str) -> bool:
        """Whether a later sentence's sides name another visit than ``visit``: other guests, named with their
        origin ('eine Gruppe aus A', 'die Xer Delegation'; the same guests elsewhere are a stop of their
        programme); the visit's sides swapped only with a return visit ('Gegenbesuch'). A place named in full
        or in part is the same."""
        if visit.guest is None or visit.host is None or guest.key == host.key or "government" in (guest.kind, host.kind, visit.guest.kind):
            return False
        named = self._guest(_DATELINE.sub("", sent))
        if named is None or named.key != guest.key:
            return False
        if _same_place(guest.place, visit.guest.place):
            return False  # the same guests somewhere else: a stop of their programme, not another visit
        if not (_same_place(host.place, visit.guest.place) and _same_place(guest.place, visit.host.place)):
            return True
        return _RETURN.search(sent) is not None or not _PLANNED.search(sent)  # the sides swapped: a return visit, if made

    def _visit_sentence(self, visit: EventF, sent: str) -> None:
        """What one sentence of a visit says of it: its date, its lead, who hosted and who came."""
        span = self._dates(sent)
        if span and not visit.date:
            visit.date, visit.end_date = span[0], span[1]
        lead = _LEAD.search(sent) or _LEAD_PASSIVE.search(sent)
        around = _LEAD_AROUND.search(sent) if lead is None else None
        named = lead.group("n") if lead else around and (around.group("n") or around.group("m") or around.group("p") or around.group("v") or around.group("s"))
        if named:
            name = self._known(named)
            if name:
                visit.lead.add(name)
        low = sent.lower()
        receiving = any(w in low for w in _RECEIVE)
        trip = None if receiving else _TRIP.search(sent)
        if trip:  # 'Am 21. Oktober reisten Bürgermeister X und Y gemeinsam nach B': the travellers are guests
            for name in self.facts.persons:
                if _has_word(sent[:trip.end("to")], name) and name not in visit.hosts:
                    visit.members.add(name)
                    visit.companions.add(name)
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
            return
        hosts, guests = self._received(sent) if receiving and not passive else ([], [])
        if not receiving:
            guests, hosts = self._met(sent)
            if _ESCORTED.search(sent):  # 'Begleitet wurden die Gäste von Stadtführerin X': X is the hosts'
                hosts = [n for n in self.facts.persons if _has_word(sent, n)]
            visit.greeters.update(hosts)
        for name in self.facts.persons:
            if name in visit.lead or not _has_word(sent, name):
                continue
            if name in hosts or name in guests:
                (visit.hosts if name in hosts else visit.members).add(name)  # who received whom
                continue
            at = sent.find(name)
            agent = passive and _AGENT.search(sent[max(0, at - 60):at]) is not None
            if receiving and (agent or (not passive and not (deleg and at > deleg.start()))):
                visit.hosts.add(name)  # the subject of 'empfing', not the delegation's members after it
                if agent:
                    visit.greeters.add(name)  # '… wurden von X empfangen'
            elif (deleg and at > deleg.start()) or names_guest or own_visit or MEMBER_CUE.search(sent) or _LEAD.search(sent):
                visit.members.add(name)  # named with the delegation, its origin or a member cue
                if own_visit or MEMBER_CUE.search(sent) or self._near_guests(sent, at) or (sent.strip() == visit.quote and not _SAID.search(sent, max(0, at - 50), at)):
                    visit.companions.add(name)  # '… sein Antrittsbesuch', 'Zur Delegation gehörten …', 'OB X mit einer Delegation'
            elif receiving or passive:
                visit.hosts.add(name)

    def _near_guests(self, sent: str, at: int) -> bool:
        """Whether a person named at ``at`` stands within a few words of the guests' phrase ('die Delegation aus
        A mit X', 'Besuch aus A: X und Y', 'OB X mit einer Delegation'), no speech attribution between."""
        for m in _GUESTS_NAMED.finditer(sent):
            lo, hi = (m.end(), at) if at >= m.end() else (at, m.start())
            if hi - lo < 70 and not _SAID.search(sent, lo, hi):
                return True
        return False

    def _learners(self, visit: EventF, sent: str) -> None:
        """Who learns or tours is a guest ('X, Y und Z informierten sich über …', 'besichtigten', 'ließen sich …
        zeigen'): the persons before the verb, or the first after it when it comes second."""
        m = _LEARN.search(sent)
        if m is None:
            return
        named = sorted((sent.find(n), n) for n in self.facts.persons if _has_word(sent, n) and n not in visit.hosts)
        before = [n for at, n in named if at < m.start()]
        for name in before or [n for _at, n in named[:1]]:
            visit.members.add(name)

    def _finish_visit(self, visit: EventF, sents: list[str], own: list[str] | None) -> None:
        """A visit's date from the story when its sentences gave none, its range, lead and participants (of
        its own sentences ``own`` when the story tells of several visits, else of the whole story)."""
        if visit.host is None:
            return
        if not visit.date:
            for sent in own or sents:
                if visit.host.place and visit.host.place in sent and (self._visit_sent(sent) or "Besuch" in sent):
                    span = self._dates(sent)
                    if span:
                        visit.date, visit.end_date = span[0], span[1]
                        break
        self._date_range(visit, own or sents)
        self.county_host(visit)
        visit.members -= visit.hosts
        if not visit.lead:
            visit.lead.update(self._head_of(visit.members, visit.host, visit.companions)[:1])
        if not visit.lead and visit.guest is not None and visit.guest.kind == "government":
            visit.lead.update(self._envoy(sents)[:1])  # 'Japans Botschafter X': the envoy leads the state's side
        self._participants(visit, sents, [] if visit.rule == "press:meeting" else own)  # at a meeting: who holds a role of its bodies

    def _dates(self, sent: str) -> tuple[str, str | None, int] | None:
        """The first date or range ``sent`` names, not its dateline's: that is the release's, not the visit's."""
        return event_dates(_DATELINE.sub("", sent), self._release_date())

    def _date_range(self, visit: EventF, sents: list[str]) -> None:
        """A date range the story gives ('vom 19. bis 22. Juni', '22.-24.9.2016' in a heading) that holds the
        visit's date becomes its start and end; 'bis Sonntag' after a start date is its end."""
        for sent in sents:
            span = self._dates(sent)
            if span and span[1] and (visit.date is None or span[0] <= visit.date <= span[1]):
                visit.date, visit.end_date = span[0], span[1]
                return
        if visit.date and not visit.end_date and len(visit.date) == 10:
            for sent in sents:
                end = until_weekday(sent, visit.date)
                if end:
                    visit.end_date = end
                    return
