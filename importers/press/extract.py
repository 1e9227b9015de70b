"""One press file -> its Source and fact records."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ...graph.errors import InputError
from ...graph.records import Record
from ..base import ImportContext, decode, source_node
from .build import RecordBuilder, resolver_for
from .facts import StoryFacts
from .role_model import run_story
from .rules import StoryExtractor
from .text import PageMeta, PressDoc, prepare

def read_doc(path: Path) -> PressDoc:
    """Decode and prepare one press file (InputError naming the file when unreadable)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    doc = prepare(path, decode(raw, path), len(raw))
    doc.sha256 = hashlib.sha256(raw).hexdigest()  # the bytes in hand: no second read for the Source's hash
    return doc


@dataclass
class Extraction:
    """What the rules found in one press file, before any record is built (picklable: worker processes
    return it)."""

    path: Path
    meta: PageMeta
    sha256: str | None
    nbytes: int
    stories: list[StoryFacts]


def extract(path: Path) -> Extraction:
    """Read one press file and run the rules on its main story and teasers (no store, no resolver)."""
    doc = read_doc(path)
    year = doc.meta.published
    main = StoryExtractor(doc.main, year)
    stories = [run_story(main)]
    for seg in doc.teasers:  # a teaser is its own story, but the page's places are still places
        stories.append(run_story(StoryExtractor(seg, seg.date or year, main.places)))
    return Extraction(path, doc.meta, doc.sha256, doc.nbytes, stories)


def build_records(found: Extraction, ctx: ImportContext) -> list[Record]:
    """The records of one extraction: its Source first, then facts (resolved against the run's resolver)."""
    ctx.advance(found.nbytes)
    meta = found.meta
    src = source_node(found.path, title=meta.title, url=meta.url, publisher=meta.publisher,
                      published=meta.published, sha256=found.sha256, extractor="press")
    resolver = resolver_for(ctx)
    builder = RecordBuilder(src, resolver, meta.published)
    for facts in found.stories:
        builder.story(facts)
    ctx.notes.extend(resolver.notes)
    resolver.notes.clear()
    return [src.validate(), *builder.records()]


def doc_records(path: Path, ctx: ImportContext) -> list[Record]:
    """Every record the press rules take from one file: its Source first, then facts."""
    return build_records(extract(path), ctx)
