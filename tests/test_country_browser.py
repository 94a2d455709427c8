"""Country profiles and the diaspora comparison in real Chromium, on the live server."""

from __future__ import annotations

import unicodedata
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import wait_until

pytestmark = pytest.mark.browser

# The traces of the Plotly chart inside the element with this id, or null before it is drawn;
# `meta` is the builder's tag of the trace (its `key` where the meta carries download fields).
TRACES = """id => {
  const plot = document.querySelector('#' + id + ' .js-plotly-plot');
  return plot && plot.data && plot.data.length ? plot.data.map(t => ({
    name: t.name, type: t.type, meta: (t.meta && t.meta.key) || t.meta, x: t.x, y: t.y,
    locations: t.locations, customdata: t.customdata,
    node: t.node ? {label: t.node.label} : null})) : null;
}"""
LAYOUT = """id => {
  const plot = document.querySelector('#' + id + ' .js-plotly-plot');
  return plot && plot.layout ? {shapes: plot.layout.shapes || [],
    yTitle: plot.layout.yaxis && plot.layout.yaxis.title && plot.layout.yaxis.title.text,
    empty: !!(plot.layout.meta && plot.layout.meta.empty)} : null;
}"""



def traces(page, graph_id: str) -> list[dict]:
    return wait_until(page, TRACES, graph_id)


def text_of(page, selector: str) -> str:
    return wait_until(page, "s => { const e = document.querySelector(s); "
                            "return e && e.innerText.trim() ? e.innerText : null; }", selector)


def plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def top_destination(page) -> tuple[str, str]:
    """(code, name) of the first bar of the destinations chart."""
    labels = next(t for t in traces(page, "country-destinations-bar") if t["meta"] == "labels")
    return labels["customdata"][0], labels["y"][0]


def open_profile(page, base: str, code: str, query: str = "") -> None:
    """Open a profile and wait until its summary and all seven cards are shown (innerText is
    empty while the page is hidden, e.g. behind a loading indicator)."""
    page.goto(f"{base}/country/{code}{query}")
    text_of(page, "#country-summary")
    wait_until(page, """() => {
      const cards = document.querySelectorAll('#country-cards .profile-card');
      return cards.length === 7 && Array.from(cards).every(c => c.innerText.trim());
    }""")


def cards_text(page, *expected: str) -> str:
    """The cards' shown text, once it holds every one of `expected`."""
    return wait_until(page, """expected => {
      const cards = document.getElementById('country-cards');
      const text = cards ? cards.innerText : '';
      return expected.every(e => text.includes(e)) ? text : null;
    }""", list(expected))


def notes_text(page, selector: str, expected: str) -> str:
    return wait_until(page, """([selector, expected]) => {
      const e = document.querySelector(selector);
      return e && e.innerText.includes(expected) ? e.innerText : null;
    }""", [selector, expected])


def card_text(page, indicator: str) -> str:
    return text_of(page, f"#country-cards [data-indicator='{indicator}']")


def moldova_cards(page) -> None:
    """Moldova's emigrants as a share of the UN's population (not the World Bank's smaller
    one), each card's age, and a projection said in words."""
    share = card_text(page, "DESA.EMIG.TOTL.ZS")
    value = page.inner_text("#country-cards [data-indicator='DESA.EMIG.TOTL.ZS'] .card-value")
    assert abs(float(value.rstrip(" %")) - 28.5) < 0.05, value
    assert "projected population for 2024" in share and "uses the UN's" in share
    assert "2019 — latest UNHCR data in this dashboard" in card_text(page, "UNHCR.REFG.OR")
    assert "Projection, not observed" in card_text(page, "SM.POP.NETM")
    # The summary gives the card's year and amount of remittances, and why it compares 2023.
    summary = text_of(page, "#country-summary")
    remittances = card_text(page, "BX.TRF.PWKR.CD.DT")
    assert "1.9 bn US$" in remittances and "2024" in remittances
    assert "In 2024, the latest year with data, they came to US$ 1.9 billion." in summary
    assert "the latest year with aid and investment figures to compare" in summary
    assert "World Bank classification as in the WDI file of" in text_of(
        page, "#country-classification")


