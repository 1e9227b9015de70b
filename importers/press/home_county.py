"""The story's own county when the story is told by a county's officials.

A county's press office names the county's seat or a town of the county (where the Kreishaus stands, where a
guest was received) more often than the county itself, so the rules' story city is then a town. When the
story's officials are a county's (one Landrat, the Kreistag, the Kreishaus; more of them than of mayors), no
dateline names a town, and the story names exactly one county that is not introduced as a partner, that
county is the story's own place. Several Landräte ('die Landräte der Kreise …') tell no single county's story.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .lexicon import LEX
from .orgs import OrgM

#: Words of a county's own officials and offices.
_COUNTY_CUE = re.compile(r"\bLandr(?:at|ätin|ats|ates|atsamt(?:es|s)?)\b|\bKreis(?:haus|verwaltung|tag|ausschuss)")
_MAYOR = re.compile(r"[Bb]ürgermeister")
#: A partner county's or a guests' county's introduction right before its name ('des Partnerkreises X', 'im
#: Partnerlandkreis X', 'eine Delegation aus dem Kreis X').
_PARTNER_BEFORE = re.compile(r"Partner(?:land)?kreis(?:es|en)?\s+(?:\w+\s+)?$|Partnerregion\s+$|\baus\s+(?:dem\s+)?$")


def is_county(org: OrgM) -> bool:
    """Whether ``org`` is a county body ('Landkreis X', 'X-Kreis', 'Rhein-Kreis Neuss', 'Märkischer Kreis')."""
    return org.kind == "municipality" and (org.name.split()[0] in LEX.county_heads or org.name.endswith(("kreis", "-Kreis"))
                                           or "-Kreis " in org.name or org.name.endswith("er Kreis"))


def county_home(text: str, city: str | None, bodies: Iterable[OrgM], sents: list[str],
                partner: Callable[[str, str], bool]) -> str | None:
    """The county whose story ``text`` tells in place of the town ``city`` (see the module), else None."""
    if "reis" not in text or "Landräte" in text:
        return None
    cues = len(_COUNTY_CUE.findall(text))
    if not cues or cues <= len(_MAYOR.findall(text)):
        return None
    own: list[str] = []
    bad: set[str] = set()
    for o in bodies:
        if not is_county(o) or not o.place:
            continue
        p = o.place
        if city and (p in city or city in p):
            return None  # the city is that county, or its seat shares its name ('Bad X' of 'Kreis X'): kept
        if p in bad or p in own:
            continue
        if _PARTNER_BEFORE.search(text, max(0, o.start - 40), o.start) or any(p in s and partner(s, p) for s in sents):
            bad.add(p)
        else:
            own.append(p)
    return own[0] if len(own) == 1 else None
