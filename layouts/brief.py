"""A country's briefing note (/country/<ISO3>/brief): the profile's summary and headline cards,
then its three most telling charts, laid out to print on the front and back of one sheet (A4
or US Letter): the summary and the cards on the front, the three charts on the back
(assets/styles/print.css, `.page-brief`)."""

from __future__ import annotations

from dash import dcc, html

import charts
import query
from exports.figure_data import NoDataError, tidy_frame
from ids import ChartId
from layouts.blocks import chart_block
from layouts.chart_sources import chart_footer
from layouts.country import CARDS, cards, classification, country_or_not_found
from layouts.printing import print_button, print_frame, print_height
from pages import PageRequest
from query.profile import profile_facts
from state.country import ProfileState, brief_url, to_url
from text import country as tc
from text import printing as t
from text.profile_summary import summary

# The charts a note can show, most telling first: money sent home against aid and
# investment, where the diaspora lives, how it grew, where the money comes from, what
# sending it costs. A note shows the first three with data for the country.
CANDIDATES = (ChartId.PROFILE_FINANCE, ChartId.PROFILE_DESTINATIONS,
              ChartId.PROFILE_DESTINATIONS_TREND, ChartId.PROFILE_SENDERS,
              ChartId.PROFILE_COSTS)
SHOWN = 3
# Heights (CSS px) on paper, so that three charts with their notes fill one page of A4 or US
# Letter: a bar per destination or sender needs room for its name, and the finance chart's
# legend room below its axis.
PRINT_HEIGHTS = {ChartId.PROFILE_FINANCE: 270, ChartId.PROFILE_DESTINATIONS: 300,
                 ChartId.PROFILE_SENDERS: 300}
PRINT_HEIGHT = 215


def has_data(chart_id: ChartId, state: ProfileState) -> bool:
    try:
        return not tidy_frame(charts.figure_json(chart_id, state)).empty
    except NoDataError:
        return False


def telling_charts(state: ProfileState) -> list[ChartId]:
    """The first three candidates with data for the country (fewer if it has less)."""
    return [c for c in CANDIDATES if has_data(c, state)][:SHOWN]


def layout(request: PageRequest) -> html.Div:
    name = country_or_not_found(request)
    if not isinstance(name, str):
        return name
    state = ProfileState(request.state.iso3)  # a note shows the profile's default view
    shown = telling_charts(state)
    title = t.BRIEF_TITLE.format(country=name)
    return html.Div(
        [
            html.Div([html.H1(title), print_button()], className="profile-head"),
            *classification(state.iso3),
            html.P([t.BRIEF_FULL_PROFILE, " ",
                    dcc.Link(tc.TITLE.format(country=name), href=to_url(state))],
                   className="brief-profile-link no-print"),
            html.Div([html.P(s) for s in summary(profile_facts(state.iso3))],
                     className="profile-summary"),
            html.Div(cards(state.iso3), className="profile-cards"),
            html.Div(chart_footer([query.indicator_meta(i) for i, _ in CARDS]),
                     className="brief-cards-sources"),
            html.Div([print_height(chart_block(c, state, heading="h2"),
                                   PRINT_HEIGHTS.get(c, PRINT_HEIGHT)) for c in shown],
                     className="brief-charts"),
            print_frame(title, brief_url(state), [(c, state) for c in shown]),
        ],
        className="page page-country page-brief",
    )
