"""The CLI at a terminal (issue 16): tables fit the width, ids are never cut, escape sequences
from data never reach the terminal (repro D14) while JSON keeps them exactly, ``--db`` after the
command, help text on every option, ``show`` with ``until`` and full quotes, ``partners`` with share."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import IMPORT_FORMATS, cli, printable

ROOT = Path(__file__).resolve().parents[1]
EVE = "Eve\x1b]0;PWNED\x07\x1b[2J\x1b[31mRED"
LONG = "Ein sehr langer Satz, " * 30


def _graph(path: Path) -> Path:
    data = {"nodes": [
        {"id": "person:e", "label": "Person", "name": EVE},
        {"id": "person:m", "label": "Person", "name": "Mal"},
        {"id": "organization:a-very-long-organization-identifier-that-must-stay-whole", "label": "Organization",
         "name": "Langer Verein"},
        {"id": "organization:o", "label": "Organization", "name": "Owner GmbH"},
        {"id": "event:t", "label": "Event", "name": "Meet\x1b[1A\x1b[2Kfake", "kind": "meeting", "date": "2025-01-01"},
        {"id": "source:s", "label": "Source", "name": "Bericht"},
    ], "edges": [
        {"source": "person:e", "target": "event:t", "type": "ATTENDED", "side": "guest",
         "sources": ["source:s"], "evidence": [LONG]},
        {"source": "person:m", "target": "event:t", "type": "ATTENDED", "side": "host"},
        {"source": "person:m", "target": "organization:o", "type": "HOLDS_ROLE", "title": "Vorstand",
         "since": "2020", "until": "2023"},
        {"source": "organization:o", "target": "organization:a-very-long-organization-identifier-that-must-stay-whole",
         "type": "OWNS", "share": 0.25, "since": "2021", "until": "2024"},
    ]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run(*args: str, env: dict | None = None):
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


@pytest.fixture
def db(tmp_path) -> str:
    db = str(tmp_path / "t.db")
    run("--db", db, "import", str(_graph(tmp_path / "t.json")))
    return db


def test_escape_sequences_never_reach_the_table_but_json_keeps_them(db):
    table = run("--db", db, "met", "Mal")
    assert "\x1b" not in table and "\x07" not in table and "Eve\\x1b]0;PWNED\\x07" in table
    rows = json.loads(run("--db", db, "met", "Mal", "--format", "json"))
    assert rows[0]["met"]["name"] == EVE
    assert "\x1b" not in run("--db", db, "show", "person:e")
    assert printable("a\u202eb\tc\x85") == "a\\u202eb c\\x85"


@pytest.mark.skipif(shutil.which("script") is None, reason="util-linux `script` (a pseudo-terminal) not installed")
def test_d14_through_a_pseudo_terminal(db, tmp_path):
    """Repro D14: `met` run in a real (pseudo-)terminal writes no ESC byte."""
    cmd = f"{sys.executable} -m stakegraph --db {db} met Mal"
    out = subprocess.run(["script", "-qc", cmd, "/dev/null"], capture_output=True, cwd=tmp_path,
                         env=dict(os.environ, COLUMNS="100"), timeout=120).stdout
    assert b"Mal" in out and b"\x1b" not in out.replace(b"\x1b[?2004l", b"").replace(b"\x1b[?2004h", b"")


def test_tables_fit_the_terminal_and_ids_stay_whole(db):
    env = {"COLUMNS": "80"}
    shown = run("--db", db, "show", "Eve", env=env)
    table = shown.split("\nquotes:")[0]
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "…" in table and LONG.strip() in shown  # shortened in the table, in full below it
    found = run("--db", db, "search", "langer", env={"COLUMNS": "40"})
    assert "organization:a-very-long-organization-identifier-that-must-stay-whole" in found
    assert LONG.strip() in json.dumps(json.loads(run("--db", db, "met", "Mal", "--format", "json")),
                                      ensure_ascii=False)


def test_show_has_until_and_partners_show_share_and_dates(db):
    shown = run("--db", db, "show", "Mal")
    assert "until" in shown and "2023" in shown
    owns = run("--db", db, "partners", "--ownership")
    assert "share" in owns and "0.25" in owns and "2021" in owns and "2024" in owns


def test_db_after_the_command(db):
    assert "Mal" in run("search", "Mal", "--db", db)
    assert json.loads(run("show", "Mal", "--format", "json", "--db", db))["entity"]["id"] == "person:m"


def test_every_option_has_help_and_import_lists_its_formats():
    from stakegraph.importers import IMPORTERS

    assert tuple(sorted(IMPORTERS)) == IMPORT_FORMATS
    missing = [f"{name} {p.name}" for name, cmd in cli.commands.items() for p in cmd.params
               if getattr(p, "help", "x") in (None, "")] + [p.name for p in cli.params if getattr(p, "help", "x") == ""]
    assert not missing
    assert "popolo" in run("import", "--help")


def test_show_of_a_source_lists_the_facts_it_gives(db):
    shown = run("--db", db, "show", "source:s")
    assert "Bericht (Source, source:s)" in shown and "attended" in shown and "Meet" in shown
    assert "\x1b" not in shown and "(no results)" not in shown
    data = json.loads(run("--db", db, "show", "source:s", "--format", "json"))
    assert data["entity"]["label"] == "Source" and data["facts"][0]["quote"] == LONG
    assert [f["from"]["id"] for f in data["facts"]] == ["person:e"]


def test_timeline_shows_a_payment_with_its_amount_and_direction(tmp_path):
    data = {"nodes": [{"id": "person:d", "label": "Person", "name": "Dora Geber"},
                      {"id": "organization:p", "label": "Organization", "name": "Partei P", "kind": "party"}],
            "edges": [{"source": "person:d", "target": "organization:p", "type": "RELATED_TO", "kind": "payment",
                       "amount": 5000.0, "currency": "EUR", "date": "2020-03-01"}]}
    (tmp_path / "g.json").write_text(json.dumps(data), encoding="utf-8")
    db = str(tmp_path / "g.db")
    run("--db", db, "import", str(tmp_path / "g.json"))
    payer = json.loads(run("--db", db, "timeline", "Dora Geber", "--format", "json"))
    payee = json.loads(run("--db", db, "timeline", "Partei P", "--format", "json"))
    assert [(r["relation"], r["details"]["amount"], r["details"]["currency"]) for r in payer] == [("paid", 5000.0, "EUR")]
    assert [r["relation"] for r in payee] == ["was paid by"]


def test_json_and_csv_answers_obey_no_terminal_either(tmp_path):
    """`--format json`/`csv` are read in terminals too: JSON writes DEL, C1 (CSI \\x9b), bidi overrides and
    line separators as \\uXXXX (the same value), CSV shows ESC/BEL/C1/bidi escaped (line breaks kept)."""
    name = "Kai\x9b2J\u202eexe\x7f\u2028x\x1b]0;T\x07"
    data = {"nodes": [{"id": "person:k", "label": "Person", "name": name},
                      {"id": "organization:o", "label": "Organization", "name": "Ort\nNeu"}],
            "edges": [{"source": "person:k", "target": "organization:o", "type": "HOLDS_ROLE", "title": name}]}
    (tmp_path / "k.json").write_text(json.dumps(data), encoding="utf-8")
    db = str(tmp_path / "k.db")
    run("--db", db, "import", str(tmp_path / "k.json"))
    raw = "\x1b\x07\x7f\x9b\u202e\u2028"
    for args in (["show", "person:k"], ["search", "Kai"], ["neighbors", "organization:o"]):
        out = run("--db", db, *args, "--format", "json")
        assert not any(c in out for c in raw), args
        assert repr(name)[1:-1] in repr(json.loads(out))
        out = run("--db", db, *args, "--format", "csv")
        assert not any(c in out for c in raw[:-1]), args  # a line separator stays, as line breaks do
    assert "Kai\\x9b2J\\u202eexe" in run("--db", db, "search", "Kai", "--format", "csv")
    assert json.loads(run("--db", db, "search", "Kai", "--format", "json"))[0]["name"] == name
    assert "Ort\nNeu" in run("--db", db, "show", "person:k", "--format", "csv")
