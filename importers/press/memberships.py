"""Memberships, ownership and the last look at a story's organization links (a mixin of ``StoryExtractor``):
'ist Mitglied im X', 'Tochter der X', 'hält 25,1 Prozent an X', one spelling per network, and no link
between two names of one place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .lexicon import LEX, UP
from .orgs import OrgM, find_orgs, fold, is_place_word, known_place, org_from_item
from .facts import MAX_QUOTE, LinkF, quote

_MEMBERSHIP = LEX.cue_pattern("membership_cues")
_COMPOUND_NAME = re.compile(rf"[{UP}][\w]+(?:-[{UP}][\w]+)+")
_CLAUSE_SPLIT = re.compile(r"[,;:]\s|\s[–—-]\s")
#: Where a clause before a list ends: not at the commas of 'A, B und C'.
_LIST_CLAUSE = re.compile(r"[;:]\s|,\s+(?=[a-zäöü])|\s[–—-]\s")
_LOWER_NEXT = re.compile(r"\s+(?=[a-zäöü])")
#: The network right before 'beigetreten': 'ist dem Klima-Bündnis beigetreten'.
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:dem|der|den|des)\s+(?P<name>[^,;:]+?)\s*$")
#: 'An der X beteiligen sich A, B und C': the joint body first, its participants after the verb.
_TAKE_PART = re.compile(r"^(?:An|Am)\s+(?:der|dem|den)?\s*(?P<net>[^,;:]+?)\s+(?:beteiligen|beteiligten|beteiligt)\s+sich\s+(?:(?:bislang|bisher|derzeit|aktuell|inzwischen|mittlerweile|auch)\s+)?(?P<list>.+)$")
#: 'Dem Netzwerk X gehören A, B und C an' (the network first) and 'A und B gehören (seit 2010) dem Verbund X an'.
_BELONG_FIRST = re.compile(r"^(?:Dem|Der)\s+(?P<net>[^,;:]+?)\s+gehör(?:en|t|ten|te)\s+(?:(?:seit|bereits|inzwischen|mittlerweile|heute|derzeit|aktuell|nun)\b[^,;:]*?\s+)?(?P<list>.+?)\s+an(?=[\s.,;]|$)")
_BELONG_AFTER = re.compile(r"\bgehör(?:en|t|ten|te)\s+(?:[^\s,;:]+\s+){0,4}?(?:dem|der)\s+(?P<net>[^,;:]+?)\s+an(?=[\s.,;]|$)")
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
#: Where a place's name goes on with where it lies ('Buckow in der Märkischen', 'Tuggen in der Schweiz').
_WHERE_TAIL = re.compile(r"\s(?:in der|in den|im|am|an der|bei)\s")
#: An article or contraction right before a word: 'im Schloss', 'das Rathaus' (a noun, not a town).
_ARTICLE_END = re.compile(r"(?:^|\s)(?:im|am|vom|zum|zur|beim|ins|das|dem|des|der|die|den|ein|einem|eines)\s+$", re.I)
#: 'zum Wohle', 'zur Freude': a noun after 'zu' + article, never a place's body.
_ZU_BEFORE = re.compile(r"\b(?:zum|zur)\s+$")
#: A subsidiary and its owner: 'eine Tochter der X', 'Tochtergesellschaft der X', 'hundertprozentige Tochter von X'.
_DAUGHTER = re.compile(r"\b(?:[Tt]ochter(?:gesellschaft|unternehmen|firma)?|[Tt]öchter)\s+(?:der|des|von|vom)\s+")
#: A share: 'hält 25,1 Prozent an der X', 'ist mit 49 Prozent an X beteiligt'.
_SHARE = re.compile(r"\b(?:hält|halten|hielt|besitzt|besitzen|übernimmt|übernahm|erwirbt|erwarb)\s+(?:(?:rund|knapp|etwa|jeweils|je)\s+)?"
                    r"(?P<n>\d{1,3}(?:,\d+)?)\s*(?:Prozent|%)\s+(?:der\s+Anteile\s+|der\s+Gesellschaftsanteile\s+)?an\s+")
#: Words of a body inside an organization ('Mitglied im Aufsichtsrat'): a person's seat, not a membership.
_BOARD = re.compile(rf"^(?:[{UP}][\w-]*)?(?:[Rr]at|[Aa]usschuss|[Vv]orstand|[Gg]remium|[Kk]uratorium|[Pp]räsidium|[Kk]reistag|[Tt]eam|[Bb]eirat)\b")


def _spelling(name: str) -> str:
    """A name's comparison form across spellings of one text ('KlimaBündnis', 'Klima-Bündnis')."""
    return fold(name).replace("-", "").replace(" ", "")


