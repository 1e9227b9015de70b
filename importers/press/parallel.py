"""Press rules over many files in worker processes; results are taken in the import's file order, so the
records are the same as one process makes (only the rules run in workers; resolution stays in the run)."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import OrderedDict
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import TracebackType

from ...graph.errors import InputError
from .extract import Extraction, extract
from .gazetteer import given_names, places

#: Environment variable: worker processes for the press rules (1: none). Default: the machine's cores, at most 8.
JOBS_ENV = "STAKEGRAPH_JOBS"
#: Fewer press files than this are read in the run's own process (starting workers costs ~0.5 s).
MIN_FILES = 16
#: Workers are forked (Linux); elsewhere fork is unsafe or missing and the rules run in the run's process.
_CAN_FORK = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
#: Files being read ahead per worker (bounds the memory held by finished, not yet taken results).
AHEAD = 4


def jobs() -> int:
    """Worker processes to use: ``STAKEGRAPH_JOBS``, else the machine's cores (at most 8)."""
    raw = os.environ.get(JOBS_ENV, "").strip()
    if not raw:
        return max(1, min(8, os.cpu_count() or 1))
    if not raw.isdigit() or int(raw) < 1:
        raise InputError(f"{JOBS_ENV}={raw!r}: expected a whole number of at least 1")
    return int(raw)


class ReadAhead:
    """Runs :func:`extract` on the given files in worker processes, a bounded window ahead of the reader."""

    def __init__(self, paths: list[Path], workers: int) -> None:
        places(), given_names()  # loaded once here, shared with the forked workers
        # fork: workers start with the loaded code and data, and no script is imported again (spawn re-runs
        # a caller's main module); they only run the rules, never touch the run's store connections
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        self._todo = list(reversed(paths))
        self._window = workers * AHEAD
        self._running: OrderedDict[Path, Future[Extraction]] = OrderedDict()
        self._fill()

    def _fill(self) -> None:
        while self._todo and len(self._running) < self._window:
            path = self._todo.pop()
            if path not in self._running:
                self._running[path] = self._pool.submit(extract, path)

    def take(self, path: Path) -> Extraction | None:
        """The extraction of ``path`` (its error raised here, as reading it inline would), or None when the
        file was not read ahead (the caller reads it itself)."""
        future = self._running.pop(path, None)
        if future is None:
            return None
        self._fill()
        try:
            return future.result()
        except BrokenProcessPool:  # a worker was killed (out of memory, a signal): read the file inline
            return None

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def read_ahead(paths: list[Path]) -> ReadAhead | None:
    """A :class:`ReadAhead` over ``paths`` when they are many and more than one worker is allowed, else None."""
    workers = min(jobs(), len(paths))
    if workers < 2 or len(paths) < MIN_FILES or not _CAN_FORK:
        return None
    return ReadAhead(paths, workers)
