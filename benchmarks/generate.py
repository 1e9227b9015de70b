"""Seeded synthetic data for the benchmarks: a stakeholder graph and German municipal press releases.

The graph follows SCHEMA.md: persons, organizations of every kind, units under bodies (PART_OF),
dated roles (HOLDS_ROLE), events with both sides (ATTENDED guest/host/lead/acting_for), partnerships
with evidence and sources, memberships, a few RELATED_TO links, and the Source nodes facts cite.
Popularity is heavy-tailed: persons and organizations are drawn with Zipf-like weights
``(rank + 10) ** -0.9`` (a few mayors and city halls are everywhere, most people appear once or
twice) and event sizes follow a Pareto law (most meetings have a handful of people, council
sessions and conferences dozens).

Everything depends only on the seed: the same call gives the same records, ids and order.
"""

from __future__ import annotations

import itertools
import json
import random
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from stakegraph.graph.records import Node, Rel, slug

GIVEN = (
    "Anna Andreas Aylin Barbara Bernd Birgit Carsten Christian Claudia Daniel Denes Dieter Dominik Elke Emre Eva "
    "Fabian Franziska Frank Gabriele Georg Hannah Heike Helmut Ines Isabelle Jana Jens Jörg Julia Jürgen Karin "
    "Karola Katrin Kerstin Klaus Lena Lars Leonie Lukas Maja Manfred Marc Marie Markus Martin Mehmet Michael "
    "Monika Nadine Nils Olaf Oliver Patrick Petra Ralf Renate Robin Sabine Sandra Sebastian Silke Simone Sophie "
    "Stefan Susanne Svenja Thomas Tobias Ulrike Uwe Ursula Volker Werner Yvonne Zeynep Ömer Jörn Björn Gülay "
    "Hendrik Ingrid Johanna Kai Luisa Mario Nina Paul Rita Sven Till Vera Wolfgang Xenia"
).split()
FAMILY = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein "
    "Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause "
    "Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz "
    "Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann "
    "Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer "
    "Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Pohl Engel Horn Busch "
    "Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Kücük Demir Yılmaz Kaya Hemsley Triebel Terhaar Wiggers "
    "Kemper Herter Broistedt Nolda Gerlach Bieberle Freimuth Kretschmann Kopietz Temme Brück Lammers Hövel"
).split()
CITIES = (
    "Aachen Ahaus Arnsberg Augsburg Bamberg Bielefeld Bochum Bonn Bottrop Braunschweig Bremen Chemnitz Cottbus "
    "Darmstadt Dessau Dortmund Dresden Duisburg Düren Erfurt Erlangen Essen Flensburg Frankfurt Freiburg Fulda "
    "Gelsenkirchen Gera Gießen Göttingen Gütersloh Hagen Halle Hamm Hanau Hannover Heidelberg Heilbronn Herne "
    "Hildesheim Ingolstadt Iserlohn Jena Kaiserslautern Karlsruhe Kassel Kiel Koblenz Krefeld Landshut Leipzig "
    "Leverkusen Lingen Lübeck Ludwigsburg Lüneburg Magdeburg Mainz Mannheim Marburg Minden Moers Münster "
    "Neuss Nürnberg Oberhausen Offenbach Oldenburg Osnabrück Paderborn Passau Potsdam Regensburg Remscheid "
    "Reutlingen Rostock Saarbrücken Salzgitter Schwerin Siegen Soest Solingen Stuttgart Trier Tübingen Ulm Unna "
    "Villingen Weimar Wiesbaden Witten Wolfsburg Worms Wuppertal Würzburg Zwickau"
).split()
UNITS = ("Stabsstelle Digitalisierung", "Amt für Digitalisierung", "Wirtschaftsförderung", "Ordnungsamt",
         "Bauverwaltung", "Rat", "Ausschuss für Digitales", "Hauptausschuss", "Kämmerei", "Umweltamt",
         "Amt für Stadtentwicklung", "Bürgerbüro", "Schulverwaltungsamt", "Smart City Innovation Unit")
