"""Country profile callbacks: URL <-> controls, and query -> figure builders for each section.

Figures are built by memoised "codes in, figure out" functions; the callbacks only wire the
page's inputs to them and to the text.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import ClientsideFunction, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

import query
from callbacks.router import query_params
from exports.bulk import sources_of_table
from figures import (
    corridor_costs,
    destinations_bar,
    destinations_map,
    finance_comparison,
    line_chart,
    ranked_bar,
    sparkline,
    theme,
)
from layouts import country as view
from layouts import resolve
from layouts.chart_sources import chart_footer
from layouts.compare import notice_list
from query.profile import FDI, ODA, REMITTANCES, Headline, headline, profile_facts, stock_years
from serving.cache import memoize
from state.compare import CompareState
from state.compare import to_query as compare_query
from state.country import CountryState, parse, to_query
from text import country as t
from text.numbers import format_number, format_prose, format_value
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
FINANCE = (REMITTANCES, ODA, FDI)
TOP_DESTINATIONS = 10
TREND_DESTINATIONS = 5
TOP_SENDERS = 10
EMPTY_HEIGHT = 140
SPARKLINE_CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": True}


# ---- figures: codes in, figure out ---------------------------------------------------------

def gap(message: str) -> go.Figure:
    """A short blank chart that says what is missing."""
    figure = theme.empty_figure(message)
    figure.update_layout(height=EMPTY_HEIGHT)
    return figure


@memoize()
def sparkline_figure(code: str, indicator: str) -> go.Figure:
    df = query.series(indicator, [code])
    return sparkline.create_figure(df, colour=theme.country_colour(code))


def finance_frame(code: str, measure: str) -> pd.DataFrame:
    transform = "pct_gdp" if measure == "pct_gdp" else "none"
    unit, decimals = ("%", 1) if measure == "pct_gdp" else ("US$", 0)
    parts = []
    for indicator in FINANCE:
        df = query.series(indicator, [code], transform=transform)
        df = df[df["value"].notna()]
        parts.append(pd.DataFrame({
            "series": indicator, "series_name": t.FINANCE_SERIES[indicator],
            "year": df["year"], "value": df["value"],
            "label": [format_value(v, unit, decimals) for v in df["value"]],
        }))
    return pd.concat(parts, ignore_index=True)


@memoize()
def finance_figure(code: str, measure: str) -> go.Figure:
    df = finance_frame(code, measure)
    if df.empty:
        return gap(t.FINANCE_EMPTY.format(country=query.country_name(code)))
    return finance_comparison.create_figure(
        df, y_title=t.FINANCE_AXIS[measure], order=list(FINANCE),
        export={"country_code": code, "country_name": query.country_name(code),
                "unit": t.FINANCE_AXIS[measure],
                "transform": "pct_gdp" if measure == "pct_gdp" else "none"})


def destinations_frame(code: str, year: int, n: int | None) -> pd.DataFrame:
    """Top destinations with the female and male counts alongside the total."""
    total = query.top_destinations(code, year=year, n=n)
    by_sex = {sex: query.top_destinations(code, year=year, n=None, sex=sex)
              .set_index("destination_code")["value"] for sex in ("female", "male")}
    return total.rename(columns={"value": "total"}).assign(
        female=total["destination_code"].map(by_sex["female"]),
        male=total["destination_code"].map(by_sex["male"]),
    )


def destinations_export(code: str, year: int | None = None) -> dict:
    """What a diaspora chart's downloads name (figures.theme.trace_meta): UN DESA migrant stock,
    persons, by destination of emigrants from `code`."""
    return {"indicator_code": "migrant_stock", "unit": t.DESTINATIONS_AXIS,
            **({"year": year} if year is not None else {}), "extra": {"origin_code": code}}


@memoize()
def destinations_bar_figure(code: str, year: int) -> go.Figure:
    df = destinations_frame(code, year, TOP_DESTINATIONS)
    if df.empty:
        return gap(t.DESTINATIONS_EMPTY.format(country=query.country_name(code), year=year))
    df = df.assign(label=[f"{format_number(v)} · {format_value(s, '%', 0)}"
                          for v, s in zip(df["total"], df["share_pct"], strict=True)])
    return destinations_bar.create_figure(
        df, x_title=t.DESTINATIONS_AXIS,
        sex_names={"female": t.FEMALE, "male": t.MALE, "total": t.TOTAL},
        export=destinations_export(code, year))


@memoize()
def destinations_map_figure(code: str, year: int) -> go.Figure:
    df = query.top_destinations(code, year=year, n=None)
    if df.empty:
        return gap(t.DESTINATIONS_EMPTY.format(country=query.country_name(code), year=year))
    df = df.assign(label=[format_number(v) for v in df["value"]])
    ticks = {power: format_prose(10 ** power) for power in range(0, 9)}
    return destinations_map.create_figure(df, origin=code, colorbar_title=t.DESTINATIONS_AXIS,
                                          tick_labels=ticks,
                                          export=destinations_export(code, year))


def trend_frame(code: str) -> tuple[pd.DataFrame, list[str]]:
    """Emigrants in the latest year's top destinations, every UN DESA year."""
    years = stock_years()
    top = query.top_destinations(code, year=years[-1], n=TREND_DESTINATIONS)
    wanted = list(top["destination_code"])
    parts = [query.top_destinations(code, year=year, n=None).assign(year=year)
             for year in years]
    df = pd.concat(parts, ignore_index=True)
    df = df[df["destination_code"].isin(wanted)]
    return pd.DataFrame({
        "country_code": df["destination_code"], "country_name": df["destination_name"],
        "year": df["year"], "value": df["value"],
        "label": [format_number(v) for v in df["value"]],
    }), wanted


