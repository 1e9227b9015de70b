"""The last look at a story's organization links (a mixin of ``StoryExtractor``): one spelling per network,
a place under its full name, one link per pair of towns, and no link of a place with itself, with a
common noun ('zum Wohle', 'im Schloss', 'Kreisausschuss') or of two twin towns of a third."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .lexicon import LEX, UP
from .orgs import OrgM
from .places import fold, is_place_word, known_place
from .facts import MAX_QUOTE, LinkF

#: Where a place's name goes on with where it lies ('Buckow in der Märkischen', 'Tuggen in der Schweiz').
_WHERE_TAIL = re.compile(r"\s(?:in der|in den|im|am|an der|bei)\s")
#: An article or contraction right before a word: 'im Schloss', 'das Rathaus' (a noun, not a town).
_ARTICLE_END = re.compile(r"(?:^|\s)(?:im|am|vom|zum|zur|beim|ins|das|dem|des|der|die|den|ein|einem|eines)\s+$", re.I)
#: Endings of nominalized participles and adjectives ('Beteiligten', 'Verantwortlichen', 'Reisenden'), no town's.
_PARTICIPLE_NOUN = ("igten", "ierten", "lichen", "enden")
#: 'zum Wohle', 'zur Freude': a noun after 'zu' + article, never a place's body.
_ZU_BEFORE = re.compile(r"\b(?:zum|zur)\s+$")


#: An abbreviation in parentheses after a name ('Landkreis X (KUS)' of a company 'Kommunalunternehmen … X (KUS)').
_ABBREV_TAIL = re.compile(r"\s*\([A-ZÄÖÜ][A-ZÄÖÜ0-9&-]{1,7}\)$")


#: A bracketed region after a town's name: 'Bad Vigaun (Salzburg)', 'Neustadt (Hessen)'.
_BRACKET_TAIL = re.compile(r"\s+\([A-ZÄÖÜ][\w.-]*(?:\s[\w.-]+)?\)$")


def _bracket_less(org: OrgM) -> OrgM:
    """A municipal body named with its region in brackets is the town's body: 'Gemeinde X (Salzburg)' -> 'Gemeinde X'
    (the bracketed form kept as an alias)."""
    cut = _BRACKET_TAIL.search(org.place or "") if org.kind == "municipality" else None
    if cut is None or not org.name.endswith(org.place or ""):
        return org
    place = (org.place or "")[: cut.start()]
    return OrgM(org.name[: len(org.name) - len(org.place or "")] + place, org.kind, place, org.parent, [*org.aliases, org.name], org.start, org.end)


def _part_of_name(a: OrgM, b: OrgM) -> bool:
    """Whether one town's name is a hyphenated part of the other's ('Baden' of 'Baden-Baden', 'Elsheim' of 'Stadecken-Elsheim')."""
    pa, pb = a.place or "", b.place or ""
    return bool(pa and pb and pa != pb and (pa in pb.split("-") or pb in pa.split("-")))


def _abbreviation_less(org: OrgM) -> OrgM:
    """A town's or county's body without an abbreviation in parentheses its name was read with: the abbreviation is
    of something else (a town's own is no part of its body's name)."""
    cut = _ABBREV_TAIL.search(org.name)
    if org.kind != "municipality" or cut is None:
        return org
    place = _ABBREV_TAIL.sub("", org.place or "") or None
    return OrgM(org.name[: cut.start()], org.kind, place, org.parent, [], org.start, org.end)


#: A side named by a twinning noun and a town: 'Partnerkreisen X', 'Partnerstadt Y' (a noun phrase, no organization's name).
_TWIN_NOUN_SIDE = re.compile(r"^(?:Partner|Schwester)-?(?:städte|städten|stadt|kreis|kreise|kreisen|landkreis|landkreise|landkreisen|gemeinde|gemeinden|"
                             r"kommune|kommunen|region|regionen|bezirk|bezirke|bezirken)\s")
#: The head of a state's name: 'Bundesrepublik Deutschland', 'Republik Polen', 'Königreich Schweden'.
_STATE_HEAD = re.compile(r"(?:Bundesrepublik|Republik|Königreich|Fürstentum|Großherzogtum|Freistaat\s+(?!Bayern|Sachsen|Thüringen)|Volksrepublik|Staat)\s")


def _is_state(org: OrgM) -> bool:
    """Whether a side is a sovereign state (by its state head or a bare country name)."""
    return bool(_STATE_HEAD.match(org.name)) or org.name in LEX.countries_regions


def _two_states(a: OrgM, b: OrgM) -> bool:
    """Whether both sides of a link are states: treaties and relations of states are not the towns', networks' or
    companies' partnerships the press rules are after."""
    return _is_state(a) and _is_state(b)


