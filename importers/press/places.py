"""Place mentions in press text: gazetteer places, place adjectives ('Hanauer' -> Hanau), datelines."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...graph.records import fold as _fold_text
from .gazetteer import countries as gazetteer_countries, population as gazetteer_population
from .lexicon import LEX, LO, NAME_TOK, UP, WB
from .scanning import cue_finditer

#: ``records.fold`` memoized: the rules fold the same few thousand words and names over and over.
fold = lru_cache(maxsize=1 << 16)(_fold_text)
_ADJ_ENDINGS = ("erinnen", "erin", "ern", "ers", "er")
NON_PLACE_END = ("ung", "heit", "keit", "tion", "ität", "schaft", "nis", "tum", "ismus", "tionen", "heiten", "keiten", "schaften", "itäten", "eigner", "betreiber", "versorger", "anbieter",
                 "dienstleister", "hersteller")
_WORD = re.compile(rf"[{UP}]{WB}{NAME_TOK[len(UP) + 2:]}\b")  # \bNAME_TOK\b, first character first
_UMLAUT = str.maketrans("äöü", "aou")


def _without_umlaut(word: str) -> str:
    """``word`` with its last umlaut undone ('Neustädt' -> 'Neustadt')."""
    at = max(word.rfind("ä"), word.rfind("ö"), word.rfind("ü"))
    return word if at < 0 else word[:at] + word[at].translate(_UMLAUT) + word[at + 1:]


@lru_cache(maxsize=1 << 14)
def adjective_base(word: str) -> str | None:
    """The place a capitalized adjective or genitive may stand for ('Hanauer' -> 'Hanau'); None when not one."""
    if word in LEX.place_adjective_stop or word in LEX.non_name or LEX.is_titleish(word):
        return None  # 'Referatsleiter', 'Geschäftsführer': a title, no demonym
    for end in ("erinnen", "erin", "ern", "ers"):  # 'Bürgern' is 'Bürger' inflected: a stop word stays one
        if word.endswith(end) and (word[: -len(end)] + "er") in LEX.place_adjective_stop:
            return None
    exc = LEX.place_adjective_exceptions
    for form in (word, word[:-1], word[:-2], word[:-3], word[:-5]):
        if form in exc:
            return exc[form]
    for end in _ADJ_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            base = word[: -len(end)]
            if not base.endswith(("ig", "lich", "isch", "end", "iert")):
                # the gazetteer knows which: 'Meerbuscher' -> Meerbusch, 'Sigmaringer' -> Sigmaringen
                # and undoes the umlaut of the last syllable: 'Darmstädter' -> Darmstadt, 'Münnerstädter' -> Münnerstadt
                # and a dropped 'e' before a last 'n': 'Grenchner' -> Grenchen, 'Dresdner' -> Dresden
                dropped = base[:-1] + "en" if base.endswith("n") and base[-2:-1] not in "aeiouäöü" else base
                known = [b for b in (base, base + "en", base + "n", base + "e", _without_umlaut(base), dropped) if known_place(b, 2000)]
                # the most populous reading: 'Neunkircher' is of Neunkirchen (50,000), not of Neunkirch (2,000)
                return max(known, key=lambda b: gazetteer_population(b) or 0) if known else base
    return None


#: Cue words too weak to make a common noun a place ('und Wissen', 'mit Essen').
_WEAK_CUES = frozenset({"und", "sowie", "mit", "für", "von"})
#: An article's noun, from the non-word character before the article (searched in ' ' + text: same nouns as a
#: leading \b, which made re stop at every 'd' and 'e').
_AFTER_ARTICLE = re.compile(rf"\W(?:[Dd](?:as|er|ie|en|em|es)|[Ee]in(?:e[mnrs]?)?)\s+([{UP}][{LO}]+)\b")


#: The articles of ``_AFTER_ARTICLE`` (what a word after one ends in).
_ARTICLES = ("das", "der", "die", "den", "dem", "des", "Das", "Der", "Die", "Den", "Dem", "Des",
             "ein", "eine", "einem", "einen", "einer", "eines", "Ein", "Eine", "Einem", "Einen", "Einer", "Eines")


def _after_an_article(text: str, word: str) -> bool:
    """Whether ``word`` may be one of the text's ``_AFTER_ARTICLE`` nouns: some occurrence of it comes after
    white space after an article (a necessary condition, tested without scanning the whole text; when the
    window may have cut an article off, it counts as one)."""
    at = text.find(word)
    while at >= 0:
        before = text[max(0, at - 40):at]
        head = before.rstrip()
        if len(head) < len(before) and ((at > 40 and len(head) < 6) or head.endswith(_ARTICLES)):
            return True
        at = text.find(word, at + 1)
    return False


def muni_matches(text: str) -> list[re.Match[str]] | Iterator[re.Match[str]]:
    """``LEX.muni_re.finditer(text)``; for a story's whole text kept for the next ask (``collect_places``
    and the story's bodies scan the same text). Matches are read only, and equal texts give equal ones."""
    if len(text) < _KEEP_MUNI:
        return (m for m in LEX.muni_re.finditer(text) if not _person_named(text, m))
    hit = _MUNI_KEPT.get(text)
    if hit is None:
        if len(_MUNI_KEPT) >= 8:
            _MUNI_KEPT.clear()
        hit = _MUNI_KEPT[text] = [m for m in LEX.muni_re.finditer(text) if not _person_named(text, m)]
    return hit


