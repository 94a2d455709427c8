"""Indicator series with optional transforms.

Transforms:
- "none": the values as published.
- "per_capita": value / population (SP.POP.TOTL) of the same country and year.
- "pct_gdp": value / GDP (NY.GDP.MKTP.CD) of the same country and year × 100.
  Both are offered only for indicators whose catalogue `transforms` lists them, i.e.
  where numerator, population and GDP come from one data release.
- "index": value / value in the base year × 100 (base year = 100). A country with no
  value for the base year gets no index values at all.
- "pct_change": year-on-year change in %, (value / previous value − 1) × 100.

Every row carries the `status` of its value (observed / estimate / projection, see
pipeline/status.py). A transformed value takes the weakest status of the values it is
made of: a per-capita value with a projected population is a projection, a change from
an observed to a projected year is a projection.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from query.errors import QueryError, TransformNotAllowedError
from query.lookup import check_countries, indicator_meta
from query.schema import STATUSES  # weakest last
from query.snapshot import get_snapshot

POPULATION = "SP.POP.TOTL"
GDP = "NY.GDP.MKTP.CD"
TRANSFORMS = ("none", "per_capita", "pct_gdp", "index", "pct_change")
DENOMINATORS = {"per_capita": (POPULATION, 1.0), "pct_gdp": (GDP, 100.0)}
COLUMNS = ["country_code", "country_name", "year", "value", "status"]
_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def weakest(*statuses: pd.Series) -> pd.Series:
    """Row by row, the weakest of several aligned status columns."""
    ranks = pd.concat([s.map(_RANK) for s in statuses], axis=1).max(axis=1)
    return ranks.map(dict(enumerate(STATUSES))).astype("str")


def allowed_transforms(indicator: str) -> list[str]:
    """Transforms that series() accepts for this indicator."""
    listed = (indicator_meta(indicator)["transforms"] or "").split(",")
    return ["none", *[t for t in listed if t], "index", "pct_change"]


def _rows(indicator: str, countries: list[str]) -> pd.DataFrame:
    table = get_snapshot().values_by_indicator.get(indicator)
    if table is None:
        return pd.DataFrame(
            {
                "country_code": pd.Series(dtype="str"),
                "year": pd.Series(dtype="int16"),
                "value": pd.Series(dtype="float64"),
                "status": pd.Series(dtype="str"),
            }
        )
    return table[table["country_code"].isin(countries)]


def _ratio(rows: pd.DataFrame, denominator: str, factor: float) -> pd.DataFrame:
    denom = _rows(denominator, rows["country_code"].unique().tolist())
    joined = rows.merge(denom, on=["country_code", "year"], suffixes=("", "_d"))
    joined = joined[joined["value_d"] != 0]
    return joined.assign(
        value=joined["value"] / joined["value_d"] * factor,
        status=weakest(joined["status"], joined["status_d"]),
    )[rows.columns]


def _index(rows: pd.DataFrame, base: int) -> pd.DataFrame:
    base_rows = rows.loc[rows["year"] == base].set_index("country_code")
    base_rows = base_rows[base_rows["value"] != 0]
    kept = rows[rows["country_code"].isin(base_rows.index)]
    base_of_row = kept["country_code"].map(base_rows["value"]).astype("float64")
    return kept.assign(
        value=kept["value"] / base_of_row * 100.0,
        status=weakest(kept["status"], kept["country_code"].map(base_rows["status"])),
    )


def _pct_change(rows: pd.DataFrame) -> pd.DataFrame:
    """Change from the previous year only when that year has a value.

    Gaps are never bridged: after a missing year, the next value has no change
    (comparing across a gap would present a multi-year change as a one-year one).
    """
    rows = rows.sort_values(["country_code", "year"])
    grouped = rows.groupby("country_code", sort=False)
    previous_year = grouped["year"].shift(1)
    previous_value = grouped["value"].shift(1)
    previous_status = grouped["status"].shift(1).fillna(STATUSES[0])
    consecutive = (rows["year"] - previous_year == 1) & (previous_value != 0)
    change = (rows["value"] / previous_value - 1.0) * 100.0
    return rows.assign(value=change, status=weakest(rows["status"], previous_status))[consecutive]


def series(
    indicator: str,
    countries: str | Iterable[str],
    start: int | None = None,
    end: int | None = None,
    transform: str = "none",
    base: int | None = None,
) -> pd.DataFrame:
    """Tidy rows [country_code, country_name, year, value, status] sorted by country and
    year.

    Only country-years with a value appear (a gap is a missing row). `status` says whether
    the source presents the value as observed, as a model estimate or as a projection.
    Transforms are computed on the whole series before the year range is cut, so an index
    base or a previous year outside [start, end] still counts.
    """
    meta = indicator_meta(indicator)
    codes = check_countries(countries)
    if transform not in TRANSFORMS:
        raise QueryError(f"unknown transform {transform!r}; choose from {', '.join(TRANSFORMS)}")
    if transform in DENOMINATORS and transform not in allowed_transforms(indicator):
        raise TransformNotAllowedError(
            indicator,
            transform,
            "the numerator and its denominator do not come from the same data release "
            f"({meta['release']})",
        )
    rows = _rows(indicator, codes)
    if transform in DENOMINATORS:
        rows = _ratio(rows, *DENOMINATORS[transform])
    elif transform == "index":
        if base is None:
            raise QueryError("transform 'index' needs a base year")
        rows = _index(rows, int(base))
    elif transform == "pct_change":
        rows = _pct_change(rows)
    if start is not None:
        rows = rows[rows["year"] >= start]
    if end is not None:
        rows = rows[rows["year"] <= end]
    names = get_snapshot().country_names
    out = rows.assign(country_name=rows["country_code"].map(names))[COLUMNS]
    return out.sort_values(["country_code", "year"]).reset_index(drop=True)