@memoize()
def destinations_trend_figure(code: str) -> go.Figure:
    df, order = trend_frame(code)
    if df.empty:
        return gap(t.DESTINATIONS_EMPTY.format(country=query.country_name(code),
                                               year=stock_years()[-1]))
    figure = line_chart.create_figure(df, y_title=t.DESTINATIONS_AXIS, country_order=order,
                                      export=destinations_export(code))
    figure.update_layout(xaxis={"tickvals": stock_years()})
    return figure


@memoize()
def senders_figure(code: str) -> go.Figure:
    df = query.remittance_corridors(code, n=TOP_SENDERS)
    if df.empty:
        return gap(t.SENDERS_EMPTY.format(country=query.country_name(code)))
    df = pd.DataFrame({
        "country_code": df["sender_code"], "country_name": df["sender_name"],
        "value": df["value_usd_million"],
        "label": [format_value(v, "US$ million", 0) for v in df["value_usd_million"]],
    })
    return ranked_bar.create_figure(
        df, x_title=t.SENDERS_AXIS,
        export={"indicator_code": "remittance_matrix", "unit": t.SENDERS_AXIS, "year": 2018,
                "extra": {"receiver_code": code}})


@memoize()
def costs_figure(code: str) -> go.Figure:
    df = query.remittance_costs(code)
    if df.empty:
        return gap(t.COSTS_EMPTY.format(country=query.country_name(code)))
    df = df.assign(label=[format_value(v, "%", 1) for v in df["cost_pct"]])
    return corridor_costs.create_figure(
        df, y_title=t.COSTS_AXIS, target_label=t.COSTS_TARGET,
        export={"indicator_code": "remittance_costs", "unit": t.COSTS_AXIS,
                "extra": {"receiver_code": code}})


# ---- cards and notes ---------------------------------------------------------------------------

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


