"""``search TEXT``: entities whose name or alias matches, one row each (the CLI and the explorer)."""

from __future__ import annotations

from typing import Any

from ..graph.store import Store


def search(store: Store, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Rows ``{id, name, label, kind, place, aliases}`` of ``store.find(text, limit)``, best first."""
    return [{"id": n.id, "name": n.name, "label": n.label, "kind": n.props.get("kind"),
             "place": n.props.get("place"), "aliases": n.props.get("aliases") or []}
            for n in store.find(text, limit)]
