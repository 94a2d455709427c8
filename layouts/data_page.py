"""Data & sources (/data): bulk download, API, every indicator with its coverage, the sources
with their vintages and licences, and how to cite. `?indicator=CODE` picks the indicator whose
coverage by country is listed."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import dash_ag_grid as dag
import pandas as pd
from dash import html

import query
from exports.citation import citation
from exports.metadata import indicator_entry
from ids import DataPage
from layouts.compare import TOPIC_ORDER
from layouts.controls import dropdown
from layouts.userdata import section as userdata_section
from pages import PageRequest
from query.coverage import (
    country_coverage,
    indicator_coverage,
    pilot_coverage,
    pilot_statuses,
)
from serving import absolute_url
from text import common as tc
from text import data_page as t
from text.numbers import format_number, format_value, format_year_span

NUMERIC_COLUMNS = ("first_year", "last_year", "years")

# The worked example of the reading notes, and the two remittance series of different ages.
EXAMPLE_COUNTRY = "MDA"
PAID = "BM.TRF.PWKR.CD.DT"
RECEIVED = "BX.TRF.PWKR.CD.DT"
UN_POPULATION = "WPP.POP.TOTL"  # its first projected year is the UN's
ASYLUM = "UNHCR.ASYL.OR"  # zeros by origin before its first year are gaps

BULK_URL = "/api/v1/bulk.zip"
API_URL = "/api/v1/"


def layout(request: PageRequest) -> html.Div:
    snap = query.get_snapshot()
    summary = indicator_coverage(snap.values, snap.countries).set_index("indicator_code")
    pilots = snap.countries.loc[snap.countries["pilot"].astype(bool)]
    by_pilot = pilot_coverage(snap.values, pilots["country_code"].tolist())
    statuses = pilot_statuses(snap.values, pilots["country_code"].tolist())
    indicators = ordered(query.indicators())
    indicator = request.params.get("indicator")
    chosen = indicator if indicator in set(indicators["code"]) else indicators["code"].iloc[0]
    return html.Div(
        [
            html.H1(t.TITLE),
            html.P(t.INTRO, className="lead-sm"),
            downloads(str(snap.vintage.get("snapshot", ""))),
            reading_notes(),
            html.H2(t.INDICATORS_TITLE, id=DataPage.INDICATORS_TITLE),
            indicator_table(indicators, summary),
            html.H2(t.PILOTS_TITLE),
            pilot_table(indicators, pilots, by_pilot, statuses),
            html.H2(t.COUNTRY_COVERAGE_TITLE),
            country_coverage_panel(indicators, chosen),
            userdata_section(beside_indicator=False),
            html.H2(t.SOURCES_TITLE),
            sources_table(snap.sources),
            html.H2(t.CITE_TITLE),
            how_to_cite(snap.sources, indicators),
        ],
        className="page page-data",
    )


def ordered(indicators: pd.DataFrame) -> pd.DataFrame:
    """By topic (as in the comparison view's list), then name."""
    rank = {topic: i for i, topic in enumerate(TOPIC_ORDER)}
    return indicators.assign(_rank=indicators["topic"].map(rank).fillna(len(rank))).sort_values(
        ["_rank", "short_name"]).drop(columns="_rank").reset_index(drop=True)


def downloads(snapshot: str) -> html.Section:
    return html.Section(
        [
            html.H2(t.DOWNLOADS_TITLE),
            html.Div(
                [
                    html.A(t.BULK_LINK, href=BULK_URL, id=DataPage.BULK_LINK,
                           className="btn btn-primary", download=""),
                    html.A(t.API_LINK, href=API_URL, id=DataPage.API_LINK,
                           className="btn btn-outline-secondary"),
                ],
                className="data-actions",
            ),
            html.P(t.BULK_NOTE.format(snapshot=snapshot)),
            html.P(t.API_NOTE),
            html.P(t.CHART_DOWNLOADS_NOTE),
        ],
        className="data-downloads",
    )


def reading_notes() -> html.Section:
    """How to read the numbers: which population a ratio uses (with the countries whose two
    populations differ), gaps, status, age and the country classification. Every number in
    the text comes from the snapshot."""
    share = query.latest_with_status("DESA.EMIG.TOTL.ZS", EXAMPLE_COUNTRY)
    snap = query.get_snapshot()
    asylum = snap.values_by_indicator.get(ASYLUM)
    projected = query.series(UN_POPULATION, [EXAMPLE_COUNTRY])
    projected = projected[projected["status"] == "projection"]
    ages = {table: query.table_age(table)["last_period"] for table in
            ("refugees", "remittance_costs", "remittance_matrix", "annual_flows")}
    return html.Section(
        [
            html.H2(t.READING_TITLE),
            html.H3(t.DENOMINATORS_TITLE, className="h5"),
            html.P(t.DENOMINATORS.format(
                country=query.country_name(EXAMPLE_COUNTRY),
                share=format_value(share[1], "%", 1) if share else "–",
                year=share[0] if share else "–")),
            population_differences(),
            html.H3(t.GAPS_TITLE, className="h5"),
            html.P(t.GAPS.format(asylum_from=int(asylum["year"].min())
                                 if asylum is not None and len(asylum) else "–")),
            html.H3(t.STATUS_TITLE, className="h5"),
            html.P(t.STATUS.format(projection_from=int(projected["year"].min())
                                   if not projected.empty else "–")),
            html.H3(t.AGE_TITLE, className="h5"),
            html.P(t.AGE.format(refugees=ages["refugees"], costs=ages["remittance_costs"],
                                matrix=ages["remittance_matrix"], flows=ages["annual_flows"],
                                paid=query.indicator_meta(PAID)["vintage"],
                                received=query.indicator_meta(RECEIVED)["vintage"])),
            html.H3(t.CLASSIFICATION_TITLE, className="h5"),
            html.P(t.CLASSIFICATION.format(
                source=tc.classification_source(query.classification_release()))),
        ],
        id=DataPage.READING, className="data-reading",
    )


def population_differences() -> html.Details:
    """The countries whose World Bank and UN populations differ by more than 3 %."""
    found = query.population_differences().sort_values("country_name")
    header = html.Tr([html.Th(label, scope="col") for label in t.DIFFERENCES_COLUMNS.values()])
    body = [
        html.Tr([
            html.Th(row.country_name, scope="row"),
            html.Td(t.DIFFERENCES_YEARS.format(count=row.years_over, first=row.first_year,
                                               last=row.last_year)),
            html.Td(t.DIFFERENCES_LARGEST.format(
                pct=("+" if row.max_diff_pct > 0 else "") + format_value(row.max_diff_pct,
                                                                          "%", 1),
                year=row.max_diff_year, wdi=format_number(row.wdi_population),
                wpp=format_number(row.wpp_population))),
        ])
        for row in found.itertuples(index=False)
    ]
    return html.Details([
        html.Summary(t.DIFFERENCES_SUMMARY.format(count=len(found))),
        html.Div(html.Table([html.Thead(header), html.Tbody(body)],
                            className="table table-sm data-table",
                            id=DataPage.POPULATION_DIFFERENCES),
                 className="data-table-wrap"),
    ])


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def coverage_text(code: str, summary: pd.DataFrame) -> str:
    if code not in summary.index:
        return t.COVERAGE_NONE
    row = summary.loc[code]
    return t.COVERAGE_TEXT.format(countries=row["countries"], aggregates=row["aggregates"],
                                  first=row["first_year"], last=row["last_year"])


def indicator_table(indicators: pd.DataFrame, summary: pd.DataFrame) -> html.Div:
    header = html.Tr([html.Th(name, scope="col") for name in (
        t.COLUMN_INDICATOR, t.COLUMN_UNIT, t.COLUMN_DEFINITION, t.COLUMN_SOURCE,
        t.COLUMN_LICENCE, t.COLUMN_VINTAGE, t.COLUMN_STATUS, t.COLUMN_COVERAGE)])
    body = []
    for topic, rows in indicators.groupby("topic", sort=False):
        body.append(html.Tr(html.Th(t.TOPICS.get(topic, topic), colSpan=8, scope="colgroup",
                                    className="table-light")))
        for row in rows.itertuples(index=False):
            body.append(html.Tr(
                [
                    html.Th([
                        html.Span(row.name), html.Br(), html.Code(row.code), " ",
                        html.A(t.OPEN_IN_CHART, href=f"/compare?indicator={quote(row.code)}",
                               title=t.OPEN_IN_CHART_TITLE.format(name=row.short_name)),
                    ], scope="row"),
                    html.Td(_text(row.unit)),
                    html.Td(_text(row.definition), className="definition"),
                    html.Td(html.A(_text(row.source), href=_text(row.source_url))
                            if _text(row.source_url) else _text(row.source)),
                    html.Td(_text(row.licence)),
                    html.Td([_text(row.vintage), html.Br(),
                             html.Small(_text(row.age_note), className="text-muted"),
                             *([html.Br(), html.Small(_text(row.vintage_note),
                                                      className="text-muted")]
                               if _text(row.vintage_note) else [])]),
                    html.Td(_text(row.status_rule), className="definition"),
                    html.Td(coverage_text(row.code, summary), className="coverage-cell"),
                ],
                id=f"data-indicator-{row.code}",
            ))
    return html.Div(
        html.Table([
            html.Caption(t.INDICATORS_CAPTION.format(count=len(indicators))),
            html.Thead(header), html.Tbody(body),
        ], className="table table-sm data-table", id=DataPage.INDICATOR_TABLE),
        className="data-table-wrap",
    )


def status_text(found: tuple[int, int, int], statuses: dict[str, tuple[int, int, int]]) -> str:
    """'; projection 2024–2025' for each status other than observed; 'all model estimates'
    when every value has it."""
    parts = []
    for status, (first, last, years) in sorted(statuses.items()):
        parts.append(t.PILOT_STATUS_ALL[status] if years == found[2] else
                     t.PILOT_STATUS[status].format(years=format_year_span(first, last)))
    return "".join(f"; {part}" for part in parts)


def pilot_table(
    indicators: pd.DataFrame, pilots: pd.DataFrame,
    by_pilot: dict[tuple[str, str], tuple[int, int, int]],
    statuses: dict[tuple[str, str], dict[str, tuple[int, int, int]]],
) -> html.Div:
    codes = pilots.sort_values("name")[["country_code", "name"]].itertuples(index=False)
    pilot_list = list(codes)
    header = html.Tr([html.Th(t.COLUMN_INDICATOR, scope="col"),
                      *(html.Th(p.name, scope="col") for p in pilot_list)])
    body = []
    for row in indicators.itertuples(index=False):
        cells = []
        for pilot in pilot_list:
            found = by_pilot.get((row.code, pilot.country_code))
            marks = status_text(found, statuses.get((row.code, pilot.country_code), {})) \
                if found else ""
            cells.append(html.Td(t.PILOT_CELL.format(first=found[0], last=found[1],
                                                     years=found[2]) + marks)
                         if found else html.Td(t.PILOT_NONE, className="coverage-cell-none"))
        body.append(html.Tr([html.Th(row.short_name, scope="row"), *cells]))
    return html.Div(
        html.Table([html.Caption(t.PILOTS_CAPTION), html.Thead(header), html.Tbody(body)],
                   className="table table-sm data-table", id=DataPage.PILOT_TABLE),
        className="data-table-wrap",
    )


def country_coverage_panel(indicators: pd.DataFrame, chosen: str) -> html.Div:
    caption, rows = coverage_rows(chosen)
    columns = [{"headerName": label, "field": key,
                **({"pinned": "left", "minWidth": 200} if key == "country_name" else {}),
                **({"type": "numericColumn", "filter": "agNumberColumnFilter"}
                   if key in NUMERIC_COLUMNS else {})}
               for key, label in t.COUNTRY_COLUMNS.items()]
    return html.Div(
        [
            html.Label(t.COUNTRY_COVERAGE_LABEL, htmlFor=DataPage.COVERAGE_INDICATOR,
                       className="form-label"),
            dropdown(
                id=DataPage.COVERAGE_INDICATOR, value=chosen, clearable=False, searchable=True,
                options=[{"label": f"{row.short_name} ({row.code})", "value": row.code}
                         for row in indicators.itertuples(index=False)],
            ),
            html.P(caption, id=DataPage.COVERAGE_CAPTION, className="table-caption mt-2",
                   role="status"),
            dag.AgGrid(
                id=DataPage.COVERAGE_TABLE, rowData=rows, columnDefs=columns,
                defaultColDef={"sortable": True, "filter": True, "resizable": True},
                dashGridOptions={"pagination": True, "paginationPageSize": 25,
                                 "paginationPageSizeSelector": [25, 50, 100],
                                 "domLayout": "autoHeight", "ensureDomOrder": True},
                csvExportParams={"fileName": f"coverage-{chosen}.csv"},
                className="ag-theme-quartz data-grid", style={"width": "100%"},
            ),
        ],
        className="data-coverage",
    )


def coverage_rows(indicator: str) -> tuple[str, list[dict]]:
    """The caption and the rows of the coverage table: every place with data for the
    indicator, its first and last year and the number of years."""
    snap = query.get_snapshot()
    found = country_coverage(snap.values, query.countries(), indicator)
    rows = [
        {"country_name": row.country_name, "country_code": row.country_code,
         "kind": t.KIND_AGGREGATE if row.aggregate else t.KIND_COUNTRY,
         "first_year": int(row.first_year), "last_year": int(row.last_year),
         "years": int(row.years)}
        for row in found.itertuples(index=False)
    ]
    caption = t.COUNTRY_COVERAGE_CAPTION.format(
        name=query.indicator_meta(indicator).get("name", indicator),
        countries=int((~found["aggregate"]).sum()), aggregates=int(found["aggregate"].sum()))
    return caption, rows


def sources_table(sources: pd.DataFrame) -> html.Div:
    """Each source as it names itself and states its licence: in English, marked so."""
    header = html.Tr([html.Th(label, scope="col") for label in t.SOURCE_COLUMNS.values()])
    body = [
        html.Tr([
            html.Th(_text(row.name), scope="row", lang="en"),
            html.Td(_text(row.publisher), lang="en"),
            html.Td([_text(row.vintage),
                     *([html.Br(), html.Small(_text(row.vintage_note), className="text-muted",
                                              lang="en")]
                       if _text(row.vintage_note) else [])]),
            html.Td(_text(row.licence), lang="en"),
            html.Td(html.A(t.SOURCE_LINK, href=_text(row.url)) if _text(row.url) else ""),
        ])
        for row in sources.itertuples(index=False)
    ]
    return html.Div(
        html.Table([html.Thead(header), html.Tbody(body)],
                   className="table table-sm data-table", id=DataPage.SOURCES_TABLE),
        className="data-table-wrap",
    )


def how_to_cite(sources: pd.DataFrame, indicators: pd.DataFrame) -> html.Div:
    code = str(indicators.iloc[0]["code"])
    example = indicator_entry(code, query.indicator_meta, sources)
    return html.Div(
        [
            html.P(t.CITE_BODY),
            html.P(citation([example], date.today(),
                            absolute_url(f"/compare?indicator={quote(code)}")),
                   className="citation", id=DataPage.CITATION_EXAMPLE),
            html.P(t.CITE_SOURCES),
            html.Ul([html.Li(_text(row.citation)) for row in sources.itertuples(index=False)
                     if _text(row.citation)]),
        ],
        className="data-cite",
    )
