"""HTML export: offline, escaped, legible; checked in headless Chromium with the network blocked."""

from __future__ import annotations

import html as html_mod
import json
import re

import pytest

from stakegraph.exports import ExportContext, export_graph
from stakegraph.exports.html import render, script_json
from stakegraph.graph.errors import InputError
from tests.browser import chromium, draw_time, have_chromium, open_page
from tests.export_graphs import HOSTILE_NAMES, big_graph, sample_graph

_needs_chromium = pytest.mark.skipif(not have_chromium(), reason="needs /usr/bin/chromium and playwright")


def browser(fn):
    """Mark a test as a headless-Chromium test (skipped where Chromium is absent)."""
    return pytest.mark.browser(_needs_chromium(fn))


def _ctx(**kw) -> ExportContext:
    base = dict(title="Visit <b>& \"friends\"</b>", store="sqlite:/data/x.db", created="2025-11-01 10:00 UTC")
    base.update(kw)
    return ExportContext(**base)


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="stakegraph-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_script_json_escapes_markup_and_line_separators():
    text = script_json({"a": "</script><!-- & \u2028\u2029 >"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_page_is_single_file_without_remote_references():
    page = render(sample_graph(), _ctx())
    assert page.count("</script>") == 3 and "<!--" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "sourceMappingURL" not in page
    assert "vis.js is dual licensed" in page  # licence notice of the inlined library is kept
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe" not in csp and "http" not in csp


def test_hostile_text_never_reaches_markup():
    page = render(sample_graph(), _ctx())
    body = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    for name in HOSTILE_NAMES:
        assert name not in body or not re.search("[<>&\"']", name)
    assert "<img src=x" not in page and "</script><script>window" not in page
    assert html_mod.escape('Visit <b>& "friends"</b>') in body
    data = _data(page)
    assert {i["name"] for i in data["info"]} >= set(HOSTILE_NAMES)  # still shown, as text


def test_limit_keeps_most_connected_and_says_how_many_were_cut():
    g = big_graph(400, seed=3)
    page = render(g, _ctx(omitted_nodes=5), limit=100)
    data = _data(page)
    assert len(data["nodes"]) == 100
    assert data["meta"]["omitted"] == 300 + 5
    assert "305 nodes left out" in page
    kept = {i["id"] for i in data["info"]}
    top = sorted(g.nodes, key=lambda n: (-g.degree[n], n))[:100]
    assert kept == set(top)
    assert all(0 <= e["from"] < 100 and 0 <= e["to"] < 100 for e in data["edges"])


def test_bad_limit_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        export_graph("html", sample_graph(), tmp_path / "x.html", _ctx(options={"limit": "many"}))


def test_large_graph_is_precomputed_and_static():
    g = big_graph(1000, seed=2)
    data = _data(render(g, _ctx()))
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > 990


@browser
def test_page_in_chromium_offline_safe_and_searchable(tmp_path):
    path = export_graph("html", sample_graph(), tmp_path / "sample.html", _ctx())[0]
    with chromium() as b, open_page(b, path) as (page, log):
        counts = page.evaluate("[stakegraph.nodes.length, stakegraph.edges.length,"
                               " Object.keys(stakegraph.network.body.nodes).length]")
        assert counts[0] == 16 and counts[1] == 18 - 1 and counts[2] >= 16  # Source nodes are not drawn
        # the hostile names are on the page as text and ran nothing
        page.hover("#graph")
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("window.__csp") is None, "CSP blocked something the page needed"
        assert not log.blocked and not log.dialogs and not log.errors
        # tooltip of the partnership: quotes, source titles, a safe link only for http(s)
        tip = page.evaluate("""() => { const e = stakegraph.data.edgeInfo.findIndex(x => x.caption.startsWith('partners'));
            const el = stakegraph.tooltip('edge', 'e' + e);
            return [el.textContent, [...el.querySelectorAll('a')].map(a => [a.href, a.rel])]; }""")
        assert '"hydrogen" <together>' in tip[0] and "Delegation visits <Stadtwerke>" in tip[0]
        assert "javascript link" in tip[0]
        assert tip[1] == [["https://example.org/press/1?a=1&b=2", "noopener noreferrer"]]
        visit = page.evaluate("stakegraph.tooltip('node', 'event:visit-2025-10-27').textContent")
        assert "2025-10-27" in visit and "delegation visited" in visit
        edge = page.evaluate("""() => stakegraph.data.edgeInfo.map((x, i) => stakegraph.tooltip('edge', 'e' + i).textContent)
                                 .filter(t => t.includes('attended')).join('\\n')""")
        assert "guest" in edge and "host" in edge and "Musterstadt" in edge
        # search: accent-insensitive, aliases too
        page.fill("#search", "denes kucuk")
        assert page.evaluate("stakegraph.selected()[0]") == "person:denes-kucuk"
        page.fill("#search", "I. Hemsley")
        assert page.evaluate("stakegraph.selected()[0]") == "person:isabelle-hemsley"
        assert "Isabelle Hemsley" in page.inner_text("#details")
        # legend and caption are visible text
        assert "Organization (utility)" in page.inner_text("#legend")
        assert "sqlite:/data/x.db" in page.inner_text("#caption")
        page.fill("#search", "")
        page.screenshot(path=str(tmp_path / "page.png"))
        shot = page.locator("#graph").screenshot(path=str(tmp_path / "graph.png"))
        assert page.evaluate("window.__pwned") is None and not log.dialogs
    from PIL import Image

    img = Image.open(tmp_path / "graph.png").convert("RGB")
    colours = img.getcolors(maxcolors=1 << 24) or []
    assert len(colours) > 50, "the canvas looks blank"
    assert shot


@browser
def test_5000_nodes_write_and_draw(tmp_path):
    """A 5000-node page is written and drawn whole (its speed is measured by benchmarks/run.py --only html)."""
    g = big_graph(5000, seed=1)
    path = export_graph("html", g, tmp_path / "big.html", _ctx())[0]
    with chromium() as b:
        draw_time(path, b)  # raises when the page blocks a request or logs an error
        with open_page(b, path) as (page, log):
            assert page.evaluate("stakegraph.nodes.length") == 5000
            assert not log.blocked


def _tiny(ids_names: list[tuple[str, str, str]], edges: list[tuple[str, str, str, str]]):
    import networkx as nx

    g = nx.MultiDiGraph()
    for node_id, label, name in ids_names:
        g.add_node(node_id, label=label, name=name, **({"kind": "company"} if label == "Organization" else {}))
    for i, (u, v, t, title) in enumerate(edges):
        g.add_edge(u, v, key=f"k{i}", type=t, title=title)
    return g


@browser
def test_ids_named_like_object_properties_still_draw(tmp_path):
    """D02: ids such as ``constructor`` or ``__proto__`` must not reach vis-network's plain-object lookups."""
    odd = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]
    g = _tiny([(i, "Person", f"Name {i}") for i in odd] + [("organization:o", "Organization", "Org")],
              [(i, "organization:o", "HOLDS_ROLE", "member") for i in odd])
    path = export_graph("html", g, tmp_path / "odd.html", _ctx())[0]
    with chromium() as b, open_page(b, path) as (page, log):
        assert not log.errors and not log.blocked
        assert page.evaluate("stakegraph.nodes.length") == 6
        assert "Name constructor" in page.evaluate("stakegraph.tooltip('node', 'constructor').textContent")
        assert "Name __proto__" in page.evaluate("stakegraph.tooltip('node', '__proto__').textContent")
        page.fill("#search", "name tostring")
        assert page.evaluate("stakegraph.selected()") == ["toString"]


@browser
def test_right_to_left_override_in_one_name_stays_inside_it(tmp_path):
    """D29: every name in a tooltip is bidi-isolated, so an unterminated U+202E cannot flip what follows."""
    g = _tiny([("person:a", "Person", "Ann \u202e"), ("organization:b", "Organization", "Beta Works")],
              [("person:a", "organization:b", "HOLDS_ROLE", "chair")])
    path = export_graph("html", g, tmp_path / "rtl.html", _ctx())[0]
    with chromium() as b, open_page(b, path) as (page, log):
        mixed = page.evaluate("""() => { const w = stakegraph.tooltip('edge', 'e0').querySelector('.what');
            return [w.querySelectorAll('bdi').length, Array.from(w.childNodes).some(n => n.nodeType === 3
              && n.textContent.includes('\\u202e') && n.textContent.includes('Beta'))]; }""")
        assert mixed == [2, False]
        assert not log.errors


@browser
def test_big_graph_hover_labels_grouping_and_search(tmp_path):
    g = big_graph(2500, seed=4)
    path = export_graph("html", g, tmp_path / "big.html", _ctx())[0]
    with chromium() as b, open_page(b, path) as (page, log):
        data = page.evaluate("[stakegraph.data.edgeLabels, stakegraph.edges.get().filter(e => e.label).length]")
        assert data == [False, 0]  # edge labels only on hover
        edge = page.evaluate("stakegraph.edges.get()[0].id")
        page.evaluate(f"() => {{ stakegraph.network.emit('hoverEdge', {{edge: '{edge}'}}); }}")
        assert page.evaluate(f"stakegraph.edges.get('{edge}').label").strip()
        before = page.evaluate("Object.keys(stakegraph.network.body.nodes).length")
        page.select_option("#group", "org")
        after = page.evaluate("stakegraph.network.body.nodeIndices.length")
        assert after < before - 150, (before, after)  # the synthetic graph has few people per organisation
        name = page.evaluate("stakegraph.data.info[5].name")
        page.fill("#search", name)
        assert page.evaluate("stakegraph.data.info[5].id") in page.evaluate("stakegraph.selected()")
        page.select_option("#group", "")
        assert page.evaluate("stakegraph.network.body.nodeIndices.length") == 2500
        assert not log.errors


def test_star_leaves_get_room_instead_of_piling_up():
    import math

    import networkx as nx

    from stakegraph.exports.layout import positions

    g = nx.MultiDiGraph()
    for hub, n in (("organization:a", 300), ("organization:b", 120), ("organization:c", 3)):
        g.add_node(hub, label="Organization", name=hub)
        for i in range(n):
            g.add_node(f"event:{hub}:{i}", label="Event", name=f"meeting {i}")
            g.add_edge(hub, f"event:{hub}:{i}", key="k", type="ATTENDED")
    g.add_edge("organization:a", "organization:b", key="p", type="PART_OF")
    g.add_edge("organization:c", "organization:b", key="p", type="PART_OF")
    pos = positions(g)
    assert pos == positions(g)  # deterministic
    pts = sorted(pos.values())
    closest = min(math.dist(p, q) for i, p in enumerate(pts) for q in pts[i + 1:i + 40])
    assert closest > 0.3, closest  # typical edge length is 1: no two nodes on one spot
