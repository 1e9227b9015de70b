"""Stakeholder lists as planners keep them (CSV or XLSX): one row per person, organization or attendance.

Columns are matched by name (German or English, any case; see ``tabular_columns.json``); the
layout is documented in ``examples/README.md``.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from ..graph import schema
from ..graph.dates import check_period, parse_date
from ..graph.errors import InputError, SchemaError
from ..graph.records import Node, Record, Rel, fold, make_id
from ..graph.roles import role_key
from . import limits
from .base import ImportContext, Importer, is_blank, register, source_node, text_encoding

_TRUE = {"1", "x", "ja", "yes", "true", "wahr", "y", "j"}


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """Column synonyms and value maps from the packaged JSON."""
    return json.loads(Path(__file__).with_name("tabular_columns.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for field_name, names in vocabulary()["columns"].items():
        out[fold(field_name.replace("_", " "))] = field_name
        for n in names:
            out[fold(n)] = field_name
    return out


def map_header(header: list[str], path: Path) -> dict[int, str]:
    """Column index -> field name; InputError when no person or organization column is present."""
    cols = {fold(c or "") for c in header}
    if {"id", "label", "node label"} <= cols or {"source", "target", "rel type"} <= cols:
        raise InputError(f"{path}: a stakegraph CSV export (nodes.csv/edges.csv, for Gephi), not a stakeholder "
                         "list: import the graph from `stakegraph export json` instead")
    syn = _synonyms()
    mapping: dict[int, str] = {}
    for i, col in enumerate(header):
        field_name = syn.get(fold(col or ""))
        if field_name and field_name not in mapping.values():
            mapping[i] = field_name
    fields = set(mapping.values())
    if not fields & {"person", "given_name", "family_name", "organization"}:
        raise InputError(f"{path}: line 1: no person or organization column among "
                         f"{', '.join(repr(h) for h in header[:12])}")
    return mapping


_DELIMITERS = ",;\t|"


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect of a sample, judged on complete lines only (a truncated last line, or a sample cut
    mid-line, makes the sniffer give up); failing that, the delimiter the header line holds most of."""
    if "\n" in sample.rstrip("\r\n"):
        sample = sample[:sample.rfind("\n") + 1]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        pass
    header = sample.splitlines()[0] if sample.strip() else ""
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    if not counts[best]:
        return csv.excel

    class Sniffed(csv.excel):
        delimiter = best

    return Sniffed


def _rows_csv(path: Path, ctx: ImportContext | None = None) -> Iterator[tuple[int, list[str]]]:
    # streamed from a decoded text stream: memory does not grow with the file
    encoding = text_encoding(path, ctx)
    with open(path, encoding=encoding, newline="") as fh:
        sample = fh.read(8192)
        fh.seek(0)
        dialect = _dialect(sample)
        # strict: a quote left open (which would swallow the rest of the file as one field) or text
        # after a closing quote is an error, not a silently mangled row
        reader = csv.reader(fh, dialect, strict=True)
        max_field = limits.FIELD_MB.bytes()
        csv.field_size_limit(max_field)  # (counted in characters)
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise limits.FIELD_MB.exceeded(f"{path}: line {reader.line_num}",
                                               f"a cell of more than {max_field:,} characters") from None
            raise InputError(f"{path}: line {reader.line_num}: malformed CSV ({exc})") from None


