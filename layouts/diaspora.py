"""Diaspora comparison: emigrants of several countries over time, and where they live."""

from __future__ import annotations

from dash import dcc, html

from layouts.compare import country_picker, notice_list
from layouts.graph import graph
from state.compare import snapshot_vocabulary
from state.diaspora import MEASURES, DiasporaState, parse
from text import common as tc
from text import diaspora as t


def layout(**params: str) -> html.Div:
    try:
        from query import get_snapshot
        from query.profile import stock_years

        snap = get_snapshot()
        vocab = snapshot_vocabulary()
        years = stock_years()
    except Exception:  # a missing or corrupt snapshot is a message on the page, not a crash
        return html.Div([html.H1(t.TITLE),
                         html.P(tc.DATA_UNAVAILABLE, className="alert alert-warning")],
                        className="page")
    state, notices = parse(params, vocab, years)
    return view(state, notices, years, snap.countries)


def view(state: DiasporaState, notices: list, years: list[int], countries: object) -> html.Div:
    return html.Div(
        [
            dcc.Location(id="diaspora-url", refresh=False),
            html.H1(t.TITLE),
            html.P(t.INTRO, className="lead-sm"),
            html.Div(notice_list(notices), id="diaspora-notices", role="status",
                     **{"aria-live": "polite"}),
            html.Div(
                [
                    country_picker("diaspora-countries", list(state.countries), countries, t),
                    html.Div([
                        html.Label(t.MEASURE_LABEL, htmlFor="diaspora-measure",
                                   className="form-label"),
                        dcc.RadioItems(id="diaspora-measure", value=state.measure,
                                       options=[{"label": t.MEASURES[m], "value": m}
                                                for m in MEASURES],
                                       className="choice-list"),
                    ], className="col-12 col-md-6 col-lg-3"),
                    html.Div([
                        html.Label(t.YEAR_LABEL, htmlFor="diaspora-year", className="form-label"),
                        dcc.Dropdown(id="diaspora-year", value=state.year or years[-1],
                                     clearable=False, searchable=False,
                                     options=[{"label": str(y), "value": y}
                                              for y in reversed(years)]),
                    ], className="col-12 col-md-6 col-lg-3"),
                ],
                className="row g-3 compare-controls no-print",
            ),
            html.Section([
                html.H2(id="diaspora-trend-title"),
                dcc.Loading(graph("diaspora-trend", t.TITLE), type="dot", delay_show=300),
                html.Div(id="diaspora-trend-note", className="coverage"),
                html.Div(id="diaspora-trend-sources"),
            ], className="profile-section"),
            html.Section([
                html.H2(id="diaspora-sankey-title"),
                html.P(t.SANKEY_NOTE),
                dcc.Loading(graph("diaspora-sankey", t.TITLE), type="dot", delay_show=300),
                html.Div(id="diaspora-sankey-sources"),
            ], className="profile-section"),
            html.P(id="diaspora-profiles", className="profile-pilots"),
        ],
        className="page page-diaspora",
    )
