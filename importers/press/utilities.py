"""Utilities of the press importer: which utility a bare head ('die Stadtwerke') names, and every utility a
story mentions as an organization of kind ``utility`` (a mixin of ``StoryExtractor``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .lexicon import LEX, UP, _trie
from .orgs import OrgM, find_orgs
from .org_grammar import _AGENT_ENDS
from .places import dateline_place, fold, known_place
from .facts import OrgF, quote
from .twinlists import place_run

#: Any utility head word or utility cue ('der Energieversorger X') in a sentence (a cheap test before ``find_orgs``).
_UTILITY_WORD = re.compile(_trie([*LEX.utility_heads, *(c for c, k in LEX.kind_cues.items() if k == "utility"), "versorger", "netzbetreiber", "entsorger"]))


#: A utility named after its cue by one word: 'der Energieversorger Süwag', 'der Netzbetreiber Avacon'.
_CUED = re.compile(rf"(?<![\w-])(?:{_trie(c for c, k in LEX.kind_cues.items() if k == 'utility')}|[{UP}][a-zäöüß]+(?:versorger|netzbetreiber|entsorger))"
                   rf"\s+(?P<n>[{UP}][\w&-]*[\w])(?=[\s,.;:)]|$)")  # and their compounds: 'der Gasversorger X', 'der Wasserversorger Y'
#: A utility head before a town or a list of towns, 'in' between or not: 'die Stadtwerke in Solingen und Kiel'.
_HEAD_LIST = re.compile(rf"(?<![\w-])(?P<h>{_trie(h for h in LEX.utility_heads if h.startswith(('Stadtwerke', 'Gemeindewerke', 'Stadtbetriebe', 'Kreiswerke')))})"
                        rf"\s+(?P<in>in\s+)?(?=[{UP}])")
_NON_NAME_END = ("ung", "heit", "keit", "tion", "ität", "schaft", "nis", "tum", "ismus", "en", "er")
#: A bare body word: no name follows ('die Stadt und die Uni', not 'die Stadt Bochum').
_BARE = re.compile(r"(?P<w>S(?<![\w-].)tadtverwaltung|S(?<![\w-].)tadt|G(?<![\w-].)emeinde|K(?<![\w-].)ommune|U(?<![\w-].)niversität|U(?<![\w-].)ni|"
                   r"H(?<![\w-].)ochschule|S(?<![\w-].)tadtwerke|S(?<![\w-].)tadtwerken)"
                   r"(?![\w-])(?!\s+(?:[A-ZÄÖÜ]|von\b|an\b|am\b|der\s+[A-ZÄÖÜ]))")
#: Bare heads that always name a body ('die Stadtwerke'), unlike 'die Wasserversorgung'.
_INSTITUTIONS = frozenset(LEX.head_normal.get(h, LEX.utility_heads.get(h, h)) for h in LEX.context_heads if h in LEX.utility_heads)


def _is_county(org: OrgM) -> bool:
    return org.kind == "municipality" and (org.name.split()[0] in LEX.county_heads or org.name.endswith(("kreis", "-Kreis")))


class UtilityRules:
    """Mixin of ``StoryExtractor``: utilities and the place of a bare organization head."""

    places: set[str]
    facts: Any
    city: str | None
    seg: Any

    if TYPE_CHECKING:  # provided by the other mixins of StoryExtractor
        def _home_place(self) -> str | None: ...

        def body(self, place: str, title: str | None = None) -> OrgM: ...

        def _munis(self, text: str, offset: int = 0) -> list[tuple[int, OrgM]]: ...

    def _named_heads(self) -> dict[str, OrgM]:
        """Head -> the organization of that head the story names with its place, first named first
        ('Stadtwerke Dietzenbach', 'die Wörgler Stadtwerke'); a head named with two places is left out."""
        kept = self.__dict__.get("_heads_named")
        if kept is not None:
            return kept
        named: dict[str, OrgM] = {}
        twice: set[str] = set()
        if _UTILITY_WORD.search(self.seg.text) or "niversit" in self.seg.text or "ochschul" in self.seg.text:
            for o in find_orgs(self.seg.text, self.places):
                if o.kind not in ("utility", "university") or o.needs_place or not o.place or not o.name.endswith(" " + o.place):
                    continue
                head = o.name[: -len(o.place) - 1]
                if head in named and named[head].place != o.place:
                    twice.add(head)
                named.setdefault(head, o)
        kept = self.__dict__["_heads_named"] = {h: o for h, o in named.items() if h not in twice}
        return kept

    def _one_utility_place(self) -> str | None:
        """The place of the utilities the story names in full, when they all have the same one."""
        found = {o.place for o in self._named_heads().values()}
        return found.pop() if len(found) == 1 else None

    def _bind(self, org: OrgM | None, near: OrgM | None = None, sent: str | None = None) -> OrgM | None:
        """A context head ('den Stadtwerken') bound to a place: a utility the one of the same head the story
        names in full, else the place of the story's other utilities, else the one town ``sent`` names;
        else the place of ``near`` (not a county's: Stadtwerke are a town's), else the story's city."""
        if org is None or not org.needs_place:
            return org
        if org.kind == "utility":
            full = self._named_heads().get(org.name)
            if full is not None:
                return full.at(org.start, org.end)
            same = self._one_utility_place() or (self._lone_place(sent, None) if sent else None)
            if same:
                return org.with_place(same)
            if near is not None and _is_county(near):
                near = None
        place = (near.place if near else None) or self.city
        if place and place.endswith(_AGENT_ENDS) and not known_place(place, 0):
            return None  # 'bleibt die Stadt Alleineigner der X': a role noun, no town
        return org.with_place(place) if place else None

    def _lone_place(self, sent: str, home: str | None) -> str | None:
        """The place of a bare 'Stadtwerke' in ``sent``: the dateline's, unless the sentence names another
        town ('In X kooperiert … mit örtlichen Stadtwerken': X's, when it names only X; else none)."""
        named = {o.place for _at, o in self._munis(sent) if o.place and not _is_county(o)}
        dateline = dateline_place(sent)
        if dateline and len(named) > 1:
            named.discard(dateline)  # 'Stuttgart - In Filderstadt …': the outlet's town opens the line
        if not named:
            return home
        return named.pop() if len(named) == 1 else None

    def _sure_home(self) -> OrgM | None:
        """The story's own body when there is no doubt about it: its dateline's place, or the one place it names."""
        home = self._home_place()
        if home:
            return self.body(home)
        towns = sorted(p for p in self.places if p not in LEX.countries_regions)
        return self.body(towns[0]) if len(towns) == 1 else None

    def _bare_mentions(self, text: str) -> list[OrgM]:
        """'die Stadt', 'der Kreis', 'die Uni', 'die Stadtwerke' without a name, as the bodies they stand for in a
        story sure of its town: its own body, or its institution of that head (named in full or bound to
        the town)."""
        home = None
        out: list[OrgM] = []
        for m in _BARE.finditer(text):
            word = m.group("w")
            if word in ("Stadt", "Gemeinde", "Stadtverwaltung", "Kommune"):
                home = home or self._sure_home()
                org = home
            else:
                head = LEX.head_normal.get(word, LEX.utility_heads.get(word, word))
                org = self._named_heads().get(head)
                if org is None:
                    home = home or self._sure_home()
                    org = OrgM(f"{head} {home.place}", LEX.head_kinds.get(head, "university"), home.place) if home and home.place else None
            if org is not None:
                out.append(org.at(m.start("w"), m.end("w")))
        return out

    def _utility_mentions(self, sent: str) -> list[OrgM]:
        """The utilities of ``sent``: ``find_orgs`` on a window of words around each utility word (a name
        around its head spans a few words: an adjective before, a place and legal form after)."""
        out: list[OrgM] = []
        end = 0
        for m in _UTILITY_WORD.finditer(sent):
            if m.end() + 40 < end:
                continue  # the window before holds this word with its name (a window may end inside a later name)
            lo = sent.rfind(" ", 0, max(0, m.start() - 40)) + 1
            hi = sent.find(" ", min(len(sent), m.end() + 80))
            end = len(sent) if hi < 0 else hi
            out += [o.at(o.start + lo, o.end + lo) for o in find_orgs(sent[lo:end], self.places)
                    if o.kind == "utility" and all(o.name != x.name for x in out)]
        return out

    def _head_lists(self, sent: str) -> list[OrgM]:
        """One utility head for a list of towns: 'die Stadtwerke in Solingen und Kiel', 'die Stadtwerke Solingen und Kiel'
        (each a town the story or the gazetteer knows)."""
        out: list[OrgM] = []
        for m in _HEAD_LIST.finditer(sent):
            head = LEX.utility_heads[m.group("h")]
            towns = place_run(sent, m.end(), self.places)
            if len(towns) < 2 and not m.group("in"):
                continue  # 'Stadtwerke X' alone: find_orgs's
            for town in towns:
                if town in self.places or known_place(town, 0):
                    out.append(OrgM(f"{head} {town}", "utility", town, None, [], m.start(), m.end()))
        return out

    def _cued(self, sent: str) -> list[OrgM]:
        """Utilities by a one-word company name after a utility cue ('der Energieversorger Süwag'), not a common
        noun, place, title or first name."""
        out: list[OrgM] = []
        for m in _CUED.finditer(sent):
            word = m.group("n")
            if (word in LEX.non_name or fold(word) in LEX.generic or word in self.places or known_place(word, 0) or word in LEX.given
                    or LEX.is_titleish(word) or (word[1:].islower() and word.endswith(_NON_NAME_END))):
                continue
            out.append(OrgM(word, "utility", None, None, [m.group(0)], m.start("n"), m.end("n")))
        return out

    def _utilities(self, sents: list[str]) -> None:
        """Every utility the story names becomes an organization of kind utility: 'Stadtwerke X', 'die Xer
        Stadtwerke', and a bare 'die Stadtwerke' when the story names that utility in full or its
        dateline gives the place."""
        if not _UTILITY_WORD.search(self.seg.text):
            return
        seen: dict[str, OrgM] = {}
        for sent in sents:
            if not _UTILITY_WORD.search(sent):
                continue
            for o in [*self._utility_mentions(sent), *self._cued(sent), *(self._head_lists(sent) if " und " in sent or " in " in sent else ())]:
                if o.kind != "utility":
                    continue
                if o.needs_place:
                    if o.name not in _INSTITUTIONS:
                        continue  # 'die Wasserversorgung' is mostly the service, not a body
                    full = self._named_heads().get(o.name)
                    place = full.place if full else self._one_utility_place() or self._lone_place(sent, self._home_place())
                    if not place or place.endswith(_AGENT_ENDS) and not known_place(place, 0):
                        continue  # 'bleibt die Stadt Alleineigner der X': a role noun, no town
                    o = o.with_place(place)
                first = seen.get(o.key)
                if first is None:
                    seen[o.key] = o
                    self.facts.orgs.append(OrgF(o, quote(sent, o.start, o.end), "press:utility", 0.7))
                else:
                    first.aliases.extend(a for a in o.aliases if a not in first.aliases)
