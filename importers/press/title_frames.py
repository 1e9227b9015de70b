"""Titles before names: 'Oberbürgermeisterin A', 'der Potsdamer Beigeordnete B', 'die Landräte A und B' (a
plural title over a list), each with the body the phrase or its context gives."""

from __future__ import annotations

import re

from .lexicon import LEX, LO, NAME_TOK, UP, _either, _trie, _trie_branches
from .scanning import anchored_finditer
from .names import clean_name
from .orgs import OrgM, municipality, role_key
from .places import adjective_base, is_place_word, known_place, known_span, known_town
from .links import _PARENS
from .roles import RoleRules, _title_party
from .organs import state_of_title
from .role_context import _company_title, _municipal_title, _portfolio_title, county_office

_HON = LEX.honorific_re
_PARTICLES = _trie(LEX.name_particles)
_PLACE_LEAD = rf"(?:(?:der|die|des|dem|den)\s+)?(?P<pl>(?:(?:St\.|Sankt|Bad)\s)?[{UP}][\w]+)\s+"  # 'der St. Ingberter …'
PRE_TITLE = re.compile(rf"(?:{_PLACE_LEAD})?(?P<title>{LEX.title_chain_re})\s+(?:a\.\s?D\.\s+)?(?P<hon>{_HON}*)(?P<name>{NAME_TOK}(?:\s+[{UP}]\.)?(?:\s+{NAME_TOK}){{0,2}}(?:\s+(?:{_PARTICLES})\s+{NAME_TOK})?)")
#: Where a title starts (its first character, then the title pattern): PRE_TITLE is tried only from two
#: tokens before each ('der Potsdamer Oberbürgermeister'), at the characters its matches start with.
_TITLE_FIRSTS = "".join(sorted({re.escape(t[0]) for t in (*LEX.titles, *LEX.title_modifiers) if not re.match(rf"[{UP}]", t[0])}))
_TITLE_UP_AT = re.compile(rf"[{UP}](?<=(?={LEX.title_re}).)")
#: The titles written lower case first ('stellvertretende Bürgermeisterin'): their first letters are
#: common ones, so they are looked for as words (a scan re can skip ahead in), not behind every such letter.
_TITLE_LOW_AT = re.compile(rf"{_either(_trie_branches([t for t in (*LEX.titles, *LEX.title_modifiers) if re.match(rf'[{LO}]', t[0])]))}(?![\w-])")


class _TitleAt:
    """Where a title starts (``title_re`` matches): ``search(text, pos)`` as a compiled pattern's, whose
    match ``start()`` is the leftmost such position. Two scans, one over the capitals and one for the
    lower-case titles, cost less than one that stops at every letter a title can start with."""

    def __init__(self) -> None:
        #: (text, searched from, capital hit, searched from, lower-case hit) of the last call: a search
        #: from a later position still before a hit finds that hit again (matching at a position does not
        #: depend on where the search began), so the anchor walk does not rescan the text for it.
        self._last: tuple[str, int, re.Match | None, int, re.Match | None] | None = None

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        last = self._last
        if last is not None and last[0] is text:
            _t, up_from, up, low_from, low = last
        else:
            up_from = low_from = len(text) + 1
            up = low = None
        if not (up_from <= pos and (up is None or up.start() >= pos)):
            up, up_from = _TITLE_UP_AT.search(text, pos), pos
        if not (low_from <= pos and (low is None or low.start() >= pos)):
            low, low_from = _TITLE_LOW_AT.search(text, pos), pos
        self._last = (text, up_from, up, low_from, low)
        return low if low is not None and (up is None or low.start() < up.start()) else up


