"""Labour flows: the labour market at home: participation and youth unemployment by sex, and
the size of the labour force (World Bank WDI, ILO modelled estimates)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, indicator_sources, one_country
from figures import labour_market
from ids import ChartId, PageId
from query import labour as q
from state.labour import LabourState
from text import labour as t


def process_data(state: LabourState) -> pd.DataFrame:
    return q.labour_market(state.country)


def create_figure(df: pd.DataFrame, state: LabourState) -> go.Figure:
    name = query.country_name(state.country)
    if df.empty:
        return gap(t.MARKET_EMPTY.format(country=name))
    panels = [
        {code: sex for sex, code in q.PARTICIPATION.items()},
        {code: sex for sex, code in q.YOUTH_UNEMPLOYMENT.items()},
        {q.LABOUR_FORCE: "labour_force"},
    ]
    return labour_market.create_figure(
        df, panels=panels,
        titles=[t.MARKET_PARTICIPATION, t.MARKET_YOUTH, t.MARKET_FORCE],
        line_names={**t.SEX_LABELS, "labour_force": t.LABOUR_FORCE_NAME},
        export={"country_code": state.country, "country_name": name},
        units={code: query.indicator_meta(code)["unit"] for code in q.LABOUR_MARKET_SERIES})


def title(state: LabourState) -> str:
    return t.MARKET_TITLE.format(country=query.country_name(state.country))


CHART = Chart(
    id=ChartId.LABOUR_MARKET,
    page=PageId.LABOUR,
    slug="market",
    label=lambda: t.TITLE,
    title=title,
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: indicator_sources(list(q.LABOUR_MARKET_SERIES)),
    notes=lambda _state: [t.MARKET_NOTE],
    key=lambda state: replace(state, countries=()),
    **one_country("country"),
)
