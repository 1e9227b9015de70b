"""Query layer: parity between the embedded store and Neo4j (a real Bolt server), and expected answers.

The fixture graph is imported once per store kind (module-scoped); every query runs on both and the
result lists must be exactly equal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stakegraph.graph.errors import AmbiguousError, NotFoundError
from stakegraph.graph.records import Node, Rel
from stakegraph.queries.brokers import brokers
from stakegraph.queries.met import met
from stakegraph.queries.neighbors import neighbors
from stakegraph.queries.partners import partners
from stakegraph.queries.path import path
from stakegraph.queries.peers import peers
from stakegraph.queries.timeline import timeline

FIXTURE = Path(__file__).parent / "fixtures" / "queries" / "graph.json"


def fixture_records() -> list:
    """The fixture graph (node-link JSON) as records."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    recs: list = []
    for obj in data["nodes"]:
        props = {k: v for k, v in obj.items() if k not in ("id", "label", "name")}
        recs.append(Node(obj["id"], obj["label"], obj["name"], props))
    for obj in data["edges"]:
        props = {k: v for k, v in obj.items() if k not in ("source", "target", "type", "key")}
        recs.append(Rel(obj["type"], obj["source"], obj["target"], props))
    return recs


@pytest.fixture(scope="module")
def stores(tmp_path_factory, bolt_server):
    """``{"embedded": SqliteStore, "bolt": Neo4jStore}``, each holding the fixture graph."""
    from stakegraph.graph.sqlite_store import SqliteStore
    from tests.conftest import open_bolt_store

    out = {"embedded": SqliteStore(tmp_path_factory.mktemp("queries") / "q.db"), "bolt": open_bolt_store(bolt_server)}
    for s in out.values():
        s.upsert(fixture_records())
    yield out
    for s in out.values():
        s.close()


def both(stores, fn, *args, **kwargs):
    """Run a query on both stores, assert identical results, return them."""
    a = fn(stores["embedded"], *args, **kwargs)
    b = fn(stores["bolt"], *args, **kwargs)
    assert a == b, f"{fn.__name__}{args}{kwargs}: embedded and Neo4j differ"
    json.dumps(a)  # every result is JSON-ready
    return a


# ---- met ------------------------------------------------------------------------------------------
def test_met_person_names_the_hosts_with_quotes(stores):
    rows = both(stores, met, "Isabelle Hemsley")
    met_names = [r["met"]["name"] for r in rows]
    assert met_names == ["Denes Kücük", "Jonas Weber", "Sebastian Kopietz"]
    by = {r["met"]["name"]: r for r in rows}
    assert by["Denes Kücük"]["relation"] == "other side"
    assert by["Jonas Weber"]["relation"] == "together"
    assert by["Sebastian Kopietz"]["met_acting_for"] == {"id": "organization:stadt-bochum", "name": "Stadt Bochum"}
    assert by["Sebastian Kopietz"]["acting_for"]["name"] == "Stadt Hanau"
    assert by["Sebastian Kopietz"]["date"] == "2025-10-27" and by["Sebastian Kopietz"]["place"] == "Bochum"
    quotes = [s["quote"] for s in by["Sebastian Kopietz"]["sources"]]
    assert "City director Sebastian Kopietz welcomed the guests." in quotes
    assert by["Sebastian Kopietz"]["sources"][0]["url"] == "https://example.org/press/hanau-visits-bochum"


def test_met_filters(stores):
    assert [r["met"]["name"] for r in both(stores, met, "Denes Kucuk", with_="person:anna-schmidt-bochum")] == ["Anna Schmidt"]
    assert both(stores, met, "Denes Kücük", since="2025-04") == both(stores, met, "Denes Kücük", since="2025-10-27")
    assert len(both(stores, met, "Denes Kücük", until="2025-03")) == 1          # the jour fixe only
    assert both(stores, met, "Maria Lindner", since="2024-05-15")[0]["date"] == "2024-05"  # reduced date overlaps
    assert both(stores, met, "Maria Lindner", since="2024-06") == []


def test_met_organization(stores):
    rows = both(stores, met, "Stadt Hanau")
    assert [(r["date"], r["met"]["name"]) for r in rows] == [("2024-05", "Stadt Bochum"), ("2025-10-27", "Stadt Bochum")]
    visit = rows[1]
    assert visit["side"] == "guest" and visit["met_side"] == "host" and visit["relation"] == "other side"
    assert [p["name"] for p in visit["met_via"]] == ["Denes Kücük", "Sebastian Kopietz"]