#: 'Verein X' where X is a name of its own ('Verein Klima-Bündnis e.V.', 'Verein GeoPark Kyffhäuser').
_CLUB = re.compile(r"^(?:Verein|Trägerverein|Förderverein)\s+(?P<n>[A-ZÄÖÜ]\S*(?:-\S+|\s+\S+).*)$")


def _club_name(org: OrgM) -> OrgM:
    """A network named 'Verein X' by a generic head before its own name X: X (the head-word form an alias)."""
    m = _CLUB.match(org.name) if org.kind != "municipality" else None
    if m is None:
        return org
    return OrgM(m.group("n"), org.kind, org.place, org.parent, [org.name, *org.aliases], org.start, org.end)


def _spelling(name: str) -> str:
    """A name's comparison form across spellings of one text ('WaldBündnis', 'Wald-Bündnis')."""
    return fold(name).replace("-", "").replace(" ", "")


class LinkCheck:
    """Mixin of ``StoryExtractor``: the cleanup of the story's organization links, after every link rule."""

    places: set[str]
    facts: Any
    seg: Any

    if TYPE_CHECKING:  # provided by the other mixins of StoryExtractor
        def body(self, place: str, title: str | None = None) -> OrgM: ...

        def _full_place_names(self) -> None: ...

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
        explicit: dict[str, set[str]] = {}  # quote -> places the explicit pair rules linked in it
        for link in self.facts.links:
            if link.rule in _EXPLICIT:
                explicit.setdefault(link.quote, set()).update(p for p in (link.a.place, link.b.place) if p)
        for link in sorted(self.facts.links, key=lambda l: l.rule == "press:twinning+visit"):  # a stated pair before a visit's guess of it
            sides = []
            for org in (link.a, link.b):
                org = _bracket_less(self._full_town(self._where_less(org, short), short))
                org = _club_name(_abbreviation_less(self._two_word_town(org)))
                if org.kind != "municipality":
                    org = first.setdefault(_spelling(org.name), org)
                sides.append(org)
            a, b = sides
            if _only_planned(link) or _demonym_object(link, a) or _demonym_object(link, b) or self._foreign_twins(link, a, b) or _loose_between(link, a, b, self._sentence_of(link.quote)) or _guess_beside(link, explicit):
                continue
            if link.rule == "press:twinning+visit" and _part_of_name(a, b):
                continue  # a visit between 'Baden' and 'Baden-Baden': one town read twice, no twinning
            if _TWIN_NOUN_SIDE.match(a.name) or _TWIN_NOUN_SIDE.match(b.name):
                continue  # 'Partnerkreisen X' read as one name: the twin-list rules take its towns
            if link.type == "PARTNERS_WITH" and (_former(a, link.quote) or _former(b, link.quote)):
                continue  # 'zwischen dem damaligen Kreis X und dem Kreis Y': a body merged away since, no partner of today
            if _two_states(a, b):
                continue  # 'der Vertrag zwischen der Bundesrepublik X und der Republik Y': a treaty, no partnership of the genre
            if a.key == b.key or _one_place(a, b) or self._zu_noun(a, link.quote) or self._zu_noun(b, link.quote) \
                    or _body_noun(a) or _body_noun(b) or self._noun_place(a) or self._noun_place(b) \
                    or self._person_side(a, link.quote) or self._person_side(b, link.quote) or _same_but_form(a, b) \
                    or (link.type == "PARTNERS_WITH" and (_bare_organ(a) or _bare_organ(b))):
                continue
            ka, kb = _place_key(a), _place_key(b)  # 'Gemeinde Kriens' and 'Stadt Kriens': one pair of towns
            sig = (link.type, frozenset((ka, kb)) if link.type == "PARTNERS_WITH" else frozenset((ka, "→" + kb)))
            if sig in seen:
                continue
            seen.add(sig)
            link.a, link.b = a, b
            kept.append(link)
        self.facts.links[:] = self._town_beside_county(self._unfounded_visit_guess(kept))

    def _unfounded_visit_guess(self, links: list[LinkF]) -> list[LinkF]:
        """Drop the twinning guessed from a visit when the story states other links and a side of the visit is neither
        named in a twinning sentence nor the story's own town ('Bürgermeister aus der Region Y besuchten X' beside
        'X und Z sind Partnerstädte': the twinning sentences are about X and Z, not Y)."""
        said = self.__dict__.get("_twin_text") or ""
        if len(links) < 2:
            return links
        city = getattr(self, "city", None)

        def unnamed(org: OrgM) -> bool:
            place = org.place or ""
            return bool(place) and place != city and not re.search(rf"(?<![\w-]){re.escape(place.split()[0])}", said)
        return [l for l in links if not (l.rule == "press:twinning+visit" and (unnamed(l.a) or unnamed(l.b)))]

    def _town_beside_county(self, links: list[LinkF]) -> list[LinkF]:
        """A partner 'Stadt X' beside the same partner's 'Landkreis X' for one body ('Partnerschaft mit X' and 'die
        Partnerschaft der Landkreise A und X'): the county only, unless the story writes X as a town."""
        counties = {(_place_key(l.a), l.b.place) for l in links if l.type == "PARTNERS_WITH" and l.b.name.split()[0] in LEX.county_heads}
        counties |= {(_place_key(l.b), l.a.place) for l in links if l.type == "PARTNERS_WITH" and l.a.name.split()[0] in LEX.county_heads}
        if not counties:
            return links
        out = []
        for link in links:
            drop = False
            for one, other in ((link.a, link.b), (link.b, link.a)):
                place = other.place or ""
                if link.type == "PARTNERS_WITH" and other.name == f"Stadt {place}" and (_place_key(one), place) in counties \
                        and not re.search(rf"(?:Stadt|Gemeinde|Kommune)\s+{re.escape(place)}(?![\w-])", self.seg.text):
                    drop = True
            if not drop:
                out.append(link)
        return out

    def _two_word_town(self, org: OrgM) -> OrgM:
        """A town the gazetteer does not know whose name the story always writes with one more capitalized word
        ('Stadt Nova' of 'Nova X', 'Alba' of 'Alba Y'): a two-word foreign place."""
        place = org.place or ""
        if org.kind != "municipality" or not place or " " in place or not org.name.endswith(place) or place + " " not in self.seg.text \
                or known_place(place, 0) or self._noun_place(org):
            return org
        memo: dict[str, set[str | None]] = self.__dict__.setdefault("_next_words", {})
        nexts = memo.get(place)
        if nexts is None:
            nexts = memo[place] = _next_words(self.seg.text, place)
        if len(nexts) != 1:
            return org
        word = next(iter(nexts))
        if not word or not is_place_word(word) or LEX.is_titleish(word) or word.rstrip("s") in LEX.countries_regions:
            return org
        full = f"{place} {word}"
        return OrgM(org.name[: -len(place)] + full, org.kind, full, org.parent, [], org.start, org.end)

    def _person_side(self, org: OrgM, q: str) -> bool:
        """Whether a side is a person of the story: a town that is a given name followed by the rest of a named
        person ('der Partnerstadt Anna X' with a town 'Anna'), or a name holding a person ('Kollegen Vizebürgermeister Anna X')."""
        persons = self.facts.persons
        if org.kind == "municipality" and org.place and org.place in LEX.given:
            at = [m.end() for m in re.finditer(rf"(?<![\w-]){re.escape(org.place)}(?![\w-])", q)]
            return bool(at) and all(any(n.startswith(org.place + " ") and q.startswith(n[len(org.place):], i) for n in persons) for i in at)
        return org.kind == "other" and any(n in org.name for n in persons)

    @staticmethod
    def _where_less(org: OrgM, short: set[str]) -> OrgM:
        """'Stadt Buckow in der Märkischen' -> 'Stadt Buckow' when the story names the place without the tail."""
        place = org.place or ""
        cut = _WHERE_TAIL.search(place)
        if org.kind != "municipality" or cut is None or place[: cut.start()] not in short or not org.name.endswith(place):
            return org
        bare = place[: cut.start()]
        river = cut.group(0).strip() in ("am", "an der") and " " not in place[cut.end():]  # 'X am Rhein': the official name, kept as an alias
        return OrgM(org.name[: -len(place)] + bare, org.kind, bare, org.parent, [org.name] if river else [], org.start, org.end)

    def _full_town(self, org: OrgM, short: set[str]) -> OrgM:
        """A town named by the first words of a longer place of the story ('San Damiano' of "San Damiano
        d'Asti") is that place; a bare name that is a place ('San Damiano', kind other) is its town's body."""
        name = org.place if org.kind == "municipality" else org.name if org.kind == "other" and org.parent is None else None
        if not name:
            return org
        norm = name.replace("’", "'")
        longer = sorted((p for p in short if p.replace("’", "'").startswith(norm + " ") and p.replace("’", "'") != norm), key=lambda p: (len(p), p))
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
        if any(p and re.search(rf"(?<![\w-]){re.escape(p)}(?:er|s)\s+(?:\w+\s+)?Partner", link.quote) for p in (a.place, b.place)):
            return False  # 'der Mittweidaer Partnerstadt Bornheim': its owner named, not the story's
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
        if place.endswith(_PARTICIPLE_NOUN):  # 'alle an der Partnerschaft Beteiligten': a nominalized participle
            return True
        if place.endswith("ern") and len(place) >= 9:  # 'Vertretern der Partnerstadt sowie Teilnehmern': an agent noun's dative plural
            return True
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


