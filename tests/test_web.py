"""``stakegraph serve``: the explorer on both stores, through a real server and headless Chromium.

The API must give the CLI's ``--format json`` rows; a reader goes search → entity → path → source;
hostile names stay text; no request leaves 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from stakegraph.graph.records import Node, Rel
from stakegraph.graph.store import open_store
from tests.bolt_server import free_port
from tests.browser import chromium, have_chromium, wait_js
from tests.export_graphs import HOSTILE_NAMES, sample_graph

_needs_chromium = pytest.mark.skipif(not have_chromium(), reason="needs /usr/bin/chromium and playwright")

@contextlib.contextmanager
def serving(store: Any) -> Iterator[str]:
    """The explorer over ``store`` on a free 127.0.0.1 port, in a thread; yields its base URL."""
    import uvicorn

    from stakegraph.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)

def get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _wait_answering(port: int) -> None:
    """Wait up to 10 s until a server on this machine's ``port`` answers /api/stats with 200."""
    for _ in range(100):
        try:
            assert get(f"http://127.0.0.1:{port}/api/stats")[0] == 200
            return
        except urllib.error.URLError:
            time.sleep(0.1)
    raise AssertionError("the server did not answer")


@pytest.fixture
def corpus_db(shared, db_arg) -> str:
    """The press corpus imported into a store of each kind; returns its ``--db``."""
    result = CliRunner().invoke(cli, ["--db", db_arg, "import", str(shared / "corpus" / "press")])
    assert result.exit_code == 0, result.output
    return db_arg

CASES = [
    ("search", ["Hemsley"], {"text": "Hemsley"}),
    ("show", ["Isabelle Hemsley"], {"entity": "Isabelle Hemsley"}),
    ("met", ["Isabelle Hemsley"], {"entity": "Isabelle Hemsley"}),
    ("met", ["Isabelle Hemsley", "--since", "2025-10-01", "--until", "2025-10-31"],
     {"entity": "Isabelle Hemsley", "since": "2025-10-01", "until": "2025-10-31"}),
    ("partners", [], {}),
    ("partners", ["--kind", "utility", "--ownership"], {"kind": "utility", "ownership": "1"}),
    ("path", ["Isabelle Hemsley", "Stadtwerke Bochum"], {"a": "Isabelle Hemsley", "b": "Stadtwerke Bochum"}),
    ("path", ["Isabelle Hemsley", "Stadtwerke Bochum", "--exclude", "Stadt Bochum", "--as-of", "2025-12-31"],
     {"a": "Isabelle Hemsley", "b": "Stadtwerke Bochum", "exclude": "Stadt Bochum", "as_of": "2025-12-31"}),
    ("peers", ["Isabelle Hemsley"], {"entity": "Isabelle Hemsley"}),
    ("timeline", ["Isabelle Hemsley"], {"entity": "Isabelle Hemsley"}),
    ("neighbors", ["Isabelle Hemsley", "--depth", "2"], {"entity": "Isabelle Hemsley", "depth": "2"}),
    ("brokers", [], {}),
]

def test_api_gives_the_cli_json_rows(corpus_db):
    runner = CliRunner()
    store = open_store(corpus_db)
    try:
        with serving(store) as base:
            for command, args, params in CASES:
                out = runner.invoke(cli, ["--db", corpus_db, command, *args, "--format", "json"])
                assert out.exit_code == 0, out.output
                status, body = get(f"{base}/api/{command}?{urllib.parse.urlencode(params)}")
                assert status == 200, body
                assert body == json.loads(out.stdout), command
            status, body = get(f"{base}/api/met?entity=Isabelle+Hemsley&since=soon")
            assert status == 400 and "--since" in body["error"]
            status, body = get(f"{base}/api/show?entity=nobody+at+all")
            assert status == 404 and "nobody at all" in body["error"]
    finally:
        store.close()

def _offline_page(browser: Any, base: str) -> tuple[Any, Any, dict[str, list[str]]]:
    """A page whose every request to anything but the explorer is aborted and recorded."""
    log: dict[str, list[str]] = {"blocked": [], "errors": [], "dialogs": [], "console": []}
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")

    def route(r: Any) -> None:
        if r.request.url.startswith(base + "/"):
            r.continue_()
        else:
            log["blocked"].append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
    page.on("console", lambda m: log["console"].append(m.text) if m.type == "error" else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', function (e) {"
        " (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI); });")
    return context, page, log