def test_met_errors(stores):
    for s in stores.values():
        with pytest.raises(AmbiguousError) as exc:
            met(s, "Anna Schmidt")
        assert len(exc.value.candidates) == 2
        with pytest.raises(NotFoundError):
            met(s, "Nobody Atall")


# ---- path ---------------------------------------------------------------------------------------
def _names(rows):
    return [[n["name"] for n in r["nodes"]] for r in rows]


def test_path_corpus_chain_with_quotes(stores):
    rows = both(stores, path, "Stadt Hanau", "Stadtwerke Bochum")
    assert _names(rows)[0] == ["Stadt Hanau", "Netzwerk Digitale Städte", "Stadt Bochum",
                               "Smart City Innovation Unit", "Stadtwerke Bochum"]
    last = rows[0]["hops"][-1]["relations"][0]
    assert last["type"] == "PARTNERS_WITH"
    assert last["sources"][0]["quote"].startswith("Together with Stadtwerke Bochum")


def test_path_k_order_and_events_as_hops(stores):
    rows = both(stores, path, "Isabelle Hemsley", "Sebastian Kopietz", k=5)
    assert [r["length"] for r in rows] == [2, 3, 4, 4]
    assert _names(rows)[0] == ["Isabelle Hemsley", "Hanau delegation visits Bochum", "Sebastian Kopietz"]
    keys = [(len(r["nodes"]), [n["id"] for n in r["nodes"]]) for r in rows]
    assert keys == sorted(keys)
    assert both(stores, path, "Isabelle Hemsley", "Sebastian Kopietz", k=1) == rows[:1]
    assert both(stores, path, "Isabelle Hemsley", "Sebastian Kopietz", max_hops=1) == []


def test_path_as_of_and_exclude(stores):
    before = both(stores, path, "Stadtwerke Hanau", "Energieagentur Rhein-Main", as_of="2020-05-01")
    assert _names(before) == [["Stadtwerke Hanau", "Karl Alt", "Energieagentur Rhein-Main"]]
    assert both(stores, path, "Stadtwerke Hanau", "Energieagentur Rhein-Main", as_of="2023") == []
    assert both(stores, path, "Stadtwerke Hanau", "Energieagentur Rhein-Main", as_of="2022-06") != []
    # the visit happened after 2025-01: as of then, the 2-hop chain through it does not exist
    early = both(stores, path, "Isabelle Hemsley", "Sebastian Kopietz", as_of="2025-01-01")
    assert all("Hanau delegation visits Bochum" not in names for names in _names(early))
    excl = both(stores, path, "Isabelle Hemsley", "Sebastian Kopietz", exclude=["event:hanau-visit-bochum-2025-10-27"])
    assert _names(excl) == [["Isabelle Hemsley", "Stadt Hanau", "Netzwerk Digitale Städte", "Stadt Bochum",
                             "Sebastian Kopietz"]]


# ---- partners -----------------------------------------------------------------------------------
def test_partners_kind_utility(stores):
    rows = both(stores, partners, kind="utility")
    assert [(r["organization"]["name"], [p["name"] for p in r["organization_parent"]], r["partner"]["name"])
            for r in rows] == [("Smart City Innovation Unit", ["Stadt Bochum"], "Stadtwerke Bochum")]
    assert "sensor network" in rows[0]["sources"][0]["quote"]
    owned = both(stores, partners, kind="utility", ownership=True)
    assert ("Stadt Hanau", "owns", "Stadtwerke Hanau") in [(r["organization"]["name"], r["relation"],
                                                            r["partner"]["name"]) for r in owned]


def test_partners_of_and_all(stores):
    rows = both(stores, partners, of="Stadt Hanau")
    assert [(r["relation"], r["partner"]["name"]) for r in rows] == [("member of", "Netzwerk Digitale Städte")]
    net = both(stores, partners, of="Netzwerk Digitale Städte")
    assert [r["partner"]["name"] for r in net] == ["Stadt Bochum", "Stadt Hanau"]
    assert {r["relation"] for r in net} == {"has member"}
    assert len(both(stores, partners)) == 3


