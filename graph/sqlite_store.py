"""The embedded store: one SQLite file (WAL, one transaction per import), networkx for graph work."""

from __future__ import annotations

import math
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Iterator

import orjson

from . import schema
from .errors import StoreError
from .records import MERGED_FROM, Node, Record, Rel, fold, merge_props
from .sqlite_writer import CHUNK, READ_CACHE, SqliteBulkWriter
from .sqlite_writer import dumps_props as _dumps
from .sqlite_queries import SqliteQueries
from .store import Store, WriteStats, chunks

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
_DDL_NAMES = frozenset(re.findall(r"CREATE (?:TABLE|INDEX) IF NOT EXISTS (\w+)", DDL))


#: STAKEGRAPH_LOCK_TIMEOUT: seconds a writer waits for another writer's lock (0 to a day).
LOCK_TIMEOUT_DEFAULT = 120.0
LOCK_TIMEOUT_MAX = 86400.0


def _lock_timeout() -> float:
    raw = os.environ.get("STAKEGRAPH_LOCK_TIMEOUT")
    if raw is None or not raw.strip():
        return LOCK_TIMEOUT_DEFAULT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not 0 <= value <= LOCK_TIMEOUT_MAX:  # also refuses nan and inf
        raise StoreError(f"STAKEGRAPH_LOCK_TIMEOUT={raw!r}: must be a number of seconds from 0 to "
                         f"{LOCK_TIMEOUT_MAX:.0f}")
    return value


def _loads(text: str) -> dict:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # only a damaged file holds properties that are not JSON
        raise sqlite3.DatabaseError("a stored property is not valid JSON") from None


def _merge_sql(old: str, new: str) -> str:
    return _dumps(merge_props(_loads(old), _loads(new)))


def corrupt(path: Path | str, detail: str) -> StoreError:
    """The one message for a damaged store file."""
    return StoreError(f"{path}: the store is corrupt ({detail}); run `stakegraph --db {path} check` "
                      "or restore it from a backup")


_CORRUPT_SIGNS = ("malformed", "not a database", "could not decode", "not valid json", "corrupt")


def database_error(path: Path | str, exc: sqlite3.Error) -> StoreError:
    """A StoreError for an SQLite error met while reading or writing ``path``."""
    text = "".join(ch if ch.isprintable() else "?" for ch in " ".join(str(exc).split()))
    if any(sign in text.lower() for sign in _CORRUPT_SIGNS):
        return corrupt(path, text[:200])
    if "disk is full" in text:
        return StoreError(f"{path}: the disk is full ({text})")
    if "disk I/O error" in text:
        return StoreError(f"{path}: disk I/O error (disk full, removed or failing?)")
    return StoreError(f"{path}: {text[:300]}")


def _header_problem(path: Path) -> str | None:
    """What is wrong with the SQLite header of ``path``, cheaply (None: looks like SQLite)."""
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(b"SQLite format 3\x00"):
        return "not an SQLite file"
    if len(head) < 100:
        return "file shorter than its header"
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return f"page size {page} in the header"
    pages = int.from_bytes(head[28:32], "big")
    if head[24:28] == head[92:96] and pages * page > path.stat().st_size:  # the page count is current
        return f"file of {path.stat().st_size:,} bytes, its header counts {pages * page:,} (cut short?)"
    return None


