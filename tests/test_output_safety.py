"""Writing outputs: never over the store or an input, into special files, through symlinks, to
standard output with ``-``, atomically with unpredictable temporary files removed on failure; the
query CSV guards formulas like the export. The repro scripts themselves run in test_repro.py."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

import stakegraph
from stakegraph.cli import cli
from stakegraph.exports.output import atomic_write
from stakegraph.graph.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PKG_PARENT = str(Path(stakegraph.__file__).resolve().parent.parent)
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [PKG_PARENT, os.environ.get("PYTHONPATH")]))}
SG = [sys.executable, "-m", "stakegraph"]


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def sg(*args: str, **kw) -> subprocess.CompletedProcess:
    """The real command in a child process (real file descriptors, unlike CliRunner)."""
    return subprocess.run([*SG, *args], env=ENV, capture_output=True, timeout=120, **kw)


@pytest.fixture()
def store(tmp_path) -> str:
    db = str(tmp_path / "g.db")
    run("--db", db, "import", str(EXAMPLES))
    return db


def _stats(db: str) -> str:
    return run("--db", db, "stats", "--format", "json").output


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp"))


# ---- D01, D15: the store and the inputs are never outputs ----------------------------------------
@pytest.mark.parametrize("fmt", ["json", "png", "csv", "html"])
def test_export_over_the_store_is_refused(store, fmt):
    before = _stats(store)
    r = run("--db", store, "export", fmt, "-o", store, ok=False)
    assert r.exit_code == 1 and "is the store" in r.output and len(r.output.strip().splitlines()) == 1
    assert _stats(store) == before


def test_export_over_a_link_to_the_store_is_refused(store, tmp_path):
    (tmp_path / "link").symlink_to(store)
    r = run("--db", store, "export", "json", "-o", str(tmp_path / "link"), ok=False)
    assert r.exit_code == 1 and "is the store" in r.output
    assert (tmp_path / "link").is_symlink() and _stats(store)


def test_extract_over_its_input_is_refused(tmp_path):
    text = tmp_path / "p.txt"
    text.write_text("Die Stadt Westerau empfing am 3. März 2025 eine Delegation.\n", encoding="utf-8")
    before = text.read_bytes()
    r = run("extract", str(text), "-o", str(text), ok=False)
    assert r.exit_code == 1 and "is an input" in r.output
    r = run("extract", str(tmp_path), "-o", str(text), ok=False)  # inside an input folder
    assert r.exit_code == 1 and "is an input" in r.output
    assert text.read_bytes() == before


@pytest.mark.parametrize("fmt", ["html", "gexf"])
def test_export_over_an_imported_file_is_refused(tmp_path, fmt):
    sheet = tmp_path / "people.csv"
    sheet.write_text("name,organization,role\nJana Ostrow,Stadt Westerau,Bürgermeisterin\n", encoding="utf-8")
    db = str(tmp_path / "g.db")
    run("--db", db, "import", str(sheet))
    before, stats = sheet.read_bytes(), _stats(db)
    copy = tmp_path / "renamed.csv"  # same bytes under another name: still the imported input
    copy.write_bytes(before)
    for out in (sheet, copy):
        r = run("--db", db, "export", fmt, "-o", str(out), ok=False)
        assert r.exit_code == 1 and "was imported into the store" in r.output
        assert len(r.output.strip().splitlines()) == 1 and out.read_bytes() == before
    assert _stats(db) == stats
    copy.write_text("edited since\n", encoding="utf-8")  # other bytes: an ordinary file to replace
    run("--db", db, "export", fmt, "-o", str(copy))


def test_folder_export_over_an_imported_file_is_refused(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    nodes = folder / "nodes.csv"
    nodes.write_text("name,organization,role\nJana Ostrow,Stadt Westerau,Bürgermeisterin\n", encoding="utf-8")
    db = str(tmp_path / "g.db")
    run("--db", db, "import", str(nodes))
    before = nodes.read_bytes()
    r = run("--db", db, "export", "csv", "-o", str(folder), ok=False)
    assert r.exit_code == 1 and "was imported into the store" in r.output
    assert nodes.read_bytes() == before and not (folder / "edges.csv").exists()


# ---- D09: special files are written into, symlinks followed ---------------------------------------
def test_symlink_output_stays_a_link(store, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    run("--db", store, "export", "json", "-o", str(link))
    assert link.is_symlink() and json.loads(real.read_text("utf-8"))["nodes"]
    assert _leftovers(tmp_path) == []


def test_fifo_output_is_written_into(store, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    res = sg("--db", store, "export", "json", "-o", str(fifo))
    reader.join(30)
    assert res.returncode == 0, res.stderr
    assert fifo.is_fifo() and json.loads(got[0])["nodes"]


def test_link_to_stdout_writes_to_stdout(store, tmp_path):
    link = tmp_path / "out"
    link.symlink_to("/proc/self/fd/1")
    for path in (str(link), "/dev/stdout", "-"):
        res = sg("--db", store, "export", "json", "-o", path)
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout)["nodes"], path  # the summary line goes to stderr
        assert b"wrote standard output" in res.stderr
    assert link.is_symlink()


def test_device_output_reports_its_error(store):
    res = sg("--db", store, "export", "json", "-o", "/dev/full")
    assert res.returncode == 1 and b"Traceback" not in res.stderr
    assert res.stderr.decode().strip() == "Error: /dev/full: cannot write (No space left on device)"


# ---- D24: -o - for every text format ---------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "gexf", "graphml", "cypher", "ftm", "popolo", "html", "svg"])
def test_dash_writes_standard_output(store, tmp_path, fmt):
    if fmt == "svg":
        pytest.importorskip("matplotlib")
    res = subprocess.run([*SG, "--db", store, "export", fmt, "-o", "-"], env=ENV, capture_output=True,
                         timeout=120, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    text = res.stdout.decode("utf-8")
    if fmt in ("json", "popolo"):
        json.loads(text)
    elif fmt == "ftm":
        assert all(json.loads(line)["schema"] for line in text.splitlines())
    elif fmt in ("gexf", "graphml", "svg"):
        ET.fromstring(res.stdout)
    elif fmt == "cypher":
        assert text.startswith("CREATE CONSTRAINT")
    else:
        assert text.startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.db"]  # no file named "-", no leftovers


def test_dash_for_a_folder_format_is_an_error(store):
    r = run("--db", store, "export", "csv", "-o", "-", ok=False)
    assert r.exit_code == 1 and "folder" in r.output


def test_extract_to_stdout(tmp_path):
    res = sg("extract", str(EXAMPLES / "press"), "-o", "-")
    assert res.returncode == 0 and all(json.loads(line)["type"] for line in res.stdout.splitlines())
    assert b"to standard output" in res.stderr


# ---- D16 g/h, D23: folders, failures, temp names ---------------------------------------------------
def test_existing_folder_is_a_one_line_error(store, tmp_path):
    folder = tmp_path / "adir"
    folder.mkdir()
    r = run("--db", store, "export", "json", "-o", str(folder), ok=False)
    assert r.exit_code == 1 and "is a folder" in r.output and list(folder.iterdir()) == []
    assert _leftovers(tmp_path) == []
    (tmp_path / "afile").write_text("x")
    r = run("--db", store, "export", "csv", "-o", str(tmp_path / "afile"), ok=False)
    assert r.exit_code == 1 and "is a file" in r.output


FSIZE_LIMIT = 256 * 1024


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE_LIMIT, FSIZE_LIMIT))


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> str:
    """A store whose exports exceed FSIZE_LIMIT (the store file itself is only read)."""
    folder = tmp_path_factory.mktemp("big")
    nodes = [{"id": f"person:p{i}", "label": "Person", "name": f"Person number {i} " + "x" * 200} for i in range(2000)]
    (folder / "g.json").write_text(json.dumps({"nodes": nodes, "edges": []}), encoding="utf-8")
    db = str(folder / "g.db")
    run("--db", db, "import", str(folder / "g.json"))
    return db


@pytest.mark.parametrize("fmt", ["json", "graphml", "csv", "html"])
def test_failed_write_leaves_the_old_file_and_nothing_else(big_store, tmp_path, fmt):
    """A write that fails half-way (here: a file size limit, as a full disk would) is one line of
    error; the file that was there is unchanged and no temporary file is left."""
    store = big_store
    out = tmp_path / "out" / "x"
    out.parent.mkdir()
    if fmt != "csv":
        out.write_text("old")
    res = subprocess.run([*SG, "--db", store, "export", fmt, "-o", str(out)], env=ENV, capture_output=True,
                         timeout=120, preexec_fn=_limit_file_size)
    err = res.stderr.decode()
    assert res.returncode == 1 and "Traceback" not in err and err.startswith(f"Error: {out}: cannot write"), err
    assert len(err.strip().splitlines()) == 1
    if fmt == "csv":
        assert not out.exists() or list(out.iterdir()) == []
    else:
        assert out.read_text() == "old"
    assert _leftovers(out.parent) == []


def test_planted_temp_name_is_not_followed(store, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("VICTIM")
    for name in ("out.json.tmp", ".out.json.tmp", "out.json~"):
        (tmp_path / name).symlink_to(victim)
    run("--db", store, "export", "json", "-o", str(tmp_path / "out.json"))
    assert victim.read_text() == "VICTIM" and json.loads((tmp_path / "out.json").read_text("utf-8"))


def test_atomic_write_removes_its_temp_file_on_failure(tmp_path):
    target = tmp_path / "t.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert target.read_text() == "old" and sorted(os.listdir(tmp_path)) == ["t.txt"]
    with atomic_write(target) as fh:
        fh.write("new")
    assert target.read_text() == "new" and (target.stat().st_mode & 0o777) == 0o640  # mode kept
    with pytest.raises(InputError, match="is an input"), atomic_write(target, protect=[(target, "an input")]):
        pass


# ---- D03: one formula guard for every CSV --------------------------------------------------------
def test_query_csv_guards_formulas(tmp_path):
    src = tmp_path / "f.csv"
    src.write_text("Name,Funktion,Organisation,Termin,Datum,Seite,Zitat\n"
                   "=cmd|' /C calc'!A0,CDO,+Amt,Treffen,2025-01-01,Gast,@SUM(1)\n"
                   "Bob,Mayor,-Andere,Treffen,2025-01-01,Gastgeber,=1+1\n", encoding="utf-8")
    db = str(tmp_path / "f.db")
    run("--db", db, "import", str(src))
    for cmd in (["met", "Bob"], ["timeline", "Bob"], ["search", "cmd"], ["show", "Bob"]):
        out = run("--db", db, *cmd, "--format", "csv").output
        cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], (cmd, out)
    assert "'=cmd|" in run("--db", db, "met", "Bob", "--format", "csv").output


def test_source_date_epoch_sets_the_export_time_and_a_bad_one_is_named(tmp_path, monkeypatch):
    from stakegraph.exports.base import ExportContext

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert ExportContext().created == "1970-01-01 00:00 UTC"
    db = tmp_path / "s.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "import", str(EXAMPLES)]).exit_code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "999999999999")  # past the year 9999
    r = CliRunner().invoke(cli, ["--db", str(db), "export", "json", "-o", str(tmp_path / "g.json")])
    assert r.exit_code == 1 and "SOURCE_DATE_EPOCH" in r.output and len(r.output.strip().splitlines()) == 1, r.output
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    r = CliRunner().invoke(cli, ["--db", str(db), "export", "json", "-o", str(tmp_path / "g.json")])
    assert r.exit_code == 1 and "SOURCE_DATE_EPOCH" in r.output and len(r.output.strip().splitlines()) == 1, r.output
