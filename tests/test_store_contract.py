"""The store contract: every test runs against the embedded store and a real Bolt server."""

from __future__ import annotations

import pytest

from stakegraph.graph import schema
from stakegraph.graph.errors import AmbiguousError, InputError, NotFoundError, SchemaError
from stakegraph.graph.records import Node, Rel

P, O, E, S = schema.PERSON, schema.ORGANIZATION, schema.EVENT, schema.SOURCE


def sample() -> list:
    """A small graph: a CDO of a unit of a city, a utility partner, a visit, a source."""
    src = {"sources": ["source:s1"], "evidence": ["Denes Kücük, Chief Digital Officer der Stadt Bochum"],
           "confidence": 0.9, "extractor": "test"}
    return [
        Node("source:s1", S, "Press release", {"title": "Press release", "url": "https://example.org/a"}),
        Node("person:denes-kucuk", P, "Denes Kücük", {"aliases": ["D. Kücük"], **src}),
        Node("person:isabelle-hemsley", P, "Isabelle Hemsley", {"honorific": "Dr."}),
        Node("organization:stadt-bochum", O, "Stadt Bochum", {"kind": "municipality", "identifiers": ["ags:05911000"]}),
        Node("organization:stabsstelle-digitalisierung", O, "Stabsstelle Digitalisierung", {"kind": "unit", "place": "Bochum"}),
        Node("organization:stadtwerke-bochum", O, "Stadtwerke Bochum", {"kind": "utility"}),
        Node("event:visit-2025-10-27", E, "Besuch aus Hanau", {"kind": "visit", "date": "2025-10-27", "place": "Bochum"}),
        Rel("HOLDS_ROLE", "person:denes-kucuk", "organization:stabsstelle-digitalisierung",
            {"title": "Chief Digital Officer", "role": "cdo", "since": "2021", **src}),
        Rel("PART_OF", "organization:stabsstelle-digitalisierung", "organization:stadt-bochum", {}),
        Rel("PARTNERS_WITH", "organization:stadtwerke-bochum", "organization:stabsstelle-digitalisierung",
            {"topic": "smart city"}),
        Rel("ATTENDED", "person:denes-kucuk", "event:visit-2025-10-27",
            {"side": "host", "acting_for": "organization:stadt-bochum"}),
        Rel("ATTENDED", "person:isabelle-hemsley", "event:visit-2025-10-27", {"side": "guest", "lead": True}),
    ]


def test_upsert_and_counts(store):
    stats = store.upsert(sample())
    assert stats.nodes_created == 7 and stats.rels_created == 5
    counts = store.counts()
    assert counts["nodes"] == {"Person": 2, "Organization": 3, "Event": 1, "Source": 1}
    assert counts["relationships"]["ATTENDED"] == 2 and counts["relationships"]["OWNS"] == 0
    assert set(counts["relationships"]) == set(schema.REL_TYPES)


def test_reimport_is_idempotent(store):
    store.upsert(sample())
    before = store.to_networkx()
    stats = store.upsert(sample())
    assert stats.nodes_created == 0 and stats.rels_created == 0
    after = store.to_networkx()
    assert sorted(before.nodes(data=True)) == sorted(after.nodes(data=True))
    assert sorted(before.edges(keys=True, data=True)) == sorted(after.edges(keys=True, data=True))


def test_lists_are_unioned_never_overwritten(store):
    store.upsert(sample())
    store.upsert([
        Node("person:denes-kucuk", P, "Denes Kücük", {"aliases": ["Dennis Kucuk"], "sources": ["source:s2"],
                                                      "evidence": ["Bochums CDO Denes Kücük"]}),
        Rel("HOLDS_ROLE", "person:denes-kucuk", "organization:stabsstelle-digitalisierung",
            {"title": "Chief Digital Officer", "role": "cdo", "sources": ["source:s2"], "evidence": ["CDO Kücük"]}),
    ])
    node = store.get("person:denes-kucuk")
    assert node.props["aliases"] == ["D. Kücük", "Dennis Kucuk"]
    assert node.props["sources"] == ["source:s1", "source:s2"]
    assert node.props["evidence"][1] == "Bochums CDO Denes Kücük"
    (rel,) = [r for r in store.rels("HOLDS_ROLE")]
    assert rel.props["sources"] == ["source:s1", "source:s2"]
    assert rel.props["evidence"] == ["Denes Kücük, Chief Digital Officer der Stadt Bochum", "CDO Kücük"]
    assert rel.props["since"] == "2021" and rel.props["confidence"] == 0.9


