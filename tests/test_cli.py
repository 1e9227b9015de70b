"""The CLI through click's CliRunner, on both stores: import, stats, search, show, export, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "stakeholders.csv"


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def counts(db: str) -> dict:
    return json.loads(run("--db", db, "stats", "--format", "json").output)


def test_import_stats_search_show(db_arg):
    out = run("--db", db_arg, "import", str(EXAMPLE)).output
    assert "imported 1 file(s)" in out and "HOLDS_ROLE" in out
    rows = counts(db_arg)
    assert {"kind": "node", "name": "Person", "count": 5} in rows
    found = json.loads(run("--db", db_arg, "search", "demir", "--format", "json").output)
    assert [r["id"] for r in found] == ["person:aylin-demir"]
    shown = run("--db", db_arg, "show", "AYLIN DEMIR").output
    assert "Stadt Westerau" in shown and "Digitalisierungsbeauftragte" in shown
    assert "leitet das Smart City Büro" in shown
    data = json.loads(run("--db", db_arg, "show", "aylin", "--format", "json").output)
    assert data["entity"]["id"] == "person:aylin-demir"
    sides = {f["other"]["name"]: f["details"].get("side") for f in data["facts"] if f["type"] == "ATTENDED"}
    assert sides == {"Digitalkonferenz Region": "participant"}
    brede = json.loads(run("--db", db_arg, "show", "Jonas Brede", "--format", "json").output)
    (att,) = [f for f in brede["facts"] if f["type"] == "ATTENDED"]
    assert att["details"] == {"side": "participant", "lead": True}


def test_import_twice_changes_nothing(db_arg):
    run("--db", db_arg, "import", str(EXAMPLE))
    first = counts(db_arg)
    out = run("--db", db_arg, "import", str(EXAMPLE), "--output", "json").output
    summary = json.loads(out)
    assert summary["nodes_created"] == 0 and summary["relationships_created"] == 0
    assert counts(db_arg) == first


def test_search_csv_and_table(db_arg):
    run("--db", db_arg, "import", str(EXAMPLE))
    csv_out = run("--db", db_arg, "search", "westerau", "--format", "csv").output.splitlines()
    assert csv_out[0] == "id,name,label,kind,aliases" and len(csv_out) == 4  # 3 entities
    assert "(no results)" in run("--db", db_arg, "search", "zzzz").output
    assert run("--db", db_arg, "search", "zzzz", "--format", "json").output.strip() == "[]"


@pytest.mark.parametrize("args, message", [
    (["show", "Nobody Known"], "no entity matches 'Nobody Known'"),
    (["export", "nope", "-o", "x"], "unknown export format 'nope'"),
])
def test_user_errors_are_one_line(db_arg, args, message):
    run("--db", db_arg, "import", str(EXAMPLE))
    result = run("--db", db_arg, *args, ok=False)
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {message}" or message in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_ambiguous_name_lists_candidates(tmp_path):
    db = str(tmp_path / "a.db")
    src = tmp_path / "people.csv"
    src.write_text("Name,Organisation\nAnna Schmidt,Stadt A\nAnna Schmidtke,Stadt B\n", encoding="utf-8")
    run("--db", db, "import", str(src))
    result = run("--db", db, "show", "anna", ok=False)
    assert result.exit_code == 1 and "ambiguous" in result.output
    assert "person:anna-schmidt" in result.output and "person:anna-schmidtke" in result.output


def test_json_round_trip_between_stores(tmp_path, make_store, bolt_server, monkeypatch):
    """embedded -> JSON -> Bolt -> JSON -> embedded: identical graphs and identical files."""
    from stakegraph.exports import export_graph
    from stakegraph.importers.pipeline import import_paths

    first = make_store("embedded")
    import_paths(first, [EXAMPLE])
    a = tmp_path / "a.json"
    export_graph("json", first.to_networkx(), a)
    bolt = make_store("bolt")
    import_paths(bolt, [a])
    b = tmp_path / "b.json"
    export_graph("json", bolt.to_networkx(), b)
    again = make_store("embedded")
    import_paths(again, [b])
    for store in (bolt, again):
        g1, g2 = first.to_networkx(), store.to_networkx()
        assert sorted(g1.nodes(data=True)) == sorted(g2.nodes(data=True))
        assert sorted(g1.edges(keys=True, data=True)) == sorted(g2.edges(keys=True, data=True))
    strip = lambda p: {k: v for k, v in json.loads(p.read_text()).items() if k != "graph"}  # noqa: E731
    assert strip(a) == strip(b)
    data = strip(a)
    assert data["directed"] is True and data["multigraph"] is True
    assert all({"id", "label", "name"} <= set(n) for n in data["nodes"])
    assert all({"source", "target", "type", "key"} <= set(e) for e in data["edges"])


def test_export_json_cli(db_arg, tmp_path):
    run("--db", db_arg, "import", str(EXAMPLE))
    out = tmp_path / "g.json"
    msg = run("--db", db_arg, "export", "json", "-o", str(out)).output
    assert "13 nodes" in msg
    around = tmp_path / "around.json"
    run("--db", db_arg, "export", "json", "-o", str(around), "--around", "Aylin Demir", "--depth", "1")
    ids = {n["id"] for n in json.loads(around.read_text())["nodes"]}
    assert "person:aylin-demir" in ids and "person:marta-lindqvist" not in ids
    assert any(i.startswith("source:") for i in ids)  # cited sources ride along


def test_python_dash_m_and_version():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "stakegraph", "--version"], capture_output=True, text=True,
                         check=True, cwd=ROOT.parent)
    assert out.stdout.startswith("stakegraph, version")


def test_extract_review_import_merge_split(tmp_path):
    """extract writes claims without a store; import of the claims file; merge and split by hand."""
    art = tmp_path / "artikel.txt"
    art.write_text("Nordhafen trifft Westerau\n\nEine Delegation aus Nordhafen besuchte Westerau am 14.03.2025. "
                   "Oberbürgermeisterin Marta Lindqvist leitete die Delegation. Westeraus Bürgermeister "
                   "Paul Kranich empfing die Gäste im Rathaus.\n", encoding="utf-8")
    db = str(tmp_path / "m.db")
    claims = tmp_path / "claims.jsonl"
    out = run("--db", db, "extract", str(art), "-o", str(claims)).output
    assert "claims from 1 file(s)" in out and not (tmp_path / "m.db").exists()
    lines = [json.loads(x) for x in claims.read_text(encoding="utf-8").splitlines()]
    assert {"type", "fields", "confidence", "rule", "source", "quote"} <= set(lines[1])
    run("--db", db, "import", str(claims))
    assert run("--db", db, "show", "Marta Lindqvist").exit_code == 0
    run("--db", db, "import", str(EXAMPLE))
    data = json.loads(run("--db", db, "search", "lindqvist", "--format", "json").output)
    assert [d["id"] for d in data] == ["person:marta-lindqvist"]  # same id from text and table: merged
    src = tmp_path / "dup.csv"
    src.write_text("Name,Organisation\nM. Lindqvist,Stadt Nordhafen\n", encoding="utf-8")
    run("--db", db, "import", str(src))
    merged = run("--db", db, "merge", "person:marta-lindqvist", "M. Lindqvist").output
    assert "merged person:m-lindqvist into person:marta-lindqvist" in merged
    assert run("--db", db, "search", "m lindqvist", "--format", "json").output.count('"id"') == 1
    shown = json.loads(run("--db", db, "show", "person:marta-lindqvist", "--format", "json").output)
    assert "M. Lindqvist" in shown["entity"]["aliases"]
    dup_source = next(s["id"] for f in shown["facts"] for s in f["sources"] if s["title"] == "dup.csv")
    split = run("--db", db, "split", "person:marta-lindqvist", "--name", "Maria Lindqvist",
                "--source", dup_source).output
    assert "into person:maria-lindqvist" in split


def test_query_output_is_capped_with_a_note(tmp_path):
    db = str(tmp_path / "cap.db")
    rows = "\n".join(f"Person {i};Stadt Gross;Treffen;2025-01-01" for i in range(30))
    src = tmp_path / "big.csv"
    src.write_text("Name;Organisation;Termin;Datum\n" + rows + "\n", encoding="utf-8")
    run("--db", db, "import", str(src))
    result = CliRunner().invoke(cli, ["--db", db, "met", "Person 7", "--limit", "5", "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 5 and "showing 5 of 29 rows" in result.stderr
    full = CliRunner().invoke(cli, ["--db", db, "met", "Person 7", "--limit", "0", "--format", "json"])
    assert len(json.loads(full.stdout)) == 29 and full.stderr == ""


def test_search_says_when_its_limit_cut_the_list(db_arg):
    """Three entities match 'westerau': --limit 2 shows two and says there are more (it used to stop
    silently, so a third same-named entity looked absent)."""
    run("--db", db_arg, "import", str(EXAMPLE))
    cut = run("--db", db_arg, "search", "westerau", "--limit", "2", "--format", "json")
    assert len(json.loads(cut.stdout)) == 2 and "there are more" in cut.stderr
    full = run("--db", db_arg, "search", "westerau", "--limit", "3", "--format", "json")
    assert len(json.loads(full.stdout)) == 3 and "there are more" not in full.stderr
    assert json.loads(full.stdout)[:2] == json.loads(cut.stdout)


def test_ctrl_c_while_loading_or_importing_is_one_line(tmp_path):
    """SIGINT while the CLI is still loading (seconds on a busy machine) or mid-import: one line, exit
    130, no traceback, and the embedded store as it was."""
    import hashlib
    import os
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "s.db"
    CliRunner().invoke(cli, ["--db", str(db), "import", str(Path(__file__).resolve().parents[1] / "examples")])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    big = tmp_path / "big.csv"
    big.write_text("Name;Organisation\n" + "".join(f"Person {i};Verein {i % 97}\n" for i in range(60_000)),
                   encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    for delay in (2.0, 5.0):  # past the interpreter's own start (site), into loading the CLI and importing
        proc = subprocess.Popen([sys.executable, "-m", "stakegraph", "--db", str(db), "import", str(big)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
        if proc.returncode == 0:  # finished before the signal
            break
        assert b"Traceback" not in err and proc.returncode == 130, err.decode()
        assert err.decode().strip().splitlines() == ["Error: interrupted"]
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before
