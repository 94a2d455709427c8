"""A user's series as the browser keeps it, and read back from the browser.

The browser stores each series as plain JSON (`to_store`): its name, unit, source, licence,
the kind of values and its rows [ISO3, year, sex, value]. Whatever comes back is untrusted:
`from_store` checks all of it again (types, lengths, known countries, years, finite numbers,
no repeats) and gives None for anything a page of this app could not have stored.
"""

from __future__ import annotations

import math
from collections.abc import Container, Mapping
from dataclasses import dataclass

from userdata.validate import FIRST_YEAR, KINDS, LAST_YEAR, MAX_VALUES, NON_NEGATIVE, SEXES

FIELDS = ("name", "unit", "source", "licence")
MAX_FIELD = 200
MAX_SERIES = 5
MAX_ID = 40
PER_CAPITA_KINDS = ("count", "amount")  # a percentage per person means nothing

Row = tuple[str, int, str, float]


@dataclass(frozen=True)
class UserSeries:
    id: str
    name: str
    unit: str
    source: str
    licence: str
    kind: str
    rows: tuple[Row, ...]

    @property
    def countries(self) -> list[str]:
        return list(dict.fromkeys(code for code, *_ in self.rows))


def missing_fields(meta: Mapping[str, object]) -> list[str]:
    """The descriptive fields left empty (each is required to chart a series)."""
    return [key for key in FIELDS if not str(meta.get(key) or "").strip()]


def to_store(series_id: str, meta: Mapping[str, object], kind: str,
             rows: list[Row]) -> dict[str, object]:
    return {"id": series_id, **{key: str(meta.get(key) or "").strip()[:MAX_FIELD]
                                for key in FIELDS},
            "kind": kind, "rows": [list(row) for row in rows]}


def from_store(stored: object, known: Container[str]) -> UserSeries | None:
    """The series of one stored entry, checked again; None if anything is not as stored."""
    if not isinstance(stored, Mapping):
        return None
    fields = {key: stored.get(key) for key in ("id", *FIELDS, "kind")}
    if not all(isinstance(value, str) and 0 < len(value.strip()) <= MAX_FIELD
               for value in fields.values()):
        return None
    if len(fields["id"]) > MAX_ID or fields["kind"] not in KINDS:
        return None
    raw = stored.get("rows")
    if not isinstance(raw, list) or not 0 < len(raw) <= MAX_VALUES:
        return None
    rows: list[Row] = []
    seen: set[tuple[str, int, str]] = set()
    for item in raw:
        row = _row(item, known, fields["kind"])
        if row is None or row[:3] in seen:
            return None
        seen.add(row[:3])
        rows.append(row)
    return UserSeries(fields["id"], fields["name"].strip(), fields["unit"].strip(),
                      fields["source"].strip(), fields["licence"].strip(), fields["kind"],
                      tuple(rows))


def find(stored: object, series_id: object, known: Container[str]) -> UserSeries | None:
    """The series `series_id` among the stored ones (at most MAX_SERIES are looked at)."""
    if not isinstance(stored, list) or not isinstance(series_id, str):
        return None
    for entry in stored[:MAX_SERIES]:
        if isinstance(entry, Mapping) and entry.get("id") == series_id:
            return from_store(entry, known)
    return None


def _row(item: object, known: Container[str], kind: str) -> Row | None:
    if not isinstance(item, list) or len(item) != 4:
        return None
    code, year, sex, value = item
    if not isinstance(code, str) or code not in known or sex not in SEXES:
        return None
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    if not math.isfinite(value) or (value < 0 and kind in NON_NEGATIVE):
        return None
    return code, year, sex, value
