"""Evidence for suggested store fixes: the same measurement with and without a change, in one process.

    python benchmarks/experiments.py met DB [N]      # warm met: edges_touching with `+type` (no edges_type index)
    python benchmarks/experiments.py import [EDGES]  # embedded bulk import: page cache size, rows sorted by key

The store code is never edited here: a fix is tried by patching the method for the second measurement.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from stakegraph.graph import schema  # noqa: E402
from stakegraph.graph.sqlite_store import CHUNK, SqliteStore, _chunks  # noqa: E402


def edges_touching_plus_type(self, node_ids, types=None):
    """``SqliteStore.edges_touching`` with ``+type``: SQLite may no longer pick the low-selectivity
    ``edges_type`` index (every ATTENDED row) over ``edges_target`` / the primary key."""
    type_list = [schema.check_type(t) for t in types] if types else []
    type_sql = (" AND +type IN (%s)" % ",".join("?" * len(type_list))) if type_list else ""
    seen = {}
    ids = list(dict.fromkeys(node_ids))
    for chunk in _chunks(ids, CHUNK // 2):
        marks = ",".join("?" * len(chunk))
        for col in ("source", "target"):
            q = f"SELECT source, target, key, type, props FROM edges WHERE {col} IN ({marks}){type_sql}"
            for row in self.conn.execute(q, chunk + type_list):
                if (row[0], row[1], row[2]) not in seen:
                    seen[(row[0], row[1], row[2])] = self._rel(row)
    return list(seen.values())


def exp_met(db: str, n: int = 30) -> None:
    from stakegraph.queries.met import met

    store = SqliteStore(db)
    ids = [r[0] for r in store.conn.execute("SELECT DISTINCT source FROM edges WHERE type = 'ATTENDED' "
                                            "AND source LIKE 'person:%' ORDER BY source")]
    people = random.Random(42).sample(ids, min(n, len(ids)))
    original = SqliteStore.edges_touching
    for name, fn in (("as committed", original), ("+type", edges_touching_plus_type),
                     ("as committed (again)", original)):
        SqliteStore.edges_touching = fn
        met(store, people[0])
        times, rows = [], 0
        for p in people:
            t0 = time.perf_counter()
            rows += len(met(store, p))
            times.append((time.perf_counter() - t0) * 1000)
        print(f"met_warm_ms[{name}]: median {statistics.median(times):.1f} max {max(times):.0f} rows {rows}", flush=True)
    SqliteStore.edges_touching = original
    store.close()


def exp_import(edges: int = 300_000) -> None:
    from benchmarks.generate import graph

    synth = graph(edges // 3, edges, seed=7)
    for r in synth.records():
        r.validate()
    db = Path("/tmp") / f"sg-exp-{edges}.db"

    def run(name: str, cache_kib: int | None = None, sort: bool = False) -> None:
        for suf in ("", "-wal", "-shm"):
            Path(str(db) + suf).unlink(missing_ok=True)
        store = SqliteStore(db)
        if cache_kib:
            store.conn.execute(f"PRAGMA cache_size = -{cache_kib}")
        rels = sorted(synth.rels, key=lambda r: (r.source, r.target, r.key)) if sort else synth.rels
        t0 = time.perf_counter()
        store.upsert([*synth.nodes, *rels])
        secs = time.perf_counter() - t0
        store.close()
        print(f"import_edges_per_s[{name}]: {edges / secs:.0f} ({secs:.1f} s)", flush=True)

    run("as committed: 64 MB page cache")
    run("1 GB page cache", cache_kib=1_000_000)
    run("rows sorted by (source, target, key)", sort=True)
    run("1 GB cache + sorted", cache_kib=1_000_000, sort=True)
    for suf in ("", "-wal", "-shm"):
        Path(str(db) + suf).unlink(missing_ok=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["met"]:
        exp_met(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 30)
    elif sys.argv[1:2] == ["import"]:
        exp_import(int(sys.argv[2]) if len(sys.argv) > 2 else 300_000)
    else:
        print(__doc__)
        sys.exit(2)
