"""Role frames of the press importer: a person's title and body from the words around the name
(apposition, parenthesis, 'vom/aus X', compound titles), and the body an office belongs to."""

from __future__ import annotations

import re

from .lexicon import LEX, LO, UP, _trie
from .orgs import OrgM, role_key, find_orgs, municipality, org_from_item
from .places import adjective_base, is_place_word, known_place, known_span, known_town
from .names import clean_name
from .facts import PersonF, RoleF, quote
from .text import Segment
from .links import LinkRules, _TITLE_CHAIN
from .role_frames import _JOINED, RoleFrames
from .organs import _MUNICIPAL_ORGAN_HEADS, _ORGAN, _STATE_MINISTER, OrganRules
from .role_context import _PORTFOLIO_STEMS, RoleContext, _is_county, _municipal_title, _portfolio_title, county_office, party_of

_PLACE_TITLE = re.compile(rf"(?P<pl>[{UP}][\w]+)\s+(?P<t>{LEX.title_chain_re})\s*$")
_TRAIL_CONNECT = re.compile(r"\s*(?:\b(?:bei|beim|der|des|von|vom|im|in|am|für|an|und|zur|zum|bei der|in der|von der)\s*)+$")
_ORG_PREP = re.compile(r"(?:von|vom|bei|beim|der|des|im|in der|am|an der)\s+(?:(?:der|dem|den|des)\s+)?")
#: A compound title whose first part ends in an organization word: 'Zentralbank|chef', 'Handelskammer|präsident'.
_COMPOUND_ORG = re.compile(rf"(?P<org>[{UP}][{LO}]*(?P<suf>{_trie(LEX.compound_suffixes)}))(?:s?)(?:{_trie(LEX.title_suffixes)})$")
#: ' und ' before a second title in one apposition.
_SECOND_ROLE = re.compile(rf"\s\s*(?:und|sowie)\s+(?=(?:{LEX.title_re}))")  # (\s\s* = \s+, opening with a class re skips ahead to)
_OF_BODY = re.compile(r"\s(?:der|des|von|vom|bei|beim)\s")  # 'Vorsitzender der X und Sprecher der Y': two roles
#: Hyphenated title prefixes that name no organization ('Vize-Präsident', 'Ex-Bürgermeister').
_TITLE_PREFIXES = frozenset({"vize", "ko", "co", "ex", "alt", "interims", "mit", "langzeit", "top", "spitzen", "ehren", "honorar",
                             "gründungs", "noch", "neu", "zweit", "dritt", "haupt", "chef", "ober", "unter"})
#: An association named by a compound ('Freundeskreis Florenz', 'des Partnerschaftsvereins', 'Förderverein X').
_COUNTY_KREIS = re.compile(r".*(?<![s-])kreis(?:es)?|.*-Kreis(?:es)?|Kreis(?:es)?")  # a county ('Rheinkreis'), not 'Freundeskreis'
_ASSOCIATION = re.compile(rf"[{UP}][{LO}-]*(?:kreis|verein|verband|komitee|ring|netzwerk|bündnis)(?:es|s)?(?:\s+[{UP}][\w-]+)?(?![\w-])")
_POSITION_WORDS = frozenset({"Mitte", "Links", "Rechts", "Vorne", "Hinten"})
_PLACE_SHAPED = re.compile(rf"[{UP}][\w-]+(?:\s(?:(?:am|an der|im|in der|ob der|bei)\s)?[{UP}][\w-]+){{0,2}}")
#: What follows a titled name and says whom the person belongs to: 'aus Tannwald', 'vom Landkreis X'.
AFFIL = re.compile(rf"\s+(?:{_trie(LEX.affiliation_preps)})\s+")
_BARE_BODY = re.compile(r"\s+(?:(?:der|des)\s+(?P<b>Stadt|Gemeinde|Kommune|Landkreises|Kreises|Stadtverwaltung|Kreisverwaltung"
                        r"|Landratsamt(?:e?s)|Kreishauses|Rathauses)|(?:in|bei)\s+der\s+(?P<in>Stadtverwaltung|Kreisverwaltung)"
                        r"|(?:im|beim)\s+(?P<at>Landratsamt|Kreishaus|Rathaus))$")
