"""One import into the embedded store as one SQLite transaction: all of it lands, or none of it.

Records are validated and written in sorted row batches. Into an empty store (the first, usually
biggest import) the writer loads in bulk: the secondary indexes are dropped inside the transaction
and built again, sorted, just before the commit (a rollback or a crash brings them back with the old
data), nothing of this import is looked up in the store again unless an id repeats across batches,
and relationships go in with ``INSERT OR IGNORE`` rather than an upsert (a key met twice falls back
to the merge for its batch).
"""

from __future__ import annotations

import gc
import re
import sqlite3
from typing import TYPE_CHECKING, Any

import orjson

from . import schema
from .errors import InputError, SchemaError, StoreError
from .records import MERGED_FROM, Node, Record, Rel, merge_node, name_keys, normal_node, normal_props, redirected
from .store import BulkWriter, WriteStats, chunks

#: page cache (negative: KiB) for reads: a query touches what it needs once, and pages the OS caches
#: anyway cost page faults when copied into a big private cache (hub met: 475 -> 254 MB, ~10 % faster)
READ_CACHE = -16384
#: page cache while an import's transaction is open: big imports stay in memory longer
WRITE_CACHE = -262144

if TYPE_CHECKING:
    from .sqlite_store import SqliteStore

#: (type, source label, target label) triples the schema allows, for a fast check per relationship.
ALLOWED_ENDPOINTS = frozenset(
    (t, a, b) for t, (froms, tos) in schema.ENDPOINTS.items()
    for a in (froms or schema.LABELS) for b in (tos or schema.LABELS))
_NODE_INDEXES = ("nodes_label", "names_id", "tokens_id")
_EDGE_INDEXES = ("edges_target",)
_UPSERT_EDGES = ("INSERT INTO edges (source, target, key, type, props) VALUES (?, ?, ?, ?, ?) "
                 "ON CONFLICT (source, target, key) DO UPDATE SET props = sg_merge(edges.props, excluded.props), "
                 "type = excluded.type")
#: After an ``INSERT OR IGNORE`` pass: merge the rows that met a stored key, leave the new ones alone.
_MERGE_EDGES = _UPSERT_EDGES + " WHERE edges.props IS NOT excluded.props OR edges.type IS NOT excluded.type"
_EMPTY = "{}"
CHUNK = 900  # ids per IN (...) list; well under SQLite's variable limit on every version
#: Index of the merge judgements (the kept nodes' ``merged_from``), so an import need not scan every
#: node for them; a row whose kept node no longer lists the dropped id is ignored (SqliteStore.redirects).
MERGES_DDL = ("CREATE TABLE IF NOT EXISTS merges (drop_id TEXT NOT NULL, keep_id TEXT NOT NULL, "
              "PRIMARY KEY (drop_id, keep_id)) WITHOUT ROWID")



def dumps_props(props: dict[str, Any]) -> str:
    """Properties as stored: JSON with sorted keys."""
    return orjson.dumps(props, option=orjson.OPT_SORT_KEYS).decode()


_dumps = dumps_props


def index_ddl(ddl: str) -> dict[str, str]:
    """``CREATE INDEX`` statements of the store's DDL by index name."""
    found = re.findall(r"(CREATE INDEX IF NOT EXISTS (\w+) ON [^;]+)", ddl)
    return {name: stmt.strip() for stmt, name in found}


