"""Organs of a body named alone in a role slot: a compound whose head is a committee or assembly noun
('des Partnerschaftsausschusses', 'der Verbandsversammlung', 'im Lenkungsausschuss', 'des Neuhafener
Fachbeirats'). Such a noun names one organ of the story's body, not a body of its own name; the importer
makes it a unit PART_OF the owner (a town's adjective before it, else the story's home town)."""

from __future__ import annotations

import re

from .lexicon import LEX, LO, UP

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
_FORMS = "|".join(sorted({f for forms in ORGAN_HEADS.values() for f in forms}, key=len, reverse=True))
#: One compound organ noun, optionally after a town's '-er' adjective: 'Meinerzhagener Partnerschaftsausschusses'.
_ORGAN_SLOT = re.compile(rf"(?:(?P<adj>[{UP}][{LO}]+er)\s+)?(?P<w>[{UP}][{LO}]+(?:-[{UP}]?[{LO}]+)*(?:{_FORMS}))")
#: First parts that make the organ one of a state or nation, not of the story's town ('Bundesausschuss', 'Landesvorstand').
_NATIONAL_FIRST = ("Bundes", "Landes", "Europa", "EU-", "Landtags", "Bundestags", "Stände", "National", "Welt")


def organ_noun(rest: str) -> tuple[str, str | None] | None:
    """(nominative organ noun, town adjective or None) when ``rest`` is only a compound organ noun."""
    m = _ORGAN_SLOT.fullmatch(rest.strip(" ,.;:"))
    if m is None:
        return None
    word = m.group("w")
    folded = word.casefold()
    head = next((h for h, forms in ORGAN_HEADS.items() if folded.endswith(forms)), None)
    if head is None or len(word) < len(head) + 3 or word.startswith(_NATIONAL_FIRST) or LEX.is_titleish(word):
        return None  # 'Ausschuss' alone: which one; 'Bundesausschuss': not the town's
    form = next(f for f in ORGAN_HEADS[head] if folded.endswith(f))
    return word[: len(word) - len(form) + len(head)], m.group("adj")  # each nominative is a prefix of its forms
