"""The Neo4j store: the official driver over Bolt, batched ``UNWIND … MERGE`` writes, parameters only.

Labels and relationship types are never parameters in Cypher, so they are substituted into query
templates by :func:`cypher`, which accepts only names from the schema's closed lists.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from . import schema
from .errors import InputError, SchemaError, StoreError
from .neo4j_queries import (
    IN_EDGES, IN_ENDS, OUT_EDGES, OUT_ENDS, Neo4jQueries, candidates, cypher, group_by_label, rel_from,
)
from .records import Node, Record, Rel, fold, name_keys
from .store import Store, WriteStats

if TYPE_CHECKING:
    import networkx as nx

    from .neo4j_writer import Neo4jBulkWriter

SEARCH_KEY = "search_key"  # derived lookup field ("|name|alias|…|", folded); never exported
CONNECT_TIMEOUT = 5.0
#: Seconds a read query may run before the server stops it (a transaction timeout the server
#: enforces; Neo4j does, ArcadeDB 26.10 ignores it). Set with $STAKEGRAPH_QUERY_TIMEOUT.
QUERY_TIMEOUT_ENV = "STAKEGRAPH_QUERY_TIMEOUT"
DEFAULT_QUERY_TIMEOUT = 120.0


def query_timeout() -> float:
    """The read-query time limit in seconds ($STAKEGRAPH_QUERY_TIMEOUT, default 120)."""
    text = os.environ.get(QUERY_TIMEOUT_ENV)
    if not text:
        return DEFAULT_QUERY_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 10**7:
        raise StoreError(f"{QUERY_TIMEOUT_ENV}={text!r} is not a number of seconds above 0")
    return value


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
    return Node(node_id, label, name, dict(sorted(props.items())))  # key order as the embedded store's


def _node_props(node: Node) -> dict[str, Any]:
    keys = name_keys(node.name, node.props.get("aliases") or [])
    return {**node.props, "id": node.id, "name": node.name, SEARCH_KEY: "|" + "|".join(keys) + "|"}


class Neo4jStore(Neo4jQueries, Store):
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
        self.query_timeout = query_timeout()
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
        if "TransactionTimedOut" in code:
            return StoreError(f"{prefix}{where} stopped a query at the {self.query_timeout:g} s time limit "
                              f"(set {QUERY_TIMEOUT_ENV} to allow longer)")
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
        """Run a read query (parameters only) and return its records as dicts; the server stops it
        after :attr:`query_timeout` seconds."""
        from neo4j import unit_of_work

        @unit_of_work(timeout=self.query_timeout)
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
        from .neo4j_writer import Neo4jBulkWriter

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

    def rewrite(self, deletes: Iterable[str | Rel], records: Iterable[Record]) -> WriteStats:
        from .neo4j_writer import Neo4jBulkWriter

        writer = Neo4jBulkWriter(self, deletes=list(deletes), redirect=False, single=True)
        with writer:
            writer.add_all(records)
        return writer.stats

    def redirects(self) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for label in schema.LABELS:
            q = cypher("MATCH (n:$L) WHERE n.merged_from IS NOT NULL "
                       "RETURN n.id AS id, n.name AS name, n.merged_from AS m ORDER BY id", label=label)
            for row in self.run_read(q):
                for dropped in row["m"] or []:
                    out.setdefault(dropped, (row["id"], row["name"]))
        return out

    def cited_by(self, source_id: str) -> tuple[list[Node], list[Rel]]:
        nodes = [_node_from(r["p"], r["l"]) for r in
                 self.run_read("MATCH (n) WHERE $id IN n.sources RETURN properties(n) AS p, labels(n) AS l", id=source_id)]
        q = "MATCH (a)-[e]->(b) WHERE $id IN e.sources RETURN a.id AS s, b.id AS t, type(e) AS ty, properties(e) AS p"
        rels = [rel_from(r["s"], r["t"], r["ty"], r["p"]) for r in self.run_read(q, id=source_id)]
        return sorted(nodes, key=lambda n: n.id), sorted(rels, key=lambda r: (r.source, r.target, r.key))

    def acting_for(self, node_id: str) -> list[Rel]:
        q = cypher("MATCH (a)-[e:$T]->(b) WHERE e.acting_for = $id RETURN a.id AS s, b.id AS t, properties(e) AS p",
                   rel_type=schema.ATTENDED)
        rels = [rel_from(r["s"], r["t"], schema.ATTENDED, r["p"]) for r in self.run_read(q, id=node_id)]
        return sorted(rels, key=lambda r: (r.source, r.target, r.key))

    # ---- reading ----------------------------------------------------------------------------
    def labels_of(self, node_ids: Iterable[str]) -> dict[str, str]:
        """``{id: label}`` for the ids that exist (a prefixed id is looked up under its label only)."""
        out: dict[str, str] = {}
        for label, ids in candidates(node_ids).items():
            q = cypher("UNWIND $ids AS id MATCH (n:$L {id: id}) RETURN n.id AS id", label=label)
            for row in self.run_read(q, ids=[i for i in ids if i not in out]):
                out[row["id"]] = label
        return out

    def absent(self, labels: Iterable[str] = (), rel_types: Iterable[str] = ()) -> set[str]:
        """Those of ``labels`` with no node and of ``rel_types`` with no relationship in the database."""
        from neo4j import unit_of_work

        out: set[str] = set()

        @unit_of_work(timeout=self.query_timeout)
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

    def get_many(self, node_ids: Iterable[str]) -> dict[str, Node]:
        """Nodes by id (missing ids are absent)."""
        out: dict[str, Node] = {}
        for label, ids in candidates(node_ids).items():
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
            out.extend(rel_from(r["s"], r["t"], t, r["p"]) for r in self.run_read(q))
        yield from sorted(out, key=lambda r: (r.source, r.target, r.key))

    def _touching(self, node_ids: Iterable[str], types: Iterable[str] | None, props: bool,
                  labels: dict[str, str] | None = None) -> list[dict[str, Any]]:
        """Rows of the relationships with an endpoint among ``node_ids`` (``labels``: theirs, if known)."""
        ids = list(dict.fromkeys(node_ids))
        labels = labels if labels is not None else self.labels_of(ids)
        type_list = [schema.check_type(t) for t in types] if types else None
        rows: list[dict[str, Any]] = []
        for label, group in group_by_label(ids, labels).items():
            for template in ((OUT_EDGES, IN_EDGES) if props else (OUT_ENDS, IN_ENDS)):
                rows.extend(self.run_read(cypher(template, label=label), ids=group, types=type_list))
        return rows

    def _edges_touching(self, node_ids: Iterable[str], types: Iterable[str] | None,
                        labels: dict[str, str] | None) -> list[Rel]:
        found: dict[tuple, Rel] = {}
        for r in self._touching(node_ids, types, True, labels):
            rel = rel_from(r["s"], r["t"], r["ty"], r["p"])
            found[(rel.source, rel.target, rel.key)] = rel
        return [found[k] for k in sorted(found)]

    def edges_touching(self, node_ids: Iterable[str], types: Iterable[str] | None = None) -> list[Rel]:
        """Every relationship with an endpoint among ``node_ids`` (optionally of ``types``), sorted."""
        return self._edges_touching(node_ids, types, None)

    def endpoints_touching(self, node_ids: Iterable[str],
                           types: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
        """``(source, target, type)`` of :meth:`edges_touching`, without reading any properties."""
        found = {(r["s"], r["t"], r["k"] if r["k"] is not None else r["ty"]): r["ty"]
                 for r in self._touching(node_ids, types, False)}
        return [(k[0], k[1], found[k]) for k in sorted(found)]

    def subgraph(self, node_ids: Iterable[str]) -> nx.MultiDiGraph:
        nodes = self.get_many(node_ids)
        labels = {i: n.label for i, n in nodes.items()}
        return self._graph(nodes, self._edges_touching(nodes, None, labels))

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
