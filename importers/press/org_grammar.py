"""The grammar of organization names in running text: nominative forms of genitive nouns and inflected adjectives."""

from __future__ import annotations

import re

from .lexicon import UP

_GENITIVE_BASES = ("kreis", "verein", "verband", "bund", "rat", "komitee", "ring", "netzwerk", "institut", "zentrum", "büro", "werk",
                   "amt", "tag")


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
    noun = _strong_noun(word)
    ending = "er" if noun.casefold().endswith(_MASCULINE_ENDS) else "es" if noun.casefold().endswith(_NEUTER_ENDS) else "e"
    return " ".join(w for w in (_INFLECTED_ADJ.sub(rf"\1{ending}", head + " ").strip(), noun, tail) if w)


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
                "parlament", "museum", "theater", "krankenhaus", "klinikum", "gymnasium", "unternehmen", "kolleg", "kuratorium")
