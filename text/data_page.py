"""Text of the Data & sources page (/data)."""

from text.i18n import translatable

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

# How to read the numbers: denominators, gaps, status and age.
READING_TITLE = "How to read the numbers"
DENOMINATORS_TITLE = "Which population a ratio uses"
DENOMINATORS = (
    "We divide a number only by a population from the same publisher and area. World Bank "
    "ratios use the World Bank's population. UN DESA ratios (emigrants or immigrants as a "
    "share of the population) use the UN's World Population Prospects 2024, because the World "
    "Bank counts some countries on a smaller area. For example, {country}'s emigrants are "
    "{share} of the UN's population of {country} in {year}. Emigration per 1,000 residents "
    "uses the population of the UN revision the flow estimates were built on. Where the World "
    "Bank's and the UN's populations differ by more than 3 %, the series says so."
)
DIFFERENCES_SUMMARY = (
    "Countries whose World Bank and UN populations differ by more than 3 % ({count})"
)
DIFFERENCES_COLUMNS = {
    "country_name": "Country",
    "years": "Years over 3 %",
    "largest": "Largest difference (World Bank against UN)",
}
DIFFERENCES_YEARS = "{count} of {first}–{last}"
DIFFERENCES_LARGEST = "{pct} in {year} (World Bank {wdi}, UN {wpp})"
GAPS_TITLE = "Gaps"
GAPS = (
    "A missing value is shown as a gap, never as zero. Where a source wrote zeros for "
    "something it did not record (for example, asylum seekers by country of origin before "
    "{asylum_from}), we show a gap."
)
STATUS_TITLE = "Status"
STATUS = (
    "Each value is observed, an estimate (the source says a model produced it) or a "
    "projection (the source lists it as a projection, e.g. UN figures from {projection_from} "
    "on). Estimates and projections are drawn dotted with open markers, marked in tables and "
    "on the profile cards, and downloads include the status."
)
AGE_TITLE = "Age"
AGE = (
    "Each number shows its latest year. Refugees end in {refugees}, corridor costs in "
    "{costs}, the remittance matrix is {matrix}, annual flows end in {flows}; remittances paid "
    "come from the {paid} release while remittances received come from the {received} release."
)
CLASSIFICATION_TITLE = "Regions and income groups"
CLASSIFICATION = (
    "Countries' regions and income groups: {source}. The regional and income-group "
    "aggregates themselves come with each series' release."
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
COLUMN_VINTAGE = "Vintage and age"
COLUMN_STATUS = "Status of the values"
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
# After a pilot cell: the years the source does not present as observed.
PILOT_STATUS = {"projection": "projection {years}", "estimate": "model estimates {years}"}
PILOT_STATUS_ALL = {"projection": "all projections", "estimate": "all model estimates"}
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

translatable(__name__)