#: A county's or town's administration or its house named alone after 'vom', 'von der', 'aus dem': 'A vom Landratsamt'.
_BARE_ADMIN = re.compile(r"(?P<w>Landratsamt|Kreisverwaltung|Kreishaus|Rathaus)(?![\w-])(?!\s+(?:von|vom|der|des|in|im|[A-ZÄÖÜ]))")
#: What may open a role phrase before its title: an article, 'als', a time ('seit 2014'), an attribute ('langjährige').
_ROLE_LEAD = re.compile(r"^(?:(?:bisher|bislang|zuletzt|zuvor|derzeit|damals|früher|inzwischen|mittlerweile|künftig|nun|jetzt)\s+)?"
                        r"(?:(?:der|die|dem|den|des|als)\s+)?(?:als\s+)?(?:(?:seit|bis)\s+(?:\d{4}|[a-zäöü]+\s+Jahren|Jahren)\s+)?"
                        r"(?:(?:langjährig|ehemalig|früher|bisherig|damalig|scheidend|neu|jetzig|heutig)e[rnms]?\s+)*")
#: Member words whose plural is the singular: after a titled name they open the next item of a list.
_GROUP_WORDS = frozenset({"Vertreter", "Mitglieder", "Vertreterinnen", "Mitarbeiter", "Mitarbeiterinnen"})
#: 'in X' / 'aus X' as the whole rest of a municipal title's phrase: 'Bürgermeister in Fulda'.
_IN_TOWN = re.compile(rf"(?:in|aus)\s+(?P<p>{LEX.place_name})")
#: A body's name that is a number or a date ('12', '3. Mai'): no organization.
_NO_BODY = re.compile(r"\d+\.?(?:\s+[{UP}][{LO}]+)?".replace("{UP}", UP).replace("{LO}", LO))
#: A company's organ named alone after a title ('des Vorstands', 'des Aufsichtsrates'): of which company, the
#: story's one utility says (``_resolve_offices``).
_COMPANY_ORGAN = re.compile(r"(?:Vorstand|Aufsichtsrat|Verwaltungsrat|Beirat|Geschäftsführung)(?:e?s)?")
_ADJ_LEAD = re.compile(r"(?:[a-zäöü]+(?:en|er|es|em|e)\s+){1,2}(?=[A-ZÄÖÜ])")
_CAP_START = re.compile(rf"[{UP}][\w-]+")
_PLACE_NAME = re.compile(LEX.place_name)
_TOKEN = re.compile(r"\S+")
#: Lower-case words an organization's name may hold between its capitalized words ('Verein für Heimatpflege').
_ORG_JOINERS = frozenset({"für", "und", "&", "zu", "am", "an", "im", "der", "des", "de", "du", "la", "di", "es", "el", "le", "da"})
_PAREN_AT = re.compile(r"\s*\((?P<in>[^()]{2,80})\)")
_PLACE_PAREN = re.compile(rf"(?P<pl>[{UP}][{LO}]+(?:-[{UP}][{LO}]+)*)\s+\((?P<in>[^()]{{4,80}})\)")
_LIST_OR_CAPTION = re.compile(r"\b(?:und|sowie)\b|,|;|\bv\.\s?l\b|\bvon links\b")
_JOINER_FIRST = re.compile(r"(?:und|sowie|oder|bzw\.?)\s")
#: What joins a title to its body before a name: the genitive or 'von' ("Bürgermeister von X Name").
_OF_WORDS = frozenset({"der", "des", "von", "vom"})
#: What a parenthesis after a name may hold without ending the phrase about the person: a party, an age, a
#: place in a photo ('Name (SPD), Landrätin des Kreises X', 'Name (53) aus X').
_ASIDE = re.compile(r"\d{1,3}|li\.|re\.|links|rechts|Mitte|vorne|hinten")


_BARE_HEADS = frozenset({"Verein", "Verband", "Unternehmen", "Firma", "Gesellschaft", "Initiative", "Netzwerk", "Institut"})
_OFFICE_ENDS = ("amt", "referat", "dezernat", "büro")
_UNIT_ENDS = (*_OFFICE_ENDS, "bereich")  # 'Fachbereich', 'Geschäftsbereich': a unit of an administration
#: A place with its region or second name after a slash: 'Lugau/Sachsen', 'Hermannstadt/Sibiu'.
_PLACE_SLASH = re.compile(rf"(?P<p>[{UP}][{LO}]+(?:-[{UP}][{LO}]+)?)\s*/\s*[{UP}][\w-]+")
#: A compound common noun of an association alone ('Partnerschaftsverein', 'Förderverein', 'Regionalverband',
#: 'Partnerschaftskomitee'): a kind of body, not its name.
_BARE_BODY_ENDS = ("verein", "verband", "komitee")
#: A town's office named with its demonym: 'Eisenberger Hauptamt', 'Kasseler Ordnungsamt'.
_DEMONYM_OFFICE = re.compile(rf"(?P<adj>[{UP}][{LO}]+er)\s+(?P<office>[{UP}][{LO}]*(?:amt|referat|dezernat|büro))")


