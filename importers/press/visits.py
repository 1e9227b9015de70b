"""Visit rules of the press importer: the story's visits, their dates, leads and who came (the sides of a
sentence in ``visit_sides``, the persons of a visit in ``visit_people``, twinning in ``twinning``, bodies of
places in ``bodies``)."""

from __future__ import annotations

import re

from .lexicon import LEX, NAME_TOK, NB, WB, _either, _trie, _trie_branches, word_alts
from .scanning import Gated
from .orgs import OrgM, municipality, role_key
from .places import is_place_word, known_place, place_form
from .facts import EventF, quote
from .company_visits import firm_hosts
from .visit_people import _ENVOY, _GUESTS_NAMED, _PASSIVE, _SAID, _TRAVEL_OUT, _RECEIVE, _RECEIVE_VERB, DELEGATION, _has_word, _is_county
from .visit_frames import _SIGNED, VisitFrames
from .twinning import _BETWEEN_PLACES
from .visit_cues import _COUNTRY_CODE, _DATELINE, _HABITUAL, _INVITATION, _INVITED_BY, _ITEM_SPLIT, _MANY, _MORE_BODIES, _organ, _partner_named, _PLURAL_LIST, _same_place, VISIT_VERB, _WAS_IN
from .visit_places import landscape, named_county

LO_ = "a-zäöüß"
#: Whether a member cue is named (every use asks only that): the cues lower-cased as one prefix tree under re.I
#: match the same texts as their alternation and cost half (the tree tests one character per branch).
MEMBER_CUE = Gated(re.compile(rf"(?<![\w-])(?:{_trie(sorted({c.lower() for c in LEX.member_cues}))})(?![\w-])", re.I), LEX.member_cues)
_UM = r"(?![\w-])(?:\s+rund)?\s+um"  # 'die Delegation (rund) um Bürgermeisterin X'
#: A lead cue, then the head's title (an adjective before it: 'angeführt vom dortigen Gouverneur X') and name.
_LEAD = re.compile(rf"{_either(_trie_branches(LEX.lead_cues), _trie_branches(LEX.delegation_words, NB, _UM))}\s+(?:(?:dem|der|den|die)\s+)?"
                   rf"(?:[a-zäöü][\w-]*(?:en|e)\s+)?(?:{LEX.title_chain_re}\s+)?{LEX.honorific_re}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK})?)")
#: A guest's thanks to the hosts: 'dankte X für die Einladung', 'bedankte sich … für den herzlichen Empfang'.
_THANKS = re.compile(r"\b(?:be)?dankten?\b[^.;]*?\bfür\s+(?:die|den|das)\s+(?:[\w-]+\s+){0,2}?(?:Einladung|Empfang|Gastfreundschaft)\b")
#: The agent of a passive ('… wurden von Bürgermeister X empfangen'): right before the name.
_AGENT = re.compile(r"\b(?:von|vom|durch)\s+(?:[^\s,]+\s+){0,4}$")
_TRAVEL = re.compile(r"\b(?:sich\b[^;:]{0,80}?\bauf\s+den\s+Weg|reiste|reisten|gereist|fuhr|fuhren|gefahren|flog|flogen|besuchte|besuchten|besucht|stattete|statteten|abgestattet|weilte|weilten|Gegenbesuch|Arbeitsbesuch|Antrittsbesuch|Freundschaftsbesuch)\b")
#: Guests named by a land's adjective ('die ukrainische Delegation', 'polnische Gäste'): from abroad, not from home.
_FOREIGN_GUESTS = re.compile(r"\b(?!(?:deutsche|hiesige|heimische)\w*\b)[a-zäöü]+ischen?\s+(?:Delegation|Gäste|Gästen|Besucher|Abordnung|Gruppe)\b")
#: The guests received in a passive: 'wurde die Delegation … empfangen'.
_PASSIVE_RECV = re.compile(r"\b(?:wurden?|worden)\b[^.;:]*\b(?:empfangen|begrüßt)\b")
#: Guests only present: 'Im Beisein der Delegationen aus A und B …'.
_IN_PRESENCE = re.compile(r"\b[Bb]eisein\s+(?:der|des|von|zahlreicher|einer)\b[^,.;:]{0,30}$")
#: Being a guest somewhere ('war mit einer Delegation zu Gast in B', 'weilte in B'): the subject, no origin named, is from home.
_AS_GUEST = re.compile(r"\b(?:zu\s+(?:Gast|Besuch)\s+(?:in|im|bei|beim)|weilten?\s+(?:[\w-]+\s+){0,3}?(?:in|im|bei|beim))\b"
                       r"|\b(?:in|im|bei|beim)\s+[^.;:]{1,60}?\bzu\s+(?:Gast|Besuch)\b")
