"""Fast search helpers for compiled patterns: scans that enter a pattern only where a match can start or when the text holds its cue."""

from __future__ import annotations

import re
from typing import Any, Protocol


class WordStart:
    """A pattern whose every match opens a word (the ``NB`` guard after its first character, which is a
    letter), searched from the character before that word instead: ``re`` then stops only at the few
    characters that can precede a word (spaces, punctuation) rather than at every letter a word of the
    pattern starts with (lower-case prepositions and verbs start with the commonest letters).

    ``body``: the pattern without the guard. ``finditer`` gives the same matches as the guarded pattern's
    (same groups and ends; ``start()`` is one earlier except at position 0); ``search`` whether any."""

    def __init__(self, body: str) -> None:
        self.at_start = re.compile(body)
        self.after = re.compile(rf"[^\w-](?:{body})")  # NB: not after [\w-] (nor '\n' + its first character: a letter)

    def finditer(self, text: str) -> list[re.Match[str]]:
        first = self.at_start.match(text)
        rest = self.after.finditer(text, first.end()) if first else self.after.finditer(text)
        return [first, *rest] if first else list(rest)

    def search(self, text: str) -> re.Match[str] | None:
        return self.at_start.match(text) or self.after.search(text)


#: The non-ASCII letters ``re.I`` lets match ASCII letters ('İ', 'ı', 'ſ', Kelvin 'K'): ``str.lower`` cannot tell.
FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def cover(words: Any, size: int = 5) -> tuple[str, ...]:
    """Few fixed texts, one of which each of ``words`` contains, so that a substring test for them is a
    necessary condition for any of the words. The pieces are runs of at least ``size`` characters inside
    one token of a word (a phrase of short tokens, 'zu der', is its own piece), picked greedily: the piece
    held by the most words first, then the longest (rarer in text), then alphabetically."""
    todo = sorted(set(words))
    parts: list[str] = []
    while todo:
        pieces: dict[str, set[str]] = {}
        for w in todo:
            long = [t for t in w.split() if len(t) >= size]
            for t in long:
                for i in range(len(t) - size + 1):
                    for j in range(i + size, len(t) + 1):
                        pieces.setdefault(t[i:j], set()).add(w)
            if not long:
                pieces.setdefault(w, set()).add(w)
        best = min(pieces, key=lambda p: (-len(pieces[p]), -len(p), p))
        parts.append(best)
        todo = [w for w in todo if best not in w]
    return tuple(p for p in parts if not any(q != p and q in p for q in parts))  # 'zu der' does for 'zu der auch'


class Gated:
    """A compiled pattern whose every match contains one of ``words`` (a list it is built from), searched
    only when the text holds a piece of them (``cover``): a rule declares its cue with its pattern, and a
    sentence without the cue costs a few substring tests. Under ``re.I`` the pieces are looked for in the
    lower-cased text (always searched when it holds a letter ``re.I`` folds to ASCII)."""

    def __init__(self, pattern: re.Pattern, words: Any) -> None:
        self.pattern = pattern
        self.fold = bool(pattern.flags & re.I)
        self.parts = cover({w.lower() for w in words} if self.fold else words)

    def may_match(self, text: str) -> bool:
        """Whether the text holds the cue (else the pattern cannot match)."""
        low = text.lower() if self.fold else text
        for p in self.parts:  # a loop, not any() over a generator: this runs on every sentence
            if p in low:
                return True
        return self.fold and any(c in text for c in FOLDS_TO_ASCII)

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search``, skipped when the text holds none of the cue."""
        return self.pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> list[re.Match[str]]:
        """``pattern.finditer`` as a list, skipped when the text holds none of the cue."""
        return list(self.pattern.finditer(text)) if self.may_match(text) else []


def _from_starts(at: re.Pattern, pattern: re.Pattern, text: str) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a pattern with no empty match, ``at`` finding where one starts
    (a first character, then the pattern as a look-ahead): re skips in C to those characters."""
    out: list[re.Match] = []
    hit = at.search(text)
    while hit:
        m = pattern.match(text, hit.start())
        if m is None:  # ``at`` asserts that the pattern matches here
            break
        out.append(m)
        hit = at.search(text, m.end())
    return out


class FromStarts:
    """A compiled pattern with no empty match whose every match starts with one of ``firsts``, searched from
    those characters: a scan that stops only there (the pattern as a look-ahead) finds where a match starts,
    and the pattern is matched there. Same answers as ``pattern.search``/``finditer`` for a pattern that opens
    with alternatives re cannot skip ahead in (a group, an assertion)."""

    def __init__(self, pattern: re.Pattern, firsts: Any) -> None:
        self.pattern = pattern
        chars = "".join(re.escape(c) for c in sorted(set(firsts)))
        self.at = re.compile(rf"[{chars}](?<=(?={pattern.pattern}).)", pattern.flags)

    def search(self, text: str) -> re.Match[str] | None:
        hit = self.at.search(text)
        return self.pattern.match(text, hit.start()) if hit else None

    def finditer(self, text: str) -> list[re.Match[str]]:
        return _from_starts(self.at, self.pattern, text)