def _person_named(text: str, m: re.Match[str]) -> bool:
    """Whether the place of a 'Stadt X' match is a first name before its surname ('der Partnerstadt Klaus
    Muster, …'): a person, unless the gazetteer knows X as a large town; or a word on the next line after a
    heading that ends in the head ('Besuch aus den Partnerstädten' / 'Delegationen kamen …')."""
    if "\n" in text[m.start():m.start("places")]:
        return True
    name = m.group("places")
    return name in LEX.given and _NEXT_CAP.match(text, m.end("places")) is not None and not known_place(name, 5000)


_KEEP_MUNI = 400
_MUNI_KEPT: dict[str, list[re.Match[str]]] = {}


#: Endings a demonym drops from its town, by the base's last letter: '-seer' of '-see', '-inger' of '-ingen'.
_DROPPED_END = {"e": ("e",), "g": ("en",)}


#: Countries whose towns a demonym alone may name (the gazetteer holds every town of 500+ there); a foreign
#: base must be a city ('Pariser'), or a noun's stem that is some small foreign town ('Feier' of 'Fei') counts.
_HOME_COUNTRIES = frozenset({"DE", "AT", "CH", "LI", "LU"})
#: European countries: German has demonyms of their cities ('Prager', 'Mailänder'), not of a city in Thailand that a
#: noun's stem spells ('Zimmer' of 'Zimme', 'Kaiser' of 'Kaisen').
_EUROPE = frozenset({"PL", "CZ", "FR", "NL", "BE", "DK", "IT", "HU", "SK", "SI", "HR", "GB", "SE", "NO", "FI", "ES", "PT", "LT", "LV",
                     "EE", "RO", "BG", "GR", "UA", "RS", "BA", "IE", "RU", "BY", "AL", "MK", "ME", "MD", "IS", "MT", "CY"})


def _demonym_town(base: str) -> bool:
    """Whether a demonym's base alone names a town: one of 5,000+ in the home countries, or a city abroad."""
    pop = gazetteer_population(base)
    if pop is None or pop < 5000:
        return False
    country = gazetteer_countries().get(base)
    return country in _HOME_COUNTRIES or (pop >= 100_000 and country in _EUROPE) or pop >= 1_000_000


def _given_before_surname(text: str, item: str, end: int) -> bool:
    """Whether a list's last item is a first name right before a surname ('…, Thomas Muster'), no large town."""
    return item in LEX.given and _NEXT_CAP.match(text, end) is not None and not known_place(item, 5000)


#: A line that is only a place name (a page's location line above the story: 'Lokales', 'Neuhafen', a date).
_HEADER_LINE = re.compile(rf"(?P<p>[{UP}][{LO}]+(?:[ -][{UP}][{LO}]+)?(?:\s(?:an der|am|im|in|ob der)\s[{UP}][{LO}]+)?)\s*")


def header_place(line: str) -> str | None:
    """The place a line holds alone (scraped local pages put the town on a line of its own), when the gazetteer
    knows it as a town of 1,000+ that is no region ('Sachsen' alone names a state)."""
    if len(line) > 40 or not line[:1].isupper():
        return None
    m = _HEADER_LINE.fullmatch(line.strip())
    if m is None:
        return None
    name = m.group("p")
    if len(name) < 4 or name in LEX.non_name:
        return None  # 'Art', 'Ort': a short label of the page, no town
    return name if known_town(name, 1000) and is_place_word(name) and name not in LEX.countries_regions else None


