"""What the browser asks the server for, counted in real Chromium: a page's first render needs
no callback; a control change on /compare makes at most one request; the map (and its shapes)
and the table (and the grid's code) are fetched only when their tab is shown."""

from __future__ import annotations

import re

import pytest
from conftest import wait_until

pytestmark = pytest.mark.browser

CALLBACK = "/_dash-update-component"
VIEW = "/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=MDA,JAM&start=2000&end=2022"
TRACE_NAMES = """() => {
  const plot = document.querySelector('#compare-chart .js-plotly-plot');
  return plot && plot.data ? plot.data.map(t => t.name) : null;
}"""


class Requests:
    """Every request the page makes, by URL path."""

    def __init__(self, page, base: str) -> None:
        self.paths: list[str] = []
        page.on("request", lambda r: self.paths.append(r.url.removeprefix(base).split("?")[0]))

    def count(self, pattern: str) -> int:
        return sum(1 for path in self.paths if re.search(pattern, path))

    def mark(self) -> int:
        return len(self.paths)

    def since(self, mark: int, pattern: str) -> int:
        return sum(1 for path in self.paths[mark:] if re.search(pattern, path))


def pick_country(page, name: str) -> None:
    page.click("#compare-countries")
    page.fill(".dash-dropdown-search", name)
    page.locator("[role=option]", has_text=re.compile("^" + name)).first.click()
    page.keyboard.press("Escape")


def settle(page, requests: Requests, quiet_ms: int = 700) -> None:
    """Wait until no request has started for `quiet_ms`."""
    seen = -1
    while seen != requests.mark():
        seen = requests.mark()
        page.wait_for_timeout(quiet_ms)


def test_a_control_change_is_one_request_and_hidden_tabs_cost_nothing(live_server, page):
    requests = Requests(page, live_server.url)
    page.goto(live_server.url + VIEW)
    wait_until(page, TRACE_NAMES)
    settle(page, requests)
    # The first render carries the chart: no callback, no map shapes, no grid code.
    assert requests.count(CALLBACK) == 0
    assert requests.count("topojson") == 0 and requests.count(r"dash_ag_grid\.v") == 0

    before = requests.mark()
    pick_country(page, "Bangladesh")
    wait_until(page, f"() => ({TRACE_NAMES})().includes('Bangladesh')")
    settle(page, requests)
    assert requests.since(before, CALLBACK) == 1

    before = requests.mark()
    page.locator("#compare-transform label", has_text="Annual % change").click()
    wait_until(page, "() => new URLSearchParams(location.search).get('transform') "
                     "=== 'pct_change'")
    settle(page, requests)
    assert requests.since(before, CALLBACK) == 1

    before = requests.mark()
    page.locator("#compare-tabs label", has_text="Sources").click()
    page.wait_for_selector("#compare-sources h2")
    settle(page, requests)
    assert requests.since(before, CALLBACK) <= 1
    # The map was never drawn while hidden.
    assert requests.count("topojson") == 0
    assert page.evaluate("() => (document.querySelector('#compare-map .js-plotly-plot')"
                         ".data || []).length") == 0

    page.locator("#compare-tabs label", has_text="Map").click()
    page.wait_for_selector("#compare-map .choroplethlocation", state="attached")
    assert requests.count("topojson") >= 1  # shapes fetched once the map is drawn

    # The Table tab loads the grid's code once, then draws the grid.
    page.locator("#compare-tabs label", has_text="Table").click()
    page.wait_for_selector("#compare-table .ag-cell")
    assert requests.count(r"dash_ag_grid\.v") == 1
    assert "Bangladesh" in page.inner_text("#compare-table")


def test_navigating_to_a_page_with_a_grid_loads_its_code_first(live_server, page):
    requests = Requests(page, live_server.url)
    page.goto(live_server.url + "/country/MDA")
    page.wait_for_selector("#country-cards .profile-card")
    assert requests.count(r"dash_ag_grid\.v") == 0
    page.click("#nav-data")
    page.wait_for_selector("#data-coverage-table .ag-cell")
    assert requests.count(r"dash_ag_grid\.v") == 1
    assert requests.count(CALLBACK) == 1  # the router's one request for the new page


# The peer benchmark's view and four indicators whose value labels differ most in width.
PILOTS_VIEW = "/compare?indicator=BX.TRF.PWKR.CD.DT&countries=MDA,BGD,JAM,MLI&start=1990&end=2024"
INDICATOR_LABELS = {"SM.POP.NETM": "Net migration",
                    "BX.TRF.PWKR.DT.GD.ZS": "Remittances received, % of GDP",
                    "NY.GDP.MKTP.CD": "GDP", "SP.POP.TOTL": "Population"}
DRAWN = """code => {
  const plot = document.querySelector('#compare-chart .js-plotly-plot');
  const shown = plot && plot._fullLayout && (plot.data || [])
    .filter(t => t.meta && t.meta.export).map(t => t.meta.export.indicator_code);
  const drawn = shown && shown.length && shown.every(c => c === code);
  const size = drawn && plot._fullLayout._size;
  return drawn && new URLSearchParams(location.search).get('indicator') === code
    && [size.l, size.r, size.t, size.b];
}"""


def test_changing_the_indicator_is_one_request_and_one_draw(live_server, page):
    """Each change of indicator asks the server once, and the chart keeps its margins: plotly
    draws a figure whose first draw moved its automatic margins a second time. Options that
    stay the same are not sent again."""
    requests = Requests(page, live_server.url)
    answers: list = []
    page.on("response", lambda r: answers.append(r) if CALLBACK in r.url else None)
    page.goto(live_server.url + PILOTS_VIEW)
    margins = wait_until(page, DRAWN, "BX.TRF.PWKR.CD.DT")
    settle(page, requests)
    for code, label in INDICATOR_LABELS.items():
        before, answered = requests.mark(), len(answers)
        page.click("#compare-indicator")
        page.fill(".dash-dropdown-search", label)
        pattern = re.compile(r"^\s*" + re.escape(label) + r"(\s*·.*)?\s*$")
        page.locator("[role=option]").filter(has_text=pattern).first.click()
        assert wait_until(page, DRAWN, code) == margins, code
        settle(page, requests)
        assert requests.since(before, CALLBACK) == 1, code
        sent = answers[answered].json()["response"]
        # Remittances offer per capita and % of GDP, the other four neither: after the first
        # change the transform choices stay as they are.
        assert ("compare-transform" in sent) == (code == "SM.POP.NETM"), code
