"""Keyboard only, in real Chromium: every control of the comparison view, the deck builder and
the presenter is reached with Tab and operated with the keys a keyboard user has; Tab leaves
every data table; focus stays where the user is after the page redraws."""

from __future__ import annotations

import json

import pytest
from conftest import open_deck_builder, wait_until

pytestmark = pytest.mark.browser

ACTIVE = """() => {
  const a = document.activeElement;
  return a ? {id: a.id, tag: a.tagName, name: a.getAttribute('name'), text: a.textContent,
              inGrid: !!a.closest('.ag-root'), inPage: a !== document.body} : null;
}"""


def active(page) -> dict:
    return page.evaluate(ACTIVE)


def tab_to(page, check: str, *, backwards: bool = False, limit: int = 120) -> dict:
    """Press Tab (or Shift+Tab) until `check`, a JS function of the focused element, holds."""
    test = f"() => {{ const a = document.activeElement; return !!a && ({check})(a); }}"
    for _ in range(limit):
        if page.evaluate(test):
            return active(page)
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"never reached {check} with the keyboard; at {active(page)}")


def param(page, name: str) -> str | None:
    return page.evaluate("n => new URLSearchParams(location.search).get(n)", name)


def wait_param(page, name: str, value: str | None) -> None:
    wait_until(page, "([n, v]) => new URLSearchParams(location.search).get(n) === v",
               [name, value])


def leave_grid_both_ways(page, grid: str) -> None:
    """Tab enters the grid's cells and Tab leaves them forwards; Shift+Tab from inside leaves
    them backwards, to the control before the grid."""
    cells = f"{grid} .ag-root"
    tab_to(page, f"a => !!a.closest('{cells}')")
    page.keyboard.press("Tab")
    after = active(page)
    assert after["inPage"] and not after["inGrid"], after
    tab_to(page, f"a => !!a.closest('{cells}')", backwards=True)
    page.keyboard.press("Shift+Tab")
    back = active(page)
    assert not back["inGrid"] and back["inPage"], back
    assert page.evaluate(f"""() => document.querySelector('{grid}')
      .compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_PRECEDING""")


