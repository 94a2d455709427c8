"""Data & sources page: the coverage by country of the chosen indicator."""

from __future__ import annotations

from dash import Dash, Input, Output
from dash.exceptions import PreventUpdate

import query
from query.coverage import country_coverage
from text import data_page as t


def coverage_rows(indicator: str | None) -> tuple[str, list[dict]]:
    snap = query.get_snapshot()
    if not indicator or indicator not in set(snap.indicators["code"]):
        raise PreventUpdate
    found = country_coverage(snap.values, snap.countries, indicator)
    rows = [
        {"country_name": row.country_name, "country_code": row.country_code,
         "kind": t.KIND_AGGREGATE if row.aggregate else t.KIND_COUNTRY,
         "first_year": int(row.first_year), "last_year": int(row.last_year),
         "years": int(row.years)}
        for row in found.itertuples(index=False)
    ]
    caption = t.COUNTRY_COVERAGE_CAPTION.format(
        name=query.indicator_meta(indicator).get("name", indicator),
        countries=int((~found["aggregate"]).sum()), aggregates=int(found["aggregate"].sum()))
    return caption, rows


def register(app: Dash) -> None:
    app.callback(
        Output("data-coverage-caption", "children"),
        Output("data-coverage-table", "data"),
        Input("data-coverage-indicator", "value"),
    )(coverage_rows)
