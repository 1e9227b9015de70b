"""Open-data name lists of the press importer: GeoNames places and first names (see NOTICE.md), read once."""

from __future__ import annotations

import gzip
from functools import cache
from typing import Callable
from importlib import resources

_PKG = __package__ or "stakegraph.importers.press"


@cache
def _table() -> tuple[dict[str, int], dict[str, str]]:
    """``places.tsv.gz`` read once: each place name's largest population and that bearer's ISO country."""
    raw = gzip.decompress(resources.files(_PKG).joinpath("places.tsv.gz").read_bytes()).decode("utf-8")
    pops: dict[str, int] = {}
    country: dict[str, str] = {}
    for line in raw.split("\n")[1:]:
        name, cc, pop = line.split("\t") if line.count("\t") == 2 else ("", "", "")
        if not name:
            continue
        n = int(pop)
        if pops.get(name, -1) < n:
            pops[name] = n
            country[name] = cc
    return pops, country


def places() -> dict[str, int]:
    """Every place name of ``places.tsv.gz`` with the population of its most populous bearer."""
    return _table()[0]


def countries() -> dict[str, str]:
    """Every place name of ``places.tsv.gz`` with the ISO country of its most populous bearer."""
    return _table()[1]


_HAS = frozenset.__contains__


class GivenNames(frozenset):
    """First names; a hyphenated one is in when each part is ('Hans-Werner', 'Anna-Lena')."""

    def __contains__(self, tok: object) -> bool:
        return _HAS(self, tok) or (isinstance(tok, str) and "-" in tok and all(_HAS(self, p) for p in tok.split("-")))


@cache
def given_names() -> GivenNames:
    """First names of ``given_names.txt``."""
    text = resources.files(_PKG).joinpath("given_names.txt").read_text(encoding="utf-8")
    return GivenNames(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


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


@cache
def states() -> tuple[tuple[str, str, str], ...]:
    """(ISO code, German name, German official name) of each country (``states.tsv``)."""
    text = resources.files(_PKG).joinpath("states.tsv").read_text(encoding="utf-8")
    return tuple((row[0], row[1], row[2]) for line in text.splitlines()
                 if not line.startswith("#") and len(row := line.split("\t")) == 3)
