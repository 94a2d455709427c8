"""Labour flows: emigration from one country by destination in 5-year periods (Abel & Cohen
model estimates), with women's share of all emigrants."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, one_country, table_sources
from figures import labour_destinations
from ids import ChartId, PageId
from query import labour as q
from state.labour import LabourState
from text import labour as t
from text.numbers import format_number

TOP = 6


def process_data(state: LabourState) -> pd.DataFrame:
    return q.emigration_by_destination(state.country)


def create_figure(df: pd.DataFrame, state: LabourState) -> go.Figure:
    name = query.country_name(state.country)
    if df.empty:
        return gap(t.DESTINATIONS_EMPTY.format(country=name))
    return labour_destinations.create_figure(
        labour_destinations.process_data(df, TOP), q.emigration_totals([state.country]),
        period_label=t.PERIOD_LABEL, other_label=t.OTHER_DESTINATIONS,
        y_title=t.DESTINATIONS_AXIS, share_name=t.FEMALE_SHARE_NAME,
        share_title=t.FEMALE_SHARE_AXIS, format_value=format_number,
        export={"indicator_code": "flow_estimates", "unit": t.DESTINATIONS_AXIS,
                "country_code": state.country, "country_name": name})


def title(state: LabourState) -> str:
    return t.DESTINATIONS_TITLE.format(country=query.country_name(state.country))


def flows_basis() -> str:
    """What Abel & Cohen's estimates are built on (UN DESA's 2020 revision), in words: the
    profiles' emigrant numbers are the 2024 revision."""
    basis = query.source_basis(q.FLOW_SOURCE)["based_on"]
    return t.FLOWS_BASIS.format(based_on=basis)


def former_areas(codes: set[str]) -> list[str]:
    """The notes of codes that cover another area in early periods, for those in `codes`."""
    notes = query.series_notes("flow_estimates")
    notes = notes[(notes["kind"] == "former_territory") & notes["country_code"].isin(codes)]
    return [t.FORMER_AREA.format(mark=labour_destinations.FORMER, note=note)
            for note in notes["note"]]


def notes(state: LabourState) -> list[str]:
    name = query.country_name(state.country)
    df = process_data(state)
    shown = labour_destinations.process_data(df, TOP) if not df.empty else df
    marked = set()
    if not shown.empty:
        marked = {code.rstrip(labour_destinations.FORMER)
                  for code in shown["destination_code"]
                  if code.endswith(labour_destinations.FORMER)}
        if shown["origin_note"].notna().any():
            marked.add(state.country)
    return [t.DESTINATIONS_NOTE.format(country=name), flows_basis(), *former_areas(marked)]


CHART = Chart(
    id=ChartId.LABOUR_DESTINATIONS,
    page=PageId.LABOUR,
    slug="destinations",
    label=lambda: t.TITLE,
    title=title,
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources("flow_estimates"),
    notes=notes,
    key=lambda state: replace(state, countries=()),
    **one_country("country"),
)
