"""SCHEMA.md as data: the closed lists of labels, relationship types, kinds and properties.

Every layer imports these names; labels and relationship types reach Cypher only from here.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from .errors import SchemaError

SCHEMA_VERSION = 1

PERSON, ORGANIZATION, EVENT, SOURCE = "Person", "Organization", "Event", "Source"
LABELS: tuple[str, ...] = (PERSON, ORGANIZATION, EVENT, SOURCE)

HOLDS_ROLE, PART_OF, OWNS = "HOLDS_ROLE", "PART_OF", "OWNS"
PARTNERS_WITH, MEMBER_OF, ATTENDED, RELATED_TO = "PARTNERS_WITH", "MEMBER_OF", "ATTENDED", "RELATED_TO"
REL_TYPES: tuple[str, ...] = (HOLDS_ROLE, PART_OF, OWNS, PARTNERS_WITH, MEMBER_OF, ATTENDED, RELATED_TO)
_REL_TYPE_SET = frozenset(REL_TYPES)

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

ORG_KINDS: tuple[str, ...] = (
    "municipality", "unit", "utility", "company", "university", "research", "chamber",
    "association", "bank", "housing", "media", "government", "party", "program", "other",
)
EVENT_KINDS: tuple[str, ...] = ("visit", "meeting", "council_session", "conference", "workshop", "other")
SIDES: tuple[str, ...] = ("guest", "host", "organizer", "participant")

#: Node and relationship properties holding lists; on re-import they are unioned, never overwritten.
LIST_PROPERTIES: frozenset[str] = frozenset({"aliases", "sources", "evidence", "identifiers"})


def check_label(label: str) -> str:
    """Return ``label`` if it is one of SCHEMA.md's labels, else raise SchemaError."""
    if label not in LABELS:
        raise SchemaError(f"unknown label {label!r} (expected one of {', '.join(LABELS)})")
    return label


def check_type(rel_type: str) -> str:
    """Return ``rel_type`` if it is one of SCHEMA.md's relationship types, else raise SchemaError."""
    if rel_type not in _REL_TYPE_SET:
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
        _check_scalar(name, value, where)
        return value
    if isinstance(value, (list, tuple)):
        for item in value:
            if not isinstance(item, _SCALARS):
                raise SchemaError(f"{where}: property {name!r} holds a {type(item).__name__}, not a scalar")
            _check_scalar(name, item, where)
        return list(value)
    raise SchemaError(f"{where}: property {name!r} has a {type(value).__name__} value (scalars or lists only)")


def _check_scalar(name: str, value: Any, where: str) -> None:
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise SchemaError(f"{where}: property {name!r} is not a finite number")
    if isinstance(value, int) and not isinstance(value, bool) and not _INT64[0] <= value <= _INT64[1]:
        raise SchemaError(f"{where}: property {name!r} is an integer beyond 64 bits")


def check_kind(label: str, kind: Any, where: str) -> None:
    """Raise SchemaError for an Organization or Event kind outside the closed lists."""
    allowed = ORG_KINDS if label == ORGANIZATION else EVENT_KINDS if label == EVENT else None
    if allowed is not None and kind is not None and kind not in allowed:
        raise SchemaError(f"{where}: {label} kind {kind!r} is not one of {', '.join(allowed)}")


_INT64 = (-(2 ** 63), 2 ** 63 - 1)
_KNOWN_NAMES: set[str] = set()  # property names already found well-formed (fast path)


def _plain(value: Any) -> bool:
    t = type(value)
    if t is str or t is bool:
        return True
    if t is list:
        if len(value) == 1:  # the common case (one source, one quote): no generator
            return type(value[0]) is str
        return all(type(x) is str for x in value)
    return (t is int and _INT64[0] <= value <= _INT64[1]) or (t is float and abs(value) < float("inf"))


def check_props(props: Mapping[str, Any], where: str | Callable[[], str],
                skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Validate a property map; drop ``None`` values and the keys in ``skip``; return a clean copy.

    ``where`` (text or a function giving it, called only on error) names the record in messages."""
    clean: dict[str, Any] = {}
    known = _KNOWN_NAMES
    for name, value in props.items():
        if value is None or name in skip:
            continue
        if name in known and (type(value) is str or _plain(value)):
            clean[name] = value
            continue
        clean[name] = check_value(name, value, where() if callable(where) else where)
        known.add(name)
    side = clean.get("side")
    if side is not None and side not in SIDES:
        w = where() if callable(where) else where
        raise SchemaError(f"{w}: side {side!r} is not one of {', '.join(SIDES)}")
    conf = clean.get("confidence")
    if conf is not None and not (isinstance(conf, (int, float)) and not isinstance(conf, bool) and 0 <= conf <= 1):
        w = where() if callable(where) else where
        raise SchemaError(f"{w}: confidence {conf!r} is not between 0 and 1")
    return clean
