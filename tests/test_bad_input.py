"""Bad input: a one-line error naming the file and the problem, exit 1, and the store as it was."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "stakeholders.csv"

GOOD_JSON = {"directed": True, "multigraph": True, "graph": {},
             "nodes": [{"id": "person:new-one", "label": "Person", "name": "New One"}], "edges": []}

CASES = {
    "binary.csv": b"\x00\x01\x02\x03PNG\x00\xff\xfe" * 50,
    "empty.csv": b"",
    "truncated.json": json.dumps(GOOD_JSON).encode()[:-20],
    "nodes-not-list.json": b'{"nodes": 5, "edges": []}',
    "bad-label.json": json.dumps({**GOOD_JSON, "nodes": [{"id": "x", "label": "Robot", "name": "R"}]}).encode(),
    "dangling.json": json.dumps({**GOOD_JSON, "edges": [
        {"source": "person:new-one", "target": "organization:nowhere", "type": "HOLDS_ROLE", "key": "k"}]}).encode(),
    "bad-date.csv": "Name;Organisation;Seit\nJo Beispiel;Stadt X;gestern\n".encode("utf-8"),
    "no-header.csv": "foo,bar\n1,2\n".encode("utf-8"),
    "extra-values.csv": "Name,Organisation\nJo,Stadt X,surplus,more\n".encode("utf-8"),
    "bad-side.csv": "Name;Termin;Seite\nJo;Treffen;Zuschauer\n".encode("utf-8"),
    "unclosed-quote.csv": 'Name,Organisation\n"Jo Beispiel,Stadt X\nAnna,Stadt Y\n'.encode("utf-8"),
    "unknown.xyz": b"just some words that are no format",
}
EXPECTED = {
    "binary.csv": "binary", "empty.csv": "empty", "truncated.json": "invalid JSON at line 1",
    "nodes-not-list.json": "not stakegraph JSON", "bad-label.json": "unknown label 'Robot'",
    "dangling.json": "unknown node organization:nowhere", "bad-date.csv": "column 'Seit': 'gestern' is not a date",
    "no-header.csv": "no person or organization column", "extra-values.csv": "line 2: 4 values for 2 columns",
    "bad-side.csv": "'Zuschauer' is not a side", "unclosed-quote.csv": "malformed CSV (unexpected end of data)",
    "unknown.xyz": "unrecognised format",
}


def snapshot(db: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, "export", "json", "-o", "/dev/stdout"])
    return result.output


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_refused_and_store_unchanged(db_arg, tmp_path, name):
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db_arg, "import", str(EXAMPLE)]).exit_code == 0
    before = runner.invoke(cli, ["--db", db_arg, "stats", "--format", "json"]).output
    bad = tmp_path / name
    bad.write_bytes(CASES[name])
    result = runner.invoke(cli, ["--db", db_arg, "import", str(EXAMPLE), str(bad)])
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert line.startswith("Error: ") and len(line.splitlines()) == 1, line
    assert name in line and EXPECTED[name] in line, line
    assert runner.invoke(cli, ["--db", db_arg, "stats", "--format", "json"]).output == before


def test_cp1252_csv_is_read(tmp_path):
    src = tmp_path / "latin.csv"
    src.write_bytes("Name;Funktion;Organisation\nJürgen Weiß;Bürgermeister;Stadt Süderbrück\n".encode("cp1252"))
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(cli, ["--db", db, "import", str(src)])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(cli, ["--db", db, "show", "jurgen weiss"]).output
    assert "Jürgen Weiß" in shown and "Stadt Süderbrück" in shown and "Bürgermeister" in shown


def test_bom_and_xlsx(tmp_path):
    import openpyxl

    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffVorname,Nachname,Institution\nEva,Roth,IHK Nordhafen\n".encode("utf-8"))
    book = openpyxl.Workbook()
    book.active.append(["Person", "Role", "Organization", "Date", "Event"])
    book.active.append(["Eva Roth", "Managing Director", "IHK Nordhafen", "2025-01-02", "Jahresempfang"])
    xlsx = tmp_path / "list.xlsx"
    book.save(xlsx)
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(cli, ["--db", db, "import", str(bom), str(xlsx)])
    assert result.exit_code == 0, result.output
    data = json.loads(CliRunner().invoke(cli, ["--db", db, "show", "Eva Roth", "--format", "json"]).output)
    kinds = sorted(f["type"] for f in data["facts"])
    assert kinds == ["ATTENDED", "HOLDS_ROLE", "HOLDS_ROLE"]  # untitled (CSV) and titled (XLSX) role
    role = next(f for f in data["facts"] if f["type"] == "HOLDS_ROLE" and f["details"])
    assert role["details"] == {"title": "Managing Director", "role": "managing_director"}


def test_missing_file_and_bad_db(tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "import", str(tmp_path / "nope.csv")])
    assert r.exit_code == 1 and "nope.csv: no such file or folder" in r.output
    not_db = tmp_path / "text.db"
    not_db.write_text("hello, I am not a database\n" * 10)
    r = runner.invoke(cli, ["--db", str(not_db), "stats"])
    assert r.exit_code == 1 and "not a stakegraph database" in r.output
    assert not_db.read_text().startswith("hello")


def test_unreachable_bolt_server_fails_fast(monkeypatch):
    import time

    from tests.bolt_server import free_port

    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-Pa55word")
    start = time.monotonic()
    r = CliRunner().invoke(cli, ["--db", f"bolt://127.0.0.1:{free_port()}", "stats"])
    assert r.exit_code == 1 and "cannot reach Neo4j at bolt://127.0.0.1" in r.output
    assert time.monotonic() - start < 15
    assert "s3cret" not in r.output and len(r.output.strip().splitlines()) == 1


def test_wrong_password_is_refused_without_leaking(bolt_server, monkeypatch):
    monkeypatch.setenv("NEO4J_USERNAME", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong-Pa55word-xyz")
    r = CliRunner().invoke(cli, ["--db", bolt_server.uri, "stats"])
    assert r.exit_code == 1 and "refused the credentials" in r.output, r.output
    assert "wrong-Pa55word" not in r.output and bolt_server.password not in r.output


def test_an_importer_bug_names_the_file_and_leaves_the_store(tmp_path, monkeypatch):
    # fault injection: an importer that fails half-way through a file, the way a bug would
    from stakegraph.importers.tabular import TabularImporter

    db = str(tmp_path / "g.sqlite")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "import", str(EXAMPLE)]).exit_code == 0
    before = snapshot(db)
    real = TabularImporter.read

    def failing(self, path, ctx):
        yield from list(real(self, path, ctx))[:3]
        raise IndexError("list index out of range")

    monkeypatch.setattr(TabularImporter, "read", failing)
    other = tmp_path / "more.csv"
    other.write_text("Name,Organisation\nJo Beispiel,Stadt Fulda\n", encoding="utf-8")
    result = runner.invoke(cli, ["--db", db, "import", str(other)])
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert len(line.splitlines()) == 1 and line.startswith("Error: "), line
    assert "more.csv" in line and "IndexError" in line and "bug" in line, line
    monkeypatch.undo()
    assert snapshot(db) == before


def test_a_store_error_met_inside_an_importer_keeps_the_stores_message(tmp_path, monkeypatch):
    # the press importer reads the store while it imports; a damaged store is no importer bug
    import sqlite3

    from stakegraph.importers.tabular import TabularImporter

    def failing(self, path, ctx):
        raise sqlite3.DatabaseError("database disk image is malformed")
        yield

    monkeypatch.setattr(TabularImporter, "read", failing)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "g.sqlite"), "import", str(EXAMPLE)])
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert len(line.splitlines()) == 1 and "bug" not in line and "malformed" in line, line


def test_an_importer_bug_in_a_read_ahead_worker_names_the_file(tmp_path, monkeypatch):
    # the press rules run in forked workers for 16 files or more: a bug there must end the same way
    from stakegraph.importers.press import parallel

    if not parallel._CAN_FORK or (parallel.os.cpu_count() or 1) < 2:
        pytest.skip("no forked press workers on this machine")
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(20):
        (folder / f"a{i:02d}.txt").write_text(f"Fulda. Bürgermeister Karl Weber{i} begrüßte die Gäste.\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "extract", _extract_failing_on_a07)
    monkeypatch.setenv("STAKEGRAPH_JOBS", "2")
    db = tmp_path / "g.sqlite"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(folder)])
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert len(line.splitlines()) == 1 and "a07.txt" in line and "IndexError" in line, line
    assert not db.exists()


def _extract_failing_on_a07(path: Path):
    """The press rules with a bug on one file (module level: the worker pool pickles it by name)."""
    from stakegraph.importers.press.extract import extract

    if path.name == "a07.txt":
        raise IndexError("list index out of range")
    return extract(path)


_PERSON_LINE = '{"id": "p1", "schema": "Person", "properties": {"name": ["Ada Lovelace"]}}\n'
_POPOLO = '{"persons": [{"id": "p1", "name": "Ada Lovelace", "family_name": %s}], "organizations": []}'
PARSED_BUT_NO_DATA = {  # JSON that json.loads takes, but that is no data the store (or a terminal) can hold
    "lone-surrogate.popolo.json": (_POPOLO % '"Love\\ud800lace"', "lone surrogate escape"),
    "long-number.popolo.json": (_POPOLO % ("1" + "0" * 5000), "more than 4300 digits"),
    "lone-surrogate.ftm.json": (_PERSON_LINE + _PERSON_LINE.replace("p1", "p2").replace("Ada", "\\udc00"),
                                "line 2: a JSON string holds a lone surrogate escape"),
    "long-number.ftm.json": (_PERSON_LINE.replace('"properties"', '"n": %s, "properties"' % ("9" * 4400)),
                             "line 1: a JSON number has more than 4300 digits"),
    "schema-number.ftm.json": (_PERSON_LINE.replace('"Person"', "7"), "line 1: not an FtM entity"),
    "lone-surrogate.jsonl": ('{"type": "Source", "fields": {"id": "source:x", "name": "\\ud800"}}\n',
                             "line 1: a JSON string holds a lone surrogate escape"),
}


@pytest.mark.parametrize("name", sorted(PARSED_BUT_NO_DATA))
def test_json_that_parses_but_holds_no_data_is_one_line(tmp_path, name):
    # before: a traceback from the store's writer (lone surrogate), or "this is a bug" (long number, schema 7)
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "import", str(EXAMPLE)]).exit_code == 0
    before = snapshot(db)
    text, expected = PARSED_BUT_NO_DATA[name]
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["--db", db, "import", str(bad)])
    line = result.output.strip()
    assert result.exit_code == 1 and line.startswith("Error: ") and len(line.splitlines()) == 1, line
    assert name in line and expected in line and "bug" not in line, line
    assert snapshot(db) == before


def test_a_paired_surrogate_escape_is_a_character(tmp_path):
    src = tmp_path / "emoji.popolo.json"
    src.write_text(_POPOLO % '"Love\\ud83d\\ude00lace"', encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert CliRunner().invoke(cli, ["--db", db, "import", str(src)]).exit_code == 0
    assert "Love\U0001f600lace" in CliRunner().invoke(cli, ["--db", db, "show", "Ada Lovelace", "--format", "json"]).output


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names there are always Unicode")
def test_a_file_name_that_is_not_utf8_is_imported_and_shown_escaped(tmp_path):
    # before: a traceback (the name's byte 0xE9 became a lone surrogate the store's JSON refused)
    import os

    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.csv", "wb") as fh:
        fh.write(b"Name,Organisation\nJo Beispiel,Stadt Fulda\n")
    with open(folder + b"/Stadt-\xff.popolo.json", "wb") as fh:
        fh.write((_POPOLO % '"Lovelace"').encode())
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(cli, ["--db", db, "import", "--output", "json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert sorted(f["path"].rsplit("/", 1)[1] for f in summary["files"]) == ["Stadt-\\xff.popolo.json", "caf\\xe9.csv"]
    assert summary["datasets"] == {"stadt-xff": 1}
    found = CliRunner().invoke(cli, ["--db", db, "search", "caf", "--format", "json"])
    assert [r["name"] for r in json.loads(found.output)] == ["caf\\xe9.csv"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and named pipes")
def test_links_and_pipes_in_a_folder_are_counted_not_dropped(tmp_path):
    # before: a dangling link, a link looping on itself, a named pipe and a link to a folder vanished
    # from the summary; the folder's one good file was imported as if there were nothing else
    import os

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.csv").write_text("Name,Organisation\nJo Beispiel,Stadt Fulda\n", encoding="utf-8")
    (folder / "gone.csv").symlink_to(tmp_path / "nowhere.csv")
    (folder / "self").symlink_to(folder / "self")
    (folder / "sub" / "up").symlink_to("..")
    os.mkfifo(folder / "pipe.csv")
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(cli, ["--db", db, "import", "--output", "json", str(folder)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["skipped"] == {"file in a folder that no importer reads": 4}
    notes = "\n".join(summary["notes"])
    for needle in ("gone.csv: a link to nothing", "self: cannot read", "pipe.csv: a named pipe",
                   "up: a link to a folder, not followed"):
        assert needle in notes, notes
    only_links = tmp_path / "links"
    only_links.mkdir()
    (only_links / "gone.csv").symlink_to(tmp_path / "nowhere.csv")
    result = CliRunner().invoke(cli, ["--db", db, "import", str(only_links)])
    assert result.exit_code == 1 and "folder holds no files (only " in result.output and "gone.csv" in result.output


def test_a_popolo_id_given_twice_with_other_content_is_counted(tmp_path):
    # before: the first person under the id vanished with no word in the summary
    src = tmp_path / "twice.popolo.json"
    src.write_text(json.dumps({"persons": [{"id": "p1", "name": "Ada Lovelace"}, {"id": "p1", "name": "Grace Hopper"},
                                           {"id": "p2", "name": "Same"}, {"id": "p2", "name": "Same"}]}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "import", "--output", "json", str(src)])
    assert result.exit_code == 0, result.output
    skipped = json.loads(result.output)["skipped"]
    assert skipped == {"popolo: persons entry repeating an earlier id with other content (the last kept)": 1}
