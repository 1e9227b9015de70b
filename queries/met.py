"""``met ENTITY``: who (or which organizations) ENTITY met, derived from co-attendance of Events.

Per SCHEMA.md two persons met when they attended the same Event. An organization "attends" an
event when it has an ATTENDED relationship itself or a person attended ``acting_for`` it; two
organizations met when both attended the same event that way. One implementation over the
stores' attendance primitives (``attended_events``, ``acting_for_events``, ``attendance``,
``labels_names``), which each store answers from its indexes; the date window is applied here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..graph import schema
from ..graph.records import Node
from ..graph.store import Store
from .common import Citer, check_date, cited, overlaps, ref, resolve, source_nodes, unique


@dataclass(slots=True)
class Attendance:
    """One ATTENDED relationship with its event: who, as what label, with which properties."""

    event: dict[str, Any]
    who: str
    who_name: str
    who_label: str
    props: dict[str, Any]


def _attendance(store: Store, node: Node, since: str | None, until: str | None) -> list[Attendance]:
    """Every attendance of the events ``node`` took part in within the window (its own ATTENDED, and
    for an organization the events a person attended acting for it); a person meets persons only."""
    mine = store.attended_events(node.id)
    if node.label == schema.ORGANIZATION:
        mine = sorted(set(mine) | set(store.acting_for_events(node.id)))
    events = {i: n for i, n in store.get_many(mine).items()
              if n.label == schema.EVENT and overlaps(n.props.get("date"), n.props.get("end_date"), since, until)}
    if not events:
        return []
    rows = store.attendance(events)
    who = store.labels_names(unique(r[0] for r in rows))
    cols = {i: {"id": e.id, "name": e.name, **e.props} for i, e in events.items()}  # one dict per event, shared
    out = []
    person_only = node.label == schema.PERSON
    for source, target, props in rows:
        w = who.get(source)
        if w is None or (person_only and w[0] != schema.PERSON):
            continue
        out.append(Attendance(cols[target], source, w[1], w[0], props))
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
    atts = _attendance(store, node, since, until)
    acting = {str(a.props["acting_for"]) for a in atts if a.props.get("acting_for") is not None}
    names = {i: n.name for i, n in store.get_many(acting).items()} if acting else {}
    names.update({a.who: a.who_name for a in atts})
    build = _person_rows if node.label == schema.PERSON else _org_rows
    # Source nodes read once, per distinct source, and resolved while the rows are built
    found = source_nodes(store, [a.props for a in atts] + list({id(a.event): a.event for a in atts}.values()))
    rows = build(node, atts, other, names, found)
    rows.sort(key=lambda r: (r["date"] or "", r["event"]["id"], r["met"]["name"], r["met"]["id"]))
    return rows
