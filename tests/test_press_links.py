"""Press links between organisations (partnerships, memberships, ownership) and utilities: each phenomenon
on a short text of our own (real gazetteer places, made-up people and companies)."""

from __future__ import annotations

from pathlib import Path

from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records


def _read(tmp_path: Path, text: str) -> tuple[dict[str, Node], list[Rel]]:
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    recs = doc_records(path, ImportContext())
    return {r.id: r for r in recs if isinstance(r, Node)}, [r for r in recs if isinstance(r, Rel)]


def _utilities(nodes: dict[str, Node]) -> set[str]:
    return {n.name for n in nodes.values() if n.label == "Organization" and n.props.get("kind") == "utility"}


def _links(nodes: dict[str, Node], rels: list[Rel], *types: str) -> set[frozenset[str]]:
    types = types or ("PARTNERS_WITH", "MEMBER_OF")
    return {frozenset((nodes[r.source].name, nodes[r.target].name)) for r in rels if r.type in types}


def test_a_bare_stadtwerke_takes_the_dateline_town_and_a_utility_is_kept_unlinked(tmp_path: Path):
    text = ("Neuer Chef gesucht\n\nGöppingen. Der Aufsichtsrat der Stadtwerke trifft sich am Montag. "
            "Danach soll der Gemeinderat entscheiden.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Stadtwerke Göppingen"}


def test_utility_by_demonym_legal_form_and_two_towns(tmp_path: Path):
    text = ("Die Rosenheimer Stadtwerke bauen ein neues Netz. Die Stadtwerke Rosenheim GmbH investiert dafür "
            "zwei Millionen Euro. Auch die Stadtwerke Ludwigsburg-Kornwestheim sind dabei.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Stadtwerke Rosenheim", "Stadtwerke Ludwigsburg-Kornwestheim"}
    assert "Stadtwerke Rosenheim GmbH" in nodes["organization:stadtwerke-rosenheim"].props["aliases"]


def test_a_bare_head_refers_to_the_utility_the_story_names_in_full(tmp_path: Path):
    text = ("Besuch aus Polen\n\nDie Stadtwerke Dietzenbach zeigten den Gästen ihre Anlagen. Geschäftsführer der "
            "Stadtwerke ist Olaf Brenning. Auch die Städtischen Betriebe stellten sich vor.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Stadtwerke Dietzenbach", "Städtische Betriebe Dietzenbach"}


def test_a_bare_supply_word_is_no_utility_and_another_town_blocks_the_dateline(tmp_path: Path):
    text = ("Stuttgart - Die Netzfirma Kabelwerk AG kooperiert in Filderstadt mit örtlichen Stadtwerken. "
            "Die Wasserversorgung bleibt davon unberührt.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Stadtwerke Filderstadt"}
