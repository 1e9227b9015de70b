"""stakegraph: a graph of people, organizations, roles and meetings from what is written about public life."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the notebook API is imported on first use: ``python -m stakegraph --version`` stays fast
    from .web.notebook import Graph

__version__ = "0.1.0"


def open(db: str | None = None) -> Graph:  # noqa: A001 - ``stakegraph.open(db)`` reads like ``open(file)``
    """Open a store for Python/Jupyter use: query methods return rows, subgraphs draw themselves inline."""
    from .web.notebook import open_graph

    return open_graph(db)
