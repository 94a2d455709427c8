"""Diaspora comparison callbacks: URL <-> controls, then query -> line chart and Sankey."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

import query
from callbacks.country import gap, indicator_sources, table_sources
from callbacks.router import query_params
from figures import diaspora_sankey, line_chart
from layouts import diaspora as view
from layouts import resolve
from layouts.chart_sources import chart_footer
from layouts.compare import notice_list
from query.profile import stock_years
from serving.cache import memoize
from state.compare import snapshot_vocabulary
from state.diaspora import DiasporaState, parse, to_query
from text import diaspora as t
from text.numbers import format_number, format_value

SANKEY_DESTINATIONS = 5


@memoize()
def trend_figure(countries: list[str], measure: str) -> go.Figure:
    if not countries:
        return gap(t.EMPTY_NO_COUNTRIES)
    indicator = t.MEASURE_INDICATORS[measure]
    df = query.series(indicator, countries)
    df = df[df["value"].notna()]
    if df.empty:
        return gap(t.EMPTY_NO_DATA)
    unit, decimals = ("%", 1) if measure == "pct" else ("", 0)
    df = df.assign(label=[format_value(v, unit, decimals) for v in df["value"]])
    figure = line_chart.create_figure(df, y_title=t.MEASURE_AXIS[measure],
                                      country_order=list(countries),
                                      export={"indicator_code": indicator,
                                              "unit": t.MEASURE_AXIS[measure]})
    figure.update_layout(xaxis={"tickvals": stock_years()})
    return figure


def sankey_frame(countries: list[str], year: int) -> pd.DataFrame:
    parts = []
    for code in countries:
        top = query.top_destinations(code, year=year, n=SANKEY_DESTINATIONS)
        parts.append(pd.DataFrame({
            "origin_code": code, "origin_name": query.country_name(code),
            "destination_code": top["destination_code"],
            "destination_name": top["destination_name"], "value": top["value"],
        }))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=diaspora_sankey.COLUMNS)


@memoize()
def sankey_figure(countries: list[str], year: int) -> go.Figure:
    if not countries:
        return gap(t.EMPTY_NO_COUNTRIES)
    df = sankey_frame(countries, year)
    if df.empty:
        return gap(t.EMPTY_NO_DATA)
    df = df.assign(label=[format_number(v) for v in df["value"]])
    return diaspora_sankey.create_figure(
        df, origin_order=list(countries),
        export={"indicator_code": "migrant_stock", "unit": t.MEASURE_AXIS["persons"],
                "year": year})


def state_of(countries: list[str] | None, measure: str | None, year: int | None) -> DiasporaState:
    years = stock_years()
    return DiasporaState(
        countries=tuple(countries or ()),
        measure=measure if measure in t.MEASURES else "persons",
        year=None if year in (None, years[-1]) or year not in years else int(year),
    )


def render(countries: list[str] | None, measure: str | None, year: int | None) -> tuple:
    state = state_of(countries, measure, year)
    codes = list(state.countries)
    years = stock_years()
    shown_year = state.year or years[-1]
    names = {code: query.country_name(code) for code in codes}
    emigrants = query.series(t.MEASURE_INDICATORS["persons"], codes) if codes else None
    without = [names[c] for c in codes
               if emigrants is None or c not in set(emigrants["country_code"])]
    indicator = t.MEASURE_INDICATORS[state.measure]
    trend_downloads = [(t.DOWNLOAD_TREND.format(measure=t.MEASURES[state.measure],
                                                countries=", ".join(names.values())),
                        "/api/v1/data", {"indicator": indicator, "countries": ",".join(codes)})
                       ] if codes else []
    sankey_downloads = [(t.DOWNLOAD_DESTINATIONS.format(country=names[c], year=shown_year),
                         "/api/v1/diaspora", {"origin": c, "year": shown_year})
                        for c in codes if names[c] not in without]
    profiles = [t.PROFILE_LINKS, " "] + [
        html.Span(dcc.Link(names[c], href=f"/country/{c}"), className="pilot-link")
        for c in codes]
    return (
        t.TREND_TITLE.format(first=years[0], last=years[-1]),
        trend_figure(codes, state.measure),
        t.NO_ESTIMATE.format(countries=", ".join(without)) if without else "",
        chart_footer(indicator_sources([indicator]), trend_downloads),
        t.SANKEY_TITLE.format(top=SANKEY_DESTINATIONS, year=shown_year),
        sankey_figure(codes, shown_year),
        chart_footer(table_sources("migrant_stock"), sankey_downloads),
        profiles if codes else [],
    )


def sync(search: str | None, countries: list[str] | None, measure: str | None,
         year: int | None, pathname: str | None) -> tuple:
    """Controls -> address bar, and address bar (back/forward) -> controls."""
    page_layout, _, _ = resolve(pathname)
    if page_layout is not view.layout or ctx.triggered_id is None:
        raise PreventUpdate
    years = stock_years()
    if ctx.triggered_id == "diaspora-url":
        state, notices = parse(query_params(search), snapshot_vocabulary(), years)
        wanted = [list(state.countries), state.measure, state.year or years[-1]]
        current = [countries, measure, year]
        return (no_update, *[no_update if a == b else b for a, b in zip(current, wanted,
                                                                          strict=True)],
                notice_list(notices))
    query_string = to_query(state_of(countries, measure, year))
    return (query_string if query_string != (search or "") else no_update,
            no_update, no_update, no_update, [])


def register(app: Dash) -> None:
    app.callback(
        Output("diaspora-trend-title", "children"),
        Output("diaspora-trend", "figure"),
        Output("diaspora-trend-note", "children"),
        Output("diaspora-trend-sources", "children"),
        Output("diaspora-sankey-title", "children"),
        Output("diaspora-sankey", "figure"),
        Output("diaspora-sankey-sources", "children"),
        Output("diaspora-profiles", "children"),
        Input("diaspora-countries", "value"),
        Input("diaspora-measure", "value"),
        Input("diaspora-year", "value"),
    )(render)
    app.callback(
        Output("diaspora-url", "search"),
        Output("diaspora-countries", "value"),
        Output("diaspora-measure", "value"),
        Output("diaspora-year", "value"),
        Output("diaspora-notices", "children"),
        Input("diaspora-url", "search"),
        Input("diaspora-countries", "value"),
        Input("diaspora-measure", "value"),
        Input("diaspora-year", "value"),
        State("diaspora-url", "pathname"),
    )(sync)