_TITLE_AT = _TitleAt()
_PRE_FIRST = frozenset(c for c in map(chr, range(0x250)) if re.match(rf"[d{UP}{_TITLE_FIRSTS}]", c))
#: Where PRE_TITLE can start before a title hit: its place lead ('der Kasseler …') opens with 'd' or a capital;
#: without it the title starts the match, and ``_TITLE_AT`` finds every title start at a letter (not at a
#: digit: '1. Bürgermeister'), so none lies between the last try and the hit.
_PRE_LEAD = frozenset(c for c in _PRE_FIRST if c == "d" or re.match(rf"[{UP}]", c) or not re.match(rf"[{LO}]", c))
#: A town alone in commas after a titled name: 'Bürgermeister A, Fulda, …', '…, Fulda.'
_TOWN_APPOS = re.compile(rf"\s*,\s*(?P<p>[{UP}][{LO}]+(?:-[{UP}][{LO}]+)?)\s*(?=[,;)]|\.(?:\s|$)|$)")
#: A plural title over a list of names: 'die beiden Landräte A und Dr. B', 'die Bürgermeisterinnen A, B und C'.
_ONE_NAME = rf"{_HON}*{LEX.full_name}(?:\s*\([^()]{{1,40}}\))?"
#: The last item of a plural title's list may be the first one's counterpart: 'die Landräte A und sein polnischer Kollege B'.
_COLLEAGUE = r"(?:(?:sein|seine|ihr|ihre)\s+(?:[a-zäöü]+\s+)?(?:Amts)?[Kk]olleg(?:e|in)\s+)"
_COLLEAGUE_RE = re.compile(_COLLEAGUE)
#: Plural modifiers of a title ('die stellvertretenden Landrätinnen', 'die beiden damaligen Landräte'): kept in the
#: singular title ('stellvertretende Landrätin').
_PLURAL_MODS = _trie(sorted({m for m in LEX.title_modifiers if m.endswith("en") and m[:1].islower()}))
_PLURAL_TITLE = re.compile(rf"\b(?P<art>[Dd]ie|[Dd]en|der|seine|ihre|seinen|ihren)\s+(?P<num>(?:beiden|drei|vier|fünf|zwei)\s+)?"
                           rf"(?P<mod>(?:{_PLURAL_MODS})\s+)?(?P<pl>[{UP}][{LO}]+er\s+)?(?P<title>[{UP}][\w-]+)"
                           rf"(?:\s+und\s+(?P<pair>[{UP}][\w-]+))?(?:\s+(?:sind|waren)\s*:|\s*:)?\s+"  # 'Die neuen X sind: A, B und C'
                           rf"(?P<list>{_ONE_NAME}(?:\s*,\s*{_ONE_NAME})*\s+(?:und|sowie)\s+{_COLLEAGUE}?{_ONE_NAME})")
#: Two towns as a pair: 'zwischen X und Y', 'zwischen den Städten X und Y'.
_BETWEEN_TOWNS = re.compile(rf"\bzwischen\s+(?:den\s+(?:Städten|Gemeinden|Kommunen|Orten)\s+)?(?P<a>{LEX.place_name})\s+und\s+"
                            rf"(?:der\s+\w+\s+|dem\s+\w+\s+)?(?P<b>{LEX.place_name})")
_NAME_ITEM = re.compile(rf"(?P<hon>{_HON}*)(?P<name>{LEX.full_name})")


def _plural_form(sent: str, m: re.Match[str]) -> bool:
    """Whether article and title of a title over a list are plural without a numeral: 'die Bürgermeister A und B',
    'mit den Europaabgeordneten A und B' ('die Bürgermeisterin A und B', 'den Abgeordneten A' are singular)."""
    title, art = m.group("title"), m.group("art").lower()
    title = title.rsplit("-", 1)[-1] if "-" in title and _title_party(title) else title  # 'SPD-Ratsmitglieder'
    pair = m.group("pair")
    if pair and not (title == pair + "innen" or pair == title + "innen"):
        return False  # 'die Bürgermeisterinnen und Bürgermeister A, B': one title in both genders, else two titles
    if not (LEX.is_titleish(title) or LEX.is_titleish(_singular(title))):
        return False
    if art == "den" and title.endswith("ern"):
        return True  # 'den Bürgermeistern A und B': a dative plural
    if title.endswith(("innen", "räte", "räten")):
        return art != "der"
    if art == "die":
        return title.endswith(("er", "en"))
    return art == "den" and title.endswith(("ern", "en")) and _DATIVE_BEFORE.search(sent, 0, m.start()) is not None


