"""merge_entities / split_entity through the Store interface (embedded store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stakegraph.graph.records import Node, Rel
from stakegraph.graph.resolution import merge_entities, split_entity

sqlite_store = pytest.importorskip("stakegraph.graph.sqlite_store")


def _store(tmp_path: Path):
    s = sqlite_store.SqliteStore(str(tmp_path / "g.db"))
    s.upsert([
        Node("person:a-kunz", "Person", "A. Kunz", {"sources": ["source:1"], "evidence": ["A. Kunz sagte"]}),
        Node("person:andreas-kunz", "Person", "Andreas Kunz", {"sources": ["source:2"], "evidence": ["Andreas Kunz, GF"]}),
        Node("organization:x", "Organization", "X", {"kind": "company"}),
        Node("organization:y", "Organization", "Y", {"kind": "company"}),
        Rel("HOLDS_ROLE", "person:a-kunz", "organization:x", {"title": "Geschäftsführer", "sources": ["source:1"], "evidence": ["q1"]}),
        Rel("HOLDS_ROLE", "person:andreas-kunz", "organization:y", {"title": "Leiter", "sources": ["source:2"], "evidence": ["q2"]}),
    ])
    return s


def test_merge_moves_relationships_and_unions_aliases(tmp_path: Path):
    s = _store(tmp_path)
    out = merge_entities(s, "person:andreas-kunz", "person:a-kunz")
    assert out["relationships_moved"] == 1 and s.get("person:a-kunz") is None
    keep = s.get("person:andreas-kunz")
    assert "A. Kunz" in keep.props["aliases"] and set(keep.props["sources"]) == {"source:1", "source:2"}
    targets = {r.target for r in s.rels("HOLDS_ROLE") if r.source == "person:andreas-kunz"}
    assert targets == {"organization:x", "organization:y"}


def test_split_moves_facts_of_given_sources(tmp_path: Path):
    s = _store(tmp_path)
    merge_entities(s, "person:andreas-kunz", "person:a-kunz")
    out = split_entity(s, "person:andreas-kunz", "Anton Kunz", ["source:1"])
    assert out["new"] == "person:anton-kunz"
    new = {r.target for r in s.rels("HOLDS_ROLE") if r.source == "person:anton-kunz"}
    old = {r.target for r in s.rels("HOLDS_ROLE") if r.source == "person:andreas-kunz"}
    assert new == {"organization:x"} and old == {"organization:y"}
    assert s.get("person:andreas-kunz").props["sources"] == ["source:2"]
