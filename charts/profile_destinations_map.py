"""Country profile: a world map of where the country's emigrants live in one UN DESA year."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, one_country, table_sources
from charts.profile_destinations import api_links, export_fields
from figures import destinations_map
from ids import ChartId, PageId
from state.compare import snapshot_vocabulary
from state.country import ProfileState, shown_year
from text import country as t
from text.numbers import format_number, format_prose


def process_data(state: ProfileState) -> pd.DataFrame:
    year = shown_year(state, snapshot_vocabulary())
    return query.top_destinations(state.iso3, year=year, n=None)


def create_figure(df: pd.DataFrame, state: ProfileState) -> go.Figure:
    year = shown_year(state, snapshot_vocabulary())
    if df.empty:
        return gap(t.DESTINATIONS_EMPTY.format(country=query.country_name(state.iso3),
                                               year=year))
    df = df.assign(label=[format_number(v) for v in df["value"]])
    ticks = {power: format_prose(10 ** power) for power in range(0, 9)}
    return destinations_map.create_figure(df, origin=state.iso3,
                                          colorbar_title=t.DESTINATIONS_AXIS,
                                          tick_labels=ticks, no_data_legend=t.DESTINATIONS_NONE,
                                          export=export_fields(state, year))


def title(state: ProfileState) -> str:
    return t.DESTINATIONS_MAP_TITLE.format(country=query.country_name(state.iso3),
                                           year=shown_year(state, snapshot_vocabulary()))


CHART = Chart(
    id=ChartId.PROFILE_DESTINATIONS_MAP,
    page=PageId.PROFILE,
    slug="destinations-map",
    label=lambda: t.DIASPORA_TITLE,
    title=title,
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources("migrant_stock"),
    notes=lambda state: [t.DESTINATIONS_MAP_NOTE.format(
        country=query.country_name(state.iso3))],
    api_links=api_links,
    key=lambda state: replace(state, measure="usd"),
    **one_country("iso3"),
)
