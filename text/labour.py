"""Text of the Labour flows view and of the labour section of country profiles."""

from text.i18n import translatable

TITLE = "Labour flows"
INTRO = (
    "Where people from a country go, how many leave each year for every 1,000 residents, and "
    "the labour market they leave behind. Flows are estimates or national counts, not counts "
    "of workers: read the notes under each chart."
)
PROFILE_TITLE = "Labour flows"

COUNTRY_LABEL = "Country of origin"
COUNTRIES_LABEL = "Countries to compare (emigration per 1,000 residents)"
COUNTRIES_PLACEHOLDER = "Add countries…"
NO_OPTIONS = "No country matches"

# --- emigration by destination (Abel & Cohen) ---
DESTINATIONS_TITLE = "Emigration from {country} by destination, 5-year periods"
DESTINATIONS_AXIS = "People who moved in the 5 years"
OTHER_DESTINATIONS = "All other countries"
FEMALE_SHARE_NAME = "Women, % of all emigrants"
FEMALE_SHARE_AXIS = "Women, %"
PERIOD_LABEL = "{start}–{end}"
DESTINATIONS_NOTE = (
    "Model estimates of people who moved from {country} to another country over each 5-year "
    "period (mid-year to mid-year), by Abel & Cohen (2022), derived from changes in UN migrant "
    "stocks. They are not counts of labour migrants, and other estimation methods give much "
    "lower totals. Women's share is shown for all destinations together: women's and "
    "both-sexes flows are estimated separately, so for a single destination they may not fit "
    "together."
)
DESTINATIONS_EMPTY = "No flow estimates for {country}."
# {based_on}: what the source's own estimates are built on (query.source_basis).
FLOWS_BASIS = "What these estimates are built on: {based_on}"
# A code that covers another area in some periods: its mark in the chart, and the note.
FORMER_AREA = "{mark} {note}."

# --- annual flows as destinations count them (UN DESA) ---
ANNUAL_TITLE = "Yearly arrivals from {country}, as each destination counts them"
ANNUAL_AXIS = "People arriving in the year"
ANNUAL_NOT_ADDED = (
    "Each line is one destination's own count. Destinations count differently (by country of "
    "birth, of citizenship or of previous residence; permits, registers or residence "
    "admissions), so the lines are never added up and their levels are not comparable."
)
ANNUAL_END = (
    "Annual flows end in {year}: the UN DESA 2015 revision is the latest in this dashboard. "
    "There are no later years to show."
)
ANNUAL_EMPTY = "None of the {n} countries that report annual flows by origin lists {country}."
ANNUAL_MISSING_DESTINATIONS = (
    "Largest destinations in 2015–2020 with no annual flows by origin in this dataset: "
    "{names}."
)
ANNUAL_ALL_REPORT = "All of {country}'s largest destinations in 2015–2020 report annual flows."
ANNUAL_HOW_TITLE = "How each destination counts"
CRITERION_LABELS = {
    "birth": "by country of birth",
    "citizenship": "by citizenship",
    "residence": "by previous residence",
}
COVERAGE_LABELS = {
    "foreigners": "foreign citizens",
    "both": "citizens and foreigners",
    "citizens": "own citizens",
}
LINE_LABEL = "{country} ({criterion}, {coverage})"

# --- home labour market (WDI) ---
MARKET_TITLE = "The labour market at home: {country}"
MARKET_PARTICIPATION = "Labour force participation, % ages 15+"
MARKET_YOUTH = "Youth unemployment, % ages 15–24"
MARKET_FORCE = "Labour force, people"
SEX_LABELS = {"female": "Women", "male": "Men"}
LABOUR_FORCE_NAME = "Labour force"
MARKET_NOTE = (
    "World Bank WDI, ILO modelled estimates. Modelled series can shift in level when the model "
    "changes: compare trends, and check the source note."
)
MARKET_EMPTY = "No labour-market data for {country}."

# --- emigration per 1,000 residents (derived) ---
RATE_TITLE = "Emigrants per 1,000 residents per year (derived)"
RATE_AXIS = "Emigrants per 1,000 residents per year"
# {formula}: query.labour.RATE_FORMULA, the one wording of how the rate is computed.
RATE_HOW = "How it is computed: {formula}"
RATE_EMPTY = "Choose at least one country to compare."
RATE_NO_DATA = "No flow estimates or population for the chosen countries."
RATE_HOVER = "{country}, {period}: {rate} per 1,000 per year ({flow} in 5 years)"

# --- sources ---
SOURCES_TITLE = "Sources"
SOURCES_DEFINITION = "Definition"
SOURCES_SOURCE = "Source"
SOURCES_LICENCE = "Licence"
SOURCES_VINTAGE = "Vintage"
SOURCES_CITATION = "Citation"
SOURCES_USED_FOR = "Used for"
USED_FOR = {
    "abel_cohen_flows_2022_migviz": "Emigration by destination and emigrants per 1,000 residents",
    "undesa_migflow_2015": "Yearly arrivals as each destination counts them",
    "wdi_datasets": "Population (for the rate) and labour force",
    "wdi_datasets_labour": "Participation and youth unemployment",
}
SOURCE_DEFINITIONS = {
    "abel_cohen_flows_2022_migviz": (
        "Bilateral flows of people who changed their country of residence during a 5-year "
        "period, estimated from UN DESA migrant stocks (International Migrant Stock 2020) by "
        "closed demographic accounting with a pseudo-Bayesian extension. Countries only; "
        "world-region totals in the source are left out."
    ),
    "undesa_migflow_2015": (
        "Annual numbers of immigrants and emigrants as reported by each destination country "
        "from its own registers, permits or admissions, by country of birth, citizenship or "
        "previous residence. Definitions differ between countries."
    ),
}

NOTICE_PARAMS = {"country": "country", "countries": "countries"}
UNKNOWN_COUNTRY = "There is no country with the code {code}."
COPY_CITATION = "Copy the citation"
OPEN_FULL_VIEW = "Open the full Labour flows view"

translatable(__name__)
