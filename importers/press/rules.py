"""Extraction rules of the press importer: persons, roles and offices of one story (visits in ``visits``, organization links and sessions in ``links``)."""

from __future__ import annotations

import re

from .lexicon import (LEX, LO, NAME_TOK, NB, UP, WordStart, _alt, _either, _trie, _trie_branches,
                                            anchored_finditer, any_of)
from .orgs import (OrgM, known_place, role_key, adjective_base, collect_places, find_orgs,
                   is_place_word, municipality, org_from_item, place_form)
from .text import Segment, sentences
from .names import clean_name, is_given
from .facts import PersonF, RoleF, StoryFacts, quote
from .links import LinkRules, _GAP_MIT, _LIST_SPLIT, _PARENS, _TITLE_CHAIN

_HON = LEX.honorific_re
_PLACE_LEAD = rf"(?:(?:der|die|des|dem|den)\s+)?(?P<pl>[{UP}][\w]+)\s+"
PRE_TITLE = re.compile(rf"(?:{_PLACE_LEAD})?(?P<title>{LEX.title_chain_re})\s+(?P<hon>{_HON}*)(?P<name>{NAME_TOK}(?:\s+{NAME_TOK}){{0,2}})")
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
APPOS = re.compile(r"\s*,\s*(?:(?:der|die)\s+(?:als|seit)\s+)?(?P<app>[^,;()]+?)(?=\s*(?:,|;|\)|\.\s|\.$|$))")
SURNAME_APPOS = re.compile(rf"(?P<name>[{UP}]{NB}[{LO}]++(?:-[{UP}][{LO}]++)?)\s*,\s*(?P<app>(?:[{UP}][\w]+s\s+)?{LEX.title_chain_re})\s*,")
CAPTION = re.compile(rf"^\(?\s*(?:{_alt(LEX.caption_openers)})\s*", re.I)
CREDIT = re.compile(rf"\(?\s*(?:{_trie(LEX.credit_openers)})\s*:\s*(?P<body>[^)\n]+)\)?")
CONTACT = re.compile(rf"(?:{_trie(LEX.contact_openers)})\s*:\s*(?P<body>[^\n]+)")
#: Title-chain patterns compiled once: as pattern strings they fell out of ``re``'s 512-entry cache
#: whenever a corpus named many places (per-place patterns churn it) and were recompiled per phrase.
_PLACE_TITLE = re.compile(rf"(?P<pl>[{UP}][\w]+)\s+(?P<t>{LEX.title_chain_re})\s*$")
_TRAIL_CONNECT = re.compile(r"\s*(?:\b(?:bei|beim|der|des|von|vom|im|in|am|für|an|und|zur|zum|bei der|in der|von der)\s*)+$")
_ORG_PREP = re.compile(r"(?:von|vom|bei|beim|der|des|im|in der|am|an der)\s+(?:(?:der|dem|den|des)\s+)?")
#: A compound title whose first part ends in an organization word: 'Zentralbank|chef', 'Handelskammer|präsident'.
_COMPOUND_ORG = re.compile(rf"(?P<org>[{UP}][{LO}]*(?P<suf>{_trie(LEX.compound_suffixes)}))(?:s?)(?:{_trie(LEX.title_suffixes)})$")
#: 'Name ist Geschäftsführer der X', 'Name, der seit 2019 Leiterin des Y ist' (the first form), 'Name als Z'.
COPULA = re.compile(rf"\s+(?:(?:ist|war|wird|bleibt|wurde)\s+(?:(?:seit|bereits|jetzt|nun|auch|zudem)\b[^,.;:]{{0,30}}?\s+)?"
                    rf"(?:(?:der|die|neuer|neue|zum|zur)\s+)?|als\s+(?:(?:neuer|neue)\s+)?)"
                    rf"(?P<app>{LEX.title_chain_re}(?:\s+[^,;:()„“\".!?]{{1,100}}?)?)(?=\s*(?:[,;:.!?)]|$|\s+(?:und|sowie|ernannt|gewählt|bestellt)\b))")
