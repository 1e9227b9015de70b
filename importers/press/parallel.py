"""Press rules over many files in worker processes; results are taken in the import's file order, so the
records are the same as one process makes (only the rules run in workers; resolution stays in the run)."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import OrderedDict
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import TracebackType

from ...graph.errors import InputError
from .extract import Extraction, extract
from .gazetteer import given_names, places

#: Environment variable: worker processes for the press rules (1: none; at most the cores). Default: the cores, at most 8.
JOBS_ENV = "STAKEGRAPH_JOBS"
#: Fewer press files than this are read in the run's own process (starting workers costs ~0.5 s).
MIN_FILES = 16
#: Workers are forked (Linux); elsewhere fork is unsafe or missing and the rules run in the run's process.
_CAN_FORK = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
#: Files being read ahead per worker (bounds the memory held by finished, not yet taken results).
AHEAD = 4


def jobs() -> int:
    """Worker processes to use: ``STAKEGRAPH_JOBS`` (at most the machine's cores), else the cores (at most 8)."""
    cores = os.cpu_count() or 1
    raw = os.environ.get(JOBS_ENV, "").strip()
    if not raw:
        return max(1, min(8, cores))
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise InputError(f"{JOBS_ENV}={raw!r}: expected a whole number of at least 1")
    return min(int(raw), cores)


class ReadAhead:
    """Runs :func:`extract` on the given files in worker processes, a bounded window ahead of the reader.
    When the pool breaks (a worker killed: out of memory, a signal) the files not yet taken are read inline."""

    def __init__(self, paths: list[Path], workers: int) -> None:
        places(), given_names()  # loaded once here, shared with the forked workers
        # fork: workers start with the loaded code and data, and no script is imported again (spawn re-runs
        # a caller's main module); they only run the rules and exit without closing anything inherited
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        self._todo = list(reversed(paths))
        self._window = workers * AHEAD
        self._running: OrderedDict[Path, Future[Extraction]] = OrderedDict()
        self._broken = False
        try:
            self._fill()
        except BaseException:
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise

    def _fill(self) -> None:
        while not self._broken and self._todo and len(self._running) < self._window:
            path = self._todo.pop()
            if path in self._running:
                continue
            try:
                self._running[path] = self._pool.submit(extract, path)
            except (BrokenProcessPool, RuntimeError):  # broken, or shut down: the rest is read inline
                self._broken = True

    def take(self, path: Path) -> Extraction | None:
        """The extraction of ``path`` (its error raised here, as reading it inline would), or None when the
        file is not read ahead (the caller reads it itself)."""
        future = self._running.pop(path, None)
        if future is None or self._broken:
            return None
        self._fill()
        try:
            return future.result()
        except (BrokenProcessPool, CancelledError):
            self._broken = True
            return None

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if exc is None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            return
        # the run failed: its one-line error must not wait for the files the workers are still reading
        procs = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            proc.terminate()


def read_ahead(paths: list[Path]) -> ReadAhead | None:
    """A :class:`ReadAhead` over ``paths`` when they are many and more than one worker is allowed, else None
    (also when the system refuses new processes: the files are then read inline)."""
    workers = min(jobs(), len(paths))
    if workers < 2 or len(paths) < MIN_FILES or not _CAN_FORK:
        return None
    try:
        return ReadAhead(paths, workers)
    except OSError:  # no processes or shared memory left for workers
        return None
