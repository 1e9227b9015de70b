"""Interactive HTML export: one self-contained, offline file drawn with vis-network.

Data go into the page as JSON in a ``<script type="application/json">`` block with ``< > &`` and
line separators escaped; the page script puts every text into the DOM as text. A strict
Content-Security-Policy allows only the page's own inline scripts and style (by hash).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from . import layout, style
from ..graph.schema import EVENT, HOLDS_ROLE, MEMBER_OF, ORGANIZATION, PART_OF, PERSON
from .base import ExportContext, register

#: Default node cap of the drawing (the most connected nodes are kept; the page says how many were cut).
DEFAULT_LIMIT = 5000
#: Above this many edges, or where one node has more than ``CROWDED`` lines, an edge shows its
#: label only while hovered (and in its tooltip): labels around a hub are drawn over each other.
EDGE_LABEL_LIMIT = 60
CROWDED = 10
#: Above this many nodes the page draws node labels itself: best connected first, never overlapping.
LABEL_OVERLAY = 20
#: At most this many node labels at once in that case (more appear on zooming in).
LABEL_COUNT = 150
#: Pixels per layout unit (typical edge length).
_SCALE = 90.0

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, ``<!--`` or line separators)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def vis_network_js() -> str:
    """vis-network as pyvis bundles it (Apache-2.0/MIT; its licence header is kept when inlined)."""
    return (resources.files("pyvis") / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")


def _asset(name: str) -> str:
    return resources.files("stakegraph.exports").joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _props(attrs: dict[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k not in drop and v is not None and v != [] and v != ""}


def caption(ctx: ExportContext, nodes: int, edges: int, omitted: int, limit: int | None, sources: int) -> str:
    """Plain-text caption: what was exported, from which store, when, and what was left out."""
    parts = [f"{nodes} nodes and {edges} relationships"]
    if ctx.around:
        parts.append(f"around {', '.join(ctx.around)}" + (f" (depth {ctx.depth})" if ctx.depth is not None else ""))
    if ctx.store:
        parts.append(f"from {ctx.store}")
    text = " ".join(parts) + f", exported {ctx.created}."
    if sources:
        text += f" {sources} sources cited."
    if omitted:
        why = f" (limit {limit}: the most connected nodes are shown)" if limit else ""
        text += f" {omitted} nodes left out{why}."
    return text


def _vis_options(large: bool, edge_labels: bool, overlay: bool = False, top_degree: int = 100) -> dict[str, Any]:
    """vis-network options; with ``overlay`` it draws no node labels (the page does, see html_app.js).
    Node sizes grow with degree up to a maximum that grows with the top degree (vis-network scales
    between the smallest and largest value, so three nodes would otherwise be dots and a ball)."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": not large, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -4000, "springLength": 120, "avoidOverlap": 0.2},
                    "stabilization": {"enabled": True, "iterations": 150, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False, "keyboard": False},
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "system-ui, DejaVu Sans, sans-serif"},
                  "scaling": {"min": 8, "max": round(min(30.0, 9 + 2 * top_degree ** 0.5), 1),
                              "label": {"enabled": True, "min": 12, "max": 20, "drawThreshold": 1e6 if overlay else 7,
                                        "maxVisible": 30}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "width": 1.2,
                  "font": {"size": 11, "color": "#444", "strokeWidth": 3},
                  "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.2},
                  "selectionWidth": 2},
    }


def _groups(g: nx.MultiDiGraph, order: list) -> dict[Any, dict[str, Any]]:
    """For each node, the organisation it is most tied to and its place (for grouping in the page).

    A person goes with the best-connected organisation it holds a role at or is a member of, an
    organisation with itself (or the body it is part of when it has no people), an event with the
    organisation most of its attendees went with; the place is the node's own, else its organisation's."""
    degree = g.degree
    rank = {n: (-degree[n], str(n)) for n in order}
    org: dict[Any, Any] = {}
    for n in order:
        label = g.nodes[n].get("label")
        if label == ORGANIZATION:
            org[n] = n
        elif label == PERSON:
            orgs = [v for _, v, d in g.out_edges(n, data=True)
                    if d.get("type") in (HOLDS_ROLE, MEMBER_OF) and g.nodes[v].get("label") == ORGANIZATION]
            if orgs:
                org[n] = min(orgs, key=rank.__getitem__)
    for n in order:  # an event goes with the organisation most of its attendees went with
        if g.nodes[n].get("label") == EVENT:
            votes = Counter(org[u] for u, _ in g.in_edges(n) if u in org)
            if votes:
                org[n] = min(votes, key=lambda o: (-votes[o], rank[o]))
    members = Counter(org.values())
    for n in order:  # units with nobody and nothing of their own go with the body they belong to
        if g.nodes[n].get("label") == ORGANIZATION and members[n] <= 1:
            parents = [v for _, v, d in g.out_edges(n, data=True) if d.get("type") == PART_OF]
            if parents:
                org[n] = min(parents, key=rank.__getitem__)
    out = {}
    for n in order:
        place = g.nodes[n].get("place")
        if not isinstance(place, str) and n in org:
            place = g.nodes[org[n]].get("place")
        out[n] = {"org": org.get(n), "place": place if isinstance(place, str) and place else None}
    return out


