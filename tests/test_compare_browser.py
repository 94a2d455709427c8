"""The comparison view in real Chromium: URL state, controls, tabs, map, history, bad links."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import wait_until

pytestmark = pytest.mark.browser

EXAMPLE = "/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=MDA,JAM&start=2000&end=2022&tab=table"
TRACES = """id => {
  const plot = document.querySelector('#' + id + ' .js-plotly-plot');
  return plot && plot.data ? plot.data.map(t => ({name: t.name, type: t.type, x: t.x, y: t.y,
    z: t.z, locations: t.locations})) : null;
}"""



def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def traces(page, graph_id: str = "compare-chart") -> list[dict]:
    return wait_until(page, TRACES, graph_id)


def wait_for_query(page, **expected: str | None) -> None:
    """Wait until the address bar has these parameters (None: the parameter is absent)."""
    wait_until(page, """expected => {
      const p = new URLSearchParams(location.search);
      return Object.entries(expected).every(([k, v]) => p.get(k) === v);
    }""", expected)


def wait_for_traces(page, check: str, graph_id: str = "compare-chart") -> list[dict]:
    """Wait until `check` (a JS expression over `data`, the traces) holds; return the traces."""
    return wait_until(page, f"id => {{ const data = ({TRACES})(id); "
                            f"return data && ({check}) ? data : null; }}", graph_id)


def pick(page, dropdown_id: str, search: str, option_text: str) -> None:
    """Open a dropdown, search, and click the option whose label starts with `option_text`."""
    page.click(f"#{dropdown_id}")
    page.fill(".dash-dropdown-search", search)
    page.locator("[role=option]", has_text=re.compile("^" + re.escape(option_text))).first.click()
    page.keyboard.press("Escape")


def choose_tab(page, label: str) -> None:
    page.locator("#compare-tabs label", has_text=label).click()


def test_shared_link_controls_tabs_and_history(live_server, page):
    topojson_responses: list[int] = []
    page.on("response", lambda r: topojson_responses.append(r.status)
            if r.url.startswith(live_server.url + "/assets/topojson/world_110m.json") else None)
    page.goto(live_server.url + EXAMPLE)

    # The link opens exactly that view: table tab, two countries, 2000-2022.
    page.wait_for_selector("#compare-panel-table:not([hidden]) #compare-table .ag-cell")
    assert page.is_hidden("#compare-panel-chart")
    table_text = page.inner_text("#compare-table")
    assert "Moldova" in table_text and "Jamaica" in table_text and "2022" in table_text
    assert query(page)["tab"] == "table"
    chart = traces(page)
    assert [t["name"] for t in chart] == ["Moldova", "Jamaica"]
    assert all(2000 <= x <= 2022 for t in chart for x in t["x"])
    assert max(x for t in chart for x in t["x"]) == 2022

    # Switching tabs shows another panel and records the tab in the URL.
    choose_tab(page, "Chart")
    wait_for_query(page, indicator="BX.TRF.PWKR.DT.GD.ZS", tab=None)
    assert page.is_visible("#compare-chart")

    # Changing the indicator redraws the chart and updates the URL.
    before = traces(page)[0]["y"]
    pick(page, "compare-indicator", "Population", "Population")
    wait_for_query(page, indicator="SP.POP.TOTL", countries="MDA,JAM")
    population = wait_for_traces(page, f"data[0].y[0] !== {before[0]}")
    assert population[0]["y"][0] > 1_000_000  # people, not a percentage

    # Adding a country adds its line, in legend order.
    pick(page, "compare-countries", "Bangladesh", "Bangladesh")
    wait_for_query(page, countries="MDA,JAM,BGD")
    three = wait_for_traces(page, "data.length === 3")
    assert [t["name"] for t in three] == ["Moldova", "Jamaica", "Bangladesh"]

    # The map tab draws a choropleth from shapes the app serves itself.
    choose_tab(page, "Map")
    wait_for_query(page, tab="map")
    page.wait_for_selector("#compare-map .choroplethlocation", state="attached")
    assert page.is_visible("#compare-map")
    world = traces(page, "compare-map")
    assert world[0]["type"] == "choropleth" and len(world[0]["locations"]) > 100
    assert {"MDA", "JAM", "BGD"} <= set(world[1]["locations"])  # the highlight layer
    assert topojson_responses and set(topojson_responses) <= {200, 304}

    # Back and forward restore the URL and the controls.
    page.go_back()
    wait_for_query(page, tab=None, countries="MDA,JAM,BGD")
    page.wait_for_selector("#compare-panel-map[hidden]", state="attached")
    assert page.is_visible("#compare-chart") and page.is_hidden("#compare-panel-map")
    page.go_back()
    wait_for_query(page, countries="MDA,JAM")
    wait_for_traces(page, "data.length === 2")
    assert "Bangladesh" not in page.inner_text("#compare-countries")
    page.go_back()
    wait_for_query(page, indicator="BX.TRF.PWKR.DT.GD.ZS")
    wait_for_traces(page, "data[0].y[0] < 100")  # remittances, % of GDP, again
    wait_until(page, "() => document.querySelector('#compare-indicator').innerText"
                     ".includes('Remittances received, % of GDP')")
    page.go_forward()
    wait_for_query(page, indicator="SP.POP.TOTL", countries="MDA,JAM")
    wait_for_traces(page, "data[0].y[0] > 1000000")
    wait_until(page, "() => document.querySelector('#compare-indicator').innerText"
                     ".startsWith('Population')")


def test_index_transform_is_100_in_the_base_year_for_every_country(live_server, page):
    page.goto(live_server.url + "/compare?indicator=BX.TRF.PWKR.CD.DT&countries=MDA,JAM,BGD"
              "&start=2000&end=2022&transform=index&base=2010")
    chart = wait_for_traces(page, "data.length > 0")
    assert len(chart) == 3
    for trace in chart:
        at_base = [y for x, y in zip(trace["x"], trace["y"], strict=True) if x == 2010]
        assert at_base == [pytest.approx(100.0)], trace["name"]
        assert len(set(trace["y"])) > 1
    assert query(page)["base"] == "2010"


def test_bad_link_on_a_phone_shows_a_notice_and_no_traceback(live_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    phone = context.new_page()
    outside: list[str] = []
    phone.route("**/*", lambda route, request: (
        route.continue_() if request.url.startswith(live_server.url)
        else (outside.append(request.url), route.abort())))
    errors: list[str] = []
    phone.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        phone.goto(live_server.url + "/compare?countries=XXX,MDA&start=abc")
        phone.wait_for_selector("#compare-notices li")
        notice = phone.inner_text("#compare-notices")
        assert "XXX" in notice and "start" in notice
        phone.wait_for_selector("#compare-chart .js-plotly-plot .scatterlayer .trace")
        assert [t["name"] for t in traces(phone)] == ["Moldova"]
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        for tab in ("Map", "Table", "Sources"):
            choose_tab(phone, tab)
            phone.wait_for_timeout(300)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 375, tab
    finally:
        context.close()
    assert outside == [] and errors == []
    assert "Traceback" not in live_server.log()


def test_map_year_from_link_and_honest_gaps(live_server, page):
    page.goto(live_server.url + "/compare?indicator=SI.RMT.COST.IB.ZS&countries=MDA,JAM,MLI"
              "&start=2000&end=2022&tab=map&year=2020")
    page.wait_for_selector("#compare-map .choroplethlocation", state="attached")
    assert page.is_visible("#compare-map")
    assert "2020" in page.inner_text("#compare-map-note")
    world = traces(page, "compare-map")
    assert world[0]["type"] == "choropleth" and world[0]["locations"]
    choose_tab(page, "Chart")
    coverage = page.inner_text("#compare-coverage")
    assert "ends in 2020" in coverage
    assert "Moldova" in coverage and "Mali" in coverage


def test_table_marks_projected_years_in_its_cells(live_server, page):
    page.goto(live_server.url + "/compare?indicator=SM.POP.NETM&countries=MDA,JAM"
              "&start=2021&end=2025&tab=table")
    cells = wait_until(page, """() => {
      const text = year => Array.from(document.querySelectorAll(
        `#compare-table .ag-cell[col-id="${year}"]`)).map(c => c.textContent.trim());
      const projected = text(2025), observed = text(2023);
      return projected.length === 2 && observed.length === 2 ? {projected, observed} : null;
    }""")
    # WPP 2024 projects net migration from 2024 on: those cells say so, 2023's do not.
    assert all(re.fullmatch(r"−?[\d,]+ P", cell) for cell in cells["projected"]), cells
    assert all(re.fullmatch(r"−?[\d,]+", cell) for cell in cells["observed"]), cells
    assert "P: a projection" in page.inner_text("#compare-table-caption")


@pytest.mark.parametrize("tab", ["chart", "map", "table", "sources"])
def test_a_link_to_each_tab_opens_that_tab(live_server, page, watch, tab):
    """Each tab's panel, drawn with the page, renders (no React error) and the address keeps
    the tab it asked for."""
    page.goto(f"{live_server.url}/compare?tab={tab}")
    wait_until(page, f"() => {{ const p = document.getElementById('compare-panel-{tab}'); "
                     "return p && !p.hidden; }")
    wait_for_query(page, indicator="BX.TRF.PWKR.DT.GD.ZS", tab=None if tab == "chart" else tab)
    page.wait_for_timeout(500)  # anything the first callbacks would redraw
    assert query(page).get("tab", "chart") == tab
    assert not page.is_hidden(f"#compare-panel-{tab}")
    assert [e for e in watch.console_errors if "React" in e] == []
