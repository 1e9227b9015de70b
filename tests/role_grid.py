"""A compositional grid of role sentences (our own words, invented people, real gazetteer places).

Each case composes one value of every dimension of the title grammar: the frame (where title, name and
body stand), a modifier of the title ('frühere', 'stellvertretende'), a title family with its body
phrase, a name shape (particles, hyphens, accents, honorifics) and a place shape (hyphenated,
multiword, foreign, 'St.'). ``cases`` samples the product deterministically; ``check`` runs one case."""

from __future__ import annotations

import itertools
import random
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records


@dataclass(frozen=True)
class Title:
    """A title family: masculine and feminine form, the body phrase after it, the body's name, an adjective-able
    municipal title (only those take 'der Xer Title' and 'Xs Title')."""

    key: str
    masc: str
    fem: str
    of: str  # the body phrase after the title, '{X}' = the place
    body: str  # the body's name as the graph should give it
    municipal: bool = True
    place_kind: str = "town"  # 'town' or 'county'


TITLES = [
    Title("mayor", "Bürgermeister", "Bürgermeisterin", "von {X}", "Stadt {X}"),
    Title("lord_mayor", "Oberbürgermeister", "Oberbürgermeisterin", "der Stadt {X}", "Stadt {X}"),
    Title("landrat", "Landrat", "Landrätin", "des Landkreises {X}", "Landkreis {X}", place_kind="county"),
    Title("utility", "Geschäftsführer", "Geschäftsführerin", "der Stadtwerke {X}", "Stadtwerke {X}", municipal=False),
    Title("office", "Leiter", "Leiterin", "des Amtes für Digitalisierung der Stadt {X}", "Stadt {X}", municipal=False),
    Title("digital", "Digitalisierungsbeauftragter", "Digitalisierungsbeauftragte", "der Stadt {X}", "Stadt {X}"),
    Title("ch_president", "Gemeindepräsident", "Gemeindepräsidentin", "von {X}", "Gemeinde {X}"),
    Title("at_vice", "Vizebürgermeister", "Vizebürgermeisterin", "von {X}", "Stadt {X}"),
    Title("board_chair", "Aufsichtsratsvorsitzender", "Aufsichtsratsvorsitzende", "der Stadtwerke {X}", "Stadtwerke {X}", municipal=False),
    Title("alt_mayor", "Alt-Bürgermeister", "Alt-Bürgermeisterin", "von {X}", "Stadt {X}"),
    Title("at_abbrev", "Bgm.", "Bgm.", "von {X}", "Stadt {X}"),
    Title("first_deputy", "Erster Beigeordneter", "Erste Beigeordnete", "der Stadt {X}", "Stadt {X}"),
    Title("press", "Pressesprecher", "Pressesprecherin", "der Stadt {X}", "Stadt {X}"),
]

#: Modifiers: (nominative after 'der/die', nominative without article (masc), without article (fem)).
MODIFIERS = {"none": ("", "", ""), "ehemalig": ("ehemalige", "ehemaliger", "ehemalige"), "früher": ("frühere", "früherer", "frühere"),
             "damalig": ("damalige", "damaliger", "damalige"), "neu": ("neue", "neuer", "neue"),
             "stellvertretend": ("stellvertretende", "stellvertretender", "stellvertretende")}

#: (name as written, the person's name in the graph, feminine)
NAMES = [
    ("Jürgen Quellmann", "Jürgen Quellmann", False),
    ("Anna-Lena Kroschwitz", "Anna-Lena Kroschwitz", True),
    ("Karl Meyer-Wendtland", "Karl Meyer-Wendtland", False),
    ("Peter van Dijkhoff", "Peter van Dijkhoff", False),
    ("Pieter den Hollander", "Pieter den Hollander", False),
    ("Ulrike von Hagelstein", "Ulrike von Hagelstein", True),
    ("Michèle Vaudrey", "Michèle Vaudrey", True),
    ("Dr. Bernd Stahlmeier", "Bernd Stahlmeier", False),
    ("Marie de la Rochère", "Marie de la Rochère", True),
    ("Jens Werner", "Jens Werner", False),  # a surname that is a first name too
]

#: (place, its -er adjective or None, its genitive or None, county form usable after 'Landkreis')
PLACES = [
    ("Hettstedt", "Hettstedter", "Hettstedts"),
    ("Villingen-Schwenningen", None, None),
    ("Ried im Innkreis", None, None),
    ("Aue-Bad Schlema", None, None),
    ("Dar es Salaam", None, None),
    ("Mülhausen", "Mülhauser", None),
    ("St. Ingbert", "St. Ingberter", None),
    ("Sankt Augustin", None, None),
]
COUNTIES = [("Görlitz", "Görlitzer", None), ("Mansfeld-Südharz", None, None), ("Rhein-Sieg-Kreis", None, None)]

