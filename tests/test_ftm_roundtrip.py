"""FtM export → import gives back the same graph: the source's entity ids and every mapped property."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from stakegraph.exports import export_graph
from stakegraph.importers import ImportContext
from tests.standards_helpers import FIXTURES, SHARED, load

PROVENANCE = {"sources", "extractor", "evidence", "confidence"}  # the new file is the new source


def _view(g: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Nodes and edges with their properties, minus provenance and the imported file's Source node."""
    nodes = {n: {k: v for k, v in d.items() if k not in PROVENANCE} for n, d in g.nodes(data=True)
             if d.get("label") != "Source" or d.get("url")}
    edges = {(u, v, k): {k2: v2 for k2, v2 in d.items() if k2 not in PROVENANCE}
             for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, edges


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines() if line.strip()]


def _inputs() -> list[Path]:
    files = [FIXTURES / "entities.ftm.json"]
    for folder in (SHARED / "real" / "ftm", SHARED / "samples" / "ftm"):
        files += sorted(folder.glob("*.json")) if folder.is_dir() else []
    return files


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: p.name)
def test_ftm_round_trip_is_exact(path, tmp_path):
    _, g, ctx = load("ftm", path)
    [out] = export_graph("ftm", g, tmp_path / "again.ftm.json")
    # the export keeps the source's own ids: imported under the same dataset name they are the same nodes
    _, h, _ = load("ftm", out, ImportContext(options={"dataset": ctx.datasets[str(path)]}))
    (gn, ge), (hn, he) = _view(g), _view(h)
    assert set(hn) == set(gn) and set(he) == set(ge)
    for n in gn:
        assert hn[n] == gn[n], n
    for e in ge:
        assert he[e] == ge[e], e
    # every entity that became a node or relationship is written under its own id
    # (placeholders of entities the file only references are left out: a re-import makes them again)
    facts = [d for _, d in g.nodes(data=True) if d.get("extractor") != "ftm:placeholder"]
    facts += [d for *_, d in g.edges(data=True)]
    own = {i[4:].partition(":")[2] for d in facts for i in d.get("identifiers") or [] if i.startswith("ftm:")}
    written = set(_ids(out))
    assert own <= written and own & set(_ids(path))
    # and exporting the re-imported graph writes the same entities again
    [again] = export_graph("ftm", h, tmp_path / "third.ftm.json")
    assert again.read_text("utf-8") == out.read_text("utf-8")


def test_mapped_person_properties_are_written(tmp_path):
    line = {"id": "p-77", "schema": "Person", "properties": {
        "name": ["Rosa Feld"], "alias": ["R. Feld"], "birthDate": ["1901-02-03"], "deathDate": ["1977-08-09"],
        "nationality": ["de", "at"], "notes": ["Kept in our own words."], "position": ["Stadträtin"],
        "wikidataId": ["Q999"], "gender": ["female"], "firstName": ["Rosa"], "lastName": ["Feld"]},
        "datasets": ["ours"]}
    src = tmp_path / "one.ftm.json"
    src.write_text(json.dumps(line) + "\n", encoding="utf-8")
    _, g, _ = load("ftm", src)
    [out] = export_graph("ftm", g, tmp_path / "out.ftm.json")
    (ent,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert ent["id"] == "p-77" and ent["schema"] == "Person" and ent["datasets"] == ["ours"]
    assert ent["properties"] == line["properties"]


def test_the_same_id_from_two_datasets_stays_two_entities(tmp_path):
    """Two files that both use the local id 'p-1' for different people: the export must not make them one."""
    from stakegraph.graph.convert import to_graph

    records = []
    for ds, name in (("north", "Ada Nord"), ("south", "Bea Sued")):
        src = tmp_path / f"{ds}.ftm.json"
        src.write_text(json.dumps({"id": "p-1", "schema": "Person", "properties": {"name": [name]}}) + "\n", "utf-8")
        records += load("ftm", src)[0]
    g = to_graph(records)
    [out] = export_graph("ftm", g, tmp_path / "both.ftm.json")
    ents = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    people = {e["id"]: e["properties"]["name"] for e in ents if e["schema"] == "Person"}
    assert len(people) == 2 and sorted(n for [n] in people.values()) == ["Ada Nord", "Bea Sued"]
