"""Bodies of the places a story names (municipalities, counties, bare known places), its release date and
its home place: the base of the visit and twinning rules (a mixin of ``StoryExtractor``)."""

from __future__ import annotations

import re
from typing import Any

from .lexicon import LEX, UP, _trie
from .orgs import OrgM, find_orgs, municipality, role_key
from .places import dateline_place, place_form, word_re
from .facts import LinkF
from .text import Segment, find_date

#: The municipal head words ('Stadt', 'Gemeinde', 'Landkreis') as one alternation.
_MUNI_HEADS = _trie(LEX.municipal_heads)
_BODY_DATELINE = re.compile(rf"^(?:Landkreis|Kreis|Stadt|Gemeinde|Markt|Marktgemeinde)\s+(?P<p>{LEX.place_name})\s*(?:\.|\s[–—-]|:)\s")
#: Where a place name can start: a capital at the start of a word.
_CAP_AT = re.compile(rf"[{UP}](?<!\w.)")  # = (?<!\w)[UP], the guard after the capital: re skips ahead to capitals
_CAP = re.compile(rf"[{UP}]")
_PLACE_TAIL = re.compile(r"s?\b")
#: A hyphen compound after a place: 'X-Platz', 'X-Straße' name no place.
_COMPOUND = re.compile(r"-[^\W\d_]")
_SURNAME_NEXT = re.compile(rf"\s+[{UP}][a-zäöüß]")
_IN_COUNTRY = re.compile(r"\s+(?:in der|in den|im|in)\s+(?P<c>\S.*)$")
_SIGNATURE = re.compile(r"\b(?:Presse\w*|Pressestelle|Öffentlichkeitsarbeit|Stadtverwaltung|Gemeindeverwaltung|Landratsamt)\b")


def _first_name_at(text: str, org: OrgM) -> bool:
    """Whether a body's place is a first name before a surname ('des Landkreises A, Ole Brandes')."""
    return bool(org.place in LEX.given and org.place and text.endswith(org.place, 0, org.end) and _SURNAME_NEXT.match(text, org.end))


