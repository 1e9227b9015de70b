"""Role vocabulary (``roles.json``): maps titles as written to one normalized role key."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .records import fold


@lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("stakegraph.graph").joinpath("roles.json").read_text(encoding="utf-8")
    return json.loads(text)


def vocabulary() -> dict[str, dict]:
    """``{role_key: {"label": ..., "titles": [...], "deputy": key?}}`` from the packaged JSON."""
    return _data()["roles"]


@lru_cache(maxsize=1)
def _markers() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    m = _data()["deputy_markers"]
    return frozenset(m["words"]), tuple(m["prefixes"]), frozenset(m["ordinals"])


def _deputy_title(folded: str) -> bool:
    """Whether a folded title names a deputy: 'stellv', 'Vize…', 'deputy', or '2.' first."""
    words, prefixes, ordinals = _markers()
    toks = folded.split()
    return bool(toks) and (toks[0] in ordinals or any(t in words or t.startswith(prefixes) for t in toks))


def _as_deputy(key: str | None, folded: str) -> str | None:
    """``key``, or the key of its deputy when the title says so (a role without one: 'deputy')."""
    if key is None or not _deputy_title(folded):
        return key
    entry = vocabulary()[key]
    if "deputy" in entry:
        return entry["deputy"]
    is_deputy = key == "deputy" or any(e.get("deputy") == key for e in vocabulary().values())
    return key if is_deputy else "deputy"


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

    An exact title wins; otherwise the longest known title inside it ('Chief Digital Officer bei …').
    A deputy's title gives the deputy role ('2. stellv. Bürgermeister' -> 'deputy_mayor')."""
    if not title:
        return None
    folded = fold(title)
    return _as_deputy(_base_key(folded), folded)


def _base_key(folded: str) -> str | None:
    titles, pattern = _index()
    if folded in titles:
        return titles[folded]
    if folded.replace(" ", "_") in vocabulary():
        return folded.replace(" ", "_")
    best = None
    for m in pattern.finditer(folded):
        if best is None or len(m.group(0)) > len(best):
            best = m.group(0)
    if best is None:
        # German compounds: 'Digitaldezernentin', 'Projektmanagerin Smart City' -> the longest title ending a word
        ends = _word_ends()
        for word in folded.split():
            for i in range(len(word) - _MIN_END + 1):  # the word's endings of 6+ characters, longest first
                key = ends.get(word[i:])
                if key is not None:
                    return key
        return None
    return titles[best]


_MIN_END = 6


@lru_cache(maxsize=1)
def _word_ends() -> dict[str, str]:
    """The one-word titles a compound may end in (6+ characters), by folded title: a word's endings are
    looked up, longest first, instead of sorting every title per word."""
    return {t: k for t, k in _index()[0].items() if " " not in t and len(t) >= _MIN_END}


def role_label(key: str | None) -> str | None:
    """English display name of a role key."""
    if not key:
        return None
    entry = vocabulary().get(key)
    return entry["label"] if entry else key


