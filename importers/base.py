"""Importer contract and registry: each importer turns one input file into a stream of records."""

from __future__ import annotations

import hashlib
import os
from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterator

from ..graph import schema
from ..graph.errors import InputError
from ..graph.records import Node, Record, make_id, slug

HEAD_BYTES = 4096


@dataclass
class ImportContext:
    """Options and bookkeeping shared by the importers of one run."""

    min_confidence: float = 0.0
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[int], None] | None = None
    #: The store being imported into (None for ``extract``); read-only use, e.g. cross-document resolution.
    store: Any = None
    #: Per-run state importers share across the files of one run (e.g. a resolver), by importer name.
    state: dict[str, Any] = field(default_factory=dict)
    #: The dataset (id namespace) each file's local ids were read in, by path (Popolo, FtM).
    datasets: dict[str, str] = field(default_factory=dict)

    def skip(self, reason: str, n: int = 1) -> None:
        """Count a record left out, by reason (reported in the import summary)."""
        self.skipped[reason] += n

    def advance(self, nbytes: int) -> None:
        """Report bytes of input consumed (drives the progress bar)."""
        if self.progress is not None and nbytes:
            self.progress(nbytes)


class Importer(ABC):
    """Reads one file (or folder) and yields Node and Rel records with provenance."""

    #: Registry name, used by ``--format``.
    name: ClassVar[str] = ""
    #: File name endings this importer claims (lower case, with the dot).
    extensions: ClassVar[tuple[str, ...]] = ()
    #: Whether the importer accepts a directory as a single input.
    accepts_dirs: ClassVar[bool] = False

    def sniff(self, path: Path, head: bytes) -> float:
        """How sure (0..1) this importer is that it reads ``path``, from its name and first bytes."""
        return 0.5 if path.suffix.lower() in self.extensions else 0.0

    @abstractmethod
    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        """Yield records; raise InputError naming the file (and line/column) on bad input."""


IMPORTERS: dict[str, Importer] = {}


def register(cls: type[Importer]) -> type[Importer]:
    """Class decorator adding an importer to the registry under ``cls.name``."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    IMPORTERS[cls.name] = cls()
    return cls


def read_head(path: Path) -> bytes:
    """First bytes of a file ('' for a folder); InputError when it cannot be read."""
    if path.is_dir():
        return b""
    try:
        with open(path, "rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def detect(path: Path, forced: str | None = None) -> Importer:
    """The importer for ``path``: the forced ``--format`` or the most confident sniffer."""
    from .. import importers  # noqa: F401  (loads every registered importer)

    if forced:
        try:
            return IMPORTERS[forced]
        except KeyError:
            raise InputError(f"unknown format {forced!r} (known: {', '.join(sorted(IMPORTERS))})") from None
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    head = read_head(path)
    if head and b"\x00" in head[:1024] and not head.startswith((b"PK\x03\x04",)):
        raise InputError(f"{path}: binary file, not a format stakegraph reads")
    scored = sorted(((imp.sniff(path, head), imp.name, imp) for imp in IMPORTERS.values()
                     if not path.is_dir() or imp.accepts_dirs), key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] <= 0:
        if path.is_dir():
            raise InputError(f"{path}: folder holds no format stakegraph reads (use --format)")
        if not head.strip():
            raise InputError(f"{path}: file is empty")
        raise InputError(f"{path}: unrecognised format (use --format; known: {', '.join(sorted(IMPORTERS))})")
    return scored[0][2]


def check_dataset(name: str | None) -> str | None:
    """A ``--dataset`` name as the id namespace it gives ('UK Commons' -> 'uk-commons'); None passes."""
    if name is None:
        return None
    ns = slug(name)
    if not ns:
        raise InputError(f"--dataset {name!r}: needs letters or digits")
    return ns


def decode(data: bytes, path: Path) -> str:
    """Text of a file: UTF-8 (with or without BOM), else cp1252; InputError for binary content."""
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > 8:
        raise InputError(f"{path}: not text in UTF-8 or cp1252 (binary content?)")
    return text


def text_encoding(path: Path) -> str:
    """The encoding ``decode`` would pick for a file, found by streaming it in chunks (bounded memory):
    'utf-8-sig', 'utf-8', else 'cp1252' (or 'latin-1'); InputError for binary content."""
    import codecs

    utf8 = codecs.getincrementaldecoder("utf-8")()
    cp = codecs.getincrementaldecoder("cp1252")()
    ok_utf8 = ok_cp = True
    first = True
    bom = False
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        while True:
            chunk = fh.read(1 << 20)
            if first:
                if b"\x00" in chunk[:4096]:
                    raise InputError(f"{path}: binary file, not text")
                bom = chunk.startswith(b"\xef\xbb\xbf")
                sample = chunk[:4096]
                first = False
            final = not chunk
            if ok_utf8:
                try:
                    utf8.decode(chunk, final)
                except UnicodeDecodeError:
                    ok_utf8 = False
            if ok_cp:  # every chunk, so a failure of UTF-8 at the very end still has cp1252 judged whole
                try:
                    cp.decode(chunk, final)
                except UnicodeDecodeError:
                    ok_cp = False
            if final:
                break
    if ok_utf8:
        return "utf-8-sig" if bom else "utf-8"
    encoding = "cp1252" if ok_cp else "latin-1"
    text = sample.decode(encoding, "replace")
    if sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f") > 8:
        raise InputError(f"{path}: not text in UTF-8 or cp1252 (binary content?)")
    return encoding


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def source_node(path: Path, *, title: str | None = None, url: str | None = None,
                publisher: str | None = None, published: str | None = None,
                sha256: str | None = None, extractor: str | None = None) -> Node:
    """The Source node for a file; its id derives from the content hash so renamed copies merge."""
    digest = sha256 or file_sha256(path)
    props: dict[str, Any] = {
        "title": title or path.name, "url": url, "path": os.fspath(path), "publisher": publisher,
        "published": published, "sha256": digest, "extractor": extractor,
    }
    return Node(make_id(schema.SOURCE, digest[:16]), schema.SOURCE, title or path.name, props)
