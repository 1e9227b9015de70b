"""The bodies of titles a role phrase leaves without one: offices of the story's town, of a visit's side, of the
story's utility, of a state; a possessor's or a named group's body; and the title grammar these choices read
(municipal, county, company and portfolio titles, parties, country adjectives)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .facts import EventF, RoleF, StoryFacts
from .gazetteer import countries
from .lexicon import LEX, LO, UP, _trie
from .names import clean_name
from .places import adjective_base, is_place_word, known_place, known_span, known_town
from .orgs import OrgM, find_orgs, municipality, role_key
from .organs import state_aliases
from .text import Segment

_PAREN = re.compile(r"\s*\((?P<in>[^()]{2,80})\)")


def party_of(inner: str) -> str | None:
    """The party a parenthesis after a name gives ('SPD', 'CDU, 52', 'Grüne/Die Grünen' stays whole), else None."""
    inner = _LETTER_DIGIT.sub(" ", _SLASH.sub("/", inner.strip()))  # 'Bündnis90 / Die Grünen' as the party writes itself
    if inner in LEX.parties:
        return inner
    for part in _PARTY_SPLIT.split(inner)[:3]:  # '(SPD, 52)', '(49, SPD)': the age may come first
        part = part.strip()
        part = part[: -len("-Fraktion")] if part.endswith("-Fraktion") else part  # '(SPD-Fraktion)'
        if part in LEX.parties:
            return part
    return None


_PARTY_SPLIT = re.compile(r"[,;]")
_SLASH = re.compile(r"\s*/\s*")
_LETTER_DIGIT = re.compile(r"(?<=[a-zäöü])(?=\d)")


def _municipal_title(title: str | None) -> bool:
    """Whether a title names an office of a municipality or county ('Kreisbaurätin', 'Stadtsprecher')."""
    low = (title or "").casefold()
    if any(w in low for w in ("werke", "aufsicht", "vorstand", "betrieb")):
        return False  # the title of a company's office ('Stadtwerke-Geschäftsführer', 'Aufsichtsratsvorsitzender')
    word = low.split()[-1] if low.split() else ""
    return any(stem in low for stem in LEX.municipal_title_stems) or word.startswith(tuple(LEX.municipal_title_prefixes))


def county_office(title: str | None) -> bool:
    """Whether a title is an office of a county: a Landrat's, or one named 'Kreis…' ('Erster Kreisbeigeordneter',
    'Kreisdirektorin', 'Kreistagsvorsitzender')."""
    words = (title or "").split()
    key = role_key(title) if words else None
    return bool(words) and (key in LEX.county_roles or key in _COUNTY_DEPUTIES or words[-1].startswith(("Kreis", "Landkreis")))


#: A county head's deputy ('stellvertretende Landrätin', 'Vize-Landrat') holds an office of the county too.
_COUNTY_DEPUTIES = frozenset({"deputy_district_administrator"})


def _is_county(org: OrgM) -> bool:
    return org.kind == "municipality" and (org.name.split()[0] in LEX.county_heads or org.name.endswith(("kreis", "-Kreis"))
                                           or "-Kreis " in org.name  # 'Rhein-Kreis Neuss': a county with its seat
                                           or org.name.endswith("er Kreis"))  # 'Märkischer Kreis'


#: A municipal portfolio in a compound title ('Finanzdirektorin', 'Kulturreferent', 'Partnerschaftsbeauftragte'): an office
#: of the town, though no municipal title word says so (Swiss city executives, department heads).
_PORTFOLIO_STEMS = (r"(?:finanz|bau|kultur|sozial|sicherheits|umwelt|bildungs|wirtschafts|ordnungs|personal|verkehrs|mobilitäts|"
                    r"gesundheits|planungs|stadtentwicklungs|schul|sport|jugend|partnerschafts|städtepartnerschafts|presse|"
                    r"digitalisierungs|integrations|gleichstellungs|klimaschutz|tourismus)")
_PORTFOLIO = re.compile(_PORTFOLIO_STEMS + r"[\w-]*(?:direktor|direktorin|referent|referentin|dezernent|dezernentin|beauftragte|"
                        r"beauftragter|beauftragten|amtsleiter|amtsleiterin|sprecher|sprecherin)$")


def _portfolio_title(title: str | None) -> bool:
    """Whether a title's last word is a head of a municipal portfolio ('Sicherheitsdirektor', 'Kulturreferentin')."""
    words = (title or "").casefold().split()
    return bool(words) and _PORTFOLIO.match(words[-1]) is not None


