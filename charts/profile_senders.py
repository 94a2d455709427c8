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
TABLE = "remittance_matrix"


def process_data(state: ProfileState) -> pd.DataFrame:
    df = query.remittance_corridors(state.iso3, n=TOP)
    return pd.DataFrame({
        "country_code": df["sender_code"], "country_name": df["sender_name"],
        "value": df["value_usd_million"],
        "label": [format_value(v, "US$ million", 0) for v in df["value_usd_million"]],
    })


def matrix_year() -> int:
    """The one year of the bilateral remittance matrix."""
    return query.table_age(TABLE)["last_year"]


def create_figure(df: pd.DataFrame, state: ProfileState) -> go.Figure:
    year = matrix_year()
    if df.empty:
        return gap(t.SENDERS_EMPTY.format(country=query.country_name(state.iso3), year=year))
    axis = t.SENDERS_AXIS.format(year=year)
    return ranked_bar.create_figure(
        df, x_title=axis,
        export={"indicator_code": TABLE, "unit": axis, "year": year,
                "extra": {"receiver_code": state.iso3, "status": "estimate"}})


CHART = Chart(
    id=ChartId.PROFILE_SENDERS,
    page=PageId.PROFILE,
    slug="senders",
    label=lambda: t.SENDERS_TITLE,
    title=lambda _state: t.SENDERS_TITLE,
    standalone_title=lambda state: tp.PROFILE_CHART_TITLE.format(
        country=query.country_name(state.iso3), chart=t.SENDERS_TITLE),
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources(TABLE),
    notes=lambda _state: [t.CHART_AGE.format(age=query.table_age(TABLE)["age_note"])],
    key=lambda state: replace(state, measure="usd", year=None),
    **one_country("iso3"),
)
