"""Comparison view: one indicator, several countries, as chart, map, table and sources.

The page's first render carries the panel its tab shows, drawn; the other panels are drawn
when first shown (callbacks/compare.py), so a hidden map or table costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from types import ModuleType

import dash_ag_grid as dag
import pandas as pd
from dash import dcc, html

import charts
import query
from charts import compare_map, compare_series
from charts.indicator_units import decimals, value_unit
from exports.citation import citation as cite
from exports.metadata import indicator_entry
from figures import theme
from ids import ChartId, Compare, block, compare_panel
from layouts.chart_text import chart_text
from layouts.controls import dropdown, radio_group
from layouts.graph import graph
from layouts.printing import print_button, print_frame
from layouts.userdata import section as userdata_section
from pages import PageRequest
from pages.views import of_chart
from serving import absolute_url
from serving.cache import memoize
from state.compare import (
    PILOTS,
    TABS,
    CompareState,
    Notice,
    Vocabulary,
    snapshot_vocabulary,
    to_query,
    to_url,
)
from text import accessibility as ta
from text import common as tc
from text import compare as t
from text.numbers import format_year_span

TOPIC_ORDER = ("remittances", "diaspora", "labour", "context")
def tab_labels() -> dict[str, str]:
    """Each tab (in the order of state.compare.TABS) with its label."""
    return {"chart": t.TAB_CHART, "map": t.TAB_MAP, "table": t.TAB_TABLE,
            "sources": t.TAB_SOURCES}
# The chart is the view itself and is always drawn; the other panels are drawn when shown.
ALWAYS_DRAWN = ("chart",)


def drawn_panels(state: CompareState) -> tuple[str, ...]:
    """The panels kept up to date for `state`: the chart, and the tab being shown."""
    return tuple(tab for tab in TABS if tab in ALWAYS_DRAWN or tab == state.tab)


def layout(request: PageRequest) -> html.Div:
    state: CompareState = request.state
    vocab = snapshot_vocabulary()
    drawn = drawn_panels(state)
    shown = {**{tab: panel_key(tab, state) for tab in drawn},
             "notices": bool(request.notices)}
    panels = {tab: panel_values(tab, state) if tab in drawn else None for tab in TABS}
    return html.Div(
        [
            # What the address bar should show ({"search", "mode"}), written by the browser;
            # a back or forward step the page did not write; what each panel shows.
            dcc.Store(id=Compare.HISTORY, data=request.history(to_query(state))),
            dcc.Store(id=Compare.POPSTATE),
            dcc.Store(id=Compare.SHOWN, data=shown),
            dcc.Store(id=Compare.TAB_READY, data=state.tab),
            dcc.Store(id=Compare.INDICATOR_CHOSEN, data=state.indicator),
            # The chart's figure from the server ({"key", "figure"}).
            dcc.Store(id=Compare.CHART_FIGURE),
            dcc.Store(id=Compare.ADJUSTED),
            html.Div([html.H1(t.TITLE), print_button()], className="profile-head"),
            html.P(t.INTRO, className="lead-sm"),
            html.Div(notice_list(request.notices), id=Compare.NOTICES, role="status",
                     **{"aria-live": "polite"}),
            controls(state, vocab, query.indicators(), query.countries()),
            # Tabs are native radio buttons (arrow keys move between them); switching shows
            # another panel in the browser, and draws it on the server the first time.
            radio_group(ta.TABS_LABEL, dcc.RadioItems(
                id=Compare.TABS,
                value=state.tab,
                options=[{"label": label, "value": tab} for tab, label in tab_labels().items()],
                className="tab-switch",
                inputClassName="visually-hidden-focusable-input",
                labelClassName="tab-label",
            ), legend_hidden=True),
            # The key of the view the chart shows as first drawn (assets/js/compare.js).
            html.Div(chart_panel(state, panels["chart"]), id=compare_panel("chart"),
                     hidden=state.tab != "chart",
                     **{"data-chart-key": panel_key("chart", state)}),
            html.Div(map_panel(state, panels["map"]), id=compare_panel("map"),
                     hidden=state.tab != "map"),
            html.Div(table_panel(panels["table"]), id=compare_panel("table"),
                     hidden=state.tab != "table"),
            html.Div(html.Div(sources_panel(panels["sources"]), id=Compare.SOURCES,
                              className="tab-panel"),
                     id=compare_panel("sources"), hidden=state.tab != "sources"),
            userdata_section(),
            print_frame(t.TITLE, to_url(state), [(
                ChartId.COMPARE_MAP if state.tab == "map" else ChartId.COMPARE_SERIES, state)]),
        ],
        className="page page-compare",
    )


# ---- panels: what each tab shows, and the state it was drawn for ---------------------------------

def panel_key(tab: str, state: CompareState) -> str:
    """The view a panel shows: two states with the same key draw the same panel."""
    if tab == "chart":
        return to_query(compare_series.key(state))
    if tab == "map":
        return to_query(compare_map.key(state))
    return to_query(replace(state, tab=tab, scale="linear", year=None))


def panel_values(tab: str, state: CompareState) -> list:
    """The outputs of one panel, in the order of PANEL_OUTPUTS[tab]."""
    if tab == "chart":
        return [{"key": panel_key(tab, state),
                 "figure": charts.figure_json(ChartId.COMPARE_SERIES, state)},
                coverage(state), of_chart(ChartId.COMPARE_SERIES, state).url,
                chart_text(ChartId.COMPARE_SERIES, ChartId.COMPARE_SERIES, state)]
    if tab == "map":
        return [charts.figure_json(ChartId.COMPARE_MAP, state), compare_map.map_title(state),
                of_chart(ChartId.COMPARE_MAP, state).url,
                chart_text(ChartId.COMPARE_MAP, ChartId.COMPARE_MAP, state)]
    if tab == "table":
        return [table_grid(state)]
    return [sources(state)]


# (component id, property) of each panel's outputs, matching panel_values.
PANEL_OUTPUTS: dict[str, tuple[tuple[object, str], ...]] = {
    # The chart's figure goes to a store with its key: the browser draws it unless it has
    # already drawn that view itself (assets/js/compare.js).
    "chart": ((Compare.CHART_FIGURE, "data"), (Compare.COVERAGE, "children"),
              (block(ChartId.COMPARE_SERIES).view, "data"),
              (block(ChartId.COMPARE_SERIES).text, "children")),
    "map": ((ChartId.COMPARE_MAP, "figure"), (Compare.MAP_NOTE, "children"),
            (block(ChartId.COMPARE_MAP).view, "data"),
            (block(ChartId.COMPARE_MAP).text, "children")),
    "table": ((compare_panel("table"), "children"),),
    "sources": ((Compare.SOURCES, "children"),),
}


def chart_panel(state: CompareState, values: list | None) -> html.Div:
    drawn, covered, view_url, text = values or ({"key": None, "figure": None}, [], None, [])
    figure = drawn["figure"]
    return html.Div(
        html.Div(
            [
                html.Div(graph(ChartId.COMPARE_SERIES, t.TAB_CHART, figure, text=text,
                               view_url=view_url, embed=True), className="col-12 col-lg-9"),
                html.Aside(covered, id=Compare.COVERAGE, className="col-12 col-lg-3 coverage",
                           **{"aria-live": "polite"}),
            ],
            className="row g-3",
        ),
        className="tab-panel",
    )


def map_panel(state: CompareState, values: list | None) -> html.Div:
    figure, note, view_url, text = values or (None, "", None, [])
    return html.Div(
        [
            html.Label(t.MAP_YEAR_LABEL, htmlFor=Compare.MAP_YEAR, className="form-label"),
            dcc.Slider(id=Compare.MAP_YEAR, min=state.start, max=state.end, step=1,
                       value=state.year or state.end, marks=year_marks(state.start, state.end),
                       tooltip={"placement": "bottom"}),
            graph(ChartId.COMPARE_MAP, t.TAB_MAP, figure, text=text, view_url=view_url,
                  embed=True),
            html.Div(note, id=Compare.MAP_NOTE, className="coverage"),
        ],
        className="tab-panel",
    )


def table_panel(values: list | None) -> list:
    """The table is drawn when its tab is first shown, so the grid's code loads only then."""
    return values[0] if values else []


