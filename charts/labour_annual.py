"""Labour flows: yearly arrivals from one country in its main destinations, as each
destination counts them (UN DESA flows, 2015 revision). Lines are never added up."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, one_country, table_sources
from figures import labour_annual_flows
from ids import ChartId, PageId
from query import labour as q
from state.labour import LabourState
from text import labour as t

DESTINATIONS = 5
LATEST_PERIOD = 2015  # the last 5-year period of the estimates (2015-2020)


def process_data(state: LabourState) -> pd.DataFrame:
    flows = q.annual_inflows(state.country, DESTINATIONS)
    return flows.assign(label=[
        t.LINE_LABEL.format(country=r.reporting_name, criterion=t.CRITERION_LABELS[r.criterion],
                            coverage=t.COVERAGE_LABELS[r.coverage])
        for r in flows.itertuples(index=False)])


def create_figure(df: pd.DataFrame, state: LabourState) -> go.Figure:
    name = query.country_name(state.country)
    if df.empty:
        return gap(t.ANNUAL_EMPTY.format(n=len(q.reporting_countries()), country=name))
    return labour_annual_flows.create_figure(
        df, y_title=t.ANNUAL_AXIS, last_year=q.annual_flow_last_year(),
        export={"indicator_code": "annual_flows", "unit": t.ANNUAL_AXIS,
                "country_code": state.country, "country_name": name})


def notes(state: LabourState) -> list[str]:
    """Never added up; when the data end; which main destinations do not report."""
    name = query.country_name(state.country)
    found = [t.ANNUAL_NOT_ADDED, t.ANNUAL_END.format(year=q.annual_flow_last_year())]
    latest = q.emigration_by_destination(state.country)
    latest = latest[latest["period_start"] == LATEST_PERIOD].head(DESTINATIONS)
    missing = latest.loc[~latest["destination_code"].isin(q.reporting_countries()),
                         "destination_name"]
    if not latest.empty:
        found.append(t.ANNUAL_MISSING_DESTINATIONS.format(names=", ".join(missing))
                     if len(missing) else t.ANNUAL_ALL_REPORT.format(country=name))
    return found


def how_each_counts(state: LabourState) -> tuple[str, list[tuple[str, str]]]:
    df = process_data(state)
    rows = list(dict.fromkeys(zip(df["reporting_name"], df["definition"], strict=True)))
    return t.ANNUAL_HOW_TITLE, rows


def title(state: LabourState) -> str:
    return t.ANNUAL_TITLE.format(country=query.country_name(state.country))


CHART = Chart(
    id=ChartId.LABOUR_ANNUAL,
    page=PageId.LABOUR,
    slug="annual",
    label=lambda: t.TITLE,
    title=title,
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources("annual_flows"),
    notes=notes,
    explained=how_each_counts,
    key=lambda state: replace(state, countries=()),
    **one_country("country"),
)
