"""The bulk download: every snapshot table as CSV, a catalogue of the files and a README.

Tables are written with public column names (exports.schema), and indicator_values.csv in the
one tidy schema, with each country's name and each series' unit: the rows of a view read the
same here as in a chart's CSV and in /api/v1/data.
"""

from __future__ import annotations

import io
import json
import re
import threading
import zipfile
from collections.abc import Mapping

import pandas as pd

from exports.metadata import sources_of_table
from exports.schema import COLUMNS, indicator_values, public_table
from exports.tables import csv_bytes
from text import downloads as text

# Snapshot tables whose Snapshot attribute differs from the table name.
ATTRIBUTE_OF_TABLE = {"indicator_values": "values"}

_lock = threading.Lock()
_cache: dict[int, tuple[object, bytes]] = {}


def snapshot_zip(snapshot: object | None = None) -> bytes:
    """The whole snapshot as a ZIP, built once per process (per snapshot object) and cached."""
    if snapshot is None:
        from query import get_snapshot

        snapshot = get_snapshot()
    with _lock:
        cached = _cache.get(id(snapshot))
        if cached is None or cached[0] is not snapshot:
            cached = (snapshot, build_zip(snapshot_tables(snapshot), _vintage_of(snapshot)))
            _cache.clear()
            _cache[id(snapshot)] = cached
        return cached[1]


def snapshot_tables(snapshot: object) -> dict[str, pd.DataFrame]:
    """Every table of the snapshot by name: those of the contract, then any extra ones."""
    from query.schema import SNAPSHOT_TABLES

    tables = {
        name: getattr(snapshot, ATTRIBUTE_OF_TABLE.get(name, name))
        for name in SNAPSHOT_TABLES
    }
    tables.update(getattr(snapshot, "extra_tables", None) or {})
    return tables


def public_tables(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Snapshot tables as the ZIP writes them: public column names, indicator values tidy."""
    public = {name: public_table(name, frame) for name, frame in tables.items()}
    if "indicator_values" in tables:
        public["indicator_values"] = indicator_values(
            tables["indicator_values"], tables.get("countries"), tables.get("indicators"))
    return public


def build_zip(tables: Mapping[str, pd.DataFrame], vintage: Mapping[str, object]) -> bytes:
    """A deterministic ZIP: <table>.csv for each table (public_tables), catalogue.csv,
    vintage.json, README.txt."""
    tables = public_tables(tables)
    stamp = _zip_timestamp(str(vintage.get("snapshot", "")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def write(name: str, payload: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, payload)

        for name, frame in tables.items():
            write(f"{name}.csv", csv_bytes(frame))
        catalogue = catalogue_frame(tables, vintage)
        write("catalogue.csv", csv_bytes(catalogue))
        write("vintage.json", json.dumps(vintage, indent=2, sort_keys=True).encode("utf-8"))
        write("README.txt", readme(catalogue, vintage).encode("utf-8"))
    return buffer.getvalue()


def catalogue_frame(
    tables: Mapping[str, pd.DataFrame], vintage: Mapping[str, object]
) -> pd.DataFrame:
    """One row per CSV file: description, size, columns and each source's licence and vintage."""
    sources = tables.get("sources")
    rows = []
    for name, frame in tables.items():
        feeding = sources_of_table(name, sources)
        rows.append(
            {
                "file": f"{name}.csv",
                "description": text.TABLE_DESCRIPTIONS.get(name, ""),
                "rows": len(frame),
                "columns": ", ".join(str(column) for column in frame.columns),
                "sources": "; ".join(src["name"] for src in feeding),
                "licence": "; ".join(f"{src['name']}: {src['licence']}" for src in feeding),
                "vintage": "; ".join(f"{src['name']}: {src['vintage']}" for src in feeding),
            }
        )
    if not rows:
        return pd.DataFrame(columns=list(text.CATALOGUE_COLUMNS))
    return pd.DataFrame(rows, columns=list(text.CATALOGUE_COLUMNS))


def readme(catalogue: pd.DataFrame, vintage: Mapping[str, object]) -> str:
    title = f"{text.APP_NAME} - full data snapshot"
    files = "\n".join(
        f"  {row.file:<24} {row.rows:>9} rows  {row.description}"
        for row in catalogue.itertuples(index=False)
    )
    files += "\n  catalogue.csv            this list, with sources and licences"
    files += "\n  vintage.json             the vintage of each source"
    snapshot = str(vintage.get("snapshot", ""))
    return text.README.format(
        app=text.APP_NAME, rule="=" * len(title), snapshot=snapshot, files=files,
        columns=", ".join(COLUMNS),
    )


def _vintage_of(snapshot: object) -> dict[str, object]:
    vintage = getattr(snapshot, "vintage", None)
    return dict(vintage) if isinstance(vintage, Mapping) else {"snapshot": str(vintage or "")}


def _zip_timestamp(snapshot: str) -> tuple[int, int, int, int, int, int]:
    """Entry dates from the snapshot's date, so the same snapshot gives the same bytes."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", snapshot)
    if match:
        year, month, day = (int(part) for part in match.groups())
        if year >= 1980:
            return (year, month, day, 0, 0, 0)
    return (1980, 1, 1, 0, 0, 0)
