"""Servers that fail: each failure ends within seconds in one line that says which failure and what to
do, never a traceback, and the password appears nowhere (errors, driver logs, --help, exported files).
A server that dies in the middle of an import leaves the committed batches, says where it stopped,
and a re-run completes the import."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from tests.bolt_server import free_port, start_arcadedb

pytestmark = pytest.mark.bolt

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "stakeholders.csv"
SECRET = "Sup3r-s3cret-PW-9f2c"


def one_line_error(result, *needles: str, within: float | None = None, started: float = 0.0) -> str:
    exc = result.exception
    assert exc is None or isinstance(exc, SystemExit), repr(exc)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in result.output
    if within is not None:
        assert time.monotonic() - started < within, f"took {time.monotonic() - started:.1f}s"
    return lines[0]


@pytest.fixture
def bolt_env(bolt_server, monkeypatch):
    """Environment for the test server; returns a function to override parts of it."""
    database = bolt_server.fresh_database()
    monkeypatch.setenv("NEO4J_USERNAME", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password)
    if database:
        monkeypatch.setenv("NEO4J_DATABASE", database)
    return bolt_server


def test_unresolvable_host(monkeypatch, caplog):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    caplog.set_level(logging.DEBUG, logger="neo4j")
    start = time.monotonic()
    r = CliRunner().invoke(cli, ["--db", "bolt://no-such-host.invalid:7687", "stats"])
    one_line_error(r, "cannot reach Neo4j at bolt://no-such-host.invalid:7687", "host/port", within=20,
                   started=start)
    assert SECRET not in r.output and SECRET not in caplog.text


def test_wrong_port_names_host_and_port(monkeypatch, caplog):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    caplog.set_level(logging.DEBUG, logger="neo4j")
    port = free_port()
    start = time.monotonic()
    r = CliRunner().invoke(cli, ["--db", f"neo4j://127.0.0.1:{port}", "import", str(EXAMPLE)])
    one_line_error(r, f"127.0.0.1:{port}", "is the server running", within=20, started=start)
    assert SECRET not in r.output and SECRET not in caplog.text


def test_wrong_password(bolt_env, monkeypatch, caplog):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    caplog.set_level(logging.DEBUG, logger="neo4j")
    start = time.monotonic()
    r = CliRunner().invoke(cli, ["--db", bolt_env.uri, "stats"])
    one_line_error(r, "refused the credentials", "NEO4J_PASSWORD", within=20, started=start)
    assert SECRET not in r.output and SECRET not in caplog.text
    assert bolt_env.password not in r.output and bolt_env.password not in caplog.text


def test_password_in_uri_is_never_echoed(bolt_env, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG, logger="neo4j")
    host = bolt_env.uri.split("://", 1)[1]
    r = CliRunner().invoke(cli, ["--db", f"bolt://someone:{SECRET}@{host}", "stats"])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert SECRET not in r.output and SECRET not in caplog.text


def test_tls_against_plaintext_server(bolt_env, caplog):
    caplog.set_level(logging.DEBUG, logger="neo4j")
    host = bolt_env.uri.split("://", 1)[1]
    for scheme in ("bolt+s", "bolt+ssc"):
        start = time.monotonic()
        r = CliRunner().invoke(cli, ["--db", f"{scheme}://{host}", "stats"])
        line = one_line_error(r, within=30, started=start)
        assert "TLS" in line and "bolt://" in line, line
    assert bolt_env.password not in caplog.text


def test_missing_database(bolt_env, monkeypatch, caplog):
    monkeypatch.setenv("NEO4J_DATABASE", "nope")
    caplog.set_level(logging.DEBUG, logger="neo4j")
    start = time.monotonic()
    r = CliRunner().invoke(cli, ["--db", bolt_env.uri, "import", str(EXAMPLE)])
    one_line_error(r, "database 'nope'", "NEO4J_DATABASE", within=30, started=start)
    assert bolt_env.password not in r.output and bolt_env.password not in caplog.text


def test_password_not_in_help_logs_or_exports(bolt_env, tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="neo4j")
    runner = CliRunner()
    for args in (["--help"], ["import", "--help"], ["export", "--help"], ["stats", "--help"]):
        r = runner.invoke(cli, args)
        assert r.exit_code == 0 and bolt_env.password not in r.output
    r = runner.invoke(cli, ["--db", bolt_env.uri, "import", str(EXAMPLE)])
    assert r.exit_code == 0, r.output
    assert bolt_env.password not in r.output
    for fmt, out in (("json", "g.json"), ("html", "g.html"), ("cypher", "g.cypher"), ("gexf", "g.gexf"),
                     ("graphml", "g.graphml"), ("csv", "csvdir"), ("ftm", "g.ftm.json"),
                     ("popolo", "g.popolo.json")):
        r = runner.invoke(cli, ["--db", bolt_env.uri, "export", fmt, "-o", str(tmp_path / out)])
        assert r.exit_code == 0, (fmt, r.output)
        assert bolt_env.password not in r.output
    for f in tmp_path.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            assert bolt_env.password.encode() not in data, f
            assert f"{bolt_env.user}:".encode() + bolt_env.password.encode() not in data, f
    assert bolt_env.password not in caplog.text


# ---- a server that dies mid-import ----------------------------------------------------------------------
def big_node_link(path: Path, people: int) -> int:
    nodes = [{"id": f"person:m{i}", "label": "Person", "name": f"Mid Person {i}"} for i in range(people)]
    path.write_text(json.dumps({"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": []}))
    return people


def count_persons(uri: str, user: str, password: str, database: str) -> int:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=(user, password), connection_timeout=3) as drv:
        with drv.session(database=database) as s:
            return s.run("MATCH (n:Person) RETURN count(n) AS c").single()["c"]


def test_server_dies_mid_import_then_rerun_completes(tmp_path):
    big = tmp_path / "big.json"
    people = big_node_link(big, 6000)
    server = start_arcadedb(tmp_path / "dying.log")
    try:
        database = server.fresh_database()
        env = {**os.environ, "NEO4J_USERNAME": server.user, "NEO4J_PASSWORD": server.password,
               "NEO4J_DATABASE": database}
        proc = subprocess.Popen([sys.executable, "-m", "stakegraph", "--db", server.uri, "--batch-size", "100",
                                 "import", str(big)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        # stop the server from another thread once the first batches are committed
        seen: list[int] = []

        def killer() -> None:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    n = count_persons(server.uri, server.user, server.password, database)
                except Exception:  # noqa: BLE001 - server busy
                    n = 0
                if n >= 300:
                    seen.append(n)
                    server.stop()
                    return
                time.sleep(0.05)

        t = threading.Thread(target=killer)
        t.start()
        t.join(150)
        stopped_at = time.monotonic()
        out, err = proc.communicate(timeout=90)
        assert seen, f"import ended before the server could be stopped: {out} {err}"
        assert proc.returncode == 1, (out, err)
        assert time.monotonic() - stopped_at < 60, "the import hung after the server went away"
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in err, err
        assert "import stopped after" in lines[0] and f"of {people} nodes" in lines[0], lines[0]
        assert "re-run the same import" in lines[0], lines[0]
        assert server.password not in err
    finally:
        server.stop()
    # a re-run against a live server completes the import, and running it again changes nothing
    server = start_arcadedb(tmp_path / "second.log")
    try:
        database = server.fresh_database()
        env = {**os.environ, "NEO4J_USERNAME": server.user, "NEO4J_PASSWORD": server.password,
               "NEO4J_DATABASE": database}
        for _ in range(2):
            done = subprocess.run([sys.executable, "-m", "stakegraph", "--db", server.uri, "--batch-size", "1000",
                                   "import", str(big)], env=env, capture_output=True, text=True, timeout=180)
            assert done.returncode == 0, done.stderr
            assert count_persons(server.uri, server.user, server.password, database) == people
    finally:
        server.stop()