#: A town in the genitive before its mayor's title: 'Neuhafens Bürgermeister', 'Xs Oberbürgermeisterin'.
_GENITIVE_TOWN = re.compile(rf"(?<![\w-])(?P<p>[{UP}][{LO}]+(?:-[{UP}][{LO}]+)?)s\s+(?:Ober|Alt|Vize)?[Bb]ürgermeister(?:in)?(?![\w-])")


def _genitive_towns(text: str) -> list[str]:
    """Towns the gazetteer may not know, named in the genitive before a mayor's title and alone elsewhere in the
    text ('Bürgermeister in Xa … Xas Bürgermeister'): no first name, no word after a first name (a surname)."""
    out = []
    for m in cue_finditer(_GENITIVE_TOWN, text, "ürgermeister", 1):  # the town, one space, the title
        base = m.group("p")
        if base in LEX.given or not is_place_word(base) or _after_given(text, m.start()) or LEX.is_titleish(base):
            continue
        alone = [at for at in _word_starts(text, base) if at != m.start()]
        if alone and not any(_after_given(text, at) for at in alone):
            out.append(base)
    return out


_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s|\n)\s*$")
_LOWER_NEXT = re.compile(rf"\s+[{LO}]")


def collect_places(text: str) -> set[str]:
    """Places a story names: 'Stadt X', 'Städte X und Y', and adjectives whose base also stands alone."""
    places: set[str] = set()
    for m in muni_matches(text):
        items = [p for p in split_places(m.group("places")) if is_place_word(p)]
        if len(items) > 1 and _given_before_surname(text, items[-1], m.end("places")):
            items.pop()  # 'der Stadt A, Klaus Muster, sagte': the list ends before a person
        places.update(items)
    nouns: set[str] | None = None  # words the text uses as nouns ('das Wissen'): no place after a weak cue
    for m in LEX.place_mentions.finditer(text):  # = place_mention_re.finditer (groups and ends)
        name = m.group("p")
        if name in LEX.given and _NEXT_CAP.match(text, m.end()):
            continue  # 'mit Klaus Muster': a person, not the place Klaus
        before = text[max(0, m.start("p") - 8):m.start("p")].split()
        if before and before[-1] in _WEAK_CUES:
            if nouns is None and _after_an_article(text, name):
                nouns = {a.group(1) for a in _AFTER_ARTICLE.finditer(" " + text)}
            if nouns is not None and name in nouns:
                continue  # 'Kultur und Wissen' where the text says 'das Wissen': the town Wissen is not meant
        while name and not known_place(name, 1500) and " " in name:
            name = name.rsplit(" ", 1)[0]  # 'Bad Kissingen am Freitag' -> 'Bad Kissingen'
        if known_place(name, 1500) and is_place_word(name):
            places.add(name)
    if "ürgermeister" in text:
        places.update(_genitive_towns(text))
    for line in text.split("\n", 8)[:8]:
        dl = dateline_place(line) or header_place(line)
        if dl:
            places.add(dl)
    # every name token of the text: built at once for long texts, else only when a test needs it
    words = {w.group(0) for w in _WORD.finditer(text)} if len(text) > _LAZY_WORDS else None
    absent: set[str] = set()  # bases tested and not found as a token
    for m in LEX.place_adj_re.finditer(text):
        adj = m.group("adj")
        base = adjective_base(adj)
        if not (base and adj.endswith(_ADJ_ENDINGS) and is_place_word(base)) or base in places or base in absent:
            continue
        if adj in LEX.given or LEX.is_titleish(adj) or _after_given(text, m.start()) or known_place(adj, 1000):
            continue  # 'Werner', 'Manager', 'Lena Mager', 'Luzern': a first name, a title, a surname, a place
        if _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()) and _LOWER_NEXT.match(text, m.end("adj")):
            continue  # 'Leider verstarb …': a sentence's first word before a verb, no demonym
        if _INDEF_NOUN.search(text, max(0, m.start() - 7), m.start()) and _LOWER_NEXT.match(text, m.end()):
            continue  # 'zu einer Feier eingeladen': a noun after an indefinite article, no demonym of 'Fei'
        if base in _EXC_BASES or _demonym_town(base):
            places.add(base)
            continue
        hit = None  # the base as the text writes it alone, else with the ending the adjective dropped
        for cand in (base, *(base + end for end in _DROPPED_END.get(base[-1:], ()))):
            found = _name_token(text, cand) if words is None else cand in words
            if found is None:  # a hyphen before an occurrence: only the full token scan can tell
                words = {w.group(0) for w in _WORD.finditer(text)}
                found = cand in words
            if found and (cand == base or is_place_word(cand)):
                hit = cand  # 'Neuseer' and 'Neusee', 'Altinger' and 'Altingen': a town the gazetteer does not know
                break
        if hit and not known_place(hit, 0) and _after_an_article(text, hit):
            if nouns is None:
                nouns = {a.group(1) for a in _AFTER_ARTICLE.finditer(" " + text)}
            if hit in nouns:
                hit = None  # 'die Eisenbahner' where the text says 'der Eisenbahn': a noun, no town the gazetteer knows
        if hit:
            places.add(hit)
        else:
            absent.add(base)
    return places


