"""Writing an output path safely: the one helper behind every export and ``extract -o``.

- ``-`` (or a path that is this process's standard output) writes to standard output;
- a FIFO, device or socket is written into, never replaced; a symlink is followed, so it stays a link;
- a regular file is replaced atomically: the output goes to an unpredictable temporary file created
  exclusively (``mkstemp``) beside the target, is synced, then renamed over it; on any failure the
  temporary file is removed and the target is left as it was;
- an output that is the store or one of the inputs is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..graph.errors import InputError

#: The output path meaning standard output.
STDOUT = "-"

#: Paths an output must not be, each with what it is ("the store", "an input").
Protected = Iterable[tuple[Path, str]]


@dataclass(frozen=True)
class Target:
    """Where an output path really leads: ``stdout``, ``special`` (write into it) or ``file`` (replace)."""

    given: str
    kind: str
    real: Path
    mode: int | None  # permission bits of the file being replaced, if any


def _same(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _is_stdout(st: os.stat_result) -> bool:
    try:
        out = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False
    return (out.st_dev, out.st_ino) == (st.st_dev, st.st_ino)


def cannot_write(path: str | Path, exc: OSError) -> InputError:
    """The one-line error for a failed write to ``path``."""
    where = "standard output" if str(path) == STDOUT else str(path)
    return InputError(f"{where}: cannot write ({exc.strerror or exc})")


def target(path: str | Path, protect: Protected = (), folder: bool = False) -> Target:
    """Check ``path`` as an output (not protected, not a folder unless ``folder``) and say where it leads."""
    given = str(path)
    if given == STDOUT:
        if folder:
            raise InputError("-o -: this export writes a folder of files, which cannot go to standard output")
        return Target(given, "stdout", Path(STDOUT), None)
    for other, what in protect:
        if _same(path, other):
            raise InputError(f"{given}: is {what}; writing the output there would destroy it (choose another path)")
    try:
        st: os.stat_result | None = os.stat(path)  # follows symlinks
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(f"{given}: cannot write ({exc.strerror or exc})") from None
    if folder:
        if st is not None and not stat.S_ISDIR(st.st_mode):
            raise InputError(f"{given}: this export writes a folder (nodes.csv, edges.csv), but this is a file")
        return Target(given, "folder", Path(os.path.realpath(path)), None)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InputError(f"{given}: is a folder; this export writes one file (give a file name)")
    if st is not None and _is_stdout(st):
        return Target(given, "stdout", Path(STDOUT), None)
    if st is not None and not stat.S_ISREG(st.st_mode):  # opened by its own name: /dev/fd/N is no real path
        return Target(given, "special", Path(given), None)
    return Target(given, "file", Path(os.path.realpath(path)), stat.S_IMODE(st.st_mode) if st is not None else None)


def writes_to_stdout(path: str | Path) -> bool:
    """Whether output to ``path`` goes to standard output (``-``, /dev/stdout, a link to it)."""
    try:
        return target(path).kind == "stdout"
    except InputError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(path: str | Path, binary: bool = False, newline: str | None = None,
                 protect: Protected = ()) -> Iterator[Any]:
    """``with atomic_write(path) as fh:`` — write the whole output to ``fh`` (a UTF-8 text stream, or a
    binary one with ``binary``); see the module docstring for where it goes and how."""
    t = target(path, protect)
    if t.kind == "stdout":
        sys.stdout.flush()
        if binary:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
            return
        wrapper = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline=newline, write_through=True)
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()
        return
    mode = "wb" if binary else "w"
    enc = None if binary else "utf-8"
    if t.kind == "special":
        try:
            fh = open(t.real, mode, encoding=enc, newline=newline)  # noqa: SIM115
        except OSError as exc:
            raise cannot_write(path, exc) from None
        try:
            with fh:
                yield fh
        except OSError as exc:
            raise cannot_write(path, exc) from None
        return
    try:
        t.real.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=t.real.parent, prefix=f".{t.real.name}.", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        os.fchmod(fd, t.mode if t.mode is not None else 0o666 & ~_umask())
        with os.fdopen(fd, mode, encoding=enc, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, t.real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from None
        raise


def staging_dir(path: str | Path, protect: Protected = (), folder: bool = False) -> Path | None:
    """Where to build an output before :func:`publish` (beside the target, so that it is a rename);
    None: the system's temporary folder. Checks ``path`` first (see :func:`target`)."""
    t = target(path, protect, folder)
    if t.kind in ("file", "folder"):
        base = t.real.parent
        try:
            base.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise cannot_write(path, exc) from None
        return base
    return None


def publish(built: Path, path: str | Path, protect: Protected = ()) -> Path:
    """Move the finished file ``built`` to the output ``path`` (rename, or copy into a special file
    or standard output) and return where it went."""
    t = target(path, protect)
    if t.kind == "file":
        try:
            os.chmod(built, t.mode if t.mode is not None else 0o666 & ~_umask())
            with open(built, "rb+") as fh:  # on disk before the rename makes it the output
                os.fsync(fh.fileno())
            os.replace(built, t.real)
            return Path(path)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise cannot_write(path, exc) from None
            # another file system: copied below
    with atomic_write(path, binary=True, protect=protect) as out, open(built, "rb") as src:
        shutil.copyfileobj(src, out, 1 << 20)
    return Path(path)
