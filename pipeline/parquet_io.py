"""Deterministic Parquet writing: same DataFrame in, same bytes out."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

# Fixed writer settings. The file footer then holds only the schema and the
# writer's version string, no timestamps, so equal tables give equal bytes.
WRITE_OPTIONS = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "row_group_size": 1_000_000,
    "version": "2.6",
    "data_page_version": "1.0",
    "store_schema": True,
}


def to_arrow(df: pd.DataFrame, schema: pa.Schema, sort_by: list[str]) -> pa.Table:
    """Order columns and rows, cast to the contract schema, drop pandas metadata."""
    missing = [name for name in schema.names if name not in df.columns]
    if missing:
        raise ValueError(f"table is missing columns {missing}")
    ordered = df[schema.names].sort_values(sort_by, kind="mergesort").reset_index(drop=True)
    if ordered.duplicated(sort_by).any():
        raise ValueError(f"duplicate rows for key {sort_by}")
    table = pa.Table.from_pandas(ordered, preserve_index=False)
    return table.cast(schema.remove_metadata(), safe=True).replace_schema_metadata(None)


def write_parquet(df: pd.DataFrame, path: Path, schema: pa.Schema, sort_by: list[str]) -> None:
    pq.write_table(to_arrow(df, schema, sort_by), path, **WRITE_OPTIONS)


def write_json(data: dict, path: Path) -> None:
    path.write_text(
        json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
