"""Text of the comparison view."""

from text.i18n import Plural, translatable

TITLE = "Compare countries"
INTRO = (
    "Pick an indicator and countries. Every chart names its source; the Table tab lists "
    "the numbers behind it."
)

INDICATOR_LABEL = "Indicator"
INDICATOR_PLACEHOLDER = "Search indicators…"
COUNTRIES_LABEL = "Countries and regions"
COUNTRIES_PLACEHOLDER = "Add a country or region…"
YEARS_LABEL = "Years"
TRANSFORM_LABEL = "Show as"
BASE_LABEL = "Base year (= 100)"
SCALE_LABEL = "Scale"
MAP_YEAR_LABEL = "Map year"
NO_OPTIONS = "No match"

TOPICS = {
    "remittances": "Remittances",
    "diaspora": "Diaspora and migrants",
    "labour": "Labour",
    "context": "Context: economy, aid, investment",
}

TRANSFORMS = {
    "none": "As published",
    "per_capita": "Per person",
    "pct_gdp": "% of GDP",
    "index": "Index (base year = 100)",
    "pct_change": "Annual % change",
}
# Units of transformed values; {unit} is the indicator's own short unit.
TRANSFORM_UNITS = {
    "per_capita": "{unit} per person",
    "pct_gdp": "% of GDP",
    "index": "index, {base} = 100",
    "pct_change": "% change on previous year",
}
SCALES = {"linear": "Linear", "log": "Logarithmic"}

TAB_CHART = "Chart"
TAB_MAP = "Map"
TAB_TABLE = "Table"
TAB_SOURCES = "Sources"

CHART_LABEL = "{indicator}, {years}"
# After the title of a series from an older release than the other World Bank series.
CHART_OLDER_RELEASE = " (release of {vintage})"
TARGET_SDG_10C = "SDG 10.c target: {target}"
MAP_LABEL = "World map of {indicator}, {year}"

COVERAGE_TITLE = "Data coverage"
COVERAGE_LATEST = "{country}: latest data {year}"
COVERAGE_NONE_IN_RANGE = "{country}: no data for {years} (latest: {latest})"
COVERAGE_NEVER = "{country}: no data for this indicator"
COVERAGE_GAPS = Plural("{count} of {total} years missing", "{count} of {total} years missing")
INDICATOR_ENDS = "This series ends in {year}."

EMPTY_NO_COUNTRIES = "Choose at least one country to compare."
EMPTY_NO_DATA = "No data for the chosen countries in {years}."
EMPTY_MAP = "No country has data for {year}."
MAP_NO_DATA = "no data"
MAP_NO_DATA_LEGEND = "No data"

NOTICE_TITLE = "Part of the link was ignored:"
NOTICE_REASONS = {
    "unknown": "{param}: unknown code “{value}”",
    "invalid": "{param}: “{value}” is not a valid value",
    "out_of_range": "{param}: {value} is outside the years with data",
    "not_allowed": "{param}: “{value}” is not available for this indicator",
    "too_many": "{param}: {value} not added (at most 20 countries)",
    "swapped": "start and end were reversed and have been swapped",
}
PARAM_NAMES = {
    "indicator": "indicator",
    "countries": "countries",
    "start": "start",
    "end": "end",
    "tab": "tab",
    "transform": "transform",
    "base": "base",
    "scale": "scale",
    "year": "year",
}

# The country picker: groups of options, in order, and what each kind of aggregate is.
OPTION_GROUPS = {
    "pilots": "Pilot countries",
    "suggested": "Suggested regional peers",
    "countries": "Countries",
    "regions_developing": "Regions without high-income economies",
    "regions_all": "Regions, all income levels",
    "regions_lending": "Regions, World Bank borrowers only (IDA & IBRD)",
    "income": "Income groups",
    "lending": "Lending groups",
    "other": "Other groups",
}
# A short note beside an aggregate's name (also in the chosen chip) and the longer
# explanation shown on hover.
OPTION_NOTES = {
    "suggested": "peer for {pilots}",
    "regions_all": "all income levels",
}
OPTION_TITLES = {
    "suggested": (
        "The region of {pilots} without its high-income economies: the closer peer group "
        "for a developing economy. {classification}."
    ),
    "suggested_no_high_income": (
        "The region of {pilots}, which has no high-income economy, so it is already a peer "
        "group of developing economies. {classification}."
    ),
    "regions_developing": (
        "A World Bank region without its high-income economies: low- and middle-income "
        "countries only."
    ),
    "regions_all": (
        "A World Bank region with all its economies, high-income ones included; their large "
        "economies can dominate the aggregate, so it is a weak peer for a developing country."
    ),
    "regions_lending": (
        "The countries of a World Bank region that borrow from it (IDA and IBRD)."
    ),
    "income": "A World Bank income group, as the data's release groups its economies.",
    "lending": "A World Bank lending group (IDA, IBRD or both).",
    "other": "A group of economies defined by the World Bank or the UN.",
}
OPTION_COUNTRY_TITLE = "{region} · {income}. {classification}."

TABLE_COUNTRY = "Country"
TABLE_CAPTION = "{indicator} ({unit}), {years}. Select a column heading to sort."
# Marks of values the source does not present as observed, in the table's cells.
TABLE_STATUS_MARKS = {"projection": "P", "estimate": "E"}
TABLE_STATUS_NOTE = {
    "projection": "P: a projection, not an observed value (the source lists it as projected).",
    "estimate": "E: a model estimate (the source says a model produced it).",
}
TABLE_AGE = "{age}."

SOURCES_DEFINITION = "Definition"
SOURCES_UNIT = "Unit"
SOURCES_SOURCE = "Source"
SOURCES_LICENCE = "Licence"
SOURCES_VINTAGE = "Vintage"
SOURCES_FORMULA = "How it is computed"
SOURCES_CODE = "Indicator code"
SOURCES_TRANSFORM = "Shown as"
SOURCES_CITATION = "Cite this"
SOURCES_COPY = "Copy citation"

translatable(__name__)
