"""The facts one story states (persons, roles, organization links, events), before they become records."""

from __future__ import annotations

from dataclasses import dataclass, field

from .orgs import OrgM

MAX_QUOTE = 300


@dataclass
class PersonF:
    """A person named in a story."""

    name: str
    quote: str
    rule: str
    confidence: float
    honorific: str | None = None
    aliases: set[str] = field(default_factory=set)


@dataclass
class RoleF:
    """A person's position; ``org`` None means 'an office of the body the story implies'."""

    person: str
    org: OrgM | None
    title: str | None
    quote: str
    rule: str
    confidence: float


@dataclass
class LinkF:
    """An organization-to-organization fact (PARTNERS_WITH, MEMBER_OF)."""

    type: str
    a: OrgM
    b: OrgM
    quote: str
    rule: str
    confidence: float


@dataclass
class OrgF:
    """An organization a story names, kept even when no other fact refers to it (a utility)."""

    org: OrgM
    quote: str
    rule: str
    confidence: float


@dataclass
class EventF:
    """A visit or session: bodies and persons attending with their side."""

    kind: str
    date: str | None
    place: str | None
    quote: str
    rule: str
    confidence: float
    guest: OrgM | None = None
    host: OrgM | None = None
    lead: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)
    greeters: set[str] = field(default_factory=set)  # hosts by a receiving verb's frame: their side beats a role's
    companions: set[str] = field(default_factory=set)  # members named in a frame of the guests (a member cue, 'sein Antrittsbesuch')
    participants: dict[str, dict] = field(default_factory=dict)
    end_date: str | None = None


@dataclass
class StoryFacts:
    """Everything one segment (main story or teaser) states."""

    persons: dict[str, PersonF] = field(default_factory=dict)
    roles: list[RoleF] = field(default_factory=list)
    links: list[LinkF] = field(default_factory=list)
    events: list[EventF] = field(default_factory=list)
    orgs: list[OrgF] = field(default_factory=list)  # organizations named, whatever else refers to them
    surnames: list[tuple[str, str, RoleF | None]] = field(default_factory=list)  # unresolved surname mentions


def quote(sent: str, start: int = 0, end: int = 0) -> str:
    """The sentence, or a window of it around [start, end) when longer than MAX_QUOTE."""
    sent = sent.strip()
    if len(sent) <= MAX_QUOTE:
        return sent
    mid = (start + end) // 2
    lo = max(0, min(mid - MAX_QUOTE // 2, len(sent) - MAX_QUOTE))
    lo = sent.rfind(" ", 0, lo) + 1 if lo else 0
    return sent[lo:lo + MAX_QUOTE].rsplit(" ", 1)[0] if lo + MAX_QUOTE < len(sent) else sent[lo:]
