"""Answers for pages and exports: latest values, diaspora destinations, remittance corridors."""

from __future__ import annotations

import pandas as pd

from query.errors import QueryError
from query.lookup import check_countries, indicator_meta
from query.snapshot import get_snapshot

SEXES = ("total", "male", "female")


def latest(indicator: str, country: str) -> tuple[int, float] | None:
    """(year, value) of the most recent year with a value, or None if there is none."""
    indicator_meta(indicator)
    check_countries([country])
    table = get_snapshot().values_by_indicator.get(indicator)
    if table is None:
        return None
    rows = table[table["country_code"] == country]
    if rows.empty:
        return None
    last = rows.loc[rows["year"].idxmax()]
    return int(last["year"]), float(last["value"])


def latest_with_status(indicator: str, country: str) -> tuple[int, float, str] | None:
    """(year, value, status) of the most recent year with a value, or None: latest() with
    whether the source presents that value as observed, estimate or projection."""
    found = latest(indicator, country)
    if found is None:
        return None
    table = get_snapshot().values_by_indicator[indicator]
    row = table[(table["country_code"] == country) & (table["year"] == found[0])]
    return found[0], found[1], str(row["status"].iloc[0])


def _named(df: pd.DataFrame, code_column: str, name_column: str) -> pd.DataFrame:
    names = get_snapshot().country_names
    position = df.columns.get_loc(code_column) + 1
    df = df.copy()
    df.insert(position, name_column, df[code_column].map(names))
    return df


def top_destinations(
    origin: str, year: int = 2024, n: int | None = 10, sex: str = "total"
) -> pd.DataFrame:
    """Largest destinations of a country's emigrants (UN DESA IMS 2024).

    Columns destination_code, destination_name, value, share_pct (share of all emigrants
    from the origin that year, same sex); largest first; n=None gives all.
    """
    check_countries([origin])
    if sex not in SEXES:
        raise QueryError(f"unknown sex {sex!r}; choose from {', '.join(SEXES)}")
    stock = get_snapshot().migrant_stock
    rows = stock[(stock["origin_code"] == origin) & (stock["year"] == year) & (stock["sex"] == sex)]
    total = rows["value"].sum()
    rows = rows[rows["value"] > 0].sort_values(
        ["value", "destination_code"], ascending=[False, True]
    )
    if n is not None:
        rows = rows.head(n)
    out = rows[["destination_code", "value"]].assign(
        share_pct=rows["value"] / total * 100.0 if total else float("nan")
    )
    return _named(out, "destination_code", "destination_name").reset_index(drop=True)


def remittance_corridors(receiver: str, n: int | None = 10) -> pd.DataFrame:
    """Largest senders of remittances to a country, 2018 (US$ million, World Bank estimates)."""
    check_countries([receiver])
    matrix = get_snapshot().remittance_matrix
    rows = matrix[(matrix["receiver_code"] == receiver) & (matrix["value_usd_million"] > 0)]
    rows = rows.sort_values(["value_usd_million", "sender_code"], ascending=[False, True])
    if n is not None:
        rows = rows.head(n)
    out = rows[["sender_code", "value_usd_million"]]
    return _named(out, "sender_code", "sender_name").reset_index(drop=True)


def remittance_costs(receiver: str) -> pd.DataFrame:
    """Average total cost of sending remittances into a country, by sending country and quarter."""
    check_countries([receiver])
    costs = get_snapshot().remittance_costs
    rows = costs[costs["receiver_code"] == receiver].sort_values(["sender_code", "year", "quarter"])
    out = rows[["sender_code", "period", "year", "quarter", "cost_pct"]]
    return _named(out, "sender_code", "sender_name").reset_index(drop=True)


def last_year(indicator: str, start: int | None = None, end: int | None = None) -> int | None:
    """The last year with a value for any country, within [start, end] when given."""
    rows = get_snapshot().values_by_indicator.get(indicator)
    if rows is None or rows.empty:
        return None
    years = rows["year"]
    if start is not None or end is not None:
        years = years[years.between(start if start is not None else years.min(),
                                    end if end is not None else years.max())]
    return int(years.max()) if len(years) else None
