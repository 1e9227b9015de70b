"""Randomised parity: every query gives the same rows on the embedded store and on a real Bolt server.

Seeded generated graphs (benchmarks/generate.py: heavy-tailed popularity, plus one organization
every person holds a role at and one event most persons attended, i.e. hubs) and the real samples
in ../shared/samples are loaded into both stores; met, partners, path, peers, timeline, neighbors and
brokers run on entities drawn with a seeded RNG, and the two answers must be equal. The queries
are one implementation over the stores' primitives, so this checks the primitives answer alike.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from stakegraph.graph import schema
from stakegraph.graph.errors import StakegraphError
from stakegraph.graph.records import Node, Rel
from stakegraph.queries.brokers import brokers
from stakegraph.queries.met import met
from stakegraph.queries.neighbors import neighbors
from stakegraph.queries.partners import partners
from stakegraph.queries.path import path
from stakegraph.queries.peers import peers
from stakegraph.queries.timeline import timeline

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.generate import graph  # noqa: E402

SEEDS = range(8)
PER_QUERY = 3  # entities drawn per query and graph


def hubbed_graph(seed: int) -> list[Node | Rel]:
    """A generated graph of ~300 nodes with two hubs added: an organization every person holds a
    role at (the parliament) and an event most of them attended (the plenary)."""
    synth = graph(300, 900, seed=seed)
    persons = [n for n in synth.nodes if n.label == schema.PERSON]
    hub = Node("organization:hub-parliament", schema.ORGANIZATION, "Hub Parliament", {"kind": "government"})
    plenary = Node("event:hub-plenary", schema.EVENT, "Hub Plenary", {"kind": "council_session", "date": "2024-03"})
    rng = random.Random(seed)
    extra: list[Node | Rel] = [hub, plenary]
    for p in persons:
        extra.append(Rel(schema.HOLDS_ROLE, p.id, hub.id, {"title": "Member", "role": "council_member",
                                                           "since": str(2000 + rng.randrange(25))}))
        if rng.random() < 0.7:
            extra.append(Rel(schema.ATTENDED, p.id, plenary.id, {"side": "participant"}))
    return [*synth.nodes, *extra, *synth.rels]


def same(stores: dict, fn, *args, **kwargs):
    """Run a query on both stores; both must give the same rows or the same error."""
    out = []
    for store in stores.values():
        try:
            out.append(("ok", fn(store, *args, **kwargs)))
        except StakegraphError as exc:
            out.append(("error", f"{type(exc).__name__}: {exc}"))
    assert out[0] == out[1], f"{getattr(fn, '__name__', fn)}{args}{kwargs}: the stores differ"
    json.dumps(out[0][1])
    return out[0][1]


def neighbor_rows(store, *args, **kwargs):
    result = neighbors(store, *args, **kwargs)
    return {"rows": result.rows, "omitted": result.omitted, "capped": result.capped}


def run_all(stores: dict, rng: random.Random) -> int:
    """Every query on entities drawn from the embedded store; returns how many answers were compared."""
    ref = stores["embedded"]
    by_label = {label: [n for n in ref.nodes(label)] for label in schema.LABELS}
    persons, orgs, events = by_label[schema.PERSON], by_label[schema.ORGANIZATION], by_label[schema.EVENT]
    named = persons + orgs + events
    dates = sorted({e.props["date"] for e in events if e.props.get("date")}) or ["2020"]
    checks = 0

    def pick(pool: list[Node], n: int = PER_QUERY) -> list[Node]:
        return rng.sample(pool, min(n, len(pool))) if pool else []

    for who in pick(persons) + pick(orgs, 2):
        same(stores, met, who.id)
        day = rng.choice(dates)
        same(stores, met, who.id, since=day[:4])
        same(stores, met, who.id, until=day)
        checks += 3
    for kind in [None, *rng.sample(schema.ORG_KINDS, 2)]:
        same(stores, partners, kind=kind, ownership=kind is not None)
        checks += 1
    for org in pick(orgs, 2):
        same(stores, partners, of=org.id, ownership=True)
        checks += 1
    for _ in range(PER_QUERY):
        if len(named) < 2:
            break
        a, b = rng.sample(named, 2)
        same(stores, path, a.id, b.id, k=3)
        same(stores, path, a.id, b.id, max_hops=6, k=5, as_of=rng.choice(dates))
        hub = rng.choice(orgs) if orgs else None
        same(stores, path, a.id, b.id, exclude=[hub.id] if hub else [])
        checks += 3
    for p in pick(persons):
        same(stores, peers, p.id)
        checks += 1
    for n in pick(named):
        same(stores, timeline, n.id)
        same(stores, neighbor_rows, n.id, depth=2, limit=25)
        checks += 2
    same(stores, brokers, top=10)
    return checks + 1


@pytest.fixture(scope="module")
def pair_of_stores(tmp_path_factory, bolt_server):
    """``make(records)``: an embedded store and a fresh Bolt database, both holding ``records``."""
    from stakegraph.graph.sqlite_store import SqliteStore
    from tests.conftest import open_bolt_store

    opened = []

    def make(load) -> dict:
        pair = {"embedded": SqliteStore(tmp_path_factory.mktemp("parity") / "p.db"),
                "bolt": open_bolt_store(bolt_server)}
        opened.extend(pair.values())
        for store in pair.values():
            load(store)
        return pair

    yield make
    for s in opened:
        s.close()


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_graphs_answer_alike(pair_of_stores, seed):
    records = hubbed_graph(seed)
    stores = pair_of_stores(lambda s: s.upsert(records))
    assert run_all(stores, random.Random(seed)) > 20


@pytest.mark.parametrize("folder", ["popolo", "oparl", "ftm"])
def test_real_samples_answer_alike(pair_of_stores, shared, folder):
    from stakegraph.importers.pipeline import import_paths

    src = shared / "samples" / folder
    if not src.is_dir():
        pytest.skip(f"{src} not present")
    files = sorted(p for p in src.iterdir() if p.suffix == ".json")
    stores = pair_of_stores(lambda s: import_paths(s, files if folder != "oparl" else [src]))
    assert run_all(stores, random.Random(folder)) > 10
