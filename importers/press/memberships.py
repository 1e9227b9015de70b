"""Memberships, joint bodies and ownership (a mixin of ``StoryExtractor``): 'ist Mitglied im X', 'An der X
beteiligen sich A, B und C', 'Dem Netzwerk X gehören A und B an', 'Tochter der X', 'hält 25,1 Prozent an X'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from .lexicon import LEX, UP
from .orgs import OrgM, find_orgs, municipality, nominative_noun, org_from_item
from .places import is_place_word, known_place
from .facts import quote

_MEMBERSHIP = LEX.cue_pattern("membership_cues")
_COMPOUND_NAME = re.compile(rf"[{UP}][\w]+(?:-[{UP}][\w]+)+")
_CLAUSE_SPLIT = re.compile(r"[,;:]\s|\s[–—-]\s")
#: Where a clause before a list ends: not at the commas of 'A, B und C'.
_LIST_CLAUSE = re.compile(r"[;:]\s|,\s+(?=[a-zäöü])|\s[–—-]\s")
_CAP_WORD = re.compile(rf"[{UP}][\w-]+")
#: A clause opening with the story's own body, unnamed: 'Die Stadt ist dem Netzwerk X beigetreten'.
_BARE_SUBJECT = re.compile(r"^(?:Die|Auch die)\s+(?:Stadt|Gemeinde|Kommune|Stadtverwaltung)\s+(?:ist|hat|wird)\b")
_LOWER_NEXT = re.compile(r"\s+(?=[a-zäöü])")
#: The network right before 'beigetreten': 'ist dem Klima-Bündnis beigetreten'.
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:dem|der|den|des)\s+(?P<name>[^,;:]+?)\s*$")
#: 'An der X beteiligen sich A, B und C': the joint body first, its participants after the verb.
_TAKE_PART = re.compile(r"^(?:An|Am)\s+(?:der|dem|den)?\s*(?P<net>[^,;:]+?)\s+(?:beteiligen|beteiligten|beteiligt)\s+sich\s+(?:(?:bislang|bisher|derzeit|aktuell|inzwischen|mittlerweile|auch)\s+)?(?P<list>.+)$")
#: 'Dem Netzwerk X gehören A, B und C an' (the network first) and 'A und B gehören (seit 2010) dem Verbund X an'.
_BELONG_FIRST = re.compile(r"^(?:Dem|Der)\s+(?P<net>[^,;:]+?)\s+gehör(?:en|t|ten|te)\s+(?:(?:seit|bereits|inzwischen|mittlerweile|heute|derzeit|aktuell|nun)\b[^,;:]*?\s+)?(?P<list>.+?)\s+an(?!\s+(?:der|dem|den)\s)(?=[\s.,;]|$)")
_BELONG_AFTER = re.compile(r"\bgehör(?:en|t|ten|te)\s+(?:[^\s,;:]+\s+){0,4}?(?:dem|der)\s+(?P<net>[^,;:]+?)\s+an(?!\s+(?:der|dem|den)\s)(?=[\s.,;]|$)")
#: 'A, B und C bilden den Zweckverband X' / 'gründeten das Netzwerk X': the listed bodies form the named one.
_FORM = re.compile(r"\b(?:bilden|bildeten|gründen|gründeten|gegründet)\s+(?:gemeinsam\s+)?(?:den|das|die|einen|ein|eine)\s+(?P<net>[^,;:]+?)(?=\s*(?:[,;:.]|$|\s(?:und|mit|um|zur|zum|für)\s))")
#: 'Der Ring X verbindet sechs Städte: A (D), B (LUX) und C': the listed towns are members of the subject.
_CONNECTS = re.compile(r"^(?:(?:Der|Die|Das)\s+)?(?P<net>[^,;:]+?)\s+(?:verbindet|vereint|umfasst)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:Städte|Gemeinden|Kommunen|Kreise|Landkreise|Regionen|Mitglieder)\b[^:–—]{0,60}?(?=\s*[:–—])")
#: 'gemeinsam getragen von A und B', 'getragen wird … von A und B': the bearers of a joint body cooperate.
_BORNE = re.compile(r"\b(?:gemeinsam\s+)?getragen\s+(?:wird\s+|werden\s+)?(?:[^\s,;:]+\s+){0,3}?(?:von|vom)\s+")
#: 'Gesellschafter (der X) sind A und B': each owns the company.
_SHAREHOLDERS = re.compile(r"\bGesellschafter\s+(?:der\s+(?P<of>[^,;:]+?)\s+)?sind\s+(?:die\s+|der\s+)?")
#: A first word that is itself a network's head ('Zweckverband', 'Klimabündnis'): the whole capitalized run is its name.
_NETWORK_HEAD = re.compile(r"(?:netzwerk|verbund|bündnis|ring|allianz|konsortium|verein|verband|arbeitsgemeinschaft|initiative|plattform|cluster)$")
_CAP_RUN = re.compile(rf"[{UP}][\w-]*(?:\s+[{UP}][\w-]*)*")
#: Head words of a network, alliance or consortium: a list joins it (MEMBER_OF) rather than cooperating on it.
_NETWORK = re.compile(r"(?:[Nn]etzwerk|[Vv]erbund|[Bb]ündnis|[Rr]ing|[Aa]llianz|[Kk]onsortium|[Vv]erein|[Vv]erband|[Aa]rbeitsgemeinschaft|[Ii]nitiative|"
                      r"[Kk]ooperation|[Pp]lattform|[Cc]luster|[Nn]etwork|[Aa]lliance|[Rr]egion)\b")
#: A subsidiary and its owner: 'eine Tochter der X', 'Tochtergesellschaft der X', 'hundertprozentige Tochter von X'.
_DAUGHTER = re.compile(r"\b(?:[Tt]ochter(?:gesellschaft|unternehmen|firma)?|[Tt]öchter)\s+(?:der|des|von|vom)\s+")
#: A share: 'hält 25,1 Prozent an der X', 'ist mit 49 Prozent an X beteiligt'.
_SHARE = re.compile(r"\b(?:hält|halten|hielt|besitzt|besitzen|übernimmt|übernahm|erwirbt|erwarb)\s+(?:(?:rund|knapp|etwa|jeweils|je)\s+)?"
                    r"(?P<n>\d{1,3}(?:,\d+)?)\s*(?:Prozent|%)\s+(?:der\s+Anteile\s+|der\s+Gesellschaftsanteile\s+)?an\s+")
#: Words of a body inside an organization ('Mitglied im Aufsichtsrat'): a person's seat, not a membership.
_BOARD = re.compile(rf"^(?:[{UP}][\w-]*)?(?:[Rr]at|[Aa]usschuss|[Vv]orstand|[Gg]remium|[Kk]uratorium|[Pp]räsidium|[Kk]reistag|[Tt]eam|[Bb]eirat)\b")


#: Bodies whose members are persons ('Parlamentariergruppe X', 'CDU-Fraktion', 'Landtag', 'Kommission'): no town's membership.
_PERSONS_BODY = re.compile(rf"^(?:[{UP}][\w-]*)?(?:[Gg]ruppe|[Ff]raktion|[Pp]artei|[Ll]andtag|[Bb]undestag|[Pp]arlament|[Kk]ommission|[Jj]ury|[Dd]elegation|"
                           r"[Kk]abinett|[Ss]enat|[Gg]emeinderat|[Ss]tadtrat|[Ss]tadtverordnetenversammlung|[Rr]egierung)\b")
_PARTIES = frozenset(LEX.parties)


#: A joint body's head word: 'Verwaltungsgemeinschaft', 'Zweckverband', 'Städteverbund', 'Gemeindeverband', 'Städtenetz'.
_JOINT_HEAD = (r"[{UP}][\w-]*(?:gemeinschaft|verband|verbund|bund|netz|netzwerk|allianz|bündnis|region|Region)")
#: 'die Verwaltungsgemeinschaft X der Gemeinden A, B und C', 'der Zweckverband von A und B': the body and its members.
_BODY_OF_MEMBERS = re.compile(rf"(?<![\w-])(?P<net>{_JOINT_HEAD.format(UP=UP)}(?:\s+(?:[„\"][^“\"]{{2,60}}[“\"]|[{UP}][\w-]+))?)\s+"
                              r"(?:(?:der|von\s+den)\s+(?:beiden\s+|drei\s+|vier\s+|fünf\s+)?(?P<kind>Gemeinden|Städte|Städten|Kommunen|Landkreise|Landkreisen|Kreise|Kreisen|"
                              r"Mitgliedsgemeinden|Ortsgemeinden|Marktgemeinden)|von)\s+(?P<list>[^;:()]+)")
#: 'Die Städte A, B und C schließen sich zum Städteverbund X zusammen', 'haben sich zum Zweckverband X zusammengeschlossen'.
_JOIN_TOGETHER = re.compile(r"\b(?:schließen|schlossen|haben|hatten)\s+sich\s+(?:[^\s,;:]+\s+){0,4}?(?:zum|zur|zu\s+einem|zu\s+einer)\s+"
                            r"(?P<net>[^,;:]+?)\s+zusammen(?:geschlossen)?\b")
_KINDS = r"(?:Gemeinden|Mitgliedsgemeinden|Ortsgemeinden|Marktgemeinden|Städte|Kommunen|Landkreise|Kreise)"
#: 'Die LEADER-Region X umfasst die Gemeinden A, B und C', 'Zur LEADER-Region X gehören die Kommunen A, B und C'.
_SPANS = re.compile(rf"^(?:(?:Der|Die|Das)\s+)?(?P<net>[^,;:]+?)\s+(?:umfasst|umfassen|vereint|vereinen)\s+(?:(?:heute|derzeit|inzwischen|nun)\s+)?(?:die|den)\s+"
                    rf"(?:[\w-]+\s+)?(?P<kind>{_KINDS})\s+(?P<list>.+)$")
_BELONG_TO = re.compile(rf"^(?:Zum|Zur)\s+(?P<net>[^,;:]+?)\s+(?:gehören|gehörten|zählen|zählten)\s+(?:(?:auch|heute|derzeit|inzwischen|nun)\s+)*"
                        rf"(?:die\s+(?:[\w-]+\s+)?(?P<kind>{_KINDS})\s+)?(?P<list>.+)$")
_KIND_WORD = {"Gemeinden": "Gemeinde", "Mitgliedsgemeinden": "Gemeinde", "Ortsgemeinden": "Gemeinde", "Marktgemeinden": "Marktgemeinde",
              "Städte": "Stadt", "Städten": "Stadt", "Kommunen": "Gemeinde", "Landkreise": "Landkreis", "Landkreisen": "Landkreis",
              "Kreise": "Kreis", "Kreisen": "Kreis"}
_PLACE_NAME = re.compile(LEX.place_name)
#: A body's noun and its quoted name: 'Städteverbund "Städtedreieck am Fluss"'.
_QUOTED_NAME = re.compile(rf"(?P<noun>[{UP}][\w-]+)\s*[„\"»](?P<name>[^“\"«]{{2,80}})[“\"«]$")
_LIST_SEP = re.compile(r"\s*,\s*|\s+(?:und|sowie)\s+")
_JOINT_ENDS = r"(?:gemeinschaft|verband|verbund|bund|netz|netzwerk|allianz|bündnis|region|Region)"
#: Cheap gates (suffix first) for the two patterns below, which try every capital of a sentence.
_JOINT_THEN_MEMBERS = re.compile(rf"{_JOINT_ENDS}(?:\s+\S+)?\s+(?:der|von)\s")
_JOINT_THEN_PAIR = re.compile(rf"{_JOINT_ENDS}\s+[{UP}]\w+-[{UP}]")
_HYPHEN_PAIR = re.compile(rf"(?<![\w-])(?P<head>{_JOINT_HEAD.format(UP=UP)})\s+(?P<a>[{UP}][\w]+)-(?P<b>[{UP}][\w]+)(?![\w-])")


#: Heads of a program or network a list belongs to: 'Modellprojekte Grünes Quartier', 'Netzwerk X', 'Initiative Y'.
_PROGRAM_HEAD = (r"(?<![\w-])(?=[{UP}])[\w-]*?(?:[Pp]rojekte?n?|[Pp]rogramms?|[Nn]etzwerke?s?|[Vv]erbund|[Bb]ündnis(?:ses)?|[Ii]nitiative|[Aa]llianz|[Rr]egionen|"
                 r"[Kk]ommunen|[Ss]tädte|[Ss]tädten|[Mm]itglieder|[Mm]itgliedern)")
#: 'Zu den Modellprojekten Grünes Quartier gehören A, B und C': each listed body belongs to the named program.
_AMONG_FIRST = re.compile(rf"^Zu\s+(?:den|dem|der)\s+(?P<net>{_PROGRAM_HEAD.format(UP=UP)}(?:\s+[{UP}][\w-]*(?:\s+[{UP}0-9][\w-]*)*)?(?:\s+(?:der|des)\s+[^,;:]+?)?)\s+"
                          r"(?:gehören|gehörten|zählen|zählten)\s+(?:(?:auch|nun|jetzt|derzeit|heute|bislang|bisher|unter anderem|etwa)\s+)*(?P<list>.+)$")
#: '… beim Treffen der Modellprojekte Grünes Quartier, zu denen auch X zählt': the named program before the relative clause.
_AMONG_REL = re.compile(rf"(?P<net>{_PROGRAM_HEAD.format(UP=UP)}(?:\s+[{UP}][\w-]*)+)[^,;:]{{0,40}},\s+zu\s+denen\s+(?P<list>[^,;:]+?)\s+(?:gehört|gehören|zählt|zählen)\b")


#: 'Im Netzwerk X arbeiten A, B und C zusammen', 'In der Arbeitsgemeinschaft X sind A und B vertreten': members inside the network.
_INSIDE_FIRST = re.compile(r"^(?:Im|In\s+der|In\s+dem)\s+(?P<net>[^,;:]+?)\s+(?:arbeiten|arbeiteten|kooperieren|kooperierten|sind|waren)\s+"
                           r"(?:(?:seit\s+\d{4}|bereits|schon|heute|derzeit|inzwischen|mittlerweile|nun|jetzt)\s+)*(?P<list>.+?)\s+"
                           r"(?:(?:eng|gemeinsam|eng\s+zusammen)\s+)?(?:zusammen|vertreten|organisiert|vereint|vernetzt)(?=[\s.,;]|$)")
#: A separable joining verb around its network: 'Die Gemeinde X tritt dem Zweckverband Y bei', 'traten 2010 der Allianz Z bei'.
_JOINS_SEPARABLE = re.compile(r"\b(?:tritt|treten|trat|traten)\s+(?:[^\s,;:]+\s+){0,3}?(?:dem|der)\s+(?P<net>[^,;:]+?)\s+bei(?=[\s.,;:!?]|$)")


#: A preposition and article left before a slot's name when the cue ends earlier ('sind Mitglied' + 'im X').
_SLOT_LEAD = re.compile(r"^(?:(?:im|in|beim|bei|am)\s+)?(?:(?:der|des|dem|den)\s+)?(?=[A-ZÄÖÜ])")
#: Membership by a predicate: 'ist Gründungsmitglied des X', 'ist Teil des Netzwerks X', 'gehört zu den Mitgliedern des X',
#: 'beteiligt sich am Netzwerk X', 'wurde in das Netzwerk X aufgenommen'.
_MEMBER_PRED = re.compile(r"\b(?:(?:ist|sind|war|waren|wird|werden|wurde|wurden)\s+(?:[^\s,;:]+\s+){0,3}?(?:(?:ein|eine)\s+)?(?:Gründungsmitglied(?:er)?|Teil)\s+(?:des|der)|"
                          r"gehör(?:t|en|te|ten)\s+(?:[^\s,;:]+\s+){0,2}?zu\s+den\s+(?:Gründungsmitgliedern|Mitgliedern)\s+(?:des|der)|"
                          r"beteilig(?:t|en|te|ten)\s+sich\s+(?:[^\s,;:]+\s+){0,2}?(?:am|an\s+der|an\s+dem))\s+(?P<net>[^,;:]+)")
_TAKEN_IN = re.compile(r"\b(?:wurde|wurden|ist|sind|war|waren)\s+(?:[^\s,;:]+\s+){0,4}?in\s+(?:das|den|die)\s+(?P<net>[^,;:]+?)\s+aufgenommen\b")


class MembershipRules:
    """Mixin of ``StoryExtractor``: memberships, joint bodies and ownership."""

    places: set[str]
    facts: Any
    seg: Any
    subject: list[OrgM]

    if TYPE_CHECKING:  # provided by the other mixins of StoryExtractor
        def _link(self, typ: str, a: OrgM | None, b: OrgM | None, q: str, rule: str) -> None: ...

        def _bind(self, org: OrgM | None, near: OrgM | None = None, sent: str | None = None) -> OrgM | None: ...

        def _subject_before(self, sent: str, pos: int) -> OrgM | None: ...

        def _munis(self, text: str, offset: int = 0) -> list[tuple[int, OrgM]]: ...

        def _home_place(self) -> str | None: ...

        def body(self, place: str, title: str | None = None) -> OrgM: ...

        def _sure_home(self) -> OrgM | None: ...

        def _groups(self, text: str) -> list[list[OrgM]]: ...

        def _previous_subject(self) -> OrgM | None: ...

        def _list_after(self, sent: str, at: int) -> tuple[list[str], str | None, bool]: ...

        def _coordinated(self, text: str) -> list[OrgM]: ...

        def _kind_list(self, text: str) -> list[OrgM]: ...

    def _with_listed_places(self, sent: str, rule: Callable[[str], None]) -> None:
        """Run ``rule`` on ``sent`` with the towns its lists name among the story's places, keeping those a link took."""
        extra = self._listed_places(sent)
        self.places |= extra
        rule(sent)
        if extra:
            self.places -= extra - {o.place for link in self.facts.links for o in (link.a, link.b)}

    def _listed_places(self, sent: str) -> set[str]:
        """Gazetteer towns a list of ``sent`` names that the story's places lack ('Fulda, Gießen und Wetzlar gehören
        dem Netzwerk X an'): names in a run of two or more joined by commas, 'und' or 'sowie' (a one-word name
        only of a town of some size, a longer one whenever the gazetteer knows it)."""
        found = [m for m in _PLACE_NAME.finditer(sent)]
        out: set[str] = set()
        known = False
        for i, m in enumerate(found):
            joined = (i and _LIST_SEP.fullmatch(sent, found[i - 1].end(), m.start())) or \
                (i + 1 < len(found) and _LIST_SEP.fullmatch(sent, m.end(), found[i + 1].start()))
            name = m.group(0)
            known = known or bool(joined and name in self.places)
            if joined and name not in self.places and is_place_word(name) and known_place(name, 0 if " " in name or "-" in name else 5000):
                out.add(name)
        if out or known:  # a run holding a town the story or gazetteer knows: its hyphenated or two-word names of place words too
            for i, m in enumerate(found):
                name = m.group(0)
                joined = (i and _LIST_SEP.fullmatch(sent, found[i - 1].end(), m.start())) or \
                    (i + 1 < len(found) and _LIST_SEP.fullmatch(sent, m.end(), found[i + 1].start()))
                parts = [w for w in re.split(r"[\s-]+", name) if w not in LEX.place_prefixes]
                if joined and name not in self.places and len(parts) >= 2 and all(is_place_word(w) for w in parts):
                    out.add(name)
        return out

    def _joining_of(self, sent: str) -> None:
        """'Der Beitritt der Gemeinde X zum Zweckverband Y wurde beschlossen', 'beschloss den Beitritt der Stadt zum Verein
        Y': the body in the genitive (the story's own for a bare 'der Stadt') joins Y."""
        m = _JOINING_OF.search(sent)
        if m is None:
            return
        who = m.group("who")
        joiner = self._sure_home() if _BARE_BODY.fullmatch(who) else org_from_item(who, self.places)
        net = _net_from(_first_item(m.group("net")), self.places)
        if joiner is None or net is None or joiner.kind not in ("municipality", "utility", "university", "company", "association") \
                or _BOARD.match(net.name) or _PERSONS_BODY.match(net.name) or " " not in net.name and _NETWORK_HEAD.fullmatch(net.name.lower()):
            return
        if net.kind == "other":
            net.kind = "association"
        self._link("MEMBER_OF", joiner, net, quote(sent), "press:membership")

    def _more_targets(self, sent: str, at: int, first: OrgM) -> list[OrgM]:
        """The networks coordinated after a membership's first one, each with its own preposition or article:
        'Mitglied im Deutschen Städtetag, im Bayerischen Städtetag und im Klima-Bündnis', 'des A und des B'."""
        named = sent.find(first.name.split()[-1], at)
        pos = named + len(first.name.split()[-1]) if named >= 0 else -1
        out: list[OrgM] = []
        while pos > 0:
            nxt = _NEXT_TARGET.match(sent, pos)
            if nxt is None:
                break
            org = _net_from(_first_item(nxt.group("item")), self.places)
            if org is None or org.kind == "municipality" or _BOARD.match(org.name) or _PERSONS_BODY.match(org.name):
                break
            if org.kind == "other":
                org.kind = "association"
            out.append(org)
            pos = nxt.start("item") + len(_first_item(nxt.group("item")))
        return out

    def _after_as_member(self, sent: str, m: re.Match[str], target: OrgM | None) -> OrgM | None:
        """'Als Mitglied des Netzwerks X profitiert die Stadt A', 'Mit dem Beitritt zu X legt die Y GmbH …': a sentence opening
        with the membership, its subject the first body after the network's name."""
        if target is None or _OPENING.fullmatch(sent[: m.start()]) is None:
            return None
        after = [o for o in find_orgs(sent[m.end():], self.places) if o.key != target.key and not o.needs_place]
        after += [o for _at, o in self._munis(sent[m.end():]) if o.key != target.key]
        after = [o for o in after if o.kind != "other" and o.start > len(target.name)]
        if after:
            return min(after, key=lambda o: o.start)
        return self._subject_before(sent, m.start()) or (self.subject[0] if self.subject else None)  # the story's actor

    def _person_first(self, sent: str, at: int) -> bool:
        """Whether the subject of a singular membership at ``at`` is a person: the sentence opens with a named person
        ('Anna Muster, Bürgermeisterin von X, ist Mitglied …') or the cue's relative clause follows one ('Huber, der auch
        Mitglied im Y ist')."""
        persons = self.facts.persons
        if not persons or sent.startswith("Mitglieder", at):
            return False
        head = _ARTICLE_TITLE.sub("", sent[:at])
        if any(head.startswith(n) or head.startswith(n.split()[-1] + ",") for n in persons):
            return not re.search(r"\b(?:sind|waren|werden|wurden)\s", sent[:at])
        rel = _REL_BEFORE.search(sent[:at])
        return rel is not None and any(rel.group("n") in (n, n.split()[-1]) for n in persons)

    def _person_subject(self, clause: str) -> bool:
        """Whether the clause before a membership cue names a person and no organization ('Anna Muster ist
        Mitglied im X': a person's membership, not an organization's)."""
        named = any(n in clause or n.split()[-1] in clause.split() for n in self.facts.persons)
        return named and not find_orgs(clause, self.places)

    def _membership(self, sent: str) -> None:
        """'Die Stadt X ist Mitglied im Y', 'tritt dem Y bei', 'Beitritt zum Y', 'ist dem Y beigetreten': the
        body before the cue (or the story's acting body) is a MEMBER_OF the network named by the slot."""
        q = quote(sent)
        for m in _MEMBERSHIP.finditer(sent):
            cue = m.group(0)
            clause = _CLAUSE_SPLIT.split(sent[: m.start()])[-1]
            if cue.startswith("Mitglieder") and not clause.rstrip().endswith((" sind", " waren", " werden", " wurden", " bleiben")):
                continue  # 'Mitglieder des X sind A, B': the member list's ('A und B sind Mitglieder des X': theirs)
            if self._person_subject(clause) or _person_seat(clause, sent[m.start():]) or self._person_first(sent, m.start()):
                continue
            extra = {w for w in _CAP_WORD.findall(clause) if known_place(w, 5000) and is_place_word(w)
                     and not any(w in p for p in self.places if len(p) > len(w) and p in clause)} - self.places
            self.places |= extra  # 'Auch Jena und Gera sind Mitglied …': towns as the subject (kept only when members; no part of a longer one)
            members: list[OrgM] = []
            if cue in LEX.membership_target_before:  # 'X ist dem Netzwerk Y beigetreten'
                art = _ARTICLE_BEFORE.search(clause)
                target = _net_from(_TIME_TAIL.sub("", art.group("name")), self.places) if art else None
                cands = [o for o in find_orgs(clause, self.places) if not o.needs_place]
                if target is None and cands:
                    target = cands[-1]
                at = art.start() if art else len(clause)
                members = [o for o in self._coordinated(clause[:at]) if target is not None and o.key != target.key]
                member: OrgM | None = members[0] if members else self._sure_home() if _BARE_SUBJECT.match(clause) else None
            else:
                item = _first_item(_SLOT_LEAD.sub("", _LOWER_NEXT.split(sent[m.end():].strip(), 1)[0]))  # 'sind Mitglied | im X' 
                named = [o for o in find_orgs(sent[m.end(): m.end() + 120], self.places) if not o.needs_place and o.start <= 5]
                target = named[0] if named and len(named[0].name) > len(item) else _net_from(_LOWER_NEXT.split(sent[m.end():].strip(), 1)[0].strip(), self.places) \
                    if _QUOTED_SLOT.match(_SLOT_LEAD.sub("", sent[m.end():].strip())) else org_from_item(item, self.places, loose=True)
                listed = _PLURAL_THEN_LIST.match(sent, m.end()) if target is None else None
                if listed is not None:  # 'Mitglied in folgenden Verbänden: A, B und C'
                    nets = [n for n in (_net_from(x, self.places) for x in re.split(r"\s*,\s*|\s+(?:und|sowie)\s+", listed.group("list"))) if n is not None]
                    target = nets[0] if nets else None
                    self.__dict__["_listed_nets"] = nets[1:]
                if target is None and _COMPOUND_NAME.fullmatch(item):
                    target = OrgM(item, "association")  # 'Mitglied im Klima-Bündnis': a hyphenated name
                headed = _HEADED_NAME.match(sent, m.end()) if target is None or target.name.split()[0].lower() in _HEAD_WORDS else None
                if headed is not None:  # 'Mitglied der Arbeitsgemeinschaft fahrradfreundlicher Kommunen in Bayern': its genitive words too
                    target = OrgM(f"{nominative_noun(headed.group('h'))} {headed.group('rest')}", "association")
                verb_first = cue.startswith(("ist ", "sind ", "wird ")) or clause.rstrip().endswith((" sind", " ist", " wird", " werden"))
                members = self._coordinated(_LIST_CLAUSE.split(sent[: m.start()])[-1]) if verb_first else []  # "A, B und C sind Mitglied …"
                verb_last = _VERB_LAST.search(clause)
                if not members and verb_last:  # '…, dass A Mitglied im X wird': the bodies right before the cue
                    members = self._coordinated(clause.rstrip())
                owner = _OWNED_NOUN.match(sent, m.end()) if cue.startswith(("Mitgliedschaft", "Beitritt", "mit dem")) else None
                if owner is not None and target is not None and target.kind == "municipality":  # 'die Mitgliedschaft der Stadt X im Y'
                    net = org_from_item(_first_item(sent[owner.end():]), self.places, loose=True)
                    members, target = ([target], net) if net is not None else ([], None)
                if members:
                    member = members[0]
                elif cue.startswith(("Mitgliedschaft", "Beitritt", "mit dem")) or not (verb_first or verb_last or _COPULA_TAIL.search(clause)):
                    # a noun ('die Mitgliedschaft im X kostet'), or no copula ('Jedes Mitglied des X', 'Als Mitglied des X profitiert A'):
                    # only a body the clause names before the cue, or the subject right after an opening 'Als Mitglied des X'
                    named_before = [o for o in find_orgs(clause, self.places) if not o.needs_place and o.kind != "other"]
                    member = named_before[-1] if named_before else self._after_as_member(sent, m, target)
                    if member is None and cue.startswith("Beitritt") and _COUNCIL.search(clause):  # 'hat der Stadtrat für einen Beitritt zum X gestimmt'
                        member = self._subject_before(sent, m.start()) or self._sure_home()
                else:
                    member = self._subject_before(sent, m.start())
                    if member is None and target is not None:
                        after = [o for o in find_orgs(sent[m.end():], self.places) if o.key != target.key and not o.needs_place]
                        member = after[0] if after else self._sure_home()
                if member is None:
                    self.places -= extra
                    continue
            if target is None or _BOARD.match(target.name) or _PERSONS_BODY.match(target.name) or LEX.is_titleish(target.name.split()[0]) \
                    or target.name.split()[0] in _PARTIES:
                self.places -= extra
                continue
            if " " not in target.name and _NETWORK_HEAD.fullmatch(target.name.lower()):
                self.places -= extra
                continue  # 'Mitglied im Netzwerk', 'Beitritt zum Zweckverband': a bare head names no body
            self.places -= extra - {o.place for o in [*members, member] if o is not None}
            member = member or (self.subject[0] if self.subject else None)
            if target.kind == "other":
                target.kind = "association"
            for one in members[1:] if len(members) > 1 else []:
                self._link("MEMBER_OF", one, target, q, "press:membership")
            self._link("MEMBER_OF", member, target, q, "press:membership")
            if cue not in LEX.membership_target_before:  # 'Mitglied im A, im B und im C': each network of the list
                for more in [*self._more_targets(sent, m.end(), target), *self.__dict__.pop("_listed_nets", [])]:
                    if more.kind == "other":
                        more.kind = "association"
                    self._link("MEMBER_OF", member, more, q, "press:membership")
            break

    def _ownership(self, sent: str) -> None:
        """'Die X GmbH, eine Tochter der Stadtwerke Y' / 'Die Stadt hält 25,1 Prozent an der X': OWNS, owner first."""
        for m in _DAUGHTER.finditer(sent):
            owner = self._bind(org_from_item(_first_item(sent[m.end():]), self.places), None, sent)
            before = [b for b in (self._bind(o, None, sent) for o in find_orgs(sent[: m.start()], self.places)) if b is not None]
            if owner is not None and before:
                self._link("OWNS", owner, before[-1], quote(sent, m.start(), m.end()), "press:subsidiary")
        for m in _SHARE.finditer(sent):
            owned = self._bind(org_from_item(_first_item(sent[m.end():]), self.places), None, sent)
            before = [o for o in find_orgs(sent[: m.start()], self.places) if not o.needs_place]
            owner = before[-1] if before else (self.subject[0] if self.subject else None)
            if owned is not None and owner is not None:
                self._link("OWNS", owner, owned, quote(sent, m.start(), m.end()), "press:share")

    def _joint_lists(self, sent: str) -> None:
        """'An der X beteiligen sich A, B und C', 'Dem Netzwerk X gehören A und B an', 'A und B gehören dem Verbund
        X an': each listed body joins X (MEMBER_OF a network, else PARTNERS_WITH the joint body)."""
        q = quote(sent)
        among = _AMONG_FIRST.match(sent) or _AMONG_REL.search(sent)
        if among is not None:
            self._among(among, q)
            return
        first = _TAKE_PART.match(sent) or _BELONG_FIRST.match(sent)
        if first is not None:
            groups = self._groups(first.group("list"))
            members = groups[0] if groups and groups[0][0].start <= 12 else []  # the list right after the verb
            listed = self._kind_list(first.group("list"))  # 'die Stadt A sowie die Gemeinden B und C': the kind word heads B and C
            self._join(listed if len(listed) > len(members) else members, first.group("net"), q)
            return
        connects = _CONNECTS.match(sent)
        if connects is not None:
            towns, _kind, _dash = self._list_after(sent, connects.end())
            if len(towns) >= 2:
                self._join([self.body(t) for t in towns], connects.group("net"), q)
            return
        form = _FORM.search(sent)
        after = _BELONG_AFTER.search(sent) or (form if form and _NETWORK.search(form.group("net")) else None)
        if after is not None:
            self._join(self._coordinated(_LIST_CLAUSE.split(sent[: after.start()])[-1].rstrip()), after.group("net"), q)
        borne = _BORNE.search(sent)
        if borne is not None:
            groups = self._groups(sent[borne.end():])
            both = groups[0] if groups and groups[0][0].start <= 8 else []
            for i, a in enumerate(both):
                for b in both[i + 1:]:
                    self._link("PARTNERS_WITH", a, b, q, "press:joint-body")
        held = _SHAREHOLDERS.search(sent)
        if held is not None:
            owned = org_from_item(held.group("of"), self.places) if held.group("of") else None
            owned = owned or next((o for o in reversed(find_orgs(sent[: held.start()], self.places)) if not o.needs_place), None)
            owned = owned or (self._previous_subject() if held.start() < 3 else None)  # 'Die X GmbH baut. Gesellschafter sind …'
            groups = self._groups(sent[held.end():])
            for owner in groups[0] if owned is not None and groups and groups[0][0].start <= 8 else []:
                self._link("OWNS", owner, owned, q, "press:shareholders")

    def _inside(self, sent: str) -> None:
        """'Im Netzwerk X arbeiten A, B und C zusammen': the bodies listed after the verb are members of the network
        (a body with a network's head word, not 'Im Rathaus arbeiten A und B zusammen')."""
        m = _INSIDE_FIRST.match(sent)
        if m is None or not _NETWORK.search(m.group("net")):
            return
        groups = self._groups(m.group("list"))
        members = groups[0] if groups and groups[0][0].start <= 4 and len(groups[0]) >= 2 else []
        self._join(members, m.group("net"), quote(sent))

    def _member_predicate(self, sent: str) -> None:
        """'Die Stadt X ist Gründungsmitglied des Vereins Y', 'ist Teil des Netzwerks Y', 'gehört zu den Mitgliedern
        des Y', 'beteiligt sich am Netzwerk Y', 'wurde in das Netzwerk Y aufgenommen': the subject joins Y (a
        body of places, 'Teil des Landkreises Y', is no membership)."""
        m = _MEMBER_PRED.search(sent) or _TAKEN_IN.search(sent)
        if m is None:
            return
        slot = m.group("net")
        named = [o for o in find_orgs(slot[:120], self.places) if not o.needs_place and o.start <= 5]
        phrase = named[0].name if named and named[0].start <= 1 else _first_item(slot) if m.re is _MEMBER_PRED else slot
        if named and named[0].start <= 1 and named[0].kind in ("municipality", "government"):
            return
        clause = _LIST_CLAUSE.split(sent[: m.start()])[-1].rstrip()
        members = self._coordinated(clause) or ([s] if (s := self._subject_before(sent, m.start())) is not None else [])
        self._join([o for o in members if o.kind in ("municipality", "utility", "university", "company", "association")], phrase, quote(sent))

    def _separable_join(self, sent: str) -> None:
        """'Die Gemeinde X tritt dem Zweckverband Y bei': the body before the verb (or listed before it) joins Y."""
        m = _JOINS_SEPARABLE.search(sent)
        if m is None:
            return
        clause = _LIST_CLAUSE.split(sent[: m.start()])[-1].rstrip()
        members = self._coordinated(clause) or ([s] if (s := self._subject_before(sent, m.start())) is not None else [])
        self._join([o for o in members if o.kind in ("municipality", "utility", "university", "company", "association")], m.group("net"), quote(sent))

    def _among(self, m: re.Match[str], q: str) -> None:
        """'Zu den Modellprojekten X gehören A, B und C', 'X …, zu denen auch A gehört': each body of the list
        belongs to the program or network X named (a plural dative in the nominative: 'Modellprojekten' -> '…projekte');
        'Zu den Mitgliedern des Y gehören …': members of Y."""
        net = m.group("net")
        first, _, rest = net.partition(" ")
        if first.startswith(("Partner", "Schwester")) or not rest:
            return  # twin towns: the twin-list rules'
        member_of = re.match(r"(?:Gründungs)?[Mm]itglieder(?:n)?\s+(?:der|des)\s+(?P<of>.+)$", net)
        if member_of:
            net = member_of.group("of")
        elif first.endswith("en") and first[:-1].endswith("e") and not first.endswith(("ionen", "ungen", "heiten", "keiten", "schaften")):
            net = f"{first[:-1]} {rest}"
        lst = m.group("list")
        extra = {w for w in _CAP_WORD.findall(lst) if known_place(w, 5000) and is_place_word(w)} - self.places
        self.places |= extra  # towns of the list the story did not name before
        if m.re is _AMONG_REL:
            found = self._coordinated(lst)  # '… zu denen ja auch A gehört': the bodies right before the verb
        else:
            groups = self._groups(lst)
            found = groups[0] if groups and groups[0][0].start <= 12 else []
        members = [o for o in found if o.kind in ("municipality", "utility", "university", "company", "association")]
        self.places -= extra - {o.place for o in members}
        if members:
            self._join(members, net, q)

    def _member_bodies(self, sent: str) -> None:
        """A joint body named with its members: 'die Verwaltungsgemeinschaft X der Gemeinden A, B und C', 'der
        Zweckverband von A und B', 'Die Städte A und B schließen sich zum Verbund X zusammen', and a joint body
        named by its two member places ('Verwaltungsgemeinschaft A-B', both places of the story)."""
        q = quote(sent)
        for m in _BODY_OF_MEMBERS.finditer(sent) if _JOINT_THEN_MEMBERS.search(sent) else ():
            places = self._place_list(m.group("list"))
            if len(places) < 2:
                continue
            head = _KIND_WORD.get(m.group("kind") or "", "")
            name = m.group("net").replace("„", "").replace("“", "").replace('"', "")
            if " " not in name:  # 'die Verwaltungsgemeinschaft von A und B': named by its members
                last = m.start("list") + m.group("list").find(places[-1]) + len(places[-1])
                name = sent[m.start("net"): last]
            net = OrgM(name, "association")
            for place in places:
                self.places.add(place)
                member = municipality(place, head) if head else self.body(place)
                self._link("MEMBER_OF", member, net, q, "press:member-bodies")
        for m in _HYPHEN_PAIR.finditer(sent) if "-" in sent and _JOINT_THEN_PAIR.search(sent) else ():
            a, b = m.group("a"), m.group("b")
            known = [p for p in self.places if p == a or p == b or p.startswith((a + " ", b + " "))]
            if m.group("head").endswith(("Region", "region")) or len({p.split()[0] for p in known}) < 2:
                continue
            net = OrgM(m.group(0), "association")
            for place in sorted(known, key=lambda p: sent.find(p.split()[0])):
                self._link("MEMBER_OF", self.body(place), net, q, "press:member-bodies")
        spans = (_SPANS.match(sent) if "umfass" in sent or "verein" in sent else None) or (_BELONG_TO.match(sent) if sent.startswith(("Zum ", "Zur ")) else None)
        if spans is not None:
            places = self._place_list(spans.group("list"))
            head = _KIND_WORD.get(spans.group("kind") or "", "")
            if len(places) >= 2:
                for place in places:
                    self.places.add(place)
                self._join([municipality(p, head) if head else self.body(p) for p in places], spans.group("net"), q)
        together = _JOIN_TOGETHER.search(sent) if "zusammen" in sent else None
        if together is not None:
            self._join(self._coordinated(_LIST_CLAUSE.split(sent[: together.start()])[-1].rstrip()), together.group("net"), q)

    def _place_list(self, text: str) -> list[str]:
        """The places listed at the start of ``text`` ('A, B und C'), each a place of the story or the gazetteer."""
        out: list[str] = []
        pos = 0
        while True:
            item = _PLACE_NAME.match(text, pos)
            name = item.group(0) if item else ""
            if not name or not is_place_word(name) or not (name in self.places or known_place(name, 0)):
                break
            out.append(name)
            sep = _LIST_SEP.match(text, item.end()) if item else None
            if sep is None:
                break
            pos = sep.end()
        return out

    def _join(self, members: list[OrgM], phrase: str, q: str) -> None:
        """Each of ``members`` joins the body ``phrase`` names ('Digitalen Modellregion Nordhessen')."""
        words = _CAP_RUN.match(phrase.strip())
        net = OrgM(words.group(0), "association") if words and _NETWORK_HEAD.search(words.group(0).split()[0].lower()) else None
        named = _QUOTED_NAME.match(phrase.strip())
        if named:  # 'Städteverbund "Städtedreieck am Fluss"': the quoted name too
            net = OrgM(f"{named.group('noun')} {named.group('name')}", "association")
        net = net or _net_from(phrase, self.places)
        if net is None or not members or _BOARD.match(net.name) or LEX.is_titleish(net.name.split()[0]) or net.name in self.facts.persons:
            return
        if " " not in net.name and not (_NETWORK_HEAD.search(net.name.lower()) or "-" in net.name or not net.name[1:].islower()):
            return  # 'An der Studie beteiligten sich A und B': a common noun names no joint body
        if net.kind == "other":
            net.kind = "association"
        typ = "MEMBER_OF" if _NETWORK.search(net.name) else "PARTNERS_WITH"
        for org in members:
            if org.kind == "municipality" and org.place:
                self.places.add(org.place)
            self._link(typ, org, net, q, "press:joint-list")

