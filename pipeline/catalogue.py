"""The indicator catalogue: what each series is, where it comes from, what it may be divided by.

Names, definitions and licences of WDI series are read from the source files at build
time; this module holds only what the files do not say (short names, topics, units,
display decimals, allowed transforms) and the plain-text descriptions of the series
computed here from UN DESA and UNHCR tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from query import schema

NOT_STATED = "not stated by the source"

TOPICS = ("remittances", "diaspora", "labour", "context")

POPULATION = "SP.POP.TOTL"
GDP = "NY.GDP.MKTP.CD"

# Transforms that change what a number means; index and pct_change are open to every series.
PER_CAPITA = "per_capita"
PCT_GDP = "pct_gdp"


@dataclass(frozen=True)
class Display:
    short_name: str
    topic: str
    unit: str
    unit_short: str
    decimals: int
    # Offered only when the series, SP.POP.TOTL and NY.GDP.MKTP.CD share one release.
    transforms: tuple[str, ...] = ()


# What the status of a value says (indicator_values.status), strongest claim first:
# observed (the source presents the value as data for its year), estimate (the source says
# it comes from a model, e.g. ILO modelled), projection (the source places it in a
# projection, e.g. the WPP medium variant).
STATUSES = schema.STATUSES
OBSERVED, ESTIMATE, PROJECTION = STATUSES

# Territories: whose list of areas a source's codes follow. A ratio divides only numbers
# of one territory (the build refuses any other ratio).
WB_ECONOMIES = "World Bank economies"
UN_AREAS = "UN DESA countries and areas (M49)"
UNHCR_AREAS = "UNHCR countries and territories"

# Releases that belong to one revision of one publisher and may meet in a ratio.
RELEASE_FAMILIES = {
    "undesa-ims-2024": "UN DESA 2024 revisions",
    "undesa-wpp-2024": "UN DESA 2024 revisions",
    "undesa-ims-2020": "UN DESA 2020 revision",
    "abel-cohen-2022": "UN DESA 2020 revision",
}


@dataclass(frozen=True)
class SourceInfo:
    name: str
    publisher: str
    url: str
    citation: str
    licence: str  # word for word as the files state it, else NOT_STATED; "" = read at build
    territory: str = WB_ECONOMIES
    short: str = "World Bank"  # the publisher as an age note names it
    based_on: str | None = None  # the data the source's own estimates are built on


USD = ("current US$", "US$")
PERSONS = ("persons", "")
MONEY_TRANSFORMS = (PER_CAPITA, PCT_GDP)

# WDI per-indicator folders (2026 release): folder -> code -> display.
WDI_SERIES: dict[str, dict[str, Display]] = {
    "wdi_datasets": {
        "BX.TRF.PWKR.CD.DT": Display(
            "Remittances received", "remittances", *USD, 0, MONEY_TRANSFORMS
        ),
        "SM.POP.NETM": Display("Net migration", "diaspora", *PERSONS, 0),
        "SM.POP.TOTL": Display("Immigrant stock", "diaspora", *PERSONS, 0),
        "BX.KLT.DINV.CD.WD": Display("FDI, net inflows", "context", *USD, 0, MONEY_TRANSFORMS),
        "DT.ODA.ODAT.CD": Display("Net ODA received", "context", *USD, 0, MONEY_TRANSFORMS),
        "SP.POP.TOTL": Display("Population", "context", *PERSONS, 0),
        "NY.GDP.MKTP.CD": Display("GDP", "context", *USD, 0),
        "NY.GDP.PCAP.CD": Display("GDP per capita", "context", "current US$ per person", "US$", 0),
        "NY.GNP.PCAP.CD": Display(
            "GNI per capita (Atlas)", "context", "current US$ per person, Atlas method", "US$", 0
        ),
        "SL.UEM.TOTL.ZS": Display("Unemployment", "labour", "% of total labour force", "%", 1),
        "SL.TLF.TOTL.IN": Display("Labour force", "labour", *PERSONS, 0),
    },
    "wdi_datasets_labour": {
        "SL.EMP.TOTL.SP.ZS": Display(
            "Employment-to-population ratio", "labour", "% of population ages 15+", "%", 1
        ),
        "SL.TLF.CACT.FE.ZS": Display(
            "Labour force participation, women",
            "labour",
            "% of female population ages 15+",
            "%",
            1,
        ),
        "SL.TLF.CACT.MA.ZS": Display(
            "Labour force participation, men", "labour", "% of male population ages 15+", "%", 1
        ),
        "SL.UEM.1524.FE.ZS": Display(
            "Youth unemployment, women", "labour", "% of female labour force ages 15-24", "%", 1
        ),
        "SL.UEM.1524.MA.ZS": Display(
            "Youth unemployment, men", "labour", "% of male labour force ages 15-24", "%", 1
        ),
    },
}

# WDI Excel downloads, 2023-05-10 release (kept at that vintage): file -> display.
WDI_XLS_SERIES: dict[str, Display] = {
    "personal-remittances-paid.xls": Display("Remittances paid", "remittances", *USD, 0),
    "sending-cost-to-country.xls": Display(
        "Cost of sending remittances to the country",
        "remittances",
        "% of amount sent (USD 200)",
        "%",
        2,
    ),
}

# Series computed in the build. Codes that are not World Bank codes carry the
# source's prefix so they can never be mistaken for published WDI series.
REMITTANCES_PCT_GDP = "BX.TRF.PWKR.DT.GD.ZS"
REMITTANCES_PER_CAPITA = "BX.TRF.PWKR.CD.DT.PC"
IMMIGRANTS_PCT_POPULATION = "SM.POP.TOTL.ZS"
EMIGRANTS = "DESA.EMIG.TOTL"
EMIGRANTS_PCT_POPULATION = "DESA.EMIG.TOTL.ZS"
REFUGEES_BY_ORIGIN = "UNHCR.REFG.OR"
ASYLUM_SEEKERS_BY_ORIGIN = "UNHCR.ASYL.OR"
WPP_POPULATION = "WPP.POP.TOTL"

# Countries where the WDI and WPP 2024 populations differ by more than this share in any
# year from POPULATION_COMPARISON_FROM on are listed (population_differences) and noted.
POPULATION_DIFFERENCE_PCT = 3.0
POPULATION_COMPARISON_FROM = 1990

DERIVED_DISPLAY: dict[str, Display] = {
    REMITTANCES_PCT_GDP: Display(
        "Remittances received, % of GDP", "remittances", "% of GDP", "%", 1
    ),
    REMITTANCES_PER_CAPITA: Display(
        "Remittances received per person", "remittances", "current US$ per person", "US$", 0
    ),
    IMMIGRANTS_PCT_POPULATION: Display(
        "Immigrant stock, % of population", "diaspora", "% of population", "%", 1
    ),
    EMIGRANTS: Display("Emigrants (diaspora)", "diaspora", *PERSONS, 0),
    EMIGRANTS_PCT_POPULATION: Display(
        "Emigrants, % of home population", "diaspora", "% of home-country population", "%", 1
    ),
    REFUGEES_BY_ORIGIN: Display("Refugees from the country", "diaspora", *PERSONS, 0),
    ASYLUM_SEEKERS_BY_ORIGIN: Display("Asylum seekers from the country", "diaspora", *PERSONS, 0),
    WPP_POPULATION: Display("Population (UN)", "context", *PERSONS, 0),
}

# The population each series is counted against (or is): WDI's or UN DESA's. Where the two
# differ by more than POPULATION_DIFFERENCE_PCT, the series gets a note for that country.
POPULATION_BASIS: dict[str, str] = {
    POPULATION: POPULATION,
    "NY.GDP.PCAP.CD": POPULATION,
    "NY.GNP.PCAP.CD": POPULATION,
    REMITTANCES_PER_CAPITA: POPULATION,
    WPP_POPULATION: WPP_POPULATION,
    IMMIGRANTS_PCT_POPULATION: WPP_POPULATION,
    EMIGRANTS_PCT_POPULATION: WPP_POPULATION,
}

# Full names of the ratios computed from one WDI release.
WDI_DERIVED_NAMES: dict[str, str] = {
    REMITTANCES_PCT_GDP: "Personal remittances, received (% of GDP)",
    REMITTANCES_PER_CAPITA: "Personal remittances, received, per person (current US$)",
}

UNDESA_MIGRANT_DEFINITION = (
    "UN DESA counts as international migrants the people living in a country other than "
    "their country of birth (or, where place of birth is not recorded, of citizenship), "
    "including refugees, at mid-year."
)

# Plain-text names and definitions of the series computed from UN DESA and UNHCR tables.
DESA_UNHCR_TEXT: dict[str, tuple[str, str]] = {
    EMIGRANTS: (
        "Emigrant stock: people born in the country living abroad (UN DESA IMS 2024)",
        "Number of international migrants from this country of origin living in other "
        "countries at mid-year, both sexes, all ages, summed over all countries of destination "
        "in UN DESA's International Migrant Stock 2024 (origin by destination). "
        + UNDESA_MIGRANT_DEFINITION
        + " Migrants whose origin UN DESA lists as 'Other' are not attributed to any country.",
    ),
    EMIGRANTS_PCT_POPULATION: (
        "Emigrant stock as % of the home-country population",
        "Emigrants from this country living abroad (UN DESA International Migrant Stock 2024, "
        "summed over destinations) as a percentage of the country's mid-year population in "
        "UN DESA's World Population Prospects 2024, so that both numbers cover the same "
        "territory (the World Bank's population of some countries covers a smaller one). "
        + UNDESA_MIGRANT_DEFINITION,
    ),
    IMMIGRANTS_PCT_POPULATION: (
        "International migrant stock (% of population)",
        "International migrants living in the country at mid-year (UN DESA International "
        "Migrant Stock 2024, all origins, both sexes, all ages; the numbers WDI publishes as "
        "SM.POP.TOTL) as a percentage of the country's mid-year population in UN DESA's World "
        "Population Prospects 2024, so that both numbers cover the same territory. "
        + UNDESA_MIGRANT_DEFINITION,
    ),
    WPP_POPULATION: (
        "Population, total, at mid-year (UN DESA World Population Prospects 2024)",
        "Total population at 1 July, both sexes, all ages, in UN DESA's World Population "
        "Prospects 2024: the mean of the populations at 1 January of the year and of the next "
        "year. Estimates run to the end of 2023; a mid-year population of 2024 or later uses "
        "the medium-variant projection. The UN's area of a country can differ from the World "
        "Bank's (SP.POP.TOTL).",
    ),
    REFUGEES_BY_ORIGIN: (
        "Refugees by country of origin (UNHCR)",
        "Refugees under UNHCR's mandate who originate from this country, at the end of the "
        "year, summed over all countries of asylum (UNHCR Refugee Population Statistics, "
        "origin by asylum country). The source file labels end-2019 figures as 2020; here "
        "they are shown as 2019.",
    ),
    ASYLUM_SEEKERS_BY_ORIGIN: (
        "Asylum seekers by country of origin (UNHCR)",
        "Asylum seekers (pending cases) who originate from this country, at the end of the "
        "year, summed over all countries of asylum (UNHCR Refugee Population Statistics, "
        "origin by asylum country). The source file labels end-2019 figures as 2020; here "
        "they are shown as 2019.",
    ),
}

# One entry per raw source folder. Licences are quoted from the files, else NOT_STATED.
SOURCES: dict[str, SourceInfo] = {
    "wdi_datasets": SourceInfo(
        name="World Development Indicators (per-indicator CSV)",
        publisher="World Bank",
        url="https://data.worldbank.org/",
        citation="World Bank, World Development Indicators",
        licence="",  # read from each datapackage.json
    ),
    "wdi_datasets_labour": SourceInfo(
        name="World Development Indicators, labour-market series (per-indicator CSV)",
        publisher="World Bank (ILO modelled estimates)",
        url="https://data.worldbank.org/",
        citation="World Bank, World Development Indicators (ILO modelled estimates)",
        licence="",  # read from each datapackage.json
    ),
    "wb_wdi_xls_2023": SourceInfo(
        name="World Development Indicators (Excel download, last updated 2023-05-10)",
        publisher="World Bank",
        url="https://data.worldbank.org/",
        citation="World Bank, World Development Indicators (last updated 2023-05-10)",
        licence=NOT_STATED,
    ),
    "undesa_ims2024_migrantstock_app": SourceInfo(
        name="International Migrant Stock 2024 (origin by destination)",
        publisher="United Nations, Department of Economic and Social Affairs, Population Division",
        url="https://www.un.org/development/desa/pd/content/international-migrant-stock",
        citation="UN DESA Population Division (2024), International Migrant Stock 2024",
        licence=NOT_STATED,
        territory=UN_AREAS,
        short="UN DESA",
    ),
    "undesa_wpp2024": SourceInfo(
        name="World Population Prospects 2024 (total population and net migration)",
        publisher="United Nations, Department of Economic and Social Affairs, Population Division",
        url="https://population.un.org/wpp/",
        citation="United Nations, DESA, Population Division (2024). World Population Prospects "
        "2024",
        licence="2024 United Nations, DESA, Population Division. Licensed under Creative "
        "Commons license CC BY 3.0 IGO",
        territory=UN_AREAS,
        short="UN DESA",
    ),
    "undesa_ims2020": SourceInfo(
        name="International Migrant Stock 2020: Destination (total population, Table 2)",
        publisher="United Nations, Department of Economic and Social Affairs, Population Division",
        url="https://www.un.org/development/desa/pd/content/international-migrant-stock",
        citation="United Nations Department of Economic and Social Affairs, Population Division "
        "(2020). International Migrant Stock 2020.",
        licence="Copyright © 2020 by United Nations, made available under a Creative Commons "
        "license CC BY 3.0 IGO: http://creativecommons.org/licenses/by/3.0/igo/",
        territory=UN_AREAS,
        short="UN DESA",
    ),
    "unhcr_stepladder": SourceInfo(
        name="Refugee Population Statistics (origin by country of asylum, 1995-2019)",
        publisher="UNHCR",
        url="https://www.unhcr.org/refugee-statistics/download/",
        citation="UNHCR Refugee Population Statistics Database",
        licence=NOT_STATED,
        territory=UNHCR_AREAS,
        short="UNHCR",
    ),
    "wb_bilateral_remittance_matrix_2018": SourceInfo(
        name="Bilateral Remittance Matrix 2018 (October 2019)",
        publisher="World Bank",
        url="https://www.worldbank.org/en/topic/migrationremittancesdiasporaissues/brief/migration-remittances-data",
        citation="World Bank, Bilateral Remittance Matrix 2018 (October 2019)",
        licence=NOT_STATED,
    ),
    "wb_rpw_databank_corridors_2020q3": SourceInfo(
        name="Remittance Prices Worldwide (Corridors)",
        publisher="World Bank",
        url="https://databank.worldbank.org/source/remittance-prices-worldwide-(corridors)",
        citation="The World Bank, Remittance Prices Worldwide",
        licence=NOT_STATED,
    ),
    "undesa_migflow_2015": SourceInfo(
        name="International Migration Flows to and from Selected Countries: The 2015 Revision "
        "(POP/DB/MIG/Flow/Rev.2015)",
        publisher="United Nations, Department of Economic and Social Affairs, Population Division",
        url="https://www.un.org/en/development/desa/population/migration/data/empirical2/",
        citation="United Nations, Department of Economic and Social Affairs, Population "
        "Division (2015). International Migration Flows to and from Selected Countries: "
        "The 2015 Revision. (United Nations database, POP/DB/MIG/Flow/Rev.2015).",
        licence="Copyright © 2015 by United Nations. All rights reserved",
        territory=UN_AREAS,
        short="UN DESA",
    ),
    "wb_country_metadata": SourceInfo(
        name="Country classification (region, income group), World Bank API country endpoint",
        publisher="World Bank",
        url="https://api.worldbank.org/v2/country",
        citation="World Bank, World Development Indicators, country metadata",
        licence=NOT_STATED,
    ),
    "abel_cohen_flows_2022_migviz": SourceInfo(
        name="Bilateral international migration flow estimates by sex, 1990-2020 "
        "(closed demographic accounting, pseudo-Bayesian)",
        publisher="Guy J. Abel and Joel E. Cohen",
        url="https://doi.org/10.6084/m9.figshare.12845711",
        citation="Abel, G.J. and Cohen, J.E. (2022). Bilateral international migration flow "
        "estimates updated and refined by sex. Scientific Data 9, 173.",
        licence="\"This work is licensed under a Creative Commons Attribution-NonCommercial 3.0 "
        "Unported License.\" (footer of the source website's page of these flows, vendored; "
        "the licence of the figshare original is not stated in the vendored files)",
        territory=UN_AREAS,
        short="Abel & Cohen",
        based_on="UN DESA migrant stocks and demographic totals of the 2020 revision (the "
        "estimates match changes in UN migrant populations and population totals, births, "
        "deaths and net migration, per the source website; the last period ends mid-2020). "
        "The migrant stocks shown elsewhere in this dashboard are the 2024 revision.",
    ),
}


# Sources that exist only once the refresh has fetched them.
OPTIONAL_SOURCES = frozenset({"wb_country_metadata"})


def wdi_indicator_url(code: str) -> str:
    return f"https://data.worldbank.org/indicator/{code}"
