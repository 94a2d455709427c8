"""Accessibility in real Chromium: axe-core (WCAG 2.1 A/AA and best practice) on every page and
tab, charts with a name, a summary and a data table, and what in-app navigation does for
keyboard and screen-reader users (title, focus, announcement, the remembered comparison)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import AXE_SCRIPT, open_deck_builder, wait_until

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Every visible chart drawn, no callback pending, and the fixes of assets/js/a11y.js applied.
SETTLED = """() => {
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'))
    .filter(p => p.getClientRects().length);
  return document.querySelector('h1')
    && plots.every(p => p.querySelector('.main-svg'))
    && !document.querySelector('[data-dash-is-loading="true"]')
    && !document.querySelector('.dash-radioitems[role]');
}"""

PAGES = [
    "/compare?tab=chart", "/compare?tab=map", "/compare?tab=table", "/compare?tab=sources",
    "/country/MDA", "/country", "/diaspora", "/labour", "/data", "/present",
    "/embed?indicator=SM.POP.NETM&countries=MDA,JAM", "/api/v1/", "/no/such/page",
]


def axe_violations(page) -> list[dict]:
    """Critical and serious violations on the page as it is now."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           AXE_TAGS)
    return [{"rule": v["id"], "impact": v["impact"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("critical", "serious")]


def test_axe_finds_nothing_critical_or_serious_on_any_page(live_server, axe_page):
    page = axe_page
    found = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        wait_until(page, SETTLED)
        found[path] = axe_violations(page)
    # The comparison chart's summary and data table, opened.
    page.goto(live_server.url + "/compare")
    wait_until(page, SETTLED)
    page.click(".chart-box:has(#compare-chart) details.chart-data > summary")
    page.wait_for_selector(".chart-box:has(#compare-chart) details.chart-data table",
                           state="visible")
    found["/compare, data table open"] = axe_violations(page)
    # The deck builder with slides in it.
    open_deck_builder(page, live_server.url)
    page.click("#deck-ready")
    page.wait_for_selector(".deck-slide >> nth=3")
    wait_until(page, SETTLED)
    found["/deck with slides"] = axe_violations(page)
    assert {path: v for path, v in found.items() if v} == {}


def test_every_chart_is_named_described_and_has_its_data_as_a_table(live_server, page):
    page.goto(live_server.url + "/country/BGD")
    wait_until(page, SETTLED)
    charts = page.evaluate("""() => Array.from(document.querySelectorAll('.chart-box')).map(box => {
      const text = id => { const e = document.getElementById(id); return e && e.textContent; };
      const names = (box.getAttribute('aria-labelledby') || '').split(' ');
      const details = box.querySelector('details.chart-data');
      return {graph: box.querySelector('.chart').id, role: box.getAttribute('role'),
              name: names.map(text).join(' '),
              description: text(box.getAttribute('aria-describedby')),
              rows: details ? details.querySelectorAll('tbody tr').length : 0};
    })""")
    assert len(charts) == 10
    for chart in charts:
        assert chart["role"] == "figure" and chart["name"].strip(), chart
        # The table is drawn when its details are opened (below), not before.
        assert chart["description"] and chart["rows"] == 0, chart
    destinations = next(c for c in charts if c["graph"] == "country-destinations-bar")
    # Said from the figure's own data: the largest destination first.
    assert "Saudi Arabia" in destinations["description"]
    assert "Bar chart" in destinations["description"]

    # The table is reached with the keyboard: its summary opens the details.
    finance = ".chart-box:has(#country-finance) details.chart-data"
    summary = page.locator(f"{finance} > summary")
    summary.focus()
    page.keyboard.press("Enter")
    table = page.locator(f"{finance} table")
    table.wait_for(state="visible")
    assert "Remittances" in table.inner_text()
    # The numbers are the chart's: the table's rows match the points it draws.
    drawn = page.evaluate("""() => document.querySelector('#country-finance .js-plotly-plot')
      .data.reduce((n, t) => n + Array.from(t.y).filter(v => v !== null).length, 0)""")
    assert page.locator(f"{finance} tbody tr").count() == drawn

    # A control change redraws the description with the chart.
    before = page.inner_text("#country-finance-summary")
    page.check("#country-measure input[value=pct_gdp]")
    wait_until(page, """before => {
      const e = document.getElementById('country-finance-summary');
      return e && e.textContent !== before && e.textContent.includes('%');
    }""", before)
    # The open table follows the new view too.
    wait_until(page, "sel => { const e = document.querySelector(sel); "
                     "return !!e && e.textContent.includes('% of GDP'); }",
               f"{finance} table thead")


def test_navigation_names_the_page_moves_focus_and_announces_it(live_server, page):
    page.goto(live_server.url + "/compare")
    wait_until(page, SETTLED)
    assert page.title().startswith("Compare countries")
    page.click("#nav-data")
    state = wait_until(page, """() => {
      const active = document.activeElement;
      const h1 = document.querySelector('#page h1');
      return document.title.startsWith('Data & sources') && h1 && active === h1
        ? {heading: h1.textContent,
           said: document.getElementById('page-announce').textContent} : null;
    }""")
    assert state["heading"] and state["said"].startswith("Data & sources")
    # From a keyboard too: the country link in the header, then the heading has focus.
    page.locator("#nav-country").focus()
    page.keyboard.press("Enter")
    wait_until(page, """() => document.title.startsWith('Country profiles')
      && document.activeElement === document.querySelector('#page h1')""")


def test_the_comparison_view_is_remembered_in_the_tab(live_server, page):
    page.goto(live_server.url + "/compare?indicator=SM.POP.NETM&countries=MDA,JAM")
    wait_until(page, SETTLED)
    # The user adds a region (the first one offered is the suggested peer, the region without
    # its high-income economies); the address follows.
    page.click("#compare-countries")
    page.fill(".dash-dropdown-search", "Europe & Central Asia")
    page.locator("[role=option]", has_text="Europe & Central Asia").first.click()
    page.keyboard.press("Escape")
    wait_until(page, "() => new URLSearchParams(location.search).get('countries') === "
                     "'MDA,JAM,ECA'")
    # Away and back through the header: the region is still there.
    page.click("#nav-diaspora")
    page.wait_for_selector(".page-diaspora")
    page.click("#nav-compare")
    wait_until(page, "() => location.pathname === '/compare' && "
                     "new URLSearchParams(location.search).get('countries') === 'MDA,JAM,ECA'")
    wait_until(page, """() => {
      const plot = document.querySelector('#compare-chart .js-plotly-plot');
      return plot && plot.data && new Set(plot.data.map(t => t.name)).size === 3;
    }""")
    assert parse_qs(urlsplit(page.url).query)["indicator"] == ["SM.POP.NETM"]
    # The brand link goes back to it as well.
    page.click("#nav-labour")
    page.wait_for_selector(".page-labour")
    page.click(".site-header .brand")
    wait_until(page, "() => new URLSearchParams(location.search).get('countries') === "
                     "'MDA,JAM,ECA'")
