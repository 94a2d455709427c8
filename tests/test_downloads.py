"""Per-chart downloads made from the figure: tidy rows (the one schema, catalogue units), CSV,
XLSX, citation, names."""

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

import charts
import query
from charts import diaspora_sankey
from exports.figure_data import (
    COLUMNS,
    NoDataError,
    chart_citation,
    chart_file,
    image_request,
    tidy_frame,
)
from figures import choropleth, line_chart, ranked_bar, theme
from layouts.graph import graph
from pages.views import parse_view
from state.compare import snapshot_vocabulary
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
    assert list(rows.columns) == COLUMNS  # each value's status closes the row
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
    assert {line[COLUMNS.index("status")] for line in lines[1:]} == {"observed"}


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
    value = COLUMNS.index("value")
    assert [row[value] for row in data[1:]] == pytest.approx(df["value"].tolist())
    fields = {row[0]: row[1] for row in book[text.METADATA_SHEET].values if row[0]}
    meta = query.indicator_meta("SM.POP.NETM")
    assert fields["Definition"] == meta["definition"]
    assert fields["Unit"] == "index, 2010 = 100"
    assert fields["Source"] == meta["source"] and fields["Source URL"] == meta["source_url"]
    assert fields["Licence"] == meta["licence"] and fields["Vintage"] == meta["vintage"]
    assert fields[text.PROVENANCE_LABEL] == (
        "Index (base year 2010 = 100), computed by this dashboard from the values as published "
        "by the source.")
    assert fields[text.VIEW_URL_LABEL] == VIEW
    assert fields[text.EXPORT_DATE_LABEL] == "2026-07-14"
    # The same citation as the chart's "Copy citation" button for this view.
    assert fields[text.CITATION_LABEL] == chart_citation(fig, VIEW, today=date(2026, 7, 14),
                                                         **SNAPSHOT_ARGS)
    assert fields[text.CITATION_LABEL] == (
        "World Bank. World Development Indicators (per-indicator CSV): Net migration "
        f"[SM.POP.NETM], vintage {meta['vintage']}. Migration & Development Indicators, {VIEW} "
        "(accessed 2026-07-14).")


def test_tables_are_described_by_their_sources():
    fig = go.Figure(go.Bar(x=[5.0], y=["Italy"], orientation="h", meta=theme.trace_meta(
        indicator_code="migrant_stock", unit="persons", country_code=["ITA"],
        country_name=["Italy"], year=2024, value="x")))
    cited = chart_citation(as_json(fig), VIEW, today=date(2026, 7, 14), **SNAPSHOT_ARGS)
    assert "International Migrant Stock 2024" in cited and "vintage 2024" in cited
    assert cited.endswith(f"{VIEW} (accessed 2026-07-14).")
    request = image_request(as_json(fig), "svg", **SNAPSHOT_ARGS)
    assert request["filename"] == "migrant_stock_ITA_2024"
    assert "International Migrant Stock 2024" in request["caption"]


def test_file_names_hold_codes_only():
    fig = go.Figure(go.Scatter(x=[2000], y=[1.0], meta=theme.trace_meta(
        indicator_code="=HYPERLINK(\"x\")/../a b", unit="u", country_code="../MDA",
        country_name="<b>")))
    name = chart_file(as_json(fig), "csv", VIEW, **SNAPSHOT_ARGS).filename
    assert "/" not in name and " " not in name and '"' not in name and name.endswith(".csv")


def test_graph_puts_a_toolbar_and_the_view_link_under_every_chart():
    import app  # noqa: F401  (a Dash app must exist for the asset URLs)

    fig = line_chart.create_figure(netm(), y_title="persons", export=EXPORT)
    box = graph("country-finance", "Finance", fig, view_url="/country/MDA?chart=finance")
    tree = json.loads(json.dumps(box.to_plotly_json(), default=lambda c: c.to_plotly_json()))
    frame, view = tree["props"]["children"][:2]
    assert frame["props"]["id"] == {"type": "chart-figure", "chart": "country-finance"}
    assert frame["props"]["children"]["props"]["figure"] == as_json(fig)
    assert view["props"] == {"id": {"type": "chart-view", "chart": "country-finance"},
                             "data": "/country/MDA?chart=finance"}
    ids = json.dumps(tree)
    for fmt in ("csv", "xlsx", "png", "svg"):
        assert f'"format": "{fmt}"' in ids
    assert '"chart-cite"' in ids and '"chart-download"' in ids
    assert "chart-downloads" in ids  # hidden in print
    plain = json.dumps(graph("x", "X", add_to_deck=False, downloads=False).to_plotly_json(),
                       default=lambda c: c.to_plotly_json())
    assert "chart-export" not in plain


