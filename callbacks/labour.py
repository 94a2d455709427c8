"""Labour flows callbacks: URL <-> controls <-> state store, then query -> figures -> content.

The same content builder serves the /labour page and the labour section of a country profile;
each has its own store (`<prefix>-query`) and content area (`<prefix>-content`).
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate

import query
from callbacks.router import query_params
from figures import (
    labour_annual_flows,
    labour_destinations,
    labour_emigration_rate,
    labour_market,
    theme,
)
from layouts import compare as compare_view
from layouts import labour as view
from query import labour as q
from state.compare import snapshot_vocabulary
from state.labour import LabourState, as_dict, from_dict, parse, to_query
from text import labour as t
from text.numbers import format_number, format_prose, format_year_span

TOP_DESTINATIONS = 6
ANNUAL_DESTINATIONS = 5
LATEST_PERIOD = 2015  # the last 5-year period of the estimates (2015-2020)


# ---- URL <-> controls -------------------------------------------------------------------------

def sync(search: str | None, country: str | None, countries: list[str] | None,
         current: dict | None, written: str | None) -> tuple:
    """A link or back/forward sets the controls; a control change writes the URL."""
    if ctx.triggered_id is None:
        raise PreventUpdate  # first render: the layout is already built from the URL
    vocab = snapshot_vocabulary()
    if ctx.triggered_id == "labour-url":
        if search == written:
            raise PreventUpdate  # the address bar reporting what this callback wrote
        state, dropped = parse(query_params(search), vocab)
        notices = compare_view.notice_list(dropped)
    else:
        previous = from_dict(current) if current else parse({}, vocab)[0]
        state = LabourState(country or previous.country, tuple(countries or ()))
        notices = []
    new_search = to_query(state)
    return (
        new_search if new_search != search else no_update,
        new_search,
        state.country if state.country != country else no_update,
        list(state.countries) if list(state.countries) != (countries or []) else no_update,
        as_dict(state) if as_dict(state) != current else no_update,
        notices,
    )


# ---- data -> figures ----------------------------------------------------------------------------

def destinations_section(prefix: str, country: str, name: str) -> html.Section:
    by_destination = q.emigration_by_destination(country)
    title = t.DESTINATIONS_TITLE.format(country=name)
    if by_destination.empty:
        figure = theme.empty_figure(t.DESTINATIONS_EMPTY.format(country=name))
    else:
        figure = labour_destinations.create_figure(
            labour_destinations.process_data(by_destination, TOP_DESTINATIONS),
            q.emigration_totals([country]),
            period_label=t.PERIOD_LABEL, other_label=t.OTHER_DESTINATIONS,
            y_title=t.DESTINATIONS_AXIS, share_name=t.FEMALE_SHARE_NAME,
            share_title=t.FEMALE_SHARE_AXIS, format_value=format_number,
            export={"indicator_code": "flow_estimates", "unit": t.DESTINATIONS_AXIS,
                    "country_code": country, "country_name": name})
    return view.chart_section(f"{prefix}-destinations", title, figure,
                              [t.DESTINATIONS_NOTE.format(country=name)])


def annual_section(prefix: str, country: str, name: str) -> html.Section:
    flows = q.annual_inflows(country, ANNUAL_DESTINATIONS)
    last_year = q.annual_flow_last_year()
    reporting = q.reporting_countries()
    title = t.ANNUAL_TITLE.format(country=name)
    notes = [t.ANNUAL_NOT_ADDED, t.ANNUAL_END.format(year=last_year)]
    latest = q.emigration_by_destination(country)
    latest = latest[latest["period_start"] == LATEST_PERIOD].head(ANNUAL_DESTINATIONS)
    missing = latest.loc[~latest["destination_code"].isin(reporting), "destination_name"]
    if not latest.empty:
        notes.append(t.ANNUAL_MISSING_DESTINATIONS.format(names=", ".join(missing))
                     if len(missing) else t.ANNUAL_ALL_REPORT.format(country=name))
    if flows.empty:
        figure = theme.empty_figure(t.ANNUAL_EMPTY.format(n=len(reporting), country=name))
        return view.chart_section(f"{prefix}-annual", title, figure, notes)
    flows = flows.assign(label=[
        t.LINE_LABEL.format(country=r.reporting_name, criterion=t.CRITERION_LABELS[r.criterion],
                            coverage=t.COVERAGE_LABELS[r.coverage])
        for r in flows.itertuples(index=False)])
    figure = labour_annual_flows.create_figure(
        flows, y_title=t.ANNUAL_AXIS, last_year=last_year,
        export={"indicator_code": "annual_flows", "unit": t.ANNUAL_AXIS,
                "country_code": country, "country_name": name})
    definitions = list(dict.fromkeys(zip(flows["reporting_name"], flows["definition"],
                                         strict=True)))
    return view.chart_section(f"{prefix}-annual", title, figure, notes,
                              view.how_each_counts(definitions))


def market_section(prefix: str, country: str, name: str) -> html.Section:
    data = q.labour_market(country)
    title = t.MARKET_TITLE.format(country=name)
    if data.empty:
        figure = theme.empty_figure(t.MARKET_EMPTY.format(country=name))
    else:
        panels = [
            {code: sex for sex, code in q.PARTICIPATION.items()},
            {code: sex for sex, code in q.YOUTH_UNEMPLOYMENT.items()},
            {q.LABOUR_FORCE: "labour_force"},
        ]
        figure = labour_market.create_figure(
            data, panels=panels,
            titles=[t.MARKET_PARTICIPATION, t.MARKET_YOUTH, t.MARKET_FORCE],
            line_names={**t.SEX_LABELS, "labour_force": t.LABOUR_FORCE_NAME},
            export={"country_code": country, "country_name": name},
            units={code: query.indicator_meta(code)["unit"] for code in q.LABOUR_MARKET_SERIES})
    return view.chart_section(f"{prefix}-market", title, figure, [t.MARKET_NOTE])


def rate_section(prefix: str, countries: list[str]) -> html.Section:
    if not countries:
        figure = theme.empty_figure(t.RATE_EMPTY)
    else:
        rates = q.emigration_rate(countries)
        if rates.empty:
            figure = theme.empty_figure(t.RATE_NO_DATA)
        else:
            ordered = labour_emigration_rate.process_data(rates, t.PERIOD_LABEL)
            hover = [t.RATE_HOVER.format(country=r.country_name,
                                         period=format_year_span(r.period_start, r.period_end),
                                         rate=format_number(r.rate_per_1000, 1),
                                         flow=format_prose(r.flow))
                     for r in ordered.itertuples(index=False)]
            figure = labour_emigration_rate.create_figure(
                rates, period_label=t.PERIOD_LABEL, y_title=t.RATE_AXIS, hover=hover,
                country_order=countries,
                export={"indicator_code": "flow_estimates", "unit": t.RATE_AXIS})
    return view.chart_section(f"{prefix}-rate", t.RATE_TITLE, figure, [t.RATE_FORMULA])


def build_content(store: dict | None, prefix: str) -> list:
    if not store:
        raise PreventUpdate
    state = from_dict(store)
    try:
        name = query.country_name(state.country)
    except query.QueryError:
        return [html.P(t.UNKNOWN_COUNTRY.format(code=state.country),
                       className="alert alert-warning")]
    countries = [c for c in state.countries if c in query.get_snapshot().country_names]
    return [
        destinations_section(prefix, state.country, name),
        annual_section(prefix, state.country, name),
        market_section(prefix, state.country, name),
        rate_section(prefix, countries),
    ]


def register(app: Dash) -> None:
    app.callback(
        Output("labour-url", "search"),
        Output("labour-written", "data"),
        Output("labour-country", "value"),
        Output("labour-countries", "value"),
        Output("labour-query", "data"),
        Output("labour-notices", "children"),
        Input("labour-url", "search"),
        Input("labour-country", "value"),
        Input("labour-countries", "value"),
        State("labour-query", "data"),
        State("labour-written", "data"),
    )(sync)
    for prefix in (view.PAGE_PREFIX, view.PROFILE_PREFIX):
        app.callback(
            Output(f"{prefix}-content", "children"),
            Input(f"{prefix}-query", "data"),
        )(lambda store, prefix=prefix: build_content(store, prefix))
