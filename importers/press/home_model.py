"""A small learned ranking of the story's own place ("home") over the rules' pick.

The story's home is the town or county whose press office or local paper tells the story: the default body
of untitled titles, the own side of partnerships, the default host of visits. The rules
(``VisitSides._story_place`` and ``home_county``) pick one place by a fixed order of cues. This module turns
each place the story names (and the rules' pick) into general features (how often and how early it is named,
the dateline, 'der Stadt X', 'aus X', 'nach X', 'in X', a partner's or abroad introduction, demonym
adjectives, titles bound to it, county or town, a foreign country, which cue of the rules picked it) and a
logistic model whose weights ship as ``home_model.json`` (trained on the development articles by
``eval/press/train_home.py``) scores each. The rules' pick is kept unless the best other place scores at least
``margin`` higher (chosen by cross-validation over articles). Deterministic: candidates in text order, ties
by first mention.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from .gazetteer import countries, population
from .lexicon import LEX
from .weights import load_weights, logistic

MODEL_PATH = Path(__file__).with_name("home_model.json")

#: Cues in the few words before a place's name.
_KIND_BEFORE = re.compile(r"\b(?:Stadt|Gemeinde|Markt|Marktgemeinde|Stadtgemeinde|Kreisstadt|Hansestadt|Landeshauptstadt|"
                          r"Universitätsstadt|Stadtverwaltung|Kommune)\s+$")
_COUNTY_BEFORE = re.compile(r"\b(?:Landkreis(?:es)?|Kreis(?:es)?|Bezirk(?:s|es)?|Kanton(?:s)?)\s+$")
_FROM_BEFORE = re.compile(r"\baus\s+(?:dem\s+|der\s+|den\s+)?(?:[a-zäöü][\w-]*\s+)?$")
_TO_BEFORE = re.compile(r"\b(?:nach|ins|in\s+die)\s+(?:[a-zäöü][\w-]*\s+)?$")
_IN_BEFORE = re.compile(r"\b(?:in|im)\s+(?:der\s+)?(?:[a-zäöü][\w-]*\s+)?$")
_PARTNER_BEFORE = re.compile(r"Partner\w*\s+(?:(?:von|der|des|im|in)\s+)?(?:[a-zäöü][\w-]*\s+){0,2}$")
_ABROAD_BEFORE = re.compile(r"\b[a-zäöü]+ischen\s+(?:(?:Stadt|Gemeinde|Kreisstadt|Kleinstadt|Hauptstadt|Region)\s+)?$")
_TITLE_BEFORE = re.compile(r"(?:[Bb]ürgermeister(?:in)?|Landr(?:at|ätin)|Stadtpräsident(?:in)?|Gemeindepräsident(?:in)?|"
                           r"Landeshauptmann|Bezirkshauptmann|Stadtrat|Gemeinderat|Kreistag|Rathaus)\w*\s+"
                           r"(?:(?:von|der|des|aus)\s+)?(?:(?:Stadt|Gemeinde|Kreises|Landkreises|Marktgemeinde)\s+)?$")
_GUESTS_BEFORE = re.compile(r"(?:Delegation|Abordnung|Gäste|Gästen|Besucher\w*|Gruppe|Vertreter\w*)\s+(?:aus|von)\s+"
                            r"(?:dem\s+|der\s+|den\s+)?(?:[a-zäöü][\w-]*\s+)?$")
#: A demonym adjective right after the name's 'er' and the word it qualifies ('Xer Bürgermeister', 'Xer Delegation').
_DEMONYM_TITLE = re.compile(r"\s+(?:Ober)?(?:[Bb]ürgermeister|Landr|Stadt|Gemeinde|Rathaus|Verwaltung|Kreis)")
_DEMONYM_GUESTS = re.compile(r"\s+(?:Delegation|Abordnung|Gäste|Besucher|Gruppe)")
_HOME_COUNTRIES = frozenset({"DE", "AT", "CH", "IT", "BE", "LI", "LU"})
_CUES = ("kind", "county_word", "from", "to", "in", "partner", "abroad", "title", "guests", "demonym", "demonym_title",
         "demonym_guests", "bracketed")
#: The rules' ways of picking (``_story_place``'s branches and the county step).
VIAS = ("dateline", "host", "guest", "trip", "subject", "press", "most", "county")


def load_model(path: str = str(MODEL_PATH)) -> dict[str, Any] | None:
    """The shipped weights and margin (None when the file is missing: the rules' pick stays)."""
    return load_weights(path)


def _spots(text: str, place: str) -> list[tuple[int, str]]:
    """Start positions of ``place`` as a word, each with its ending ('' or 'er' of a demonym, 's' of a genitive)."""
    out: list[tuple[int, str]] = []
    if not place:
        return out
    at = text.find(place)
    while at >= 0:
        end = at + len(place)
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-"):
            tail = text[end:end + 3]
            if end == len(text) or not (text[end].isalpha() or text[end] == "-"):
                out.append((at, ""))
            elif tail[:2] == "er" and not tail[2:3].isalpha():
                out.append((at, "er"))
            elif tail[:1] == "s" and not tail[1:2].isalpha():
                out.append((at, "s"))
        at = text.find(place, end)
    return out


def _all_spots(text: str, place: str) -> list[tuple[int, str]]:
    """``_spots`` of ``place`` and of the demonym stem of a place in -en ('Kitzinger' of 'Kitzingen'), in text order."""
    spots = _spots(text, place)
    if place.endswith("en") and len(place) > 4:
        spots += [(at, "er") for at, tail in _spots(text, place[:-1] + "r") if tail == ""]
    return sorted(spots)


def text_cues(text: str, place: str) -> dict[str, int]:
    """How often each cue stands next to ``place`` in ``text``."""
    c = dict.fromkeys(_CUES, 0)
    for at, tail in _all_spots(text, place):
        before = text[max(0, at - 45):at]
        if tail == "er":
            c["demonym"] += 1
            end = at + len(place)
            while end < len(text) and text[end].isalpha():
                end += 1  # past the demonym's ending
            after = text[end:end + 30]
            c["demonym_title"] += _DEMONYM_TITLE.match(after) is not None
            c["demonym_guests"] += _DEMONYM_GUESTS.match(after) is not None
            continue
        # each pattern only where its words can be (a substring test first: asked for every mention)
        c["kind"] += _KIND_BEFORE.search(before) is not None
        c["county_word"] += ("reis" in before or "ezirk" in before or "anton" in before) and _COUNTY_BEFORE.search(before) is not None
        c["from"] += "aus " in before and _FROM_BEFORE.search(before) is not None
        c["to"] += ("nach " in before or "in" in before) and _TO_BEFORE.search(before) is not None
        c["in"] += ("in " in before or "im " in before) and _IN_BEFORE.search(before) is not None
        c["partner"] += "Partner" in before and _PARTNER_BEFORE.search(before) is not None
        c["abroad"] += "ischen " in before and _ABROAD_BEFORE.search(before) is not None
        c["title"] += _TITLE_BEFORE.search(before) is not None
        c["guests"] += ("aus " in before or "von " in before) and _GUESTS_BEFORE.search(before) is not None
        c["bracketed"] += text.startswith(")", at + len(place)) and before.endswith("(")
    return c


def features(place: str, *, text: str, heading: str, n_sents: int, counts: dict[str, int], first: dict[str, int],
             pick: str | None, via: str | None, dateline: str | None, county: bool, county_story: bool,
             seat_of_county: bool, partner_sent: bool, sides: list[tuple[str | None, str | None]] | None = None,
             county_words: int = 0, mayors: int = 0) -> dict[str, float]:
    """The features of one candidate ``place`` (see the module)."""
    f: dict[str, float] = {}
    n = counts.get(place, 0)
    total = sum(counts.values()) or 1
    top = max(counts.values(), default=0)
    f["log_count"] = math.log1p(n)
    f["share"] = n / total
    f["top"] = 1.0 if n and n == top else 0.0
    f["unnamed"] = 1.0 if not n else 0.0
    if place in first:
        f["first_pos"] = first[place] / max(1, n_sents)
        f["first_sent"] = 1.0 if first[place] == 0 else 0.0
    else:
        f["first_pos"] = 1.0
    f["heading"] = 1.0 if heading and _all_spots(heading, place) else 0.0
    f["dateline"] = 1.0 if dateline and place == dateline else 0.0
    f["other_dateline"] = 1.0 if dateline and place != dateline else 0.0
    for k, v in text_cues(text, place).items():
        if v:
            f[f"c_{k}"] = math.log1p(v)
    f["partner_sent"] = 1.0 if partner_sent else 0.0
    f["county"] = 1.0 if county else 0.0
    f["county_story"] = 1.0 if county and county_story else 0.0
    f["town_in_county_story"] = 1.0 if not county and county_story else 0.0
    f["seat"] = 1.0 if seat_of_county else 0.0
    if sides:
        as_guest = sum(1 for g, _h in sides if g == place)
        as_host = sum(1 for _g, h in sides if h == place)
        if as_guest:
            f["v_guest"] = math.log1p(as_guest)
        if as_host:
            f["v_host"] = math.log1p(as_host)
        f["v_first_guest"] = 1.0 if sides[0][0] == place else 0.0
        f["v_first_host"] = 1.0 if sides[0][1] == place else 0.0
    officials = math.log1p(county_words) - math.log1p(mayors)  # a county's officials against a town's
    f["county_officials" if county else "town_officials"] = officials
    region = place in LEX.countries_regions
    f["region"] = 1.0 if region else 0.0
    cc = countries().get(place)
    f["foreign"] = 1.0 if not region and cc is not None and cc not in _HOME_COUNTRIES else 0.0
    pop = population(place)
    f["log_pop"] = math.log10(1 + pop) / 7 if pop else 0.0
    if pick is not None and place == pick:
        f["pick"] = 1.0
        f[f"via_{via}"] = 1.0
    return f


def choose(pick: str | None, rows: list[tuple[str, dict[str, float]]], model: dict[str, Any] | None) -> str | None:
    """The home kept: the rules' ``pick`` unless another candidate scores ``margin`` more (first best by order)."""
    if model is None or not rows:
        return pick
    scored = [(logistic(feats, model), i, p) for i, (p, feats) in enumerate(rows)]
    best = max(scored, key=lambda t: (t[0], -t[1]))
    base = next((s for s, _i, p in scored if p == pick), 0.0)
    if best[2] != pick and best[0] >= base + float(model.get("margin", 1.0)):
        return best[2]
    return pick
