"""Country profile: remittances set against net aid (ODA) and foreign direct investment, in
current US$ or as % of GDP."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, indicator_sources, one_country
from figures import finance_comparison
from ids import ChartId, PageId
from query.profile import FDI, ODA, REMITTANCES
from state.country import ProfileState
from text import country as t
from text import present as tp
from text.numbers import format_value

SERIES = (REMITTANCES, ODA, FDI)


def process_data(state: ProfileState) -> pd.DataFrame:
    """One row per series and year with a value: series, series_name, year, value, status,
    label."""
    transform = "pct_gdp" if state.measure == "pct_gdp" else "none"
    unit, decimals = ("%", 1) if state.measure == "pct_gdp" else ("US$", 0)
    parts = []
    for indicator in SERIES:
        df = query.series(indicator, [state.iso3], transform=transform)
        df = df[df["value"].notna()]
        parts.append(pd.DataFrame({
            "series": indicator, "series_name": t.FINANCE_SERIES[indicator],
            "year": df["year"], "value": df["value"], "status": df["status"],
            "label": [format_value(v, unit, decimals) for v in df["value"]],
        }))
    return pd.concat(parts, ignore_index=True)


def create_figure(df: pd.DataFrame, state: ProfileState) -> go.Figure:
    country = query.country_name(state.iso3)
    if df.empty:
        return gap(t.FINANCE_EMPTY.format(country=country))
    return finance_comparison.create_figure(
        df, y_title=t.FINANCE_AXIS[state.measure], order=list(SERIES),
        export={"country_code": state.iso3, "country_name": country,
                "unit": t.FINANCE_AXIS[state.measure],
                "transform": "pct_gdp" if state.measure == "pct_gdp" else "none"})


def notes(state: ProfileState) -> list[str]:
    """The latest year of each series, and which series have no data at all."""
    df = process_data(state)
    items, missing = [], []
    for indicator in SERIES:
        rows = df[df["series"] == indicator]
        if rows.empty:
            missing.append(t.FINANCE_SERIES[indicator])
        else:
            items.append(t.FINANCE_LATEST_ITEM.format(series=t.FINANCE_SERIES[indicator],
                                                      year=int(rows["year"].max())))
    found = [t.FINANCE_LATEST.format(items=", ".join(items))] if items else []
    if missing and items:
        found.append(t.FINANCE_MISSING.format(country=query.country_name(state.iso3),
                                              series=", ".join(missing)))
    return [" ".join(found)] if found else []


def api_links(state: ProfileState) -> list[tuple[str, str, dict]]:
    country = query.country_name(state.iso3)
    return [(t.DOWNLOAD_FINANCE.format(series=t.FINANCE_SERIES[i], country=country),
             "/api/v1/data",
             {"indicator": i, "countries": state.iso3,
              "transform": "pct_gdp" if state.measure == "pct_gdp" else None})
            for i in SERIES]


def title_alone(state: ProfileState) -> str:
    return tp.PROFILE_CHART_TITLE.format(country=query.country_name(state.iso3),
                                         chart=t.FINANCE_TITLE)


CHART = Chart(
    id=ChartId.PROFILE_FINANCE,
    page=PageId.PROFILE,
    slug="finance",
    label=lambda: t.FINANCE_TITLE,
    title=lambda _state: t.FINANCE_TITLE,
    standalone_title=title_alone,
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: indicator_sources(list(SERIES)),
    notes=notes,
    api_links=api_links,
    key=lambda state: replace(state, year=None),
    **one_country("iso3"),
)
