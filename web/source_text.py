"""A source's own text with the quotes its facts gave marked (for the source page)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

#: Larger files are not shown (the page lists the facts and quotes anyway).
MAX_TEXT_BYTES = 2_000_000


def read_text(props: dict[str, Any]) -> str | None:
    """The text of a Source from its ``path``, when that file is here and still the one the facts were
    taken from (its SHA-256 is the Source's ``sha256``); else None. A path alone is never followed:
    data naming ``/etc/passwd`` as a source must not put that file on a page."""
    path, digest = props.get("path"), props.get("sha256")
    if not isinstance(path, str) or not path or "\x00" in path or not isinstance(digest, str):
        return None
    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size > MAX_TEXT_BYTES:
            return None
        data = p.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != digest.lower():
        return None
    return data.decode("utf-8", errors="replace")


def _pattern(quote: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in quote.split()]
    return re.compile(r"\s+".join(words))


def marked(text: str, quotes: list[str]) -> tuple[list[tuple[str, int | None]], set[int]]:
    """``text`` cut into ``(piece, quote index or None)`` segments, each quote marked where it first
    occurs (line breaks inside it allowed); and the indexes of the quotes found."""
    spans: list[tuple[int, int, int]] = []
    for i, q in enumerate(quotes):
        if not q or not q.strip():
            continue
        m = _pattern(q).search(text)
        if m and not any(s < m.end() and m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), i))
    spans.sort()
    out: list[tuple[str, int | None]] = []
    at = 0
    for s, e, i in spans:
        if s > at:
            out.append((text[at:s], None))
        out.append((text[s:e], i))
        at = e
    if at < len(text):
        out.append((text[at:], None))
    return out, {i for _, _, i in spans}
