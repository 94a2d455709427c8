"""What the screen says is true, without a browser: each number's age and status beside it,
colour scales and palettes that read right (light to dark, no black, no pilot look-alikes, a
marker per country, dark labels), slide 7's target line, regional peers explained, the
classification's release, Abel & Cohen's basis and former areas, the Data page's notes."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import plotly.utils
import pytest

import charts
import query
from charts import labour_rate
from charts.compare_series import TARGETS
from exports.figure_data import tidy_frame
from figures import choropleth, labour_destinations, line_chart, ranked_bar, targets, theme
from ids import ChartId, Compare
from layouts import compare, country, data_page, present
from layouts.blocks import notes
from pages.views import parse_view
from query import labour as q
from state.compare import CompareState, snapshot_vocabulary
from state.labour import LabourState
from text import compare as tc
from text import country as t_country
from text import labour as t_labour


@pytest.fixture(scope="module", autouse=True)
def dash_app():
    """Charts and pages ask the running app for asset URLs and the cache."""
    import app

    with app.app.server.app_context():
        yield app.app


def plain(component: object) -> object:
    """A Dash component tree in its JSON form, as the cache keeps it: one shape to read."""
    return json.loads(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder))


def texts(component: object) -> list[str]:
    """Every string inside a Dash component tree."""
    component = plain(component)

    def walk(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, list):
            return [s for child in node for s in walk(child)]
        if isinstance(node, dict):
            return walk(node.get("props", {}).get("children"))
        return []

    return walk(component)


def by_class(component: object, name: str) -> list[dict]:
    """The components (JSON form) inside a tree whose class list has `name`."""
    found: list[dict] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            props = node.get("props", {})
            if name in (props.get("className") or "").split():
                found.append(node)
            walk(props.get("children"))

    walk(plain(component))
    return found


def lab(hex_colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour, for colour differences (CIE76)."""
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883

    def f(v: float) -> float:
        return v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def difference(first: str, second: str) -> float:
    return sum((a - b) ** 2 for a, b in zip(lab(first), lab(second), strict=True)) ** 0.5


# ---- colours, markers, scales ------------------------------------------------------------------

def test_peer_colours_are_never_black_grey_or_close_to_a_pilot():
    # The old pink beside Mali's (#CC6677) was 21 apart: a region's line read as Mali's.
    assert difference(theme.PILOT_COLOURS["MLI"], "#CC6677") < 25
    for colour in theme.PEER_COLOURS:
        assert theme.contrast_ratio(colour, "#ffffff") >= 3.0, colour
        red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert max(red, green, blue) - min(red, green, blue) > 40, colour  # not black or grey
        for pilot in theme.PILOT_COLOURS.values():
            assert difference(colour, pilot) >= 28, (colour, pilot)
    peers = theme.PEER_COLOURS
    assert min(difference(a, b) for i, a in enumerate(peers) for b in peers[i + 1:]) >= 30


def test_each_pilot_line_has_its_own_marker_in_the_chart_and_the_legend():
    df = query.series("BX.TRF.PWKR.DT.GD.ZS", ["MDA", "BGD", "JAM", "MLI", "ECS"], start=2015,
                      end=2020)
    fig = line_chart.create_figure(df, y_title="%")
    legend = [tr for tr in fig.data if tr.showlegend is not False]
    symbols = {tr.name: tr.marker.symbol for tr in legend}
    assert len(legend) == 5 and all(tr.mode == "lines+markers" for tr in legend)
    assert len(set(symbols.values())) == 5, symbols
    assert symbols["Moldova"] == theme.PILOT_MARKERS["MDA"]
    assert symbols["Mali"] == theme.PILOT_MARKERS["MLI"]
    # The region added next to the pilots differs from all of them in colour too.
    region = next(tr for tr in legend if tr.name == "Europe & Central Asia")
    assert region.line.color not in theme.PILOT_COLOURS.values()


def test_map_scale_runs_light_to_dark_and_no_data_stands_apart():
    stops = [colour for _, colour in theme.SEQUENTIAL_SCALE]
    lightness = [theme.relative_luminance(c) for c in stops]
    assert lightness == sorted(lightness, reverse=True) and len(set(lightness)) == len(stops)
    assert theme.contrast_ratio(theme.NO_DATA_COLOUR, "#ffffff") >= 3.0
    assert theme.contrast_ratio(theme.NO_DATA_COLOUR, stops[0]) >= 3.0
    year = pd.DataFrame({"country_code": ["MDA", "JAM"], "country_name": ["Moldova", "Jamaica"],
                         "year": [2020, 2020], "value": [1.0, 20.0]})
    fig = choropleth.create_figure(year, colorbar_title="%", no_data_legend="No data")
    values, legend = fig.data
    assert [list(stop) for stop in values.colorscale][0][1] == stops[0]
    assert legend.name == "No data" and legend.marker.color == fig.layout.geo.landcolor
    assert legend.showlegend and fig.layout.showlegend


