"""Country profile: the largest destinations of the country's emigrants in one UN DESA year,
by sex."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.parts import gap, one_country, table_sources
from figures import destinations_bar
from ids import ChartId, PageId
from state.compare import snapshot_vocabulary
from state.country import ProfileState, shown_year
from text import country as t
from text import present as tp
from text.numbers import format_number, format_value

TOP = 10


def process_data(state: ProfileState) -> pd.DataFrame:
    """Top destinations with the female and male counts beside the total."""
    year = shown_year(state, snapshot_vocabulary())
    total = query.top_destinations(state.iso3, year=year, n=TOP)
    by_sex = {sex: query.top_destinations(state.iso3, year=year, n=None, sex=sex)
              .set_index("destination_code")["value"] for sex in ("female", "male")}
    return total.rename(columns={"value": "total"}).assign(
        female=total["destination_code"].map(by_sex["female"]),
        male=total["destination_code"].map(by_sex["male"]),
    )


def export_fields(state: ProfileState, year: int | None) -> dict:
    """What a diaspora chart's downloads name (figures.theme.trace_meta): UN DESA migrant stock,
    persons, by destination of emigrants from the profile's country."""
    return {"indicator_code": "migrant_stock", "unit": t.DESTINATIONS_AXIS,
            **({"year": year} if year is not None else {}),
            "extra": {"origin_code": state.iso3}}


def create_figure(df: pd.DataFrame, state: ProfileState) -> go.Figure:
    year = shown_year(state, snapshot_vocabulary())
    if df.empty:
        return gap(t.DESTINATIONS_EMPTY.format(country=query.country_name(state.iso3),
                                               year=year))
    df = df.assign(label=[f"{format_number(v)} · {format_value(s, '%', 0)}"
                          for v, s in zip(df["total"], df["share_pct"], strict=True)])
    return destinations_bar.create_figure(
        df, x_title=t.DESTINATIONS_AXIS,
        sex_names={"female": t.FEMALE, "male": t.MALE, "total": t.TOTAL},
        export=export_fields(state, year))


def notes(state: ProfileState) -> list[str]:
    df = process_data(state)
    unsplit = df[df["female"].isna() | df["male"].isna()]
    return ([t.DESTINATIONS_NO_SEX.format(places=", ".join(unsplit["destination_name"]))]
            if len(unsplit) else [])


def api_links(state: ProfileState) -> list[tuple[str, str, dict]]:
    year = shown_year(state, snapshot_vocabulary())
    return [(t.DOWNLOAD_DIASPORA.format(country=query.country_name(state.iso3), year=year),
             "/api/v1/diaspora", {"origin": state.iso3, "year": year})]


def title(state: ProfileState) -> str:
    return t.DESTINATIONS_BAR_TITLE.format(year=shown_year(state, snapshot_vocabulary()))


CHART = Chart(
    id=ChartId.PROFILE_DESTINATIONS,
    page=PageId.PROFILE,
    slug="destinations",
    label=lambda: t.DIASPORA_TITLE,
    title=title,
    standalone_title=lambda state: tp.PROFILE_CHART_TITLE.format(
        country=query.country_name(state.iso3), chart=t.DIASPORA_TITLE),
    build=lambda state: create_figure(process_data(state), state),
    sources=lambda _state: table_sources("migrant_stock"),
    notes=notes,
    api_links=api_links,
    key=lambda state: replace(state, measure="usd"),
    **one_country("iso3"),
)