def sources_panel(values: list | None) -> list | None:
    """The sources panel's content from its panel values (None: not drawn yet)."""
    return values[0] if values else None


# ---- the pieces ---------------------------------------------------------------------------------

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


@memoize(as_json=True)
def coverage(state: CompareState) -> list:
    """One line per country: latest year with data, or that there is none in range."""
    state = compare_series.key(state)
    df = compare_series.process_data(state)
    years = format_year_span(state.start, state.end)
    total = state.end - state.start + 1
    lines = []
    for code in state.countries:
        name = query.country_name(code)
        rows = df[df["country_code"] == code]
        if rows.empty:
            found = query.latest(state.indicator, code)
            text = (t.COVERAGE_NONE_IN_RANGE.format(country=name, years=years, latest=found[0])
                    if found else t.COVERAGE_NEVER.format(country=name))
            lines.append(html.Li(text, className="coverage-missing"))
            continue
        items = [t.COVERAGE_LATEST.format(country=name, year=int(rows["year"].max()))]
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


STATUS_SUFFIX = " status"  # row field of a year's status: "2025 status"


def table_grid(state: CompareState) -> html.Div:
    """Countries as rows, years as columns: sortable, filterable, the country column pinned,
    with a CSV of the grid. A value the source does not present as observed carries a mark
    (P: projection, E: model estimate), explained under the caption with the series' age."""
    df = compare_series.process_data(compare_series.key(state))
    meta = query.indicator_meta(state.indicator)
    places = decimals(meta, state.transform)
    caption = t.TABLE_CAPTION.format(indicator=meta.get("short_name", state.indicator),
                                     unit=value_unit(meta, state.transform, state.base) or "–",
                                     years=format_year_span(state.start, state.end))
    rows: list[dict] = []
    years: list[int] = []
    statuses: set[str] = set()
    if not df.empty:
        wide = df.pivot_table(index="country_code", columns="year", values="value",
                              aggfunc="last")
        status = df.set_index(["country_code", "year"])["status"]
        years = sorted(int(y) for y in wide.columns)
        for code in [c for c in state.countries if c in wide.index]:
            row: dict = {"country": query.country_name(code)}
            for year, value in wide.loc[code].items():
                if pd.isna(value):
                    row[str(year)] = None
                    continue
                row[str(year)] = float(value)
                found = str(status.get((code, year), "observed"))
                if found in t.TABLE_STATUS_MARKS:
                    row[f"{year}{STATUS_SUFFIX}"] = found
                    statuses.add(found)
            rows.append(row)
    notes = [t.TABLE_STATUS_NOTE[s] for s in t.TABLE_STATUS_MARKS if s in statuses]
    age = query.indicator_age(state.indicator)["age_note"]
    return html.Div([
        html.Div([html.P(caption, className="table-caption"),
                  html.Ul([html.Li(note) for note in [*notes, t.TABLE_AGE.format(age=age)]],
                          className="table-notes")], id=Compare.TABLE_CAPTION),
        dag.AgGrid(
            id=Compare.TABLE,
            rowData=rows,
            columnDefs=table_columns(years, places),
            defaultColDef={"sortable": True, "resizable": True, "filter": True},
            # Every cell is in the page (at most 20 rows): all of it can be read, found and
            # printed, not only the columns scrolled into view.
            dashGridOptions={"domLayout": "autoHeight", "suppressMovableColumns": True,
                             "ensureDomOrder": True, "suppressColumnVirtualisation": True},
            csvExportParams={"fileName": f"{state.indicator}-table.csv"},
            className="ag-theme-quartz data-grid",
            style={"width": "100%"},
        ),
    ], className="tab-panel")


