"""The grammar of organization names in running text: nominative forms of genitive nouns and inflected adjectives, and the words that open, close, place or classify a name."""

from __future__ import annotations

import re

from .lexicon import LEX, LO, ORG_WORD, UP
from .places import is_place_word, known_place

_GENITIVE_BASES = ("kreis", "verein", "verband", "bund", "rat", "komitee", "ring", "netzwerk", "institut", "zentrum", "büro", "werk",
                   "amt", "tag", "museum", "parlament", "ministerium", "theater", "gericht", "forum", "kuratorium", "klinikum",
                   "ausschuss", "senat", "betrieb", "dienst", "konzern", "club", "klub", "gymnasium", "kolleg", "bereich", "referat",
                   "dezernat")


def nominative_noun(word: str) -> str:
    """'Arbeitskreises' -> 'Arbeitskreis', 'Vereins' -> 'Verein' (a genitive organization noun)."""
    for end in ("es", "s"):
        base = word[: -len(end)]
        if word.endswith(end) and base.casefold().endswith(_GENITIVE_BASES):
            return base
    if word.endswith("nisses"):  # 'Klima-Bündnisses' -> 'Klima-Bündnis'
        return word[:-3]
    return word


#: 'Prof.', 'Dr.' after the first word of a name: a person follows.
_HONORIFIC_INSIDE = re.compile(r"(?<=\w)\s+(?:Prof|Dr)\.(?=[\s-])")
_INFLECTED_ADJ = re.compile(rf"^([{UP}][\w-]*(?:isch|sch|lich|ig|igt|al|är|ell))en(?=\s)")


def nominative(name: str) -> str:
    """An organization name with its opening adjective in the nominative ('Deutsch-Chinesischen
    Gesellschaft X' -> 'Deutsch-Chinesische Gesellschaft X'), as after 'der'/'des' in running text;
    an honorific inside it opens a person's name, not part of the body's ('Hochschulrat Prof. Dr. …')."""
    cut = _HONORIFIC_INSIDE.search(name) if "Dr." in name or "Prof." in name else None  # its look-behind first: re enters it everywhere
    if cut:
        name = name[: cut.start()]
    head, sp, rest = name.partition(" ")
    if not (sp and head.endswith("en")):
        return name
    if not _INFLECTED_ADJ.match(name):
        return name
    word, _sp2, tail = rest.partition(" ")
    second = ""
    if _WEAK_ADJ.fullmatch(word) and tail[:1].isupper():  # 'Deutschen Roten Kreuzes': a second adjective, then the noun
        second, (word, _sp2, tail) = word[:-1], tail.partition(" ")
    lead = ""
    if word.endswith("-") and (elided := _ELIDED_REST.match(tail)):  # 'Hessischen Städte- und Gemeindebundes': the last noun
        lead, word, tail = f"{word} {elided.group('conj')} ", elided.group("noun"), tail[elided.end():].lstrip()
    noun = _strong_noun(word)
    ending = "er" if noun.casefold().endswith(_MASCULINE_ENDS) else "es" if noun.casefold().endswith(_NEUTER_ENDS) else "e"
    if noun == word and second and _GENITIVE_ES.search(word):
        noun, ending = word[:-2], "e"  # 'Roten Kreuzes': a strong noun of no known gender, weak adjectives ('Deutsche Rote Kreuz')
    if second:
        second = second + (ending[1:] if ending != "e" else "")
    adjs = " ".join(w for w in (_INFLECTED_ADJ.sub(rf"\1{ending}", head + " ").strip(), second) if w)
    return " ".join(w for w in (adjs, lead + noun, tail) if w)


#: A second weak adjective after the first ('Roten' in 'des Deutschen Roten Kreuzes').
_WEAK_ADJ = re.compile(rf"[{UP}][{LO}]+en")
#: The rest of an elided compound pair: 'und Gemeindebundes' after 'Städte-'.
_ELIDED_REST = re.compile(rf"(?P<conj>und|&|oder)\s+(?P<noun>[{UP}][\w-]+)")
#: A strong genitive '-es' after a consonant ('Kreuzes', 'Bundes'): a masculine or neuter noun.
_GENITIVE_ES = re.compile(r"[^aeiouäöüy\W]es$")


def _strong_noun(word: str) -> str:
    """A masculine or neuter organization noun without its genitive '-s'/'-es' ('Landesamtes' -> 'Landesamt')."""
    for end in ("es", "s"):
        base = word[: -len(end)]
        if word.endswith(end) and base.casefold().endswith(_MASCULINE_ENDS + _NEUTER_ENDS):
            return base
    return word


#: Endings of masculine and neuter organization nouns: their adjective takes '-er' / '-es' without an article
#: ('Schleswig-Holsteinischer Landtag', 'Statistisches Landesamt'); any other noun is taken as feminine.
_MASCULINE_ENDS = ("tag", "rat", "verband", "verein", "kreis", "bund", "ring", "dienst", "konzern", "betrieb", "ausschuss",
                   "senat", "hof", "club", "klub", "fonds", "rundfunk")
_NEUTER_ENDS = ("amt", "institut", "ministerium", "werk", "zentrum", "büro", "gericht", "komitee", "forum", "bündnis",
                "parlament", "museum", "theater", "krankenhaus", "klinikum", "gymnasium", "unternehmen", "kolleg", "kuratorium", "kreuz")


