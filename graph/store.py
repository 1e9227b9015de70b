"""The store interface: one contract, two implementations (embedded SQLite file, Neo4j over Bolt)."""

from __future__ import annotations

import os
import re
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from .errors import AmbiguousError, NotFoundError, StoreError
from .records import Node, Record, Rel, fold, label_of_id, name_keys

if TYPE_CHECKING:  # networkx costs ~0.2 s to import; queries that only read rows never need it
    import networkx as nx

DEFAULT_DB = "stakegraph.db"
DEFAULT_BATCH_SIZE = 5000
#: Labels an entity argument names unless the user asks for others (``--label``).
ENTITY_LABELS = ("Person", "Organization")
#: Matches looked at to resolve a name (an ambiguity message says "N+" beyond it), and shown.
CANDIDATES = 1000
SHOWN = 10
#: Nodes per word prefix ranked for "closest names", and the lowest WRatio score suggested.
SUGGEST_POOL = 2000
SUGGEST_SCORE = 60
#: Characters (and words) of a name that suggestions compare: WRatio is quadratic in the length, so a
#: 10,000-character argument took 10 s (and held the explorer) before this cap.
SUGGEST_CHARS = 200
SUGGEST_WORDS = 8
BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def chunks(items: list, n: int) -> Iterator[list]:
    """``items`` in consecutive slices of at most ``n`` (batches of ids for one query or write)."""
    for i in range(0, len(items), n):
        yield items[i:i + n]


@dataclass
class WriteStats:
    """What one write added or updated."""

    nodes_created: int = 0
    nodes_updated: int = 0
    rels_created: int = 0
    rels_updated: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)

    def add(self, other: "WriteStats") -> "WriteStats":
        """Accumulate ``other`` into self."""
        self.nodes_created += other.nodes_created
        self.nodes_updated += other.nodes_updated
        self.rels_created += other.rels_created
        self.rels_updated += other.rels_updated
        for mine, theirs in ((self.by_label, other.by_label), (self.by_type, other.by_type)):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v
        return self


