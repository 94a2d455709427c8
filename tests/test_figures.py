"""Pure figure builders, the theme and the number formatter: DataFrame in, go.Figure out."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from figures import choropleth, line_chart, ranked_bar, theme
from text.numbers import d3_format, format_number, format_value, format_year_span


def frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["country_code", "country_name", "year", "value"])


SERIES = frame([
    ("JAM", "Jamaica", 2001, 11.0), ("MDA", "Moldova", 2000, 13.8), ("MDA", "Moldova", 2001, 16.4),
    ("JAM", "Jamaica", 2000, 9.8), ("MLI", "Mali", 2000, None),
])


def test_line_chart_draws_one_line_per_country_in_its_colour_and_order():
    fig = line_chart.create_figure(SERIES, y_title="% of GDP", country_order=["MDA", "JAM", "MLI"])
    assert isinstance(fig, go.Figure)
    assert [t.name for t in fig.data] == ["Moldova", "Jamaica"]  # Mali has no value: no line
    moldova = fig.data[0]
    assert list(moldova.x) == [2000, 2001] and list(moldova.y) == [13.8, 16.4]
    assert moldova.line.color == theme.PILOT_COLOURS["MDA"]
    assert fig.data[1].line.color == theme.PILOT_COLOURS["JAM"]
    assert fig.layout.yaxis.title.text == "% of GDP" and fig.layout.yaxis.type == "linear"
    assert line_chart.create_figure(SERIES, y_title="", log=True).layout.yaxis.type == "log"


def test_line_chart_hover_uses_preformatted_labels():
    labelled = SERIES.assign(label=[f"v{i}" for i in range(len(SERIES))])
    fig = line_chart.create_figure(labelled, y_title="x")
    assert set(fig.data[0].customdata) <= set(labelled["label"])


def test_ranked_bar_sorts_largest_first_for_one_year():
    one_year = frame([("MDA", "Moldova", 2020, 16.0), ("JAM", "Jamaica", 2020, 20.0),
                      ("BGD", "Bangladesh", 2020, 6.0)])
    fig = ranked_bar.create_figure(one_year, x_title="% of GDP")
    bar = fig.data[0]
    assert list(bar.y) == ["Jamaica", "Moldova", "Bangladesh"]
    assert list(bar.marker.color) == [theme.country_colour(c) for c in ("JAM", "MDA", "BGD")]
    assert fig.layout.yaxis.autorange == "reversed"


def test_choropleth_uses_iso3_and_outlines_chosen_countries_even_without_data():
    year = frame([("MDA", "Moldova", 2020, 16.0), ("JAM", "Jamaica", 2020, 20.0)])
    fig = choropleth.create_figure(year, colorbar_title="%", highlight=["MDA", "MLI"],
                                   no_data_label="no data")
    values, outline = fig.data
    assert values.locationmode == "ISO-3" and list(values.locations) == ["MDA", "JAM"]
    assert list(outline.locations) == ["MDA", "MLI"]
    assert list(outline.customdata) == ["16.0", "no data"]
    assert outline.showscale is False
    assert len(choropleth.create_figure(year, colorbar_title="%").data) == 1


def test_country_colours_are_fixed_for_pilots_stable_and_contrasting():
    assert [theme.country_colour(c) for c in ("MDA", "BGD", "JAM", "MLI")] == list(
        theme.PILOT_COLOURS.values())
    assert len(set(theme.PILOT_COLOURS.values())) == 4
    assert theme.country_colour("rou") == theme.country_colour("ROU")
    assert theme.country_colour("ROU") in theme.PEER_COLOURS

    def contrast(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        return 1.05 / (luminance + 0.05)

    for colour in [*theme.PILOT_COLOURS.values(), *theme.PEER_COLOURS]:
        assert contrast(colour) >= 3.0, colour  # WCAG AA for graphics on white


def test_country_styles_are_each_countrys_own_and_tell_shared_colours_apart():
    same = [c for c in ("AAA", "AAB", "AAC", "AAD", "AAE", "AAF", "AAG", "AAH")
            if theme.country_colour(c) == theme.country_colour("AAA")]
    styles = theme.country_styles(["MDA", *same])
    assert styles["MDA"]["dash"] == "solid"
    assert len({styles[c]["dash"] for c in same}) == len(same) == 3
    # The same style whatever else is shown, and in whatever order.
    assert theme.country_styles(["AAH", "DEU"])["AAH"] == styles["AAH"]
    assert theme.country_styles(list(reversed(same)))["AAC"] == styles["AAC"]


def test_empty_figure_says_why():
    fig = theme.empty_figure("No data for Mali after 2021.")
    assert fig.data == ()
    assert fig.layout.annotations[0].text == "No data for Mali after 2021."


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "expected"),
    [
        (1_912_345_678, "US$", 0, "1.9 bn US$"),
        (2_500_000, "", 0, "2.5 m"),
        (12_345, "persons", 0, "12,345 persons"),
        (4.567, "%", 1, "4.6 %"),
        (-0.04, "%", 1, "0.0 %"),
        (None, "%", 1, "–"),
        (float("nan"), "US$", 0, "–"),
        (1234.5, "US$ per person", 2, "1,234.50 US$ per person"),
    ],
)
def test_format_value(value, unit, decimals, expected):
    assert format_value(value, unit, decimals) == expected


def test_number_helpers():
    assert format_number(1234567.891, 2) == "1,234,567.89"
    assert format_year_span(2000, 2022) == "2000–2022" and format_year_span(2020, 2020) == "2020"
    assert d3_format(1) == ",.1f"


def test_line_chart_draws_projections_dotted_with_open_markers_and_status():
    import json

    from exports.figure_data import tidy_frame

    rows = frame([("MDA", "Moldova", 2022, 89_154.0), ("MDA", "Moldova", 2023, -18_570.0),
                  ("MDA", "Moldova", 2024, -27_088.0), ("MDA", "Moldova", 2025, -29_766.0),
                  ("JAM", "Jamaica", 2023, -11_000.0)])
    rows["status"] = ["observed", "observed", "projection", "projection", "observed"]
    export = {"indicator_code": "SM.POP.NETM", "unit": "persons"}
    fig = line_chart.create_figure(rows, y_title="persons", export=export,
                                   country_order=["MDA", "JAM"])
    observed, dotted, projected, jamaica = fig.data
    assert list(observed.y) == [89_154.0, -18_570.0, None, None] and observed.showlegend is None
    assert dotted.line.dash == "dot" and dotted.hoverinfo == "skip"
    assert list(dotted.y) == [None, -18_570.0, -27_088.0, -29_766.0]  # joined to 2023
    assert list(projected.x) == [2024, 2025] and projected.marker.symbol == "circle-open"
    assert all("(projection)" in text for text in projected.customdata)
    assert projected.showlegend is False and projected.legendgroup == observed.legendgroup
    assert jamaica.name == "Jamaica" and len(jamaica.x) == 1
    exported = tidy_frame(json.loads(fig.to_json()))
    assert exported[["country_code", "year", "status"]].values.tolist() == [
        ["MDA", 2022, "observed"], ["MDA", 2023, "observed"], ["MDA", 2024, "projection"],
        ["MDA", 2025, "projection"], ["JAM", 2023, "observed"]]


def test_sparkline_marks_a_projected_last_point():
    from figures import sparkline

    df = pd.DataFrame({"year": [2022, 2023, 2024], "value": [1.0, 2.0, 3.0],
                       "status": ["observed", "observed", "projection"]})
    fig = sparkline.create_figure(df)
    solid, dotted, last = fig.data
    assert list(solid.y) == [1.0, 2.0, None] and dotted.line.dash == "dot"
    assert last.marker.symbol == "circle-open"
    plain = sparkline.create_figure(df.drop(columns="status"))
    assert len(plain.data) == 2 and plain.data[1].marker.symbol == "circle"


@pytest.mark.parametrize("indicator", ["BX.TRF.PWKR.DT.GD.ZS", "SM.POP.NETM", "SP.POP.TOTL"])
def test_a_countrys_lines_do_not_depend_on_the_others_shown(indicator):
    """The comparison chart of some countries is the chart of more countries with the others'
    traces left out: the browser draws a removed or re-added country from the lines it holds
    (assets/js/compare.js), so a country's style must never depend on the set."""
    import app  # noqa: F401  (the cache needs the app)
    import charts
    from ids import ChartId
    from state.compare import CompareState

    every = ("MDA", "BGD", "JAM", "MLI", "ROU", "UKR", "DEU", "USA", "IND", "SEN")
    full = charts.figure_json(ChartId.COMPARE_SERIES, CompareState(indicator, every, 1990, 2025))
    for subset in (("MLI", "MDA"), ("UKR",), ("USA", "SEN", "BGD", "ROU")):
        part = charts.figure_json(ChartId.COMPARE_SERIES,
                                  CompareState(indicator, subset, 1990, 2025))
        expected = [t for code in subset for t in full["data"] if t["legendgroup"] == code]
        assert part["data"] == expected, subset
        assert part["layout"] == full["layout"]
