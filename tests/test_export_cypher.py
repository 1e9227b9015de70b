"""Cypher script export: literal escaping, schema checks, and loading into a real Bolt server."""

from __future__ import annotations

import networkx as nx
import pytest

from stakegraph.exports import ExportContext, export_graph
from stakegraph.exports.cypher import identifier, literal, statements, string_literal
from stakegraph.graph.errors import SchemaError
from tests.export_graphs import HOSTILE_NAMES, sample_graph


def test_string_literals_escape_quotes_backslashes_and_controls():
    assert string_literal("O'Brien \\ \"x\"") == "'O\\'Brien \\\\ \"x\"'"
    assert string_literal("a\nb\rc\td\x01\x7f\u2028") == "'a\\nb\\rc\\td\\u0001\\u007f\\u2028'"
    assert literal(["a", 1, 2.5, True, False]) == "['a', 1, 2.5, true, false]"
    assert identifier("we`ird") == "`we``ird`"
    with pytest.raises(SchemaError):
        literal(float("nan"))


def test_one_statement_per_line_and_order():
    lines = statements(sample_graph())
    assert all(line.endswith(";") and "\n" not in line and "\r" not in line for line in lines)
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds == sorted(kinds, key=["CREATE", "MERGE", "MATCH"].index)
    assert sum(k == "MERGE" for k in kinds) == 18 and sum(k == "MATCH" for k in kinds) == 17


def test_labels_and_types_only_from_schema():
    g = nx.MultiDiGraph()
    g.add_node("x:1", label="Person) DETACH DELETE (n", name="x")
    with pytest.raises(SchemaError):
        statements(g)
    g = nx.MultiDiGraph()
    g.add_node("a", label="Person", name="a")
    g.add_edge("a", "a", key="k", type="KNOWS]->() DELETE")
    with pytest.raises(SchemaError):
        statements(g)


@pytest.mark.bolt
def test_script_loads_into_bolt_server(tmp_path, bolt_server):
    from neo4j import GraphDatabase

    g = sample_graph()
    path = export_graph("cypher", g, tmp_path / "g.cypher", ExportContext())[0]
    database = bolt_server.fresh_database()
    lines = path.read_text(encoding="utf-8").splitlines()
    with GraphDatabase.driver(bolt_server.uri, auth=(bolt_server.user, bolt_server.password)) as drv:
        with drv.session(database=database) as s:
            for line in lines:
                s.run(line).consume()
            for line in lines[-3:]:  # idempotent: MERGE again changes nothing
                s.run(line).consume()
            nodes = {r["id"]: (r["name"], r["labels"], r["aliases"]) for r in s.run(
                "MATCH (n) RETURN n.id AS id, n.name AS name, labels(n) AS labels, n.aliases AS aliases")}
            rels = s.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, r.key AS k, b.id AS b, "
                         "r.title AS title, r.lead AS lead, r.amount AS amount, r.evidence AS evidence").data()
    assert set(nodes) == set(g.nodes)
    for n, attrs in g.nodes(data=True):
        name, labels, aliases = nodes[n]
        assert name.encode("utf-8") == attrs["name"].encode("utf-8")
        assert labels == [attrs["label"]]
        assert (aliases or None) == (attrs.get("aliases") or None)
    assert {(r["a"], r["t"], r["k"], r["b"]) for r in rels} == {
        (u, d["type"], k, v) for u, v, k, d in g.edges(keys=True, data=True)}
    titles = {r["title"] for r in rels if r["title"]}
    assert set(HOSTILE_NAMES) <= titles
    assert any(r["lead"] is True for r in rels) and any(r["amount"] == 12.5 for r in rels)
