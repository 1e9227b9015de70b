"""Importer contract and registry: each importer turns one input file into a stream of records."""

from __future__ import annotations

import atexit
import codecs
import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
import unicodedata
from abc import ABC, abstractmethod
from collections import Counter
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterator

from ..graph import schema
from ..graph.errors import InputError
from ..graph.records import Node, Record, make_id, slug
from . import limits

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

    def read_ahead(self, paths: list[Path], ctx: ImportContext) -> AbstractContextManager[Any] | None:
        """Optionally start reading ``paths`` (the files this importer will be asked for, in order) before
        :meth:`read` is called; the returned context is closed when the run ends. Default: nothing."""
        return None


IMPORTERS: dict[str, Importer] = {}



def _decodes(data: bytes, encoding: str) -> bool:
    """Whether ``data`` is valid in ``encoding``."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True

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
    if is_wide_text(head):  # sniffers read UTF-8: show them UTF-16/32 text as such
        head = head.decode(str(_unicode_form(head)), "ignore").encode("utf-8")
    elif head and b"\x00" in head[:1024] and not head.startswith((b"PK\x03\x04",)):
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


# ---- text encodings ---------------------------------------------------------------------------
#: Codec for a UTF-8 file with some lines in cp1252 (one Latin-1 line pasted into a UTF-8 list):
#: each line is read as UTF-8 if it is UTF-8, else as cp1252 — never the whole file as cp1252.
MIXED = "stakegraph_utf8_cp1252"


def _legacy_line(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return line.decode("latin-1")


def _decode_lines(data: bytes) -> str:
    """``data`` decoded line by line: UTF-8 where it is UTF-8, else cp1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(_legacy_line(line))
    return "\n".join(out)


class _MixedDecoder(codecs.BufferedIncrementalDecoder):
    """Incremental form of :func:`_decode_lines` (complete lines are decoded; a leading BOM is dropped)."""

    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self.started = False

    def _buffer_decode(self, input: Any, errors: str, final: bool) -> tuple[str, int]:  # noqa: A002
        end = len(input) if final else input.rfind(b"\n") + 1
        if not end:
            return "", 0
        text = _decode_lines(bytes(input[:end]))
        if not self.started:
            self.started = True
            text = text.removeprefix("\ufeff")
        return text, end

    def reset(self) -> None:
        super().reset()
        self.started = False


def _mixed_codec(name: str) -> codecs.CodecInfo | None:
    if name != MIXED:
        return None
    return codecs.CodecInfo(
        name=MIXED, encode=codecs.utf_8_encode,
        decode=lambda data, errors="strict": (_decode_lines(bytes(data)).removeprefix("\ufeff"), len(data)),
        incrementalencoder=codecs.getincrementalencoder("utf-8"), incrementaldecoder=_MixedDecoder,
        streamreader=codecs.getreader("utf-8"), streamwriter=codecs.getwriter("utf-8"))


codecs.register(_mixed_codec)


def _unicode_form(head: bytes) -> str | None:
    """'utf-8-sig', 'utf-16'/'utf-32' (BOM) or 'utf-16-le'/'-be' (no BOM, ASCII text) from a file's first
    bytes — Excel's "Unicode Text" is UTF-16 with a BOM — else None."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    probe = head[:512] if len(head) % 2 == 0 else head[:min(512, len(head) - 1)]
    if len(probe) >= 8:
        even, odd = probe[0::2], probe[1::2]
        if not odd.strip(b"\x00") and b"\x00" not in even:
            return "utf-16-le"
        if not even.strip(b"\x00") and b"\x00" not in odd:
            return "utf-16-be"
    return None


def is_wide_text(head: bytes) -> bool:
    """Whether a file's first bytes are UTF-16/32 text (which holds NUL bytes yet is not binary)."""
    return _unicode_form(head) in ("utf-16", "utf-32", "utf-16-le", "utf-16-be")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls other than \t \n \f \r


def _controls(text: str) -> int:
    """How many control characters (other than tab, line and form feed, carriage return) ``text`` holds."""
    return len(_CONTROL.findall(text))


