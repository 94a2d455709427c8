"""Text of "Add your data": the form, the preview, and every message of the validation."""

from text.i18n import translatable

SECTION_TITLE = "Add your data"
PRIVACY = (
    "Your data stays in this browser. It is kept in this browser's storage (it survives a "
    "reload until you remove it) and sent to the server only to check it and to draw a chart "
    "or a download; the server does not keep it: nothing is written to disk, to the shared "
    "cache or to the logs. A slide of your data in your deck keeps its own copy, in this "
    "browser and in the deck file you download."
)
FORMATS = (
    "Upload a CSV or XLSX file (at most {max_kb} KB and {max_rows} values), or paste a table "
    "copied from a spreadsheet. Tidy: one row per value, with columns country, year, value and "
    "optionally sex and unit. Wide: a country column and one column per year. Countries are "
    "ISO3 codes (BGD) or names in English, French or Romanian; years from {first} to {last}."
)
UPLOAD_PROMPT = "Drop a CSV or XLSX file here, or click to choose one"
UPLOAD_CHOSEN = "File: {filename}"
PASTE_LABEL = "…or paste a table"
PASTE_PLACEHOLDER = "country\tyear\tvalue\nBGD\t2019\t700159"
NAME_LABEL = "Series name"
UNIT_LABEL = "Unit"
SOURCE_LABEL = "Source"
LICENCE_LABEL = "Licence"
KIND_LABEL = "The values are"
KINDS = {
    "count": "a count (people, workers)",
    "amount": "an amount of money",
    "percent": "a percentage or rate",
    "signed": "another number that can be negative (net flows, change)",
}
CHECK_BUTTON = "Check my data"
ADD_BUTTON = "Add to my data"
REMOVE_BUTTON = "Remove this series"
PICK_LABEL = "Your data"
PICK_PLACEHOLDER = "Choose one of your series…"
PICK_NONE = "You have not added any data yet."
MODE_LABEL = "Draw it"
MODES = {
    "beside": "beside the official indicator (second axis)",
    "alone": "alone",
}
TRANSFORM_LABEL = "Your series as"
TRANSFORMS = {
    "none": "As supplied",
    "per_capita": "Per person (World Bank population)",
    "index": "Index (first year shown = 100)",
}
CHART_LABEL = "Your data on a chart"
DECK_ADD = "Add this chart to my deck"
DECK_ADDED = "Added as slide {number} of your deck, with a copy of your data."
CHART_EMPTY = "Choose one of your series to draw it."
CHART_NO_ROWS = "Your series has no value for these countries and years."
SUPPLIED_BY_USER = "supplied by the user"
LEGEND_SUFFIX = " — {name} (your data)"
SOURCE_LINE = "Your data: {name} ({unit}). Source: {source}; licence: {licence}; {supplied}."

# The preview.
PREVIEW_ACCEPTED = "{count} values will be added ({shape} table): {countries}, {first}–{last}."
PREVIEW_NONE_ACCEPTED = "No value can be added."
PREVIEW_REJECTED = "{count} rows were rejected and will not be added:"
PREVIEW_MORE = "… and {count} more."
PREVIEW_READY = "Check the rows above, then add the series."
PREVIEW_MISSING = "Fill in {fields} to add the series."
PREVIEW_ADDED = "“{name}” was added to your data."
SHAPES = {"tidy": "tidy", "wide": "wide"}
PREVIEW_HEADER = ("Row", "Problem")
PREVIEW_SAMPLE_HEADER = ("Country", "Year", "Sex", "Value")
FIELD_NAMES = {"name": "the series name", "unit": "the unit", "source": "the source",
               "licence": "the licence"}
SEXES = {"total": "total", "male": "male", "female": "female"}

# File-level problems: nothing is added.
NOT_A_TABLE = (
    "This is not a table that can be read: upload a CSV or XLSX file, or paste rows with "
    "columns separated by tabs, commas or semicolons."
)
NO_DATA = "Upload a file or paste a table first."
TOO_LARGE = "The file is larger than {max_kb} KB: split it, or keep only the rows you need."
TOO_MANY_ROWS = (
    "The table has more than {max_rows} values; at most {max_rows} can be added at once."
)
TOO_MANY_COLUMNS = "The table has more than {max_columns} columns."
NO_COUNTRY_COLUMN = (
    "No country column: name one column country (or iso3, code, pays, țara) holding ISO3 codes "
    "or country names."
)
NO_VALUES = (
    "No value column: a tidy table needs columns year and value; a wide table needs one "
    "column per year (1990, 1991, …)."
)

# Row-level problems, one per rejected row (or cell of a wide table).
ROW_REASONS = {
    "unknown_country": "“{value}” is not a country this dashboard knows.",
    "bad_year": "“{value}” is not a year.",
    "year_out_of_range": "{value} is outside {first}–{last}.",
    "not_a_number": "“{value}” is not a number.",
    "missing_value": "No value (left as a gap).",
    "negative": "{value} is negative, which {kind} cannot be.",
    "duplicate": "{country} {year}{sex} is already given in row {first_row}.",
    "mixed_unit": "Unit “{value}” differs from “{unit}” in the rows before.",
    "bad_sex": "“{value}” is not a sex (total, male or female).",
}
DID_YOU_MEAN = " Did you mean {suggestions}?"
SUGGESTION = "{name} ({code})"
OR = " or "
CELL = "row {row}, {year}"
TRANSFORM_UNITS = {
    "none": "{unit}",
    "per_capita": "{unit} per person",
    "index": "index, first year shown = 100",
}
ENTRY_DEFINITION = (
    "A series supplied by the user of the dashboard, with the source and licence the user "
    "stated; not checked against its source by the dashboard."
)
SUPPLIED_STATUS = "{supplied}; source: {source}; licence: {licence}"
EXPORT_NOTE = (
    "Rows whose status says \"supplied by the user\" come from a series the user added; the "
    "link above opens the official indicator only, as the user's series stays in their browser."
)

translatable(__name__)
