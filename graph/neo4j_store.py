"""The Neo4j store: the official driver over Bolt, batched ``UNWIND … MERGE`` writes, parameters only.

Labels and relationship types are never parameters in Cypher, so they are substituted into query
templates by :func:`cypher`, which accepts only names from the schema's closed lists.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from stakegraph.graph import schema
from stakegraph.graph.errors import InputError, SchemaError, StoreError
from stakegraph.graph.records import Node, Record, Rel, fold, label_of_id, merge_node, merge_props, name_keys
from stakegraph.graph.store import BulkWriter, Store, WriteStats

if TYPE_CHECKING:
    import networkx as nx

SEARCH_KEY = "search_key"  # derived lookup field ("|name|alias|…|", folded); never exported
CONNECT_TIMEOUT = 5.0


def cypher(template: str, label: str | None = None, label2: str | None = None, rel_type: str | None = None) -> str:
    """Fill ``:$L``/``:$M``/``:$T`` placeholders with schema names only (never with input)."""
    if label is not None:
        template = template.replace(":$L", ":" + schema.check_label(label)).replace("$lower", label.lower())
    if label2 is not None:
        template = template.replace(":$M", ":" + schema.check_label(label2))
    if rel_type is not None:
        template = template.replace(":$T", ":" + schema.check_type(rel_type))
    if ":$L" in template or ":$M" in template or ":$T" in template:
        raise SchemaError("internal: unfilled label/type placeholder in Cypher template")
    return template


def _tls_failure(exc: BaseException) -> bool:
    """Whether a driver error (or any error in its cause chain) is a TLS/SSL failure."""
    import ssl

    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        name = type(seen).__name__
        if isinstance(seen, ssl.SSLError) or name == "BoltSecurityError" or "SSL" in name:
            return True
        text = str(seen).lower()
        if "ssl" in text or "certificate" in text or "encryption" in text and "tls" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def safe_uri(uri: str) -> str:
    """The URI without any user:password part, for messages."""
    parts = urlsplit(uri)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def _node_from(props: dict[str, Any], labels: list[str]) -> Node:
    props = dict(props)
    node_id = props.pop("id")
    name = props.pop("name", node_id)
    props.pop(SEARCH_KEY, None)
    label = next((lb for lb in labels if lb in schema.LABELS), labels[0] if labels else "")
    return Node(node_id, label, name, props)


def _rel_from(source: str, target: str, rel_type: str, props: dict[str, Any]) -> Rel:
    props = dict(props)
    key = props.pop("key", rel_type)
    return Rel(rel_type, source, target, props, key=key)


def _node_props(node: Node) -> dict[str, Any]:
    keys = name_keys(node.name, node.props.get("aliases") or [])
    return {**node.props, "id": node.id, "name": node.name, SEARCH_KEY: "|" + "|".join(keys) + "|"}


_OUT_EDGES = ("UNWIND $ids AS id MATCH (n:$L {id: id})-[e]->(m) WHERE $types IS NULL OR type(e) IN $types "
              "RETURN n.id AS s, m.id AS t, type(e) AS ty, properties(e) AS p")
_IN_EDGES = ("UNWIND $ids AS id MATCH (m)-[e]->(n:$L {id: id}) WHERE $types IS NULL OR type(e) IN $types "
             "RETURN m.id AS s, n.id AS t, type(e) AS ty, properties(e) AS p")


class Neo4jStore(Store):
    """Graph in a Neo4j (or Bolt-compatible) database; credentials only from the environment."""

    kind = "neo4j"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None):
        import neo4j
        from neo4j import GraphDatabase

        self.uri = uri
        self.display = safe_uri(uri)
        parts = urlsplit(uri)
        if parts.username or parts.password or "@" in parts.netloc:
            raise StoreError(f"--db {self.display}: credentials go in NEO4J_USERNAME and NEO4J_PASSWORD, "
                             "not in the URI")
        self.user = user or os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j"
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        try:
            self.driver = GraphDatabase.driver(
                uri, auth=(self.user, password), connection_timeout=CONNECT_TIMEOUT,
                connection_acquisition_timeout=CONNECT_TIMEOUT + 5, max_transaction_retry_time=15.0,
                liveness_check_timeout=30.0)
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            detail = " ".join(str(exc).replace(uri, self.display).split())
            raise StoreError(f"--db {self.display}: invalid Neo4j URI ({detail})") from None
        del password
        try:
            self.driver.verify_connectivity()
            self._ensure_constraints()
        except Exception as exc:  # noqa: BLE001 - every driver failure becomes one clear message
            self.driver.close()
            raise self.translate(exc) from None

    # ---- errors -----------------------------------------------------------------------------
    def translate(self, exc: BaseException, doing: str = "") -> StoreError:
        """A one-line StoreError for a driver exception (never containing credentials)."""
        import neo4j.exceptions as ne

        where = f"Neo4j at {self.display}"
        prefix = f"{doing}: " if doing else ""
        full = str(exc).replace(self.uri, self.display)
        msg = full.splitlines()[0] if full else type(exc).__name__
        if _tls_failure(exc):
            return StoreError(f"{prefix}{where}: TLS handshake failed; use bolt:// (or neo4j://) for a server "
                              "without TLS, bolt+s:// / bolt+ssc:// for one with it")
        if isinstance(exc, ne.AuthError) or "authentication" in msg.lower() or "unauthorized" in msg.lower():
            return StoreError(f"{prefix}{where} refused the credentials of user {self.user!r} "
                              "(check NEO4J_USERNAME and NEO4J_PASSWORD)")
        if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
            if "ssl" in msg.lower() or "tls" in msg.lower() or "certificate" in msg.lower():
                return StoreError(f"{prefix}{where}: TLS handshake failed ({msg}); use bolt:// for a server "
                                  "without TLS or bolt+s:// / bolt+ssc:// for one with it")
            return StoreError(f"{prefix}cannot reach {where} ({msg}); is the server running and the "
                              "host/port right?")
        code = getattr(exc, "code", "") or ""
        if "DatabaseNotFound" in code or ("database" in msg.lower() and "not" in msg.lower()
                                          and ("exist" in msg.lower() or "found" in msg.lower())):
            return StoreError(f"{prefix}{where}: database {self.database!r} does not exist "
                              "(create it or set NEO4J_DATABASE)")
        if isinstance(exc, StoreError):
            return exc
        return StoreError(f"{prefix}{where}: {type(exc).__name__}: {msg}")

    def _session(self):
        return self.driver.session(database=self.database) if self.database else self.driver.session()

    def run_read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query (parameters only) and return its records as dicts."""
        def work(tx):
            return [r.data() for r in tx.run(query, params)]
        try:
            with self._session() as s:
                return s.execute_read(work)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise self.translate(exc) from None

    def run_write(self, fn: Callable[[Any], Any]) -> Any:
        """Run ``fn(tx)`` in a managed write transaction (retried on transient errors)."""
        try:
            with self._session() as s:
                return s.execute_write(fn)
        except (StoreError, SchemaError, InputError):
            raise
        except Exception as exc:  # noqa: BLE001
            raise self.translate(exc) from None

    def _ensure_constraints(self) -> None:
        with self._session() as s:
            for label in schema.LABELS:
                s.run(cypher("CREATE CONSTRAINT stakegraph_$lower_id IF NOT EXISTS FOR (n:$L) REQUIRE n.id IS UNIQUE",
                             label=label)).consume()

    # ---- writing ----------------------------------------------------------------------------
    def bulk(self) -> "Neo4jBulkWriter":
        return Neo4jBulkWriter(self)

    def delete(self, node_id: str) -> int:
        node = self.get(node_id)
        if node is None:
            return 0

        def work(tx):
            n = tx.run(cypher("MATCH (n:$L {id: $id})-[e]-() RETURN count(e) AS c", label=node.label),
                       id=node_id).single()["c"]
            tx.run(cypher("MATCH (n:$L {id: $id}) DETACH DELETE n", label=node.label), id=node_id).consume()
            return n
        return self.run_write(work)

    # ---- reading ----------------------------------------------------------------------------
    def labels_of(self, node_ids: Iterable[str]) -> dict[str, str]:
        """``{id: label}`` for the ids that exist (a prefixed id is looked up under its label only)."""
        out: dict[str, str] = {}
        for label, ids in self._candidates(node_ids).items():
            q = cypher("UNWIND $ids AS id MATCH (n:$L {id: id}) RETURN n.id AS id", label=label)
            for row in self.run_read(q, ids=[i for i in ids if i not in out]):
                out[row["id"]] = label
        return out

    def absent(self, labels: Iterable[str] = (), rel_types: Iterable[str] = ()) -> set[str]:
        """Those of ``labels`` with no node and of ``rel_types`` with no relationship in the database."""
        out: set[str] = set()

        def work(tx) -> None:
            for label in labels:
                if tx.run(cypher("MATCH (n:$L) RETURN n.id AS id LIMIT 1", label=label)).single() is None:
                    out.add(label)
            for rel_type in rel_types:
                if tx.run(cypher("MATCH ()-[e:$T]->() RETURN e.key AS k LIMIT 1", rel_type=rel_type)).single() is None:
                    out.add(rel_type)

        with self._session() as s:
            s.execute_read(work)
        return out

    @staticmethod
    def _candidates(node_ids: Iterable[str]) -> dict[str, list[str]]:
        """Ids grouped by the labels they may have: their prefix's, or every label."""
        groups: dict[str, list[str]] = {label: [] for label in schema.LABELS}
        for i in dict.fromkeys(node_ids):
            fixed = label_of_id(i)
            for label in ([fixed] if fixed else schema.LABELS):
                groups[label].append(i)
        return {label: ids for label, ids in groups.items() if ids}

    def get_many(self, node_ids: Iterable[str]) -> dict[str, Node]:
        """Nodes by id (missing ids are absent)."""
        out: dict[str, Node] = {}
        for label, ids in self._candidates(node_ids).items():
            rest = [i for i in ids if i not in out]
            if not rest:
                continue
            q = cypher("UNWIND $ids AS id MATCH (n:$L {id: id}) RETURN properties(n) AS p", label=label)
            for row in self.run_read(q, ids=rest):
                node = _node_from(row["p"], [label])
                out[node.id] = node
        return out

    def get(self, node_id: str) -> Node | None:
        return self.get_many([node_id]).get(node_id)

    def exact(self, text: str, limit: int = 50) -> list[str]:
        key = fold(text)
        if not key:
            return []
        rows = self.run_read("MATCH (n) WHERE n.search_key CONTAINS $exact RETURN n.id AS id ORDER BY id LIMIT $n",
                             exact=f"|{key}|", n=limit)
        return [r["id"] for r in rows]

    def find(self, text: str, limit: int = 50) -> list[Node]:
        key = fold(text)
        if not key:
            return []
        words = key.split()
        q = ("MATCH (n) WHERE n.search_key CONTAINS $exact OR "
             "all(w IN $words WHERE n.search_key CONTAINS ('|' + w) OR n.search_key CONTAINS (' ' + w)) "
             "RETURN properties(n) AS p, labels(n) AS l LIMIT 100000")
        nodes = [_node_from(r["p"], r["l"]) for r in self.run_read(q, exact=f"|{key}|", words=words)]
        exact = sorted((n for n in nodes if key in name_keys(n.name, n.props.get("aliases") or [])),
                       key=lambda n: n.id)
        ids = {n.id for n in exact}
        rest = sorted((n for n in nodes if n.id not in ids), key=lambda n: (len(n.name), n.name, n.id))
        return (exact + rest)[:limit]

    def nodes(self, label: str | None = None) -> Iterator[Node]:
        for lb in ([schema.check_label(label)] if label else schema.LABELS):
            rows = self.run_read(cypher("MATCH (n:$L) RETURN properties(n) AS p ORDER BY n.id", label=lb))
            for row in rows:
                yield _node_from(row["p"], [lb])

    def rels(self, rel_type: str | None = None) -> Iterator[Rel]:
        out: list[Rel] = []
        for t in ([schema.check_type(rel_type)] if rel_type else schema.REL_TYPES):
            q = cypher("MATCH (a)-[e:$T]->(b) RETURN a.id AS s, b.id AS t, properties(e) AS p", rel_type=t)
            out.extend(_rel_from(r["s"], r["t"], t, r["p"]) for r in self.run_read(q))
        yield from sorted(out, key=lambda r: (r.source, r.target, r.key))

    def edges_touching(self, node_ids: Iterable[str], types: Iterable[str] | None = None,
                       labels: dict[str, str] | None = None) -> list[Rel]:
        """Every relationship with an endpoint among ``node_ids`` (optionally of ``types``)."""
        ids = list(dict.fromkeys(node_ids))
        labels = labels if labels is not None else self.labels_of(ids)
        type_list = [schema.check_type(t) for t in types] if types else None
        by_label: dict[str, list[str]] = defaultdict(list)
        for i in ids:
            if i in labels:
                by_label[labels[i]].append(i)
        found: dict[tuple, Rel] = {}
        for label, group in by_label.items():
            for template in (_OUT_EDGES, _IN_EDGES):
                q = cypher(template, label=label)
                for r in self.run_read(q, ids=group, types=type_list):
                    rel = _rel_from(r["s"], r["t"], r["ty"], r["p"])
                    found[(rel.source, rel.target, rel.key)] = rel
        return list(found.values())

    def subgraph(self, node_ids: Iterable[str]) -> nx.MultiDiGraph:
        nodes = self.get_many(node_ids)
        labels = {i: n.label for i, n in nodes.items()}
        return self._graph(nodes, self.edges_touching(nodes, labels=labels))

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {lb: self.run_read(cypher("MATCH (n:$L) RETURN count(n) AS c", label=lb))[0]["c"]
                 for lb in schema.LABELS}
        rels = {t: self.run_read(cypher("MATCH ()-[e:$T]->() RETURN count(e) AS c", rel_type=t))[0]["c"]
                for t in schema.REL_TYPES}
        return {"nodes": nodes, "relationships": rels}

    def describe(self) -> str:
        db = f" database {self.database}" if self.database else ""
        return f"Neo4j {self.display}{db}"

    def close(self) -> None:
        try:
            self.driver.close()
        except Exception:  # noqa: BLE001
            pass


