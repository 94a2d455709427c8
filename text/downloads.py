"""User-facing text of every download: metadata sheets, citations, the bulk ZIP's README."""

APP_NAME = "Migration and Development Dashboard"

# Sheet names of an XLSX download.
DATA_SHEET = "data"
METADATA_SHEET = "metadata"
METADATA_HEADER = ("field", "value")

# Metadata sheet rows, one block per indicator, then one block for the view.
INDICATOR_FIELDS = (
    ("code", "Indicator code"),
    ("name", "Indicator"),
    ("definition", "Definition"),
    ("unit", "Unit"),
    ("source", "Source"),
    ("source_url", "Source URL"),
    ("licence", "Licence"),
    ("vintage", "Vintage"),
    ("release", "Data release"),
    ("formula", "Formula"),
)
CITATION_LABEL = "Citation"
TRANSFORM_LABEL = "Transform applied"
VIEW_URL_LABEL = "View URL"
EXPORT_DATE_LABEL = "Date of export"
APP_URL_LABEL = "Exported from"
SNAPSHOT_LABEL = "Data snapshot"

TRANSFORM_NAMES = {
    "none": "None (values as published)",
    "per_capita": "Per capita (divided by total population, same data release)",
    "pct_gdp": "Per cent of GDP (divided by GDP in current US$, same data release)",
    "index": "Index (base year {base} = 100)",
    "pct_change": "Annual % change (from the previous year; none after a gap)",
}

# {source} ({vintage}). {name}. Accessed {date} via APP_NAME, {url}.
CITATION = "{source} ({vintage}). {name}. Accessed {date} via {app}, {url}."

# The bulk download: a catalogue row per file and a README.
CATALOGUE_COLUMNS = (
    "file", "description", "rows", "columns", "sources", "licence", "vintage",
)
TABLE_DESCRIPTIONS = {
    "indicators": "Indicator catalogue: code, name, unit, definition, source, licence, vintage.",
    "countries": "Countries and aggregates: ISO3 code, name, UN M49 code, region, income group.",
    "indicator_values": (
        "Indicator values in long form; a gap is a missing row; status: observed, estimate "
        "or projection, as the source says."
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
# Images: the source under the title, and a title for charts that have none.
IMAGE_SOURCE = "Source: {sources}"
IMAGE_SOURCE_ENTRY = "{source} ({vintage}), licence: {licence}"
# Several indicators in one citation: one line each.
CITATION_SEPARATOR = "\n"

# The embedded view (/embed).
EMBED_PAGE_LABEL = "Embedded chart"
EMBED_SOURCE = "Source: {source} ({vintage}). Licence: {licence}."
EMBED_FULL_VIEW = "Open the full view"
EMBED_NOTICE = "Some parameters of this link were not understood and were left out."
