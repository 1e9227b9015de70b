"""One organization mention as the press rules pass it around (its own module so that the
state and party recognizers in ``states`` can build mentions without importing ``orgs``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .org_grammar import _PARTY_FORMS, nominative
from .places import fold


@dataclass
class OrgM:
    """One organization mention: canonical name, kind, place, parent body and surface variants."""

    name: str
    kind: str
    place: str | None = None
    parent: "OrgM | None" = None
    aliases: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    needs_place: bool = False  # a context head such as 'den Stadtwerken': the place comes from the story

    def __post_init__(self) -> None:
        self.name = nominative(self.name)
        if self.kind == "party" and self.name in _PARTY_FORMS:
            self.name, more = _PARTY_FORMS[self.name]  # 'Grünen-Stadtrat': the party is 'Grüne' ('Die Grünen')
            self.aliases = [*self.aliases, *more]

    def at(self, start: int, end: int) -> "OrgM":
        """This mention at another span (``dataclasses.replace`` without its per-call field walk)."""
        return OrgM(self.name, self.kind, self.place, self.parent, self.aliases, start, end, self.needs_place)

    def with_place(self, place: str) -> "OrgM":
        """This context head, bound to a place ('Stadtwerke' in a Bochum story -> 'Stadtwerke Bochum')."""
        head = self.name
        if head in ("Stadtverwaltung", "Verwaltung"):
            return OrgM(f"Stadt {place}", "municipality", place, None, [], self.start, self.end)
        return OrgM(f"{head} {place}", self.kind, place, None, [f"{a} {place}" for a in self.aliases], self.start, self.end)

    @property
    def key(self) -> str:
        """Identity within a run: folded name plus the parent's folded name."""
        return fold(self.name) + ("|" + fold(self.parent.name) if self.parent else "")
