"""Load the snapshot once per process and check it against the contract."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from query.local import CountryNames
from query.schema import SNAPSHOT_TABLES, VINTAGE_FILE

DEFAULT_SNAPSHOT_DIR = Path(__file__).resolve().parent.parent / "data" / "snapshot"


class SnapshotError(Exception):
    """The snapshot cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Snapshot:
    directory: Path
    values: pd.DataFrame
    countries: pd.DataFrame
    indicators: pd.DataFrame
    sources: pd.DataFrame
    migrant_stock: pd.DataFrame
    remittance_matrix: pd.DataFrame
    refugees: pd.DataFrame
    remittance_costs: pd.DataFrame
    annual_flows: pd.DataFrame
    annual_flow_definitions: pd.DataFrame
    flow_estimates: pd.DataFrame
    vintage: dict
    # The population of UN DESA's 2020 revision (denominator of the Abel & Cohen flows), the
    # countries whose WDI and WPP 2024 populations differ, notes per series and country, and
    # the age of every bilateral table.
    population_ims2020: pd.DataFrame = field(default_factory=pd.DataFrame)
    population_differences: pd.DataFrame = field(default_factory=pd.DataFrame)
    series_notes: pd.DataFrame = field(default_factory=pd.DataFrame)
    data_ages: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Tables beyond the contract (added by later builders), by name.
    extra_tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    # indicator code -> its rows of `values` (country_code, year, value), sorted.
    values_by_indicator: dict[str, pd.DataFrame] = field(default_factory=dict)
    country_names: CountryNames = field(default_factory=lambda: CountryNames({}))
    indicator_meta: dict[str, dict] = field(default_factory=dict)


def snapshot_dir() -> Path:
    return Path(os.environ.get("SNAPSHOT_DIR") or DEFAULT_SNAPSHOT_DIR)


def _read_table(path: Path, expected: pa.Schema | None) -> pa.Table:
    if not path.is_file():
        raise SnapshotError(f"{path}: file is missing")
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise SnapshotError(f"{path}: not a readable Parquet file ({exc})") from None
    if expected is None:
        return table
    missing = [name for name in expected.names if name not in table.schema.names]
    if missing:
        raise SnapshotError(f"{path}: missing columns {', '.join(missing)}")
    wrong = [
        f"{f.name} is {table.schema.field(f.name).type}, expected {f.type}"
        for f in expected
        if not table.schema.field(f.name).type.equals(f.type)
    ]
    if wrong:
        raise SnapshotError(f"{path}: wrong column types: {'; '.join(wrong)}")
    return table.select(expected.names)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    # Nullable integers stay integers (Int32) instead of turning into floats.
    return table.to_pandas(types_mapper=lambda t: pd.Int32Dtype() if t == pa.int32() else None)


def _read_vintage(path: Path) -> dict:
    if not path.is_file():
        raise SnapshotError(f"{path}: file is missing")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SnapshotError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
        raise SnapshotError(f"{path}: expected an object with a 'sources' object")
    return data


def load_snapshot(directory: Path) -> Snapshot:
    """Read and check every file in `directory`; raise SnapshotError on the first problem."""
    directory = Path(directory)
    if not directory.is_dir():
        raise SnapshotError(f"{directory}: snapshot folder is missing")
    tables = {
        name: _to_pandas(_read_table(directory / f"{name}.parquet", schema))
        for name, schema in SNAPSHOT_TABLES.items()
    }
    extra = {
        path.stem: _to_pandas(_read_table(path, None))
        for path in sorted(directory.glob("*.parquet"))
        if path.stem not in SNAPSHOT_TABLES
    }
    values = tables["indicator_values"]
    indicators = tables["indicators"]
    values_by_indicator = {
        code: group.drop(columns="indicator_code").reset_index(drop=True)
        for code, group in values.groupby("indicator_code", sort=True)
    }
    meta = {
        row["code"]: {k: (None if pd.isna(v) else v) for k, v in row.items()}
        for row in indicators.to_dict("records")
    }
    countries = tables["countries"]
    return Snapshot(
        directory=directory,
        values=values,
        countries=countries,
        indicators=indicators,
        sources=tables["sources"],
        migrant_stock=tables["migrant_stock"],
        remittance_matrix=tables["remittance_matrix"],
        refugees=tables["refugees"],
        remittance_costs=tables["remittance_costs"],
        annual_flows=tables["annual_flows"],
        annual_flow_definitions=tables["annual_flow_definitions"],
        flow_estimates=tables["flow_estimates"],
        vintage=_read_vintage(directory / VINTAGE_FILE),
        population_ims2020=tables["population_ims2020"],
        population_differences=tables["population_differences"],
        series_notes=tables["series_notes"],
        data_ages=tables["data_ages"],
        extra_tables=extra,
        values_by_indicator=values_by_indicator,
        country_names=CountryNames(dict(zip(countries["country_code"], countries["name"],
                                            strict=True))),
        indicator_meta=meta,
    )


@cache
def _cached_snapshot(directory: Path) -> Snapshot:
    return load_snapshot(directory)


def get_snapshot() -> Snapshot:
    """The snapshot of this process, loaded on first call (SNAPSHOT_DIR overrides the folder)."""
    return _cached_snapshot(snapshot_dir().resolve())
