"""Text of the diaspora comparison (/diaspora)."""

from text.i18n import translatable

TITLE = "Compare diasporas"
INTRO = (
    "People born in each country and living in another, over time and by country of "
    "destination (UN DESA International Migrant Stock, 2024 revision; mid-year estimates)."
)
COUNTRIES_LABEL = "Countries of origin"
COUNTRIES_PLACEHOLDER = "Add a country…"
NO_OPTIONS = "No match"
MEASURE_LABEL = "Show emigrants as"
MEASURES = {"persons": "Persons", "pct": "% of home population"}
MEASURE_INDICATORS = {"persons": "DESA.EMIG.TOTL", "pct": "DESA.EMIG.TOTL.ZS"}
MEASURE_AXIS = {"persons": "persons", "pct": "% of the population living in the country"}
YEAR_LABEL = "Year of the flow diagram"

TREND_TITLE = "Emigrants, {first}–{last}"
SANKEY_TITLE = "Where they live: the {top} largest destinations of each country, {year}"
SANKEY_NOTE = (
    "Each band runs from a country of origin (left) to a country of destination (right); its "
    "width is the number of emigrants. Other destinations are left out."
)
EMPTY_NO_COUNTRIES = "Choose at least one country."
EMPTY_NO_DATA = "UN DESA gives no emigrant estimates for the chosen countries."
NO_ESTIMATE = "No UN DESA estimate for: {countries}."
PROFILE_LINKS = "Country profiles:"
DOWNLOAD_TREND = "Emigrants ({measure}), {countries}"
DOWNLOAD_DESTINATIONS = "Emigrants from {country} by destination, {year}"

translatable(__name__, keep=("MEASURE_INDICATORS",))  # codes, not words