_OWN_VISIT = re.compile(r"\b(?:sein|seine|seinen|ihr|ihre|ihren)\s+(?:erste[rn]?\s+|offizielle[rn]?\s+)?[\w-]*[Bb]esuch")
_NAME2 = rf"{LEX.honorific_re}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK})?)"
#: Leads named after the head ('An der Spitze der Gruppe stand Bürgermeister X'), before it ('mit Landrätin X an
#: der Spitze') or as the subject of leading ('Bürgermeisterin X leitete die Delegation', '… führte die Gruppe an').
_GROUP = r"(?:Delegation|Abordnung|Gruppe|Besuchergruppe|Reisegruppe)"
_LEAD_AROUND = re.compile(
    rf"[Aa]n\s+(?:der|ihrer|seiner)\s+Spitze\s+(?:(?:der|des)\s+[^.;:,]{{0,50}}?)?(?:stand|standen|steht|stehen)\s+(?:(?:der|die)\s+)?(?:{LEX.title_chain_re}\s+)?{_NAME2}"
    rf"|\bmit\s+(?:(?:dem|der)\s+)?(?:{LEX.title_chain_re}\s+)?{_NAME2.replace('?P<n>', '?P<m>')}\s+an\s+der\s+Spitze\b"
    rf"|\bVertreter(?:innen)?(?:\s+und\s+Vertreter)?(?:\s+[\w-]+){{0,4}}?\s+um\s+(?:(?:den|die)\s+)?(?:{LEX.title_chain_re}\s+)?{_NAME2.replace('?P<n>', '?P<v>')}"
    rf"|(?:[Aa]ngeführt|[Gg]eleitet)\s+(?:wurde|wird)\s+(?:die|der|das)\s+(?:[\w-]+\s+){{0,2}}?{_GROUP}(?:,[^,;:]{{1,60}},)?\s+(?:von|vom|durch)\s+(?:(?:dem|der)\s+)?"
    rf"(?:{LEX.title_chain_re}\s+)?{LEX.honorific_re}*(?P<p>{NAME_TOK}(?:\s+{NAME_TOK}){{0,2}})"
    rf"|{_NAME2.replace('?P<n>', '?P<s>')}\s+(?:leitete|leitet|führte|führt)\s+(?:die|eine|den)\s+(?:[\w-]+\s+){{0,2}}?{_GROUP}\b"
    rf"|{_NAME2.replace('?P<n>', '?P<r>')},\s+(?:der|die)\s+(?:die|eine|den)\s+(?:[\w-]+\s+){{0,4}}?(?:anführt|anführte|leitet|leitete)\b")
#: The guests as the ones accompanied: whoever accompanies them is on the host's side.
_ESCORTED = re.compile(r"\b(?:[Bb]egleitet\s+(?:wurden|werden)\s+die\s+(?:Gäste|Besucher|Delegation)|(?:[Dd]ie|[Dd]iese)\s+(?:[a-zäöü]\w*\s+)?"
                       r"(?:Gäste|Besucher|Delegation)\s+(?:wurden|wurde|werden)\s+(?:[\w-]+\s+){0,6}?(?:von|vom)\s)"
                       r"|^\s*(?:Begleitet|Betreut|Geführt)(?:\s+und\s+(?:begleitet|betreut|geführt))?\s+von\b(?=.*\b(?:die|die\s+\w+)\s+(?:Gäste|Besucher)\b)")
#: 'Begleitet wurden die Programmpunkte von A, B …': what is accompanied is a thing of the programme.
_ESCORTED_THING = re.compile(word_alts("[Bb]egleitet") + r"\s+(?:wurden|wurde|werden)\s+(?:die|der|das)\s+(?:[a-zäöü]\w*\s+)?"
                             r"(?P<obj>[A-ZÄÖÜ]\w+)\s+(?:[a-zäöü][\w-]*\s+){0,3}?(?:von|vom)\s")



def _escorted_thing(sent: str) -> bool:
    """Whether the sentence says who accompanied an item of the programme (a noun that is no title or
    person): those are the hosts, as with 'Begleitet wurden die Gäste von …'."""
    m = _ESCORTED_THING.search(sent)
    return m is not None and not LEX.is_titleish(m.group("obj")) and m.group("obj") not in LEX.delegation_words


#: 'besuchte den Kindergarten in X': a place the object is in, not the place visited.
#: A tour given: 'X führte die Gäste durch den Betrieb', '… führten Y und Z durch die Hallen' (the guided are guests).
_GUIDED = re.compile(r"\b(?:führte|führten|führt)\b(?P<obj>[^.;:]*?)\bdurch\b")
#: A visit only wished, planned or recommended: 'lädt ein, A zu besuchen', 'plant einen Besuch', 'soll … stattfinden' (a
#: modal verb with the visit it governs, not one of a relative clause: '…, die die Partnerschaft vertiefen will').
_INTENT = re.compile(r"\bzu\s+(?:besuchen|besichtigen)\b|\bgeplant\b|\b(?:plant|planen|soll|sollen|möchte|möchten|will|wollen|lädt|laden)\b"
                     r"[^.;:]*\b(?:besuchen|reisen|empfangen|begrüßen|kommen|stattfinden|Besuch|Reise|ein)\b")
