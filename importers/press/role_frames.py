"""Sentence frames of the role rules: appointments, successions, 'als' roles, body lists, coordinated persons and parties after names."""

from __future__ import annotations

import re

from .facts import StoryFacts
from .lexicon import END_DOT, LEX, LO, UP, WB, _trie
from .names import clean_name
from .orgs import OrgM, find_orgs, municipality
from .places import is_place_word, place_form, split_places
from .role_context import _COUNTRY_ADJ, party_of
from .states import country_of_adjective

_JOINED = re.compile(r"\s+(?:und|sowie)\s+")
#: Between a listed person and their body: 'A, Gemeinde X', 'A, X;'.
_LIST_GAP = re.compile(r",\s+")
_BARE_PLACE = re.compile(rf"(?P<p>[{UP}][{LO}]+(?:[ -][{UP}][{LO}]+)?)\s*(?=;|\.?\s*$)")
#: A title over a list of mayors ('die Bürgermeister', 'ehemalige Bürgermeisterinnen und Bürgermeister').
#: (Its optional 'Alt'/'Ehren' inside the first branch: an optional group first made re enter it at every position.)
_MUNI_HEADS_TITLE = re.compile(r"(?:Alt[Bb]|Ehren[Bb]|B|b)ürgermeister(?:innen)?\b|Gemeindepräsident(?:en|innen)?\b")
#: What joins two names of one list: 'A und B', 'A sowie B' (a comma alone may open an apposition).
_JOINER = re.compile(r"\s*,?\s+(?:und|sowie)\s+")

#: An office named by its function noun ('die Geschäftsführung der Stadtwerke X'): the title of who holds it.
_OFFICES = {"Geschäftsführung": "Geschäftsführer", "Leitung": "Leiter", "Vorsitz": "Vorsitzender", "Werkleitung": "Werkleiter",
            "Betriebsleitung": "Betriebsleiter", "Vorstandsvorsitz": "Vorstandsvorsitzender", "Amtsleitung": "Amtsleiter"}
_OFFICE = re.compile(rf"d{WB}(?:ie|en)\s+(?P<office>{_trie(_OFFICES)})\s+(?:der|des|bei\s+der|bei\s+den|beim|im)\s+")
_TAKE_OVER = re.compile(r"\b(?:übernimmt|übernahm|übernehmen|übernommen|übergibt|übergab|übergeben|gibt|gab|abgeben|abgegeben)\b")
_HAND_OVER = re.compile(r"\b(?:übergibt|übergab|übergeben|gibt|gab|abgeben|abgegeben)\b")
_ALS_ROLE = re.compile(rf"a{WB}ls\s+(?P<app>{LEX.title_chain_re}\s+(?:der|des|von|vom|bei|beim)\s+[^,;:()]+?)(?=\s*(?:[,;:!?)]|{END_DOT}\s|{END_DOT}$|$))")
_FOLLOWS = re.compile(r"\b(?:folgt|folgte|folgen)\s+(?:auf|nun\s+auf)\b|\bNachfolge(?:r|rin)?\s+von\b|\blöst\b|\blöste\b")
_CLAUSE_MARK = re.compile(r"[,;:–]\s")
_SUCCESSOR = re.compile(r"\b(?:seinen|seine|ihren|ihre|den|die|zum|zur)\s+Nachfolger(?:in)?\s+")
#: 'hat A zum ersten CDO der Stadt ernannt', 'des zum Bürgermeister des Bezirks X gewählten A': an appointment.
_V2_AUX = re.compile(r"\s+(?:wurde|wird|ist|war)\s+(?:nun\s+|jetzt\s+|einstimmig\s+)?(?=[A-ZÄÖÜ])")
_APPOINTED = re.compile(rf"[Zz]{WB}u[mr]\s+(?:(?:ersten|erste|neuen|neue)\s+)?(?P<app>{LEX.title_chain_re}(?:\s+(?:[^,;:„“\".!?]|\.(?=\s))"
                        rf"{{1,100}}?)?)\s+(?P<verb>gewählt|ernannt|bestellt|berufen|befördert)(?P<attr>e[nrms]?)?(?![\w-])")
