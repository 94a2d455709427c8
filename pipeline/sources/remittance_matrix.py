"""World Bank Bilateral Remittance Matrix 2018: rows send, columns receive; US$ million."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.sources import country_names

FOLDER = "wb_bilateral_remittance_matrix_2018"
FILENAME = "Bilateralremittancematrix2018Oct2019.csv"
# A WDI spelling of 2018 that neither the current WDI names nor UN DESA's list carries.
NAME_ALIASES = {"Korea, Dem. Rep.": "PRK"}


def read_matrix(raw_dir: Path) -> pd.DataFrame:
    """Long form sender_code, receiver_code, value_usd_million (cells with a value only)."""
    matrix = pd.read_csv(raw_dir / FOLDER / FILENAME, encoding="utf-8-sig", index_col=0)
    lookup = country_names.reference().codes(
        [*matrix.index, *matrix.columns], "remittance matrix", NAME_ALIASES
    )
    long = matrix.rename_axis(index="sender", columns="receiver").stack().rename("value")
    long = long.dropna().reset_index()
    return pd.DataFrame(
        {
            "sender_code": long["sender"].map(lookup),
            "receiver_code": long["receiver"].map(lookup),
            "value_usd_million": long["value"].astype("float64"),
        }
    ).reset_index(drop=True)