#: Rules that read both sides of a pair off its own words.
_EXPLICIT = frozenset({"press:pair", "press:twin-list", "press:twin-genitive", "press:partner", "press:signers", "press:member-list"})


_TWIN_WORD = re.compile(r"(?:[Pp]artner\w*|[Ss]tädtepartner\w*|[Gg]emeindepartner\w*|[Kk]reispartner\w*|partnerschaftlich\w*|Freundschaftsvertrag\w*)")
#: What makes a twinning word a plan, not a tie: 'Sondierungen zu möglichen Städtepartnerschaften', 'eine künftige Partnerstadt'.
_PLANNED_BEFORE = re.compile(r"(?:möglich|künftig|zukünftig|geplant|angestrebt|potenziell|potentiell|eventuell|denkbar)\w*\s+$", re.I)


def _only_planned(link: LinkF) -> bool:
    """Whether a twinning pair guessed from its sentence's twinning word rests on a planned or possible twinning only
    ('Sondierungen zu möglichen Städtepartnerschaften'): no tie yet."""
    if link.rule not in ("press:twinning", "press:twinning+visit"):
        return False
    words = list(_TWIN_WORD.finditer(link.quote))
    return bool(words) and all(_PLANNED_BEFORE.search(link.quote, max(0, w.start() - 30), w.start()) for w in words)


