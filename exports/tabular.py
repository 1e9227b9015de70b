"""Flat attribute tables for tools without list values (Gephi, yEd, spreadsheets)."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from ..importers._standards import export_rel_id

#: How list properties are joined into one string.
LIST_SEPARATOR = " | "
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (starting with = + - @ tab CR) prefixed with an
    apostrophe (OWASP CSV injection); numbers and other values unchanged. Every CSV we write uses it."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold (controls, lone surrogates) as U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)


def edge_id(source: Any, target: Any, key: Any) -> str:
    """One id per relationship, unique in a graph (source, target and key), as every export writes it."""
    return export_rel_id(str(source), str(target), key)


def unique_columns(head: list[str], extra: Iterable[str]) -> dict[str, str]:
    """Column names for ``extra`` properties that clash with no other column, ignoring case (Gephi
    and spreadsheets treat ``Label`` and ``label`` as one): a clash gets ``_`` appended until unique."""
    taken = {h.casefold() for h in head}
    out: dict[str, str] = {}
    for k in sorted(extra):
        name = k
        while name.casefold() in taken:
            name += "_"
        taken.add(name.casefold())
        out[k] = name
    return out


def flat_value(value: Any) -> Any:
    """A scalar for ``value``: lists joined with " | ", None and empty lists dropped (returned as None)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, set)):
        items = [str(v) for v in value if v is not None]
        return LIST_SEPARATOR.join(items) if items else None
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def weight(attrs: Mapping[str, Any]) -> float:
    """Edge weight: how many sources cite the edge (at least 1)."""
    return float(max(1, len(attrs.get("sources") or [])))


def column_types(rows: Iterable[Mapping[str, Any]]) -> dict[str, type]:
    """One type per column so every row agrees (bool, int, float, else str): XML writers need that."""
    seen: dict[str, set[type]] = {}
    for row in rows:
        for k, v in row.items():
            if v is not None:
                seen.setdefault(k, set()).add(type(v))
    out: dict[str, type] = {}
    for k, types in seen.items():
        if types == {bool}:
            out[k] = bool
        elif types <= {int}:
            out[k] = int
        elif types <= {int, float}:
            out[k] = float
        else:
            out[k] = str
    return out


def coerce(row: Mapping[str, Any], types: Mapping[str, type], xml: bool = False) -> dict[str, Any]:
    """``row`` with values converted to the column types; None dropped; XML-invalid characters replaced."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if v is None:
            continue
        t = types.get(k, str)
        if t is str:
            v = str(v) if not isinstance(v, bool) else ("true" if v else "false")
            if xml:
                v = xml_text(v)
        else:
            v = t(v)
        out[k] = v
    return out


def flat_attrs(attrs: Mapping[str, Any], drop: Iterable[str] = ()) -> dict[str, Any]:
    """Attributes with list values joined and None dropped."""
    skip = set(drop)
    return {k: fv for k, v in attrs.items() if k not in skip and (fv := flat_value(v)) is not None}
