"""Exporters by name (registered in their modules, loaded on first use by ``exporter``)."""

from __future__ import annotations

from .base import ExportContext, export_graph, exporter, register  # noqa: F401
