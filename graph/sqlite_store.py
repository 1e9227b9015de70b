"""The embedded store: one SQLite file (WAL, one transaction per import), networkx for graph work."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Iterator

import orjson

from . import schema
from .errors import StoreError
from .records import MERGED_FROM, Node, Record, Rel, fold, merge_props
from .sqlite_writer import CHUNK, READ_CACHE, SqliteBulkWriter
from .sqlite_writer import chunks as _chunks
from .sqlite_writer import dumps_props as _dumps
from .sqlite_queries import SqliteQueries
from .store import Store, WriteStats

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_id ON names(id);
CREATE TABLE IF NOT EXISTS tokens (token TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (token, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tokens_id ON tokens(id);
CREATE TABLE IF NOT EXISTS edges (
    source TEXT NOT NULL, target TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, props TEXT NOT NULL,
    PRIMARY KEY (source, target, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_target ON edges(target);
CREATE TABLE IF NOT EXISTS merges (drop_id TEXT NOT NULL, keep_id TEXT NOT NULL, PRIMARY KEY (drop_id, keep_id)) WITHOUT ROWID;
"""
MAGIC = "stakegraph"


def _lock_timeout() -> float:
    try:
        return float(os.environ.get("STAKEGRAPH_LOCK_TIMEOUT", "120"))
    except ValueError:
        return 120.0


_loads = orjson.loads


def _merge_sql(old: str, new: str) -> str:
    return _dumps(merge_props(_loads(old), _loads(new)))


