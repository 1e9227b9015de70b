"""The embedded store: one SQLite file (WAL, one transaction per import), networkx for graph work."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from stakegraph.graph import schema
from stakegraph.graph.errors import InputError, SchemaError, StoreError
from stakegraph.graph.records import Node, Record, Rel, fold, merge_node, merge_props, name_keys
from stakegraph.graph.store import BulkWriter, Store, WriteStats

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
"""
MAGIC = "stakegraph"
CHUNK = 900
#: (type, source label, target label) triples the schema allows, for a fast check per relationship.
_ALLOWED_ENDPOINTS = frozenset(
    (t, a, b) for t, (froms, tos) in schema.ENDPOINTS.items()
    for a in (froms or schema.LABELS) for b in (tos or schema.LABELS))  # ids per IN (...) list; well under SQLite's variable limit on every version


def _lock_timeout() -> float:
    try:
        return float(os.environ.get("STAKEGRAPH_LOCK_TIMEOUT", "120"))
    except ValueError:
        return 120.0


def _chunks(items: list, n: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _dumps(props: dict[str, Any]) -> str:
    return orjson.dumps(props, option=orjson.OPT_SORT_KEYS).decode()


_loads = orjson.loads


def _merge_sql(old: str, new: str) -> str:
    return _dumps(merge_props(_loads(old), _loads(new)))


class SqliteStore(Store):
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
            self.conn.execute("PRAGMA cache_size = -262144")  # 256 MiB: big imports stay in memory longer
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

    def edges_touching(self, node_ids: Iterable[str], types: Iterable[str] | None = None) -> list[Rel]:
        """Every relationship with an endpoint among ``node_ids`` (optionally of ``types``)."""
        type_list = [schema.check_type(t) for t in types] if types else []
        # '+type': filter rows found by endpoint, never let the planner walk all rows of a type
        type_sql = (" AND +type IN (%s)" % ",".join("?" * len(type_list))) if type_list else ""
        seen: dict[tuple, Rel] = {}
        ids = list(dict.fromkeys(node_ids))
        for chunk in _chunks(ids, CHUNK // 2):
            marks = ",".join("?" * len(chunk))
            for col in ("source", "target"):
                q = f"SELECT source, target, key, type, props FROM edges WHERE {col} IN ({marks}){type_sql}"
                for row in self.conn.execute(q, chunk + type_list):
                    if (row[0], row[1], row[2]) not in seen:
                        seen[(row[0], row[1], row[2])] = self._rel(row)
        return list(seen.values())


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


class SqliteBulkWriter(BulkWriter):
    """One import as one SQLite transaction: nodes and relationships in batches, all or nothing."""

    def __init__(self, store: SqliteStore):
        super().__init__()
        self.store = store
        self.conn = store.conn
        self.batch = store.batch_size
        self._nodes: dict[str, Node] = {}
        self._rels: list[tuple[Rel, str | None]] = []
        self._pending: list[tuple[Rel, str | None]] = []
        self._labels: dict[str, str] = {}  # ids written in this transaction -> label
        self._open = False
        self._edges_before = 0
        self._rels_written = 0

    def _ensure_open(self) -> None:
        if not self._open:
            self.store._begin()
            self._open = True
            self._edges_before = self.conn.execute("SELECT count(*) FROM edges").fetchone()[0]

    def add(self, record: Record) -> None:
        record.validate()
        if isinstance(record, Node):
            prev = self._nodes.get(record.id)
            self._nodes[record.id] = merge_node(prev, record) if prev else record
            if len(self._nodes) >= self.batch:
                self._flush_nodes()
        else:
            self._rels.append((record, self.origin))
            if len(self._rels) >= self.batch:
                self._flush_nodes()
                self._flush_rels(self._rels)
                self._rels = []

    def _flush_nodes(self) -> None:
        if not self._nodes:
            return
        self._ensure_open()
        batch = self._nodes
        self._nodes = {}
        existing = self.store.get_many(batch)
        rows, keys, toks = [], [], []
        for node_id, node in batch.items():
            old = existing.get(node_id)
            if old is not None:
                if old.label != node.label:
                    raise SchemaError(f"node {node_id} is a {old.label} in the store, not a {node.label}")
                node = merge_node(old, node)
                self.stats.nodes_updated += 1
            else:
                self.stats.nodes_created += 1
            self.stats.by_label[node.label] = self.stats.by_label.get(node.label, 0) + 1
            rows.append((node.id, node.label, node.name, _dumps(node.props)))
            self._labels[node.id] = node.label
            for k in name_keys(node.name, node.props.get("aliases") or []):
                keys.append((k, node.id))
                toks.extend((t, node.id) for t in set(k.split()))
        # sorted batches turn random B-tree inserts into mostly sequential ones
        rows.sort()
        keys.sort()
        toks.sort()
        self.conn.executemany("INSERT OR REPLACE INTO nodes (id, label, name, props) VALUES (?, ?, ?, ?)", rows)
        self.conn.executemany("INSERT OR IGNORE INTO names (key, id) VALUES (?, ?)", keys)
        self.conn.executemany("INSERT OR IGNORE INTO tokens (token, id) VALUES (?, ?)", toks)
        if self.progress:
            self.progress(len(rows))

    def _flush_rels(self, rels: list[tuple[Rel, str | None]], final: bool = False) -> None:
        if not rels:
            return
        self._ensure_open()
        labels = self._labels
        unknown = list({e for r, _ in rels for e in (r.source, r.target) if e not in labels})
        for chunk in _chunks(unknown):
            q = "SELECT id, label FROM nodes WHERE id IN (%s)" % ",".join("?" * len(chunk))
            labels.update(self.conn.execute(q, chunk).fetchall())
        rows = []
        allowed = _ALLOWED_ENDPOINTS
        by_type = self.stats.by_type
        for r, origin in rels:
            ls, lt = labels.get(r.source), labels.get(r.target)
            if ls is None or lt is None:
                if final:
                    missing = r.source if ls is None else r.target
                    where = f"{origin}: " if origin else ""
                    raise InputError(f"{where}{r.type} {r.source} -> {r.target} refers to unknown node {missing}")
                self._pending.append((r, origin))
                continue
            if (r.type, ls, lt) not in allowed:
                try:
                    schema.check_endpoints(r.type, ls, lt)
                except SchemaError as exc:
                    raise SchemaError(f"{origin}: {exc}" if origin else str(exc)) from None
            rows.append((r.source, r.target, r.key, r.type, _dumps(r.props)))
            by_type[r.type] = by_type.get(r.type, 0) + 1
        rows.sort()
        self.conn.executemany(
            "INSERT INTO edges (source, target, key, type, props) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (source, target, key) DO UPDATE SET props = sg_merge(edges.props, excluded.props), "
            "type = excluded.type", rows)
        self._rels_written += len(rows)
        if self.progress:
            self.progress(len(rows))

    def commit(self) -> WriteStats:
        try:
            self._flush_nodes()
            self._flush_rels(self._rels)
            self._rels = []
            pending, self._pending = self._pending, []
            self._flush_rels(pending, final=True)
            if self._open:
                after = self.conn.execute("SELECT count(*) FROM edges").fetchone()[0]
                self.stats.rels_created = after - self._edges_before
                self.stats.rels_updated = self._rels_written - self.stats.rels_created
                self.conn.execute("COMMIT")
                self._open = False
        except sqlite3.DatabaseError as exc:
            self.rollback()
            raise StoreError(f"{self.store.path}: write failed ({exc})") from None
        except BaseException:
            self.rollback()
            raise
        return self.stats

    def rollback(self) -> None:
        self._nodes, self._rels, self._pending = {}, [], []
        if self._open:
            self.store._rollback()
            self._open = False
