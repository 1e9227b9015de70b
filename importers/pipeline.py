"""Import files into a store: detect each file's format, stream its records, write them as one unit."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..graph.errors import ImporterFailure, InputError, SchemaError, StakegraphError
from ..graph.records import Node, Record
from ..graph.schema import SOURCE
from ..graph.store import Store, WriteStats
from .base import ImportContext, Importer, detect, input_path, is_blank, path_text, read_head


@dataclass
class ImportSummary:
    """What an import read and wrote."""

    files: list[tuple[str, str]] = field(default_factory=list)
    records: int = 0
    stats: WriteStats = field(default_factory=WriteStats)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    #: The dataset (id namespace) of each file whose ids are local to it (Popolo, FtM), by path.
    datasets: dict[str, str] = field(default_factory=dict)

    def formats(self) -> dict[str, int]:
        """How many files of each format were read."""
        return dict(sorted(Counter(fmt for _, fmt in self.files).items()))

    def as_dict(self) -> dict:
        """A JSON-ready view."""
        s = self.stats
        return {
            "files": [{"path": p, "format": f, **({"dataset": self.datasets[p]} if p in self.datasets else {})}
                      for p, f in self.files],
            "files_by_format": self.formats(), "records": self.records,
            "nodes_created": s.nodes_created, "nodes_updated": s.nodes_updated,
            "relationships_created": s.rels_created, "relationships_updated": s.rels_updated,
            "nodes_by_label": dict(sorted(s.by_label.items())),
            "relationships_by_type": dict(sorted(s.by_type.items())),
            "datasets": dict(sorted(Counter(self.datasets.values()).items())),
            "skipped": dict(sorted(self.skipped.items())), "notes": self.notes,
        }


@dataclass
class Input:
    """One unit of an import: a file, or the files of a dump one importer reads together (``files``)."""

    path: Path
    importer: Importer
    files: list[Path] | None = None


_WIKIDATA = re.compile(r"^wikidata:Q[1-9][0-9]*$")
#: Skip reason of a file in a folder that no importer reads (the note names the files).
UNREADABLE = "file in a folder that no importer reads"


def _folder_files(path: Path, unreadable: list[str] | None = None) -> list[Path]:
    """The files of a folder, hidden ones left out, in path order. What is neither a file nor a folder
    (a link to nothing or to itself, a named pipe, a device) and links to folders (not followed: they
    can loop) go to ``unreadable`` with the reason, so the summary counts them."""
    files, odd = [], []
    for p in path.rglob("*"):
        if any(part.startswith(".") for part in p.relative_to(path).parts):
            continue
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            if p.is_symlink():
                odd.append(f"{p}: a link to a folder, not followed (name that folder to import it)")
        elif p.is_symlink() and not p.exists() and not _loops(p):
            odd.append(f"{p}: a link to nothing (its target is missing)")
        else:
            try:
                input_path(p)
                odd.append(f"{p}: not a regular file")
            except InputError as exc:
                odd.append(str(exc).split(" (to import from a pipe")[0])
    if unreadable is not None:
        unreadable.extend(sorted(odd))
    return sorted(files)


def _loops(path: Path) -> bool:
    try:
        path.stat()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return False


def plan_inputs(paths: Iterable[str | Path], fmt: str | None = None,
                unreadable: list[str] | None = None) -> list[Input]:
    """Each input with its importer. A folder's format is detected per file; the files of a format
    that reads dumps whole (OParl: references between files) form one unit per folder argument.
    With a forced format, a folder that format reads whole is one unit. Files of a folder that no
    importer reads are listed in ``unreadable`` (with the reason); a named file must be readable.
    Fails before anything is read if an input is missing."""
    out: list[Input] = []
    for raw in paths:
        path = input_path(raw)
        if not path.is_dir():
            out.append(Input(path, detect(path, fmt)))
            continue
        if fmt and detect(path, fmt).accepts_dirs:
            out.append(Input(path, detect(path, fmt)))
            continue
        odd: list[str] = []
        files = _folder_files(path, odd)
        if not files:
            raise InputError(f"{path}: folder holds no files" + (f" (only {odd[0]})" if odd else ""))
        if unreadable is not None:
            unreadable.extend(odd)
        before = len(out)
        out.extend(_folder_inputs(path, files, fmt, unreadable))
        if len(out) == before:
            raise InputError(f"{path}: folder holds no format stakegraph reads (use --format)")
    return out


#: A file whose best importer is no surer than this is only a fallback guess (e.g. "some JSON").
WEAK = 0.3


def _folder_inputs(folder: Path, files: list[Path], fmt: str | None, unreadable: list[str] | None) -> list[Input]:
    """The inputs of a folder's files, each file's format detected on its own. Files of an importer
    that reads dumps whole form one group; a file inside a dump's folder (a folder directly holding a
    file of that format) that nothing else claims with confidence joins the group (an OParl crawl's
    index files), so nothing in a dump is read by a mere fallback."""
    found: list[tuple[Path, Importer]] = []
    for file in files:
        try:
            found.append((file, detect(file, fmt)))
        except InputError as exc:
            if unreadable is None:
                raise
            unreadable.append(str(exc))
    whole = {imp.name: imp for _, imp in found if imp.accepts_dirs and hasattr(imp, "read_files")}
    roots = {name: {f.parent for f, imp in found if imp.name == name} for name in whole}
    out: list[Input] = []
    groups: dict[str, Input] = {}
    for file, imp in found:
        if imp.name not in whole and not fmt:
            for name, dirs in roots.items():
                if any(d in file.parents for d in dirs) and imp.sniff(file, read_head(file)) <= WEAK:
                    imp = whole[name]
                    break
        if imp.name in whole:
            group = groups.get(imp.name)
            if group is None:
                group = groups[imp.name] = Input(folder, imp, [])
                out.append(group)
            assert group.files is not None
            group.files.append(file)
        else:
            out.append(Input(file, imp))
    return out


def plan(paths: Iterable[str | Path], fmt: str | None = None) -> list[tuple[Path, Importer]]:
    """Each input with its importer (see :func:`plan_inputs`; a dump read whole is its folder)."""
    return [(i.path, i.importer) for i in plan_inputs(paths, fmt, [])]


def _records(item: Input, ctx: ImportContext) -> Iterator[Record]:
    if item.files is not None:
        return item.importer.read_files(item.files, ctx)  # type: ignore[attr-defined]
    return item.importer.read(item.path, ctx)


def _guarded(item: Input, records: Iterator[Record]) -> Iterator[Record]:
    """The importer's records; an exception no input should cause (a bug) becomes an error naming the file."""
    try:
        yield from records
    except (StakegraphError, RecursionError, MemoryError, sqlite3.Error):
        raise  # a store read inside an importer (the press resolver) keeps the store's own message
    except OSError as exc:
        raise InputError(f"{item.path}: cannot be read ({exc.strerror or exc})") from None
    except Exception as exc:
        raise ImporterFailure(f"{item.path}: the {item.importer.name} importer failed ({type(exc).__name__}: "
                              f"{exc}); this is a bug in stakegraph, please report it with this file") from exc