_PAREN = re.compile(r"\s*\((?P<in>[^()]{2,80})\)")
#: ' und ' before a second title in one apposition.
_SECOND_ROLE = re.compile(rf"\s+(?:und|sowie)\s+(?=(?:{LEX.title_re}))")
_FROM_PLACE = re.compile(rf"^(?:Aus|Von)\s+(?:(?:der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:(?:Stadt|Gemeinde|Partnerstadt|Landkreis|Kreis)\s+)?"
                         rf"(?P<p>{LEX.place_name})\s+(?:waren|war|kamen|kam|reisten|reiste|sind|ist|nahmen|nahm)\b")
#: A plural title over a list of names: 'die beiden Landräte A und Dr. B', 'die Bürgermeisterinnen A, B und C'.
_ONE_NAME = rf"{_HON}*{NAME_TOK}(?:\s+{NAME_TOK}){{1,2}}(?:\s*\([^()]{{1,40}}\))?"
#: (The leading \b as the word guard after each first letter: re skips ahead to the d.)
_PLURAL_TITLE = re.compile(rf"(?:d(?<!\w.)ie|d(?<!\w.)en|d(?<!\w.)er)\s+(?:(?:beiden|drei|vier|fünf|zwei)\s+)(?P<title>[{UP}][\w-]+)\s+"
                           rf"(?P<list>{_ONE_NAME}(?:\s*,\s*{_ONE_NAME})*\s+(?:und|sowie)\s+{_ONE_NAME})")
_POSITION_WORDS = frozenset({"Mitte", "Links", "Rechts", "Vorne", "Hinten"})
_PLACE_SHAPED = re.compile(rf"[{UP}][\w-]+(?:\s[{UP}][\w-]+){{0,2}}")
_NAME_ITEM = re.compile(rf"(?P<hon>{_HON}*)(?P<name>{NAME_TOK}(?:\s+{NAME_TOK}){{1,2}})")


def _singular(title: str) -> str:
    """'Landräte' -> 'Landrat', 'Bürgermeisterinnen' -> 'Bürgermeisterin' (titles whose plural is the same stay)."""
    if title.endswith("innen"):
        return title[:-3]
    if title.endswith("räte"):
        return title[:-4] + "rat"
    return title


DELEGATION = LEX.cue_pattern("delegation_words")
#: 'Der Vorstandsvorsitzende der Sparkasse X, Bernd Muster, …': article + title phrase, then the name in commas.
REV_APPOS = re.compile(rf"[Dd]{NB}(?:er|ie|es|em|en)\s+(?P<app>{LEX.title_chain_re}(?:\s+[^,;:()„“\"]{{1,120}}?)?)"
                       rf"\s*,\s*(?P<hon>{_HON}*)(?P<name>{NAME_TOK}(?:\s+{NAME_TOK}){{1,2}})(?=\s*(?:[,.;:)!?]|$|\s+(?:und|sowie)\b))")
#: What follows a titled name and says whom the person belongs to: 'aus Tannwald', 'vom Landkreis X'.
AFFIL = re.compile(rf"\s+(?:{_trie(LEX.affiliation_preps)})\s+")
_BARE_BODY = re.compile(r"\s+(?:der|des)\s+(?P<b>Stadt|Gemeinde|Kommune|Landkreises|Kreises)$")
_NOT_ON = r"(?![\w-])"
#: Any cue of the link and session rules (one scan; a match of any of their patterns is a match here):
#: most sentences have none, and then none of those six patterns needs to run.
#: (``WordStart``: the words' guard as a scan for what precedes them; same answers, fewer stops.)
_LINK_CUES = WordStart(any_of([*((w, _NOT_ON) for w in LEX.partner_cues), *((w, _GAP_MIT + _NOT_ON) for w in LEX.partner_gap_verbs),
                               *((w, _NOT_ON) for k in ("joint_cues", "participation_cues", "pair_cues", "pair_nouns", "membership_cues",
                                                        "session_words") for w in LEX.data[k])], guard=""))
