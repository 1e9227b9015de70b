"""Extraction rules of the press importer: persons, roles and offices of one story (visits in ``visits``, organization links and sessions in ``links``)."""

from __future__ import annotations

import re

from .lexicon import (END_DOT, LEX, LO, NB, PHRASE_CHAR, UP, _alt, _trie, any_of)
from .scanning import Gated, WordStart
from .orgs import OrgM, find_orgs, municipality, org_from_item
from .places import known_place, collect_places, dateline_place, is_place_word, place_form, split_places
from .text import Segment
from .names import clean_name
from .facts import RoleF, StoryFacts, quote
from .links import _GAP_MIT, _LIST_SPLIT, _PARENS
from .roles import AFFIL
from .role_frames import _JOINED
from .title_frames import _NAME_ITEM, _ONE_NAME, _TITLE_AT, PRE_TITLE, TitleFrames, _singular
from .role_context import _is_county, _municipal_title, county_office

_HON = LEX.honorific_re
APPOS = re.compile(r"\s*,\s*(?:(?:der|die)\s+(?:als|seit)\s+)?(?P<app>[^,;()]+?)(?=\s*(?:,|;|\)|\((?=[^()]{1,40}\)\s*[,.;])|(?<!\bSt)(?<!\bDr)\.\s|\.$|:\s|$))")
SURNAME_APPOS = re.compile(rf"(?P<name>[{UP}]{NB}[{LO}]++(?:-[{UP}][{LO}]++)?)\s*,\s*(?P<app>(?:[{UP}][\w]+s\s+)?{LEX.title_chain_re})\s*,")
CAPTION = re.compile(rf"^\(?\s*(?:{_alt(LEX.caption_openers)})\s*", re.I)
CREDIT = re.compile(rf"\(?\s*(?:{_trie(LEX.credit_openers)})\s*:\s*(?P<body>[^)\n]+)\)?")
#: CREDIT without its optional opening: the same bodies in a scan of a whole text (it skips to an opener).
_CREDIT_IN = re.compile(rf"(?:{_trie(LEX.credit_openers)})\s*:\s*(?P<body>[^)\n]+)\)?")
CONTACT = re.compile(rf"(?:{_trie(LEX.contact_openers)})\s*:\s*(?P<body>[^\n]+)")
#: Title-chain patterns compiled once: as pattern strings they fell out of ``re``'s 512-entry cache
#: whenever a corpus named many places (per-place patterns churn it) and were recompiled per phrase.
#: 'Name ist Geschäftsführer der X', 'Name, der seit 2019 Leiterin des Y ist' (the first form), 'Name als Z'.
COPULA = re.compile(rf"\s+(?:(?:ist|war|wird|bleibt|wurde)\s+(?:(?:seit|bereits|jetzt|nun|auch|zudem|eigentlich|zugleich|außerdem|weiterhin|derzeit|aktuell|inzwischen|"
                    rf"mittlerweile|künftig|hauptberuflich|zuvor|bisher|bislang|noch)\b[^,.;:]{{0,30}}?\s+)?"
                    rf"(?:(?:der|die|neuer|neue|zum|zur)\s+)?|als\s+(?:(?:neuer|neue)\s+)?)"
                    rf"(?P<app>{LEX.title_chain_re}(?:\s+{PHRASE_CHAR}{{1,100}}?)?)(?=\s*(?:[,;:!?)]|{END_DOT}|$|\s+(?:und|sowie|ernannt|gewählt|bestellt)\b))")
