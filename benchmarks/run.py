"""Benchmarks of stakegraph side by side with the way people do it by hand.

    python benchmarks/run.py [--quick] [--only bolt,local,press,html,hubs] [--keep DIR]

Prints one ``name: value`` line per figure on stdout (progress goes to stderr). Ratios compare
stakegraph with a naive baseline measured in the same run on the same machine, so they survive a
noisy shared machine better than absolute times. See benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import naive  # noqa: E402
from benchmarks.generate import graph, press_corpus, write_node_link  # noqa: E402

FULL = dict(bolt_nodes=100_000, bolt_rels=300_000, naive_rows=3000, local_nodes=330_000, local_rels=1_000_000,
            queries=100, press_docs=2000, html_nodes=5000, pyvis_cap=120.0)
QUICK = dict(bolt_nodes=2000, bolt_rels=6000, naive_rows=200, local_nodes=6700, local_rels=20_000,
             queries=20, press_docs=40, html_nodes=300, pyvis_cap=5.0)
SECTIONS = ("bolt", "local", "press", "html", "hubs")
#: Real inputs with a hub for the ``hubs`` section: (short name, path under ../shared/real, path query ends).
HUB_INPUTS = (("uk", "popolo/UK-Commons-ep-popolo-v1.0.json", ("Diane Abbott", "Jeremy Corbyn")),
              ("ka", "oparl/karlsruhe", None))
HUB_QUERIES = ("path", "met", "neighbors", "timeline")
#: Every figure each section prints (tests check they all appear with a number).
FIGURES = {
    "bolt": ("bolt_cold_nodes_per_s", "bolt_cold_rels_per_s", "bolt_nodes", "bolt_rels", "bolt_nodes_per_s", "bolt_rels_per_s", "bolt_naive_nodes_per_s",
             "bolt_batched_over_single"),
    "local": ("local_nodes", "local_rels", "local_import_s", "local_import_edges_per_s", "local_db_mb",
              "local_import_file_mb", "local_import_file_edges_per_s", "local_cold_met_person_events",
              "local_cold_met_rows", "local_cold_met_s", "local_peak_mb", "local_cold_met_rank100_events",
              "local_cold_met_rank100_s", "local_cold_naive_s", "local_cold_naive_peak_mb", "local_cold_over_naive",
              "local_warm_met_ms", "local_warm_met_p90_ms", "local_path_ms", "local_path_p90_ms",
              "local_path_found_share", "local_brokers_nodes", "brokers_s"),
    "press": ("press_docs", "press_mb", "press_article_kb", "press_mb_per_s", "press_wall_mb_per_s", "press_short_mb_per_s",
              "press_store_mb_per_s", "press_store_jobs_mb_per_s", "press_persons_recall", "press_persons_precision"),
    "html": ("html_nodes", "html_edges", "html_write_s", "html_draw_s", "html_5k_render_s", "html_pyvis_write_s",
             "html_pyvis_s", "html_pyvis_capped", "html_over_pyvis_default"),
    "hubs": tuple(f"hub_{name}_{what}" for name, _, _ in HUB_INPUTS
                  for what in ("degree", *(f"{q}_{kind}_s" for q in HUB_QUERIES for kind in ("embedded", "bolt")),
                               "same_answers")),
}


def figure(name: str, value: float | int) -> None:
    """One parseable result line."""
    if isinstance(value, float):
        text = f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"
    else:
        text = str(value)
    print(f"{name}: {text}", flush=True)


def note(msg: str) -> None:
    print(f"# {msg}", file=sys.stderr, flush=True)


def run_child(argv: list[str], out: Path, timeout: float = 900.0) -> tuple[float, float, int]:
    """Run a fresh Python process; return (wall seconds, peak RSS in MB, exit status).

    Peak RSS comes from GNU time (``/usr/bin/time``), which forks the measured process itself: the
    ``ru_maxrss`` of a process forked straight from this (large) benchmark process would report this
    process's size, because Linux carries the pre-exec high-water mark over ``exec``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT.parent) + os.pathsep + str(ROOT))
    stats = out.with_name(out.name + ".time")
    timer = ["/usr/bin/time", "-f", "%M", "-o", str(stats)] if Path("/usr/bin/time").exists() else []
    with open(out, "wb") as fh:
        t0 = time.perf_counter()
        proc = subprocess.run(timer + argv, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT, env=env, timeout=timeout)
        wall = time.perf_counter() - t0
    peak = float(stats.read_text().split()[-1]) / 1024.0 if timer else float("nan")
    return wall, peak, proc.returncode


