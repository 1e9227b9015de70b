"""Press role frames (person - organisation), each phenomenon on a short text of our own.

Places are real gazetteer places; persons and organisations are made up."""

from __future__ import annotations

from pathlib import Path

from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records


def _roles(tmp_path: Path, text: str) -> set[tuple[str, str]]:
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    recs = doc_records(path, ImportContext())
    nodes = {r.id: r for r in recs if isinstance(r, Node)}
    return {(nodes[r.source].name, nodes[r.target].name) for r in recs if isinstance(r, Rel) and r.type == "HOLDS_ROLE"}


def test_a_bare_chair_title_names_no_body_of_the_story(tmp_path: Path):
    # 'Präsidentin' alone says chair of something: neither the dateline city nor a side of the visit
    roles = _roles(tmp_path, "Kassel. Die Präsidentin Mira Falkenstein sprach am Montag vor Gästen.\n\n"
                             "Oberbürgermeister Anton Quast eröffnete die Messe in Kassel.\n")
    assert ("Anton Quast", "Stadt Kassel") in roles
    assert not any(p == "Mira Falkenstein" for p, _o in roles)


def test_a_bare_office_title_goes_to_the_dateline_city_not_the_visited_one(tmp_path: Path):
    # an outgoing visit: the press office's own mayor travels; the visited city is the host
    roles = _roles(tmp_path, "Neue Freundschaft\n\nKASSEL (pm). Bürgermeister Jonas Weidel hat eine positive Bilanz der Reise "
                             "gezogen. Eine Delegation aus Kassel besuchte vom 3. bis 5. Mai die Stadt Florenz.\n")
    assert ("Jonas Weidel", "Stadt Kassel") in roles
    assert ("Jonas Weidel", "Stadt Florenz") not in roles
