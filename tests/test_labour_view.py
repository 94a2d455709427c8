"""Labour flows view without a browser: queries, URL state, figure builders, content."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

import app  # charts need a running Dash app for their asset URLs
import query
from figures import labour_annual_flows, labour_destinations, labour_emigration_rate
from layouts import labour as layout
from query import labour as q
from state.compare import snapshot_vocabulary
from state.labour import LabourState, parse, profile_state, to_query

PILOTS = ["MDA", "BGD", "JAM", "MLI"]


def _population(code: str, year: int) -> float:
    """The 2020 revision's population (IMS 2020, Table 2), on which the flows are built."""
    table = query.get_snapshot().population_ims2020.set_index(["country_code", "year"])
    return float(table.loc[(code, year), "population"])


def test_emigration_rate_follows_the_stated_formula():
    rates = q.emigration_rate(PILOTS).set_index(["country_code", "period_start"])
    mean = (_population("MDA", 2015) + _population("MDA", 2020)) / 2
    assert rates.loc[("MDA", 2015), "flow"] == 297_141
    assert rates.loc[("MDA", 2015), "population"] == pytest.approx(mean)
    assert rates.loc[("MDA", 2015), "rate_per_1000"] == pytest.approx(297_141 / 5 / mean * 1000)
    assert rates.loc[("MDA", 2015), "rate_per_1000"] == pytest.approx(14.7, abs=0.05)
    # Bangladesh sends eight times more people, but Moldova loses far more per resident.
    assert rates.loc[("BGD", 2015), "flow"] == 2_469_077
    assert rates.loc[("MDA", 2015), "rate_per_1000"] > 4 * rates.loc[("BGD", 2015),
                                                                      "rate_per_1000"]


def test_totals_and_female_share():
    totals = q.emigration_totals(["MDA", "BGD"]).set_index(["country_code", "period_start"])
    assert totals.loc[("BGD", 2015), "total"] == 2_469_077
    assert totals.loc[("MDA", 2015), "female_share_pct"] == pytest.approx(54.0, abs=0.1)
    assert totals.loc[("BGD", 2015), "female_share_pct"] == pytest.approx(32.7, abs=0.1)


def test_annual_inflows_keep_one_series_per_destination_and_never_a_total():
    flows = q.annual_inflows("JAM")
    assert flows.groupby("reporting_code")[["criterion", "coverage"]].nunique().max().max() == 1
    usa = flows[flows["reporting_code"] == "USA"].set_index("year")["value"]
    assert usa[2013] == 19_400
    assert flows["reporting_code"].iloc[0] == "USA"  # the largest destination comes first
    assert "Legal permanent resident" in flows.loc[flows["reporting_code"] == "USA",
                                                   "definition"].iloc[0]
    labelled = flows.assign(label=flows["reporting_name"])
    figure = labour_annual_flows.create_figure(labelled, y_title="y", last_year=2013)
    assert [tr.meta for tr in figure.data] == list(dict.fromkeys(flows["reporting_code"]))


def test_destination_bars_add_up_to_the_country_total():
    by_destination = q.emigration_by_destination("BGD")
    data = labour_destinations.process_data(by_destination, n=6)
    assert data["destination_code"].nunique() == 7  # six destinations and the rest
    per_period = data.groupby("period_start")["value"].sum()
    assert per_period[2015] == 2_469_077
    figure = labour_destinations.create_figure(
        data, q.emigration_totals(["BGD"]), period_label="{start}–{end}", other_label="Other",
        y_title="y", share_name="Women", share_title="%", format_value=str)
    assert figure.data[0].meta == "IND"
    assert figure.data[-1].meta == "female_share"
    assert figure.layout.barmode == "stack"


def test_rate_figure_has_one_line_per_country_in_the_chosen_order():
    rates = q.emigration_rate(["JAM", "MDA"])
    figure = labour_emigration_rate.create_figure(rates, period_label="{start}–{end}",
                                                  y_title="y", country_order=["JAM", "MDA"])
    assert [tr.meta for tr in figure.data] == ["JAM", "MDA"]
    assert list(figure.data[1].x)[-1] == "2015–2020"


