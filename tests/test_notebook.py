"""``stakegraph.open``: rows as the CLI gives them, subgraphs that draw themselves (Jupyter's _repr_html_)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import stakegraph
from stakegraph.cli import cli
from stakegraph.graph.errors import InputError
from tests.browser import chromium, have_chromium, open_page


@pytest.fixture(scope="module")
def corpus(shared, tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("nb") / "c.db")
    assert CliRunner().invoke(cli, ["--db", db, "import", str(shared / "corpus" / "press")]).exit_code == 0
    return db


def _cli(db: str, *args: str):
    out = CliRunner().invoke(cli, ["--db", db, *args, "--format", "json", "--limit", "0"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def test_rows_are_the_cli_json_rows(corpus):
    with stakegraph.open(corpus) as g:
        assert g.met("Isabelle Hemsley") == _cli(corpus, "met", "Isabelle Hemsley")
        assert g.timeline("Isabelle Hemsley") == _cli(corpus, "timeline", "Isabelle Hemsley")
        assert g.partners(kind="utility") == _cli(corpus, "partners", "--kind", "utility")
        assert g.show("Isabelle Hemsley") == _cli(corpus, "show", "Isabelle Hemsley")
        assert g.search("hemsley")[0]["id"] == "person:isabelle-hemsley"
        hops = g.path("Isabelle Hemsley", "Stadtwerke Bochum")
        assert hops and hops[0]["nodes"][-1]["name"] == "Stadtwerke Bochum"
        table = g.met("Isabelle Hemsley")._repr_html_()
        assert table.startswith("<table>") and "Andreas Kunz" in table


def test_missing_store_file_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such store file"):
        stakegraph.open(str(tmp_path / "absent.db"))
    assert not (tmp_path / "absent.db").exists()


def test_hostile_text_stays_escaped_in_the_table(tmp_path):
    from stakegraph.web.notebook import Rows

    html = Rows([{"name": "<img src=x onerror=alert(1)>"}])._repr_html_()
    assert "<img" not in html and "&lt;img" in html


@pytest.mark.browser
@pytest.mark.skipif(not have_chromium(), reason="needs /usr/bin/chromium and playwright")
def test_subgraph_draws_inline_with_the_export_drawing(corpus, tmp_path):
    with stakegraph.open(corpus) as g:
        sub = g.around("Isabelle Hemsley", depth=2)
        assert sub.graph.has_node("person:isabelle-hemsley")
        cell = tmp_path / "cell.html"
        cell.write_text(f"<!DOCTYPE html><html><body>{sub._repr_html_()}</body></html>", encoding="utf-8")
        assert g.between("Isabelle Hemsley", "Stadtwerke Bochum").graph.has_node("organization:stadtwerke-bochum")
    with chromium() as b, open_page(b, cell, wait_ready=False) as (page, log):
        frame = page.frames[1]
        for _ in range(100):
            if frame.evaluate("!!(window.stakegraph && window.stakegraph.ready)"):
                break
            page.wait_for_timeout(100)
        names = frame.evaluate("stakegraph.data.info.map(i => i.name)")
        assert "Isabelle Hemsley" in names
        assert not log.errors and not log.blocked


def test_a_notebook_export_never_writes_over_the_store_or_an_imported_file(tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text("name,organization,role\nJana Ostrow,Stadt Westerau,Bürgermeisterin\n", encoding="utf-8")
    db = str(tmp_path / "g.db")
    assert CliRunner().invoke(cli, ["--db", db, "import", str(sheet)]).exit_code == 0
    before, store_bytes = sheet.read_bytes(), (tmp_path / "g.db").read_bytes()
    with stakegraph.open(db) as g:
        with pytest.raises(InputError, match="was imported into the store"):
            g.whole().export("json", sheet)
        with pytest.raises(InputError, match="is the store"):
            g.around("Jana Ostrow").export("json", db)
        assert g.whole().export("json", tmp_path / "out.json")
    assert sheet.read_bytes() == before and (tmp_path / "g.db").read_bytes() == store_bytes
