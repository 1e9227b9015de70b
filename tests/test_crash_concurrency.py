"""Crash safety and concurrency of the embedded store, with real processes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stakegraph.graph.sqlite_store import SqliteStore

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "stakeholders.csv"


def big_graph(path: Path, people: int, prefix: str = "p") -> int:
    """A node-link JSON file: ``people`` persons, a few events, 2 attendances each; returns records."""
    events = [{"id": f"event:{prefix}{i}", "label": "Event", "name": f"Event {prefix}{i}", "kind": "meeting"}
              for i in range(100)]
    nodes = [{"id": f"person:{prefix}{i}", "label": "Person", "name": f"Person {prefix} {i}",
              "sources": [f"source:{prefix}"], "aliases": [f"P{i}"]} for i in range(people)]
    edges = [{"source": f"person:{prefix}{i}", "target": f"event:{prefix}{(i * k) % 100}", "type": "ATTENDED",
              "key": f"ATTENDED:{k}", "side": "participant"} for i in range(people) for k in (1, 7)]
    path.write_text(json.dumps({"directed": True, "multigraph": True, "graph": {},
                                "nodes": events + nodes, "edges": edges}))
    return len(events) + len(nodes) + len(edges)


def cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "stakegraph", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def integrity(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        dangling = conn.execute(
            "SELECT count(*) FROM edges e WHERE NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = e.source) "
            "OR NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = e.target)").fetchone()[0]
        assert dangling == 0
        return {"nodes": conn.execute("SELECT count(*) FROM nodes").fetchone()[0],
                "edges": conn.execute("SELECT count(*) FROM edges").fetchone()[0]}
    finally:
        conn.close()


def test_kill_9_mid_import_keeps_committed_data_and_rerun_completes(tmp_path):
    db = tmp_path / "crash.db"
    big = tmp_path / "big.json"
    records = big_graph(big, 100_000)
    assert records > 300_000
    assert cli("--db", str(db), "import", str(EXAMPLE)).wait(60) == 0
    committed = integrity(db)
    proc = cli("--db", str(db), "--batch-size", "2000", "import", str(big))
    # wait until the import is writing (the WAL grows), then kill it hard
    wal = Path(str(db) + "-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 4_000_000:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "import finished before it could be killed; make the input larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert integrity(db) == committed
    with SqliteStore(db) as store:
        assert store.resolve("Aylin Demir").id == "person:aylin-demir"
    rerun = cli("--db", str(db), "import", str(big))
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    after = integrity(db)
    assert after["nodes"] == committed["nodes"] + 100_100
    assert after["edges"] == committed["edges"] + 200_000


def test_two_imports_at_once_both_succeed(tmp_path):
    db = tmp_path / "shared.db"
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    big_graph(a, 20_000, "a")
    big_graph(b, 20_000, "b")
    procs = [cli("--db", str(db), "import", str(p)) for p in (a, b)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert integrity(db) == {"nodes": 2 * 20_100, "edges": 2 * 40_000}


def test_lock_wait_gives_up_with_a_clear_message(tmp_path):
    db = tmp_path / "locked.db"
    SqliteStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        proc = cli("--db", str(db), "import", str(EXAMPLE), env={**os.environ, "STAKEGRAPH_LOCK_TIMEOUT": "1"})
        out, err = proc.communicate(timeout=60)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 1
    assert err.strip().startswith("Error:") and "locked by another writer" in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["embedded"])
def test_store_reopens_with_everything(tmp_path, kind):
    db = tmp_path / "re.db"
    assert cli("--db", str(db), "import", str(EXAMPLE)).wait(60) == 0
    with SqliteStore(db) as s1:
        g1 = s1.to_networkx()
    with SqliteStore(db) as s2:
        g2 = s2.to_networkx()
    assert sorted(g1.nodes(data=True)) == sorted(g2.nodes(data=True)) and g1.number_of_edges() == 12
