"""Bodies named by a phrase of their kind rather than a compound head: a French twinning committee ('Comité de
Jumelage de X'), an association 'für' its purpose ('Verein für deutsche Sprache und Kultur'), and a county whose
name is an adjective and a noun ('Landkreis Sächsische Schweiz')."""

from __future__ import annotations

import re

from .lexicon import LO, UP
from .org_grammar import _complement_place, _given_not_place
from .org_mention import OrgM

#: A French or Italian twinning committee, with the town it belongs to after 'de'/'d''/'di' or bare.
_JUMELAGE = re.compile(rf"(?<![\w-])(?P<head>Comit[ée]\s+(?:de|des|du)\s+[Jj]umelages?|Comitato\s+(?:per\s+il\s+)?[Gg]emellaggi[oi])"
                       rf"(?:\s+(?:de\s+|d['’]|di\s+)?(?P<p>[{UP}][{LO}]+(?:-(?:sur|sous|lès|les|le|la|en|de|du)-[{UP}][{LO}]+|-[{UP}][{LO}]+)*))?")
#: An association (or union) 'für' its purpose: the purpose's nouns, lower-case adjectives before them, joined by 'und'/','.
_FOR_HEAD = re.compile(rf"(?<![\w-])(?P<head>Verein|Vereins|Vereines|Verband|Verbandes|Vereinigung|Arbeitsgemeinschaft|Förderverein|Fördervereins)"
                       rf"\s+(?P<für>für|zur|zum)\s+(?P<purpose>(?:[{LO}]+(?:e|en|er|es)\s+)?[{UP}][{LO}-]+"
                       rf"(?:\s+und\s+(?:[{LO}]+(?:e|en|er|es)\s+)?[{UP}][{LO}-]+|\s+(?:(?:der|des)\s+)?[{UP}][{LO}-]+)*)")
_NOMINATIVE = {"Vereins": "Verein", "Vereines": "Verein", "Verbandes": "Verband", "Fördervereins": "Förderverein"}
#: Capitalized words that end the purpose: a first name's sentence start, a weekday, a verb-like opener.
_PURPOSE_STOP = frozenset({"Die", "Der", "Das", "Am", "Im", "Auch", "Bei", "Mit", "Seit", "Nach", "Von"})


def phrase_associations(text: str, places: set[str]) -> list[OrgM]:
    """The twinning committees and purpose-named associations of ``text`` (cheap substring gates first)."""
    out: list[OrgM] = []
    if "umelage" in text or "emellagg" in text:
        for m in _JUMELAGE.finditer(text):
            head = "Comité de Jumelage" if m.group(0).startswith("Comit") and "umelage" in m.group(0) else "Comitato Gemellaggi"
            place = m.group("p")
            if place and _complement_place(place, places):
                org = OrgM(f"{head} {place}", "association", place if place in places else None, None, [], m.start(), m.end())
                org.aliases.append(head)
            else:
                org = OrgM(head, "association", None, None, [], m.start(), m.end("head"))
            if text[org.start:org.end] != org.name:
                org.aliases.append(text[org.start:org.end])
            out.append(org)
    if (" für " in text or " zur " in text or " zum " in text) and ("Verein" in text or "Verband" in text or "Arbeitsgemeinschaft" in text
                                                                  or "rderverein" in text):
        for m in _FOR_HEAD.finditer(text):
            words = m.group("purpose").split()
            keep: list[str] = []
            for w in words:
                if w in _PURPOSE_STOP or _given_not_place(w):
                    break  # 'Verein für Heimatpflege Anna Muster': a person's name follows
                keep.append(w)
            while keep and (keep[-1] in ("und",) or keep[-1][:1].islower()):
                keep.pop()
            if not keep:
                continue
            purpose = " ".join(keep)
            place = None
            last = purpose.rsplit(" ", 1)
            if len(last) == 2 and _complement_place(last[1], places) and last[1] in places:
                place = last[1]
            head = _NOMINATIVE.get(m.group("head"), m.group("head"))
            name = f"{head} {m.group('für')} {purpose}"
            end = m.start("purpose") + len(purpose)
            org = OrgM(name, "association", place, None, [], m.start(), end)
            if place:
                org.aliases.append(name[: -len(place) - 1])
            if text[m.start():end] != name:
                org.aliases.append(text[m.start():end])
            out.append(org)
    return out


#: A county head before a name of an adjective in the nominative and a noun: 'Landkreis Mecklenburgische Seenplatte',
#: 'im Kreis Südliche Weinstraße', 'des Landkreises Sächsische Schweiz-Osterzgebirge'.
_ADJ_NAMED_COUNTY = re.compile(rf"(?<![\w-])(?P<head>Landkreis|Kreis)(?:es)?\s+(?P<name>[{UP}][{LO}]+(?:isch|lich)e\s+[{UP}][{LO}]+(?:-[{UP}][{LO}]+)*)(?![\w-])")


def adjective_counties(text: str) -> list[OrgM]:
    """The counties of ``text`` named by an adjective and a noun after their head word."""
    out: list[OrgM] = []
    if "reis" not in text or ("ische" not in text and "liche" not in text):
        return out
    for m in _ADJ_NAMED_COUNTY.finditer(text):
        name = m.group("name")
        org = OrgM(f"{m.group('head')} {name}", "municipality", name, None, [], m.start(), m.end())
        if text[m.start():m.end()] != org.name:
            org.aliases.append(text[m.start():m.end()])
        out.append(org)
    return out
