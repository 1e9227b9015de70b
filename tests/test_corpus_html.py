"""The shared corpus as a journalist would publish it: Isabelle Hemsley's neighbourhood as offline HTML."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from tests.browser import chromium, have_chromium, open_page

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not have_chromium(), reason="needs /usr/bin/chromium and playwright")]


def test_hemsley_neighbourhood_shows_visit_sides_and_utility_partnership(shared, tmp_path):
    db, out = str(tmp_path / "c.db"), tmp_path / "hemsley.html"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "import", str(shared / "corpus" / "press")]).exit_code == 0
    result = runner.invoke(cli, ["--db", db, "export", "html", "-o", str(out),
                                 "--around", "Isabelle Hemsley", "--depth", "4"])
    assert result.exit_code == 0, result.output
    with chromium() as browser, open_page(browser, out) as (page, log):
        names = page.evaluate("window.stakegraph.nodes.get().map(n => n.label)")
        assert {"Isabelle Hemsley", "Denes Kücük", "Sebastian Kopietz", "Stadtwerke Bochum",
                "Smart City Innovation Unit"} <= set(names)
        # both sides of the visit, as the edge tooltips say them
        sides = page.evaluate(
            "window.stakegraph.edges.get().map(e => window.stakegraph.tooltip('edge', e.id).textContent)"
            ".filter(t => t.includes('Besuch'))")
        text = " ".join(sides)
        assert "guest" in text and "host" in text
        partner = page.evaluate(
            "window.stakegraph.edges.get().map(e => window.stakegraph.tooltip('edge', e.id).textContent)"
            ".filter(t => t.includes('Stadtwerke Bochum') && t.includes('Smart City Innovation Unit'))")
        assert partner and "in enger Zusammenarbeit mit den Stadtwerken" in " ".join(partner)
        assert log.blocked == [] and log.errors == [] and log.dialogs == []