_COMPANY_KEYS = frozenset({"managing_director", "deputy_managing_director", "board_member"})
_COMPANY_WORDS = ("aufsichtsrat", "prokurist", "betriebsrat", "betriebsleiter", "werkleiter", "vorstand")


def _company_title(title: str | None) -> bool:
    """Whether a title is an office of a company ('Aufsichtsratsvorsitzender', 'Prokuristin', 'Geschäftsführer')."""
    low = (title or "").casefold()
    return bool(low) and (role_key(title) in _COMPANY_KEYS or any(w in low for w in _COMPANY_WORDS))


#: A partner noun right before a place ('die Partnerstadt X', 'im polnischen Partnerlandkreis X', 'die Partnerschaft mit X').
_PARTNER_BEFORE = re.compile(r"(?<![\w-])(?:Partner|Schwester)[\w-]*\s+(?:[\w-]+\s+)?$")
#: A demonym before a partner noun: 'der Grenchner Partnergemeinde' (Grenchen's partner).
_DEMONYM_PARTNER = re.compile(rf"(?<![\w-])(?P<adj>[{UP}][{LO}]+er)\s+(?:Partner|Schwester)[\w-]*")


def _named_as_partner(quote_text: str, org: OrgM) -> bool:
    """Whether the quote names ``org``'s place right after a partner noun: the partner of the people it names."""
    place = org.place or ""
    at = quote_text.find(place) if len(place) >= 3 else -1
    while at >= 0:
        if _PARTNER_BEFORE.search(quote_text, max(0, at - 40), at):
            return True
        at = quote_text.find(place, at + len(place))
    return False


def _colleague(title: str | None) -> bool:
    """Whether a title names the same office at another body ('Amtskollege', 'Kollegin'): never the possessor's body."""
    return "kolleg" in (title or "").casefold()


def _chair_title(title: str | None, key: str | None) -> bool:
    """Whether a title only says 'chair' ('Präsidentin', 'Vorsitzenden', 'Nationalratspräsident'): it names
    no municipal office, so neither the story's city nor a side of its visit is that body."""
    word = (title or "").split()[-1].casefold() if (title or "").split() else ""
    return key == "council_chair" or word.endswith(_CHAIR_ENDS) or word in _MEMBER_WORDS


#: Bare member titles: of what, the title does not say ('Mitglied', 'Abgeordnete').
_MEMBER_WORDS = frozenset({"mitglied", "mitglieder", "member", "abgeordnete", "abgeordneter", "abgeordneten", "vertreter", "vertreterin"})
_TOWN_HEADS = frozenset({"mayor", "deputy_mayor"})
_CHAIR_ENDS = ("vorsitzende", "vorsitzender", "vorsitzenden", "präsident", "präsidentin", "präsidenten")
#: A surname (and an aside in parentheses) joined to a possessive that opens the next title: 'A und sein', 'A, ihre'.
_POSSESSOR = re.compile(rf"(?P<sur>[{UP}][{LO}]+(?:-[{UP}][{LO}]+)?)(?:\s*\([^()]{{1,30}}\))?\s*(?:,|\s+und|\s+sowie|\s+mit)\s+"
                        rf"(?:sein|seine|seinem|seinen|seiner|ihr|ihre|ihrem|ihren|ihrer)\s+(?:beiden\s+)?$")
#: A country adjective right before a titled name (up to three words between): 'der polnische Landrat', 'seinem
#: österreichischen Amtskollegen, Bürgermeister'.
_COUNTRY_ADJ = _trie([a[0].upper() + a[1:] for a in LEX.country_adjectives] + list(LEX.country_adjectives))
_COUNTRY_BEFORE = re.compile(rf"(?<![\w-])(?P<adj>{_COUNTRY_ADJ})"
                             rf"(?:e|en|er|es|em)\s+(?:[^\s,.;:]+,?\s+){{0,3}}$")