def _implausible(text: str) -> bool:
    """Whether decoded wide text looks like binary read as UTF-16/32: real text has almost no
    controls, private-use, unassigned or noncharacter code points; random bytes give ~15 %."""
    sample = text[:4096]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs")) + _controls(sample)
    return bad > max(4, len(sample) // 50)


def decode(data: bytes, path: Path) -> str:
    """Text of a file: UTF-8 (with or without BOM), UTF-16/32 (Excel's "Unicode Text"), else line by
    line UTF-8 or cp1252 (so one legacy line does not turn the UTF-8 rest into mojibake);
    InputError for binary content."""
    form = _unicode_form(data[:4096])
    if form in ("utf-16", "utf-32", "utf-16-le", "utf-16-be"):
        try:
            wide = data.decode(form)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {form.upper()} text (byte {exc.start})") from None
        if _implausible(wide):
            raise InputError(f"{path}: binary file, not text (not plausible as {form.upper()})")
        return wide
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary file, not text")
    if form == "utf-8-sig":
        data = data[3:]
    text = _decode_lines(data)
    if _controls(text[:4096]) > 8:
        raise InputError(f"{path}: not text in UTF-8 or cp1252 (binary content?)")
    return text


#: A JSON escape of a UTF-16 surrogate (paired ones make one character; a lone one makes none).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def long_number() -> str:
    """The error for a JSON number Python refuses to convert (CVE-2020-10735's digit limit)."""
    return (f"a JSON number has more than {sys.get_int_max_str_digits()} digits "
            "(stakegraph keeps numbers of up to 64 bits)")


def json_loads(text: str, where: str) -> Any:
    """``json.loads(text)``, with InputError naming ``where`` for what is no data: nesting past the
    recursion limit, a number longer than Python converts, a lone surrogate escape (``\\ud800``, which
    SQLite, every export and a UTF-8 terminal refuse). ``json.JSONDecodeError`` passes to the caller."""
    import json

    try:
        value = json.loads(text)
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:
        if "digits" in str(exc):
            raise InputError(f"{where}: {long_number()}") from None
        raise
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(f"{where}: a JSON string holds a lone surrogate escape (\\ud800-\\udfff), "
                             "which is no character") from None
    return value


def text_encoding(path: Path, ctx: ImportContext | None = None) -> str:
    """The encoding to open a text file with, found by streaming it (bounded memory): 'utf-8-sig',
    'utf-8', 'utf-16'/'utf-32' (with BOM, or BOM-less UTF-16), 'cp1252' (or 'latin-1') for a file with
    no UTF-8 line beyond ASCII, else :data:`MIXED` with a note naming the lines read as cp1252;
    InputError for binary content."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        head = fh.read(4096)
        form = _unicode_form(head)
        if form in ("utf-16", "utf-32", "utf-16-le", "utf-16-be"):
            dec = codecs.getincrementaldecoder(form)()
            fh.seek(0)
            try:
                for i, chunk in enumerate(iter(lambda: fh.read(1 << 20), b"")):
                    part = dec.decode(chunk)
                    if i == 0 and _implausible(part):
                        raise InputError(f"{path}: binary file, not text (not plausible as {form.upper()})")
                dec.decode(b"", True)
            except UnicodeDecodeError:
                raise InputError(f"{path}: not valid {form.upper()} text") from None
            return form
        if b"\x00" in head:
            raise InputError(f"{path}: binary file, not text")
        fh.seek(0)
        bad: list[int] = []
        n_bad = 0
        utf8_beyond_ascii = False
        legacy_ok = True
        line = 1
        carry = b""
        while True:
            chunk = fh.read(1 << 20)
            final = not chunk
            data = carry + chunk
            if not final:
                cut = data.rfind(b"\n") + 1
                data, carry = data[:cut], data[cut:]
            if data:
                try:
                    data.decode("utf-8")
                    utf8_beyond_ascii = utf8_beyond_ascii or not data.isascii()
                except UnicodeDecodeError:
                    if n_bad > len(bad) and data.decode("utf-8", "ignore").isascii():
                        # no line of this chunk can be UTF-8 beyond ASCII, and the lines to name are
                        # known: judge it whole (a cp1252 file is read at C speed)
                        legacy_ok = legacy_ok and _decodes(data, "cp1252")
                        line += data.count(b"\n")
                        if final:
                            break
                        continue
                    for i, raw in enumerate(data.split(b"\n")):
                        if raw.isascii():
                            continue
                        try:
                            raw.decode("utf-8")
                            utf8_beyond_ascii = True
                        except UnicodeDecodeError:
                            n_bad += 1
                            if len(bad) < 3:
                                bad.append(line + i)
                            legacy_ok = legacy_ok and _decodes(raw, "cp1252")
                line += data.count(b"\n")
            if final:
                break
    if not n_bad:
        return "utf-8-sig" if form == "utf-8-sig" else "utf-8"
    if utf8_beyond_ascii:
        if ctx is not None:
            more = " and more" if n_bad > len(bad) else ""
            ctx.notes.append(f"{path}: line {', '.join(map(str, bad))}{more} not UTF-8 like the rest, "
                             "read as cp1252")
        return MIXED
    encoding = "cp1252" if legacy_ok else "latin-1"
    if _controls(head.decode(encoding, "replace")) > 8:
        raise InputError(f"{path}: not text in UTF-8 or cp1252 (binary content?)")
    return encoding


# ---- which files are inputs ----------------------------------------------------------------------
STDIN_NAMES = ("-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0")


class _Spooled(type(Path())):  # type: ignore[misc]
    """A copy of standard input on disk, shown as ``<stdin>`` in messages and the Source node."""

    def __str__(self) -> str:
        return "<stdin>"

    def __fspath__(self) -> str:
        return super().__str__()


_stdin_copy: list[Path] = []


def _spool_stdin() -> Path:
    """Standard input copied once per process into a private temporary file (removed at exit)."""
    if _stdin_copy:
        return _stdin_copy[0]
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("<stdin>: standard input is a terminal; pipe a file into it")
    folder = tempfile.mkdtemp(prefix="stakegraph-stdin-")
    atexit.register(shutil.rmtree, folder, True)
    target = _Spooled(folder, "stdin")
    limit = limits.STDIN_MB.bytes()
    total = 0
    src = sys.stdin.buffer
    with open(os.fspath(target), "wb") as out:
        while True:
            chunk = src.read(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise limits.STDIN_MB.exceeded("<stdin>", f"more than {limit:,} bytes")
            out.write(chunk)
    _stdin_copy.append(target)
    return target


def input_path(raw: str | os.PathLike) -> Path:
    """An input as a path the importers can read more than once: standard input (``-`` or
    ``/dev/stdin``, when not a regular file) is copied to a temporary file; a FIFO, device or socket
    named as input is refused (reading one could wait forever or never end)."""
    text = os.fspath(raw)
    path = Path(text)
    if text in STDIN_NAMES:
        path = _spool_stdin() if text == "-" or not _regular(path) else path
        if is_blank(path):
            raise InputError(f"{path}: standard input is empty, nothing to import")
        return path
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or folder") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
                else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a special file")
        raise InputError(f"{path}: {kind}, not a regular file (to import from a pipe, give - and pipe "
                         "the data into standard input)")
    if stat.S_ISREG(mode) and is_blank(path):  # an empty text would still become a Source
        raise InputError(f"{path}: file is empty, nothing to import")
    return path


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def is_blank(path: Path) -> bool:
    """Whether a regular file holds nothing but white space (and a BOM)."""
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            if chunk.lstrip(b"\xef\xbb\xbf").strip():
                return False
    return True


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def path_text(path: Path | str) -> str:
    """``path`` as text to store or print: bytes of a file name that are not UTF-8 (which Python holds
    as lone surrogates, no characters: SQLite, JSON and a UTF-8 terminal refuse them) become ``\\xe9``."""
    text = str(path)
    return text if text.isascii() else text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def source_id(digest: str) -> str:
    """The id of the Source node for content with hex SHA-256 ``digest`` (renamed copies share it)."""
    return make_id(schema.SOURCE, digest[:16])


def source_node(path: Path, *, title: str | None = None, url: str | None = None,
                publisher: str | None = None, published: str | None = None,
                sha256: str | None = None, extractor: str | None = None) -> Node:
    """The Source node for a file; its id derives from the content hash so renamed copies merge."""
    digest = sha256 or file_sha256(path)
    title = path_text(title or path.name)
    props: dict[str, Any] = {
        "title": title, "url": url, "path": path_text(path), "publisher": publisher,
        "published": published, "sha256": digest, "extractor": extractor,
    }
    return Node(source_id(digest), schema.SOURCE, title, props)
