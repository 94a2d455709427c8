"""The one tidy schema of every download: chart CSV and XLSX, /api/v1/data, /api/v1/diaspora and
indicator_values.csv in the bulk ZIP.

One row per value: country_code, country_name, indicator_code, year, [what else the value is
broken down by: origin_code, sex, period, ...], value, unit, status. The columns are described
once, in text.downloads.TIDY_COLUMNS (the README, the API page and the OpenAPI document show
that text). Public tables use the same names: `country_name` (not `name`) in the country list,
`indicator_code` (not `code`) in the catalogue, and `is_pilot` / `is_aggregate` (a column
named `aggregate` would be shadowed by the pandas method of that name).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from text import compare as compare_text

LEADING = ("country_code", "country_name", "indicator_code", "year")
TRAILING = ("value", "unit", "status")
COLUMNS = (*LEADING, *TRAILING)

# Snapshot column names as the public tables spell them (API answers and the ZIP).
PUBLIC_NAMES = {
    "countries": {"name": "country_name", "pilot": "is_pilot", "aggregate": "is_aggregate"},
    "indicators": {"code": "indicator_code"},
}


def columns(extra: Iterable[str] = ()) -> list[str]:
    """The tidy columns with `extra` (what else a value is broken down by) before `value`."""
    middle = [name for name in dict.fromkeys(extra) if name not in COLUMNS]
    return [*LEADING, *middle, *TRAILING]


def tidy(frame: pd.DataFrame, extra: Sequence[str] = ()) -> pd.DataFrame:
    """`frame` in the tidy schema: its columns in order, `status` empty where it has none."""
    if "status" not in frame.columns:
        frame = frame.assign(status=None)
    ordered = columns(extra)
    missing = [name for name in ordered if name not in frame.columns]
    if missing:
        raise ValueError(f"not tidy rows: missing {', '.join(missing)}")
    return frame[ordered]


def series_unit(meta: Mapping[str, object], transform: str = "none", base: int | None = None,
                *, short: bool = False) -> str:
    """The unit of a catalogue series' values after `transform`, in the words the comparison
    view uses: "current US$", "current US$ per person", "% of GDP", "index, 2010 = 100"
    (`short`: from the catalogue's short unit, e.g. "US$ per person")."""
    unit = str((meta.get("unit_short") if short else None) or meta.get("unit") or "")
    template = compare_text.TRANSFORM_UNITS.get(transform)
    return template.format(unit=unit, base=base).strip() if template else unit


def public_table(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A snapshot table with its columns named as every public table names them."""
    renames = PUBLIC_NAMES.get(name)
    return frame.rename(columns=renames) if renames else frame


def public_record(name: str, record: Mapping[str, object]) -> dict[str, object]:
    """One row of a snapshot table (a dict) with public column names."""
    renames = PUBLIC_NAMES.get(name, {})
    return {renames.get(key, key): value for key, value in record.items()}


def indicator_values(values: pd.DataFrame, countries: pd.DataFrame | None,
                     indicators: pd.DataFrame | None) -> pd.DataFrame:
    """The snapshot's indicator_values (indicator_code, country_code, year, value, status) as
    tidy rows, with each country's name and each series' unit as published."""
    frame = values
    if "country_name" not in frame.columns:
        names = (dict(zip(countries["country_code"], countries["name"], strict=True))
                 if countries is not None else {})
        frame = frame.assign(country_name=frame["country_code"].map(names))
    if "unit" not in frame.columns:
        units = ({str(row["code"]): series_unit(row) for row in indicators.to_dict("records")}
                 if indicators is not None else {})
        frame = frame.assign(unit=frame["indicator_code"].map(units))
    return tidy(frame)