def card(code: str, country: str, indicator: str, kind: str) -> html.Div:
    meta = query.indicator_meta(indicator)
    title = t.CARD_TITLES[indicator]
    item = headline(indicator, code)
    link = dcc.Link(t.CARD_COMPARE, className="card-compare no-print",
                    title=t.CARD_COMPARE_TITLE.format(title=title, country=country),
                    href="/compare" + compare_query(CompareState(
                        indicator=indicator, countries=(code,), start=2000,
                        end=query.last_year(indicator) or 2000)))
    if item.year is None:
        return html.Div([html.H3(title, className="card-title"),
                         html.P(t.CARD_NO_DATA.format(country=country),
                                className="card-gap")],
                        className="profile-card profile-card-empty",
                        **{"data-indicator": indicator})
    unit = meta.get("unit_short") or ""
    decimals = int(meta.get("decimals") or 0)
    last = query.last_year(indicator)
    notes = [t.CARD_OLD.format(year=item.year)] if last is not None and item.year < last else []
    return html.Div(
        [
            html.H3(title, className="card-title"),
            html.P([html.Span(format_value(item.value, unit, decimals), className="card-value"),
                    " ", html.Span(t.CARD_YEAR.format(year=item.year), className="card-year")]),
            html.P(change_text(item, kind, unit, decimals), className="card-change"),
            *[html.P(note, className="card-gap") for note in notes],
            html.Div(dcc.Graph(figure=sparkline_figure(code, indicator),
                               config=SPARKLINE_CONFIG, className="sparkline"),
                     role="img", **{"aria-label": t.SPARKLINE_LABEL.format(
                         title=title, years=f"{item.years[0]}–{item.years[-1]}")}),
            link,
        ],
        className="profile-card", **{"data-indicator": indicator},
    )


def indicator_sources(indicators: list[str]) -> list[dict]:
    return [query.indicator_meta(code) for code in indicators]


def table_sources(table: str) -> list[dict]:
    found = sources_of_table(table, query.get_snapshot().sources)
    return [{"source": s["name"], "vintage": s["vintage"], "licence": s["licence"]}
            for s in found]


def costs_note(code: str, country: str) -> list:
    data_end = str(query.get_snapshot().remittance_costs["period"].max())
    df = query.remittance_costs(code)
    notes = [t.COSTS_ENDS.format(period=data_end)]
    if not df.empty:
        corridors = ", ".join(dict.fromkeys(df["sender_name"]))
        notes.append(t.COSTS_COVERAGE.format(corridors=corridors, first=df["period"].min(),
                                             last=df["period"].max()))
        if df["period"].max() < data_end:
            notes.append(t.COSTS_LATEST.format(country=country, period=df["period"].max()))
    return [html.P(note) for note in notes]


def finance_note(code: str, measure: str) -> str:
    df = finance_frame(code, measure)
    items, missing = [], []
    for indicator in FINANCE:
        rows = df[df["series"] == indicator]
        if rows.empty:
            missing.append(t.FINANCE_SERIES[indicator])
        else:
            items.append(t.FINANCE_LATEST_ITEM.format(series=t.FINANCE_SERIES[indicator],
                                                      year=int(rows["year"].max())))
    notes = [t.FINANCE_LATEST.format(items=", ".join(items))] if items else []
    if missing and items:
        notes.append(t.FINANCE_MISSING.format(country=query.country_name(code),
                                              series=", ".join(missing)))
    return " ".join(notes)


def sex_note(code: str, year: int) -> str:
    df = destinations_frame(code, year, TOP_DESTINATIONS)
    unsplit = df[df["female"].isna() | df["male"].isna()]
    return (t.DESTINATIONS_NO_SEX.format(places=", ".join(unsplit["destination_name"]))
            if len(unsplit) else "")


# ---- callbacks ---------------------------------------------------------------------------------

def render_profile(code: str | None) -> tuple:
    """Everything that does not depend on a control: summary, cards, senders, costs."""
    if not code:
        raise PreventUpdate
    country = query.country_name(code)
    cards = [card(code, country, indicator, kind) for indicator, kind in CARDS]
    return (
        [html.P(sentence) for sentence in summary(profile_facts(code))],
        cards,
        chart_footer(indicator_sources([indicator for indicator, _ in CARDS])),
        senders_figure(code),
        chart_footer(table_sources("remittance_matrix")),
        costs_figure(code),
        costs_note(code, country),
        chart_footer(table_sources("remittance_costs")),
    )


