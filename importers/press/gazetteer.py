"""Open-data name lists of the press importer: GeoNames places and first names (see NOTICE.md), read once."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources

_PKG = __package__ or "stakegraph.importers.press"


@dataclass(frozen=True)
class Place:
    """One place name of the gazetteer: its most populous bearer's country and population."""

    name: str
    country: str
    population: int


@cache
def places() -> dict[str, Place]:
    """Every place name of ``places.tsv.gz`` (the most populous place of that name wins)."""
    raw = resources.files(_PKG).joinpath("places.tsv.gz").read_bytes()
    out: dict[str, Place] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        name, country, pop = line.split("\t")
        n = int(pop)
        old = out.get(name)
        if old is None or old.population < n:
            out[name] = Place(name, country, n)
    return out


@cache
def given_names() -> frozenset[str]:
    """First names of ``given_names.txt``."""
    text = resources.files(_PKG).joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def place(name: str) -> Place | None:
    """The gazetteer's place of that name ('Mailand', 'Sankt Augustin'), else None."""
    return places().get(name)


@cache
def regions() -> frozenset[str]:
    """Countries and states in German (``regions.txt``): places, but no municipality's."""
    text = resources.files(_PKG).joinpath("regions.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