_DATIVE_BEFORE = re.compile(r"\b(?:mit|von|bei|zu|nach|aus|vor|neben|gegenüber)\s+$")


def _singular(title: str) -> str:
    """'Landräte' -> 'Landrat', 'Bürgermeisterinnen' -> 'Bürgermeisterin' (titles whose plural is the same stay)."""
    if title.endswith("innen"):
        return title[:-3]
    if title.endswith("räte"):
        return title[:-4] + "rat"
    if title.endswith("mitglieder"):
        return title[:-2]  # 'Ratsmitglieder' -> 'Ratsmitglied'
    if title.endswith(("ern", "ten")) and not LEX.is_titleish(title) and LEX.is_titleish(title[:-1]):
        return title[:-1]  # 'Bürgermeistern' -> 'Bürgermeister', 'Stadtverordneten' -> 'Stadtverordnete'
    if title.endswith("sen") and LEX.is_titleish(title[:-1]):
        return title[:-1]  # 'Digitallotsen' -> 'Digitallotse'
    return title


_POSSESSIVE = re.compile(rf"(?:^|\s)(?:{_trie(LEX.possessives)})\s+$")


#: Where a sentence turns to the people of one town: 'von Neuhausener Seite', 'auf St. Ingberter Seite', 'aus Hettstedt der
#: Bürgermeister …' (the town, then a title); titled names after it, up to the next such turn, are that town's.
_SIDE_MARK = re.compile(rf"(?<![\w-])(?:[Vv]on|[Aa]uf|[Ss]eitens)\s+(?:der\s+)?(?P<adj>(?:(?:St\.|Sankt|Bad)\s)?[{UP}][\w-]+er)\s+Seite\b"
                        rf"|(?<![\w-])(?:aus|in)\s+(?P<p>{LEX.place_name})(?=[\s,])")
#: After the town: a title ('aus X der Bürgermeister …', 'in X die Beigeordnete …'), or a delegation's members ('aus X,
#: darunter die Bürgermeisterin …').
_TITLE_START = re.compile(rf"(?:,\s+(?:darunter|unter ihnen|unter anderem))?\s+(?:(?:der|die|den|dem)\s+)?"
                          rf"(?:{LEX.title_re})")


