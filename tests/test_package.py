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
    assert config["project"]["scripts"]["stakegraph"] == "stakegraph.__main__:run"  # Ctrl-C while loading is one line


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


#: Each room may import its own modules and the rooms before it; importers and queries not each other.
ROOMS = {"graph": 0, "importers": 1, "queries": 1, "exports": 2, "web": 3, "": 4}  # "": cli, __init__, __main__


def _load_time_imports(nodes: list, pkg: list[str], deps: set[str]) -> None:
    """Add to ``deps`` the package modules that the statements ``nodes`` of a module in ``pkg`` import."""
    import ast

    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.level:
            base = pkg[:len(pkg) - (node.level - 1)] if node.level > 1 else pkg
            mod = base + (node.module.split(".") if node.module else [])
            for alias in node.names:  # `from . import x` may name a module
                deps.add(".".join(mod if node.module else mod + [alias.name]))
        elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
            _load_time_imports(node.body + node.orelse, pkg, deps)
        elif isinstance(node, ast.Try):
            _load_time_imports(node.body, pkg, deps)


def _module_imports() -> dict[str, set[str]]:
    """Module -> package modules it imports at load time (relative imports outside functions and
    TYPE_CHECKING blocks), as dotted names below the package root."""
    import ast

    out: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in ("tests", "benchmarks", "eval", "scripts", "build") or rel.parts[0].startswith("."):
            continue
        parts = list(rel.with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        deps: set[str] = set()
        _load_time_imports(ast.parse(path.read_text("utf-8")).body, parts[:-1], deps)
        out[name] = deps
    known = set(out)
    return {m: {d if d in known else d.rsplit(".", 1)[0] for d in deps} & known - {m} for m, deps in out.items()}


def test_rooms_import_only_downward_and_modules_form_no_cycle():
    import networkx as nx

    def room(module: str) -> str:
        top = module.split(".")[0]
        return top if top in ROOMS else ""

    imports = _module_imports()
    upward = [f"{m} -> {d}" for m, deps in imports.items() for d in deps if room(m) != room(d)
              and (ROOMS[room(d)] > ROOMS[room(m)] or {room(m), room(d)} == {"importers", "queries"})]
    assert not upward
    g = nx.DiGraph([(m, d) for m, deps in imports.items() for d in deps])
    assert list(nx.simple_cycles(g)) == []
