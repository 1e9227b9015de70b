"""Import files into a store: detect each file's format, stream its records, write them as one unit."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..graph.errors import InputError, SchemaError
from ..graph.store import Store, WriteStats
from .base import ImportContext, Importer, detect, input_path, is_blank


@dataclass
class ImportSummary:
    """What an import read and wrote."""

    files: list[tuple[str, str]] = field(default_factory=list)
    records: int = 0
    stats: WriteStats = field(default_factory=WriteStats)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """A JSON-ready view."""
        s = self.stats
        return {
            "files": [{"path": p, "format": f} for p, f in self.files], "records": self.records,
            "nodes_created": s.nodes_created, "nodes_updated": s.nodes_updated,
            "relationships_created": s.rels_created, "relationships_updated": s.rels_updated,
            "nodes_by_label": dict(sorted(s.by_label.items())),
            "relationships_by_type": dict(sorted(s.by_type.items())),
            "skipped": dict(sorted(self.skipped.items())), "notes": self.notes,
        }


def plan(paths: Iterable[str | Path], fmt: str | None = None) -> list[tuple[Path, Importer]]:
    """Each input with its importer; folders are read whole by an importer that takes folders
    (e.g. an OParl dump) or else file by file. Fails before anything is read if one is unreadable."""
    out: list[tuple[Path, Importer]] = []
    for raw in paths:
        path = input_path(raw)
        if path.is_dir():
            try:
                imp = detect(path, fmt)
                if imp.accepts_dirs:
                    out.append((path, imp))
                    continue
            except InputError:
                pass
            files = sorted(p for p in path.rglob("*") if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                raise InputError(f"{path}: folder holds no files")
            out.extend((p, detect(p, fmt)) for p in files)
        else:
            out.append((path, detect(path, fmt)))
    return out


def import_paths(store: Store, paths: Iterable[str | Path], fmt: str | None = None,
                 ctx: ImportContext | None = None,
                 progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Import files into ``store`` as one unit of work; on any error the store keeps what it had
    (embedded), or nothing was written (Neo4j: the whole input is read before the first write)."""
    ctx = ctx or ImportContext()
    ctx.store = store
    ctx.progress = progress
    summary = ImportSummary()
    inputs = plan(paths, fmt)
    with store.bulk() as writer:
        for path, importer in inputs:
            if path.is_file() and is_blank(path):  # in a folder (a named one is refused by plan)
                ctx.skip("empty file")
                ctx.notes.append(f"{path}: empty file, skipped")
                continue
            summary.files.append((str(path), importer.name))
            writer.origin = str(path)
            try:
                for record in importer.read(path, ctx):
                    writer.add(record)
                    summary.records += 1
            except SchemaError as exc:
                raise InputError(f"{path}: {exc}") from None
            except RecursionError:
                raise InputError(f"{path}: nested too deeply") from None
            except MemoryError:
                raise InputError(f"{path}: too large to read") from None
    summary.stats = writer.stats
    summary.skipped = ctx.skipped
    summary.notes = ctx.notes
    return summary


def total_bytes(paths: Iterable[str | Path]) -> int:
    """Size of the inputs in bytes (for a progress bar)."""
    total = 0
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            total += sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
        elif p.exists():
            total += p.stat().st_size
    return total
