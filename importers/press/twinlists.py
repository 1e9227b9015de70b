"""Counted and listed twin towns (a mixin of ``StoryExtractor``): 'die fünf Partnerstädte der Stadt X –
A aus Frankreich, B (Polen) und C', 'weitere Partner-Kreise Xs, den Kreisen A, B und C', 'neben A noch B':
each listed town is a partner of the owner of the list (the body the plural twinning noun belongs to),
never of the other towns of the list."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .lexicon import LEX, NB, UP, _trie
from .orgs import OrgM, find_orgs, municipality
from .places import adjective_base, is_place_word, known_place, place_form
from .facts import quote

_LO = "a-zäöüß"
#: A country's adjective before a body word or place: 'mit der polnischen Stadt X' (its declined forms).
_STATE_ADJ = [w for entry in LEX.federal_states.values() for w in entry.get("words", []) if w.endswith("isch")]  # 'bayerisch', 'steirisch'
COUNTRY_ADJ = rf"(?:{_trie([*LEX.country_adjectives, *_STATE_ADJ])})(?:e|en|er|es|em)"
#: A plural twinning noun: 'Partnerstädte', 'Partner-Kreisen', 'Partnerkommunen', 'Schwesterstädte'.
_PLURAL = re.compile(rf"(?<![\w-])(?:(?P<adj>[{UP}][{_LO}]+er)\s+)?(?:Partner-?(?P<n>[Ss]tädte|[Ss]tädten|[Kk]ommunen|[Gg]emeinden|[Ll]andkreise|[Ll]andkreisen|"
                     rf"[Kk]reise|[Kk]reisen|[Rr]egionen)|Schwesterstädte|Schwesterstädten)(?![\w-])")
_BODY_HEADS = r"(?:Stadt|Gemeinde|Kommune|Kreisstadt|Hansestadt|Marktgemeinde|Landkreis|Kreis|Landkreises|Kreises)"
#: Whose list: 'der Stadt X', 'des Landkreises X', 'von X', or a place's genitive 'Bautzens'.
_OWNER_AFTER = re.compile(rf"\s+(?:(?:der|des)\s+(?:[{_LO}]\w*\s+)?{_BODY_HEADS}\s+(?P<a>{LEX.place_name})|von\s+(?P<v>{LEX.place_name})|"
                          rf"(?P<g>[{UP}][\w-]+s)(?![\w-]))")
#: The body word of an anaphor: 'der sächsischen Stadt', 'des Kreises' (the list's owner named before).
_OWNER_ANAPHOR = re.compile(rf"\s+(?:der|des)\s+(?:[{_LO}]\w*\s+)?{_BODY_HEADS}(?![\w-])")
#: The owner before: 'X und seine/ihre Partnerstädte' (then X is a place, known or not), 'Xs Partnerstädte'.
_OWNER_BEFORE = re.compile(rf"(?P<p>[{UP}][\w-]+)(?:(?P<und>\s+und\s+(?:seine|ihre)\s+(?:[{_LO}]\w*\s+)?)|s\s+(?:[{_LO}]\w*\s+)?)$")
#: The owner as the subject of 'hat'/'unterhält' right before the noun: '(Die Stadt) X hat drei Partnerstädte'.
_OWNER_HAS = re.compile(rf"(?:^|[.;]\s+)(?:(?:Die|Der)\s+(?:Stadt|Gemeinde|Kommune|Landkreis|Kreis)\s+)?(?P<p>{LEX.place_name})\s+(?:hat|unterhält|pflegt|besitzt)\s+"
                        rf"(?:(?:heute|derzeit|inzwischen|mittlerweile|insgesamt|bereits|schon|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d+)\s+){{0,3}}$")
#: One partner town: 'der Partnerstadt Y', 'Partnergemeinde Y' (its owner named elsewhere in the story).
_SINGULAR = re.compile(rf"P{NB}artner-?(?:[Ss]tadt|[Gg]emeinde|[Kk]ommune)\s+(?P<p>{LEX.place_name})")
#: From the noun to the list: a comma or nothing, or a few words and a dash or colon ('… vorgestellt – ').
_GAP = re.compile(rf"(?:(?:\s+[{_LO}][\w-]*){{0,3}}\s*[–—:]\s*|\s*,\s*|\s+(?:gehören|zählen|sind)(?:\s+(?:auch|heute|etwa|unter anderem))?\s+|\s+)(?:(?:den|die|der)\s+(?P<kind>Städten|Kreisen|Landkreisen|Gemeinden|Kommunen)\s+)?"
                  r"(?:neben\s+)?")
_ITEM = re.compile(rf"(?P<p>(?:(?:Bad|Sankt|St\.|San|Santa|La|Le|Les)\s)?[{UP}][\w'’.-]*[\w](?:\s(?:nad|pod|an der|am|sur|sous|de|del|di)\s[{UP}][\w'’-]+|"
                   rf"\s(?!(?:und|sowie|aus)\b)[{UP}][\w'’-]+)?)(?:\s*\([^()]{{1,30}}\))?(?:\s+(?:aus|in)\s+(?:dem\s+|der\s+)?[{UP}][\w-]+)?(?:\s+(?:seit|ab|von)\s+(?:dem\s+Jahr\s+)?\d{{4}})?")
#: A partner town named after its owner's genitive: 'der irischen Partnerstadt Buckows, Adare'.
_GENITIVE_APPOS = re.compile(rf"(?<![\w-])Partner-?(?:[Ss]tadt|[Gg]emeinde|[Kk]ommune|[Ll]andkreis|[Kk]reis|[Rr]egion|[Bb]ezirk)(?:e?s)?\s+"
                             rf"(?:(?P<g>[{UP}][\w-]+s)|von\s+(?P<v>{LEX.place_name})),\s+"
                             rf"(?P<p>{LEX.place_name})(?=\s*(?:[,.;:(]|\s(?:im|in|am|aus|und)\s|$))")
#: From a plural twinning noun over a few words naming its owner to the colon or dash opening the list.
_COLON_AFTER = re.compile(r"(?P<gap>(?:\s+[^\s.;:!?–—]+){2,8}?)\s*[:–—]")
_SEP = re.compile(r"\s*,\s*|\s+(?:und|sowie|noch)\s+|\s*,?\s+(?:und|sowie)\s+(?:auch\s+)?")


def town_form(name: str, places: set[str]) -> str:
    """A town's name as a twin slot writes it: ``place_form`` (no genitive -s), but never read as a demonym: a
    partner named 'Kaltern' is no adjective of a place 'Kalt' (the slot names a town, not its people)."""
    if not name.endswith(("ern", "ers", "er", "erin", "erinnen")) or name in places or known_place(name, 0):
        return place_form(name, places)
    return name[:-1] if name.endswith("s") and (name[:-1] in places or known_place(name[:-1], 0)) else name


def place_run(sent: str, pos: int, places: set[str]) -> list[str]:
    """The towns listed from ``pos`` ('A, B (Polen), C in Litauen seit 1990 und D'), each with what may follow
    its name (a country in parentheses or after 'in'/'aus', a year after 'seit'), stopping at the first
    item that is no place's name."""
    out: list[str] = []
    while True:
        item = _ITEM.match(sent, pos)
        if item is None:
            break
        name = item.group("p")
        if not is_place_word(name) or name in LEX.countries_regions or (name.split()[0] in LEX.given and " " in name):
            break
        out.append(town_form(name, places))
        sep = _SEP.match(sent, item.end())
        if sep is None:
            break
        pos = sep.end()
    return out


