"""World Bank WDI Excel downloads (API_<code>_DS2 files): Data and both metadata sheets."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

FOLDER = "wb_wdi_xls_2023"


@dataclass(frozen=True)
class WdiXlsIndicator:
    code: str
    title: str
    definition: str
    source_organisation: str
    last_updated: str
    values: pd.DataFrame  # country_code, year, value


def _read(path: Path, **kwargs: object) -> pd.DataFrame:
    # xlrd is the reader for legacy .xls; pandas' deprecation notice about it is noise here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.read_excel(path, engine="xlrd", keep_default_na=False, na_values=[""], **kwargs)


def read_xls_indicator(raw_dir: Path, filename: str) -> WdiXlsIndicator:
    path = raw_dir / FOLDER / filename
    head = _read(path, sheet_name="Data", header=None, nrows=2)
    data = _read(path, sheet_name="Data", skiprows=3)
    meta = _read(path, sheet_name="Metadata - Indicators").iloc[0]
    year_columns = [c for c in data.columns if str(c).replace(".0", "").isdigit()]
    values = data.melt(
        id_vars=["Country Code"], value_vars=year_columns, var_name="year", value_name="value"
    ).dropna(subset=["value"])
    values = pd.DataFrame(
        {
            "country_code": values["Country Code"].astype("str"),
            "year": values["year"].astype(float).astype("int16"),
            "value": values["value"].astype("float64"),
        }
    )
    return WdiXlsIndicator(
        code=str(meta["INDICATOR_CODE"]),
        title=str(meta["INDICATOR_NAME"]),
        definition=str(meta["SOURCE_NOTE"]).strip(),
        source_organisation=str(meta["SOURCE_ORGANIZATION"]).strip(),
        last_updated=pd.Timestamp(head.iloc[1, 1]).strftime("%Y-%m-%d"),
        values=values,
    )


def read_country_metadata(raw_dir: Path, filename: str) -> pd.DataFrame:
    """Region and income group per WDI code; aggregates are the rows with no region."""
    meta = _read(raw_dir / FOLDER / filename, sheet_name="Metadata - Countries")
    return pd.DataFrame(
        {
            "country_code": meta["Country Code"].astype("str"),
            "table_name": meta["TableName"].astype("str"),
            "region": meta["Region"],
            "income_group": meta["IncomeGroup"],
            "aggregate": meta["Region"].isna(),
        }
    )
