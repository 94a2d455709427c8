"""Every view fits a 375 px phone screen: no horizontal scrolling, and no chart's legend over
its axis's labels."""

from __future__ import annotations

import pytest
from conftest import LEGEND_PLACES, assert_legends_clear, wait_until

PAGES = ["/country/MDA", "/diaspora", "/labour", "/data", "/deck", "/present"]
CHART_PAGES = ("/country/MDA", "/diaspora", "/labour", "/present")


@pytest.mark.browser
def test_every_view_fits_a_phone_screen(live_server, page):
    page.set_viewport_size({"width": 375, "height": 800})
    for path in PAGES:
        page.goto(live_server.url + path)
        # Wait for the page's charts (if any) to draw, then measure.
        wait_until(page, """() => {
          const plots = document.querySelectorAll('.js-plotly-plot');
          return document.querySelector('main, #page-content')
            && Array.from(plots).every(p => p.querySelector('.main-svg'));
        }""")
        page.wait_for_timeout(500)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways: {width} px"
        if path in CHART_PAGES:
            assert_legends_clear(page.evaluate(LEGEND_PLACES))
