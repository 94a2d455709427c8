"""Country profiles: /country (choose a country) and /country/<ISO3> (the profile).

The profile's first render carries everything: the summary, the headline cards and every
chart, drawn (each chart's figure is cached per view). Its two controls redraw only the charts
that depend on them (callbacks/country.py). The page prints as an A4 migration profile
(assets/styles/print.css).
"""

from __future__ import annotations

from dash import dcc, html

import query
from figures import sparkline, theme
from ids import ChartId, Profile
from layouts.blocks import chart_block
from layouts.chart_sources import chart_footer
from layouts.compare import country_options, notice_list
from layouts.controls import dropdown, radio_group
from layouts.labour import CHARTS as LABOUR_CHARTS
from layouts.labour import profile_section as labour_section
from layouts.printing import print_button, print_frame
from pages import PageRequest
from query.profile import Headline, headline, profile_facts
from serving.cache import memoize
from state.compare import PILOTS, CompareState, snapshot_vocabulary
from state.compare import to_url as compare_url
from state.country import MEASURES, ProfileState, brief_url, shown_year, to_query, to_url
from state.labour import profile_state
from text import common as tc
from text import country as t
from text import printing as tp
from text.numbers import format_number, format_value
from text.profile_summary import summary

# Headline cards in order, with how their five-year change is told: relative (%), in
# percentage points (for shares), or as a difference (net migration changes sign).
CARDS = (
    ("BX.TRF.PWKR.CD.DT", "relative"),
    ("BX.TRF.PWKR.DT.GD.ZS", "points"),
    ("DESA.EMIG.TOTL", "relative"),
    ("DESA.EMIG.TOTL.ZS", "points"),
    ("SM.POP.TOTL", "relative"),
    ("SM.POP.NETM", "absolute"),
    ("UNHCR.REFG.OR", "relative"),
)
SPARKLINE_CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": True}
# The charts of each section, in order; the first section's charts follow the measure, the
# second's the year.
FINANCE_CHARTS = (ChartId.PROFILE_FINANCE,)
DIASPORA_CHARTS = (ChartId.PROFILE_DESTINATIONS, ChartId.PROFILE_DESTINATIONS_MAP,
                   ChartId.PROFILE_DESTINATIONS_TREND)


def index(request: PageRequest) -> html.Div:
    """Pilot profiles first, then a search over every country."""
    countries = query.countries()
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
            html.Label(t.PICKER_LABEL, htmlFor=Profile.PICKER, className="form-label"),
            dropdown(id=Profile.PICKER, options=country_options(places), searchable=True,
                         placeholder=t.PICKER_PLACEHOLDER, maxHeight=360,
                         labels={"no_options_found": t.NO_OPTIONS},
                         className="country-picker"),
        ],
        className="page page-country-index",
    )


def country_or_not_found(request: PageRequest) -> str | html.Div:
    """The name of the country a profile's address asks for, or the page that says it is not
    known (naming what was asked for)."""
    state: ProfileState = request.state
    name = query.get_snapshot().country_names.get(state.iso3)
    if name is None:
        return not_found(next((n.value for n in request.notices if n.param == "country"),
                              state.iso3))
    return name


def layout(request: PageRequest) -> html.Div:
    name = country_or_not_found(request)
    return profile(request, name) if isinstance(name, str) else name


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


