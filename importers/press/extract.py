"""One press file -> its Source and fact records."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ...graph.errors import InputError
from ...graph.records import Record
from ..base import ImportContext, decode, source_node
from .build import RecordBuilder, resolver_for
from .rules import StoryExtractor
from .text import PressDoc, prepare

def read_doc(path: Path) -> PressDoc:
    """Decode and prepare one press file (InputError naming the file when unreadable)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    doc = prepare(path, decode(raw, path), len(raw))
    doc.sha256 = hashlib.sha256(raw).hexdigest()  # the bytes in hand: no second read for the Source's hash
    return doc


def doc_records(path: Path, ctx: ImportContext) -> list[Record]:
    """Every record the press rules take from one file: its Source first, then facts."""
    doc = read_doc(path)
    ctx.advance(doc.nbytes)
    src = source_node(path, title=doc.meta.title, url=doc.meta.url, publisher=doc.meta.publisher,
                      published=doc.meta.published, sha256=doc.sha256, extractor="press")
    resolver = resolver_for(ctx)
    builder = RecordBuilder(src, resolver, doc.meta.published)
    year = doc.meta.published
    main = StoryExtractor(doc.main, year)
    builder.story(main.run())
    for seg in doc.teasers:  # a teaser is its own story, but the page's places are still places
        builder.story(StoryExtractor(seg, seg.date or year, main.places).run())
    ctx.notes.extend(resolver.notes)
    resolver.notes.clear()
    return [src.validate(), *builder.records()]