#: A country adjective on the group a titled name belongs to, earlier in its sentence: 'Für die japanische
#: Besuchergruppe sprach Bezirksdirektorin A', 'Von ungarischer Seite kam Landrat B …'.
_COUNTRY_GROUP = re.compile(rf"(?<![\w-])(?P<adj>{_COUNTRY_ADJ})"
                            rf"(?:e|en|er|es|em)\s+(?:Delegation|Gäste|Gästen|Gast|Besucher|Besuchergruppe|Seite)\b[^.;:]*$")
#: Who heads a body, said with a verb: 'A, der die X seit 2010 leitet,' / 'A leitet seit Mai die X' / 'A steht an der Spitze der X'.
_HEAD_REL = re.compile(r"(?:\s*\([^()]{1,30}\))?\s*,\s+(?:der|die)\s+(?:(?:seit|bereits|schon|nun|künftig)\s+[^,;]{0,20}?\s*)?(?:die|den|das)\s+"
                       r"(?P<org>[^,;]{3,80}?)\s+(?:(?:seit|bereits|schon|nun)\s+[^,;]{1,20}?\s+)?(?:leitet|leitete|führt|führte)\b")
_HEAD_MAIN = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+(?:(?:leitet|leitete|führt|führte)\s+(?:(?:seit|bereits|schon|nun|künftig)\s+[^,;]{0,20}?\s+)?"
                        r"(?:die|den|das)\s+|(?:steht|stand)\s+(?:(?:seit|bereits|schon|nun|künftig)\s+[^,;]{0,20}?\s+)?an\s+der\s+Spitze\s+(?:der|des)\s+)"
                        r"(?P<org>[^,;.]{3,80})")
#: A party after a name: 'von der SPD', 'von den Grünen', 'für die CDU-Fraktion', 'vom BSW'.
_PARTY_OF = re.compile(rf"(?:\s*\([^()]{{1,20}}\))?\s+(?:von\s+der|von\s+den|vom|für\s+die|für\s+den)\s+(?P<p>[{UP}][\w/-]*)(?![\w-])")
#: Whom the next titled name acts for: 'Für die Stadt X', 'Im Namen der Gemeinde X', 'Seitens des Landkreises X'.
_BEHALF = re.compile(r"(?:^|[,;:]\s+|\s)(?:[Ff]ür\s+(?:die|den|das)|[Ii]m\s+Namen\s+(?:der|des)|[Ss]eitens\s+(?:der|des)|[Nn]amens\s+(?:der|des))\s+")


#: A sentence that opens on a town ('In X …', 'Aus dem Kreis X waren …'): its untied offices are that town's.
_LEAD_PLACE = re.compile(rf"(?:In|Aus)\s+(?:(?:dem|der)\s+(?:[{LO}]+\s+)?(?:Kreis|Landkreis|Stadt|Gemeinde)\s+)?"
                         rf"(?P<p>{LEX.place_name})(?=[\s,])")


def _noun_as_town(place: str, text: str) -> bool:
    """Whether a side's town is a common noun read as one ('aus Mitgliedern des Rates'): unknown to the gazetteer,
    named once, and not after a body noun ('aus dem Partnerkreis X' names a body: the gazetteer may lack it)."""
    if known_place(place):
        return False
    hits = list(re.finditer(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text))
    before = text[max(0, hits[0].start() - 30): hits[0].start()] if len(hits) == 1 else ""
    return len(hits) == 1 and re.search(rf"[{UP}][{LO}]*(?:kreis|stadt|gemeinde|bezirk|region)\s$", before) is None


