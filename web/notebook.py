"""The Python API for notebooks: ``g = stakegraph.open("corpus.db")``, then ``g.met("…")``, ``g.around("…")``.

Query methods return the rows of the CLI's ``--format json`` (the same functions, see :mod:`.api`);
graph methods return a :class:`Subgraph`, which Jupyter draws inline with the HTML export's drawing.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from ..exports import ExportContext, export_graph
from ..exports.html import DEFAULT_LIMIT, render
from ..graph.errors import InputError
from ..graph.store import BOLT_SCHEMES, Store, open_store
from . import graphs
from .api import ROWS

#: Height of the inline drawing in a notebook, in pixels.
FRAME_HEIGHT = 560


class Rows(list):
    """Query rows (a plain list of dicts) that show as an escaped table in Jupyter."""

    def _repr_html_(self) -> str:
        if not self:
            return "<p>(no results)</p>"
        cols = list(dict.fromkeys(k for r in self for k in r if k != "sources"))
        head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in cols) + "</tr>"
                       for r in self[:500])
        more = f"<p>{len(self) - 500} more rows not shown</p>" if len(self) > 500 else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _cell(v: Any) -> str:
    if isinstance(v, dict):
        return str(v.get("name", v))
    if isinstance(v, list):
        return "; ".join(_cell(x) for x in v)
    return "" if v is None else str(v)


class Subgraph:
    """A part of the graph: ``.graph`` is the networkx MultiDiGraph; shows itself as the HTML drawing."""

    def __init__(self, graph: nx.MultiDiGraph, ctx: ExportContext):
        self.graph, self.ctx = graph, ctx

    def __repr__(self) -> str:
        return f"<Subgraph: {self.graph.number_of_nodes()} nodes, {self.graph.number_of_edges()} relationships>"

    def to_html(self, limit: int | None = DEFAULT_LIMIT) -> str:
        """The self-contained HTML page of the drawing (as ``export html`` writes it)."""
        return render(self.graph, self.ctx, limit)

    def _repr_html_(self) -> str:
        # a sandboxed frame: the page keeps its own CSP and scripts, the notebook's DOM stays apart
        return (f'<iframe srcdoc="{html.escape(self.to_html(), quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{FRAME_HEIGHT}px;border:1px solid #ddd" '
                f'title="{html.escape(self.ctx.title)}"></iframe>')

    def export(self, fmt: str, path: str | Path) -> list[Path]:
        """Write the subgraph in an export format (json, html, gexf, graphml, csv, png, …)."""
        return export_graph(fmt, self.graph, Path(path), self.ctx)


class Graph:
    """One open store; use as a context manager or call :meth:`close`."""

    def __init__(self, store: Store):
        self.store = store

    def __repr__(self) -> str:
        return f"<stakegraph {self.store.describe()}>"

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def _rows(self, command: str, **params: Any) -> Any:
        out = ROWS[command](self.store, _Params({k: v for k, v in params.items() if v is not None}))
        return Rows(out) if isinstance(out, list) else out

    # ---- rows -----------------------------------------------------------------------------------
    def search(self, text: str, limit: int = 20) -> Rows:
        """Entities whose name or alias matches ``text``."""
        return self._rows("search", text=text, limit=limit)

    def show(self, entity: str, limit: int = 0) -> dict[str, Any]:
        """An entity's profile: ``{"entity", "facts", "sources"}``."""
        return self._rows("show", entity=entity, limit=limit)

    def met(self, entity: str, with_: str | None = None, since: str | None = None, until: str | None = None,
            limit: int = 0) -> Rows:
        """Whom ``entity`` met (co-attendance), with sides, acting-for and quotes."""
        return self._rows("met", entity=entity, **{"with": with_}, since=since, until=until, limit=limit)

    def partners(self, kind: str | None = None, of: str | None = None, ownership: bool = False,
                 limit: int = 0) -> Rows:
        """Partnership, membership (and ownership) links between organizations."""
        return self._rows("partners", kind=kind, of=of, ownership="1" if ownership else None, limit=limit)

    def path(self, a: str, b: str, max_hops: int = 4, k: int = 3, as_of: str | None = None,
             exclude: Iterable[str] = ()) -> Rows:
        """Shortest connection chains between ``a`` and ``b``, each hop with its evidence."""
        return self._rows("path", a=a, b=b, max_hops=max_hops, k=k, as_of=as_of, exclude=list(exclude))

    def peers(self, entity: str, limit: int | None = None) -> Rows:
        """People in an equivalent role elsewhere, closest first."""
        return self._rows("peers", entity=entity, limit=limit)

    def timeline(self, entity: str, limit: int = 0) -> Rows:
        """Dated facts about ``entity`` in order."""
        return self._rows("timeline", entity=entity, limit=limit)

    def neighbors(self, entity: str, depth: int = 1, limit: int = 1000) -> Rows:
        """The nodes around ``entity`` (distance, degree)."""
        return self._rows("neighbors", entity=entity, depth=depth, limit=limit)

    def brokers(self, top: int = 10) -> Rows:
        """Who connects otherwise separate groups."""
        return self._rows("brokers", top=top)

    def source(self, source_id: str) -> dict[str, Any]:
        """Every fact taken from one source, with its quotes."""
        return self._rows("source", id=source_id)

    # ---- subgraphs -------------------------------------------------------------------------------
    def around(self, *entities: str, depth: int = 1, limit: int | None = graphs.PAGE_NODES) -> Subgraph:
        """The neighbourhood of ``entities`` (as ``export --around``), cut to its best-connected ``limit``."""
        return Subgraph(*graphs.view_graph(self.store, list(entities), [], depth, limit))

    def between(self, a: str, b: str, **options: Any) -> Subgraph:
        """The entities on the paths from ``a`` to ``b`` (options as :meth:`path`) and their links."""
        ids = graphs.path_ids(self.path(a, b, **options))
        if not ids:
            return Subgraph(nx.MultiDiGraph(), ExportContext(title="no path", store=self.store.describe()))
        return Subgraph(*graphs.view_graph(self.store, [], ids))

    def whole(self, limit: int | None = DEFAULT_LIMIT) -> Subgraph:
        """The whole graph (its ``limit`` best-connected nodes when drawn)."""
        from ..exports.base import select

        return Subgraph(*select(self.store, (), 0, limit))


class _Params(dict):
    def getlist(self, name: str) -> list[str]:
        value = self.get(name)
        return list(value) if isinstance(value, (list, tuple)) else ([str(value)] if value is not None else [])


def open_graph(db: str | Path | None = None) -> Graph:
    """Open the store ``db`` names (file path or bolt:// URI; default as the CLI's ``--db``); a store
    file that does not exist is an error (never a new empty store)."""
    text = None if db is None else str(db)
    if text is not None and not text.startswith(BOLT_SCHEMES) and not Path(text).is_file():
        raise InputError(f"{text}: no such store file")
    return Graph(open_store(text))
