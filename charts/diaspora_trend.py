"""Diaspora comparison: emigrants of each chosen country over the UN DESA years, in persons or
as % of the home population."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import MANY_COUNTRIES, gap, indicator_sources
from figures import line_chart
from ids import ChartId, PageId
from state.compare import snapshot_vocabulary
from state.diaspora import DiasporaState
from text import diaspora as t
from text.numbers import format_value


def process_data(state: DiasporaState) -> pd.DataFrame:
    if not state.countries:
        return pd.DataFrame(columns=[*line_chart.COLUMNS, "label"])
    df = query.series(t.MEASURE_INDICATORS[state.measure], list(state.countries))
    df = df[df["value"].notna()]
    unit, decimals = ("%", 1) if state.measure == "pct" else ("", 0)
    return df.assign(label=[format_value(v, unit, decimals) for v in df["value"]])


def create_figure(df: pd.DataFrame, state: DiasporaState) -> go.Figure:
    if not state.countries:
        return gap(t.EMPTY_NO_COUNTRIES)
    if df.empty:
        return gap(t.EMPTY_NO_DATA)
    figure = line_chart.create_figure(
        df, y_title=t.MEASURE_AXIS[state.measure], country_order=list(state.countries),
        export={"indicator_code": t.MEASURE_INDICATORS[state.measure],
                "unit": t.MEASURE_AXIS[state.measure]})
    return figure.update_layout(xaxis={"tickvals": list(snapshot_vocabulary().stock_years)})


def notes(state: DiasporaState) -> list[str]:
    """The chosen countries UN DESA has no emigrant estimate for."""
    if not state.countries:
        return []
    found = set(query.series(t.MEASURE_INDICATORS["persons"], list(state.countries))
                ["country_code"])
    without = [query.country_name(c) for c in state.countries if c not in found]
    return [t.NO_ESTIMATE.format(countries=", ".join(without))] if without else []


def api_links(state: DiasporaState) -> list[tuple[str, str, dict]]:
    if not state.countries:
        return []
    names = ", ".join(query.country_name(c) for c in state.countries)
    return [(t.DOWNLOAD_TREND.format(measure=t.MEASURES[state.measure], countries=names),
             "/api/v1/data", {"indicator": t.MEASURE_INDICATORS[state.measure],
                              "countries": ",".join(state.countries)})]


def title(_state: DiasporaState) -> str:
    years = snapshot_vocabulary().stock_years
    return t.TREND_TITLE.format(first=years[0], last=years[-1])


CHART = Chart(
    id=ChartId.DIASPORA_TREND,
    page=PageId.DIASPORA,
    slug="trend",
    label=lambda: t.TITLE,
    title=title,
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda state: indicator_sources([t.MEASURE_INDICATORS[state.measure]]),
    notes=notes,
    api_links=api_links,
    key=lambda state: replace(state, year=None),
    **MANY_COUNTRIES,
)
