"""Exports that open in other tools: GraphML read by networkx and igraph, CSV in Gephi's shape, a
Cypher script that makes a database stakegraph answers from exactly as from the exporting store."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from stakegraph.exports import export_graph
from tests.export_graphs import sample_graph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def _graph() -> nx.MultiDiGraph:
    g = sample_graph()
    for i in range(3):  # parallel edges of one type: their ids must still differ
        g.add_edge("person:isabelle-hemsley", "event:visit-2025-10-27", key=f"ATTENDED:{i}", type="ATTENDED",
                   side="guest")
    return g


def test_graphml_ids_and_keys_are_unique(tmp_path):
    g = _graph()
    path = export_graph("graphml", g, tmp_path / "g.graphml")[0]
    root = ET.parse(path).getroot()
    keys = root.findall(f"{GRAPHML}key")
    assert len({k.get("id") for k in keys}) == len(keys)
    assert len({(k.get("for"), k.get("attr.name")) for k in keys}) == len(keys)  # one declaration per key
    edges = root.iter(f"{GRAPHML}edge")
    ids = [e.get("id") for e in edges]
    assert len(ids) == g.number_of_edges() == len(set(ids))


def test_graphml_reads_back_in_networkx_and_igraph(tmp_path):
    g = _graph()
    path = export_graph("graphml", g, tmp_path / "g.graphml")[0]
    back = nx.read_graphml(path)
    assert set(back.nodes) == set(g.nodes)
    assert {(u, v, d["key"]) for u, v, d in back.edges(data=True)} == {(u, v, k) for u, v, k in g.edges(keys=True)}
    igraph = pytest.importorskip("igraph", reason="igraph (GPL) is a test-only dependency")
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.is_directed() and ig.vcount() == g.number_of_nodes() and ig.ecount() == g.number_of_edges()
    assert set(ig.vs["id"]) == set(g.nodes)
    names = dict(zip(ig.vs["id"], ig.vs["name"], strict=True))
    assert names["person:denes-kucuk"] == g.nodes["person:denes-kucuk"]["name"]
    pairs = {(ig.vs[e.source]["id"], ig.vs[e.target]["id"], e["key"]) for e in ig.es}
    assert pairs == {(u, v, k) for u, v, k in g.edges(keys=True)}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_control_characters_in_ids_and_keys_stay_well_formed(tmp_path, fmt):
    g = nx.MultiDiGraph()
    g.add_node("person:a\x01b", label="Person", name="A\x02")
    g.add_node("organization:o\x1f", label="Organization", name="O", kind="company")
    g.add_edge("person:a\x01b", "organization:o\x1f", key="k\x02ey", type="HOLDS_ROLE", title="t\x0b", **{"x\x03": 1})
    path = export_graph(fmt, g, tmp_path / f"c.{fmt}")[0]
    ET.parse(path)  # well-formed
    back = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(path)
    assert set(back.nodes) == {"person:a\ufffdb", "organization:o\ufffd"} and back.number_of_edges() == 1


def test_csv_has_gephi_columns_without_case_clash(tmp_path):
    g = _graph()
    g.nodes["person:isabelle-hemsley"]["ID"] = "clash"  # a property differing from a Gephi column by case
    nodes_csv, edges_csv = export_graph("csv", g, tmp_path / "out")
    with open(nodes_csv, encoding="utf-8", newline="") as fh:
        head, *rows = list(csv.reader(fh))
    assert head[:2] == ["Id", "Label"] and "node_label" in head and "ID_" in head
    assert len({h.casefold() for h in head}) == len(head)
    with open(edges_csv, encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert list(edges[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    assert len({e["Id"] for e in edges}) == len(edges) and {e["rel_type"] for e in edges} >= {"ATTENDED"}


# ---- Cypher: what the Neo4j store writes, so that queries answer alike ------------------------------
QUERIES = [
    ("search", "westerau"), ("search", "demir"), ("search", "Aylin"),
    ("show", "Aylin Demir"), ("show", "Stadt Westerau"),
    ("met", "Aylin Demir"), ("met", "Jonas Brede"), ("met", "Zweckverband Digitale Region"),
    ("timeline", "Jonas Brede"), ("partners",), ("peers", "Aylin Demir"),
    ("path", "Aylin Demir", "Marta Lindqvist"), ("neighbors", "Stadt Westerau"),
]


def _answers(db: str) -> dict[str, str]:
    return {" ".join(q): run("--db", db, *q, "--format", "json") for q in QUERIES}


@pytest.mark.bolt
def test_cypher_export_loaded_into_neo4j_answers_like_the_store(tmp_path, bolt_server, monkeypatch):
    from neo4j import GraphDatabase

    db = str(tmp_path / "g.db")
    run("--db", db, "import", str(EXAMPLES))
    script = tmp_path / "g.cypher"
    run("--db", db, "export", "cypher", "-o", str(script))
    database = bolt_server.fresh_database()
    with GraphDatabase.driver(bolt_server.uri, auth=(bolt_server.user, bolt_server.password)) as drv:
        with drv.session(database=database) as s:
            for line in script.read_text("utf-8").splitlines():
                s.run(line).consume()
    monkeypatch.setenv("NEO4J_USERNAME", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password)
    if database:
        monkeypatch.setenv("NEO4J_DATABASE", database)
    embedded, loaded = _answers(db), _answers(bolt_server.uri)
    for q in embedded:
        assert json.loads(loaded[q]) == json.loads(embedded[q]), q
    assert json.loads(embedded["search Aylin"]) and json.loads(embedded["met Aylin Demir"])
    assert json.loads(embedded["peers Aylin Demir"])

    def graph(store: str) -> dict:
        data = json.loads(run("--db", store, "export", "json", "-o", "-").split("\nwrote", 1)[0])
        return {k: v for k, v in data.items() if k != "graph"}  # minus the store's name and the time

    assert graph(bolt_server.uri) == graph(db)
    # the loaded database is a stakegraph store like any other: a re-import changes nothing
    before = run("--db", bolt_server.uri, "stats", "--format", "json")
    run("--db", bolt_server.uri, "import", str(EXAMPLES))
    assert run("--db", bolt_server.uri, "stats", "--format", "json") == before
