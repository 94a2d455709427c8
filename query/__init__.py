"""The query layer: every page and export reads the snapshot through these functions."""

from query import local
from query.errors import (
    QueryError,
    TransformNotAllowedError,
    UnknownCountryError,
    UnknownIndicatorError,
)
from query.facts import (
    classification_release,
    data_ages,
    indicator_age,
    population_differences,
    series_notes,
    source_basis,
    table_age,
)
from query.lookup import countries, country_name, indicator_meta, indicators
from query.queries import (
    last_year,
    latest,
    latest_with_status,
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
    "classification_release",
    "countries",
    "country_name",
    "data_ages",
    "get_snapshot",
    "indicator_age",
    "indicator_meta",
    "indicators",
    "last_year",
    "latest",
    "latest_with_status",
    "local",
    "load_snapshot",
    "population_differences",
    "remittance_corridors",
    "remittance_costs",
    "series",
    "series_notes",
    "source_basis",
    "table_age",
    "top_destinations",
]
