"""GEXF, GraphML and CSV exports: load back with the same nodes, edges and flat attributes."""

from __future__ import annotations

import csv

import networkx as nx
import pytest

from stakegraph.exports import ExportContext, export_graph
from stakegraph.exports.csv_export import EDGE_HEAD
from stakegraph.graph.errors import InputError
from tests.export_graphs import HOSTILE_NAMES, sample_graph


def _graph() -> nx.MultiDiGraph:
    g = sample_graph()  # plus a parallel edge: two roles of one person in one organization
    g.add_edge("person:isabelle-hemsley", "organization:musterstadt", key="HOLDS_ROLE:council-member",
               type="HOLDS_ROLE", title="Council member", since=None)
    return g


def _edges(g: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, v, str(k)) for u, v, k in g.edges(keys=True)}


def _read_edges(g: nx.MultiDiGraph, fmt: str) -> set[tuple[str, str, str]]:
    """Edges of a read-back export: networkx reads a GraphML edge's (unique) id as its key, and the
    stakegraph key as the attribute "key"; a GEXF edge's key is the stakegraph key."""
    return _edges(g) if fmt == "gexf" else {(u, v, d["key"]) for u, v, d in g.edges(data=True)}


def _edge(g: nx.MultiDiGraph, fmt: str, u: str, v: str, key: str) -> dict:
    return g.edges[u, v, key if fmt == "gexf" else f"{u}/{v}/{key}"]


@pytest.mark.parametrize("fmt,reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_xml_formats_round_trip(tmp_path, fmt, reader):
    g = _graph()
    path = export_graph(fmt, g, tmp_path / f"g.{fmt}", ExportContext())[0]
    back = reader(path)
    assert set(back.nodes) == set(g.nodes)
    assert _read_edges(back, fmt) == _edges(g)
    uni = back.nodes["organization:uni"]
    assert uni["kind"] == "university" and uni["identifiers"] == "wikidata:Q1 | ags:0591"
    assert uni["node_label" if fmt == "gexf" else "label"] == "Organization"
    assert back.nodes["event:visit-2025-10-27"]["date"] == "2025-10-27"
    names = {d["name"] for _, d in back.nodes(data=True)}
    for name in HOSTILE_NAMES:  # XML-invalid control characters become U+FFFD, the rest survives
        expected = name.replace("\x01", "\ufffd").replace("\x1f", "\ufffd")
        assert expected in names
    edge = _edge(back, fmt, "person:isabelle-hemsley", "organization:musterstadt", "HOLDS_ROLE:cdo")
    assert edge["rel_type" if fmt == "gexf" else "type"] == "HOLDS_ROLE"
    assert edge["title"] == "Chief Digital Officer" and edge["weight"] == 1.0 and edge["confidence"] == 0.9
    assert "since" not in _edge(back, fmt, "person:isabelle-hemsley", "organization:musterstadt", "HOLDS_ROLE:council-member")
    partner = _edge(back, fmt, "organization:stadtwerke", "organization:uni", "PARTNERS_WITH")
    assert partner["weight"] == 2.0 and partner["sources"] == "source:press-1 | source:evil"
    if fmt == "gexf":
        assert back.nodes["person:denes-kucuk"]["label"] == "Dénes Kücük"  # Gephi shows names


def test_csv_folder_for_gephi(tmp_path):
    g = _graph()
    files = export_graph("csv", g, tmp_path / "out", ExportContext())
    assert [f.name for f in files] == ["nodes.csv", "edges.csv"]
    with open(files[0], encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(files[1], encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert list(nodes[0])[:2] == ["Id", "Label"] and list(edges[0])[:6] == EDGE_HEAD  # Gephi's columns first
    for table in (nodes, edges):  # one column per property, none differing from another only by case
        assert len({c.casefold() for c in table[0]}) == len(table[0])
    assert {n["node_label"] for n in nodes} >= {"Person", "Organization", "Event"}
    assert len({e["Id"] for e in edges}) == len(edges)
    assert {n["Id"] for n in nodes} == set(g.nodes) and len(edges) == g.number_of_edges()
    by_id = {n["Id"]: n for n in nodes}
    assert by_id["person:hostile-3"]["Label"] == "line\nbreak\r\ttab"  # csv quoting keeps newlines
    assert by_id["person:hostile-7"]["Label"] == "'=HYPERLINK(\"http://evil.example\")"  # formula defused
    assert by_id["organization:uni"]["identifiers"] == "wikidata:Q1 | ags:0591"
    assert all(e["Type"] == "Directed" for e in edges)
    role = next(e for e in edges if e["key"] == "HOLDS_ROLE:cdo")
    assert role["Label"] == "holds role: Chief Digital Officer" and role["rel_type"] == "HOLDS_ROLE"


def test_csv_raw_option_and_file_target(tmp_path):
    files = export_graph("csv", _graph(), tmp_path / "raw", ExportContext(options={"formula_guard": False}))
    assert '"=HYPERLINK(""http://evil.example"")"' in files[0].read_text(encoding="utf-8")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError):
        export_graph("csv", _graph(), tmp_path / "file", ExportContext())
