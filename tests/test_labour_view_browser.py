"""The Labour flows view in real Chromium: every pilot's charts draw with data, the caveats are
on screen, a control writes the URL, and a bad link gives a notice."""

from __future__ import annotations

import pytest
from conftest import wait_until

pytestmark = pytest.mark.browser

GRAPHS = ("labour-destinations", "labour-annual", "labour-market", "labour-rate")
TRACES = """ids => ids.map(id => {
  const plot = document.querySelector('#' + id + ' .js-plotly-plot');
  return plot && plot.data ? plot.data.map(t => ({name: t.name, n: (t.y || []).length})) : null;
})"""



def charts(page) -> list[list[dict]]:
    return wait_until(page, f"ids => {{ const all = ({TRACES})(ids); "
                            "return all.every(x => x) ? all : null; }", list(GRAPHS))


@pytest.mark.parametrize("country, destination, missing", [
    ("MDA", "Russian Federation", None),
    ("BGD", "India", None),
    ("JAM", "United States", None),
    ("MLI", "Cote d'Ivoire", "no annual flows by origin in this dataset: Cote d'Ivoire"),
])
def test_each_pilot_draws_every_chart_with_its_caveats(live_server, page, country, destination,
                                                      missing):
    page.goto(f"{live_server.url}/labour?country={country}&countries=MDA,BGD,JAM,MLI")
    destinations, annual, market, rate = charts(page)
    assert destination in [t["name"] for t in destinations]
    assert all(t["n"] > 0 for t in destinations)
    assert destinations[-1]["name"] == "Women, % of all emigrants"
    assert annual and all(t["n"] > 0 for t in annual)  # every pilot has some reporting destination
    assert {t["name"] for t in market} == {"Women", "Men", "Labour force"}
    assert [t["name"] for t in rate] == ["Moldova", "Bangladesh", "Jamaica", "Mali"]
    assert all(t["n"] == 6 for t in rate)
    for caveat in ("never added up", "Annual flows end in 2013", "÷ 5 ÷",
                   "not counts of labour migrants", "All rights reserved",
                   "Attribution-NonCommercial 3.0"):
        assert page.get_by_text(caveat, exact=False).first.is_visible(), caveat
    if missing:
        assert page.get_by_text(missing, exact=False).is_visible()


def test_control_writes_the_url_and_a_bad_link_gets_a_notice(live_server, page):
    page.goto(f"{live_server.url}/labour?country=QQQ&countries=JAM,ZZZ")
    notice = page.locator("#labour-notices")
    notice.get_by_text("QQQ", exact=False).wait_for()
    assert "ZZZ" in notice.inner_text()
    charts(page)
    # The comparison keeps Jamaica only; the focus falls back to Moldova.
    rate = wait_until(page, f"ids => ({TRACES})(ids)[0]", ["labour-rate"])
    assert [t["name"] for t in rate] == ["Jamaica"]
    page.click("#labour-country")
    page.fill(".dash-dropdown-search", "Bangla")
    page.locator("[role=option]", has_text="Bangladesh").first.click()
    page.keyboard.press("Escape")
    wait_until(page, "() => new URLSearchParams(location.search).get('country') === 'BGD'")
    assert "countries=JAM" in page.url
    wait_until(page, "() => document.querySelector('.page-labour h2.chart-title')"
                     ".textContent.includes('Bangladesh')")
