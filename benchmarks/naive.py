"""The ways people do it by hand, measured as baselines in the same run.

* Bolt: one ``MERGE`` per row, each its own auto-commit ``session.run`` (the tutorial loop).
* Who met whom: unpickle the whole graph into networkx, then walk co-attendance.
* HTML: pyvis with its defaults (``Network()``, physics on), drawn in Chromium until vis-network
  reports ``stabilizationIterationsDone``.

Run as a script (``naive.py met GRAPH.pickle PERSON_ID``) it is the fresh process of the naive
cold query: it prints how many persons the person met.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path
from typing import Any

_HOOK = ("window.__sgStab = null; network.once('stabilizationIterationsDone', function () {"
         " window.__sgStab = performance.now(); });")
_ANCHOR = "network = new vis.Network(container, data, options);"


def bolt_merge_per_row(server: Any, nodes: list) -> float:
    """Nodes per second of the naive loop: one parameterized MERGE per node, auto-commit, on a fresh database."""
    from neo4j import GraphDatabase

    from stakegraph.graph.schema import check_label

    database = server.fresh_database()
    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        with driver.session(database=database) if database else driver.session() as session:
            # labels reach Cypher only from the schema's closed list, even in a baseline
            for label in sorted({check_label(n.label) for n in nodes}):  # the store's unique index
                session.run(f"CREATE CONSTRAINT naive_{label.lower()}_id IF NOT EXISTS "
                            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()
            t0 = time.perf_counter()
            for n in nodes:
                session.run(f"MERGE (n:{check_label(n.label)} {{id: $id}}) SET n += $props",
                            id=n.id, props={"name": n.name, **n.props}).consume()
            return len(nodes) / (time.perf_counter() - t0)


def pyvis_render(g: Any, path: Path, browser: Any, cap_s: float) -> tuple[float, bool, float]:
    """(seconds from ``Network()`` to stabilized drawing or the cap, whether capped, Python-side seconds).

    pyvis's template loads vis-network from a CDN; ``cdn_resources="in_line"`` inlines pyvis's
    bundled copy so the page works offline (its CDN stylesheet links are aborted, which only
    affects styling). Everything else is pyvis's default: physics on, default stabilization."""
    from pyvis.network import Network

    from tests.browser import open_page

    t0 = time.perf_counter()
    net = Network(cdn_resources="in_line")
    for n, attrs in g.nodes(data=True):
        net.add_node(n, label=str(attrs.get("name") or n))
    for u, v, attrs in g.edges(data=True):
        net.add_edge(u, v, title=str(attrs.get("type", "")))
    net.write_html(str(path))
    write = time.perf_counter() - t0
    html = path.read_text(encoding="utf-8")
    if _ANCHOR not in html:
        raise RuntimeError("pyvis template changed: cannot hook stabilizationIterationsDone")
    path.write_text(html.replace(_ANCHOR, _ANCHOR + "\n" + _HOOK, 1), encoding="utf-8")
    start = time.perf_counter()
    budget_ms = max(1.0, cap_s - (start - t0)) * 1000
    capped = False
    with open_page(browser, path, wait_ready=False, timeout_ms=int(budget_ms) + 5000) as (page, log):
        try:
            page.wait_for_function("window.__sgStab !== null && window.__sgStab !== undefined",
                                   timeout=max(1, int(cap_s * 1000 - (time.perf_counter() - t0) * 1000)),
                                   polling=50)
        except Exception:  # noqa: BLE001 - playwright TimeoutError: the cap was reached
            capped = True
        if log.errors:
            raise RuntimeError(f"pyvis page errors: {log.errors[:3]}")
    total = min(time.perf_counter() - t0, cap_s) if capped else time.perf_counter() - t0
    return (cap_s if capped else total), capped, write


def co_attendance(g: Any, person: str) -> set[str]:
    """Persons who attended an event the person attended (the hand-written networkx walk)."""
    met: set[str] = set()
    for _, event, data in g.out_edges(person, data=True):
        if data.get("type") != "ATTENDED":
            continue
        for other, _, d2 in g.in_edges(event, data=True):
            if d2.get("type") == "ATTENDED" and other != person and g.nodes[other].get("label") == "Person":
                met.add(other)
    return met


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] != "met":
        print("usage: naive.py met GRAPH.pickle PERSON_ID", file=sys.stderr)
        return 2
    with open(argv[1], "rb") as fh:
        g = pickle.load(fh)
    print(len(co_attendance(g, argv[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
