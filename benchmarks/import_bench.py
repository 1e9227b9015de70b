"""Time only the embedded store's import: ``python -m benchmarks.import_bench [--rels 1000000] [--profile]``.

Generates the benchmark graph once (pickled under /tmp), then times ``SqliteStore.upsert`` into a
fresh file; with ``--file`` the node-link JSON import path instead.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.generate import graph, write_node_link
from stakegraph.graph.sqlite_store import SqliteStore


def synth_for(rels: int):
    nodes = rels * 33 // 100
    cache = Path(tempfile.gettempdir()) / f"sg_synth_{nodes}_{rels}.pickle"
    if not cache.exists():
        s = graph(nodes, rels, seed=7)
        with open(cache, "wb") as fh:
            pickle.dump(s, fh, protocol=pickle.HIGHEST_PROTOCOL)
    with open(cache, "rb") as fh:
        return pickle.load(fh)  # fresh copies: validate() mutates records


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rels", type=int, default=1_000_000)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--file", action="store_true", help="node-link JSON through import_paths")
    ap.add_argument("--twice", action="store_true", help="upsert a second time (update path)")
    ap.add_argument("--dir", default=None)
    args = ap.parse_args()
    synth = synth_for(args.rels)
    work = Path(args.dir or tempfile.mkdtemp(prefix="sg_bench_"))
    db = work / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = SqliteStore(db)
    prof = cProfile.Profile() if args.profile else None
    if args.file:
        from stakegraph.importers.pipeline import import_paths
        jpath = work / "graph.json"
        write_node_link(jpath, synth.nodes, synth.rels)
        run = lambda: import_paths(store, [jpath])  # noqa: E731
    else:
        run = lambda: store.upsert(synth.records())  # noqa: E731
    t0, c0 = time.perf_counter(), time.process_time()
    if prof:
        prof.enable()
    run()
    if prof:
        prof.disable()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"import {len(synth.rels)} rels: {dt:.2f} s = {len(synth.rels) / dt:,.0f} edges/s, "
          f"cpu {cpu:.2f} s = {len(synth.rels) / cpu:,.0f} edges/cpu-s (load {os.getloadavg()[0]:.2f})")
    if args.twice:
        synth2 = synth_for(args.rels)
        t0 = time.perf_counter()
        st = store.upsert(synth2.records())
        dt = time.perf_counter() - t0
        print(f"re-import: {dt:.2f} s = {len(synth.rels) / dt:,.0f} edges/s {st.rels_created} {st.rels_updated}")
    store.close()
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    if not args.dir:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
