"""Hostile and broken input through every importer, driven through the CLI.

Whatever the bytes, ``stakegraph import`` must end either with exit 0 (maybe with counted skips)
or with exit 1 and ONE line ``Error: <file>: <problem>`` — never a traceback — and on error the
store must be exactly what it was (``stats --format json`` and the exported JSON compared).
The volume runs on the embedded store (fast); representative cases run on the Bolt store too.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from stakegraph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "stakeholders.csv"
FIX = ROOT / "tests" / "fixtures"
FTM_LINES = (FIX / "standards" / "entities.ftm.json").read_text("utf-8").splitlines()
POPOLO = json.loads((FIX / "standards" / "popolo.json").read_text("utf-8"))
OPARL_DIR = FIX / "standards" / "oparl_dump"
OPARL = {p.name: json.loads(p.read_text("utf-8")) for p in sorted(OPARL_DIR.glob("*.json"))}
GRAPH = json.loads((FIX / "queries" / "graph.json").read_text("utf-8"))
PRESS = {p.suffix: p.read_bytes().decode("utf-8", "replace") for p in sorted((FIX / "press").glob("*.*"))}
CLAIMS = [
    {"type": "Source", "fields": {"id": "source:fz", "name": "fz", "title": "fz"}, "rule": "press",
     "confidence": None, "quote": None, "source": None},
    {"type": "Person", "fields": {"id": "person:fz-one", "name": "Fz One"}, "rule": "press:title",
     "confidence": 0.8, "quote": "Fz One said", "source": "source:fz"},
    {"type": "Organization", "fields": {"id": "organization:fz", "name": "Fz Org", "kind": "company"},
     "rule": "press:org", "confidence": 0.8, "quote": "Fz Org", "source": "source:fz"},
    {"type": "HOLDS_ROLE", "fields": {"source": "person:fz-one", "target": "organization:fz", "title": "CEO"},
     "rule": "press:role", "confidence": 0.7, "quote": "CEO", "source": "source:fz"},
]

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))

# ---- a store to break, copied per example ------------------------------------------------------------
_BASE: dict[str, object] = {}


def base_db() -> tuple[Path, str]:
    """An embedded store holding the example, and its snapshot (stats + JSON export)."""
    if not _BASE:
        d = Path(tempfile.mkdtemp(prefix="sg-fuzz-"))
        db = d / "base.db"
        r = CliRunner().invoke(cli, ["--db", str(db), "import", str(EXAMPLE)])
        assert r.exit_code == 0, r.output
        _BASE.update(dir=d, db=db, snap=snapshot(str(db)))
    return _BASE["db"], _BASE["snap"]  # type: ignore[return-value]


def snapshot(db: str, export: bool = True) -> str:
    runner = CliRunner()
    stats = runner.invoke(cli, ["--db", db, "stats", "--format", "json"])
    assert stats.exit_code == 0, stats.output
    if not export:
        return stats.output
    out = Path(tempfile.mkdtemp(prefix="sg-snap-")) / "g.json"
    r = runner.invoke(cli, ["--db", db, "export", "json", "-o", str(out)])
    assert r.exit_code == 0, r.output
    graph = json.loads(out.read_text("utf-8"))
    graph.pop("graph", None)  # export metadata: store name, time of export
    data = json.dumps(graph, sort_keys=True, ensure_ascii=False)
    shutil.rmtree(out.parent)
    return stats.output + data


def assert_clean(result, path: Path, db: str, before: str, export: bool = True) -> None:
    """The run ended as a user may see it end: success, or one line naming the file; store intact on error."""
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise AssertionError("traceback escaped the CLI:\n" + "".join(traceback.format_exception(*result.exc_info)))
    if result.exit_code == 0:
        return
    assert result.exit_code == 1, (result.exit_code, result.output)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output[:2000]
    assert path.name in lines[0], lines[0][:500]
    assert "Traceback" not in result.output
    assert snapshot(db, export) == before, f"store changed by a refused import: {lines[0][:300]}"


def run_import(data: bytes | dict[str, bytes], name: str, fmt: str | None = None) -> None:
    """Write ``data`` (a file, or a folder of files) and import it into a copy of the base store."""
    base, before = base_db()
    work = Path(tempfile.mkdtemp(prefix="sg-fz-", dir=_BASE["dir"]))
    try:
        db = work / "s.db"
        shutil.copy(base, db)
        target = work / name
        if isinstance(data, dict):
            target.mkdir()
            for fname, content in data.items():
                (target / fname).write_bytes(content)
        else:
            target.write_bytes(data)
        args = ["--db", str(db), "import", str(target)] + (["--format", fmt] if fmt else [])
        result = CliRunner().invoke(cli, args, catch_exceptions=True)
        named = target if not isinstance(data, dict) else target
        if result.exit_code == 1 and isinstance(data, dict):
            # an error inside a folder names the file in it
            line = result.output.strip()
            named = next((target / f for f in data if f in line), target)
        assert_clean(result, named, str(db), before)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ---- strategies ---------------------------------------------------------------------------------------
hostile_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40) | \
    st.sampled_from(['"})', "\\", "'; DROP", "MATCH (n) DETACH DELETE n", "\u202e", "<script>alert(1)</script>",
                     "\n", "", " ", "null", "None", "1e999", "-0", "\ufeff"])
json_scalar = st.none() | st.booleans() | st.integers(-2**70, 2**70) | \
    st.floats(allow_nan=False, allow_infinity=False) | hostile_text
json_value = st.recursive(json_scalar, lambda inner: st.lists(inner, max_size=4) |
                          st.dictionaries(hostile_text, inner, max_size=4), max_leaves=12)


def paths_of(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from paths_of(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from paths_of(v, prefix + (i,))


def replace_at(obj, path, value):
    if not path:
        return value
    obj = json.loads(json.dumps(obj))
    cur = obj
    for p in path[:-1]:
        cur = cur[p]
    if path[-1] == "__delete__":
        return obj
    cur[path[-1]] = value
    return obj


@st.composite
def mutated(draw, seed, n_max: int = 3):
    """``seed`` with up to ``n_max`` values swapped for random JSON (a string for a list, null ids…),
    or a key deleted."""
    obj = seed
    for _ in range(draw(st.integers(1, n_max))):
        paths = list(paths_of(obj))
        path = draw(st.sampled_from(paths))
        if path and draw(st.booleans()) and isinstance(obj, (dict, list)):
            parent = obj
            for p in path[:-1]:
                parent = parent[p]
            obj = json.loads(json.dumps(obj))
            parent = obj
            for p in path[:-1]:
                parent = parent[p]
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                del parent[path[-1]]
        else:
            obj = replace_at(obj, path, draw(json_value))
    return obj


@st.composite
def damaged(draw, data: bytes):
    """Bytes broken the way files arrive broken: truncated, re-encoded, with bytes flipped."""
    how = draw(st.sampled_from(["truncate", "utf16", "cp1252-as-utf8", "flip", "as-is"]))
    if how == "truncate":
        return data[:draw(st.integers(0, max(0, len(data) - 1)))]
    if how == "utf16":
        return data.decode("utf-8", "replace").encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32"])))
    if how == "cp1252-as-utf8":
        return data.decode("utf-8", "replace").encode("cp1252", "replace") + "Grüße €".encode("cp1252")
    if how == "flip":
        b = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            if b:
                b[draw(st.integers(0, len(b) - 1))] = draw(st.integers(1, 255))
        return bytes(b)
    return data


def dumps(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


# ---- the importers ------------------------------------------------------------------------------------
@SETTINGS
@given(st.data())
def test_json_node_link(data):
    small = {**GRAPH, "nodes": GRAPH["nodes"][:6], "edges": [e for e in GRAPH["edges"][:40]
                                                            if e["source"] in {n["id"] for n in GRAPH["nodes"][:6]}
                                                            and e["target"] in {n["id"] for n in GRAPH["nodes"][:6]}]}
    obj = data.draw(mutated(small))
    raw = data.draw(damaged(dumps(obj)))
    run_import(raw, "g.json", data.draw(st.sampled_from([None, "json"])))


@SETTINGS
@given(st.data())
def test_csv(data):
    header = data.draw(st.lists(st.sampled_from(["Name", "Organisation", "Funktion", "Seit", "Bis", "Art", "Termin",
                                                 "Datum", "Seite", "Leitung", "Dachorganisation", "Zitat", "x"])
                                | hostile_text, min_size=0, max_size=8))
    rows = data.draw(st.lists(st.lists(hostile_text, max_size=10), max_size=6))
    delim = data.draw(st.sampled_from([",", ";", "\t", "|"]))

    def cell(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if data.draw(st.booleans()) else c
    text = "\n".join(delim.join(cell(c) for c in row) for row in [header, *rows]) + "\n"
    raw = data.draw(damaged(text.encode("utf-8")))
    run_import(raw, "list.csv")


@settings(SETTINGS, max_examples=15)
@given(st.data())
def test_xlsx(data):
    import io

    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = openpyxl.Workbook()
    cells = st.none() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False) | \
        st.booleans() | st.dates() | hostile_text
    header = data.draw(st.lists(st.sampled_from(["Person", "Organization", "Role", "Date", "Event", "Since", "Kind",
                                                 "Side"]) | cells, max_size=7))
    try:
        book.active.append(header)
        for row in data.draw(st.lists(st.lists(cells, max_size=8), max_size=5)):
            book.active.append(row)
    except IllegalCharacterError:
        return
    buf = io.BytesIO()
    book.save(buf)
    raw = buf.getvalue()
    if data.draw(st.booleans()):
        raw = data.draw(damaged(raw))
    run_import(raw, "list.xlsx")


@SETTINGS
@given(st.data())
def test_press(data):
    ext = data.draw(st.sampled_from(sorted(PRESS)))
    words = st.sampled_from(["Bürgermeister", "Oberbürgermeisterin", "Dr.", "besuchte", "Stadtwerke", "GmbH",
                             "Hans", "Meier", "Anna", "Berg", "sagte", "„", "“", ".", ",", "<p>", "</p>", "<script>",
                             "<b>", "\n\n", "Foto:", "# ", "Landrat", "Delegation", "aus", "unter", "der", "Leitung",
                             "von", "am", "27.10.2025", "in"]) | hostile_text
    text = PRESS[ext]
    if data.draw(st.booleans()):
        text = " ".join(data.draw(st.lists(words, max_size=80)))
    elif data.draw(st.booleans()):
        pos = data.draw(st.integers(0, len(text)))
        text = text[:pos] + " ".join(data.draw(st.lists(words, max_size=30))) + text[pos:]
    raw = data.draw(damaged(text.encode("utf-8")))
    run_import(raw, "article" + ext, data.draw(st.sampled_from([None, "press"])))


@SETTINGS
@given(st.data())
def test_claims(data):
    lines = [dumps(c) for c in CLAIMS]
    k = data.draw(st.integers(0, len(lines) - 1))
    lines[k] = dumps(data.draw(mutated(CLAIMS[k])))
    if data.draw(st.booleans()):
        lines.insert(data.draw(st.integers(0, len(lines))), dumps(data.draw(json_value)))
    raw = data.draw(damaged(b"\n".join(lines) + b"\n"))
    run_import(raw, "review.jsonl", data.draw(st.sampled_from([None, "claims"])))


@SETTINGS
@given(st.data())
def test_ftm(data):
    lines = [line.encode("utf-8") for line in FTM_LINES]
    k = data.draw(st.integers(0, len(lines) - 1))
    lines[k] = dumps(data.draw(mutated(json.loads(FTM_LINES[k]))))
    raw = data.draw(damaged(b"\n".join(lines) + b"\n"))
    run_import(raw, "entities.ftm.json", "ftm")


@SETTINGS
@given(st.data())
def test_popolo(data):
    raw = data.draw(damaged(dumps(data.draw(mutated(POPOLO, 4)))))
    run_import(raw, "popolo.json", data.draw(st.sampled_from([None, "popolo"])))


@SETTINGS
@given(st.data())
def test_oparl_dump(data):
    files = {name: dumps(obj) for name, obj in OPARL.items()}
    name = data.draw(st.sampled_from(sorted(files)))
    files[name] = data.draw(damaged(dumps(data.draw(mutated(OPARL[name], 4)))))
    run_import(files, "dump", "oparl")


@settings(SETTINGS, max_examples=60)
@given(st.binary(min_size=1, max_size=2000).filter(lambda b: b"\x00" not in b),
       st.sampled_from(["x.json", "x.csv", "x.jsonl", "x.txt", "x.md", "x.html", "x.ftm", "x.tsv"]),
       st.sampled_from([None, "json", "table", "press", "claims", "oparl", "popolo", "ftm"]))
def test_random_bytes(raw, name, fmt):
    run_import(raw, name, fmt)


# ---- extremes, each format once -----------------------------------------------------------------------
def _case_id(value) -> str:
    return value if isinstance(value, str) else "-"


DEEP = b"[" * 100_000 + b"]" * 100_000
HUGE = "N" * (5 * 1024 * 1024)


@pytest.mark.parametrize("name,fmt,data", ids=_case_id, argvalues=[
    ("deep.json", None, b'{"nodes": ' + DEEP + b', "edges": []}'),
    ("deep-prop.json", None, b'{"nodes": [{"id": "person:d", "label": "Person", "name": "D", "x": ' + DEEP + b'}],'
                             b' "edges": []}'),
    ("deep.jsonl", "ftm", b'{"id": "p", "schema": "Person", "properties": {"name": ' + DEEP + b'}}\n'),
    ("deep-claims.jsonl", "claims", DEEP + b"\n"),
    ("deep-oparl.json", "oparl", b'{"id": "x", "type": "https://schema.oparl.org/1.1/Person", "name": ' + DEEP + b'}'),
    ("deep-popolo.json", "popolo", b'{"persons": [{"id": "p", "name": ' + DEEP + b'}]}'),
    ("deep.html", "press", b"<div>" * 100_000 + b"Hans Meier" + b"</div>" * 100_000),
    ("huge.json", None, dumps({"nodes": [{"id": "person:h", "label": "Person", "name": HUGE}], "edges": []})),
    ("huge.csv", None, f"Name,Organisation\n{HUGE},Stadt X\n".encode()),
    ("huge.jsonl", "ftm", dumps({"id": "h", "schema": "Person", "properties": {"name": [HUGE]}}) + b"\n"),
    ("huge.txt", "press", ("Bürgermeister Hans Meier besuchte " + HUGE + ".").encode()),
    ("huge-claims.jsonl", "claims", dumps({**CLAIMS[1], "fields": {"id": "person:h", "name": HUGE}}) + b"\n"),
    ("huge-popolo.json", "popolo", dumps({"persons": [{"id": "h", "name": HUGE}]})),
    ("missing-cols.csv", None, b"Name,Organisation,Funktion\nJo\nAnn,Stadt Y\n,,\n"),
    ("extra-cols.csv", None, b"Name,Organisation\nJo,Stadt Y,,,\n"),
    ("utf16.csv", None, "Name,Organisation\nJö,Stadt Y\n".encode("utf-16")),
    ("cp1252.json", None, '{"nodes": [{"id": "person:j", "label": "Person", "name": "Jürgen"}], "edges": []}'
     .encode("cp1252")),
    ("null-ids.jsonl", "ftm", b'{"id": null, "schema": "Person", "properties": {"name": ["X"]}}\n'),
    ("string-list.jsonl", "ftm", b'{"id": "m", "schema": "Membership", "properties": {"member": "per-1", '
                                 b'"organization": "org-1"}}\n'),
    ("popolo-wrong.json", "popolo", b'{"persons": [{"id": null, "name": ["a"]}, "str", 5], "memberships": '
                                    b'[{"person_id": "nope", "organization_id": null}], "organizations": "x"}'),
])
def test_extremes(name, fmt, data):
    run_import(data, name, fmt)


# ---- a few on the Bolt store --------------------------------------------------------------------------
@pytest.mark.bolt
@pytest.mark.parametrize("name,fmt,data", ids=_case_id, argvalues=[
    ("truncated.json", None, dumps(GRAPH)[:-30]),
    ("deep.json", None, b'{"nodes": ' + DEEP + b', "edges": []}'),
    ("dangling.ftm.json", "ftm", b'{"id": "m", "schema": "Membership", "properties": {"member": ["zz"], '
                                 b'"organization": "org-1"}}\n' + FTM_LINES[1].encode() + b"\n{bad\n"),
    ("binary.csv", None, b"Name,Organisation\n\x00\x01\x02\x00bin\n"),  # (UTF-16 is read: test_inputs.py)
    ("bad-row.csv", None, b"Name,Organisation,Seit\nJo,Stadt Y,2020\nAnn,Stadt Z,gestern\n"),
    ("popolo-wrong.json", "popolo", b'{"persons": "str", "memberships": [{"person_id": null}]}'),
])
def test_bolt_store_unchanged(bolt_server, monkeypatch, tmp_path, name, fmt, data):
    database = bolt_server.fresh_database()
    monkeypatch.setenv("NEO4J_USERNAME", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password)
    if database:
        monkeypatch.setenv("NEO4J_DATABASE", database)
    db = bolt_server.uri
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "import", str(EXAMPLE)]).exit_code == 0
    before = snapshot(db)
    bad = tmp_path / name
    bad.write_bytes(data)
    result = runner.invoke(cli, ["--db", db, "import", str(bad)] + (["--format", fmt] if fmt else []))
    assert_clean(result, bad, db, before)
    assert result.exit_code == 1, result.output