#: The copula before its subject (German verb-second order): 'Seit 2019 ist A Geschäftsführerin der X', 'Weiterhin ist
#: A Bürgermeister von Y': a copula (and a particle) right before the name, the title right after it.
_V2_COPULA = re.compile(rf"(?<![\w-])(?:ist|war|wird|bleibt)\s+(?:(?:noch|nun|jetzt|bereits|schon|weiterhin|auch|seitdem)\s+)?(?:{LEX.honorific_re})*$")
_V2_TITLE = re.compile(rf"\s+(?P<app>{LEX.title_chain_re}(?:\s+{PHRASE_CHAR}{{1,100}}?)?)(?=\s*(?:[,;:!?)]|{END_DOT}|$|\s+(?:und|sowie)\b))")
_PAREN = re.compile(r"\s*\((?P<in>[^()]{2,80})\)")
_DASH_APPOS = re.compile(r"\s+[–—]\s+(?P<app>[^,;()–—]+?)(?=\s+[–—]\s|\s*[,;)]|\.\s|\.$|$)")
#: The copula the other way round: 'Neuer Geschäftsführer der Stadtwerke X wird A', 'Vorsitzende bleibt B'.
_INV_COPULA_BODY = (rf"(?:(?:Der|Die|der|die)\s+)?(?:(?:[Nn]eue|[Nn]euer|[Kk]ünftige|[Kk]ünftiger)\s+)?"
                     rf"(?P<app>{LEX.title_chain_re}(?:\s+(?:der|des|von|vom|bei|beim|im)\s+{PHRASE_CHAR}{{1,80}}?)?)\s+"
                     rf"(?:wird|ist|bleibt|wurde|war)\s+(?:(?:künftig|nun|jetzt|weiterhin|derzeit|zurzeit|aktuell|momentan|inzwischen|mittlerweile|bereits|seither|erneut|wieder|auch)\s+)?(?:(?:seit|ab)\s+\S+(?:\s+\d{{4}})?\s+)?"
                     rf"(?P<hon>{_HON}*)(?P<name>{LEX.full_name})(?=\s*(?:[,.;:!?(]|$))")
#: The inverted copula opens the sentence or a clause after [,;:]: as two patterns, so that the clause one opens
#: with its punctuation and re skips ahead to it (``(?:^|[,;:]\s+)`` made it enter at every position).
_INV_COPULA_OPEN = re.compile(_INV_COPULA_BODY)
_INV_COPULA = re.compile(rf"[,;:]\s+{_INV_COPULA_BODY}")


def _inv_copulas(sent: str) -> list[re.Match[str]]:
    """The inverted copulas of a sentence, as ``finditer`` of the pattern with its opening gives them."""
    first = _INV_COPULA_OPEN.match(sent)
    return [first, *_INV_COPULA.finditer(sent, first.end())] if first else list(_INV_COPULA.finditer(sent))


#: A relative clause with a copula after a name: 'A, der seit 2019 Bürgermeister von X ist, …'.
_REL_COPULA = re.compile(rf"\s*,\s*(?:der|die)\s+(?:(?:seit|bereits|schon|nun|auch|zugleich|zudem|heute|inzwischen|mittlerweile|derzeit)"
                         rf"\s+(?:\d{{4}}\s+|[A-ZÄÖÜa-zäöü]+\s+(?=[a-zäöü]*\s*[{UP}]))?)*"
                         rf"(?P<app>{LEX.title_chain_re}(?:\s+{PHRASE_CHAR}{{1,100}}?)?)\s+(?:ist|war|wurde|bleibt)(?=\s*[,.;:!?]|\s*$)")
#: A second title with its body later in the sentence of a copula ('…, und Vorstandsmitglied der Y').
_LATER_ROLE = re.compile(rf",?\s(?:und|sowie)\s+(?P<app>{LEX.title_chain_re}\s+(?:der|des|von|vom|bei|beim)\s+[^,;:()]+?)(?=\s*(?:[,;:!?(]|{END_DOT}\s|{END_DOT}$|$))")
#: A surname alone before a copula ('Muster ist seit 2019 Geschäftsführerin der X'): a person named in full before.
_COPULAS = ("ist", "war", "wird", "bleibt", "wurde")
_SURNAME_COP = Gated(re.compile(rf"(?P<sur>[{UP}]{NB}[{LO}]+(?:-[{UP}][{LO}]+)?)(?=\s+(?:{'|'.join(_COPULAS)})\s)"), _COPULAS)
_FROM_PLACE = re.compile(rf"^(?:Aus|Von)\s+(?:(?:der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:(?:Stadt|Gemeinde|Partnerstadt|Landkreis|Kreis)\s+)?"
                         rf"(?P<p>{LEX.place_name})\s+(?:waren|war|kamen|kam|reisten|reiste|sind|ist|nahmen|nahm)\b")