def test_slide_two_caption_agrees_with_its_map():
    vocab = snapshot_vocabulary()
    deck = present.ready_made_deck(vocab)
    slide = next(s for s in deck.slides if "tab=map" in s.view)
    assert "darker shading means" in slide.caption and "larger share" in slide.caption
    figure = charts.figure(ChartId.COMPARE_MAP, parse_view(slide.view, vocab).state)
    scale = figure.data[0].colorscale
    low, high = scale[0][1], scale[-1][1]
    assert theme.relative_luminance(low) > theme.relative_luminance(high)
    assert any(tr.name == tc.MAP_NO_DATA_LEGEND for tr in figure.data)


def test_diaspora_map_is_light_for_few_and_dark_for_many():
    state = country.ProfileState("MDA")
    figure = charts.figure(ChartId.PROFILE_DESTINATIONS_MAP, state)
    values = figure.data[0]
    assert theme.relative_luminance(values.colorscale[0][1]) > theme.relative_luminance(
        values.colorscale[-1][1])
    assert any(tr.name == t_country.DESTINATIONS_NONE for tr in figure.data)
    assert "Darker means more" in t_country.DESTINATIONS_MAP_NOTE


def test_bar_values_are_dark_labels_beside_the_bars():
    one_year = pd.DataFrame({"country_code": ["MLI", "JAM"], "country_name": ["Mali", "Jamaica"],
                             "year": [2020, 2020], "value": [6.0, 20.0], "label": ["6", "20"]})
    bar = ranked_bar.create_figure(one_year, x_title="%").data[0]
    assert bar.textposition == "outside"
    assert theme.contrast_ratio(bar.textfont.color, "#ffffff") >= 4.5


def test_labour_bars_use_a_palette_without_black_and_one_grey_for_the_rest():
    data = labour_destinations.process_data(q.emigration_by_destination("BGD"), 6)
    fig = labour_destinations.create_figure(
        data, q.emigration_totals(["BGD"]), period_label="{start}–{end}", other_label="Other",
        y_title="y", share_name="Women", share_title="%", format_value=str)
    bars = [tr for tr in fig.data if tr.type == "bar"]
    colours = [tr.marker.color for tr in bars]
    assert colours[:-1] == list(theme.CATEGORY_COLOURS[:len(colours) - 1])
    assert colours[-1] == theme.OTHER_COLOUR and bars[-1].name == "Other"
    assert all(theme.relative_luminance(c) > 0.01 for c in colours)  # no black fill
    assert all(not (tr.marker.pattern and tr.marker.pattern.shape) for tr in bars)
    # Women's share sits in a panel of its own, above the bars: its labels never cover them.
    share = fig.data[-1]
    assert share.yaxis == "y2"
    assert fig.layout.yaxis2.domain[0] > fig.layout.yaxis.domain[1]


def test_former_areas_are_their_own_category_marked_in_chart_notes_and_downloads():
    state = LabourState("TCD", ("TCD",))
    figure = charts.figure(ChartId.LABOUR_DESTINATIONS, state)
    names = [tr.name for tr in figure.data]
    assert "Sudan*" in names and "Sudan" in names  # never one continuing series
    rows = tidy_frame(json.loads(figure.to_json()))
    former = rows[rows["destination_name"] == "Sudan*"]
    assert set(former["year"]) == {1990, 1995, 2000, 2005}
    assert former["destination_note"].str.contains("South Sudan").all()
    assert rows.loc[rows["destination_name"] == "Sudan", "destination_note"].isna().all()
    assert set(rows["status"]) == {"estimate"}
    said = " ".join(texts(notes(ChartId.LABOUR_DESTINATIONS, state)))
    assert "* 'Sudan*' in the source" in said
    # Sudan itself: the periods its code covers South Sudan too are starred on the axis.
    sudan = charts.figure(ChartId.LABOUR_DESTINATIONS, LabourState("SDN", ("SDN",)))
    assert "1990–1995*" in list(sudan.layout.xaxis.categoryarray)
    assert "2015–2020" in list(sudan.layout.xaxis.categoryarray)