_POSSESSIVE = re.compile(rf"(?:^|\s)(?:{_trie(LEX.possessives)})\s+$")
_ROLE_LEAD = re.compile(r"^(?:der|die|als)\s+(?:als\s+)?")
_HON_NAME = re.compile(rf"(?P<hon>{_HON}*)(?P<name>.+)")
_CAP_START = re.compile(rf"[{UP}][\w-]+")
_SEMI = re.compile(r"\s*;\s*")
_CREDIT_SPLIT = re.compile(r"\s*[/,|]\s*|\s+[-–]\s+")
_CAMEL = re.compile(r"[a-z][A-Z]")


def _municipal_title(title: str | None) -> bool:
    """Whether a title names an office of a municipality or county ('Kreisbaurätin', 'Stadtsprecher')."""
    low = (title or "").casefold()
    if any(w in low for w in ("werke", "aufsicht", "vorstand", "betrieb")):
        return False  # the title of a company's office ('Stadtwerke-Geschäftsführer', 'Aufsichtsratsvorsitzender')
    word = low.split()[-1] if low.split() else ""
    return any(stem in low for stem in LEX.municipal_title_stems) or word.startswith(tuple(LEX.municipal_title_prefixes))


def _is_county(org: OrgM) -> bool:
    return org.kind == "municipality" and (org.name.split()[0] in LEX.county_heads or org.name.endswith(("kreis", "-Kreis")))


