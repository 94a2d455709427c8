"""Labour flows view (/labour) and the labour section of a country profile.

The page holds controls, a store with the view's state and an empty content area; the
content (charts, caveats) is filled by callbacks/labour.py from the store. A profile section
is the same content area with its own store, fixed to one country.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from layouts.compare import country_options, notice_list
from layouts.graph import graph
from state.compare import PILOTS
from state.labour import LabourState, as_dict, parse, to_query
from text import common as tc
from text import labour as t

PAGE_PREFIX = "labour"
PROFILE_PREFIX = "labour-profile"
# Sources shown in the panel, in order; the catalogue codes whose definitions are quoted.
SOURCE_IDS = ("abel_cohen_flows_2022_migviz", "undesa_migflow_2015", "wdi_datasets_labour",
              "wdi_datasets")
WDI_CODES = ("SL.TLF.CACT.FE.ZS", "SL.TLF.CACT.MA.ZS", "SL.UEM.1524.FE.ZS", "SL.UEM.1524.MA.ZS",
             "SL.TLF.TOTL.IN", "SP.POP.TOTL")


def layout(**params: str) -> html.Div:
    try:
        from query import get_snapshot
        from state.compare import snapshot_vocabulary

        vocab = snapshot_vocabulary()
        snap = get_snapshot()
    except Exception:  # a missing or corrupt snapshot is a message on the page, not a crash
        return html.Div([html.H1(t.TITLE),
                         html.P(tc.DATA_UNAVAILABLE, className="alert alert-warning")],
                        className="page")
    state, notices = parse(params, vocab)
    return view(state, notices, snap.countries, snap.sources, snap.indicators)


def view(
    state: LabourState,
    notices: list,
    countries: pd.DataFrame,
    sources: pd.DataFrame,
    indicators: pd.DataFrame,
) -> html.Div:
    places = countries[~countries["aggregate"]]
    return html.Div(
        [
            dcc.Location(id="labour-url", refresh=False),
            dcc.Store(id="labour-written", data=to_query(state)),
            html.H1(t.TITLE),
            html.P(t.INTRO, className="lead-sm"),
            html.Div(notice_list(notices), id="labour-notices", role="status",
                     **{"aria-live": "polite"}),
            controls(state, places),
            content_area(PAGE_PREFIX, state),
            sources_panel(sources, indicators),
        ],
        className="page page-labour",
    )


def controls(state: LabourState, countries: pd.DataFrame) -> html.Div:
    options = country_options(countries)
    return html.Div(
        html.Div(
            [
                html.Div([
                    html.Label(t.COUNTRY_LABEL, htmlFor="labour-country", className="form-label"),
                    dcc.Dropdown(id="labour-country", options=options, value=state.country,
                                 clearable=False, searchable=True, maxHeight=360,
                                 labels={"no_options_found": t.NO_OPTIONS}),
                ], className="col-12 col-lg-4"),
                html.Div([
                    html.Label(t.COUNTRIES_LABEL, htmlFor="labour-countries",
                               className="form-label"),
                    dcc.Dropdown(id="labour-countries", options=options,
                                 value=list(state.countries), multi=True, searchable=True,
                                 placeholder=t.COUNTRIES_PLACEHOLDER, maxHeight=360,
                                 labels={"no_options_found": t.NO_OPTIONS}),
                ], className="col-12 col-lg-8"),
            ],
            className="row g-3",
        ),
        className="compare-controls",
    )


def content_area(prefix: str, state: LabourState) -> html.Div:
    """The store a callback reads and the area it fills with the charts for that state."""
    return html.Div(
        [
            dcc.Store(id=f"{prefix}-query", data=as_dict(state)),
            dcc.Loading(html.Div(id=f"{prefix}-content"), type="dot", delay_show=300),
        ]
    )


def profile_section(iso3: str) -> html.Section:
    """The labour section of a country profile: the country's flows and labour market, and its
    emigration rate beside the pilot countries."""
    compared = tuple(dict.fromkeys([iso3, *PILOTS]))
    state = LabourState(iso3, compared)
    return html.Section(
        [
            html.H2(t.PROFILE_TITLE),
            content_area(PROFILE_PREFIX, state),
            dcc.Link(t.OPEN_FULL_VIEW, href=f"/labour{to_query(state)}"),
        ],
        className="labour-profile",
    )


# ---- pieces the callback fills in ------------------------------------------------------------

def chart_section(
    graph_id: str, title: str, figure: object, notes: list, extra: list | None = None
) -> html.Section:
    """One chart with its heading and the caveats printed under it (never hidden)."""
    return html.Section(
        [
            html.H2(title, className="h4 mt-4"),
            graph(graph_id, title, figure=figure),
            html.Div([html.P(note, className="chart-note") for note in notes],
                     className="coverage chart-notes"),
            *(extra or []),
        ],
        className="labour-chart",
    )


def how_each_counts(rows: list[tuple[str, str]]) -> list:
    """The definitions behind the annual-flow lines, one item per destination."""
    if not rows:
        return []
    return [html.H3(t.ANNUAL_HOW_TITLE, className="h5"),
            html.Ul([html.Li([html.Strong(f"{name}: "), definition])
                     for name, definition in rows], className="how-each-counts")]


def sources_panel(sources: pd.DataFrame, indicators: pd.DataFrame) -> html.Section:
    """Definition, source, licence, vintage and citation of every source on the page."""
    by_id = sources.set_index("source_id")
    catalogue = indicators.set_index("code")
    blocks = []
    for source_id in SOURCE_IDS:
        if source_id not in by_id.index:
            continue
        row = by_id.loc[source_id]
        if source_id in t.SOURCE_DEFINITIONS:
            definition: object = t.SOURCE_DEFINITIONS[source_id]
        else:
            codes = [c for c in WDI_CODES if c in catalogue.index
                     and catalogue.loc[c, "source_id"] == source_id]
            definition = html.Ul([html.Li([html.Strong(f"{catalogue.loc[c, 'name']} ({c}): "),
                                           catalogue.loc[c, "definition"]]) for c in codes])
        citation = t.CITATION.format(citation=row["citation"], licence=row["licence"],
                                     vintage=row["vintage"], site=t.SITE_NAME)
        citation_id = f"labour-citation-{source_id.replace('_', '-')}"
        blocks.append(html.Div([
            html.H3(f"{row['publisher']}: {row['name']}", className="h5 mt-3"),
            html.Dl([
                html.Dt(t.SOURCES_USED_FOR), html.Dd(t.USED_FOR.get(source_id, "")),
                html.Dt(t.SOURCES_DEFINITION), html.Dd(definition),
                html.Dt(t.SOURCES_SOURCE), html.Dd(html.A(row["url"], href=row["url"])),
                html.Dt(t.SOURCES_LICENCE), html.Dd(row["licence"]),
                html.Dt(t.SOURCES_VINTAGE), html.Dd(row["vintage"]),
            ], className="sources-list"),
            html.Div([html.P(citation, id=citation_id, className="citation"),
                      dcc.Clipboard(target_id=citation_id, title=t.COPY_CITATION,
                                    className="copy-button")],
                     className="citation-box"),
        ], className="labour-source"))
    return html.Section([html.H2(t.SOURCES_TITLE, className="mt-5"), *blocks],
                        id="labour-sources", className="labour-sources")
