"""Exporter contract and registry: each exporter writes a networkx subgraph to a path.

An exporter writes into a private temporary folder; :func:`export_graph` then moves the result to
the output path through :mod:`.output` (never over the store or an input, into special files,
through symlinks, ``-`` for standard output), so every format gets the same safe writing.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

import networkx as nx

from ..graph import schema
from ..graph.errors import InputError
from ..importers.base import file_sha256, source_id
from .output import Protected, cannot_write, publish, staging_dir, target
from ..queries.neighbors import keep_best_linked, neighborhood_graph

#: An exporter writes ``graph`` to ``path`` and returns the paths it wrote.
Exporter = Callable[[nx.MultiDiGraph, Path, "ExportContext"], list[Path]]


@dataclass
class ExportContext:
    """What an exporter may say about the export (captions, truncation)."""

    title: str = "stakegraph"
    store: str = ""
    around: list[str] = field(default_factory=list)
    depth: int | None = None
    omitted_nodes: int = 0
    created: str = field(default_factory=lambda: export_time())
    options: dict[str, Any] = field(default_factory=dict)
    #: Paths the output must never be (the store's files), each with what it is.
    protect: list[tuple[Path, str]] = field(default_factory=list)
    #: Raises if a path must not be replaced for what it holds (a file imported into the store).
    guard: Callable[[Path], None] | None = None


def export_time() -> str:
    """The time an export states: ``SOURCE_DATE_EPOCH`` (reproducible builds) if set, else now, in UTC."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 12:
        raise InputError(f"SOURCE_DATE_EPOCH: {raw[:40]!r} is not a count of seconds since 1970")
    try:
        return datetime.fromtimestamp(int(raw), timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    except (ValueError, OverflowError, OSError):
        raise InputError(f"SOURCE_DATE_EPOCH: {raw} seconds since 1970 is past the year 9999") from None


EXPORTERS: dict[str, Exporter] = {}
#: Formats that write a folder of files rather than one file.
WRITES_FOLDER: set[str] = set()


def register(name: str, folder: bool = False) -> Callable[[Exporter], Exporter]:
    """Decorator adding an exporter function under ``name`` (``folder``: it writes a folder of files)."""

    def deco(fn: Exporter) -> Exporter:
        EXPORTERS[name] = fn
        if folder:
            WRITES_FOLDER.add(name)
        return fn

    return deco


_NOT_EXPORTERS = frozenset({"base", "output", "rows", "tabular", "layout", "style"})


def _load_exporters() -> None:
    """Import every module of this package that registers an exporter (~0.5 s, so not at start)."""
    from .. import exports

    for mod in sorted(pkgutil.iter_modules(exports.__path__), key=lambda m: m.name):
        if mod.name not in _NOT_EXPORTERS and not mod.name.startswith("_"):
            importlib.import_module(f"{exports.__name__}.{mod.name}")


def exporter(fmt: str) -> Exporter:
    """The exporter registered as ``fmt``; a one-line error listing the known ones if none is."""
    _load_exporters()

    try:
        return EXPORTERS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r} (known: {', '.join(sorted(EXPORTERS))})") from None


def export_graph(fmt: str, graph: nx.MultiDiGraph, path: str | Path, ctx: ExportContext | None = None) -> list[Path]:
    """Write ``graph`` in format ``fmt`` to ``path`` (``-``: standard output); return the files written."""
    fn = exporter(fmt)
    ctx = ctx or ExportContext()
    folder = fmt in WRITES_FOLDER
    base = staging_dir(path, ctx.protect, folder)
    name = Path(str(path)).name if str(path) != "-" else ""
    try:
        with tempfile.TemporaryDirectory(prefix=".stakegraph-export-", dir=base) as tmp:
            built = Path(tmp) / (name or f"graph.{fmt}")
            written = fn(graph, built, ctx)
            if folder:
                Path(path).mkdir(parents=True, exist_ok=True)
                dests = [(w, Path(path) / w.relative_to(built)) for w in written]
                for _, dest in dests:  # every file checked before the first is moved
                    target(dest, ctx.protect)
                    if ctx.guard:
                        ctx.guard(dest)
                return [publish(w, dest, ctx.protect) for w, dest in dests]
            if written != [built]:
                raise InputError(f"internal: the {fmt} exporter wrote {written} instead of one file")
            if ctx.guard and str(path) != "-":
                ctx.guard(Path(path))
            return [publish(built, path, ctx.protect)]
    except OSError as exc:
        raise cannot_write(path, exc) from None


