"""Packaging: the explicit package list matches the folders; the console script is declared."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_package_list_matches_folders():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    assert config["tool"]["setuptools"]["package-dir"] == {"stakegraph": "."}
    folders = {"stakegraph"} | {
        "stakegraph." + ".".join(p.parent.relative_to(ROOT).parts)
        for p in ROOT.rglob("__init__.py")
        if not any(part in ("tests", "benchmarks", "build") or part.startswith(".")
                   for part in p.relative_to(ROOT).parts)
        and p.parent != ROOT
    }
    assert listed == folders
    assert not any(name.startswith("stakegraph.tests") for name in listed)
    assert config["project"]["scripts"]["stakegraph"] == "stakegraph.cli:main"


def test_imports_use_the_package_name():
    offenders = []
    for path in ROOT.rglob("*.py"):
        if any(part.startswith(".") or part == "build" for part in path.relative_to(ROOT).parts):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if s.startswith(("from graph", "import graph", "from importers", "from queries", "from exports",
                             "import importers", "import queries", "import exports")):
                offenders.append(f"{path.relative_to(ROOT)}: {s}")
    assert not offenders