#: 'A ist seit 1990 mit dem Landkreis B partnerschaftlich verbunden': A (before 'mit') and B.
_TIED_WITH = re.compile(rf"\bmit\s+(?:dem|der|den)?\s*(?:{COUNTRY_ADJ}\s+)?(?P<obj>[{UP}][^,;:]*?)\s+(?:(?:seit|bereits|schon|eng|sehr)\s+(?:[\w.]+\s+){{0,2}})?"
                        rf"(?:(?:partnerschaftlich|freundschaftlich|städtepartnerschaftlich)\s+verbunden|verschwistert)\b")


#: Two towns named as each other's partners: 'bei den Städtepartnern A und B', 'die beiden Partnerstädte A und B'.
_MUTUAL = re.compile(rf"(?<![\w-])(?:Städtepartner(?:n)?|Partnerstädten?|beiden\s+Partner-?(?P<n>[Ss]tädte|[Ss]tädten|[Gg]emeinden|[Kk]ommunen|[Kk]reise|[Kk]reisen|"
                     rf"[Ll]andkreise|[Ll]andkreisen))\s+(?P<a>{LEX.place_name})\s+und\s+(?P<b>{LEX.place_name})(?=\s*(?:[,.;:!?)]|$|\s(?![{UP}])))")


#: A tie noun whose partners follow with 'zu': 'unterhält Verbindungen zum Landkreis A, zur Stadt B', 'mit seinen
#: Partnerschaften zum Kreis A', 'partnerschaftliche Beziehungen zu A' (a bare 'Beziehungen zu' only after such a verb or adjective).
_TIES_TO = re.compile(r"(?:(?P<verb>\b(?:unterhält|unterhalten|pflegt|pflegen|pflegte|pflegten)\s+(?:[^\s,;:]+\s+){0,3}?)|"
                      r"(?P<adj>\b(?:partnerschaftliche|freundschaftliche|städtepartnerschaftliche)[nr]?\s+))?"
                      r"(?P<noun>\b(?:Partnerschaft|Partnerschaften|Städtepartnerschaften?|Verbindungen|Beziehungen|Kontakte|Freundschaften?))\s+(?=zu[mr]?\s)")