# ---- Bolt --------------------------------------------------------------------------------------
def bench_bolt(cfg: dict, work: Path) -> None:
    from tests.bolt_server import external_server, start_arcadedb
    from tests.conftest import open_bolt_store

    synth = graph(cfg["bolt_nodes"], cfg["bolt_rels"], seed=3)
    nodes, rels = synth.nodes, synth.rels
    note(f"bolt: {len(nodes)} nodes, {len(rels)} relationships generated")
    server = external_server() or start_arcadedb(work / "arcadedb.log")
    try:
        # A database server runs for months; a JVM started a moment ago interprets its bytecode until
        # the JIT has compiled the hot paths. Warm it with a smaller graph of another seed in a scratch
        # database (and a few naive rows), as any JVM benchmark does, and report that cold rate too.
        warm = graph(max(cfg["bolt_nodes"] // 5, 100), max(cfg["bolt_rels"] // 5, 300), seed=4)
        store = open_bolt_store(server)
        try:
            t0 = time.perf_counter()
            store.upsert(warm.nodes)
            figure("bolt_cold_nodes_per_s", len(warm.nodes) / (time.perf_counter() - t0))
            t0 = time.perf_counter()
            store.upsert(warm.rels)
            figure("bolt_cold_rels_per_s", len(warm.rels) / (time.perf_counter() - t0))
        finally:
            store.close()
        naive.bolt_merge_per_row(server, warm.nodes[: cfg["naive_rows"] // 3])
        store = open_bolt_store(server)
        try:
            t0 = time.perf_counter()
            store.upsert(nodes)
            t_nodes = time.perf_counter() - t0
            t0 = time.perf_counter()
            store.upsert(rels)
            t_rels = time.perf_counter() - t0
        finally:
            store.close()
        figure("bolt_nodes", len(nodes))
        figure("bolt_rels", len(rels))
        figure("bolt_nodes_per_s", len(nodes) / t_nodes)
        figure("bolt_rels_per_s", len(rels) / t_rels)
        rate = naive.bolt_merge_per_row(server, nodes[: cfg["naive_rows"]])
        figure("bolt_naive_nodes_per_s", rate)
        figure("bolt_batched_over_single", (len(nodes) / t_nodes) / rate)
    finally:
        server.stop()


# ---- embedded store ----------------------------------------------------------------------------
def bench_local(cfg: dict, work: Path) -> None:
    from stakegraph.graph.convert import to_graph
    from stakegraph.graph.sqlite_store import SqliteStore
    from stakegraph.importers.pipeline import import_paths
    from stakegraph.queries.met import met
    from stakegraph.queries.path import path as path_query

    synth = graph(cfg["local_nodes"], cfg["local_rels"], seed=7)
    note(f"local: {len(synth.nodes)} nodes, {len(synth.rels)} relationships generated")
    db = work / "local.db"
    store = SqliteStore(db)
    t0 = time.perf_counter()
    store.upsert(synth.records())
    t_imp = time.perf_counter() - t0
    store.close()
    figure("local_nodes", len(synth.nodes))
    figure("local_rels", len(synth.rels))
    figure("local_import_s", t_imp)
    figure("local_import_edges_per_s", len(synth.rels) / t_imp)
    figure("local_db_mb", db.stat().st_size / 1e6)

    # the same graph as a node-link JSON file through the file importer
    jpath = work / "graph.json"
    size = write_node_link(jpath, synth.nodes, synth.rels)
    db2 = work / "local_file.db"
    store2 = SqliteStore(db2)
    t0 = time.perf_counter()
    import_paths(store2, [jpath])
    t_file = time.perf_counter() - t0
    store2.close()
    figure("local_import_file_mb", size / 1e6)
    figure("local_import_file_edges_per_s", len(synth.rels) / t_file)
    for p in (db2, jpath):
        p.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(db2) + suffix).unlink(missing_ok=True)

    # the naive way's input, written beforehand: the whole graph pickled as networkx
    g = to_graph(synth.records())
    pkl = work / "graph.pickle"
    with open(pkl, "wb") as fh:
        pickle.dump(g, fh, protocol=pickle.HIGHEST_PROTOCOL)
    del g

    # the files written above (~1 GB) must not be flushed to disk while the cold query is timed
    os.sync()
    ranked = synth.by_attendance()
    hub_id, hub_events = ranked[0]
    names = {p.id: p.name for p in synth.persons}
    hub = names[hub_id]
    out = work / "cold_met.json"
    wall, peak, rc = run_child([sys.executable, "-m", "stakegraph", "--db", str(db), "met", hub, "--limit", "0",
                                "--format", "json"], out)
    if rc != 0:
        raise RuntimeError(f"cold met failed: {out.read_text()[-2000:]}")
    import json

    rows = json.loads(out.read_text())
    figure("local_cold_met_person_events", hub_events)
    figure("local_cold_met_rows", len(rows))
    figure("local_cold_met_s", wall)
    figure("local_peak_mb", peak)
    mid_id, mid_events = ranked[min(99, len(ranked) - 1)]
    wall_mid, _, rc = run_child([sys.executable, "-m", "stakegraph", "--db", str(db), "met", names[mid_id],
                                 "--limit", "0", "--format", "json"], work / "cold_met_mid.json")
    figure("local_cold_met_rank100_events", mid_events)
    figure("local_cold_met_rank100_s", wall_mid)

    nout = work / "naive_met.txt"
    n_wall, n_peak, rc = run_child([sys.executable, str(ROOT / "benchmarks" / "naive.py"), "met", str(pkl), hub_id], nout)
    if rc != 0:
        raise RuntimeError(f"naive met failed: {nout.read_text()[-2000:]}")
    met_by_naive = int(nout.read_text().split()[-1])
    ours = {r["met"]["id"] for r in rows}
    if met_by_naive != len(ours):
        raise RuntimeError(f"naive and stakegraph disagree: {met_by_naive} vs {len(ours)} persons met")
    figure("local_cold_naive_s", n_wall)
    figure("local_cold_naive_peak_mb", n_peak)
    figure("local_cold_over_naive", n_wall / wall)
    pkl.unlink()

    # warm queries in one process
    rng = random.Random(42)
    attendees = sorted(synth.attended)
    people = [names[i] for i in rng.sample(attendees, min(cfg["queries"], len(attendees)))]
    store = SqliteStore(db)
    try:
        met(store, people[0])  # first query opens caches; not counted
        times = []
        for who in people:
            t0 = time.perf_counter()
            met(store, who)
            times.append((time.perf_counter() - t0) * 1000)
        figure("local_warm_met_ms", statistics.median(times))
        figure("local_warm_met_p90_ms", _p90(times))
        persons = sorted(names)
        pairs = [tuple(rng.sample(persons, 2)) for _ in range(cfg["queries"])]
        times, found = [], 0
        for a, b in pairs:
            t0 = time.perf_counter()
            found += bool(path_query(store, a, b))
            times.append((time.perf_counter() - t0) * 1000)
        figure("local_path_ms", statistics.median(times))
        figure("local_path_p90_ms", _p90(times))
        figure("local_path_found_share", found / len(pairs))
        from stakegraph.queries.brokers import brokers, projection

        figure("local_brokers_nodes", len(projection(store).ids))
        t0 = time.perf_counter()
        brokers(store)
        figure("brokers_s", time.perf_counter() - t0)
    finally:
        store.close()


def _p90(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.9 * len(values))) - 1)]


