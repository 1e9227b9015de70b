"""The one exception hierarchy of stakegraph; the CLI turns any of these into a one-line error."""

from __future__ import annotations


class StakegraphError(Exception):
    """Base class of every error a user can cause or fix (bad input, unknown entity, server down)."""


class SchemaError(StakegraphError):
    """A record does not follow SCHEMA.md (unknown label or type, bad property value)."""


class InputError(StakegraphError):
    """An input file cannot be read or parsed; the message names the file and the problem."""


class NotFoundError(StakegraphError):
    """An entity name or id matches nothing."""


class AmbiguousError(StakegraphError):
    """An entity name matches several entities; ``candidates`` lists them."""

    def __init__(self, message: str, candidates: list | None = None):
        super().__init__(message)
        self.candidates = candidates or []


class ImporterFailure(StakegraphError):
    """An importer stopped on an input in a way no input should cause (a bug); the message names the file."""


class StoreError(StakegraphError):
    """The store cannot be opened or written (locked, unreachable, refused, corrupt)."""
