"""Country profile: where remittances come from, by sending country (the World Bank's 2018
bilateral remittance matrix, model estimates)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, one_country, table_sources
from figures import ranked_bar
from ids import ChartId, PageId
from state.country import ProfileState
from text import country as t
from text import present as tp
from text.numbers import format_value

TOP = 10


def process_data(state: ProfileState) -> pd.DataFrame:
    df = query.remittance_corridors(state.iso3, n=TOP)
    return pd.DataFrame({
        "country_code": df["sender_code"], "country_name": df["sender_name"],
        "value": df["value_usd_million"],
        "label": [format_value(v, "US$ million", 0) for v in df["value_usd_million"]],
    })


def create_figure(df: pd.DataFrame, state: ProfileState) -> go.Figure:
    if df.empty:
        return gap(t.SENDERS_EMPTY.format(country=query.country_name(state.iso3)))
    return ranked_bar.create_figure(
        df, x_title=t.SENDERS_AXIS,
        export={"indicator_code": "remittance_matrix", "unit": t.SENDERS_AXIS, "year": 2018,
                "extra": {"receiver_code": state.iso3}})


CHART = Chart(
    id=ChartId.PROFILE_SENDERS,
    page=PageId.PROFILE,
    slug="senders",
    label=t.SENDERS_TITLE,
    title=lambda _state: t.SENDERS_TITLE,
    standalone_title=lambda state: tp.PROFILE_CHART_TITLE.format(
        country=query.country_name(state.iso3), chart=t.SENDERS_TITLE),
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources("remittance_matrix"),
    key=lambda state: replace(state, measure="usd", year=None),
    **one_country("iso3"),
)