class Store(ABC):
    """A property graph following SCHEMA.md.

    Writes are upserts (idempotent; list properties unioned). Reads return :class:`Node` records
    or networkx ``MultiDiGraph`` objects whose node attributes are ``label``, ``name`` and the
    properties, and whose edges are keyed by their relationship key with a ``type`` attribute.
    """

    kind: str = "abstract"
    batch_size: int = DEFAULT_BATCH_SIZE

    # ---- writing -------------------------------------------------------------------------
    @abstractmethod
    def bulk(self) -> "BulkWriter":
        """A writer for one import: records added to it land all together or not at all
        (embedded) or in committed batches after the whole input was read (Neo4j)."""

    def upsert(self, records: Iterable[Record]) -> WriteStats:
        """Upsert records (nodes and relationships, any order) as one unit of work."""
        with self.bulk() as writer:
            for rec in records:
                writer.add(rec)
        return writer.stats

    @abstractmethod
    def delete(self, node_id: str) -> int:
        """Delete a node and its relationships; return how many relationships went with it."""

    @abstractmethod
    def rewrite(self, deletes: Iterable[str | Rel], records: Iterable[Record]) -> WriteStats:
        """Delete nodes (ids; with their relationships) and relationships (Rel), then upsert records,
        as ONE transaction, with no merge judgement applied to the records (``merge`` and ``split``
        write through this; what is deleted first is replaced, not merged, by the records)."""

    @abstractmethod
    def redirects(self) -> dict[str, tuple[str, str]]:
        """The merge judgements: ``{dropped id: (kept id, kept node's name)}``, from the kept
        nodes' ``merged_from`` property. Imports send records of a dropped id to the kept node."""

    def citations(self, source_id: str) -> int:
        """How many nodes and relationships cite ``source_id`` in their ``sources``."""
        nodes, rels = self.cited_by(source_id)
        return len(nodes) + len(rels)

    @abstractmethod
    def cited_by(self, source_id: str) -> tuple[list[Node], list[Rel]]:
        """The nodes (by id) and relationships (by source, target, key) citing ``source_id`` in their ``sources``."""

    @abstractmethod
    def acting_for(self, node_id: str) -> list[Rel]:
        """The relationships whose ``acting_for`` names ``node_id`` (attendances on its behalf)."""

    # ---- reading -------------------------------------------------------------------------
    @abstractmethod
    def get(self, node_id: str) -> Node | None:
        """The node with this id, or None."""

    def get_many(self, node_ids: Iterable[str]) -> dict[str, Node]:
        """Nodes by id (missing ids are absent from the result)."""
        return {n.id: n for n in (self.get(i) for i in dict.fromkeys(node_ids)) if n is not None}

    @abstractmethod
    def exact(self, text: str, limit: int = 50) -> list[str]:
        """Ids of the nodes whose folded name or alias equals folded ``text``, in id order."""

    @abstractmethod
    def find(self, text: str, limit: int = 50) -> list[Node]:
        """Nodes whose folded name or alias equals, or contains all words of, ``text`` (best first)."""

    @abstractmethod
    def nodes(self, label: str | None = None) -> Iterator[Node]:
        """All nodes (of one label), in id order."""

    @abstractmethod
    def rels(self, rel_type: str | None = None) -> Iterator[Rel]:
        """All relationships (of one type), in (source, target, key) order."""

    @abstractmethod
    def edges_touching(self, node_ids: Iterable[str], types: Iterable[str] | None = None) -> list[Rel]:
        """Every relationship with an endpoint among ``node_ids`` (optionally of ``types``), once
        each, sorted by (source, target, key)."""

    def endpoints_touching(self, node_ids: Iterable[str],
                           types: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
        """``(source, target, type)`` of :meth:`edges_touching` (same order), for graph walks that
        need no properties."""
        return [(r.source, r.target, r.type) for r in self.edges_touching(node_ids, types)]

    @staticmethod
    def _graph(nodes: dict[str, Node], rels: Iterable[Rel]) -> nx.MultiDiGraph:
        import networkx as nx

        g = nx.MultiDiGraph()
        for node_id in sorted(nodes):
            g.add_node(node_id, **nodes[node_id].attrs())
        for r in sorted(rels, key=lambda r: (r.source, r.target, r.key)):
            if r.source in nodes and r.target in nodes:
                g.add_edge(r.source, r.target, key=r.key, **r.attrs())
        return g

    def subgraph(self, node_ids: Iterable[str]) -> nx.MultiDiGraph:
        """The given nodes and every relationship among them."""
        nodes = self.get_many(node_ids)
        return self._graph(nodes, self.edges_touching(nodes))

    def neighborhood(
        self, node_ids: Iterable[str], depth: int = 1, types: Iterable[str] | None = None,
        max_nodes: int | None = None,
    ) -> nx.MultiDiGraph:
        """Nodes within ``depth`` hops (either direction, optionally only over ``types``) and every
        relationship of the nodes closer than ``depth`` (so not those joining two nodes of the
        outermost ring: fetching them would read every relationship of a hub at the edge);
        expansion stops adding new nodes past ``max_nodes``."""
        types = list(types) if types else None
        seen: list[str] = list(dict.fromkeys(node_ids))
        known = set(seen)
        frontier = list(seen)
        rels: dict[tuple, Rel] = {}
        for _ in range(max(depth, 0)):
            if not frontier:
                break
            nxt: list[str] = []
            for r in sorted(self.edges_touching(frontier, types), key=lambda r: (r.source, r.target, r.key)):
                rels[(r.source, r.target, r.key)] = r
                for end in (r.source, r.target):
                    if end not in known and (max_nodes is None or len(known) < max_nodes):
                        known.add(end)
                        nxt.append(end)
            frontier = nxt
            seen.extend(nxt)
        return self._graph(self.get_many(seen), rels.values())

    @abstractmethod
    def counts(self) -> dict[str, dict[str, int]]:
        """``{"nodes": {label: n}, "relationships": {type: n}}`` with every schema name present."""

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for n in self.nodes():
            g.add_node(n.id, **n.attrs())
        for r in self.rels():
            g.add_edge(r.source, r.target, key=r.key, **r.attrs())
        return g

    # ---- query primitives -------------------------------------------------------------------
    # What the queries in queries/ are built from (they never see SQL, Cypher or a connection).
    # graph/sqlite_queries.py answers them in SQL, graph/neo4j_queries.py in Cypher; each returns
    # plain values in a fixed order, so that one query implementation gives the same rows on both.
    @abstractmethod
    def attended_events(self, node_id: str) -> list[str]:
        """Ids of the events ``node_id`` has an ATTENDED relationship to, sorted."""

    @abstractmethod
    def acting_for_events(self, org_id: str) -> list[str]:
        """Ids of the events someone attended ``acting_for`` organization ``org_id``, sorted."""

    @abstractmethod
    def attendance(self, event_ids: Iterable[str]) -> list[tuple[str, str, dict[str, Any]]]:
        """``(attendee, event, properties)`` of every ATTENDED into ``event_ids``, sorted by
        (event, attendee, key)."""

    @abstractmethod
    def labels_names(self, node_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """``{id: (label, name)}`` of the nodes that exist, without their other properties."""

    @abstractmethod
    def links(self, types: Iterable[str], kind: str | None = None) -> list[Rel]:
        """Relationships of ``types`` with an Organization of ``kind`` at either end (any
        relationship of those types when ``kind`` is None), sorted by (source, target, key)."""

    @abstractmethod
    def role_holders(self, keys: Iterable[str]) -> list[Rel]:
        """HOLDS_ROLE relationships whose ``role`` is one of ``keys`` or that have no ``role``,
        sorted by (source, target, key)."""

    @abstractmethod
    def endpoints(self, rel_type: str) -> list[tuple[str, str]]:
        """``(source, target)`` of every relationship of ``rel_type``, sorted, without properties."""

    def resolve(self, text: str, labels: Iterable[str] | None = None) -> Node:
        """The one entity ``text`` names (id, name or alias; case/accent-insensitive).

        Candidates are Persons and Organizations; Events and Sources only when none of those
        matches, unless ``labels`` names the labels to look in. A name equal to a name or alias
        beats a partial match. Raises NotFoundError (with the closest names) or AmbiguousError
        (the most connected candidates first, with their number)."""
        wanted = tuple(labels) if labels else None
        allowed = wanted or ENTITY_LABELS
        node = self.get(text)
        if node is not None:
            if wanted and node.label not in wanted:
                raise NotFoundError(f"{text!r} is a {node.label}, not a {' or '.join(wanted)}")
            return node
        if label_of_id(text) is not None:  # an id merged into another entity names the kept one
            kept = self.redirects().get(text)
            node = self.get(kept[0]) if kept else None
            if node is not None and (not wanted or node.label in wanted):
                return node
        exact = self.exact(text, limit=2)
        if len(exact) == 1:  # the common case, without find()'s word-prefix scan
            node = self.get(exact[0])
            if node is not None and node.label in allowed:
                return node
        found = self.find(text, limit=CANDIDATES)
        key = fold(text)
        equal = [n for n in found if key in name_keys(n.name, n.props.get("aliases") or [])]
        equal_ids = {n.id for n in equal}
        partial = [n for n in found if n.id not in equal_ids]
        tiers = [[n for n in equal if n.label in allowed], [n for n in partial if n.label in allowed]]
        if not wanted:
            tiers += [[n for n in equal if n.label not in allowed], [n for n in partial if n.label not in allowed]]
        pool = next((t for t in tiers if t), [])
        if len(pool) == 1:
            return pool[0]
        what = " or ".join(wanted) if wanted else "entity"
        if not pool:
            near = self.suggest(text, wanted)
            hint = f"; closest: {'; '.join(f'{n.name} ({n.id})' for n in near)}" if near else ""
            raise NotFoundError(f"no {what} matches {_shown(text)}{hint}")
        degree = self.degrees([n.id for n in pool])
        pool.sort(key=lambda n: (-degree.get(n.id, 0), n.name, n.id))
        many = f"{len(pool)}+" if len(found) >= CANDIDATES else str(len(pool))
        names = "; ".join(f"{n.name} ({n.id}, {_links(degree.get(n.id, 0))})" for n in pool[:SHOWN])
        more = f"; … {len(pool) - SHOWN} more" if len(pool) > SHOWN else ""
        raise AmbiguousError(f"{_shown(text)} is ambiguous, {many} candidates, most connected first: {names}{more} "
                             "(give an id, or --label)", candidates=pool)

    def degrees(self, node_ids: Iterable[str]) -> dict[str, int]:
        """Relationships per node (both directions)."""
        ids = set(node_ids)
        out: dict[str, int] = dict.fromkeys(ids, 0)
        for s, t, _ in self.endpoints_touching(ids):
            for end in {s, t} & ids:
                out[end] += 1
        return out

    def suggest(self, text: str, labels: Iterable[str] | None = None, n: int = 5) -> list[Node]:
        """The nodes whose names come closest to ``text`` (for "no entity matches" messages):
        candidates share the first letters of one of its words; ranked by rapidfuzz's WRatio."""
        from rapidfuzz import fuzz

        key = fold(text[:SUGGEST_CHARS * 2])[:SUGGEST_CHARS]
        wanted = set(labels) if labels else None
        pool: dict[str, Node] = {}
        for word in list(dict.fromkeys(key.split()))[:SUGGEST_WORDS]:
            for node in self.find(word[:3], limit=SUGGEST_POOL):
                if wanted is None or node.label in wanted:
                    pool.setdefault(node.id, node)
        scored = []
        for node in pool.values():
            score = max(fuzz.WRatio(key, k[:SUGGEST_CHARS])
                        for k in name_keys(node.name, node.props.get("aliases") or []))
            if score >= SUGGEST_SCORE:
                scored.append((-score, node.label not in ENTITY_LABELS, node.name, node.id, node))
        return [x[-1] for x in sorted(scored, key=lambda x: x[:4])[:n]]

    def describe(self) -> str:
        """A short description of the store for captions (never containing credentials)."""
        return self.kind

    def close(self) -> None:  # noqa: B027 - a store without connections has nothing to release
        """Release connections."""

    #: Whether opening it made a new store (an embedded file that was not there).
    created: bool = False

    def discard(self) -> None:
        """Close, and remove the store if this process created it (a failed first import)."""
        self.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _shown(text: str) -> str:
    """``text`` quoted for an error message, its middle cut when longer than a line."""
    return repr(text) if len(text) <= SUGGEST_CHARS else f"{text[:SUGGEST_CHARS // 2]!r}…({len(text)} characters)"


class BulkWriter(ABC):
    """Collects records for one unit of work; use as a context manager."""

    def __init__(self) -> None:
        self.stats = WriteStats()
        self.progress: Callable[[int], None] | None = None
        #: The input the records being added come from (named in errors found at commit time).
        self.origin: str | None = None

    @abstractmethod
    def add(self, record: Record) -> None:
        """Validate and queue one record."""

    def add_all(self, records: Iterable[Record]) -> None:
        """Queue many records."""
        for r in records:
            self.add(r)

    @abstractmethod
    def commit(self) -> WriteStats:
        """Write everything queued; raise on failure (leaving the store as the contract says)."""

    @abstractmethod
    def rollback(self) -> None:
        """Discard everything queued and not yet committed."""

    def __enter__(self) -> "BulkWriter":
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()


#: ``SCHEME:/`` at the start of a ``--db`` value (two or more letters, so ``C:/`` stays a path).
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]+):/")