#: 'die beiden Oberbürgermeister der Städte A und B, X und Y': each title holder of the body in the same place of the list.
_RESPECTIVE = re.compile(rf"\b(?:[Dd]ie|[Dd]en|[Dd]er)\s+(?:beiden|zwei|drei)\s+(?P<title>[{UP}][\w-]+)\s+(?:der|von)\s+(?:den\s+)?"
                         rf"(?P<head>Städte|Städten|Gemeinden|Landkreise|Landkreisen|Kreise|Kreisen|Kommunen)\s+"
                         rf"(?P<places>{LEX.place_name}(?:\s*,\s*{LEX.place_name})*\s+und\s+{LEX.place_name})\s*,\s*"
                         rf"(?P<list>{_ONE_NAME}(?:\s*,\s*{_ONE_NAME})*\s+und\s+{_ONE_NAME})")


_DATELINE_LINES = 20
def _plural_app(sent: str, m: re.Match[str]) -> bool:
    """Whether a reverse apposition's article and title are plural ('Die Geschäftsführer der X, A und B')."""
    word = m.group("app").split()[0]
    return sent[m.start(): m.start() + 3].casefold() == "die" and word.endswith(("er", "en", "innen", "räte"))


_AND_NAME = re.compile(rf"\s+(?:und|sowie)\s+(?P<hon>{_HON}*)(?P<name>{LEX.full_name})(?=\s*(?:[,.;:()!?]|$))")


DELEGATION = LEX.cue_pattern("delegation_words")
#: 'Der Vorstandsvorsitzende der Sparkasse X, Bernd Muster, …': article + title phrase, then the name in commas.
REV_APPOS = re.compile(rf"(?:[Dd]{NB}(?:er|ie|es|em|en)|(?<![\w-])(?:[Ss]ein|[Ii]hr)(?:e|em|en)?)\s+(?:(?:beiden|zwei|drei)\s+)?(?P<app>{LEX.title_chain_re}(?:\s+[^,;:()„“\"]{{1,120}}?)?)"
                       rf"(?:\s*\([^()]{{1,20}}\))?\s*,\s*(?P<hon>{_HON}*)(?P<name>{LEX.appositive_name})(?=\s*(?:[,.;:()!?]|$|\s+(?:und|sowie)\b))")
#: A second titled item inside a reverse apposition's phrase: 'und die Leiterin …', 'sowie der Kämmerer …'.
_INNER_AND = re.compile(rf"\s(?:und|sowie)\s+(?:[Dd](?:er|ie|em|en|es)|[Ss]ein(?:e|em|en)?|[Ii]hr(?:e|em|en)?)\s+(?={LEX.title_chain_re})")
_NOT_ON = r"(?![\w-])"
#: Any cue of the link and session rules (one scan; a match of any of their patterns is a match here):
#: most sentences have none, and then none of those six patterns needs to run.
#: (``WordStart``: the words' guard as a scan for what precedes them; same answers, fewer stops.)
_LINK_CUES = WordStart(any_of([*((w, _NOT_ON) for w in LEX.partner_cues), *((w, _GAP_MIT + _NOT_ON) for w in LEX.partner_gap_verbs),
                               *((w, _NOT_ON) for k in ("joint_cues", "participation_cues", "pair_cues", "pair_nouns", "membership_cues",
                                                        "session_words") for w in LEX.data[k])], guard=""))
_HON_NAME = re.compile(rf"(?P<hon>{_HON}*)(?P<name>.+)")
_SEMI = re.compile(r"\s*;\s*")
_CREDIT_SPLIT = re.compile(r"\s*[/,|]\s*|\s+[-–]\s+")
_CAMEL = re.compile(r"[a-z][A-Z]")


#: Where a bare head that needs the story's place ('den Stadtwerken', 'der Pressestelle') can be: the only
#: bodies ``bind_role`` looks up the dateline town or the named utilities for (``orgs._headed``).
_BARE_HEAD = re.compile(_trie([*LEX.utility_heads, *LEX.context_heads]))
#: An article or a preposition fused with one, right before a capitalized run (``_article_before``).
_ARTICLE_END = re.compile(r"(?<![\w-])(?:[dD](?:er|ie|as|en|em|es)|[eE]in(?:e[mnrs]?)?|ins|ans|im|am|zum|zur|vom|beim)$")


