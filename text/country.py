"""Text of the country profile pages (/country and /country/<ISO3>)."""

from text.i18n import translatable

INDEX_TITLE = "Country profiles"
INDEX_INTRO = (
    "A migration profile for any country: remittances, diaspora, immigrants and refugees, "
    "where emigrants live, where remittances come from and what sending them costs."
)
PILOTS_TITLE = "Pilot countries"
PICKER_LABEL = "Any other country"
PICKER_PLACEHOLDER = "Search a country…"
NO_OPTIONS = "No match"

TITLE = "{country}: migration profile"
CLASSIFICATION = "Region: {region}. Income group: {income}. {source}."
OTHER_PILOTS = "Other pilot profiles:"
SUMMARY_TITLE = "In brief"
CARDS_TITLE = "Key figures"

NOT_FOUND_TITLE = "No profile for “{code}”"
NOT_FOUND_BODY = (
    "There is no country with the code “{code}” in the data. Profiles use three-letter ISO "
    "codes, such as MDA for Moldova."
)
NOT_FOUND_BACK = "Choose a country"

# Headline cards: indicator code -> card title.
CARD_TITLES = {
    "BX.TRF.PWKR.CD.DT": "Remittances received",
    "BX.TRF.PWKR.DT.GD.ZS": "Remittances, % of GDP",
    "DESA.EMIG.TOTL": "Emigrants (diaspora)",
    "DESA.EMIG.TOTL.ZS": "Emigrants, % of home population",
    "SM.POP.TOTL": "Immigrants",
    "SM.POP.NETM": "Net migration",
    "UNHCR.REFG.OR": "Refugees from the country",
}
CARD_YEAR = "in {year}"
CARD_NO_DATA = "No data for {country}."
CARD_CHANGE = "{change} since {year}"
CARD_CHANGE_NONE = "No value for {year} to compare with."
CARD_CHANGE_ZERO = "Zero in {year}: no change to compare."
CARD_OLD = "No data after {year}."
# What a card's value is when the source does not present it as observed.
CARD_PROJECTION = "Projection, not observed: the source's observed data end in {year}."
CARD_PROJECTION_SHARE = "Projection: a share of the UN's projected population for {year}."
CARD_PROJECTION_ONLY = "Projection, not observed."
CARD_ESTIMATE = "Model estimate, not a count."
CARD_POPULATION_DIFFERS = (
    "The World Bank counts a different population for {country} (up to {pct} apart, in "
    "{year}); this share uses the UN's."
)
CHANGE_POINTS = "{sign}{value} percentage points"
CHANGE_PERCENT = "{sign}{value} %"
CHANGE_ABSOLUTE = "{sign}{value}"
SPARKLINE_LABEL = "{title} over time, {years}"

FINANCE_TITLE = "Remittances, aid and investment"
FINANCE_INTRO = (
    "Personal remittances received set against net official development assistance (ODA) "
    "received and net inflows of foreign direct investment (FDI)."
)
FINANCE_MEASURE_LABEL = "Show as"
FINANCE_MEASURES = {"usd": "US$ (current)", "pct_gdp": "% of GDP"}
FINANCE_AXIS = {"usd": "current US$", "pct_gdp": "% of GDP"}
FINANCE_SERIES = {
    "BX.TRF.PWKR.CD.DT": "Remittances",
    "DT.ODA.ODAT.CD": "Net ODA received",
    "BX.KLT.DINV.CD.WD": "FDI, net inflows",
}
FINANCE_EMPTY = "No remittance, aid or investment data for {country}."
FINANCE_MISSING = "No data for {country}: {series}."

DIASPORA_TITLE = "Where the diaspora lives"
DIASPORA_INTRO = (
    "People born in {country} living in other countries, by country of destination "
    "(UN DESA International Migrant Stock, 2024 revision; mid-year estimates)."
)
DIASPORA_REVISIONS = (
    "The flow estimates in the labour section below (Abel & Cohen) are built on an earlier UN "
    "DESA revision, so they do not add up to these numbers."
)
DIASPORA_YEAR_LABEL = "Year"
DESTINATIONS_BAR_TITLE = "Top destinations, {year}, by sex"
DESTINATIONS_AXIS = "persons"
FEMALE = "Women"
MALE = "Men"
TOTAL = "Total"
DESTINATIONS_HOVER_SHARE = "{share} of all emigrants"
DESTINATIONS_NO_SEX = "No split by sex for: {places}."
DESTINATIONS_MAP_TITLE = "Emigrants from {country} by country of destination, {year}"
DESTINATIONS_MAP_NOTE = (
    "Darker means more emigrants, on a logarithmic scale; grey: none recorded. {country} is "
    "outlined."
)
DESTINATIONS_NONE = "None recorded"
DESTINATIONS_TREND_TITLE = "Emigrants in the top destinations, {first}–{last}"
DESTINATIONS_EMPTY = "UN DESA records no emigrants from {country} in {year}."

