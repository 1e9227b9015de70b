"""Exporters by name. Every module in this package that registers an exporter is loaded here."""

from __future__ import annotations

import importlib
import pkgutil

from .base import EXPORTERS, ExportContext, export_graph, register  # noqa: F401

_NOT_EXPORTERS = {"base", "output"}

for _mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _mod.name not in _NOT_EXPORTERS and not _mod.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_mod.name}")