def _single_files(inputs: list[Input]) -> dict[Importer, list[Path]]:
    """The files each importer will read one by one, in the run's order (empty files left out: they are skipped)."""
    out: dict[Importer, list[Path]] = {}
    for item in inputs:
        if item.files is None and item.path.is_file() and not is_blank(item.path):
            out.setdefault(item.importer, []).append(item.path)
    return out


def _shared_identifiers(seen: dict[str, set[str]]) -> list[str]:
    """Notes on Wikidata ids held by several entities: recorded, never merged by accident."""
    shared = {wid: ids for wid, ids in seen.items() if len(ids) > 1}
    if not shared:
        return []
    wid, ids = min(shared.items())
    return [f"{len(shared)} Wikidata id(s) are held by more than one entity of this import (e.g. {wid}: "
            f"{', '.join(sorted(ids)[:3])}); they were not joined: `stakegraph merge KEEP DROP` joins two"]


def import_paths(store: Store, paths: Iterable[str | Path], fmt: str | None = None,
                 ctx: ImportContext | None = None,
                 progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Import files into ``store`` as one unit of work; on any error the store keeps what it had
    (embedded), or nothing was written (Neo4j: the whole input is read before the first write)."""
    ctx = ctx or ImportContext()
    ctx.store = store
    ctx.progress = progress
    summary = ImportSummary()
    unreadable: list[str] = []
    inputs = plan_inputs(paths, fmt, unreadable)
    wikidata: dict[str, set[str]] = {}
    with ExitStack() as ahead:
        for imp, files in _single_files(inputs).items():  # workers start before the store's transaction does
            started = imp.read_ahead(files, ctx)
            if started is not None:
                ahead.enter_context(started)
        with store.bulk() as writer:
            for item in inputs:
                if item.files is None and item.path.is_file() and is_blank(item.path):
                    ctx.skip("empty file")  # in a folder (a named one is refused by plan)
                    ctx.notes.append(f"{item.path}: empty file, skipped")
                    continue
                for file in item.files if item.files is not None else [item.path]:
                    summary.files.append((path_text(file), item.importer.name))
                writer.origin = str(item.path)
                try:
                    for record in _guarded(item, _records(item, ctx)):
                        writer.add(record)
                        summary.records += 1
                        if isinstance(record, Node) and record.label != SOURCE:
                            for ident in record.props.get("identifiers") or ():
                                if isinstance(ident, str) and _WIKIDATA.match(ident):
                                    wikidata.setdefault(ident, set()).add(record.id)
                except SchemaError as exc:
                    raise InputError(f"{item.path}: {exc}") from None
                except RecursionError:
                    raise InputError(f"{item.path}: nested too deeply") from None
                except MemoryError:
                    raise InputError(f"{item.path}: too large to read") from None
    if unreadable:
        ctx.skip(UNREADABLE, len(unreadable))
        ctx.notes.extend(unreadable[:5])
    ctx.notes.extend(_shared_identifiers(wikidata))
    summary.stats = writer.stats
    summary.skipped = ctx.skipped
    summary.notes = ctx.notes
    summary.datasets = dict(ctx.datasets)
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