@pytest.mark.browser
@_needs_chromium
def test_reader_goes_search_entity_path_source(corpus_db, tmp_path):
    store = open_store(corpus_db)
    try:
        with serving(store) as base, chromium() as browser:
            context, page, log = _offline_page(browser, base)
            page.goto(base + "/")
            page.fill("#q", "hemsl")
            page.wait_for_selector("#suggest a")
            assert "Person" in page.inner_text("#suggest")
            page.click("#suggest a")
            page.wait_for_selector("#entity-name")
            assert page.inner_text("#entity-name") == "Isabelle Hemsley"
            body = page.inner_text(".page")
            assert "Stadträtin" in body and "Besuch Stadt Hanau bei Stadt Bochum" in body and "guest" in body
            wait_js(page, "window.stakegraph && window.stakegraph.ready === true")
            before = page.evaluate("stakegraph.nodes.length")
            # expand a neighbour: its own neighbours join the drawing
            page.evaluate("() => { const i = stakegraph.data.info.findIndex(x => x.id === 'organization:stadt-bochum');"
                          " stakegraph.onNodeClick('organization:stadt-bochum'); }")
            wait_js(page, "stakegraph.expanded === 1")
            assert page.evaluate("stakegraph.nodes.length") > before
            href = page.get_attribute("a.export[data-format=graphml]", "href")
            assert "ids=organization%3Astadt-bochum" in href or "around=" in href
            page.screenshot(path=str(tmp_path / "entity.png"))
            # path finder, from the entity page's link
            page.click("text=Path from here")
            page.fill("input[name=b]", "Stadtwerke Bochum")
            page.click("button[type=submit]")
            page.wait_for_selector("#path-1")
            hops = page.inner_text("#path-1")
            assert "Isabelle Hemsley" in hops and "Stadtwerke Bochum" in hops and "«" not in hops
            wait_js(page, "window.stakegraph && window.stakegraph.ready === true")
            assert page.evaluate("stakegraph.nodes.length") >= 3
            # evidence links to the source page, whose text marks the quote
            page.click("#path-1 .src a >> nth=0")
            page.wait_for_selector("#source-title")
            assert page.locator("#source-text mark").count() >= 1
            assert "facts and" in page.inner_text(".count")
            assert not log["blocked"] and not log["errors"] and not log["dialogs"], log
            assert page.evaluate("window.__csp") is None
            context.close()
    finally:
        store.close()

def _records(graph: Any) -> list[Any]:
    nodes = [Node(n, d["label"], d["name"], {k: v for k, v in d.items() if k not in ("label", "name")})
             for n, d in graph.nodes(data=True)]
    rels = [Rel(d["type"], u, v, {k: x for k, x in d.items() if k not in ("type", "key")})
            for u, v, d in graph.edges(data=True)]
    return [*nodes, *rels]

@pytest.mark.browser
@_needs_chromium
def test_hostile_names_are_inert_on_every_page(store):
    store.upsert(_records(sample_graph()))
    with serving(store) as base, chromium() as browser:
        context, page, log = _offline_page(browser, base)
        for i in range(len(HOSTILE_NAMES)):
            page.goto(f"{base}/entity?id=person:hostile-{i}")
            wait_js(page, "window.stakegraph && window.stakegraph.ready === true")
            page.hover("#graph")
        page.goto(base + "/")
        page.fill("#q", "alias")
        page.wait_for_selector("#suggest a")
        page.goto(f"{base}/search?text=alias")
        assert "HYPERLINK" in page.inner_text("#results")
        page.goto(f"{base}/partners?ownership=1")
        page.goto(f"{base}/source?id=source:evil")
        page.goto(f"{base}/path?a=person:hostile-0&b=person:hostile-1")
        page.wait_for_selector("#path-1")
        assert page.evaluate("window.__pwned") is None
        assert page.locator("a[href^='javascript']").count() == 0
        assert not log["blocked"] and not log["errors"] and not log["dialogs"], log
        context.close()

def test_serve_refuses_a_missing_store_file(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 1 and "no such store" in result.output
    assert not (tmp_path / "none.db").exists()

def test_requests_for_another_host_are_refused(tmp_path):
    from stakegraph.graph.sqlite_store import SqliteStore

    store = SqliteStore(tmp_path / "s.db")
    try:
        with serving(store) as base:
            req = urllib.request.Request(base + "/api/stats", headers={"Host": "attacker.example"})
            with pytest.raises(urllib.error.HTTPError) as exc:
                urllib.request.urlopen(req, timeout=10)
            assert exc.value.code == 400
            assert get(base + "/api/stats")[0] == 200
    finally:
        store.close()


def test_serve_command_binds_this_machine_and_says_so(tmp_path):
    import os
    import subprocess
    import sys

    from stakegraph.graph.sqlite_store import SqliteStore

    SqliteStore(tmp_path / "s.db").close()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "stakegraph", "--db", str(tmp_path / "s.db"), "serve",
                             "--port", str(port)], stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    try:
        line = proc.stderr.readline()
        assert f"http://127.0.0.1:{port}/" in line and "read-only" in line and "127.0.0.1 only" in line
        _wait_answering(port)
    finally:
        proc.terminate()
        proc.wait(10)