def test_labour_charts_name_the_revision_their_flows_are_built_on():
    state = LabourState("MDA", ("MDA", "BGD"))
    basis = query.source_basis(q.FLOW_SOURCE)["based_on"]
    assert "2020 revision" in basis and "2024 revision" in basis
    for chart in (ChartId.LABOUR_DESTINATIONS, ChartId.LABOUR_RATE):
        assert any(basis in text for text in texts(notes(chart, state))), chart
    rate_notes = labour_rate.CHART.notes(state)
    assert t_labour.RATE_HOW.format(formula=q.RATE_FORMULA) in rate_notes
    assert not hasattr(t_labour, "RATE_FORMULA")  # one wording, the query layer's
    rows = tidy_frame(json.loads(charts.figure(ChartId.LABOUR_RATE, state).to_json()))
    assert set(rows["status"]) == {"estimate"}


# ---- slide 7 and the comparison chart of remittance costs ------------------------------------

def test_cost_slide_draws_the_sdg_target_from_zero_and_names_measure_and_release():
    vocab = snapshot_vocabulary()
    deck = present.ready_made_deck(vocab)
    slide = next(s for s in deck.slides if "SI.RMT.COST.IB.ZS" in s.view)
    view = parse_view(slide.view, vocab)
    payload = present.slide_payload(view, slide, 7, len(deck.slides))
    fig = go.Figure(payload["figure"])
    lines = [shape for shape in fig.layout.shapes if shape.y0 == shape.y1]
    assert [shape.y0 for shape in lines] == [targets.SDG_10C_TARGET_PCT]
    assert fig.layout.yaxis.rangemode == "tozero"
    assert any(a.text == "SDG 10.c target: 3 %" for a in fig.layout.annotations)
    meta = query.indicator_meta("SI.RMT.COST.IB.ZS")
    assert f"(release of {meta['vintage']})" in fig.layout.title.text
    assert "average cost of sending remittances to each country" in slide.caption
    assert "World Development Indicators" in slide.caption
    assert "Sustainable Development Goals' target (dashed line)" in slide.caption
    assert meta["vintage"] in payload["source"]
    assert TARGETS["SI.RMT.COST.IB.ZS"][0] == targets.SDG_10C_TARGET_PCT


def test_targets_follow_the_chart_one_year_bars_and_not_transformed_values():
    bars = charts.figure(ChartId.COMPARE_SERIES, CompareState(
        indicator="SI.RMT.COST.IB.ZS", countries=("MDA", "JAM"), start=2016, end=2016))
    assert [shape.x0 for shape in bars.layout.shapes] == [targets.SDG_10C_TARGET_PCT]
    indexed = charts.figure(ChartId.COMPARE_SERIES, CompareState(
        indicator="SI.RMT.COST.IB.ZS", countries=("MDA",), start=2011, end=2020,
        transform="index", base=2011))
    assert not indexed.layout.shapes
    remittances = charts.figure(ChartId.COMPARE_SERIES, CompareState(
        indicator="BX.TRF.PWKR.CD.DT", countries=("MDA",), start=2011, end=2020))
    assert not remittances.layout.shapes and "release of" not in remittances.layout.title.text


def test_remittances_paid_name_their_older_release_received_do_not():
    paid = charts.chart(ChartId.COMPARE_SERIES).title(CompareState(
        indicator="BM.TRF.PWKR.CD.DT", countries=("MDA",), start=2000, end=2022))
    assert paid.endswith("(release of 2023-05-10)")


# ---- headlines that stay true ------------------------------------------------------------------

def test_a_picked_slide_takes_the_chart_title_not_the_stories_headline():
    vocab = snapshot_vocabulary()
    deck = present.ready_made_deck(vocab)
    slide = deck.slides[0]
    assert "all four economies" in slide.title
    view = parse_view(slide.view, vocab).with_countries(("MLI", "SEN"))
    payload = present.slide_payload(view, slide, 1, len(deck.slides), retitled=True)
    assert payload["title"] == view.title
    assert "Mali" in payload["title"] and "Senegal" in payload["title"]
    assert "four" not in payload["title"] and payload["caption"] == ""


# ---- the comparison table and the country picker ---------------------------------------------

def test_table_marks_projections_and_names_the_series_age():
    grid = compare.table_grid(CompareState(indicator="SM.POP.NETM", countries=("MDA", "JAM"),
                                           start=2020, end=2025))
    caption, table = grid.children
    assert caption.id == Compare.TABLE_CAPTION
    said = " ".join(texts(caption))
    assert tc.TABLE_STATUS_NOTE["projection"] in said
    assert query.indicator_age("SM.POP.NETM")["age_note"] in said
    moldova = table.rowData[0]
    assert moldova["2024 status"] == moldova["2025 status"] == "projection"
    assert "2023 status" not in moldova
    formatter = next(c for c in table.columnDefs if c["field"] == "2025")["valueFormatter"]
    assert "params.data['2025 status'] === 'projection' ? ' P'" in formatter["function"]
    ilo = compare.table_grid(CompareState(indicator="SL.UEM.TOTL.ZS", countries=("MDA",),
                                          start=2020, end=2022))
    assert tc.TABLE_STATUS_NOTE["estimate"] in " ".join(texts(ilo.children[0]))