def _redacted(db: str) -> str:
    """``db`` without a ``user:password@`` part (for messages)."""
    return re.sub(r"(://)[^/@]*@", r"\1", db)


def parse_db(db: str, origin: str = "--db") -> tuple[str, str]:
    """``("bolt", uri)`` for a server URI (scheme lower-cased) or ``("file", path)``.

    Anything starting ``scheme:/`` that is not a Bolt/Neo4j URI is an error rather than a file name,
    so a typo such as ``blot://`` or ``bolt:/`` never creates a local store (``./blot:/x`` still can).
    """
    m = _SCHEME.match(db)
    if m is None:
        return "file", db
    scheme = m.group(1).lower()
    shown = _redacted(db)
    what = f"{origin} {shown!r}"
    known = ", ".join(BOLT_SCHEMES)
    if scheme + "://" not in BOLT_SCHEMES:
        raise StoreError(f"{what}: {m.group(1)}:// is not a store URI (a server is one of {known}; "
                         "a file path that starts like a URI needs ./ in front)")
    if not db[m.end():].startswith("/"):
        raise StoreError(f"{what}: a server URI starts {scheme}:// (two slashes), "
                         f"e.g. {scheme}://localhost:7687")
    uri = scheme + db[len(m.group(1)):]
    try:
        parts = urlsplit(uri)
    except ValueError as exc:  # 'bolt://[::1' (an IPv6 address without its closing bracket)
        raise StoreError(f"{what}: not a valid URI ({exc})") from None
    try:
        port = parts.port
    except ValueError:
        raise StoreError(f"{what}: the port must be a number from 1 to 65535") from None
    if not parts.hostname:
        raise StoreError(f"{what}: no server host (e.g. {scheme}://localhost:7687)")
    if port == 0:
        raise StoreError(f"{what}: the port must be a number from 1 to 65535")
    return "bolt", uri