#: A dateline: a line opening with a place name and '.', '(', ',' or a dash ('Willich. Für …', 'LAHR –').
DATELINE_PLACE = re.compile(rf"^(?P<p>{LEX.place_name})(?:\s*\([^)]{{0,20}}\))?(?:\.\s|\s*[,–—]\s|\s+-\s)", re.M)
#: A dateline in capitals ('NEUHAFEN –', 'WüRSELEN.'): the place is the word in title case.
DATELINE_CAPS = re.compile(r"^(?P<p>[A-ZÄÖÜ][A-ZÄÖÜäöüß]{2,}(?:-[A-ZÄÖÜ][A-ZÄÖÜäöüß]+)*)(?:\s*\([^)]{0,20}\))?(?:\.\s|\s*[,–—]\s|\s+-\s)", re.M)


@lru_cache(maxsize=1 << 12)  # a story's first lines are asked by several frames
def dateline_place(line: str) -> str | None:
    """The place of a dateline at the start of ``line`` ('Willich. …', 'LAHR – …'), when the gazetteer knows it."""
    m = DATELINE_PLACE.match(line)
    if m and known_place(m.group("p"), 1000) and is_place_word(m.group("p")):
        return m.group("p")
    m = DATELINE_CAPS.match(line)
    if m and sum(ch.isupper() for ch in m.group("p")) >= 3 and m.group("p") not in LEX.countries_regions:  # 'USA, Polen und …': a country
        name = "-".join(part[:1] + part[1:].lower() for part in m.group("p").split("-"))
        if known_place(name, 1000):
            return name
    return None

_NEXT_CAP = re.compile(rf"\s+[{UP}][{LO}]")
#: An indefinite article right before a word, and a lower-case word right after one: that word is a noun ('einer Feier
#: gedacht'), where a demonym would qualify the noun after it ('einer Hanauer Firma').
_INDEF_NOUN = re.compile(r"(?<![\w-])(?:ein|eine|einer|einem|einen)\s+$")


def _after_given(text: str, at: int) -> bool:
    """Whether the word before ``at`` is a first name (so the word at ``at`` is a surname)."""
    prev = text[max(0, at - 30):at].split()
    return bool(prev) and prev[-1] in LEX.given


#: Up to this length a base is looked for where it occurs; a longer text gets its token set once
#: (looking for each base where it occurs is quadratic when one text repeats the same words).
_LAZY_WORDS = 8192


_EXC_BASES = frozenset(LEX.place_adjective_exceptions.values())


def _name_token(text: str, word: str) -> bool | None:
    """Whether ``_WORD.finditer(text)`` yields ``word`` (tested only where ``word`` occurs); None if unsure."""
    i = text.find(word)
    while i >= 0:
        if i and text[i - 1] == "-":
            return None  # may be the tail of a hyphenated token the scan consumed
        m = _WORD.match(text, i)
        if m and m.end() == i + len(word):
            return True
        i = text.find(word, i + 1)
    return False


_PLACE_SPLIT = re.compile(r"\s*,\s*|\s+und\s+|\s+sowie\s+")
def known_place(word: str, population: int = 1000) -> bool:
    """Whether the gazetteer knows ``word`` as a place of at least ``population`` inhabitants."""
    pop = gazetteer_population(word)
    return pop is not None and pop >= population