class MembershipRules:
    """Mixin of ``StoryExtractor``: memberships, ownership and the cleanup of organization links."""

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

        def _full_place_names(self) -> None: ...

        def _groups(self, text: str) -> list[list[OrgM]]: ...

        def _previous_subject(self) -> OrgM | None: ...

        def _list_after(self, sent: str, at: int) -> tuple[list[str], str | None, bool]: ...

        def _coordinated(self, text: str) -> list[OrgM]: ...

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
            if cue.startswith("Mitglieder"):
                continue  # 'Mitglieder des X sind A, B': the member list's
            clause = _CLAUSE_SPLIT.split(sent[: m.start()])[-1]
            if self._person_subject(clause):
                continue
            if cue in LEX.membership_target_before:  # 'X ist dem Netzwerk Y beigetreten'
                art = _ARTICLE_BEFORE.search(clause)
                target = org_from_item(art.group("name"), self.places, loose=True) if art else None
                cands = [o for o in find_orgs(clause, self.places) if not o.needs_place]
                if target is None and cands:
                    target = cands[-1]
                at = art.start() if art else len(clause)
                member = next((o for o in [*find_orgs(clause[:at], self.places), *(o for _p, o in self._munis(clause[:at]))]
                               if target is not None and o.key != target.key and not o.needs_place), None)
            else:
                item = _first_item(_LOWER_NEXT.split(sent[m.end():].strip(), 1)[0])
                target = org_from_item(item, self.places, loose=True)
                if target is None and _COMPOUND_NAME.fullmatch(item):
                    target = OrgM(item, "association")  # 'Mitglied im Klima-Bündnis': a hyphenated name
                member = self._subject_before(sent, m.start())
                if member is None and target is not None:
                    after = [o for o in find_orgs(sent[m.end():], self.places) if o.key != target.key and not o.needs_place]
                    member = after[0] if after else self._sure_home()
            if target is None or _BOARD.match(target.name) or LEX.is_titleish(target.name.split()[0]):
                continue
            member = member or (self.subject[0] if self.subject else None)
            if target.kind == "other":
                target.kind = "association"
            self._link("MEMBER_OF", member, target, q, "press:membership")
            break

    def _ownership(self, sent: str) -> None:
        """'Die X GmbH, eine Tochter der Stadtwerke Y' / 'Die Stadt hält 25,1 Prozent an der X': OWNS, owner first."""
        for m in _DAUGHTER.finditer(sent):
            owner = self._bind(org_from_item(_first_item(sent[m.end():]), self.places), None, sent)
            before = [o for o in find_orgs(sent[: m.start()], self.places) if not o.needs_place]
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
        first = _TAKE_PART.match(sent) or _BELONG_FIRST.match(sent)
        if first is not None:
            groups = self._groups(first.group("list"))
            members = groups[0] if groups and groups[0][0].start <= 12 else []  # the list right after the verb
            self._join(members, first.group("net"), q)
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

    def _join(self, members: list[OrgM], phrase: str, q: str) -> None:
        """Each of ``members`` joins the body ``phrase`` names ('Digitalen Modellregion Nordhessen')."""
        words = _CAP_RUN.match(phrase.strip())
        net = OrgM(words.group(0), "association") if words and _NETWORK_HEAD.search(words.group(0).split()[0].lower()) else None
        net = net or org_from_item(phrase, self.places, loose=True)
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

    def _clean_links(self) -> None:
        """The story's links once all rules ran: one spelling per network (the first), a place named with
        where it lies is that place, and no link of a place with itself or with 'zum Wohle'; each pair once."""
        if not self.facts.links:
            return
        self._full_place_names()  # 'Stadt San' of San Damiano d'Asti: full names before comparing
        first: dict[str, OrgM] = {}
        short = {p for p in self.places if not _WHERE_TAIL.search(p)}
        kept: list[LinkF] = []
        seen: set[tuple[str, frozenset[str]]] = set()
        for link in self.facts.links:
            sides = []
            for org in (link.a, link.b):
                org = self._where_less(org, short)
                org = self._full_town(org, short)
                if org.kind != "municipality":
                    org = first.setdefault(_spelling(org.name), org)
                sides.append(org)
            a, b = sides
            if self._foreign_twins(link, a, b) or _loose_between(link, a, b, self._sentence_of(link.quote)):
                continue
            if a.key == b.key or _one_place(a, b) or self._zu_noun(a, link.quote) or self._zu_noun(b, link.quote) \
                    or _body_noun(a) or _body_noun(b) or self._noun_place(a) or self._noun_place(b):
                continue
            ka, kb = _place_key(a), _place_key(b)  # 'Gemeinde Kriens' and 'Stadt Kriens': one pair of towns
            sig = (link.type, frozenset((ka, kb)) if link.type == "PARTNERS_WITH" else frozenset((ka, "→" + kb)))
            if sig in seen:
                continue
            seen.add(sig)
            link.a, link.b = a, b
            kept.append(link)
        self.facts.links[:] = kept

    @staticmethod
    def _where_less(org: OrgM, short: set[str]) -> OrgM:
        """'Stadt Buckow in der Märkischen' -> 'Stadt Buckow' when the story names the place without the tail."""
        place = org.place or ""
        cut = _WHERE_TAIL.search(place)
        if org.kind != "municipality" or cut is None or place[: cut.start()] not in short or not org.name.endswith(place):
            return org
        bare = place[: cut.start()]
        return OrgM(org.name[: -len(place)] + bare, org.kind, bare, org.parent, [], org.start, org.end)

    def _full_town(self, org: OrgM, short: set[str]) -> OrgM:
        """A town named by the first words of a longer place of the story ('San Damiano' of "San Damiano
        d'Asti") is that place; a bare name that is a place ('San Damiano', kind other) is its town's body."""
        name = org.place if org.kind == "municipality" else org.name if org.kind == "other" and org.parent is None else None
        if not name:
            return org
        norm = name.replace("’", "'")
        longer = sorted((p for p in short if p.replace("’", "'").startswith(norm + " ") and p.replace("’", "'") != norm), key=len)
        full = longer[-1] if longer else (norm if org.kind == "other" and norm in short and is_place_word(norm) else None)
        if full is None:
            return org
        if org.kind == "other":
            return self.body(full).at(org.start, org.end)
        return OrgM(org.name[: len(org.name) - len(name)] + full, org.kind, full, org.parent, [], org.start, org.end) \
            if org.name.endswith(name) else org

    def _foreign_twins(self, link: LinkF, a: OrgM, b: OrgM) -> bool:
        """Whether a twinning pair guessed from the story's city or visit joins two towns of a story about one
        other town's twin towns ('Stadtbergen und seine Partnerstädte': two of them are not each other's)."""
        owners = self.__dict__.get("_twin_owners") or []
        if len(owners) != 1 or link.rule not in ("press:twinning", "press:twinning+visit") or "zwischen" in link.quote:
            return False
        return owners[0] not in (a.place, b.place)

    def _sentence_of(self, q: str) -> str:
        """The sentence a quote was cut from (a quote keeps at most ``MAX_QUOTE`` characters of it)."""
        if len(q) < MAX_QUOTE - 20:
            return q
        at = self.seg.text.find(q)
        if at < 0:
            return q
        end = _SENT_END.search(self.seg.text, at + len(q))
        return self.seg.text[at: end.start() if end else len(self.seg.text)]

    def _noun_place(self, org: OrgM) -> bool:
        """Whether a town side is a common noun: a word the gazetteer does not know that the story writes
        only after an article or 'im'/'am'/'zum' ('einen Besuch im Schloss' made a 'Stadt Schloss')."""
        place = org.place or ""
        if org.kind != "municipality" or not place or " " in place or known_place(place, 0) or org.name.split()[0] in LEX.county_heads \
                or place.endswith(("kreis", "Kreis")):  # 'der Kyffhäuserkreis': a county takes the article
            return False
        text = self.seg.text
        hits, at = [], text.find(place)
        while at >= 0:
            hits.append(at)
            at = text.find(place, at + 1)
        return bool(hits) and all(_ARTICLE_END.search(text, max(0, at - 8), at) for at in hits)

    @staticmethod
    def _zu_noun(org: OrgM, q: str) -> bool:
        """Whether a body's place appears in the quote only as a noun after 'zum'/'zur' ('zum Wohle der Bürger')."""
        if org.kind != "municipality" or not org.place or ("zum " not in q and "zur " not in q):
            return False
        hits, at = [], q.find(org.place)
        while at >= 0:
            hits.append(at)
            at = q.find(org.place, at + 1)
        return bool(hits) and all(_ZU_BEFORE.search(q, 0, at) for at in hits)


