"""A real Bolt server for tests: ArcadeDB (``arcadedb-embedded``) with its Bolt plugin, in a child process.

With ``NEO4J_URI`` set, tests use that server instead (its database is wiped before each test).
Run as a script, this module is the child: it starts the server and waits until told to stop.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

START_TIMEOUT = 120.0


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class BoltServer:
    """Connection facts of the test server; ``fresh_database()`` gives each test an empty database."""

    uri: str
    user: str
    password: str
    database: str | None
    http_port: int | None = None
    process: subprocess.Popen | None = None
    root: str | None = None
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def external(self) -> bool:
        return self.process is None

    def fresh_database(self) -> str | None:
        """Name of an empty database: a new one on ArcadeDB, the wiped configured one on Neo4j."""
        if self.external:
            from neo4j import GraphDatabase

            with GraphDatabase.driver(self.uri, auth=(self.user, self.password)) as drv:
                with drv.session(database=self.database) as s:
                    s.run("MATCH (n) DETACH DELETE n").consume()
            return self.database
        name = f"t{os.getpid()}_{next(self._counter)}"
        self.http("create database " + name)
        return name

    def http(self, command: str) -> dict:
        """Run a server command over ArcadeDB's HTTP API."""
        auth = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.http_port}/api/v1/server", data=json.dumps({"command": command}).encode(),
            headers={"Authorization": "Basic " + auth, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read() or b"{}")

    def stop(self) -> None:
        """Terminate the child server (and its JVM)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process = None


def external_server() -> BoltServer | None:
    """The server ``NEO4J_URI`` names, if set."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return BoltServer(uri, os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""),
                      os.environ.get("NEO4J_DATABASE") or "neo4j")


def start_arcadedb(log_path: Path | None = None) -> BoltServer:
    """Start ArcadeDB with Bolt on free loopback ports and a random root password."""
    root = tempfile.mkdtemp(prefix="sg-arcadedb-")
    password = secrets.token_urlsafe(18)
    bolt, http = free_port(), free_port()
    env = dict(os.environ, SG_ARCADE_ROOT=root, SG_ARCADE_PASSWORD=password,
               SG_ARCADE_BOLT=str(bolt), SG_ARCADE_HTTP=str(http))
    log_file = log_path or Path(root) / "server.log"
    ready = Path(root) / "READY"
    with open(log_file, "wb") as log:
        proc = subprocess.Popen([sys.executable, os.path.abspath(__file__)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True, cwd=root)
    server = BoltServer(f"bolt://127.0.0.1:{bolt}", "root", password, None, http, proc, root)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and not ready.exists() and proc.poll() is None:
        time.sleep(0.1)
    if not ready.exists():
        server.stop()
        raise RuntimeError(f"ArcadeDB did not start (see {log_file})")
    # the Bolt listener may lag the READY line by a moment
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", bolt), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    return server


def _child() -> None:
    from arcadedb_embedded.server import ArcadeDBServer

    server = ArcadeDBServer(
        root_path=os.environ["SG_ARCADE_ROOT"], root_password=os.environ["SG_ARCADE_PASSWORD"],
        config={"server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
                "bolt_port": int(os.environ["SG_ARCADE_BOLT"]), "http_port": int(os.environ["SG_ARCADE_HTTP"])})
    server.start()
    (Path(os.environ["SG_ARCADE_ROOT"]) / "READY").write_text("ok")
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    _child()
