"""States named by their official names ('des Haschemitischen Königreichs Jordanien' is Jordanien) and their
missions ('die Botschaft der Republik Polen', 'das ungarische Generalkonsulat'): the bodies envoys serve.
The names come from open data (``states.tsv``: pycountry's German official names); only the grammar is ours."""

from __future__ import annotations

import re
from functools import cache

from .gazetteer import states
from .lexicon import LEX, LO, UP
from .org_grammar import nominative_noun
from .org_mention import OrgM
from .places import fold
from .scanning import cue_finditer

#: The head nouns of official state names, as substrings (the scan runs only where one occurs).
_CUES = ("önigreich", "epublik", "ürstentum", "erzogtum", "ultanat", "mirat", "öderation", "Staaten", "Commonwealth")
_CUE_RE = re.compile("|".join(_CUES))
_WORD = re.compile(r"[\w]+(?:-[\w]+)*")
_ENDS = ("es", "en", "er", "em", "e", "s")
_SKIP = frozenset({"von", "der", "des"})
#: A mission of a state: the noun, then 'des/der/von' + the state, or the state's genitive ('Botschaft Schwedens').
_MISSION = re.compile(r"(?P<m>(?:General|Honorar|Vize)?[Kk]onsulat|Botschaft|Gesandtschaft)(?:e?s)?(?![\w-])")
_MISSION_OF = re.compile(rf"\s+(?:(?P<j>des|der|von)\s+)?(?P<c>[{UP}][{LO}]+(?:\s[{UP}][{LO}]+)?)")
_MISSION_ADJ = re.compile(rf"(?<![\w-])(?P<adj>[{UP}{LO}][{LO}]+)(?:e|en|es|er|em)\s+(?P<m>(?:General|Honorar|Vize)?[Kk]onsulat|Botschaft)"
                          r"(?:e?s)?(?![\w-])")


def _stem(word: str) -> str:
    """A word folded and stripped of one inflection ending ('Königreichs' and 'Königreich' alike)."""
    w = word.casefold()
    for end in _ENDS:
        if len(w) > 5 and w.endswith(end):
            return w[: -len(end)]
    return w


def _key(words: list[str]) -> str:
    return " ".join(_stem(w) for w in words if w not in _SKIP)


@cache
def _official() -> dict[str, tuple[str, str]]:
    """Stemmed official names ('königreich schwed') -> (German name, official name), where the two differ."""
    out: dict[str, tuple[str, str]] = {}
    for _code, name, official in states():
        if official != name and len(official.split()) > 1:
            out[_key(official.split())] = (name, official)
    return out


@cache
def _by_adjective() -> dict[str, str]:
    """Country adjectives ('schwedisch') -> the country's German name ('Schweden')."""
    names = {code: name for code, name, _o in states()}
    return {adj: names[code] for adj, code in LEX.country_adjectives.items() if code in names}


def country_of_adjective(adj: str) -> str | None:
    """The German name of the country an adjective names ('schwedische' -> 'Schweden'), else None."""
    return _by_adjective().get(adj.casefold())


def _countries() -> frozenset[str]:
    return frozenset(name for _c, name, _o in states())


def state_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, German name, official name) of each state ``text`` names by its official name, the longest
    reading at each head noun ('Republik Polen', 'der Französischen Republik', 'Königreichs von Schweden')."""
    if _CUE_RE.search(text) is None:
        return []
    table = _official()
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    out: list[tuple[int, int, str, str]] = []
    last_end = -1
    for i, (s, _e, w) in enumerate(words):
        if s < last_end or not any(c in w for c in _CUES):
            continue
        best = None
        for j in range(max(0, i - 2), i + 1):
            for k in range(min(len(words), i + 5), i, -1):
                span = [x[2] for x in words[j:k]]
                if span[0] in _SKIP or span[-1] in _SKIP:
                    continue
                hit = table.get(_key(span))
                if hit and (best is None or words[k - 1][1] - words[j][0] > best[1] - best[0]):
                    best = (words[j][0], words[k - 1][1], *hit)
            if best:
                break
        if best and best[0] > last_end:
            out.append(best)
            last_end = best[1]
    return out


def missions(text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, mission name, German name of its state) of the missions ``text`` names: 'Botschaft des
    Königreichs X' (a state of ``found``), 'Generalkonsulat von X', 'Botschaft Xs', 'das xische Generalkonsulat'."""
    if "otschaft" not in text and "onsulat" not in text and "esandtschaft" not in text:
        return []
    countries = _countries()
    starts = {s: (e, name) for s, e, name, _o in found}
    out: list[tuple[int, int, str, str]] = []
    for m in _MISSION.finditer(text):
        of = _MISSION_OF.match(text, m.end())
        if of is None:
            continue
        noun = m.group("m")[:1].upper() + m.group("m")[1:]
        state = starts.get(of.start("j") if of.group("j") else of.start("c"))
        if state is None and of.group("j"):
            state = starts.get(of.start("c"))
        if state is not None:
            out.append((m.start(), state[0], f"{noun} {state[1]}", state[1]))
            continue
        c = of.group("c").split()[0] if " " in of.group("c") and of.group("c") not in countries else of.group("c")
        bare = c[:-1] if of.group("j") is None and c.endswith("s") else c
        if bare in countries and (of.group("j") in ("von", None)) and (of.group("j") or c != bare):
            out.append((m.start(), of.start("c") + len(c), f"{noun} {bare}", bare))  # 'Botschaft von X', 'Botschaft Xs'
    adjs = _by_adjective()
    for m in _MISSION_ADJ.finditer(text):
        country = adjs.get(m.group("adj").casefold())
        if country:
            noun = m.group("m")[:1].upper() + m.group("m")[1:]
            out.append((m.start(), m.end(), f"{noun} {country}", country))
    return sorted(out)