#: The partner town as the visitors' side, not named: 'der Bürgermeister der Xer Partnerstadt, Y, besuchte unsere Stadt'.
_PARTNER_SUBJECT = re.compile(r"\b(?:der|unserer|ihrer|seiner)\s+(?:[A-ZÄÖÜ][\w-]*er\s+)?Partner(?:stadt|gemeinde|kreis|landkreis)\b(?!\s+[A-ZÄÖÜ][\w-]*[a-zäöüß]\b(?!\s+[A-ZÄÖÜ]))")
#: A person kept away: 'konnte krankheitsbedingt nicht teilnehmen', 'war verhindert', 'ließ sich entschuldigen'.
_ABSENT = re.compile(r"\bnicht\s+(?:teilnehmen|dabei|anwesend|kommen|mitreisen)\b|\bverhindert\b|\bentschuldigen\b|\bvertreten\s+(?:durch|von)\b")
#: A side named by its country: 'Auf polnischer Seite', 'von französischer Seite'.
_SIDE_OF = re.compile(r"\b(?:[Aa]uf|[Vv]on)\s+(?P<adj>[A-Za-zäöü]+(?:ischer|er))\s+Seite\b")
#: The adjectives of the countries German-language releases come from: their side is the story's own.
_HOME_ADJ = frozenset({"deutscher", "österreichischer", "schweizer", "schweizerischer", "bayerischer", "hiesiger", "unserer"})
_STOP_IN = re.compile(r"\bbesuchten?\s+(?:[\w-]+\s+){0,3}?(?:den|die|das|einen|eine|ein)\s+(?:[\w-]+\s+)?[A-ZÄÖÜ][\w-]*[a-zäöüß]\s+(?:in|im|bei)\s")
#: A sentence pointing back at the event just told: 'Damals begrüßte …', 'Dabei …', 'Bei diesem Besuch …'.
_ANAPHOR = re.compile(r"\s*(?:Damals|Dabei|Dort|Hierbei|Bei\s+(?:diesem|jenem|dem)\s+(?:[\w-]+\s+)?Besuch|Bei\s+dieser\s+Gelegenheit)\b")
#: What makes an envoy a guest: named a guest ('Als besonderer Gast'), signing the Golden Book.
_ENVOY_GUEST = re.compile(r"\b(?:Gast|Ehrengast|Goldene[ns]?\s+Buch)\b")
_RETURN = re.compile(r"\b(?:Gegenbesuch\w*|Rückbesuch\w*|im Gegenzug)\b")
#: Guests of several bodies: 'Delegationen aus A, B und C', 'Gäste aus den Partnerstädten A, B und C' (a plural of bodies after 'Gäste').
_DELEGATIONS = re.compile(word_alts("Delegationen") + r"\s+(?:aus|der|von)\b|"
                          + word_alts("Gäste", "Gästen", "Vertreter(?:innen)?", "Abordnungen")
                          + r"\s+(?:aus|der|von)(?=\s+den\s+(?:Partner)?(?:[Ss]tädten|[Gg]emeinden|[Kk]reisen|[Ll]andkreisen|[Kk]ommunen)\b)")
_MEETING_AT = re.compile(rf"\b[\w-]*[Tt]reffen\s+(?:in|im)\s+(?:(?:der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>{LEX.place_name})")
_MEETING_VENUE = re.compile(rf"\b[\w-]*[Tt]reffens?\s+(?:(?:der|des)\s+[\w-]+\s+)?(?:in|im)\s+(?:(?:der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>{LEX.place_name})")
_REPRESENTED = re.compile(r"\b(?:Vertreter(?:innen)?|Delegationen|Abordnungen|Bürgermeister(?:innen)?)\b")
_CLAUSE_STOP = re.compile(r"[.;:!?]|\s[–—-]\s|,\s+(?:gab|gibt|waren|war|wurde|wurden|die|der|das|wo|als|weil|dass)\b")
_TRIP = re.compile(word_alts("reiste", "reisten", "fuhr", "fuhren", "flog", "flogen") + r"\b.*?(?P<to>\s(?:nach|in die|in den|ins|zu)\s)")
_LEARN = re.compile(r"\b(?:informierte|informierten|besichtigte|besichtigten|erkundete|erkundeten|ließen\s+sich|ließ\s+sich)\b")
_WITH_GROUP = re.compile(r"\bmit\s+(?:einer|der|seiner|ihrer|einer\s+\w+)?\s*(?:[\w-]+\s+)?$")
_PLANNED = re.compile(r"\b(?:wird|werden|soll|sollen|plant|planen|geplant|will|wollen)\b")
_LEAD_AROUND_WORDS = ("Spitze", "leitet", "führt", "geführt", "eleitet", " um ")
_LEAD_PASSIVE = Gated(re.compile(rf"v{WB}o[nm]\s+(?:(?:der|dem)\s+)?(?:{LEX.title_chain_re}\s+)?{LEX.honorific_re}*(?P<n>{NAME_TOK}(?:\s+{NAME_TOK}){{0,2}})"
                           rf"\s+(?:{_trie(LEX.lead_passive)})\b"), LEX.lead_passive)


#: Travel to the partner not named: 'in die polnische Partnerstadt', 'nach der Partnergemeinde' (no name after it).
_TO_PARTNER = re.compile(r"\b(?:in\s+die|in\s+den|in\s+unsere|in\s+ihre|in\s+seine|nach|zur|zum)\s+(?:[a-zäöü][\w-]*\s+){0,2}"
                         r"Partner(?:stadt|gemeinde|kreis|landkreis|kommune)\b(?!\s+[A-ZÄÖÜ])(?!\s+(?:in|im)\s)")
_TO_LAND = re.compile(r"\b(?:in|nach)\s+(?:(?:der|die|den)\s+)?(?P<c>[A-ZÄÖÜ][\w-]+)")


def _abroad(sent: str) -> bool:
    """Whether the sentence names a country as where the guests went ('war in Dänemark zu Gast', 'reiste nach Polen')."""
    return any(m.group("c") in LEX.countries_regions for m in _TO_LAND.finditer(sent))


def _guest_sent(sent: str) -> bool:
    """Whether ``sent``, which names no delegation (not a ``_visit_sent``), names its members or lead.

    Three scans, cheapest first, not one of their alternation: MEMBER_CUE's opening look-behind (and
    re.I) made re enter that alternation at every position, while _LEAD and _LEAD_PASSIVE alone skip
    ahead to their first letters."""
    return bool(_LEAD_PASSIVE.search(sent) or _LEAD.search(sent) or MEMBER_CUE.search(sent) or _lead_around(sent))


