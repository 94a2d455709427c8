"""The query layer: every page and export reads the snapshot through these functions."""

from query.errors import (
    QueryError,
    TransformNotAllowedError,
    UnknownCountryError,
    UnknownIndicatorError,
)
from query.lookup import country_name, indicator_meta
from query.queries import (
    last_year,
    latest,
    remittance_corridors,
    remittance_costs,
    top_destinations,
)
from query.snapshot import Snapshot, SnapshotError, get_snapshot, load_snapshot
from query.transforms import allowed_transforms, series

__all__ = [
    "QueryError",
    "Snapshot",
    "SnapshotError",
    "TransformNotAllowedError",
    "UnknownCountryError",
    "UnknownIndicatorError",
    "allowed_transforms",
    "country_name",
    "get_snapshot",
    "indicator_meta",
    "last_year",
    "latest",
    "load_snapshot",
    "remittance_corridors",
    "remittance_costs",
    "series",
    "top_destinations",
]
