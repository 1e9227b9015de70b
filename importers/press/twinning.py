"""Twinning rules of the press importer: 'Partnerstadt X', 'Städtepartnerschaft zwischen A und B', the
partner city a visit story names (a mixin of ``StoryExtractor``)."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import LEX, NB, UP, _trie
from .scanning import WordStart
from .orgs import OrgM, find_orgs, municipality
from .places import adjective_base, is_place_word, known_place, place_form
from .facts import EventF, quote
from .bodies import _MUNI_HEADS, BodyRules
from .twinlists import COUNTRY_ADJ, place_run, town_form

LO_ = "a-zäöüß"
#: Any twinning word ('Partnerstadt', 'Städtefreundschaft', 'partnerschaftlich verbunden').
_TWIN_ANY = re.compile(rf"{_trie(LEX.twinning_words, NB)}(?![\w-])")
#: _TWIN_ANY searched from the character before the word (same matches and ends), for whether and where one ends.
_TWIN_AT = WordStart(rf"{_trie(LEX.twinning_words)}(?![\w-])")
_BETWEEN = re.compile(r"z(?<!\w.)wischen\s+")  # \bzwischen, with re skipping ahead to the z
_BODY_WORDS = r"(?:Partnerstädten|Städten|Gemeinden|Kommunen|Landkreisen|Kreisen|Stadt|Gemeinde|Landkreis|Kreis)"
#: 'zwischen (den Partnerstädten) A und B' in a twinning sentence: both sides are places, known or not.
_BETWEEN_PLACES = re.compile(rf"\b[Zz]wischen\s+(?:(?:den|der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:{_BODY_WORDS}\s+)?(?P<a>{LEX.place_name})"
                             rf"\s+und\s+(?:(?:der|dem|den)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:{_BODY_WORDS}\s+)?(?P<b>{LEX.place_name})")
_TWIN_OBJECT = re.compile(rf"\s+(?:(?:mit|der|des|von|zu|zur|zum)\s+)?(?:(?:der|dem|den)\s+)?(?:{COUNTRY_ADJ}\s+(?=(?:{_MUNI_HEADS})\s))?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})")
#: What follows a demonym used as an adjective: its plural body noun ('Luzerner Gemeinden', 'Xer und Yer Städte').
_ATTRIBUTIVE = re.compile(rf"\s+(?:und\s+[{UP}][\w-]*er\s+)?(?:Gemeinden|Städte|Städten|Kommunen|Kreise|Landkreise|Partner)\b")
_DEMONYM_BEFORE = re.compile(rf"(?P<adj>[{UP}][\w-]*[{LO_}]er)\s+$")
#: What may follow a twinning word's first town when a list goes on: a comma, 'und'/'sowie', a country or a year.
_LIST_GOES_ON = re.compile(r"\s*(?:,|und\s|sowie\s|\(|in\s|aus\s|seit\s)")
_CLAUSE = re.compile(r"[.;:!?]|,\s+(?:die|der|das|wo|wie|als|weil|dass)\b|\s[–—-]\s")
#: A 'mit' object right before a twinning word: 'mit der polnischen Stadt X eine | Städtepartnerschaft', 'mit X durch eine | …'.
#: An impersonal verb between them ('Mit der Hafenstadt X besteht seit 20 Jahren eine | …partnerschaft'): the owner is implied.
_WITH_BEFORE = re.compile(rf"\b[Mm]it\s+(?:(?:der|dem|den)\s+)?(?:{COUNTRY_ADJ}\s+)?(?:(?:{_MUNI_HEADS}|[{UP}][{LO_}]+(?:stadt|gemeinde|dorf))\s+)?"
                          rf"(?P<p>{LEX.place_name})\s+(?:(?:besteht|bestand|bestehen|existiert|gibt\s+es)\s+(?:[^\s,;:]+\s+){{0,5}}?)?"
                          rf"(?:(?:seit|im\s+Jahr)\s+\d{{4}}\s+)?(?:(?:durch|über)\s+)?(?:eine|einen|ein|die|ihre|seine)\s+(?:[a-zäöü][\w-]*\s+)?$")
_PLACE_BEFORE = re.compile(rf"(?<![\w-])(?P<a>{LEX.place_name})\s+$")
#: The partner after 'Partnerschaft von A': '… mit der deutschen Stadt B'.
_WITH_AFTER = re.compile(rf"\s+mit\s+(?:(?:der|dem|den)\s+)?(?:{COUNTRY_ADJ}\s+)?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})")
#: A plural body noun opening the second side of 'zwischen A und …': 'den beiden Nachbargemeinden', 'den Städten'.
_PLURAL_AFTER_AND = re.compile(r"\bund\s+den\s+(?:beiden\s+|drei\s+|vier\s+)?(?:[a-zäöü][\w-]*\s+)?[\w-]*(?:gemeinden|städten|orten|kommunen|dörfern|kreisen)\s")
#: A declined adjective right before a name: 'der belgischen | Hafenstadt'.
_ADJ_BEFORE = re.compile(r"\s[a-zäöü][\w-]*(?:en|e)\s+$")
#: A possessive of the third person right before a twinning word: 'in ihrer Partnergemeinde X' (whose, the sentence says elsewhere).
_THEIR = re.compile(r"\b(?:ihre[mnrs]?|seine[mnrs]?)\s+(?:[a-zäöü][\w-]*\s+)?$")
#: The writer's own possessive: 'Bürgermeister unseres Partnerdorfes X' (the story's town is the owner).
_OURS = re.compile(r"\b(?:unsere[mnrs]?)\s+(?:[a-zäöü][\w-]*\s+)?$")
#: Where a group comes from, after the partner: '… ist eine Gruppe aus dem italienischen Y'.
_FROM = re.compile(rf"\baus\s+(?:(?:der|dem|den)\s+)?(?:{COUNTRY_ADJ}\s+)?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})")
#: A municipal kind word inside a 'mit' object ('mit der Gemeinde X'): the object is a body whatever its name.
_HEAD_IN = re.compile(rf"\s(?:{_MUNI_HEADS})\s")
#: A town's name with its river or landscape ('X am Rhein', 'Y an der Donau'): one name, kept whole.
_TOWN_AT = re.compile(rf"[{UP}][\w-]+\s(?:am|an\sder)\s[{UP}][\w-]+")


def _owner_place(owner: re.Match[str] | None) -> str | None:
    """The town a demonym before a twinning word names ('Xer Partnerstadt'), not a country ('Schweizer')."""
    base = adjective_base(owner.group("adj")) if owner else None
    return base if base and base not in LEX.countries_regions else None


def _county_level(org: OrgM) -> bool:
    """Whether a body is a county's ('Landkreis X', 'Kyffhäuserkreis', 'Powiat X'): twin partners are of one level."""
    return org.name.split()[0] in LEX.county_heads or org.name.endswith(("kreis", "-Kreis"))


