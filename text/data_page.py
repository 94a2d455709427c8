"""Text of the Data & sources page (/data)."""

TITLE = "Data & sources"
INTRO = (
    "Every number in this dashboard comes from the published sources listed below, unchanged "
    "except where a formula is stated. Download all of it, query it through the API, and see "
    "which country has data for which years."
)

DOWNLOADS_TITLE = "Download the data"
BULK_LINK = "Download everything (ZIP)"
BULK_NOTE = (
    "All tables of the data snapshot {snapshot} as CSV files, with a catalogue of the files "
    "(sources, licences, vintages) and a README."
)
API_LINK = "API documentation"
API_NOTE = (
    "The HTTP API returns any indicator for any countries and years as JSON, CSV or Excel, "
    "with the same transforms as the charts."
)
CHART_DOWNLOADS_NOTE = (
    "Under every chart: the data shown as CSV or Excel (with sources and definitions), the "
    "chart as PNG or SVG, and a citation to copy."
)

INDICATORS_TITLE = "Indicators"
INDICATORS_CAPTION = (
    "{count} indicators. Coverage counts countries and, separately, regions and income groups "
    "with at least one value."
)
COLUMN_INDICATOR = "Indicator"
COLUMN_UNIT = "Unit"
COLUMN_DEFINITION = "Definition"
COLUMN_SOURCE = "Source"
COLUMN_LICENCE = "Licence"
COLUMN_VINTAGE = "Vintage"
COLUMN_COVERAGE = "Coverage"
COVERAGE_TEXT = "{countries} countries, {aggregates} regions and groups; {first}–{last}"
COVERAGE_NONE = "No values"
OPEN_IN_CHART = "Chart"
OPEN_IN_CHART_TITLE = "Open {name} in the comparison view"
TOPICS = {
    "remittances": "Remittances",
    "diaspora": "Diaspora and refugees",
    "labour": "Labour",
    "context": "Economic and demographic context",
}

PILOTS_TITLE = "Coverage in the pilot countries"
PILOTS_CAPTION = "First and last year with a value, and the number of years with a value."
PILOT_CELL = "{first}–{last} ({years})"
PILOT_NONE = "no data"

COUNTRY_COVERAGE_TITLE = "Coverage by country"
COUNTRY_COVERAGE_LABEL = "Indicator"
COUNTRY_COVERAGE_CAPTION = (
    "{name}: {countries} countries and {aggregates} regions or groups have at least one value. "
    "Places not listed have no data."
)
COUNTRY_COLUMNS = {
    "country_name": "Country or group",
    "country_code": "Code",
    "kind": "Kind",
    "first_year": "First year",
    "last_year": "Last year",
    "years": "Years with a value",
}
KIND_COUNTRY = "country"
KIND_AGGREGATE = "region or group"

SOURCES_TITLE = "Sources"
SOURCE_COLUMNS = {
    "name": "Source",
    "publisher": "Publisher",
    "vintage": "Vintage",
    "licence": "Licence (as stated by the source)",
    "url": "Link",
}
SOURCE_LINK = "Source website"

CITE_TITLE = "How to cite"
CITE_BODY = (
    "Cite the original source of a number, with its vintage, and the date you accessed it. "
    "Every download and the “Copy citation” button under each chart give a ready-made "
    "citation in this form:"
)
CITE_SOURCES = "The sources ask to be cited as follows:"