#: Adjectives of a person's seat right before 'Mitglied': 'stellvertretendes Mitglied', 'beratendes Mitglied'.
_SEAT_ADJ = re.compile(r"(?:stellvertretende|ordentliche|beratende|kooptierte|stimmberechtigte|sachkundige|langjährige|ehrenamtliche)s?\s+$")
#: A clause's subject: 'Der Politiker ist …', 'Er ist …', 'Die Landrätin ist …'.
_SUBJECT_NOUN = re.compile(r"^\s*(?:(?:Auch|Zudem|Außerdem)\s+)?(?:(?:der|die|Der|Die)\s+)?(?P<n>[A-ZÄÖÜ][\w-]*)\s+(?P<v>ist|war|wird|wurde|bleibt)\b")


#: Titles and articles before a sentence's first name: 'Die Stadträtin Anna Muster', 'Landrat Karl Feder'.
_ARTICLE_TITLE = re.compile(rf"^(?:(?:Auch|Zudem)\s+)?(?:(?:Der|Die)\s+)?(?:[{UP}][\w-]*(?:in|rat|rätin|er|meister|meisterin|ent|entin)\s+)?")
#: A relative clause after a person's name: 'Huber, der auch …', 'Anna Muster, die seit 2010 …'.
_REL_BEFORE = re.compile(rf"(?P<n>[{UP}][\w-]+(?:\s[{UP}][\w-]+)?),\s+(?:der|die)\s+[^,;:]*$")
#: A body's council deciding on a joining: 'hat sich der Stadtrat für einen Beitritt zum X ausgesprochen'.
_COUNCIL = re.compile(r"\b(?:Stadtrat|Gemeinderat|Kreistag|Marktgemeinderat|Stadtverordnetenversammlung|Ratsversammlung|Rat)\b")
#: A network's noun and its quoted name at the start of a slot: 'Vereins „Zukunft Niederbayern“'.
_QUOTED_SLOT = re.compile(rf"(?P<noun>[{UP}][\w-]+)\s*[„\"»](?P<name>[^“\"«]{{2,80}})[“\"«]")
#: A membership's generic plural before a colon and its list: 'Mitglied in folgenden Verbänden: A, B und C'.
_PLURAL_THEN_LIST = re.compile(r"\s*(?:(?:folgenden|den|mehreren|verschiedenen|zahlreichen|diesen)\s+)?[A-ZÄÖÜ]\w*(?:en|n)\s*:\s*(?P<list>[^.;]+)")
#: 'der Beitritt der Gemeinde X zum Y', 'den Beitritt der Stadt zum Y': a joining noun, its joiner in the genitive.
_JOINING_OF = re.compile(r"\bBeitritt(?:s)?\s+(?:der|des)\s+(?P<who>[^,;:]+?)\s+(?:zum|zur|zu|in\s+den|in\s+die|in\s+das)\s+(?P<net>[A-ZÄÖÜ„\"][^,;:]+)")
_BARE_BODY = re.compile(r"(?:Stadt|Gemeinde|Kommune|Marktgemeinde|Stadtgemeinde)")
#: A time phrase after a network's name before its verb: 'dem X im Jahr 2010 | beigetreten', 'dem X 2010'.
_TIME_TAIL = re.compile(r"\s+(?:im\s+Jahr\s+\d{4}|\d{4}|(?:bereits|schon|nun|jetzt|offiziell|inzwischen)(?:\s+\d{4})?)$")
#: A network's head word with lowercase genitive words after it: 'Arbeitsgemeinschaft fahrradfreundlicher Kommunen (in Bayern)'.
_HEADED_NAME = re.compile(rf"\s*(?:der|des|dem|im|in\s+der)?\s*(?P<h>[{UP}][\w-]*(?:gemeinschaft|verband|verbandes|verbands|bund|bundes|netzwerk|netzwerks|verein|vereins)|"
                          rf"(?:Verband|Verbandes|Verbands|Bund|Bundes|Netzwerk|Netzwerks|Verein|Vereins))\s+"
                          rf"(?P<rest>(?:[a-zäöü]\w*(?:er|en)\s+)+[{UP}][\w-]+(?:\s+in\s+[{UP}][\w-]+)?)")