def choose(page, dropdown: str, search: str, shown: str | None = None) -> None:
    """With the keyboard: open the focused dropdown, search, and pick the first match (whose
    text has `shown`, by default the search itself)."""
    assert active(page)["id"] == dropdown
    page.keyboard.press("Enter")
    page.wait_for_selector(".dash-dropdown-search")
    # Home goes to the search field (a single choice opens on its chosen option).
    page.keyboard.press("Home")
    wait_until(page, "() => document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.insert_text(search)  # one input event (see the deck builder's title)
    # Enter picks the first option shown: wait until the list shows only matches.
    wait_until(page, """text => {
      const options = Array.from(document.querySelectorAll('.dash-dropdown-content [role=option]'));
      return options.length && options.every(o => o.textContent.includes(text));
    }""", shown or search)
    page.keyboard.press("Enter")
    # A multiple choice stays open for more: Escape closes it.
    if page.evaluate("id => document.getElementById(id).getAttribute('aria-expanded')",
                     dropdown) == "true":
        page.keyboard.press("Escape")


def test_comparison_view_with_the_keyboard_only(live_server, page):
    page.goto(live_server.url + "/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=MDA,JAM"
              "&start=2000&end=2022")
    page.wait_for_selector("#compare-chart .main-svg")

    # Indicator: typing on the dropdown searches, Enter picks the first match.
    tab_to(page, "a => a.id === 'compare-indicator'")
    choose(page, "compare-indicator", "SP.POP.TOTL", "Population")
    wait_param(page, "indicator", "SP.POP.TOTL")

    # Countries: the same, adding one.
    tab_to(page, "a => a.id === 'compare-countries'")
    choose(page, "compare-countries", "Ghana")
    wait_param(page, "countries", "MDA,JAM,GHA")

    # Years: each end of the range slider moves with the arrow keys; its fields take a year.
    field = tab_to(page, "a => a.classList.contains('dash-range-slider-min-input')")
    assert field["tag"] == "INPUT"
    tab_to(page, "a => a.classList.contains('dash-slider-thumb-1')")
    page.keyboard.press("ArrowRight")
    wait_param(page, "start", "2001")

    # Radio groups: arrow keys choose.
    tab_to(page, "a => a.name === 'compare-transform'")
    page.keyboard.press("ArrowDown")
    wait_until(page, "() => !!new URLSearchParams(location.search).get('transform')")
    tab_to(page, "a => a.name === 'compare-scale'")
    page.keyboard.press("ArrowDown")
    wait_param(page, "scale", "log")

    # The chart's toolbar and its data table are reached; Enter opens the table.
    tab_to(page, "a => a.name === 'compare-tabs'")
    tab_to(page, "a => a.textContent === 'CSV'")
    tab_to(page, "a => a.tagName === 'SUMMARY' && "
                 "!!a.closest('.chart-box:has(#compare-chart) details.chart-data')")
    page.keyboard.press("Enter")
    page.wait_for_selector(".chart-box:has(#compare-chart) details.chart-data table",
                           state="visible")

    # Tabs: arrow keys switch; the map's year slider moves with Home.
    tab_to(page, "a => a.name === 'compare-tabs'", backwards=True)
    page.keyboard.press("ArrowRight")
    wait_param(page, "tab", "map")
    page.wait_for_selector("#compare-map .main-svg")
    tab_to(page, "a => !!a.closest('#compare-map-year') && a.getAttribute('role') === 'slider'")
    page.keyboard.press("Home")
    wait_param(page, "year", "2001")

    # The table: in and out with Tab and Shift+Tab.
    tab_to(page, "a => a.name === 'compare-tabs'", backwards=True)
    page.keyboard.press("ArrowRight")
    wait_param(page, "tab", "table")
    page.wait_for_selector("#compare-table .ag-cell")
    leave_grid_both_ways(page, "#compare-table")

    # Sources: the citation's copy control is a button.
    tab_to(page, "a => a.name === 'compare-tabs'", backwards=True)
    page.keyboard.press("ArrowRight")
    wait_param(page, "tab", "sources")
    copy = tab_to(page, "a => a.tagName === 'BUTTON' && a.textContent === 'Copy citation'")
    assert copy["tag"] == "BUTTON"


def test_data_page_coverage_table_lets_tab_through(live_server, page):
    page.goto(live_server.url + "/data")
    page.wait_for_selector("#data-coverage-table .ag-cell")
    page.locator("#data-coverage-indicator").focus()
    leave_grid_both_ways(page, "#data-coverage-table")


def row_control(kind: str, index: int) -> str:
    return json.dumps({"index": index, "type": f"deck-slide-{kind}"}, separators=(",", ":"))


def test_deck_builder_with_the_keyboard_only(live_server, page):
    open_deck_builder(page, live_server.url)
    tab_to(page, "a => a.id === 'deck-ready'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".deck-slide >> nth=2")
    titles = page.locator(".deck-slide input")

    # Rename the first slide: the field keeps the focus after the list is redrawn.
    tab_to(page, f"a => a.id === {json.dumps(row_control('title', 0))}")
    page.keyboard.press("Control+A")
    # One input event, as a paste or an input method sends: key by key, a starved CPU can lose
    # characters in React's controlled input.
    page.keyboard.insert_text("Opening slide")
    share = wait_until(page, "() => document.getElementById('deck-share-url').value")
    page.keyboard.press("Enter")
    # Stored: the deck's link changes with the title.
    wait_until(page, "before => document.getElementById('deck-share-url').value !== before",
               share)
    wait_until(page, "id => document.activeElement && document.activeElement.id === id",
               row_control("title", 0))

    # Move it down: focus follows the slide to its new row.
    tab_to(page, f"a => a.id === {json.dumps(row_control('down', 0))}")
    page.keyboard.press("Enter")
    wait_until(page, "() => document.querySelectorAll('.deck-slide input')[1].value === "
                     "'Opening slide'")
    wait_until(page, "id => document.activeElement && document.activeElement.id === id",
               row_control("down", 1))
    # And up again.
    page.keyboard.press("Shift+Tab")
    assert active(page)["id"] == row_control("up", 1)
    page.keyboard.press("Enter")
    wait_until(page, "() => document.querySelectorAll('.deck-slide input')[0].value === "
                     "'Opening slide'")
    wait_until(page, "id => document.activeElement && document.activeElement.id === id",
               row_control("down", 0))  # the first row has no Move up

    # Remove the second slide: focus goes to the Remove button of the slide now in its place.
    count = titles.count()
    tab_to(page, f"a => a.id === {json.dumps(row_control('remove', 1))}")
    page.keyboard.press("Enter")
    wait_until(page, "n => document.querySelectorAll('.deck-slide').length === n", count - 1)
    wait_until(page, "id => document.activeElement && document.activeElement.id === id",
               row_control("remove", 1))

    # The share link's copy control and the file import are reached; the import zone shows
    # that it has the focus.
    copy = tab_to(page, "a => a.tagName === 'BUTTON' && a.textContent === 'Copy the link'")
    assert copy["tag"] == "BUTTON"
    tab_to(page, "a => a.type === 'file'")
    ring = page.evaluate("() => getComputedStyle(document.querySelector('.deck-upload'))"
                         ".outlineStyle")
    assert ring != "none"


def test_presenter_keys_work_after_using_the_country_picker(live_server, page):
    page.set_viewport_size({"width": 1600, "height": 900})
    page.goto(live_server.url + "/present")
    page.wait_for_selector("#present-graph .main-svg")
    counter = "() => document.getElementById('present-counter').textContent"
    assert page.evaluate(counter).startswith("1 /")

    tab_to(page, "a => a.id === 'present-countries'")
    choose(page, "present-countries", "Ghana")
    wait_until(page, """() => Array.from(document.querySelector('#present-graph .js-plotly-plot')
      .data || []).some(t => t.name === 'Ghana')""")
    # The picker closed by itself; focus is back on the slide, and the keys move slides.
    wait_until(page, "() => document.activeElement === document.getElementById('present-root')")
    page.keyboard.press("ArrowRight")
    wait_until(page, f"() => ({counter})().startsWith('2 /')")

    # Opened and closed with Escape, the same.
    tab_to(page, "a => a.id === 'present-countries'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".dash-dropdown-content")
    page.keyboard.press("Escape")
    wait_until(page, "() => document.activeElement === document.getElementById('present-root')")
    page.keyboard.press("ArrowLeft")
    wait_until(page, f"() => ({counter})().startsWith('1 /')")