class LowerStarts:
    """A compiled pattern whose every match starts with one of ``words`` (lower-case) in some letter case
    ('[vV]erein'), tried only where the lower-cased text holds one of them (``str.find`` per word): the
    pattern's leading character classes are not entered at every position, nor a literal alternation at
    every common first letter ('e' of 'energie'). Same answers as ``pattern.search``/``finditer`` for a
    pattern with no empty match (a text whose ``str.lower`` changes its length, 'İ', is searched plainly).
    ``low``: ``text.lower()`` when known."""

    def __init__(self, pattern: re.Pattern, words: Any) -> None:
        if any(w != w.lower() or not w for w in words):
            raise ValueError("LowerStarts needs non-empty lower-case words")
        self.pattern = pattern
        self.words = tuple(sorted(set(words)))

    def _starts(self, low: str) -> list[int]:
        """Every position where one of the words occurs in ``low``, in order."""
        for w in self.words:  # whether any: most texts (phrases, clauses) hold none
            if w in low:
                break
        else:
            return []
        hits = []
        for w in self.words:
            at = low.find(w)
            while at >= 0:
                hits.append(at)
                at = low.find(w, at + 1)
        return sorted(set(hits)) if len(hits) > 1 else hits

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        low = text.lower() if low is None else low
        if len(low) != len(text):
            return self.pattern.search(text)
        for at in self._starts(low):
            m = self.pattern.match(text, at)
            if m:
                return m
        return None

    def finditer(self, text: str, low: str | None = None) -> list[re.Match[str]]:
        low = text.lower() if low is None else low
        if len(low) != len(text):
            return list(self.pattern.finditer(text))
        out: list[re.Match[str]] = []
        pos = 0
        for at in self._starts(low):
            if at >= pos:
                m = self.pattern.match(text, at)
                if m:
                    out.append(m)
                    pos = m.end()
        return out


def tokens_back(text: str, at: int, n: int) -> int:
    """Where the ``n``-th whitespace-separated token before position ``at`` starts (0 if fewer;
    ``str.isspace`` is what ``\\s`` matches in a str pattern)."""
    size = 240
    while True:
        lo = max(0, at - size)
        back = _BACK[n].match(text[lo:at][::-1])  # the reversed window, read forward from ``at``
        span = back.end() if back else 0
        if not lo or span < at - lo:
            return at - span
        size *= 8  # the window ended inside the n tokens (very long tokens): a wider one


_BACK = {n: re.compile(rf"(?:\s*\S*){{{n}}}") for n in range(1, 10)}


def cue_finditer(pattern: re.Pattern, text: str, cue: str, runs: int = 0) -> list[re.Match]:
    """The matches of ``pattern.finditer(text)`` for a pattern whose every match is non-empty and holds ``cue``
    with at most ``runs`` runs of whitespace before it ('SPD-Fraktion', cue 'raktion', none): ``match`` is
    tried only from the ``runs + 1``-th token before each cue up to the cue, not at every position."""
    out: list[re.Match] = []
    pos = 0
    while (c := text.find(cue, pos)) >= 0:
        for s in range(max(pos, tokens_back(text, c, runs + 1)), c + 1):
            m = pattern.match(text, s)
            if m is not None:  # the leftmost match from ``pos``: one starting earlier would span a run more
                out.append(m)
                pos = m.end()
                break
        else:
            pos = c + 1
    return out

class Searcher(Protocol):
    """What ``anchored_finditer`` needs of its anchor: a compiled pattern's ``search``."""

    def search(self, text: str, pos: int = 0, /) -> re.Match[str] | None: ...


def anchored_finditer(pattern: re.Pattern, anchor: Searcher, text: str, back: int, first: frozenset[str],
                      hit: re.Match | None = None, lead: frozenset[str] | None = None) -> list[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose every match contains a match of ``anchor`` at most
    ``back`` tokens after the match's start, and starts with a character of ``first``.

    The pattern is tried (``match``) only at the candidate characters from ``back`` tokens before each
    anchor hit up to the hit, leftmost first: the same matches, without entering a pattern that opens with
    optional parts at every position of the text. ``hit``: ``anchor.search(text)`` when already known.
    ``lead``: the characters a match can start with before the hit (no anchor hit lies between the last try
    and the hit, so a match starting there opens with what comes before the anchor's part); default ``first``."""
    out: list[re.Match] = []
    pos = nxt = 0  # pos: end of the last match; nxt: first position not tried yet
    hit = hit or anchor.search(text)
    before = first if lead is None else lead
    while hit:
        at = hit.start()
        p = max(nxt, pos, tokens_back(text, at, back))
        m = None
        while p <= at:
            if text[p] in (before if p < at else first):
                m = pattern.match(text, p)
                if m:
                    break
            p += 1
        nxt = p
        if m:
            out.append(m)
            pos = nxt = m.end()
            hit = anchor.search(text, pos)
        else:
            hit = anchor.search(text, at + 1)
    return out
