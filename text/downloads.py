"""User-facing text of every download: the tidy schema, metadata sheets, the citation, source
lines, the API's notes on missing data and the bulk ZIP's README."""

from text.common import SITE_TITLE
from text.i18n import translatable

APP_NAME = SITE_TITLE  # one name for the app, in the header and in every citation

# The one tidy schema of every download (chart CSV/XLSX, /api/v1/data, /api/v1/diaspora and
# indicator_values.csv in the ZIP): what each column holds. Columns naming what else a value is
# broken down by (origin_code, sex, period, ...) sit between `year` and `value`.
TIDY_COLUMNS = {
    "country_code": "ISO3 code of the country or aggregate the value is about (for emigrants "
    "by destination: the destination); the codes are listed at /api/v1/countries.",
    "country_name": "Its name, as in /api/v1/countries.",
    "indicator_code": "The series code from the catalogue (/api/v1/indicators), or the "
    "snapshot table a chart's values come from (e.g. migrant_stock).",
    "year": "The year of the value (for a five-year period, its first year).",
    "value": "The number, in the unit of the next column. A year without a value has no row, "
    "never a zero.",
    "unit": "What the value counts, after any transform: e.g. \"% of GDP\", \"current US$ per "
    "person\", \"index, 2010 = 100\".",
    "status": "observed, estimate (the source says a model made it) or projection (the source "
    "places it in a projection), as the source says; empty where the data carry no status (a "
    "snapshot table such as migrant_stock).",
}
TIDY_EXTRA_COLUMNS = (
    "Further columns, between year and value, name what else a value is broken down by "
    "(origin_code, sex, period, ...)."
)

# Sheet names of an XLSX download.
DATA_SHEET = "data"
METADATA_SHEET = "metadata"
METADATA_HEADER = ("field", "value")

# Metadata sheet rows, one block per indicator, then one block for the view.
INDICATOR_FIELDS = {
    "indicator_code": "Indicator code",
    "name": "Indicator",
    "definition": "Definition",
    "unit": "Unit",
    "source": "Source",
    "source_url": "Source URL",
    "licence": "Licence",
    "vintage": "Vintage",
    "release": "Data release",
    "formula": "Formula",
    # The source's own words, beside a translation (rows left out when nothing was translated).
    "name_en": "Indicator, in the source's words (English)",
    "definition_en": "Definition, in the source's words (English)",
}
PROVENANCE_LABEL = "Provenance"
CITATION_LABEL = "Citation"
NOTE_LABEL = "Note"
VIEW_URL_LABEL = "View URL"
EXPORT_DATE_LABEL = "Date of export"
APP_URL_LABEL = "Exported from"
SNAPSHOT_LABEL = "Data snapshot"

# A transform of the values, as the Provenance line names it.
TRANSFORM_NAMES = {
    "per_capita": "Per capita (divided by total population, same data release)",
    "pct_gdp": "Per cent of GDP (divided by GDP in current US$, same data release)",
    "index": "Index (base year {base} = 100)",
    "pct_change": "Annual % change (from the previous year; none after a gap)",
}

# Where the values of one series come from, one true sentence (the metadata sheet's Provenance).
PROVENANCE_PUBLISHED = "Values as published by the source."
PROVENANCE_COMPUTED = (
    "Values computed by this dashboard from the source's data, as the Formula says; the source "
    "does not publish this series as it is here."
)
PROVENANCE_USER = (
    "Values supplied by the user of the dashboard, with the source and licence the user "
    "stated; kept only in the user's browser and not checked against their source."
)
PROVENANCE_USER_TRANSFORMED = (
    "{transform}, computed by this dashboard from values supplied by the user."
)
USER_TRANSFORM_NAMES = {
    "per_capita": "Per person (divided by the World Bank's total population, SP.POP.TOTL)",
    "index": "Index (the first year shown of each line = 100)",
}
PROVENANCE_TRANSFORMED = "{transform}, computed by this dashboard from {of}."
PROVENANCE_OF_PUBLISHED = "the values as published by the source"
PROVENANCE_OF_COMPUTED = "values it computes from the source's data, as the Formula says"
PROVENANCE_CHART_TABLE = (
    "Values from the source's table {table} as the chart shows them; where the chart derives a "
    "value (a sum, a share or a rate), the notes under the chart say how."
)

# The one citation: publisher, data set, series (title [code]), vintage, the app and the
# view's URL, and the date of access. One sentence per source and vintage.
CITATION = "{head}, vintage {vintage}. {app}, {url} (accessed {date})."
CITATION_HEAD = "{publisher}. {dataset}"
CITATION_SERIES = ": {titles}"
PUBLISHER_NOT_STATED = "Source not stated"
CITATION_TITLE = "{title} [{code}]"
CITATION_TITLE_SEPARATOR = "; "

