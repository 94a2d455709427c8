"""Comparison view callbacks: URL <-> controls, then query -> figure builders.

The URL, the controls and two small stores stay in step through one callback (`sync`); the
chart/table and the map are rebuilt only when their own store changes. Scale and tab are pure
UI toggles handled in the browser (assets/js/compare.js).
"""

from __future__ import annotations

import pandas as pd
from dash import ClientsideFunction, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

import query
from callbacks.router import query_params
from figures import choropleth, line_chart, ranked_bar, theme
from layouts import compare as view
from layouts import resolve
from serving import memoize
from state.compare import (
    CompareState,
    canonical,
    default_state,
    from_dict,
    parse,
    snapshot_vocabulary,
    to_query,
)
from text import compare as t
from text.numbers import format_value, format_year_span

CONTROLS = (
    ("compare-indicator", "value"),
    ("compare-countries", "value"),
    ("compare-years", "value"),
    ("compare-transform", "value"),
    ("compare-base", "value"),
    ("compare-scale", "value"),
    ("compare-tabs", "value"),
    ("compare-map-year", "value"),
)
# Decimals and unit of values after a transform (None: the indicator's own).
TRANSFORM_DECIMALS = {"per_capita": 2, "pct_gdp": 2, "index": 1, "pct_change": 1}


# ---- URL <-> controls -------------------------------------------------------------------------

def state_from_controls(
    indicator: str | None,
    countries: list[str] | None,
    years: list[int] | None,
    transform: str | None,
    base: int | None,
    scale: str | None,
    tab: str | None,
    year: int | None,
    previous: CompareState,
) -> CompareState:
    """The state the controls show; anything missing keeps its previous value."""
    start, end = (sorted(int(y) for y in years) if years and len(years) == 2
                  else (previous.start, previous.end))
    return CompareState(
        indicator=indicator or previous.indicator,
        countries=tuple(countries or ()),
        start=start,
        end=end,
        tab=tab or previous.tab,
        transform=transform or "none",
        base=int(base) if base is not None else previous.base,
        scale=scale or previous.scale,
        year=int(year) if year is not None else previous.year,
    )


def sync(search: str | None, *args: object) -> tuple:
    *control_values, pathname, series_store, map_store, written = args
    page_layout, _, _ = resolve(pathname)
    if page_layout is not view.layout or ctx.triggered_id is None:
        raise PreventUpdate  # leaving the page, or its first render (already consistent)
    from_url = ctx.triggered_id == "compare-url"
    if from_url and written and search == written.get("search"):
        raise PreventUpdate  # the address bar reporting what this callback just wrote
    vocab = snapshot_vocabulary()
    if from_url:
        # A link, back or forward: the URL sets the controls; a non-canonical query is
        # replaced in place so history gains no entry.
        state, dropped = parse(query_params(search), vocab)
        notices = view.notice_list(dropped)
        mode = "replace"
    else:
        previous = from_dict(map_store) if map_store else default_state(vocab)
        indicator, countries, years, transform, base, scale, tab, year = control_values
        if ctx.triggered_id != "compare-map-year":
            year = previous.year  # the map year is set only by its own slider
        state = canonical(state_from_controls(indicator, countries, years, transform, base,
                                              scale, tab, year, previous), vocab)
        notices = []  # the notices described the link, not what the user has chosen since
        mode = "push"
    new_search = to_query(state)
    history = {"search": new_search, "mode": mode} if new_search != (search or "") else no_update
    series_query, map_query = view.split_state(state)
    allowed = vocab.allowed_transforms(state.indicator)
    return (
        history,
        *_changed(control_values, [
            state.indicator, list(state.countries), [state.start, state.end], state.transform,
            state.base or state.start, state.scale, state.tab, state.year or state.end,
        ]),
        view.transform_options(allowed),
        view.base_options(state.start, state.end),
        state.transform != "index",
        state.start,
        state.end,
        view.year_marks(state.start, state.end),
        series_query if series_query != _strip_year(series_store) else no_update,
        map_query if map_query != map_store else no_update,
        notices,
    )


def _changed(current: list, wanted: list) -> list:
    """Only the control values that differ, so a control being used is not reset."""
    return [no_update if now == new else new for now, new in zip(current, wanted, strict=True)]


def _strip_year(store: dict | None) -> dict | None:
    return None if store is None else {k: v for k, v in store.items() if k != "year"}


# ---- data -> figures ----------------------------------------------------------------------------

def value_unit(meta: dict, transform: str, base: int | None) -> str:
    unit = meta.get("unit_short") or meta.get("unit") or ""
    template = t.TRANSFORM_UNITS.get(transform)
    return template.format(unit=unit, base=base).strip() if template else unit


def axis_title(meta: dict, transform: str, base: int | None) -> str:
    """The value axis names the unit; the chart title names the indicator."""
    return str(meta.get("unit") or "") if transform == "none" else value_unit(meta, transform, base)


