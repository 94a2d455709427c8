"""Labour flows view (/labour) and the labour section of a country profile.

Both show the four labour charts (charts/labour_*.py) as chart blocks, drawn in the first
render; on /labour the controls redraw the blocks whose view changed (callbacks/labour.py).
A profile's section is the labour view of that country, compared with the pilots.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from dash import dcc, html

import query
from exports.citation import citation as cite
from exports.metadata import source_entry
from ids import ChartId, Labour
from layouts.blocks import chart_block
from layouts.compare import country_options, notice_list
from layouts.controls import dropdown
from layouts.printing import print_button, print_frame
from pages import PageRequest
from serving import absolute_url
from state.compare import snapshot_vocabulary
from state.labour import LabourState, profile_state, to_query
from state.labour import to_url as labour_url
from text import labour as t

CHARTS = (ChartId.LABOUR_DESTINATIONS, ChartId.LABOUR_ANNUAL, ChartId.LABOUR_MARKET,
          ChartId.LABOUR_RATE)
# Sources shown in the panel, in order; the catalogue codes whose definitions are quoted.
SOURCE_IDS = ("abel_cohen_flows_2022_migviz", "undesa_migflow_2015", "wdi_datasets_labour",
              "wdi_datasets")
WDI_CODES = ("SL.TLF.CACT.FE.ZS", "SL.TLF.CACT.MA.ZS", "SL.UEM.1524.FE.ZS", "SL.UEM.1524.MA.ZS",
             "SL.TLF.TOTL.IN", "SP.POP.TOTL")


def layout(request: PageRequest) -> html.Div:
    state: LabourState = request.state
    countries = query.countries()
    places = countries[~countries["aggregate"]]
    return html.Div(
        [
            dcc.Store(id=Labour.HISTORY, data=request.history(to_query(state))),
            dcc.Store(id=Labour.POPSTATE),
            html.Div([html.H1(t.TITLE), print_button()], className="profile-head"),
            html.P(t.INTRO, className="lead-sm"),
            html.Div(notice_list(request.notices), id=Labour.NOTICES, role="status",
                     **{"aria-live": "polite"}),
            controls(state, places),
            *charts(state),
            sources_panel(query.get_snapshot().sources, query.indicators(),
                          absolute_url(labour_url(state))),
            print_frame(t.TITLE, labour_url(state), [(c, state) for c in CHARTS]),
        ],
        className="page page-labour",
    )


def charts(state: LabourState) -> list[html.Section]:
    return [chart_block(chart, state, heading="h2") for chart in CHARTS]


def controls(state: LabourState, countries: pd.DataFrame) -> html.Div:
    options = country_options(countries)
    return html.Div(
        html.Div(
            [
                html.Div([
                    html.Label(t.COUNTRY_LABEL, htmlFor=Labour.COUNTRY, className="form-label"),
                    dropdown(id=Labour.COUNTRY, options=options, value=state.country,
                                 clearable=False, searchable=True, maxHeight=360,
                                 labels={"no_options_found": t.NO_OPTIONS}),
                ], className="col-12 col-lg-4"),
                html.Div([
                    html.Label(t.COUNTRIES_LABEL, htmlFor=Labour.COUNTRIES,
                               className="form-label"),
                    dropdown(id=Labour.COUNTRIES, options=options,
                                 value=list(state.countries), multi=True, searchable=True,
                                 placeholder=t.COUNTRIES_PLACEHOLDER, maxHeight=360,
                                 labels={"no_options_found": t.NO_OPTIONS}),
                ], className="col-12 col-lg-8"),
            ],
            className="row g-3",
        ),
        className="compare-controls",
    )


def profile_section(iso3: str) -> html.Section:
    """The labour section of a country profile: the country's flows and labour market, and its
    emigration rate beside the pilot countries."""
    state = profile_state(iso3, snapshot_vocabulary())
    return html.Section(
        [
            html.H2(t.PROFILE_TITLE),
            *[chart_block(chart, state, heading="h3") for chart in CHARTS],
            dcc.Link(t.OPEN_FULL_VIEW, href=labour_url(state)),
        ],
        id="country-section-labour", className="profile-section labour-profile",
    )


def sources_panel(sources: pd.DataFrame, indicators: pd.DataFrame, page_url: str) -> html.Section:
    """Definition, source, licence, vintage and citation (of the source, naming `page_url`)
    of every source on the page."""
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
        citation = cite([source_entry(row.to_dict())], date.today(), page_url)
        citation_id = f"{Labour.SOURCES}-{source_id.replace('_', '-')}"
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
                        id=Labour.SOURCES, className="labour-sources")