def render_finance(measure: str | None, code: str | None) -> tuple:
    if not code:
        raise PreventUpdate
    measure = measure if measure in t.FINANCE_MEASURES else "usd"
    country = query.country_name(code)
    downloads = [(t.DOWNLOAD_FINANCE.format(series=t.FINANCE_SERIES[i], country=country),
                  "/api/v1/data",
                  {"indicator": i, "countries": code,
                   "transform": "pct_gdp" if measure == "pct_gdp" else None})
                 for i in FINANCE]
    return (finance_figure(code, measure), finance_note(code, measure),
            chart_footer(indicator_sources(list(FINANCE)), downloads))


def render_destinations(year: int | None, code: str | None) -> tuple:
    if not code:
        raise PreventUpdate
    years = stock_years()
    year = int(year) if year in years else years[-1]
    country = query.country_name(code)
    downloads = [(t.DOWNLOAD_DIASPORA.format(country=country, year=year), "/api/v1/diaspora",
                  {"origin": code, "year": year})]
    return (
        t.DESTINATIONS_BAR_TITLE.format(year=year),
        destinations_bar_figure(code, year),
        sex_note(code, year),
        t.DESTINATIONS_MAP_TITLE.format(country=country, year=year),
        destinations_map_figure(code, year),
        t.DESTINATIONS_MAP_NOTE.format(country=country),
        t.DESTINATIONS_TREND_TITLE.format(first=years[0], last=years[-1]),
        destinations_trend_figure(code),
        chart_footer(table_sources("migrant_stock"), downloads),
    )


def sync(search: str | None, measure: str | None, year: int | None,
         pathname: str | None) -> tuple:
    """Controls -> address bar, and address bar (back/forward) -> controls."""
    page_layout, _, _ = resolve(pathname)
    if page_layout is not view.layout or ctx.triggered_id is None:
        raise PreventUpdate
    years = stock_years()
    if ctx.triggered_id == "country-url":
        state, notices = parse(query_params(search), years)
        return (no_update, state.measure if state.measure != measure else no_update,
                (state.year or years[-1]) if (state.year or years[-1]) != year else no_update,
                notice_list(notices))
    state = CountryState(measure if measure in t.FINANCE_MEASURES else "usd",
                         None if year in (None, years[-1]) else int(year))
    wanted = to_query(state)
    return (wanted if wanted != (search or "") else no_update, no_update, no_update, [])


def open_country(code: str | None) -> str:
    if not code:
        raise PreventUpdate
    return f"/country/{code}"


def register(app: Dash) -> None:
    app.callback(
        Output("country-summary", "children"),
        Output("country-cards", "children"),
        Output("country-cards-sources", "children"),
        Output("country-senders", "figure"),
        Output("country-senders-sources", "children"),
        Output("country-costs", "figure"),
        Output("country-costs-note", "children"),
        Output("country-costs-sources", "children"),
        Input("country-code", "data"),
    )(render_profile)
    app.callback(
        Output("country-finance", "figure"),
        Output("country-finance-note", "children"),
        Output("country-finance-sources", "children"),
        Input("country-measure", "value"),
        State("country-code", "data"),
    )(render_finance)
    app.callback(
        Output("country-destinations-title", "children"),
        Output("country-destinations-bar", "figure"),
        Output("country-destinations-note", "children"),
        Output("country-map-title", "children"),
        Output("country-destinations-map", "figure"),
        Output("country-map-note", "children"),
        Output("country-trend-title", "children"),
        Output("country-destinations-trend", "figure"),
        Output("country-diaspora-sources", "children"),
        Input("country-year", "value"),
        State("country-code", "data"),
    )(render_destinations)
    app.callback(
        Output("country-url", "search"),
        Output("country-measure", "value"),
        Output("country-year", "value"),
        Output("country-notices", "children"),
        Input("country-url", "search"),
        Input("country-measure", "value"),
        Input("country-year", "value"),
        State("country-url", "pathname"),
    )(sync)
    app.callback(Output("url", "pathname", allow_duplicate=True),
                 Input("country-picker", "value"), prevent_initial_call=True)(open_country)
    app.clientside_callback(
        ClientsideFunction("profile", "print"),
        Output("country-print", "title"),
        Input("country-print", "n_clicks"),
        prevent_initial_call=True,
    )
