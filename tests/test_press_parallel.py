"""Press rules in worker processes (STAKEGRAPH_JOBS): the same graph as one process makes, the same
one-line errors, and the store unchanged when a file is bad."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import cli
from stakegraph.importers.press import parallel
from stakegraph.importers.press.parallel import MIN_FILES

_TOWNS = ["Westerau", "Nordhafen", "Lindenbrück", "Ostermoor", "Falkenried", "Birkental"]
_PEOPLE = ["Greta Ulmendorf", "Tomas Reiher", "Ilka Sandvoss", "Jannik Oberle", "Mira Kestner", "Ole Brandhuber"]


def _corpus(folder: Path, n: int = MIN_FILES + 4) -> Path:
    """``n`` invented releases: visits between invented towns, each with its mayors."""
    folder.mkdir()
    for i in range(n):
        host, guest = _TOWNS[i % 6], _TOWNS[(i + 1) % 6]
        mayor, other = _PEOPLE[i % 6], _PEOPLE[(i + 3) % 6]
        (folder / f"release_{i:02d}.txt").write_text(
            f"{host}. Bürgermeisterin {mayor} hat am 1{i % 9}. März 2025 eine Delegation aus der Partnerstadt "
            f"{guest} im Rathaus empfangen. Angeführt wurde die Gruppe von Bürgermeister {other}. "
            f"Die Stadt {host} und die Stadt {guest} sind seit 19{60 + i} partnerschaftlich verbunden.\n",
            encoding="utf-8")
    return folder


_REAL_EXTRACT = parallel.extract


def _dies_on_the_sixth(path: Path):
    """The rules, in a worker that is killed when it reaches the sixth release (picklable: module level)."""
    if path.name == "release_05.txt":
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_EXTRACT(path)


def _import(db: Path, folder: Path, jobs: str):
    return CliRunner().invoke(cli, ["--db", str(db), "import", str(folder)], env={"STAKEGRAPH_JOBS": jobs})


def _graph(db: Path, tmp_path: Path) -> dict:
    out = tmp_path / f"{db.stem}.json"
    r = CliRunner().invoke(cli, ["--db", str(db), "export", "json", "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text("utf-8"))
    data["graph"].pop("store", None)  # names the database file
    data["graph"].pop("created", None)  # the minute of the export
    return data


def test_workers_give_the_graph_one_process_gives(tmp_path):
    folder = _corpus(tmp_path / "press")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    r1, r2 = _import(one, folder, "1"), _import(two, folder, "2")
    assert r1.exit_code == 0 and r2.exit_code == 0, (r1.output, r2.output)
    assert r1.output.replace("one.db", "X") == r2.output.replace("two.db", "X")
    assert _graph(one, tmp_path) == _graph(two, tmp_path)


def test_a_bad_file_among_many_is_named_and_the_store_is_unchanged(tmp_path):
    folder = _corpus(tmp_path / "press")
    db = tmp_path / "s.db"
    assert _import(db, folder, "2").exit_code == 0
    before = _graph(db, tmp_path)
    cut = ("Westerau. Die Bürgermeisterin hat heute die Gäste aus Nordhafen im Rathaus begrüßt. " * 30).encode("utf-16")
    (folder / "release_07.txt").write_bytes(cut + b"\x00\xd8")  # UTF-16 cut inside a surrogate pair
    (folder / "release_99.txt").write_text("Nordhafen. Bürgermeister Kai Wendehals besuchte Westerau.\n", encoding="utf-8")
    r = _import(db, folder, "2")
    assert r.exit_code == 1 and (r.exception is None or isinstance(r.exception, SystemExit)), r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "release_07.txt" in lines[0] and "UTF-16" in lines[0], r.output
    assert _graph(db, tmp_path) == before


@pytest.mark.parametrize("value", ["two", "0", "²", "-3"])
def test_a_bad_jobs_value_is_a_one_line_error(tmp_path, value):
    folder = _corpus(tmp_path / "press")
    r = _import(tmp_path / "j.db", folder, value)
    assert r.exit_code == 1, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "STAKEGRAPH_JOBS" in lines[0], r.output


def test_a_killed_worker_leaves_its_files_to_the_run(tmp_path, monkeypatch):
    """A worker that dies (out of memory, a signal) breaks the pool: the files not yet read are read
    inline, and the graph is the one a single process makes."""
    folder = _corpus(tmp_path / "press")
    one = tmp_path / "one.db"
    assert _import(one, folder, "1").exit_code == 0
    monkeypatch.setattr(parallel, "extract", _dies_on_the_sixth)
    two = tmp_path / "two.db"
    r = _import(two, folder, "2")
    assert r.exit_code == 0, r.output
    assert _graph(one, tmp_path) == _graph(two, tmp_path)