# ---- peers, timeline, neighbors, brokers ----------------------------------------------------------
def test_peers_equivalent_titles(stores):
    rows = both(stores, peers, "Jonas Weber")
    assert [(r["peer"]["name"], r["title"]) for r in rows] == [("Denes Kücük", "CDO"),
                                                               ("Lena Vogt", "Digitalisierungsbeauftragte")]
    assert rows[0]["score"] > rows[1]["score"] and "met at Hanau delegation visits Bochum" in rows[0]["reason"]
    mayors = both(stores, peers, "Maria Lindner")
    assert [(r["peer"]["name"], r["role"]) for r in mayors] == [("Peter Brandt", "mayor")]
    md = both(stores, peers, "person:anna-schmidt-hanau")
    assert [r["peer"]["id"] for r in md] == ["person:anna-schmidt-bochum"]  # Karl Alt: same organization


def test_timeline(stores):
    rows = both(stores, timeline, "Karl Alt")
    assert [(r["date"], r["what"], r["other"]["name"]) for r in rows] == [
        ("2010", "began", "Energieagentur Rhein-Main"), ("2015", "began", "Stadtwerke Hanau"),
        ("2022-06-30", "ended", "Stadtwerke Hanau")]
    hemsley = both(stores, timeline, "Isabelle Hemsley")
    assert [r["date"] for r in hemsley] == ["2021-04-01", "2025-10-27"]
    assert hemsley[1]["sources"][0]["quote"].startswith("The delegation was led")
    visit = both(stores, timeline, "event:hanau-visit-bochum-2025-10-27")
    assert "took place" in [r["what"] for r in visit] and len(visit) == 6


def test_neighbors(stores):
    full = [both(stores, lambda s, *a, **k: neighbors(s, *a, **k).rows, "Stadt Bochum", depth=2)]
    assert full[0][0]["id"] == "organization:stadt-bochum" and len(full[0]) == 11
    cut = {k: neighbors(s, "Stadt Bochum", depth=2, limit=5) for k, s in stores.items()}
    assert cut["embedded"].rows == cut["bolt"].rows and cut["embedded"].omitted == cut["bolt"].omitted == 6
    only = neighbors(stores["embedded"], "Stadt Bochum", types=["PART_OF"]).rows
    assert {r["name"] for r in only} == {"Stadt Bochum", "Stabsstelle Digitalisierung", "Smart City Innovation Unit"}


def test_brokers(stores):
    rows = both(stores, brokers, top=3)
    assert rows[0]["entity"]["name"] == "Denes Kücük" and rows[0]["betweenness"] > rows[1]["betweenness"]
    assert [r["rank"] for r in rows] == [1, 2, 3]


# ---- CLI ----------------------------------------------------------------------------------------
COMMANDS = [
    (["met", "Isabelle Hemsley"], "City director Sebastian Kopietz welcomed the guests."),
    (["partners", "--kind", "utility"], "Smart City Innovation Unit (Stadt Bochum)"),
    (["path", "Stadt Hanau", "Stadtwerke Bochum"], "Together with Stadtwerke Bochum"),
    (["peers", "Maria Lindner"], "Peter Brandt"),
    (["timeline", "Karl Alt"], "2022-06-30"),
    (["neighbors", "Stadt Bochum", "--depth", "2", "--limit", "5"], "Stadt Bochum"),
    (["brokers", "--top", "3"], "Denes Kücük"),
]


@pytest.fixture
def cli_db(db_arg):
    """A ``--db`` holding the fixture graph (imported with the CLI)."""
    from click.testing import CliRunner

    from stakegraph.cli import cli

    res = CliRunner().invoke(cli, ["--db", db_arg, "import", str(FIXTURE)])
    assert res.exit_code == 0, res.output
    return db_arg


def test_cli_commands(cli_db):
    from click.testing import CliRunner

    from stakegraph.cli import cli

    runner = CliRunner()
    for args, expected in COMMANDS:
        table = runner.invoke(cli, ["--db", cli_db, *args])
        assert table.exit_code == 0 and expected in table.output, (args, table.output)
        as_json = runner.invoke(cli, ["--db", cli_db, *args, "--format", "json"])
        data = json.loads(as_json.stdout)
        assert as_json.exit_code == 0 and isinstance(data, list) and data, args
    empty = runner.invoke(cli, ["--db", cli_db, "path", "Stadtwerke Hanau", "Energieagentur Rhein-Main",
                                "--as-of", "2024", "--format", "json"])
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []
    for args in (["met", "Nobody Atall"], ["path", "Stadt Hanau", "Nowhere"], ["peers", "Anna Schmidt"],
                 ["met", "Isabelle Hemsley", "--since", "last week"]):
        bad = runner.invoke(cli, ["--db", cli_db, *args])
        assert bad.exit_code != 0 and bad.output.startswith("Error:") and len(bad.output.strip().splitlines()) == 1, \
            (args, bad.output)


