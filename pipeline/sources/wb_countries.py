"""World Bank country classification as the API's country endpoint gives it.

`python -m pipeline.refresh` writes the records of `/v2/country` (every page) to
`wb_country_metadata/countries.json` when it refreshes every WDI series, so that region and
income group come from the same moment as the WDI aggregates. Until a refresh has written
it, the build takes them from the 2023 WDI Excel file (wdi_xls.read_country_metadata) and
says so (countries.classification_release).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

FOLDER = "wb_country_metadata"
FILENAME = "countries.json"
AGGREGATES = "Aggregates"  # the API's region of aggregates (World, regions, income groups)
RELEASE_PREFIX = "wb-countries-"


def available(raw_dir: Path) -> bool:
    return (raw_dir / FOLDER / FILENAME).is_file()


def read_country_metadata(raw_dir: Path) -> pd.DataFrame:
    """country_code, table_name, region, income_group, aggregate (as wdi_xls gives them)."""
    records = json.loads((raw_dir / FOLDER / FILENAME).read_text(encoding="utf-8"))
    rows = []
    for record in records:
        region = (record.get("region") or {}).get("value") or None
        aggregate = region == AGGREGATES
        rows.append({
            "country_code": str(record["id"]).upper(),
            "table_name": str(record["name"]),
            "region": None if aggregate else region,
            "income_group": None if aggregate else
            ((record.get("incomeLevel") or {}).get("value") or None),
            "aggregate": aggregate,
        })
    table = pd.DataFrame(rows, columns=["country_code", "table_name", "region", "income_group",
                                        "aggregate"])
    if table["country_code"].duplicated().any():
        raise ValueError(f"{FOLDER}/{FILENAME}: a country code appears twice")
    return table
