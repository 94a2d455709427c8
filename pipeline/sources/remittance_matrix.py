"""World Bank Bilateral Remittance Matrix 2018: rows send, columns receive; US$ million."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FOLDER = "wb_bilateral_remittance_matrix_2018"
FILENAME = "Bilateralremittancematrix2018Oct2019.csv"
# Names in the matrix spelt differently from the WDI 2023 and 2026 name lists.
NAME_ALIASES = {
    "Czech Republic": "CZE",
    "Faeroe Islands": "FRO",
    "Korea, Dem. Rep.": "PRK",
    "Turkey": "TUR",
}


def read_matrix(raw_dir: Path, name_to_code: dict[str, str]) -> pd.DataFrame:
    """Long form sender_code, receiver_code, value_usd_million (cells with a value only)."""
    matrix = pd.read_csv(raw_dir / FOLDER / FILENAME, encoding="utf-8-sig", index_col=0)
    lookup = {**name_to_code, **NAME_ALIASES}
    names = set(matrix.index) | set(matrix.columns)
    unknown = sorted(n for n in names if n not in lookup)
    if unknown:
        raise ValueError(f"remittance matrix: country names without a code: {unknown}")
    long = matrix.rename_axis(index="sender", columns="receiver").stack().rename("value")
    long = long.dropna().reset_index()
    return pd.DataFrame(
        {
            "sender_code": long["sender"].map(lookup),
            "receiver_code": long["receiver"].map(lookup),
            "value_usd_million": long["value"].astype("float64"),
        }
    ).reset_index(drop=True)
