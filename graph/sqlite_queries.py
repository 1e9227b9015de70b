"""The query primitives of the embedded store (see :class:`~.store.Store`), in SQL over its indexes."""

from __future__ import annotations

import sqlite3
from typing import Any, Iterable

import orjson

from . import schema
from .records import Rel
from .sqlite_writer import CHUNK
from .store import chunks

_loads = orjson.loads


class SqliteQueries:
    """Mixin for :class:`~.sqlite_store.SqliteStore`: the read primitives the queries combine."""

    conn: sqlite3.Connection

    def attended_events(self, node_id: str) -> list[str]:
        rows = self.conn.execute("SELECT DISTINCT target FROM edges WHERE source = ? AND +type = ? ORDER BY target",
                                 (node_id, schema.ATTENDED))
        return [r[0] for r in rows]

    def acting_for_events(self, org_id: str) -> list[str]:
        # one scan of the ATTENDED rows (the type index), reading one JSON field of each
        rows = self.conn.execute(
            "SELECT DISTINCT target FROM edges WHERE type = ? AND json_extract(props, '$.acting_for') = ? "
            "ORDER BY target", (schema.ATTENDED, org_id))
        return [r[0] for r in rows]

    def attendance(self, event_ids: Iterable[str]) -> list[tuple[str, str, dict[str, Any]]]:
        out: list[tuple[str, str, str, str]] = []
        for chunk in chunks(sorted(set(event_ids)), CHUNK):
            q = ("SELECT source, target, key, props FROM edges WHERE target IN (%s) AND +type = ?"
                 % ",".join("?" * len(chunk)))
            out.extend(self.conn.execute(q, chunk + [schema.ATTENDED]))
        out.sort(key=lambda r: (r[1], r[0], r[2]))
        return [(s, t, _loads(p)) for s, t, _k, p in out]

    def labels_names(self, node_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for chunk in chunks(list(dict.fromkeys(node_ids)), CHUNK):
            q = "SELECT id, label, name FROM nodes WHERE id IN (%s)" % ",".join("?" * len(chunk))
            out.update((r[0], (r[1], r[2])) for r in self.conn.execute(q, chunk))
        return out

    def links(self, types: Iterable[str], kind: str | None = None) -> list[Rel]:
        type_list = [schema.check_type(t) for t in types]
        if not type_list:
            return []
        marks = ",".join("?" * len(type_list))
        q = f"SELECT source, target, key, type, props FROM edges WHERE type IN ({marks})"
        params: list[Any] = list(type_list)
        if kind is not None:
            kinds = "SELECT id FROM nodes WHERE label = ? AND json_extract(props, '$.kind') = ?"
            q += f" AND (source IN ({kinds}) OR target IN ({kinds}))"
            params += [schema.ORGANIZATION, kind, schema.ORGANIZATION, kind]
        rows = sorted(self.conn.execute(q, params), key=lambda r: (r[0], r[1], r[2]))
        return [Rel(r[3], r[0], r[1], _loads(r[4]), key=r[2]) for r in rows]

    def role_holders(self, keys: Iterable[str]) -> list[Rel]:
        key_list = sorted(set(keys))
        marks = ",".join("?" * len(key_list))
        where = f"json_extract(props, '$.role') IN ({marks}) OR " if key_list else ""
        rows = self.conn.execute(
            f"SELECT source, target, key, props FROM edges WHERE type = ? AND ({where}"
            "json_extract(props, '$.role') IS NULL) ORDER BY source, target, key", [schema.HOLDS_ROLE, *key_list])
        return [Rel(schema.HOLDS_ROLE, s, t, _loads(p), key=k) for s, t, k, p in rows]

    def endpoints(self, rel_type: str) -> list[tuple[str, str]]:
        rows = self.conn.execute("SELECT source, target FROM edges WHERE type = ? ORDER BY source, target, key",
                                 (schema.check_type(rel_type),))
        return [(r[0], r[1]) for r in rows]