def export_fields(state: CompareState, meta: dict) -> dict:
    """What the chart's downloads name (figures.theme.trace_meta): indicator, unit, transform."""
    return {"indicator_code": state.indicator,
            "unit": value_unit(meta, state.transform, state.base),
            "transform": state.transform, "base": state.base}


def with_labels(df: pd.DataFrame, meta: dict, transform: str, base: int | None) -> pd.DataFrame:
    unit = value_unit(meta, transform, base)
    decimals = TRANSFORM_DECIMALS.get(transform, int(meta.get("decimals") or 0))
    if transform == "index":
        unit = ""
    return df.assign(label=[format_value(v, unit, decimals) for v in df["value"]])


def coverage(state: CompareState, df: pd.DataFrame, names: dict[str, str]) -> list:
    """One line per country: latest year with data, or that there is none in range."""
    years = format_year_span(state.start, state.end)
    total = state.end - state.start + 1
    lines = []
    for code in state.countries:
        name = names.get(code, code)
        rows = df[df["country_code"] == code]
        if rows.empty:
            found = query.latest(state.indicator, code)
            text = (t.COVERAGE_NONE_IN_RANGE.format(country=name, years=years, latest=found[0])
                    if found else t.COVERAGE_NEVER.format(country=name))
            lines.append(html.Li(text, className="coverage-missing"))
            continue
        latest = int(rows["year"].max())
        items = [t.COVERAGE_LATEST.format(country=name, year=latest)]
        missing = total - rows["year"].nunique()
        if missing > 0 and state.transform != "pct_change":
            items.append(t.COVERAGE_GAPS.format(count=missing, total=total))
        lines.append(html.Li(
            [html.Span(className="swatch", style={"background": theme.country_colour(code)}),
             "; ".join(items)]))
    last_year = query.last_year(state.indicator)
    notes = [html.P(t.INDICATOR_ENDS.format(year=last_year), className="coverage-end")] if (
        last_year is not None and last_year < state.end) else []
    return [html.H2(t.COVERAGE_TITLE, className="h6"), *notes, html.Ul(lines)] if lines else notes


def country_names(codes: list[str] | tuple[str, ...]) -> dict[str, str]:
    return {code: query.country_name(code) for code in codes}


def table(df: pd.DataFrame, state: CompareState, names: dict[str, str], decimals: int) -> tuple:
    if df.empty:
        return view.table_columns([], decimals), []
    wide = df.pivot_table(index="country_code", columns="year", values="value", aggfunc="last")
    years = sorted(int(y) for y in wide.columns)
    rows = []
    for code in [c for c in state.countries if c in wide.index]:
        row = {"country": names.get(code, code)}
        row.update({str(y): (None if pd.isna(v) else float(v))
                    for y, v in wide.loc[code].items()})
        rows.append(row)
    return view.table_columns(years, decimals), rows


def sources(meta: dict, state: CompareState) -> list:
    def entry(term: str, value: object) -> list:
        return [html.Dt(term), html.Dd(str(value))] if value else []

    citation = t.CITATION.format(source=meta.get("source", ""), name=meta.get("name", ""),
                                 code=state.indicator, vintage=meta.get("vintage", ""),
                                 url=meta.get("source_url", ""), licence=meta.get("licence", ""))
    shown = t.TRANSFORMS[state.transform] if state.transform != "none" else ""
    return [
        html.H2(meta.get("name", state.indicator), className="h4"),
        html.Dl([
            *entry(t.SOURCES_DEFINITION, meta.get("definition")),
            *entry(t.SOURCES_UNIT, meta.get("unit")),
            *entry(t.SOURCES_TRANSFORM, shown),
            *entry(t.SOURCES_FORMULA, meta.get("formula")),
            *entry(t.SOURCES_SOURCE, meta.get("source")),
            *entry(t.SOURCES_LICENCE, meta.get("licence")),
            *entry(t.SOURCES_VINTAGE, meta.get("vintage")),
            *entry(t.SOURCES_CODE, state.indicator),
        ], className="sources-list"),
        html.H3(t.SOURCES_CITATION, className="h5"),
        html.Div([
            html.P(citation, id="compare-citation", className="citation"),
            dcc.Clipboard(target_id="compare-citation", title=t.SOURCES_COPY,
                          className="copy-button"),
        ], className="citation-box"),
    ]


def indicator_info(meta: dict) -> list:
    return [html.Span(meta.get("unit", ""), className="info-unit"), " — ",
            view.short_definition(meta.get("definition"))]