ORG_FORMS = {
    "utility": "Stadtwerke {c}", "company": "{f} {x} GmbH", "university": "Hochschule {c}",
    "research": "Fraunhofer-Institut {x} {c}", "chamber": "IHK {c}", "association": "Netzwerk {x} {c} e.V.",
    "bank": "Sparkasse {c}", "housing": "Wohnungsbau {c} GmbH", "media": "{c}er Anzeiger",
    "government": "Ministerium für {x}", "party": "{x}-Partei {c}", "program": "Förderprogramm {x} {c}",
    "other": "Stiftung {f} {c}",
}
TOPICS = ("Digitalisierung", "Smart City", "Wasserstoff", "Glasfaser", "Mobilität", "Klimaschutz", "Open Data",
          "Bildung", "Energie", "Wohnen", "Gesundheit", "Tourismus")
ROLES = (("Oberbürgermeister", "mayor"), ("Bürgermeisterin", "mayor"), ("Chief Digital Officer", "cdo"),
         ("Geschäftsführer", "managing_director"), ("Geschäftsführerin", "managing_director"),
         ("Amtsleiter", "head_of_unit"), ("Leiterin", "head_of_unit"), ("Ratsmitglied", "council_member"),
         ("Stadtdirektor", "city_director"), ("Projektmanager", "project_manager"), ("Referentin", "advisor"),
         ("Dezernentin", "department_head"), ("Präsident", "president"), ("Vorstand", "board_member"))
VERBS = ("informierte sich über", "besuchte", "tauschte sich aus über", "diskutierte über", "stellte vor")


def zipf_cum(n: int, offset: float = 10.0, exponent: float = 0.9) -> list[float]:
    """Cumulative Zipf-like weights ``(rank + offset) ** -exponent`` for ranks 0..n-1."""
    return list(itertools.accumulate((r + offset) ** -exponent for r in range(n)))


def _pick(rng: random.Random, items: list, cum: list[float]) -> Any:
    return items[bisect_left(cum, rng.random() * cum[-1])]


@dataclass
class Synth:
    """A generated graph: nodes, relationships, and facts for choosing queries."""

    nodes: list[Node]
    rels: list[Rel]
    persons: list[Node] = field(default_factory=list)
    #: person id -> number of events attended (for picking well-connected people)
    attended: dict[str, int] = field(default_factory=dict)

    def records(self) -> Iterator[Node | Rel]:
        yield from self.nodes
        yield from self.rels

    def by_attendance(self) -> list[tuple[str, int]]:
        """Persons who attended something, most events first (ties by id)."""
        return sorted(self.attended.items(), key=lambda kv: (-kv[1], kv[0]))