def _foreign_shape(name: str) -> bool:
    """Whether a listed name the gazetteer does not know has a town's shape: two or more words or parts, each a
    place word ('Nová Paka', 'Cherbourg-Octeville'; not 'Zuger Gemeinden')."""
    parts = [w for w in re.split(r"[\s-]+", name) if w not in LEX.place_prefixes]
    return len(parts) >= 2 and all(is_place_word(w) for w in parts)


def _person_after(sent: str, at: int) -> bool:
    """Whether a person's name (a first name and a capitalized word) starts at ``at``."""
    words = sent[at:at + 60].split()
    return len(words) >= 2 and words[0] in LEX.given and words[1][:1].isupper() and not known_place(" ".join(words[:2]), 0)


class TwinningRules(BodyRules):
    """Mixin of ``StoryExtractor``: twinning links and the partner city of a story."""

    def _twinning(self, sents: list[str]) -> None:
        """Twinning: 'Partnerstadt X', 'Städtepartnerschaft zwischen X und Y', 'Städtefreundschaft mit X' (the
        other side the body named before, else the story's city), and a visit between two bodies in a
        story that speaks of their twinning."""
        twin = [s for s in sents if _TWIN_AT.search(s)]
        if not twin:
            return
        self.__dict__["_twin_text"] = " ".join(twin)  # what the story's twinning sentences say (linkcheck weighs visit guesses by it)
        said = " ".join(twin)
        visits = [e for e in self.facts.events if e.kind == "visit" and e.guest and e.host and e.rule == "press:visit"]
        for i, visit in enumerate(visits):  # the first visit; a later one of two towns only when a twinning sentence names its guests
            if visit.guest is not None and visit.host is not None and not self._twin_of_other(twin, visit) \
                    and "government" not in (visit.guest.kind, visit.host.kind) \
                    and self.city in (visit.guest.place, visit.host.place) \
                    and _county_level(visit.guest) == _county_level(visit.host) \
                    and (i == 0 or visit.guest.kind == visit.host.kind == "municipality" and visit.host.place == self.city
                         and bool(visit.guest.place) and (visit.guest.place or "") in said):  # states are no twin towns; the story's own town; one level
                self._link("PARTNERS_WITH", visit.host, visit.guest, quote(twin[0]), "press:twinning+visit")
        home = self.body(self.city) if self.city else None
        for sent in twin:
            pair = _BETWEEN_PLACES.search(sent)
            if pair and (self._common_noun(sent, pair, "a") or self._common_noun(sent, pair, "b")):
                pair = None  # 'zwischen der kleinen Weinbaugemeinde und der belgischen Hafenstadt': nouns, no towns
            if pair and is_place_word(pair.group("a")) and is_place_word(pair.group("b")):
                a, b = town_form(pair.group("a"), self.places), town_form(pair.group("b"), self.places)
                self.places.update((a, b))
                self._link("PARTNERS_WITH", self.body(a), self.body(b), quote(sent), "press:twinning")
                continue
            between = _BETWEEN.search(sent)
            if between:
                end = _CLAUSE.search(sent, between.end())
                span = sent[between.end(): end.start() if end else len(sent)]
                sides, plural = self._between_sides(span)
                if len(sides) >= 2:
                    for other in sides[1:] if plural else sides[1:2]:
                        self._link("PARTNERS_WITH", sides[0], other, quote(sent), "press:twinning")
                    continue
            for m in _TWIN_ANY.finditer(sent):
                obj = _TWIN_OBJECT.match(sent, m.end())
                if obj is None:
                    self._twin_with_before(sent, m, home)
                    continue
                name = town_form(obj.group("p"), self.places)
                if _ATTRIBUTIVE.match(sent, obj.end()) and name != place_form(name, self.places):
                    continue  # 'Städtepartnerschaften von Luzerner und Zuger Gemeinden': a demonym before its noun, no town
                if name not in self.places and not is_place_word(name.split()[0]):
                    continue
                if name not in self.places and _person_after(sent, obj.start("p")):
                    continue  # 'der Referent für Städtepartnerschaften Max Muster': the title's holder, no town
                if name not in self.places and " " in name and not known_place(name, 0) and not _TOWN_AT.fullmatch(name):
                    name = name.split()[0] if known_place(name.split()[0], 0) else name
                self.places.add(name)
                county_word = "kreis" in m.group(0)  # 'Partnerkreis', 'Partnerlandkreises', 'Kreispartnerschaft': counties on both sides
                others = [self._county_of(name) if county_word else self.body(name)]
                if _LIST_GOES_ON.match(sent, obj.end()):  # 'Städtepartnerschaften mit A in Frankreich, B und C': each listed town
                    plural = m.group(0).endswith(("schaften", "städte", "städten"))  # 'Städtepartnerschaften mit A und B': a list is meant
                    run = [p for p in place_run(sent, obj.start("p"), self.places)[1:]
                           if p != name and (p in self.places or known_place(p, 0) or _foreign_shape(p) or plural)]
                    self.places.update(run)
                    others += [self.body(p) for p in run]
                owner = _DEMONYM_BEFORE.search(sent, 0, m.start())  # 'die Xer Partnergemeinde Y': X's partner
                base = _owner_place(owner)
                before = [o for _at, o in self._munis(sent[: m.start()]) if o.place != name]
                subject = self.body(base) if base and base != name else before[-1] if before else home
                if not base and home is not None and home.place != name and _OURS.search(sent, 0, m.start()):
                    subject = home  # 'unseres Partnerdorfes X': the writer's town, whatever the sentence named before
                elif not base and not before and _THEIR.search(sent, 0, m.start()):  # 'in ihrer Partnergemeinde X ist eine Gruppe aus Y': Y's partner
                    source = _FROM.search(sent, obj.end())
                    src = town_form(source.group("p"), self.places) if source else None
                    if src and src != name and is_place_word(src) and src not in LEX.countries_regions:
                        self.places.add(src)
                        subject = self.body(src)
                if subject is not None and subject.place == name and not before:  # 'Partnerschaft mit X' in a story taken to be X's
                    alt = self._other_home(sents, name)
                    subject = self.body(alt) if alt else subject
                partner = _WITH_AFTER.match(sent, obj.end()) if "von" in sent[m.end(): obj.start("p")] else None
                if partner is not None and is_place_word(partner.group("p")) and town_form(partner.group("p"), self.places) != name:
                    self.places.add(town_form(partner.group("p"), self.places))  # 'die Partnerschaft von A mit der Stadt B': A's partner is B
                    subject, others = self.body(name), [self.body(town_form(partner.group("p"), self.places))]
                if county_word and subject is not None and (not _county_level(subject) or subject.place == name):
                    subject = self._partner_county_home(subject, name)  # 'Gäste aus dem Partnerkreis X' in a story of the town Y: Y's county
                elif "region" in m.group(0) and subject is not None and not _county_level(subject) and ("Landr" in sent or "Kreis" in sent):
                    subject = self._partner_county_home(subject, name) or subject  # 'Landrat A empfing Gäste aus der Partnerregion X': the county's
                if subject is not None and len(others) > 1 and subject.place in {o.place for o in others}:
                    others = []  # 'Die Partnerstädte A, B und C' in a story taken to be A's: the list's owner is unnamed
                for other in others if subject is not None else ():
                    self._link("PARTNERS_WITH", subject, other, quote(sent, m.start(), obj.end()), "press:twinning")

    def _between_sides(self, span: str) -> tuple[list[OrgM], bool]:
        """The bodies a 'zwischen' clause names, and whether a plural body noun opens its second side ('zwischen A und den
        beiden Nachbargemeinden B und C'): then A is the partner of each other body, and those are no pair of their own."""
        found = self._munis(span)
        sides = [o for _at, o in found]
        plural = len(sides) > 2 and _PLURAL_AFTER_AND.search(span, found[0][0], found[1][0]) is not None
        return sides, plural

    def _twin_with_before(self, sent: str, m: re.Match[str], home: OrgM | None) -> None:
        """'mit der Gemeinde X eine Gemeindepartnerschaft einzugehen', 'ist A mit B durch eine Städtepartnerschaft verbunden':
        the partner in a 'mit' object right before the twinning word, the owner the body before it (else the story's)."""
        near = sent[max(0, m.start() - 120): m.start()]
        with_ = _WITH_BEFORE.search(sent, 0, m.start()) if " mit " in near or sent.startswith("Mit ") else None
        if with_ is None or not is_place_word(with_.group("p")):
            return
        if with_.group("p") not in self.places and not known_place(with_.group("p"), 0) and not _HEAD_IN.search(with_.group(0)):
            return  # 'mit Erfolg eine Städtepartnerschaft': a noun no gazetteer knows, with no kind word, is no partner
        name = town_form(with_.group("p"), self.places)
        before = [o for _at, o in self._munis(sent[: with_.start()]) if o.place != name]
        bare = _PLACE_BEFORE.search(sent, 0, with_.start())  # 'ist Lychen | mit Pisz …': a bare town right before 'mit'
        if bare and bare.group("a") != name and is_place_word(bare.group("a")) and known_place(bare.group("a"), 0):
            before.append(self.body(bare.group("a")))
        subject = before[-1] if before else home
        if subject is None or subject.place == name:
            return
        self.places.add(name)
        other = self._county_of(name) if "kreis" in m.group(0) else self.body(name)
        self._link("PARTNERS_WITH", subject, other, quote(sent, with_.start(), m.end()), "press:twinning")

    def _common_noun(self, sent: str, pair: re.Match[str], side: str) -> bool:
        """Whether a side of 'zwischen A und B' is a noun after its adjective ('der kleinen Weinbaugemeinde'):
        a lower-case word in -en/-e right before a name neither the story nor the gazetteer knows as a place."""
        name = pair.group(side)
        return name not in self.places and not known_place(name, 0) and bool(_ADJ_BEFORE.search(sent, 0, pair.start(side)))

    def _county_of(self, place: str) -> OrgM:
        """The county body of ``place``: the one the story names, else 'Landkreis X' ('des Rhein-Erft-Kreises' names the
        Rhein-Erft-Kreis itself)."""
        if place.endswith(("kreises", "Kreises")):
            place = place[:-2]
        named = next((o for o in self._bodies_of(place) if _county_level(o)), None)
        if named is not None:
            return named
        if place.endswith(("kreis", "Kreis")):
            return next((o for o in find_orgs(place, self.places) if o.start == 0 and o.end == len(place)), None) or OrgM(place, "municipality", place)
        return municipality(place, "Landkreis")

    def _partner_county_home(self, town: OrgM, partner: str) -> OrgM | None:
        """The county a story of ``town`` speaks for when it names a partner county: the town's own county body if the
        story names one, else the one county the story names besides the partner (not one of the partner's name forms,
        'Pajeczanski' of 'Pajeczno'), else the one county the story's officials hold a role at."""
        if town.place and town.place != partner:
            own = next((o for o in self._bodies_of(town.place) if _county_level(o)), None)
            if own is not None:
                return own

        def other(o: OrgM) -> bool:
            place = o.place or ""
            return bool(place) and _county_level(o) and place != partner and place[:5] != partner[:5] and place not in LEX.countries_regions
        named = {o.key: o for o in self.bodies if other(o)}
        if len(named) == 1:
            return next(iter(named.values()))
        held = {r.org.key: r.org for r in self.facts.roles if r.org is not None and other(r.org)}
        return next(iter(held.values())) if len(held) == 1 else None

    def _other_home(self, sents: list[str], name: str) -> str | None:
        """The place other than ``name`` the most sentences of the story name, demonyms too (at least two, and more than any other):
        the home of a story whose city was guessed to be its partner town."""
        counts: Counter[str] = Counter()
        for sent in sents:
            counts.update({p for _s, _e, p in self._mentions(sent, prefix=True) if p != name and is_place_word(p) and p not in LEX.countries_regions})
        top = counts.most_common(2)
        if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def _twin_of_other(self, twin: list[str], visit: EventF) -> bool:
        """Whether the story calls the visit's guests the partner of a third body ('Gäste aus der Xer
        Partnergemeinde Y' in a story of Z): then the visit says nothing of a twinning of its two sides."""
        for sent in twin:
            for m in _TWIN_ANY.finditer(sent):
                owner = _DEMONYM_BEFORE.search(sent, 0, m.start())
                obj = _TWIN_OBJECT.match(sent, m.end())
                base = _owner_place(owner)
                if base and obj and place_form(obj.group("p"), self.places) == (visit.guest.place if visit.guest else None) \
                        and base not in ((visit.host.place if visit.host else None), (visit.guest.place if visit.guest else None)):
                    return True
        return False
    def _twin_partner(self, sents: list[str]) -> OrgM | None:
        """The partner city a story names besides its own ('Partnerstadt X', 'zwischen A und B')."""
        for sent in sents:
            if not _TWIN_ANY.search(sent):
                continue
            pair = _BETWEEN_PLACES.search(sent)  # 'zwischen A und B', B known to no gazetteer
            if pair and self.city in (pair.group("a"), pair.group("b")):
                other = pair.group("b") if pair.group("a") == self.city else pair.group("a")
                if is_place_word(other) and other != self.city:
                    other = place_form(other, self.places)
                    self.places.add(other)
                    return self.body(other)
            for _at, o in self._munis(sent):
                if o.place and o.place != self.city:
                    return o
        return None

