"""World Bank WDI per-indicator folders: indicators/<code>/{data.csv,datapackage.json}."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd


@dataclass(frozen=True)
class WdiIndicator:
    code: str
    title: str
    definition: str
    licence: str
    values: pd.DataFrame  # country_code, country_name, year, value


def indicator_dir(raw_dir: Path, folder: str, code: str) -> Path:
    return raw_dir / folder / "indicators" / code.lower()


def read_country_names(raw_dir: Path, folder: str) -> pd.DataFrame:
    """country_code, name: every economy and aggregate named in the folder's data.csv files."""
    frames = [
        pd.read_csv(
            path, usecols=["Country Code", "Country Name"], dtype="str", keep_default_na=False
        )
        for path in sorted((raw_dir / folder / "indicators").glob("*/data.csv"))
    ]
    if not frames:
        raise FileNotFoundError(f"no WDI data.csv files under {raw_dir / folder}")
    names = pd.concat(frames).drop_duplicates()
    return pd.DataFrame({"country_code": names["Country Code"], "name": names["Country Name"]})


def read_wdi_indicator(raw_dir: Path, folder: str, code: str) -> WdiIndicator:
    """Read one indicator; definition and licence come from its datapackage.json."""
    directory = indicator_dir(raw_dir, folder, code)
    package = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    licences = [lic["name"] for lic in package.get("licenses", []) if lic.get("name")]
    # "NA" is Namibia's code: only an empty field means missing.
    data = pd.read_csv(
        directory / "data.csv",
        dtype={"Country Name": "str", "Country Code": "str"},
        keep_default_na=False,
        na_values={"Value": [""], "Year": [""]},
    )
    values = (
        data.rename(
            columns={
                "Country Code": "country_code",
                "Country Name": "country_name",
                "Year": "year",
                "Value": "value",
            }
        )
        .dropna(subset=["value"])
        .astype({"year": "int16", "value": "float64"})
    )
    return WdiIndicator(
        code=code.upper(),
        title=package["title"],
        definition=package.get("readme", "").strip(),
        licence="; ".join(licences) if licences else "not stated by the source",
        values=values[["country_code", "country_name", "year", "value"]],
    )
