"""Country profile: the average total cost of sending money to the country, by corridor and
quarter, against the SDG 10.c target of 3 % (World Bank Remittance Prices Worldwide)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, one_country, table_sources
from figures import corridor_costs, targets
from ids import ChartId, PageId
from state.country import ProfileState
from text import country as t
from text import present as tp
from text.numbers import format_value

TABLE = "remittance_costs"


def process_data(state: ProfileState) -> pd.DataFrame:
    df = query.remittance_costs(state.iso3)
    return df.assign(label=[format_value(v, "%", 1) for v in df["cost_pct"]])


def create_figure(df: pd.DataFrame, state: ProfileState) -> go.Figure:
    if df.empty:
        age = query.table_age(TABLE)
        return gap(t.COSTS_EMPTY.format(country=query.country_name(state.iso3),
                                        first=age["first_period"][:4], last=age["last_year"]))
    return corridor_costs.create_figure(
        df, y_title=t.COSTS_AXIS,
        target_label=t.COSTS_TARGET.format(
            target=format_value(targets.SDG_10C_TARGET_PCT, "%", 0)),
        export={"indicator_code": TABLE, "unit": t.COSTS_AXIS,
                "extra": {"receiver_code": state.iso3}})


def notes(state: ProfileState) -> list[str]:
    """When the data end, which corridors were surveyed, and whether this country's end
    earlier than the data set."""
    age = query.table_age(TABLE)
    data_end = str(age["last_period"])
    df = query.remittance_costs(state.iso3)
    found = [t.CHART_AGE.format(age=age["age_note"])]
    if not df.empty:
        corridors = ", ".join(dict.fromkeys(df["sender_name"]))
        found.append(t.COSTS_COVERAGE.format(corridors=corridors, first=df["period"].min(),
                                             last=df["period"].max()))
        if df["period"].max() < data_end:
            found.append(t.COSTS_LATEST.format(country=query.country_name(state.iso3),
                                               period=df["period"].max()))
    return found


CHART = Chart(
    id=ChartId.PROFILE_COSTS,
    page=PageId.PROFILE,
    slug="costs",
    label=lambda: t.COSTS_TITLE,
    title=lambda _state: t.COSTS_TITLE,
    standalone_title=lambda state: tp.PROFILE_CHART_TITLE.format(
        country=query.country_name(state.iso3), chart=t.COSTS_TITLE),
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources(TABLE),
    notes=notes,
    key=lambda state: replace(state, measure="usd", year=None),
    **one_country("iso3"),
)
