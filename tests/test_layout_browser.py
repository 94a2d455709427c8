"""Layout in real Chromium: the toolbar under every chart is never covered by it, a country
profile does not move while its charts draw, the deck builder's fields fill their rows, and the
presentation and the API page still work in a 320 px window."""

from __future__ import annotations

import pytest
from conftest import open_deck_builder, wait_until

pytestmark = pytest.mark.browser

# For each visible chart box: where its drawn figure ends and its toolbar starts.
TOOLBARS = """() => Array.from(document.querySelectorAll('.chart-box'))
  .filter(box => box.getClientRects().length && box.querySelector('.chart-downloads'))
  .map(box => {
    const svg = box.querySelector('.svg-container');
    if (!svg) { return null; }
    const s = svg.getBoundingClientRect();
    const t = box.querySelector('.chart-tools').getBoundingClientRect();
    return {chart: box.querySelector('.chart').id, figureBottom: s.bottom + scrollY,
            toolsTop: t.top + scrollY};
  })"""
# Whether the browser shows the toolbar's first button where it is (not the chart over it).
SHOWN = """chart => {
  const button = document.getElementById(chart).closest('.chart-box')
    .querySelector('.chart-tools button');
  const r = button.getBoundingClientRect();
  const shown = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!shown && button.contains(shown);
}"""


@pytest.mark.parametrize("width", [1366, 1440, 1920])
def test_the_toolbar_is_never_under_the_chart(live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in ("/compare", "/compare?tab=map", "/country/MDA", "/diaspora"):
        page.goto(live_server.url + path)
        # Measured as soon as every chart is first drawn.
        boxes = wait_until(page, f"() => {{ const b = ({TOOLBARS})(); "
                                 "return b.length && b.every(x => x) ? b : null; }")
        for box in boxes:
            assert box["toolsTop"] >= box["figureBottom"] - 1, (width, path, box)
            page.evaluate("y => window.scrollTo(0, y - 300)", box["toolsTop"])
            assert page.evaluate(SHOWN, box["chart"]), (width, path, box)


def test_profile_shows_summary_and_cards_at_once_and_nothing_moves(live_server, page):
    page.add_init_script("""
      window.__shifts = 0;
      new PerformanceObserver(list => list.getEntries().forEach(e => {
        if (!e.hadRecentInput) { window.__shifts += e.value; }
      })).observe({type: 'layout-shift', buffered: true});
    """)
    page.goto(live_server.url + "/country/JAM")
    # The first time the summary is shown, the cards are shown with it and every chart's box
    # already has the height of its figure.
    first = wait_until(page, """() => {
      const summary = document.getElementById('country-summary');
      if (!summary || !summary.innerText.trim()) { return null; }
      return {cards: document.querySelectorAll('#country-cards .profile-card').length,
              cardText: document.getElementById('country-cards').innerText.length,
              frames: Array.from(document.querySelectorAll('.chart-frame'))
                .map(f => [f.querySelector('.chart').id, f.getBoundingClientRect().height])};
    }""")
    assert first["cards"] == 7 and first["cardText"] > 100
    assert all(height >= 240 for _, height in first["frames"]), first["frames"]
    drawn = wait_until(page, """() => {
      const frames = Array.from(document.querySelectorAll('.chart-frame'));
      return frames.every(f => f.querySelector('.main-svg'))
        ? frames.map(f => [f.querySelector('.chart').id, f.getBoundingClientRect().height])
        : null;
    }""")
    assert drawn == first["frames"]
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__shifts") < 0.01


def test_deck_titles_fill_their_rows_and_the_deck_title_is_on_the_slides(live_server, page):
    open_deck_builder(page, live_server.url)
    page.click("#deck-ready")
    page.wait_for_selector(".deck-slide >> nth=1")
    widths = page.evaluate("""() => Array.from(document.querySelectorAll('.deck-slide'))
      .map(row => [row.querySelector('input').getBoundingClientRect().width,
                   row.getBoundingClientRect().width])""")
    assert all(field >= 0.55 * row for field, row in widths), widths
    share = wait_until(page, "() => document.getElementById('deck-share-url').value")
    page.fill("#deck-title", "Chisinau seminar")
    page.press("#deck-title", "Enter")
    # Stored: the deck's link changes with its title.
    href = wait_until(page, """before => { const a = document.getElementById('deck-present');
      return document.getElementById('deck-share-url').value !== before
        ? a.getAttribute('href') : null; }""", share)
    page.goto(live_server.url + href)
    wait_until(page, """() => { const e = document.querySelector('.present-deck-title');
      return e && e.textContent === 'Chisinau seminar'; }""")


def test_presentation_and_api_page_at_320_px(live_server, page):
    page.set_viewport_size({"width": 320, "height": 256})
    page.goto(live_server.url + "/present")
    height = wait_until(page, """() => {
      const svg = document.querySelector('#present-graph .main-svg');
      return svg && svg.getBoundingClientRect().height; }""")
    assert height >= 180
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/api/v1/")
    page.wait_for_selector("main h1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
