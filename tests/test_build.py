"""The committed snapshot is exactly what the build makes from data/raw/, every time."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.build import RAW_DIR, SNAPSHOT_DIR, TABLE_BUILDERS, build
from query.schema import SNAPSHOT_TABLES, VINTAGE_FILE

SNAPSHOT_FILES = sorted([f"{name}.parquet" for name in SNAPSHOT_TABLES] + [VINTAGE_FILE])


@pytest.fixture(scope="module")
def fresh_builds(tmp_path_factory) -> tuple[Path, Path]:
    first = tmp_path_factory.mktemp("build1")
    second = tmp_path_factory.mktemp("build2")
    build(RAW_DIR, first)
    build(RAW_DIR, second)
    return first, second


def test_build_writes_every_table_of_the_contract(fresh_builds):
    first, _ = fresh_builds
    assert sorted(p.name for p in first.iterdir()) == SNAPSHOT_FILES
    assert {b.name for b in TABLE_BUILDERS} == set(SNAPSHOT_TABLES)


def test_building_twice_gives_identical_bytes(fresh_builds):
    first, second = fresh_builds
    for name in SNAPSHOT_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_committed_snapshot_equals_a_fresh_build(fresh_builds):
    first, _ = fresh_builds
    for name in SNAPSHOT_FILES:
        assert (SNAPSHOT_DIR / name).read_bytes() == (first / name).read_bytes(), (
            f"data/snapshot/{name} differs from a fresh build: run python -m pipeline.build"
        )


def test_parquet_files_carry_no_pandas_metadata_and_sorted_rows(fresh_builds):
    first, _ = fresh_builds
    for builder in TABLE_BUILDERS:
        table = pq.read_table(first / f"{builder.name}.parquet")
        assert b"pandas" not in (table.schema.metadata or {}), builder.name
        assert table.schema.equals(builder.schema), builder.name
        frame = table.to_pandas()
        expected = frame.sort_values(builder.sort_by, kind="mergesort").reset_index(drop=True)
        pd.testing.assert_frame_equal(frame, expected)


def test_vintage_json_lists_every_source(fresh_builds):
    first, _ = fresh_builds
    vintage = json.loads((first / VINTAGE_FILE).read_text())
    assert vintage["sources"]["wdi_datasets"] == "2026-07-01"
    assert vintage["sources"]["wb_wdi_xls_2023"] == "2023-05-10"
    assert vintage["sources"]["wb_rpw_databank_corridors_2020q3"] == "2020-12-07"
    assert vintage["snapshot"] == "2026-07-01"
