"""Text read by screen readers and keyboard users: the compare tabs' group name, and the
description and data table under every chart."""

from text.i18n import Plural, translatable

TABS_LABEL = "Show the data as"

# The summary and data table under every chart (layouts/chart_text.py).
DATA_DETAILS = "Describe this chart and show its data as a table"
KINDS = {"scatter": "Line chart", "bar": "Bar chart", "choropleth": "Map",
         "sankey": "Flow diagram"}
KIND_DEFAULT = "Chart"
SUMMARY_OPENING = "{kind}: {title}."
SUMMARY_SERIES = "{count} series: {names}."
SUMMARY_TREND = "{name}: {first} in {first_year}, {last} in {last_year}"
SUMMARY_TREND_ONE = "{name}: {value} in {year}"
SUMMARY_RANKED = "{name}, {year}: highest {top}; lowest {bottom}"
SUMMARY_RANKED_ONE = "{name}, {year}: {top}"
SUMMARY_ENTRY = "{place} {value}"
SUMMARY_MORE = Plural("{count} more series in the table.", "{count} more series in the table.")
SERIES_UNNAMED = "All places"
SERIES_WITH_UNIT = "{name} ({unit})"
SUMMARY_NO_DATA = "It has no data to show."
TABLE_CAPTION = "Data shown in the chart: {title}"
COLUMN_SERIES = "Series"
COLUMN_PLACE = "Country or area"
COLUMN_YEAR = "Year"
COLUMN_VALUE = "Value"
COLUMN_UNIT = "Unit"
# Extra columns of a chart's rows (exports.figure_data), by their name in the download.
COLUMNS = {"sex": "Sex", "period": "Period", "destination_name": "Destination",
           "criterion": "Counted by", "coverage": "Who is counted", "definition": "Definition",
           "flow": "Emigrants", "population": "Population", "status": "Status"}
STATUS = {"observed": "observed", "estimate": "estimate", "projection": "projection"}

translatable(__name__)