def test_properties_round_trip_exactly(store):
    store.upsert(sample())
    node = store.get("organization:stadt-bochum")
    assert node.label == O and node.name == "Stadt Bochum"
    assert node.props == {"kind": "municipality", "identifiers": ["ags:05911000"]}
    (att,) = [r for r in store.rels("ATTENDED") if r.source == "person:isabelle-hemsley"]
    assert att.props == {"side": "guest", "lead": True} and att.key == "ATTENDED"
    (pw,) = list(store.rels("PARTNERS_WITH"))
    assert (pw.source, pw.target) == ("organization:stabsstelle-digitalisierung", "organization:stadtwerke-bochum")


@pytest.mark.parametrize("text", ["kucuk", "KÜCÜK", "Denes Kücük", "d. kucuk", "person:denes-kucuk", "den kuc"])
def test_resolve_is_case_accent_and_alias_insensitive(store, text):
    store.upsert(sample())
    assert store.resolve(text).id == "person:denes-kucuk"


def test_resolve_unknown_and_ambiguous(store):
    store.upsert(sample() + [Node("person:anna-schmidt-1", P, "Anna Schmidt"),
                             Node("person:anna-schmidt-2", P, "Anna Schmidt", {"aliases": ["A. Schmidt"]})])
    with pytest.raises(NotFoundError):
        store.resolve("Nobody Known")
    with pytest.raises(AmbiguousError) as err:
        store.resolve("anna schmidt")
    assert [n.id for n in err.value.candidates] == ["person:anna-schmidt-1", "person:anna-schmidt-2"]
    assert store.resolve("A. Schmidt").id == "person:anna-schmidt-2"


def test_find_ranks_exact_names_first(store):
    store.upsert(sample())
    names = [n.name for n in store.find("bochum")]
    assert names == ["Stadt Bochum", "Stadtwerke Bochum"]
    assert [n.id for n in store.find("stadt bochum")][0] == "organization:stadt-bochum"
    assert store.find("   ") == []


def test_neighborhood(store):
    store.upsert(sample())
    g1 = store.neighborhood(["person:isabelle-hemsley"], depth=1)
    assert set(g1) == {"person:isabelle-hemsley", "event:visit-2025-10-27"}
    g2 = store.neighborhood(["person:isabelle-hemsley"], depth=2)
    assert "person:denes-kucuk" in g2 and g2.number_of_edges() == 2
    g3 = store.neighborhood(["person:denes-kucuk"], depth=1, types=["HOLDS_ROLE"])
    assert set(g3) == {"person:denes-kucuk", "organization:stabsstelle-digitalisierung"}
    edge = g3.edges["person:denes-kucuk", "organization:stabsstelle-digitalisierung", "HOLDS_ROLE:cdo"]
    assert edge["type"] == "HOLDS_ROLE" and edge["title"] == "Chief Digital Officer"
    g4 = store.neighborhood(["person:denes-kucuk"], depth=3, max_nodes=3)
    assert g4.number_of_nodes() == 3


def test_subgraph_and_whole_graph(store):
    store.upsert(sample())
    sub = store.subgraph(["person:denes-kucuk", "organization:stabsstelle-digitalisierung", "nope"])
    assert sub.number_of_nodes() == 2 and sub.number_of_edges() == 1
    whole = store.to_networkx()
    assert whole.number_of_nodes() == 7 and whole.number_of_edges() == 5
    assert whole.nodes["person:isabelle-hemsley"] == {"label": P, "name": "Isabelle Hemsley", "honorific": "Dr."}


def test_delete(store):
    store.upsert(sample())
    assert store.delete("person:denes-kucuk") == 2
    assert store.get("person:denes-kucuk") is None
    assert store.counts()["relationships"]["HOLDS_ROLE"] == 0
    with pytest.raises(NotFoundError):
        store.resolve("kucuk")
    assert store.delete("person:nobody") == 0


def test_dangling_relationship_leaves_store_unchanged(store):
    store.upsert(sample())
    before = store.counts()
    with pytest.raises(InputError, match="unknown node person:ghost"):
        store.upsert([Node("person:new", P, "New Person"),
                      Rel("HOLDS_ROLE", "person:ghost", "organization:stadt-bochum", {"title": "x"})])
    assert store.counts() == before
    assert store.get("person:new") is None


