"""A robust store (issue 16: D10, D11, D16 e/f, D25, D26; issue 13 item 11): only ``import`` creates a
store, reads never write, a damaged or newer store is refused before anything is written into it."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from stakegraph.graph.errors import StoreError
from stakegraph.graph.store import parse_db

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "stakeholders.csv"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def one_line_error(result, *needles: str) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    lines = result.output.strip().splitlines()
    assert lines and lines[-1].startswith("Error: "), result.output
    assert not any(line.startswith("Error: ") for line in lines[:-1]), result.output
    for needle in needles:
        assert needle in lines[-1], lines[-1]
    return lines[-1]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path) -> Path:
    """An embedded store holding the example and 3,000 more persons (enough pages to damage)."""
    db = tmp_path / "s.db"
    graph = {"nodes": [{"id": f"person:p{i}", "label": "Person", "name": f"Person Number {i}"}
                       for i in range(3000)], "edges": []}
    (tmp_path / "p.json").write_text(json.dumps(graph))
    assert run("--db", str(db), "import", str(EXAMPLE), str(tmp_path / "p.json")).exit_code == 0
    return db


# ---- which --db values name a store ------------------------------------------------------------------
@pytest.mark.parametrize("command", [["stats"], ["search", "x"], ["show", "x"], ["met", "x"], ["delete", "x"],
                                     ["merge", "a", "b"], ["export", "json", "-o", "out.json"], ["check"]])
def test_no_command_but_import_creates_a_store(tmp_path, command):
    """Issue 13 item 11: a mistyped --db (or stats in an empty folder) says so and leaves no file."""
    db = tmp_path / "typo.db"
    one_line_error(run("--db", str(db), *command), f"no such store: {db}")
    assert sorted(os.listdir(tmp_path)) == []


def test_import_creates_it(tmp_path):
    db = tmp_path / "new" / "s.db"
    assert run("--db", str(db), "import", str(EXAMPLE)).exit_code == 0
    assert run("--db", str(db), "stats").exit_code == 0


@pytest.mark.parametrize("uri,needle", [
    ("blot://127.0.0.1:7687", "blot:// is not a store URI"),
    ("http://127.0.0.1:7474", "http:// is not a store URI"),
    ("neo4j+routing://h:1", "neo4j+routing:// is not a store URI"),
    ("bolt:/127.0.0.1:7687", "a server URI starts bolt:// (two slashes)"),
    ("bolt://127.0.0.1:99999", "the port must be a number from 1 to 65535"),
    ("bolt://127.0.0.1:abc", "the port must be a number from 1 to 65535"),
    ("bolt://:7687", "no server host"),
    ("bolt://[::1", "not a valid URI (Invalid IPv6 URL)"),  # was a traceback from urlsplit
])
def test_mistyped_server_uris_are_errors_not_files(tmp_path, monkeypatch, uri, needle):
    """D11, D16 e: nothing with scheme:/ becomes a local file; the password never shows."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    for command in (["import", str(EXAMPLE)], ["stats"]):
        line = one_line_error(run("--db", uri, *command), needle)
        assert "s3cret-pw" not in line
    assert os.listdir(tmp_path) == []


def test_parse_db():
    assert parse_db("graph.db") == ("file", "graph.db")
    assert parse_db("C:/data/graph.db") == ("file", "C:/data/graph.db")
    assert parse_db("./blot://x") == ("file", "./blot://x")
    assert parse_db("Bolt://h:7687") == ("bolt", "bolt://h:7687")
    assert parse_db("neo4j+s://h") == ("bolt", "neo4j+s://h")
    with pytest.raises(StoreError) as err:
        parse_db("blot://user:pw@h:1")
    assert "pw" not in str(err.value)


@pytest.mark.parametrize("value", ["inf", "-5", "nan", "soon", "1e9"])
def test_lock_timeout_must_be_sane(filled, value):
    """D16 f, D17: STAKEGRAPH_LOCK_TIMEOUT=inf/-5 is an error naming the variable, not a traceback."""
    one_line_error(run("--db", str(filled), "stats", env={"STAKEGRAPH_LOCK_TIMEOUT": value}),
                   f"STAKEGRAPH_LOCK_TIMEOUT={value!r}", "from 0 to 86400")


def test_lock_timeout_in_range_is_used(filled):
    for value in ("0", "2.5", "86400"):
        assert run("--db", str(filled), "stats", env={"STAKEGRAPH_LOCK_TIMEOUT": value}).exit_code == 0


# ---- reads never write -------------------------------------------------------------------------------
def test_reads_leave_the_file_and_folder_as_they_were(filled):
    before, files = sha(filled), sorted(os.listdir(filled.parent))
    for command in (["stats"], ["search", "Person"], ["show", "person:p1"], ["check"], ["brokers"]):
        assert run("--db", str(filled), *command).exit_code == 0, command
    assert sha(filled) == before
    assert sorted(os.listdir(filled.parent)) == files


