"""Graphs for export tests and benchmarks: a small hostile sample and a large seeded random graph."""

from __future__ import annotations

import random

import networkx as nx

from stakegraph.graph.convert import to_graph
from stakegraph.graph.records import Node, Rel
from stakegraph.graph.schema import ORG_KINDS

#: Payload that sets ``window.__pwned`` if any name is ever parsed as markup or script.
XSS = "<img src=x onerror=\"window.__pwned=1;alert(1)\">"
SCRIPT_BREAK = "</script><script>window.__pwned=2</script>"
#: Names that stress every escaping layer (HTML, JSON, Cypher, XML, CSV, matplotlib mathtext).
HOSTILE_NAMES = [
    XSS,
    SCRIPT_BREAK,
    "O'Brien \"Quote\" \\back\\slash",
    "line\nbreak\r\ttab",
    "\u202eright-to-left\u200f mark \u2028 sep \u2029 end",
    "})]; MATCH (n) DETACH DELETE n; //",
    "`tick` ${x} $math$ {{title}}",
    "=HYPERLINK(\"http://evil.example\")",
    "ctrl\x01\x1f\x7f chars",
    "Dénes Kücük – 𝔘nicode 👩‍💼",
]


def sample_graph() -> nx.MultiDiGraph:
    """A visit with guest and host sides, roles, partnership evidence with a Source, hostile names."""
    src = Node("source:press-1", "Source", "Press release 1",
               {"title": "Delegation visits <Stadtwerke>", "url": "https://example.org/press/1?a=1&b=2",
                "publisher": "City & Co", "published": "2025-10-27"})
    bad_src = Node("source:evil", "Source", "Evil", {"title": "javascript link", "url": "javascript:window.__pwned=3"})
    people = [
        Node("person:isabelle-hemsley", "Person", "Isabelle Hemsley", {"aliases": ["Isabelle Hémsley", "I. Hemsley"]}),
        Node("person:denes-kucuk", "Person", "Dénes Kücük", {"honorific": "Dr."}),
    ]
    orgs = [
        Node("organization:musterstadt", "Organization", "Musterstadt", {"kind": "municipality", "place": "Musterstadt"}),
        Node("organization:stadtwerke", "Organization", "Stadtwerke Musterstadt", {"kind": "utility"}),
        Node("organization:uni", "Organization", "Universität Beispiel", {"kind": "university",
                                                                         "identifiers": ["wikidata:Q1", "ags:0591"]}),
    ]
    event = Node("event:visit-2025-10-27", "Event", "Visit to Stadtwerke",
                 {"kind": "visit", "date": "2025-10-27", "place": "Musterstadt", "sources": ["source:press-1"],
                  "evidence": ["The delegation visited the Stadtwerke on Monday."]})
    hostile = [Node(f"person:hostile-{i}", "Person", name, {"aliases": [name + " alias"]})
               for i, name in enumerate(HOSTILE_NAMES)]
    rels = [
        Rel("HOLDS_ROLE", "person:isabelle-hemsley", "organization:musterstadt",
            {"title": "Chief Digital Officer", "role": "cdo", "since": "2023", "sources": ["source:press-1"],
             "evidence": ["Isabelle Hemsley, Chief Digital Officer of Musterstadt, said …"], "confidence": 0.9,
             "extractor": "press:role"}),
        Rel("ATTENDED", "person:isabelle-hemsley", "event:visit-2025-10-27",
            {"side": "guest", "acting_for": "organization:musterstadt", "lead": True}),
        Rel("ATTENDED", "person:denes-kucuk", "event:visit-2025-10-27",
            {"side": "host", "acting_for": "organization:stadtwerke", "role_at_event": "Managing Director"}),
        Rel("PART_OF", "organization:stadtwerke", "organization:musterstadt", {}),
        Rel("OWNS", "organization:musterstadt", "organization:stadtwerke", {"share": 1.0}),
        Rel("PARTNERS_WITH", "organization:stadtwerke", "organization:uni",
            {"topic": "hydrogen", "sources": ["source:press-1", "source:evil"],
             "evidence": ["Stadtwerke and the university agreed to work on \"hydrogen\" <together>.",
                          "Second quote with a bad link."]}),
    ]
    for i, h in enumerate(hostile):
        rels.append(Rel("HOLDS_ROLE", h.id, "organization:stadtwerke",
                        {"title": HOSTILE_NAMES[i], "sources": ["source:press-1"], "evidence": [HOSTILE_NAMES[i]]}))
    rels.append(Rel("RELATED_TO", "person:hostile-0", "person:hostile-1", {"kind": "associate", "amount": 12.5}))
    records = [src, bad_src, *people, *orgs, event, *hostile, *(r.validate() for r in rels)]
    return to_graph(r.validate() if isinstance(r, Node) else r for r in records)


def big_graph(n: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """A seeded heavy-tailed graph (Barabási–Albert) with schema labels, kinds and edge types."""
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    labels = {}
    for v in base.nodes:
        label = "Organization" if base.degree[v] > 6 or rng.random() < 0.3 else "Person"
        if label == "Person" and rng.random() < 0.1:
            label = "Event"
        labels[v] = label
        attrs = {"label": label, "name": f"{label} {v} Ñame"}
        if label == "Organization":
            attrs["kind"] = rng.choice(ORG_KINDS)
        if label == "Event":
            attrs.update(kind="meeting", date=f"2025-{rng.randint(1, 12):02d}")
        g.add_node(f"{label.lower()}:{v}", **attrs)
    for u, v in base.edges:
        a, b = f"{labels[u].lower()}:{u}", f"{labels[v].lower()}:{v}"
        if labels[u] == "Person" and labels[v] == "Organization":
            t = "HOLDS_ROLE"
        elif labels[v] == "Event":
            t = "ATTENDED"
        elif labels[u] == labels[v] == "Organization":
            t = rng.choice(["PART_OF", "PARTNERS_WITH", "MEMBER_OF"])
        else:
            t = "RELATED_TO"
        g.add_edge(a, b, key=t, type=t)
    return g