def test_country_picker_groups_aggregates_and_suggests_each_pilots_developing_region():
    options = compare.country_options(query.get_snapshot().countries)
    values = [o["value"] for o in options]
    assert values[:5] == ["group:pilots", "MDA", "BGD", "JAM", "MLI"]
    assert values[5:10] == ["group:suggested", "ECA", "SAS", "LAC", "SSA"]
    assert all(o.get("disabled") for o in options if o["value"].startswith("group:"))
    assert len(values) == len(set(values))
    by_value = {o["value"]: o for o in options}
    groups = [v for v in values if v.startswith("group:")]
    assert groups.index("group:regions_all") > groups.index("group:countries")
    # The all-income Europe & Central Asia says what it is, and why it is a weak peer.
    ecs = by_value["ECS"]
    assert "all income levels" in " ".join(texts(ecs["label"]))
    assert "high-income" in ecs["title"] and "weak peer" in ecs["title"]
    assert "Moldova" in " ".join(texts(by_value["ECA"]["label"]))
    assert "without its high-income economies" in by_value["ECA"]["title"]
    # Countries name their region, income group and the classification's release.
    assert by_value["MDA"]["title"].startswith("Europe & Central Asia · Upper middle income")
    assert "2023-05-10" in by_value["MDA"]["title"]


# ---- the profile -------------------------------------------------------------------------------

def cards_of(code: str) -> dict[str, dict]:
    return {card["props"]["data-indicator"]: card for card in plain(country.cards(code))}


def test_cards_say_how_old_each_value_is_and_what_it_is():
    cards = cards_of("MDA")
    refugees = " ".join(texts(cards["UNHCR.REFG.OR"]))
    assert "2019 — latest UNHCR data in this dashboard" in refugees
    net = cards["SM.POP.NETM"]
    status = " ".join(texts(by_class(net, "card-status")))
    assert status == "Projection, not observed: the source's observed data end in 2023."
    assert net["props"]["data-status"] == "projection"
    share = cards["DESA.EMIG.TOTL.ZS"]
    assert texts(by_class(share, "card-value")) == ["28.5 %"]
    assert "UN's projected population for 2024" in " ".join(texts(share))
    assert "this share uses the UN's" in " ".join(texts(by_class(share, "card-note")))
    remittances = " ".join(texts(cards["BX.TRF.PWKR.CD.DT"]))
    assert "1.9 bn US$" in remittances and "2024" in remittances
    assert not by_class(cards["BX.TRF.PWKR.CD.DT"], "card-status")


def test_profile_names_the_classification_release_and_drops_the_invented_amount():
    shown = " ".join(texts(country.classification("MDA")))
    assert "Europe & Central Asia" in shown and "Upper middle income" in shown
    assert query.classification_release("MDA").removeprefix("wdi-") in shown
    assert country.classification("WLD") == []
    assert "200" not in t_country.COSTS_INTRO
    assert "earlier UN DESA revision" in t_country.DIASPORA_REVISIONS


def test_senders_and_costs_say_how_old_their_tables_are():
    state = country.ProfileState("JAM")
    assert charts.chart(ChartId.PROFILE_SENDERS).notes(state) == [
        "2018 — latest World Bank data in this dashboard."]
    assert "2020Q3 — latest World Bank data in this dashboard." in charts.chart(
        ChartId.PROFILE_COSTS).notes(state)


# ---- the Data & sources page -------------------------------------------------------------------

def test_data_page_explains_denominators_gaps_status_and_age_from_the_data():
    said = " ".join(texts(data_page.reading_notes()))
    assert "Moldova's emigrants are 28.5 % of the UN's population of Moldova in 2024" in said
    assert "asylum seekers by country of origin before 2000" in said
    assert "UN figures from 2024 on" in said
    for age in ("Refugees end in 2019", "corridor costs in 2020Q3", "matrix is 2018",
                "annual flows end in 2013", "2023-05-10 release", "2026-07-01 release"):
        assert age in said, age
    assert f"({len(query.population_differences())})" in said


def test_pilot_coverage_marks_projection_and_estimate_years():
    snap = query.get_snapshot()
    pilots = snap.countries[snap.countries["pilot"].astype(bool)]
    table = data_page.pilot_table(
        data_page.ordered(snap.indicators), pilots,
        data_page.pilot_coverage(snap.values, pilots["country_code"].tolist()),
        data_page.pilot_statuses(snap.values, pilots["country_code"].tolist()))
    said = " ".join(texts(table))
    assert "; projection 2024–2025" in said
    assert "; all model estimates" in said
