"""Organs of a body named alone in a role slot: a compound whose head is a committee or assembly noun
('des Partnerschaftsausschusses', 'der Verbandsversammlung', 'im Lenkungsausschuss', 'des Neuhafener
Fachbeirats'). Such a noun names one organ of the story's body, not a body of its own name; the importer
makes it a unit PART_OF the owner (a town's adjective before it, else the story's home town)."""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from .lexicon import LEX, LO, UP
from .org_mention import OrgM
from .orgs import find_orgs
from .places import adjective_base
from .text import Segment

#: Head nouns of organs (committees, boards, assemblies) with their genitive/dative forms, nominative first.
ORGAN_HEADS: dict[str, tuple[str, ...]] = {
    "ausschuss": ("ausschusses", "ausschuss"),
    "komitee": ("komitees", "komitee"),
    "beirat": ("beirates", "beirats", "beirat"),
    "kollegium": ("kollegiums", "kollegium"),
    "versammlung": ("versammlung",),
    "kommission": ("kommission",),
    "kuratorium": ("kuratoriums", "kuratorium"),
    "gremium": ("gremiums", "gremium"),
    "präsidium": ("präsidiums", "präsidium"),
}
#: Heads of a town's own organs ('Stadtrat', 'Gemeinderat', 'Stadtparlament'): read here only after a town's adjective
#: ('des Kasseler Stadtrats'); alone they are titles or the story's organ, which the role rules resolve.
TOWN_ORGAN_HEADS: dict[str, tuple[str, ...]] = {"rat": ("rates", "rats", "rat"), "parlament": ("parlaments", "parlament"),
                                                 "tag": ("tages", "tags", "tag")}
_ALL_HEADS = {**ORGAN_HEADS, **TOWN_ORGAN_HEADS}
_FORMS = "|".join(sorted({f for forms in _ALL_HEADS.values() for f in forms}, key=len, reverse=True))
#: One compound organ noun, optionally after a town's '-er' adjective: 'Meinerzhagener Partnerschaftsausschusses'.
_ORGAN_SLOT = re.compile(rf"(?:(?P<adj>[{UP}][{LO}]+er)\s+)?(?P<w>[{UP}][{LO}]+(?:-[{UP}]?[{LO}]+)*(?:{_FORMS}))")
#: First parts that make the organ one of a state or nation, not of the story's town ('Bundesausschuss', 'Landesvorstand').
_TOWN_FIRST = ("Stadt", "Gemeinde", "Orts", "Ortschafts", "Markt")
_NATIONAL_FIRST = ("Bundes", "Landes", "Europa", "EU-", "Landtags", "Bundestags", "Stände", "National", "Welt")
#: First parts that make the organ a company's or a club's ('Gesellschafterversammlung', 'Mitgliederversammlung',
#: 'Ethikkommission'): no organ of a town (the company or club is named elsewhere, if at all).
_MEMBERS_FIRST = ("Gesellschafter", "Mitglieder", "Haupt", "Jahreshaupt", "Aktionärs", "General", "Delegierten", "Ethik",
                  "Vereins", "Betriebs")


def organ_noun(rest: str) -> tuple[str, str | None] | None:
    """(nominative organ noun, town adjective or None) when ``rest`` is only a compound organ noun."""
    m = _ORGAN_SLOT.fullmatch(rest.strip(" ,.;:"))
    if m is None:
        return None
    word = m.group("w")
    folded = word.casefold()
    head = next((h for h, forms in ORGAN_HEADS.items() if folded.endswith(forms)), None)
    if head is None and (m.group("adj") and word.startswith(_TOWN_FIRST) or word.startswith("Kreis")):
        # 'des Kasseler Stadtrats'; 'des Kreistages', 'des Kreisrates': the story's county's (its owner is looked up)
        head = next((h for h, forms in TOWN_ORGAN_HEADS.items() if folded.endswith(forms)), None)
        if head == "tag" and not word.startswith("Kreis"):
            head = None  # 'Gemeindetag', 'Städtetag': associations of towns, not one town's organ
    elif head is not None and LEX.is_titleish(word):
        return None
    if head is None or len(word) < len(head) + 3 or word.startswith(_NATIONAL_FIRST) or word.startswith(_MEMBERS_FIRST):
        return None  # 'Ausschuss' alone: which one; 'Bundesausschuss': not the town's
    form = next(f for f in _ALL_HEADS[head] if folded.endswith(f))
    return word[: len(word) - len(form) + len(head)], m.group("adj")  # each nominative is a prefix of its forms


#: A body named only by an organ or relation noun, no name or place: 'Kreisrat', 'Hochschulrat', 'Aufsichtsrat',
#: 'Partnerstadt', 'Kasseler Partnerstadt' (an organ of some body, a partner of some town).
_ORGAN = re.compile(rf"(?:[{UP}][{LO}]+er\s+)?(?:(?!National|Bundes|Stände|Europa|Welt)[{UP}][{LO}]*(?:rat|ausschuss|präsidium|kuratorium)"
                    rf"|Partner(?:stadt|gemeinde|kommune|kreis|landkreis))")