def test_cli_json_is_the_stdlib_encoding(cli_db):
    """``--format json`` goes through orjson; the text is exactly ``json.dumps(ensure_ascii=False, indent=2)``."""
    from click.testing import CliRunner

    from stakegraph.cli import cli

    runner = CliRunner()
    for args, _expected in COMMANDS:
        out = runner.invoke(cli, ["--db", cli_db, *args, "--format", "json"])
        assert out.exit_code == 0, (args, out.output)
        assert out.stdout == json.dumps(json.loads(out.stdout), ensure_ascii=False, indent=2) + "\n", args


def test_resolve_fast_path_matches_store_resolve(stores):
    """queries.common.resolve answers from the names index only when store.resolve would give that node."""
    from stakegraph.queries.common import resolve

    s = stores["embedded"]
    texts = [n.name for n in s.nodes()] + [n.id for n in s.nodes()] + ["anna schmidt", "ISABELLE HEMSLEY", "Nobody Atall"]
    for text in texts:
        try:
            want = s.resolve(text).id
        except (AmbiguousError, NotFoundError) as exc:
            with pytest.raises(type(exc)):
                resolve(s, text)
            continue
        assert resolve(s, text).id == want, text


# ---- brokers at scale -------------------------------------------------------------------------------
def test_brokers_exact_and_estimated_top_10(tmp_path):
    """brokers on a generated graph of ~1,400 projection nodes (some events above BIG_EVENT persons,
    so stars, not cliques) gives exactly networkx's top 10; the estimate used above EXACT_LIMIT
    (KADABRA), forced here, finds the same top 10 (the first three in order), stays within its
    error bound, and is the same on every run."""
    import sys

    import networkx as nx

    from stakegraph.graph.sqlite_store import SqliteStore
    from stakegraph.queries import brokers as b

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.generate import graph

    store = SqliteStore(tmp_path / "g.db")
    store.upsert(graph(2000, 6000, seed=3).records())
    proj = b.projection(store)
    n = len(proj.ids)
    assert 1000 < n <= b.EXACT_LIMIT and n * len(proj.edges) > b.SMALL_WORK  # networkit's exact Brandes
    assert "Event" in proj.labels, "the generated graph has events above BIG_EVENT persons"
    g = proj.to_networkx()
    reference = nx.betweenness_centrality(g, normalized=True)
    want = sorted((i for i in g if g.nodes[i]["label"] != "Event" and reference[i] > 0),
                  key=lambda i: (-round(reference[i], 9), i))[:10]
    rows = b.brokers(store)
    assert [(r["entity"]["id"], r["betweenness"]) for r in rows] == [(i, round(reference[i], 6)) for i in want]

    exact = b.betweenness(proj)
    estimate = b.betweenness(proj, exact_limit=0)
    assert estimate == b.betweenness(proj, exact_limit=0)

    def top(scores):
        return [proj.ids[i] for i in sorted(range(n), key=lambda i: (-scores[i], proj.ids[i]))
                if proj.labels[i] != "Event"][:10]

    assert top(exact) == want
    assert set(top(estimate)) == set(want) and top(estimate)[:3] == want[:3]
    assert max(abs(x - y) for x, y in zip(estimate, exact, strict=True)) < b.ERROR
    store.close()


# ---- hubs and limits (repro D13) ----------------------------------------------------------------------
def cluster_and_chain(people: int = 30, events: int = 6) -> list:
    """D13's graph: ``people`` persons who all attended ``events`` events (a dense cluster), and a chain
    of four organizations and persons from the first of them to "Target B", 8 hops away."""
    recs: list = [Node(f"person:c{i}", "Person", f"Cluster {i}", {}) for i in range(people)]
    recs += [Node(f"event:ev{j}", "Event", f"Ev {j}", {"kind": "meeting"}) for j in range(events)]
    recs += [Rel("ATTENDED", f"person:c{i}", f"event:ev{j}", {"side": "participant"})
             for i in range(people) for j in range(events)]
    last = "person:c0"
    for h in range(1, 5):
        recs.append(Node(f"organization:o{h}", "Organization", f"Chain Org {h}", {"kind": "company"}))
        recs.append(Node(f"person:x{h}", "Person", "Target B" if h == 4 else f"Chain Person {h}", {}))
        recs.append(Rel("HOLDS_ROLE", last, f"organization:o{h}", {"title": "t"}))
        recs.append(Rel("HOLDS_ROLE", f"person:x{h}", f"organization:o{h}", {"title": "t"}))
        last = f"person:x{h}"
    return recs


