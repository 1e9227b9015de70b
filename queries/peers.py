"""``peers PERSON``: people holding an equivalent role in other organizations, ranked by closeness.

Role keys come from HOLDS_ROLE ``role``, else ``role_key(title)`` (so "CDO" and "Chief Digital
Officer", "Oberbürgermeisterin" and "Lord Mayor" match). A peer holds a role with one of PERSON's
keys at an organization where PERSON holds none.

Score = 3 × shared events (both attended) + 2 × shared partners (organizations in both people's
circles: their role organizations, the bodies those are PART_OF, and what those partner with or are
members of) + (4 − hops) when the two are at most 3 hops apart. Ties: role, name, id.

Candidates come from the stores' ``role_holders`` primitive; closeness is one implementation over
``edges_touching``/``endpoints_touching``/``get_many``, which both stores answer from their indexes
for just these people.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..graph import schema
from ..graph.errors import InputError
from ..graph.records import Rel
from ..graph.roles import role_key, role_label
from ..graph.store import Store
from .common import cite, resolve_citations


def key_of(props: dict[str, Any]) -> str | None:
    """A HOLDS_ROLE's role key: its ``role``, else the key of its ``title``."""
    return props.get("role") or role_key(props.get("title"))


def _candidates(store: Store, keys: list[str]) -> list[Rel]:
    return [r for r in store.role_holders(keys) if key_of(r.props) in keys]


def _ball(store: Store, start: str, depth: int) -> dict[str, int]:
    """Hop distance from ``start`` to every node within ``depth`` hops."""
    dist, frontier = {start: 0}, [start]
    for d in range(1, depth + 1):
        nxt = []
        for source, target, _ in store.endpoints_touching(frontier):
            for e in (source, target):
                if e not in dist:
                    dist[e] = d
                    nxt.append(e)
        frontier = nxt
    return dist


def _circle(store: Store, orgs: set[str]) -> dict[str, set[str]]:
    """Per organization: itself, its parents (PART_OF), and their partners and networks."""
    parents: dict[str, set[str]] = defaultdict(set)
    for source, target, _ in store.endpoints_touching(orgs, [schema.PART_OF]):
        if source in orgs:
            parents[source].add(target)
    bodies = {o: {o} | parents[o] for o in orgs}
    linked: dict[str, set[str]] = defaultdict(set)
    for source, target, _ in store.endpoints_touching(set().union(*bodies.values()) if bodies else [],
                                                     [schema.PARTNERS_WITH, schema.MEMBER_OF]):
        linked[source].add(target)
        linked[target].add(source)
    return {o: b.union(*(linked[x] for x in b)) for o, b in bodies.items()}


def peers(store: Store, entity: str, limit: int | None = None) -> list[dict[str, Any]]:
    """People with a role equivalent to one of ENTITY's in another organization, closest first."""
    node = store.resolve(entity)
    if node.label != schema.PERSON:
        raise InputError(f"peers works on persons; {node.name} is an {node.label}")
    mine = store.edges_touching([node.id], [schema.HOLDS_ROLE, schema.ATTENDED])
    my_roles = [r for r in mine if r.type == schema.HOLDS_ROLE and r.source == node.id and key_of(r.props)]
    if not my_roles:
        return []
    my_orgs = {r.target for r in my_roles}
    keys = sorted({k for r in my_roles if (k := key_of(r.props))})
    found = [r for r in _candidates(store, keys) if r.source != node.id and r.target not in my_orgs]
    if not found:
        return []
    peer_ids = sorted({r.source for r in found})
    theirs = store.endpoints_touching(peer_ids)  # a common role has 10,000s of holders: no properties
    events: dict[str, set[str]] = defaultdict(set)
    roles_at: dict[str, set[str]] = defaultdict(set)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for source, target, rel_type in [(r.source, r.target, r.type) for r in mine] + theirs:
        if rel_type == schema.ATTENDED:
            events[source].add(target)
        elif rel_type == schema.HOLDS_ROLE:
            roles_at[source].add(target)
        neighbours[source].add(target)
        neighbours[target].add(source)
    circles = _circle(store, set().union(*roles_at.values()) | my_orgs)
    circle = {p: set().union(*(circles[o] for o in roles_at[p])) if roles_at[p] else set()
              for p in [node.id, *peer_ids]}
    near = _ball(store, node.id, 2)
    names = store.get_many({i for p in peer_ids for i in (events[p] & events[node.id]) | (circle[p] & circle[node.id])}
                           | {r.target for r in found + my_roles} | set(peer_ids))
    rows: list[dict[str, Any]] = []
    for r in found:
        q, key = r.source, key_of(r.props)
        shared_ev = sorted(events[q] & events[node.id])
        shared_pa = sorted(circle[q] & circle[node.id])
        hops = near.get(q) or (3 if any(near.get(x) == 2 for x in neighbours[q]) else None)
        score = 3 * len(shared_ev) + 2 * len(shared_pa) + (4 - hops if hops else 0)
        me = next(x for x in sorted(my_roles, key=lambda x: (x.key or "", x.target)) if key_of(x.props) == key)
        ev_refs: list[dict[str, Any]] = [{"id": e, "name": names[e].name if e in names else e,
                    "date": names[e].props.get("date") if e in names else None} for e in shared_ev]
        pa_refs: list[dict[str, Any]] = [{"id": o, "name": names[o].name if o in names else o} for o in shared_pa]
        reason = [f"same role ({role_label(key)}: {me.props.get('title') or key} / {r.props.get('title') or key})"]
        if ev_refs:
            reason.append("met at " + ", ".join(f"{e['name']} ({e['date']})" if e["date"] else e["name"]
                                                 for e in ev_refs))
        if pa_refs:
            reason.append("shared partners: " + ", ".join(p["name"] for p in pa_refs))
        if hops:
            reason.append(f"{hops} hop(s) apart")
        rows.append({
            "peer": {"id": q, "name": names[q].name if q in names else q}, "role": key,
            "role_label": role_label(key), "title": r.props.get("title"),
            "organization": {"id": r.target, "name": names[r.target].name if r.target in names else r.target},
            "my_title": me.props.get("title"),
            "my_organization": {"id": me.target, "name": names[me.target].name if me.target in names else me.target},
            "since": r.props.get("since"), "until": r.props.get("until"),
            "score": score, "shared_events": ev_refs, "shared_partners": pa_refs, "hops": hops,
            "reason": "; ".join(reason), "sources": cite(r.props),
        })
    rows.sort(key=lambda x: (-x["score"], x["role"], x["peer"]["name"], x["peer"]["id"], x["organization"]["id"],
                             x["title"] or ""))
    return resolve_citations(store, rows[:limit] if limit else rows)
