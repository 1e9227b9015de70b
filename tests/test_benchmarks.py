"""Smoke test of the benchmark harness: ``benchmarks/run.py --quick`` prints every figure with a number.

NOT a timing test: it asserts that each figure is present and sane (finite, positive; 0/1 for flags),
never how fast anything is. Speed is judged by the full run recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import have_chromium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.run import FIGURES  # noqa: E402

FLAGS = {"html_pyvis_capped"}
LINE = re.compile(r"^([a-z0-9_]+): (\S+)$")

pytestmark = pytest.mark.smoke  # presence and sanity of the figures only; no speed assertions


def _have_bolt() -> bool:
    try:
        import arcadedb_embedded  # noqa: F401
        import neo4j  # noqa: F401
    except ImportError:
        return False
    return True


def test_quick_run_prints_every_figure_with_a_number():
    sections = ["local", "press"] + (["bolt"] if _have_bolt() else []) + (["html"] if have_chromium() else [])
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--only", ",".join(sections)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    values: dict[str, float] = {}
    for line in proc.stdout.splitlines():
        m = LINE.match(line)
        assert m, f"not a 'name: value' line: {line!r}"
        values[m.group(1)] = float(m.group(2))
    for section in sections:
        for name in FIGURES[section]:
            assert name in values, f"{name} missing from the output:\n{proc.stdout}"
            v = values[name]
            assert math.isfinite(v), name
            if name in FLAGS:
                assert v in (0, 1), name
            else:
                assert v > 0, f"{name} = {v}"
