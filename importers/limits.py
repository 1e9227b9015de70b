"""Input limits: each has a default, an environment variable that raises it, and is named in the error
that hits it (the README's "Limits" section lists them)."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from ..graph.errors import InputError


@dataclass(frozen=True)
class Limit:
    """One bound on what an input may hold."""

    env: str
    default: float
    unit: str
    what: str

    def value(self) -> float:
        """The limit in force: ``$env`` if set (a positive number), else the default."""
        raw = os.environ.get(self.env)
        if raw is None or not raw.strip():
            return self.default
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not 0 < value < math.inf:
            raise InputError(f"{self.env}={raw!r}: must be a positive number of {self.unit} ({self.what})")
        return value

    def bytes(self) -> int:
        """The limit in bytes, for limits given in MB (10^6 bytes)."""
        return int(self.value() * 1_000_000)

    def exceeded(self, where: object, detail: str) -> InputError:
        """The one-line error for ``where`` going past this limit."""
        shown = f"{self.value():g}"
        return InputError(f"{where}: {detail}: over the limit of {shown} {self.unit} for {self.what} "
                          f"(set {self.env} to raise it)")


FIELD_MB = Limit("STAKEGRAPH_MAX_FIELD_MB", 1, "MB", "one field (a JSON string, a CSV cell)")
XLSX_MB = Limit("STAKEGRAPH_MAX_XLSX_MB", 256, "MB", "an XLSX workbook unpacked")
XLSX_CELLS = Limit("STAKEGRAPH_MAX_XLSX_CELLS", 10_000_000, "cells", "the cells of one XLSX sheet")
STDIN_MB = Limit("STAKEGRAPH_MAX_STDIN_MB", 1024, "MB", "standard input")

ALL = (FIELD_MB, XLSX_MB, XLSX_CELLS, STDIN_MB)
