"""Press partnerships and memberships, session 8: each phenomenon on a short text of our own (real gazetteer
places, made-up people)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import links as _links, read as _read


def test_the_writers_own_possessive_makes_the_story_town_the_owner(tmp_path: Path):
    # 'unseres Partnerdorfes X' (a genitive twinning word): the writer's town is the owner, not a name before it
    text = "Lindau. Gekommen war auch Pierre Beispiel, Bürgermeister unseres Partnerdorfes Mey."
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Lindau", "Stadt Mey"}) in _links(nodes, rels)


def test_their_partner_town_belongs_to_where_the_group_comes_from(tmp_path: Path):
    # 'in ihrer Partnergemeinde X ist eine Gruppe aus Y': Y's partner, not the town of the story; 'X am Rhein' is one name
    text = "Kassel. Zu Besuch in ihrer Partnergemeinde Biebesheim am Rhein ist derzeit eine Gruppe aus dem italienischen Palo del Colle."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Stadt Biebesheim", "Stadt Palo del Colle"})}
    town = next(n for n in nodes.values() if n.name == "Stadt Biebesheim")
    assert "Stadt Biebesheim am Rhein" in (town.props.get("aliases") or [])