# ---- every chart of the app: tidy rows from each chart as the server draws it ------------------

@pytest.fixture(scope="module")
def vocab():
    """The app serves the asset URLs the charts' pages ask for."""
    import app  # noqa: F401

    return snapshot_vocabulary()


def rows_of(view_url: str, vocab) -> pd.DataFrame:
    """The download rows of the chart a view link names, as the toolbar's callback makes
    them: from the figure the server draws for that view."""
    view = parse_view(view_url, vocab)
    return tidy_frame(as_json(charts.figure(view.chart, view.state)), query.indicator_meta)


def test_profile_destinations_bar_map_and_costs_rows(vocab):
    top = query.top_destinations("MDA", year=2024, n=10)
    rows = rows_of("/country/MDA?chart=destinations", vocab)
    assert list(rows.columns) == [*COLUMNS[:4], "origin_code", "sex", *COLUMNS[4:]]
    assert rows.iloc[0][["country_code", "country_name", "sex"]].tolist() == [
        "ITA", "Italy", "total"]
    assert rows.iloc[0]["value"] == top["value"].iloc[0]
    totals = rows[rows["sex"] == "total"]
    assert totals["country_code"].tolist() == top["destination_code"].tolist()
    assert totals["value"].tolist() == top["value"].tolist()
    assert set(rows["origin_code"]) == {"MDA"} and set(rows["year"]) == {2024}
    assert set(rows["indicator_code"]) == {"migrant_stock"}
    by_sex = rows[rows["sex"] != "total"].groupby("country_code")["value"].sum()
    assert len(by_sex) and all(  # women and men add up to the total where the bars split
        abs(by_sex[code] - totals.set_index("country_code").loc[code, "value"]) <= 1
        for code in by_sex.index)

    # The map's colours are log10; its download holds the persons.
    everywhere = query.top_destinations("MDA", year=2024, n=None)
    rows = rows_of("/country/MDA?chart=destinations-map", vocab)
    assert rows.set_index("country_code")["value"].to_dict() == everywhere.set_index(
        "destination_code")["value"].to_dict()
    assert "MDA" not in set(rows["country_code"])  # the origin's outline is decoration

    # Remittance costs: one row per sending country and quarter.
    costs = query.remittance_costs("MDA")
    rows = rows_of("/country/MDA?chart=costs", vocab)
    assert {"receiver_code", "period"} <= set(rows.columns)
    assert sorted(zip(rows["country_code"], rows["period"], rows["value"], strict=True)) == \
        sorted(zip(costs["sender_code"], costs["period"], costs["cost_pct"], strict=True))
    assert rows["year"].tolist() == [int(p[:4]) for p in rows["period"]]


def test_diaspora_sankey_rows_are_its_links_and_the_trend_is_downloadable(vocab):
    view = parse_view("/diaspora?countries=MDA,BGD&year=2020&chart=sankey", vocab)
    figure = charts.figure(view.chart, view.state)
    rows = tidy_frame(as_json(figure))
    assert list(rows.columns) == [*COLUMNS[:4], "destination_code", "destination_name",
                                  *COLUMNS[4:]]
    assert list(dict.fromkeys(rows["country_code"])) == ["MDA", "BGD"]  # the chosen order
    for origin in ("MDA", "BGD"):
        top = query.top_destinations(origin, year=2020, n=diaspora_sankey.TOP)
        links = rows[rows["country_code"] == origin]
        assert links["destination_code"].tolist() == top["destination_code"].tolist()
        assert links["value"].tolist() == top["value"].tolist()
    assert set(rows["year"]) == {2020} and set(rows["unit"]) == {"persons"}
    assert rows["value"].tolist() == list(figure.data[0].link.value)  # read from the links

    trend = rows_of("/diaspora?countries=MDA,JAM&chart=trend", vocab)
    expected = query.series("DESA.EMIG.TOTL", ["MDA", "JAM"]).dropna(subset=["value"])
    assert sorted(zip(trend["country_code"], trend["year"], trend["value"], strict=True)) == \
        sorted(zip(expected["country_code"], expected["year"], expected["value"], strict=True))


