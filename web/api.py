"""The rows behind every page and JSON answer: the query functions the CLI calls, with its defaults.

``ROWS[command](store, params)`` gives exactly what ``stakegraph COMMAND --format json`` prints for
the same arguments (the CLI's row cap included), so the explorer and the terminal never disagree.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from ..graph.errors import InputError
from ..queries import brokers, met, neighbors, partners, path, peers, profile, search, sources, timeline

#: The CLI's default ``--limit`` of row-listing commands (``cli.DEFAULT_ROWS``).
DEFAULT_ROWS = 1000

Params = Mapping[str, Any]


def _int(params: Params, name: str, default: int | None, lo: int = 0, hi: int = 10_000_000) -> int | None:
    value = params.get(name)
    if value in (None, ""):
        return default
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a whole number, not {value!r}") from None
    if not lo <= n <= hi:
        raise InputError(f"{name} must be between {lo} and {hi}, not {n}")
    return n


def _text(params: Params, name: str, required: bool = False) -> str | None:
    value = params.get(name)
    value = value.strip() if isinstance(value, str) else None
    if required and not value:
        raise InputError(f"{name} is missing")
    return value or None


def _list(params: Params, name: str) -> list[str]:
    getlist = getattr(params, "getlist", None)
    values = getlist(name) if getlist else ([params[name]] if name in params else [])
    return [v.strip() for item in values for v in str(item).splitlines() if v.strip()]


def capped(rows: list[Any], limit: int | None) -> list[Any]:
    """The first ``limit`` rows (0/None: all), as the CLI cuts them."""
    return rows[:limit] if limit else rows


def _show(store: Any, p: Params) -> dict[str, Any]:
    data = profile.profile(store, _text(p, "entity", True) or "")
    data["facts"] = capped(data["facts"], _int(p, "limit", DEFAULT_ROWS))
    return data


ROWS: dict[str, Callable[[Any, Params], Any]] = {
    "search": lambda s, p: search.search(s, _text(p, "text", True) or "", _int(p, "limit", 20, 1, 10_000) or 20),
    "show": _show,
    "met": lambda s, p: capped(met.met(s, _text(p, "entity", True) or "", _text(p, "with"), _text(p, "since"),
                                       _text(p, "until")), _int(p, "limit", DEFAULT_ROWS)),
    "partners": lambda s, p: capped(partners.partners(s, _text(p, "kind"), _text(p, "of"),
                                                      p.get("ownership") in ("1", "true", "on", True)),
                                    _int(p, "limit", DEFAULT_ROWS)),
    "path": lambda s, p: path.path(s, _text(p, "a", True) or "", _text(p, "b", True) or "",
                                   _int(p, "max_hops", 4, 1, 8) or 4, _int(p, "k", 3, 1, 100) or 3,
                                   _text(p, "as_of"), _list(p, "exclude")),
    "peers": lambda s, p: peers.peers(s, _text(p, "entity", True) or "", _int(p, "limit", None, 1, 10_000)),
    "timeline": lambda s, p: capped(timeline.timeline(s, _text(p, "entity", True) or ""),
                                    _int(p, "limit", DEFAULT_ROWS)),
    "neighbors": lambda s, p: neighbors.neighbors(s, _text(p, "entity", True) or "",
                                                  _int(p, "depth", 1, 0, 10) or 0, _list(p, "types") or None,
                                                  _int(p, "limit", DEFAULT_ROWS, 1)).rows,
    "brokers": lambda s, p: brokers.brokers(s, _int(p, "top", 10, 1, 10_000) or 10),
    "source": lambda s, p: sources.source_facts(s, _text(p, "id", True) or ""),
    "stats": lambda s, p: [{"kind": "node", "name": k, "count": v} for k, v in s.counts()["nodes"].items()]
    + [{"kind": "relationship", "name": k, "count": v} for k, v in s.counts()["relationships"].items()],
}