def _db_value(db: str | None) -> tuple[str, str]:
    """The store to open and where that value came from (for messages)."""
    for value, origin in ((db, "--db"), (os.environ.get("STAKEGRAPH_DB"), "STAKEGRAPH_DB"),
                          (os.environ.get("NEO4J_URI"), "NEO4J_URI")):
        if value:
            return value, origin
    return DEFAULT_DB, "--db"


def open_store(db: str | None = None, batch_size: int | None = None, *, create: bool = True) -> Store:
    """Open the store a ``--db`` value names: a Bolt/Neo4j URI or an embedded file path.

    Default: ``$STAKEGRAPH_DB``, else ``$NEO4J_URI``, else ``./stakegraph.db``. With ``create`` false
    a missing embedded file is an error ("no such store") instead of a new empty store.
    """
    db, origin = _db_value(db)
    kind, where = parse_db(db, origin)
    if kind == "bolt":
        from .neo4j_store import Neo4jStore

        store: Store = Neo4jStore(where)
    else:
        from .sqlite_store import SqliteStore

        store = SqliteStore(where, create=create)
    if batch_size:
        store.batch_size = batch_size
    return store


def check_store(db: str | None = None) -> dict[str, Any]:
    """Check a store without trusting it: ``{"store", "ok", "problems", "nodes", "relationships"}``.

    Embedded: SQLite's full integrity check, every stored property parsed, the schema version;
    Neo4j: the server answers and counts."""
    db, origin = _db_value(db)
    kind, where = parse_db(db, origin)
    if kind == "file":
        from .sqlite_store import check_file

        return check_file(where)
    store = open_store(where)
    try:
        counts = store.counts()
    finally:
        store.close()
    return {"store": store.describe(), "ok": True, "problems": [],
            "nodes": sum(counts["nodes"].values()), "relationships": sum(counts["relationships"].values())}


@contextmanager
def opened(db: str | None = None) -> Iterator[Store]:
    """``with opened(db) as store:`` — open and always close."""
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


def _links(n: int) -> str:
    return f"{n} link" if n == 1 else f"{n} links"
