"""Labour flows: emigrants per 1,000 residents per year, by 5-year period, for the countries
compared (derived: the 5-year flow ÷ 5 ÷ the mid-period population × 1,000)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.labour_destinations import flows_basis
from charts.parts import MANY_COUNTRIES, gap, table_sources
from figures import labour_emigration_rate
from ids import ChartId, PageId
from query import labour as q
from state.labour import LabourState
from text import labour as t
from text.numbers import format_number, format_prose, format_year_span


def process_data(state: LabourState) -> pd.DataFrame:
    countries = [c for c in state.countries if c in query.get_snapshot().country_names]
    return q.emigration_rate(countries) if countries else pd.DataFrame()


def create_figure(df: pd.DataFrame, state: LabourState) -> go.Figure:
    if not state.countries:
        return gap(t.RATE_EMPTY)
    if df.empty:
        return gap(t.RATE_NO_DATA)
    ordered = labour_emigration_rate.process_data(df, t.PERIOD_LABEL)
    hover = [t.RATE_HOVER.format(country=r.country_name,
                                 period=format_year_span(r.period_start, r.period_end),
                                 rate=format_number(r.rate_per_1000, 1), flow=format_prose(r.flow))
             for r in ordered.itertuples(index=False)]
    return labour_emigration_rate.create_figure(
        df, period_label=t.PERIOD_LABEL, y_title=t.RATE_AXIS, hover=hover,
        country_order=list(state.countries),
        export={"indicator_code": "flow_estimates", "unit": t.RATE_AXIS})


CHART = Chart(
    id=ChartId.LABOUR_RATE,
    page=PageId.LABOUR,
    slug="rate",
    label=lambda: t.TITLE,
    title=lambda _state: t.RATE_TITLE,
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources("flow_estimates"),
    notes=lambda _state: [t.RATE_HOW.format(formula=q.RATE_FORMULA), flows_basis()],
    key=lambda state: replace(state, country=""),
    **MANY_COUNTRIES,
)