# ---- press -------------------------------------------------------------------------------------
def bench_press(cfg: dict, work: Path) -> None:
    """Press import throughput in MB of input per CPU second (issue 12: >= 1 MB/s on articles of realistic length).

    The main corpus is the generator's ``realistic`` releases (~3 KB, log-normal length, the facts of the
    short form plus body prose; still denser in names, titles and organization words than real releases).
    ``press_short_mb_per_s`` is the same measure on the dense ~1.5 KB releases of sessions 1-3. CPU time of
    this process, not wall time: the machine is shared. One article is read before the clock starts (the
    first read loads the gazetteer and compiles the lazy patterns: a one-off of ~0.1 s per process)."""
    from stakegraph.graph.sqlite_store import SqliteStore
    from stakegraph.importers.base import ImportContext
    from stakegraph.importers.pipeline import import_paths
    from stakegraph.importers.press import PressImporter
    from stakegraph.importers.press.evaluate import pooled, score

    imp = PressImporter()
    short = work / "press_short"
    short_total, _ = press_corpus(short, cfg["press_docs"], seed=11)
    folder = work / "press"
    total, golds = press_corpus(folder, cfg["press_docs"], seed=11, realistic=True)
    files = sorted(folder.iterdir())
    list(imp.read(sorted(short.iterdir())[0], ImportContext()))  # warm-up, untimed
    cpu, wall = _press_pass(imp, files)
    figure("press_docs", len(files))
    figure("press_mb", total / 1e6)
    figure("press_article_kb", total / 1e3 / len(files))
    figure("press_mb_per_s", total / 1e6 / cpu)
    figure("press_wall_mb_per_s", total / 1e6 / wall)
    figure("press_short_mb_per_s", short_total / 1e6 / _press_pass(imp, sorted(short.iterdir()))[0])
    real = _real_dev_texts()
    if real:  # optional (the cached texts are outside the repository): the real dev excerpts, ~1.7 KB each
        figure("press_real_dev_mb_per_s", sum(p.stat().st_size for p in real) / 1e6 / _press_pass(imp, real)[0])
    for name, jobs in (("press_store_mb_per_s", "1"), ("press_store_jobs_mb_per_s", None)):
        # wall MB/s of a whole import into the embedded store: one process (as in earlier sessions), then
        # the rules in worker processes (STAKEGRAPH_JOBS unset: one per core); the same records either way
        store = SqliteStore(work / f"press-{name}.db")
        saved = os.environ.pop("STAKEGRAPH_JOBS", None)
        if jobs:
            os.environ["STAKEGRAPH_JOBS"] = jobs
        try:
            t0 = time.perf_counter()
            import_paths(store, [folder])
            figure(name, total / 1e6 / (time.perf_counter() - t0))
        finally:
            store.close()
            os.environ.pop("STAKEGRAPH_JOBS", None)
            if saved is not None:
                os.environ["STAKEGRAPH_JOBS"] = saved
    ctx = ImportContext()  # the same deterministic pass again, untimed, for the accuracy figures
    per_file = [list(imp.read(p, ctx)) for p in files]
    scores = [score(recs, gold, recs[0].id) for recs, gold in zip(per_file, golds, strict=False)]
    figure("press_persons_recall", pooled(scores)["persons"]["recall"])
    figure("press_persons_precision", pooled(scores)["persons"]["precision"])


