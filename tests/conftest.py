"""Shared fixtures: both stores (embedded file and a real Bolt server), the shared/ folder, CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bolt_server import BoltServer, external_server, start_arcadedb

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORE_KINDS = ["embedded", "bolt"]


@pytest.fixture(autouse=True)
def fixed_export_time(monkeypatch):
    """Exports state one fixed time, so comparing two exports never depends on the clock's minute."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (tests skip where it is absent)."""
    if not SHARED.is_dir():
        pytest.skip("../shared not present beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory) -> BoltServer:
    """A real Bolt server for the session: $NEO4J_URI if set, else ArcadeDB started here."""
    server = external_server()
    if server is not None:
        yield server
        return
    server = start_arcadedb(tmp_path_factory.mktemp("arcadedb") / "server.log")
    try:
        yield server
    finally:
        server.stop()


def open_bolt_store(server: BoltServer, database: str | None = None):
    """A Neo4jStore on the test server (credentials passed directly, as the environment would)."""
    from stakegraph.graph.neo4j_store import Neo4jStore

    return Neo4jStore(server.uri, user=server.user, password=server.password,
                      database=database or server.fresh_database())


@pytest.fixture(params=STORE_KINDS)
def store_kind(request) -> str:
    return request.param


@pytest.fixture
def make_store(request, tmp_path):
    """Factory: ``make_store(kind)`` opens an empty store of that kind; all are closed after the test."""
    opened = []

    def make(kind: str):
        if kind == "embedded":
            from stakegraph.graph.sqlite_store import SqliteStore

            store = SqliteStore(tmp_path / f"store{len(opened)}.db")
        else:
            store = open_bolt_store(request.getfixturevalue("bolt_server"))
        opened.append(store)
        return store

    yield make
    for s in opened:
        s.close()


@pytest.fixture
def store(store_kind, make_store):
    """An empty store, once per kind (embedded, bolt)."""
    return make_store(store_kind)


@pytest.fixture
def db_arg(store_kind, tmp_path, request, monkeypatch) -> str:
    """A ``--db`` value for CLI tests, once per kind; Bolt credentials go through the environment."""
    if store_kind == "embedded":
        return str(tmp_path / "cli.db")
    server: BoltServer = request.getfixturevalue("bolt_server")
    database = server.fresh_database()
    monkeypatch.setenv("NEO4J_USERNAME", server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    if database:
        monkeypatch.setenv("NEO4J_DATABASE", database)
    return server.uri
