"""A user's own series: read from a file or pasted text, checked row by row, and read back from
the browser that keeps it. Pure Python (no Dash, no snapshot): the country list is passed in."""

from userdata.countries import CountryResolver
from userdata.read import MAX_BYTES, NotATable, read_table
from userdata.series import (
    FIELDS,
    MAX_SERIES,
    PER_CAPITA_KINDS,
    UserSeries,
    find,
    from_store,
    missing_fields,
    to_store,
)
from userdata.validate import (
    FIRST_YEAR,
    KINDS,
    LAST_YEAR,
    MAX_VALUES,
    Checked,
    Rejected,
    check_bytes,
    validate,
)

__all__ = [
    "FIELDS", "FIRST_YEAR", "KINDS", "LAST_YEAR", "MAX_BYTES", "MAX_SERIES", "MAX_VALUES",
    "PER_CAPITA_KINDS", "Checked", "CountryResolver", "NotATable", "Rejected", "UserSeries",
    "check_bytes", "find", "from_store", "missing_fields", "read_table", "to_store", "validate",
]