def _thanks(sent: str) -> re.Match[str] | None:
    """``_THANKS.search(sent)``, tried only when the sentence holds its verb's fixed part ('dank')."""
    return _THANKS.search(sent) if "dank" in sent else None


def _guided(sent: str) -> re.Match[str] | None:
    """``_GUIDED.search(sent)``, tried only when the sentence holds its verb's fixed part ('führt')."""
    return _GUIDED.search(sent) if "führt" in sent else None


def _lead_around(sent: str) -> re.Match[str] | None:
    """``_LEAD_AROUND.search(sent)``, tried only when one of its fixed words is in the sentence."""
    return _LEAD_AROUND.search(sent) if any(w in sent for w in _LEAD_AROUND_WORDS) else None


class VisitRules(VisitFrames):
    """Mixin of ``StoryExtractor``: the story's visits (delegations, mayors' visits, trips, meetings)."""

    # ---- the visit ------------------------------------------------------------------------
    def _visits(self, sents: list[str]) -> None:
        """The story's visits: the first sentence naming a guest (and a host) opens one; a later visit
        sentence naming both sides itself opens another when they differ ('Im Mai war eine Gruppe aus A in
        B'), or returns to the visit of the same sides; the sentences after it speak of the visit opened last."""
        visit = None
        told: list[tuple[EventF, list[str]]] = []  # each visit opened here with the sentences that speak of it
        back: EventF | None = None  # the visit to return to after a sentence of another one
        pending: EventF | None = None
        waiting: tuple[OrgM, int] | None = None  # guests gone to a country, its town told in the next visit sentences
        before: list[tuple[str, OrgM | None]] = []  # visit sentences with no guests named while no visit is open, with their host
        for sent in sents:
            if pending is not None:  # back to the story's visit, unless the sentence points at the one just told ('Damals …')
                visit, pending = (visit if _ANAPHOR.match(sent) else pending), None
            if (visit is None or visit.rule == "press:firm") and self._firm_visits(sent, told):
                visit = told[-1][0]
                continue
            if visit is None and not self._visit_sent(sent) and _ENVOY.search(sent) and _ENVOY_GUEST.search(sent) and self.venue:
                state = self._state_guest(sent)  # 'Als Gast nahm der Botschafter der Republik A teil', '… trug sich ins Goldene Buch
                if state is not None:  # ein': an envoy as a guest is his state's visit to the story's town
                    visit = EventF("visit", None, self.venue, quote(sent), "press:visit", 0.7, state, self.body(self.venue))
                    self.facts.events.append(visit)
                    told.append((visit, []))
            if visit is None and "Goldene" in sent and self.venue and (not self._visit_sent(sent) or self._sides(sent) == (None, None)):
                visit = self._book_visit(sent)  # 'Die Xer Bürgermeisterin Y trug sich ins Goldene Buch der Stadt B ein': her town visits B
                if visit is not None:
                    told.append((visit, []))
            if not (self._visit_sent(sent) or visit is not None and (_guest_sent(sent) or _thanks(sent) or _guided(sent)
                                                               or "Goldene" in sent and _SIGNED.search(sent))):
                if visit is not None:
                    next(s for v, s in told if v is visit).append(sent)  # what follows speaks of the visit opened last
                    self._learners(visit, sent)
                    self._foreign_side(visit, sent)
                continue
            guest, host = self._sides(sent, last_use=True)
            if visit is None and ("inister" in sent or "taatssekret" in sent):
                guest, host = self._government_guest(sent, sents, guest, host)  # 'Staatssekretär X besuchte das Landratsamt'
            if visit is not None and landscape(sent, guest):
                guest = None  # 'ihre Gäste aus dem Spreewald': the guests' landscape, not a town of another visit
            if visit is None and guest is not None and host is None and guest.place and self.venue and not _same_place(guest.place, self.venue) \
                    and sent.rstrip(" .!").endswith("besucht") and _partner_named(sent, guest.place) and "besucht" not in sent[:sent.find(guest.place)]:
                guest, host = self.body(self.venue), guest  # 'Partnerstadt A besucht': the partner was visited, by the story's town
            if visit is None and guest is None:
                before.append((sent, host))  # a visit sentence naming no guests, before the visit is told: maybe its lead
            if waiting is not None and visit is None and guest is None and host is not None and host.kind == "municipality" \
                    and not _same_place(host.place, waiting[0].place):
                guest = waiting[0]  # '… in Dänemark zu Gast. In der Partnerstadt B empfing Bürgermeister X die Gäste'
            waiting = None if waiting is None or waiting[1] <= 1 else (waiting[0], waiting[1] - 1)
            returned = visit is not None and guest is None and host is not None and self._return_trip(visit, host, sent)
            if returned and visit is not None:
                guest = visit.host  # 'Nun reiste OB X nach A' after A's visit here: the hosts travel back, a visit of their own
            if visit is None and (_INVITATION.search(sent) or _HABITUAL.search(sent) or _INTENT.search(sent)):
                continue  # 'Besuche … gibt es mehrmals im Jahr', 'lädt ein, A zu besuchen', 'ein Besuch ist geplant': no visit made
            if visit is None and host is None and guest is None and "Partner" in sent and _TO_PARTNER.search(sent) and _TRAVEL.search(sent) \
                    and not _INTENT.search(sent):
                home = self._home_place() or self.venue  # 'reisten Bürgermeister X und sein Team in die polnische Partnerstadt': the story's partner
                host = self._partner_of(sents, home) if home else None
                guest = self.body(home) if host is not None and home else None
            passive = _PASSIVE_RECV.search(sent) if "wurde" in sent else None  # 'In B wurde die Delegation von X empfangen'
            if visit is None and guest is None and host is not None and (_TRAVEL.search(sent) or ("zu " in sent or "weilte" in sent) and _AS_GUEST.search(sent)
                                                                         or (passive or _WAS_IN.search(sent)) and DELEGATION.search(sent)) \
                    and not _STOP_IN.search(sent) and (passive or not _RECEIVE_VERB.search(sent)) and not _FOREIGN_GUESTS.search(sent):
                home = self._home_place()  # 'Zum Gegenbesuch reiste OB X mit einer Delegation nach Y': from home
                if home and not _same_place(home, host.place) and self.body(home).key != host.key:
                    guest = self.body(home)  # not when home is the host ('Kreis Segeberg' … 'reiste in Bad Segeberg an')
                elif _TRAVEL_OUT.search(sent):  # 'reisten Bürgermeister X und Y nach B' in a story of A's twinning with B
                    partner = self._twin_partner(sents) or next((o for o in self.bodies if not _same_place(o.place, host.place)
                                                                 and o.place and known_place(o.place, 1500)), None)
                    guest = partner if partner is not None and not _same_place(partner.place, host.place) else None  # else: the
                    # story's other body ('Mit der Stadt B hat die Stadt A eine enge Verbindung … reisten X und Y nach B')
            if visit is None and guest is None and (DELEGATION.search(sent) or _PARTNER_SUBJECT.search(sent)) and VISIT_VERB.search(sent) \
                    and not _MANY.search(sent):
                guest = self._twin_partner(sents)  # 'eine chinesische Delegation besuchte ihre Partnerstadt', 'der Bürgermeister
                # der Xer Partnerstadt besuchte unsere Stadt': the story's partner
                dl_home = self._home_place()
                if guest is not None and host is not None and _same_place(guest.place, host.place) and dl_home and not _same_place(dl_home, host.place) \
                        and not _RECEIVE_VERB.search(sent):
                    guest = self.body(dl_home)  # the partner is the host ('OB X war mit einer Delegation zu Gast in B'): the dateline's town travels
            if visit is None and guest is None:
                guest, by = self.person_sides(sent)  # 'OB X empfing den Bürgermeister von A, Y'
                host = by if host is None or (guest is not None and _same_place(host.place, guest.place)) else host
                if guest is None and host is not None:
                    guest = self.marked_guest(sent, host)  # 'Bei seinem Besuch in B trug sich der Bürgermeister von A … ein'
                if guest is not None and host is None and DELEGATION.search(sent):
                    host = self._host(sent, guest)  # 'Landrat X hat mit einer Delegation … im Landkreis B teilgenommen'
                if guest is not None and host is None and self.venue and not _same_place(self.venue, guest.place) and not _RECEIVE_VERB.search(sent):
                    continue  # a person's trip with no host named: not the story's city by default
            if visit is None and guest:
                venue = next((h.place for _s, h in reversed(before) if h is not None and h.kind == "municipality"), None) \
                    if host is None and self.venue else None  # the host an earlier visit sentence named ('besuchte B. Dort …')
                if venue and guest.place and _same_place(guest.place, venue) and not _same_place(venue, self.venue):
                    guest, host = self.body(self.venue or ""), guest  # 'Dort wurde sie von OB X empfangen': the venue receives
                met = next((m.group("p") for x in sents if "reffen" in x for m in [_MEETING_VENUE.search(x)] if m is not None), None) \
                    if host is None else None  # 'beim Treffen der Partnerstädte im französischen B': the story's venue hosts
                if met and met in self.places and not _same_place(met, guest.place):
                    host = self.body(met)
                host = host or (self.body(self.venue) if self.venue and self.venue != guest.place else None)
                if host is None or host.key == guest.key or _same_place(host.place, guest.place):
                    if host is None and guest.kind == "municipality" and _abroad(sent):
                        waiting = (guest, 2)  # 'Eine Delegation aus A war in Dänemark zu Gast': the town is named next
                    continue  # no host, or the guests' own body under another name ('Segeberg', 'Bad Segeberg')
                visit = EventF("visit", None, host.place, quote(sent), "press:visit", 0.8, guest, host)
                self.facts.events.append(visit)
                told.append((visit, []))
                for early, at_host in before:  # 'Unter der Führung von X besuchte eine Delegation … die Partnerstadt B.' before
                    if early != sent and at_host is not None and _same_place(at_host.place, host.place):  # '… die Gäste aus A'
                        told[-1][1].append(early)
                        self._visit_sentence(visit, early)
                        visit.date = visit.end_date = None  # the visit's own sentence dates it (the story's later, if none)
                officials = self.received_bodies(sent)  # 'begrüßte den Stadtpräsidenten von A und den Bürgermeister von B'
                for other in [*self.more_guests(sent, guest), *(o for o in officials if o.key != guest.key)]:  # one visit each
                    if other.place != host.place:
                        self.facts.events.append(EventF("visit", None, host.place, quote(sent), "press:visit", 0.75, other, host))
                        told.append((self.facts.events[-1], [sent]))
            elif visit is not None and guest and host and (returned or self._other_visit(visit, guest, host, sent)):
                swapped = returned or (visit.guest is not None and visit.host is not None and _same_place(host.place, visit.guest.place)
                                       and _same_place(guest.place, visit.host.place))
                back = None if swapped else visit  # other guests told in passing: what follows speaks of the visit before
                same = next((v for v, _s in told if v.guest and v.host and (v.guest.key, v.host.key) == (guest.key, host.key)), None)
                if same is None:
                    same = EventF("visit", None, host.place, quote(sent), "press:visit", 0.75, guest, host)
                    self.facts.events.append(same)
                    told.append((same, []))
                visit = same
            if visit is not None and visit.host is not None and _DELEGATIONS.search(sent) and not _HABITUAL.search(sent):
                for other in self._listed_guests(sent, visit.host, [v.guest for v in self.facts.events]):  # 'Gemeinsam mit Delegationen aus
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
            pending, back = back, None
        if not told:
            told = self._meeting_visits(sents)
        if not told:
            told = self._unnamed_partner_visits(sents)  # 'Delegationen aus den fünf Partnerstädten' and their heads named
        for visit, own in told:
            self._finish_visit(visit, sents, own if len(told) > 1 else None)
        self._merge_same_visits([v for v, _own in told])

    def _partner_of(self, sents: list[str], home: str) -> OrgM | None:
        """The partner the story names besides ``home`` ('zwischen A und B', 'Partnerstadt A'), a longer name of home
        ('Bernau bei Berlin' of 'Bernau') apart."""
        def other(place: str | None) -> bool:
            return bool(place) and not _same_place(place, home) and not (place or "").startswith(home + " ") and not home.startswith((place or "") + " ")
        for x in sents:
            pair = _BETWEEN_PLACES.search(x) if "zwischen" in x else None
            if pair is not None and not (other(pair.group("a")) and other(pair.group("b"))):
                name = pair.group("b") if other(pair.group("b")) else pair.group("a")
                if other(name) and is_place_word(name):
                    self.places.add(place_form(name, self.places))
                    return self.body(place_form(name, self.places))
        return next((o for x in sents if "artner" in x for _at, o in self._munis(x) if other(o.place)), None)

    def _firm_visits(self, sent: str, told: list[tuple[EventF, list[str]]]) -> bool:
        """Visits of named firms ('Bürgermeisterin X besuchte die Firma A und die Bäckerei B'): the visitors' body
        (the role's of a person named before the verb, else the story's city) visits each firm; the persons
        before the verb came, the head of that body leads. Not with a delegation (a stop of its programme)."""
        at, firms = firm_hosts(sent) if "elegation" not in sent and not DELEGATION.search(sent) else (-1, [])
        if not firms:
            return False
        before = [name for pos, name in self._named(sent) if pos < at]
        body = next((b for b in map(self._role_body, before) if b is not None), None)
        guest = body or (self.body(self.venue) if self.venue else None)
        if guest is None:
            return False
        opened = False
        for firm in firms:
            if any(v.host is not None and v.host.name == firm.name for v, _s in told):
                continue
            ev = EventF("visit", None, guest.place, quote(sent), "press:firm", 0.7, guest, firm)
            ev.members.update(before)
            ev.companions.update(before)
            if not before:  # 'besuchte sie …': the head of the visiting body leads (an office of no stated body is the city's)
                ev.lead.update(self._head_of({r.person for r in self.facts.roles if (r.org.key == guest.key if r.org is not None else body is None)})[:1])
            self.facts.events.append(ev)
            told.append((ev, [sent]))
            opened = True
        return opened

    def _meeting_visits(self, sents: list[str]) -> list[tuple[EventF, list[str]]]:
        """A meeting of bodies at one of them ('Das Städtepartnertreffen im bayerischen X …: Vertreter der Städte
        A, B, X und C'): each other listed body visits X; the sentences naming a body's place are its own."""
        host = None
        for sent in sents:
            at = _MEETING_AT.search(sent) if "reffen" in sent else None
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
            found += [municipality(place_form(_COUNTRY_CODE.sub("", p), self.places), head) for p in _ITEM_SPLIT.split(listed.group("list"))
                      if is_place_word(_COUNTRY_CODE.sub("", p))]
            more = _MORE_BODIES.match(clause, listed.end())  # '… sowie der Xer Partnerstadt C': one more body
            if more is not None and is_place_word(more.group("p")):
                found.append(self.body(place_form(more.group("p"), self.places)))
        if not found:
            found = [o.at(0, 0) for _at, o in self._munis(clause)]
        out: list[OrgM] = []
        for o in found:
            if _same_place(o.place, host.place) or any(k is not None and _same_place(o.place, k.place) for k in [*known, *out]):
                continue
            if o.place and not _organ(o.place) and is_place_word(o.place):
                out.append(o)
        return out

    def _return_trip(self, visit: EventF, host: OrgM, sent: str) -> bool:
        """Whether a travel sentence with no guests named goes to the open visit's guests' home ('Zum Gegenbesuch
        reiste OB X nach A'): its subject is of the hosts' side, and the visit made is theirs, not a stop of the guests."""
        if visit.guest is None or visit.host is None or "government" in (visit.guest.kind, visit.host.kind):
            return False
        if not _same_place(host.place, visit.guest.place) or _same_place(host.place, visit.host.place):
            return False
        return _TRAVEL.search(sent) is not None and not _PLANNED.search(sent) and not _HABITUAL.search(sent)

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
        around = _lead_around(sent) if lead is None else None
        named = lead.group("n") if lead else around and (around.group("n") or around.group("m") or around.group("p") or around.group("v") or around.group("s") or around.group("r"))
        if named:
            name = self._known(named)
            if name:
                visit.lead.add(name)
        low = sent.lower()
        receiving = any(w in low for w in _RECEIVE)
        trip = None if receiving else _TRIP.search(sent)
        if trip:  # 'Am 21. Oktober reisten Bürgermeister X und Y gemeinsam nach B': the travellers are guests
            for _pos, name in self._named(sent):
                if _has_word(sent[:trip.end("to")], name) and name not in visit.hosts:
                    visit.members.add(name)
                    visit.companions.add(name)
        deleg = DELEGATION.search(sent)
        if deleg is not None and "eisein" in sent and _IN_PRESENCE.search(sent, max(0, deleg.start() - 40), deleg.start()):
            for _pos, name in self._named(sent):  # 'Im Beisein der Delegationen aus A und B enthüllten OB X und Y …': the guests
                if name not in visit.lead and name not in visit.members:  # are only present, who acts before them hosts
                    visit.hosts.add(name)
            return
        names_guest = bool(visit.guest and visit.guest.place and visit.guest.place in sent)
        own_visit = _OWN_VISIT.search(sent) is not None  # 'Für X war es sein Antrittsbesuch'
        passive = receiving and _PASSIVE.search(sent) is not None  # 'empfangen wurden die Gäste von X': X hosts
        thanks = _thanks(sent)
        if thanks:  # 'dankte X Y für die Einladung', 'bedankte sich X bei Y für den Empfang': X guest, Y host
            named = list(self._named(sent))
            for i, (at, name) in enumerate(named):
                if i == 0 and name not in visit.hosts:
                    visit.members.add(name)
                elif i > 0 and at < thanks.end():
                    visit.hosts.add(name)
            return
        for name in self._book_signers(sent):  # 'trug sich Bürgermeister X ins Goldene Buch ein': a guest
            if name not in visit.hosts and name not in visit.greeters:
                visit.members.add(name)
        guided = _guided(sent)
        if guided:  # 'Geschäftsführerin X führte den Bürgermeister und Y durch den Betrieb': X hosts, the guided are guests
            for at, name in self._named(sent):
                if at < guided.start() and name not in visit.lead | visit.members:
                    visit.hosts.add(name)
                elif guided.start("obj") <= at < guided.end("obj") and name not in visit.hosts:
                    visit.members.add(name)
            return
        hosts, guests = self._received(sent) if receiving and not passive else ([], [])
        if not receiving:
            guests, hosts = self._met(sent)
            if not guests and not hosts:
                guests, hosts = self._visited(sent)  # 'Bürgermeister X aus A besuchte OB Y': X travels with the guests, Y hosts
                visit.companions.update(n for n in guests if n not in visit.hosts)
            if (_ESCORTED.search(sent) or _escorted_thing(sent)) and not _LEAD_PASSIVE.search(sent):  # 'Begleitet wurden die Gäste von Stadtführerin X': X is the hosts'
                hosts = [n for n in self.facts.persons if _has_word(sent, n)]
            visit.greeters.update(hosts)
        invited = _INVITED_BY.search(sent) if "inladung" in sent else None
        inviter = next((n for at, n in self._named(sent) if invited is not None and invited.end() <= at < invited.end() + 80), None)
        for _pos, name in self._named(sent):
            if name in visit.lead:
                continue
            if name == inviter and name not in visit.members:
                visit.hosts.add(name)  # 'folgte einer Einladung von Bürgermeister X', 'auf Einladung des Landrats X': X hosts
                continue
            if name in hosts or name in guests:
                (visit.hosts if name in hosts else visit.members).add(name)  # who received whom
                continue
            at = sent.find(name)
            agent = passive and (_AGENT.search(sent[max(0, at - 60):at]) is not None or self._in_agent(sent, at))
            if receiving and (agent or (not passive and not (deleg and at > deleg.start()))):
                visit.hosts.add(name)  # the subject of 'empfing', not the delegation's members after it
                if agent:
                    visit.greeters.add(name)  # '… wurden von X empfangen'
            elif passive and (aux := _PASSIVE.search(sent)) is not None and at < aux.start():
                visit.members.add(name)  # 'Bürgermeister X wurde von OB Y empfangen': X was received
            elif _SAID.search(sent, max(0, at - 50), at):
                continue  # '…, sagte Oberbürgermeister X': a speaker, of no side by this sentence
            elif (deleg and at > deleg.start()) or names_guest or own_visit or MEMBER_CUE.search(sent) or _LEAD.search(sent) \
                    or (name not in hosts and self._near_guests(sent, at)):  # 'Landrat X ist mit einer Delegation … gereist'
                visit.members.add(name)  # named with the delegation, its origin or a member cue
                if own_visit or MEMBER_CUE.search(sent) or self._near_guests(sent, at) or (sent.strip() == visit.quote and not _SAID.search(sent, max(0, at - 50), at)):
                    visit.companions.add(name)  # '… sein Antrittsbesuch', 'Zur Delegation gehörten …', 'OB X mit einer Delegation'
            elif receiving or passive:
                visit.hosts.add(name)

    def _near_guests(self, sent: str, at: int) -> bool:
        """Whether a person named at ``at`` stands within a few words of the guests' phrase ('die Delegation aus
        A mit X', 'Besuch aus A: X und Y', 'OB X mit einer Delegation'), no speech attribution between."""
        for m in _GUESTS_NAMED.finditer(sent):
            if at < m.start() and not _WITH_GROUP.search(sent, max(0, m.start() - 16), m.start()):
                continue  # 'OB X dankte den Gästen': X thanks them; 'OB X mit einer Delegation': X is one of them
            lo, hi = (m.end(), at) if at >= m.end() else (at, m.start())
            if hi - lo < 70 and not _SAID.search(sent, lo, hi):
                return True
        return False

    def _learners(self, visit: EventF, sent: str) -> None:
        """Who learns or tours is a guest ('X, Y und Z informierten sich über …', 'besichtigten', 'ließen sich …
        zeigen'): the persons before the verb, or the first after it when it comes second."""
        m = _LEARN.search(sent) if any(w in sent for w in ("informierte", "besichtigte", "erkundete", "ließ")) else None
        if m is None:
            return
        named = [(at, n) for at, n in self._named(sent) if n not in visit.hosts]
        before = [n for at, n in named if at < m.start()]
        for name in before or [n for _at, n in named[:1]]:
            visit.members.add(name)
            visit.companions.add(name)

    def _foreign_side(self, visit: EventF, sent: str) -> None:
        """'Auf polnischer Seite nahmen X und Y teil': in a German-language story a foreign side is not the story's
        own, so X and Y take the side opposite to the story's own (``_participants`` knows which)."""
        m = _SIDE_OF.search(sent) if "Seite" in sent else None
        if m is not None and m.group("adj").lower() not in _HOME_ADJ:
            self.__dict__.setdefault("foreign_side", {}).setdefault(id(visit), set()).update(n for _at, n in self._named(sent))

    def _finish_visit(self, visit: EventF, sents: list[str], own: list[str] | None) -> None:
        """A visit's date from the story when its sentences gave none, its range, lead and participants (of
        its own sentences ``own`` when the story tells of several visits, else of the whole story)."""
        if visit.host is None:
            return
        visit.guest = self._whole_place(visit.quote, visit.guest)
        host = self._whole_place(visit.quote, visit.host) or visit.host
        if visit.guest is not None and visit.guest.kind == "government" and not _ENVOY.search(" ".join(own or sents)):
            partner = self._twin_partner(sents)  # 'Besucher aus Polen' in a story of the Polish partner town: the town's visit
            if partner is not None and partner.kind == "municipality" and partner.place and not _same_place(partner.place, host.place) \
                    and any(_partner_named(x, partner.place) for x in sents if partner.place in x):  # named as the partner
                visit.guest = partner
        for side in ("guest", "host"):  # 'Stadt A' of a place the gazetteer lacks that the story names only as a county: the county
            org = host if side == "host" else visit.guest
            if org is not None and org.kind == "municipality" and org.place and not _is_county(org) and not known_place(org.place, 0):
                if named_county(sents, org.place):
                    org = municipality(org.place, "Landkreis")
                    host, visit.guest = (org, visit.guest) if side == "host" else (host, org)
        visit.host, visit.place = host, host.place
        if not visit.date:
            for sent in own or sents:
                if visit.host.place and visit.host.place in sent and (self._visit_sent(sent) or "Besuch" in sent):
                    span = self._dates(sent)
                    if span:
                        visit.date, visit.end_date = span[0], span[1]
                        break
        if not visit.date:
            self._date_before(visit, sents)
        self._date_range(visit, own or sents)
        self.county_host(visit)
        visit.members -= visit.hosts
        if not visit.lead:
            visit.lead.update(self._town_first(self._head_of(visit.members, visit.host, visit.companions), visit.guest)[:1])
        if not visit.lead and visit.guest is not None and visit.guest.kind == "municipality":  # the guests' head named in the
            absent = {n for n in self.facts.persons if any(_has_word(x, n) and _ABSENT.search(x) for x in sents)}  # story, not absent
            home = visit.guest.place is not None and _same_place(visit.guest.place, self.venue)  # an office of no stated body is the
            town = not _is_county(visit.guest)  # a town's head before a county's ('OB X' ahead of 'Landrat Y' for the town's visit)
            heads = {r.person for r in self.facts.roles if (r.org.key == visit.guest.key if r.org is not None else home)
                     and not (town and r.org is None and role_key(r.title) in LEX.county_roles)} - absent - visit.hosts  # city's
            visit.lead.update(self._head_of(heads, visit.host)[:1])
        if not visit.lead and visit.guest is not None and visit.guest.kind == "government":
            visit.lead.update(self._envoy(sents)[:1])  # 'Japans Botschafter X': the envoy leads the state's side
        if not visit.lead and visit.guest is not None and visit.guest.kind == "government":
            visit.lead.update(self._minister(own or sents)[:1])  # 'Staatssekretär X' leads his ministry's visit
        self._participants(visit, sents, [] if visit.rule == "press:meeting" else own)  # at a meeting: who holds a role of its bodies

    def _town_first(self, heads: list[str], guest: OrgM | None) -> list[str]:
        """Heads in order, a county's ('Landrat') after a town's when the guests are a town, not a county."""
        if guest is None or _is_county(guest):
            return heads
        county = {r.person for r in self.facts.roles if role_key(r.title) in LEX.county_roles}
        return sorted(heads, key=lambda n: n in county)