def test_serve_on_a_port_in_use_or_no_address_is_one_line(tmp_path):
    # before: the banner, then uvicorn's "ERROR:    [Errno 98] ..." and exit 3
    import socket

    from stakegraph.graph.sqlite_store import SqliteStore

    SqliteStore(tmp_path / "s.db").close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        for args, needle in ((["--port", str(port)], f"--host 127.0.0.1 --port {port}: cannot listen there"),
                             (["--host", "999.1.1.1"], "--host '999.1.1.1': not an address this machine can listen on"),
                             (["--host", ""], "--host '': give an address")):
            result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "serve", *args])
            line = result.output.strip()
            assert result.exit_code == 1 and len(line.splitlines()) == 1 and needle in line, line


def test_serve_on_port_0_announces_the_port_it_got(tmp_path):
    # before: "http://127.0.0.1:0/", a port no browser reaches
    import os
    import re
    import subprocess
    import sys

    from stakegraph.graph.sqlite_store import SqliteStore

    SqliteStore(tmp_path / "s.db").close()
    proc = subprocess.Popen([sys.executable, "-m", "stakegraph", "--db", str(tmp_path / "s.db"), "serve",
                             "--port", "0"], stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    try:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", proc.stderr.readline())
        assert found and found.group(1) != "0"
        _wait_answering(int(found.group(1)))
    finally:
        proc.terminate()
        proc.wait(10)


def test_export_of_a_view_opens_elsewhere(shared, tmp_path):
    import io
    import zipfile

    import networkx as nx

    db = str(tmp_path / "c.db")
    assert CliRunner().invoke(cli, ["--db", db, "import", str(shared / "corpus" / "press")]).exit_code == 0
    store = open_store(db)
    try:
        with serving(store) as base:
            def fetch(query: str) -> bytes:
                with urllib.request.urlopen(f"{base}/export?{query}", timeout=60) as r:
                    assert r.status == 200 and "attachment" in r.headers["Content-Disposition"]
                    return r.read()

            graphml = fetch("format=graphml&around=person%3Aisabelle-hemsley")
            (tmp_path / "v.graphml").write_bytes(graphml)
            g = nx.read_graphml(tmp_path / "v.graphml")
            assert "person:isabelle-hemsley" in g
            ids = "&".join(f"ids={urllib.parse.quote(i)}" for i in ("person:isabelle-hemsley", "organization:stadt-hanau"))
            names = zipfile.ZipFile(io.BytesIO(fetch("format=csv&" + ids))).namelist()
            assert any(n.endswith(".csv") for n in names)
            data = json.loads(fetch("format=json&" + ids))
            assert {n["id"] for n in data["nodes"]} >= {"person:isabelle-hemsley", "organization:stadt-hanau"}
            assert b"<html" in fetch("format=html&" + ids) and b"<gexf" in fetch("format=gexf&" + ids)
    finally:
        store.close()


@pytest.mark.smoke
def test_web_benchmark_quick_run_prints_its_figures():
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, str(root / "benchmarks" / "web_bench.py"), "--quick", "--pages", "10"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    figures = dict(re.findall(r"^([a-z0-9_]+): (\S+)$", proc.stdout, re.M))
    for name in ("web_store_rels", "web_entity_pages", "web_entity_p50_ms", "web_entity_p95_ms"):
        assert float(figures[name]) > 0, name


def test_source_text_only_from_the_file_the_facts_came_from(tmp_path):
    import hashlib

    from stakegraph.web.source_text import marked, read_text

    f = tmp_path / "a.txt"
    f.write_text("Die Stadt lud ein.\nAnna Beck, Leiterin des Amts,\nsprach.", encoding="utf-8")
    digest = hashlib.sha256(f.read_bytes()).hexdigest()
    assert read_text({"path": str(f), "sha256": digest}) is not None
    assert read_text({"path": str(f)}) is None  # no digest: not followed
    assert read_text({"path": "/etc/passwd", "sha256": digest}) is None
    f.write_text("changed", encoding="utf-8")
    assert read_text({"path": str(f), "sha256": digest}) is None
    segments, found = marked("Die Stadt lud ein.\nAnna Beck, Leiterin des Amts,\nsprach.",
                             ["Anna Beck, Leiterin des Amts, sprach.", "not there"])
    assert found == {0} and [p for p, i in segments if i == 0] == ["Anna Beck, Leiterin des Amts,\nsprach."]
