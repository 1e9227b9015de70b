"""Every defect reproduction of ../shared/repro (issue 16), run as it was filed: each script exits 0
once its defect is gone. The Bolt ones run against the tests' Bolt server; D09 and D26 mount a
private tmpfs (root and unshare). Skipped where ../shared is absent; the in-repo tests of the same
defects, in our own words, are in test_output_safety, test_inputs, test_store_safety, test_terminal,
test_resolution, test_determinism, test_queries and test_export_html."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REPRO = SHARED / "repro"
SCRIPTS = sorted(p.name for p in REPRO.glob("D*_*") if p.suffix in (".sh", ".py")) if REPRO.is_dir() else []
NEEDS_ROOT = {"D09", "D26"}  # private tmpfs mounts
NEEDS_BOLT = {"D12"}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("unshare") is not None


@pytest.fixture(scope="module")
def sg(tmp_path_factory) -> str:
    """A ``stakegraph`` executable running this checkout (as the scripts call it: one word)."""
    exe = tmp_path_factory.mktemp("bin") / "stakegraph"
    exe.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m stakegraph \"$@\"\n", "utf-8")
    exe.chmod(0o755)
    return str(exe)


@pytest.mark.skipif(not SCRIPTS, reason="../shared/repro not present beside the repository")
@pytest.mark.parametrize("script", SCRIPTS or ["none"])
def test_repro_script_exits_0(script, sg, tmp_path, request):
    defect = script.split("_", 1)[0]
    if defect in NEEDS_ROOT and not IS_ROOT:
        pytest.skip(f"{defect} mounts a private tmpfs: needs root and unshare")
    env = dict(os.environ, SG=sg, PY=sys.executable, EXAMPLES=str(ROOT / "examples"), SHARED=str(SHARED))
    # the scripts make their scratch folder with `mktemp -d /tmp/…` and leave it (50 MB for D21): a
    # bash function of that name, passed in the environment, puts it under pytest's tmp_path
    env["BASH_FUNC_mktemp%%"] = f"() {{ command mktemp -d {shlex.quote(str(tmp_path))}/sg-repro-XXXXXX; }}"
    if defect in NEEDS_BOLT:
        server = request.getfixturevalue("bolt_server")
        env.update(NEO4J_URI=server.uri, NEO4J_USERNAME=server.user, NEO4J_PASSWORD=server.password,
                   NEO4J_DATABASE=server.fresh_database() or "")
    cmd = [sys.executable if script.endswith(".py") else "bash", str(REPRO / script)]
    res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, (res.stdout[-4000:] + res.stderr[-4000:])
