"""UNHCR refugees and asylum seekers by origin x asylum (guyabel/stepladderChapter copy)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FOLDER = "unhcr_stepladder"
FILENAME = "unhcr_2020.csv"
# The copying script relabelled UNHCR's end-2019 figures as "2020"; put them back.
RELABEL_YEARS = {2020: 2019}


def read_refugees(raw_dir: Path) -> pd.DataFrame:
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
    return pd.DataFrame(
        {
            "origin_code": raw["orig"].str.upper(),
            "asylum_code": raw["dest"].str.upper(),
            "year": raw["year"].replace(RELABEL_YEARS).astype("int16"),
            "refugees": raw["refugees"].astype("float64"),
            "asylum_seekers": raw["asylum_seekers"].astype("float64"),
        }
    ).reset_index(drop=True)
