"""Identity and values: source ids kept exactly per dataset, names in any script, calendar-checked dates,
per-file format detection (issue 13, items 1, 2, 3, 5, 7; defects D27, D28)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from stakegraph.graph.dates import check_period, parse_date
from stakegraph.graph.errors import InputError
from stakegraph.graph.records import escape_id, fold, make_id, name_keys
from stakegraph.importers import IMPORTERS, ImportContext
from stakegraph.importers.pipeline import import_paths, plan_inputs
from tests.standards_helpers import FIXTURES


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output + repr(result.exception)
    else:
        assert result.exit_code != 0, result.output
    return result


def popolo_doc(persons: list[tuple[str, str]], org: str = "legislature") -> dict:
    return {"persons": [{"id": i, "name": n} for i, n in persons],
            "organizations": [{"id": org, "name": f"Parliament {org}", "classification": "legislature"},
                              {"id": "party/x", "name": "Party X", "classification": "party"}],
            "memberships": [{"person_id": i, "organization_id": org, "on_behalf_of_id": "party/x",
                             "role": "member", "start_date": "2001-02-03"} for i, _ in persons]}


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def ftm_lines(path: Path, entities: list[dict]) -> Path:
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities), "utf-8")
    return path


# ---- item 1: ids from a source are kept exactly -----------------------------------------------
def test_escape_keeps_distinct_ids_distinct():
    raw = ["person/ÅK", "person/AK", "NK-EXTo1", "NK-exto1", "a.b", "a_b", "a b", "a%20b", "a\tb"]
    assert len({escape_id(r) for r in raw}) == len(raw)
    assert escape_id("person/ÅK") == "person/ÅK" and escape_id("a\tb") == "a%09b"


def test_popolo_ids_differing_in_accent_case_or_punctuation_stay_apart(tmp_path):
    doc = popolo_doc([("person/ÅK", "Åse K"), ("person/AK", "Arne K"), ("p.1", "Punkt"), ("p_1", "Strich"),
                      ("P_1", "Gross")])
    path = write_json(tmp_path / "nordic.json", doc)
    records = list(IMPORTERS["popolo"].read(path, ImportContext()))
    persons = {r.id: r.name for r in records if getattr(r, "label", None) == "Person"}
    assert persons == {"person:popolo:nordic:person/ÅK": "Åse K", "person:popolo:nordic:person/AK": "Arne K",
                       "person:popolo:nordic:p.1": "Punkt", "person:popolo:nordic:p_1": "Strich",
                       "person:popolo:nordic:P_1": "Gross"}


def test_ftm_ids_are_case_sensitive(tmp_path):
    path = ftm_lines(tmp_path / "case.ftm.json", [
        {"id": "NK-EXTo1", "schema": "Person", "properties": {"name": ["Upper Case"]}},
        {"id": "NK-exto1", "schema": "Person", "properties": {"name": ["Lower Case"]}},
        {"id": "pay-1", "schema": "Payment", "properties": {"payer": ["NK-EXTo1"], "beneficiary": ["NK-exto1"],
                                                           "amountEur": ["10"]}},
        {"id": "PAY-1", "schema": "Payment", "properties": {"payer": ["NK-EXTo1"], "beneficiary": ["NK-exto1"],
                                                           "amountEur": ["10"]}}])
    records = list(IMPORTERS["ftm"].read(path, ImportContext()))
    persons = {r.id for r in records if getattr(r, "label", None) == "Person"}
    assert persons == {"person:ftm:case:NK-EXTo1", "person:ftm:case:NK-exto1"}
    assert len({r.key for r in records if getattr(r, "type", None) == "RELATED_TO"}) == 2


def test_ids_made_from_names_stay_slugs():
    assert make_id("Person", "Isabelle Hemsley") == "person:isabelle-hemsley"
    assert make_id("Organization", "Stadtwerke Köln GmbH") == "organization:stadtwerke-koln-gmbh"


# ---- item 2: namespaces -------------------------------------------------------------------------
def test_same_local_ids_in_two_datasets_are_two_entities(tmp_path):
    a = write_json(tmp_path / "Alpha-Senate-ep-popolo-v1.0.json", popolo_doc([("person/1", "Tony Abbott")]))
    b = write_json(tmp_path / "Beta-House-ep-popolo-v1.0.json", popolo_doc([("person/1", "Diane Abbott")]))
    db = str(tmp_path / "ns.db")
    out = run("--db", db, "import", str(a), str(b)).output
    assert "datasets: alpha-senate, beta-house" in out
    found = json.loads(run("--db", db, "search", "abbott", "--format", "json").output)
    assert {(r["id"], r["name"], tuple(r["aliases"])) for r in found} == {
        ("person:popolo:alpha-senate:person/1", "Tony Abbott", ()),
        ("person:popolo:beta-house:person/1", "Diane Abbott", ())}
    parliaments = json.loads(run("--db", db, "search", "parliament legislature", "--format", "json").output)
    assert len(parliaments) == 2


def test_dataset_option_names_the_namespace(tmp_path):
    a = write_json(tmp_path / "a.json", popolo_doc([("person/1", "Eva Example")]))
    db = str(tmp_path / "opt.db")
    summary = json.loads(run("--db", db, "import", str(a), "--dataset", "My Council", "--output", "json").output)
    assert summary["datasets"] == {"my-council": 1} and summary["files"][0]["dataset"] == "my-council"
    assert json.loads(run("--db", db, "search", "eva", "--format", "json").output)[0]["id"] == \
        "person:popolo:my-council:person/1"
    err = run("--db", db, "import", str(a), "--dataset", "--", ok=False).output
    assert "--dataset" in err and "Traceback" not in err


def test_shared_wikidata_ids_are_recorded_not_merged(tmp_path):
    docs = []
    for name, who in (("one", "Ada Example"), ("two", "Ada Exemplar")):
        doc = popolo_doc([("person/1", who)])
        doc["persons"][0]["identifiers"] = [{"scheme": "wikidata", "identifier": "Q4242"}]
        docs.append(write_json(tmp_path / f"{name}.json", doc))
    db = str(tmp_path / "wd.db")
    out = run("--db", db, "import", *map(str, docs)).output
    assert "1 Wikidata id(s) are held by more than one entity" in out and "wikidata:Q4242" in out
    assert len(json.loads(run("--db", db, "search", "ada", "--format", "json").output)) == 2


# ---- item 3: names outside Latin script ---------------------------------------------------------
GERMAN = {"Dénes Kücük": "denes kucuk", "Straße": "strasse", "Jürgen Größe-Übel": "jurgen grosse ubel",
          "Oberbürgermeisterin": "oberburgermeisterin", "ÄÖÜ äöü ß ẞ": "aou aou ss ss", "Müller-Lüdenscheidt":
          "muller ludenscheidt", "Dr. Hans-Jörg O'Neill": "dr hans jorg o neill", "Ærø Øresund": "aero oresund"}


def test_fold_keeps_every_german_key_and_transliterates_other_scripts():
    for text, key in GERMAN.items():
        assert fold(text) == key
    assert fold("Владимир Путин") == "vladimir putin"
    assert fold("محمد") == "mhmd"
    assert fold("𝔘nicode") == "unicode"  # D28: compatibility capitals fold like letters
    assert name_keys("Путин", ["Putin"]) == ["putin"]


CSV = "Name,Organisation,Funktion\nВладимир Путин,Кремль,Президент\nمحمد بن سلمان,مجلس الوزراء,رئيس\n"


def test_cyrillic_and_arabic_round_trip_csv_ftm_search_show(store_kind, db_arg, tmp_path):
    csv = tmp_path / "names.csv"
    csv.write_text(CSV, "utf-8")
    run("--db", db_arg, "import", str(csv))
    for query, name in (("Путин", "Владимир Путин"), ("putin", "Владимир Путин"), ("سلمان", "محمد بن سلمان"),
                        ("Владимир", "Владимир Путин")):
        found = json.loads(run("--db", db_arg, "search", query, "--format", "json").output)
        assert [r["name"] for r in found] == [name], query
    shown = json.loads(run("--db", db_arg, "show", "Путин", "--format", "json").output)
    assert shown["entity"]["name"] == "Владимир Путин"
    assert {f["other"]["name"] for f in shown["facts"]} == {"Кремль"}
    assert "محمد بن سلمان" in run("--db", db_arg, "show", "محمد بن سلمان").output
    out = tmp_path / "names.ftm.json"
    run("--db", db_arg, "export", "ftm", "-o", str(out))
    again = str(tmp_path / "again.db")
    run("--db", again, "import", str(out))
    for query, name in (("путин", "Владимир Путин"), ("محمد", "محمد بن سلمان")):
        found = json.loads(run("--db", again, "search", query, "--format", "json").output)
        assert [r["name"] for r in found] == [name]
    assert json.loads(run("--db", again, "show", "Путин", "--format", "json").output)["entity"]["id"] == \
        shown["entity"]["id"]


def test_ftm_names_in_other_scripts_are_found(tmp_path):
    path = ftm_lines(tmp_path / "ar.ftm.json", [
        {"id": "Q1", "schema": "Person", "properties": {"name": ["عبد الله"], "alias": ["Abdullah"]}}])
    db = str(tmp_path / "ar.db")
    run("--db", db, "import", str(path))
    for query in ("عبد الله", "Abdullah"):
        assert json.loads(run("--db", db, "search", query, "--format", "json").output)[0]["name"] == "عبد الله"


# ---- item 7: dates ----------------------------------------------------------------------------
@pytest.mark.parametrize("raw,iso", [("2025", "2025"), ("2025-02", "2025-02"), ("2024-02-29", "2024-02-29"),
                                     ("2013-01-04T08:00:00+01:00", "2013-01-04"), ("31.12.2025", "2025-12-31"),
                                     ("1.2.2025", "2025-02-01"), ("12.2025", "2025-12"), ("", None), (None, None)])
def test_dates_read(raw, iso):
    assert parse_date(raw, "x") == iso


@pytest.mark.parametrize("raw", ["31.02.2025", "2025-02-31", "2025-13-01", "2023-02-29", "2025-13-45", "soon",
                                 "2025/13/01", "0000"])
def test_impossible_dates_are_errors(raw):
    with pytest.raises(InputError, match="where: "):
        parse_date(raw, "where")


def test_end_before_start_is_an_error():
    check_period("2020", "2020-05", "x")  # overlapping precision is fine
    with pytest.raises(InputError, match=r"x: ends \(2019-12-31\) before it starts \(2020-01-01\)"):
        check_period("2020-01-01", "2019-12-31", "x")


def test_bad_dates_name_file_line_and_field(tmp_path):
    csv = tmp_path / "roles.csv"
    csv.write_text("Name,Organisation,Funktion,Seit\nEva Muster,Stadt A,Leiterin,31.02.2025\n", "utf-8")
    err = run("--db", str(tmp_path / "d.db"), "import", str(csv), ok=False).output
    assert "roles.csv: line 2" in err and "'Seit'" in err and "31.02.2025" in err and len(err.strip().splitlines()) == 1
    csv.write_text("Name,Organisation,Funktion,Seit,Bis\nEva Muster,Stadt A,Leiterin,2025,2024\n", "utf-8")
    err = run("--db", str(tmp_path / "d.db"), "import", str(csv), ok=False).output
    assert "roles.csv: line 2" in err and "before it starts" in err
    doc = popolo_doc([("p1", "Eva Muster")])
    doc["memberships"][0]["end_date"] = "1999-01-01"
    err = run("--db", str(tmp_path / "d.db"), "import", str(write_json(tmp_path / "p.json", doc)), ok=False).output
    assert "p.json: membership 1" in err and "start_date/end_date" in err
    ftm = ftm_lines(tmp_path / "e.ftm.json", [
        {"id": "a", "schema": "Person", "properties": {"name": ["A"]}},
        {"id": "b", "schema": "Person", "properties": {"name": ["B"], "birthDate": ["1970-02-30"]}}])
    err = run("--db", str(tmp_path / "d.db"), "import", str(ftm), ok=False).output
    assert "e.ftm.json: line 2" in err and "birthDate" in err and "1970-02-30" in err
    assert not (tmp_path / "d.db").exists()  # the store is left as it was: a failed first import makes none


def test_json_graph_dates_are_calendar_checked(tmp_path):
    doc = {"nodes": [{"id": "event:e", "label": "Event", "name": "Treffen", "kind": "meeting", "date": "2025-02-31"}],
           "edges": []}
    err = run("--db", str(tmp_path / "j.db"), "import", str(write_json(tmp_path / "g.json", doc)), ok=False).output
    assert "g.json: nodes[0]: date" in err and "2025-02-31" in err and len(err.strip().splitlines()) == 1
    doc["nodes"][0].update(date="2025-03-02", end_date="2025-03-01")
    err = run("--db", str(tmp_path / "j.db"), "import", str(write_json(tmp_path / "g.json", doc)), ok=False).output
    assert "date/end_date" in err and "before it starts" in err
    doc["nodes"][0].update(date="2025-03-01", end_date="2025-03-02")
    run("--db", str(tmp_path / "j.db"), "import", str(write_json(tmp_path / "g.json", doc)))


def test_cli_date_options_are_calendar_checked(tmp_path):
    db = str(tmp_path / "q.db")
    csv = tmp_path / "a.csv"
    csv.write_text("Name,Organisation\nEva Muster,Stadt A\n", "utf-8")
    run("--db", db, "import", str(csv))
    for args in (["met", "Eva Muster", "--since", "2025-13-45"], ["met", "Eva Muster", "--until", "31.02.2025"],
                 ["path", "Eva Muster", "Stadt A", "--as-of", "2025-02-30"]):
        err = run("--db", db, *args, ok=False).output
        assert "is not a date" in err and args[-2] in err and "Traceback" not in err


# ---- item 5: format per file --------------------------------------------------------------------
def test_folder_detects_each_files_format(tmp_path):
    folder = tmp_path / "mixed"
    (folder / "oparl").mkdir(parents=True)
    for src in (FIXTURES / "oparl_dump").rglob("*.json"):
        dest = folder / "oparl" / src.relative_to(FIXTURES / "oparl_dump")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(src.read_bytes())
    (folder / "oparl" / "crawl-index.json").write_text('{"https://x.example/1": true}', "utf-8")
    write_json(folder / "parl.json", popolo_doc([("p1", "Eva Muster"), ("p2", "Otto Muster")]))
    (folder / "ftm.json").write_bytes((FIXTURES / "entities.ftm.json").read_bytes())
    (folder / "people.csv").write_text("Name,Organisation\nIda Beispiel,Verein B\n", "utf-8")
    inputs = plan_inputs([folder], None, [])
    assert sorted(i.importer.name for i in inputs) == ["ftm", "oparl", "popolo", "table"]
    (dump,) = [i for i in inputs if i.importer.name == "oparl"]
    assert dump.files is not None and (folder / "oparl" / "crawl-index.json") in dump.files
    from stakegraph.graph.sqlite_store import SqliteStore

    with SqliteStore(tmp_path / "f.db") as store:
        summary = import_paths(store, [folder])
        formats = summary.formats()
    n_oparl = len(list((folder / "oparl").rglob("*.json")))
    assert formats == {"ftm": 1, "oparl": n_oparl, "popolo": 1, "table": 1}
    out = run("--db", str(tmp_path / "g.db"), "import", str(folder)).output
    assert f"imported {n_oparl + 3} file(s) (ftm 1, oparl {n_oparl}, popolo 1, table 1)" in out


@pytest.mark.parametrize("fmt,suffix", [("popolo", ".json"), ("ftm", ".ftm.json")])
def test_our_exports_keep_exact_namespaced_ids(tmp_path, fmt, suffix):
    from stakegraph.exports import export_graph
    from stakegraph.graph.convert import to_graph

    if fmt == "popolo":
        src = write_json(tmp_path / "odd.json", popolo_doc([("person/ÅK", "Åse K"), ("a\tb", "Tab Id"),
                                                             ("50%", "Percent Id"), ("a b", "Space Id")]))
    else:
        src = ftm_lines(tmp_path / "odd.ftm.json", [
            {"id": i, "schema": "Person", "properties": {"name": [n]}}
            for i, n in (("NK-ÅK", "Åse K"), ("a\tb", "Tab Id"), ("50%", "Percent Id"))])
    g = to_graph([r.validate() for r in IMPORTERS[fmt].read(src, ImportContext())])
    [out] = export_graph(fmt, g, tmp_path / ("out" + suffix))
    # FtM exports keep the source's own ids, so the same dataset name lands them on the same nodes.
    again = ImportContext(options={"dataset": "odd"} if fmt == "ftm" else {})
    h = to_graph([r.validate() for r in IMPORTERS[fmt].read(out, again)])
    persons = {n for n, d in g.nodes(data=True) if d["label"] == "Person"}
    assert persons <= set(h.nodes) and any("%09" in n for n in persons)
    assert set(g.edges(keys=True)) == set(h.edges(keys=True))


def test_a_folder_file_no_importer_reads_is_counted_and_named(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "people.csv").write_text("Name,Organisation\nIda Beispiel,Verein B\n", "utf-8")
    (folder / "image.bin").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    summary = json.loads(run("--db", str(tmp_path / "u.db"), "import", str(folder), "--output", "json").output)
    assert summary["files_by_format"] == {"table": 1}
    assert summary["skipped"] == {"file in a folder that no importer reads": 1}
    assert any("image.bin" in n and "binary" in n for n in summary["notes"])
    err = run("--db", str(tmp_path / "u.db"), "import", str(folder / "image.bin"), ok=False).output
    assert "image.bin" in err  # a file named on the command line must be readable


def test_name_keys_keep_first_seen_order_without_repeats_for_many_aliases():
    """One key per distinct folded text, in the order first seen; empty texts give none. Tens of
    thousands of aliases go through a set-like lookup (the list scan made such imports take minutes)."""
    assert name_keys("Åse Berg", ["ASE BERG", "", "Berg, Åse", "åse berg", None]) == ["ase berg", "berg ase"]
    many = [f"alias {i % 30000}" for i in range(60000)]
    keys = name_keys("M", many)
    assert keys[0] == "m" and len(keys) == 30001 and keys[-1] == "alias 29999"