def _can_mount_tmpfs() -> bool:
    return (sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0
            and shutil.which("unshare") is not None and shutil.which("mount") is not None)


@pytest.mark.skipif(not _can_mount_tmpfs(), reason="needs root, unshare and mount for a private full tmpfs")
def test_reads_work_on_a_full_disk(tmp_path):
    """D26: with no byte left on the store's disk, read-only commands still answer."""
    full = tmp_path / "full"
    full.mkdir()
    script = f"""
set -e
mount -t tmpfs -o size=2m tmpfs {full}
cd {full}
{sys.executable} -m stakegraph --db s.db import {EXAMPLE} > /dev/null
dd if=/dev/zero of=filler bs=64k count=100 2> /dev/null || true
{sys.executable} -m stakegraph --db s.db stats --format csv
{sys.executable} -m stakegraph --db s.db search Lindqvist --format csv
"""
    r = subprocess.run(["unshare", "-m", "--propagation", "private", "bash", "-c", script],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "node,Person,5" in r.stdout and "Marta Lindqvist" in r.stdout


# ---- damage ----------------------------------------------------------------------------------------
def _damage(db: Path, seed: int = 3, flips: int = 60) -> None:
    rnd = random.Random(seed)
    data = bytearray(db.read_bytes())
    for _ in range(flips):
        data[rnd.randrange(100, len(data))] ^= 0xFF
    db.write_bytes(bytes(data))


def test_a_damaged_store_is_named_corrupt_and_never_written(filled, tmp_path):
    """D10: reads end in one line (or an answer), writes are refused before anything is written."""
    _damage(filled)
    before = sha(filled)
    for command in (["stats"], ["search", "Person"], ["show", "Marta Lindqvist"],
                    ["export", "json", "-o", str(tmp_path / "x.json")]):
        r = run("--db", str(filled), *command)
        assert r.exception is None or isinstance(r.exception, SystemExit), (command, r.exc_info)
        if r.exit_code:
            one_line_error(r)
    for command in (["import", str(EXAMPLE)], ["delete", "person:p1"], ["merge", "person:p1", "person:p2"]):
        r = run("--db", str(filled), *command)
        if r.exit_code == 1 and "no entity" in r.output:
            continue  # the damaged index did not find the name: nothing to write either
        one_line_error(r, "the store is corrupt", "run `stakegraph --db", "check` or restore it from a backup")
    assert sha(filled) == before
    with sqlite3.connect(filled) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"


def test_check_reports_damage_and_health(filled):
    r = run("--db", str(filled), "check")
    assert r.exit_code == 0 and "ok (3013 nodes, 12 relationships)" in r.output, r.output
    _damage(filled)
    r = run("--db", str(filled), "check")
    assert r.exit_code == 1 and r.output.count("problem: ") >= 1, r.output
    one_line_error(r, "corrupt", "restore it from a backup")


def test_a_damaged_header_is_refused_on_open(filled):
    data = bytearray(filled.read_bytes())
    data[16:18] = (3).to_bytes(2, "big")  # page size 3: no SQLite writes that
    filled.write_bytes(bytes(data))
    one_line_error(run("--db", str(filled), "stats"), "the store is corrupt (page size 3 in the header)")


def test_a_store_cut_short_is_refused_on_open(filled):
    """A copy interrupted half-way: the header's page count says so before anything is read."""
    data = filled.read_bytes()
    filled.write_bytes(data[:len(data) // 2])
    one_line_error(run("--db", str(filled), "stats"), "the store is corrupt", "(cut short?)")
    one_line_error(run("--db", str(filled), "import", str(EXAMPLE)), "the store is corrupt")
    assert len(filled.read_bytes()) == len(data) // 2


def test_a_store_of_a_newer_schema_is_refused(filled):
    """D25: a schema_version from the future is neither read nor written."""
    with sqlite3.connect(filled) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = sha(filled)
    for command in (["stats"], ["import", str(EXAMPLE)]):
        one_line_error(run("--db", str(filled), *command), "schema version 99", "use a newer stakegraph")
    assert sha(filled) == before


def test_a_store_without_schema_version_is_corrupt(filled):
    with sqlite3.connect(filled) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'schema_version'")
    one_line_error(run("--db", str(filled), "stats"), "the store is corrupt (no schema_version")


def test_a_store_missing_a_table_of_this_schema_gets_it_before_a_write(filled):
    """Additive schema changes reach stores made before them, on their next write (never on a read)."""
    with sqlite3.connect(filled) as conn:
        conn.execute("DROP INDEX names_id")
    assert run("--db", str(filled), "stats").exit_code == 0
    with sqlite3.connect(filled) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'names_id'").fetchone()[0] == 0
    assert run("--db", str(filled), "import", str(EXAMPLE)).exit_code == 0
    with sqlite3.connect(filled) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'names_id'").fetchone()[0] == 1
