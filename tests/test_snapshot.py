"""Loading the snapshot: a missing, corrupt or malformed file stops with a message naming it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from query import SnapshotError, get_snapshot, load_snapshot
from query.schema import SNAPSHOT_TABLES
from query.snapshot import DEFAULT_SNAPSHOT_DIR

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def snapshot_copy(tmp_path) -> Path:
    target = tmp_path / "snapshot"
    shutil.copytree(DEFAULT_SNAPSHOT_DIR, target)
    return target


def run_check(directory: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SNAPSHOT_DIR": str(directory)}
    return subprocess.run(
        [sys.executable, "-m", "query.check"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=60,
    )


def test_committed_snapshot_loads_with_contract_types():
    snap = get_snapshot()
    assert get_snapshot() is snap  # loaded once per process
    assert str(snap.countries["m49"].dtype) == "Int32"
    assert str(snap.values["year"].dtype) == "int16"
    assert set(snap.values_by_indicator) == set(snap.indicators["code"])


def test_copy_loads(snapshot_copy):
    assert len(load_snapshot(snapshot_copy).countries) == len(get_snapshot().countries)


def test_corrupt_file_is_named(snapshot_copy):
    path = snapshot_copy / "migrant_stock.parquet"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SnapshotError, match=r"migrant_stock\.parquet: not a readable Parquet"):
        load_snapshot(snapshot_copy)


def test_missing_file_is_named(snapshot_copy):
    (snapshot_copy / "countries.parquet").unlink()
    with pytest.raises(SnapshotError, match=r"countries\.parquet: file is missing"):
        load_snapshot(snapshot_copy)


def test_missing_column_is_named(snapshot_copy):
    path = snapshot_copy / "indicators.parquet"
    table = pq.read_table(path)
    pq.write_table(table.drop_columns(["licence"]), path)
    with pytest.raises(SnapshotError, match=r"indicators\.parquet: missing columns licence"):
        load_snapshot(snapshot_copy)


def test_wrong_dtype_is_named(snapshot_copy):
    path = snapshot_copy / "indicator_values.parquet"
    table = pq.read_table(path)
    schema = SNAPSHOT_TABLES["indicator_values"]
    wrong = table.set_column(
        schema.get_field_index("year"), "year", table["year"].cast(pa.string())
    )
    pq.write_table(wrong, path)
    with pytest.raises(SnapshotError, match=r"indicator_values\.parquet: wrong column types: year"):
        load_snapshot(snapshot_copy)


def test_broken_vintage_json_is_named(snapshot_copy):
    (snapshot_copy / "vintage.json").write_text("{not json")
    with pytest.raises(SnapshotError, match=r"vintage\.json: not valid JSON"):
        load_snapshot(snapshot_copy)


def test_check_cli_prints_one_line_and_exits_1(snapshot_copy):
    (snapshot_copy / "refugees.parquet").write_bytes(b"garbage")
    result = run_check(snapshot_copy)
    assert result.returncode == 1
    assert "refugees.parquet" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_cli_accepts_the_committed_snapshot():
    result = run_check(DEFAULT_SNAPSHOT_DIR)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Snapshot OK")