_PARENS_IN = re.compile(r"\s*\([^()]*\)")
_PARTY_AFTER = re.compile(rf"(?P<sur>[{UP}][{LO}]+(?:-[{UP}][{LO}]+)?)\s*\((?P<in>[^()]{{2,40}})\)")


#: A diplomat's title ('Botschafterin', 'Generalkonsul', 'stellvertretender Honorarkonsul', 'Gesandter').
_DIPLOMAT_TITLE = (r"(?:(?:stellvertretende[rn]?|Stellvertretende[rn]?|Vize-?)\s*)?(?:Botschafter|Generalkonsul|Honorarkonsul|"
                   r"Vizekonsul|Konsul|Gesandte)(?:in|innen|r|n)?")
_EXCELLENCY = r"(?:(?:S\.\s?E\.|I\.\s?E\.|Seine\s+Exzellenz|Ihre\s+Exzellenz)\s+)?"
#: A diplomat named with the country of the adjective before the title: 'der schwedische Botschafter in Deutschland,
#: S. E. A', 'die neuseeländische Botschafterin B' (the country the title follows 'in' is the host, not the body).
_DIPLOMAT = re.compile(rf"(?<![\w-])(?P<adj>{_COUNTRY_ADJ})(?:e|er|en)\s+(?P<title>{_DIPLOMAT_TITLE})(?![\w-])"
                       rf"(?:\s+in\s+(?:der\s+|den\s+)?[{UP}][\w-]+)?\s*,?\s*{_EXCELLENCY}(?P<hon>{LEX.honorific_re}*)(?P<name>{LEX.full_name})")


#: A party for a whole list of names: '(alle CDU)', '(beide SPD)', '(beide Grüne)'.
_ALL_PARTY = re.compile(r"\s*\((?P<q>alle|beide)\s+(?P<p>[^()]{2,30})\)")
_LIST_JOIN = re.compile(r"\s(?:und|sowie)\s")