def _press_pass(imp: Any, files: list[Path]) -> tuple[float, float]:
    """(CPU s, wall s) of one import pass over ``files``, records streamed and dropped as an import does
    (keeping every article's records alive made full GC passes walk them again and again, ~8 % of the time)."""
    from stakegraph.importers.base import ImportContext

    ctx = ImportContext()
    c0, t0 = time.process_time(), time.perf_counter()
    for p in files:
        for _ in imp.read(p, ctx):
            pass
    return time.process_time() - c0, time.perf_counter() - t0


def _real_dev_texts() -> list[Path]:
    """The cached texts of the real press dev set (eval/press, ``"set": "dev"`` only), when present."""
    import json

    cache = Path(os.environ.get("PRESS_CACHE") or "/work/wt/press-cache")
    out = []
    for g in sorted((ROOT / "eval" / "press" / "gold").glob("*.json")):
        meta = json.loads(g.read_text(encoding="utf-8"))
        if meta.get("set") == "dev" and (cache / str(meta.get("doc"))).is_file():
            out.append(cache / str(meta["doc"]))
    return out


# ---- HTML --------------------------------------------------------------------------------------
def bench_html(cfg: dict, work: Path) -> None:
    from stakegraph.exports.base import ExportContext
    from stakegraph.exports.html import export_html
    from tests.browser import chromium, draw_time
    from tests.export_graphs import big_graph

    g = big_graph(cfg["html_nodes"], seed=1)
    page = work / "graph.html"
    with chromium() as browser:
        draw_time(_warm_page(work), browser)  # browser start-up not counted
        t0 = time.perf_counter()
        export_html(g, page, ExportContext(title="benchmark"))
        write = time.perf_counter() - t0
        draw = draw_time(page, browser)
        figure("html_nodes", g.number_of_nodes())
        figure("html_edges", g.number_of_edges())
        figure("html_write_s", write)
        figure("html_draw_s", draw)
        figure("html_5k_render_s", write + draw)
        p_total, capped, p_write = naive.pyvis_render(g, work / "pyvis.html", browser, cfg["pyvis_cap"])
        figure("html_pyvis_write_s", p_write)
        figure("html_pyvis_s", p_total)
        figure("html_pyvis_capped", int(capped))
        figure("html_over_pyvis_default", p_total / (write + draw))