class SqliteBulkWriter(BulkWriter):
    """One import as one SQLite transaction: nodes and relationships in batches, all or nothing."""

    def __init__(self, store: "SqliteStore", deletes: list[str | Rel] | None = None, redirect: bool = True):
        super().__init__()
        self.store = store
        self._deletes = list(deletes or [])  # nodes (ids) and relationships deleted first, in the same transaction
        #: merge judgements applied to every record (None: not read yet; {}: none, or not applied)
        self._redirects: dict[str, tuple[str, str]] | None = None if redirect else {}
        self.conn = store.conn
        self.batch = store.batch_size
        self._nodes: dict[str, Node] = {}
        self._rels: list[tuple[Rel, str | None]] = []
        self._pending: list[tuple[Rel, str | None]] = []
        self._labels: dict[str, str] = {}  # ids written in this transaction -> label
        self._seen_nodes: set[str] = set()  # ids written in this import (counted once each)
        self._seen_rels: set[int] = set()  # hashes of (source, target, key) written in this import
        self._open = False
        self._fresh_nodes = False  # the store had no node when the transaction began
        self._fresh_edges = False  # ... no relationship
        self._dropped: list[str] = []
        self._edges_before = 0
        self._rels_created = 0  # counted while inserting when the store had no relationship
        self._gc_threshold: tuple[int, ...] | None = None

    # ---- transaction ------------------------------------------------------------------------
    def _ensure_open(self) -> None:
        if self._open:
            return
        self.store._begin()
        self._open = True
        conn = self.conn
        conn.execute(MERGES_DDL)  # stores made before merges were recorded lack the table
        doomed_rels = [(r.source, r.target, r.key) for r in self._deletes if isinstance(r, Rel)]
        conn.executemany("DELETE FROM edges WHERE source = ? AND target = ? AND key = ?", doomed_rels)
        for chunk in chunks([i for i in self._deletes if isinstance(i, str)], CHUNK):
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM edges WHERE source IN ({marks})", chunk)
            conn.execute(f"DELETE FROM edges WHERE target IN ({marks})", chunk)
            for table in ("nodes", "names", "tokens"):
                conn.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk)
        conn.execute("PRAGMA cache_size = %d" % WRITE_CACHE)
        self._fresh_nodes = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM nodes)").fetchone()[0] == 1
        self._fresh_edges = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM edges)").fetchone()[0] == 1
        self._edges_before = 0 if self._fresh_edges else conn.execute("SELECT count(*) FROM edges").fetchone()[0]
        drop = (_NODE_INDEXES if self._fresh_nodes else ()) + (_EDGE_INDEXES if self._fresh_edges else ())
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        for name in drop:
            if name in existing:
                conn.execute(f"DROP INDEX {name}")
                self._dropped.append(name)
        # Millions of records and rows survive a young collection here and each would bring a full
        # one closer, which walks every object of the process (the input often is all in memory):
        # full collections wait until the transaction ends; young ones still run.
        self._gc_threshold = gc.get_threshold()
        gc.set_threshold(self._gc_threshold[0], self._gc_threshold[1], 1 << 30)

    def _close(self) -> None:
        if self._gc_threshold is not None:
            gc.set_threshold(*self._gc_threshold)
            self._gc_threshold = None

    # ---- records ----------------------------------------------------------------------------
    def add(self, record: Record) -> None:
        record.validate()
        if self._redirects is None:
            self._redirects = self.store.redirects()
        if self._redirects:
            moved = redirected(record, self._redirects)
            if moved is None:
                return
            record = moved
        if type(record) is Rel or isinstance(record, Rel):
            self._rels.append((record, self.origin))
            if len(self._rels) >= self.batch:
                self._flush_nodes()
                self._flush_rels(self._rels)
                self._rels = []
        else:
            nodes = self._nodes
            prev = nodes.get(record.id)
            nodes[record.id] = merge_node(prev, record) if prev else record
            if len(nodes) >= self.batch:
                self._flush_nodes()

    def _flush_nodes(self) -> None:
        if not self._nodes:
            return
        self._ensure_open()
        batch = self._nodes
        self._nodes = {}
        labels = self._labels
        if self._fresh_nodes:  # only nodes of this import can be in the store
            again = [i for i in batch if i in labels]
            existing = self._stored(again) if again else {}
        else:
            existing = self._stored(batch)
        rows: list[tuple[str, str, str, str]] = []
        keys: list[tuple[str, str]] = []
        toks: list[tuple[str, str]] = []
        merges: list[tuple[str, str]] = []
        stats = self.stats
        by_label = stats.by_label
        seen = self._seen_nodes
        for node_id, node in batch.items():
            old = existing.get(node_id)
            first = node_id not in seen  # counted once per import, whatever the batches
            if first:
                seen.add(node_id)
                by_label[node.label] = by_label.get(node.label, 0) + 1
            if old is not None:
                if old.label != node.label:
                    raise SchemaError(f"node {node_id} is a {old.label} in the store, not a {node.label}")
                node = merge_node(old, node)
                if first:
                    stats.nodes_updated += 1
            else:
                node = normal_node(node)
                stats.nodes_created += 1
            label = node.label
            props = node.props
            rows.append((node_id, label, node.name, _dumps(props) if props else _EMPTY))
            labels[node_id] = label
            aliases = props.get("aliases")
            if MERGED_FROM in props:
                merges.extend((dropped, node_id) for dropped in props[MERGED_FROM])
            for k in name_keys(node.name, aliases or ()):
                keys.append((k, node_id))
                toks.extend((t, node_id) for t in set(k.split()))
        # sorted batches turn random B-tree inserts into mostly sequential ones
        rows.sort()
        keys.sort()
        toks.sort()
        node_sql = ("INSERT OR REPLACE INTO nodes (id, label, name, props) VALUES (?, ?, ?, ?)" if existing else
                    "INSERT OR IGNORE INTO nodes (id, label, name, props) VALUES (?, ?, ?, ?)")
        conn = self.conn
        if existing:  # a merged name may differ: its name keys are written again
            stale = sorted(existing)
            for chunk in chunks(stale, CHUNK):
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM names WHERE id IN ({marks})", chunk)
                conn.execute(f"DELETE FROM tokens WHERE id IN ({marks})", chunk)
        conn.executemany(node_sql, rows)
        conn.executemany("INSERT OR IGNORE INTO names (key, id) VALUES (?, ?)", keys)
        conn.executemany("INSERT OR IGNORE INTO tokens (token, id) VALUES (?, ?)", toks)
        if merges:
            conn.executemany("INSERT OR IGNORE INTO merges (drop_id, keep_id) VALUES (?, ?)", merges)
        if self.progress:
            self.progress(len(rows))

    def _stored(self, ids) -> dict[str, Node]:
        return self.store.get_many(ids)

    def _flush_rels(self, rels: list[tuple[Rel, str | None]], final: bool = False) -> None:
        if not rels:
            return
        self._ensure_open()
        labels = self._labels
        if not self._fresh_nodes:
            unknown = list({e for r, _ in rels for e in (r.source, r.target) if e not in labels})
            if unknown:
                for chunk in chunks(unknown, CHUNK):
                    q = "SELECT id, label FROM nodes WHERE id IN (%s)" % ",".join("?" * len(chunk))
                    labels.update(self.conn.execute(q, chunk).fetchall())
        rows = []
        allowed = ALLOWED_ENDPOINTS
        by_type = self.stats.by_type
        get = labels.get
        pending = self._pending
        dumps = _dumps
        seen = self._seen_rels
        for r, origin in rels:
            source, target, rtype = r.source, r.target, r.type
            ls, lt = get(source), get(target)
            if ls is None or lt is None:
                if final:
                    missing = source if ls is None else target
                    where = f"{origin}: " if origin else ""
                    raise InputError(f"{where}{rtype} {source} -> {target} refers to unknown node {missing}")
                pending.append((r, origin))
                continue
            if (rtype, ls, lt) not in allowed:
                try:
                    schema.check_endpoints(rtype, ls, lt)
                except SchemaError as exc:
                    raise SchemaError(f"{origin}: {exc}" if origin else str(exc)) from None
            props = normal_props(r.props) if r.props else r.props
            rows.append((source, target, r.key, rtype, dumps(props) if props else _EMPTY))
            h = hash((source, target, r.key))
            if h not in seen:
                seen.add(h)
                by_type[rtype] = by_type.get(rtype, 0) + 1
        if not rows:
            return
        rows.sort()
        conn = self.conn
        if self._fresh_edges:
            added = conn.executemany(
                "INSERT OR IGNORE INTO edges (source, target, key, type, props) VALUES (?, ?, ?, ?, ?)",
                rows).rowcount
            self._rels_created += added
            if added < len(rows):  # some keys were there already: merge those
                conn.executemany(_MERGE_EDGES, rows)
        else:
            conn.executemany(_UPSERT_EDGES, rows)
        if self.progress:
            self.progress(len(rows))

    def commit(self) -> WriteStats:
        try:
            if self._deletes:
                self._ensure_open()
            self._flush_nodes()
            self._flush_rels(self._rels)
            self._rels = []
            pending, self._pending = self._pending, []
            self._flush_rels(pending, final=True)
            if self._open:
                self._close()
                if self._fresh_edges:
                    self.stats.rels_created = self._rels_created
                else:
                    after = self.conn.execute("SELECT count(*) FROM edges").fetchone()[0]
                    self.stats.rels_created = after - self._edges_before
                # distinct relationships of this import the store held before it
                self.stats.rels_updated = len(self._seen_rels) - self.stats.rels_created
                ddl = index_ddl(_store_ddl())
                for name in self._dropped:
                    self.conn.execute(ddl[name])
                self._dropped = []
                self.conn.execute("COMMIT")
                self._open = False
                self.conn.execute("PRAGMA cache_size = %d" % READ_CACHE)
        except sqlite3.DatabaseError as exc:
            self.rollback()
            raise StoreError(f"{self.store.path}: write failed ({exc})") from None
        except BaseException:
            self.rollback()
            raise
        return self.stats

    def rollback(self) -> None:
        self._nodes, self._rels, self._pending = {}, [], []
        self._close()
        self._dropped = []
        if self._open:
            self.store._rollback()
            self._open = False
            try:
                self.conn.execute("PRAGMA cache_size = %d" % READ_CACHE)
            except sqlite3.Error:
                pass


def _store_ddl() -> str:
    from .sqlite_store import DDL

    return DDL
