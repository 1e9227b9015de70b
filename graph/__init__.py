"""Schema, records, stores and entity resolution."""

from stakegraph.graph.errors import (  # noqa: F401
    AmbiguousError, InputError, NotFoundError, SchemaError, StakegraphError, StoreError,
)
from stakegraph.graph.records import Node, Record, Rel, fold, make_id, slug  # noqa: F401
from stakegraph.graph.store import Store, open_store  # noqa: F401
