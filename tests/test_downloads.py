"""Per-chart downloads made from the figure: tidy rows, CSV, XLSX, citation, names."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import numpy as np
import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

import query
from exports.figure_data import (
    COLUMNS,
    NoDataError,
    chart_citation,
    chart_file,
    figure_in,
    image_request,
    tidy_frame,
)
from figures import choropleth, line_chart, ranked_bar, theme
from layouts.graph import chart_key, graph
from text import downloads as text

EXPORT = {"indicator_code": "SM.POP.NETM", "unit": "persons", "transform": "none", "base": None}
VIEW = "http://127.0.0.1:8050/compare?indicator=SM.POP.NETM&countries=MDA,JAM&start=2010&end=2015"
SNAPSHOT_ARGS = {"indicator_meta": query.indicator_meta, "sources": query.get_snapshot().sources}


def as_json(figure: go.Figure) -> dict:
    """The figure as the browser hands it back to a callback."""
    return json.loads(figure.to_json())


def netm() -> pd.DataFrame:
    return query.series("SM.POP.NETM", ["MDA", "JAM"], start=2010, end=2015)


def test_line_chart_rows_are_the_series_shown():
    df = netm()
    rows = tidy_frame(as_json(line_chart.create_figure(df, y_title="persons", export=EXPORT)))
    assert list(rows.columns) == COLUMNS
    expected = df.assign(indicator_code="SM.POP.NETM", unit="persons")[COLUMNS]
    pd.testing.assert_frame_equal(
        rows.astype({"year": int}).sort_values(["country_code", "year"]).reset_index(drop=True),
        expected.astype({"year": int}).sort_values(["country_code", "year"])
        .reset_index(drop=True), check_dtype=False)


def test_gaps_hidden_traces_and_decoration_are_left_out():
    fig = go.Figure([
        go.Scatter(x=[2000, 2001, 2002], y=[1.0, None, 3.0], meta=theme.trace_meta(
            **EXPORT, country_code="MDA", country_name="Moldova")),
        go.Scatter(x=[2000], y=[9.0], visible="legendonly", meta=theme.trace_meta(
            **EXPORT, country_code="JAM", country_name="Jamaica")),
        go.Scatter(x=[2000], y=[5.0], mode="text", text=["label"]),  # no meta: decoration
    ])
    rows = tidy_frame(as_json(fig))
    assert rows[["country_code", "year", "value"]].values.tolist() == [
        ["MDA", 2000, 1.0], ["MDA", 2002, 3.0]]


def test_typed_arrays_per_point_years_and_extra_columns():
    # plotly.py writes numpy arrays as base64 typed arrays; values on x, years given per point.
    fig = go.Figure(go.Bar(
        x=np.array([10.5, 20.25]), y=["Italy", "Romania"], orientation="h",
        meta=theme.trace_meta(indicator_code="migrant_stock", unit="persons",
                              country_code=["ITA", "ROU"], country_name=["Italy", "Romania"],
                              year=np.array([2024, 2024]), value="x",
                              extra={"origin_code": "MDA"})))
    assert "bdata" in fig.to_json()
    rows = tidy_frame(as_json(fig))
    assert list(rows.columns) == [*COLUMNS[:4], "origin_code", *COLUMNS[4:]]
    assert rows[["country_code", "year", "origin_code", "value"]].values.tolist() == [
        ["ITA", 2024, "MDA", 10.5], ["ROU", 2024, "MDA", 20.25]]


def test_map_rows_skip_the_outline_layer_and_stand_in_values():
    df = query.series("SM.POP.NETM", ["MDA", "JAM", "MLI"], start=2015, end=2015)
    fig = choropleth.create_figure(df.assign(label="x"), colorbar_title="persons",
                                   highlight=["MDA", "BGD"], export=EXPORT)
    rows = tidy_frame(as_json(fig))
    assert sorted(rows["country_code"]) == ["JAM", "MDA", "MLI"]  # BGD is an outline only
    assert rows.set_index("country_code")["value"].to_dict() == df.set_index(
        "country_code")["value"].to_dict()
    # A colour scale drawn in log10 exports the values themselves.
    fig = go.Figure(go.Choropleth(locations=["ITA"], z=[3.0], meta=theme.trace_meta(
        indicator_code="migrant_stock", unit="persons", country_code=["ITA"],
        country_name=["Italy"], year=2024, value=[1000.0])))
    assert tidy_frame(as_json(fig))["value"].tolist() == [1000.0]


def test_ranked_bar_keeps_each_bars_year():
    df = query.series("SM.POP.NETM", ["MDA", "JAM"], start=2015, end=2015)
    rows = tidy_frame(as_json(ranked_bar.create_figure(df, x_title="persons", export=EXPORT)))
    assert set(rows["year"]) == {2015} and len(rows) == 2


def test_empty_and_unlabelled_figures_have_no_data():
    with pytest.raises(NoDataError):
        tidy_frame(as_json(theme.empty_figure("No data")))
    with pytest.raises(NoDataError):
        tidy_frame(as_json(line_chart.create_figure(netm(), y_title="persons")))  # no export


def test_csv_is_header_and_tidy_rows_only():
    fig = as_json(line_chart.create_figure(netm(), y_title="persons", export=EXPORT))
    made = chart_file(fig, "csv", VIEW, **SNAPSHOT_ARGS)
    assert made.filename == "SM.POP.NETM_JAM-MDA_2010-2015.csv"
    lines = list(csv.reader(io.StringIO(made.payload.decode("utf-8"))))
    assert lines[0] == COLUMNS
    assert len(lines) == 1 + len(netm())
    assert all(len(line) == len(COLUMNS) and line[2] == "SM.POP.NETM" for line in lines[1:])


def test_xlsx_has_data_and_complete_metadata():
    df = query.series("SM.POP.NETM", ["MDA"], start=2010, end=2015, transform="index",
                      base=2010)
    fig = as_json(line_chart.create_figure(df, y_title="index", export={
        **EXPORT, "unit": "index, 2010 = 100", "transform": "index", "base": 2010}))
    made = chart_file(fig, "xlsx", VIEW, snapshot="2026-07-01", today=date(2026, 7, 14),
                      **SNAPSHOT_ARGS)
    assert made.filename == "SM.POP.NETM_MDA_2010-2015_index_base2010.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(made.payload))
    data = list(book[text.DATA_SHEET].values)
    assert list(data[0]) == COLUMNS and len(data) == 1 + len(df)
    assert [row[4] for row in data[1:]] == pytest.approx(df["value"].tolist())
    fields = {row[0]: row[1] for row in book[text.METADATA_SHEET].values if row[0]}
    meta = query.indicator_meta("SM.POP.NETM")
    assert fields["Definition"] == meta["definition"]
    assert fields["Unit"] == "index, 2010 = 100"
    assert fields["Source"] == meta["source"] and fields["Source URL"] == meta["source_url"]
    assert fields["Licence"] == meta["licence"] and fields["Vintage"] == meta["vintage"]
    assert fields[text.TRANSFORM_LABEL] == "Index (base year 2010 = 100)"
    assert fields[text.VIEW_URL_LABEL] == VIEW
    assert fields[text.EXPORT_DATE_LABEL] == "2026-07-14"
    assert meta["source"] in fields[text.CITATION_LABEL]
    assert "2026-07-14" in fields[text.CITATION_LABEL]


def test_tables_are_described_by_their_sources():
    fig = go.Figure(go.Bar(x=[5.0], y=["Italy"], orientation="h", meta=theme.trace_meta(
        indicator_code="migrant_stock", unit="persons", country_code=["ITA"],
        country_name=["Italy"], year=2024, value="x")))
    cited = chart_citation(as_json(fig), VIEW, today=date(2026, 7, 14), **SNAPSHOT_ARGS)
    assert "International Migrant Stock 2024" in cited and "(2024)" in cited
    assert "Accessed 2026-07-14" in cited
    request = image_request(as_json(fig), "svg", **SNAPSHOT_ARGS)
    assert request["filename"] == "migrant_stock_ITA_2024"
    assert "International Migrant Stock 2024" in request["caption"]


def test_file_names_hold_codes_only():
    fig = go.Figure(go.Scatter(x=[2000], y=[1.0], meta=theme.trace_meta(
        indicator_code="=HYPERLINK(\"x\")/../a b", unit="u", country_code="../MDA",
        country_name="<b>")))
    name = chart_file(as_json(fig), "csv", VIEW, **SNAPSHOT_ARGS).filename
    assert "/" not in name and " " not in name and '"' not in name and name.endswith(".csv")


def test_graph_puts_a_toolbar_under_every_chart_and_finds_its_figure():
    import app  # noqa: F401  (a Dash app must exist for the asset URLs)

    box = graph({"type": "profile-chart", "name": "finance"}, "Finance")
    key = chart_key({"type": "profile-chart", "name": "finance"})
    assert key == '{"name":"finance","type":"profile-chart"}'  # Dash's DOM id for a dict id
    tree = json.loads(json.dumps(box.to_plotly_json(), default=lambda c: c.to_plotly_json()))
    frame = tree["props"]["children"][0]
    assert frame["props"]["id"] == {"type": "chart-figure", "chart": key}
    fig = line_chart.create_figure(netm(), y_title="persons", export=EXPORT)
    frame["props"]["children"]["props"]["figure"] = as_json(fig)
    assert figure_in(frame["props"]["children"]) == as_json(fig)
    ids = json.dumps(tree)
    for fmt in ("csv", "xlsx", "png", "svg"):
        assert f'"format": "{fmt}"' in ids
    assert '"chart-cite"' in ids and '"chart-download"' in ids
    assert "chart-downloads" in ids  # hidden in print
    plain = json.dumps(graph("x", "X", add_to_deck=False, downloads=False).to_plotly_json(),
                       default=lambda c: c.to_plotly_json())
    assert "chart-export" not in plain