class StoryExtractor(LinkRules):
    """Applies the rules to one segment; ``facts`` holds the result."""

    def __init__(self, seg: Segment, year_hint: str | None = None, known_places: set[str] | None = None) -> None:
        self.seg = seg
        self.year_hint = year_hint
        self.facts = StoryFacts()
        self.places = collect_places(seg.text) | (known_places or set())
        self.subject: list[OrgM] = self._teaser_subject() if seg.teaser else []
        self.city: str | None = None
        self.busy: list[tuple[int, int, int]] = []  # (line index, start, end) spans consumed by a person rule
        self._places0 = set(self.places)  # what bodies are found with (places grow while the rules run)
        self.prev: str = ""  # the sentence before the current one
        self.origin_of: dict[str, str] = {}
        self.person_place: dict[str, str] = {}  # person -> place named after them in parentheses  # sentence quote -> the place its persons come from ('Aus X waren …')
        self.actor: OrgM | None = None  # the subject of the story's last organization link

    @property
    def bodies(self) -> list[OrgM]:
        """The municipal bodies the story names, found on first use (teasers rarely need them)."""
        found = self.__dict__.get("_bodies")
        if found is None:
            found = self.__dict__["_bodies"] = [o for o in find_orgs(self.seg.text, self._places0) if o.kind == "municipality"]
        return found

    # ---- driver ------------------------------------------------------------------------------
    def run(self) -> StoryFacts:
        """Extract persons and roles first, then events and organization links."""
        sents: list[tuple[int, str]] = []
        for li, line in enumerate(self.seg.lines):
            if self.seg.teaser and li == 0 and self.seg.heading:
                continue
            if CAPTION.match(line):
                self._caption(line)
                continue
            credit = CREDIT.match(line)
            if credit:
                self._credit(credit.group("body"), line)
                continue
            for _off, sent in sentences(line):
                sents.append((li, sent))
        self.city = self._story_city(sents)
        for _li, sent in sents:
            self._persons(sent)
            self.prev = sent
        self.prev = ""
        for _li, sent in sents:
            if "Mitglied" in sent:
                self._member_list(sent)
            if _LINK_CUES.search(sent):
                self._links(sent)
                self._session(sent)
            self.prev = sent
        self._visits([s for _li, s in sents])
        self._twinning([s for _li, s in sents])
        self._resolve_offices()
        self._signers([s for _li, s in sents])
        self._full_place_names()
        return self.facts

    def _full_place_names(self) -> None:
        """Bodies named by part of a place's name get its full name when the story names it in full
        ('Stadt Homburg' in a story about Bad Homburg, 'Gemeinde San' for San Damiano d'Asti)."""
        longer: dict[str, str] = {}
        for p in self.places:
            for q in self.places:
                prefixed = q.endswith(" " + p) and q[: -len(p) - 1] in LEX.place_prefixes  # 'Bad' + 'Homburg'
                cut = p in LEX.place_prefixes and q.startswith(p + " ")  # 'San' of 'San Damiano d'Asti'
                if (prefixed or cut) and len(q) > len(longer.get(p, "")):
                    longer[p] = q
        if not longer:
            return
        seen: set[int] = set()

        def fix(org: OrgM | None) -> None:
            if org is None or id(org) in seen:
                return
            seen.add(id(org))
            full = longer.get(org.place or "")
            if full and org.kind == "municipality" and org.name.endswith(" " + (org.place or "")) and not _is_county(org):
                org.name = org.name[: -len(org.place or "")] + full
                org.place = full
            fix(org.parent)

        for r in self.facts.roles:
            fix(r.org)
        for link in self.facts.links:
            fix(link.a)
            fix(link.b)
        for ev in self.facts.events:
            fix(ev.guest)
            fix(ev.host)
            for part in ev.participants.values():
                fix(part.get("acting_for"))

    # ---- persons and roles -------------------------------------------------------------------
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
        title = (title or "").strip(" ,") or None
        if org is not None and title:
            org = self._title_unit(title, org)
            if role_key(title) in LEX.county_roles and org.kind == "municipality" and not _is_county(org):
                org = self._office_body(org, title, q)  # 'der Landrat von Nordhausen': the county
        if org is None and not title:
            return
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
        m = _PLACE_TITLE.match(app)
        if m:
            base = adjective_base(m.group("pl")) or (m.group("pl")[:-1] if m.group("pl").endswith("s") else None)
            if base and (base in self.places or is_place_word(base)):
                return m.group("t"), municipality(base), True
        bare = _BARE_BODY.search(app)
        if bare and self.city and _TITLE_CHAIN.fullmatch(app[: bare.start()]):
            head = "Landkreis" if bare.group("b").endswith("reises") else None
            return app[: bare.start()], municipality(self.city, head) if head else self.body(self.city), True
        orgs = find_orgs(app, self.places)
        tm = _TITLE_CHAIN.match(app)
        if orgs:
            first = orgs[0]
            title = (app[: tm.end()] if tm and tm.end() <= first.start else _TRAIL_CONNECT.sub("", app[: first.start]).strip()) or None
            if title and not role_key(title) and not tm:
                return None, None, False
            return title, self._bind(first), True
        if tm:
            title, rest = app[: tm.end()], app[tm.end():].strip()
            if rest in self.places:
                return title, municipality(rest), True
            after = _ORG_PREP.match(rest)
            named = org_from_item(rest[after.end():], self.places, loose=True) if after else None
            if named is not None:
                return title, self._bind(named), True
            return (title, self._bind(self.title_org(title)), True) if rest else (app, self._bind(self.title_org(app)), True)
        return None, None, False

    def title_org(self, title: str) -> OrgM | None:
        """The organization a compound title names ('Ufo-Chef' -> Ufo, 'Stadtwerke-Geschäftsführerin' ->
        the story's Stadtwerke, 'Zentralbankchef' -> Zentralbank), else None."""
        word = title.split()[-1]
        if "-" in word:
            head = word.rsplit("-", 1)[0]
            head = LEX.head_normal.get(head, head[:-1] if head.endswith("s") and head[:-1] in LEX.head_kinds else head)
            if head in LEX.head_kinds:
                return OrgM(head, LEX.head_kinds[head], needs_place=True)
            if head and head[:1].isupper() and not LEX.is_titleish(head):
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
        parts = [app]
        two = _SECOND_ROLE.search(app)
        if two and _TITLE_CHAIN.match(app) and find_orgs(app[: two.start()], self.places):
            parts = [app[: two.start()], app[two.end():]]
        found = [r for r in (self.parse_role_phrase(p) for p in parts) if r[2]]
        if not found:
            return
        name = self._add_person(m.group("name"), m.group("hon"), q, "press:apposition", conf)
        if name:
            for title, org, _ok in found:
                self._role(name, title, org, quote(sent, *span), "press:apposition", conf)
            taken.append(span)

    def _persons(self, sent: str) -> None:
        q = quote(sent)
        origin = _FROM_PLACE.match(sent)  # 'Aus Bad Homburg waren OB A und Bürgermeister B gereist'
        if origin and is_place_word(origin.group("p")):
            place = place_form(origin.group("p"), self.places)
            self.places.add(place)
            self.origin_of[q] = place
        taken: list[tuple[int, int]] = []
        named = LEX.persons_in(sent)  # three rules below walk the same name matches
        title_hit = _TITLE_AT.search(sent)  # the three title rules need one: most sentences have none
        for m in named:
            app = APPOS.match(sent, m.end())
            if app and self._names_someone(app.group("app")):
                app = None  # 'Landrat A, Köthens Oberbürgermeisterin B und …': a list of persons, not A's role
            if app:
                self._apposition(sent, m, app.group("app"), (m.start(), app.end()), q, 0.85, taken)
                continue
            par = _PAREN.match(sent, m.end())
            if par and self._parenthesis(sent, m, par.group("in"), q, taken):
                continue
            cop = COPULA.match(sent, m.end()) if title_hit else None
            if cop:
                self._apposition(sent, m, cop.group("app"), (m.start(), cop.end()), q, 0.8, taken)
        for m in REV_APPOS.finditer(sent) if title_hit and "," in sent else ():  # both need a comma
            if not any(s <= m.start("name") < e for s, e in taken):
                self._apposition(sent, m, m.group("app"), (m.start(), m.end()), q, 0.8, taken)
        for m in anchored_finditer(PRE_TITLE, _TITLE_AT, sent, 2, _PRE_FIRST, title_hit) if title_hit else ():
            if any(s <= m.start("name") < e for s, e in taken):
                continue
            toks = m.group("name").split()
            while toks and (toks[-1] in LEX.non_name or toks[-1] in self.places):
                toks.pop()
            org = None
            pl = m.group("pl")
            if pl:
                base = adjective_base(pl) or (pl[:-1] if pl.endswith("s") else None)
                if base and (base in self.places or known_place(base, 1000)) and is_place_word(base):
                    self.places.add(base)
                    org = municipality(base)
                elif pl[:1].isupper() and not pl.endswith(("er", "s")):
                    pass
            if len(toks) == 1:
                known = self._by_surname(toks[0])
                if known:
                    self._role(known, m.group("title"), org, q, "press:title", 0.75)
                continue
            name = self._add_person(" ".join(toks), m.group("hon"), q, "press:title", 0.8)
            if name and org is None:
                org = self._affiliation(sent, m.start("name") + len(" ".join(toks)), place_ok=True)
            if name and org is None and (pl in LEX.possessives or _POSSESSIVE.search(sent[: m.start()])):
                org = self._previous_subject()
            if name and org is None:
                org = self._bind(self.title_org(m.group("title")))
            if name:
                self._role(name, m.group("title"), org, q, "press:title", 0.8)
                taken.append((m.start(), m.end()))
        for pl in _PLURAL_TITLE.finditer(sent) if " und " in sent or " sowie " in sent else ():
            plural_title = _singular(pl.group("title"))
            for nm in _NAME_ITEM.finditer(_PARENS.sub(",", pl.group("list"))):
                name = self._add_person(nm.group("name"), nm.group("hon"), q, "press:plural-title", 0.75)
                if name and not any(r.person == name for r in self.facts.roles):
                    self._role(name, plural_title, None, q, "press:plural-title", 0.75)
        for m in SURNAME_APPOS.finditer(sent) if title_hit and "," in sent else ():
            if any(s <= m.start() < e for s, e in taken) or m.group("name") in LEX.non_name:
                continue
            title, org, ok = self.parse_role_phrase(m.group("app"))
            if not ok:
                continue
            known = self._by_surname(m.group("name"))
            role = RoleF(known or m.group("name"), org, title, q, "press:apposition", 0.75)
            if known:
                self._role(known, title, org, q, "press:apposition", 0.75)
            else:
                self.facts.surnames.append((m.group("name"), q, role))
        for m in LEX.name_list_re.finditer(sent) if "," in sent and ("und" in sent or "sowie" in sent) else ():
            for item in _LIST_SPLIT.split(m.group(0)):
                hm = _HON_NAME.match(item.strip())
                if hm:
                    self._add_person(hm.group("name"), hm.group("hon"), q, "press:list", 0.75)
        for m in named:
            if any(s <= m.start("name") < e for s, e in taken) or m.group("name") in self.facts.persons:
                continue
            org = self._affiliation(sent, m.end(), place_ok=False)
            if org is not None and not LEX.is_titleish(m.group("name").split()[0]):
                name = self._add_person(m.group("name"), m.group("hon"), q, "press:affiliation", 0.7)
                if name:
                    self._role(name, None, org, q, "press:affiliation", 0.7)
        for m in named:
            name = clean_name(m.group("name"), self.places)
            if name and is_given(name.split()[0]) and name not in self.facts.persons:
                self._add_person(name, m.group("hon"), q, "press:name", 0.7)
        credit = CREDIT.search(sent) if ":" in sent or "©" in sent else None
        if credit:  # 'Daisy R. bei der Premiere. Foto: Name - Agentur' inside a line
            self._credit(credit.group("body"), sent)
        contact = CONTACT.search(sent) if ":" in sent else None
        if contact:
            self._contact(contact.group("body"), sent)

    def _names_someone(self, text: str) -> bool:
        """Whether ``text`` names a person of its own (a first name and a surname)."""
        for m in LEX.persons_in(text):
            name = clean_name(m.group("name"), self.places)
            if name and is_given(name.split()[0]):
                return True
        return False

    def _parenthesis(self, sent: str, m: re.Match[str], inner: str, q: str, taken: list[tuple[int, int]]) -> bool:
        """'Name (Kämmerer)', 'Name (SPD)', 'Name (Landkreis X)', 'Name (Tannwald)': a title, a party, a body."""
        inner = inner.strip()
        if inner in LEX.parties:
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:parenthesis", 0.75)
            if name:
                self._role(name, "Mitglied", OrgM(inner, "party"), q, "press:party", 0.75)
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
        if org is not None and org.kind == "municipality":
            name = self._add_person(m.group("name"), m.group("hon"), q, "press:parenthesis", 0.7)
            if name:
                self._role(name, None, org, q, "press:parenthesis", 0.7)
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
            return self._bind(orgs[0])
        p = _CAP_START.match(rest)
        if place_ok and p and a.group(0).strip() == "aus" and is_place_word(p.group(0)) and (
                p.group(0) in self.places or not LEX.person_re.match(rest)):
            self.places.add(p.group(0))
            return self.body(p.group(0))
        return None

    def _caption(self, line: str) -> None:
        body = CAPTION.sub("", line, count=1)
        for item in _SEMI.split(body):
            item = item.strip()
            if not item:
                continue
            m = LEX.person_re.match(item)
            if m:
                rest = item[m.end():]
                app = APPOS.match(rest)
                title, org, ok = self.parse_role_phrase(app.group("app")) if app else (None, None, False)
                if app and not ok:
                    o = org_from_item(app.group("app"), self.places)
                    title, org, ok = None, o, o is not None
                name = self._add_person(m.group("name"), m.group("hon"), item, "press:caption", 0.9)
                if name:
                    self.facts.persons[name].aliases.add("caption")
                    if ok:
                        self._role(name, title, org, item, "press:caption", 0.9)
                    continue
            t = PRE_TITLE.match(item)
            if t:
                name = self._add_person(t.group("name"), t.group("hon"), item, "press:caption", 0.9)
                if name:
                    self.facts.persons[name].aliases.add("caption")
                    self._role(name, t.group("title"), None, item, "press:caption", 0.9)

    def _credit(self, body: str, line: str) -> None:
        for part in _CREDIT_SPLIT.split(body):
            m = LEX.person_re.fullmatch(part.strip())
            if m:
                self._add_person(m.group("name"), m.group("hon"), line.strip("() "), "press:credit", 0.8)

    def _contact(self, body: str, sent: str) -> None:
        first, _, rest = body.partition(",")
        m = LEX.person_re.match(first.strip())
        if not m:
            return
        name = self._add_person(m.group("name"), m.group("hon"), quote(sent, sent.find(body), len(sent)), "press:contact", 0.8)
        orgs = find_orgs(rest.split("Telefon")[0].split("Tel")[0], self.places)
        if name and orgs:
            self._role(name, "Pressekontakt", orgs[0], quote(sent), "press:contact", 0.75)

    # ---- context ---------------------------------------------------------------------------
    def _teaser_subject(self) -> list[OrgM]:
        head = (self.seg.heading or "").split(":", 1)[0].strip() if ":" in (self.seg.heading or "") else ""
        out: list[OrgM] = []
        for part in (p.strip() for p in head.split("/") if p.strip()):
            orgs = find_orgs(part, self.places)
            if orgs and orgs[0].end - orgs[0].start == len(part):
                out.append(orgs[0])
            elif part[:1].isupper() and not _CAMEL.search(part) and is_place_word(part):
                self.places.add(part)
                out.append(municipality(part))
            else:
                out.append(OrgM(part, "other"))
        return out

    def _resolve_offices(self) -> None:
        """Titles without an organization: the body of the person's side of the story's visit (guests: the
        delegation's, hosts: the host's), else, for offices of a municipality or county, the story's own
        body (a Landrat's county); other titles stay unattached (dropped)."""
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
            office = key in LEX.office_roles or _municipal_title(r.title)
            origin = self.origin_of.get(r.quote) or self.person_place.get(r.person)
            if origin is not None and (office or key not in LEX.own_body_roles):
                county = role_key(r.title) in LEX.county_roles
                own = [o for o in self._bodies_of(origin) if _is_county(o)] if county else []
                org = own[0] if own else municipality(origin, "Kreis") if county else self.body(origin, r.title)
                resolved.append(RoleF(r.person, org, r.title, r.quote, r.rule + "+origin", r.confidence - 0.15))
            elif (visit is not None and visit.guest is not None and visit.host is not None and (r.person in guests or r.person in hosts)
                  and (office or key not in LEX.own_body_roles)):
                side = visit.guest if r.person in guests else visit.host
                org = self._office_body(side, r.title, r.quote)
                resolved.append(RoleF(r.person, org, r.title, r.quote, r.rule + "+side", r.confidence - 0.15))
            elif office and key in LEX.county_roles and not self.city and not visit and self._story_county():
                resolved.append(RoleF(r.person, self._story_county(), r.title, r.quote, r.rule + "+context", r.confidence - 0.25))
            elif office and (visit is not None and visit.host is not None or self.city):
                home = visit.host if visit is not None and visit.host is not None else self.body(self.city or "")
                org = self._office_body(home, r.title, r.quote)
                resolved.append(RoleF(r.person, org, r.title, r.quote, r.rule + "+context", r.confidence - 0.25))
        self.facts.roles = resolved

    def _story_county(self) -> OrgM | None:
        """The first county the story names."""
        return next((o for o in self.bodies if _is_county(o)), None)

    def _office_body(self, side: OrgM, title: str | None, quote_text: str) -> OrgM:
        """The body an office of ``side`` belongs to: a county for a county office (the one named in the
        quote, else the side's, else the story's first), else ``side`` itself."""
        if not (title and role_key(title) in LEX.county_roles):
            return side
        if side.name.split()[0] in LEX.county_heads or side.name.endswith(("kreis", "-Kreis")):
            return side
        named = [o for o in find_orgs(quote_text, self.places) if _is_county(o)]
        if named:
            return named[0]
        own = [o for o in self._bodies_of(side.place or "") if _is_county(o)]
        if own:
            return own[0]
        story = [o for o in self.bodies if _is_county(o)]
        if story:
            return story[0]  # the county the story names
        return self.body(side.place or "", title)