#: Organs of a town or county by their first word ('Kreisrat', 'Stadtrat', 'Gemeinderat', 'Ortsbeirat', 'Bezirksausschuss').
_MUNICIPAL_ORGAN_HEADS = ("Kreis", "Stadt", "Gemeinde", "Orts", "Ortschafts", "Bezirks")
#: A minister of a state's government by the title alone ('Digitalminister', 'Wirtschaftsministerin', 'Staatssekretärin');
#: a federal or foreign office ('Bundes…', 'Außenminister', 'Premierminister') is none of a state's.
_STATE_MINISTER = re.compile(rf"(?!Bundes|Außen|Premier|Europa|Vize)(?:[{UP}][{LO}]+minister(?:in)?|Staatssekretär(?:in)?)")
#: First parts of an organ's compound that name the kind of body it is of ('Verbandsversammlung', 'Kreisausschuss').
_KIND_FIRST = ("Verbands", "Zweckverbands", "Vereins", "Kreis", "Landkreis")

#: A state's adjective right before a title: 'die rheinland-pfälzische ', 'der bayerische ', 'des steirischen '.
_STATE_ADJ_BEFORE = re.compile(rf"(?<![\w-])(?P<adj>[{LO}][{LO}-]*isch)(?:e|er|en|es|em)\s+$")


def state_of_title(sent: str, at: int, title: str) -> OrgM | None:
    """The government or parliament of the state whose adjective stands right before a state office's title ('die
    hessische Innenministerin', 'der steirische Landesrat', 'die bayerische Landtagsabgeordnete'), else None."""
    word = title.split()[-1] if title.split() else ""
    which = LEX.state_title(word) or ("Land" if _STATE_MINISTER.fullmatch(word) else None)
    adj = _STATE_ADJ_BEFORE.search(sent, max(0, at - 40), at) if which else None
    if adj is None or which is None:
        return None
    state = next((name for name, entry in LEX.federal_states.items() if name != "_doc" and adj.group("adj") in entry["words"]), None)
    if state is None:
        return None
    land = OrgM(f"Land {state}", "government", None, None, state_aliases(state))
    return land if which == "Land" else OrgM(f"Landtag {state}", "government", None, land, [LEX.federal_states[state]["landtag"]])


#: German states styled 'Freistaat', whose government is the 'Staatsregierung'.
_FREE_STATES = frozenset({"Bayern", "Sachsen", "Thüringen"})


def state_aliases(state: str) -> list[str]:
    """The names a state's government goes by: 'Hessen', 'Landesregierung Hessen', 'Hessische Landesregierung';
    for a Freistaat also 'Freistaat Bayern' and 'Bayerische Staatsregierung'."""
    out = [state, f"Landesregierung {state}"]
    adj = next((w for w in LEX.federal_states[state]["words"] if w.endswith("isch")), None)
    adj = f"{adj[:1].upper()}{adj[1:]}e" if adj else None
    if state in _FREE_STATES:
        out.append(f"Freistaat {state}")
    if adj:
        out.append(f"{adj} {'Staatsregierung' if state in _FREE_STATES else 'Landesregierung'}")
    return out


class OrganRules:
    """Mixin of ``StoryExtractor`` (through ``RoleRules``): the body an organ named alone in a role slot belongs to."""

    places: set[str]
    city: str | None
    seg: Segment

    if TYPE_CHECKING:
        def body(self, place: str, title: str | None = None) -> OrgM: ...

        def _dateline_city(self) -> str | None: ...

        def _story_county(self) -> OrgM | None: ...

        def is_town(self, word: str) -> bool: ...

    def _organ(self, rest: str) -> OrgM | None:
        """A committee or assembly named alone ('des Lenkungsausschusses', 'des Xer Fachbeirats') as a unit PART_OF
        its owner: the town of the adjective before it, else the press office's (dateline) or the story's town."""
        found = organ_noun(rest)
        if found is None:
            return None
        noun, adj = found
        if not adj and noun.startswith(_MUNICIPAL_ORGAN_HEADS) and _ORGAN.fullmatch(noun):
            return None  # 'des Kreisrates', 'des Stadtrats': the office rules give it the side's or story's town or county
        if noun.startswith(_KIND_FIRST) and not adj:  # 'der Verbandsversammlung', 'des Kreistages': of the story's such body
            owner = self._story_kind_body(noun)
            if owner is None and noun.startswith(("Kreis", "Landkreis")):
                return None  # a county's organ in a story of no county: not the town's
            return OrgM(noun, "unit", owner.place if owner else None, owner, [])
        town = adjective_base(adj) if adj else None
        if adj and not (town and self.is_town(town)):
            return None  # 'des Neuen Ausschusses': no town's adjective
        home = town or self._dateline_city() or self.city
        if not home:
            return None
        return OrgM(noun, "unit", home, self.body(home), [f"{adj} {noun}"] if adj else [])

    def _story_kind_body(self, noun: str) -> OrgM | None:
        """The story's body of the kind an organ's first part names: its county ('Kreis…'), its association ('Verbands…',
        'Vereins…': the first such body the text names), else None."""
        if noun.startswith(("Kreis", "Landkreis")):
            return self._story_county()
        head = "verband" if noun.startswith(("Verbands", "Zweckverbands")) else "verein"
        if "_kind_bodies" not in self.__dict__:
            self.__dict__["_kind_bodies"] = find_orgs(self.seg.text, self.places) if ("erband" in self.seg.text or "erein" in self.seg.text) else []
        return next((o for o in self.__dict__["_kind_bodies"] if o.name.split()[0].casefold().endswith(head)
                     and o.name.split()[0].casefold() != head), None)