def _check_xlsx(path: Path) -> None:
    """Refuse a workbook that unpacks past the XLSX_MB limit (a zip bomb) or whose XML declares a DTD
    (entities: external files, or a billion laughs), before openpyxl reads any of it."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
            total = sum(i.file_size for i in parts)
            if total > limits.XLSX_MB.bytes():
                raise limits.XLSX_MB.exceeded(path, f"unpacks to {total:,} bytes")
            for info in parts:
                if info.filename.endswith((".xml", ".rels")) and info.file_size:
                    with z.open(info) as fh:
                        head = fh.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise InputError(f"{path}: {info.filename} declares a DTD or entities, which an "
                                         "XLSX never needs (refused: it could read other files)")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError,
            zlib.error) as exc:
        raise InputError(f"{path}: not a readable XLSX workbook ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _rows_xlsx(path: Path) -> Iterator[tuple[int, list[Any]]]:
    _check_xlsx(path)
    fh = open(path, "rb")  # a file object: openpyxl judges a name by its ending (standard input has none)
    try:
        import openpyxl
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is bad input
        fh.close()
        raise InputError(f"{path}: not a readable XLSX workbook ({type(exc).__name__})") from None
    cells, max_cells = 0, limits.XLSX_CELLS.value()
    try:
        ws = wb.worksheets[0]
        # read every row there is: a <dimension> that under-declares the used range is common in
        # files written by other programs, and openpyxl would stop at it
        ws.reset_dimensions()
        rows = ws.iter_rows(values_only=True)
        i = 0
        while True:
            try:
                row = next(rows, None)
            except Exception as exc:  # noqa: BLE001 - malformed sheet XML, bad cell values
                detail = " ".join(str(exc).split())[:160] or type(exc).__name__
                raise InputError(f"{path}: row {i + 1}: unreadable sheet ({detail})") from None
            if row is None:
                break
            i += 1
            cells += len(row)
            if cells > max_cells:
                raise limits.XLSX_CELLS.exceeded(path, f"row {i}: more than {max_cells:,.0f} cells")
            yield i, ["" if v is None else v for v in row]
    except IndexError:
        raise InputError(f"{path}: workbook has no sheet") from None
    finally:
        wb.close()
        fh.close()


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        if not fh.tell():
            return True
        fh.seek(-1, 2)
        return fh.read(1) in (b"\n", b"\r")


def _is_xlsx(path: Path) -> bool:
    """An XLSX is a zip: by its first bytes, whatever the name (standard input has none)."""
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


@register
class TabularImporter(Importer):
    """CSV (any of , ; tab |; UTF-8 with/without BOM or cp1252) and XLSX stakeholder lists."""

    name = "table"
    extensions = (".csv", ".tsv", ".xlsx")

    def sniff(self, path: Path, head: bytes) -> float:
        ext = path.suffix.lower()
        if ext == ".xlsx":
            return 0.9 if head.startswith(b"PK\x03\x04") else 0.0
        if ext in (".csv", ".tsv"):
            return 0.9
        return 0.0

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        if is_blank(path):
            raise InputError(f"{path}: file is empty")
        ctx.advance(path.stat().st_size)
        xlsx = _is_xlsx(path)
        rows = _rows_xlsx(path) if xlsx else _rows_csv(path, ctx)
        source = source_node(path, extractor="table")
        yield source
        mapping: dict[int, str] | None = None
        header: list[str] = []
        seen_rows = 0
        last = (0, 0)
        for line, row in rows:
            if not any(str(c).strip() for c in row):
                continue
            if mapping is None:
                header = [str(c).strip() for c in row]
                mapping = map_header(header, path)
                ignored = len([h for i, h in enumerate(header) if i not in mapping and h])
                if ignored:
                    ctx.skip(f"{path.name}: columns not imported ({ignored})", ignored)
                continue
            if len(row) > len(header) and any(str(c).strip() for c in row[len(header):]):
                raise InputError(f"{path}: line {line}: {len(row)} values for {len(header)} columns")
            values = {mapping[i]: (v.strip() if isinstance(v, str) else v)
                      for i, v in enumerate(row) if i in mapping and v not in ("", None)}
            seen_rows += 1
            last = (line, len(row))
            yield from self._row(path, line, header, mapping, values, source.id)
        if mapping is None:
            raise InputError(f"{path}: no header row")
        if not seen_rows:
            ctx.notes.append(f"{path.name}: header only, no rows")
        elif not xlsx and last[1] < len(header) and not _ends_with_newline(path):
            ctx.notes.append(f"{path}: line {last[0]}: {last[1]} of {len(header)} values and no line end "
                             "(file cut short?)")

    def _row(self, path: Path, line: int, header: list[str], mapping: dict[int, str], v: dict[str, Any],
             source_id: str) -> Iterator[Record]:
        def where(field_name: str) -> str:
            col = next((header[i] for i, f in mapping.items() if f == field_name), field_name)
            return f"{path}: line {line}, column {col!r}"

        def date(field_name: str) -> str | None:
            return parse_date(v.get(field_name), where(field_name))

        prov = {"sources": [source_id], "extractor": "table"}
        if v.get("evidence"):
            prov["evidence"] = [str(v["evidence"])[:300]]
        vocab = vocabulary()
        try:
            person = self._person(v, prov)
            org = parent = None
            if v.get("organization"):
                kind = v.get("kind")
                if kind is not None:
                    kind = vocab["kinds"].get(fold(str(kind)), fold(str(kind)).replace(" ", "_"))
                    if kind not in schema.ORG_KINDS:
                        raise InputError(f"{where('kind')}: {v['kind']!r} is not an organization kind "
                                         f"({', '.join(schema.ORG_KINDS)})")
                # a unit's name ("Stabsstelle Digitalisierung") recurs in every city: its id includes
                # the parent body, as the press importer's ids do, so both sources meet on one node
                org_id = make_id(schema.ORGANIZATION, v["organization"], v.get("parent"))
                org = Node(org_id, schema.ORGANIZATION, str(v["organization"]),
                           {"kind": kind, "place": v.get("place"), **prov})
                yield org
                if v.get("parent"):
                    parent = Node(make_id(schema.ORGANIZATION, v["parent"]), schema.ORGANIZATION,
                                  str(v["parent"]), dict(prov))
                    yield parent
                    yield Rel(schema.PART_OF, org.id, parent.id, dict(prov))
            if person is not None:
                yield person
                if org is not None:
                    title = v.get("title")
                    since, until = date("since"), date("until")
                    check_period(since, until, f"{path}: line {line}: since/until")
                    yield Rel(schema.HOLDS_ROLE, person.id, org.id, {
                        "title": str(title) if title else None, "role": role_key(str(title)) if title else None,
                        "since": since, "until": until, **prov})
            if v.get("event"):
                yield from self._event(v, date("event_date"), person, org, prov, where)
        except SchemaError as exc:
            raise InputError(f"{path}: line {line}: {exc}") from None

    @staticmethod
    def _person(v: dict[str, Any], prov: dict[str, Any]) -> Node | None:
        name = v.get("person")
        given, family = v.get("given_name"), v.get("family_name")
        if not name and (given or family):
            name = " ".join(str(x) for x in (given, family) if x)
        if not name:
            return None
        return Node(make_id(schema.PERSON, name), schema.PERSON, str(name), {
            "given_name": given, "family_name": family, "honorific": v.get("honorific"), **prov})

    @staticmethod
    def _event(v: dict[str, Any], when: str | None, person: Node | None, org: Node | None,
               prov: dict[str, Any], where) -> Iterator[Record]:
        vocab = vocabulary()
        kind = vocab["event_kinds"].get(fold(str(v.get("event_kind") or "")), "meeting" if v.get("event_kind") is None
                                        else fold(str(v["event_kind"])).replace(" ", "_"))
        if kind not in schema.EVENT_KINDS:
            raise InputError(f"{where('event_kind')}: {v['event_kind']!r} is not an event kind "
                             f"({', '.join(schema.EVENT_KINDS)})")
        event = Node(make_id(schema.EVENT, v["event"], when), schema.EVENT, str(v["event"]),
                     {"kind": kind, "date": when, "place": v.get("event_place"), **prov})
        yield event
        side = None
        if v.get("side"):
            side = vocab["sides"].get(fold(str(v["side"])))
            if side is None:
                raise InputError(f"{where('side')}: {v['side']!r} is not a side (guest, host, organizer, participant)")
        lead = fold(str(v.get("lead", ""))) in _TRUE or None
        if person is not None:
            yield Rel(schema.ATTENDED, person.id, event.id, {
                "side": side or "participant", "acting_for": org.id if org else None,
                "role_at_event": str(v["title"]) if v.get("title") else None, "lead": lead, **prov})
        elif org is not None:
            yield Rel(schema.ATTENDED, org.id, event.id, {"side": side or "participant", **prov})
