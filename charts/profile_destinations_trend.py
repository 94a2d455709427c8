"""Country profile: emigrants in the latest year's five largest destinations, every UN DESA
year."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, one_country, table_sources
from charts.profile_destinations import export_fields
from figures import line_chart
from ids import ChartId, PageId
from state.compare import snapshot_vocabulary
from state.country import ProfileState
from text import country as t
from text import present as tp
from text.numbers import format_number

TOP = 5


def process_data(state: ProfileState) -> pd.DataFrame:
    years = snapshot_vocabulary().stock_years
    top = query.top_destinations(state.iso3, year=years[-1], n=TOP)
    wanted = list(top["destination_code"])
    parts = [query.top_destinations(state.iso3, year=year, n=None).assign(year=year)
             for year in years]
    df = pd.concat(parts, ignore_index=True)
    df = df[df["destination_code"].isin(wanted)]
    order = {code: i for i, code in enumerate(wanted)}
    return pd.DataFrame({
        "country_code": df["destination_code"], "country_name": df["destination_name"],
        "year": df["year"], "value": df["value"],
        "label": [format_number(v) for v in df["value"]],
        "rank": df["destination_code"].map(order),
    })


def create_figure(df: pd.DataFrame, state: ProfileState) -> go.Figure:
    years = list(snapshot_vocabulary().stock_years)
    if df.empty:
        return gap(t.DESTINATIONS_EMPTY.format(country=query.country_name(state.iso3),
                                               year=years[-1]))
    order = list(df.sort_values("rank")["country_code"].drop_duplicates())
    figure = line_chart.create_figure(df.drop(columns="rank"), y_title=t.DESTINATIONS_AXIS,
                                      country_order=order, export=export_fields(state, None))
    return figure.update_layout(xaxis={"tickvals": years})


def title(_state: ProfileState) -> str:
    years = snapshot_vocabulary().stock_years
    return t.DESTINATIONS_TREND_TITLE.format(first=years[0], last=years[-1])


CHART = Chart(
    id=ChartId.PROFILE_DESTINATIONS_TREND,
    page=PageId.PROFILE,
    slug="destinations-trend",
    label=lambda: t.DIASPORA_TITLE,
    title=title,
    standalone_title=lambda state: tp.PROFILE_CHART_TITLE.format(
        country=query.country_name(state.iso3), chart=title(state)),
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources("migrant_stock"),
    key=lambda state: replace(state, measure="usd", year=None),
    **one_country("iso3"),
)
