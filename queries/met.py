"""``met ENTITY``: who (or which organizations) ENTITY met, derived from co-attendance of Events.

Per SCHEMA.md two persons met when they attended the same Event. An organization "attends" an
event when it has an ATTENDED relationship itself or a person attended ``acting_for`` it; two
organizations met when both attended the same event that way. Matching runs in Cypher on Neo4j and
over the embedded store's edge index otherwise; both return the same attendance records, which one
function turns into rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import orjson

from ..graph import schema
from ..graph.records import Node
from ..graph.store import Store
from .common import (
    CYPHER_EVENT_IN_RANGE, Citer, check_date, cited, is_neo4j, overlaps, ref, resolve, source_nodes, unique,
)


@dataclass(slots=True)
class Attendance:
    """One ATTENDED relationship with its event: who, as what label, with which properties."""

    event: dict[str, Any]
    who: str
    who_name: str
    who_label: str
    props: dict[str, Any]


# ---- Neo4j ------------------------------------------------------------------------------------
_PERSON_CYPHER = (
    "MATCH (p:Person {id: $id})-[:ATTENDED]->(e:Event) WHERE " + CYPHER_EVENT_IN_RANGE + " "
    "WITH DISTINCT e MATCH (e)<-[a:ATTENDED]-(q:Person) "
    "RETURN properties(e) AS event, q.id AS who, q.name AS name, 'Person' AS label, properties(a) AS props"
)
_ORG_EVENTS_CYPHER = (
    "MATCH (o:Organization {id: $id})-[:ATTENDED]->(e:Event) WHERE " + CYPHER_EVENT_IN_RANGE + " RETURN e.id AS e "
    "UNION MATCH (:Person)-[a:ATTENDED]->(e:Event) WHERE a.acting_for = $id AND " + CYPHER_EVENT_IN_RANGE +
    " RETURN e.id AS e"
)
_EVENT_ATTENDANCE_CYPHER = (
    "UNWIND $events AS eid MATCH (e:Event {id: eid})<-[a:ATTENDED]-(q) "
    "RETURN properties(e) AS event, q.id AS who, q.name AS name, labels(q) AS label, properties(a) AS props"
)


def _neo4j_attendance(store: Any, node: Node, since: str | None, until: str | None) -> list[Attendance]:
    params = {"id": node.id, "since": since, "until": until}
    if node.label == schema.PERSON:
        rows = store.run_read(_PERSON_CYPHER, **params)
    else:
        events = sorted({r["e"] for r in store.run_read(_ORG_EVENTS_CYPHER, **params)})
        rows = store.run_read(_EVENT_ATTENDANCE_CYPHER, events=events) if events else []
    out = []
    for r in rows:
        label = r["label"] if isinstance(r["label"], str) else next(
            (lb for lb in r["label"] if lb in schema.LABELS), "")
        event = {k: v for k, v in r["event"].items() if k != "search_key"}
        props = {k: v for k, v in r["props"].items() if k != "key"}
        out.append(Attendance(event, r["who"], r["name"], label, props))
    return out


# ---- embedded ---------------------------------------------------------------------------------
def _acting_for_events(store: Any, org_id: str) -> list[str]:
    """Events a person attended ``acting_for`` the organization (one indexed scan of ATTENDED rows)."""
    rows = store.conn.execute(
        "SELECT DISTINCT target FROM edges WHERE type = ? AND json_extract(props, '$.acting_for') = ?",
        (schema.ATTENDED, org_id))
    return [r[0] for r in rows]


def _embedded_attendance(store: Any, node: Node, since: str | None, until: str | None) -> list[Attendance]:
    mine = [r[0] for r in store.conn.execute("SELECT target FROM edges WHERE source = ? AND +type = ?",
                                             (node.id, schema.ATTENDED))]
    if node.label == schema.ORGANIZATION:
        mine += _acting_for_events(store, node.id)
    events = {i: n for i, n in store.get_many(unique(mine)).items()
              if n.label == schema.EVENT and overlaps(n.props.get("date"), n.props.get("end_date"), since, until)}
    if not events:
        return []
    rows = _attendance_rows(store, list(events))
    who = _labels_names(store, [r[0] for r in rows])
    cols = {i: {"id": e.id, "name": e.name, **e.props} for i, e in events.items()}  # one dict per event, shared
    out = []
    person_only = node.label == schema.PERSON
    loads = orjson.loads
    for source, target, props in rows:
        w = who.get(source)
        if w is None or (person_only and w[0] != schema.PERSON):
            continue
        out.append(Attendance(cols[target], source, w[1], w[0], loads(props)))
    return out


def _attendance_rows(store: Any, events: list[str]) -> list[tuple[str, str, str]]:
    """``(attendee, event, props JSON)`` of every ATTENDED relationship into ``events``: one indexed
    read by target (ATTENDED always points at the event), no Rel objects for a hub's 70k rows."""
    out: list[tuple[str, str, str]] = []
    for i in range(0, len(events), 900):
        chunk = events[i:i + 900]
        q = ("SELECT source, target, props FROM edges WHERE target IN (%s) AND +type = ? ORDER BY target, source, key"
             % ",".join("?" * len(chunk)))
        out.extend(store.conn.execute(q, chunk + [schema.ATTENDED]))
    return out


