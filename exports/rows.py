"""Query answers as text: an aligned table fitted to a width (control characters escaped), JSON, or CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import Any

import orjson

def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        if "name" in value and "id" in value:
            return str(value["name"])
        return ", ".join(f"{k}={cell(v)}" for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


_ORJSON_OPTS = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def json_bytes(rows: Any) -> bytes | str:
    """``json.dumps(rows, ensure_ascii=False, indent=2, default=str)`` as UTF-8, through orjson's C encoder
    (the stdlib falls back to its pure-Python encoder with ``indent``: half the time of a large ``met``).
    Values orjson refuses (ints beyond 64 bits, lone surrogates, non-string keys) take the stdlib path.
    Characters a terminal would obey that JSON need not escape (DEL, C1 such as CSI ``\x9b``, bidi
    overrides, line/paragraph separators) are written as ``\\uXXXX``: the same JSON value, inert on screen."""
    try:
        out: bytes | str = orjson.dumps(rows, option=_ORJSON_OPTS, default=str)
    except (orjson.JSONEncodeError, TypeError):
        out = json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    if isinstance(out, bytes):
        return _JSON_RAW_BYTES.sub(lambda m: _json_escape(m.group(0).decode("utf-8")).encode("ascii"), out)
    return _JSON_RAW.sub(lambda m: _json_escape(m.group(0)), out)


def _json_escape(chars: str) -> str:
    return "".join(f"\\u{ord(c):04x}" for c in chars)


def format_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None,
                width: int | None = None) -> str | bytes:
    """Rows as ``fmt``: ``json`` (exact), ``csv`` (no cell runs as a spreadsheet formula or as a terminal's
    escape sequence: ESC, BEL, C1 and bidi controls are shown escaped, line breaks kept) or ``table``
    (fitted to ``width`` columns when known), ending in a newline."""
    if fmt == "json":
        out = json_bytes(rows)
        return out + b"\n" if isinstance(out, bytes) else out + "\n"
    cols = columns or list(dict.fromkeys(k for r in rows for k in r))
    if fmt == "csv":
        from .tabular import guard_formula  # the export's guard (its module loads the importers: not at start)

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow([guard_formula(_csvcell(cell(r.get(c)))) for c in cols])
        return buf.getvalue()
    return "".join(line + "\n" for line in table_lines(cols, [[r.get(c) for c in cols] for r in rows], width))


#: Columns never shortened (ids are pasted into other commands).
WHOLE_COLUMNS = frozenset({"id"})
#: Width a shortened column keeps at least, and the cap of every cell when the width is unknown.
MIN_COLUMN = 8
#: Columns of running text, shortened first (down to PROSE_COLUMN) when a table is too wide.
PROSE_COLUMNS = frozenset({"quote", "source", "details", "aliases", "reason", "topic"})
PROSE_COLUMN = 24
PROSE_MIN = 14
UNKNOWN_WIDTH_CAP = 60
#: Characters that move the cursor, recolour or retitle a terminal, or reorder text: shown escaped.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + "]")
#: What JSON text may hold raw but a terminal obeys (JSON itself escapes U+0000..U+001F).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029" + _BIDI + "]+")
#: The same characters in UTF-8 (bytes that can only start a character there).
_JSON_RAW_BYTES = re.compile(rb"(?:\x7f|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c)+")
_BREAKS = re.compile("[\t\n\r]+")


_CSV_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + "]")


def _csvcell(text: str) -> str:
    """A query's CSV cell, printed to a terminal as often as saved: line breaks and tabs stay (CSV quotes
    them), every other control character is shown as its escape, as in a table."""
    return _CSV_CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def printable(text: str) -> str:
    """``text`` safe for a terminal: tabs and line breaks become spaces, every other control
    character (ESC, BEL, C1, bidi overrides) its visible escape (``\\x1b``, ``\\u202e``)."""
    text = _BREAKS.sub(" ", text)
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide East Asian characters 2, combining marks 0)."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def _shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, ending in '…' when cut."""
    if _width(text) <= width:
        return text
    out, used = [], 0
    for c in text:
        w = _width(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out).rstrip() + "…"


def _tablecell(column: str, value: Any) -> str:
    if column in ("quote", "source") and isinstance(value, list) and len(value) > 1:  # the first, and how many more
        return f"{cell(value[0])} (+{len(value) - 1} more)"
    return printable(cell(value))


def _fit(cols: list[str], natural: list[int], total: int) -> list[int]:
    """Column widths within ``total`` columns: long text (quotes, sources, details) gives way first,
    down to PROSE_COLUMN, then to PROSE_MIN; then the widest of every shortenable column."""
    room = total - 2 * (len(cols) - 1)
    widths = natural
    for floor_of in (lambda c, n: min(n, PROSE_COLUMN) if c in PROSE_COLUMNS else n,
                     lambda c, n: min(n, PROSE_MIN) if c in PROSE_COLUMNS else n,
                     lambda c, n: n if c in WHOLE_COLUMNS else min(n, max(MIN_COLUMN, _width(c)))):
        if sum(widths) <= room:
            break
        floor = [floor_of(c, n) for c, n in zip(cols, natural, strict=True)]
        widths = _cap(widths, floor, room)
    return widths


def _cap(natural: list[int], floor: list[int], room: int) -> list[int]:
    """Widths ``max(floor, min(natural, cap))`` for the largest cap that fits in ``room`` (else the floors)."""
    lo, hi = 0, max(natural)
    while lo < hi:
        cap = (lo + hi + 1) // 2
        if sum(max(f, min(n, cap)) for f, n in zip(floor, natural, strict=True)) <= room:
            lo = cap
        else:
            hi = cap - 1
    return [max(f, min(n, lo)) for f, n in zip(floor, natural, strict=True)]


def table_lines(cols: list[str], values: list[list[Any]], width: int | None) -> list[str]:
    """An aligned table within ``width`` columns (long cells end in '…'; None: every column but the
    last and the whole ones capped); columns empty in every row are left out; control characters escaped."""
    if not values:
        return ["(no results)"]
    cells = [[_tablecell(c, v) for c, v in zip(cols, row, strict=True)] for row in values]
    keep = [i for i in range(len(cols)) if any(row[i] for row in cells)] or list(range(len(cols)))
    cols = [cols[i] for i in keep]
    cells = [[row[i] for i in keep] for row in cells]
    natural = [max(_width(c), *(_width(row[i]) for row in cells)) for i, c in enumerate(cols)]
    if width is None:
        widths = [n if c in WHOLE_COLUMNS or i == len(cols) - 1 else min(n, UNKNOWN_WIDTH_CAP)
                  for i, (c, n) in enumerate(zip(cols, natural, strict=True))]
    else:
        widths = _fit(cols, natural, width)
    lines = [cols, ["-" * w for w in widths]]
    lines += [[_shorten(c, w) for c, w in zip(row, widths, strict=True)] for row in cells]
    return ["  ".join(c + " " * (w - _width(c)) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines]