_NEXT_WORD = re.compile(rf"\s+([{UP}][\w'’-]+)")


def _next_words(text: str, word: str) -> set[str | None]:
    """The capitalized word after each whole-word mention of ``word`` in ``text`` (None where none follows)."""
    out: set[str | None] = set()
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before_ok = at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-_")
        after = text[end] if end < len(text) else ""
        if before_ok and not (after.isalnum() or after in "-_"):
            nxt = _NEXT_WORD.match(text, end)
            out.add(nxt.group(1) if nxt else None)
        at = text.find(word, at + 1)
    return out


def _demonym_object(link: LinkF, org: OrgM) -> bool:
    """Whether a twinning side was read off a demonym right after the twinning word ('Städtepartnerschaften von
    Xer und Yer Schulen': an adjective of other bodies, not the town) and the quote never names the town."""
    place = org.place or ""
    if link.rule != "press:twinning" or not place or place + "er" not in link.quote \
            or re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", link.quote):
        return False
    return any(re.match(rf"\s+(?:von\s+|der\s+|mit\s+)?{re.escape(place)}er\b", link.quote[w.end():]) for w in _TWIN_WORD.finditer(link.quote))


def _guess_beside(link: LinkF, explicit: dict[str, set[str]]) -> bool:
    """Whether a twinning pair whose one side its sentence does not name (the story's city, guessed) stands
    beside an explicit pair of that sentence sharing its other side ('Die Partnerschaft der Landkreise A und
    B': A–B, not the story's city–A)."""
    if link.rule != "press:twinning" or link.quote not in explicit:
        return False
    named = explicit[link.quote]
    sides = [p for p in (link.a.place, link.b.place) if p]
    unnamed = [p for p in sides if p not in link.quote]
    return len(unnamed) == 1 and any(p in named for p in sides if p not in unnamed)