SENDERS_TITLE = "Where remittances come from"
SENDERS_INTRO = (
    "Estimated remittances received by {country} in {year}, by sending country "
    "(World Bank bilateral remittance matrix)."
)
SENDERS_CAVEAT = (
    "These are model estimates, not recorded flows: the World Bank allocates each country's "
    "remittances across senders using migrant stocks and incomes."
)
SENDERS_AXIS = "US$ million, {year} (estimate)"
SENDERS_EMPTY = "The {year} remittance matrix estimates no inflows to {country}."
# {age}: the table's age note, "2018 — latest World Bank data in this dashboard".
CHART_AGE = "{age}."

COSTS_TITLE = "What it costs to send money home"
COSTS_INTRO = (
    "Average total cost of sending money from each sending country to {country}, as a share "
    "of the amount sent, by corridor (World Bank Remittance Prices Worldwide)."
)
COSTS_TARGET = "SDG 10.c target: {target}"
COSTS_AXIS = "% of the amount sent"
COSTS_COVERAGE = "Corridors surveyed: {corridors}; quarters {first}–{last}."
COSTS_EMPTY = (
    "Remittance Prices Worldwide surveyed no corridor into {country} between {first} and "
    "{last}."
)

LABOUR_TITLE = "Labour"
LABOUR_PENDING = "The labour section of the profile is being built."

SOURCE_LINE = "Source: {source} ({vintage}). Licence: {licence}."
SOURCE_LINE_TITLE = "Sources"
DOWNLOAD_LABEL = "Download the data:"
DOWNLOAD_FORMATS = {"csv": "CSV", "xlsx": "Excel", "json": "JSON"}

# The plain-language summary; numbers are filled in from the data only.
# Whole sentences, by what is known: the share of the population, and whether the UN's
# population for that year is a projection (WPP 2024 from mid-2024). "About" only where the
# number is rounded.
SUMMARY_EMIGRANTS = {
    "alone": "About {count} people born in {country} lived in other countries in {year}.",
    "share": "About {count} people born in {country} lived in other countries in {year}, "
             "equal to {share} of the population living in {country}.",
    "projected": "About {count} people born in {country} lived in other countries in {year}, "
                 "equal to {share} of the population living in {country} as the UN projects "
                 "it for {year}.",
}
SUMMARY_EMIGRANTS_EXACT = {
    "alone": "{count} people born in {country} lived in other countries in {year}.",
    "share": "{count} people born in {country} lived in other countries in {year}, equal to "
             "{share} of the population living in {country}.",
    "projected": "{count} people born in {country} lived in other countries in {year}, equal "
                 "to {share} of the population living in {country} as the UN projects it for "
                 "{year}.",
}
SUMMARY_NO_EMIGRANTS = "UN DESA gives no estimate of emigrants from {country}."
SUMMARY_DESTINATIONS_ONE = "Most live in {first} ({first_share})."
SUMMARY_DESTINATIONS = "The largest groups live in {places}."
SUMMARY_PLACE = "{name} ({share})"
# Places named with "the" in a sentence ("in the United States"), by ISO3 code.
THE_NAMES = frozenset({
    "ARE", "BHS", "CAF", "COD", "COG", "COM", "CZE", "DOM", "GBR", "GMB", "MDV", "MHL", "NLD",
    "PHL", "RUS", "SLB", "SYC", "USA", "VAT",
})
THE = "the {name}"
SUMMARY_AND = " and "
SUMMARY_LIST_SEPARATOR = ", "
# {comparisons}: the phrases below, listed with SUMMARY_AND and SUMMARY_LIST_SEPARATOR.
SUMMARY_FINANCE = "In {year}, remittances to {country} came to US$ {remittances}: {comparisons}."
# When aid or investment figures end before remittances: the comparison year says why, and
# the latest remittances follow, as on the headline card.
SUMMARY_FINANCE_EARLIER = (
    "In {year}, the latest year with aid and investment figures to compare, remittances to "
    "{country} came to US$ {remittances}: {comparisons}."
)
SUMMARY_FINANCE_LATEST = "In {year}, the latest year with data, they came to US$ {remittances}."
# How remittances compare with each flow, one phrase per flow and outcome.
SUMMARY_VS = {
    "oda": {
        "more": "{ratio} times net aid received (US$ {amount})",
        "same": "about the same as net aid received (US$ {amount})",
        "less": "{pct} of net aid received (US$ {amount})",
        "negative": "while net aid received was negative (US$ {amount})",
        "missing": "no figure for net aid received that year",
    },
    "fdi": {
        "more": "{ratio} times net foreign direct investment (US$ {amount})",
        "same": "about the same as net foreign direct investment (US$ {amount})",
        "less": "{pct} of net foreign direct investment (US$ {amount})",
        "negative": "while net foreign direct investment was negative (US$ {amount})",
        "missing": "no figure for net foreign direct investment that year",
    },
}
SUMMARY_NO_FINANCE = (
    "No year has both remittance data and aid or investment data for {country}."
)

FINANCE_LATEST = "Latest data: {items}."
FINANCE_LATEST_ITEM = "{series} {year}"
CARD_COMPARE = "Compare"
CARD_COMPARE_TITLE = "{title}: compare {country} with other countries"
DOWNLOAD_FINANCE = "{series}, {country}"
DOWNLOAD_DIASPORA = "Emigrants from {country} by destination, {year}"
COSTS_LATEST = "Latest survey for {country}: {period}."

translatable(__name__)
