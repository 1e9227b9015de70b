"""The Neo4j store's writer: the input spooled to disk and checked first, then batched ``UNWIND … MERGE``."""

from __future__ import annotations

import pickle
import tempfile
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Iterator

from . import schema
from .errors import InputError, SchemaError, StoreError
from .neo4j_store import Neo4jStore, _node_from, _node_props, cypher
from .records import Node, Record, Rel, label_of_id, merge_node, merge_props, normal_node, normal_props, redirected
from .store import BulkWriter, WriteStats, chunks


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

    def __init__(self, store: Neo4jStore, deletes: list[str | Rel] | None = None, redirect: bool = True,
                 single: bool = False):
        super().__init__()
        self.store = store
        self.deletes = list(deletes or [])  # nodes (ids) and relationships deleted first (``single`` only)
        self.single = single  # everything in one transaction (merge, split), not committed batches
        #: merge judgements applied to every record (None: not read yet; {}: none, or not applied)
        self.redirects: dict[str, tuple[str, str]] | None = None if redirect else {}
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
        if self.redirects is None:
            self.redirects = self.store.redirects()
        if self.redirects:
            moved = redirected(record, self.redirects)
            if moved is None:
                return
            record = moved
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
        for chunk in chunks(self.loose, self.batch):
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
                if self.single:
                    self._in_one_transaction()
                    return self.stats
                self._pipelined(((len(b), self._send(self._write_nodes(label, b)))
                                 for label, b in self.nodes.batches()), "nodes")
                self._pipelined(((len(b), self._send(self._write_rels(rtype, b)))
                                 for rtype, b in self.rels.batches()), "rels")
            except StoreError as exc:
                if self.single:
                    raise
                raise StoreError(
                    f"{exc} — import stopped after {self.done_nodes} of {total_n} nodes and "
                    f"{self.done_rels} of {total_r} relationships; committed batches stay, re-run the "
                    "same import to complete it") from None
        finally:
            self.rollback()
        return self.stats

    def _send(self, work: Callable[[Any], WriteStats]) -> Callable[[], None]:
        """A call writing one prepared batch in a transaction of its own."""
        def send() -> None:
            self.stats.add(self.store.run_write(work))
        return send

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

    def _in_one_transaction(self) -> None:
        """Delete ``self.deletes``, then write every batch, all in one transaction."""
        node_ids = [i for i in self.deletes if isinstance(i, str)]
        doomed = self.store.labels_of(node_ids) if node_ids else {}
        doomed_rels = [r for r in self.deletes if isinstance(r, Rel)]
        ends = self.store.labels_of({e for r in doomed_rels for e in (r.source, r.target)}) if doomed_rels else {}

        def work(tx) -> WriteStats:
            self.fresh.clear()
            self.written.clear()
            self.written_ids.clear()
            stats = WriteStats()
            for r in doomed_rels:
                if r.source in ends and r.target in ends:
                    tx.run(cypher("MATCH (a:$L {id: $s})-[e:$T {key: $k}]->(b:$M {id: $t}) DELETE e",
                                  label=ends[r.source], label2=ends[r.target], rel_type=r.type),
                           s=r.source, t=r.target, k=r.key).consume()
            for node_id, label in sorted(doomed.items()):
                tx.run(cypher("MATCH (n:$L {id: $id}) DETACH DELETE n", label=label), id=node_id).consume()
            for label, b in self.nodes.batches():
                stats.add(self._write_nodes(label, b)(tx))
            for rtype, b in self.rels.batches():
                stats.add(self._write_rels(rtype, b)(tx))
            return stats

        self.stats.add(self.store.run_write(work))

    def _write_nodes(self, label: str, batch: list[tuple]) -> Callable[[Any], WriteStats]:
        """Prepare one batch of nodes; the returned ``work(tx)`` writes it."""
        merged: dict[str, Node] = {}
        for node_id, name, props in batch:
            node = Node(node_id, label, name, props)
            prev = merged.get(node_id)
            merged[node_id] = merge_node(prev, node) if prev else node
        nodes = list(merged.values())
        read = cypher("UNWIND $ids AS id MATCH (n:$L {id: id}) RETURN properties(n) AS p", label=label)
        fresh, written = self.fresh, self.written_ids
        # ids first written by this batch: each is counted once per import, whatever the batches
        first = {n.id for n in nodes if hash(n.id) not in written}
        # into a label the database held nothing of, only ids written earlier in this import can exist
        ids = ([n.id for n in nodes if n.id not in first] if label in self.empty
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
                    if node.id in first:
                        stats.nodes_updated += 1
                else:
                    node = normal_node(node)
                    stats.nodes_created += 1
                    fresh.add(node.id)
                props = _node_props(node)
                if old is not None:  # a property the merge dropped is removed (set to null)
                    props.update((k, None) for k in old.props if k not in props)
                rows.append({"id": node.id, "props": props})
            stats.by_label[label] = stats.by_label.get(label, 0) + len(first)
            for keys, group in _by_keys(rows):
                q = cypher("UNWIND $rows AS r MERGE (n:$L {id: r.id}) SET " + _set_list("n", keys), label=label)
                tx.run(q, rows=group).consume()
            return stats

        written.update(hash(n.id) for n in nodes)  # batches are written in order: the next one sees these
        return work

    def _write_rels(self, rel_type: str, batch: list[tuple]) -> Callable[[Any], WriteStats]:
        """Prepare one batch of relationships of a type; the returned ``work(tx)`` writes it."""
        merged: dict[tuple, dict[str, Any]] = {}
        for s, t, k, props in batch:
            prev = merged.get((s, t, k))
            merged[(s, t, k)] = merge_props(prev, props) if prev is not None else normal_props(props)
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
        first = {key for key in merged if hash(key) not in written}  # counted once per import
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
                        props = {**dict.fromkeys(old), **merge_props(old, props)}  # dropped keys: null
                        if (s, t, k) in first:
                            stats.rels_updated += 1
                    else:
                        stats.rels_created += 1
                    rows.append({"s": s, "t": t, "k": k, "props": {**props, "key": k}})
                stats.by_type[rel_type] = stats.by_type.get(rel_type, 0) + sum((s, t, k) in first
                                                                               for s, t, k, _ in rels)
                merge = ("MERGE (b)<-[e:$T {key: r.k}]-(a)" if from_target else "MERGE (a)-[e:$T {key: r.k}]->(b)")
                for keys, group in _by_keys(rows):
                    write = cypher("UNWIND $rows AS r MATCH (a:$L {id: r.s}) MATCH (b:$M {id: r.t}) " + merge +
                                   " SET " + _set_list("e", keys), label=ls, label2=lt, rel_type=rel_type)
                    tx.run(write, rows=group).consume()
            return stats

        return work