def test_labour_charts_rows_with_periods_origins_and_how_each_destination_counts(vocab):
    from figures.labour_destinations import OTHER
    from query import labour as q
    from text import labour as tl

    rows = rows_of("/labour?country=BGD&countries=BGD&chart=destinations", vocab)
    assert [*COLUMNS[:4], "destination_code", "destination_name", "period"] == list(
        rows.columns[:7])
    flows = rows[rows["unit"] == tl.DESTINATIONS_AXIS]
    assert set(flows["country_code"]) == {"BGD"}
    assert set(zip(flows["year"], flows["period"], strict=True)) == {
        (start, f"{start}–{start + 5}") for start in range(1990, 2020, 5)}
    by_destination = q.emigration_by_destination("BGD")
    assert flows.groupby("year")["value"].sum().to_dict() == pytest.approx(
        by_destination.groupby("period_start")["value"].sum().to_dict())
    india = flows[flows["destination_code"] == "IND"].set_index("year")["value"]
    assert india.to_dict() == by_destination[by_destination["destination_code"] == "IND"] \
        .set_index("period_start")["value"].to_dict()
    rest = flows[flows["destination_name"] == tl.OTHER_DESTINATIONS]
    assert len(rest) and rest["destination_code"].isna().all() and OTHER not in set(
        flows["destination_code"].dropna())
    share = rows[rows["unit"] == tl.FEMALE_SHARE_NAME].set_index("year")["value"]
    assert share[2015] == pytest.approx(32.7, abs=0.05)

    rows = rows_of("/labour?country=JAM&countries=JAM&chart=annual", vocab)
    usa = rows[rows["destination_code"] == "USA"]
    assert set(rows["country_code"]) == {"JAM"} and set(rows["indicator_code"]) == {
        "annual_flows"}
    assert usa.set_index("year").loc[2013, "value"] == 19_400
    assert usa[["destination_name", "criterion", "coverage"]].drop_duplicates().values.tolist() \
        == [["United States", "birth", "foreigners"]]
    assert "Legal permanent resident" in usa["definition"].iloc[0]

    rows = rows_of("/labour?country=MDA&countries=MDA&chart=market", vocab)
    assert set(rows["indicator_code"]) == set(q.LABOUR_MARKET_SERIES)
    for code in q.LABOUR_MARKET_SERIES:
        one = rows[rows["indicator_code"] == code]
        assert set(one["unit"]) == {query.indicator_meta(code)["unit"]}
        expected = query.series(code, ["MDA"]).dropna(subset=["value"])
        assert one["value"].tolist() == expected["value"].tolist()

    rows = rows_of("/labour?country=MDA&countries=MDA,JAM&chart=rate", vocab)
    rates = q.emigration_rate(["MDA", "JAM"])
    assert list(dict.fromkeys(rows["country_code"])) == ["MDA", "JAM"]
    assert {"period", "flow", "population"} <= set(rows.columns)
    got = rows.set_index(["country_code", "year"])
    for rate in rates.itertuples(index=False):
        row = got.loc[(rate.country_code, rate.period_start)]
        assert row["period"] == f"{rate.period_start}–{rate.period_end}"
        assert row["value"] == pytest.approx(rate.rate_per_1000, abs=0.005)
        assert row["flow"] == rate.flow and row["population"] == rate.population


@pytest.mark.parametrize("table", ["flow_estimates", "annual_flows", "remittance_costs",
                                   "remittance_matrix", "migrant_stock"])
