"""Person-name boundaries: where a capitalized run holds a name and where the name ends."""

from __future__ import annotations

from .lexicon import LEX

#: Endings of German abstract and collective nouns: no surname ends so ('Darstellung', 'Gemeinschaft').
_NOUN_END = ("ung", "heit", "keit", "schaft", "ismus", "tion", "ität", "nisse", "chen")


def is_given(tok: str) -> bool:
    """Whether ``tok`` is a first name of the open list ('Karl-Heinz': each part)."""
    return tok in LEX.given or ("-" in tok and all(p in LEX.given for p in tok.split("-")))


def _bad(tok: str, places: set[str]) -> bool:
    return tok in LEX.non_name or LEX.is_titleish(tok) or (tok in places and not is_given(tok))


def clean_name(raw: str, places: set[str]) -> str | None:
    """The person name in a capitalized run ('Trainer Thomas Tuchel Biografie' -> 'Thomas Tuchel'), else None.

    The name starts at its first first name (tokens before it, nouns and titles, are dropped) or, when no
    first name is known, at the first token that is no title, noun or place; it takes further first names,
    name particles ('von der') and one surname, and ends there."""
    toks = raw.split()
    if len(toks) < 2:
        return None
    start = next((i for i, t in enumerate(toks[:-1]) if is_given(t)), None)
    if start is None:
        start = 0
        while start < len(toks) - 1 and _bad(toks[start], places):
            start += 1
    toks = toks[start:]
    i = 1
    while i < len(toks) - 1 and is_given(toks[i]) and i < 3:
        i += 1
    while i < len(toks) - 1 and toks[i][:1].islower():
        i += 1  # particles
    toks = toks[: i + 1]
    surname = toks[-1]
    if len(toks) < 2 or any(_bad(t, places) for t in toks[:-1] if t[:1].isupper()):
        return None
    if surname in LEX.non_name or LEX.is_titleish(surname) or surname.endswith(_NOUN_END) or surname.isupper() and len(surname) < 3:
        return None
    if surname in places and not is_given(toks[0]):
        return None
    return " ".join(toks)
