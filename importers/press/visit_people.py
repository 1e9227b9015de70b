"""The persons of a visit: who hosts, who leads, who came with the guests, and each participant's side
(a mixin of ``StoryExtractor``)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .lexicon import LEX, UP, word_alts
from .scanning import FromStarts
from .orgs import OrgM, municipality, role_key
from .places import adjective_base, is_place_word, known_place, place_form
from .facts import EventF
from .twinning import _TWIN_AT, _TWIN_OBJECT, TwinningRules
from . import visit_side_model as side_model

DELEGATION = LEX.cue_pattern("delegation_words")
#: Verbs whose subject is the host ('OB X empfing die Gäste', 'hat die Delegation willkommen geheißen').
_RECEIVE = ("empfing", "empfingen", "empfangen", "empfängt", "begrüßte", "begrüßten", "begrüßt", "begrüßen", "willkommen")
_ENVOY = re.compile(word_alts("Botschafter(?:in)?", "Generalkonsul(?:in)?", "Konsul(?:in)?", "Gesandte[rn]?", "Ambassador") + r"\b")
#: Words of the travelling side ('reiste nach', 'in die Partnerstadt gefahren') and of the receiving one.
_TRAVEL_OUT = re.compile(word_alts("reiste", "reisten", "gereist", "fuhr", "fuhren", "gefahren", "flog", "flogen", r"Reise\s+(?:nach|in|ins)",
                                   "Rückreise", "Heimreise") + r"\b")
_RECEIVE_VERB = re.compile(rf"\b(?:{'|'.join(_RECEIVE)})\b")
#: Fixed parts of every _TRAVEL_OUT and _RECEIVE_RE cue: sentences without one are not scanned.
_TRAVEL_PARTS = ("reis", "Reise", "fuhr", "gefahren", "flog")
_RECEIVE_PARTS = ("empf", "begrüß", "willkommen", " aus")
_RECEIVE_RE = re.compile(rf"\b(?:{'|'.join(_RECEIVE)}|Gäste aus|Gast aus|Besuch aus|Besucher aus)\b")
_INVITE = re.compile(word_alts("[Aa]uf") + r" (?:Einladung|Initiative)\s+(?:von|vom|der|des)\b")
_PASSIVE = re.compile(r"\b(?:wurden?|werden|worden)\b")
#: The end of a receiving verb's clause: persons after it are no object of the verb.
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:die|der|das|wo|als|weil|dass|bevor|nachdem|ehe|und)\b|\s[–—-]\s")
#: A noun phrase that is no title right after the verb: the subject before the first person ('begrüßte die
#: Stadt …'), so that person is received, not receiving.
_OBJECT_FIRST = re.compile(r"\b(?:die|der|das|den)\s+(?:Stadt|Gemeinde|Verwaltung|Delegation|Gäste|Besucher|Gruppe)\b")
_AUX = re.compile(r"\b(?:hat|haben|hatte|hatten|hieß|hießen)\b")
#: The received fronted with 'Mit' before a modal ('Mit X und Y konnte Bürgermeisterin Z … begrüßen'): up to the modal.
_WITH_FRONT = re.compile(r"\s*Mit\s+[^.;:]{3,120}?\s(?=(?:konnte|konnten|durfte|durften|kann|können|darf|dürfen)\b)")
#: A person told of the past or of a former office: 'der damalige Bürgermeister', 'des verstorbenen', 'die ehemalige Landrätin'.
_OF_THE_PAST = re.compile(r"\b(?:damalige[nrs]?|verstorbene[nrs]?|einstige[nrs]?|seinerzeitige[nrs]?|ehemalige[nrs]?|frühere[nrs]?)\s+(?:[\w.-]+\s+){0,4}$")
#: A person kept away, said after the name: 'konnte nicht teilnehmen', 'war verhindert', 'ließ sich entschuldigen'.
_AWAY = re.compile(r"\bnicht\s+(?:teilnehmen|dabei\s+sein|anwesend|kommen|mitreisen)\b|\bverhindert\b|\bentschuldigen\b|\bvertreten\s+(?:durch|von)\b")
#: Taking part: 'nahmen X und Y an den Gesprächen teil', 'hat teilgenommen', 'mit dabei', 'anwesend'.
_TOOK_PART = re.compile(r"\b(?:nahm|nahmen)\b[^.;:]*\bteil\b|\bteilgenommen\b|\bmit\s+dabei\b|\banwesend\b|\bdabei\s+waren\b")
#: A co-host after the verb ('begrüßte gemeinsam mit Landrat Y die Gäste').
_WITH_HOST = re.compile(r"\b(?:gemeinsam|zusammen)\s+mit\b")


#: The guests' origin in the object of a receiving verb: 'ihren Amtskollegen aus dem Partnerkreis X', 'seinen Xer Gast'.
_HEADS = "|".join(sorted(LEX.municipal_heads, key=len, reverse=True))
_OBJECT_ORIGIN = re.compile(rf"\baus\s+(?:(?:der|dem|den)\s+)?(?:[a-zäöü][\w-]*\s+){{0,2}}(?:(?P<h>{_HEADS})\s+)?(?P<p>{LEX.place_name})")
_DEMONYM_GUEST = re.compile(rf"(?P<adj>[{UP}][\w-]*[a-zäöü]er)\s+(?:Gast|Gäste|Gästen|Amtskollegen|Amtskollegin|Kollegen|Kollegin|Besuch|Besucher)\b")
_CREDIT_LINE = re.compile(r"\s*\(?\s*(?:©|\(c\)|Copyright\b|Fotos?\s*:|Bild(?:er)?\s*:)", re.I)
#: Meeting verbs ('traf sich mit', 'trafen') and a phrase naming the guests as their subject.
_MEET = re.compile(word_alts("trafen", "traf", "treffen") + r"(?:\s+sich)?(?:\s+mit)?\b")
#: (Searched from the first letters of its words: its opening group made re enter it at every position.)
_GUESTS_NAMED = FromStarts(re.compile(rf"(?:{DELEGATION.pattern})(?:\s+(?:aus|der|des)\s+(?:der\s+|dem\s+)?[{UP}][\w-]+)?|\bBesuch aus\s+[{UP}][\w-]+"), {w[0] for w in LEX.data["delegation_words"]} | {"B"})
_SAID = re.compile(r",\s+(?:sagte|sagt|betonte|erklärte|so|meinte|freute sich)\b")
#: Verbs and cues whose subject is the visitor.
_GUEST_VERB = re.compile(r"\b(?:zu Gast|zu Besuch|besuchte|besuchten|stattete|statteten|abgestattet|weilte|weilten|reiste|reisten|mit\s+einer\s+(?:[\w-]+\s+)?(?:Delegation|Abordnung))\b")
#: What only a guest does: signing the Golden Book ('trug sich ins Goldene Buch ein'), one's own visit ('bei seinem
#: Besuch in X', 'anlässlich ihres ersten Besuchs').
_GUEST_MARK = re.compile(r"\bGoldene[ns]?\s+Buch\b|\b(?:sein|ihr)(?:e|em|en|es)?\s+(?:[a-zäöü][\w-]*\s+)?[\w-]*[Bb]esuch")
#: An active visiting verb, its subject the guest ('besuchte', 'hat … besucht'), not a noun ('Besucher').
_VISIT_VERB_ACTIVE = re.compile(r"\b(?:besuchte|besuchten|besucht)\b")
#: Persons joined into one subject: 'X und Y', 'X, Y'.
_JOINED = re.compile(r"\s*(?:,|und|sowie)\s+(?:(?:der|die|dem|den)\s+)?(?:[\w.-]+\s+){0,3}?")
_WITH = re.compile(r"\b(?:mit|samt|nebst)\b")
#: Bodies that send or receive a visit: a municipality or county, or a state.
_SIDE_BODIES = ("municipality", "government")


#: An official received, named by title and body only: 'den Stadtpräsidenten von A', 'die Bürgermeisterin der
#: Partnerstadt B', 'den Cer Bürgermeister' (a demonym), each after the receiving verb.
_OFFICIAL = re.compile(rf"\b(?:den|die|seinen|seine|ihren|ihre)\s+(?:(?P<adj>[{UP}][\w-]*[a-zäöü]er)\s+)?(?P<t>[{UP}][\w-]+)"
                       rf"(?:\s+(?:von|aus)\s+(?:der\s+|dem\s+)?(?:(?:Partnerstadt|Partnergemeinde|Stadt|Gemeinde)\s+)?(?P<p>{LEX.place_name})"
                       rf"|\s+der\s+(?:[a-zäöü][\w-]*\s+)?(?:Partnerstadt|Partnergemeinde|Stadt|Gemeinde)\s+(?P<q>{LEX.place_name}))?")


def demonym_place(adj: str) -> str | None:
    """``adjective_base``, also of a demonym that drops the last syllable's 'e' ('Grenchner' of 'Grenchen', 'Münchner'
    of 'München') when the gazetteer knows that place and not the bare stem."""
    base = adjective_base(adj)
    if base and base.endswith("n") and not known_place(base, 0) and known_place(base[:-1] + "en", 2000):
        return base[:-1] + "en"
    return base


def _titleish(word: str) -> bool:
    """Whether a word is a title, also declined ('Stadtpräsidenten', 'Bürgermeisters')."""
    return LEX.is_titleish(word) or any(word.endswith(e) and LEX.is_titleish(word[: -len(e)]) for e in ("en", "n", "s"))


def _is_county(org: OrgM) -> bool:
    return org.name.split()[0] in LEX.county_heads or org.name.endswith(("kreis", "-Kreis"))


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


class VisitPeople(TwinningRules):
    """Mixin of ``StoryExtractor``: the persons of a visit and their sides."""

    def _visit_sent(self, sent: str) -> bool:
        """Whether ``sent`` tells of a visit (``VisitSides`` answers it)."""
        raise NotImplementedError

    def _envoy(self, sents: list[str]) -> list[str]:
        """The person first named within a few words after an envoy's title ('der Generalkonsul …, Herrn X')."""
        for sent in sents:
            for m in _ENVOY.finditer(sent):
                tail = sent[m.end():m.end() + 90]
                named = sorted((tail.find(n), n) for n in self.facts.persons if _has_word(tail, n))
                if named:
                    return [named[0][1]]
        return []

    def _head_of(self, members: set[str], host: OrgM | None = None, companions: set[str] | None = None) -> list[str]:
        """The members holding the head office of a body ('Bürgermeister', 'Landrat'), first named first: not
        the host's, and, with no body stated, only one of ``companions``, named in a frame of the guests
        ('die Delegation aus A mit Bürgermeister X'; not '…, sagte Bürgermeister Y')."""
        titled = [r for r in self.facts.roles if r.person in members and role_key(r.title) in LEX.head_roles
                  and not (r.title or "").casefold().startswith(("stellv", "vize", "1.", "2.", "erste", "zweite"))]
        hosts = {r.person for r in self.facts.roles if host is not None and r.org is not None and r.org.key == host.key}
        titled = [r for r in titled if r.person not in hosts and (r.org is not None or companions is None or r.person in companions)]
        order = {name: i for i, name in enumerate(self.facts.persons)}
        return sorted({r.person for r in titled}, key=lambda n: order.get(n, 0))

    def _known(self, text: str) -> str | None:
        text = text.strip()
        if text in self.facts.persons:
            return text
        words = text.split()
        for i in range(1, len(words)):  # 'Starost Jan Nowak': a title the grammar does not know before the name
            if " ".join(words[i:]) in self.facts.persons and i < len(words) - 1:
                return " ".join(words[i:])
        hits = [n for n in self.facts.persons if n.split()[-1] == words[-1]]
        for i in range(len(words)):  # 'Aurélien de' of 'Aurélien de la Fontaine', 'Gouverneur Jaan' of 'Jaan Tamm' (a title
            if hits:  # no list knows before it): the start of a name the name pattern stopped in
                break
            start = " ".join(words[i:]) + " "
            hits = [n for n in self.facts.persons if n.startswith(start)]
        return hits[0] if len(hits) == 1 else None

    def _receivers(self, sent: str) -> list[str]:
        """The persons who host in ``sent``: the subject before an active receiving verb ('Landrat X hat die
        Gäste … willkommen geheißen') and whoever invited ('auf Einladung von Bürgermeister X')."""
        out: list[str] = []
        for m in _INVITE.finditer(sent):  # the first person named within the cue's phrase
            tail = sent[m.end():m.end() + 80]
            named = sorted((tail.find(n), n) for n in self.facts.persons if _has_word(tail, n))
            out += [named[0][1]] if named else []
        return out + self._received(sent)[0]

    def _named(self, sent: str) -> list[tuple[int, str]]:
        """(first position, name) of the story's persons named in ``sent``, in order (kept per sentence: the
        persons are all known when the visit rules run)."""
        kept = self.__dict__.setdefault("_named_kept", {})
        hit = kept.get(sent)
        if hit is None or hit[0] != len(self.facts.persons):
            hit = kept[sent] = (len(self.facts.persons), sorted((sent.find(n), n) for n in self.facts.persons if _has_word(sent, n)))
        return hit[1]

    def _received(self, sent: str) -> tuple[list[str], list[str]]:
        """(hosts, guests) of an active receiving verb: its subject hosts and the persons it received are
        guests. The subject is who is named before the verb ('OB X empfing Y'), else, the verb second, the
        first person after it ('Am Montag begrüßte OB X seinen Amtskollegen Y'; 'Die Gäste aus A begrüßte
        OB X'). Whoever received 'gemeinsam mit'/'zusammen mit' the subject hosts too."""
        recv = _RECEIVE_VERB.search(sent)
        if recv is None or _PASSIVE.search(sent):
            return [], []
        named = list(self._named(sent))
        full = {n for _at, n in named}
        surnames = Counter(n.split()[-1] for n in self.facts.persons)
        for n in self.facts.persons:  # 'Damals begrüßte Brandes Bürgermeister X': a surname alone names the subject
            last = n.split()[-1]
            if n not in full and surnames[last] == 1 and _has_word(sent, last) and not any(last in m for m in full):
                named.append((sent.find(last), n))
        named.sort()
        end = _CLAUSE_END.search(sent, recv.end())
        named = [(at, n) for at, n in named if end is None or at < end.start()]
        aux = _AUX.search(sent, 0, recv.start())  # 'OB X hat am Montag Bürgermeister Y empfangen': the verb is 'hat'
        verb = aux.start() if aux else recv.start()
        fronted = _WITH_FRONT.match(sent) if sent.lstrip().startswith("Mit ") else None
        if fronted is not None and fronted.end() <= verb:  # 'Mit X und Y konnte OB Z ihre Amtskollegen begrüßen': X and Y received
            objects = [n for at, n in named if at < fronted.end()]
            return [n for at, n in named if fronted.end() <= at and n not in objects], objects
        hosts = [n for at, n in named if at < verb]
        after = [(at, n) for at, n in named if at > verb]
        if not hosts and after and not _OBJECT_FIRST.search(sent, verb, after[0][0]) and not DELEGATION.search(sent, verb, after[0][0]):
            hosts, after = [after[0][1]], after[1:]  # not a member after the received delegation ('empfing das Amt eine Delegation, bestehend aus X')
        guests: list[str] = []
        prev = verb
        for at, n in after:  # 'gemeinsam mit' right before this person, after the one before
            (hosts if _WITH_HOST.search(sent, prev, at) else guests).append(n)
            prev = at + len(n)
        return hosts, guests

    def _met(self, sent: str) -> tuple[list[str], list[str]]:
        """(guests, hosts) of the guests meeting someone: 'Die Gäste aus A trafen sich mit OB X', 'Am
        Nachmittag traf die Delegation auch Landrätin Y': who is named after the verb and the guests' phrase
        hosts, who before the verb came with the guests."""
        meet = _MEET.search(sent)
        guests_at = _GUESTS_NAMED.search(sent)
        if meet is None or guests_at is None:
            return [], []
        named = list(self._named(sent))
        if guests_at.start() > meet.end() and _WITH.search(sent, meet.end(), guests_at.start()) and not _WITH.search(sent, 0, meet.start()):
            # 'OB X traf sich am Montag mit einer Delegation aus A': X, the subject, meets the guests; who is named with them came along
            return [n for at, n in named if at > guests_at.start()], [n for at, n in named if at < meet.start()]
        start = guests_at.end() if guests_at.start() > meet.start() else meet.end()
        return [n for at, n in named if at < meet.start()], [n for at, n in named if at > start]

    def _visited(self, sent: str) -> tuple[list[str], list[str]]:
        """(guests, hosts) of an active 'besuchen' with persons on both sides: its subject (who is named before the
        verb, else the first after it, with whoever 'und' joins) visits, the persons it visited host ('Bürgermeister
        X aus A besuchte am Montag OB Y'); none named 'mit' ('besuchte mit Stadtrat Z …'), which came along."""
        verb = _VISIT_VERB_ACTIVE.search(sent) if "besucht" in sent else None
        if verb is None or _PASSIVE.search(sent):
            return [], []
        end = _CLAUSE_END.search(sent, verb.end())
        named = [(at, n) for at, n in self._named(sent) if end is None or at < end.start()]
        subject = [(at, n) for at, n in named if at < verb.start()]
        after = [(at, n) for at, n in named if at > verb.start()]
        if not subject and after:
            subject, after = after[:1], after[1:]
        while after and _JOINED.fullmatch(sent, subject[-1][0] + len(subject[-1][1]), after[0][0]):
            subject, after = [*subject, after[0]], after[1:]
        if not subject:
            return [], []
        hosts: list[str] = []
        prev = subject[-1][0] + len(subject[-1][1])
        for at, n in after:
            if _WITH.search(sent, prev, at) or DELEGATION.search(sent, prev, at):
                break  # 'besuchte mit Stadtrat Z …', '… mit einer Delegation um Y': companions from here on
            hosts.append(n)
            prev = at + len(n)
        return [n for _at, n in subject], hosts

    def _role_body(self, name: str) -> OrgM | None:
        """The municipal body (or state) of a person's first role with one, from a place the text names."""
        for r in self.facts.roles:
            if r.person == name and r.org is not None and r.org.kind in _SIDE_BODIES and r.org.place in self.places:
                return r.org
        return None

    def _origin_body(self, text: str) -> OrgM | None:
        """The body an origin phrase names ('aus dem polnischen Partnerkreis X', 'seinen Xer Gast')."""
        m = _OBJECT_ORIGIN.search(text)
        if m and is_place_word(m.group("p")):
            place = place_form(m.group("p"), self.places)
            if place in LEX.countries_regions and not m.group("h"):
                return OrgM(place, "government", None)
            self.places.add(place)
            head = LEX.municipal_heads.get(m.group("h") or "")
            return municipality(place, head) if head and head != "Stadt" else self.body(place)
        d = _DEMONYM_GUEST.search(text)
        base = demonym_place(d.group("adj")) if d else None
        if base and base not in LEX.countries_regions and is_place_word(base):
            self.places.add(base)
            return self.body(base)
        return None

    def person_sides(self, sent: str) -> tuple[OrgM | None, OrgM | None]:
        """(guest, host) of a visit told by its persons: a host receives a person of another body ('OB X hat
        den Bürgermeister der Partnerstadt A, Y, empfangen', '… ihren Amtskollegen aus B, Y, begrüßt',
        'seinen Xer Gast'); the guest's body is that person's role's or the origin named with them, the
        host's the receiver's role's (else None: the caller takes the story's)."""
        hosts, guests = self._received(sent)
        if not guests:
            return self._travelling_person(sent), None
        guest = None
        for name in guests:  # the first received person with a body of their own ('Mit X und Y konnte OB Z … begrüßen')
            at = sent.find(name)
            guest = self._role_body(name) or self._origin_body(sent[:at + len(name) + 40])
            if guest is not None and not any(guest.key == b.key for b in map(self._role_body, hosts) if b is not None):
                break
            guest = None
        if guest is None:
            return None, None
        named = {o.key for o in self.bodies}  # a receiver's body the text names itself, not one a role rule guessed
        host = next((b for b in map(self._role_body, hosts) if b is not None and b.key != guest.key
                     and (b.key in named or b.place == self.venue)), None)
        return guest, host

    def marked_guest(self, sent: str, host: OrgM) -> OrgM | None:
        """The body of a guest a visit sentence tells by what only a guest does ('Bei seinem Besuch in B trug
        sich der Bürgermeister von A, X, ins Goldene Buch ein'): the first person named whose role's body is
        another than the host's."""
        if _GUEST_MARK.search(sent) is None:
            return None
        for _at, name in self._named(sent):
            body = self._role_body(name)
            if body is not None and body.key != host.key and body.place != host.place:
                return body
        return None

    def received_bodies(self, sent: str) -> list[OrgM]:
        """The bodies of officials a host received, named by title and body ('begrüßte den Stadtpräsidenten von A
        und den Bürgermeister von B'): one guest body each, in order."""
        recv = _RECEIVE_VERB.search(sent) if any(w in sent for w in ("empf", "begrüß")) else None
        if recv is None or _PASSIVE.search(sent):
            return []
        end = _CLAUSE_END.search(sent, recv.end())
        out: list[OrgM] = []
        for m in _OFFICIAL.finditer(sent, 0, end.start() if end else len(sent)):
            if not _titleish(m.group("t")) or m.start() < recv.start() - 80:
                continue
            place = m.group("p") or m.group("q")
            if place and is_place_word(place) and m.start() > recv.start():
                body = self._origin_body("aus " + place)
            elif m.group("adj") and m.start() > recv.start():
                body = self._origin_body(f"{m.group('adj')} Gast")
            else:
                continue
            if body is not None and all(o.key != body.key for o in out):
                out.append(body)
        return out

    def _travelling_person(self, sent: str) -> OrgM | None:
        """The body of the person who visits ('Der Landrat des Kreises A, X, war zu Gast beim Landkreis B',
        'Bürgermeisterin X besuchte …'): the role's body of the first person before the verb."""
        v = _GUEST_VERB.search(sent)
        if v is None:
            return None
        named = sorted((sent.find(n), n) for n in self.facts.persons if _has_word(sent[:v.start()], n))
        if not named:
            return None
        body = self._role_body(named[0][1])
        if body is None:  # 'Bürgermeister X aus der Partnerstadt A war zu Besuch in B': the origin named with the person
            at = named[0][0] + len(named[0][1])
            origin = _OBJECT_ORIGIN.match(sent, at + 1) if sent[at:at + 1] == " " else None
            body = self._origin_body(origin.group(0)) if origin else None
        return body

    def county_host(self, visit: EventF) -> None:
        """A county visits when its Landrat leads the delegation of one of its towns' name, and hosts when its
        Landrat received the guests (in the sentence that tells of the visit) in one of its towns: the county
        the story names for that town, else the first county it names that is not the guests', else the
        town's county."""
        host, guest = visit.host, visit.guest
        heads = {r.person for r in self.facts.roles if role_key(r.title) in LEX.county_roles}
        if guest is not None and guest.kind == "municipality" and not _is_county(guest) and heads & (visit.lead | visit.companions):
            own = [o for o in self.bodies if _is_county(o) and o.place == guest.place]  # 'die Delegation aus A' led by
            of_guests = {r.person for r in self.facts.roles if role_key(r.title) in LEX.county_roles and r.org is not None
                         and r.org.place == guest.place}  # A's Landrat (his role says so), not one of the hosts' county
            if of_guests & (visit.lead | visit.companions) or own:
                visit.guest = own[0] if own else municipality(guest.place or "", "Landkreis")  # A's Landrat: the county
        if host is None or host.kind != "municipality" or _is_county(host):
            return
        guest = visit.guest
        if guest is not None and _is_county(guest) and "elegation" in visit.quote and "kreis" in visit.quote.lower():  # 'Delegationen aus den
            counties = [o for o in self.bodies if _is_county(o) and o.place and o.place != guest.place and o.key != guest.key]  # Partner-
            if len(counties) == 1:  # kreisen A und B' in a town: guests of a county visit the story's county
                visit.host, visit.place = counties[0], counties[0].place
                return
        if not any(r.person in visit.greeters and role_key(r.title) in LEX.county_roles and _has_word(visit.quote, r.person) for r in self.facts.roles):
            return
        counties = [o for o in self.bodies if _is_county(o)]
        own = [o for o in counties if o.place == host.place]
        other = [o for o in counties if guest is None or (o.key != guest.key and o.place != guest.place)]
        visit.host = own[0] if own else other[0] if other else municipality(host.place or "", "Landkreis")
        visit.place = visit.host.place

    def _guests_story(self, visit: EventF, sents: list[str]) -> bool:
        """Whether the story is told from the guests' side: its dateline is the guests' place, else more travel words ('reiste', 'gefahren', 'Reise
        nach') and twinning words before the host ('die Partnerstadt Y') than receiving words ('empfing',
        'begrüßte', 'Gäste aus') and twinning words before the guests' place."""
        if visit.guest is None or visit.host is None or not visit.guest.place or not visit.host.place:
            return False
        dateline = self._home_place()  # a release from the guests' own town or county tells their side
        if dateline in (visit.guest.place, visit.host.place):
            return dateline == visit.guest.place
        kept = self.__dict__.get("_story_words")
        if kept is None or kept[0] is not sents:  # the counts and twin objects of the story, once for all its visits
            travel = sum(len(_TRAVEL_OUT.findall(sent)) for sent in sents if any(w in sent for w in _TRAVEL_PARTS))
            receive = sum(len(_RECEIVE_RE.findall(sent)) for sent in sents if any(w in sent for w in _RECEIVE_PARTS))
            objects = [obj.group("p") for sent in sents for m in _TWIN_AT.finditer(sent)
                       if (obj := _TWIN_OBJECT.match(sent, m.end())) is not None]
            kept = self.__dict__["_story_words"] = (sents, travel, receive, objects)
        _s, out, home, objects = kept
        for p in objects:
            other = place_form(p, self.places)
            out += other == visit.host.place
            home += other == visit.guest.place
        return out > home

    def _side_feats(self, visit: EventF, name: str, sents: list[str], by_role: str | None, bracket: str | None, default: str,
                    foreign: bool, head: bool, side: str) -> dict[str, float]:
        """The features of one participant's side (``visit_side_model``): which rule cue gave it, then the text's."""
        f = side_model.text_features(name, sents, visit.guest.place if visit.guest else None, visit.host.place if visit.host else None)
        cues = {"greeter": name in visit.greeters, "member": name in visit.members, "hostset": name in visit.hosts,
                "companion": name in visit.companions, "role_guest": by_role == "guest", "role_host": by_role == "host",
                "bracket": bracket is not None, "default_guest": default == "guest", "foreign": foreign, "head_nobody": head,
                "rule_guest": side == "guest"}
        f.update({k: 1.0 for k, v in cues.items() if v})
        titles = [role_key(r.title) for r in self.facts.roles if r.person == name and r.title]
        if any(t in LEX.head_roles for t in titles):
            f["title_head"] = 1.0
        if any(t in LEX.county_roles for t in titles):
            f["title_county"] = 1.0
        if not titles:
            f["untitled"] = 1.0
        return f

    def _only_of_the_past(self, name: str, sents: list[str]) -> bool:
        """Whether every mention of ``name`` in the story is of the past ('der damalige Bürgermeister X', 'der
        verstorbene Gründungsvater Y', 'die einstige Landrätin Z')."""
        seen = False
        for sent in sents:
            at = sent.find(name)
            while at >= 0:
                if not _OF_THE_PAST.search(sent, max(0, at - 60), at):
                    return False
                seen = True
                at = sent.find(name, at + len(name))
        return seen

    def _only_away(self, name: str, sents: list[str]) -> bool:
        """Whether every sentence naming ``name`` says, after the name, that the person was kept away ('X konnte
        nicht teilnehmen', 'Y war verhindert und wurde vertreten durch Z': Y, not Z)."""
        seen = False
        for sent in sents:
            at = sent.find(name)
            if at < 0:
                continue
            away = _AWAY.search(sent, at + len(name))
            if away is None or away.start() - at > 120:
                return False
            seen = True
        return seen

    def _participants(self, visit: Any, sents: list[str], own: list[str] | None = None) -> None:
        """Every person of a visit story takes part (credits and contacts apart), or of the visit's own
        sentences ``own`` when the story tells of several: the lead on the guests' side, who received
        them on the host's, else on the side of the body of their role, else the guests' for members named
        with the delegation, else the host's."""
        sides = {p: side for p, side in ((visit.guest.place, "guest"), (visit.host.place, "host")) if p}  # a state has no place
        default = "guest" if self._guests_story(visit, sents) else "host"
        foreign = self.__dict__.get("foreign_side", {}).get(id(visit), set())  # 'auf polnischer Seite': not the story's own
        role_of: dict[str, Any] = {}
        for r in self.facts.roles:
            if r.org is not None and (r.org.place in sides or (r.org.parent and r.org.parent.place in sides)):
                role_of.setdefault(r.person, r)
        own_text = "\n".join(own or ())
        heads = {r.person for r in self.facts.roles if r.org is None and role_key(r.title) in LEX.head_roles
                 and not (r.title or "").casefold().startswith(("stellv", "vize"))}
        for name, p in self.facts.persons.items():
            if p.rule in ("press:credit", "press:contact") and "caption" not in p.aliases or _CREDIT_LINE.match(p.quote):
                continue  # a photographer or a press contact, also one only named in a '© …' line
            if name in self.places or name in LEX.countries_regions or known_place(name, 1000):
                continue  # 'Baia Mare', 'Costa Rica': a place the name rules took for a person takes no part
            if name not in visit.lead and (self._only_of_the_past(name, sents) or self._only_away(name, sents)):
                continue  # 'der damalige Bürgermeister X unterzeichnete 1990 …': told of the past, not of this visit
            after_name = self.__dict__.get("person_place", {}).get(name)  # 'Bgm. X (A)': a place after the name
            bracket = sides.get(after_name) if after_name else None
            if own is not None and not _has_word(own_text, name) and name not in visit.lead | visit.members | visit.hosts \
                    and name not in role_of and bracket is None:
                continue  # of another visit of the story, not a person of one of this visit's bodies
            r = role_of.get(name)
            if r is None and bracket is None and name not in visit.lead | visit.members | visit.hosts | visit.greeters \
                    and name not in foreign and not any(q.person == name for q in self.facts.roles) \
                    and not any(_has_word(x, name) and (self._visit_sent(x) or _TOOK_PART.search(x)) for x in sents):
                continue  # untitled, of no role, named in no sentence of a visit: only mentioned (an author quoted, a founder)
            by_role = sides.get(r.org.place or (r.org.parent.place if r.org.parent else None)) if r else bracket
            side = "guest" if name in visit.lead else "host" if name in visit.greeters else by_role
            if name in foreign and name not in visit.lead and by_role is None:
                side = "host" if default == "guest" else "guest"
            if name in visit.members:
                side = side or "guest"
            if name in visit.hosts:
                side = side or "host"
            if side is None and visit.lead and name in heads:
                side = "host"  # the guests' head leads them: another head with no stated body is the host's
            side = side or default
            if name not in visit.lead:  # the rules' evidence and where the person is named: the model may turn the side
                feats = self._side_feats(visit, name, sents, by_role, bracket, default, name in foreign, name in heads, side)
                self.__dict__.setdefault("side_feats", {})[(id(visit), name)] = (side, feats)
                side = side_model.decide(side, feats, side_model.load_model())
            visit.participants[name] = {
                "side": side, "acting_for": r.org if r and by_role in (None, side) else None,
                "role_at_event": r.title if r else None, "lead": True if name in visit.lead else None,
            }
        for p in self.facts.persons.values():
            p.aliases.discard("caption")