#: Nouns that describe a body before its name ('vom Anteilseigner Gelsenwasser AG', 'der Netzbetreiber X').
_DESCRIPTOR_ENDS = ("eigner", "betreiber", "versorger", "anbieter", "dienstleister", "hersteller")
#: Endings of nouns for what a body is to another ('Mehrheitseigner', 'Gesellschafter', 'Träger'), never a town's name.
_AGENT_ENDS = (*_DESCRIPTOR_ENDS, "eigentümer", "gesellschafter", "träger", "aktionär", "teilhaber")
#: Endings of compound nouns that say what kind of firm the name after them is ('die Beratungsfirma X',
#: 'des Gasversorgers X', 'das Softwareunternehmen X'), with that kind.
_CUE_KINDS = {"firma": "company", "unternehmen": "company", "versorger": "utility", "dienstleister": "company", "tochter": "company",
              "anbieter": "company", "hersteller": "company", "konzern": "company"}
_CUE_ENDS = "|".join(f"[{e[0]}{e[0].upper()}]{e[1:]}" for e in sorted(_CUE_KINDS, key=len, reverse=True))
_CUE_END = re.compile(rf"(?:{_CUE_ENDS})(?:s|es)?\s+[{UP}]")
_COMPOUND_CUE = re.compile(rf"(?<![\w-])(?P<cue>[{UP}][{LO}]+-?(?P<end>{_CUE_ENDS}))(?:s|es)?\s+(?P<name>{ORG_WORD}(?:\s+{ORG_WORD}){{0,3}})")


_LEFT_STRIP = {"Die", "Der", "Das", "Den", "Dem", "Des", "Mit", "Bei", "Für", "Von", "Im", "In", "Am", "Auch", "Und", "Zur", "Zum",
               "Eine", "Ein", "Einer", "Einem", "Laut", "Über", "Seit", "Wie", "Dass", "Nach", "Aus"}
_HEAD_NORMAL = {"Technischen Universität": "Technische Universität", "Technischen Hochschule": "Technische Hochschule",
                "Technischer Universität": "Technische Universität", "Technischer Hochschule": "Technische Hochschule",
                "Landkreises": "Landkreis", "Kreises": "Kreis", "Stadtwerken": "Stadtwerke"}


def _given_not_place(word: str) -> bool:
    """A first name the gazetteer knows as no sizeable place ('Max', 'Andrea'): in a list of places, a person."""
    first = word.split()[0]
    return first in LEX.given and not known_place(first, 20_000)


def _strip_left(words: list[str]) -> list[str]:
    while words and (words[0] in _LEFT_STRIP or LEX.is_titleish(words[0]) or words[0] in LEX.org_stop):
        words = words[1:]
    return words


def _norm_head(head: str) -> str:
    return _HEAD_NORMAL.get(head, LEX.head_normal.get(head, LEX.utility_heads.get(head, head)))


def _complement_place(word: str, places: set[str]) -> bool:
    """Whether ``word`` can be the place a body is named after: a place of the story, a region or country, a
    known town, or towns joined by a hyphen ('Saarburg-Kell'); no first name ('Verein Peter Muster')."""
    if word in places or word in LEX.countries_regions:
        return True
    if _given_not_place(word):
        return False
    if known_place(word, 1000) and is_place_word(word):
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in places or known_place(p, 1000) for p in parts)


def _base_in_heads(word: str) -> bool:
    """Whether ``word`` is a head word of ``find_orgs``'s head scan (as written or without a genitive '-s')."""
    return word in LEX.head_kinds or word[:-1] in LEX.head_kinds or word in LEX.municipal_heads


def _name_run(words: list[str]) -> list[str]:
    """The capitalized words opening ``words`` ('Obere Bigge' of 'Obere Bigge baut'), no title or first name."""
    out: list[str] = []
    for w in words:
        if not w[:1].isupper() or LEX.is_titleish(w) or w in LEX.given or w.endswith(".") or w in LEX.name_tails:
            break
        out.append(w)
    return out


def _utility_place(word: str, places: set[str]) -> bool:
    """Whether the word after a utility head is its place: a place of the story, or places joined by a
    hyphen ('Stadtwerke Ludwigsburg-Kornwestheim', a utility of two towns)."""
    if word in places or known_place(word, 10_000) and is_place_word(word):
        return True  # a town of the story, or a sizeable one the gazetteer knows ('Stadtwerken Kassel')
    parts = word.split("-")
    return len(parts) > 1 and all(p in places or known_place(p, 5000) for p in parts)


#: The first part of a coordination whose shared tail the next word carries: 'Energie- und Wasserwerke X'.
_ELIDED = re.compile(rf"(?<![\w-])(?P<w>[{UP}][{LO}]+)-\s+(?:und|&)\s+$")


def elided_first(text: str, start: int) -> re.Match[str] | None:
    """The elided first part of a coordination right before ``start`` ('Energie- und '), else None."""
    return _ELIDED.search(text, max(0, start - 40), start)


#: Inflected or short forms of a party's name, with the party's own forms ('der Grünen', 'Grünen-Fraktion').
_PARTY_FORMS = {"Grünen": ("Grüne", ["Die Grünen"]), "Linken": ("Die Linke", ["Linke"]), "Linke": ("Die Linke", ["Linke"])}


#: Plural and genitive forms of municipal heads, as lists and pairs use them, in the singular nominative.
_HEAD_SINGULAR = {"Städte": "Stadt", "Städten": "Stadt", "Partnerstädten": "Stadt", "Gemeinden": "Gemeinde", "Kommunen": "Gemeinde",
                  "Landkreise": "Landkreis", "Landkreisen": "Landkreis", "Landkreises": "Landkreis", "Kreise": "Kreis",
                  "Kreisen": "Kreis", "Kreises": "Kreis"}


#: A town's hall after its demonym names the town's administration ('im Neuhafener Rathaus').
_TOWN_HALLS = frozenset({"Rathaus", "Rathauses", "Stadthaus", "Stadthauses"})