def table_columns(years: Iterable[int], places: int) -> list[dict]:
    def formatter(year: int) -> dict:
        field = f"params.data['{year}{STATUS_SUFFIX}']"
        marks = "".join(f"{field} === '{status}' ? ' {mark}' : "
                        for status, mark in t.TABLE_STATUS_MARKS.items())
        return {"function": f"params.value == null ? '–' : "
                            f"d3.format(',.{places}f')(params.value) + ({marks}'')"}

    return [{"headerName": t.TABLE_COUNTRY, "field": "country", "pinned": "left",
             "filter": "agTextColumnFilter", "minWidth": 160}] + [
        {"headerName": str(year), "field": str(year), "type": "numericColumn",
         "filter": "agNumberColumnFilter", "valueFormatter": formatter(year), "minWidth": 96}
        for year in years
    ]


def sources(state: CompareState) -> list:
    meta = query.indicator_meta(state.indicator)

    def entry(term: str, value: object) -> list:
        return [html.Dt(term), html.Dd(str(value))] if value else []

    # The one citation (exports.citation), naming the chart's view as its "Copy citation" does.
    citation = cite([indicator_entry(state.indicator, query.indicator_meta,
                                     query.get_snapshot().sources)],
                    date.today(), absolute_url(of_chart(ChartId.COMPARE_SERIES, state).url))
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
            html.P(citation, id=Compare.CITATION, className="citation"),
            dcc.Clipboard(target_id=Compare.CITATION, className="copy-button",
                          children=html.Button(t.SOURCES_COPY, type="button",
                                               className="btn btn-outline-secondary btn-sm")),
        ], className="citation-box"),
    ]


