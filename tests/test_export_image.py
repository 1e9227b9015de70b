"""PNG and SVG drawings: written, non-blank, legend and caption as text, hostile names inert."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from stakegraph.exports import ExportContext, export_graph
from tests.export_graphs import big_graph, sample_graph

pytest.importorskip("matplotlib")


def test_png_is_a_non_blank_drawing(tmp_path):
    from PIL import Image

    path = export_graph("png", sample_graph(), tmp_path / "g.png", ExportContext(title="Sample $x$"))[0]
    img = Image.open(path).convert("RGB")
    assert img.width > 800 and len(img.getcolors(maxcolors=1 << 24)) > 50


def test_svg_keeps_text_escaped_and_has_legend(tmp_path):
    path = export_graph("svg", sample_graph(), tmp_path / "g.svg", ExportContext(title="<b>Visit</b>"))[0]
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # well-formed despite hostile names
    assert not root.findall(".//{http://www.w3.org/2000/svg}script")
    assert "<img" not in text and "&lt;img src=x" in text
    assert "Organization (utility)" in text and "holds role" in text and "16 nodes and 17 relationships" in text


def test_large_drawing_labels_only_the_hubs(tmp_path):
    path = export_graph("svg", big_graph(600, seed=4), tmp_path / "big.svg", ExportContext())[0]
    text = path.read_text(encoding="utf-8")
    import re

    shown = int(re.search(r"Labels on (\d+) of the most connected nodes", text).group(1))
    assert 10 <= shown <= 40 and text.count("Ñame") == shown


def test_labels_never_overlap(tmp_path):
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    from stakegraph.exports.image import place_labels

    fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
    try:
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        # a crowd: 60 labels on 12 points, many long
        items = [((1 + (i % 4) * 0.2, 5 + (i % 3) * 0.1), f"Organisation number {i} with a long name") for i in range(60)]
        placed = place_labels(fig, ax, items, 40)
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in placed]
        assert 1 <= len(placed) < 60
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    finally:
        plt.close(fig)
