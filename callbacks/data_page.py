"""Data & sources page: the coverage by country of the chosen indicator."""

from __future__ import annotations

from dash import Dash, Input, Output

from boundary import callback
from boundary.inputs import choice
from ids import DataPage
from layouts.data_page import coverage_rows
from query import get_snapshot


def show_coverage(indicator: str | None) -> tuple[str, list[dict], dict]:
    caption, rows = coverage_rows(indicator or get_snapshot().indicators["code"].iloc[0])
    return caption, rows, {"fileName": f"coverage-{indicator}.csv"}


def register(app: Dash) -> None:
    callback(
        app,
        Output(DataPage.COVERAGE_CAPTION, "children"),
        Output(DataPage.COVERAGE_TABLE, "rowData"),
        Output(DataPage.COVERAGE_TABLE, "csvExportParams"),
        Input(DataPage.COVERAGE_INDICATOR, "value"),
        inputs=(choice(get_snapshot().indicators["code"]),),
        prevent_initial_call=True,
    )(show_coverage)
