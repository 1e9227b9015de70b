"""Helpers every query shares: entity refs, date rules and evidence (sources + quotes).

Date rule (one definition for every query and both stores): dates are ISO 8601 strings, possibly
reduced (``2025``, ``2025-10``, ``2025-10-27``), compared as strings. A reduced date stands for its
whole period, so ``x + "~"`` is the upper end of the period ``x`` (``"~"`` sorts after every digit
and ``-``). An event (``date`` … ``end_date``) matches ``--since S --until U`` when its period
overlaps ``[S, U]``: ``2025-10`` matches ``--since 2025-10-01``. A fact with ``since``/``until`` is
valid on day ``D`` when its period contains ``D``; an event counts as of ``D`` when it began on or
before ``D``. Undated events never match a date filter; undated facts are valid on every day.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ..graph import schema
from ..graph.dates import option_date
from ..graph.records import Node
from ..graph.store import Store

END = "~"  # appended to a (reduced) date: the end of its period

#: How each relationship type reads from either end (outgoing, incoming).
READS = {
    schema.HOLDS_ROLE: ("holds role at", "role held by"),
    schema.PART_OF: ("part of", "has unit"),
    schema.OWNS: ("owns", "owned by"),
    schema.PARTNERS_WITH: ("partners with", "partners with"),
    schema.MEMBER_OF: ("member of", "has member"),
    schema.ATTENDED: ("attended", "attended by"),
    schema.RELATED_TO: ("related to", "related to"),
}


def check_date(value: str | None, option: str) -> str | None:
    """Validate a (reduced) ISO date given by a user, calendar included (graph/dates.py); None passes."""
    return option_date(value, option)


def overlaps(date: str | None, end_date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an event dated ``date``…``end_date`` overlaps ``[since, until]`` (see module doc)."""
    if date is None:
        return since is None and until is None
    last = end_date or date
    return (since is None or last + END >= since) and (until is None or date <= until + END)


def valid_on(props: Mapping[str, Any], day: str | None) -> bool:
    """Whether a relationship with ``since``/``until``/``date`` holds on ``day`` (None: always)."""
    if day is None:
        return True
    since, until, date = props.get("since"), props.get("until"), props.get("date")
    return ((since is None or since <= day + END) and (until is None or until + END >= day)
            and (date is None or date <= day + END))


def node_valid_on(label: str | None, props: Mapping[str, Any], day: str | None) -> bool:
    """Whether a node exists as of ``day``: events only once they have begun."""
    if day is None or label != schema.EVENT:
        return True
    date = props.get("date")
    return date is None or date <= day + END


def ref(node_id: str | None, nodes: Mapping[str, Any]) -> dict[str, Any] | None:
    """``{"id", "name"}`` of an entity; ``nodes`` maps ids to Nodes or to names."""
    if not node_id:
        return None
    found = nodes.get(node_id)
    name = found.name if isinstance(found, Node) else (found or node_id)
    return {"id": node_id, "name": name}


def cite(*facts: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """The (source id, quote) pairs behind facts (relationship or node properties), first seen first."""
    out: dict[tuple[str, str], None] = {}  # insertion-ordered set: no list scan per pair
    for props in facts:
        if not props:
            continue
        sources = props.get("sources")
        if not sources:
            continue
        quotes = props.get("evidence") or ()
        n = len(quotes)
        for i, sid in enumerate(sources):
            out.setdefault((sid, (quotes[i] or "") if i < n else ""), None)
    return list(out)


def resolve_citations(store: Store, obj: Any) -> Any:
    """Replace every ``"sources"`` list of :func:`cite` pairs inside ``obj`` (rows, nested) by
    ``{"id", "title", "url", "quote"}`` objects, reading all cited Source nodes at once."""
    wanted: dict[str, None] = {}

    def collect(x: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "sources" and isinstance(v, list):
                    wanted.update((p[0], None) for p in v if isinstance(p, tuple))
                else:
                    collect(v)
        elif isinstance(x, list):
            for v in x:
                collect(v)

    collect(obj)
    found = store.get_many(wanted) if wanted else {}

    def fill(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: ([_source(p, found) for p in v] if k == "sources" and isinstance(v, list) else fill(v))
                    for k, v in x.items()}
        if isinstance(x, list):
            return [fill(v) for v in x]
        return x

    return fill(obj)


def source_nodes(store: Store, facts: Iterable[Mapping[str, Any] | None]) -> dict[str, Node]:
    """The Source nodes cited by ``facts`` (property maps), read at once: for :func:`cited`."""
    wanted: dict[str, None] = {}
    for props in facts:
        if props:
            wanted.update(dict.fromkeys(props.get("sources") or ()))
    return store.get_many(wanted) if wanted else {}


def cited(found: Mapping[str, Node], *facts: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """``resolve_citations`` of one ``cite(*facts)`` list, with the Source nodes already read
    (:func:`source_nodes`): rows built this way need no walk over the finished answer."""
    return [_source(p, found) for p in cite(*facts)]


class Citer:
    """:func:`cited` for many rows over the same fact maps: each map's citations are worked out
    once and their source objects shared between rows (a hub's ``met`` cites one attendance in
    hundreds of rows; the rows are answers, read and never changed)."""

    def __init__(self, found: Mapping[str, Node]):
        self.found = found
        # id -> (the map, kept alive so its id stays its own; its pairs; their source objects)
        self._memo: dict[int, tuple[Any, list[tuple[str, str]], list[dict[str, Any]]]] = {}

    def __call__(self, *facts: Mapping[str, Any] | None) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        memo = self._memo
        for props in facts:
            if not props:
                continue
            hit = memo.get(id(props))
            if hit is None or hit[0] is not props:
                pairs = cite(props)
                hit = memo[id(props)] = (props, pairs, [_source(p, self.found) for p in pairs])
            for pair, obj in zip(hit[1], hit[2], strict=False):
                if pair not in seen:
                    seen.add(pair)
                    out.append(obj)
        return out


def resolve(store: Store, text: str) -> Node:
    """The entity ``text`` names (``store.resolve``; kept as the queries' one entry point)."""
    return store.resolve(text)


def _source(pair: Any, found: Mapping[str, Node]) -> Any:
    if not isinstance(pair, tuple):
        return pair
    sid, quote = pair
    node = found.get(sid)
    return {"id": sid, "title": node.props.get("title", node.name) if node else sid,
            "url": node.props.get("url") if node else None, "quote": quote or None}


def quotes(row: Mapping[str, Any]) -> list[str]:
    """The quotes of a row's resolved sources (for table output)."""
    return [s["quote"] for s in row.get("sources") or [] if isinstance(s, dict) and s.get("quote")]


def unique(items: Iterable[Any]) -> list[Any]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))
