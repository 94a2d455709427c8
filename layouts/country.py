"""Country profiles: /country (choose a country) and /country/<ISO3> (the profile).

The layout is the page's frame; callbacks.country fills every number, chart and note from
the query layer. The page prints as an A4 migration profile (assets/styles/print.css).
"""

from __future__ import annotations

from dash import dcc, html

from layouts import labour
from layouts.compare import country_options, notice_list
from layouts.graph import graph
from state.compare import PILOTS
from state.country import MEASURES, CountryState, parse
from text import common as tc
from text import country as t


def layout(iso3: str | None = None, **params: str) -> html.Div:
    try:
        from query import get_snapshot

        snap = get_snapshot()
    except Exception:  # a missing or corrupt snapshot is a message on the page, not a crash
        return html.Div([html.H1(t.INDEX_TITLE),
                         html.P(tc.DATA_UNAVAILABLE, className="alert alert-warning")],
                        className="page")
    if iso3 is None:
        return index(snap.countries)
    code = iso3.strip().upper()
    name = snap.country_names.get(code)
    if name is None:
        return not_found(iso3)
    stock_years = sorted(int(y) for y in snap.migrant_stock["year"].unique())
    state, notices = parse(params, stock_years)
    return profile(code, name, state, notices, stock_years)


def index(countries: object) -> html.Div:
    """Pilot profiles first, then a search over every country."""
    places = countries[~countries["aggregate"]]
    pilots = [code for code in PILOTS if code in set(places["country_code"])]
    names = dict(zip(places["country_code"], places["name"], strict=True))
    return html.Div(
        [
            html.H1(t.INDEX_TITLE),
            html.P(t.INDEX_INTRO, className="lead-sm"),
            html.H2(t.PILOTS_TITLE),
            html.Ul([html.Li(dcc.Link(names[c], href=f"/country/{c}")) for c in pilots],
                    className="pilot-links"),
            html.Label(t.PICKER_LABEL, htmlFor="country-picker", className="form-label"),
            dcc.Dropdown(id="country-picker", options=country_options(places), searchable=True,
                         placeholder=t.PICKER_PLACEHOLDER, maxHeight=360,
                         labels={"no_options_found": t.NO_OPTIONS},
                         className="country-picker"),
        ],
        className="page page-country-index",
    )


def not_found(given: str) -> html.Div:
    shown = given[:40]
    return html.Div(
        [
            html.H1(t.NOT_FOUND_TITLE.format(code=shown)),
            html.P(t.NOT_FOUND_BODY.format(code=shown), className="lead"),
            dcc.Link(t.NOT_FOUND_BACK, href="/country", className="btn btn-primary"),
        ],
        className="page page-not-found",
    )


def section(key: str, title: str, *children: object) -> html.Section:
    return html.Section([html.H2(title), *children], id=f"country-section-{key}",
                        className="profile-section")


def chart(graph_id: str, label: str) -> html.Div:
    return dcc.Loading(graph(graph_id, label), type="dot", delay_show=300)


def labour_section(code: str) -> html.Section:
    """The labour view's section of the profile where it provides one, else a marked place."""
    provided = getattr(labour, "profile_section", None)
    body = provided(code) if provided else [html.H2(t.LABOUR_TITLE),
                                            html.P(t.LABOUR_PENDING, className="text-muted")]
    return html.Div(body, id="country-section-labour", className="profile-section")


def profile(code: str, name: str, state: CountryState, notices: list,
            stock_years: list[int]) -> html.Div:
    year = state.year or stock_years[-1]
    others = [c for c in PILOTS if c != code]
    return html.Div(
        [
            dcc.Location(id="country-url", refresh=False),
            dcc.Store(id="country-code", data=code),
            html.Div(
                [
                    html.H1(t.TITLE.format(country=name), id="country-title"),
                    html.Button(t.PRINT, id="country-print", n_clicks=0,
                                className="btn btn-outline-primary no-print"),
                ],
                className="profile-head",
            ),
            html.Nav([t.OTHER_PILOTS, " ", *[
                html.Span(dcc.Link(tc.PILOT_NAMES[c], href=f"/country/{c}"),
                          className="pilot-link") for c in others]],
                className="profile-pilots no-print"),
            html.Div(notice_list(notices), id="country-notices", role="status",
                     className="no-print", **{"aria-live": "polite"}),
            html.Section([html.H2(t.SUMMARY_TITLE, className="visually-hidden"),
                          html.Div(id="country-summary", className="profile-summary")],
                         className="profile-section"),
            html.Section([html.H2(t.CARDS_TITLE, className="visually-hidden"),
                          dcc.Loading(html.Div(id="country-cards", className="profile-cards"),
                                      type="dot", delay_show=300),
                          html.Div(id="country-cards-sources")],
                         className="profile-section"),
            section(
                "finance", t.FINANCE_TITLE,
                html.P(t.FINANCE_INTRO),
                html.Div([
                    html.Label(t.FINANCE_MEASURE_LABEL, htmlFor="country-measure",
                               className="form-label"),
                    dcc.RadioItems(id="country-measure", value=state.measure,
                                   options=[{"label": t.FINANCE_MEASURES[m], "value": m}
                                            for m in MEASURES],
                                   className="choice-list", inline=True),
                ], className="profile-controls no-print"),
                chart("country-finance", t.FINANCE_TITLE),
                html.Div(id="country-finance-note", className="coverage"),
                html.Div(id="country-finance-sources"),
            ),
            section(
                "diaspora", t.DIASPORA_TITLE,
                html.P(t.DIASPORA_INTRO.format(country=name)),
                html.Div([
                    html.Label(t.DIASPORA_YEAR_LABEL, htmlFor="country-year",
                               className="form-label"),
                    dcc.Dropdown(id="country-year", value=year, clearable=False,
                                 searchable=False, className="year-picker",
                                 options=[{"label": str(y), "value": y}
                                          for y in reversed(stock_years)]),
                ], className="profile-controls no-print"),
                html.H3(id="country-destinations-title", className="h5"),
                chart("country-destinations-bar", t.DIASPORA_TITLE),
                html.Div(id="country-destinations-note", className="coverage"),
                html.H3(id="country-map-title", className="h5"),
                chart("country-destinations-map", t.DIASPORA_TITLE),
                html.P(id="country-map-note", className="coverage"),
                html.H3(id="country-trend-title", className="h5"),
                chart("country-destinations-trend", t.DIASPORA_TITLE),
                html.Div(id="country-diaspora-sources"),
            ),
            section(
                "senders", t.SENDERS_TITLE,
                html.P(t.SENDERS_INTRO.format(country=name)),
                html.P(t.SENDERS_CAVEAT, className="caveat"),
                chart("country-senders", t.SENDERS_TITLE),
                html.Div(id="country-senders-sources"),
            ),
            section(
                "costs", t.COSTS_TITLE,
                html.P(t.COSTS_INTRO.format(country=name)),
                chart("country-costs", t.COSTS_TITLE),
                html.Div(id="country-costs-note", className="coverage"),
                html.Div(id="country-costs-sources"),
            ),
            labour_section(code),
        ],
        className="page page-country",
    )