def _texts(component: object) -> list[str]:
    """Every string inside a Dash component tree."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, list | tuple):
        return [s for c in component for s in _texts(c)]
    children = getattr(component, "children", None)
    return _texts(children) if children is not None else []


def _figures(component: object) -> dict[str, object]:
    """Graph id -> figure for every graph inside a component tree."""
    if isinstance(component, list):
        return {k: v for c in component for k, v in _figures(c).items()}
    found = {}
    if getattr(component, "figure", None) is not None:
        found[component.id] = go.Figure(component.figure)  # pages send figures as JSON
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            found.update(_figures(child))
    return found


def test_mali_content_says_where_there_is_no_data():
    content = layout.charts(LabourState("MLI", tuple(PILOTS)))
    text = " ".join(_texts(content))
    assert "Cote d'Ivoire, Nigeria, Mauritania" in text  # largest destinations, none reporting
    assert "never added up" in text
    assert "Annual flows end in 2013" in text
    assert "÷ 5 ÷" in text
    figures = _figures(content)
    assert set(figures) == {f"labour-{x}" for x in ("destinations", "annual", "market", "rate")}
    assert all(len(f.data) for f in figures.values())


def test_country_without_flows_gets_messages_not_empty_charts():
    content = layout.charts(LabourState("WLD", ()))
    figures = _figures(content)
    assert figures["labour-destinations"].layout.meta["empty"]
    assert "World" in figures["labour-destinations"].layout.meta["message"]
    assert figures["labour-rate"].layout.meta["message"] == "Choose at least one country to " \
        "compare."


def test_profile_section_shows_the_labour_view_of_the_country_and_links_to_it():
    section = layout.profile_section("JAM")
    state = profile_state("JAM", snapshot_vocabulary())
    assert state == LabourState("JAM", tuple(PILOTS[2:3] + ["MDA", "BGD", "MLI"]))
    assert section.children[-1].href == "/labour?country=JAM&countries=JAM,MDA,BGD,MLI"
    figures = _figures(section)
    assert set(figures) == set(layout.CHARTS)
    assert "Jamaica" in " ".join(_texts(section))


def test_url_state_drops_unknown_codes_with_notices():
    vocab = snapshot_vocabulary()
    state, notices = parse({"country": "xyz", "countries": "jam,,MDA,QQQ,JAM"}, vocab)
    assert state == LabourState("MDA", ("JAM", "MDA"))
    assert [(n.param, n.value, n.reason) for n in notices] == [
        ("country", "xyz", "unknown"), ("countries", "QQQ", "unknown")]
    assert to_query(state) == "?country=MDA&countries=JAM,MDA"
    assert parse({}, vocab)[0] == LabourState("MDA", tuple(PILOTS))


def test_sources_panel_names_licence_vintage_and_citation():
    snap = query.get_snapshot()
    url = "http://127.0.0.1:8050/labour?country=MDA"
    panel = layout.sources_panel(snap.sources, snap.indicators, url)
    text = " ".join(_texts(panel))
    assert "All rights reserved" in text
    assert "Creative Commons Attribution-NonCommercial 3.0 Unported License" in text
    # The app's one citation (exports.citation), naming the page.
    assert (f"Guy J. Abel and Joel E. Cohen. Bilateral international migration flow estimates "
            f"by sex, 1990-2020 (closed demographic accounting, pseudo-Bayesian), vintage 2022. "
            f"Migration & Development Indicators, {url} (accessed {date.today().isoformat()})."
            ) in text
    assert "2015-12" in text and "CC-BY-4.0" in text
    assert "Youth unemployment" in text or "youth" in text.lower()


def test_labour_market_series_are_all_there_for_pilots():
    for code in PILOTS:
        data = q.labour_market(code)
        assert set(data["indicator_code"]) == set(q.LABOUR_MARKET_SERIES), code
    assert pd.api.types.is_integer_dtype(q.labour_market("MDA")["year"])


def test_a_cached_page_cites_the_address_and_day_it_is_drawn_for():
    """Pages are cached by their view: the site's address and the access date they write into
    citations are part of that key, so a page drawn for one address never shows another's."""
    import json

    from layouts import page_content
    from pages import read_request

    vocab = snapshot_vocabulary()
    drawn = []
    for origin in ("http://localhost", "http://127.0.0.1:8050"):
        with app.server.test_request_context("/labour", base_url=origin):
            page = page_content(read_request("/labour", "", vocab))
        drawn.append(json.dumps(page, default=lambda c: c.to_plotly_json()))
    today = date.today().isoformat()
    assert "http://localhost/labour?country=MDA" in drawn[0]
    assert "http://127.0.0.1:8050/labour?" in drawn[1] and "http://localhost/" not in drawn[1]
    assert f"(accessed {today})" in drawn[0] and f"(accessed {today})" in drawn[1]