def profile(request: PageRequest, name: str) -> html.Div:
    state: ProfileState = request.state
    notices = [n for n in request.notices if n.param != "country"]
    code = state.iso3
    years = snapshot_vocabulary().stock_years
    others = [c for c in PILOTS if c != code]
    return html.Div(
        [
            dcc.Store(id=Profile.HISTORY, data=request.history(to_query(state))),
            dcc.Store(id=Profile.POPSTATE),
            html.Div(
                [
                    html.H1(t.TITLE.format(country=name), id=Profile.TITLE),
                    html.Div([dcc.Link(tp.BRIEF_LINK, href=brief_url(state),
                                       title=tp.BRIEF_LINK_TITLE,
                                       className="btn btn-outline-secondary"),
                              print_button()], className="profile-actions no-print"),
                ],
                className="profile-head",
            ),
            *classification(code),
            html.Nav([t.OTHER_PILOTS, " ", *[
                html.Span(dcc.Link(tc.PILOT_NAMES[c], href=f"/country/{c}"),
                          className="pilot-link") for c in others]],
                className="profile-pilots no-print"),
            html.Div(notice_list(notices), id=Profile.NOTICES, role="status",
                     className="no-print", **{"aria-live": "polite"}),
            html.Section([html.H2(t.SUMMARY_TITLE, className="visually-hidden"),
                          html.Div([html.P(s) for s in summary(profile_facts(code))],
                                   id=Profile.SUMMARY, className="profile-summary")],
                         className="profile-section"),
            html.Section([html.H2(t.CARDS_TITLE, className="visually-hidden"),
                          html.Div(cards(code), id=Profile.CARDS, className="profile-cards"),
                          html.Div(chart_footer(
                              [query.indicator_meta(i) for i, _ in CARDS]),
                              id=Profile.CARDS_SOURCES)],
                         className="profile-section"),
            section(
                "finance", t.FINANCE_TITLE,
                html.P(t.FINANCE_INTRO),
                radio_group(t.FINANCE_MEASURE_LABEL, dcc.RadioItems(
                    id=Profile.MEASURE, value=state.measure,
                    options=[{"label": t.FINANCE_MEASURES[m], "value": m} for m in MEASURES],
                    className="choice-list", inline=True),
                    className="profile-controls no-print"),
                *[chart_block(c, state, heading="h3") for c in FINANCE_CHARTS],
            ),
            section(
                "diaspora", t.DIASPORA_TITLE,
                html.P(t.DIASPORA_INTRO.format(country=name)),
                html.P(t.DIASPORA_REVISIONS, className="caveat"),
                html.Div([
                    html.Label(t.DIASPORA_YEAR_LABEL, htmlFor=Profile.YEAR,
                               className="form-label"),
                    dropdown(id=Profile.YEAR, value=shown_year(state, snapshot_vocabulary()),
                                 clearable=False, searchable=False, className="year-picker",
                                 options=[{"label": str(y), "value": y}
                                          for y in reversed(years)]),
                ], className="profile-controls no-print"),
                *[chart_block(c, state, heading="h3") for c in DIASPORA_CHARTS],
            ),
            section(
                "senders", t.SENDERS_TITLE,
                html.P(t.SENDERS_INTRO.format(
                    country=name, year=query.table_age("remittance_matrix")["last_year"])),
                html.P(t.SENDERS_CAVEAT, className="caveat"),
                chart_block(ChartId.PROFILE_SENDERS, state, heading="h3"),
            ),
            section(
                "costs", t.COSTS_TITLE,
                html.P(t.COSTS_INTRO.format(country=name)),
                chart_block(ChartId.PROFILE_COSTS, state, heading="h3"),
            ),
            labour_section(code),
            print_frame(t.TITLE.format(country=name), to_url(state), shown_charts(state)),
        ],
        className="page page-country",
    )


def shown_charts(state: ProfileState) -> list[tuple[ChartId, object]]:
    """Every chart of the profile with the state it is drawn for."""
    labour = profile_state(state.iso3, snapshot_vocabulary())
    return [*[(c, state) for c in (*FINANCE_CHARTS, *DIASPORA_CHARTS, ChartId.PROFILE_SENDERS,
                                    ChartId.PROFILE_COSTS)],
            *[(c, labour) for c in LABOUR_CHARTS]]


# ---- headline cards ----------------------------------------------------------------------------

@memoize(as_json=True)
def cards(code: str) -> list:
    country = query.country_name(code)
    return [card(code, country, indicator, kind) for indicator, kind in CARDS]


def change_text(item: Headline, kind: str, unit: str, decimals: int) -> str:
    """The change since about five years before the latest value, in words."""
    if item.year is None:
        return ""
    if item.base_value is None:
        return t.CARD_CHANGE_NONE.format(year=item.year - 5)
    diff = item.value - item.base_value
    sign = "+" if round(diff, max(decimals, 1)) > 0 else ""
    if kind == "points":
        change = t.CHANGE_POINTS.format(sign=sign, value=format_number(diff, 1))
    elif kind == "relative" and item.base_value > 0:
        pct = diff / item.base_value * 100
        change = t.CHANGE_PERCENT.format(sign="+" if round(pct) > 0 else "",
                                         value=format_number(pct, 0))
    else:
        change = t.CHANGE_ABSOLUTE.format(sign=sign, value=format_value(diff, unit, decimals))
    return t.CARD_CHANGE.format(change=change, year=item.base_year)


