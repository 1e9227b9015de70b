"""Robust inputs (issue 16: D05, D07, D08, D16, D17-D22; issue 13 item 8): what arrives broken or odd is
read right or refused in one line naming the file and the problem (and the limit, with how to raise it)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from stakegraph.importers.base import decode

def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def one_line_error(result, *needles: str) -> str:
    """Assert exit 1 with a single ``Error:`` line holding every needle; return the line."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def exported(db: Path, tmp_path: Path) -> dict:
    out = tmp_path / "export.json"
    r = run("--db", str(db), "export", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    return json.loads(out.read_text("utf-8"))


def names(db: Path, tmp_path: Path, label: str = "Person") -> list[str]:
    return sorted(n["name"] for n in exported(db, tmp_path)["nodes"] if n["label"] == label)


# ---- encodings -------------------------------------------------------------------------------------
def test_one_legacy_line_in_a_utf8_csv_is_read_per_line_and_named(tmp_path):
    """D05: every line decodes as what it is; the note names the line read as cp1252."""
    f = tmp_path / "mixed.csv"
    f.write_bytes("Name,Organisation\nRenée Öztürk,Amt Süd\n".encode() + "Jörg Weiß,Amt Nord\n".encode("cp1252")
                  + "Zoë Ångström,Amt Ost\n".encode())
    db = tmp_path / "m.db"
    r = run("--db", str(db), "import", str(f))
    assert r.exit_code == 0, r.output
    assert re.search(r"note: .*mixed\.csv: line 3 not UTF-8 like the rest, read as cp1252", r.output), r.output
    assert names(db, tmp_path) == ["Jörg Weiß", "Renée Öztürk", "Zoë Ångström"]


def test_a_cp1252_file_is_read_without_a_note(tmp_path):
    f = tmp_path / "legacy.csv"
    f.write_bytes("Name;Organisation\nJörg Weiß;Amt Süd\n".encode("cp1252"))
    db = tmp_path / "l.db"
    r = run("--db", str(db), "import", str(f))
    assert r.exit_code == 0 and "note:" not in r.output, r.output
    assert names(db, tmp_path) == ["Jörg Weiß"]


def test_decode_reads_each_line_as_what_it_is():
    data = "ä-utf8\n".encode() + "ö-legacy\n".encode("cp1252")
    assert decode(data, Path("x.txt")) == "ä-utf8\nö-legacy\n"
    assert decode("Grüße\n".encode("utf-16"), Path("x.txt")) == "Grüße\n"
    assert decode(b"\xef\xbb\xbfplain", Path("x.txt")) == "plain"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_unicode_text_from_excel_is_read(tmp_path, encoding):
    """D20 / issue 13 item 8: Excel's "Unicode Text" (UTF-16 with BOM, tab-separated) is text, not binary."""
    f = tmp_path / "unicode.csv"
    f.write_bytes("Name\tOrganisation\r\nJördis Ñandú\tStadt Ünterau\r\n".encode(encoding))
    db = tmp_path / "u.db"
    r = run("--db", str(db), "import", str(f))
    assert r.exit_code == 0, r.output
    assert names(db, tmp_path) == ["Jördis Ñandú"]


def test_binary_csv_is_still_refused(tmp_path):
    f = tmp_path / "blob.csv"
    f.write_bytes(b"Name,Organisation\n\x00\x01\x02\x00\xff binary\n")
    one_line_error(run("--db", str(tmp_path / "b.db"), "import", str(f)), "blob.csv", "binary")


@pytest.mark.parametrize("name", ["noise.txt", "noise.csv"])
def test_binary_behind_a_utf16_bom_is_refused(tmp_path, name):
    """Random bytes after a UTF-16 BOM decode without error, yet they are no text: refused, no empty Source."""
    import random
    import struct
    rnd = random.Random(7)
    units = [u for u in (rnd.randrange(65536) for _ in range(6000)) if not 0xD800 <= u < 0xE000]
    f = tmp_path / name
    f.write_bytes(b"\xff\xfe" + struct.pack(f"<{len(units)}H", *units))
    db = tmp_path / "n.db"
    one_line_error(run("--db", str(db), "import", str(f)), name, "binary")
    assert not db.exists()


def test_truncated_csv_is_not_called_headerless(tmp_path):
    """D17: a file cut mid-row keeps its delimiter; the problem named is the row where it was cut."""
    f = tmp_path / "cut.csv"
    f.write_bytes("Name;Funktion;Organisation;Ort;Seit\nAnna Beispiel;Leiterin;Amt A;Adorf;2021\n"
                  "Bert Muster;Referent;Amt B;Bdorf;20".encode())
    r = run("--db", str(tmp_path / "c.db"), "import", str(f))
    assert "no person or organization column" not in r.output
    one_line_error(r, "cut.csv: line 3", "'20' is not a date")
    f.write_bytes("Name;Funktion;Organisation;Ort;Seit\nAnna Beispiel;Leiterin;Amt A;Adorf;2021\n"
                  "Bert Muster;Refer".encode())
    r = run("--db", str(tmp_path / "c.db"), "import", str(f))
    assert r.exit_code == 0, r.output
    assert "line 3: 2 of 5 values and no line end (file cut short?)" in r.output


# ---- XLSX -------------------------------------------------------------------------------------------
def _workbook(rows: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rewrite(raw: bytes, edit) -> bytes:
    """The workbook with each part passed through ``edit(name, data) -> data``."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, edit(info.filename, src.read(info.filename)))
    return out.getvalue()


def test_xlsx_under_declaring_its_range_imports_every_row(tmp_path):
    """D08: a <dimension> saying A1:C2 for six rows does not hide five of them."""
    raw = _workbook([["Name", "Funktion", "Organisation"]] + [[f"Mitglied {i}", "Referent", f"Amt {i}"]
                                                              for i in range(5)])
    raw = _rewrite(raw, lambda name, d: re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:C2"/>', d)
                   if name == "xl/worksheets/sheet1.xml" else d)
    f = tmp_path / "dim.xlsx"
    f.write_bytes(raw)
    db = tmp_path / "d.db"
    assert run("--db", str(db), "import", str(f)).exit_code == 0
    assert names(db, tmp_path) == [f"Mitglied {i}" for i in range(5)]


def test_xlsx_that_unpacks_past_the_limit_is_refused_naming_it(tmp_path, monkeypatch):
    """D07: the unpacked size is judged from the zip directory before anything is inflated."""
    raw = _workbook([["Name", "Organisation"]] + [[f"Person {i} " + "x" * 200, "Amt"] for i in range(3000)])
    f = tmp_path / "big.xlsx"
    f.write_bytes(raw)
    monkeypatch.setenv("STAKEGRAPH_MAX_XLSX_MB", "0.2")
    line = one_line_error(run("--db", str(tmp_path / "b.db"), "import", str(f)), "big.xlsx: unpacks to",
                          "over the limit of 0.2 MB", "set STAKEGRAPH_MAX_XLSX_MB to raise it")
    assert "Traceback" not in line
    assert not (tmp_path / "b.db").exists() or run("--db", str(tmp_path / "b.db"), "stats").exit_code == 0
    monkeypatch.setenv("STAKEGRAPH_MAX_XLSX_MB", "50")
    assert run("--db", str(tmp_path / "b.db"), "import", str(f)).exit_code == 0


def test_xlsx_cell_limit(tmp_path, monkeypatch):
    f = tmp_path / "wide.xlsx"
    f.write_bytes(_workbook([["Name", "Organisation"]] + [[f"P {i}", "Amt"] for i in range(10)]))
    monkeypatch.setenv("STAKEGRAPH_MAX_XLSX_CELLS", "9")
    one_line_error(run("--db", str(tmp_path / "w.db"), "import", str(f)), "wide.xlsx", "row 5",
                   "STAKEGRAPH_MAX_XLSX_CELLS")


def test_xlsx_with_a_dtd_is_refused(tmp_path):
    """D16 c: entities (external files, billion laughs) never reach the XML parser."""
    raw = _workbook([["Name", "Organisation"], ["Anna", "Amt"]])

    def entity(name: str, d: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return d
        return (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                + d.split(b"?>", 1)[-1])

    f = tmp_path / "ent.xlsx"
    f.write_bytes(_rewrite(raw, entity))
    one_line_error(run("--db", str(tmp_path / "e.db"), "import", str(f)), "ent.xlsx", "DTD")


def test_damaged_xlsx_is_one_line(tmp_path):
    raw = bytearray(_workbook([["Name", "Organisation"], ["Anna", "Amt"]]))
    for i in range(200, len(raw) - 200, 97):
        raw[i] ^= 0x5A
    f = tmp_path / "broken.xlsx"
    f.write_bytes(bytes(raw))
    one_line_error(run("--db", str(tmp_path / "x.db"), "import", str(f)), "broken.xlsx")


# ---- JSON -------------------------------------------------------------------------------------------
def _graph(node: dict) -> bytes:
    return json.dumps({"nodes": [node], "edges": []}).encode()


def test_json_string_over_the_limit_is_refused_before_parsing(tmp_path, monkeypatch):
    """D21: a string spanning many read chunks is stopped, naming the limit and its variable."""
    f = tmp_path / "long.json"
    f.write_bytes(_graph({"id": "person:l", "label": "Person", "name": "Ab " * 200_000}))
    monkeypatch.setenv("STAKEGRAPH_MAX_FIELD_MB", "0.1")
    one_line_error(run("--db", str(tmp_path / "l.db"), "import", str(f)), "long.json",
                   "more than 100,000 bytes", "set STAKEGRAPH_MAX_FIELD_MB to raise it")
    f.write_bytes(_graph({"id": "person:s", "label": "Person", "name": "short", "note": "x" * 2000}))
    monkeypatch.setenv("STAKEGRAPH_MAX_FIELD_MB", "0.001")  # smaller than one read chunk
    one_line_error(run("--db", str(tmp_path / "l.db"), "import", str(f)), "STAKEGRAPH_MAX_FIELD_MB")
    monkeypatch.setenv("STAKEGRAPH_MAX_FIELD_MB", "1")
    assert run("--db", str(tmp_path / "l.db"), "import", str(f)).exit_code == 0


def test_csv_cell_over_the_field_limit_is_named(tmp_path, monkeypatch):
    f = tmp_path / "wide.csv"
    f.write_text("Name,Organisation\n" + "N" * 300_000 + ",Amt\n", encoding="utf-8")
    assert run("--db", str(tmp_path / "w.db"), "import", str(f)).exit_code == 0  # 300k < 1 MB
    monkeypatch.setenv("STAKEGRAPH_MAX_FIELD_MB", "0.1")
    one_line_error(run("--db", str(tmp_path / "w.db"), "import", str(f)), "wide.csv: line 2",
                   "a cell of more than 100,000 characters", "set STAKEGRAPH_MAX_FIELD_MB to raise it")
    monkeypatch.setenv("STAKEGRAPH_MAX_FIELD_MB", "1")
    assert run("--db", str(tmp_path / "w.db"), "import", str(f)).exit_code == 0


def test_a_bad_limit_value_is_named(tmp_path, monkeypatch):
    f = tmp_path / "g.json"
    f.write_bytes(_graph({"id": "person:g", "label": "Person", "name": "G"}))
    for bad in ("abc", "-1", "inf", "0"):
        monkeypatch.setenv("STAKEGRAPH_MAX_FIELD_MB", bad)
        one_line_error(run("--db", str(tmp_path / "g.db"), "import", str(f)), "STAKEGRAPH_MAX_FIELD_MB",
                       "positive number")


def test_lone_surrogate_and_huge_number_are_one_line(tmp_path):
    """D16 a, b."""
    f = tmp_path / "surrogate.json"
    f.write_bytes(b'{"nodes":[{"id":"person:s","label":"Person","name":"A \\udc00 B"}],"edges":[]}')
    one_line_error(run("--db", str(tmp_path / "s.db"), "import", str(f)), "surrogate.json", "lone surrogate")
    f = tmp_path / "number.json"
    f.write_bytes(b'{"nodes":[{"id":"person:n","label":"Person","name":"N","n":' + b"7" * 5000 + b'}],"edges":[]}')
    one_line_error(run("--db", str(tmp_path / "s.db"), "import", str(f)), "number.json", "more than", "digits")


@pytest.mark.parametrize("value,kind", [(["a"], "list"), ({"a": 1}, "object"), (True, "boolean"),
                                        (1.5, "number")])
def test_ids_that_are_not_strings_are_refused(tmp_path, value, kind):
    """D19: an id is never a stringified list."""
    f = tmp_path / "ids.json"
    f.write_bytes(_graph({"id": value, "label": "Person", "name": "x"}))
    one_line_error(run("--db", str(tmp_path / "i.db"), "import", str(f)), "ids.json: nodes[0]",
                   f"'id' is a {kind}, not a string")
    f.write_bytes(json.dumps({"nodes": [{"id": "person:a", "label": "Person", "name": "A"}],
                              "edges": [{"source": "person:a", "target": value, "type": "RELATED_TO"}]}).encode())
    one_line_error(run("--db", str(tmp_path / "i.db"), "import", str(f)), "edges[0]", "'target'")


def test_integer_ids_are_kept_as_text(tmp_path):
    f = tmp_path / "int.json"
    f.write_bytes(_graph({"id": 17, "label": "Person", "name": "Seventeen"}))
    db = tmp_path / "n.db"
    assert run("--db", str(db), "import", str(f)).exit_code == 0
    assert [n["id"] for n in exported(db, tmp_path)["nodes"]] == ["17"]


# ---- which files are inputs ---------------------------------------------------------------------------
def _cli(*args: str, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stakegraph", *args], input=stdin, capture_output=True,
                          timeout=timeout)


CSV = "Name,Organisation\nAnna Beispiel,Amt Süd\n".encode()


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_a_pipe_on_standard_input_is_imported(tmp_path, name):
    """D16 d: a pipe is read once, into a private copy; the Source says <stdin>."""
    db = tmp_path / "p.db"
    r = _cli("--db", str(db), "import", "--format", "table", name, stdin=CSV)
    assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr.decode()
    data = exported(db, tmp_path)
    assert [n["name"] for n in data["nodes"] if n["label"] == "Person"] == ["Anna Beispiel"]
    assert [n["path"] for n in data["nodes"] if n["label"] == "Source"] == ["<stdin>"]


def test_a_workbook_on_standard_input_is_imported(tmp_path):
    db = tmp_path / "w.db"
    r = _cli("--db", str(db), "import", "--format", "table", "-", stdin=_workbook([["Name", "Organisation"],
                                                                                  ["Anna Beispiel", "Amt"]]))
    assert r.returncode == 0, r.stderr.decode()
    assert names(db, tmp_path) == ["Anna Beispiel"]


def test_standard_input_without_format_and_empty(tmp_path):
    r = _cli("--db", str(tmp_path / "p.db"), "import", "-", stdin=CSV)
    assert r.returncode == 1 and r.stderr.decode().startswith("Error: <stdin>: unrecognised format")
    r = _cli("--db", str(tmp_path / "p.db"), "import", "--format", "table", "-", stdin=b"")
    assert r.returncode == 1 and "standard input is empty" in r.stderr.decode()


def test_standard_input_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("STAKEGRAPH_MAX_STDIN_MB", "0.00001")
    r = _cli("--db", str(tmp_path / "p.db"), "import", "--format", "table", "-", stdin=CSV)
    assert r.returncode == 1 and "STAKEGRAPH_MAX_STDIN_MB" in r.stderr.decode(), r.stderr.decode()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_or_device_is_refused_not_waited_on(tmp_path):
    """D22: opening a FIFO nobody writes to would block forever."""
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    r = _cli("--db", str(tmp_path / "f.db"), "import", str(fifo), timeout=30)
    assert r.returncode == 1, r.stderr
    assert "in.csv: a named pipe (FIFO), not a regular file" in r.stderr.decode()
    if Path("/dev/zero").exists():
        r = _cli("--db", str(tmp_path / "f.db"), "import", "/dev/zero", timeout=30)
        assert r.returncode == 1 and "a character device" in r.stderr.decode()


def test_an_empty_file_is_refused_and_skipped_in_a_folder(tmp_path):
    """D18: an empty text never becomes a Source; in a folder it is skipped with a note."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    db = tmp_path / "e.db"
    one_line_error(run("--db", str(db), "import", str(empty)), "empty.txt: file is empty")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "blank.txt").write_bytes(b"")
    (folder / "list.csv").write_bytes(CSV)
    r = run("--db", str(db), "import", str(folder))
    assert r.exit_code == 0, r.output
    assert "blank.txt: empty file, skipped" in r.output and "skipped: 1 × empty file" in r.output
    assert [n["label"] for n in exported(db, tmp_path)["nodes"]].count("Source") == 1


def test_our_csv_export_is_not_read_as_a_stakeholder_list(tmp_path):
    """nodes.csv/edges.csv of `export csv` would import as a few odd 'persons': refused, naming what to use."""
    db = tmp_path / "a.db"
    src = tmp_path / "people.csv"
    src.write_text("Name,Organisation,Funktion\nIda Beispiel,Stadt Musterfeld,Kämmerin\n", "utf-8")
    assert run("--db", str(db), "import", str(src)).exit_code == 0
    assert run("--db", str(db), "export", "csv", "-o", str(tmp_path / "out")).exit_code == 0
    for name in ("nodes.csv", "edges.csv"):
        one_line_error(run("--db", str(tmp_path / "b.db"), "import", str(tmp_path / "out" / name)),
                       name, "CSV export", "export json")


def test_a_failed_first_import_leaves_no_store_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Organisation,Seit\nIda Beispiel,Stadt Musterfeld,31.02.2025\n", "utf-8")
    one_line_error(run("--db", str(tmp_path / "new.db"), "import", str(bad)), "bad.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]
    existing = tmp_path / "kept.db"
    good = tmp_path / "good.csv"
    good.write_text("Name,Organisation\nIda Beispiel,Stadt Musterfeld\n", "utf-8")
    assert run("--db", str(existing), "import", str(good)).exit_code == 0
    one_line_error(run("--db", str(existing), "import", str(bad)), "bad.csv")
    assert existing.is_file()  # a store that was there stays, as it was