class SqliteStore(SqliteQueries, Store):
    """Graph in a local SQLite file: indexed node, edge and name tables, JSON properties."""

    kind = "embedded"

    def __init__(self, path: str | os.PathLike, timeout: float | None = None):
        self.path = Path(path)
        self.timeout = _lock_timeout() if timeout is None else timeout
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a stakegraph database file")
        if self.path.exists() and self.path.stat().st_size:
            with open(self.path, "rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{self.path}: not a stakegraph database (not an SQLite file)")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                                        check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = %d" % int(self.timeout * 1000))
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = OFF")
            self.conn.execute("PRAGMA cache_size = %d" % READ_CACHE)
            self.conn.create_function("sg_merge", 2, _merge_sql, deterministic=True)
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc.strerror or exc})") from None

    def _init_schema(self) -> None:
        row = None
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.OperationalError:
            pass
        if row is not None:
            if row[0] != MAGIC:
                raise StoreError(f"{self.path}: not a stakegraph database")
            return
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise StoreError(f"{self.path}: an SQLite file of another program, not a stakegraph database")
        self._begin()
        try:
            for stmt in DDL.strip().split(";"):
                if stmt.strip():
                    self.conn.execute(stmt)
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?), ('schema_version', ?)",
                              (MAGIC, str(schema.SCHEMA_VERSION)))
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    # ---- transactions ------------------------------------------------------------------------
    def _begin(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise StoreError(f"{self.path}: {exc}") from None
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{self.path}: database is locked by another writer for over {self.timeout:.0f} s "
                        "(set STAKEGRAPH_LOCK_TIMEOUT to wait longer)") from None
                time.sleep(0.05)

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def bulk(self) -> "SqliteBulkWriter":
        return SqliteBulkWriter(self)

    def delete(self, node_id: str) -> int:
        self._begin()
        try:
            cur = self.conn.execute("DELETE FROM edges WHERE source = ? OR target = ?", (node_id, node_id))
            n = cur.rowcount
            self.conn.execute("DELETE FROM nodes WHERE id = ?", (node_id,))
            self.conn.execute("DELETE FROM names WHERE id = ?", (node_id,))
            self.conn.execute("DELETE FROM tokens WHERE id = ?", (node_id,))
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return n

    def rewrite(self, deletes: Iterable[str | Rel], records: Iterable[Record]) -> WriteStats:
        writer = SqliteBulkWriter(self, deletes=list(deletes), redirect=False)
        with writer:
            writer.add_all(records)
        return writer.stats

    def redirects(self) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'merges'").fetchone() is None:
            return out
        rows = self.conn.execute("SELECT m.drop_id, n.id, n.name, n.props FROM merges m JOIN nodes n ON n.id = m.keep_id "
                                 "ORDER BY m.drop_id, n.id")
        for dropped, node_id, name, props in rows:
            if dropped in (_loads(props).get(MERGED_FROM) or []):  # a withdrawn judgement leaves a stale row
                out.setdefault(dropped, (node_id, name))
        return out

    def citations(self, source_id: str) -> int:
        needle = _dumps({"x": source_id})[5:-1]  # the id as JSON text, quotes included
        n = 0
        for table in ("nodes", "edges"):
            for (props,) in self.conn.execute(f"SELECT props FROM {table} WHERE instr(props, ?) > 0", (needle,)):
                n += source_id in (_loads(props).get("sources") or [])
        return n

    def acting_for(self, node_id: str) -> list[Rel]:
        needle = _dumps({"x": node_id})[5:-1]
        rows = self.conn.execute("SELECT source, target, key, type, props FROM edges WHERE instr(props, ?) > 0 "
                                 "ORDER BY source, target, key", (needle,))
        return [r for r in map(self._rel, rows) if r.props.get("acting_for") == node_id]

    # ---- reading ----------------------------------------------------------------------------
    @staticmethod
    def _node(row: tuple) -> Node:
        return Node(row[0], row[1], row[2], _loads(row[3]))

    @staticmethod
    def _rel(row: tuple) -> Rel:
        return Rel(row[3], row[0], row[1], _loads(row[4]), key=row[2])

    def get(self, node_id: str) -> Node | None:
        row = self.conn.execute("SELECT id, label, name, props FROM nodes WHERE id = ?", (node_id,)).fetchone()
        return self._node(row) if row else None

    def get_many(self, node_ids: Iterable[str]) -> dict[str, Node]:
        """Nodes by id (missing ids are absent from the result)."""
        out: dict[str, Node] = {}
        for chunk in _chunks(list(dict.fromkeys(node_ids))):
            q = "SELECT id, label, name, props FROM nodes WHERE id IN (%s)" % ",".join("?" * len(chunk))
            for row in self.conn.execute(q, chunk):
                out[row[0]] = self._node(row)
        return out

    def exact(self, text: str, limit: int = 50) -> list[str]:
        key = fold(text)
        if not key:
            return []
        return [r[0] for r in self.conn.execute("SELECT id FROM names WHERE key = ? ORDER BY id LIMIT ?",
                                                (key, limit))]

    def find(self, text: str, limit: int = 50) -> list[Node]:
        key = fold(text)
        if not key:
            return []
        ids = self.exact(text, limit)
        words = key.split()
        candidates: set[str] | None = None
        for word in sorted(words, key=len, reverse=True):
            rows = self.conn.execute(
                "SELECT DISTINCT id FROM tokens WHERE token >= ? AND token < ? LIMIT 100000",
                (word, word + "\uffff"))
            found = {r[0] for r in rows}
            candidates = found if candidates is None else candidates & found
            if not candidates:
                break
        rest = sorted((candidates or set()) - set(ids))
        nodes = self.get_many(ids + rest)
        ranked = [nodes[i] for i in ids if i in nodes]
        ranked += sorted((nodes[i] for i in rest if i in nodes), key=lambda n: (len(n.name), n.name, n.id))
        return ranked[:limit]

    def nodes(self, label: str | None = None) -> Iterator[Node]:
        if label:
            schema.check_label(label)
            cur = self.conn.execute("SELECT id, label, name, props FROM nodes WHERE label = ? ORDER BY id", (label,))
        else:
            cur = self.conn.execute("SELECT id, label, name, props FROM nodes ORDER BY id")
        for row in cur:
            yield self._node(row)

    def rels(self, rel_type: str | None = None) -> Iterator[Rel]:
        cols = "SELECT source, target, key, type, props FROM edges"
        if rel_type:
            schema.check_type(rel_type)
            cur = self.conn.execute(cols + " WHERE type = ? ORDER BY source, target, key", (rel_type,))
        else:
            cur = self.conn.execute(cols + " ORDER BY source, target, key")
        for row in cur:
            yield self._rel(row)

    def _touching(self, node_ids: Iterable[str], types: Iterable[str] | None, props: bool) -> dict[tuple, tuple]:
        """Edge rows with an endpoint among ``node_ids``, keyed by (source, target, key), once each."""
        type_list = [schema.check_type(t) for t in types] if types else []
        # '+type': filter rows found by endpoint, never let the planner walk all rows of a type
        type_sql = (" AND +type IN (%s)" % ",".join("?" * len(type_list))) if type_list else ""
        cols = "source, target, key, type, props" if props else "source, target, key, type"
        seen: dict[tuple, tuple] = {}
        ids = list(dict.fromkeys(node_ids))
        for chunk in _chunks(ids, CHUNK // 2):
            marks = ",".join("?" * len(chunk))
            for col in ("source", "target"):
                q = f"SELECT {cols} FROM edges WHERE {col} IN ({marks}){type_sql}"
                for row in self.conn.execute(q, chunk + type_list):
                    seen.setdefault((row[0], row[1], row[2]), row)
        return seen

    def edges_touching(self, node_ids: Iterable[str], types: Iterable[str] | None = None) -> list[Rel]:
        """Every relationship with an endpoint among ``node_ids`` (optionally of ``types``), sorted."""
        found = self._touching(node_ids, types, props=True)
        return [self._rel(found[k]) for k in sorted(found)]

    def endpoints_touching(self, node_ids: Iterable[str],
                           types: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
        """``(source, target, type)`` of :meth:`edges_touching`, without decoding any properties."""
        found = self._touching(node_ids, types, props=False)
        return [(r[0], r[1], r[3]) for r in (found[k] for k in sorted(found))]

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = dict.fromkeys(schema.LABELS, 0)
        nodes.update(dict(self.conn.execute("SELECT label, count(*) FROM nodes GROUP BY label").fetchall()))
        rels = dict.fromkeys(schema.REL_TYPES, 0)
        rels.update(dict(self.conn.execute("SELECT type, count(*) FROM edges GROUP BY type").fetchall()))
        return {"nodes": nodes, "relationships": rels}

    def describe(self) -> str:
        return f"embedded store {self.path.name}"

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
