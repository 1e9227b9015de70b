"""Shared bits of the standards importer tests (OParl, Popolo, FtM)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from stakegraph.graph.convert import to_graph
from stakegraph.graph.records import Node
from stakegraph.importers import IMPORTERS, ImportContext

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "standards"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def samples(sub: str) -> Path:
    """A folder of /work/shared/samples, or skip the test."""
    folder = SHARED / "samples" / sub
    if not folder.is_dir():
        pytest.skip("../shared not present")
    return folder


def load(fmt: str, path: Path, ctx: ImportContext | None = None) -> tuple[list, nx.MultiDiGraph, ImportContext]:
    """Records (each validated), their graph, and the context of one import."""
    ctx = ctx or ImportContext()
    records = [rec.validate() for rec in IMPORTERS[fmt].read(path, ctx)]
    return records, to_graph(records), ctx


def labels(g: nx.MultiDiGraph) -> Counter:
    """Nodes per label."""
    return Counter(d.get("label") for _, d in g.nodes(data=True))


def types(g: nx.MultiDiGraph) -> Counter:
    """Relationships per type."""
    return Counter(d["type"] for _, _, d in g.edges(data=True))


def check_provenance(records: list) -> None:
    """Every fact cites a Source node that the import emitted; no edge dangles."""
    sources = {r.id for r in records if isinstance(r, Node) and r.label == "Source"}
    nodes = {r.id for r in records if isinstance(r, Node)}
    for rec in records:
        if isinstance(rec, Node) and rec.label == "Source":
            continue
        assert rec.props.get("sources"), rec
        assert set(rec.props["sources"]) <= sources, rec
        assert rec.props.get("extractor"), rec
        if not isinstance(rec, Node):
            assert rec.source in nodes and rec.target in nodes, rec