class RoleContext:
    """Mixin of ``StoryExtractor``: which body a title without its own belongs to, and verb and group frames of roles."""

    facts: StoryFacts
    places: set[str]
    seg: Segment
    city: str | None
    venue: str | None
    possessor_of: dict[str, str]
    partner_people: set[str]
    origin_of: dict[str, str]
    person_place: dict[str, str]
    open_titles: list[RoleF]  # the titles no rule gave a body, as they stood before ``_resolve_offices``

    if TYPE_CHECKING:  # provided by the other mixins of StoryExtractor
        @property
        def bodies(self) -> list[OrgM]: ...

        def body(self, place: str, title: str | None = None) -> OrgM: ...

        def _bodies_of(self, place: str) -> list[OrgM]: ...

        def _dateline_city(self) -> str | None: ...

        def _named_heads(self) -> dict[str, OrgM]: ...

        def _office_body(self, side: OrgM, title: str | None, quote_text: str, other: OrgM | None = None) -> OrgM: ...

        def _story_county(self) -> OrgM | None: ...

        def bind_role(self, org: OrgM | None) -> OrgM | None: ...

        def _name_end(self, sent: str, m: re.Match[str]) -> int: ...

        def _add_person(self, raw: str, hon: str, q: str, rule: str, conf: float) -> str | None: ...

        def _role(self, person: str, title: str | None, org: OrgM | None, q: str, rule: str, conf: float) -> None: ...

    def state_body(self, which: str) -> OrgM | None:
        """The government ('Land') or parliament ('Landtag') of the one German or Austrian state the story names
        ('Landtag Steiermark', also called 'Steiermärkischer Landtag'), else None (which state, the story does not say)."""
        if "_state" not in self.__dict__:
            named = LEX.states_named(self.seg.text)
            self.__dict__["_state"] = named.pop() if len(named) == 1 else None
        state: str | None = self.__dict__["_state"]
        if state is None:
            return None
        land = OrgM(f"Land {state}", "government", None, None, state_aliases(state))
        if which == "Land":
            return land
        return OrgM(f"Landtag {state}", "government", None, land, [LEX.federal_states[state]["landtag"]])

    def _heads(self, sent: str, named: list[re.Match[str]], q: str) -> None:
        """'A, der die Stadtwerke X seit 2010 leitet,', 'A leitet seit Mai die X', 'A steht an der Spitze der X': A heads X."""
        for m in named:
            end = self._name_end(sent, m)
            hm = _HEAD_REL.match(sent, end) or _HEAD_MAIN.match(sent, end)
            orgs = find_orgs(hm.group("org"), self.places) if hm else []
            if not orgs or orgs[0].start != 0:
                continue
            org = self.bind_role(orgs[0])
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:heads", 0.75) if org is not None else None
            if name and org is not None and not any(r.person == name and r.org is not None and r.org.key == org.key for r in self.facts.roles):
                self._role(name, "Leitung", org, q, "press:heads", 0.75)

    def _party_closing(self, sent: str, m: re.Match[str], end: int, q: str) -> None:
        """'A, Bürgermeister von X (SPD), sagte': a party closing a person's apposition is the person's."""
        par = _PAREN.match(sent, end)
        party = party_of(par.group("in")) if par else None
        name = clean_name(m.group("name"), self.places) if party else None
        if party and name and name in self.facts.persons and not any(r.person == name and r.org is not None and r.org.name == party
                                                            for r in self.facts.roles):
            self._role(name, "Mitglied", OrgM(party, "party"), q, "press:party", 0.75)

    def _party_affiliation(self, sent: str, m: re.Match[str], end: int, q: str) -> None:
        """'A von der SPD', 'B von den Grünen', 'C für die CDU': a party right after a name is the person's."""
        pm = _PARTY_OF.match(sent, end)
        party = party_of(pm.group("p")) if pm else None
        name = clean_name(m.group("name"), self.places) if party else None
        if party and name and not any(r.person == name and r.org is not None and r.org.name == party for r in self.facts.roles):
            if self._add_person(m.group("name"), m.group("hon"), q, "press:party", 0.75) == name:
                self._role(name, "Mitglied", OrgM(party, "party"), q, "press:party", 0.75)

    def _on_behalf(self, sent: str) -> tuple[int, OrgM, str | None] | None:
        """'Für die Stadt X', 'Im Namen der Gemeinde X', 'Seitens des Landkreises X': the body the next titled name
        of the sentence acts for (where the cue ends, the body, and None: no one took it yet)."""
        cue = _BEHALF.search(sent)
        orgs = find_orgs(sent[cue.end(): cue.end() + 80], self.places) if cue else []
        if cue is None or not orgs or orgs[0].start != 0 or orgs[0].needs_place:
            return None
        return cue.end() + orgs[0].end, orgs[0], None

    def _possessor(self, before: str) -> str | None:
        """The person a possessive right before a title refers to when that person is named just before it
        ('A und sein Stellvertreter', 'A, seine Amtsvorgängerin', 'A mit ihrem Kämmerer'), else None."""
        pm = _POSSESSOR.search(before)
        if pm is None:
            return None
        return next((n for n in self.facts.persons if n.split()[-1] == pm.group("sur") and n in before), None)

    def _first_person(self, before: str, name: str) -> str | None:
        """The person named first in ``before`` (the sentence's subject, the likeliest referent of a possessive)."""
        hits = [(before.find(n), n) for n in self.facts.persons if n != name and n in before]
        return min(hits)[1] if hits else None

    def _possessor_body(self, owner: str) -> OrgM | None:
        """The body of the possessor's first role that has one."""
        return next((r.org for r in self.facts.roles if r.person == owner and r.org is not None and r.org.kind != "party"), None)

    def _foreign_body(self, r: RoleF, guess: OrgM) -> OrgM | None:
        """``guess`` for a title without a body, unless the quote gives the person a country ('der österreichische
        Bürgermeister A', 'seinem polnischen Kollegen, Landrat A') that is not the guess's: then the story's one body
        in that country, else none."""
        at = r.quote.find(r.person.split()[0])
        adj = (_COUNTRY_BEFORE.search(r.quote, 0, at) or _COUNTRY_GROUP.search(r.quote, 0, at)) if at > 0 else None
        if adj is None:
            return guess
        country = LEX.country_adjectives[adj.group("adj").casefold()]
        of = countries().get(guess.place or "")
        if of is None or of == country:
            return guess
        there = {o.key: o for o in self.bodies if o.place and countries().get(o.place) == country}
        return next(iter(there.values())) if len(there) == 1 else None

    def _partners_other(self, partner: OrgM, visit: EventF | None, r: RoleF) -> OrgM | None:
        """The body whose partner ``partner`` is, for a title the quote names next to it: the demonym before the
        partner noun ('der Grenchner Partnergemeinde X'), else the visit's other side; None when neither is named."""
        dm = _DEMONYM_PARTNER.search(r.quote)
        town = adjective_base(dm.group("adj")) if dm else None
        if town and town != partner.place and (town in self.places or self._bodies_of(town)):
            return self._office_body(self.body(town, r.title), r.title, r.quote, partner)
        sides = [o for o in (visit.guest, visit.host) if o is not None] if visit is not None else []
        other = [o for o in sides if o.key != partner.key and o.kind == "municipality"
                 and not (o.place and _noun_as_town(o.place, self.seg.text))]
        if len(sides) == 2 and len(other) == 1:
            return self._office_body(other[0], r.title, r.quote, partner)
        return None

    def _story_utility(self) -> OrgM | None:
        """The one utility the story names with its place ('Stadtwerke X', 'die Xer Stadtwerke'), else None."""
        found = [o for o in self._named_heads().values() if o.kind == "utility"]
        return found[0] if len(found) == 1 else None

    def _resolve_offices(self) -> None:
        """Titles without an organization: the body of the person's side of the story's visit (guests: the
        delegation's, hosts: the host's), else, for offices of a municipality or county, the story's own
        body (a Landrat's county); other titles stay unattached (dropped)."""
        self.open_titles = [r for r in self.facts.roles if r.org is None]
        visit = next((e for e in self.facts.events if e.kind == "visit" and e.guest and e.host), None)
        guests = {*visit.lead, *visit.members} if visit else set()
        hosts = set(visit.hosts) if visit else set()
        resolved: list[RoleF] = []
        placed: dict[str, list[RoleF]] = {}  # each person's roles with a body (not a scan of all roles per role)
        for x in self.facts.roles:
            if x.org is not None:
                placed.setdefault(x.person, []).append(x)
        for r in self.facts.roles:
            if r.org is not None:
                resolved.append(r)
                continue
            key = role_key(r.title)
            if any(role_key(x.title) == key for x in placed.get(r.person, ())):
                continue
            generic = _chair_title(r.title, key) and not _municipal_title(r.title)  # 'Präsident', 'Vorsitzende': of what?
            office = not generic and (key in LEX.office_roles or _municipal_title(r.title) or _portfolio_title(r.title))
            if office and any(x.org is not None and x.org.kind == "municipality" for x in placed.get(r.person, ())):
                continue  # 'Landrat A vom Kreis X': the office is of the body already given
            open_title = not generic and key not in LEX.own_body_roles
            origin = self.origin_of.get(r.quote) or self.person_place.get(r.person)
            if origin is not None and (office or open_title):
                county = county_office(r.title)
                own = [o for o in self._bodies_of(origin) if _is_county(o)] if county else []
                org = own[0] if own else municipality(origin, "Kreis") if county else self.body(origin, r.title)
                resolved.append(RoleF(r.person, org, r.title, r.quote, r.rule + "+origin", r.confidence - 0.15))
            elif ((office or _portfolio_title(r.title)) and visit is not None and visit.guest is not None and visit.host is not None and (r.person in guests or r.person in hosts)
                  and not (key in _TOWN_HEADS and _is_county(visit.guest if r.person in guests else visit.host))):
                side, other = (visit.guest, visit.host) if r.person in guests else (visit.host, visit.guest)
                sided = self._foreign_body(r, self._office_body(side, r.title, r.quote, other))
                if sided is not None and sided.kind != "municipality" and (_municipal_title(r.title) or key in _TOWN_HEADS):
                    sided = None  # 'die Delegation aus Georgien' with its Oberbürgermeister: a town's office, of no country
                if sided is not None and sided.kind == "municipality" and sided.place and _noun_as_town(sided.place, self.seg.text):
                    sided = None  # 'eine Delegation aus Mitgliedern des Rates': a noun read once as the side's town
                if sided is not None:
                    resolved.append(RoleF(r.person, sided, r.title, r.quote, r.rule + "+side", r.confidence - 0.15))
            elif not office and _company_title(r.title) and self._story_utility() is not None:
                resolved.append(RoleF(r.person, self._story_utility(), r.title, r.quote, r.rule + "+utility", r.confidence - 0.2))
            elif office and county_office(r.title) and not self.venue and not visit and self._story_county():
                resolved.append(RoleF(r.person, self._story_county(), r.title, r.quote, r.rule + "+context", r.confidence - 0.25))
            elif (office and (visit is not None and visit.host is not None or self.venue) and r.person not in self.partner_people
                  and not _colleague(r.title)):  # 'Amtskollege A': the same office of another body, not the story's
                dateline = self._dateline_city()  # the press office's own officials need no place named
                home = (self.body(dateline) if dateline else visit.host if visit is not None and visit.host is not None
                        else self.body(self.venue or ""))
                lead = _LEAD_PLACE.match(r.quote) if r.quote[:3] in ("In ", "Aus") else None
                town = known_span(lead.group("p")) if lead else ""
                if town and is_place_word(town) and (town in self.places or known_town(town, 1000)) and town != home.place:
                    home = self.body(town, r.title)  # 'In X heißt der neue Bürgermeister A', 'Aus dem Kreis X waren A, …'
                    if _is_county(home) != bool(county_office(r.title)):
                        home = self.body(dateline) if dateline else self.body(self.venue or "")
                guessed = self._foreign_body(r, self._office_body(home, r.title, r.quote))
                if guessed is not None and _named_as_partner(r.quote, guessed):
                    guessed = self._partners_other(guessed, visit, r)  # 'A besuchte die Partnerstadt X': X is not A's
                if guessed is not None:
                    resolved.append(RoleF(r.person, guessed, r.title, r.quote, r.rule + "+context", r.confidence - 0.25))
        colleagues = {r.person for r in self.facts.roles if _colleague(r.title)}  # the possessive named their colleague
        for r in self.facts.roles:  # 'A und sein Stellvertreter B': B's body is A's, now that A's is known
            owner = self.possessor_of.get(r.person) if r.org is None else None
            body = next((x.org for x in resolved if x.person == owner and x.org is not None and x.org.kind != "party"), None)
            if body is not None and (_colleague(r.title) or r.person in colleagues):  # 'A und sein Amtskollege B': the other side
                sides = [o for o in (visit.guest, visit.host) if o is not None] if visit is not None else []
                keys = [o.key for o in sides]
                apart = len(sides) == 2 and body.key in keys and keys[0] != keys[1]
                body = sides[1 - keys.index(body.key)] if apart else None  # one body on both sides: no other side
            if body is not None and not any(x.person == r.person and x.org is not None and x.org.key == body.key for x in resolved):
                resolved = [x for x in resolved if not (x.person == r.person and x.rule.endswith(("+context", "+side")))]
                resolved.append(RoleF(r.person, body, r.title, r.quote, r.rule + "+possessor", r.confidence - 0.1))
        self.facts.roles = resolved
