"""Diaspora comparison: a flow diagram from each chosen country to its five largest
destinations in one UN DESA year."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import MANY_COUNTRIES, gap, table_sources
from figures import diaspora_sankey
from ids import ChartId, PageId
from state.compare import snapshot_vocabulary
from state.diaspora import DiasporaState
from text import diaspora as t
from text.numbers import format_number

TOP = 5


def year_of(state: DiasporaState) -> int:
    return state.year or snapshot_vocabulary().stock_years[-1]


def process_data(state: DiasporaState) -> pd.DataFrame:
    parts = []
    for code in state.countries:
        top = query.top_destinations(code, year=year_of(state), n=TOP)
        parts.append(pd.DataFrame({
            "origin_code": code, "origin_name": query.country_name(code),
            "destination_code": top["destination_code"],
            "destination_name": top["destination_name"], "value": top["value"],
        }))
    df = (pd.concat(parts, ignore_index=True) if parts
          else pd.DataFrame(columns=diaspora_sankey.COLUMNS))
    return df.assign(label=[format_number(v) for v in df["value"]])


def create_figure(df: pd.DataFrame, state: DiasporaState) -> go.Figure:
    if not state.countries:
        return gap(t.EMPTY_NO_COUNTRIES)
    if df.empty:
        return gap(t.EMPTY_NO_DATA)
    return diaspora_sankey.create_figure(
        df, origin_order=list(state.countries),
        export={"indicator_code": "migrant_stock", "unit": t.MEASURE_AXIS["persons"],
                "year": year_of(state)})


def api_links(state: DiasporaState) -> list[tuple[str, str, dict]]:
    found = set(query.series(t.MEASURE_INDICATORS["persons"], list(state.countries))
                ["country_code"]) if state.countries else set()
    return [(t.DOWNLOAD_DESTINATIONS.format(country=query.country_name(c), year=year_of(state)),
             "/api/v1/diaspora", {"origin": c, "year": year_of(state)})
            for c in state.countries if c in found]


CHART = Chart(
    id=ChartId.DIASPORA_SANKEY,
    page=PageId.DIASPORA,
    slug="sankey",
    label=lambda: t.TITLE,
    title=lambda state: t.SANKEY_TITLE.format(top=TOP, year=year_of(state)),
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources("migrant_stock"),
    api_links=api_links,
    key=lambda state: replace(state, measure="persons"),
    **MANY_COUNTRIES,
)
