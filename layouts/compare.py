"""Comparison view: one indicator, several countries, as chart, map, table and sources."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

import pandas as pd
from dash import dash_table, dcc, html

from layouts.graph import graph
from state.compare import (
    CompareState,
    Notice,
    Vocabulary,
    as_dict,
    parse,
    snapshot_vocabulary,
)
from text import common as tc
from text import compare as t
from text.numbers import d3_format, format_year_span

TOPIC_ORDER = ("remittances", "diaspora", "labour", "context")
TAB_LABELS = {"chart": t.TAB_CHART, "map": t.TAB_MAP, "table": t.TAB_TABLE,
              "sources": t.TAB_SOURCES}


def layout(**params: str) -> html.Div:
    try:
        from query import get_snapshot

        vocab = snapshot_vocabulary()
        snap = get_snapshot()
    except Exception:  # a missing or corrupt snapshot is a message on the page, not a crash
        return html.Div(
            [html.H1(t.TITLE), html.P(tc.DATA_UNAVAILABLE, className="alert alert-warning")],
            className="page",
        )
    state, notices = parse(params, vocab)
    return view(state, notices, vocab, snap.indicators, snap.countries)


def view(
    state: CompareState,
    notices: list[Notice],
    vocab: Vocabulary,
    indicators: pd.DataFrame,
    countries: pd.DataFrame,
) -> html.Div:
    series_query, map_query = split_state(state)
    return html.Div(
        [
            # The page's own view of the address bar: it reports links, back and forward.
            # Changes are written by compare-history (push for a user's change, replace for
            # a link made canonical).
            dcc.Location(id="compare-url", refresh=False),
            dcc.Store(id="compare-history"),
            dcc.Store(id="compare-series-query", data=series_query),
            dcc.Store(id="compare-map-query", data=map_query),
            html.H1(t.TITLE),
            html.P(t.INTRO, className="lead-sm"),
            html.Div(notice_list(notices), id="compare-notices", role="status",
                     **{"aria-live": "polite"}),
            controls(state, vocab, indicators, countries),
            # Tabs are native radio buttons (arrow keys move between them); switching only
            # shows another panel, in the browser.
            dcc.RadioItems(
                id="compare-tabs",
                value=state.tab,
                options=[{"label": label, "value": tab} for tab, label in TAB_LABELS.items()],
                className="tab-switch",
                inputClassName="visually-hidden-focusable-input",
                labelClassName="tab-label",
            ),
            html.Div(chart_panel(), id="compare-panel-chart", hidden=state.tab != "chart"),
            html.Div(map_panel(state), id="compare-panel-map", hidden=state.tab != "map"),
            html.Div(table_panel(), id="compare-panel-table", hidden=state.tab != "table"),
            html.Div(html.Div(id="compare-sources", className="tab-panel"),
                     id="compare-panel-sources", hidden=state.tab != "sources"),
        ],
        className="page page-compare",
    )


def split_state(state: CompareState) -> tuple[dict, dict]:
    """What the chart and table depend on, and what the map depends on. Scale and tab are
    left out: changing them never rebuilds a figure on the server."""
    data = as_dict(state)
    series = {k: data[k] for k in ("indicator", "countries", "start", "end", "transform", "base")}
    return series, {**series, "year": data["year"]}


def notice_list(notices: Iterable[Notice]) -> list:
    items = [
        html.Li(t.NOTICE_REASONS[n.reason].format(param=t.PARAM_NAMES.get(n.param, n.param),
                                                  value=n.value))
        for n in notices
    ]
    if not items:
        return []
    return [html.Div([html.Strong(t.NOTICE_TITLE), html.Ul(items)],
                     className="alert alert-warning compare-notice")]


def indicator_options(indicators: pd.DataFrame) -> list[dict]:
    """Indicators grouped by topic under disabled headings; searchable by name, code and unit."""
    options: list[dict] = []
    for topic in TOPIC_ORDER:
        rows = indicators[indicators["topic"] == topic].sort_values("short_name")
        if rows.empty:
            continue
        heading = t.TOPICS.get(topic, topic)
        options.append({"label": html.Span(heading, className="option-group"),
                        "value": f"topic:{topic}", "disabled": True, "search": heading})
        for row in rows.itertuples(index=False):
            options.append({
                "label": html.Span([row.short_name] + ([] if row.unit in row.short_name else [
                    html.Span(f" · {row.unit}", className="option-unit")])),
                "value": row.code,
                "title": short_definition(row.definition),
                "search": f"{row.short_name} {row.name} {row.code} {row.unit} {heading}",
            })
    return options


def short_definition(text: str | None, limit: int = 160) -> str:
    """The definition's first sentence, cut at a word if still long."""
    text = (text or "").strip()
    first = text.split(". ")[0].rstrip(".") + "." if text else ""
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def country_picker(component_id: str, value: list[str], countries: pd.DataFrame,
                   texts: ModuleType) -> html.Div:
    """The labelled multi-country dropdown; `texts` is the page's text module (COUNTRIES_LABEL,
    COUNTRIES_PLACEHOLDER, NO_OPTIONS)."""
    return html.Div([
        html.Label(texts.COUNTRIES_LABEL, htmlFor=component_id, className="form-label"),
        dcc.Dropdown(id=component_id, options=country_options(countries), value=value,
                     multi=True, searchable=True, placeholder=texts.COUNTRIES_PLACEHOLDER,
                     maxHeight=360, labels={"no_options_found": texts.NO_OPTIONS}),
    ], className="col-12 col-lg-6")


