"""SCHEMA.md as data: the closed lists of labels, relationship types, kinds and properties.

Every layer imports these names; labels and relationship types reach Cypher only from here.
"""

from __future__ import annotations

from typing import Any, Mapping

from stakegraph.graph.errors import SchemaError

SCHEMA_VERSION = 1

PERSON, ORGANIZATION, EVENT, SOURCE = "Person", "Organization", "Event", "Source"
LABELS: tuple[str, ...] = (PERSON, ORGANIZATION, EVENT, SOURCE)

HOLDS_ROLE, PART_OF, OWNS = "HOLDS_ROLE", "PART_OF", "OWNS"
PARTNERS_WITH, MEMBER_OF, ATTENDED, RELATED_TO = "PARTNERS_WITH", "MEMBER_OF", "ATTENDED", "RELATED_TO"
REL_TYPES: tuple[str, ...] = (HOLDS_ROLE, PART_OF, OWNS, PARTNERS_WITH, MEMBER_OF, ATTENDED, RELATED_TO)

#: Allowed (source labels, target labels) per relationship type; ``None`` means any label.
ENDPOINTS: dict[str, tuple[tuple[str, ...] | None, tuple[str, ...] | None]] = {
    HOLDS_ROLE: ((PERSON,), (ORGANIZATION,)),
    PART_OF: ((ORGANIZATION,), (ORGANIZATION,)),
    OWNS: ((PERSON, ORGANIZATION), (ORGANIZATION,)),
    PARTNERS_WITH: ((ORGANIZATION,), (ORGANIZATION,)),
    MEMBER_OF: ((ORGANIZATION,), (ORGANIZATION,)),
    ATTENDED: ((PERSON, ORGANIZATION), (EVENT,)),
    RELATED_TO: (None, None),
}

#: Relationship types that are symmetric in meaning (stored once, read both ways).
SYMMETRIC_TYPES: frozenset[str] = frozenset({PARTNERS_WITH})

ORG_KINDS: tuple[str, ...] = (
    "municipality", "unit", "utility", "company", "university", "research", "chamber",
    "association", "bank", "housing", "media", "government", "party", "program", "other",
)
EVENT_KINDS: tuple[str, ...] = ("visit", "meeting", "council_session", "conference", "workshop", "other")
SIDES: tuple[str, ...] = ("guest", "host", "organizer", "participant")

#: Properties every node has.
NODE_CORE = ("id", "name", "aliases")
#: Provenance carried by every fact an importer creates.
PROVENANCE = ("sources", "evidence", "confidence", "extractor")

NODE_PROPERTIES: dict[str, tuple[str, ...]] = {
    PERSON: ("given_name", "family_name", "honorific", "gender"),
    ORGANIZATION: ("kind", "place", "identifiers"),
    EVENT: ("kind", "date", "end_date", "place"),
    SOURCE: ("title", "url", "path", "publisher", "published", "retrieved", "sha256"),
}

REL_PROPERTIES: dict[str, tuple[str, ...]] = {
    HOLDS_ROLE: ("title", "role", "since", "until"),
    PART_OF: ("since", "until"),
    OWNS: ("share", "since", "until"),
    PARTNERS_WITH: ("topic", "since", "until"),
    MEMBER_OF: ("since", "until"),
    ATTENDED: ("side", "acting_for", "role_at_event", "lead"),
    RELATED_TO: ("kind", "label", "amount", "currency", "date"),
}

#: Node and relationship properties holding lists; on re-import they are unioned, never overwritten.
LIST_PROPERTIES: frozenset[str] = frozenset({"aliases", "sources", "evidence", "identifiers"})

#: Properties holding dates (ISO 8601, possibly reduced: 2025, 2025-10, 2025-10-27).
DATE_PROPERTIES: frozenset[str] = frozenset(
    {"date", "end_date", "since", "until", "published", "retrieved"}
)

#: Keys of the JSON export contract (networkx node-link data) that are not properties.
JSON_NODE_KEYS = ("id", "label")
JSON_EDGE_KEYS = ("source", "target", "type", "key")


def check_label(label: str) -> str:
    """Return ``label`` if it is one of SCHEMA.md's labels, else raise SchemaError."""
    if label not in LABELS:
        raise SchemaError(f"unknown label {label!r} (expected one of {', '.join(LABELS)})")
    return label


def check_type(rel_type: str) -> str:
    """Return ``rel_type`` if it is one of SCHEMA.md's relationship types, else raise SchemaError."""
    if rel_type not in REL_TYPES:
        raise SchemaError(f"unknown relationship type {rel_type!r} (expected one of {', '.join(REL_TYPES)})")
    return rel_type


def check_endpoints(rel_type: str, source_label: str | None, target_label: str | None) -> None:
    """Raise SchemaError when a relationship connects labels SCHEMA.md does not allow."""
    allowed_from, allowed_to = ENDPOINTS[check_type(rel_type)]
    if allowed_from and source_label and source_label not in allowed_from:
        raise SchemaError(f"{rel_type} cannot start at a {source_label} (only {', '.join(allowed_from)})")
    if allowed_to and target_label and target_label not in allowed_to:
        raise SchemaError(f"{rel_type} cannot end at a {target_label} (only {', '.join(allowed_to)})")


_SCALARS = (str, int, float, bool)


def check_value(name: str, value: Any, where: str) -> Any:
    """Validate one property value: a scalar or a flat list of scalars (what Neo4j can store)."""
    if not isinstance(name, str) or not name or not (name[0].isalpha()) or not name.replace("_", "a").isalnum():
        raise SchemaError(f"{where}: property name {name!r} is not snake_case")
    if isinstance(value, _SCALARS):
        if isinstance(value, float) and value != value:
            raise SchemaError(f"{where}: property {name!r} is NaN")
        return value
    if isinstance(value, (list, tuple)):
        for item in value:
            if not isinstance(item, _SCALARS):
                raise SchemaError(f"{where}: property {name!r} holds a {type(item).__name__}, not a scalar")
        return list(value)
    raise SchemaError(f"{where}: property {name!r} has a {type(value).__name__} value (scalars or lists only)")


def check_kind(label: str, kind: Any, where: str) -> None:
    """Raise SchemaError for an Organization or Event kind outside the closed lists."""
    allowed = ORG_KINDS if label == ORGANIZATION else EVENT_KINDS if label == EVENT else None
    if allowed is not None and kind is not None and kind not in allowed:
        raise SchemaError(f"{where}: {label} kind {kind!r} is not one of {', '.join(allowed)}")


def check_props(props: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Validate a property map; drop ``None`` values; return a clean copy."""
    clean: dict[str, Any] = {}
    for name, value in props.items():
        if value is None:
            continue
        clean[name] = check_value(name, value, where)
    if "side" in clean and clean["side"] not in SIDES:
        raise SchemaError(f"{where}: side {clean['side']!r} is not one of {', '.join(SIDES)}")
    if "confidence" in clean and not (
        isinstance(clean["confidence"], (int, float)) and 0 <= clean["confidence"] <= 1
    ):
        raise SchemaError(f"{where}: confidence {clean['confidence']!r} is not between 0 and 1")
    return clean
