"""World Bank Bilateral Remittance Matrix 2018: rows send, columns receive; US$ million."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd

from pipeline.sources import country_names

FOLDER = "wb_bilateral_remittance_matrix_2018"
FILENAME = "Bilateralremittancematrix2018Oct2019.csv"
# The year the estimates describe, as the file name states it ("...matrix2018Oct2019").
YEAR = int(re.search(r"matrix(\d{4})", FILENAME).group(1))
# A WDI spelling of 2018 that neither the current WDI names nor UN DESA's list carries.
NAME_ALIASES = {"Korea, Dem. Rep.": "PRK"}


log = logging.getLogger(__name__)


def read_matrix(raw_dir: Path) -> pd.DataFrame:
    """Long form sender_code, receiver_code, value_usd_million (cells with a value only).

    A sender whose whole row, or a receiver whose whole column, is zero has no estimate in
    the matrix (Somalia receives remittances, yet its column is all zeros): those cells are
    gaps, not zeros, and are left out.
    """
    matrix = pd.read_csv(raw_dir / FOLDER / FILENAME, encoding="utf-8-sig", index_col=0)
    lookup = country_names.reference().codes(
        [*matrix.index, *matrix.columns], "remittance matrix", NAME_ALIASES
    )
    empty_senders = matrix.index[matrix.fillna(0).eq(0).all(axis=1)]
    empty_receivers = matrix.columns[matrix.fillna(0).eq(0).all(axis=0)]
    log.info(
        "remittance matrix: rows of zeros (no estimate) for %d senders and %d receivers left out",
        len(empty_senders), len(empty_receivers),
    )
    matrix = matrix.drop(index=empty_senders, columns=empty_receivers)
    long = matrix.rename_axis(index="sender", columns="receiver").stack().rename("value")
    long = long.dropna().reset_index()
    return pd.DataFrame(
        {
            "sender_code": long["sender"].map(lookup),
            "receiver_code": long["receiver"].map(lookup),
            "value_usd_million": long["value"].astype("float64"),
        }
    ).reset_index(drop=True)