def country_options(countries: pd.DataFrame) -> list[dict]:
    """Pilots first, then countries, then regions and income groups."""
    frame = countries.assign(
        group=countries["pilot"].map({True: 0, False: 1}).where(~countries["aggregate"], 2)
    ).sort_values(["group", "name"])
    return [
        {"label": row.name, "value": row.country_code,
         "search": f"{row.name} {row.country_code}"}
        for row in frame.itertuples(index=False)
    ]


def transform_options(allowed: Iterable[str]) -> list[dict]:
    return [{"label": t.TRANSFORMS[name], "value": name} for name in allowed]


def year_marks(first: int, last: int) -> dict[int, str]:
    # Decades between the ends, leaving room so end labels never overlap a decade label.
    marks = {year: str(year) for year in range(first - first % 20 + 20, last - 5, 20)
             if year - first > 5}
    return {first: str(first), **marks, last: str(last)}


def base_options(start: int, end: int) -> list[dict]:
    return [{"label": str(year), "value": year} for year in range(start, end + 1)]


def controls(
    state: CompareState, vocab: Vocabulary, indicators: pd.DataFrame, countries: pd.DataFrame
) -> html.Div:
    return html.Div(
        [
            html.Div(
                [
                    html.Div([
                        html.Label(t.INDICATOR_LABEL, htmlFor="compare-indicator",
                                   className="form-label"),
                        dcc.Dropdown(id="compare-indicator", options=indicator_options(indicators),
                                     value=state.indicator, clearable=False, searchable=True,
                                     placeholder=t.INDICATOR_PLACEHOLDER, maxHeight=360,
                                     labels={"no_options_found": t.NO_OPTIONS}),
                        html.Div(id="compare-indicator-info", className="indicator-info"),
                    ], className="col-12 col-lg-6"),
                    country_picker("compare-countries", list(state.countries), countries, t),
                ],
                className="row g-3",
            ),
            html.Div(
                [
                    html.Div([
                        html.Label(t.YEARS_LABEL, htmlFor="compare-years", className="form-label"),
                        dcc.RangeSlider(id="compare-years", min=vocab.first_year,
                                        max=vocab.last_year, step=1,
                                        value=[state.start, state.end],
                                        marks=year_marks(vocab.first_year, vocab.last_year),
                                        allow_direct_input=True,
                                        tooltip={"placement": "bottom"}),
                    ], className="col-12 col-lg-5"),
                    html.Div([
                        html.Label(t.TRANSFORM_LABEL, htmlFor="compare-transform",
                                   className="form-label"),
                        dcc.RadioItems(id="compare-transform",
                                       options=transform_options(
                                           vocab.allowed_transforms(state.indicator)),
                                       value=state.transform, className="choice-list"),
                        html.Div([
                            html.Label(t.BASE_LABEL, htmlFor="compare-base",
                                       className="form-label"),
                            dcc.Dropdown(id="compare-base",
                                         options=base_options(state.start, state.end),
                                         value=state.base or state.start, clearable=False),
                        ], id="compare-base-box", hidden=state.transform != "index",
                           className="base-box"),
                    ], className="col-12 col-md-8 col-lg-4"),
                    html.Div([
                        html.Label(t.SCALE_LABEL, htmlFor="compare-scale", className="form-label"),
                        dcc.RadioItems(id="compare-scale",
                                       options=[{"label": label, "value": scale}
                                                for scale, label in t.SCALES.items()],
                                       value=state.scale, className="choice-list"),
                    ], className="col-12 col-md-4 col-lg-3"),
                ],
                className="row g-3 mt-1",
            ),
        ],
        className="compare-controls",
    )


def chart_panel() -> html.Div:
    return html.Div(
        html.Div(
            [
                html.Div(dcc.Loading(graph("compare-chart", t.TAB_CHART, embed=True), type="dot",
                                     delay_show=300),
                         className="col-12 col-lg-9"),
                html.Aside(id="compare-coverage", className="col-12 col-lg-3 coverage",
                           **{"aria-live": "polite"}),
            ],
            className="row g-3",
        ),
        className="tab-panel",
    )


def map_panel(state: CompareState) -> html.Div:
    return html.Div(
        [
            html.Label(t.MAP_YEAR_LABEL, htmlFor="compare-map-year", className="form-label"),
            dcc.Slider(id="compare-map-year", min=state.start, max=state.end, step=1,
                       value=state.year or state.end, marks=year_marks(state.start, state.end),
                       tooltip={"placement": "bottom"}),
            dcc.Loading(graph("compare-map", t.TAB_MAP, embed=True), type="dot", delay_show=300),
            html.Div(id="compare-map-note", className="coverage"),
        ],
        className="tab-panel",
    )


def table_panel() -> html.Div:
    return html.Div(
        [
            html.P(id="compare-table-caption", className="table-caption"),
            dash_table.DataTable(
                id="compare-table",
                sort_action="native",
                style_table={"overflowX": "auto", "maxWidth": "100%"},
                style_cell={"fontFamily": "inherit", "fontSize": "1rem", "padding": "0.4rem",
                            "textAlign": "right", "minWidth": "4.5rem"},
                style_cell_conditional=[{"if": {"column_id": "country"}, "textAlign": "left"}],
                style_header={"fontWeight": "700", "backgroundColor": "#f6f8fa"},
                style_as_list_view=True,
            ),
        ],
        className="tab-panel",
    )


def table_columns(years: Iterable[int], decimals: int) -> list[dict]:
    numeric = {"specifier": d3_format(decimals), "nully": "–"}
    return [{"name": t.TABLE_COUNTRY, "id": "country", "type": "text"}] + [
        {"name": str(year), "id": str(year), "type": "numeric", "format": numeric}
        for year in years
    ]


def year_span(start: int, end: int) -> str:
    return format_year_span(start, end)