def known_town(name: str, population: int = 1000) -> bool:
    """``known_place``, or a merged town whose hyphenated parts the gazetteer knows ('Aue-Bad Schlema')."""
    if known_place(name, population):
        return True
    parts = name.split("-")
    return len(parts) > 1 and all(len(p) > 2 and known_place(p, population) for p in parts)


def split_places(text: str) -> list[str]:
    """'Gelsenkirchen und Bochum' -> ['Gelsenkirchen', 'Bochum'] (each cut back by ``known_span``)."""
    if "," not in text and "und" not in text and "sowie" not in text:  # what every separator contains
        return [known_span(text.strip())] if text.strip() else []
    return [known_span(p.strip()) for p in _PLACE_SPLIT.split(text) if p.strip()]


#: Connectors of foreign multiword place names that are German words too ('Dar es Salaam', 'El Puerto de la Cruz').
_FOREIGN_JOINT = re.compile(r"\s(?:es|el|al|do|dos|da|la|le)\s")


def known_span(name: str) -> str:
    """A place name read through a foreign connector ('Dar es Salaam') when the gazetteer knows it so, else the
    part before the connector ('Bonn es Bürgern' is Bonn); a tail 'im/am X' naming a body, not a region, is
    cut the same way ('Kreis Unna im Landtag', but 'Ried im Innkreis', 'Weiler im Allgäu')."""
    if " " not in name or known_place(name, 0):
        return name
    cut = _FOREIGN_JOINT.search(name)
    if cut is not None:
        return name[: cut.start()]
    tail = _BODY_TAIL.search(name)
    w = tail.group("w") if tail is not None else ""
    if tail is not None and (w in LEX.head_kinds or LEX.is_titleish(w) or not is_place_word(w)
                             or (w.endswith(_BODY_ENDS) and not known_place(w, 0))):
        return name[: tail.start()]
    if tail is not None and not known_place(w, 0) and w not in LEX.countries_regions and known_place(name[: tail.start()], 0):
        return name[: tail.start()]  # 'X im Süden', 'X im Fokus': a known town, and a tail no place or region
    return name


_BODY_ENDS = ("tag", "rat", "haus", "amt", "saal", "gericht", "straße", "strasse", "weg", "platz", "allee", "gasse", "halle", "schule",
              "kirche", "museum", "park", "zentrum")  # a building or street after 'in der', 'am': no region of the town
_BODY_TAIL = re.compile(r"\s(?:am|an der|in der|im|ob der|vor der|bei)\s(?P<w>\S+)$")


#: A noun suffix with a joining 's' inside a word ('Mehrheitseigner', 'Leistungsträger'): a compound common noun.
_NOUN_JOINT = re.compile(r"(?:heits|keits|ungs|schafts|tions|täts)[a-zäöü]")


@lru_cache(maxsize=1 << 14)
def is_place_word(word: str) -> bool:
    """Whether a capitalized word can be a place name (not a common noun of the stop list)."""
    words = word.split()
    if not words:
        return False
    first = words[1] if len(words) > 1 and words[0] in LEX.place_prefixes else words[0]  # 'Bergisch Gladbach', 'Bad Homburg'
    if len(words) > 2 and words[1] in _TOWN_JOINTS and first in LEX.countries_regions and known_place(word, 1000):
        return True  # 'Brandenburg an der Havel': a town that bears a state's name with its river
    return (first not in LEX.place_stop and first not in LEX.non_name and fold(first) not in LEX.generic
            and not first.endswith(NON_PLACE_END) and first not in LEX.countries_regions and word not in LEX.countries_regions
            and not first.endswith(_ADJ_ISCH) and not first.isupper() and first not in LEX.municipal_heads
            and len(first) >= 3 and first + "." not in LEX.honorifics
            and first not in LEX.county_heads and not LEX.is_titleish(first)
            and first not in _VENUES
            and not (first.startswith(_BODY_NOUN_START) and first.endswith(_BODY_NOUN_END) and not known_place(first, 0))
            and not (_NOUN_JOINT.search(first) and not known_place(first, 0))
            and not (first.casefold().endswith(_ASSOCIATION_END) and not known_place(first, 0))
            and not _person_shaped(words, word))


