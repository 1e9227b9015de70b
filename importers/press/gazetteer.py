"""Open-data name lists of the press importer: GeoNames places and first names (see NOTICE.md), read once."""

from __future__ import annotations

import gzip
from functools import cache
from typing import Callable
from importlib import resources

_PKG = __package__ or "stakegraph.importers.press"


@cache
def places() -> dict[str, int]:
    """Every place name of ``places.tsv.gz`` with the population of its most populous bearer."""
    raw = gzip.decompress(resources.files(_PKG).joinpath("places.tsv.gz").read_bytes()).decode("utf-8")
    out: dict[str, int] = {}
    for line in raw.split("\n")[1:]:
        name, _country, pop = line.partition("\t")[0], None, line.rpartition("\t")[2]
        if not name:
            continue
        n = int(pop)
        if out.get(name, -1) < n:
            out[name] = n
    return out


@cache
def countries() -> dict[str, str]:
    """Every place name of ``places.tsv.gz`` with the ISO country of its most populous bearer."""
    raw = gzip.decompress(resources.files(_PKG).joinpath("places.tsv.gz").read_bytes()).decode("utf-8")
    best: dict[str, tuple[int, str]] = {}
    for line in raw.split("\n")[1:]:
        parts = line.split("\t")
        if len(parts) == 3 and best.get(parts[0], (-1, ""))[0] < int(parts[2]):
            best[parts[0]] = (int(parts[2]), parts[1])
    return {name: country for name, (_pop, country) in best.items()}


@cache
def given_names() -> frozenset[str]:
    """First names of ``given_names.txt``."""
    text = resources.files(_PKG).joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def population(name: str) -> int | None:
    """The population of the gazetteer's place of that name ('Mailand', 'Sankt Augustin'), else None."""
    return _lookup(name)


def _first_lookup(name: str) -> int | None:
    """Load the table, then answer from its ``dict.get`` directly (asked some 100,000 times per 1,000 articles)."""
    global _lookup
    _lookup = places().get
    return _lookup(name)


_lookup: Callable[[str], int | None] = _first_lookup


@cache
def regions() -> frozenset[str]:
    """Countries and states in German (``regions.txt``): places, but no municipality's."""
    text = resources.files(_PKG).joinpath("regions.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