_ZU = re.compile(r"\bzu[mr]?\s+")
_TIE_CLAUSE_END = re.compile(r"[.;!?]\s|[.;!?]$|\s[–—]\s|,\s+(?:die|der|das|wo|weil|dass|um|als)\b")


_TWIN_PLURAL = (r"(?:Partner-?(?:städte|gemeinden|kommunen|kreise|landkreise|regionen)|Schwesterstädte|Städtepartner|Partner)")
_SINCE = r"(?:(?:schon|bereits|nun|jetzt|inzwischen|offiziell)\s+)*(?:seit\s+(?:dem\s+Jahr\s+|über\s+|mehr\s+als\s+)?[\w.]+(?:\s+Jahren)?\s+)?"
#: 'A und B sind seit 1990 Partnerstädte', 'Seit 1990 sind die Städte A und B Partnerstädte': a pair by the copula.
#: A description in apposition before the second town: 'und die größte Stadt Tansanias, B,', 'und die Hauptstadt Estlands, B,'.
_DESCRIBED = rf"(?:(?:die|der|das)\s+(?:[a-zäöü][\w-]*\s+){{0,2}}(?:Stadt|Gemeinde|Hauptstadt|Metropole|Hafenstadt|Kreisstadt|Landkreis|Kreis|Region)(?:\s+[{UP}][\w-]+s)?,\s+)"
_COPULA_PAIR = re.compile(rf"(?:^|[,;]\s+|\b(?:sind|waren|wurden)\s+)(?:(?:Die|die)\s+(?:Städte|Gemeinden|Kommunen|Landkreise|Kreise)\s+|(?:Die|Der|die|der)\s+(?:Stadt|Gemeinde|Marktgemeinde|Landkreis|Kreis)\s+)?"
                          rf"(?P<a>{LEX.place_name})\s+und\s+"
                          rf"(?:(?:die|der|das)\s+(?:{COUNTRY_ADJ}\s+)?(?:Stadt|Gemeinde|Marktgemeinde|{_trie(LEX.county_heads)})\s+|(?:die|der|das)\s+{COUNTRY_ADJ}\s+|{_DESCRIBED})?(?P<b>(?<=,\s)[{UP}][^,;.]{{1,40}}?(?=,)|{LEX.place_name}),?\s+(?:(?P<verb>sind|waren|wurden)\s+)?{_SINCE}"
                          rf"(?:(?:offizielle|befreundete)\s+)?(?:miteinander\s+)?(?P<n>{_TWIN_PLURAL}|(?:partnerschaftlich|freundschaftlich|städtepartnerschaftlich)\s+(?:miteinander\s+)?verbunden)(?![\w-])")