def _by_keys(rows: list[dict[str, Any]]) -> list[tuple[tuple[str, ...], list[dict[str, Any]]]]:
    """Rows in one group whose values move to ``r.v`` in the order of the union of their keys
    (a key a row lacks is null: setting null on a new element is a no-op, and an existing
    element's properties were merged into the row already).

    Setting named properties is markedly faster than replacing the whole map (``SET n = map``),
    and one shape per batch means one statement."""
    keys = tuple(sorted({k for row in rows for k in row["props"]}))
    for row in rows:
        props = row.pop("props")
        row["v"] = [props.get(k) for k in keys]
    return [(keys, rows)] if rows else []


def _set_list(var: str, keys: tuple[str, ...]) -> str:
    """``n.`a` = r.v[0], n.`b` = r.v[1]`` for property names already validated as identifiers."""
    for k in keys:
        if not k.replace("_", "a").isalnum():
            raise SchemaError(f"property name {k!r} is not an identifier")
    return ", ".join(var + ".`" + k + "` = r.v[" + str(i) + "]" for i, k in enumerate(keys))


class _Spool:
    """Records of one import kept on disk in batches (plain tuples: they pickle ~5x faster than
    record objects), so large inputs stream in bounded memory."""

    def __init__(self, batch: int):
        self.batch = batch
        self.file = tempfile.TemporaryFile()
        self.buffer: list = []
        self.count = 0

    def add(self, item: tuple) -> None:
        self.buffer.append(item)
        self.count += 1
        if len(self.buffer) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            pickle.dump(self.buffer, self.file, protocol=pickle.HIGHEST_PROTOCOL)
            self.buffer = []

    def batches(self) -> Iterator[list]:
        self.flush()
        self.file.seek(0)
        while True:
            try:
                yield pickle.load(self.file)
            except EOFError:
                return

    def close(self) -> None:
        self.file.close()


