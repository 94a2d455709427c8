"""Embeds: only /embed may be framed (by the origins in EMBED_FRAME_ANCESTORS); /embed draws the
comparison view's chart alone, with its source line and a link to the full view."""

from __future__ import annotations

import urllib.request

import pytest
from conftest import wait_until

import query
from tests.conftest import start_server

PARTNER = "https://partner.example.org"
VIEW = "indicator=SM.POP.NETM&countries=MDA,JAM&start=2010&end=2015"


def headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return {name.lower(): value for name, value in response.headers.items()}


def frame_ancestors(policy: str) -> str:
    return next(part.strip() for part in policy.split(";")
                if part.strip().startswith("frame-ancestors"))


def test_only_embed_may_be_framed_by_the_configured_origins(tmp_path):
    server = start_server(tmp_path, env={"EMBED_FRAME_ANCESTORS": PARTNER}, name="embed")
    try:
        embed = headers(f"{server.url}/embed?{VIEW}")
        assert frame_ancestors(embed["content-security-policy"]) == (
            f"frame-ancestors 'self' {PARTNER}")
        assert "x-frame-options" not in embed
        for path in ("/compare?" + VIEW, "/data", "/"):
            page = headers(server.url + path)
            assert frame_ancestors(page["content-security-policy"]) == "frame-ancestors 'none'"
            assert page["x-frame-options"] == "DENY"
    finally:
        server.stop()



@pytest.mark.browser
def test_embed_shows_the_chart_with_its_source_and_no_app_chrome(live_server, page):
    page.goto(f"{live_server.url}/embed?{VIEW}")
    drawn = wait_until(page, """() => {
      const p = document.querySelector('#embed-chart .js-plotly-plot');
      return p && p.data && p.data.length ? p.data.map(t => [t.name, Array.from(t.x),
        Array.from(t.y)]) : null; }""")
    expected = query.series("SM.POP.NETM", ["MDA", "JAM"], start=2010, end=2015)
    for name, years, values in drawn:
        rows = expected[expected["country_name"] == name]
        assert years == rows["year"].astype(int).tolist()
        assert values == pytest.approx(rows["value"].tolist())
    assert {name for name, _, _ in drawn} == {"Moldova", "Jamaica"}
    meta = query.indicator_meta("SM.POP.NETM")
    source = page.locator("#embed-source").inner_text()
    assert meta["source"] in source and meta["vintage"] in source and meta["licence"] in source
    link = page.locator("#embed-full-view")
    assert link.get_attribute("href") == f"/compare?{VIEW}"
    assert link.get_attribute("target") == "_blank"
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator(".chart-downloads").count() == 0
    assert page.locator("nav").count() == 0 or not page.locator("nav").first.is_visible()
