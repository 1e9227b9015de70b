"""The press importer (press releases and news articles -> facts with quotes) and reviewed claim files."""

from __future__ import annotations

import json
import re
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from typing import Any, Iterator, TextIO

from ...graph import schema
from ...graph.errors import InputError, SchemaError
from ...graph.records import Node, Record, Rel
from ..base import ImportContext, Importer, decode, json_loads, register
from .extract import build_records, doc_records, read_doc
from .parallel import read_ahead

_AHEAD = "press:read-ahead"

__all__ = ["ClaimsImporter", "PressImporter", "claim_to_record", "doc_records", "extract_claims", "read_doc", "record_to_claim"]

PRESS_EXTENSIONS = (".txt", ".md", ".html", ".htm")
_PROSE = re.compile(rb"[a-z\xc3\xa4\xb6\xbc\x9f]{3,} [a-z\xc3\xa4\xb6\xbc\x9f]{2,} ", re.I)


@register
class PressImporter(Importer):
    """Press releases and news articles (.txt, .md, .html) in German (rules and vocabularies as data)."""

    name = "press"
    extensions = PRESS_EXTENSIONS

    def sniff(self, path: Path, head: bytes) -> float:
        suffix = path.suffix.lower()
        if suffix not in PRESS_EXTENSIONS:
            return 0.0
        if suffix in (".html", ".htm"):
            return 0.6
        return 0.6 if len(_PROSE.findall(head)) >= 5 else 0.3

    def read_ahead(self, paths: list[Path], ctx: ImportContext) -> AbstractContextManager[Any] | None:
        """Run the rules on ``paths`` in worker processes ahead of :meth:`read` (many files only); the
        run's context forgets them when the returned context closes."""
        ahead = read_ahead(paths)
        if ahead is None:
            return None
        stack = ExitStack()
        stack.callback(ctx.state.pop, _AHEAD, None)
        stack.enter_context(ahead)
        ctx.state[_AHEAD] = ahead
        return stack

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        ahead = ctx.state.get(_AHEAD)
        found = ahead.take(path) if ahead is not None else None
        for rec in build_records(found, ctx) if found is not None else doc_records(path, ctx):
            conf = rec.props.get("confidence")
            if isinstance(conf, (int, float)) and conf < ctx.min_confidence:
                ctx.skip(f"press: below confidence {ctx.min_confidence}")
                continue
            yield rec


# ---- claims: review before trust -----------------------------------------------------------------
_PROV = ("sources", "evidence", "confidence", "extractor")


def record_to_claim(rec: Record) -> dict[str, Any]:
    """One reviewable claim line of a record."""
    props = {k: v for k, v in rec.props.items() if k not in _PROV}
    if isinstance(rec, Node):
        typ, fields = rec.label, {"id": rec.id, "name": rec.name, **props}
    else:
        typ, fields = rec.type, {"source": rec.source, "target": rec.target, "key": rec.key, **props}
    sources, evidence = rec.props.get("sources") or [], rec.props.get("evidence") or []
    return {"type": typ, "fields": fields, "confidence": rec.props.get("confidence"), "rule": rec.props.get("extractor"),
            "source": sources[0] if sources else None, "quote": evidence[0] if evidence else None}


def claim_to_record(claim: Any, where: str) -> Record:
    """The record a (possibly hand-edited) claim stands for; InputError naming ``where`` when malformed."""
    if not isinstance(claim, dict) or not isinstance(claim.get("type"), str) or not isinstance(claim.get("fields"), dict):
        raise InputError(f"{where}: not a claim (expected an object with 'type' and 'fields')")
    fields = dict(claim["fields"])
    prov = {"confidence": claim.get("confidence"), "extractor": claim.get("rule")}
    if claim.get("source"):
        prov["sources"] = [claim["source"]]
        if claim.get("quote"):
            prov["evidence"] = [claim["quote"]]
    try:
        if claim["type"] in schema.LABELS:
            if "id" not in fields or "name" not in fields:
                raise InputError(f"{where}: {claim['type']} claim lacks 'id' or 'name'")
            nid, name = str(fields.pop("id")), str(fields.pop("name"))
            if claim["type"] == schema.SOURCE:
                prov = {"extractor": claim.get("rule")}
            return Node(nid, claim["type"], name, {**fields, **prov}).validate()
        if "source" not in fields or "target" not in fields:
            raise InputError(f"{where}: {claim['type']} claim lacks 'source' or 'target'")
        src, tgt, key = str(fields.pop("source")), str(fields.pop("target")), fields.pop("key", None)
        return Rel(claim["type"], src, tgt, {**fields, **prov}, key=key).validate()
    except SchemaError as exc:
        raise InputError(f"{where}: {exc}") from None


def extract_claims(paths: list[Path], out: TextIO, ctx: ImportContext) -> int:
    """Write one JSON claim per line for every fact the press rules take from ``paths``; return the count."""
    n = 0
    for path in paths:
        for rec in doc_records(path, ctx):
            out.write(json.dumps(record_to_claim(rec), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


@register
class ClaimsImporter(Importer):
    """Reviewed claim files (``.jsonl`` written by ``extract_claims``)."""

    name = "claims"
    extensions = (".jsonl",)

    def sniff(self, path: Path, head: bytes) -> float:
        if b'"fields"' in head and b'"type"' in head and head.lstrip().startswith(b"{"):
            return 0.9 if path.suffix.lower() == ".jsonl" else 0.6
        return 0.2 if path.suffix.lower() == ".jsonl" else 0.0

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        ctx.advance(len(raw))
        for lineno, line in enumerate(decode(raw, path).splitlines(), 1):
            if not line.strip():
                continue
            try:
                claim = json_loads(line, f"{path}: line {lineno}")
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {lineno}: invalid JSON ({exc.msg})") from None
            rec = claim_to_record(claim, f"{path}: line {lineno}")
            conf = rec.props.get("confidence")
            if isinstance(conf, (int, float)) and conf < ctx.min_confidence:
                ctx.skip(f"claims: below confidence {ctx.min_confidence}")
                continue
            yield rec
