"""Coverage of each indicator: which places have data for which years (the Data & sources
page). Pure functions of the snapshot's long-form values and country list."""

from __future__ import annotations

import pandas as pd

SUMMARY_COLUMNS = ["indicator_code", "countries", "aggregates", "first_year", "last_year",
                   "values"]
COUNTRY_COLUMNS = ["country_code", "country_name", "aggregate", "first_year", "last_year",
                   "years"]


def indicator_coverage(values: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: countries and aggregates (regions, income groups) with at least one
    value, first and last year with a value, number of values."""
    aggregate = dict(zip(countries["country_code"], countries["aggregate"], strict=True))
    places = values[["indicator_code", "country_code"]].drop_duplicates()
    is_aggregate = places["country_code"].map(aggregate).fillna(False).astype(bool)
    grouped = values.groupby("indicator_code", observed=True)
    summary = pd.DataFrame({
        "countries": places[~is_aggregate].groupby("indicator_code", observed=True).size(),
        "aggregates": places[is_aggregate].groupby("indicator_code", observed=True).size(),
        "first_year": grouped["year"].min(),
        "last_year": grouped["year"].max(),
        "values": grouped.size(),
    }).fillna(0).astype(int)
    return summary.rename_axis("indicator_code").reset_index()[SUMMARY_COLUMNS]


def country_coverage(
    values: pd.DataFrame, countries: pd.DataFrame, indicator: str
) -> pd.DataFrame:
    """Per place with data for `indicator`: first and last year and the number of years with a
    value (some series are estimated every five years only). Countries first, then aggregates,
    by name."""
    rows = values[values["indicator_code"] == indicator]
    if rows.empty:
        return pd.DataFrame(columns=COUNTRY_COLUMNS)
    grouped = rows.groupby("country_code", observed=True)["year"]
    found = pd.DataFrame({
        "first_year": grouped.min(), "last_year": grouped.max(), "years": grouped.nunique(),
    }).astype(int)
    names = countries.set_index("country_code")
    found["country_name"] = names["name"].reindex(found.index).fillna(
        pd.Series(found.index, index=found.index))
    found["aggregate"] = names["aggregate"].reindex(found.index).fillna(False).astype(bool)
    found = found.rename_axis("country_code").reset_index()
    return found.sort_values(["aggregate", "country_name"]).reset_index(drop=True)[COUNTRY_COLUMNS]


def pilot_coverage(
    values: pd.DataFrame, pilots: list[str]
) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(indicator, pilot) -> (first year, last year, years with a value)."""
    rows = values[values["country_code"].isin(pilots)]
    grouped = rows.groupby(["indicator_code", "country_code"], observed=True)["year"]
    table = pd.DataFrame({"first": grouped.min(), "last": grouped.max(),
                          "years": grouped.nunique()})
    return {key: (int(r.first), int(r.last), int(r.years))
            for key, r in zip(table.index, table.itertuples(index=False), strict=True)}


def pilot_statuses(
    values: pd.DataFrame, pilots: list[str]
) -> dict[tuple[str, str], dict[str, tuple[int, int, int]]]:
    """(indicator, pilot) -> {status: (first year, last year, years)} for the values the
    source does not present as observed (estimate, projection)."""
    rows = values[values["country_code"].isin(pilots) & (values["status"] != "observed")]
    grouped = rows.groupby(["indicator_code", "country_code", "status"], observed=True)["year"]
    table = pd.DataFrame({"first": grouped.min(), "last": grouped.max(),
                          "years": grouped.nunique()})
    found: dict[tuple[str, str], dict[str, tuple[int, int, int]]] = {}
    for (indicator, country, status), row in zip(table.index, table.itertuples(index=False),
                                                 strict=True):
        found.setdefault((indicator, country), {})[str(status)] = (
            int(row.first), int(row.last), int(row.years))
    return found
