"""UN DESA International Migrant Stock 2024: one RData file per destination (object `df`)."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pandas as pd
import pyreadr

FOLDER = "undesa_ims2024_migrantstock_app"
ALL_ORIGINS = 0  # LocIDorg 0: total over all origins
OTHER_ORIGIN = 2003  # LocIDorg 2003: "Other" (origin not attributed to a country)
SEX_LABELS = {0: "total", 1: "male", 2: "female"}

log = logging.getLogger(__name__)


def _data_dir(raw_dir: Path) -> Path:
    return raw_dir / FOLDER / "data"


def _read_rdata(path: Path) -> dict[str, pd.DataFrame]:
    with warnings.catch_warnings():
        # pyreadr warns about files holding no data frame; those are reported below.
        warnings.simplefilter("ignore")
        return pyreadr.read_r(str(path))


def _read_location_table(raw_dir: Path) -> pd.DataFrame:
    return _read_rdata(_data_dir(raw_dir) / "rftLocation.RData")["df"]


def read_locations(raw_dir: Path) -> pd.DataFrame:
    """LocID -> ISO3 and English name, from the preferred row of each location.

    rftLocation lists many spellings per LocID (census labels, translations); the
    row flagged Preferred == 1 carries the WPP name, and only those rows with an
    ISO3 code are countries or areas.
    """
    loc = _read_location_table(raw_dir)
    preferred = loc[(loc["Preferred"] == 1) & loc["ISO3"].notna()]
    table = pd.DataFrame(
        {
            "loc_id": preferred["LocID"].astype("int32"),
            "country_code": preferred["ISO3"].astype("str").str.upper(),
            "name": preferred["LongName"].astype("str"),
        }
    )
    if table["loc_id"].duplicated().any() or table["country_code"].duplicated().any():
        raise ValueError("rftLocation: preferred rows do not map LocID and ISO3 one to one")
    return table.sort_values("loc_id").reset_index(drop=True)


def _iso3_by_loc_id(loc: pd.DataFrame) -> pd.Series:
    coded = loc.dropna(subset=["ISO3"])
    if coded.groupby("LocID")["ISO3"].nunique().gt(1).any():
        raise ValueError("rftLocation: a LocID carries more than one ISO3 code")
    return coded.drop_duplicates("LocID").set_index("LocID")["ISO3"]


def read_location_codes(raw_dir: Path) -> pd.Series:
    """LocID (int) -> ISO3 (upper case) from any row of rftLocation that carries a code.

    Wider than read_locations (preferred rows only): it also places locations such as
    Guernsey (831) and Jersey (832), whose ISO3 codes appear only on non-preferred rows.
    """
    iso3 = _iso3_by_loc_id(_read_location_table(raw_dir))
    return pd.Series(
        iso3.astype("str").str.upper().to_numpy(), index=iso3.index.astype("int32"), name="iso3"
    ).sort_index()


def read_location_labels(raw_dir: Path) -> pd.DataFrame:
    """loc_id, label: every spelling rftLocation lists, with or without an ISO3 code."""
    loc = _read_location_table(raw_dir).dropna(subset=["LocID", "LongName"])
    return pd.DataFrame(
        {"loc_id": loc["LocID"].astype("int32"), "label": loc["LongName"].astype("str")}
    ).drop_duplicates().reset_index(drop=True)


def read_location_names(raw_dir: Path) -> pd.DataFrame:
    """country_code, name: every spelling rftLocation lists for a location with an ISO3 code.

    The code comes from any row of the LocID (some spellings carry no ISO3 themselves);
    LocIDs without one (regions, former states such as Czechoslovakia) are left out.
    """
    loc = _read_location_table(raw_dir)
    iso3 = _iso3_by_loc_id(loc)
    named = loc[loc["LocID"].isin(iso3.index)]
    return pd.DataFrame(
        {
            "country_code": named["LocID"].map(iso3).astype("str").str.upper(),
            "name": named["LongName"].astype("str"),
        }
    ).reset_index(drop=True)


def read_stock_files(raw_dir: Path) -> pd.DataFrame:
    """All-ages rows of every destination file: year, LocID, LocIDorg, sex, value."""
    frames = []
    for path in sorted(_data_dir(raw_dir).glob("*_Rev2023.RData")):
        objects = _read_rdata(path)
        if "df" not in objects:
            log.info("%s holds no data frame; skipped", path.name)
            continue
        df = objects["df"]
        frames.append(df[(df["age"] == 0) & (df["agelength"] == 0)])
    stock = pd.concat(frames, ignore_index=True)
    return pd.DataFrame(
        {
            "year": stock["yearref"].astype(float).astype("int16"),  # 1990.5 = mid-1990
            "loc_id": stock["LocID"].astype("int32"),
            "loc_id_origin": stock["LocIDorg"].astype("int32"),
            "sex": stock["sex"].astype(int).map(SEX_LABELS),
            "value": stock["value"].astype("float64"),
        }
    )


def read_bilateral_stock(raw_dir: Path) -> pd.DataFrame:
    """Origin x destination x year x sex, country origins only (no total, no 'Other')."""
    return bilateral_stock(read_stock_files(raw_dir), read_locations(raw_dir))


def immigrant_totals(stock: pd.DataFrame, locations: pd.DataFrame) -> pd.DataFrame:
    """country_code, year, value: all migrants living in each destination (LocIDorg 0, both
    sexes, all ages), from the rows of read_stock_files."""
    codes = locations.set_index("loc_id")["country_code"]
    rows = stock[(stock["loc_id_origin"] == ALL_ORIGINS) & (stock["sex"] == "total")]
    table = pd.DataFrame(
        {
            "country_code": rows["loc_id"].map(codes),
            "year": rows["year"],
            "value": rows["value"],
        }
    )
    if table["country_code"].isna().any():
        raise ValueError("UN DESA IMS 2024: a destination LocID is not in rftLocation")
    if table.duplicated(["country_code", "year"]).any():
        raise ValueError("UN DESA IMS 2024: two all-origin totals for one destination and year")
    return table.sort_values(["country_code", "year"]).reset_index(drop=True)


def bilateral_stock(stock: pd.DataFrame, locations: pd.DataFrame) -> pd.DataFrame:
    """read_bilateral_stock from rows already read (read_stock_files, read_locations)."""
    codes = locations.set_index("loc_id")["country_code"]
    bilateral = stock[~stock["loc_id_origin"].isin([ALL_ORIGINS, OTHER_ORIGIN])]
    table = pd.DataFrame(
        {
            "origin_code": bilateral["loc_id_origin"].map(codes),
            "destination_code": bilateral["loc_id"].map(codes),
            "year": bilateral["year"],
            "sex": bilateral["sex"],
            "value": bilateral["value"],
        }
    )
    unmapped = table[table["origin_code"].isna() | table["destination_code"].isna()]
    if not unmapped.empty:
        raise ValueError(f"UN DESA IMS 2024: {len(unmapped)} rows with a LocID not in rftLocation")
    if table["sex"].isna().any():
        raise ValueError("UN DESA IMS 2024: unexpected sex code")
    return table.reset_index(drop=True)