def page_data(graph: nx.MultiDiGraph, ctx: ExportContext, limit: int | None) -> tuple[dict[str, Any], str]:
    """The JSON data the page draws, and its caption (nodes are drawn under their index, never their id)."""
    part = layout.drawable(graph, limit, ctx.omitted_nodes)
    g = part.graph
    order = sorted(g.nodes, key=str)
    at = {n: i for i, n in enumerate(order)}
    large = len(order) > layout.SMALL_GRAPH
    pos = layout.positions(g)
    degree = g.degree
    groups_of = _groups(g, order)
    nodes: list[dict[str, Any]] = []
    info: list[dict[str, Any]] = []
    groups: Counter[str] = Counter()
    for i, n in enumerate(order):
        attrs = g.nodes[n]
        st = style.node_style(attrs)
        groups[st.group] += 1
        x, y = pos[n]
        name = str(attrs.get("name") or n)
        label = style.short(name, 32)
        if attrs.get("label") == EVENT and attrs.get("date"):  # meetings are often named after their body
            label = f"{style.short(name, 24)} · {attrs['date']}"
        nodes.append({"id": i, "label": label, "shape": st.shape,
                      "color": {"background": st.color, "border": "#333333"},
                      "x": round(x * _SCALE, 1), "y": round(y * _SCALE, 1), "value": degree[n] + 1})
        what = attrs.get("label", "Node") + (f" · {attrs['kind']}" if attrs.get("kind") else "")
        grp = groups_of[n]
        info.append({"id": str(n), "name": name, "what": what, "props": _props(attrs, ("name", "label")),
                     "group": {"org": at.get(grp["org"]), "place": grp["place"]}})
    edge_labels = g.number_of_edges() <= EDGE_LABEL_LIMIT and max((d for _, d in degree), default=0) <= CROWDED
    edges: list[dict[str, Any]] = []
    edge_info: list[dict[str, Any]] = []
    types: Counter[str] = Counter()
    parallel: Counter[frozenset] = Counter()
    for i, (u, v, k, attrs) in enumerate(sorted(g.edges(keys=True, data=True),
                                                key=lambda e: (str(e[0]), str(e[1]), str(e[2])))):
        rel_type = str(attrs.get("type", ""))
        types[rel_type] += 1
        text = style.edge_caption(attrs)
        edge = {"id": f"e{i}", "from": at[u], "to": at[v], "color": {"color": style.edge_color(rel_type)}}
        if edge_labels:
            edge["label"] = style.short(text, 40)
        pair = parallel[frozenset((u, v))]
        parallel[frozenset((u, v))] += 1
        if pair and not large:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * pair}
        edges.append(edge)
        edge_info.append({"from": str(u), "to": str(v), "caption": text, "short": style.short(text, 40),
                          "key": str(k), "props": _props(attrs, ("type",))})
    node_legend, _ = style.legend([g.nodes[n] for n in order], set())
    sources = {str(s): _props(d, ("label",)) for s, d in part.sources.items()}
    legend = {
        "nodes": [{"legend": s.legend, "color": s.color, "shape": s.shape, "count": groups[s.group]}
                  for s in node_legend],
        "edges": [{"legend": style.edge_word(t), "color": style.edge_color(t), "count": c}
                  for t, c in sorted(types.items())],
    }
    text = caption(ctx, len(order), len(edges), part.omitted_nodes, limit, len(part.sources))
    data = {"nodes": nodes, "info": info, "edges": edges, "edgeInfo": edge_info, "sources": sources,
            "legend": legend, "options": _vis_options(large, edge_labels, len(order) > LABEL_OVERLAY,
                                                       max((d for _, d in degree), default=0)), "edgeLabels": edge_labels,
            "labelCount": LABEL_COUNT, "overlayLabels": len(order) > LABEL_OVERLAY, "meta": {"title": ctx.title, "caption": text, "omitted": part.omitted_nodes}}
    return data, text


def render(graph: nx.MultiDiGraph, ctx: ExportContext, limit: int | None = None) -> str:
    """The whole HTML page as a string."""
    data, text = page_data(graph, ctx, limit)
    vis_js = _SOURCE_MAP.sub("", vis_network_js())
    app_js, css = _asset("html_app.js"), _asset("html_style.css")
    csp = ("default-src 'none'; "
           f"script-src {_sha256(vis_js)} {_sha256(app_js)}; style-src {_sha256(css)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    values = {"csp": csp, "title": html.escape(ctx.title or "stakegraph"), "caption": html.escape(text),
              "css": css, "data": script_json(data), "vis": vis_js, "app": app_js}
    # one pass: inserted values are never scanned for placeholders again
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("html_template.html"))


@register("html")
def export_html(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write an interactive, self-contained HTML page (option ``limit``: most connected nodes kept)."""
    limit = layout.parse_limit(ctx.options.get("limit", DEFAULT_LIMIT))
    page = render(graph, ctx, limit)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    return [path]
