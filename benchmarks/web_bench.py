"""Explorer benchmark: entity pages of non-hub entities through a real ``stakegraph serve`` server.

    python benchmarks/web_bench.py [--quick] [--db FILE] [--pages N]

Builds the 1M-relationship benchmark store (``benchmarks.generate.graph``, as ``run.py --only local``)
unless ``--db`` names one already built, starts the explorer on 127.0.0.1 in this process and
fetches ``/entity?id=…`` of entities drawn at random among those with at most ``HUB_DEGREE``
relationships (persons and organizations), timing each full HTTP response. Prints ``name: value``
lines like ``run.py``; the target is ``web_entity_p95_ms`` ≤ 200.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import graph  # noqa: E402
from benchmarks.run import FULL, QUICK, figure, note  # noqa: E402

#: Entities with more relationships than this are hubs (their pages are paged; not this figure).
HUB_DEGREE = 50


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(cfg: dict, db: Path) -> None:
    from stakegraph.graph.sqlite_store import SqliteStore

    synth = graph(cfg["local_nodes"], cfg["local_rels"], seed=7)
    note(f"web: {len(synth.nodes)} nodes, {len(synth.rels)} relationships generated")
    store = SqliteStore(db)
    try:
        store.upsert(synth.records())
    finally:
        store.close()


def candidates(store, n: int, seed: int = 42) -> list[tuple[str, int]]:
    """``n`` (id, degree) of random non-hub persons and organizations."""
    rng = random.Random(seed)
    ids = [node.id for label in ("Person", "Organization") for node in store.nodes(label)]
    rng.shuffle(ids)
    out = []
    for node_id in ids:
        degree = len(store.endpoints_touching([node_id]))
        if 0 < degree <= HUB_DEGREE:
            out.append((node_id, degree))
        if len(out) >= n:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small store (seconds, not minutes)")
    ap.add_argument("--db", type=Path, help="the benchmark store to use (built there first if absent)")
    ap.add_argument("--pages", type=int, default=100, help="entity pages to fetch")
    args = ap.parse_args(argv)
    import uvicorn

    from stakegraph.graph.sqlite_store import SqliteStore
    from stakegraph.web.app import create_app

    work = Path(tempfile.mkdtemp(prefix="sg-web-bench-"))
    db = args.db or work / "web.db"
    if not db.exists():
        t0 = time.perf_counter()
        build(QUICK if args.quick else FULL, db)
        note(f"web: store built in {time.perf_counter() - t0:.0f} s")
    store = SqliteStore(db)
    counts = store.counts()
    figure("web_store_rels", sum(counts["relationships"].values()))
    picks = candidates(store, args.pages + 5)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"

    def fetch(node_id: str) -> float:
        t0 = time.perf_counter()
        with urllib.request.urlopen(f"{base}/entity?id={urllib.parse.quote(node_id, safe='')}", timeout=60) as r:
            body = r.read()
            if r.status != 200 or b'id="entity-name"' not in body:
                raise RuntimeError(f"entity page of {node_id} failed: {r.status}")
        return (time.perf_counter() - t0) * 1000

    try:
        for node_id, _ in picks[:5]:  # warm-up: caches, templates
            fetch(node_id)
        times = [fetch(node_id) for node_id, _ in picks[5:]]
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()
    times.sort()
    figure("web_entity_pages", len(times))
    figure("web_entity_degree_median", statistics.median(d for _, d in picks[5:]))
    figure("web_entity_p50_ms", statistics.median(times))
    figure("web_entity_p95_ms", times[max(0, int(round(0.95 * len(times))) - 1)])
    figure("web_entity_max_ms", times[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
