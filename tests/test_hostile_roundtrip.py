"""Hostile names through the whole tool: imported into BOTH stores through the CLI, read back, and
exported as json, gexf, graphml, csv, cypher (loaded into the Bolt server) and html — byte for byte
where the format can carry the characters, and never as markup or code."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from tests.export_graphs import HOSTILE_NAMES

EXTRA = ["MATCH (n) RETURN n", "CREATE (x:Person {id: 'pwn'})", "'}) DETACH DELETE n //", "a\\'b\\\\",
         "\u200f\u202bשלום\u202c", "%s %n {0} ${jndi:ldap://x}", "<svg onload=alert(1)>", "\x0b\x0c\x1b[31m"]
NAMES = HOSTILE_NAMES + EXTRA
XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def hostile_file(path: Path) -> dict[str, str]:
    """Node-link JSON: a person per name, each holding a role (title = the name) in one organization."""
    nodes = [{"id": "organization:host", "label": "Organization", "name": "Host \"Org\" </script>", "kind": "company"}]
    edges = []
    ids = {}
    for i, name in enumerate(NAMES):
        nid = f"person:h{i}"
        ids[nid] = name
        nodes.append({"id": nid, "label": "Person", "name": name, "aliases": [name + " alias"]})
        edges.append({"source": nid, "target": "organization:host", "type": "HOLDS_ROLE", "key": f"k{i}",
                      "title": name})
    path.write_text(json.dumps({"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": edges},
                               ensure_ascii=False), encoding="utf-8")
    return ids


@pytest.fixture
def loaded(db_arg, tmp_path):
    src = tmp_path / "hostile.json"
    ids = hostile_file(src)
    r = CliRunner().invoke(cli, ["--db", db_arg, "import", str(src)])
    assert r.exit_code == 0, r.output
    return db_arg, ids


def export(db: str, fmt: str, out: Path) -> Path:
    r = CliRunner().invoke(cli, ["--db", db, "export", fmt, "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


def test_store_and_json_export_keep_names_exactly(loaded, tmp_path):
    db, ids = loaded
    data = json.loads(export(db, "json", tmp_path / "g.json").read_text("utf-8"))
    got = {n["id"]: n for n in data["nodes"]}
    for nid, name in ids.items():
        assert got[nid]["name"].encode("utf-8") == name.encode("utf-8")
        assert got[nid]["aliases"] == [name + " alias"]
    titles = {e["source"]: e["title"] for e in data["edges"]}
    assert all(titles[nid] == name for nid, name in ids.items())
    # and `show --format json` reads the same bytes back from the store
    shown = json.loads(CliRunner().invoke(cli, ["--db", db, "show", "person:h2", "--format", "json"]).output)
    assert shown["entity"]["name"] == ids["person:h2"]
    # re-importing the export changes nothing (ids and names stable)
    before = CliRunner().invoke(cli, ["--db", db, "stats", "--format", "json"]).output
    r = CliRunner().invoke(cli, ["--db", db, "import", str(tmp_path / "g.json")])
    assert r.exit_code == 0, r.output
    assert CliRunner().invoke(cli, ["--db", db, "stats", "--format", "json"]).output == before


@pytest.mark.parametrize("fmt,reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_xml_exports(loaded, tmp_path, fmt, reader):
    db, ids = loaded
    g = reader(export(db, fmt, tmp_path / f"g.{fmt}"))
    names = {d.get("label") if fmt == "gexf" else d.get("name") for _, d in g.nodes(data=True)}
    for name in ids.values():  # characters XML 1.0 cannot carry become U+FFFD; everything else survives
        assert XML_BAD.sub("\ufffd", name) in names, name


def test_csv_export(loaded, tmp_path):
    db, ids = loaded
    out = export(db, "csv", tmp_path / "csvdir")
    files = sorted(out.rglob("*.csv")) if out.is_dir() else [out]
    seen = set()
    for f in files:
        with open(f, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                seen.update(row)
    for name in ids.values():
        assert name in seen or name.lstrip("=+-@") in seen or "'" + name in seen, name


@pytest.mark.bolt
def test_cypher_script_loads_into_bolt_with_names_intact(loaded, tmp_path, bolt_server):
    from neo4j import GraphDatabase

    db, ids = loaded
    lines = export(db, "cypher", tmp_path / "g.cypher").read_text("utf-8").splitlines()
    database = bolt_server.fresh_database()
    with GraphDatabase.driver(bolt_server.uri, auth=(bolt_server.user, bolt_server.password)) as drv:
        with drv.session(database=database) as s:
            for line in lines:
                if line.strip() and not line.startswith("//"):
                    s.run(line).consume()
            got = {r["id"]: r["name"] for r in s.run("MATCH (n) RETURN n.id AS id, n.name AS name")}
            titles = {r["s"]: r["t"] for r in s.run("MATCH (a)-[r:HOLDS_ROLE]->() RETURN a.id AS s, r.title AS t")}
    assert "pwn" not in got, "a name ran as Cypher"
    for nid, name in ids.items():
        assert got[nid].encode("utf-8") == name.encode("utf-8"), nid
        assert titles[nid] == name


def test_html_carries_names_as_data_only(loaded, tmp_path):
    db, ids = loaded
    page = export(db, "html", tmp_path / "g.html").read_text("utf-8")
    m = re.search(r'<script type="application/json" id="stakegraph-data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    blob = m.group(1)
    assert "<" not in blob and ">" not in blob and "\u2028" not in blob
    data = json.loads(blob)
    text = json.dumps(data, ensure_ascii=False)
    for name in ids.values():  # present as data, exactly
        assert json.dumps(name, ensure_ascii=False)[1:-1] in text, name
    clean = export_clean_page(tmp_path)
    for bad in ("<img src=x onerror", "<svg onload", "</script><script>window", "<script>window"):
        assert bad not in page, bad  # no name appears as markup anywhere in the bytes
    assert page.count("<script") == clean.count("<script")  # no element a name could have opened


def export_clean_page(tmp_path: Path) -> str:
    """The HTML of a harmless graph, to compare the page's structure with."""
    src = tmp_path / "clean.json"
    src.write_text(json.dumps({"nodes": [{"id": "person:c", "label": "Person", "name": "Clean"}], "edges": []}))
    db = str(tmp_path / "clean.db")
    assert CliRunner().invoke(cli, ["--db", db, "import", str(src)]).exit_code == 0
    return export(db, "html", tmp_path / "clean.html").read_text("utf-8")