# The bulk download: a catalogue row per file and a README.
CATALOGUE_COLUMNS = (
    "file", "description", "rows", "columns", "sources", "licence", "vintage",
)
TABLE_DESCRIPTIONS = {
    "indicators": "Indicator catalogue: code, name, unit, definition, source, licence, vintage.",
    "countries": "Countries and aggregates: ISO3 code, name, UN M49 code, region, income group.",
    "indicator_values": (
        "Indicator values as tidy rows, the columns of every download and of /api/v1/data; a "
        "gap is a missing row; status: observed, estimate or projection, as the source says."
    ),
    "migrant_stock": "International migrant stock by origin, destination, year and sex.",
    "remittance_matrix": "Bilateral remittance estimates by sender and receiver, US$ million.",
    "refugees": "Refugees and asylum seekers by origin and country of asylum.",
    "remittance_costs": (
        "Average total cost of sending remittances by corridor and quarter, % of the amount sent."
    ),
    "sources": "One row per source: publisher, vintage, licence, URL and citation.",
    "annual_flows": (
        "Annual migration flows reported by selected countries (UN DESA, 2015 revision), "
        "by origin or destination, type, criterion and coverage."
    ),
    "annual_flow_definitions": "How each reporting country defines its annual flow series.",
    "flow_estimates": (
        "Estimated bilateral migration flows over five-year periods, by sex; a note where a "
        "code covers another territory in that period."
    ),
    "population_ims2020": (
        "Total population at mid-year, UN DESA International Migrant Stock 2020 (the "
        "population of the flow estimates)."
    ),
    "population_differences": (
        "Countries whose World Bank and UN DESA (WPP 2024) populations differ by more than 3 %."
    ),
    "series_notes": "Notes on a series for a country: populations that differ, areas left out.",
    "data_ages": "The first and last period of each table, with the note on its age.",
}
README = """{app} - full data snapshot
{rule}

Snapshot: {snapshot}

Every table of the dashboard's data snapshot, as UTF-8 CSV files (comma-separated,
one header row, ISO3 country codes, empty cell = no value). catalogue.csv lists each
file with its row count, columns, sources and each source's licence as the source
states it. vintage.json gives the vintage of every source.

indicator_values.csv has the columns of every download of the dashboard and of its
API: {columns}. Every
table joins on country_code (countries.csv) and indicator_code (indicators.csv).

Files
{files}

Licences
Each source keeps its own licence (see catalogue.csv and sources.csv). Cite the
original source named there, with its vintage, when you reuse a number.

Text cells that begin with =, +, -, @, a tab or a carriage return are prefixed
with an apostrophe so that spreadsheet programs do not run them as formulas.
"""

# The diaspora download (UN DESA International Migrant Stock, by origin).
DIASPORA_NAME = "Emigrants from {origin} by country of destination, {year} ({sex})"
DIASPORA_DEFINITION = (
    "International migrant stock: people living in a country other than their country of "
    "birth (or of citizenship, where the destination records no place of birth), at mid-year, "
    "counted here by country of origin and country of destination."
)
DIASPORA_UNIT = "persons"

# The toolbar under every chart.
TOOLBAR_LABEL = "Download:"
TOOLBAR_ARIA = "Download or cite: {chart}"
FORMAT_NAMES = {"csv": "CSV", "xlsx": "XLSX", "png": "PNG", "svg": "SVG"}
DOWNLOAD_TITLES = {
    "csv": "Download the data shown as CSV",
    "xlsx": "Download the data shown as Excel (XLSX), with sources and definitions",
    "png": "Download the chart as a PNG image (high resolution, for slides)",
    "svg": "Download the chart as an SVG image (vector, for print)",
}
COPY_CITATION = "Copy citation"
COPY_CITATION_TITLE = "Copy a citation of the data shown (source, vintage, access date)"
CITATION_COPIED = "Citation copied"
EMBED = "Embed"
EMBED_TITLE = "Show the code that embeds this chart in another web page"
EMBED_CODE_LABEL = "Paste this code into your web page:"
COPY_EMBED = "Copy embed code"
EMBED_FRAME_TITLE = "Chart: {title}"
# Status line after a button is pressed (read out by screen readers).
STATUS_DOWNLOADING = "Downloading {filename}"
STATUS_NO_DATA = "This chart shows no data to download."
# The short source line under a chart, in its images and its embed: one entry per source.
SOURCE_LINE = "Source: {entries}"
SOURCE_LINE_MANY = "Sources: {entries}"
SOURCE_ENTRY = "{source} ({vintage}), licence: {licence}"
SOURCE_ENTRY_SEPARATOR = "; "
SOURCE_NOT_STATED = "Source: not stated"
# A slide names its source with the citation of the data it shows.
SLIDE_SOURCE = "Source: {citation}"
# Several sources in one citation: one line each.
CITATION_SEPARATOR = "\n"

# The embedded view (/embed).
EMBED_PAGE_LABEL = "Embedded chart"
EMBED_FULL_VIEW = "Open the full view"
EMBED_NOTICE = "Some parameters of this link were not understood and were left out."

# Why a country asked for in /api/v1/data has no rows: one reason code and one sentence each.
NO_DATA_REASONS = {
    "no_data": "{country} has no value of {indicator} in this data set.",
    "no_value_in_years": (
        "{country} has no value of {indicator} in {start}–{end}; its values run from {first} to "
        "{last}."
    ),
    "no_base_year_value": (
        "{country} has no value of {indicator} in the base year {base}, so no index can be "
        "computed; its values run from {first} to {last}: choose a base year in which it has "
        "one."
    ),
    "zero_base_year_value": (
        "{country}'s value of {indicator} in the base year {base} is zero, so no index can be "
        "computed; choose another base year."
    ),
    "no_denominator": (
        "{country} has no {denominator} in the years it has a value of {indicator}, so its "
        "values cannot be shown as {transform}."
    ),
    "no_consecutive_years": (
        "{country} has no two consecutive years with a value of {indicator}, so no annual "
        "change can be computed."
    ),
}
DENOMINATOR_NAMES = {"per_capita": "population", "pct_gdp": "GDP"}
TRANSFORM_SHORT_NAMES = {"per_capita": "values per person", "pct_gdp": "% of GDP"}

# Words for programs stay in English: column names, sheet names and their descriptions.
translatable(__name__, keep=("TIDY_COLUMNS", "TIDY_EXTRA_COLUMNS", "DATA_SHEET",
                             "METADATA_SHEET", "METADATA_HEADER", "CATALOGUE_COLUMNS"))