class SqliteStore(SqliteQueries, Store):
    """Graph in a local SQLite file: indexed node, edge and name tables, JSON properties.

    A store opens read-only (so reads work on a full disk and never write); the first write reopens
    it read-write after ``PRAGMA quick_check``, so a damaged file is never written into."""

    kind = "embedded"

    def __init__(self, path: str | os.PathLike, timeout: float | None = None, create: bool = True):
        self.path = Path(path)
        self.timeout = _lock_timeout() if timeout is None else timeout
        self.writable = False
        self.mode: str | None = None
        self.schema_version = schema.SCHEMA_VERSION
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a stakegraph database file")
        #: Whether this open made the file (a failed first import then removes it again: ``discard``).
        self.created = not self.path.exists()
        new = self.created or (self.path.is_file() and not self.path.stat().st_size)
        if new and not create:
            raise StoreError(f"no such store: {self.path} (`stakegraph import` creates one; "
                             "--db names another)")
        if not new:
            try:
                problem = _header_problem(self.path)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open database ({exc.strerror or exc})") from None
            if problem == "not an SQLite file":
                raise StoreError(f"{self.path}: not a stakegraph database (not an SQLite file)")
            if problem:
                raise corrupt(self.path, problem)
        try:
            if new:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._open_writable(check=False)
            else:
                self._open_read_only()
            self._init_schema(create)
        except sqlite3.DatabaseError as exc:
            self.close()
            raise database_error(self.path, exc) from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc.strerror or exc})") from None
        except BaseException:
            self.close()
            raise

    # ---- connections ---------------------------------------------------------------------------
    def _connect(self, query: str) -> sqlite3.Connection:
        uri = self.path.absolute().as_uri() + query
        conn = sqlite3.connect(uri, uri=True, timeout=self.timeout, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = %d" % int(self.timeout * 1000))
        conn.execute("PRAGMA cache_size = %d" % READ_CACHE)
        return conn

    def _open_read_only(self) -> None:
        """Open for reading: read-write if the -wal/-shm files can be made (so the last one to close
        cleans them up), else read-only, else (full disk, read-only folder) the file as it is, without
        WAL bookkeeping — only when no -wal file holds changes the file lacks. Nothing is written."""
        wal = Path(str(self.path) + "-wal")
        try:
            pending = wal.stat().st_size > 0
        except OSError:
            pending = False
        modes = ("?mode=rw", "?mode=ro") + (() if pending else ("?mode=ro&immutable=1",))
        for i, mode in enumerate(modes):
            try:
                self.conn = self._connect(mode)
                self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                self.mode = mode
                return
            except sqlite3.OperationalError as exc:
                self.close()
                name = getattr(exc, "sqlite_errorname", "")
                if i == len(modes) - 1 or not name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY")):
                    raise

    def _open_writable(self, check: bool = True) -> None:
        """Make the connection read-write; with ``check``, refuse a file that fails ``PRAGMA quick_check``."""
        if getattr(self, "mode", None) not in ("?mode=rw", "?mode=rwc"):
            self.close()
            self.conn = self._connect("?mode=rwc" if not check else "?mode=rw")
            self.mode = "?mode=rw"
        if check:
            problems = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise corrupt(self.path, " ".join(" ".join(problems).split())[:160])
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.conn.create_function("sg_merge", 2, _merge_sql, deterministic=True)
        self.writable = True

    def _ensure_writable(self) -> None:
        if self.writable:
            return
        try:
            self._open_writable()
            self._upgrade_schema()
        except sqlite3.DatabaseError as exc:
            raise database_error(self.path, exc) from None

    def _init_schema(self, create: bool) -> None:
        try:
            rows = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN ('format', 'schema_version')"))
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc):
                raise
            rows = {}
        row = rows.get("format")
        if row is not None:
            if row != MAGIC:
                raise StoreError(f"{self.path}: not a stakegraph database")
            self.schema_version = self._version(rows.get("schema_version"))
            return
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise StoreError(f"{self.path}: an SQLite file of another program, not a stakegraph database")
        if not create:
            raise StoreError(f"no such store: {self.path} (an empty SQLite file; `stakegraph import` "
                             "makes it a store)")
        if not self.writable:
            self._open_writable(check=False)
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
        self.schema_version = schema.SCHEMA_VERSION

    def _version(self, raw: str | None) -> int:
        """The stored schema version, refused when newer than this program's or unreadable."""
        try:
            version = int(raw) if raw is not None else 0
        except ValueError:
            raise corrupt(self.path, f"schema_version {raw!r} is not a number") from None
        if version < 1:
            raise corrupt(self.path, "no schema_version in its meta table")
        if version > schema.SCHEMA_VERSION:
            raise StoreError(f"{self.path}: the store has schema version {version}, newer than this "
                             f"stakegraph reads (up to {schema.SCHEMA_VERSION}); "
                             "use a newer stakegraph")
        return version

    def _upgrade_schema(self) -> None:
        """Before the first write, bring an older store to this schema (the DDL only adds tables and
        indexes): when its schema_version is older or a table or index of the DDL is missing."""
        have = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")}
        if self.schema_version >= schema.SCHEMA_VERSION and _DDL_NAMES <= have:
            return
        self._begin()
        try:
            for stmt in DDL.strip().split(";"):
                if stmt.strip():
                    self.conn.execute(stmt)
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                              (str(schema.SCHEMA_VERSION),))
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self.schema_version = schema.SCHEMA_VERSION

    # ---- transactions ------------------------------------------------------------------------
    def _begin(self) -> None:
        self._ensure_writable()
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
        self._ensure_writable()  # before the writer takes the connection
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
        self._ensure_writable()  # before the writer takes the connection
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

    def cited_by(self, source_id: str) -> tuple[list[Node], list[Rel]]:
        needle = _dumps({"x": source_id})[5:-1]  # the id as JSON text, quotes included
        nodes = self.conn.execute("SELECT id, label, name, props FROM nodes WHERE instr(props, ?) > 0 ORDER BY id",
                                  (needle,))
        rels = self.conn.execute("SELECT source, target, key, type, props FROM edges WHERE instr(props, ?) > 0 "
                                 "ORDER BY source, target, key", (needle,))
        return ([n for n in map(self._node, nodes) if source_id in (n.props.get("sources") or ())],
                [r for r in map(self._rel, rels) if source_id in (r.props.get("sources") or ())])

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
        for chunk in chunks(list(dict.fromkeys(node_ids)), CHUNK):
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
        for chunk in chunks(ids, CHUNK // 2):
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

    def discard(self) -> None:
        """Close and remove a store this process created (after its first import failed): the user's
        folder is left as it was, with no empty database in it."""
        self.close()
        if self.created:
            for f in (self.path, *(self.path.with_name(self.path.name + x) for x in ("-wal", "-shm", "-journal"))):
                f.unlink(missing_ok=True)

    def close(self) -> None:
        conn = getattr(self, "conn", None)
        self.mode = None
        if conn is None:
            return
        try:
            conn.close()
        except sqlite3.Error:
            pass


def _connect_for_check(path: Path) -> sqlite3.Connection:
    """Read-write (nothing is written) so that closing removes the -wal/-shm files again; on a full
    disk or in a read-only folder read-only, or the file as it is."""
    modes = ("?mode=rw", "?mode=ro", "?mode=ro&immutable=1")
    for mode in modes:
        conn = sqlite3.connect(path.absolute().as_uri() + mode, uri=True, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            if mode == modes[-1]:
                raise
    raise AssertionError("unreachable")


def check_file(path: str | os.PathLike) -> dict:
    """Check an embedded store without trusting it (``stakegraph check``): the SQLite header, its full
    ``PRAGMA integrity_check``, the meta table and schema version, and that every stored property is
    JSON. Read-only; never raises for damage, which is reported in ``problems``."""
    p = Path(path)
    out: dict = {"store": f"embedded store {p}", "ok": False, "problems": [], "nodes": None,
                 "relationships": None, "schema_version": None}
    problems: list[str] = out["problems"]
    if not p.is_file():
        raise StoreError(f"no such store: {p}")
    try:
        problem = _header_problem(p)
    except OSError as exc:
        raise StoreError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if problem:
        problems.append(problem)
        return out
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect_for_check(p)
        problems.extend(line for r in conn.execute("PRAGMA integrity_check(100)") if r[0] != "ok"
                        for line in r[0].splitlines() if line.strip())
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            meta = {}
            problems.append(f"meta table unreadable ({exc})")
        if meta.get("format") != MAGIC:
            problems.append("no stakegraph format mark in the meta table")
        out["schema_version"] = meta.get("schema_version")
        if str(meta.get("schema_version")) != str(schema.SCHEMA_VERSION):
            problems.append(f"schema_version {meta.get('schema_version')!r} (this stakegraph: "
                            f"{schema.SCHEMA_VERSION})")
        for table in ("nodes", "edges"):
            try:
                total, bad = conn.execute(
                    f"SELECT count(*), count(*) - coalesce(sum(json_valid(props)), 0) FROM {table}").fetchone()
            except sqlite3.DatabaseError as exc:
                problems.append(f"{table} unreadable ({exc})")
                continue
            out["nodes" if table == "nodes" else "relationships"] = total
            if bad:
                problems.append(f"{bad} row(s) of {table} hold properties that are not JSON")
    except sqlite3.DatabaseError as exc:
        problems.append(" ".join(str(exc).split()))
    finally:
        if conn is not None:
            conn.close()
    out["ok"] = not problems
    return out
