"""The ``stakegraph`` command line: each command calls one library function and formats its result."""

from __future__ import annotations

import csv
import gc
import io
import json
import logging
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, Callable

import click
import orjson

from . import __version__
from .graph.errors import AmbiguousError, NotFoundError, StakegraphError
from .graph.store import DEFAULT_DB, Store, open_store

FORMATS = click.Choice(["table", "json", "csv"])
#: The importers' registered names (importing the importers to ask costs ~0.8 s; a test keeps these equal).
IMPORT_FORMATS = ("claims", "ftm", "json", "oparl", "popolo", "press", "table")


class Group(click.Group):
    """Turns every StakegraphError into a one-line ``Error: …`` and exit code 1 — the one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AmbiguousError as exc:
            raise click.ClickException(_one_line(exc)) from None
        except StakegraphError as exc:
            raise click.ClickException(_one_line(exc)) from None
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None


def _one_line(exc: BaseException) -> str:
    return printable(" ".join(str(exc).split())) or type(exc).__name__


def store_of(ctx: click.Context) -> Store:
    """The store of ``--db``, opened once per command and closed at its end."""
    root = ctx.find_root()
    if root.obj.get("store") is None:
        root.obj["store"] = open_store(root.obj["db"], root.obj.get("batch_size"))
        root.call_on_close(root.obj["store"].close)
    return root.obj["store"]


# ---- output --------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        if "name" in value and "id" in value:
            return str(value["name"])
        return ", ".join(f"{k}={_cell(v)}" for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


_ORJSON_OPTS = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def _json_bytes(rows: Any) -> bytes | str:
    """``json.dumps(rows, ensure_ascii=False, indent=2, default=str)`` as UTF-8, through orjson's C encoder
    (the stdlib falls back to its pure-Python encoder with ``indent``: half the time of a large ``met``).
    Values orjson refuses (ints beyond 64 bits, lone surrogates, non-string keys) take the stdlib path."""
    try:
        return orjson.dumps(rows, option=_ORJSON_OPTS, default=str)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None) -> None:
    """Print rows as an aligned table, a JSON list, or CSV."""
    if fmt == "json":
        click.echo(_json_bytes(rows))
        return
    cols = columns or list(dict.fromkeys(k for r in rows for k in r))
    if fmt == "csv":
        from .exports.tabular import guard_formula  # the export's guard: no cell runs as a formula

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow([guard_formula(_cell(r.get(c))) for c in cols])
        click.echo(buf.getvalue(), nl=False)
        return
    _table(cols, [[r.get(c) for c in cols] for r in rows])


# ---- tables at the terminal ------------------------------------------------------------------------
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
_BREAKS = re.compile("[\t\n\r]+")


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


def _table_cell(column: str, value: Any) -> str:
    if column in ("quote", "source") and isinstance(value, list) and len(value) > 1:  # the first, and how many more
        return f"{_cell(value[0])} (+{len(value) - 1} more)"
    return printable(_cell(value))


def _terminal_width() -> int | None:
    """The width to fit tables to: the terminal's, ``$COLUMNS``, or None (not a terminal)."""
    import os
    import shutil

    if os.environ.get("COLUMNS", "").isdigit() or sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


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


def _table(cols: list[str], values: list[list[Any]]) -> None:
    """An aligned table fitted to the terminal (long cells end in '…'); columns empty in every row
    are left out; control characters are escaped."""
    if not values:
        click.echo("(no results)")
        return
    cells = [[_table_cell(c, v) for c, v in zip(cols, row, strict=True)] for row in values]
    keep = [i for i in range(len(cols)) if any(row[i] for row in cells)] or list(range(len(cols)))
    cols = [cols[i] for i in keep]
    cells = [[row[i] for i in keep] for row in cells]
    natural = [max(_width(c), *(_width(row[i]) for row in cells)) for i, c in enumerate(cols)]
    total = _terminal_width()
    if total is None:  # not a terminal: every column but the last and the whole ones is capped
        widths = [n if c in WHOLE_COLUMNS or i == len(cols) - 1 else min(n, UNKNOWN_WIDTH_CAP)
                  for i, (c, n) in enumerate(zip(cols, natural, strict=True))]
    else:
        widths = _fit(cols, natural, total)
    lines = [cols, ["-" * w for w in widths]]
    lines += [[_shorten(c, w) for c, w in zip(row, widths, strict=True)] for row in cells]
    for line in lines:
        click.echo("  ".join(c + " " * (w - _width(c)) for c, w in zip(line, widths, strict=True)).rstrip())


