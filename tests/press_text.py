"""Helpers of the press fixture tests: import one text of our own and read what it yields."""

from __future__ import annotations

from pathlib import Path

from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records
from stakegraph.importers.press.extract import read_doc
from stakegraph.importers.press.rules import StoryExtractor


def read(tmp_path: Path, text: str) -> tuple[dict[str, Node], list[Rel]]:
    """The nodes (by id) and relationships the press importer yields for ``text``."""
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    recs = doc_records(path, ImportContext())
    return {r.id: r for r in recs if isinstance(r, Node)}, [r for r in recs if isinstance(r, Rel)]


def roles(tmp_path: Path, text: str) -> set[tuple[str, str]]:
    """(person, organization) names of the HOLDS_ROLE relationships of ``text``."""
    nodes, rels = read(tmp_path, text)
    return {(nodes[r.source].name, nodes[r.target].name) for r in rels if r.type == "HOLDS_ROLE"}


def utilities(nodes: dict[str, Node]) -> set[str]:
    """Names of the utilities among ``nodes``."""
    return {n.name for n in nodes.values() if n.label == "Organization" and n.props.get("kind") == "utility"}


def links(nodes: dict[str, Node], rels: list[Rel], *types: str) -> set[frozenset[str]]:
    """Unordered name pairs of the partnership/membership relationships (or of ``types``)."""
    types = types or ("PARTNERS_WITH", "MEMBER_OF")
    return {frozenset((nodes[r.source].name, nodes[r.target].name)) for r in rels if r.type in types}


def visits(nodes: dict[str, Node], rels: list[Rel]) -> list[dict]:
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


def pairs(nodes: dict[str, Node], rels: list[Rel]) -> set[tuple[str | None, str | None]]:
    """(guest, host) of each visit."""
    return {(v["guest"], v["host"]) for v in visits(nodes, rels)}


def story_city(tmp_path: Path, text: str) -> str | None:
    """The place the rules take as the story's own for ``text`` (its main story)."""
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_doc(path)
    ex = StoryExtractor(doc.main, doc.meta.published)
    ex.run()
    return ex.city
