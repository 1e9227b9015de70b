"""The ``stakegraph`` command line: each command calls one library function and formats its result."""

from __future__ import annotations

import gc
import json
import logging
import sqlite3
import sys
from pathlib import Path
from typing import Any, Callable

import click

from . import __version__
from .exports.rows import cell, format_rows, json_bytes, printable
from .graph import schema
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
        except sqlite3.DatabaseError as exc:  # met reading a damaged or vanished embedded store
            from .graph.sqlite_store import database_error

            where = getattr(ctx.obj.get("store"), "path", None) or ctx.obj.get("db") or DEFAULT_DB
            raise click.ClickException(_one_line(database_error(where, exc))) from None
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            raise click.exceptions.Exit(130) from None


def _one_line(exc: BaseException) -> str:
    return printable(" ".join(str(exc).split())) or type(exc).__name__


def store_of(ctx: click.Context, create: bool = False) -> Store:
    """The store of ``--db``, opened once per command and closed at its end; only ``import`` creates
    a missing embedded store (any other command says "no such store")."""
    root = ctx.find_root()
    if root.obj.get("store") is None:
        root.obj["store"] = open_store(root.obj["db"], root.obj.get("batch_size"), create=create)
        root.call_on_close(root.obj["store"].close)
    return root.obj["store"]


# ---- output --------------------------------------------------------------------------------
def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None) -> None:
    """Print rows as a table fitted to the terminal, a JSON list, or CSV."""
    click.echo(format_rows(rows, fmt, columns, _terminal_width() if fmt == "table" else None), nl=False)


def _terminal_width() -> int | None:
    """The width to fit tables to: the terminal's, ``$COLUMNS``, or None (not a terminal)."""
    import os
    import shutil

    if os.environ.get("COLUMNS", "").isdigit() or sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


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
    store = store_of(ctx, create=True)
    ictx = ImportContext(min_confidence=min_confidence, options={"dataset": check_dataset(dataset)})
    try:
        if sys.stderr.isatty():
            with click.progressbar(length=total_bytes(paths), label="importing", file=sys.stderr) as bar:
                summary = import_paths(store, paths, fmt, ictx, progress=bar.update)
        else:
            summary = import_paths(store, paths, fmt, ictx)
    except BaseException:
        if store.created:
            store.discard()  # a failed first import leaves no empty store behind
        raise
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
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the store for damage (embedded: SQLite's full integrity check, every property, the schema)."""
    from .graph.store import check_store

    result = check_store(ctx.find_root().obj["db"])
    for problem in result["problems"][:50]:
        click.echo(f"problem: {problem}")
    if not result["ok"]:
        raise click.ClickException(f"{result['store']}: corrupt ({len(result['problems'])} problem(s) above); "
                                   "restore it from a backup, or import the sources again into a new store")
    click.echo(f"{result['store']}: ok ({result['nodes']} nodes, {result['relationships']} relationships)")


@cli.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True,
              help="Print at most this many; a note on stderr says when there are more.")
@format_option
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, fmt: str) -> None:
    """Entities whose name or alias matches TEXT (case- and accent-insensitive, word prefixes)."""
    from .queries.search import search as query

    rows = query(store_of(ctx), text, limit + 1)  # one more than shown: says whether the list was cut
    if len(rows) > limit:
        click.echo(f"showing the first {limit} matches; there are more (raise --limit, or narrow TEXT)", err=True)
    emit(rows[:limit], fmt, ["id", "name", "label", "kind", "aliases"])


@cli.command()
@click.argument("entity")
@label_option
@rows_option
@format_option
@click.pass_context
def show(ctx: click.Context, entity: str, labels: tuple[str, ...], limit: int, fmt: str) -> None:
    """Profile of ENTITY (id or name): roles, events, partners, with sources and quotes."""
    from .queries.profile import profile

    store = store_of(ctx)
    eid = entity_id(ctx, entity, labels)
    node = store.get(eid)
    if node is not None and node.label == schema.SOURCE:
        _show_source(store, eid, limit, fmt)
        return
    data = profile(store, eid)
    data["facts"] = capped(data["facts"], limit)
    if fmt == "json":
        click.echo(json_bytes(data))
        return
    rows = [{"#": i, "relation": f["relation"], "other": f["other"], "kind": f["kind"], "date": f["date"],
             "until": f.get("until"), "details": f["details"], "source": [s["title"] for s in f["sources"]],
             "quote": [s["quote"] for s in f["sources"] if s["quote"]]} for i, f in enumerate(data["facts"], 1)]
    columns = ["#", "relation", "other", "kind", "date", "until", "details", "source", "quote"]
    if fmt != "table":
        emit(rows, fmt, columns[1:])
        return
    e = data["entity"]
    extra = ", ".join(f"{k}: {cell(e[k])}" for k in ("kind", "place", "date", "until", "aliases") if e.get(k))
    click.echo(printable(f"{e['name']} ({e['label']}, {e['id']})" + (f" — {extra}" if extra else "")))
    emit(rows, fmt, columns)
    quoted = [(r["#"], s) for r, f in zip(rows, data["facts"], strict=True) for s in f["sources"] if s["quote"]]
    if quoted:  # the table shortens quotes; here they are in full
        click.echo("\nquotes:")
        for n, src in quoted:
            click.echo(printable(f"  #{n} “{src['quote']}” — {src['title']}"))


def _show_source(store: Store, source_id: str, limit: int, fmt: str) -> None:
    """``show`` of a Source: the facts taken from it, with the quote each one gave."""
    from .queries.sources import source_facts

    found = source_facts(store, source_id)
    data = {"entity": {**found["source"], "label": schema.SOURCE}, "entities": found["entities"],
            "facts": capped(found["facts"], limit)}  # 'entity' first, as every profile's JSON
    if fmt == "json":
        click.echo(json_bytes(data))
        return
    rows = [{"#": i, "from": f["from"]["name"], "relation": f["relation"], "to": f["to"]["name"],
             "details": f["details"], "quote": f["quote"]} for i, f in enumerate(data["facts"], 1)]
    columns = ["#", "from", "relation", "to", "details", "quote"]
    if fmt != "table":
        emit(rows, fmt, columns[1:])
        return
    src = data["entity"]
    where = src.get("url") or src.get("path")
    click.echo(printable(f"{src['name']} (Source, {src['id']})" + (f" — {where}" if where else "")))
    click.echo(printable(f"{len(data['entities'])} entities named, {len(data['facts'])} facts:"))
    emit(rows, fmt, columns)
    quoted = [(r["#"], r["quote"]) for r in rows if r["quote"]]
    if quoted:  # the table shortens quotes; here they are in full
        click.echo("\nquotes:")
        for n, quote in quoted:
            click.echo(printable(f"  #{n} “{quote}”"))


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
                lambda r: {"met_side": "/".join(filter(None, [r["met_side"], cell(r.get("met_acting_for"))])),
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


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0 opens it to the network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Browse the store in a local, read-only web explorer (search, profiles, paths, sources, JSON API)."""
    from .web.app import serve as run

    run(store_of(ctx), host, port, log=lambda text: click.echo(text, err=True))


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