def test_schema_violations_are_rejected(store):
    store.upsert(sample())
    before = store.counts()
    bad = [
        [Node("x:1", "Robot", "R2")],
        [Rel("LIKES", "person:denes-kucuk", "person:isabelle-hemsley")],
        [Rel("HOLDS_ROLE", "organization:stadt-bochum", "organization:stadtwerke-bochum")],
        [Node("organization:x", O, "X", {"kind": "spaceship"})],
        [Node("person:y", P, "Y", {"meta": {"nested": 1}})],
        [Node("person:denes-kucuk", O, "Denes Kücük")],
    ]
    for records in bad:
        with pytest.raises(SchemaError):
            store.upsert(records)
    assert store.counts() == before


def test_batches_smaller_than_input(store):
    store.batch_size = 7
    people = [Node(f"person:p{i:03d}", P, f"Person {i}") for i in range(40)]
    rels = [Rel("ATTENDED", f"person:p{i:03d}", "event:e", {"side": "participant"}) for i in range(40)]
    # relationships before the node they point to, across batch boundaries
    stats = store.upsert(rels[:20] + people + [Node("event:e", E, "Event", {"kind": "meeting"})] + rels[20:])
    assert stats.nodes_created == 41 and stats.rels_created == 40
    assert store.counts()["relationships"]["ATTENDED"] == 40


def test_hostile_names_survive(store):
    names = ["O'Brien \"Quote\" \\ back", "x}) MATCH (n) DETACH DELETE n //", "<img src=x onerror=alert(1)>",
             "line\nbreak\ttab", "\u202eRTL mark", "MERGE CREATE `tick`"]
    store.upsert([Node(f"person:h{i}", P, n, {"aliases": [n + " alias"]}) for i, n in enumerate(names)])
    assert [store.get(f"person:h{i}").name for i in range(len(names))] == names
    assert store.counts()["nodes"]["Person"] == len(names)
    assert store.resolve("o brien quote back").id == "person:h0"


def test_repeats_across_batches_merge_in_an_empty_and_a_filled_store(store):
    """A node or relationship given again in a later batch of the same import merges with what the
    earlier batch wrote, whether the store held nothing of its label/type before or not."""
    store.batch_size = 3

    def person(i: int, src: str) -> Node:
        return Node(f"person:p{i}", P, f"Person {i}", {"aliases": [f"P{i} {src}"], "sources": [f"source:{src}"]})

    def att(i: int, src: str) -> Rel:
        return Rel("ATTENDED", f"person:p{i}", "event:e", {"side": "guest", "sources": [f"source:{src}"]})

    first = [Node("event:e", E, "Event", {"kind": "meeting"})]
    first += [person(i, "a") for i in range(4)] + [att(i, "a") for i in range(4)]
    first += [person(i, "b") for i in range(4)] + [att(i, "b") for i in range(4)]
    stats = store.upsert(first)
    assert stats.nodes_created == 5 and stats.rels_created == 4
    # a second import: new persons at the existing event, repeats of old and new across batches
    second = [person(i, "c") for i in range(2, 6)] + [att(i, "c") for i in range(2, 6)]
    second += [att(i, "d") for i in range(2, 6)]
    stats = store.upsert(second)
    assert stats.nodes_created == 2 and stats.rels_created == 2
    assert store.counts()["relationships"]["ATTENDED"] == 6
    assert store.get("person:p3").props["aliases"] == ["P3 a", "P3 b", "P3 c"]
    rels = {r.source: r.props["sources"] for r in store.rels("ATTENDED")}
    assert rels["person:p0"] == ["source:a", "source:b"]
    assert rels["person:p3"] == ["source:a", "source:b", "source:c", "source:d"]
    assert rels["person:p5"] == ["source:c", "source:d"]


def test_cited_by_finds_exactly_the_citing_facts(store):
    store.upsert(sample() + [Node("person:other", P, "Source:S1 Fan", {"note": "source:s1 is named here, not cited"})])
    nodes, rels = store.cited_by("source:s1")
    assert [n.id for n in nodes] == ["person:denes-kucuk"]
    assert [(r.type, r.source, r.target) for r in rels] == [
        ("HOLDS_ROLE", "person:denes-kucuk", "organization:stabsstelle-digitalisierung")]
    assert rels[0].props["evidence"] == ["Denes Kücük, Chief Digital Officer der Stadt Bochum"]
    assert store.citations("source:s1") == 2 and store.cited_by("source:none") == ([], [])