class BodyRules:
    """Mixin of ``StoryExtractor``: the bodies of places, the release date and the home place of a story."""

    places: set[str]
    facts: Any
    subject: list[OrgM]
    city: str | None
    #: The place the rules' story-city cues pick (a visit's host first): the visits' default host, while
    #: ``city`` (the home model's choice, ``home_model``) is the home of titles and partnerships.
    venue: str | None = None
    year_hint: str | None

    seg: Segment
    actor: OrgM | None

    @property
    def bodies(self) -> list[OrgM]:
        """The municipal bodies the story names (``StoryExtractor`` finds them)."""
        raise NotImplementedError

    def _link(self, typ: str, a: OrgM | None, b: OrgM | None, q: str, rule: str) -> None:
        if a is not None and b is not None and a.key != b.key and a.name != b.name:
            self.facts.links.append(LinkF(typ, a, b, q, rule, 0.75 if self.seg.teaser else 0.8))
            self.actor = a

    # ---- bodies of places -----------------------------------------------------------------
    def body(self, place: str, title: str | None = None) -> OrgM:
        """The body of ``place`` as the story names it ('Landkreis X' when only that is named, or for a Landrat)."""
        place = place_form(place, self.places)
        longer = sorted((p for p in self.places if p.endswith(" " + place) and p.split()[0] in LEX.place_prefixes), key=len)
        if longer:
            place = longer[-1]  # 'Homburg' of a story about 'Bad Homburg'
        county = role_key(title) in LEX.county_roles if title else False
        named = self._bodies_of(place)
        pick = [o for o in named if (o.name.split()[0] in LEX.county_heads) == county]
        if pick:
            return pick[0]
        if named and not county and all(o.name.split()[0] in LEX.county_heads for o in named):
            return named[0]
        return municipality(place, "Landkreis") if county and named else municipality(place)

    def _bodies_of(self, place: str) -> list[OrgM]:
        """The distinct bodies of ``place`` the story names, first mention first (indexed once)."""
        index = self.__dict__.get("_body_index")
        if index is None or index[0] is not self.bodies:
            by_place: dict[str, dict[str, OrgM]] = {}
            for o in self.bodies:
                by_place.setdefault(o.place or "", {}).setdefault(o.name, o)
            index = (self.bodies, {p: list(d.values()) for p, d in by_place.items()})
            self.__dict__["_body_index"] = index
        return index[1].get(place, [])

    def _countryless(self, org: OrgM) -> OrgM:
        """``org`` without a country its name was read with ('Gemeinde X in der Schweiz' is the Gemeinde X)."""
        m = _IN_COUNTRY.search(org.place or "")
        if m is None or m.group("c") not in LEX.countries_regions:
            return org
        place = org.place[: m.start()] if org.place else ""
        self.places.add(place)
        return municipality(place, org.name.split()[0]) if org.name.split()[0] in LEX.municipal_heads else self.body(place)

    def _munis(self, text: str, offset: int = 0) -> list[tuple[int, OrgM]]:
        """Municipal bodies and bare places of ``text`` with positions, in order."""
        out = [(o.start + offset, self._countryless(o).at(o.start + offset, o.end + offset))
               for o in find_orgs(text, self.places) if o.kind == "municipality" and not _first_name_at(text, o)]
        spans = [(o.start, o.end) for _s, o in out]
        for start, end, p in self._mentions(text):
            at = start + offset
            if p in LEX.given and _SURNAME_NEXT.match(text, end) and not any(q.startswith(p + " ") for q in self.places):
                continue  # 'Landrat Ole Brandes': a first name, not the place of that name ('San Damiano' is one)
            if not any(s <= at < e for s, e in spans):
                out.append((at, self.body(p).at(at, end + offset)))
        return sorted(out, key=lambda x: x[0])

    def _mentions(self, text: str, prefix: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, place) of the known places ``text`` names, by position (longer names first at one
        position), in one scan of the text's capitals rather than one search per place. A mention starts a
        word; it ends a word but for a genitive 's' ('Neuhafens'), or, with ``prefix``, may go on ('Neuhafener').
        Without ``prefix`` a place right after a hyphen or before one ('X-Platz') is none, and one place's
        mentions do not overlap."""
        kept = self.__dict__.get("_place_index")
        if kept is None or kept[0] != self.places:
            by_key: dict[str, list[str]] = {}
            odd: list[str] = []  # names not starting with a capital: searched one by one
            for p in sorted(self.places, key=lambda p: (-len(p), p)):
                if len(p) >= 2 and _CAP.match(p):
                    by_key.setdefault(p[:2], []).append(p)
                else:
                    odd.append(p)
            kept = self.__dict__["_place_index"] = (set(self.places), by_key, odd)
        _seen, by_key, odd = kept
        out: list[tuple[int, int, str]] = []
        last: dict[str, int] = {}
        for cap in _CAP_AT.finditer(text):
            i = cap.start()
            cands = by_key.get(text[i:i + 2])
            if cands is None or (not prefix and i and text[i - 1] == "-"):
                continue
            for p in cands:
                if not text.startswith(p, i):
                    continue
                if prefix:
                    out.append((i, i + len(p), p))
                elif i >= last.get(p, 0) and (tail := _PLACE_TAIL.match(text, i + len(p))) is not None and not _COMPOUND.match(text, tail.end()):
                    out.append((i, tail.end(), p))
                    last[p] = tail.end()
        for p in odd:
            if p in text:
                pat = word_re(p, "", r"\b") if prefix else word_re(p, r"s?\b")
                out += [(m.start(), m.end(), p) for m in pat.finditer(text)]
        if odd:
            out.sort(key=lambda x: x[0])
        return out

    def _release_date(self) -> str | None:
        """The release date: the story's, else its dateline's ('Kempten, 12.05.2023.'), else one a closing
        signature line gives ('Pressestelle / 21.05.2019')."""
        if self.year_hint and len(self.year_hint) >= 10:
            return self.year_hint
        kept = self.__dict__.get("_signed")
        if kept is None:
            kept = self.__dict__["_signed"] = [self.year_hint]
            for line in self.seg.lines[:6]:  # 'Kempten, 12.05.2023. …': a dateline's date
                hit = find_date(line[:40]) if dateline_place(line) else None
                if hit and len(hit[0]) == 10 and hit[1] < 30:
                    kept[0] = hit[0]
                    return kept[0]
            for line in reversed(self.seg.lines[-8:]):
                if len(line) <= 120 and _SIGNATURE.search(line):
                    hit = find_date(line)
                    if hit and len(hit[0]) == 10:
                        kept[0] = hit[0]
                        break
        return kept[0]

    def _home_place(self) -> str | None:
        """The place of the story's dateline, the press office's city."""
        for line in self.seg.lines[:6]:
            dl = dateline_place(line)
            if dl:
                return dl
            body = _BODY_DATELINE.match(line)  # 'Kreis Lippe. Landrat X …', 'Landkreis Harburg – …'
            if body and body.group("p") in self.places:
                return body.group("p")
        return None
