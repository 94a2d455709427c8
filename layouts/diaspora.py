"""Diaspora comparison: emigrants of several countries over time, and where they live. Both
charts are drawn in the first render; the controls redraw the ones whose view changed
(callbacks/diaspora.py)."""

from __future__ import annotations

from dash import dcc, html

import query
from ids import ChartId, Diaspora
from layouts.blocks import chart_block
from layouts.compare import country_picker, notice_list
from layouts.controls import dropdown, radio_group
from layouts.printing import print_button, print_frame
from pages import PageRequest
from state.compare import snapshot_vocabulary
from state.diaspora import MEASURES, DiasporaState, to_query, to_url
from text import diaspora as t

CHARTS = (ChartId.DIASPORA_TREND, ChartId.DIASPORA_SANKEY)


def layout(request: PageRequest) -> html.Div:
    state: DiasporaState = request.state
    years = snapshot_vocabulary().stock_years
    return html.Div(
        [
            dcc.Store(id=Diaspora.HISTORY, data=request.history(to_query(state))),
            dcc.Store(id=Diaspora.POPSTATE),
            html.Div([html.H1(t.TITLE), print_button()], className="profile-head"),
            html.P(t.INTRO, className="lead-sm"),
            html.Div(notice_list(request.notices), id=Diaspora.NOTICES, role="status",
                     **{"aria-live": "polite"}),
            html.Div(
                [
                    country_picker(Diaspora.COUNTRIES, list(state.countries),
                                   query.countries(), t),
                    html.Div(radio_group(t.MEASURE_LABEL, dcc.RadioItems(
                        id=Diaspora.MEASURE, value=state.measure,
                        options=[{"label": t.MEASURES[m], "value": m} for m in MEASURES],
                        className="choice-list")), className="col-12 col-md-6 col-lg-3"),
                    html.Div([
                        html.Label(t.YEAR_LABEL, htmlFor=Diaspora.YEAR, className="form-label"),
                        dropdown(id=Diaspora.YEAR, value=state.year or years[-1],
                                     clearable=False, searchable=False,
                                     options=[{"label": str(y), "value": y}
                                              for y in reversed(years)]),
                    ], className="col-12 col-md-6 col-lg-3"),
                ],
                className="row g-3 compare-controls no-print",
            ),
            html.Div(chart_block(ChartId.DIASPORA_TREND, state, heading="h2"),
                     className="profile-section"),
            html.Div([html.P(t.SANKEY_NOTE),
                      chart_block(ChartId.DIASPORA_SANKEY, state, heading="h2")],
                     className="profile-section"),
            html.P(profile_links(state), id=Diaspora.PROFILES, className="profile-pilots"),
            print_frame(t.TITLE, to_url(state), [(c, state) for c in CHARTS]),
        ],
        className="page page-diaspora",
    )


def profile_links(state: DiasporaState) -> list:
    if not state.countries:
        return []
    return [t.PROFILE_LINKS, " "] + [
        html.Span(dcc.Link(query.country_name(c), href=f"/country/{c}"), className="pilot-link")
        for c in state.countries]