def store_files(store: Any) -> Protected:
    """The files of an embedded store (database and SQLite's side files), which no output may replace."""
    if getattr(store, "kind", None) != "embedded":
        return []
    db = Path(store.path)
    return [(db, "the store"), *((db.with_name(db.name + s), "a file of the store") for s in ("-wal", "-shm", "-journal"))]


def imported_guard(store: Any) -> Callable[[Path], None]:
    """A guard refusing to replace a regular file whose bytes were imported into ``store`` (its Source)."""

    def guard(path: Path) -> None:
        try:
            if not path.is_file() or path.stat().st_size == 0:
                return
            digest = file_sha256(path)
        except OSError:
            return  # unreadable or gone: the write itself reports what is wrong
        node = store.get(source_id(digest))
        if node is not None and node.label == schema.SOURCE and node.props.get("sha256") == digest:
            raise InputError(f"{path}: was imported into the store (Source {node.name!r}); "
                             "writing the output there would destroy an input (choose another path)")

    return guard


def guarded(store: Any, ctx: ExportContext) -> ExportContext:
    """``ctx`` with the store's own files and its imported inputs protected from being written over."""
    ctx.protect, ctx.guard = list(store_files(store)), imported_guard(store)
    return ctx


def export_store(store: Any, fmt: str, path: str | Path, around: Iterable[str] = (), depth: int = 2,
                 limit: int | None = None) -> tuple[list[Path], nx.MultiDiGraph, ExportContext]:
    """Export the store (or the neighbourhood of ``around``) as ``fmt`` to ``path``: the output path
    is checked before anything is read. Returns the files written, the graph and its context."""
    exporter(fmt)
    protect = list(store_files(store))
    folder = fmt in WRITES_FOLDER
    target(path, protect, folder)
    guard = imported_guard(store)
    if not folder and str(path) != "-":
        guard(Path(path))
    graph, ctx = select(store, around, depth, limit)
    return export_graph(fmt, graph, path, ctx), graph, ctx


def select(store: Any, around: Iterable[str] = (), depth: int = 2, limit: int | None = None
           ) -> tuple[nx.MultiDiGraph, ExportContext]:
    """The subgraph to export (the neighbourhood of ``around`` entities, or everything), cut to
    ``limit`` nodes, with the Source nodes its facts cite; and a context describing it."""
    ids = [store.resolve(a).id for a in around]
    if ids:
        graph, omitted, _ = neighborhood_graph(store, ids, depth, limit=limit)
    else:
        graph = store.to_networkx()
        omitted = keep_best_linked(graph, limit, ids)
    cited = {s for _, d in graph.nodes(data=True) for s in d.get("sources") or []}
    cited |= {s for *_, d in graph.edges(data=True) for s in d.get("sources") or []}
    missing = [s for s in cited if s not in graph]
    for node_id, node in sorted(store.get_many(missing).items()):
        graph.add_node(node_id, **node.attrs())
    names = [graph.nodes[i].get("name", i) for i in ids if i in graph]
    title = f"stakegraph: around {', '.join(names)}" if names else "stakegraph: whole graph"
    ctx = ExportContext(title=title, store=store.describe(), around=ids, depth=depth if ids else None,
                        omitted_nodes=omitted, options={"limit": limit} if limit else {})
    return graph, guarded(store, ctx)