#: Endings of nouns for a body's organs, no town: 'Kreisausschuss', 'Kreistag', 'Gemeinderat'.
_ORGAN_ENDS = ("ausschuss", "tag", "rat", "amt", "verwaltung", "vorstand", "gremium", "verein", "verband", "kammer")


def _body_noun(org: OrgM) -> bool:
    """Whether a body's 'place' is the noun of an organ ('Stadt Kreisausschuss' of 'aus Kreisausschuss und
    Kreistag'), unknown to the gazetteer."""
    place = org.place or ""
    return org.kind == "municipality" and place.endswith(_ORGAN_ENDS) and " " not in place and not known_place(place, 0)


_SENT_END = re.compile(r"[.!?](?:\s|$)|\n")
#: What a 'zwischen A und B' of a twinning pair follows: 'Partnerschaft zwischen', 'Freundschaft zwischen den Städten'.
_TIE_BEFORE = re.compile(r"(?:artnerschaft\w*|reundschaft\w*|erbindung\w*|eziehung\w*|ontakte?|erbunden|ooperation\w*|ertrag\w*)\s+(?:\w+\s+){0,3}$")


def _loose_between(link: LinkF, a: OrgM, b: OrgM, sent: str) -> bool:
    """Whether a twinning pair was read off a 'zwischen A und B' that names no tie ('die zwischen A und B
    leben': a stretch of land, not a partnership); ``sent`` is the link's whole sentence."""
    if link.rule != "press:twinning" or "zwischen" not in sent:
        return False
    at = [m.start() for m in re.finditer(r"\bzwischen\s", sent)
          if (a.place or "") in sent[m.end(): m.end() + 80] and (b.place or "") in sent[m.end(): m.end() + 80]]
    return bool(at) and not any(_TIE_BEFORE.search(sent, max(0, i - 60), i) for i in at)


def _place_key(org: OrgM) -> str:
    """A link side's identity: a town's body by its place (whatever its kind word), anything else by its key."""
    if org.kind == "municipality" and org.place and org.name.split()[0] not in LEX.county_heads:
        return "@" + fold(org.place)
    return org.key


def _one_place(a: OrgM, b: OrgM) -> bool:
    """Whether two bodies are one place's under two kind words ('Stadt Tuggen', 'Gemeinde Tuggen'; a county
    and its seat town stay two)."""
    if a.kind != "municipality" or b.kind != "municipality" or not a.place or a.place != b.place:
        return False
    return (a.name.split()[0] in LEX.county_heads) == (b.name.split()[0] in LEX.county_heads)


def _first_item(text: str) -> str:
    """The first name of a slot: up to a comma, a clause word or the sentence's end."""
    return re.split(r"\s*[,;:()]\s*|\s+(?:und|sowie|die|der|das|mit|zum|zur|für|ist|sind|wird|werden)\s+|\.\s|\.$", text.strip(), maxsplit=1)[0]