#: 'A ist seit 1990 Partnerstadt von B', 'Die Gemeinde A ist die französische Partnergemeinde der Stadt B'.
_IS_PARTNER_OF = re.compile(rf"^(?:(?:Die|Der)\s+(?:Stadt|Gemeinde|Kommune|Landkreis|Kreis)\s+)?(?P<a>{LEX.place_name})\s+(?:ist|war|wurde)\s+{_SINCE}(?:(?:die|der|eine|ein)\s+)?"
                            rf"(?:[a-zäöü][\w-]*\s+){{0,2}}Partner-?(?P<n>stadt|gemeinde|kommune|kreis|landkreis|region)\s+(?:von\s+|(?:der|des)\s+(?:Stadt|Gemeinde|Kommune|Landkreises|Kreises)\s+)"
                            rf"(?P<b>{LEX.place_name})(?![\w-])")
#: 'A ist seit 1990 Bs Partnerstadt': the owner in the genitive before the twinning word.
_IS_GEN_PARTNER = re.compile(rf"^(?:(?:Die|Der)\s+(?:Stadt|Gemeinde|Kommune|Landkreis|Kreis)\s+)?(?P<a>{LEX.place_name})\s+(?:ist|war|wurde)\s+{_SINCE}"
                             rf"(?P<b>[{UP}][\w-]+)s\s+(?:[a-zäöü][\w-]*\s+){{0,2}}Partner-?(?P<n>stadt|gemeinde|kommune|kreis|landkreis|region)(?![\w-])")
#: 'A, die polnische Partnerstadt von B', 'In A, der Partnerstadt Bs,', 'Die Stadt B hat eine neue Partnerstadt: A'.
_APPOS_TWIN = re.compile(rf"(?P<a>{LEX.place_name}),\s+(?:die|der)\s+(?:[a-zäöü][\w-]*\s+){{0,2}}Partner-?(?P<n>stadt|gemeinde|kommune|kreis|landkreis|region)\s+"
                         rf"(?:von\s+(?P<b>{LEX.place_name})|(?:der|des)\s+(?:Stadt|Gemeinde|Landkreises|Kreises)\s+(?P<c>{LEX.place_name})|(?P<g>[{UP}][\w-]+s)(?![\w-]))")
_COLON_TWIN = re.compile(rf"(?:eine|einen|ihre|seine)\s+(?:[a-zäöü][\w-]*\s+){{0,2}}Partner-?(?P<n>stadt|gemeinde|kommune|kreis|landkreis|region)\s*:\s+(?P<a>{LEX.place_name})")
#: 'Mit A verbindet B seit 1990 eine Partnerschaft': the place after 'Mit' and the subject after the verb.
_WITH_CONNECTS = re.compile(rf"^Mit\s+(?:(?:der|dem)\s+(?:[a-zäöü][\w-]*\s+)?(?:Stadt|Gemeinde|Landkreis|Kreis)\s+)?(?P<a>{LEX.place_name})\s+"
                            rf"(?:(?:in|im)\s+(?:der\s+|den\s+)?[{UP}][\w-]+\s+)?(?:verbinde[tn]|unterhält|unterhalten|pflegt|pflegen)\s+"
                            rf"(?:(?:die|den)\s+(?:Stadt|Gemeinde|Landkreis|Kreis)\s+)?(?P<b>{LEX.place_name})\s+[^.;:]*?(?P<n>[Pp]artnerschaft|[Ff]reundschaft)")
