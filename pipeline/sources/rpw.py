"""World Bank Remittance Prices Worldwide, corridor averages (DataBank CSV export)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

FOLDER = "wb_rpw_databank_corridors_2020q3"
FILENAME = "36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv"
SERIES_CODE = "ATCR.CORR"
# RPW writes Kosovo as KSV; WDI and the rest of the snapshot use XKX.
CODE_ALIASES = {"KSV": "XKX"}
QUARTER_COLUMN = re.compile(r"^(\d{4})Q([1-4]) \[YR\d{4}Q[1-4]\]$")


def _read(raw_dir: Path) -> pd.DataFrame:
    raw = pd.read_csv(
        raw_dir / FOLDER / FILENAME,
        encoding="utf-8-sig",
        dtype="str",
        keep_default_na=False,
        na_values=["", ".."],
    )
    # DataBank appends blank lines and a source/date footer: they have no series code.
    raw = raw.dropna(subset=["Series Code"])
    if set(raw["Series Code"]) != {SERIES_CODE}:
        raise ValueError(f"RPW file: unexpected series {sorted(set(raw['Series Code']))}")
    return raw


def _code(column: pd.Series) -> pd.Series:
    return column.str.upper().replace(CODE_ALIASES)


def read_costs(raw_dir: Path) -> pd.DataFrame:
    """sender_code, receiver_code, period, year, quarter, cost_pct (quarters with a value)."""
    raw = _read(raw_dir)
    quarter_columns = [c for c in raw.columns if QUARTER_COLUMN.match(c)]
    long = raw.melt(
        id_vars=["Sending Countries Code", "Receiving Countries  Code"],
        value_vars=quarter_columns,
        var_name="column",
        value_name="cost_pct",
    ).dropna(subset=["cost_pct"])
    parts = long["column"].str.extract(QUARTER_COLUMN)
    return pd.DataFrame(
        {
            "sender_code": _code(long["Sending Countries Code"]),
            "receiver_code": _code(long["Receiving Countries  Code"]),
            "period": parts[0] + "Q" + parts[1],
            "year": parts[0].astype("int16"),
            "quarter": parts[1].astype("int8"),
            "cost_pct": long["cost_pct"].astype("float64"),
        }
    ).reset_index(drop=True)


def read_country_names(raw_dir: Path) -> pd.DataFrame:
    """country_code, name for every sender and receiver in the file."""
    raw = _read(raw_dir)
    frames = [
        pd.DataFrame({"country_code": _code(raw[code]), "name": raw[name]})
        for code, name in [
            ("Sending Countries Code", "Sending Countries Name"),
            ("Receiving Countries  Code", "Receiving Countries  Name"),
        ]
    ]
    return pd.concat(frames).drop_duplicates("country_code").reset_index(drop=True)
