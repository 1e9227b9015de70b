"""A source's own text with the quotes its facts gave marked (for the source page)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

#: Larger files are not shown (the page lists the facts and quotes anyway).
MAX_TEXT_BYTES = 2_000_000


def read_text(props: dict[str, Any]) -> str | None:
    """The text of a Source from its ``path``, when that is a readable local text file (else None)."""
    path = props.get("path")
    if not isinstance(path, str) or not path or "\x00" in path:
        return None
    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size > MAX_TEXT_BYTES:
            return None
        return p.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None


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