def _person_shaped(words: list[str], word: str) -> bool:
    """'Giuseppe Gaiarin', 'Hans-Werner Tovar': a first name and capitalised names after it, no place the gazetteer knows."""
    return (1 < len(words) <= 3 and words[0] in LEX.given and words[0] not in LEX.place_prefixes and words[0] not in _PLACE_FIRSTS
            and all(w[:1].isupper() for w in words[1:]) and not known_place(word, 0))


#: First words of place names that are first names too: 'Neu Fahrland', 'San Marino', 'Val Müstair', 'Maria Laach'.
_PLACE_FIRSTS = frozenset({"Neu", "San", "Santa", "Santo", "Val", "Maria", "Marina", "Sankt", "St."})


#: Nouns of associations and projects ('Städte-Netzwerk', 'Partnerschaftsverein'): after a municipal head no town.
_ASSOCIATION_END = ("netzwerk", "netzwerks", "netzwerke", "verein", "vereins", "verband", "verbandes", "bündnis", "bündnisses",
                    "projekt", "projekts", "programm", "programms", "initiative", "forum", "forums")


#: The words after a town's first word that join its river or region ('Brandenburg an der Havel', 'Halle an der Saale').
_TOWN_JOINTS = frozenset({"an", "am", "ob", "in", "im"})


#: Endings of compound nouns for bodies ('Partnerlandkreis', 'Nachbarstadt'): a place only when the gazetteer knows it.
_BODY_NOUN_END = ("kreis", "stadt", "gemeinde", "kommune", "region", "städte", "partner", "städten", "gemeinden", "kommunen", "kreisen", "regionen")
_BODY_NOUN_START = ("Partner", "Nachbar", "Kreis", "Landeshaupt", "Universitäts", "Hochschul", "Heimat", "Groß", "Haupt", "Mittel")
_VENUES = frozenset(LEX.venue_words)


_ADJ_ISCH = ("isch", "ische", "ischen", "ischer", "isches", "ischem")


def place_form(name: str, places: set[str]) -> str:
    """A place name without the genitive -s when the bare name is the place ('Dietzenbachs' -> 'Dietzenbach'),
    and the place of a demonym ('Sigmaringer' -> 'Sigmaringen')."""
    if known_place(name, 0):
        return name
    if name.endswith("s") and (name[:-1] in places or known_place(name[:-1], 0)):
        return name[:-1]
    if name.endswith(_ADJ_ENDINGS) and name not in places:  # 'Luzern', named as a place, is no demonym of 'Luz'
        base = adjective_base(name)
        if base and (base in places or known_place(base, 0)):
            return base
    return name


@lru_cache(maxsize=8192)
def word_re(word: str, tail: str = r"(?![\w])", head: str = r"(?<![\w-])") -> re.Pattern:
    """``word`` as a compiled whole-word pattern, cached here: per-place patterns passed to ``re.search``
    as strings overflow ``re``'s 512-entry cache on corpora naming many places and recompile every time.
    The word leads and ``head`` is asserted behind it (``(?<=head word)``, the same matches): ``re`` skips to a
    literal prefix in C, but tries a pattern that opens with a look-behind at every position of the text."""
    w = re.escape(word)
    return re.compile(rf"{w}(?<={head}{w}){tail}")


def place_in_name(name: str, places: set[str]) -> str | None:
    """A known place written inside an organization name ('Hanau Marketing GmbH' -> 'Hanau')."""
    for p in sorted(places, key=len, reverse=True):
        if p not in name:  # every test below needs p in the name
            continue
        if _whole_word_in(name, p):
            return p
        for adj in (p + "er", p + "s"):
            if _whole_word_in(name, adj):
                return p
    return None


def _word_starts(text: str, word: str) -> list[int]:
    """Where ``word_re(word).finditer(text)`` finds ``word``: no pattern compiled per town a story names."""
    return list(_iter_word_starts(text, word))


def _iter_word_starts(text: str, word: str) -> Iterator[int]:
    """The starts of ``word`` as a whole word in ``text``: not after a word character or '-', not before a word
    character (``str.isalnum`` or '_' is what ``\\w`` matches in a str pattern), each scan going on after a match."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_"):
            yield at
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


def _whole_word_in(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as ``word_re(word)`` finds it. A test on the text, not a pattern
    compiled per place: every story names new places."""
    return next(_iter_word_starts(text, word), None) is not None