def _labels_names(store: Any, ids: list[str]) -> dict[str, tuple[str, str]]:
    """``id -> (label, name)`` of nodes, without decoding their properties (a hub meets 50k people)."""
    out: dict[str, tuple[str, str]] = {}
    wanted = unique(ids)
    for i in range(0, len(wanted), 900):
        chunk = wanted[i:i + 900]
        q = "SELECT id, label, name FROM nodes WHERE id IN (%s)" % ",".join("?" * len(chunk))
        out.update((r[0], (r[1], r[2])) for r in store.conn.execute(q, chunk))
    return out


# ---- rows -------------------------------------------------------------------------------------
def _event_cols(e: dict[str, Any]) -> dict[str, Any]:
    return {"event": {"id": e["id"], "name": e.get("name", e["id"])}, "date": e.get("date"),
            "end_date": e.get("end_date"), "place": e.get("place"), "event_kind": e.get("kind")}


def _relation(side: str | None, other_side: str | None) -> str:
    if side and other_side and side == other_side and side != "participant":
        return "together"  # same side of a visit: travelled or hosted together
    if side and other_side and side != other_side:
        return "other side"
    return "participants"


def _by_event(atts: list[Attendance]) -> dict[str, list[Attendance]]:
    """Attendances grouped by event id, in first-seen order."""
    by_event: dict[str, list[Attendance]] = defaultdict(list)
    for a in atts:
        by_event[a.event["id"]].append(a)
    return by_event


def _person_rows(node: Node, atts: list[Attendance], other: str | None, names: dict[str, str],
                 found: dict[str, Node]) -> list[dict]:
    by_event = _by_event(atts)
    cite_row = Citer(found)
    rows = []
    for _eid, group in by_event.items():
        for me in (a for a in group if a.who == node.id):
            mp = me.props
            my_side = mp.get("side")
            base = {  # the columns every row of this attendance shares, built once
                **_event_cols(me.event),
                "person": {"id": node.id, "name": node.name}, "side": my_side,
                "acting_for": ref(mp.get("acting_for"), names), "role_at_event": mp.get("role_at_event"),
                "lead": bool(mp.get("lead")),
            }
            for them in group:
                if them.who == node.id or (other and them.who != other):
                    continue
                tp = them.props
                row = base.copy()
                row["met"] = {"id": them.who, "name": them.who_name}
                row["met_side"] = tp.get("side")
                row["met_acting_for"] = ref(tp.get("acting_for"), names)
                row["met_role_at_event"] = tp.get("role_at_event")
                row["met_lead"] = bool(tp.get("lead"))
                row["relation"] = _relation(my_side, tp.get("side"))
                row["sources"] = cite_row(tp, mp, me.event)  # the other side's fact first
                rows.append(row)
    return rows


def _org_presence(group: list[Attendance], names: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Per organization at one event: its sides, the persons acting for it, and the facts behind it."""
    out: dict[str, dict[str, Any]] = {}
    for a in sorted(group, key=lambda a: a.who):
        org = a.who if a.who_label == schema.ORGANIZATION else a.props.get("acting_for")
        if not org:
            continue
        p = out.setdefault(org, {"sides": [], "via": [], "facts": []})
        if a.props.get("side") and a.props["side"] not in p["sides"]:
            p["sides"].append(a.props["side"])
        if a.who_label == schema.PERSON:
            p["via"].append({"id": a.who, "name": a.who_name})
        p["facts"].append(a.props)
    return out


def _org_rows(node: Node, atts: list[Attendance], other: str | None, names: dict[str, str],
             found: dict[str, Node]) -> list[dict]:
    by_event = _by_event(atts)
    rows = []
    for _eid, group in by_event.items():
        presence = _org_presence(group, names)
        mine = presence.get(node.id)
        if mine is None:
            continue
        for org, theirs in presence.items():
            if org == node.id or (other and org != other):
                continue
            side, other_side = "/".join(sorted(mine["sides"])), "/".join(sorted(theirs["sides"]))
            rows.append({
                **_event_cols(group[0].event),
                "organization": {"id": node.id, "name": node.name}, "side": side or None, "via": mine["via"],
                "met": ref(org, names), "met_side": other_side or None, "met_via": theirs["via"],
                "relation": _relation(side, other_side),
                "sources": cited(found, *theirs["facts"], *mine["facts"], group[0].event),
            })
    return rows


def met(store: Store, entity: str, with_: str | None = None, since: str | None = None,
        until: str | None = None) -> list[dict[str, Any]]:
    """People (for a person) or organizations (for an organization) ENTITY met at events, with the
    event, date, place, each side, whom each acted for, and the sources; sorted by date, then names."""
    since, until = check_date(since, "--since"), check_date(until, "--until")
    node = resolve(store, entity)
    other = resolve(store, with_).id if with_ else None
    if node.label not in (schema.PERSON, schema.ORGANIZATION):
        from ..graph.errors import InputError

        raise InputError(f"met works on persons and organizations; {node.name} is an {node.label}")
    fetch = _neo4j_attendance if is_neo4j(store) else _embedded_attendance
    atts = fetch(store, node, since, until)
    acting = {a.props.get("acting_for") for a in atts} - {None}
    names = {i: n.name for i, n in store.get_many(acting).items()} if acting else {}
    names.update({a.who: a.who_name for a in atts})
    build = _person_rows if node.label == schema.PERSON else _org_rows
    # Source nodes read once, per distinct source, and resolved while the rows are built
    found = source_nodes(store, [a.props for a in atts] + list({id(a.event): a.event for a in atts}.values()))
    rows = build(node, atts, other, names, found)
    rows.sort(key=lambda r: (r["date"] or "", r["event"]["id"], r["met"]["name"], r["met"]["id"]))
    return rows
