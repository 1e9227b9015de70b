"""Visit frames of the press importer (sides, several visits, leads, participants, dates) and the place scan
they rest on: each phenomenon on a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records
from stakegraph.importers.press.orgs import word_re
from stakegraph.importers.press.rules import StoryExtractor
from stakegraph.importers.press.text import Segment


def _read(tmp_path: Path, text: str) -> tuple[dict[str, Node], list[Rel]]:
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    recs = doc_records(path, ImportContext())
    return {r.id: r for r in recs if isinstance(r, Node)}, [r for r in recs if isinstance(r, Rel)]


def _visits(nodes: dict[str, Node], rels: list[Rel]) -> list[dict]:
    """Each visit: its sides' bodies, date, end date, lead and persons by side."""
    out = []
    for ev in (n for n in nodes.values() if n.label == "Event" and n.props.get("kind") == "visit"):
        att = [r for r in rels if r.type == "ATTENDED" and r.target == ev.id]
        orgs = {r.props.get("side"): nodes[r.source].name for r in att if nodes[r.source].label == "Organization"}
        people = {nodes[r.source].name: r.props.get("side") for r in att if nodes[r.source].label == "Person"}
        leads = {nodes[r.source].name for r in att if nodes[r.source].label == "Person" and r.props.get("lead")}
        out.append({"guest": orgs.get("guest"), "host": orgs.get("host"), "date": ev.props.get("date"),
                    "end": ev.props.get("end_date"), "lead": leads, "people": people})
    return out


def _pairs(nodes: dict[str, Node], rels: list[Rel]) -> set[tuple[str | None, str | None]]:
    return {(v["guest"], v["host"]) for v in _visits(nodes, rels)}


def test_one_scan_finds_what_a_search_per_place_finds():
    """Place mentions from one scan of the capitals equal one whole-word search per place: genitive 's',
    a place inside a longer one, hyphenated compounds, demonyms only with ``prefix``."""
    ex = StoryExtractor(Segment(["x"]))
    ex.places = {"Bad Homburg", "Homburg", "Aarau", "Kempten", "Au"}
    text = ("Bad Homburgs Gäste aus Aarau trafen in Kempten-Ost die Aarauer und Homburger; Au, Aus und "
            "Kemptens Rat. Homburg.")
    old = sorted((m.start(), m.end(), p) for p in ex.places for m in word_re(p, r"s?\b").finditer(text))
    assert sorted(ex._mentions(text)) == old
    old_prefix = sorted((m.start(), m.end(), p) for p in ex.places for m in word_re(p, "", r"\b").finditer(text))
    assert sorted(ex._mentions(text, prefix=True)) == old_prefix
