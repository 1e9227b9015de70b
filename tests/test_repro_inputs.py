"""The defect reproductions of ../shared/repro for inputs and the store (issue 16), run as they were
filed: each script exits 0 once its defect is gone. Skipped where ../shared is absent; the in-repo
tests of the same defects are in test_inputs.py and test_store_safety.py."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPRO = ROOT.parent / "shared" / "repro"
ROOTLESS = ["D05", "D06", "D07", "D08", "D10", "D11", "D21"]


def _script(defect: str) -> Path:
    if not REPRO.is_dir():
        pytest.skip("../shared/repro not present beside the repository")
    found = sorted(REPRO.glob(f"{defect}_*.sh"))
    if not found:
        pytest.skip(f"no {defect} script in ../shared/repro")
    return found[0]


def _run(defect: str, scratch: Path) -> subprocess.CompletedProcess:
    # the scripts make their scratch folder with `mktemp -d /tmp/…` and leave it (50 MB for D21): a
    # bash function of the same name, passed in the environment, puts it under pytest's tmp_path
    env = dict(os.environ, SG=f"{shlex.quote(sys.executable)} -m stakegraph", PY=shlex.quote(sys.executable))
    env["BASH_FUNC_mktemp%%"] = f"() {{ command mktemp -d {shlex.quote(str(scratch))}/sg-repro-XXXXXX; }}"
    return subprocess.run(["bash", str(_script(defect))], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.parametrize("defect", ROOTLESS)
def test_repro_script_passes(defect, tmp_path):
    r = _run(defect, tmp_path)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert "OK (fixed)" in r.stdout


@pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("unshare")),
                    reason="D26 mounts a private tmpfs: needs root and unshare")
def test_repro_full_disk_reads(tmp_path):
    r = _run("D26", tmp_path)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]


def test_repro_tracebacks_of_inputs_and_store(tmp_path):
    """D16 a-f (g and h are output files, tested with the exports)."""
    out = _run("D16", tmp_path).stdout
    for case in "abcdef":
        line = next((ln for ln in out.splitlines() if re.match(rf"^\S+\s+{case}\) ", ln)), None)
        assert line is not None and line.startswith("one-line"), out


def test_repro_small_defects_of_inputs_and_store(tmp_path):
    """D17 lines D17-D20, D22, D25 (the others belong to outputs, dates, ids and resolution)."""
    out = _run("D17", tmp_path).stdout
    assert list(tmp_path.glob("sg-repro-*")), "the script's scratch folder was not placed under tmp_path"
    for defect in ("D17", "D18", "D19", "D20", "D22", "D25"):
        assert re.search(rf"^fixed\s+{defect}\b", out, re.M), out
