"""UNHCR refugees and asylum seekers by origin x asylum (guyabel/stepladderChapter copy)."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

FOLDER = "unhcr_stepladder"
FILENAME = "unhcr_2020.csv"
# The copying script relabelled UNHCR's end-2019 figures as "2020"; put them back.
RELABEL_YEARS = {2020: 2019}
COUNT_COLUMNS = ("refugees", "asylum_seekers")

log = logging.getLogger(__name__)


def read_refugees(raw_dir: Path) -> pd.DataFrame:
    """read_refugees_as_filed with the years a count is not recorded by origin as gaps."""
    return blank_unrecorded_years(read_refugees_as_filed(raw_dir))


def read_refugees_as_filed(raw_dir: Path) -> pd.DataFrame:
    """Columns origin_code, asylum_code, year, refugees, asylum_seekers.

    "NA" is Namibia in the code columns and "no value" in the count columns.
    Rows with an empty origin (origin not recorded) are left out: they belong to no
    origin country.
    """
    raw = pd.read_csv(
        raw_dir / FOLDER / FILENAME,
        dtype={"orig": "str", "dest": "str"},
        keep_default_na=False,
        na_values={
            "orig": [""],
            "dest": [""],
            "refugees": ["", "NA"],
            "asylum_seekers": ["", "NA"],
        },
    )
    raw = raw.dropna(subset=["orig", "dest"])
    table = pd.DataFrame(
        {
            "origin_code": raw["orig"].str.upper(),
            "asylum_code": raw["dest"].str.upper(),
            "year": raw["year"].replace(RELABEL_YEARS).astype("int16"),
            "refugees": raw["refugees"].astype("float64"),
            "asylum_seekers": raw["asylum_seekers"].astype("float64"),
        }
    ).reset_index(drop=True)
    return table


def unrecorded_years(table: pd.DataFrame, column: str) -> list[int]:
    """Years in which `column` is zero for every origin: the file records that year's count
    only in rows without an origin (asylum seekers, 1995-1999), so by origin it is a gap."""
    by_year = table.dropna(subset=[column]).groupby("year")[column]
    nonzero = by_year.apply(lambda v: (v != 0).sum())
    return [int(y) for y in nonzero.index[nonzero == 0]]


def blank_unrecorded_years(table: pd.DataFrame) -> pd.DataFrame:
    """The table with the counts of unrecorded years (unrecorded_years) set to missing."""
    table = table.copy()
    for column in COUNT_COLUMNS:
        years = unrecorded_years(table, column)
        if years:
            log.info("UNHCR: %s not recorded by origin in %s: gaps, not zeros", column, years)
            table.loc[table["year"].isin(years), column] = float("nan")
    return table
