"""UN DESA World Population Prospects 2024 (the wpp2024 R package's tab-separated files).

Every file has `country_code` (M49), `country`, then one column per year, in thousands.
The package's population for year t is the population at 31 December of t (its README,
"Caution"); `PopChange` for t is the change over civil year t. Estimates run to 2023,
the medium-variant projection (`...projMed`) from 2024 (README: "Historical estimates:
Data from 1949 to 2023", "Projections: Data from 2024 to 2100"); `migration.txt` states
its last estimated year in a column `last.observed`.

Mid-year population is reconstructed from 1 January populations:
    Jan1(first projection year + 1) = popprojMed[first projection year]
    Jan1(t) = Jan1(t + 1) - PopChange(t)        (PopChangeprojMed from the projection years)
    Jan1(t + 2) = popprojMed[t + 1]              (and so on, for later years)
    mid(t) = (Jan1(t) + Jan1(t + 1)) / 2
A mid-year population that needs a 1 January population after the last estimated
31 December is a projection.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.sources import country_names, undesa_ims2024

FOLDER = "undesa_wpp2024"
POPULATION_PROJECTION = "popprojMed.txt"
CHANGE_ESTIMATES = "PopChange.txt"
CHANGE_PROJECTION = "PopChangeprojMed.txt"
MIGRATION_ESTIMATES = "migration.txt"
MIGRATION_PROJECTION = "migrationprojMed.txt"
LOCATIONS = "UNlocations.txt"
LAST_OBSERVED_COLUMN = "last.observed"
COUNTRY_TYPE = 4  # UNlocations location_type of a country or area
THOUSAND = 1000
FIRST_MID_YEAR = 1950
LAST_MID_YEAR = 2025  # as far as the other sources' annual series go
# Locations of WPP 2024 with no ISO3 code in UN DESA's location table, placed by name.
NAME_ALIASES = {"Kosovo (under UNSC res. 1244)": "XKX"}

SOURCE = "UN DESA WPP 2024"


@dataclass(frozen=True)
class WppSeries:
    """Values by M49 location and year, and the last year of the estimates (before the
    medium-variant projection starts)."""

    values: pd.DataFrame  # loc_id, year, value (persons), projected (bool)
    last_estimate_year: int


def _read(raw_dir: Path, name: str) -> pd.DataFrame:
    frame = pd.read_csv(
        raw_dir / FOLDER / name, sep="\t", dtype={"country": "str"}, keep_default_na=False,
        na_values=[""],
    )
    if frame.drop(columns=["country"]).isna().any().any():
        raise ValueError(f"{SOURCE}: {name} has empty cells")
    return frame.set_index("country_code").drop(columns=["country"])


def _year_columns(frame: pd.DataFrame) -> list[int]:
    return sorted(int(c) for c in frame.columns if str(c).isdigit())


def _persons(thousands: pd.Series) -> pd.Series:
    """Thousands with three decimals -> whole persons (exact)."""
    return (thousands.astype("float64") * THOUSAND).round().astype("int64")


def read_country_locations(raw_dir: Path) -> pd.DataFrame:
    """loc_id, name of every country or area (location_type 4) in UNlocations."""
    loc = pd.read_csv(raw_dir / FOLDER / LOCATIONS, sep="\t", keep_default_na=False,
                      na_values=[""], dtype={"name": "str"})
    countries = loc[loc["location_type"].astype(str) == str(COUNTRY_TYPE)]
    return pd.DataFrame({"loc_id": countries["country_code"].astype("int32"),
                         "name": countries["name"].astype("str")}).reset_index(drop=True)


def location_codes(raw_dir: Path) -> pd.Series:
    """loc_id -> ISO3 for every WPP country or area: UN DESA's location table first, then
    the shared name lookup (with NAME_ALIASES) for locations it carries no code for."""
    countries = read_country_locations(raw_dir)
    known = undesa_ims2024.read_location_codes(raw_dir)
    codes = countries["loc_id"].map(known)
    missing = countries[codes.isna()]
    if not missing.empty:
        by_name = country_names.reference().codes(missing["name"], SOURCE, NAME_ALIASES)
        codes = codes.fillna(countries["name"].map(by_name))
    table = pd.Series(codes.to_numpy(), index=countries["loc_id"].to_numpy(), name="iso3")
    if table.duplicated().any():
        raise ValueError(f"{SOURCE}: two locations share an ISO3 code")
    return table


def read_midyear_population(raw_dir: Path) -> WppSeries:
    """Mid-year population (persons) per M49 location, FIRST_MID_YEAR..LAST_MID_YEAR."""
    projection = _read(raw_dir, POPULATION_PROJECTION)
    change = _read(raw_dir, CHANGE_ESTIMATES)
    change_projection = _read(raw_dir, CHANGE_PROJECTION)
    if not (set(projection.index) == set(change.index) == set(change_projection.index)):
        raise ValueError(f"{SOURCE}: the population files list different locations")
    first_projection = _year_columns(projection)[0]
    if _year_columns(change)[-1] != first_projection - 1:
        raise ValueError(f"{SOURCE}: estimates and projection do not meet")
    # 1 January populations (persons), keyed by year.
    jan1 = {first_projection + 1: _persons(projection[str(first_projection)])}
    jan1[first_projection] = jan1[first_projection + 1] - _persons(
        change_projection[str(first_projection)])
    for year in range(first_projection - 1, FIRST_MID_YEAR - 1, -1):
        jan1[year] = jan1[year + 1] - _persons(change[str(year)])
    for year in range(first_projection + 1, LAST_MID_YEAR + 1):
        jan1[year + 1] = _persons(projection[str(year)])
    frames = []
    for year in range(FIRST_MID_YEAR, LAST_MID_YEAR + 1):
        mid = (jan1[year] + jan1[year + 1]) / 2
        frames.append(pd.DataFrame({
            "loc_id": mid.index.astype("int32"), "year": year, "value": mid.to_numpy(),
            # Jan1(year + 1) = 31 December of `year`: estimated up to first_projection - 1.
            "projected": year >= first_projection,
        }))
    values = pd.concat(frames, ignore_index=True)
    return WppSeries(values.astype({"year": "int16"}), first_projection - 1)


def read_net_migration(raw_dir: Path) -> WppSeries:
    """Net migration (persons) per M49 location and year: estimates, then the projection."""
    estimates = _read(raw_dir, MIGRATION_ESTIMATES)
    last_observed = set(estimates.pop(LAST_OBSERVED_COLUMN).astype(int))
    if len(last_observed) != 1:
        raise ValueError(f"{SOURCE}: {MIGRATION_ESTIMATES} gives several last.observed years")
    last = last_observed.pop()
    projection = _read(raw_dir, MIGRATION_PROJECTION)
    if _year_columns(estimates)[-1] != last or _year_columns(projection)[0] != last + 1:
        raise ValueError(f"{SOURCE}: net migration estimates do not end at last.observed")
    frames = []
    for frame, projected in ((estimates, False), (projection, True)):
        long = frame.rename_axis("loc_id").reset_index().melt(
            id_vars="loc_id", var_name="year", value_name="thousands")
        frames.append(pd.DataFrame({
            "loc_id": long["loc_id"].astype("int32"),
            "year": long["year"].astype("int16"),
            "value": _persons(long["thousands"]).astype("float64"),
            "projected": projected,
        }))
    values = pd.concat(frames, ignore_index=True)
    return WppSeries(values[values["year"] <= LAST_MID_YEAR].reset_index(drop=True), last)


def by_country(series: WppSeries, codes: pd.Series) -> pd.DataFrame:
    """country_code, year, value, projected for the locations with an ISO3 code."""
    values = series.values[series.values["loc_id"].isin(codes.index)]
    return pd.DataFrame({
        "country_code": values["loc_id"].map(codes).astype("str"),
        "year": values["year"],
        "value": values["value"],
        "projected": values["projected"],
    }).sort_values(["country_code", "year"]).reset_index(drop=True)