# ---- hubs on real inputs -------------------------------------------------------------------------
def _hub_answers(store: Any, hub: str, ends: tuple[str, str]) -> dict[str, tuple[float, Any]]:
    """Each hub query once on ``store``: {query: (seconds, answer)}."""
    from stakegraph.queries.met import met
    from stakegraph.queries.neighbors import neighbors
    from stakegraph.queries.path import path as path_query
    from stakegraph.queries.timeline import timeline

    calls = {"path": lambda: path_query(store, *ends, max_hops=6, k=3),
             "met": lambda: met(store, hub),
             "neighbors": lambda: neighbors(store, hub, depth=2, limit=100).rows,
             "timeline": lambda: timeline(store, hub)}
    out: dict[str, tuple[float, Any]] = {}
    for name in HUB_QUERIES:
        t0 = time.perf_counter()
        answer = calls[name]()
        out[name] = (time.perf_counter() - t0, answer)
    return out


def bench_hubs(cfg: dict, work: Path) -> None:
    """path, met, neighbors and timeline at the biggest hub of real inputs, on both stores."""
    from stakegraph.graph.sqlite_store import SqliteStore
    from stakegraph.importers.pipeline import import_paths
    from tests.bolt_server import external_server, start_arcadedb
    from tests.conftest import open_bolt_store

    real = ROOT.parent / "shared" / "real"
    if not real.is_dir():
        raise RuntimeError(f"{real} not present: the hubs section reads real inputs")
    server = external_server() or start_arcadedb(work / "arcadedb-hubs.log")
    try:
        for name, rel_path, ends in HUB_INPUTS:
            src = real / rel_path
            embedded = SqliteStore(work / f"hub-{name}.db")
            bolt = open_bolt_store(server)
            try:
                for store in (embedded, bolt):
                    import_paths(store, [src])
                # the hub: the organization with the most relationships; path from it to the
                # organization with the fewest (or between the named ends)
                orgs = [n.id for n in embedded.nodes("Organization")]
                degree = {o: 0 for o in orgs}
                for s, t, _ in embedded.endpoints_touching(orgs):
                    for e in (s, t):
                        if e in degree:
                            degree[e] += 1
                hub = max(orgs, key=lambda o: (degree[o], o))
                figure(f"hub_{name}_degree", degree[hub])
                pair = ends or (hub, min(orgs, key=lambda o: (degree[o] or 10**9, o)))
                answers = {}
                for kind, store in (("embedded", embedded), ("bolt", bolt)):
                    answers[kind] = _hub_answers(store, hub, pair)
                    for q in HUB_QUERIES:
                        figure(f"hub_{name}_{q}_{kind}_s", answers[kind][q][0])
                same = all(answers["embedded"][q][1] == answers["bolt"][q][1] for q in HUB_QUERIES)
                figure(f"hub_{name}_same_answers", int(same))
            finally:
                embedded.close()
                bolt.close()
    finally:
        server.stop()


def _warm_page(work: Path) -> Path:
    from stakegraph.exports.base import ExportContext
    from stakegraph.exports.html import export_html
    from tests.export_graphs import sample_graph

    p = work / "warm.html"
    export_html(sample_graph(), p, ExportContext())
    return p


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes for CI (seconds, not minutes)")
    ap.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections: " + ", ".join(SECTIONS))
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep the generated files")
    args = ap.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    bad = [s for s in wanted if s not in SECTIONS]
    if bad:
        ap.error(f"unknown section(s): {', '.join(bad)}")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    figure("quick", int(args.quick))
    figure("load_1min", os.getloadavg()[0])
    failed = []
    try:
        for name in wanted:
            note(f"section {name}")
            t0 = time.perf_counter()
            try:
                globals()["bench_" + name](cfg, work)
            except Exception as exc:  # noqa: BLE001 - report and go on with the other sections
                failed.append(name)
                note(f"section {name} FAILED: {type(exc).__name__}: {exc}")
                import traceback

                traceback.print_exc()
            note(f"section {name} took {time.perf_counter() - t0:.1f} s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    figure("load_1min_end", os.getloadavg()[0])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