def indicator_info(indicator: str) -> list:
    meta = query.indicator_meta(indicator)
    return [html.Span(meta.get("unit", ""), className="info-unit"), " — ",
            short_definition(meta.get("definition"))]


# ---- controls -----------------------------------------------------------------------------------

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
        dropdown(id=component_id, options=country_options(countries), value=value,
                     multi=True, searchable=True, placeholder=texts.COUNTRIES_PLACEHOLDER,
                     maxHeight=360, labels={"no_options_found": texts.NO_OPTIONS}),
    ], className="col-12 col-lg-6")


# World Bank aggregates by kind (codes of the World Development Indicators); any other
# aggregate is "other". A region without its high-income economies is the closer peer group
# of a developing economy; the all-income region can be dominated by its rich members.
AGGREGATE_KINDS: dict[str, tuple[str, ...]] = {
    "regions_developing": ("EAP", "ECA", "LAC", "MNA", "SSA"),
    "regions_all": ("EAS", "ECS", "LCN", "MEA", "NAC", "SAS", "SSF"),
    "regions_lending": ("TEA", "TEC", "TLA", "TMN", "TSA", "TSS"),
    "income": ("LIC", "LMC", "UMC", "MIC", "LMY", "HIC"),
    "lending": ("IDX", "IDB", "IDA", "IBD", "IBT"),
}
HIGH_INCOME = "High income"
DEVELOPING_SUFFIX = " (excluding high income)"


def peer_regions(countries: pd.DataFrame) -> dict[str, tuple[list[str], bool]]:
    """The suggested peer aggregate of each pilot: its region without high-income economies
    (or the region itself when it has none). Aggregate code -> (pilot names, whether the
    region itself has no high-income economy)."""
    aggregates = countries[countries["aggregate"]]
    code_of = dict(zip(aggregates["name"], aggregates["country_code"], strict=True))
    places = countries[~countries["aggregate"]]
    found: dict[str, tuple[list[str], bool]] = {}
    for pilot in PILOTS:
        rows = places[places["country_code"] == pilot]
        if rows.empty or pd.isna(rows["region"].iloc[0]):
            continue
        region = str(rows["region"].iloc[0])
        members = places[places["region"] == region]
        no_high_income = not (members["income_group"] == HIGH_INCOME).any()
        code = code_of.get(region + DEVELOPING_SUFFIX) or (
            code_of.get(region) if no_high_income else None)
        if code is not None:
            names, _ = found.get(code, ([], no_high_income))
            found[code] = ([*names, str(rows["name"].iloc[0])], no_high_income)
    return found


def _heading(group: str) -> dict:
    heading = t.OPTION_GROUPS[group]
    return {"label": html.Span(heading, className="option-group"), "value": f"group:{group}",
            "disabled": True, "search": heading}


def _aggregate_option(code: str, name: str, note: str | None, title: str) -> dict:
    # A plain string, drawn at once with the list (a component label is drawn a moment later).
    label = name if not note else f"{name} · {note}"
    return {"label": label, "value": code, "title": title, "search": f"{name} {code}"}


