"""``source ID``: every fact taken from one source document, with the quote it gave.

Facts point to their Source by id (the Source node is linked to nothing): the store's ``cited_by``
primitive finds them (a scan inside the database, not in Python).
"""

from __future__ import annotations

from typing import Any

from ..graph import schema
from ..graph.errors import NotFoundError
from ..graph.store import Store
from .common import READS


def _quote(props: dict[str, Any], source_id: str) -> str | None:
    sources, quotes = props.get("sources") or [], props.get("evidence") or []
    for i, sid in enumerate(sources):
        if sid == source_id and i < len(quotes) and quotes[i]:
            return str(quotes[i])
    return None


def source_facts(store: Store, source_id: str) -> dict[str, Any]:
    """``{"source": {...}, "entities": [...], "facts": [...]}`` for the Source ``source_id``: the
    entities it names and the relationships it gives, each with its quote from this source."""
    src = store.get(source_id)
    if src is None or src.label != schema.SOURCE:
        raise NotFoundError(f"no source with id {source_id!r}")
    cited, rels = store.cited_by(source_id)
    entities = [{"id": n.id, "name": n.name, "label": n.label, "kind": n.props.get("kind"),
                 "quote": _quote(n.props, source_id)} for n in cited if n.label != schema.SOURCE]
    names = store.get_many({i for r in rels for i in (r.source, r.target)} |
                           {r.props["acting_for"] for r in rels if isinstance(r.props.get("acting_for"), str)})
    facts: list[dict[str, Any]] = []
    for r in rels:
        def ref(i: str) -> dict[str, Any]:
            return {"id": i, "name": names[i].name if i in names else i}
        details = {k: v for k, v in r.props.items()
                   if k not in ("sources", "evidence", "key", "confidence", "extractor") and v not in (None, "", [])}
        if isinstance(details.get("acting_for"), str):
            details["acting_for"] = ref(details["acting_for"])
        facts.append({"type": r.type, "relation": READS.get(r.type, (r.type.lower(),))[0], "from": ref(r.source),
                      "to": ref(r.target), "details": details, "quote": _quote(r.props, source_id)})
    facts.sort(key=lambda f: (f["type"], f["from"]["name"], f["to"]["name"], f["from"]["id"], f["to"]["id"]))
    entities.sort(key=lambda e: (e["label"], e["name"], e["id"]))
    return {"source": {"id": src.id, "name": src.name, **src.props}, "entities": entities, "facts": facts}