class _Spools:
    """One spool per label or relationship type, so every written batch is one label or type:
    one read and one write statement per batch instead of one per group inside it."""

    def __init__(self, batch: int):
        self.batch = batch
        self.by_key: dict[str, _Spool] = {}

    def add(self, key: str, item: tuple) -> None:
        spool = self.by_key.get(key)
        if spool is None:
            spool = self.by_key[key] = _Spool(self.batch)
        spool.add(item)

    @property
    def count(self) -> int:
        return sum(s.count for s in self.by_key.values())

    def batches(self) -> Iterator[tuple[str, list]]:
        for key in sorted(self.by_key):
            for batch in self.by_key[key].batches():
                yield key, batch

    def close(self) -> None:
        for spool in self.by_key.values():
            spool.close()


#: (type, source label, target label) triples the schema allows, for a fast check per relationship.
_ALLOWED = frozenset((t, a, b) for t, (froms, tos) in schema.ENDPOINTS.items()
                     for a in (froms or schema.LABELS) for b in (tos or schema.LABELS))


class Neo4jBulkWriter(BulkWriter):
    """Reads the whole input first (so bad input writes nothing), then writes committed batches."""

    def __init__(self, store: Neo4jStore):
        super().__init__()
        self.store = store
        self.batch = store.batch_size
        self.nodes = _Spools(self.batch)  # label -> (id, name, props)
        self.rels = _Spools(self.batch)  # type -> (source, target, key, props)
        self.unchecked = _Spool(self.batch)  # (type, source, target, origin) whose endpoints come later
        self.loose: list[str] = []  # node ids without a label prefix: the store may hold them as another label
        self.labels: dict[str, str] = {}
        self.degree: dict[str, int] = defaultdict(int)  # relationships per node in this import
        self.fresh: set[str] = set()  # nodes this import created: no relationship of theirs predates it
        self.written: set[int] = set()  # hashes of (source, target, key) written so far in this import
        self.written_ids: set[int] = set()  # hashes of node ids written so far in this import
        self.empty: set[str] = set()  # labels and types the database held nothing of when writing began
        self.done_nodes = 0
        self.done_rels = 0

    def add(self, record: Record) -> None:
        record.validate()
        if isinstance(record, Node):
            prev = self.labels.get(record.id)
            if prev is None:
                self.labels[record.id] = record.label
                if label_of_id(record.id) is None:
                    self.loose.append(record.id)
            elif prev != record.label:
                raise SchemaError(f"node {record.id} is given as both {prev} and {record.label}")
            self.nodes.add(record.label, (record.id, record.name, record.props))
            return
        r = record
        ls, lt = self.labels.get(r.source), self.labels.get(r.target)
        if ls is None or lt is None:
            self.unchecked.add((r.type, r.source, r.target, self.origin))
        elif (r.type, ls, lt) not in _ALLOWED:
            self._refuse(r.type, ls, lt, self.origin)
        self.rels.add(r.type, (r.source, r.target, r.key, r.props))
        self.degree[r.source] += 1
        self.degree[r.target] += 1

    @staticmethod
    def _refuse(rel_type: str, ls: str, lt: str, origin: str | None) -> None:
        try:
            schema.check_endpoints(rel_type, ls, lt)
        except SchemaError as exc:
            raise SchemaError(f"{origin}: {exc}" if origin else str(exc)) from None

    def _check_labels(self) -> None:
        """Refuse a node whose id the store holds under another label. Ids with a label prefix
        (``person:…``) cannot be stored under another label (Node.validate), so only others are read."""
        for i in range(0, len(self.loose), self.batch):
            chunk = self.loose[i:i + self.batch]
            for node_id, label in self.store.labels_of(chunk).items():
                if label != self.labels[node_id]:
                    raise SchemaError(f"node {node_id} is a {label} in the store, not a {self.labels[node_id]}")

    def _check_endpoints(self) -> None:
        """Endpoints not among this import's nodes must be in the store, with labels the schema allows."""
        missing: set[str] = set()
        for batch in self.unchecked.batches():
            missing.update(e for _, s, t, _ in batch for e in (s, t) if e not in self.labels)
        found = self.store.labels_of(missing) if missing else {}
        self.labels.update(found)
        for batch in self.unchecked.batches():
            for rel_type, s, t, origin in batch:
                ls, lt = self.labels.get(s), self.labels.get(t)
                if ls is None or lt is None:
                    bad = s if ls is None else t
                    where = f"{origin}: " if origin else ""
                    raise InputError(f"{where}{rel_type} {s} -> {t} refers to unknown node {bad}")
                if (rel_type, ls, lt) not in _ALLOWED:
                    self._refuse(rel_type, ls, lt, origin)

    def commit(self) -> WriteStats:
        try:
            self._check_labels()
            self._check_endpoints()
            total_n, total_r = self.nodes.count, self.rels.count
            try:
                self.empty = self.store.absent(self.nodes.by_key, self.rels.by_key)
                self._pipelined(((len(b), self._write_nodes(label, b)) for label, b in self.nodes.batches()), "nodes")
                self._pipelined(((len(b), self._write_rels(rtype, b)) for rtype, b in self.rels.batches()), "rels")
            except StoreError as exc:
                raise StoreError(
                    f"{exc} — import stopped after {self.done_nodes} of {total_n} nodes and "
                    f"{self.done_rels} of {total_r} relationships; committed batches stay, re-run the "
                    "same import to complete it") from None
        finally:
            self.rollback()
        return self.stats

    def _pipelined(self, jobs: Iterator[tuple[int, Callable[[], None]]], kind: str) -> None:
        """Run each batch's write in a second thread while this one prepares the next batch (the
        driver waits for the server without holding the GIL); one batch in flight, in order."""
        with ThreadPoolExecutor(1, thread_name_prefix="stakegraph-bolt") as pool:
            pending: tuple[Future, int] | None = None
            for size, send in jobs:
                if pending is not None:
                    self._finished(*pending, kind)
                pending = (pool.submit(send), size)
            if pending is not None:
                self._finished(*pending, kind)

    def _finished(self, future: Future, size: int, kind: str) -> None:
        future.result()
        if kind == "nodes":
            self.done_nodes += size
        else:
            self.done_rels += size
        if self.progress:
            self.progress(size)

    def rollback(self) -> None:
        self.nodes.close()
        self.rels.close()
        self.unchecked.close()

    def _write_nodes(self, label: str, batch: list[tuple]) -> Callable[[], None]:
        """Prepare one batch of nodes; the returned call writes it in one transaction."""
        merged: dict[str, Node] = {}
        for node_id, name, props in batch:
            node = Node(node_id, label, name, props)
            prev = merged.get(node_id)
            merged[node_id] = merge_node(prev, node) if prev else node
        nodes = list(merged.values())
        read = cypher("UNWIND $ids AS id MATCH (n:$L {id: id}) RETURN properties(n) AS p", label=label)
        fresh, written = self.fresh, self.written_ids
        # into a label the database held nothing of, only ids written earlier in this import can exist
        ids = ([n.id for n in nodes if hash(n.id) in written] if label in self.empty
               else [n.id for n in nodes])

        def work(tx) -> WriteStats:
            stats = WriteStats()
            existing = {n.id: n for n in (_node_from(r["p"], [label])
                                          for r in tx.run(read, ids=ids))} if ids else {}
            rows = []
            for node in nodes:
                old = existing.get(node.id)
                if old is not None:
                    node = merge_node(old, node)
                    stats.nodes_updated += 1
                else:
                    stats.nodes_created += 1
                    fresh.add(node.id)
                rows.append({"id": node.id, "props": _node_props(node)})
            stats.by_label[label] = stats.by_label.get(label, 0) + len(rows)
            for keys, group in _by_keys(rows):
                q = cypher("UNWIND $rows AS r MERGE (n:$L {id: r.id}) SET " + _set_list("n", keys), label=label)
                tx.run(q, rows=group).consume()
            return stats

        written.update(hash(n.id) for n in nodes)  # batches are written in order: the next one sees these
        return lambda: self.stats.add(self.store.run_write(work))

    def _write_rels(self, rel_type: str, batch: list[tuple]) -> Callable[[], None]:
        """Prepare one batch of relationships of a type; the returned call writes it in one transaction."""
        merged: dict[tuple, dict[str, Any]] = {}
        for s, t, k, props in batch:
            prev = merged.get((s, t, k))
            merged[(s, t, k)] = merge_props(prev, props) if prev is not None else props
        # A pattern's first node is where the server walks relationships from when it matches or
        # merges one (ArcadeDB does; Neo4j picks the smaller side itself): start at the end with
        # fewer relationships, or every row of a hub walks all of the hub's relationships.
        groups: dict[tuple[str, str, bool], list[tuple]] = defaultdict(list)
        labels, degree, fresh, written = self.labels, self.degree, self.fresh, self.written
        type_empty = rel_type in self.empty
        for (s, t, k), props in merged.items():
            groups[(labels[s], labels[t], degree[s] > degree[t])].append((s, t, k, props))

        # only a relationship between nodes that both predate this import, of a type the database
        # held already, or one written earlier in it, can exist: read those only
        maybes = {g: [{"s": s, "t": t, "k": k} for s, t, k, _ in rels
                      if not (type_empty or s in fresh or t in fresh) or hash((s, t, k)) in written]
                  for g, rels in groups.items()}
        written.update(hash(key) for key in merged)  # batches are written in order: the next one sees these

        def work(tx) -> WriteStats:
            stats = WriteStats()
            for (ls, lt, from_target), rels in groups.items():
                pattern = ("(b:$M {id: r.t})<-[e:$T {key: r.k}]-(a:$L {id: r.s})" if from_target
                           else "(a:$L {id: r.s})-[e:$T {key: r.k}]->(b:$M {id: r.t})")
                read = cypher("UNWIND $rows AS r MATCH " + pattern + " RETURN r.s AS s, r.t AS t, r.k AS k, "
                              "properties(e) AS p", label=ls, label2=lt, rel_type=rel_type)
                maybe = maybes[(ls, lt, from_target)]
                existing = {(x["s"], x["t"], x["k"]): x["p"] for x in tx.run(read, rows=maybe)} if maybe else {}
                rows = []
                for s, t, k, props in rels:
                    old = existing.get((s, t, k))
                    if old is not None:
                        old = {n: v for n, v in old.items() if n != "key"}
                        props = merge_props(old, props)
                        stats.rels_updated += 1
                    else:
                        stats.rels_created += 1
                    rows.append({"s": s, "t": t, "k": k, "props": {**props, "key": k}})
                stats.by_type[rel_type] = stats.by_type.get(rel_type, 0) + len(rows)
                merge = ("MERGE (b)<-[e:$T {key: r.k}]-(a)" if from_target else "MERGE (a)-[e:$T {key: r.k}]->(b)")
                for keys, group in _by_keys(rows):
                    write = cypher("UNWIND $rows AS r MATCH (a:$L {id: r.s}) MATCH (b:$M {id: r.t}) " + merge +
                                   " SET " + _set_list("e", keys), label=ls, label2=lt, rel_type=rel_type)
                    tx.run(write, rows=group).consume()
            return stats

        return lambda: self.stats.add(self.store.run_write(work))