#: Endings of nouns for a body's organs, no town: 'Kreisausschuss', 'Kreistag', 'Gemeinderat'.
_ORGAN_ENDS = ("ausschuss", "tag", "rat", "amt", "verwaltung", "vorstand", "gremium", "verein", "verband", "kammer")


def _bare_organ(org: OrgM) -> bool:
    """Whether a body is only an organ's noun with no name or place ('Hochschulrat', 'Aufsichtsrat'): of what?"""
    return " " not in org.name and org.place is None and org.parent is None and org.name.endswith(_ORGAN_ENDS)


def _body_noun(org: OrgM) -> bool:
    """Whether a body's 'place' is the noun of an organ ('Stadt Kreisausschuss' of 'aus Kreisausschuss und
    Kreistag'), unknown to the gazetteer."""
    place = org.place or ""
    return org.kind == "municipality" and place.endswith(_ORGAN_ENDS) and " " not in place and not known_place(place, 0)


_SENT_END = re.compile(r"[.!?](?:\s|$)|\n")
#: What a 'zwischen A und B' of a twinning pair follows: 'Partnerschaft zwischen', 'Freundschaft zwischen den Städten'.
_TIE_BEFORE = re.compile(r"(?:artnerschaft\w*|reundschaft\w*|erbindung\w*|eziehung\w*|ontakte?|erbunden|ooperation\w*|ertrag\w*)\s+(?:\w+\s+){0,3}$")


#: The tie a sentence opening with 'Zwischen A und B' names after them: 'Zwischen A und B besteht eine Partnerschaft'.
_TIE_AFTER = re.compile(r"(?:artnerschaft|reundschaft|ooperation|usammenarbeit|ertrag)")


