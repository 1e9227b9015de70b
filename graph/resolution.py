"""Entity resolution by hand: merge two nodes into one, or split facts of some sources off to a new node.

A merge is a judgement that lasts: the kept node lists the dropped ids in its ``merged_from``
property, and every later import sends records of a dropped id to the kept node (as
nomenklatura's resolver does). ``merge`` and ``split`` each write through
:meth:`Store.rewrite`, one transaction. Works through the Store interface only, so both stores
support it.
"""

from __future__ import annotations

from typing import Any

from .convert import rel_from_attrs
from .errors import InputError, NotFoundError, SchemaError
from .records import MERGED_FROM, Node, Rel, make_id, merge_props

def _a(label: str) -> str:
    """'a Person', 'an Organization', 'an Event'."""
    return f"{'an' if label[0] in 'AEIOU' else 'a'} {label}"


def _node(store: Any, node_id: str) -> Node:
    node = store.get(node_id)
    if node is None:
        raise NotFoundError(f"no entity with id {node_id!r}")
    return node


def _incident(store: Any, node_id: str) -> list[Rel]:
    g = store.neighborhood([node_id], depth=1)
    return [rel_from_attrs(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if node_id in (u, v)]


def merge_entities(store: Any, keep_id: str, drop_id: str) -> dict[str, Any]:
    """Move every relationship of ``drop_id`` to ``keep_id``, union aliases/sources/evidence, delete
    ``drop_id`` and record the judgement (``merged_from``) so later imports follow it."""
    if keep_id == drop_id:
        raise SchemaError("cannot merge an entity with itself")
    keep, drop = _node(store, keep_id), _node(store, drop_id)
    if keep.label != drop.label:
        raise SchemaError(f"cannot merge {_a(drop.label)} into {_a(keep.label)}")
    if keep.label == "Source":
        raise SchemaError("Sources are documents that facts cite; they are not merged")
    # lists are unioned; the kept node's values stand, the dropped node's fill what it lacks
    props = {**merge_props(drop.props, keep.props),
             **{k: v for k, v in keep.props.items() if not isinstance(v, list)}}
    props["aliases"] = sorted({*(keep.props.get("aliases") or []), drop.name, *(drop.props.get("aliases") or [])}
                              - {keep.name})
    props[MERGED_FROM] = sorted({*(keep.props.get(MERGED_FROM) or []), drop_id,
                                 *(drop.props.get(MERGED_FROM) or [])})
    if not props["aliases"]:
        del props["aliases"]
    records: list[Any] = [Node(keep.id, keep.label, keep.name, props)]
    moved = 0
    for rel in _incident(store, drop_id):
        src = keep_id if rel.source == drop_id else rel.source
        tgt = keep_id if rel.target == drop_id else rel.target
        if src == tgt:
            continue
        records.append(Rel(rel.type, src, tgt, rel.props, key=rel.key).validate())
        moved += 1
    deletes: list[str | Rel] = [drop_id]
    for rel in store.acting_for(drop_id):  # attendances on the dropped entity's behalf: replaced
        if drop_id not in (rel.source, rel.target):
            deletes.append(rel)
            records.append(Rel(rel.type, rel.source, rel.target, {**rel.props, "acting_for": keep_id}, key=rel.key))
    store.rewrite(deletes, records)
    return {"kept": keep_id, "dropped": drop_id, "relationships_moved": moved, "aliases": props.get("aliases", [])}


def split_entity(store: Any, node_id: str, new_name: str, source_ids: list[str],
                 new_id: str | None = None) -> dict[str, Any]:
    """Move the facts citing any of ``source_ids`` from ``node_id`` to a new node named ``new_name``.

    Every source given must be cited by the node or one of its relationships. The new node's id is
    ``new_id`` when given (it must be one merged into the node: ids from datasets, such as
    ``person:popolo:uk-commons:person/1``, are never made from a name), else made from the name. When
    the new id is one that was merged into the node, that merge judgement is withdrawn."""
    node = _node(store, node_id)
    if node.label == "Source":
        raise SchemaError("a Source is a document; split the entities its facts are about instead")
    wanted = set(source_ids)
    if new_id is not None and new_id not in (node.props.get(MERGED_FROM) or []):
        merged = ", ".join(node.props.get(MERGED_FROM) or []) or "none"
        raise InputError(f"--id {new_id}: not an id merged into {node_id} (merged into it: {merged})")
    new_id = new_id or make_id(node.label, new_name)
    if new_id == node_id or store.get(new_id) is not None:
        raise SchemaError(f"an entity {new_id!r} already exists; use merge instead")
    incident = _incident(store, node_id)
    cited = set(node.props.get("sources") or []).union(*(r.props.get("sources") or [] for r in incident))
    unknown = sorted(wanted - cited)
    if unknown:
        raise InputError(f"--source {', '.join(unknown)}: not cited by {node_id} or its relationships "
                         "(see `show` for the sources it has)")
    # the node's other values (given name, birth date, identifiers, …) are the kept entity's: the new
    # entity starts without them (its own come back with the next import of its sources)
    new_props = {k: v for k, v in node.props.items() if k == "extractor"}
    src, ev = node.props.get("sources") or [], node.props.get("evidence") or []
    pairs = list(zip(src, ev + [""] * (len(src) - len(ev)), strict=False))
    new_props["sources"] = [s for s, _ in pairs if s in wanted]
    new_props["evidence"] = [e for s, e in pairs if s in wanted]
    records: list[Any] = [Node(new_id, node.label, new_name, new_props)]
    keep_rels: list[Rel] = []
    moved = 0
    for rel in incident:
        rsrc = rel.props.get("sources") or []
        if not wanted.intersection(rsrc):
            keep_rels.append(rel)
            continue
        s = new_id if rel.source == node_id else rel.source
        t = new_id if rel.target == node_id else rel.target
        records.append(Rel(rel.type, s, t, rel.props, key=rel.key).validate())
        moved += 1
        if set(rsrc) - wanted:  # still cited by other sources: the old node keeps it too
            keep_rels.append(rel)
    left = [(s, e) for s, e in pairs if s not in wanted]
    old_props = dict(node.props, sources=[s for s, _ in left], evidence=[e for _, e in left])
    merged_from = node.props.get(MERGED_FROM) or []
    if new_id in merged_from:  # the split undoes that merge: judgement and alias withdrawn
        for key, gone in ((MERGED_FROM, new_id), ("aliases", new_name)):
            rest = [x for x in old_props.get(key) or [] if x != gone]
            if rest:
                old_props[key] = rest
            else:
                old_props.pop(key, None)
    # the old node is deleted and written again without the split-off sources, in one transaction
    store.rewrite([node_id], [Node(node.id, node.label, node.name, old_props), *records, *keep_rels])
    return {"node": node_id, "new": new_id, "relationships_moved": moved,
            "still_merged": [m for m in merged_from if m != new_id]}


def delete_entity(store: Any, node_id: str) -> int:
    """Delete a node and its relationships; return how many relationships went with it.

    A Source still cited by facts is refused (its facts would cite a document that is gone):
    delete or split off those facts first."""
    node = _node(store, node_id)
    if node.label == "Source":
        n = store.citations(node_id)
        if n:
            raise InputError(f"{node_id} is cited by {n} node(s) and relationship(s); deleting it would leave "
                             "them citing a missing source (delete those facts first)")
    return store.delete(node_id)
