"""Role vocabulary (``roles.json``): maps titles as written to one normalized role key."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .records import fold


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict]:
    """``{role_key: {"label": ..., "titles": [...]}}`` from the packaged JSON."""
    text = resources.files("stakegraph.graph").joinpath("roles.json").read_text(encoding="utf-8")
    return json.loads(text)["roles"]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], re.Pattern]:
    titles: dict[str, str] = {}
    for key, entry in vocabulary().items():
        titles.setdefault(fold(key.replace("_", " ")), key)
        for title in entry["titles"]:
            titles.setdefault(fold(title), key)
    alternation = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True) if t)
    return titles, re.compile(rf"(?<![0-9a-z])(?:{alternation})(?![0-9a-z])")


def role_key(title: str | None) -> str | None:
    """The role key of a title ('Stadträtin' -> 'city_councillor', 'CDO' -> 'cdo'), or None.

    An exact title wins; otherwise the longest known title inside it ('Chief Digital Officer bei …')."""
    if not title:
        return None
    titles, pattern = _index()
    folded = fold(title)
    if folded in titles:
        return titles[folded]
    if folded.replace(" ", "_") in vocabulary():
        return folded.replace(" ", "_")
    best = None
    for m in pattern.finditer(folded):
        if best is None or len(m.group(0)) > len(best):
            best = m.group(0)
    if best is None:
        # German compounds: 'Digitaldezernentin', 'Projektmanagerin Smart City' -> suffix match
        for word in folded.split():
            for known in sorted(titles, key=len, reverse=True):
                if " " not in known and len(known) >= 6 and word.endswith(known):
                    return titles[known]
        return None
    return titles[best]


def role_label(key: str | None) -> str | None:
    """English display name of a role key."""
    if not key:
        return None
    entry = vocabulary().get(key)
    return entry["label"] if entry else key


def equivalent(a: str | None, b: str | None) -> bool:
    """True when two titles or keys name the same role."""
    ka = a if a in vocabulary() else role_key(a)
    kb = b if b in vocabulary() else role_key(b)
    return ka is not None and ka == kb