@cache
def state_adjective(adj: str) -> bool:
    """Whether an -isch adjective names a state or country ('hessisch' of Hessen, 'sächsisch' of Sachsen)."""
    stem = fold(adj)[:-4] if fold(adj).endswith("isch") else fold(adj)[:-3]
    return adj.casefold() in LEX.country_adjectives or (len(stem) >= 4 and any(fold(r).startswith(stem) for r in LEX.countries_regions))


#: A party by a name of several words ('Bündnis 90/Die Grünen', 'Freie Wähler'), as the party writes it.
_LONG_PARTY = re.compile(r"(?<![\w/-])(?:" + "|".join(re.escape(p) for p in sorted(LEX.parties, key=len, reverse=True)
                                                    if " " in p or "/" in p) + r")(?![\w/-])")
#: The parties of several words as written (a substring test before ``_LONG_PARTY``'s scan).
_LONG_NAMES = tuple(p for p in sorted(LEX.parties) if " " in p or "/" in p)
_PARTY_ALT = "|".join(re.escape(p) for p in sorted(LEX.parties, key=len, reverse=True) if " " not in p)
#: A party's group in a council or parliament: 'CSU-Kreistagsfraktion', 'SPD-Fraktion', 'Fraktion der Grünen'.
_FACTION = re.compile(rf"(?<![\w/-])(?P<party>{_PARTY_ALT})-(?P<f>(?:[{UP}][{LO}]+)?[fF]raktion)(?![\w-])"
                      rf"|(?<![\w-])(?P<f2>(?:[{UP}][{LO}]+)?[fF]raktion)\s+(?:der|von)\s+(?P<party2>{_PARTY_ALT})(?![\w/-])")


def party_mentions(text: str) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, name, its party, the form written) of parties named by several words and of party groups
    ('die CSU-Kreistagsfraktion': a body of the CSU; 'Fraktion der SPD' is the SPD-Fraktion)."""
    long = any(p in text for p in _LONG_NAMES)
    if not long and "raktion" not in text:
        return []
    out: list[tuple[int, int, str, str | None, str | None]] = [(m.start(), m.end(), m.group(0), None, None)
                                                               for m in (_LONG_PARTY.finditer(text) if long else ())]
    for m in cue_finditer(_FACTION, text, "raktion") if "raktion" in text else ():  # every group names its '…raktion' in one token
        party = m.group("party") or m.group("party2")
        name = f"{party}-{m.group('f') or nominative_noun(m.group('f2'))}"
        out.append((m.start(), m.end(), name, "Grüne" if party == "Grünen" else party, m.group(0) if m.group(0) != name else None))
    return out


def party_bodies(text: str) -> list[OrgM]:
    """Parties named by several words, and party groups ('die CSU-Kreistagsfraktion': a body of the CSU)."""
    return [OrgM(name, "party", None, OrgM(party, "party") if party else None, [alias] if alias else [], start, end)
            for start, end, name, party, alias in party_mentions(text)]


def state_bodies(text: str) -> list[OrgM]:
    """States by official name ('des Königreichs X': the state X, its official name an alias) and their missions
    ('Botschaft der Republik X', 'das xische Generalkonsulat'): a mission is a body of its state."""
    found = state_mentions(text)
    out = [OrgM(name, "government", name, None, [official, text[s:e]], s, e) for s, e, name, official in found]
    for s, e, name, country in missions(text, found):
        out.append(OrgM(name, "government", country, OrgM(country, "government", country), [text[s:e]], s, e))
    return out