def test_snapshot_tables_carry_source_licence_and_vintage(table):
    fig = go.Figure(go.Scatter(x=[2015], y=[1.0], meta=theme.trace_meta(
        indicator_code=table, unit="u", country_code="MDA", country_name="Moldova")))
    source = query.get_snapshot().sources
    feeding = source[source["tables"].str.split(",").map(lambda names: table in names)]
    assert len(feeding) == 1
    made = chart_file(as_json(fig), "xlsx", VIEW, **SNAPSHOT_ARGS)
    book = openpyxl.load_workbook(io.BytesIO(made.payload))
    fields = {row[0]: row[1] for row in book[text.METADATA_SHEET].values if row[0]}
    assert fields["Indicator"] == text.TABLE_DESCRIPTIONS[table]
    assert fields["Source"] == feeding["name"].iloc[0]
    assert fields["Licence"] == feeding["licence"].iloc[0]
    assert fields["Vintage"] == feeding["vintage"].iloc[0]
    cited = chart_citation(as_json(fig), VIEW, **SNAPSHOT_ARGS)
    assert feeding["name"].iloc[0] in cited and f"vintage {feeding['vintage'].iloc[0]}" in cited
    assert fields[text.PROVENANCE_LABEL] == text.PROVENANCE_CHART_TABLE.format(table=table)


def test_every_slide_has_a_compact_toolbar_for_its_chart(vocab):
    from layouts import present
    from pages import read_request

    slide = present.layout(read_request("/present", "", vocab))
    tree = json.dumps(slide.to_plotly_json(), default=lambda c: c.to_plotly_json())
    key = "present-graph"
    for fmt in ("csv", "xlsx", "png", "svg"):
        assert json.dumps({"type": "chart-export", "chart": key, "format": fmt}) in tree
    assert json.dumps({"type": "chart-figure", "chart": key}) in tree
    assert "chart-downloads-compact" in tree and "deck-add" not in tree


# Views of every chart of the registry, some with a transform.
EVERY_CHART = (
    "/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=MDA,JAM&start=2010&end=2020",
    "/compare?indicator=BX.TRF.PWKR.CD.DT&countries=MDA,MLI&start=2015&end=2015"
    "&transform=per_capita",
    "/compare?indicator=DESA.EMIG.TOTL.ZS&countries=MDA&start=1990&end=2024&tab=map",
    "/country/MLI?measure=pct_gdp&chart=finance",
    "/country/MDA?chart=destinations",
    "/country/MDA?chart=destinations-map",
    "/country/MDA?chart=destinations-trend",
    "/country/JAM?chart=senders",
    "/country/MDA?chart=costs",
    "/diaspora?countries=MDA,BGD&measure=pct&chart=trend",
    "/diaspora?countries=MDA&chart=sankey",
    "/labour?country=BGD&countries=BGD&chart=destinations",
    "/labour?country=JAM&countries=JAM&chart=annual",
    "/labour?country=MDA&countries=MDA&chart=market",
    "/labour?country=MDA&countries=MDA&chart=rate",
)


def test_every_chart_downloads_the_one_tidy_schema_with_the_apis_units(vocab):
    """Whatever the chart: the tidy columns in order (its own breakdowns between year and
    value), and for a catalogue series the unit /api/v1/data gives for the same transform."""
    from exports.schema import LEADING, TRAILING, series_unit

    seen = set()
    for url in EVERY_CHART:
        view = parse_view(url, vocab)
        seen.add(view.chart)
        rows = rows_of(url, vocab)
        assert tuple(rows.columns[:4]) == LEADING and tuple(rows.columns[-3:]) == TRAILING, url
        transform = getattr(view.state, "transform", None) or (
            "pct_gdp" if getattr(view.state, "measure", None) == "pct_gdp" else "none")
        for code, units in rows.groupby("indicator_code")["unit"]:
            if code in set(query.get_snapshot().indicators["code"]):
                expected = series_unit(query.indicator_meta(code), transform,
                                       getattr(view.state, "base", None))
                assert set(units) == {expected}, (url, code, set(units))
                # A series' rows say what each value is, on a line, a bar or a map alike.
                assert rows.loc[rows["indicator_code"] == code, "status"].notna().all(), url
            assert units.str.len().min() > 0, (url, code)
        assert rows["status"].isna().all() or set(rows["status"].dropna()) <= {
            "observed", "estimate", "projection"}, url
    assert seen == set(charts.registry())
