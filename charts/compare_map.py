"""Comparison view, Map tab: every country's value in one year (the latest with data unless
one is chosen), with the chosen countries outlined."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.indicator_units import export_fields, indicator_sources, value_unit, with_labels
from charts.parts import MANY_COUNTRIES
from figures import choropleth, theme
from ids import ChartId, PageId
from state.compare import CompareState
from text import compare as t
from text.numbers import format_year_span


def map_year(state: CompareState) -> int | None:
    """The chosen year, else the latest year with data in the range."""
    return state.year or query.last_year(state.indicator, state.start, state.end)


def process_data(state: CompareState) -> pd.DataFrame:
    year = map_year(state)
    if year is None:
        return pd.DataFrame(columns=["country_code", "country_name", "year", "value", "label"])
    snap = query.get_snapshot()
    places = snap.countries.loc[~snap.countries["aggregate"], "country_code"].tolist()
    df = query.series(state.indicator, places, start=year, end=year,
                      transform=state.transform, base=state.base)
    meta = query.indicator_meta(state.indicator)
    return with_labels(df[df["value"].notna()], meta, state.transform, state.base)


def create_figure(df: pd.DataFrame, state: CompareState) -> go.Figure:
    year = map_year(state)
    if year is None:
        return theme.empty_figure(t.EMPTY_NO_DATA.format(
            years=format_year_span(state.start, state.end)))
    if df.empty:
        return theme.empty_figure(t.EMPTY_MAP.format(year=year))
    meta = query.indicator_meta(state.indicator)
    return choropleth.create_figure(
        df, colorbar_title=value_unit(meta, state.transform, state.base),
        highlight=list(state.countries), no_data_label=t.MAP_NO_DATA,
        no_data_legend=t.MAP_NO_DATA_LEGEND,
        export=export_fields(state, meta))


def map_title(state: CompareState) -> str:
    year = map_year(state)
    if year is None:
        return ""
    meta = query.indicator_meta(state.indicator)
    return t.MAP_LABEL.format(indicator=meta.get("short_name", state.indicator), year=year)


def build(state: CompareState) -> go.Figure:
    return create_figure(process_data(state), state)


def key(state: CompareState) -> CompareState:
    """The tab and the scale do not change the map."""
    return replace(state, tab="map", scale="linear")


CHART = Chart(
    id=ChartId.COMPARE_MAP,
    page=PageId.COMPARE,
    slug="map",
    label=lambda: t.TAB_MAP,
    title=map_title,
    build=build,
    sources=indicator_sources,
    key=key,
    **MANY_COUNTRIES,
)