def classification(code: str) -> list:
    """The country's region and income group, naming the classification's release."""
    countries = query.countries()
    row = countries[countries["country_code"] == code].iloc[0]
    if not isinstance(row["region"], str) or not isinstance(row["income_group"], str):
        return []
    source = tc.classification_source(query.classification_release(code))
    return [html.P(t.CLASSIFICATION.format(region=row["region"], income=row["income_group"],
                                           source=source),
                   id=Profile.CLASSIFICATION, className="profile-classification text-muted")]


def status_note(item: Headline, meta: dict) -> str | None:
    """What the card's value is when the source does not present it as observed, in words."""
    if item.status == "estimate":
        return t.CARD_ESTIMATE
    if item.status != "projection":
        return None
    if meta.get("population_basis"):
        return t.CARD_PROJECTION_SHARE.format(year=item.year)
    observed = [y for y, s in zip(item.years, item.statuses, strict=True) if s == "observed"]
    return t.CARD_PROJECTION.format(year=observed[-1]) if observed else t.CARD_PROJECTION_ONLY


def population_note(code: str, country: str, meta: dict) -> str | None:
    """For a ratio on a population, where the World Bank's and the UN's populations of the
    country differ (query.population_differences): which one the ratio uses."""
    if not meta.get("population_basis") or query.series_notes(meta["code"], code).empty:
        return None
    found = query.population_differences()
    row = found[found["country_code"] == code]
    if row.empty:
        return None
    return t.CARD_POPULATION_DIFFERS.format(
        country=country, pct=format_value(abs(float(row["max_diff_pct"].iloc[0])), "%", 0),
        year=int(row["max_diff_year"].iloc[0]))


def card(code: str, country: str, indicator: str, kind: str) -> html.Div:
    meta = query.indicator_meta(indicator)
    title = t.CARD_TITLES[indicator]
    item = headline(indicator, code)
    last = query.last_year(indicator)
    link = dcc.Link(t.CARD_COMPARE, className="card-compare no-print",
                    title=t.CARD_COMPARE_TITLE.format(title=title, country=country),
                    href=compare_url(CompareState(indicator=indicator, countries=(code,),
                                                  start=2000, end=last or 2000)))
    if item.year is None:
        return html.Div([html.H3(title, className="card-title"),
                         html.P(t.CARD_NO_DATA.format(country=country),
                                className="card-gap")],
                        className="profile-card profile-card-empty",
                        **{"data-indicator": indicator})
    unit = meta.get("unit_short") or ""
    decimals = int(meta.get("decimals") or 0)
    # The year beside the value; when it is the series' last year, how old that is.
    year = (query.indicator_age(indicator)["age_note"] if item.year == last
            else t.CARD_YEAR.format(year=item.year))
    notes = [t.CARD_OLD.format(year=item.year)] if last is not None and item.year < last else []
    status = status_note(item, meta)
    population = population_note(code, country, {**meta, "code": indicator})
    line = sparkline.create_figure(query.series(indicator, [code]),
                                   colour=theme.country_colour(code))
    return html.Div(
        [
            html.H3(title, className="card-title"),
            html.P([html.Span(format_value(item.value, unit, decimals), className="card-value"),
                    " ", html.Span(year, className="card-year")]),
            *([html.P(status, className="card-status")] if status else []),
            html.P(change_text(item, kind, unit, decimals), className="card-change"),
            *[html.P(note, className="card-gap") for note in notes],
            *([html.P(population, className="card-note")] if population else []),
            html.Div(dcc.Graph(figure=line, config=SPARKLINE_CONFIG, className="sparkline"),
                     role="img", **{"aria-label": t.SPARKLINE_LABEL.format(
                         title=title, years=f"{item.years[0]}–{item.years[-1]}")}),
            link,
        ],
        className="profile-card", **{"data-indicator": indicator,
                                     "data-status": item.status or ""},
    )