class RoleFrames:
    """Mixin of ``RoleRules``: the frames that read a person's role from a whole sentence."""

    facts: StoryFacts
    places: set[str]
    prev: str

    def _add_person(self, raw: str, hon: str, q: str, rule: str, conf: float) -> str | None:
        raise NotImplementedError

    def _role(self, person: str, title: str | None, org: OrgM | None, q: str, rule: str, conf: float) -> None:
        raise NotImplementedError

    def parse_role_phrase(self, app: str) -> tuple[str | None, OrgM | None, bool]:
        raise NotImplementedError

    def diplomats(self, sent: str, q: str) -> None:
        """'der schwedische Botschafter in Deutschland, A': A holds the title for the adjective's country."""
        for m in _DIPLOMAT.finditer(sent):
            country = country_of_adjective(m.group("adj"))
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:diplomat", 0.8) if country else None
            if name and country and not any(r.person == name and r.org is not None for r in self.facts.roles):
                self._role(name, m.group("title"), OrgM(country, "government", country), q, "press:diplomat", 0.8)

    def bind_role(self, org: OrgM | None) -> OrgM | None:
        raise NotImplementedError

    def appointments(self, sent: str, named: list[re.Match[str]], q: str) -> None:
        """'Der Rat hat A zur Geschäftsführerin der Stadtwerke X bestellt' (the person named last before 'zur'),
        'der zum Bürgermeister von X gewählte A' (the person right after the participle)."""
        for m in _APPOINTED.finditer(sent):
            app = m.group("app")
            aux = _V2_AUX.search(app)  # 'Zum Geschäftsführer der X wurde A bestellt': the subject after the auxiliary
            if aux:
                who = next((n for n in named if n.start() >= m.start("app") + aux.end()), None)
                app = app[: aux.start()]
            elif m.group("attr"):
                who = next((n for n in named if n.start() >= m.end() and not sent[m.end():n.start()].strip()), None)
            else:
                who = next((n for n in reversed(named) if n.end() <= m.start()), None)
            name = clean_name(who.group("name"), self.places) if who else None
            if name is None or who is None:
                continue
            title, org, ok = self.parse_role_phrase(_PARENS_IN.sub("", app))
            if ok and name == self._add_person(name, who.group("hon"), q, "press:appointed", 0.8):
                self._role(name, title, org, q, "press:appointed", 0.8)

    def body_lists(self, sent: str, named: list[re.Match[str]], q: str) -> None:
        """A list of persons each followed by their municipality: 'A, Gemeinde X, B, Marktgemeinde Y' (captions,
        guest lists), or 'A, X; B, Y; C, Z' under a municipal title ('Geehrt wurden die Bürgermeister: …').
        Two such pairs (three with bare places) make a list; one alone is left to the other frames."""
        pairs: list[tuple[re.Match[str], OrgM]] = []
        bare: list[tuple[re.Match[str], str]] = []
        for m in named:
            after = _LIST_GAP.match(sent, m.end())
            if not after:
                continue
            muni = LEX.muni_re.match(sent, after.end())
            if muni and len(split_places(muni.group("places"))) == 1:
                head = LEX.municipal_heads.get(muni.group("head"), muni.group("head"))
                pairs.append((m, municipality(place_form(muni.group("places"), self.places), head)))
                continue
            place = _BARE_PLACE.match(sent, after.end())
            if place and is_place_word(place.group("p")):
                bare.append((m, place.group("p")))
        title = next((t.group(0) for t in (_MUNI_HEADS_TITLE.search(sent), _MUNI_HEADS_TITLE.search(self.prev)) if t), None)
        items = pairs if len(pairs) >= 2 else []
        if len(bare) >= 3 and ";" in sent and title:
            items += [(m, municipality(p, "Gemeinde")) for m, p in bare]
        for m, org in items:
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:body-list", 0.7)
            if name and not any(r.person == name and r.org is not None for r in self.facts.roles):
                self._role(name, title, org, q, "press:body-list", 0.7)

    def _genitives(self) -> None:
        """'Regina Probes Vorgänger' names Regina Probe when the story names her so: one person."""
        persons = self.facts.persons
        for name in [n for n in persons if n.endswith("s") and n[:-1] in persons]:
            base = persons[name[:-1]]
            base.confidence = max(base.confidence, persons.pop(name).confidence)
            for r in self.facts.roles:
                if r.person == name:
                    r.person = base.name

    def _coordinated_persons(self, sent: str, named: list[re.Match[str]], q: str) -> None:
        """A name-shaped pair joined by 'und'/'sowie' to a person is a person too, even with a
        first name no list knows ('Heiko Rammler und Octavian Bescu')."""
        for a, b in zip(named, named[1:], strict=False):
            if not _JOINER.fullmatch(sent[a.end():b.start()]):
                continue
            for m, other in ((b, a), (a, b)):
                name = clean_name(m.group("name"), self.places)
                if (name and name not in self.facts.persons and name == m.group("name")
                        and clean_name(other.group("name"), self.places) in self.facts.persons
                        and not any(t in self.places or t in LEX.head_kinds for t in name.split())):
                    self._add_person(name, m.group("hon"), q, "press:coordinated", 0.65)

    def successions(self, sent: str, named: list[re.Match[str]], q: str) -> None:
        """'A übernimmt zum 1. Mai die Geschäftsführung der Stadtwerke X', 'A übergab die Leitung des B an seine
        Nachfolgerin C': who takes an office over (and who hands it on) holds it at that body."""
        office = _OFFICE.search(sent)
        verb = _TAKE_OVER.search(sent) if office else None
        if office is None or verb is None:
            return
        orgs = find_orgs(sent[office.end(): office.end() + 120], self.places)
        if not orgs or orgs[0].start != 0:
            return
        org, title = self.bind_role(orgs[0]), _OFFICES[office.group("office")]
        succ = _SUCCESSOR.search(sent)
        named = [n for n in named if clean_name(n.group("name"), self.places)]
        heirs = [n for n in named if succ and n.start() <= succ.end() < n.end()]
        clause = max((c.end() for c in _CLAUSE_MARK.finditer(sent, 0, office.start())), default=0)
        joint = [n for n in named if n not in heirs and clause <= n.start() and n.end() <= office.start()]  # 'A mit B … die Leitung'
        subject = [n for n in named if n not in heirs and (n.end() <= verb.start() or n.start() >= verb.end())]
        subject.sort(key=lambda n: min(abs(n.start() - verb.end()), abs(verb.start() - n.end())))
        first = joint or subject[:1]
        holders = heirs + first if heirs or not _HAND_OVER.search(sent) else first
        for n in holders:
            name = clean_name(n.group("name"), self.places)
            if org is not None and name and name == self._add_person(name, n.group("hon"), q, "press:succession", 0.75):
                self._role(name, title, org, q, "press:succession", 0.75)

    def als_roles(self, sent: str, named: list[re.Match[str]], q: str) -> None:
        """'Für A und B war es eine Ehre, als Vertreter der Stadt X …', 'A begrüßte als Leiterin des Y die Gäste':
        'als' + title + body later in the clause is the role of the one person (or the 'und'-joined pair) before it."""
        for am in _ALS_ROLE.finditer(sent):
            clause = max((c.end() for c in _CLAUSE_MARK.finditer(sent, 0, am.start())), default=0)
            before = [n for n in named if clause <= n.start() and n.end() <= am.start() and clean_name(n.group("name"), self.places)]
            between = sent[before[0].end(): before[1].start()] if len(before) == 2 else ""
            follows = _FOLLOWS.search(between) is not None  # 'A folgt auf B als …', 'A tritt die Nachfolge von B als … an': both
            if not before or len(before) > 2 or (not follows and any(n.end() == am.start() - 1 for n in before)):
                continue  # none, a list, or right before 'als' (the copula frame's)
            if len(before) == 2 and not (_JOINED.fullmatch(between) or follows):
                continue  # 'A begrüßte B als …': whose role, the clause does not say
            title, org, ok = self.parse_role_phrase(am.group("app"))
            for n in before if ok and org is not None else ():
                name = clean_name(n.group("name"), self.places)
                if name and name == self._add_person(name, n.group("hon"), q, "press:als", 0.75):
                    self._role(name, title, org, q, "press:als", 0.75)

    def parties_after_names(self, sent: str, q: str) -> None:
        """'Der Acherner Oberbürgermeister Max Muster (SPD)': a party after a surname whose name match began
        earlier (the capitalized run before it is longer than a name match), for a person of this sentence;
        'A, B und C (alle CDU)', 'A und B (beide SPD)': the party of every name of the list before it."""
        people = [n for n in self.facts.persons if n in sent]
        for am in _ALL_PARTY.finditer(sent) if "beide" in sent or "alle" in sent else ():
            common = party_of(am.group("p"))
            head = sent[: am.start()]
            listed = head[max(head.rfind(":"), head.rfind(";"), head.rfind("."), 0):]  # the list ends at the parenthesis
            names = sorted((listed.rfind(n), n) for n in people if n in listed)
            joined = [n for _at, n in names]
            if common and len(joined) >= 2 and _LIST_JOIN.search(listed[listed.find(joined[-2]):]):
                for member in (joined if am.group("q") == "alle" else joined[-2:]):
                    if not any(r.person == member and r.org is not None and r.org.name == common for r in self.facts.roles):
                        self._role(member, "Mitglied", OrgM(common, "party"), q, "press:party", 0.75)
        for pm in _PARTY_AFTER.finditer(sent):
            party = party_of(pm.group("in"))
            who = next((n for n in people if n.split()[-1] == pm.group("sur")), None) if party else None
            if who and party and not any(r.person == who and r.org is not None and r.org.name == party for r in self.facts.roles):
                self._role(who, "Mitglied", OrgM(party, "party"), q, "press:party", 0.75)