def format_option(fn: Callable) -> Callable:
    return click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
                        help="Output format: table (fitted to the terminal, long text shortened with '…'), or json/csv "
                             "(full text).")(fn)


DEFAULT_ROWS = 1000


def label_option(fn: Callable) -> Callable:
    from .graph.schema import LABELS

    return click.option("--label", "labels", multiple=True, type=click.Choice(list(LABELS)),
                        help="Look entity names up among these labels only (repeatable; default: Person and "
                             "Organization, then Event and Source when neither matches).")(fn)


def entity_id(ctx: click.Context, text: str, labels: tuple[str, ...] = ()) -> str:
    """The id of the one entity ``text`` names (``Store.resolve`` with the command's ``--label``)."""
    return store_of(ctx).resolve(text, labels or None).id


def rows_option(fn: Callable) -> Callable:
    return click.option("--limit", "limit", type=click.IntRange(0, None), default=DEFAULT_ROWS, show_default=True,
                        help="Print at most this many rows (0: all); a note on stderr says how many there were.")(fn)


def capped(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` rows (results are sorted, so both stores cut alike), with a note on stderr."""
    if limit and len(rows) > limit:
        click.echo(f"showing {limit} of {len(rows)} rows (--limit 0 for all)", err=True)
        return rows[:limit]
    return rows



# ---- commands --------------------------------------------------------------------------------
@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="STAKEGRAPH_DB", default=None, metavar="PATH|URI",
              help=f"Embedded store file (default ./{DEFAULT_DB}) or bolt://, neo4j:// URI "
                   "(credentials from NEO4J_USERNAME/NEO4J_PASSWORD; $NEO4J_URI is used when set).")
@click.option("--batch-size", type=click.IntRange(1, 1_000_000), default=None,
              help="Records per write batch (default 5000).")
@click.version_option(__version__, prog_name="stakegraph")
@click.pass_context
def cli(ctx: click.Context, db: str | None, batch_size: int | None) -> None:
    """stakegraph: people, organizations, roles and meetings as a graph, with the words that prove each link."""
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, batch_size=batch_size, store=None)
    # The driver logs each retry and dropped connection as a WARNING; with no handler configured Python
    # prints those to stderr, burying the one-line error. Errors reach the user through StoreError only.
    neo4j_log = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in neo4j_log.handlers):
        neo4j_log.addHandler(logging.NullHandler())


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), default=None,
              help="Read every input as this format instead of detecting it per file.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out facts extracted from text below this confidence.")
@click.option("--output", "out_fmt", type=click.Choice(["table", "json"]), default="table",
              help="Summary format.")
@click.option("--dataset", default=None, metavar="NAME",
              help="Namespace of the ids of Popolo and FtM files (default: from each file's name, "
                   "e.g. uk-commons); ids of different datasets never meet.")
@click.pass_context
def import_cmd(ctx: click.Context, paths: tuple[Path, ...], fmt: str | None, min_confidence: float,
               out_fmt: str, dataset: str | None) -> None:
    """Import files or folders (JSON, CSV/XLSX stakeholder lists, press texts, OParl, Popolo, FtM, claims)."""
    from .importers.base import ImportContext
    from .importers.pipeline import import_paths, plan, total_bytes

    from .importers.base import check_dataset

    plan(paths, fmt)  # fail on unknown formats before opening the store
    store = store_of(ctx)
    ictx = ImportContext(min_confidence=min_confidence, options={"dataset": check_dataset(dataset)})
    if sys.stderr.isatty():
        with click.progressbar(length=total_bytes(paths), label="importing", file=sys.stderr) as bar:
            summary = import_paths(store, paths, fmt, ictx, progress=bar.update)
    else:
        summary = import_paths(store, paths, fmt, ictx)
    data = summary.as_dict()
    if out_fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    s = summary.stats
    formats = ", ".join(f"{k} {v}" for k, v in summary.formats().items())
    click.echo(f"imported {len(summary.files)} file(s) ({formats}), {summary.records} records into {store.describe()}")
    if summary.datasets:
        click.echo(f"  datasets: {', '.join(sorted(set(summary.datasets.values())))}")
    click.echo(f"  nodes: {s.nodes_created} new, {s.nodes_updated} updated "
               f"({', '.join(f'{k} {v}' for k, v in sorted(s.by_label.items())) or 'none'})")
    click.echo(f"  relationships: {s.rels_created} new, {s.rels_updated} updated "
               f"({', '.join(f'{k} {v}' for k, v in sorted(s.by_type.items())) or 'none'})")
    for reason, n in sorted(summary.skipped.items()):
        click.echo(f"  skipped: {n} × {reason}")
    for note in summary.notes[:20]:
        click.echo(printable(f"  note: {note}"))


@cli.command()
@format_option
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Counts of nodes per label and relationships per type."""
    counts = store_of(ctx).counts()
    rows = [{"kind": "node", "name": k, "count": v} for k, v in counts["nodes"].items()]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in counts["relationships"].items()]
    emit(rows, fmt)


@cli.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True,
              help="Print at most this many; a note on stderr says when there are more.")
@format_option
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, fmt: str) -> None:
    """Entities whose name or alias matches TEXT (case- and accent-insensitive, word prefixes)."""
    found = store_of(ctx).find(text, limit + 1)  # one more than shown: says whether the list was cut
    if len(found) > limit:
        click.echo(f"showing the first {limit} matches; there are more (raise --limit, or narrow TEXT)", err=True)
    rows = [{"id": n.id, "name": n.name, "label": n.label, "kind": n.props.get("kind"),
             "aliases": n.props.get("aliases") or []} for n in found[:limit]]
    emit(rows, fmt, ["id", "name", "label", "kind", "aliases"])


@cli.command()
@click.argument("entity")
@label_option
@rows_option
@format_option
@click.pass_context
def show(ctx: click.Context, entity: str, labels: tuple[str, ...], limit: int, fmt: str) -> None:
    """Profile of ENTITY (id or name): roles, events, partners, with sources and quotes."""
    from .queries.profile import profile

    data = profile(store_of(ctx), entity_id(ctx, entity, labels))
    data["facts"] = capped(data["facts"], limit)
    if fmt == "json":
        click.echo(_json_bytes(data))
        return
    rows = [{"#": i, "relation": f["relation"], "other": f["other"], "kind": f["kind"], "date": f["date"],
             "until": f.get("until"), "details": f["details"], "source": [s["title"] for s in f["sources"]],
             "quote": [s["quote"] for s in f["sources"] if s["quote"]]} for i, f in enumerate(data["facts"], 1)]
    columns = ["#", "relation", "other", "kind", "date", "until", "details", "source", "quote"]
    if fmt != "table":
        emit(rows, fmt, columns[1:])
        return
    e = data["entity"]
    extra = ", ".join(f"{k}: {_cell(e[k])}" for k in ("kind", "place", "date", "until", "aliases") if e.get(k))
    click.echo(printable(f"{e['name']} ({e['label']}, {e['id']})" + (f" — {extra}" if extra else "")))
    emit(rows, fmt, columns)
    quoted = [(r["#"], s) for r, f in zip(rows, data["facts"], strict=True) for s in f["sources"] if s["quote"]]
    if quoted:  # the table shortens quotes; here they are in full
        click.echo("\nquotes:")
        for n, src in quoted:
            click.echo(printable(f"  #{n} “{src['quote']}” — {src['title']}"))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="Claims file to write (JSON lines); '-' for standard output.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out claims below this confidence.")
def extract(paths: tuple[Path, ...], out: Path, min_confidence: float) -> None:
    """Write the facts press texts would give, one claim per line, without touching a store."""
    from .exports.output import atomic_write, target, writes_to_stdout
    from .importers.base import ImportContext
    from .importers.pipeline import plan
    from .importers.press import extract_claims

    files = [p for p, _ in plan(paths, "press")]
    inputs = [(p, "an input") for p in (*paths, *files)]
    target(out, inputs)  # before any text is read
    with atomic_write(out, protect=inputs) as fh:
        n = extract_claims(files, fh, ImportContext(min_confidence=min_confidence))
    to_stdout = writes_to_stdout(out)
    click.echo(f"wrote {n} claims from {len(files)} file(s) to {'standard output' if to_stdout else out}",
               err=to_stdout)


@cli.command()
@click.argument("keep")
@click.argument("drop")
@label_option
@click.pass_context
def merge(ctx: click.Context, keep: str, drop: str, labels: tuple[str, ...]) -> None:
    """Merge entity DROP into KEEP (both by id or name): its relationships, aliases and sources move."""
    from .graph.resolution import merge_entities

    store = store_of(ctx)
    result = merge_entities(store, entity_id(ctx, keep, labels), entity_id(ctx, drop, labels))
    click.echo(printable(f"merged {result['dropped']} into {result['kept']}: "
                         f"{result['relationships_moved']} relationship(s) moved; later imports follow this merge"))


@cli.command()
@click.argument("entity")
@click.option("--name", "new_name", required=True, help="Name of the new entity.")
@click.option("--source", "sources", multiple=True, required=True, metavar="SOURCE_ID",
              help="Facts citing this source move to the new entity (repeatable).")
@click.option("--id", "new_id", default=None, metavar="ID",
              help="Id of the new entity: one of ENTITY's merged_from ids, to withdraw that merge "
                   "(default: an id made from --name).")
@label_option
@click.pass_context
def split(ctx: click.Context, entity: str, new_name: str, sources: tuple[str, ...], new_id: str | None,
          labels: tuple[str, ...]) -> None:
    """Split the facts of some sources off ENTITY into a new entity (undo a wrong merge)."""
    from .graph.resolution import split_entity

    store = store_of(ctx)
    result = split_entity(store, entity_id(ctx, entity, labels), new_name, list(sources), new_id)
    click.echo(printable(f"split {result['relationships_moved']} relationship(s) off {result['node']} "
                         f"into {result['new']}"))
    if result["still_merged"]:
        click.echo(printable(f"note: {result['node']} still has merged into it: {', '.join(result['still_merged'])}; "
                             "later imports send their records to it (split with --id ID to withdraw one)"),
                   err=True)


@cli.command()
@click.argument("entity")
@label_option
@click.pass_context
def delete(ctx: click.Context, entity: str, labels: tuple[str, ...]) -> None:
    """Delete ENTITY (id or name) and its relationships (a Source still cited by facts is refused)."""
    from .graph.resolution import delete_entity

    store = store_of(ctx)
    node = store.resolve(entity, labels or None)
    if node.id != entity and node.id in store.redirects().get(entity, ("",)):  # an id merged away: not a delete
        raise NotFoundError(f"{entity} was merged into {node.id}; to delete that entity, give its id")
    n = delete_entity(store, node.id)
    click.echo(printable(f"deleted {node.name} ({node.id}) and {n} relationship(s)"))


@cli.command("export")
@click.argument("fmt", metavar="FORMAT")
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="File (or folder, for csv) to write; '-' for standard output.")
@click.option("--around", multiple=True, metavar="ENTITY", help="Export the neighbourhood of ENTITY (repeatable).")
@click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Hops around each --around entity.")
@click.option("--limit", type=click.IntRange(1, 10_000_000), default=None,
              help="Keep the most connected nodes up to this many; the export says how many were left out.")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, out: Path, around: tuple[str, ...], depth: int,
               limit: int | None) -> None:
    """Write the graph (or a neighbourhood) as FORMAT: json, html, gexf, graphml, csv, cypher, png, svg, …"""
    from .exports.base import exporter, export_store
    from .exports.output import writes_to_stdout

    exporter(fmt)  # an unknown format fails before the store is opened
    written, graph, ectx = export_store(store_of(ctx), fmt, out, around, depth, limit)
    left = f", {ectx.omitted_nodes} left out (limit {limit})" if ectx.omitted_nodes else ""
    to_stdout = writes_to_stdout(out)
    where = "standard output" if to_stdout else ", ".join(map(str, written))
    click.echo(f"wrote {where}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships{left}",
               err=to_stdout)


# ---- queries ----
from .graph.schema import ORG_KINDS as _ORG_KINDS  # noqa: E402


def _emit_query(rows: list[dict[str, Any]], fmt: str, columns: list[str],
                display: Callable[[dict[str, Any]], dict[str, Any]] | None = None, limit: int = 0) -> None:
    """JSON gets the full result objects; table/CSV get ``display`` rows (with a ``quote`` column)."""
    from .queries.common import quotes

    rows = capped(rows, limit)
    if fmt == "json" or display is None:
        emit(rows, fmt, None if fmt == "json" else columns)
        return
    emit([{**r, "quote": quotes(r), **display(r)} for r in rows], fmt, columns)


@cli.command()
@click.argument("entity")
@click.option("--with", "with_", metavar="OTHER", default=None, help="Only meetings with OTHER.")
@click.option("--since", default=None, metavar="DATE", help="Events overlapping from DATE on (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", help="Events overlapping up to DATE.")
@label_option
@rows_option
@format_option
@click.pass_context
def met(ctx: click.Context, entity: str, with_: str | None, since: str | None, until: str | None,
        labels: tuple[str, ...], limit: int, fmt: str) -> None:
    """Whom ENTITY met: co-attendance of events, with sides, whom each acted for, and quotes."""
    from .queries.common import quotes
    from .queries.met import met as query

    rows = query(store_of(ctx), entity_id(ctx, entity, labels), entity_id(ctx, with_, labels) if with_ else None,
                 since, until)
    who = "organization" if rows and "organization" in rows[0] else "person"
    _emit_query(rows, fmt, ["date", "event", "place", who, "side", "met", "met_side", "relation", "quote"],
                lambda r: {"met_side": "/".join(filter(None, [r["met_side"], _cell(r.get("met_acting_for"))])),
                           "quote": quotes(r)[:1]}, limit)


@cli.command()
@click.option("--kind", type=click.Choice(list(_ORG_KINDS)),
              default=None, help="Partners of this organization kind (e.g. utility).")
@click.option("--of", "of", metavar="ORG", default=None, help="Only links of organization ORG.")
@click.option("--ownership", is_flag=True, help="Include OWNS links.")
@rows_option
@format_option
@click.pass_context
def partners(ctx: click.Context, kind: str | None, of: str | None, ownership: bool, limit: int, fmt: str) -> None:
    """Organizations linked by partnership or membership (and ownership), with parent bodies and quotes."""
    from .queries.partners import partners as query

    def show(r: dict[str, Any]) -> dict[str, Any]:
        def name(ref: dict, parents: list) -> str:
            return ref["name"] + (f" ({', '.join(p['name'] for p in parents)})" if parents else "")
        share = r.get("share")
        return {"organization": name(r["organization"], r["organization_parent"]),
                "partner": name(r["partner"], r["partner_parent"]),
                "share": f"{share:.4g}" if isinstance(share, float) else share}

    _emit_query(query(store_of(ctx), kind, entity_id(ctx, of, ("Organization",)) if of else None, ownership), fmt,
                ["organization", "relation", "partner", "partner_kind", "topic", "share", "since", "until", "quote"],
                show, limit)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", type=click.IntRange(1, 8), default=4, show_default=True,
              help="Longest chain looked for.")
@click.option("--k", "k", type=click.IntRange(1, 100), default=3, show_default=True, help="How many paths.")
@click.option("--as-of", default=None, metavar="DATE", help="Only facts valid on DATE and events until then.")
@click.option("--exclude", multiple=True, metavar="ENTITY", help="Never pass through ENTITY (repeatable).")
@label_option
@format_option
@click.pass_context
def path(ctx: click.Context, a: str, b: str, max_hops: int, k: int, as_of: str | None, exclude: tuple[str, ...],
         labels: tuple[str, ...], fmt: str) -> None:
    """Shortest connection chains between A and B, one row per hop with its evidence."""
    from .queries.path import path as query

    rows = query(store_of(ctx), entity_id(ctx, a, labels), entity_id(ctx, b, labels), max_hops, k, as_of,
                 tuple(entity_id(ctx, x, labels) for x in exclude))
    if fmt == "json":
        emit(rows, fmt)
        return
    hops = [{"path": p["rank"], "hop": i, "from": h["from"], "to": h["to"],
             "relation": "; ".join(("" if x["direction"] == "forward" else "<-") + x["type"] for x in h["relations"]),
             "date": "; ".join(x["date"] or "" for x in h["relations"]),
             "quote": [s["quote"] for x in h["relations"] for s in x["sources"] if s["quote"]]}
            for p in rows for i, h in enumerate(p["hops"], 1)]
    emit(hops, fmt, ["path", "hop", "from", "relation", "to", "date", "quote"])


@cli.command()
@click.argument("entity")
@click.option("--limit", type=click.IntRange(1, 10_000), default=None, help="Print at most this many peers.")
@format_option
@click.pass_context
def peers(ctx: click.Context, entity: str, limit: int | None, fmt: str) -> None:
    """People holding an equivalent role in other organizations, closest first, with the reason."""
    from .queries.peers import peers as query

    _emit_query(query(store_of(ctx), entity_id(ctx, entity, ("Person",)), limit), fmt,
                ["score", "peer", "title", "organization", "reason"], lambda r: {})


@cli.command()
@click.argument("entity")
@label_option
@rows_option
@format_option
@click.pass_context
def timeline(ctx: click.Context, entity: str, labels: tuple[str, ...], limit: int, fmt: str) -> None:
    """Dated facts about ENTITY in order (roles begun/ended, events), with quotes."""
    from .queries.timeline import timeline as query

    _emit_query(query(store_of(ctx), entity_id(ctx, entity, labels)), fmt, ["date", "what", "relation", "other", "details", "quote"],
                lambda r: {}, limit)


@cli.command()
@click.argument("entity")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True, help="Hops from ENTITY.")
@click.option("--types", multiple=True, metavar="TYPE", help="Only these relationship types (repeatable).")
@click.option("--limit", type=click.IntRange(1, 10_000_000), default=DEFAULT_ROWS, show_default=True,
              help="Keep the most connected nodes.")
@label_option
@format_option
@click.pass_context
def neighbors(ctx: click.Context, entity: str, depth: int, types: tuple[str, ...], limit: int | None,
              labels: tuple[str, ...], fmt: str) -> None:
    """The neighbourhood of ENTITY: one row per node; says how many were left out above --limit."""
    from .queries.neighbors import neighbors as query

    result = query(store_of(ctx), entity_id(ctx, entity, labels), depth, types or None, limit)
    emit(result.rows, fmt, ["id", "name", "label", "kind", "distance", "degree"])
    if fmt == "table":
        left = f"; {result.omitted} left out (limit {limit})" if result.omitted else ""
        click.echo(f"{len(result.rows)} nodes, {result.graph.number_of_edges()} relationships{left}", err=True)


@cli.command()
@click.option("--top", type=click.IntRange(1, 10_000), default=10, show_default=True, help="How many brokers.")
@format_option
@click.pass_context
def brokers(ctx: click.Context, top: int, fmt: str) -> None:
    """Who connects otherwise separate groups (betweenness on the person–organization projection)."""
    from .queries.brokers import brokers as query

    emit(query(store_of(ctx), top), fmt, ["rank", "entity", "label", "betweenness", "degree", "organizations",
                                          "people"])


def _late_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.find_root().obj["db"] = value


for _command in cli.commands.values():  # `stakegraph show X --db FILE` works as `stakegraph --db FILE show X`
    _command.params.append(click.Option(["--db"], metavar="PATH|URI", expose_value=False, callback=_late_db,
                                        help="The store, as --db before the command (either place)."))


def main() -> None:
    """Console-script entry point."""
    # One command per process, building large acyclic results (rows, records): full cyclic-GC
    # passes walk every live object again and again as they grow (~30 % of a 60k-row `met`), and
    # free nothing; young collections still run.
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 1 << 30)
    cli(prog_name="stakegraph")


if __name__ == "__main__":
    main()