class TitleFrames(RoleRules):
    """The title-before-name frames of a story's sentences."""

    def _side_bodies(self, sent: str, first: int) -> None:
        """Roles found in ``sent`` (from index ``first`` on) whose office has no body yet: the town of the side marker
        ('von Xer Seite', 'aus X der …') before the person's name, when the sentence has such markers."""
        marks: list[tuple[int, str]] = []
        for mk in _SIDE_MARK.finditer(sent):
            if mk.group("adj"):
                pre, _, word = mk.group("adj").rpartition(" ")
                stem = adjective_base(word)
                town = f"{pre} {stem}" if pre and stem else stem
            else:
                town = known_span(mk.group("p"))
                if not _TITLE_START.match(sent, mk.start("p") + len(town)):
                    continue  # 'aus X' not followed by a title: a place of origin, no side of a list
            if town and is_place_word(town) and (town in self.places or known_town(town, 1000)):
                marks.append((mk.end(), town))
        if not marks:
            return
        for r in self.facts.roles[first:]:
            office = _municipal_title(r.title) or _portfolio_title(r.title) or role_key(r.title) in LEX.office_roles
            at = sent.find(r.person.split()[-1])
            if r.org is not None or not office or at < 0:
                continue
            town = next((t for end, t in reversed(marks) if end <= at), None)
            if town is not None:
                self.places.add(town)
                r.org = self.body(town, r.title)

    def _pre_titles(self, sent: str, q: str, taken: list[tuple[int, int]], title_hit: re.Match[str]) -> None:
        """'Title Name' (and 'der Xer Title Name'): the person, and the role with the body the phrase, an
        affiliation after the name, whom the sentence acts for, a possessor or the title itself gives."""
        behalf = self._on_behalf(sent) if ("ür die" in sent or "amen" in sent or "eitens" in sent) else None
        for m in anchored_finditer(PRE_TITLE, _TITLE_AT, sent, 2, _PRE_FIRST, title_hit, _PRE_LEAD):
            beside = any(s <= m.start("name") < e for s, e in taken)
            toks = m.group("name").split()
            while toks and (toks[-1] in LEX.non_name or toks[-1] in self.places):
                toks.pop()
            org = None
            pl = m.group("pl")
            if pl:
                pre, _, word = pl.rpartition(" ")  # 'St. Ingberter': the prefix stays with the town
                stem = adjective_base(word) or (word[:-1] if word.endswith("s") else None)
                base = f"{pre} {stem}" if pre and stem else stem
                if base and (base in self.places or known_place(base, 1000)) and is_place_word(base):
                    self.places.add(base)
                    named = self.title_org(m.group("title"))
                    # 'Kassels Stadtwerke-Chef': the utility the title names, of the town the lead names
                    org = named.with_place(base) if named is not None and named.needs_place else municipality(base)
                elif base and pl.endswith("s") and base in LEX.countries_regions:
                    org = OrgM(base, "government")  # 'Frankreichs Präsident', 'Japans Botschafter': the state's
                elif pl[:1].isupper() and not pl.endswith(("er", "s")):
                    pass
            if org is None and not pl:
                org = state_of_title(sent, m.start("title"), m.group("title"))  # 'die hessische Innenministerin A'
            if beside:  # 'Kassels Bürgermeister A, zugleich …': the apposition gave a role; the title's body is the demonym's
                self._title_beside(m.group("title"), m.group("name"), q, org)
                continue
            if len(toks) == 1:
                known = self._by_surname(toks[0])
                if known:
                    self._role(known, m.group("title"), org, q, "press:title", 0.75)
                continue
            name = self._add_person(" ".join(toks), m.group("hon"), q, "press:title", 0.8)
            if name and org is None:
                end = self.after_aside(sent, m.start("name") + len(" ".join(toks)))
                org = self._affiliation(sent, end, place_ok=True)
                town = _TOWN_APPOS.match(sent, end) if org is None and _municipal_title(m.group("title")) else None
                if town and self.is_town(town.group("p")):
                    org = self.body(town.group("p"), m.group("title"))  # 'Bürgermeister A, Fulda, sagte'
            if name and org is None and behalf is not None and behalf[0] <= m.start() and behalf[2] is None:
                org = behalf[1]  # 'Für die Stadt X unterzeichnete Bürgermeister A': whom A acts for
                behalf = (behalf[0], behalf[1], name)
            office_like = role_key(m.group("title")) or _municipal_title(m.group("title")) or _company_title(m.group("title"))
            owner = self._possessor(sent[: m.start()]) if name and org is None and office_like else None
            if name and owner and owner != name:
                org = self._possessor_body(owner)  # 'OB A und sein Stellvertreter B': B serves A's body
                if org is None:
                    self.possessor_of.setdefault(name, owner)  # A's body is known only once offices are resolved
            elif name and org is None and (pl in LEX.possessives or _POSSESSIVE.search(sent[: m.start()])):
                org = self.body_before(sent[: m.start()], m.group("title"))  # 'der Verein X mit seiner …'
                earlier = None if org is not None or not office_like else self._first_person(sent[: m.start()], name)
                if earlier is not None:  # 'A zeigte … mit seinem Kollegen Bürgermeister B': A's body
                    org = self._possessor_body(earlier)
                    if org is None:
                        self.possessor_of.setdefault(name, earlier)
                elif org is None:
                    org = self._previous_subject()
            if name and org is None:
                org = self.bind_role(self.title_org(m.group("title")))
            if name:
                self._role(name, m.group("title"), org, q, "press:title", 0.8)
                taken.append((m.start(), m.end()))

    def _plural_titles(self, sent: str, q: str) -> None:
        """A plural title over a list of names: each named person holds the singular title."""
        for pl in _PLURAL_TITLE.finditer(sent):
            plural_title = _singular(pl.group("title"))
            if pl.group("pair") and pl.group("title").endswith("innen"):
                plural_title = _singular(pl.group("pair"))  # 'die Bürgermeisterinnen und Bürgermeister A, B'
            if not pl.group("num") and not _plural_form(sent, pl):
                continue
            if pl.group("mod"):  # 'die stellvertretenden Landrätinnen' -> 'stellvertretende Landrätin'
                mod = pl.group("mod").strip()[:-1]
                plural_title = f"{mod if plural_title.endswith('in') else mod + 'r'} {plural_title}"
            if pl.group("art").startswith(("sein", "ihr")) and not pl.group("num"):
                continue  # 'seine Stellvertreter A und B' without a numeral: one title or two?
            org = self.bind_role(self.title_org(plural_title))
            base = adjective_base(pl.group("pl").strip()) if pl.group("pl") else None
            if pl.group("pl") and not (base and (base in self.places or known_town(base))):
                continue  # 'die Kasseler Stadträte A und B' needs the demonym's town; another capitalized word: no plural title
            if org is None and base:
                org = self.body(base, plural_title)  # 'die Lübbener SPD-Ratsmitglieder A und B': of Lübben
            if org is None and pl.group("art").startswith(("sein", "ihr")):  # 'seine beiden Amtsvorgänger A und B'
                first = self._first_person(sent[: pl.start()], "")
                org = (self.body_before(sent[: pl.start()], plural_title) or (self._possessor_body(first) if first else None)
                       or self._previous_subject())
            items = list(_NAME_ITEM.finditer(_COLLEAGUE_RE.sub(", ", _PARENS.sub(",", pl.group("list")))))
            pair = self._town_pair(sent, plural_title) if org is None and len(items) == 2 and "zwischen" in sent else None
            for i, nm in enumerate(items):
                name = self._add_person(nm.group("name"), nm.group("hon"), q, "press:plural-title", 0.75)
                if name and not any(r.person == name for r in self.facts.roles):
                    self._role(name, plural_title, pair[i] if pair else org, q, "press:plural-title", 0.75)

    def _town_pair(self, sent: str, title: str) -> tuple[OrgM, OrgM] | None:
        """'zwischen X und Y … zwischen den Bürgermeistern A und B': two towns named as a pair, in the order of the
        two office holders (a municipal title only)."""
        if not (_municipal_title(title) or county_office(title)):
            return None
        m = _BETWEEN_TOWNS.search(sent)
        if m is None or m.group("a") == m.group("b") or not all(is_place_word(m.group(g)) for g in "ab"):
            return None
        if not (self.is_town(m.group("a")) or self.is_town(m.group("b"))):
            return None  # one of the two a town the story or the gazetteer knows; the pair vouches for the other
        return self.body(m.group("a"), title), self.body(m.group("b"), title)

    def _title_beside(self, title: str, raw: str, q: str, org: OrgM | None = None) -> None:
        """'Bürgermeister A, zugleich Vorsitzender des Zweckverbands X': the title before a name whose
        apposition gave another role is a role of its own (resolved like any title without a body)."""
        name = clean_name(raw, self.places)
        key = role_key(title)
        mine = [r for r in self.facts.roles if r.person == name]
        if name and key and mine and all(role_key(r.title) != key for r in mine):
            self._role(name, title, org or self.bind_role(self.title_org(title)), q, "press:title", 0.75)