_HEAD_WORDS = frozenset({"arbeitsgemeinschaft", "verband", "bund", "netzwerk", "verein"})
#: The next network of a membership list: ', im B', ' und im C', ' sowie des D'.
_NEXT_TARGET = re.compile(r"(?:\s*,\s*|\s+(?:und|sowie)\s+)(?:im|in\s+der|in\s+dem|beim|des|der|dem)\s+(?P<item>[A-ZÄÖÜ][^,;:.]*)")
#: A sentence's opening phrase before a membership noun: 'Als | Mitglied des X', 'Mit dem | Beitritt zu X', 'Nach dem | Beitritt'.
_OPENING = re.compile(r"(?:Als|Mit\s+dem|Mit\s+der|Nach\s+dem|Durch\s+den|Durch\s+die)\s+")
#: A copula before a membership cue, a few words between: 'ist seit 2019 Mitglied', 'bleibt auch künftig Mitglied'.
_COPULA_TAIL = re.compile(r"\b(?:ist|sind|war|waren|wird|werden|wurde|wurden|bleibt|bleiben|blieb|sei|seien|wäre|wären)\b(?:\s+[^\s,;:]+){0,5}?\s*$")
#: The owner of a membership noun in the genitive, then its network: 'Mitgliedschaft der Stadt X | im Y', 'Beitritt des Kreises X | zum Y'.
_OWNED_NOUN = re.compile(r"[^,;:]*?\s(?:im|in\s+der|in\s+dem|zum|zur|beim)\s+")
#: A verb-final clause opening: '…, dass A …', 'weil B …', 'ob C …'.
_VERB_LAST = re.compile(r"^\s*(?:dass|weil|ob|nachdem|sobald|wenn|damit)\s")