#: 'die Städtepartnerschaft A–B', 'Partnerschaft A – B': two places joined by a dash after a twinning noun.
_DASH_PAIR = re.compile(rf"(?<![\w-])(?:Städtepartnerschaft|Partnerschaft|Gemeindepartnerschaft|Kreispartnerschaft|Städtefreundschaft|"
                        rf"Partnerschaftsverein|Partnerschaftskomitee|Städtepartnerschaftsverein|Freundeskreis)\s+"
                        rf"(?P<a>{LEX.place_name})\s*[–—]\s*(?P<b>{LEX.place_name})(?![\w-])")


class TwinListRules:
    """Mixin of ``StoryExtractor``: the towns a plural twinning noun lists, each a partner of its owner."""

    places: set[str]
    facts: Any

    if TYPE_CHECKING:  # provided by the other mixins of StoryExtractor
        @property
        def bodies(self) -> list[OrgM]: ...

        def _link(self, typ: str, a: OrgM | None, b: OrgM | None, q: str, rule: str) -> None: ...

        def _bodies_of(self, place: str) -> list[OrgM]: ...

        def body(self, place: str, title: str | None = None) -> OrgM: ...

        def _munis(self, text: str, offset: int = 0) -> list[tuple[int, OrgM]]: ...

    def _twin_lists(self, sents: list[str]) -> None:
        """Each plural twinning noun with a list of two or more towns after it: the owner (named after or
        before the noun, else the last owner the story named) partners each town of the list."""
        last: str | None = None
        owners: list[str] = self.__dict__.setdefault("_twin_owners", [])
        for sent in sents:
            if " zu" in sent and ("ung" in sent or "artner" in sent or "ontakt" in sent or "reundschaft" in sent):
                self._ties_to(sent)
            if "artner" in sent or "verbunden" in sent or "verbindet" in sent or "Freundeskreis" in sent:
                self._copula_pair(sent)
            if "verschwistert" in sent:
                self._tied_with(sent)
            if "artner" not in sent and "Schwester" not in sent:
                continue
            self._twin_genitive(sent)
            if "Städtepartner" in sent or "Partnerstädte" in sent or "beiden" in sent:
                self._mutual(sent)
            if "verbunden" in sent:
                self._tied_with(sent)
            for m in _PLURAL.finditer(sent):
                county = bool(m.group("n") and "reis" in m.group("n"))
                owner, end = self._list_owner(sent, m)
                if owner is not None and owner not in owners:
                    owners.append(owner)
                anaphor = _OWNER_ANAPHOR.match(sent, m.end()) if owner is None else None
                end = anaphor.end() if anaphor else end
                items, kind, dash = self._list_after(sent, end)
                if owner is None and not anaphor and len(items) < 2:  # 'Mit acht Partnerstädten wartet die Stadt X auf: A, B …'
                    owner, items, kind, dash = self._owner_then_colon(sent, end) or (owner, items, kind, dash)
                if owner is None and (anaphor or dash):  # 'die fünf Partnerstädte – A, B …': the owner named before
                    owner = last
                if owner is None and len(items) >= 2:  # 'mit ihren Partnerstädten A, B und C': the sentence's town, else the story's
                    owner = self._implicit_owner(sent, m.start(), items, county) or last or self._story_town(items, county)
                    if owner is not None and owner not in owners:
                        owners.append(owner)
                last = owner or last
                if owner is None or len(items) < 2:
                    continue
                own = self._twin_body(owner, county)
                for place in items:
                    if place == owner:
                        continue
                    self.places.add(place)
                    other = self._twin_body(place, county or kind in ("Kreisen", "Landkreisen"))
                    self._link("PARTNERS_WITH", own, other, quote(sent, m.start(), m.end()), "press:twin-list")

    def _owner_partners(self, sents: list[str]) -> None:
        """In a story about one town's twin towns ('X und seine Partnerstädte', 'die Partnerstädte der Stadt X'),
        'der Partnerstadt Y' with no other town before it in its sentence is X's partner."""
        owners = self.__dict__.get("_twin_owners") or []
        if len(owners) != 1:
            return
        owner = owners[0]
        for sent in sents:
            for m in _SINGULAR.finditer(sent):
                name = town_form(m.group("p"), self.places)
                if name == owner or not is_place_word(name) or name in LEX.countries_regions or name in LEX.given:
                    continue
                if any(o.place not in (owner, name) for _at, o in self._munis(sent[: m.start()])) or "zwischen" in sent:
                    continue  # another town before it may own it
                self.places.add(name)
                self._link("PARTNERS_WITH", self.body(owner), self.body(name), quote(sent, m.start(), m.end()), "press:twin-owner")

    def _copula_pair(self, sent: str) -> None:
        """'A und B sind seit 1990 Partnerstädte', 'Seit 1990 sind A und B Partnerstädte', 'die Städtepartnerschaft
        A–B': the two places are each other's partners."""
        for m in _APPOS_TWIN.finditer(sent) if ", d" in sent else ():
            gen = m.group("g")
            other = m.group("b") or m.group("c") or (gen[:-1] if gen and (gen[:-1] in self.places or known_place(gen[:-1], 1000)) else None)
            self._twin_pair(sent, m, m.group("a"), other, "reis" in m.group("n"))
        with_first = _WITH_CONNECTS.match(sent) if sent.startswith("Mit ") else None
        if with_first is not None:
            self._twin_pair(sent, with_first, with_first.group("a"), with_first.group("b"), False)
        for m in _COLON_TWIN.finditer(sent) if ":" in sent else ():
            before = [o for _at, o in self._munis(sent[: m.start()])]
            self._twin_pair(sent, m, m.group("a"), before[-1].place if before else None, "reis" in m.group("n"))
        found = [*(_COPULA_PAIR.finditer(sent) if " und " in sent and (" sind " in sent or " waren " in sent or " wurden " in sent) else ()),
                 *(_DASH_PAIR.finditer(sent) if "–" in sent or "—" in sent else ()),
                 *(_IS_PARTNER_OF.finditer(sent) if " ist " in sent or " war " in sent or " wurde " in sent else ()),
                 *(_IS_GEN_PARTNER.finditer(sent) if " ist " in sent or " war " in sent or " wurde " in sent else ())]
        for m in found:
            if m.re is _COPULA_PAIR and not (m.group("verb") or re.search(r"\b(?:sind|waren|wurden)\s+$", sent[: m.start("a")])):
                continue  # 'A und B Partner …' without a copula: no statement of a twinning
            a, b = town_form(m.group("a"), self.places), town_form(m.group("b"), self.places)
            if a == b or not all(is_place_word(p) and p not in LEX.countries_regions and p not in LEX.given for p in (a, b)):
                continue
            if m.re is _IS_GEN_PARTNER and b not in self.places and not known_place(b, 1000):
                continue  # 'A ist seit 1990 Xs Partnerstadt': X a place the story or the gazetteer knows
            county = m.re is not _DASH_PAIR and "reis" in m.group("n")
            self.places.update((a, b))
            named = {o.place: o for o in find_orgs(m.group(0), self.places) if o.kind == "municipality" and o.place in (a, b)}  # 'der Landkreis A und das Komitat B'
            self._link("PARTNERS_WITH", named.get(a) or self._twin_body(a, county), named.get(b) or self._twin_body(b, county),
                       quote(sent, m.start(), m.end()), "press:twin-mutual")

    def _twin_pair(self, sent: str, m: re.Match[str], a: str, b: str | None, county: bool) -> None:
        """Link the places ``a`` and ``b`` of a twinning frame at ``m`` (places the gazetteer or the story knows)."""
        if not b:
            return
        a, b = town_form(a, self.places), town_form(b, self.places)
        if a == b or not all(is_place_word(p) and p not in LEX.countries_regions and p not in LEX.given for p in (a, b)) \
                or not all(p in self.places or known_place(p, 0) for p in (a, b)):
            return
        self.places.update((a, b))
        self._link("PARTNERS_WITH", self._twin_body(b, county), self._twin_body(a, county), quote(sent, m.start(), m.end()), "press:twin-mutual")

    def _mutual(self, sent: str) -> None:
        """'bei den Städtepartnern A und B', 'die beiden Partnerstädte A und B': A and B are each other's partners
        (a plural partner noun without 'beiden' only when one of them is the story's town: 'Partnerstädte A und B' of X is X's)."""
        for m in _MUTUAL.finditer(sent):
            a, b = town_form(m.group("a"), self.places), town_form(m.group("b"), self.places)
            if a == b or not all(is_place_word(p) and p not in LEX.countries_regions for p in (a, b)):
                continue
            if m.group(0).startswith("Partnerstädte") and not (m.start() >= 7 and sent[m.start() - 7: m.start()].endswith("beiden ")) \
                    and getattr(self, "city", None) not in (a, b):
                continue  # 'mit den Partnerstädten A und B' of the story's town: its twins, not each other's
            county = bool(m.group("n") and "reis" in m.group("n"))
            self.places.update((a, b))
            self._link("PARTNERS_WITH", self._twin_body(a, county), self._twin_body(b, county), quote(sent, m.start(), m.end()), "press:twin-mutual")

    def _ties_to(self, sent: str) -> None:
        """'Der Kreis A unterhält Verbindungen zum Landkreis B, zur Stadt C und zum Kreis D': the subject before
        the tie noun and each body named after a 'zu'."""
        if not any(w in sent for w in ("ungen zu", "Kontakte zu", "schaft zu", "schaften zu")):
            return
        for m in _TIES_TO.finditer(sent):
            if m.group("noun") in ("Verbindungen", "Beziehungen", "Kontakte") and not (m.group("verb") or m.group("adj")):
                continue
            before = [o for o in find_orgs(sent[: m.start()], self.places) if not o.needs_place]
            subject = before[-1] if before and before[-1].kind == "municipality" else None
            if subject is None:
                continue
            end = _TIE_CLAUSE_END.search(sent, m.end())
            span = sent[m.end(): end.start() if end else len(sent)]
            for z in _ZU.finditer(span):
                found = [o for o in find_orgs(span[z.end(): z.end() + 80], self.places) if not o.needs_place]
                if found and found[0].start == 0 and found[0].key != subject.key:
                    self._link("PARTNERS_WITH", subject, found[0], quote(sent, m.start(), m.end()), "press:twin-ties")

    def _tied_with(self, sent: str) -> None:
        """'Der Kreis A ist seit 1990 mit dem Kreis B partnerschaftlich verbunden': the body before 'mit' and B."""
        m = _TIED_WITH.search(sent)
        if m is None:
            return
        before = [o for _at, o in self._munis(sent[: m.start()])]
        head = [o for o in find_orgs(sent[: m.start()], self.places) if not o.needs_place]
        found = head or before
        subject = found[-1] if found else None
        obj = next(iter(find_orgs(m.group("obj"), self.places)), None) or next((o for _at, o in self._munis(m.group("obj"))), None)
        if subject is not None and obj is not None:
            self._link("PARTNERS_WITH", subject, obj, quote(sent, m.start(), m.end()), "press:twin-tied")

    def _twin_genitive(self, sent: str) -> None:
        """'die Partnerstadt Xs, Y': Y is X's partner (X's name in the genitive, Y in apposition)."""
        for m in _GENITIVE_APPOS.finditer(sent):
            gen, name = m.group("g"), m.group("p")
            owner = gen[:-1] if gen else m.group("v")  # 'des Partnerbezirks von A, B': B is A's
            if (owner not in self.places and not known_place(owner, 0)) or not is_place_word(name) or name in LEX.countries_regions or name in LEX.given:
                continue
            self.places.update((owner, name))
            self._link("PARTNERS_WITH", self.body(owner), self.body(name), quote(sent, m.start(), m.end()), "press:twin-genitive")

    def _implicit_owner(self, sent: str, at: int, items: list[str], county: bool) -> str | None:
        """The body named last before a plural twinning noun at ``at`` that is none of its listed ``items`` (a
        county for a list of counties): 'Die Stadt X pflegt Kontakte mit ihren Partnerstädten A, B'."""
        before = [o.place for _at, o in self._munis(sent[:at]) if o.place and o.place not in items and is_place_word(o.place)
                  and o.place not in LEX.countries_regions and (not county or o.name.split()[0] in LEX.county_heads)]
        return before[-1] if before else None

    def _story_town(self, items: list[str], county: bool) -> str | None:
        """The story's own body, the implicit owner of the twin towns it lists: for counties the one county the
        story names besides the listed ones, for towns the story's city (none when it is listed itself)."""
        if county:
            found = {o.place for o in self.bodies if o.place and o.name.split()[0] in LEX.county_heads
                     and not any(o.place == i or i.startswith(o.place + " ") for i in items)}  # 'Kreis Drawsko' of 'Drawsko Pomorskie' is listed
            return found.pop() if len(found) == 1 else None
        city = getattr(self, "city", None)
        return city if city and city not in items and is_place_word(city.split()[0]) else None

    def _owner_then_colon(self, sent: str, at: int) -> tuple[str, list[str], str | None, bool] | None:
        """'Mit acht Partnerstädten kann die Hansestadt X aufwarten: A, B …': one town between the noun and a
        colon or dash that opens a list of two or more towns owns them."""
        stop = _COLON_AFTER.match(sent, at)
        if stop is None:
            return None
        towns = [o.place for _at, o in self._munis(stop.group("gap")) if o.place and is_place_word(o.place)]
        if len(set(towns)) != 1:
            return None
        items, kind, _dash = self._list_after(sent, stop.end() - 1)
        return (towns[0], items, kind, True) if len(items) >= 2 else None

    def _list_owner(self, sent: str, m: re.Match[str]) -> tuple[str | None, int]:
        """The place whose twin towns the noun at ``m`` names, and where the owner phrase ends."""
        after = _OWNER_AFTER.match(sent, m.end())
        if after:
            name = after.group("a") or after.group("v")
            if name is None:
                gen = after.group("g")
                name = place_form(gen, self.places) if gen[:-1] in self.places or known_place(gen[:-1], 1000) else None
            if name and is_place_word(name) and name not in LEX.countries_regions:
                return name, after.end()
        if m.group("adj"):
            base = adjective_base(m.group("adj"))
            if base and base in self.places:
                return base, m.end()
        before = _OWNER_BEFORE.search(sent, 0, m.start("adj") if m.group("adj") else m.start())
        if before:
            name = place_form(before.group("p"), self.places) if not before.group("und") else before.group("p")
            if (name in self.places or before.group("und")) and is_place_word(name) and name not in LEX.countries_regions:
                return name, m.end()
        has = _OWNER_HAS.search(sent, 0, m.start("adj") if m.group("adj") else m.start())
        if has:  # 'Die Stadt X hat drei Partnerstädte: …', 'X unterhält vier Partnerstädte'
            name = place_form(has.group("p"), self.places)
            if (name in self.places or known_place(name, 0)) and is_place_word(name) and name not in LEX.countries_regions:
                return name, m.end()
        return None, m.end()

    def _list_after(self, sent: str, at: int) -> tuple[list[str], str | None, bool]:
        """The towns listed from ``at`` ('A, B (Polen) und C aus Litauen'), the plural body word before them,
        and whether a dash or colon opens the list."""
        gap = _GAP.match(sent, at)
        if gap is None:
            return [], None, False
        return place_run(sent, gap.end(), self.places), gap.group("kind"), any(c in gap.group(0) for c in "–—:")

    def _twin_body(self, place: str, county: bool) -> OrgM:
        """The body of a twin place: its county for a list of counties, else its town (the 'Stadt X', not the
        county of the same name the story may also name)."""
        named = [o for o in self._bodies_of(place) if (o.name.split()[0] in LEX.county_heads) == county]
        if named:
            return named[0]
        return municipality(place, "Landkreis") if county else self.body(place) if not self._bodies_of(place) else municipality(place)
