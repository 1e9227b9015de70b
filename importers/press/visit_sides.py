"""The sides of a visit sentence: which body visits (the guests' origin, a delegation's body, a state by
its envoy) and which hosts (a cue's place, the body after the guests), and the story's city (a mixin of
``StoryExtractor``)."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import LEX
from .orgs import OrgM, find_orgs, municipality
from .places import dateline_place, adjective_base, is_place_word, known_place, known_span, place_form
from .home_county import county_home, is_county
from .home_model import choose, features as home_features, load_model as load_home_model
from .twinning import _BETWEEN
from .visit_places import VisitPlaces
from .visit_states import _no_address, consular_corps, state_guest, state_sides
from .visit_people import demonym_place, _RECEIVE, _RECEIVE_VERB, _TRAVEL_OUT, DELEGATION, _titleish
from .visit_cues import (_ADJ_DELEG, _AND_FROM, _ART_BEFORE, _AT_THEN_GUEST, _AUX_BEFORE, _AUX_TIME, _COMPASS,
                         _COUNTRY_CODE, _CROWD, _DATELINE, _DATIVE, _DEST, _ENVOY_SEAT, _first_name, _FROM_LIST,
                         _GENITIVE_NOUN, _GUEST_AFTER, _GUEST_RE, _HABITUAL, _HOST_FIRST, _HOST_PREP, _IN_HOST,
                         _INVITATION, _ITEM_SPLIT, _LOCATIVE, _MANY, _MORE_BODIES, _MORE_PLACES, _names_partner,
                         _names_person, _ON_PROGRAMME, _on_the_way, _ONWARD, _organ, _ORIGIN_STOP, _outermost,
                         _OWNED, _OWNER, _partner_named, _PASSIVE_AUX, _PASSIVE_RECEIVE, _PLACE_NEXT, _PLAN,
                         _PLURAL_FROM, _PLURAL_LIST, _PLURAL_NOUN, _PRESS_OFFICE, _PROGRAM_STOP, _PUBLIC_FROM,
                         _RECEIVED, _REGION_OF, _same_place, _SEAT, _SENT_BY, _SIDE_KINDS, _STATTETE, _STOP_WORD,
                         _SUBJECT_AFTER, _TO_PARTICIPLE, _TO_PLACE, _TOWN_PRESS, _TRAVEL_VERB, _VISIT_CUES,
                         VISIT_VERB, _VISITED_OBJECT, _VISITOR_OF, _VISITS_ORG, _WAS_IN)


#: A county's own officials and offices ('Landrätin', 'Kreistag', 'Kreisverwaltung').
_COUNTY_WORD = re.compile(r"\bLandr(?:at|ätin|ats|ates|atsamt)\b|\bKreis(?:haus|verwaltung|tag|ausschuss)")
#: A given name right before a word: what follows is the person's surname ('Bürgermeister Anna Bergner').
_SURNAME_BEFORE = re.compile(r"\b(?P<g>[A-ZÄÖÜ][a-zäöüß]+)\s+$")
#: A genitive article right after a word: 'aus Mitgliedern des Stadtrates'.
_GENITIVE_AFTER = re.compile(r"\s+(?:des|der)\s+[A-ZÄÖÜa-zäöü]")


class VisitSides(VisitPlaces):
    """Mixin of ``StoryExtractor``: the guest and host bodies of visit sentences and the story's city."""

    # ---- sides ----------------------------------------------------------------------------
    def _guest(self, sent: str) -> OrgM | None:
        m = _ADJ_DELEG.search(sent)
        if m and _MANY.search(sent, max(0, m.start() - 30), m.start()):
            return None  # 'viele Xer Gäste', 'zahlreiche Besucher aus A': a crowd, not a body's delegation
        given = _SURNAME_BEFORE.search(sent, max(0, m.start() - 30), m.start()) if m else None
        if m and given is not None and given.group("g") in LEX.given:
            m = None  # 'begrüßte Bürgermeister Anna Bergner Delegationen aus …': a surname, not a town's adjective
        if m:
            base = demonym_place(m.group("adj"))
            if base and base not in LEX.countries_regions:  # 'Schweizer Delegation': a country, not a town
                self.places.add(base)
                return self.body(base)
        m = _GUEST_RE.search(sent)
        owned = _OWNED.match(sent, m.start("p")) if m is not None and "artner" in sent else None
        if owned is not None and is_place_word(owned.group("p")):  # 'Delegation aus Xs israelischer Partnerstadt B': B's
            place = place_form(owned.group("p"), self.places)
            self.places.add(place)
            return self.body(place)
        listed = self._origin_list(sent) if m is not None else []
        if listed and m is not None and not _MANY.search(sent, max(0, m.start() - 30), m.start()):  # 'Delegationen aus den Partnerstädten A, B und C': the
            return listed[0]  # first (the others: ``more_guests``, ``_listed_guests``)
        if m and not m.group("h") and _GENITIVE_NOUN.search(sent, max(0, m.start("p") - 5), m.start("p")) \
                and (_PLURAL_NOUN.search(m.group("p")) or m.group("p").endswith("s") and sent.startswith("des ", m.start("p") - 4)) \
                and not known_place(m.group("p"), 0) and m.group("p") not in self.places:
            return None  # 'eine Delegation der Vereine', '… aus Vertreterinnen und Vertretern des Kreistags': a genitive or plural
            # of a common noun (a place takes no article), no body
        if m and not m.group("h") and m.group("p") not in self.places and not known_place(m.group("p"), 0) \
                and m.group("p") not in LEX.countries_regions and _GENITIVE_AFTER.match(sent, m.end("p")):
            return None  # 'eine Delegation aus Mitgliedern des Stadtrates': a word no gazetteer knows with a genitive after it is a
            # common noun, no town
        if m and _REGION_OF.match(m.group("p")):
            return None  # 'zu Gast in Mitteldeutschland', 'aus Nordfrankreich': a region of a country
        if m and (_organ(m.group("p")) or _COMPASS.match(m.group("p"))):
            return None  # 'eine Delegation aus Kreisausschuss und Kreistag': the bodies' organs, no place; 'aus dem Südwesten'
            # (of a country): a region of no body
        if m and (_CROWD.search(m.group(0)) or _MANY.search(sent, max(0, m.start() - 30), m.start())):
            return None  # 'Besucher aus ganz Bayern', 'Gäste aus nah und fern': a crowd, not a body's delegation
        if m and m.group("p") in LEX.countries_regions and not m.group("h"):
            return OrgM(m.group("p"), "government", None)  # 'eine Delegation aus Japan': the country's side
        if m and is_place_word(m.group("p")) and not _names_person(sent, m):
            place = place_form(m.group("p"), self.places)
            at_person = place.find(" bei ")
            if at_person > 0 and _titleish(place[at_person + 5:].split()[0]) and not known_place(place, 0):
                place = place[:at_person]  # 'Delegation aus A bei Bürgermeister X': with a person, not 'A bei Y' as a town's name
            self.places.add(place)
            head = LEX.municipal_heads.get(m.group("h") or "")
            return municipality(place, head) if head and head != "Stadt" else self.body(place)
        return None

    def _state_guest(self, sent: str) -> OrgM | None:
        """A state as the guest: its envoy named with the country (``visit_states.state_guest``)."""
        return state_guest(sent)

    def more_guests(self, sent: str, first: OrgM) -> list[OrgM]:
        """Further guest bodies listed with the first one ('Delegationen aus A, B und C')."""
        listed = self._origin_list(sent)
        if listed:  # 'eine Delegation aus den Partnerstädten A (Ungarn) und B (Kap Verde)': the listed after the first
            return [o for i, o in enumerate(listed) if not _same_place(o.place, first.place) and all(o.place != x.place for x in listed[:i])]
        m = _GUEST_RE.search(sent)
        if m is None or _organ(m.group("p")):
            return []
        out: list[OrgM] = []
        for later in _GUEST_RE.finditer(sent, m.end()):  # 'eine große Delegation aus A und eine kleine Delegation aus B'
            place = place_form(later.group("p"), self.places)
            if is_place_word(place) and not _organ(place) and not _names_person(sent, later) and not _CROWD.search(later.group(0)) \
                    and not (_PLURAL_NOUN.search(place) and not known_place(place, 0) and place not in self.places) \
                    and place != first.place and all(o.place != place for o in out):
                self.places.add(place)
                out.append(self.body(place).at(later.start("p"), later.end("p")))
        if out:
            return out
        stop = _ORIGIN_STOP.search(sent, m.end())
        for also in _AND_FROM.finditer(sent, m.end(), stop.start() if stop else len(sent)):  # '… aus A von der Insel B und aus
            place = place_form(also.group("p"), self.places)  # dem englischen C': one origin after another
            if is_place_word(place) and not (_PLURAL_NOUN.search(place) and not known_place(place, 0) and place not in self.places) and not _organ(place) and not _names_person(sent, also) and place != first.place and all(o.place != place for o in out):
                self.places.add(place)
                out.append(self.body(place).at(also.start("p"), also.end("p")))
        if out:
            return out
        for extra in _MORE_PLACES.finditer(sent, m.end()):
            if extra.start() != (out[-1].end if out else m.end()):
                break
            place = place_form(extra.group("p"), self.places)
            if not is_place_word(place) or place == first.place or _organ(place) or (_PLURAL_NOUN.search(place) and not known_place(place, 0)
                                                                                     and place not in self.places):
                break
            self.places.add(place)
            body = self.body(place)
            out.append(body.at(extra.start(), extra.end()))
        return out

    def _origin_list(self, sent: str) -> list[OrgM]:
        """The bodies listed after the guests' plural origin ('Delegationen aus den Partnerstädten A, B und C', 'Besuch
        aus den Partnerkreisen A (Polen) und B (Ungarn)'), in order: of the plural's kind, a country after each apart."""
        m = _FROM_LIST.search(sent) if "aus den " in sent or "von den " in sent or "der " in sent else None
        listed = _PLURAL_LIST.match(sent, m.end()) if m is not None else None
        if listed is None:
            listed = _PLURAL_FROM.search(sent) if " und " in sent or " sowie " in sent else None  # 'Die Stadträte von A und B'
        if listed is None:
            return []
        head = listed.group("head")
        kind = "Landkreis" if "reis" in head else "Gemeinde" if "emeind" in head else None
        places = [place_form(known_span(_COUNTRY_CODE.sub("", p).rstrip(".")), self.places) for p in _ITEM_SPLIT.split(listed.group("list"))]
        out = []
        for p in places:
            if is_place_word(p) and not _organ(p) and p not in LEX.countries_regions:
                self.places.add(p)
                out.append(municipality(p, kind) if kind else self.body(p))
        return out

    def _host(self, sent: str, guest: OrgM | None) -> OrgM | None:
        d = DELEGATION.search(sent)
        tail = sent[d.end():] if d else sent
        g = _GUEST_RE.search(sent)
        if d and g is not None and g.start() == d.start():  # past 'aus A und der Provinz B': the guests' bodies
            end = g.end()
            listed = _PLURAL_LIST.match(sent, g.start("p"))  # 'aus den Partnerstädten A, B und C': all the guests'
            end = listed.end() if listed is not None else end
            while (more := _MORE_BODIES.match(sent, end)) is not None:
                end = more.end()
            tail = sent[end:]
        others = {place_form(o.group("p"), self.places) for o in _GUEST_RE.finditer(sent)}  # '… und eine Delegation aus B': guests too
        at_host = _IN_HOST.match(sent)  # 'In X waren … zu Gast: eine Delegation aus A'
        if at_host and (at_host.group("p") in self.places or known_place(at_host.group("p"), 1500)) and (guest is None or at_host.group("p") != guest.place):
            self.places.add(at_host.group("p"))
            return self.body(at_host.group("p"))
        for m in _VISITED_OBJECT.finditer(tail):  # '… hat am Dienstag die Stadt X besucht': the object before the participle
            p = m.group("p")
            if p in self.places and (guest is None or p != guest.place) and p not in others:
                return self.body(p)
        for m in _HOST_PREP.finditer(tail):
            p = m.group("p")
            if p in self.places and (guest is None or p != guest.place) and p not in others:
                return self.body(p)
        named = [o for o in find_orgs(tail, self.places) if o.kind in _SIDE_KINDS and not o.needs_place
                 and _VISITS_ORG.search(tail, max(0, o.start - 40), o.start)]  # the object of 'besuchte', not one met there
        for at, org in self._munis(tail):  # bodies and bare known places, first named first
            if (guest is None or (org.key != guest.key and org.place != guest.place)) and org.place not in others:
                within = next((o for o in named if o.start <= at < o.end), None)
                return within or org  # 'besuchte die Stadtwerke B': the utility, B only its seat
        return None

    def visit_sides(self, sent: str) -> tuple[OrgM | None, OrgM | None]:
        """(guest, host) a visit sentence names; either may be None. An invitation ('Gäste aus A sind herzlich
        willkommen') or a habit ('Besuche gibt es regelmäßig') names none."""
        sent = _DATELINE.sub("", sent)
        if _INVITATION.search(sent) or _HABITUAL.search(sent) or ("weiter" in sent and _ONWARD.search(sent)):
            return None, None  # 'Gäste aus A sind willkommen', 'Besuche … gibt es mehrmals im Jahr': no visit made; 'reiste die
            # Gruppe weiter nach B': the guests leave for another place
        self._bare_places(sent)
        d = DELEGATION.search(sent)
        guest = self._guest(sent) if d else None
        if guest is None:
            guest = self._state_guest(sent)  # 'Der Botschafter von Japan … wurde empfangen'
        if guest is None and "Korps" in sent:
            guest = consular_corps(sent)  # 'OB X empfing das Konsularische Korps', 'Konsularisches Korps zu Gast bei OB X'
        host = self._host(sent, guest) if d and guest else None
        at_host = _AT_THEN_GUEST.search(sent) if host is None and (" zu Gast" in sent or " zu Besuch" in sent) else None
        if at_host is not None and (guest is None or not _same_place(guest.place, at_host.group("p"))):
            p = place_form(at_host.group("p"), self.places)  # 'Vertreter des Partnerkreises A waren im Landkreis B zu Gast': B hosts
            county = " " in at_host.group("p") and (at_host.group("h") or "").endswith("kreis")  # 'im Landkreis Mecklenburgische Seenplatte'
            if county or is_place_word(p) and (p in self.places or known_place(p, 1000)) and not _organ(p):
                head = "Landkreis" if county else LEX.municipal_heads.get(at_host.group("h") or "")
                if not county:
                    self.places.add(p)
                host = municipality(p, head) if head and head != "Stadt" else self.body(p)
                sender = _SENT_BY.search(sent, 0, at_host.start()) if guest is None else None  # the guests sent by a body
                guest = guest or (self._org_at(sent, sender.end()) if sender else None)
                if guest is not None and _same_place(guest.place, host.place):
                    guest = None
        v = VISIT_VERB.search(sent) or _on_the_way(sent)
        if d and v is None and guest is None and (was := _WAS_IN.search(sent)) is not None:  # 'Eine Delegation der Stadt war
            p = place_form(was.group("p"), self.places)  # vom 1. bis 3. Mai in B', '… war in der Partnerstadt B zu Gast': B hosts
            if is_place_word(p) and (p in self.places or known_place(p, 1000)):
                self.places.add(p)
                return None, self.body(p)
        owners: list[OrgM] = []
        inviter = led = None
        if v and (guest is None or host is None):
            verb = v.group(0)
            stop_at = -1
            if verb in _HOST_FIRST and _PROGRAM_STOP.search(sent[max(0, v.start() - 12):v.start()]):
                verb = ""  # 'nach dem Besuch in X': a stop of the programme, not the visit's host
                stop_at = v.end()
                if _STOP_WORD.search(sent[max(0, v.start() - 12):v.start()]):
                    return guest, host  # 'plant einen Besuch in X', 'einen Besuch im Schloss': no sides from the verb
            before, after = self._munis(sent[: v.start()]), self._munis(sent[v.end():], v.end())
            owners = [o for at, o in [*before, *after] if _OWNER.match(sent, at)]  # 'besucht Xs Partnerstadt B': X owns B, B is the side
            before = [(at, o) for at, o in before if all(o is not w for w in owners)]
            after = [(at, o) for at, o in after if all(o is not w for w in owners)]
            inviter, led = self._invited_led(sent, [*before, *after])
            if inviter is not None or led is not None:  # 'Auf Einladung des Landrats des Kreises B besuchte eine Delegation unter
                host = host or inviter  # Leitung der Landrätin des Kreises A …': the inviter hosts, the leader's body visits
                guest = guest or led
                before = [(at, o) for at, o in before if o is not inviter and o is not led]
                after = [(at, o) for at, o in after if o is not inviter and o is not led]
            if stop_at >= 0:  # the stop's place names no side ('Nach dem Besuch in A im Frühjahr kam nun der Gegenbesuch …')
                after = [(at, o) for at, o in after if at - stop_at > 24]
            if verb.endswith("besuch") and guest is None and sent.startswith(" aus ", v.end()):
                guest = self._place_after(sent, v.end() + 4)  # 'Der Gegenbesuch aus A fand … statt': A's body visits
                after = [(at, o) for at, o in after if guest is None or o.place != guest.place]
            if verb in _HOST_FIRST:
                near = [o for at, o in after if at - v.end() <= 24]  # 'zu Gast in X', not a body later on
                org = self._org_at(sent, v.end()) if verb.endswith(("bei", "beim")) else None  # 'zu Gast bei der Universität X'
                host = host or org or (near[0] if near else self._place_after(sent, v.end()))
                if guest is None and org is not None:
                    sender = _SENT_BY.search(sent, 0, v.start())  # 'Vertreter der Stadtwerke A waren zu Gast bei …'
                    guest = self._org_at(sent, sender.end()) if sender else None
            elif verb in _GUEST_AFTER:
                crowd = _MANY.search(sent, max(0, v.start() - 30), v.start())  # 'Zahlreiche Besucher aus A': a crowd
                listed = self._origin_list(sent) if not crowd else []  # 'Besuch aus den Partnerstädten A und B': the first listed
                guest = guest or (listed[0] if listed else after[0][1] if after and not crowd else None)
            elif verb in ("Besuch ab", "einen Besuch ab", "Besuch abgestattet", "einen Besuch abgestattet"):  # 'A stattete der Partnerstadt B einen Besuch ab': B is the dative
                dative = [o for at, o in before if _DATIVE.search(sent, max(0, at - 30), at)  # 'der Partnerstadt B', or a bare
                          or (sent[o.end:v.start()].strip() == "" and _STATTETE.search(sent, max(0, at - 25), at))]  # 'stattete B einen Besuch ab'
                host = host or (dative[-1] if dative else None)
                guest = guest if guest is None or host is None or guest.place != host.place else None
                guest = guest or next((o for _at, o in before if host is None or o.place != host.place), None)
            elif verb in _PASSIVE_RECEIVE and _PASSIVE_AUX.search(sent, 0, v.start()):
                at_place = [o for at, o in [*before, *after] if _LOCATIVE.search(sent, max(0, at - 30), at)]
                host = host or (at_place[0] if at_place else None)  # 'Vertreter aus A wurden in B empfangen': the subject
                guest = guest or next((o for _at, o in before if host is None or o.place != host.place), None)  # is received
            elif verb in _RECEIVE:
                seat = _ENVOY_SEAT.search(sent, 0, v.start())  # 'den Botschafter von A in Berlin … empfangen': his seat, no host
                before = [(at, o) for at, o in before if seat is None or not seat.start("p") <= at < seat.end("p")]
                subject = self._org_at(sent, 0)  # 'Die Stadtwerke A empfingen …': an organisation receives
                where = [o for at, o in before if _LOCATIVE.search(sent, max(0, at - 30), at)]  # 'In B empfing OB X …': B hosts
                host = host or (subject if subject is not None and subject.kind != "municipality" else None) or self._venue_host(sent) \
                    or (where[-1] if where else None) or (before[0][1] if before else None)
                guest = guest or next((o for at, o in after if (host is None or o.place != host.place)  # whom it received, not
                                       and _RECEIVED.search(sent, v.end(), at)), None)  # 'empfängt Fördermittel … nach B'
                if guest is None and _AUX_BEFORE.search(sent, 0, v.start()):  # 'OB X hat den Bürgermeister von A im Rathaus begrüßt':
                    guest = next((o for at, o in before if (host is None or o.place != host.place)  # the object before the participle
                                  and _RECEIVED.search(sent, max(0, at - 40), at)), None)
            elif verb == "besucht":
                obj = [o for at, o in before if (_ART_BEFORE.search(sent, max(0, at - 40), at) or _AUX_TIME.search(sent, max(0, at - 60), at))
                       and _TO_PARTICIPLE.fullmatch(sent, o.end, v.start())
                       and not _PASSIVE_AUX.search(sent, 0, v.start())]
                if obj and host is None:  # 'OB X hat am Montag die Stadt B besucht': the object right before the participle hosts
                    host = obj[-1]
                    before = [(at, o) for at, o in before if o is not host and o.place != host.place]
                if not before and after and guest is None and _SUBJECT_AFTER.match(sent, v.end()):  # 'Vom 13. bis 19. Juni besucht der
                    guest, after = after[0][1], after[1:]  # Bürgermeister von A mit einer Delegation die Hansestadt': the subject after the verb
                guest = guest or (before[0][1] if before else None)
                host = host or next((o for _p, o in [*reversed(before), *after] if guest is None or o.place != guest.place), None)
            else:
                whose = _VISITOR_OF.match(sent, v.end()) if verb.endswith("besuch") else None
                if whose and guest is None and is_place_word(whose.group("p")) and _titleish(whose.group("t")):  # 'Der Antrittsbesuch des
                    guest = self._place_after(sent, whose.start("p") - 1) or guest  # Bürgermeisters von A': A's body visits
                    after = [(at, o) for at, o in after if guest is None or o.place != guest.place]
                pair = _BETWEEN.search(sent, 0, v.start())
                if pair:  # 'Im Rahmen der Partnerschaft zwischen A und B besuchte …': a frame, no side
                    before = [(at, o) for at, o in before if at < pair.start()]
                dest = [o for at, o in before if _DEST.search(sent, max(0, at - 30), at)]  # 'ist in den Partnerkreis B gereist'
                if dest:
                    host = host or dest[-1]
                    before = [(at, o) for at, o in before if all(o is not d for d in dest)]
                to_after = [o for at, o in after if _DEST.search(sent, max(0, at - 30), at)]  # 'reiste zum Antrittsbesuch nach B,
                if to_after and not before and host is None:  # dem Partnerkreis des A': B the destination, A whose partner it is
                    host = to_after[0]
                    after = [(at, o) for at, o in after if o is not host]
                    guest = guest or next((o for _at, o in after if o.place != host.place), None)
                if not before and len(after) >= 2 and guest is None and after[1][1].place != after[0][1].place:
                    guest = after[0][1]  # 'besuchte der Rat von A die Partnergemeinde B': the subject after the verb
                guest = guest or (before[0][1] if before else None)
                host = host or next((o for _p, o in after if guest is None or o.place != guest.place), None)
                to = _TO_PLACE.search(sent, v.end()) if host is None and _TRAVEL_VERB.match(verb) else None
                host = host or (self._place_after(sent, to.end() - 1) if to else None)  # 'reiste … nach X', X no gazetteer's
        if guest is None and host is not None and owners and inviter is None and not _same_place(owners[0].place, host.place) and v and not _RECEIVE_VERB.search(sent):
            guest = owners[0]  # 'Eine Delegation besucht derzeit Xs Partnerstadt B': the owner's delegation
        if guest and guest.place and "aus" in sent and any(place_form(m.group("p"), self.places) == guest.place for m in _PUBLIC_FROM.finditer(sent)):
            return None, None  # 'Eine Schulklasse aus A besuchte das Wasserwerk', 'Besucherinnen und Besucher aus A': the public, no body's visit
        guest, host = self._whole_place(sent, guest), self._whole_place(sent, host)
        guest, host = _no_address(guest), _no_address(host)
        guest, host = (None if o is not None and o.place and _REGION_OF.match(o.place) else o for o in (guest, host))  # a country's region
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
        if "Kanton" in sent or "Land" in sent or "Freistaat" in sent or "Fürstentum" in sent:
            v = VISIT_VERB.search(sent)
            sides = state_sides(sent, *sides, v.end() if v else -1)
        if not last_use:
            kept[sent] = (frozenset(self.places), sides)
        return sides

    def _visit_sent(self, sent: str) -> bool:
        """Whether ``sent`` names a delegation or a visit verb (asked several times per sentence: kept)."""
        seen = self.__dict__.setdefault("_visit_seen", {})
        hit = seen.get(sent)
        if hit is None:
            hit = seen[sent] = _VISIT_CUES.search(sent) is not None or _on_the_way(sent) is not None \
                or ((" zu Gast" in sent or " zu Besuch" in sent) and _AT_THEN_GUEST.search(sent) is not None)
        return hit

    def _place_counts(self, sents: list[tuple[int, str]]) -> tuple[Counter[str], dict[str, int]]:
        """How many sentences name each place, and the first that does (kept: asked more than once)."""
        kept = self.__dict__.get("_counts_kept")
        if kept is not None and kept[0] == frozenset(self.places):
            return kept[1], kept[2]
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for i, (_li, s) in enumerate(sents):
            seats = [m.start("p") for m in _ENVOY_SEAT.finditer(s)] if "otschafter" in s or "onsul" in s else []
            found = _outermost(self._mentions(s, prefix=True))
            named = {p for at, end, p in found if not _SEAT.search(s, 0, at) and at not in seats
                     and not _first_name(s, p, end, self.places)}
            if "ä" in s or "ö" in s or "ü" in s:  # a demonym with its umlaut ('Neustädter' of 'Neustadt'): no prefix
                named.update(b for m in LEX.place_adj_re.finditer(s) if (b := adjective_base(m.group("adj"))) in self.places
                             and not m.group("adj").startswith(b))
            for p in named:
                counts[p] += 1  # not an organisation's seat ('die GIZ mit Sitz in X'), nor an envoy's ('Botschafter von A in X')
                first.setdefault(p, i)
        self.__dict__["_counts_kept"] = (frozenset(self.places), counts, first)
        return counts, first

    def _most_named(self, sents: list[tuple[int, str]], place: str) -> bool:
        """Whether no other place is named in more sentences than ``place``."""
        counts, _first = self._place_counts(sents)
        return all(n <= counts[place] for p, n in counts.items() if not _same_place(p, place))

    def _story_city(self, sents: list[tuple[int, str]]) -> str | None:
        """The story's own place: ``_story_place``'s, or the county whose officials tell the story instead of
        the town they name (no dateline given)."""
        town = self._story_place(sents)
        county = None
        if not self._home_place():
            county = county_home(self.seg.text, town, self.bodies, [s for _li, s in sents], _partner_named)
            if _TOWN_PRESS.search(self.seg.text):
                county = None  # a town's press office ('Pressestelle der Stadt X') tells the town's story
        if county is not None:
            self.__dict__["_home_via"] = "county"
        pick = self.venue = county or town
        if self.seg.teaser:
            return pick
        rows = self._home_rows(pick, county is not None, sents)
        self.__dict__["home_rows"] = rows  # kept for the trainer (eval/press/train_home.py)
        return choose(pick, rows, load_home_model())

    def _home_rows(self, pick: str | None, county_story: bool, sents: list[tuple[int, str]]) -> list[tuple[str, dict[str, float]]]:
        """Each place the story names (and the rules' pick) with its home features, first named first."""
        counts, first = self._place_counts(sents)
        counties = {o.place for o in self.bodies if o.place and is_county(o)}
        cands = sorted(set(counts) | counties | ({pick} if pick else set()), key=lambda p: (first.get(p, len(sents)), p))
        text = self.seg.text
        plain = [s for _li, s in sents]
        heading = self.seg.lines[0] if self.seg.lines else ""
        dateline = self._home_place()
        via = self.__dict__.get("_home_via")
        sides: list[tuple[str | None, str | None]] = list(self.__dict__.get("_home_sides", []))  # as _story_place saw them
        for s in [s for s in plain if self._visit_sent(s)][len(sides):6]:  # and further visit sentences, up to six
            g, h = self._sides(s)
            sides.append((g.place if g else None, h.place if h else None))
        county_words = len(_COUNTY_WORD.findall(text)) if "Landr" in text or "Kreis" in text else 0
        mayors = text.count("ürgermeister")
        return [(p, home_features(p, text=text, heading=heading, n_sents=len(sents), counts=counts, first=first, pick=pick,
                                  via=via, dateline=dateline, county=p in counties, county_story=county_story,
                                  seat_of_county=p in counties and p in counts,
                                  partner_sent=any(p in s and _partner_named(s, p) for s in plain),
                                  sides=sides, county_words=county_words, mayors=mayors))
                for p in cands]

    def _story_place(self, sents: list[tuple[int, str]]) -> str | None:
        """The place a story is about: its dateline's, else the visited city, else the teaser subject, else the
        press office's ('Wie die Stadt X mitteilt'), else the most named place (ties by first mention)."""
        home = self._home_place()
        via = self.__dict__
        if home:
            via["_home_via"] = "dateline"
            return home
        guest = None  # the first guest side a visit sentence names (each sentence's sides are found once)
        trip: str | None = None  # the destination of a trip whose travellers are not named as a side
        away: set[str] = set()  # hosts a visit sentence named as the partner ('besuchte die Partnerstadt B')
        seen = via["_home_sides"] = []  # each visit sentence's (guests', hosts') places, up to the one that decides
        for _li, sent in sents:
            if self._visit_sent(sent):
                found, host = self._sides(sent)
                seen.append((found.place if found else None, host.place if host else None))
                if host and not (guest is not None and _same_place(host.place, guest.place)) and not _PLAN.search(sent) \
                        and not ("rogramm" in sent and _ON_PROGRAMME.search(sent)):
                    if not (host.place and (_partner_named(sent, host.place) or host.place in away)):
                        if found is None and not _names_partner(sent) and not self._most_named(sents, host.place or ""):
                            continue  # 'In B wurde sie empfangen', the guests unnamed: B only if no place is named more
                        if found is None and _TRAVEL_OUT.search(sent):
                            trip = trip or host.place  # 'X reiste nach B': the travellers' home may receive later
                            continue
                        via["_home_via"] = "host"
                        return host.place  # not a stop at the guests' home ('beim Besuch in A im Vorjahr'), nor a plan
                    if found is not None and found.place and not _partner_named(sent, found.place):
                        via["_home_via"] = "guest"
                        return found.place  # 'die Delegation aus A besuchte die Partnerstadt B': the story is A's
                    if host.place:
                        away.add(host.place)  # named as the partner once, it is the partner's place in later sentences too
                    continue  # the host is named as someone's partner ('besuchte die Partnerstadt B'): not the home
                if guest is None and found is not None and found.place:
                    guest = found  # the first guests with a place ('Delegation aus Belarus' names a country, no town)
        if trip:
            via["_home_via"] = "trip"
            return trip
        if self.subject and self.subject[0].place:
            via["_home_via"] = "subject"
            return self.subject[0].place
        for line in self.seg.lines[:6]:
            dl = dateline_place(line)
            if dl:
                via["_home_via"] = "dateline"
                return dl
        for _li, sent in sents[:8]:
            press = _PRESS_OFFICE.search(sent)  # 'Wie die Stadt X mitteilt'
            if press and press.group("p") in self.places:
                via["_home_via"] = "press"
                return press.group("p")
        via["_home_via"] = "most"
        counts, first = self._place_counts(sents)
        # ties by first mention, then by name: never by set order (PYTHONHASHSEED)
        ranked = sorted((p for p in counts if guest is None or p != guest.place), key=lambda p: (-counts[p], first[p], p))
        top = counts[ranked[0]] if ranked else 0
        own = [p for p in ranked if 2 * counts[p] >= top and not any(p in s and _partner_named(s, p) for _li, s in sents)]
        ranked = own or ranked  # a place introduced as someone's partner or abroad ('im russischen B') is another party
        return ranked[0] if ranked else None
