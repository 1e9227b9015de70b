"""Colours, shapes and captions shared by the HTML and image exports (one legend for both)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ..graph.schema import (
    ATTENDED, EVENT, HOLDS_ROLE, MEMBER_OF, ORGANIZATION, OWNS, PART_OF, PARTNERS_WITH, PERSON,
    RELATED_TO, SOURCE,
)


@dataclass(frozen=True)
class NodeStyle:
    """How one group of nodes looks: legend text, fill colour, vis-network shape, matplotlib marker."""

    group: str
    legend: str
    color: str
    shape: str
    marker: str


_SHAPES = {PERSON: ("dot", "o"), ORGANIZATION: ("square", "s"), EVENT: ("diamond", "D"), SOURCE: ("triangle", "^")}
_LABEL_COLORS = {PERSON: "#4e79a7", ORGANIZATION: "#59a14f", EVENT: "#f28e2b", SOURCE: "#9d9d9d"}

#: Organization colours by kind (colour-blind friendly where possible; related kinds in related hues).
ORG_KIND_COLORS: dict[str, str] = {
    "municipality": "#2e7d32", "unit": "#81c784", "utility": "#00897b", "company": "#8e6c8a",
    "university": "#3949ab", "research": "#7986cb", "chamber": "#a1887f", "association": "#edc948",
    "bank": "#6d4c41", "housing": "#ff9da7", "media": "#e15759", "government": "#1b5e20",
    "party": "#b07aa1", "program": "#76b7b2", "other": "#59a14f",
}

EDGE_COLORS: dict[str, str] = {
    HOLDS_ROLE: "#4e79a7", PART_OF: "#59a14f", OWNS: "#8e6c8a", PARTNERS_WITH: "#edc948",
    MEMBER_OF: "#76b7b2", ATTENDED: "#f28e2b", RELATED_TO: "#9d9d9d",
}

_EDGE_WORDS = {
    HOLDS_ROLE: "holds role", PART_OF: "part of", OWNS: "owns", PARTNERS_WITH: "partners with",
    MEMBER_OF: "member of", ATTENDED: "attended", RELATED_TO: "related to",
}


def node_style(attrs: Mapping[str, Any]) -> NodeStyle:
    """The style of a node from its label and, for organizations, its kind."""
    label = attrs.get("label") or "Node"
    shape, marker = _SHAPES.get(label, ("dot", "o"))
    color = _LABEL_COLORS.get(label, "#bab0ac")
    kind = attrs.get("kind")
    if label == ORGANIZATION and isinstance(kind, str) and kind in ORG_KIND_COLORS:
        return NodeStyle(f"{label}:{kind}", f"Organization ({kind})", ORG_KIND_COLORS[kind], shape, marker)
    return NodeStyle(label, {PERSON: "Person", EVENT: "Event (visit, meeting, session …)"}.get(label, label), color, shape, marker)


def edge_color(rel_type: str) -> str:
    """Line colour of a relationship type."""
    return EDGE_COLORS.get(rel_type, "#bab0ac")


def edge_word(rel_type: str) -> str:
    """Short readable name of a relationship type ("holds role")."""
    return _EDGE_WORDS.get(rel_type, str(rel_type).lower().replace("_", " "))


def edge_caption(attrs: Mapping[str, Any]) -> str:
    """Label drawn on an edge: the type in words, plus title, side or kind when the edge has one."""
    rel_type = str(attrs.get("type", ""))
    detail = attrs.get("title") or attrs.get("side") or attrs.get("topic") or attrs.get("label") or attrs.get("kind")
    word = edge_word(rel_type)
    return f"{word}: {detail}" if isinstance(detail, (str, int, float)) and detail != "" else word


def legend(node_attrs: list[Mapping[str, Any]], edge_types: set[str]) -> tuple[list[NodeStyle], list[tuple[str, str]]]:
    """Legend entries for the node groups and edge types present, in a stable order."""
    groups: dict[str, NodeStyle] = {}
    for attrs in node_attrs:
        style = node_style(attrs)
        groups.setdefault(style.group, style)
    order = {PERSON: 0, ORGANIZATION: 1, EVENT: 2, SOURCE: 3}
    nodes = sorted(groups.values(), key=lambda s: (order.get(s.group.split(":")[0], 9), s.group))
    edges = [(edge_word(t), edge_color(t)) for t in sorted(edge_types, key=lambda t: (t not in EDGE_COLORS, t))]
    return nodes, edges


def short(text: Any, limit: int = 40) -> str:
    """One-line display text, cut with an ellipsis."""
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"