def test_pilot_profiles(page, live_server) -> None:
    base = live_server.url
    expected = {"MDA": ("ITA", "Italy"), "JAM": ("USA", "United States"),
                "MLI": ("CIV", "Cote d'Ivoire")}
    for code, (dest_code, dest_name) in expected.items():
        open_profile(page, base, code)
        if code == "MDA":
            moldova_cards(page)
        assert top_destination(page) == (dest_code, dest_name) or (
            top_destination(page)[0] == dest_code
            and plain(top_destination(page)[1]) == dest_name), code
        assert plain(dest_name) in plain(text_of(page, "#country-summary"))

    open_profile(page, base, "BGD")
    summary = text_of(page, "#country-summary")
    assert "About 8.7 million people born in Bangladesh" in summary
    assert "Saudi Arabia" in summary and "India" in summary
    assert summary.index("Saudi Arabia") < summary.index("India")
    bars = next(t for t in traces(page, "country-destinations-bar") if t["meta"] == "labels")
    assert bars["y"][:2] == ["Saudi Arabia", "India"]
    # Every chart is drawn from data, not left blank.
    cards = page.locator("#country-cards .profile-card")
    assert cards.count() == 7
    assert page.locator("#country-cards .sparkline .js-plotly-plot").count() == 7
    assert "2024" in cards.first.inner_text()
    finance = traces(page, "country-finance")
    assert [t["name"] for t in finance] == ["Remittances", "Net ODA received",
                                            "FDI, net inflows"]
    assert max(finance[0]["y"]) > 1e10  # US$, not % of GDP
    sexes = {t["meta"] for t in traces(page, "country-destinations-bar")}
    assert {"female", "male"} <= sexes
    geo = next(t for t in traces(page, "country-destinations-map") if t["name"] == "")
    assert {"SAU", "IND", "ARE"} <= set(geo["locations"])
    trend = traces(page, "country-destinations-trend")
    assert trend[0]["name"] == "Saudi Arabia" and trend[0]["x"][0] == 1990
    assert traces(page, "country-senders")[0]["y"][0] == "India"
    costs = traces(page, "country-costs")
    assert len(costs) >= 10
    assert any(s["y0"] == 3 for s in wait_until(page, LAYOUT, "country-costs")["shapes"])
    assert "2020Q3" in text_of(page, "#country-costs-notes")
    assert "model estimates" in text_of(page, "#country-section-senders")
    # One sources line under every chart and under the cards, naming source, vintage and
    # licence.
    sources = page.locator(".chart-sources").all_inner_texts()
    assert len(sources) == page.locator(".chart-block").count() + 1
    assert all("licence" in line for line in sources)
    # Downloads go to the API and answer.
    href = page.locator("#country-finance-sources a", has_text="CSV").first.get_attribute("href")
    with urllib.request.urlopen(base + href, timeout=10) as response:
        assert response.status == 200 and b"BGD" in response.read()

    # The finance toggle goes into the address bar and changes the unit.
    page.check("#country-measure input[value=pct_gdp]")
    wait_until(page, "() => new URLSearchParams(location.search).get('measure') === 'pct_gdp'")
    wait_until(page, f"id => ({LAYOUT})(id) && ({LAYOUT})(id).yTitle === '% of GDP'",
               "country-finance")
    assert max(traces(page, "country-finance")[0]["y"]) < 50
    # A shared link reopens the same state.
    open_profile(page, base, "JAM", "?measure=pct_gdp&year=1990")
    assert page.locator("#country-measure input[value=pct_gdp]").is_checked()
    assert "1990" in text_of(page, "#country-destinations-bar-title")
    assert top_destination(page)[0] == "USA"
    assert "Traceback" not in live_server.log()


def test_sparse_and_unknown_countries(page, live_server) -> None:
    base = live_server.url
    open_profile(page, base, "TUV")
    # Series that stop early say so in words: refugees after 2012, remittances after 2023.
    cards_text(page, "0 in 2012", "No data after 2012.", "No data after 2023.")
    notes_text(page, "#country-costs-notes", "Latest survey for Tuvalu: 2011Q3.")
    wait_until(page, f"id => {{ const d = ({TRACES})(id); return d && d.length === 2; }}",
               "country-costs")
    wait_until(page, f"id => {{ const l = ({LAYOUT})(id); return l && !l.empty; }}",
               "country-destinations-bar")
    # Printed, the profile drops navigation and controls and keeps cards whole.
    page.emulate_media(media="print")
    printed = page.evaluate("""() => {
      const style = s => getComputedStyle(document.querySelector(s));
      return {header: style('.site-header').display, button: style('#print-button').display,
              controls: style('.profile-controls').display,
              card: style('.profile-card').breakInside};
    }""")
    assert printed["header"] == printed["button"] == printed["controls"] == "none"
    assert printed["card"] == "avoid"
    page.emulate_media(media="screen")

    page.goto(f"{base}/country/XXX")
    heading = text_of(page, "h1")
    assert "XXX" in heading and "No profile" in heading
    assert page.locator("main a[href='/country']").count() == 1
    with urllib.request.urlopen(f"{base}/country/XXX", timeout=10) as response:
        assert response.status == 200
    assert "Traceback" not in live_server.log()


def test_diaspora_comparison(page, live_server) -> None:
    base = live_server.url
    page.goto(f"{base}/diaspora?countries=MDA,BGD,JAM,MLI")
    lines = traces(page, "diaspora-trend")
    assert [t["name"] for t in lines] == ["Moldova", "Bangladesh", "Jamaica", "Mali"]
    assert max(lines[1]["y"]) > 8e6  # persons
    sankey = traces(page, "diaspora-sankey")[0]
    assert sankey["type"] == "sankey"
    labels = sankey["node"]["label"]
    assert labels[:4] == ["Moldova", "Bangladesh", "Jamaica", "Mali"]
    assert {"Italy", "Saudi Arabia", "United States"} <= set(labels)
    assert len(page.locator(".chart-sources").all_inner_texts()) == 2

    page.check("#diaspora-measure input[value=pct]")
    wait_until(page, "() => new URLSearchParams(location.search).get('measure') === 'pct'")
    wait_until(page, f"id => {{ const d = ({TRACES})(id); "
                     "return d && Math.max(...d[0].y) < 100; }", "diaspora-trend")
    query = parse_qs(urlsplit(page.url).query)
    assert query["countries"] == ["MDA,BGD,JAM,MLI"]

    page.goto(f"{base}/diaspora?countries=MDA,NOPE&year=1492")
    assert "NOPE" in text_of(page, "#diaspora-notices")
    assert [t["name"] for t in traces(page, "diaspora-trend")] == ["Moldova"]
    assert "Traceback" not in live_server.log()
