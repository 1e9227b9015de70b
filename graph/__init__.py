"""Schema, records, stores and entity resolution."""

from .errors import (  # noqa: F401
    AmbiguousError, InputError, NotFoundError, SchemaError, StakegraphError, StoreError,
)
from .records import Node, Record, Rel, fold, make_id, slug  # noqa: F401
from .store import Store, open_store  # noqa: F401
