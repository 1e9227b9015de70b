"""Static PNG and SVG drawings for print (matplotlib, Agg backend), in the HTML export's colours."""

from __future__ import annotations

import unicodedata
import warnings
from pathlib import Path
from typing import Any

import networkx as nx

from . import layout, style
from .base import ExportContext, register
from .html import caption
from ..graph.errors import InputError

#: Nodes labelled at most (the most connected ones) so labels stay legible.
MAX_LABELS = 40
DEFAULT_LIMIT = 5000


def _text(value: object, limit: int = 32) -> str:
    """Label text that matplotlib draws literally (no mathtext from '$')."""
    text = "".join(ch for ch in str(value) if unicodedata.category(ch) != "Cc" or ch in "\n\t")
    return style.short(text, limit).replace("$", r"\$")


#: Where a label may go relative to its node (points): above, below, right, left.
_OFFSETS = ((0, 6, "center", "bottom"), (0, -6, "center", "top"), (7, 0, "left", "center"), (-7, 0, "right", "center"))


def place_labels(fig: Any, ax: Any, items: list[tuple[tuple[float, float], str]], most: int) -> list[Any]:
    """Label nodes in the order given, each above, below, right or left of its node where it overlaps
    no label already placed (else it is left out), at most ``most``; returns the labels placed.
    The figure's layout is fixed first, so the boxes measured are the boxes drawn."""
    with warnings.catch_warnings():  # a name in a script the font lacks is drawn as boxes
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
        renderer = fig.canvas.get_renderer()
        return _place(ax, items, most, renderer)


def _place(ax: Any, items: list[tuple[tuple[float, float], str]], most: int, renderer: Any) -> list[Any]:
    boxes: list[Any] = []
    placed: list[Any] = []
    for (x, y), text in items:
        if len(placed) >= most:
            break
        for dx, dy, ha, va in _OFFSETS:
            label = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                                fontsize=8, zorder=3,
                                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
            box = label.get_window_extent(renderer).expanded(1.04, 1.1)
            if not any(box.overlaps(b) for b in boxes):
                boxes.append(box)
                placed.append(label)
                break
            label.remove()
    return placed


def draw(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext, fmt: str) -> list[Path]:
    """Draw the graph to ``path`` as ``fmt`` (png or svg)."""
    try:
        import matplotlib

        matplotlib.use("Agg", force=True)
        import matplotlib.pyplot as plt
        from matplotlib.collections import LineCollection
        from matplotlib.lines import Line2D
    except ImportError:
        raise InputError("png/svg export needs matplotlib: pip install 'stakegraph[images]'") from None
    limit = layout.parse_limit(ctx.options.get("limit", DEFAULT_LIMIT))
    part = layout.drawable(graph, limit, ctx.omitted_nodes)
    g = part.graph
    pos = layout.positions(g)
    n = g.number_of_nodes()
    side = min(24.0, 8.0 + n ** 0.5 * 0.25)
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "stakegraph", "font.size": 9}):
        fig, ax = plt.subplots(figsize=(side, side * 0.75), layout="constrained")
        try:
            ax.set_axis_off()
            segments, colours = [], []
            for u, v, d in g.edges(data=True):
                segments.append((pos[u], pos[v]))
                colours.append(style.edge_color(str(d.get("type", ""))))
            ax.add_collection(LineCollection(segments, colors=colours, linewidths=0.8 if n < 300 else 0.3,
                                             alpha=0.8, zorder=1))
            degree = g.degree
            groups: dict[str, list] = {}
            for v in sorted(g.nodes, key=str):
                groups.setdefault(style.node_style(g.nodes[v]).group, []).append(v)
            size_scale = 40.0 if n < 300 else 12.0
            for members in groups.values():
                st = style.node_style(g.nodes[members[0]])
                ax.scatter([pos[v][0] for v in members], [pos[v][1] for v in members], c=st.color, marker=st.marker,
                           s=[size_scale * (1 + degree[v]) ** 0.6 for v in members], edgecolors="#333333",
                           linewidths=0.4, zorder=2)
            if segments or n:
                ax.autoscale_view()
            node_legend, edge_legend = style.legend([g.nodes[v] for v in g.nodes],
                                                    {str(d.get("type", "")) for _, _, d in g.edges(data=True)})
            handles = [Line2D([], [], marker=s.marker, linestyle="", markerfacecolor=s.color,
                              markeredgecolor="#333333", markersize=8, label=s.legend) for s in node_legend]
            handles += [Line2D([], [], color=c, linewidth=2, label=w) for w, c in edge_legend]
            if handles:
                ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9)
            ax.set_title(_text(ctx.title or "stakegraph", 120), fontsize=14, loc="left")
            text = caption(ctx, n, g.number_of_edges(), part.omitted_nodes, limit, len(part.sources))
            fig.text(0.01, 0.005, _text(text, 400), fontsize=8, color="#555555", ha="left", va="bottom")
            # in a big drawing a leaf's name is noise beside its hub's: only linking nodes are labelled
            ranked = [v for v in sorted(g.nodes, key=lambda v: (-degree[v], str(v)))
                      if n <= MAX_LABELS or degree[v] > 1][:MAX_LABELS * 3]
            placed = place_labels(fig, ax, [(pos[v], _text(g.nodes[v].get("name") or v)) for v in ranked], MAX_LABELS)
            if n > len(placed):
                fig.texts[-1].set_text(fig.texts[-1].get_text() + f" Labels on {len(placed)} of the most connected nodes.")
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            meta = {"Date": None} if fmt == "svg" else {"Software": "stakegraph"}
            with warnings.catch_warnings():  # a name in a script the font lacks is drawn as boxes
                warnings.filterwarnings("ignore", message="Glyph .* missing from font")
                fig.savefig(tmp, format=fmt, dpi=150, metadata=meta, facecolor="white")
            tmp.replace(path)
        finally:
            plt.close(fig)
    return [path]


@register("png")
def export_png(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write a PNG drawing (150 dpi) with legend and caption."""
    return draw(graph, path, ctx, "png")


@register("svg")
def export_svg(graph: nx.MultiDiGraph, path: Path, ctx: ExportContext) -> list[Path]:
    """Write an SVG drawing (text kept as text) with legend and caption."""
    return draw(graph, path, ctx, "svg")