@memoize(as_json=True)
def _country_options(codes: tuple[str, ...]) -> list[dict]:
    countries = query.countries()
    frame = countries[countries["country_code"].isin(codes)].sort_values("name")
    places = frame[~frame["aggregate"]]
    classification = tc.classification_source(query.classification_release())
    groups: dict[str, list[dict]] = {group: [] for group in t.OPTION_GROUPS}
    for row in places.itertuples(index=False):
        option = {"label": row.name, "value": row.country_code,
                  "search": f"{row.name} {row.country_code}"}
        if isinstance(row.region, str) and isinstance(row.income_group, str):
            option["title"] = t.OPTION_COUNTRY_TITLE.format(
                region=row.region, income=row.income_group, classification=classification)
        groups["pilots" if row.pilot else "countries"].append(option)
    pilot_order = {code: i for i, code in enumerate(PILOTS)}
    groups["pilots"].sort(key=lambda option: pilot_order.get(option["value"], len(PILOTS)))
    suggested = peer_regions(countries)
    kind_of = {code: kind for kind, members in AGGREGATE_KINDS.items() for code in members}
    for row in frame[frame["aggregate"]].itertuples(index=False):
        if row.country_code in suggested:
            pilots, no_high_income = suggested[row.country_code]
            names = ", ".join(pilots)
            key = "suggested_no_high_income" if no_high_income else "suggested"
            groups["suggested"].append(_aggregate_option(
                row.country_code, row.name,
                t.OPTION_NOTES["suggested"].format(pilots=names),
                t.OPTION_TITLES[key].format(pilots=names, classification=classification)))
            continue
        group = kind_of.get(row.country_code, "other")
        groups[group].append(_aggregate_option(
            row.country_code, row.name, t.OPTION_NOTES.get(group),
            t.OPTION_TITLES[group].format(classification=classification)))
    suggested_order = list(suggested)  # in the pilots' order
    groups["suggested"].sort(key=lambda option: suggested_order.index(option["value"]))
    return [option for group, options in groups.items() if options
            for option in (_heading(group), *options)]


def country_options(countries: pd.DataFrame) -> list[dict]:
    """Options of every country picker, under group headings: pilots, the suggested regional
    peer of each pilot (its region without high-income economies), countries, then the
    aggregates by kind, each explained on hover."""
    return _country_options(tuple(sorted(countries["country_code"])))


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
                        html.Label(t.INDICATOR_LABEL, htmlFor=Compare.INDICATOR,
                                   className="form-label"),
                        dropdown(id=Compare.INDICATOR,
                                     options=indicator_options(indicators),
                                     value=state.indicator, clearable=False, searchable=True,
                                     placeholder=t.INDICATOR_PLACEHOLDER, maxHeight=360,
                                     labels={"no_options_found": t.NO_OPTIONS}),
                        html.Div(indicator_info(state.indicator), id=Compare.INDICATOR_INFO,
                                 className="indicator-info"),
                    ], className="col-12 col-lg-6"),
                    country_picker(Compare.COUNTRIES, list(state.countries), countries, t),
                ],
                className="row g-3",
            ),
            html.Div(
                [
                    html.Div([
                        html.Label(t.YEARS_LABEL, htmlFor=Compare.YEARS, className="form-label"),
                        dcc.RangeSlider(id=Compare.YEARS, min=vocab.first_year,
                                        max=vocab.last_year, step=1,
                                        value=[state.start, state.end],
                                        marks=year_marks(vocab.first_year, vocab.last_year),
                                        allow_direct_input=True,
                                        tooltip={"placement": "bottom"}),
                    ], className="col-12 col-lg-5"),
                    html.Div([
                        radio_group(t.TRANSFORM_LABEL, dcc.RadioItems(
                            id=Compare.TRANSFORM,
                            options=transform_options(vocab.allowed_transforms(state.indicator)),
                            value=state.transform, className="choice-list")),
                        html.Div([
                            html.Label(t.BASE_LABEL, htmlFor=Compare.BASE,
                                       className="form-label"),
                            dropdown(id=Compare.BASE,
                                         options=base_options(state.start, state.end),
                                         value=state.base or state.start, clearable=False),
                        ], id=Compare.BASE_BOX, hidden=state.transform != "index",
                           className="base-box"),
                    ], className="col-12 col-md-8 col-lg-4"),
                    html.Div(radio_group(t.SCALE_LABEL, dcc.RadioItems(
                        id=Compare.SCALE,
                        options=[{"label": label, "value": scale}
                                 for scale, label in t.SCALES.items()],
                        value=state.scale, className="choice-list")),
                        className="col-12 col-md-4 col-lg-3"),
                ],
                className="row g-3 mt-1",
            ),
        ],
        className="compare-controls",
    )
