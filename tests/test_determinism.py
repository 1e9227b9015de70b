"""The same input gives the same graph: batch size, file order, store and hash seed make no difference.

Every import of the same files is exported as JSON and compared byte for byte with the first one.
The merge rule itself (graph/records.py) is also checked directly: any order of merging the same
records gives the same record.
"""

from __future__ import annotations

import functools
import itertools
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from stakegraph.exports.base import ExportContext, export_graph
from stakegraph.graph.records import Node, merge_node, merge_props, normal_node, normal_props
from stakegraph.graph.store import DEFAULT_BATCH_SIZE
from stakegraph.importers.pipeline import import_paths
from stakegraph.queries.profile import profile

ROOT = Path(__file__).resolve().parents[1]
STANDARDS = ROOT / "tests" / "fixtures" / "standards"


def _inputs(shared: Path) -> list[Path]:
    corpus = shared / "corpus" / "press"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/press not present")
    return [ROOT / "examples", corpus, STANDARDS / "popolo.json", STANDARDS / "entities.ftm.json",
            STANDARDS / "oparl_dump"]


def _export(store, path: Path) -> bytes:
    graph = store.to_networkx()
    export_graph("json", graph, path, ExportContext(store="-", created="-"))
    return path.read_bytes()


@pytest.mark.parametrize("kind", ["embedded", "bolt"])
def test_batch_size_and_file_order_do_not_change_the_graph(kind, make_store, shared, tmp_path):
    inputs = _inputs(shared)
    reference = None
    summaries = set()
    for batch, order in itertools.product((1, 7, DEFAULT_BATCH_SIZE), ("forward", "reverse")):
        store = make_store(kind)
        store.batch_size = batch
        paths = inputs if order == "forward" else inputs[::-1]
        s = import_paths(store, paths).stats
        summaries.add((s.nodes_created, s.nodes_updated, s.rels_created, s.rels_updated,
                       tuple(sorted(s.by_label.items())), tuple(sorted(s.by_type.items()))))
        # a second import of part of it: every element it touches is counted once as updated
        again = import_paths(store, [ROOT / "examples"]).stats
        summaries.add(("again", again.nodes_created, again.nodes_updated, again.rels_created,
                       again.rels_updated))
        data = _export(store, tmp_path / f"{kind}-{batch}-{order}.json")
        if reference is None:
            reference = data
        assert data == reference, f"{kind} store, batch size {batch}, {order} order: export differs"
    assert len(summaries) == 2, summaries  # one summary of the full import, one of the re-import
    first = next(x for x in summaries if x[0] != "again")
    assert first[1] == 0 and first[3] == 0, "an empty store has nothing to update"


def test_both_stores_give_the_same_export(make_store, shared, tmp_path):
    inputs = _inputs(shared)
    exports, counts, profiles = {}, {}, {}
    for kind in ("embedded", "bolt"):
        store = make_store(kind)
        import_paths(store, inputs)
        again = import_paths(store, inputs).stats
        counts[kind] = (again.nodes_created, again.nodes_updated, again.rels_created, again.rels_updated)
        exports[kind] = _export(store, tmp_path / f"{kind}.json")
        profiles[kind] = profile(store, "Isabelle Hemsley")  # repro D12: `show` answered differently
    assert exports["embedded"] == exports["bolt"]
    assert profiles["embedded"] == profiles["bolt"]
    assert counts["embedded"] == counts["bolt"]
    assert counts["embedded"][0] == counts["embedded"][2] == 0


def test_hash_seed_does_not_change_the_graph(shared, tmp_path):
    inputs = [str(p) for p in _inputs(shared)]
    outputs = []
    for seed in ("0", "1"):
        db, out = tmp_path / f"seed{seed}.db", tmp_path / f"seed{seed}.json"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        code = ("import sys; from stakegraph.graph.sqlite_store import SqliteStore; "
                "from stakegraph.importers.pipeline import import_paths; "
                "from stakegraph.exports.base import ExportContext, export_graph; "
                "s = SqliteStore(sys.argv[1]); import_paths(s, sys.argv[3:]); "
                "export_graph('json', s.to_networkx(), sys.argv[2], ExportContext(store='-', created='-'))")
        subprocess.run([sys.executable, "-c", code, str(db), str(out), *inputs], env=env, check=True,
                       capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


# ---- the rule itself ----------------------------------------------------------------------------
def _random_node(rnd: random.Random) -> Node:
    props: dict = {}
    choices: dict[str, list] = {
        "title": ["Stadträtin", "Stadträtin und Dezernentin", "Mayor"], "since": ["2025", "2025-10", "2024-03-01"],
        "until": ["2025", "2026-01"], "confidence": [0.5, 0.9, 1, 1.0], "lead": [True, False],
        "extractor": ["csv", "press:title", "popolo:placeholder"], "kind": ["other", "utility", "company"],
        "share": [0.25, 1],
    }
    for key, values in choices.items():
        if rnd.random() < 0.5:
            props[key] = rnd.choice(values)
    if rnd.random() < 0.5:
        props["aliases"] = rnd.sample(["A. B.", "Anna Berg", "Berg"], rnd.randint(0, 3))
    src = [rnd.choice(["source:a", "source:b", "source:c"]) for _ in range(rnd.randint(0, 3))]
    if src:
        props["sources"] = src
        if rnd.random() < 0.6:
            props["evidence"] = [rnd.choice(["", "one quote", "another quote"]) for _ in range(rnd.randint(0, len(src)))]
    return Node("person:anna-berg", "Person", rnd.choice(["Anna Berg", "ANNA BERG", "Anna Bérg"]), props)


def test_merging_is_order_free():
    rnd = random.Random(13)
    for _ in range(400):
        records = [_random_node(rnd) for _ in range(rnd.randint(1, 4))]
        results = set()
        for perm in itertools.permutations(records):
            left = normal_node(functools.reduce(merge_node, perm))
            right = normal_node(functools.reduce(lambda a, b: merge_node(b, a), reversed(perm)))
            results.update(repr((n.name, n.props)) for n in (left, right))
        assert len(results) == 1, (records, results)


def test_merge_rule_examples():
    a = {"sources": ["source:b", "source:a"], "evidence": ["quote b", ""], "title": "Stadträtin",
         "confidence": 0.6, "since": "2025-10"}
    b = {"sources": ["source:a"], "evidence": ["quote a"], "title": "Stadträtin und Dezernentin",
         "confidence": 0.9, "since": "2025", "until": "2026"}
    merged = merge_props(a, b)
    assert merged == merge_props(b, a)
    assert merged["sources"] == ["source:a", "source:b"] and merged["evidence"] == ["quote a", "quote b"]
    assert merged["title"] == "Stadträtin und Dezernentin" and merged["confidence"] == 0.9
    assert merged["since"] == "2025" and merged["until"] == "2026"
    assert normal_props({"sources": ["s"], "evidence": [""], "aliases": []}) == {"sources": ["s"]}
    real = Node("organization:x", "Organization", "Stadt X", {"extractor": "csv"})
    stub = Node("organization:x", "Organization", "Organization 34", {"extractor": "oparl:placeholder",
                                                                     "sources": ["source:o"]})
    for node in (merge_node(real, stub), merge_node(stub, real)):
        assert node.name == "Stadt X" and "aliases" not in node.props and node.props["extractor"] == "csv"
        assert node.props["sources"] == ["source:o"]