def person_names(n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """``n`` distinct (given, family, display name) triples; a middle initial or double name when needed."""
    combos = len(GIVEN) * len(FAMILY)
    picks = rng.sample(range(combos * 27), n) if n <= combos * 27 else None
    if picks is None:
        raise ValueError(f"too many persons ({n}) for the name vocabulary")
    out = []
    for p in picks:
        mid, rest = divmod(p, combos)
        g, f = GIVEN[rest % len(GIVEN)], FAMILY[rest // len(GIVEN)]
        given = g if mid == 0 else f"{g} {chr(64 + mid)}."
        out.append((given, f, f"{given} {f}"))
    return out


def graph(n_nodes: int, n_rels: int, seed: int = 7) -> Synth:
    """About ``n_nodes`` nodes and exactly ``n_rels`` relationships (when the budget allows)."""
    rng = random.Random(seed)
    n_src = max(3, n_nodes * 3 // 100)
    n_org = max(20, n_nodes * 22 // 100)
    n_ev = max(5, n_nodes * 25 // 100)
    n_per = max(10, n_nodes - n_src - n_org - n_ev)

    sources = [Node(f"source:press-{i:07d}", "Source", f"Pressemitteilung {i}",
                    {"title": f"Pressemitteilung {i}", "url": f"https://presse.example.org/meldung/{i}",
                     "publisher": f"Stadt {CITIES[i % len(CITIES)]}", "published": f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}"})
               for i in range(n_src)]
    src_ids = [s.id for s in sources]
    src_cum = zipf_cum(n_src, 50.0, 0.6)

    # organizations: municipalities first (bodies), then other kinds, then units under bodies
    n_muni = max(5, n_org // 30)
    n_unit = n_org * 40 // 100
    orgs: list[Node] = []
    used: set[str] = set()

    def add_org(name: str, kind: str, place: str) -> Node:
        base = "organization:" + slug(name)
        oid, k = base, 1
        while oid in used:
            k += 1
            oid = f"{base}-{k}"
        used.add(oid)
        node = Node(oid, "Organization", name if k == 1 else f"{name} ({k})", {"kind": kind, "place": place})
        orgs.append(node)
        return node

    munis = []
    for i in range(n_muni):
        c = CITIES[i % len(CITIES)] + ("" if i < len(CITIES) else f" {i // len(CITIES) + 1}")
        m = add_org(f"Stadt {c}", "municipality", c)
        m.props["identifiers"] = [f"ags:{5000000 + i:08d}"]
        munis.append(m)
    other_kinds = [k for k in ORG_FORMS]
    for i in range(n_org - n_muni - n_unit):
        kind = other_kinds[i % len(other_kinds)]
        c = CITIES[rng.randrange(len(CITIES))]
        name = ORG_FORMS[kind].format(c=c, f=rng.choice(FAMILY), x=rng.choice(TOPICS))
        add_org(name, kind, c)
    bodies = list(orgs)  # units hang under these, most under municipalities
    body_weights = [8.0 if b.props["kind"] == "municipality" else 1.0 for b in bodies]
    body_cum = list(itertools.accumulate(w * (r + 5) ** -0.8 for r, w in enumerate(body_weights)))
    rels: list[Rel] = []
    for i in range(n_unit):
        parent = _pick(rng, bodies, body_cum)
        u = add_org(f"{UNITS[i % len(UNITS)]} {parent.name}", "unit", parent.props["place"])
        rels.append(Rel("PART_OF", u.id, parent.id, {"since": str(1990 + rng.randrange(35))}))
    org_rank = list(orgs)
    rng.shuffle(org_rank)
    org_rank.sort(key=lambda o: 0 if o.props["kind"] == "municipality" else 1)  # city halls are the hubs
    org_cum = zipf_cum(len(org_rank))

    names = person_names(n_per, rng)
    persons = []
    for i, (given, family, name) in enumerate(names):
        persons.append(Node("person:" + slug(name), "Person", name,
                            {"given_name": given, "family_name": family,
                             **({"honorific": "Dr."} if i % 17 == 0 else {}),
                             **({"aliases": [f"{given[0]}. {family}"]} if i % 5 == 0 else {})}))
    per_rank = list(persons)
    rng.shuffle(per_rank)
    per_cum = zipf_cum(len(per_rank))

    events = []
    kinds = ("visit", "visit", "meeting", "meeting", "council_session", "conference", "workshop", "other")
    for i in range(n_ev):
        kind = kinds[i % len(kinds)]
        c = CITIES[rng.randrange(len(CITIES))]
        y, m, d = 2015 + rng.randrange(11), 1 + rng.randrange(12), 1 + rng.randrange(28)
        events.append(Node(f"event:{kind}-{i:07d}", "Event", f"{kind.replace('_', ' ').title()} in {c} {y}-{m:02d}-{d:02d}",
                           {"kind": kind, "date": f"{y}-{m:02d}-{d:02d}", "place": c,
                            "sources": [_pick(rng, src_ids, src_cum)]}))

    # roles: every person holds 1-3 positions, organizations drawn by popularity
    primary: dict[str, str] = {}
    budget_other = n_rels - len(rels)
    for p in persons:
        if len(rels) >= n_rels:
            break
        for _j in range(1 + (rng.random() < 0.35) + (rng.random() < 0.1)):
            org = _pick(rng, org_rank, org_cum)
            title, role = ROLES[rng.randrange(len(ROLES))]
            since = 2000 + rng.randrange(25)
            props: dict[str, Any] = {"title": title, "role": role, "since": f"{since}-{1 + rng.randrange(12):02d}"}
            if rng.random() < 0.3:
                props["until"] = str(since + 1 + rng.randrange(8))
            if rng.random() < 0.4:
                s = _pick(rng, src_ids, src_cum)
                props.update(sources=[s], evidence=[f"{p.name}, {title} bei {org.name}, sagte …"],
                             confidence=0.9, extractor="press:role")
            rels.append(Rel("HOLDS_ROLE", p.id, org.id, props))
            primary.setdefault(p.id, org.id)
    # partnerships and memberships between organizations (both ends by popularity)
    assoc = [o for o in orgs if o.props["kind"] in ("association", "program")] or orgs
    seen_pairs: set[tuple[str, str]] = set()
    for _ in range(n_nodes * 15 // 100):
        a, b = _pick(rng, org_rank, org_cum), _pick(rng, org_rank, org_cum)
        key = (min(a.id, b.id), max(a.id, b.id))
        if a.id == b.id or key in seen_pairs:
            continue
        seen_pairs.add(key)
        s = _pick(rng, src_ids, src_cum)
        topic = rng.choice(TOPICS)
        rels.append(Rel("PARTNERS_WITH", a.id, b.id,
                        {"topic": topic, "since": str(2010 + rng.randrange(15)), "sources": [s],
                         "evidence": [f"{a.name} kooperiert beim Thema {topic} mit {b.name}."],
                         "confidence": 0.8, "extractor": "press:partner"}))
    seen_member: set[tuple[str, str]] = set()
    for _ in range(n_nodes * 8 // 100):
        a, b = _pick(rng, org_rank, org_cum), assoc[rng.randrange(len(assoc))]
        if a.id != b.id and (a.id, b.id) not in seen_member:
            seen_member.add((a.id, b.id))
            rels.append(Rel("MEMBER_OF", a.id, b.id, {"since": str(2000 + rng.randrange(25))}))
    for i in range(n_nodes * 2 // 100):
        a, b = _pick(rng, per_rank, per_cum), persons[rng.randrange(len(persons))]
        if a.id != b.id:
            rels.append(Rel("RELATED_TO", a.id, b.id, {"kind": rng.choice(("family", "associate")),
                                                       "date": str(2010 + i % 15)}))
    del budget_other
    rels = rels[:n_rels]

    # attendance fills the rest: Pareto event sizes, attendees by popularity, both sides of a visit
    budget = n_rels - len(rels)
    attended: dict[str, int] = {}
    if budget > 0:
        raw = [min(50.0, rng.paretovariate(1.7)) for _ in events]  # caps at ~150 attendees
        scale = budget / sum(raw)
        sizes = [max(2, round(r * scale)) for r in raw]
        diff = budget - sum(sizes)
        i = 0
        while diff != 0 and events:  # spread the rounding remainder
            j = i % len(sizes)
            if diff > 0:
                sizes[j] += 1
                diff -= 1
            elif sizes[j] > 2:
                sizes[j] -= 1
                diff += 1
            i += 1
            if i > 10 * len(sizes) + abs(diff) * 4 and diff < 0:
                break
        for ev, size in zip(events, sizes, strict=False):
            size = min(size, len(persons) // 2)
            who: dict[str, Node] = {}
            n_org_att = size // 10
            tries = 0
            while len(who) < size - n_org_att and tries < size * 20:
                tries += 1
                p = _pick(rng, per_rank, per_cum)
                who.setdefault(p.id, p)
            while len(who) < size and tries < size * 40:
                tries += 1
                o = _pick(rng, org_rank, org_cum)
                who.setdefault(o.id, o)
            visit = ev.props["kind"] == "visit"
            src = ev.props["sources"][0]
            for k, (wid, w) in enumerate(who.items()):
                side = ("guest" if k % 2 == 0 else "host") if visit else "participant"
                props = {"side": side}
                if w.label == "Person":
                    attended[wid] = attended.get(wid, 0) + 1
                    if wid in primary:
                        props["acting_for"] = primary[wid]
                    if k < 2:
                        props["lead"] = True
                    if rng.random() < 0.3:
                        props["role_at_event"] = ROLES[rng.randrange(len(ROLES))][0]
                props["sources"] = [src]
                if rng.random() < 0.3:
                    props["evidence"] = [f"Zu der Delegation gehörte auch {w.name}."]
                rels.append(Rel("ATTENDED", wid, ev.id, props))
    nodes = [*sources, *orgs, *persons, *events]
    return Synth(nodes, rels, persons, attended)


def write_node_link(path: Path, nodes: Iterable[Node], rels: Iterable[Rel]) -> int:
    """Write the JSON contract (networkx node-link data) streaming; return the byte size."""
    with open(path, "wb") as fh:
        fh.write(b'{"directed": true, "multigraph": true, "graph": {}, "nodes": [')
        for i, n in enumerate(nodes):
            fh.write((b"," if i else b"") + orjson.dumps({"id": n.id, **n.attrs()}))
        fh.write(b'], "edges": [')
        for i, r in enumerate(rels):
            fh.write((b"," if i else b"") + orjson.dumps(
                {"source": r.source, "target": r.target, "key": r.key or r.type, **r.attrs()}))
        fh.write(b"]}")
    return path.stat().st_size


# ---- press releases ------------------------------------------------------------------------------
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")
CITY_TITLES = (("Oberbürgermeister", "Oberbürgermeisterin"), ("Bürgermeister", "Bürgermeisterin"),
               ("Stadtdirektor", "Stadtdirektorin"), ("Stadtrat", "Stadträtin"))
ORG_TITLES = ("Chief Digital Officer", "Geschäftsführer", "Leiter", "Amtsleiter", "Projektmanager")
FEMALE = set("Anna Aylin Barbara Birgit Claudia Elke Eva Franziska Gabriele Hannah Heike Ines Isabelle Jana Julia "
             "Karin Karola Katrin Kerstin Lena Leonie Maja Marie Monika Nadine Petra Renate Sabine Sandra Silke "
             "Simone Sophie Susanne Svenja Ulrike Ursula Yvonne Zeynep Gülay Ingrid Johanna Luisa Nina Rita Vera "
             "Xenia".split())
FILLER = (
    "Die Digitalisierung der Verwaltung sei kein Selbstzweck, sondern solle das Leben der Menschen verbessern.",
    "Im Mittelpunkt standen Fragen der Datensouveränität, der Zusammenarbeit im Stadtkonzern und der Finanzierung.",
    "Beide Seiten vereinbarten, den Austausch im kommenden Jahr mit einem Gegenbesuch fortzusetzen.",
    "Zu den zentralen Säulen der Strategie zählen moderne Verwaltung, Bildung, Mobilität und Klimaschutz.",
    "Die Ergebnisse sollen in das eigene Smart-City-Leitbild einfließen, das derzeit erarbeitet wird.",
    "Auf dem Programm standen außerdem ein Rundgang durch das Rathaus und die Vorstellung mehrerer Pilotprojekte.",
)


#: Body prose of a release beyond its facts (programme, money, dates, next steps), written for the
#: benchmark. Real releases carry far more of it per fact than the fact paragraphs above: measured on the
#: 51 real dev excerpts, ~10 person-shaped names, ~4 titles and ~7 organization words per KB, against
#: ~23 / ~5.5 / ~12 in the fact paragraphs alone. Some sentences name a title without a person or
#: a body or place, as real prose does.
PROSE = (
    "Die Verwaltung will das Thema {topic} in den kommenden {n} Jahren Schritt für Schritt ausbauen.",
    "Nach Angaben der Stadtverwaltung fließen dafür rund {n} Millionen Euro aus Fördermitteln des Landes.",
    "Die Oberbürgermeisterin betonte, dass die Bürgerinnen und Bürger frühzeitig beteiligt werden sollen.",
    "Bereits im {month} hatte der Stadtrat einen entsprechenden Beschluss gefasst.",
    "Interessierte können sich ab {weekday} im Bürgerbüro über das neue Angebot informieren.",
    "Weitere Informationen gibt es auf der Internetseite der Stadt {city}.",
    "Das Projekt ist zunächst auf {n} Jahre angelegt und wird von einer Hochschule wissenschaftlich begleitet.",
    "Ein erster Zwischenbericht soll im Herbst im Ausschuss für {topic} vorgestellt werden.",
    "Rund {n}0 Teilnehmerinnen und Teilnehmer nutzten die Gelegenheit zum Austausch mit den Fachleuten.",
    "Der Abend klang bei einem gemeinsamen Essen in der Altstadt aus.",
    "Die Partner wollen ihre Erfahrungen auch anderen Kommunen in der Region zur Verfügung stellen.",
    "Dabei geht es unter anderem um digitale Anträge, offene Daten und den Ausbau des Glasfasernetzes.",
    "Auch die Schulen und Kindertagesstätten sollen von dem Vorhaben profitieren.",
    "Die Kosten für die erste Phase liegen nach Schätzung der Kämmerei bei rund {n}00.000 Euro.",
    "Der Termin war bereits im Frühjahr bei einem Treffen in {city} vereinbart worden.",
    "„Wir wollen zeigen, was eine Verwaltung heute leisten kann“, so der Leiter des Amtes.",
    "Die Ergebnisse der Befragung werden in den nächsten Wochen ausgewertet und im {month} veröffentlicht.",
    "Zum Abschluss besichtigten die Gäste das neue Rechenzentrum am Stadtrand.",
    "Wie die Pressestelle mitteilte, ist eine Fortsetzung der Gespräche im kommenden Jahr geplant.",
    "Für Fragen steht das Team der Wirtschaftsförderung montags bis freitags zur Verfügung.",
    "Seit dem Start im Jahr 20{yy} haben sich mehr als {n}00 Haushalte an dem Programm beteiligt.",
    "Die Beschäftigten der Verwaltung wurden in mehreren Workshops auf die Umstellung vorbereitet.",
    "Kritik kam zuletzt von einzelnen Fraktionen im Rat, die eine genauere Kostenplanung forderten.",
    "Bis Ende des Jahres sollen alle Ämter an die neue Plattform angeschlossen sein.",
)
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
#: Article length (bytes, whole file) of ``realistic`` releases: log-normal around 3 KB (5-95 %: ~1.7-5.3 KB).
#: The 51 real dev excerpts have a median of ~1.6 KB but are cut at ~2,000 characters (18 of them
#: are), and the shared corpus' three releases have 2.4, 3.3 and 8.7 KB.
ARTICLE_MEDIAN_BYTES = 3000
ARTICLE_SIGMA = 0.35


def _prose_paragraph(rng: random.Random, cities: tuple[str, str]) -> str:
    picks = rng.sample(PROSE, 3 + rng.randrange(3))
    return " ".join(t.format(topic=rng.choice(TOPICS), n=2 + rng.randrange(8), month=rng.choice(MONTHS),
                             weekday=rng.choice(WEEKDAYS), city=rng.choice(cities), yy=18 + rng.randrange(7))
                    for t in picks)


def _title(rng: random.Random, given: str) -> str:
    pair = CITY_TITLES[rng.randrange(len(CITY_TITLES))]
    return pair[1] if given in FEMALE else pair[0]


def _date(rng: random.Random) -> tuple[str, str]:
    y, m, d = 2018 + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28)
    return f"{d}. {MONTHS[m - 1]} {y}", f"{d:02d}.{m:02d}.{y}"


def press_article(rng: random.Random, i: int, realistic: bool = False) -> tuple[str, dict[str, Any]]:
    """One German municipal press release (visit story, caption, contact, teaser block) and its gold.

    ``realistic``: body prose paragraphs after the fact paragraphs bring the release to a length drawn
    around ``ARTICLE_MEDIAN_BYTES`` (the facts and the gold stay those of the short form)."""
    def person() -> tuple[str, str]:
        g, f = rng.choice(GIVEN), rng.choice(FAMILY)
        return g, f

    a, b = rng.sample(CITIES, 2)
    ga, fa = person()
    gb, fb = person()
    gc, fc = person()
    members = [person() for _ in range(2 + rng.randrange(3))]
    ta, tb = _title(rng, ga), _title(rng, gb)
    unit = rng.choice(("Stabsstelle Digitalisierung", "Wirtschaftsförderung", "Smart City Innovation Unit"))
    tc = rng.choice(ORG_TITLES)
    topic = rng.choice(TOPICS)
    long_date, short_date = _date(rng)
    quote = rng.choice(("Wir lernen gern voneinander", "Gemeinsam können wir mehr bewegen",
                        "Digitalisierung muss den Menschen nützen"))
    names = [f"{ga} {fa}", f"{gb} {fb}", f"{gc} {fc}", *(f"{g} {f}" for g, f in members)]
    body = [
        f"{a} und {b} wollen beim Thema {topic} enger kooperieren",
        "",
        f"Eine Delegation aus {a} besuchte am {long_date} die Stadt {b}. Die Delegation unter der Leitung von "
        f"{ta} {ga} {fa} informierte sich im Rathaus über das Thema {topic}. Empfangen wurden die Gäste von "
        f"{b}s {tb} {gb} {fb}. „{quote}“, sagte {fb}.",
        f"Für die Delegation, zu der auch {', '.join(f'{g} {f}' for g, f in members[:-1])} und "
        f"{members[-1][0]} {members[-1][1]} gehörten, war der Termin ein Gewinn. {gc} {fc}, {tc} der "
        f"{unit} der Stadt {b}, stellte die Plattform vor, die in enger Zusammenarbeit mit den Stadtwerken "
        f"{b} entstanden ist.",
        " ".join(rng.sample(FILLER, 3)),
        f"v.l.: {ga} {fa}, {ta} Stadt {a}; {gb} {fb}, {tb} Stadt {b}; {gc} {fc}, {tc} Stadt {b}",
        f"Foto: Stadt {b} / {rng.choice(GIVEN)} {rng.choice(FAMILY)}",
        f"Pressekontakt: Presseamt der Stadt {b}, Telefon 0{rng.randrange(2000, 9999)} {rng.randrange(100000, 999999)}",
        "",
        "Weitere Meldungen",
    ]
    if realistic:
        target = rng.lognormvariate(0.0, ARTICLE_SIGMA) * ARTICLE_MEDIAN_BYTES
        at, size = 5, sum(len(x.encode("utf-8")) + 1 for x in body) + 260  # + the teaser block below
        while size < target:
            par = _prose_paragraph(rng, (a, b))
            body.insert(at, par)
            at, size = at + 1, size + len(par.encode("utf-8")) + 1
    for _ in range(2):
        c, d = rng.sample(CITIES, 2)
        _, sd = _date(rng)
        body.append(f"{c}: Neues Projekt zu {rng.choice(TOPICS)}")
        body.append(f"[{sd}] Die Stadt {c} arbeitet beim Thema {rng.choice(TOPICS)} mit der Stadt {d} zusammen. mehr...")
    return "\n".join(body) + "\n", {"persons": names}


def press_corpus(folder: Path, n: int, seed: int = 11, realistic: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """Write ``n`` generated articles into ``folder``; return total bytes and the gold per file.

    ``realistic=False`` gives the dense ~1.5 KB releases of sessions 1-3 (the same files for the same seed)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total, golds = 0, []
    for i in range(n):
        text, gold = press_article(rng, i, realistic)
        path = folder / f"meldung_{i:05d}.txt"
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        golds.append({"doc": path.name, **gold})
    return total, golds


if __name__ == "__main__":
    s = graph(2000, 6000)
    print(len(s.nodes), len(s.rels), s.by_attendance()[:3])
    print(json.dumps(press_article(random.Random(1), 0)[1], ensure_ascii=False))
    print(press_article(random.Random(1), 0)[0])