#: Frames: '{A}' article (der/die), '{M}' modifier after an article, '{MS}' modifier without one, '{T}' title, '{O}' body
#: phrase, '{N}' name, '{ADJ}' place adjective, '{GEN}' place genitive, '{X}' place.
FRAMES = {
    "title_name_of": "{AC} {M}{T} {O} {N} trägt sich in das Goldene Buch ein.",
    "rev_appos": "{AC} {M}{T} {O}, {N}, sprach zur Eröffnung.",
    "appos": "{N}, {M}{T} {O}, sprach zur Eröffnung.",
    "appos_party": "{N} (SPD), {M}{T} {O}, sprach zur Eröffnung.",
    "adjective": "{AC} {M}{ADJ} {T} {N} sprach zur Eröffnung.",
    "genitive": "{GEN} {MS}{T} {N} sprach zur Eröffnung.",
    "copula": "{N} ist {M2}{T} {O}.",
    "copula_inverted": "Seit dem Frühjahr ist {N} {M2}{T} {O}.",
    "als": "{N} sprach als {M2}{T} {O} zu den Gästen.",
    "accusative_rev_appos": "Sie begrüßte {ACC} {MACC}{T} {O}, {N}, im Rathaus.",
    "title_aus": "{AC} {M}{T} aus {X}, {N}, sprach zur Eröffnung.",
    "genitive_title": "Sie dankte dem Team des {MGEN}{TGEN} {N} aus {X}.",
    "title_party_aus": "Es sprach {MS}{T} {N} (CDU) aus {X}.",
    "paren_title": "Es sprach {N} ({MS}{T} {O}).",
    "side": "Von {ADJ} Seite sprach {MS}{T} {N}.",
    "relative_copula": "{N}, {REL} seit 2019 {M2}{T} {O} ist, sprach zur Eröffnung.",
    "appointed_v2": "Zum {MDAT}{TDAT} {O} wurde {N} gewählt.",
    "inverted_copula_since": "{MSC}{T} {O} ist seit Mai {N}.",
}


@dataclass(frozen=True)
class Case:
    frame: str
    modifier: str
    title: str
    name: int
    place: str

    @property
    def id(self) -> str:
        return "-".join((self.frame, self.modifier, self.title, str(self.name), re.sub(r"\W+", "_", self.place)))


def _place_row(place: str) -> tuple[str, str | None, str | None]:
    return next(p for p in (*PLACES, *COUNTIES) if p[0] == place)


def render(case: Case) -> tuple[str, str, str]:
    """(sentence, person, body) of a case."""
    t = next(t for t in TITLES if t.key == case.title)
    raw, person, fem = NAMES[case.name]
    place, adj, gen = _place_row(case.place)
    mod = MODIFIERS[case.modifier]
    title = t.fem if fem else t.masc
    strong = title  # without an article: 'ehemaliger Digitalisierungsbeauftragter'
    if title.endswith("beauftragter"):
        title = title[:-1]  # the weak form after an article ('der Digitalisierungsbeauftragte')
    weak = not fem and title.endswith(("beauftragte", "präsident"))
    acc_title = title + ("n" if weak and title.endswith("e") else "en" if weak else "")
    m_art = mod[0] + " " if mod[0] else ""
    m_bare = (mod[2] if fem else mod[1]) + " " if mod[1] else ""
    m_acc = (mod[0] if fem else mod[0] + "n") + " " if mod[0] else ""
    fill = {
        "AC": "Die" if fem else "Der", "ACC": "die" if fem else "den", "M": m_art, "MS": m_bare, "M2": m_bare,
        "MACC": m_acc, "T": title, "O": t.of.format(X=place), "N": raw, "ADJ": adj or "", "GEN": gen or "", "X": place,
    }
    text = FRAMES[case.frame]
    fill["MGEN"] = (mod[0] + ("" if fem else "n") + " ") if mod[0] else ""
    fill["REL"] = "die" if fem else "der"
    fill["MDAT"] = (mod[0] + "n ") if mod[0] else ""  # 'zum ehemaligen', 'zur neuen'
    fill["TDAT"] = acc_title
    fill["MSC"] = (m_bare[:1].upper() + m_bare[1:]) if m_bare else ""
    if case.frame == "appointed_v2" and fem:
        text = text.replace("Zum ", "Zur ")
    fill["TGEN"] = title if fem else acc_title if weak else title + "s"
    if case.frame == "genitive_title" and fem:
        text = text.replace("des {MGEN}", "der {MGEN}")
    if case.frame == "accusative_rev_appos":
        fill["T"] = acc_title
    if case.frame in ("copula", "copula_inverted", "als", "genitive", "title_party_aus", "paren_title", "side", "relative_copula",
                      "inverted_copula_since"):
        fill["T"] = strong
    if strong.startswith("Erste") and fill["MS"]:
        fill["MS"] = ""  # 'Erster Beigeordneter' takes no second modifier in the sample
    sent = text.format(**fill)
    return sent[0].upper() + sent[1:], person, t.body.format(X=place)