def test_path_through_a_dense_cluster_never_enumerates_walks(make_store):
    """D13: ``path --max-hops 8 --k 100`` from inside a cluster where every walk of 8 hops would be
    listed by a variable-length pattern; the search reads each node's relationships once instead."""
    stores = {kind: make_store(kind) for kind in ("embedded", "bolt")}
    for s in stores.values():
        s.upsert(cluster_and_chain())
    for hops in (4, 6):
        assert both(stores, path, "Cluster 0", "Target B", max_hops=hops, k=100) == []
    rows = both(stores, path, "Cluster 0", "Target B", max_hops=8, k=100)
    assert [r["length"] for r in rows] == [8]
    assert _names(rows)[0][::2] == ["Cluster 0", "Chain Person 1", "Chain Person 2", "Chain Person 3", "Target B"]
    short = both(stores, path, "Cluster 0", "Cluster 1", max_hops=4, k=7)
    assert [r["length"] for r in short] == [2] * 6 + [4]  # six shared events, then the first 4-hop path


def test_query_time_limit_is_checked_and_named(bolt_server, monkeypatch):
    """Every Cypher read runs in a transaction with a server-enforced timeout; a bad setting is a
    one-line error naming the variable, and a timed-out query names the limit and how to raise it."""
    import neo4j.exceptions as ne

    from stakegraph.graph.errors import StoreError
    from tests.conftest import open_bolt_store

    monkeypatch.setenv("STAKEGRAPH_QUERY_TIMEOUT", "soon")
    with pytest.raises(StoreError, match="STAKEGRAPH_QUERY_TIMEOUT='soon'"):
        open_bolt_store(bolt_server)
    monkeypatch.setenv("STAKEGRAPH_QUERY_TIMEOUT", "7.5")
    store = open_bolt_store(bolt_server)
    try:
        assert store.query_timeout == 7.5
        timed_out = ne.Neo4jError._hydrate_neo4j(
            code="Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
            message="The transaction has been terminated.")
        msg = str(store.translate(timed_out))
        assert "7.5 s time limit" in msg and "STAKEGRAPH_QUERY_TIMEOUT" in msg and "\n" not in msg
    finally:
        store.close()


def test_queries_use_only_the_store_interface():
    """queries/ combines the stores' primitives: no SQL connection, no Cypher, no private helper of
    a store, no import of a store module or of exports (which import queries)."""
    import re

    root = Path(__file__).resolve().parents[1] / "queries"
    for src in sorted(root.glob("*.py")):
        text = src.read_text(encoding="utf-8")
        for word in ("conn", "cypher", "run_read", "_node_from", "is_neo4j"):
            assert word not in text.lower(), f"{src.name} mentions {word!r}"
        imports = re.findall(r"^from \.\.(\S+) import", text, re.M)
        assert all(m.startswith("graph") and not m.endswith(("_store", "_queries", "_writer")) for m in imports), \
            (src.name, imports)


def test_path_lists_parallel_links_of_a_hop_in_date_order(make_store):
    """Three terms of the same seat: the hop shows them oldest first, whatever their keys sort as."""
    recs: list = [Node("person:ada", "Person", "Ada Sitz"), Node("person:ben", "Person", "Ben Sitz"),
                  Node("organization:rat", "Organization", "Rat Musterfeld", {"kind": "unit"})]
    for key, since in (("a-term", "2019"), ("b-term", "2009"), ("c-term", "2014")):
        recs.append(Rel("HOLDS_ROLE", "person:ada", "organization:rat", {"title": "Ratsmitglied", "since": since},
                        key=key))
    recs.append(Rel("HOLDS_ROLE", "person:ben", "organization:rat", {"title": "Ratsmitglied", "since": "2020"}))
    stores = {kind: make_store(kind) for kind in ("embedded", "bolt")}
    for s in stores.values():
        s.upsert(recs)
    [row] = both(stores, path, "Ada Sitz", "Ben Sitz", k=1)
    assert [r["date"] for r in row["hops"][0]["relations"]] == ["2009", "2014", "2019"]