def _person_seat(clause: str, cue_on: str) -> bool:
    """Whether a membership cue is a person's seat, not a body's membership: an adjective of a seat before it
    ('stellvertretendes Mitglied'), or a singular subject that is a person ('Er ist Mitglied', 'Der Politiker ist
    Mitglied', 'Die Landrätin ist Mitglied')."""
    if _SEAT_ADJ.search(clause):
        return True
    subj = _SUBJECT_NOUN.match(clause)
    if subj is None or not cue_on.startswith("Mitglied") and not clause.rstrip().endswith(subj.group("v")):
        return False
    noun = subj.group("n")
    return noun in ("Er", "Sie") and clause.lstrip().startswith(noun) or LEX.is_titleish(noun) or noun.endswith(("politiker", "politikerin"))


def _net_from(item: str, places: set[str]) -> OrgM | None:
    """The network a slot names: a recognized organization or proper name, or a hyphenated name ('Klima-Bündnis')."""
    quoted = _QUOTED_SLOT.match(item.strip())
    if quoted:  # 'des Vereins „Zukunft X“' -> 'Verein Zukunft X'
        return OrgM(f"{nominative_noun(quoted.group('noun'))} {quoted.group('name')}", "association")
    org = org_from_item(item, places, loose=True)
    bare = item.strip(" ,.;:")
    if org is None and _COMPOUND_NAME.fullmatch(bare):
        org = OrgM(nominative_noun(bare), "association")
    return org


def _first_item(text: str) -> str:
    """The first name of a slot: up to a comma, a clause word or the sentence's end."""
    return re.split(r"\s*[,;:()]\s*|\s+(?:und|sowie|die|der|das|mit|zum|zur|für|ist|sind|wird|werden)\s+|\.\s|\.$", text.strip(), maxsplit=1)[0]