def _article_before(sent: str, at: int) -> bool:
    """Whether ``sent[:at]`` ends in an article and white space (``_ARTICLE_END`` before a white space run),
    looked for at its end only: the pattern with ``\\s+$`` searched in the whole prefix was entered at every position."""
    head = sent[:at].rstrip()  # str.isspace is what the pattern's white space matched
    return len(head) < at and _ARTICLE_END.search(head, max(0, len(head) - 5)) is not None




class StoryExtractor(TitleFrames):
    """Applies the rules to one segment; ``facts`` holds the result."""

    def __init__(self, seg: Segment, year_hint: str | None = None, known_places: set[str] | None = None) -> None:
        self.seg = seg
        self.year_hint = year_hint
        self.facts = StoryFacts()
        self.places = collect_places(seg.text) | (known_places or set())
        self.subject: list[OrgM] = self._teaser_subject() if seg.teaser else []
        self.city: str | None = None
        self.open_titles: list[RoleF] = []
        self.busy: list[tuple[int, int, int]] = []  # (line index, start, end) spans consumed by a person rule
        self._places0 = set(self.places)  # what bodies are found with (places grow while the rules run)
        self.prev: str = ""  # the sentence before the current one
        self.origin_of: dict[str, str] = {}
        self.person_place: dict[str, str] = {}  # person -> place named after them in parentheses  # sentence quote -> the place its persons come from ('Aus X waren …')
        self.actor: OrgM | None = None  # the subject of the story's last organization link
        self.possessor_of: dict[str, str] = {}  # person -> the person a possessive before their title refers to
        self.partner_people: set[str] = set()  # persons the text gives a partner's title ('der Bürgermeister der Partnerstadt A')

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
            for _off, sent in self.seg.line_sentences()[li]:
                sents.append((li, sent))
        self.city = self._story_city(sents)
        for _li, sent in sents:
            self._persons(sent)
            self.prev = sent
        self._genitives()
        self.prev = ""
        for _li, sent in sents:
            if "Mitglied" in sent:
                self._member_list(sent)
            if _LINK_CUES.search(sent):
                self._links(sent)
                self._session(sent)
            self.prev = sent
        self._under_headings()
        self._visits([s for _li, s in sents])
        self._twinning([s for _li, s in sents])
        self._resolve_offices()
        self._story_links([s for _li, s in sents])
        self._full_place_names()
        return self.facts

    def _respective_towns(self, phrase: str) -> list[OrgM]:
        """The two towns a plural title's phrase joins ('Bürgermeister von X und Y'), else none."""
        found = self._munis(phrase) if " und " in phrase else []
        if len(found) != 2 or found[0][1].key == found[1][1].key:
            return []
        return [o for _at, o in found] if " und " in phrase[found[0][0]: found[1][0]] else []

    def _respective(self, m: re.Match[str], q: str) -> None:
        """Names listed after a plural title of listed bodies hold it at the body in their place of the list."""
        places = split_places(m.group("places"))
        names = [n for n in _NAME_ITEM.finditer(_PARENS.sub(",", m.group("list")))]
        if len(places) != len(names):
            return
        head = LEX.municipal_heads.get(m.group("head"), "Stadt")
        title = _singular(m.group("title"))
        for place, nm in zip(places, names, strict=True):
            name = self._add_person(nm.group("name"), nm.group("hon"), q, "press:respective", 0.8)
            if name:
                self.places.add(place)
                self._role(name, title, municipality(place, head), q, "press:respective", 0.8)


    def _full_place_names(self) -> None:
        """Bodies named by part of a place's name get its full name when the story names it in full
        ('Stadt Homburg' in a story about Bad Homburg, 'Gemeinde San' for San Damiano d'Asti)."""
        longer: dict[str, str] = {}
        spaced = [q for q in self.places if " " in q]  # both forms need a space in the longer name (same order)
        for p in self.places if spaced else ():
            for q in spaced:
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
    def _persons(self, sent: str) -> None:
        q = quote(sent)
        origin = _FROM_PLACE.match(sent) if sent.startswith(("Aus", "Von")) else None  # 'Aus Bad Homburg waren OB A und …'
        place = place_form(origin.group("p"), self.places) if origin and is_place_word(origin.group("p")) else None
        if place and (place in self._places0 or known_place(place, 0)):  # a town, not a region ('Aus Mittelhessen')
            self.places.add(place)
            self.origin_of[q] = place
        taken: list[tuple[int, int]] = []
        first_role = len(self.facts.roles)
        if "(" in sent:
            self.place_parentheses(sent, q, taken)
        named = self.names_in(sent)  # the rules below walk the same name matches
        title_hit = _TITLE_AT.search(sent)  # the three title rules need one: most sentences have none
        party_cue = " von de" in sent or " vom " in sent or " für d" in sent
        for m in named:
            if party_cue:
                self._party_affiliation(sent, m, self._name_end(sent, m), q)
            rel = _REL_COPULA.match(sent, m.end()) if title_hit and ", d" in sent else None
            if rel:  # 'A, der seit 2019 Bürgermeister von X ist,'
                self._apposition(sent, m, rel.group("app"), (m.start(), rel.end()), q, 0.8, taken)
                continue
            app = APPOS.match(sent, m.end())
            if app and self._names_someone(app.group("app")):
                app = None  # 'Landrat A, Köthens Oberbürgermeisterin B und …': a list of persons, not A's role
            if app:
                self._apposition(sent, m, app.group("app"), (m.start(), app.end()), q, 0.85, taken)
                self._party_closing(sent, m, app.end(), q)
                continue
            par = _PAREN.match(sent, m.end())
            if par and self._parenthesis(sent, m, par.group("in"), q, taken):
                continue
            after = par.end() if par and self.is_aside(par.group("in")) else m.end()  # 'Name (SPD), Landrätin des …'
            app = APPOS.match(sent, after) if after != m.end() else None
            app = app or _DASH_APPOS.match(sent, after)  # 'Name – Geschäftsführer der X – sagte'
            if app and not self._names_someone(app.group("app")):
                self._apposition(sent, m, app.group("app"), (m.start(), app.end()), q, 0.85, taken)
                continue
            cop = COPULA.match(sent, after) if title_hit else None
            if cop is None and title_hit and _V2_COPULA.search(sent, 0, m.start()):
                cop = _V2_TITLE.match(sent, self._name_end(sent, m))  # 'Seit 2019 ist A Geschäftsführerin der X'
            if cop:
                self._apposition(sent, m, cop.group("app"), (m.start(), cop.end()), q, 0.8, taken)
                more = _LATER_ROLE.search(sent, cop.end())  # 'A ist Direktor des X, ein …, und Vorstand der Y'
                if more and not self._names_someone(sent[cop.end(): more.start()]):
                    self._apposition(sent, m, more.group("app"), (m.start(), more.end()), q, 0.75, taken)
        for sm in _SURNAME_COP.finditer(sent) if title_hit and self.facts.persons else ():
            known = self._by_surname(sm.group("sur"))
            before = sent[: sm.start()].split()
            cop = COPULA.match(sent, sm.end()) if known and not (before and before[-1] in LEX.given) else None
            if known and cop and not any(s <= sm.start() < e for s, e in taken):
                title, org, ok = self.parse_role_phrase(cop.group("app"))
                if ok and org is not None:
                    self._role(known, title, org, quote(sent, sm.start(), cop.end()), "press:copula", 0.75)
        for m in _inv_copulas(sent) if title_hit and (" wird " in sent or " ist " in sent or " bleibt " in sent
                                                               or " wurde " in sent or " war " in sent) else ():
            if not any(s <= m.start("name") < e for s, e in taken):
                self._apposition(sent, m, m.group("app"), (m.start("app"), m.end()), q, 0.8, taken)
        for m in REV_APPOS.finditer(sent) if title_hit and "," in sent else ():  # the name stands after a comma
            if not any(s <= m.start("name") < e for s, e in taken):
                phrase, start = m.group("app"), m.start()
                # 'der Vize-Bürgermeister A und die Leiterin des Kulturamts, B': B's title is the last one
                inner = list(_INNER_AND.finditer(phrase))[-1:] if " und " in phrase or " sowie " in phrase else []
                if inner:
                    phrase, start = phrase[inner[0].end():], m.start("app") + inner[0].end()
                self._apposition(sent, m, phrase, (start, m.end()), q, 0.8, taken)
                second = _AND_NAME.match(sent, m.end()) if _plural_app(sent, m) else None
                towns = self._respective_towns(phrase) if second else []
                if second and towns:  # 'die Bürgermeister von X und Y, A und B': B is Y's
                    name2 = self._add_person(second.group("name"), second.group("hon"), q, "press:respective", 0.8)
                    if name2:
                        self._role(name2, self.parse_role_phrase(phrase)[0], towns[1], q, "press:respective", 0.8)
                        taken.append((second.start(), second.end()))
                elif second:  # 'Die Geschäftsführer der Stadtwerke X, A und B,'
                    self._apposition(sent, second, m.group("app"), (second.start(), second.end()), q, 0.8, taken)
        if "otschaft" in sent or "onsul" in sent or "Gesandt" in sent:
            self.diplomats(sent, q)  # before the plain title frames: the adjective's country, not the host 'in X'
        if title_hit:
            self._pre_titles(sent, q, taken, title_hit)
        for m in named if title_hit else ():
            self.title_of_before(sent, m, q, taken)
        if "(" in sent:
            self.parties_after_names(sent, q)
        if title_hit and (" zu" in sent or sent.startswith("Zu")):
            self.appointments(sent, named, q)
        if "leite" in sent or "führt" in sent or "Spitze" in sent:
            self._heads(sent, named, q)
        if "über" in sent or "geb" in sent or " gab" in sent:
            self.successions(sent, named, q)
        if title_hit and " als " in sent:
            self.als_roles(sent, named, q)
        if sent.count(",") + sent.count(";") >= 3:
            self.body_lists(sent, named, q)
        for rm in _RESPECTIVE.finditer(sent) if " und " in sent and ("beiden" in sent or "zwei" in sent or "drei" in sent) else ():
            self._respective(rm, q)
        if " und " in sent or " sowie " in sent:
            self._plural_titles(sent, q)
        for m in SURNAME_APPOS.finditer(sent) if title_hit and "," in sent else ():  # its apposition stands in commas
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
        for m in LEX.name_lists_in(sent) if "," in sent and ("und" in sent or "sowie" in sent) else ():
            for item in _LIST_SPLIT.split(m.group(0)):
                hm = _HON_NAME.match(item.strip())
                if hm:
                    self._add_person(hm.group("name"), hm.group("hon"), q, "press:list", 0.75)
        for k, m in enumerate(named):
            who = clean_name(m.group("name"), self.places)
            if who is None:  # no person here: what the lookups below do for one only warms the story's caches
                self._affiliation_effects(sent, m, named[k + 1:], taken)
                continue
            open_role = any(r.person == who and r.org is None and r.quote == q for r in self.facts.roles)  # 'Landrat A vom Kreis X'
            if (any(s <= m.start("name") < e for s, e in taken) and not open_role) or self._placed(who):
                continue
            found = self.name_start(m)
            first, at = (found[0].split()[0], found[1]) if found else (m.group("name").split()[0], m.start())
            if first not in LEX.given and _article_before(sent, at):
                continue  # '(in) das Goldene Buch der Stadt': an article opens a noun phrase, not a name
            end = self._name_end(sent, m)  # 'Prof. A B von der Uni X': the name ends before 'von der'
            par = _PAREN.match(sent, end)
            after = par.end() if par and self.is_aside(par.group("in")) else end  # 'Name (53) vom Kreis X'
            title = next((r.title for r in self.facts.roles if r.person == who and r.org is None and r.quote == q), None)
            org = self._affiliation(sent, after, place_ok=False)
            if org is None:
                org = self.shared_affiliation(sent, m, named[k + 1:])
                if org is not None and title and (_municipal_title(title) != (org.kind == "municipality") or (
                        org.kind == "municipality" and county_office(title) != _is_county(org))):
                    org = None  # 'Bürgermeister A und B vom Männerchor X / vom Kreis X': A's office is not of that body
            if org is not None and (open_role or not LEX.is_titleish(m.group("name").split()[0])):
                name = self._add_person(m.group("name"), m.group("hon"), q, "press:affiliation", 0.7)
                if name:
                    self._role(name, title, org, q, "press:affiliation", 0.7)
        for m in named:
            name = clean_name(m.group("name"), self.places)
            if name and name.split()[0] in LEX.given and name not in self.facts.persons:
                self._add_person(name, m.group("hon"), q, "press:name", 0.7)
        self._coordinated_persons(sent, named, q)
        if ("Seite" in sent or " aus " in sent or " in " in sent) and any(r.org is None for r in self.facts.roles[first_role:]):
            self._side_bodies(sent, first_role)
        credit = _CREDIT_IN.search(sent) if ":" in sent or "©" in sent else None  # CREDIT's body, the scan skipping to an opener
        if credit:  # 'Daisy R. bei der Premiere. Foto: Name - Agentur' inside a line
            self._credit(credit.group("body"), sent)
        contact = CONTACT.search(sent) if ":" in sent else None
        if contact:
            self._contact(contact.group("body"), sent)

    def _affiliation_effects(self, sent: str, m: re.Match[str], later: list[re.Match[str]], taken: list[tuple[int, int]]) -> None:
        """The affiliation loop of ``_persons`` for a name match that holds no person: no role can come of it, but
        its body lookups may be the first to ask for the story's dateline town and named utilities (kept once
        per story, from the places known then), so they run where the full loop would run them."""
        if "_dateline" in self.__dict__ and "_heads_named" in self.__dict__:
            return  # both kept: the lookups change nothing
        if _BARE_HEAD.search(sent, m.end()) is None:
            return  # they ask the caches only to bind a bare head ('den Stadtwerken'), and none follows
        par = _PAREN.match(sent, m.end())  # the name's end is the match's (``name_start`` finds no name)
        after = par.end() if par and self.is_aside(par.group("in")) else m.end()
        if AFFIL.match(sent, after) is None and _JOINED.match(sent, m.end()) is None:
            return  # neither lookup gets as far as a body
        if any(s <= m.start("name") < e for s, e in taken):
            return
        if m.group("name").split()[0] not in LEX.given and _article_before(sent, m.start()):
            return
        if self._affiliation(sent, after, place_ok=False) is None:
            self.shared_affiliation(sent, m, later)

    def _name_end(self, sent: str, m: re.Match[str]) -> int:
        """Where the person's name in a name match ends (a particle-like run after it is not part of it)."""
        found = self.name_start(m)
        if found and sent.startswith(found[0], found[1]):
            return found[1] + len(found[0])
        return m.end()


    def _placed(self, name: str | None) -> bool:
        """Whether ``name`` already holds a role with a body."""
        return name is not None and any(r.person == name and r.org is not None for r in self.facts.roles)

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

    def _under_headings(self) -> None:
        """A line that is only a body's name, and a line under it that is only a title and a name
        ('Landkreis X' / 'Landrat Herr Max Muster'): a list of bodies with their heads; that body is the person's."""
        lines = [ln.strip() for ln in self.seg.lines if ln.strip()]
        for i in range(1, len(lines)):
            line, head = lines[i], lines[i - 1]
            if not (4 < len(head) < 60 and 4 < len(line) < 80) or not _TITLE_AT.search(line):
                continue
            t = PRE_TITLE.fullmatch(line.rstrip("."))
            if t is None or t.group("pl"):
                continue
            name = self.facts.persons.get(clean_name(t.group("name"), self.places) or "")
            orgs = find_orgs(head, self.places) if name else []
            if name and orgs and orgs[0].start == 0 and orgs[0].end >= len(head) - 1 and not orgs[0].needs_place:
                self.facts.roles = [r for r in self.facts.roles if not (r.person == name.name and r.org is None)]
                self._role(name.name, t.group("title"), orgs[0], quote(f"{head}: {line}"), "press:heading", 0.75)

    def _dateline_city(self) -> str | None:
        """The press office's place: the story's dateline ('LAHR (BZ). …', looked for past page furniture), else
        the municipal body its photo credits name ('Foto: Stadtamt Vöcklabruck', '© Stadt Luzern'), when only one."""
        if "_dateline" in self.__dict__:  # asked per role phrase: found once per story
            return self.__dict__["_dateline"]
        found = next((dl for dl in map(dateline_place, self.seg.lines[:_DATELINE_LINES]) if dl), None)
        if not found:
            credited = {o.place for c in _CREDIT_IN.finditer(self.seg.text) for o in find_orgs(c.group("body"), self.places)
                        if o.kind == "municipality" and o.place and not _is_county(o)}
            found = credited.pop() if len(credited) == 1 else None
        self.__dict__["_dateline"] = found
        return found