def applicable(case: Case) -> bool:
    """Whether the case is a sentence German writes (an adjective frame needs a place with an adjective, ...)."""
    t = next(t for t in TITLES if t.key == case.title)
    place, adj, gen = _place_row(case.place)
    if (place in dict((c[0], c) for c in COUNTIES)) != (t.place_kind == "county"):
        return False
    if case.frame == "adjective" and (not adj or not t.municipal):
        return False
    if case.frame == "genitive" and (not gen or not t.municipal):
        return False
    if case.frame in ("title_aus", "genitive_title", "title_party_aus") and not t.municipal:
        return False
    if case.frame == "side" and (not adj or not t.municipal):
        return False
    if t.key == "at_abbrev" and case.modifier != "none":
        return False
    return True


def all_cases() -> list[Case]:
    out = []
    for f, m, t, n in itertools.product(FRAMES, MODIFIERS, [t.key for t in TITLES], range(len(NAMES))):
        title = next(x for x in TITLES if x.key == t)
        for p in [c[0] for c in (COUNTIES if title.place_kind == "county" else PLACES)]:
            c = Case(f, m, t, n, p)
            if applicable(c):
                out.append(c)
    return out


def cases(n: int, seed: int = 6, stride: int = 3) -> list[Case]:
    """A deterministic sample of about ``n`` cases: every value of every dimension in every ``stride``-th frame (value
    ``i`` of a dimension with frame ``j`` when ``(i + j) % stride == 0``, each against the first case the frame allows
    it in), then random cases of the whole product up to ``n``."""
    pool = all_cases()
    frames = list(FRAMES)
    dims = {"modifier": list(MODIFIERS), "title": [t.key for t in TITLES], "name": list(range(len(NAMES))),
            "place": [p[0] for p in (*PLACES, *COUNTIES)]}
    picked: list[Case] = []
    seen: set[Case] = set()
    for dim, values in dims.items():
        for i, v in enumerate(values):
            for j, f in enumerate(frames):
                if (i + j) % stride:
                    continue
                c = next((c for c in pool if c.frame == f and getattr(c, dim) == v), None)
                if c is not None and c not in seen:
                    seen.add(c)
                    picked.append(c)
    rest = [c for c in pool if c not in seen]
    random.Random(seed).shuffle(rest)
    return picked + rest[: max(0, n - len(picked))]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return re.sub(r"[^0-9a-z]+", " ", "".join(ch for ch in text if not unicodedata.combining(ch))).strip()


_HEADS = {"stadt", "gemeinde", "markt", "stadtgemeinde", "marktgemeinde", "landkreis", "kreis"}


def _norm(name: str) -> str:
    f = _fold(name)
    head, _, rest = f.partition(" ")
    return rest if head in _HEADS and rest else f


def roles_of(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    """(persons, (person, body) pairs, each body also as every body it is PART_OF) of an imported text."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "artikel.txt"
        path.write_text(text + "\n", encoding="utf-8")
        recs = doc_records(path, ImportContext())
    nodes = {r.id: r for r in recs if isinstance(r, Node)}
    parent = {r.source: r.target for r in recs if isinstance(r, Rel) and r.type == "PART_OF"}
    out = set()
    for r in recs:
        if isinstance(r, Rel) and r.type == "HOLDS_ROLE":
            at: str | None = r.target
            while at is not None and at in nodes:
                out.add((nodes[r.source].name, _norm(nodes[at].name)))
                at = parent.get(at)
    return {n.name for n in nodes.values() if n.label == "Person"}, out


def check(case: Case) -> tuple[bool, bool, str]:
    """(person found, role found, sentence)."""
    sent, person, body = render(case)
    persons, roles = roles_of(sent)
    return person in persons, (person, _norm(body)) in roles, sent