#: A title in quotation marks: 'der neue „Chief Digital Officer“ des Kreises' (a body's quoted name stays quoted).
_QUOTED_TITLE = re.compile(r"[„“\"](?P<t>[^„“”\"]{2,60})[“”\"]")
#: An accusative or dative article that opens the clause's object after the body ('als Leiterin des Amts das Projekt').
_OBJECT_ARTICLE = re.compile(r"\s(?:das|den|dem|ein|eine|einen|einem)\s")
_PREPOSITIONS = frozenset({"der", "des", "die", "von", "bei", "mit", "zu", "in", "an", "auf", "aus", "nach", "vor", "für", "über", "unter", "gegenüber"})


def _cut_object(app: str) -> str:
    """A role phrase up to an article that opens the clause's object, not a body's name: 'Leiterin des Amts das
    Projekt' -> 'Leiterin des Amts' (an article after a preposition or article stays:
    'Vertreter von dem Verein X', 'Chef der den Prozess begleitenden Firma X')."""
    for om in _OBJECT_ARTICLE.finditer(app):
        before = app[: om.start()].split()
        if before and before[-1].casefold() not in _PREPOSITIONS:
            return app[: om.start()]
    return app


def _title_word(org: OrgM) -> bool:
    """Whether a one-word body of no kind is a title ('Bezirksamtsleiters', genitive or not)."""
    name = org.name
    if org.kind != "other" or " " in name or org.parent is not None or org.place is not None:
        return False
    return LEX.is_titleish(name) or (name.endswith("s") and LEX.is_titleish(name[:-1]))


def _title_party(title: str | None) -> str | None:
    """The party a title's hyphenated prefix names ('SPÖ-Vizebürgermeister', 'Grünen-Stadtrat', 'Grün-Vizebürgermeister')."""
    word = (title or "").rsplit(" ", 1)[-1]
    if "-" not in word:
        return None
    head = word.rsplit("-", 1)[0]
    return next((p for p in (party_of(head), party_of(head + "e")) if p), None)


def _nominative_title(title: str) -> str:
    """A title without its genitive ending ('des Bürgermeisters' -> 'Bürgermeister', 'Landrats' -> 'Landrat')."""
    if not title.endswith("s"):
        return title
    word = title.rsplit(" ", 1)[-1]
    return title[:-1] if role_key(word) is None and role_key(word[:-1]) is not None else title


