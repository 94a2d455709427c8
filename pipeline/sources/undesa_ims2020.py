"""UN DESA International Migrant Stock 2020: Destination (the original UN workbook).

Only Table 2 is read: total population at mid-year (thousands), 1990-2020, five-yearly.
It is the population of the 2020 revision, on which Abel & Cohen's flow estimates are
built, and serves only as the denominator of those flows.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from pipeline.sources import undesa_ims2024

FOLDER = "undesa_ims2020"
FILENAME = "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"
POPULATION_SHEET = "Table 2"
HEADER_ROW = 10  # zero-based row of "Region, development group, country or area", ...
LOCATION_COLUMN = "Location code"
NOT_AVAILABLE = ".."  # the Notes sheet: "Two dots (..) indicate that data are not available"
THOUSAND = 1000
SOURCE = "UN DESA IMS 2020"


def read_population(raw_dir: Path) -> pd.DataFrame:
    """country_code, year, population (persons) at mid-year, both sexes, for every row of
    Table 2 whose M49 code UN DESA's location table places on an ISO3 code (countries and
    areas; regions and groups have none)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes about the workbook's styles
        table = pd.read_excel(raw_dir / FOLDER / FILENAME, sheet_name=POPULATION_SHEET,
                              header=HEADER_ROW, engine="openpyxl")
    # The first block of year columns is both sexes; the male and female blocks repeat the
    # years (pandas names them 1990.1, ...).
    years = [c for c in table.columns if isinstance(c, int)]
    if not years:
        raise ValueError(f"{SOURCE}: {POPULATION_SHEET} has no year columns")
    table = table.dropna(subset=[LOCATION_COLUMN])
    codes = undesa_ims2024.read_location_codes(raw_dir)
    loc_id = table[LOCATION_COLUMN].astype("int32")
    table = table[loc_id.isin(codes.index)]
    long = table.assign(loc_id=loc_id).melt(
        id_vars="loc_id", value_vars=years, var_name="year", value_name="thousands")
    long = long[long["thousands"].astype(str).str.strip() != NOT_AVAILABLE]
    out = pd.DataFrame({
        "country_code": long["loc_id"].map(codes).astype("str"),
        "year": long["year"].astype("int16"),
        "population": (long["thousands"].astype("float64") * THOUSAND).round(),
    })
    if out.duplicated(["country_code", "year"]).any():
        raise ValueError(f"{SOURCE}: two rows of {POPULATION_SHEET} share a country code")
    return out.sort_values(["country_code", "year"]).reset_index(drop=True)