def _loose_between(link: LinkF, a: OrgM, b: OrgM, sent: str) -> bool:
    """Whether a twinning pair was read off a 'zwischen A und B' that names no tie ('die zwischen A und B
    leben': a stretch of land, not a partnership); ``sent`` is the link's whole sentence."""
    if link.rule != "press:twinning" or "wischen" not in sent:
        return False
    at = [m.start() for m in re.finditer(r"\b[Zz]wischen\s", sent)
          if (a.place or "") in sent[m.end(): m.end() + 80] and (b.place or "") in sent[m.end(): m.end() + 80]]
    return bool(at) and not any(_TIE_BEFORE.search(sent, max(0, i - 60), i) or sent[i] == "Z" and _TIE_AFTER.search(sent, i) for i in at)


#: A trailing legal form of a name ('Verein X e.V.', 'X GmbH').
_LEGAL_TAIL = re.compile(r"\s+(?:e\.\s?V\.|GmbH|gGmbH|AG|SE|eG|KG|mbH)$")


def _same_but_form(a: OrgM, b: OrgM) -> bool:
    """Whether two sides are one organization with and without its legal form ('Verein X e.V.', 'Verein X')."""
    return a.kind != "municipality" and _LEGAL_TAIL.sub("", a.name) == _LEGAL_TAIL.sub("", b.name)


def _place_key(org: OrgM) -> str:
    """A link side's identity: a town's body by its place (whatever its kind word), a county's by its place among
    counties ('Kreis X' and 'Landkreis X'), anything else by its key."""
    if org.kind == "municipality" and org.place and _tier(org) == "town":
        return "@" + fold(org.place)
    if org.kind == "municipality" and org.place and org.name.split()[0] in ("Kreis", "Landkreis"):
        return "@county " + fold(org.place)
    return org.key


def _tier(org: OrgM) -> str:
    """A municipal body's tier: ``county``, ``joint`` (an association of municipalities named after its seat:
    'Verwaltungsgemeinschaft X', 'Gemeindeverwaltungsverband X') or ``town``."""
    head = org.name.split()[0] if org.name else ""
    if head in LEX.county_heads:
        return "county"
    return "joint" if LEX.municipal_heads.get(head, "").endswith(("verband", "gemeinschaft")) else "town"


#: A body named as a former one: 'der damalige Landkreis X', 'die ehemalige Gemeinde X'.
_FORMER = re.compile(r"(?<![\w-])(?:[Dd]amalig|[Ee]hemalig|[Ee]instig)e[nmrs]?\s+(?:[A-ZÄÖÜ][\w-]*\s+)?")


def _former(org: OrgM, quote_text: str) -> bool:
    """Whether the quote names the municipal body ``org`` as a former one (its place right after 'damalige(n)' and
    at most its kind word)."""
    if org.kind != "municipality" or not org.place or "amalig" not in quote_text and "hemalig" not in quote_text and "instig" not in quote_text:
        return False
    return any(quote_text.startswith(org.place, m.end()) or quote_text.startswith(org.name, m.end()) for m in _FORMER.finditer(quote_text))


def _one_place(a: OrgM, b: OrgM) -> bool:
    """Whether two bodies are one place's under two kind words ('Stadt Tuggen', 'Gemeinde Tuggen'; a county
    or an association of municipalities and its seat town stay two), or under two spellings of one name (one a
    single word, the other it with one or two more lower-case letters: a misspelt 'Qianjian' of 'Qianjiang'; two towns
    the gazetteer knows stay two: 'Kamen' and 'Kamenz')."""
    if a.kind != "municipality" or b.kind != "municipality" or not a.place or not b.place:
        return False
    if a.place != b.place:
        short, long_ = sorted((a.place, b.place), key=len)
        rest = long_[len(short):]
        return " " not in long_ and "-" not in long_ and long_.startswith(short) and 0 < len(rest) <= 2 and rest.islower() \
            and len(short) >= 5 and _tier(a) == _tier(b) and known_place(short, 0) != known_place(long_, 0)
    return _tier(a) == _tier(b)
