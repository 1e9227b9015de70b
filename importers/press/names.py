"""Person-name boundaries: where a capitalized run holds a name and where the name ends."""

from __future__ import annotations

from .lexicon import LEX
from .places import adjective_base, known_place

#: Endings of German abstract and collective nouns: no surname ends so ('Darstellung', 'Gemeinschaft').
_NOUN_END = ("ung", "heit", "keit", "schaft", "ismus", "tion", "ität", "nisse", "chen")
#: Honorifics without their dot ('Dr', 'Prof', 'Herr'): never inside a name, they open the next one.
_HONORIFIC_WORDS = frozenset(h.split()[0].rstrip(".") for h in LEX.honorifics)


#: Nouns after 'zu' in set phrases ('zu Gast', 'zu Besuch'): 'Name zu Gast' is no name with a particle.
_ZU_IDIOMS = frozenset({"Gast", "Gästen", "Besuch", "Hause", "Ende", "Beginn", "Gunsten", "Fuß", "Recht", "Ehren"})



def _bad(tok: str, places: set[str]) -> bool:
    return tok in LEX.non_name or LEX.is_titleish(tok) or (tok in places and tok not in LEX.given)


#: Endings of an inflected '-isch' adjective ('Deutsch-Französischen', 'Bayerisches'): a body's name opens, no person's.
_ADJ_ENDS = ("ischen", "ischem", "isches")


#: Endings of nouns naming a body ('Pressestelle', 'Landesgruppe', 'Staatskanzlei', 'Regionalvereins', 'Kreisverband').
_BODY_NOUN_ENDS = ("stelle", "gruppe", "kanzlei", "landtag", "feuerwehr", "verein", "vereins", "verband", "verbands",
                   "verbandes", "kreis", "weingut", "gesellschaft", "kammer", "stiftung", "institut", "netzwerk", "agentur",
                   "büro", "amt", "amts", "amtes", "werke", "betrieb", "betriebe")


def _body_word(tok: str, places: set[str]) -> bool:
    """Whether a word opening a run without a first name reads as a body's: a derived noun, a body noun or a
    place's adjective ('Thüringer', 'Stralsunder')."""
    return _noun_like(tok) or tok.casefold().endswith(_BODY_NOUN_ENDS) or _demonym(tok, places) or _head_genitive(tok)


def _head_genitive(tok: str) -> bool:
    """A body's head noun in the genitive ('des Fachbereichs Finanzen', 'des Referates X'): no first name."""
    return tok.endswith("s") and (tok[:-1] in LEX.head_kinds or tok.endswith("es") and tok[:-2] in LEX.head_kinds)


def _demonym(tok: str, places: set[str]) -> bool:
    """Whether a token is a place's adjective ('Thüringer', 'Stralsunder')."""
    if not tok.endswith("er") or len(tok) < 6:
        return False
    base = adjective_base(tok)
    return bool(base) and base != tok and (base in places or base in LEX.countries_regions or known_place(base or "", 5000))


def _initial(tok: str) -> bool:
    """'F.': a middle initial."""
    return len(tok) == 2 and tok[1] == "." and tok[0].isupper()


def _noun_like(tok: str) -> bool:
    """Ends like a derived noun with a stem before the ending ('Leitung', not 'Jung')."""
    return tok.endswith(_NOUN_END) and any(tok.endswith(end) and len(tok) - len(end) >= 3 for end in _NOUN_END)


def _bad_surname(tok: str, places: set[str]) -> bool:
    return (tok in LEX.non_name or LEX.is_titleish(tok) or _noun_like(tok) or (tok.isupper() and len(tok) < 3)
            or tok in LEX.head_kinds or tok in LEX.municipal_heads or tok in places)


def clean_name(raw: str, places: set[str]) -> str | None:
    """The person name in a capitalized run; see ``_clean_name`` (answers kept per run and the run's tokens that
    are places: ``_clean_name`` asks ``places`` only about those)."""
    toks = raw.split()
    multi = frozenset(p for p in places if " " in p and p in raw) if len(toks) > 2 else frozenset()
    key = (raw, frozenset(t for t in toks if t in places) | multi)
    hit = _CLEANED.get(key, _MISSING)
    if hit is _MISSING:
        if len(_CLEANED) >= 1 << 14:
            _CLEANED.clear()
        # the words of a town of several words ('Stadt Sankt Augustin Max Muster') are place words too
        hit = _CLEANED[key] = _clean_name(raw, places | {t for p in multi for t in p.split()} if multi else places)
    return hit if isinstance(hit, str) else None


_CLEANED: dict[tuple[str, frozenset[str]], object] = {}
_MISSING = object()


def _clean_name(raw: str, places: set[str]) -> str | None:
    """The person name in a capitalized run ('Trainer Thomas Tuchel Biografie' -> 'Thomas Tuchel'), else None.

    The name starts at its first first name (tokens before it, nouns and titles, are dropped) or, when no
    first name is known, at the first token that is no title, noun or place; it takes further first names,
    name particles ('von der') and one surname, and ends there."""
    toks = raw.split()
    if len(toks) < 2:
        return None
    start = next((i for i, t in enumerate(toks[:-1]) if t in LEX.given), None)
    if start is None:
        if toks[0].endswith(_ADJ_ENDS):
            return None  # 'Deutsch-Französischen Bürgerfond': a body's name, no person's
        if _body_word(toks[0], places) or toks[-1] in LEX.countries_regions or toks[-1].casefold().endswith(_BODY_NOUN_ENDS):
            return None  # 'Neuhafener Feuerwehr', 'Regionalentwicklung Oberland', 'Landesgruppe Sachsen': a body
        start = 0
        while start < len(toks) - 1 and _bad(toks[start], places):
            start += 1
        if _body_word(toks[start], places):
            return None  # 'Regionalentwicklung Oststeiermark', 'Thüringer Landtag', 'Pressestelle X': a body's name
    toks = toks[start:]
    cut = next((k for k, t in enumerate(toks) if k and t.rstrip(".") in _HONORIFIC_WORDS), None)
    if cut is not None:  # 'Landrat Udo Brennecke Dr. Ilse …': an honorific opens the next name
        toks = toks[:cut]
    i = 1
    while i < len(toks) - 1 and (toks[i] in LEX.given or _initial(toks[i])) and i < 3:
        i += 1
    j = i
    while j < len(toks) - 1 and toks[j][:1].islower():
        j += 1  # particles: 'von der Leyen', but not 'von der Stabsstelle'
    if j > i and (_bad_surname(toks[j], places) or (toks[i:j] == ["zu"] and toks[j] in _ZU_IDIOMS)):
        toks = toks[:i]
    elif j == i and i > 1 and j < len(toks) and LEX.is_titleish(toks[j]) and not _initial(toks[i - 1]):
        toks = toks[:i]  # 'Jens Werner Bürgermeister von X': a surname that is also a first name, then a title
    else:
        toks = toks[: j + 1]
    if len(toks) < 2:
        return None
    if len(toks) > 2 and toks[-1] in places and toks[-1] not in LEX.given and toks[-2][:1].isupper():
        toks = toks[:-1]  # 'Helmuth Müller Wörgl': the name, then the story's town it is from
    surname = toks[-1]
    if len(toks) < 2 or any(_bad(t, places) for t in toks[:-1] if t[:1].isupper()):
        return None
    if _bad_surname(surname, set()):
        return None
    if surname in places and toks[0] not in LEX.given:
        return None
    name = " ".join(toks)
    if name in places or (len(toks) == 2 and known_place(name, 1000)):
        return None  # 'Satu Mare', 'Santa Catarina': a town whose words read as a first name and a surname
    return name