class RoleRules(OrganRules, RoleContext, LinkRules, RoleFrames):
    """Mixin of ``StoryExtractor``: persons and their roles from the phrase around a name."""

    places: set[str]
    person_place: dict[str, str]
    seg: Segment
    partner_people: set[str]

    def _dateline_city(self) -> str | None:
        raise NotImplementedError

    def _add_person(self, raw: str, hon: str, q: str, rule: str, conf: float) -> str | None:
        name = clean_name(raw, self.places)
        if name is None:
            return None
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
        title = _nominative_title((title or "").strip(" ,")) or None
        if org is not None and org.parent is None and _ORGAN.fullmatch(org.name):
            if "Partner" in org.name:
                self.partner_people.add(person)  # of the story's partner, so not of the story's own town
            elif title and org.name.startswith(_MUNICIPAL_ORGAN_HEADS) and not county_office(title) and not _municipal_title(title):
                title = f"{title} des {org.name}"  # 'Vorsitzender des Kreisrates': an office of the side's or story's county
            org = None  # 'Vorsitzender des Kreisrates', 'Bürgermeister der Partnerstadt Name': an organ or partner of which body?
        if org is not None and title:
            org = self._title_unit(title, org)
            if county_office(title) and org.kind == "municipality" and not _is_county(org):
                org = self._office_body(org, title, q)  # 'der Landrat von Nordhausen': the county
        if org is not None and (_NO_BODY.fullmatch(org.name) or org.name in self.facts.persons or _title_word(org)
                                or org.name.endswith("-")):
            org = None  # '… am 3. Mai', a person or a title read as a body ('unter Leitung des Amtsleiters A'), 'Städte-': none
        if (org is not None and org.kind == "other" and " " not in org.name and "-" not in org.name and org.place is None
                and org.parent is None and org.name.casefold().endswith(_BARE_BODY_ENDS)):
            org = None  # 'Vorsitzender des Partnerschaftsvereins': which association, the phrase does not say
        if org is None and not title:
            return
        party = _title_party(title)
        if party is not None:  # 'SPÖ-Vizebürgermeister A': a member of the party, the office of the town
            if not any(r.person == person and r.org is not None and r.org.name == party for r in self.facts.roles):
                self.facts.roles.append(RoleF(person, OrgM(party, "party"), "Mitglied", q, "press:party", conf))
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
        app = _ROLE_LEAD.sub("", app.strip())
        quoted = _QUOTED_TITLE.match(app)
        if quoted and _TITLE_CHAIN.fullmatch(quoted.group("t")):
            app = quoted.group("t") + app[quoted.end():]  # 'der neue „Digitalbeauftragte“ des Kreises'
        app = _cut_object(app)
        m = _PLACE_TITLE.match(app)
        if m:
            base = adjective_base(m.group("pl")) or (m.group("pl")[:-1] if m.group("pl").endswith("s") else None)
            if base and (base in self.places or is_place_word(base)):
                return m.group("t"), municipality(base), True
        bare = _BARE_BODY.search(app)
        if bare and self.city and _TITLE_CHAIN.fullmatch(app[: bare.start()]):
            word = bare.group("b") or bare.group("in") or bare.group("at")
            if word.startswith(("Landkreis", "Kreis", "Landrat")):  # 'des Kreises', 'in der Kreisverwaltung': the story's county
                return app[: bare.start()], self._story_county() or municipality(self.city, "Landkreis"), True
            return app[: bare.start()], self.body(self.city), True
        orgs = find_orgs(app, self.places)
        tm = _TITLE_CHAIN.match(app)
        if orgs:
            first = self._office_unit(orgs[0])
            title = (app[: tm.end()] if tm and tm.end() <= first.start else _TRAIL_CONNECT.sub("", app[: first.start]).strip()) or None
            if title and not role_key(title) and not tm:
                return None, None, False
            return title, self.bind_role(first), True
        if tm:
            title, rest = app[: tm.end()], app[tm.end():].strip()
            town = _IN_TOWN.fullmatch(rest)
            where = known_span(town.group("p")) if town else ""
            colleague = "kolleg" in title.casefold()  # 'sein Amtskollege aus X': the same office, of X
            if town and where == town.group("p") and (_municipal_title(title) or _portfolio_title(title) or colleague) and self.is_town(where):
                return title, self.body(where, title), True  # 'A, Bürgermeister in Fulda', '…aus Fulda'
            if rest in self.places or (_municipal_title(title) and known_place(rest, 1000) and is_place_word(rest)):
                return title, municipality(rest), True  # 'A, Bürgermeister Fulda,'
            after = _ORG_PREP.match(rest)
            if after and _COMPANY_ORGAN.fullmatch(rest[after.end():]):
                return f"{title} {rest}", None, True  # 'Vorsitzender des Vorstands': an organ of the story's company
            held = rest[after.end():] if after and rest.startswith(("des ", "der ")) and role_key(title) == "deputy" else ""
            if held and " " not in held and (_municipal_title(held) or _municipal_title(held[:-1] if held.endswith("s") else held)):
                # 'Stellvertreter des Bürgermeisters', '1. Stellvertreterin der Landrätin': a deputy of that office's body
                county = county_office(held) or county_office(held[:-1])
                return f"{title} {rest}", (self._story_county() if county else None), True
            party = party_of(rest[after.end():]) if after else None
            if party:
                return title, OrgM(party, "party"), True  # 'Landesvorsitzender von Bündnis 90/Die Grünen', 'Chef der SPD'
            slash = _PLACE_SLASH.fullmatch(rest[after.end():]) if after and "/" in rest else None
            if slash and (_municipal_title(title) or county_office(title)) and self.is_town(slash.group("p")):
                return title, self.body(slash.group("p"), title), True  # 'Bürgermeister von Lugau/Sachsen': the town
            organ = self._organ(rest[after.end():]) if after else None
            if organ is not None:
                return title, organ, True  # 'Vorsitzender des Partnerschaftsausschusses': an organ of the story's town
            named = org_from_item(rest[after.end():], self.places, loose=True) if after else None
            if named is not None and named.name in _BARE_HEADS:
                named = None  # 'Vorsitzender des Vereins': which one, the phrase does not say
            if named is not None:
                named = self._office_unit(named)
                return title, self.bind_role(named), True
            return (title, self.bind_role(self.title_org(title)), True) if rest else (app, self.bind_role(self.title_org(app)), True)
        return None, None, False

    def is_town(self, word: str) -> bool:
        """Whether ``word`` is a town the story names or the gazetteer knows (no common noun)."""
        return is_place_word(word) and (word in self.places or known_town(word, 1000))

    def bind_role(self, org: OrgM | None) -> OrgM | None:
        """A bare context head of a role phrase ('Geschäftsführer der Stadtwerke') bound to the press office's town
        (the dateline's), else to the story's city like any link's."""
        home = self._dateline_city() if org is not None and org.needs_place else None
        bound = org.with_place(home) if org is not None and home else self._bind(org)
        if org is not None and org.needs_place and bound is not None and bound.kind in ("other", "unit") and bound.place \
                and bound.parent is None and not _is_county(self.body(bound.place)):
            # 'Referatsleiter Wirtschaftsförderung', 'der Pressestelle': an office of the town it is bound to
            bound = OrgM(bound.name, bound.kind, bound.place, self.body(bound.place), bound.aliases, bound.start, bound.end)
        return bound

    def _office_unit(self, org: OrgM) -> OrgM:
        """An office of the administration named without its town ('des Bauamts', 'der Pressestelle', 'des Büros
        für Wirtschaftsförderung') as a unit of the press office's town."""
        dm = _DEMONYM_OFFICE.fullmatch(org.name) if org.kind in ("other", "unit") and org.parent is None else None
        town = adjective_base(dm.group("adj")) if dm else None
        if dm and town and (town in self.places or known_town(town)):  # 'des Eisenberger Hauptamts': Eisenberg's office
            return OrgM(dm.group("office"), "unit", town, self.body(town), [org.name], org.start, org.end)
        home = self._dateline_city()  # not the story's city: that may be the visited one, with guests' offices named
        name, aliases = org.name, org.aliases
        head, sp, topic = name.partition(" ")
        if org.kind == "other" and head.endswith("s") and (not topic or topic[:1].isupper()):
            cut = next((c for c in (2, 1) if head[:-c].endswith(_UNIT_ENDS)), 0)
            if cut and (c := head[:-cut]) and c[:1].isupper():  # 'des Fachbereichs (Finanzen)', 'des Bauamtes': nominative
                name, aliases, head = c + sp + topic, [*aliases, org.name], c
        unit = org.kind == "unit" or (org.kind == "other" and head.endswith(_UNIT_ENDS) and (" " not in name or head != org.name.split()[0]))
        if name != org.name and not home and org.parent is None and org.place is None:
            home = self.city  # a bare unit in the genitive names no town: the story's
        if not unit or org.parent is not None or org.needs_place or not home or org.place not in (None, home):
            return org
        return OrgM(name, "unit", home, self.body(home), aliases, org.start, org.end)

    def title_org(self, title: str) -> OrgM | None:
        """The organization a compound title names ('Ufo-Chef' -> Ufo, 'Stadtwerke-Geschäftsführerin' ->
        the story's Stadtwerke, 'Zentralbankchef' -> Zentralbank), else None."""
        word = title.split()[-1]
        national = LEX.title_body(word)
        if national:
            return OrgM(national, "government")  # 'Bundestagsabgeordnete', 'Bundesinnenministerin'
        state = LEX.state_title(word) or ("Land" if _STATE_MINISTER.fullmatch(word) else None)
        if state:
            return self.state_body(state)  # 'Landesrätin', 'LAbg.', 'Digitalminister': of the one state the story names
        if "-" in word:
            head = word.rsplit("-", 1)[0]
            head = LEX.head_normal.get(head, head[:-1] if head.endswith("s") and head[:-1] in LEX.head_kinds else head)
            if head in LEX.head_kinds:
                return OrgM(head, LEX.head_kinds[head], needs_place=True)
            if re.fullmatch(_PORTFOLIO_STEMS, head.casefold()) or _title_party(title):
                return None  # 'Kultur-Dezernentin': a portfolio, 'SPÖ-Vizebürgermeister': a party, no organization
            if head and head[:1].isupper() and not LEX.is_titleish(head) and head.casefold() not in _TITLE_PREFIXES:
                return org_from_item(head, self.places, loose=True)
            return None
        m = _COMPOUND_ORG.match(word)
        if m:
            return OrgM(m.group("org"), LEX.compound_suffixes[m.group("suf")])
        return None

    def _apposition(self, sent: str, m: re.Match, app: str, span: tuple[int, int], q: str, conf: float,
                    taken: list[tuple[int, int]]) -> None:
        """A person named next to a role phrase (``Name, Titel der Stadt X`` or ``der Titel … Name``), or
        next to two joined by 'und' ('Geschäftsführer der A und Betriebsleiter der B')."""
        if not app.strip():
            return  # 'A, (links), Bürgermeister von X': a caption's position between the commas, no role phrase
        if _JOINER_FIRST.match(app):
            return  # 'A (SPD), und die Bürgermeisterin B': the next item of a list, not A's role
        start = self.name_start(m)
        before = sent[: start[1] if start else m.start("name")].split()
        if app.split()[0] in _GROUP_WORDS and before and LEX.is_titleish(before[-1]):
            return  # 'der Abgeordnete A, Vertreter der X und …': a titled list item, then the list's next (plural) item
        party = party_of(app)
        if party:  # 'Max Muster, SPD, sagte'
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:party", conf)
            if name:
                self._role(name, "Mitglied", OrgM(party, "party"), q, "press:party", conf)
            return
        parts = [app]
        two = _SECOND_ROLE.search(app)
        if two and _TITLE_CHAIN.match(app) and (_OF_BODY.search(app, 0, two.start()) or find_orgs(app[: two.start()], self.places)):
            parts = [app[: two.start()], app[two.end():]]
        found = [r for r in (self.parse_role_phrase(p) for p in parts) if r[2]]
        if not found:
            return
        if len(parts) == 1 and two and found[0][1] is not None and found[0][1].kind != "municipality":
            first = app[: two.start()].strip()  # 'Bürgermeister und Aufsichtsratschef der Stadtwerke X': two offices,
            if _TITLE_CHAIN.fullmatch(first) and (_municipal_title(first) or county_office(first)):
                found.append((first, None, True))  # the first one of the town (resolved like a bare title)
        name = self._add_person(m.group("name"), m.group("hon"), q, "press:apposition", conf)
        if name:
            for title, org, _ok in found:
                self._role(name, title, org, quote(sent, *span), "press:apposition", conf)
            taken.append(span)

    def _names_someone(self, text: str) -> bool:
        """Whether ``text`` names a person of its own (a first name and a surname)."""
        for m in LEX.persons_in(text):
            name = clean_name(m.group("name"), self.places)
            first = name.split()[0] if name else ""
            if name and first in LEX.given and first not in LEX.kind_cues and first not in LEX.head_kinds:
                return True  # ('Firma X' is a company, though 'Firma' is on the open list of first names)
        return False

    def _parenthesis(self, sent: str, m: re.Match[str], inner: str, q: str, taken: list[tuple[int, int]]) -> bool:
        """'Name (Kämmerer)', 'Name (SPD)', 'Name (Landkreis X)', 'Name (Tannwald)': a title, a party, a body."""
        inner = inner.strip()
        party = party_of(inner)
        if party:
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:parenthesis", 0.75)
            if name:
                self._role(name, "Mitglied", OrgM(party, "party"), q, "press:party", 0.75)
            return False  # the name may still stand next to its title
        if LEX.is_titleish(inner) or _TITLE_CHAIN.match(inner):
            title, org, ok = self.parse_role_phrase(inner)
            if not ok:
                return False
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:parenthesis", 0.75)
            if name:
                self._role(name, title, org, q, "press:parenthesis", 0.75)
                taken.append((m.start(), m.end()))
            return name is not None
        org = org_from_item(inner, self.places) if inner[:1].isupper() else None
        named = find_orgs(inner, self.places) if org is not None and org.kind != "municipality" else []
        title = None
        tail = inner[named[0].end:].strip(" ,.") if named else ""
        if named and named[0].start == 0 and not named[0].needs_place and (not tail or LEX.is_titleish(tail)):
            org, title = named[0], tail or None  # 'A (Stadtwerke X)', 'A (Stadtwerke X, Prokuristin)': a recognized body
        elif org is not None and org.kind != "municipality":
            org = None
        if org is not None:
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:parenthesis", 0.7)
            if name:
                self._role(name, title, org, q, "press:parenthesis", 0.7)
            return False
        if _PLACE_SHAPED.fullmatch(inner) and is_place_word(inner.split()[-1]) and inner not in _POSITION_WORDS:
            name = clean_name(m.group("name"), self.places)
            if name:
                self.person_place[name] = inner  # 'Dr. Name (Herzogtum Lauenburg)': where the person is from
        return False

    def _affiliation(self, sent: str, end: int, place_ok: bool) -> OrgM | None:
        """The body a name is followed by: 'vom Landkreis X', 'von den Stadtwerken X', and with ``place_ok`` 'aus X'."""
        a = AFFIL.match(sent, end)
        if not a:
            return None
        rest = sent[a.end():]
        orgs = find_orgs(rest[:120], self.places)
        if orgs and orgs[0].start == 0:
            return self.bind_role(orgs[0])
        prep = a.group(0).strip()
        admin = _BARE_ADMIN.match(rest) if self.city else None
        if admin and prep in ("vom", "von der", "aus dem", "aus der"):  # 'A vom Landratsamt': the story's county or town
            county = not admin.group("w").startswith("Rathaus")
            return (self._story_county() or municipality(self.city or "", "Landkreis")) if county else self.body(self.city or "")
        adj = _ADJ_LEAD.match(rest) if place_ok and prep in ("aus", "aus dem", "aus der") else None
        if adj:  # 'aus dem österreichischen Wörgl', 'aus dem benachbarten X': the place after the adjectives
            rest, prep = rest[adj.end():], "aus"
        p = _CAP_START.match(rest) if place_ok and prep == "aus" else None
        if p is None:
            return None
        whole = _PLACE_NAME.match(rest)  # the place grammar every frame shares: 'aus Ried im Innkreis', 'aus Aue-Bad Schlema'
        town = known_span(whole.group(0)) if whole else p.group(0)
        if town != p.group(0) and not (town in self.places or known_town(town, 0)):
            town = p.group(0)
        if is_place_word(town) and (town in self.places or (town != p.group(0)) or not LEX.person_re.match(rest)):
            self.places.add(town)
            return self.body(town)
        return None

    def body_before(self, text: str, title: str | None = None) -> OrgM | None:
        """The organization named last in ``text``: a municipality only for a municipal title ('die Stadt X und ihr
        Bürgermeister A'; 'der Verein X aus Y mit seiner Vorsitzenden A' is the Verein's)."""
        municipal = _municipal_title(title)
        found = [o for o in find_orgs(text, self.places) if not o.needs_place and (o.kind == "municipality") == municipal]
        if municipal:
            return found[-1] if found else None
        assoc = None
        for assoc in _ASSOCIATION.finditer(text):  # noqa: B007 - the last one is wanted
            continue
        if assoc and not (found and found[-1].end > assoc.start()) and not _COUNTY_KREIS.fullmatch(assoc.group(0).split()[0]):
            return org_from_item(assoc.group(0), self.places, loose=True)
        return found[-1] if found else None

    def after_aside(self, sent: str, end: int) -> int:
        """``end``, or past a parenthesis there that is an aside ('Name (CDU) aus X')."""
        par = _PAREN_AT.match(sent, end)
        return par.end() if par and self.is_aside(par.group("in")) else end

    def place_parentheses(self, sent: str, q: str, taken: list[tuple[int, int]]) -> None:
        """'die Gemeinden A (Bürgermeister X) und B (Bürgermeisterin Y)': a titled name in parentheses after a
        place is that place's official."""
        for pm in _PLACE_PAREN.finditer(sent):
            place = pm.group("pl")
            if _LIST_OR_CAPTION.search(pm.group("in")):
                continue  # '(v.l. A und B)': a caption's list, no official of the place before it
            if not (place in self.places or known_place(place, 1000)) or not is_place_word(place):
                continue
            inner = LEX.person_re.search(pm.group("in"))
            found = self.name_start(inner) if inner else None
            if inner is None or found is None:
                continue
            name, at = found
            title = pm.group("in")[: at].strip()
            if not title or not LEX.is_titleish(title.split()[-1]):
                continue
            if self._add_person(name, inner.group("hon"), q, "press:place-paren", 0.8) == name:
                self._role(name, title, self.body(place, title), q, "press:place-paren", 0.8)
                taken.append((pm.start("in"), pm.end("in")))

    def names_in(self, sent: str) -> list[re.Match[str]]:
        """``LEX.persons_in(sent)``, where a run read through a preposition-like particle after a common noun
        ('Einladung von Max' of 'auf Einladung von Max Muster') is read again from the word after the particle."""
        out: list[re.Match[str]] = []
        for m in LEX.persons_in(sent):
            if out and m.start() < out[-1].end():
                continue  # inside a name read again
            toks = m.group("name").split()
            low = [i for i, t in enumerate(toks) if t[:1].islower()]
            if low and not any(t in LEX.given for t in toks[: low[0]]):
                at = m.start("name") + len(" ".join(toks[: low[-1] + 1])) + 1
                again = LEX.person_re.match(sent, at)
                plain = again is not None and not any(t[:1].islower() for t in again.group("name").split())
                if again is not None and plain and again.group("name").split()[0] in LEX.given:
                    m = again  # only a first name starts the name read again ('von Blumen zu Ehren' is none)
            elif len(toks) > 2 and (clean_name(m.group("name"), self.places) is None
                                    or (toks[-1] in LEX.given and not any(t in LEX.given for t in toks[:-1]))):
                # 'Stadtwerke Sankt Augustin Max' + 'Muster': the run ate a first name; read again from the last one
                k = next((i for i in range(len(toks) - 1, 0, -1) if toks[i] in LEX.given and toks[i] not in self.places), None)
                again = LEX.person_re.match(sent, m.start("name") + len(" ".join(toks[:k])) + 1) if k else None
                if again is not None and clean_name(again.group("name"), self.places):
                    m = again
            out.append(m)
        return out

    def is_aside(self, inner: str) -> bool:
        """Whether a parenthesis after a name is an aside (party, age, photo position), not the person's role."""
        inner = inner.strip()
        return party_of(inner) is not None or _ASIDE.fullmatch(inner) is not None

    def name_start(self, m: re.Match[str]) -> tuple[str, int] | None:
        """The person a name match holds and where that name starts ('Deutschen Verein Eva Lindqvist' -> 'Eva Lindqvist')."""
        raw = m.group("name")
        name = clean_name(raw, self.places)
        if name is None:
            return None
        at = raw.find(name.split()[0])
        return (name, m.start("name") + at) if at >= 0 else None

    def title_of_before(self, sent: str, m: re.Match[str], q: str, taken: list[tuple[int, int]]) -> None:
        """'die Geschäftsführerin der Musterwerke Petra Probe', 'der Vorsitzenden des X-Vereins Name': a title, its
        body in the genitive, and the name right after it (no comma between)."""
        found = self.name_start(m)
        if found is None or any(s <= found[1] < e for s, e in taken):
            return
        name, start = found
        toks = [(t.group(0), t.start()) for t in _TOKEN.finditer(sent, max(0, start - 160), start)][-12:]
        while toks and toks[-1][0].rstrip(".") + "." in LEX.honorifics or toks and toks[-1][0] in ("Frau", "Herr"):
            toks.pop()  # 'des Kreises Frau Name'
        if not toks or toks[-1][0] in _ORG_JOINERS:
            return  # 'der Vertreterin des X Eva Muster und Max Probe': Probe is not named by that title
        for i in range(len(toks) - 2, 0, -1):
            word = toks[i + 1][0]
            if any(c in word for c in ",;:()!?\"„“") or not (word[:1].isupper() or word in _ORG_JOINERS or word[:1].isdigit()):
                return  # the words after 'der' must be a name's ('der Stadt hat Max Muster …' is no title phrase)
            if toks[i][0] not in _OF_WORDS or not LEX.is_titleish(toks[i - 1][0]):
                continue
            first = i - 1
            if first > 0 and toks[first - 1][0] in LEX.title_modifiers:
                first -= 1  # 'stellvertretende Vorsitzende des …'
            phrase = sent[toks[first][1]: toks[-1][1] + len(toks[-1][0])]
            title, org, ok = self.parse_role_phrase(phrase)
            if ok and org is not None and name == self._add_person(name, m.group("hon"), q, "press:title-of", 0.8):
                self._role(name, title, org, q, "press:title-of", 0.8)
                taken.append((toks[first][1], start + len(name)))
            return

    def shared_affiliation(self, sent: str, m: re.Match[str], later: list[re.Match[str]]) -> OrgM | None:
        """'Landrat A und B vom Kreis X': the body after the second of two joined names is the first's too."""
        joint = _JOINED.match(sent, m.end())
        nxt = next((n for n in later if n.start() == joint.end()), None) if joint else None
        return self._affiliation(sent, nxt.end(), place_ok=False) if nxt is not None else None

    def _story_county(self) -> OrgM | None:
        """The first county the story names."""
        return next((o for o in self.bodies if _is_county(o)), None)

    def _office_body(self, side: OrgM, title: str | None, quote_text: str, other: OrgM | None = None) -> OrgM:
        """The body an office of ``side`` belongs to: a county for a county office (the one named in the
        quote, else the side's, else the story's first; never ``other``, the other side of a visit), else ``side``."""
        if not county_office(title):
            return side
        if _is_county(side) or side.name.split()[0] in LEX.county_heads or side.name.endswith(("kreis", "-Kreis")):
            return side
        away = other.key if other is not None else None
        named = [o for o in find_orgs(quote_text, self.places) if _is_county(o) and o.key != away]
        if named:
            return named[0]
        own = [o for o in self._bodies_of(side.place or "") if _is_county(o)]
        if own:
            return own[0]
        story = [o for o in self.bodies if _is_county(o) and o.key != away]
        if story:
            return story[0]  # the county the story names
        found = self.body(side.place or "", title)
        return found if _is_county(found) else municipality(side.place or "", "Landkreis")  # a Landrat heads no town