def build_series_views(series_store: dict, scale: str | None) -> tuple:
    """Chart, coverage, table, sources and indicator summary for the chosen series."""
    state = from_dict({**series_store, "year": None})
    meta = query.indicator_meta(state.indicator)
    names = country_names(state.countries)
    log = scale == "log"
    years = format_year_span(state.start, state.end)
    df = query.series(state.indicator, list(state.countries), start=state.start, end=state.end,
                      transform=state.transform, base=state.base) if state.countries else None
    df = df if df is not None else pd.DataFrame(columns=line_chart.COLUMNS)
    df = with_labels(df[df["value"].notna()], meta, state.transform, state.base)
    title = axis_title(meta, state.transform, state.base)
    if not state.countries:
        figure = theme.empty_figure(t.EMPTY_NO_COUNTRIES)
    elif df.empty:
        figure = theme.empty_figure(t.EMPTY_NO_DATA.format(years=years))
    elif state.start == state.end:
        figure = ranked_bar.create_figure(df, x_title=title, log=log,
                                          export=export_fields(state, meta))
    else:
        figure = line_chart.create_figure(df, y_title=title, log=log,
                                          country_order=list(state.countries),
                                          export=export_fields(state, meta))
    if state.countries and not df.empty:
        figure.update_layout(title={"text": t.CHART_LABEL.format(
            indicator=meta.get("short_name", state.indicator), years=years), "x": 0,
            "xanchor": "left"}, margin={"t": 56})
    decimals = TRANSFORM_DECIMALS.get(state.transform, int(meta.get("decimals") or 0))
    columns, rows = table(df, state, names, decimals)
    caption = t.TABLE_CAPTION.format(indicator=meta.get("short_name", state.indicator),
                                     unit=value_unit(meta, state.transform, state.base) or "–",
                                     years=years)
    return (figure, coverage(state, df, names), columns, rows, caption, sources(meta, state),
            indicator_info(meta))


def build_map(map_store: dict) -> tuple:
    state = from_dict(map_store)
    meta = query.indicator_meta(state.indicator)
    snap = query.get_snapshot()
    places = snap.countries.loc[~snap.countries["aggregate"], "country_code"].tolist()
    year = state.year or query.last_year(state.indicator, state.start, state.end)
    if year is None:
        return theme.empty_figure(t.EMPTY_NO_DATA.format(
            years=format_year_span(state.start, state.end))), ""
    df = query.series(state.indicator, places, start=year, end=year,
                      transform=state.transform, base=state.base)
    df = df[df["value"].notna()]
    if df.empty:
        return theme.empty_figure(t.EMPTY_MAP.format(year=year)), ""
    df = with_labels(df, meta, state.transform, state.base)
    figure = choropleth.create_figure(
        df, colorbar_title=value_unit(meta, state.transform, state.base),
        highlight=list(state.countries), no_data_label=t.MAP_NO_DATA,
        export=export_fields(state, meta))
    return figure, t.MAP_LABEL.format(indicator=meta.get("short_name", state.indicator),
                                      year=year)


def register(app: Dash) -> None:
    app.callback(
        Output("compare-history", "data"),
        *(Output(cid, prop) for cid, prop in CONTROLS),
        Output("compare-transform", "options"),
        Output("compare-base", "options"),
        Output("compare-base-box", "hidden"),
        Output("compare-map-year", "min"),
        Output("compare-map-year", "max"),
        Output("compare-map-year", "marks"),
        Output("compare-series-query", "data"),
        Output("compare-map-query", "data"),
        Output("compare-notices", "children"),
        Input("compare-url", "search"),
        *(Input(cid, prop) for cid, prop in CONTROLS),
        State("compare-url", "pathname"),
        State("compare-series-query", "data"),
        State("compare-map-query", "data"),
        State("compare-history", "data"),
    )(sync)

    app.callback(
        Output("compare-chart", "figure"),
        Output("compare-coverage", "children"),
        Output("compare-table", "columns"),
        Output("compare-table", "data"),
        Output("compare-table-caption", "children"),
        Output("compare-sources", "children"),
        Output("compare-indicator-info", "children"),
        Input("compare-series-query", "data"),
        State("compare-scale", "value"),
    )(memoize(as_json=True)(build_series_views))  # pure: one build per state, then cached

    app.callback(
        Output("compare-map", "figure"),
        Output("compare-map-note", "children"),
        Input("compare-map-query", "data"),
    )(memoize(as_json=True)(build_map))

    # Pure UI toggles run in the browser: the scale changes the axis of the figure in place
    # and the tab switch shows another panel. The address bar is written there too.
    app.clientside_callback(
        ClientsideFunction("compare", "applyScale"),
        Output("compare-chart", "figure", allow_duplicate=True),
        Input("compare-scale", "value"),
        State("compare-chart", "figure"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("compare", "showPanel"),
        *(Output(f"compare-panel-{tab}", "hidden") for tab in view.TAB_LABELS),
        Input("compare-tabs", "value"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("compare", "writeHistory"),
        Output("compare-history", "modified_timestamp"),
        Input("compare-history", "data"),
        prevent_initial_call=True,
    )
