"""The presentation view and decks in real Chromium: the ready-made deck stepped through with
the keyboard at 1920×1080 (a chart with data, projector type sizes and a source line on every
slide), live charts, a deck built from two views and shared by its link, and deck files."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import open_deck_builder, wait_until

from layouts.present import ready_made_deck, slide_payload
from pages.views import parse_view
from state.compare import snapshot_vocabulary
from tests.conftest import is_loopback
from text import present as t

pytestmark = pytest.mark.browser

FONT_SIZES = """() => {
  const px = sel => Array.from(document.querySelectorAll('#present-graph ' + sel))
    .filter(el => el.textContent.trim() !== '')
    .map(el => parseFloat(getComputedStyle(el).fontSize));
  const plot = document.querySelector('#present-graph .js-plotly-plot');
  const traces = plot && plot.data ? plot.data : [];
  const numbers = traces.reduce((n, tr) => n + ['x', 'y', 'z', 'value'].reduce((m, k) =>
    m + (Array.isArray(tr[k]) ? tr[k].filter(v => typeof v === 'number').length : 0), 0), 0);
  return {
    title: px('.gtitle'), axisTitles: px('.g-xtitle text, .g-ytitle text'),
    ticks: px('.xtick text, .ytick text'), colourBarTicks: px('.cbaxis text'),
    titleText: (document.querySelector('#present-graph .gtitle') || {}).textContent || '',
    traces: traces.length, numbers: numbers,
    counter: (document.getElementById('present-counter') || {}).textContent,
    source: (document.getElementById('present-source') || {}).textContent,
  };
}"""


@pytest.fixture(scope="module", autouse=True)
def dash_app():
    """The expected chart titles come from the app's own builders, which need the app."""
    import app

    return app.app



@contextmanager
def projector_page(browser) -> Iterator[object]:
    """A 1920×1080 page with the same guards as the `page` fixture: nothing may leave
    127.0.0.1 and no JavaScript error may occur."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(20_000)
    external, errors = [], []

    def guard(route, request) -> None:
        if is_loopback(request.url):
            route.continue_()
        else:
            external.append(request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()
    assert external == [], f"requests left 127.0.0.1: {external}"
    assert errors == [], f"JavaScript errors: {errors}"


def slide_state(page, number: int, total: int, chart_title: str, timeout: float = 20.0) -> dict:
    """Wait until slide `number` shows its own chart, drawn, and return what it shows."""
    return wait_until(page, f"""() => {{
      const s = ({FONT_SIZES})();
      return s.counter === '{number} / {total}' && s.titleText === {json.dumps(chart_title)}
        && s.numbers > 0 ? s : null;
    }}""", timeout=timeout)


def slide_param(page) -> str | None:
    return parse_qs(urlsplit(page.url).query).get("slide", [None])[0]


def test_ready_made_deck_with_the_keyboard_at_1920x1080(live_server, browser):
    vocab = snapshot_vocabulary()
    deck = ready_made_deck(vocab)
    total = len(deck.slides)
    chart_titles = [slide_payload(parse_view(s.view, vocab), s, n, total)["figure"]["layout"]
                    ["title"]["text"] for n, s in enumerate(deck.slides, start=1)]
    with projector_page(browser) as page:
        page.goto(live_server.url + "/present")
        page.wait_for_selector("#present-root")
        assert page.is_hidden(".site-header") and page.is_hidden(".site-footer")

        for number in range(1, total + 1):
            # The first slide waits longer: a fresh server builds its first figures.
            shown = slide_state(page, number, total, chart_titles[number - 1],
                                timeout=45 if number == 1 else 20)
            where = f"slide {number}"
            assert page.inner_text("#present-title") == deck.slides[number - 1].title, where
            assert shown["traces"] >= 1, where
            assert shown["title"] and min(shown["title"]) >= 28, (where, shown["title"])
            is_map = bool(shown["colourBarTicks"]) and not shown["ticks"]
            if is_map:
                assert min(shown["colourBarTicks"]) >= 20, (where, shown)
            else:
                assert shown["axisTitles"] and min(shown["axisTitles"]) >= 24, (where, shown)
                assert shown["ticks"] and min(shown["ticks"]) >= 20, (where, shown)
            # The slide cites its data as its chart's "Copy citation" does.
            assert re.fullmatch(r"Source: .+, vintage \S+\. Migration & Development Indicators, "
                                r"\S+ \(accessed \d{4}-\d{2}-\d{2}\)\.", shown["source"],
                                re.DOTALL), (where, shown)
            if number > 1:
                assert slide_param(page) == str(number), where
            page.keyboard.press(" " if number % 2 else "ArrowRight")

        # Past the last slide nothing moves; Home, End and ← go where they say.
        slide_state(page, total, total, chart_titles[-1])
        page.keyboard.press("Home")
        slide_state(page, 1, total, chart_titles[0])
        # Presses in quick succession can reach the page's callback together: each is
        # applied, in the order made. Two presses within one task always do.
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        slide_state(page, 3, total, chart_titles[2])
        page.evaluate("() => { const press = id => document.getElementById(id).click();"
                      " press('present-next'); press('present-first'); }")
        slide_state(page, 1, total, chart_titles[0])
        page.keyboard.press("End")
        slide_state(page, total, total, chart_titles[-1])
        page.keyboard.press("ArrowLeft")
        slide_state(page, total - 1, total, chart_titles[-2])

        # A reload stays on the slide.
        page.reload()
        slide_state(page, total - 1, total, chart_titles[-2])

        # F asks for full screen, and F again leaves it.
        page.keyboard.press("f")
        wait_until(page, "() => document.fullscreenElement !== null")
        page.keyboard.press("f")
        wait_until(page, "() => document.fullscreenElement === null")

        # Esc leaves the presentation for the slide's own view, with the header back.
        page.keyboard.press("Escape")
        wait_until(page, "() => !document.getElementById('present-root')")
        assert urlsplit(page.url).path + "?" + urlsplit(page.url).query == \
            deck.slides[total - 2].view
        page.wait_for_selector(".site-header", state="visible")


def test_slides_stay_live_hover_and_country_picker(live_server, browser):
    vocab = snapshot_vocabulary()
    deck = ready_made_deck(vocab)
    first_title = slide_payload(parse_view(deck.slides[0].view, vocab), deck.slides[0], 1,
                                len(deck.slides))["figure"]["layout"]["title"]["text"]
    with projector_page(browser) as page:
        page.goto(live_server.url + "/present")
        slide_state(page, 1, len(deck.slides), first_title)

        # Hovering a line shows its values.
        box = page.locator("#present-graph .nsewdrag").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
        wait_until(page, "() => document.querySelector('#present-graph .hoverlayer')"
                         ".textContent.includes('%')")

        # The presenter adds Ghana on this slide; the chart redraws with it.
        page.click("#present-countries")
        page.fill(".dash-dropdown-search", "Ghana")
        page.locator("[role=option]", has_text=re.compile("^Ghana")).first.click()
        page.click("#present-title")  # close the list; the keys belong to the slides again
        traces = """() => Array.from(document.querySelector('#present-graph .js-plotly-plot')
          .data || []).map(t => t.name)"""
        wait_until(page, f"() => ({traces})().includes('Ghana')")
        assert page.locator("#present-graph .gtitle").text_content() == first_title
        # The story's headline ("... in all four economies") is no longer true: the slide
        # takes the chart's own title for the countries shown, and drops the caption.
        picked = parse_view(deck.slides[0].view, vocab).with_countries(
            ("MDA", "BGD", "JAM", "MLI", "GHA")).title
        assert "all four" in deck.slides[0].title and "Ghana" in picked
        wait_until(page, "t => document.getElementById('present-title').textContent === t",
                   picked)
        assert page.inner_text("#present-caption") == ""

        # Next slide and back: the choice is still there.
        page.keyboard.press("ArrowRight")
        wait_until(page, "() => document.getElementById('present-counter')"
                         ".textContent.startsWith('2 /')")
        page.keyboard.press("ArrowLeft")
        wait_until(page, f"""() => document.getElementById('present-counter').textContent
          .startsWith('1 /') && ({traces})().includes('Ghana')""")


COMPARE = "/compare?indicator=SM.POP.NETM&countries=MDA,JAM&start=1990&end=2020"


def test_build_a_deck_from_two_views_share_it_and_reload(live_server, page):
    # Two views, each added with the button under its chart.
    page.goto(live_server.url + COMPARE)
    button = page.locator("#compare-panel-chart .deck-add")
    button.click()
    page.wait_for_selector("#compare-panel-chart .deck-add-status:has-text('slide 1')")
    page.goto(live_server.url + "/country/MLI?measure=pct_gdp")
    page.locator(".chart-box:has(#country-finance) .deck-add").click()
    page.wait_for_selector(".chart-box:has(#country-finance) .deck-add-status:has-text('slide 2')")

    # The builder lists them; rename the first, move the second up.
    page.goto(live_server.url + "/deck")
    page.wait_for_selector(".deck-slide >> nth=1")
    titles = page.locator(".deck-slide input")
    assert titles.count() == 2
    assert "Net migration" in titles.nth(0).input_value()
    assert "Mali" in titles.nth(1).input_value()
    share_before = wait_until(
        page, """() => (document.getElementById('deck-share-url') || {}).value""")
    titles.nth(0).fill("People leaving and arriving")
    titles.nth(0).press("Enter")
    # The rename is stored (the share link changes) before the next edit reads the deck.
    wait_until(page, """before => {
      const field = document.getElementById('deck-share-url');
      return field && field.value && field.value !== before;
    }""", share_before)
    page.locator(".deck-slide >> nth=1").get_by_role("button", name=re.compile("Move up")).click()
    wait_until(page, """() => {
      const fields = document.querySelectorAll('.deck-slide input');
      return fields.length === 2 && fields[1].value === 'People leaving and arriving';
    }""")

    # The shared link holds the whole deck: open it, go to slide 2, reload.
    share = wait_until(page, """() => {
      const v = document.getElementById('deck-share-url').value;
      return v.includes('deck=') ? v : null; }""")
    assert share.startswith(live_server.url + "/present?deck=")
    page.evaluate("() => window.localStorage.clear()")  # nothing comes from this browser
    page.goto(share)
    wait_until(page, "() => (document.getElementById('present-counter') || {})"
                     ".textContent === '1 / 2'")
    wait_until(page, "() => document.getElementById('present-title').textContent"
                     ".includes('Mali')")
    page.keyboard.press("ArrowRight")
    wait_until(page, "() => document.getElementById('present-title').textContent === "
                     "'People leaving and arriving'")
    assert slide_param(page) == "2"
    page.reload()
    wait_until(page, "() => (document.getElementById('present-counter') || {})"
                     ".textContent === '2 / 2' && document.getElementById('present-title')"
                     ".textContent === 'People leaving and arriving'")
    wait_until(page, """() => {
      const plot = document.querySelector('#present-graph .js-plotly-plot');
      return plot && plot.data && plot.data.map(t => t.name).join() === 'Moldova,Jamaica';
    }""")


def upload(page, name: str, content: bytes) -> None:
    page.locator("#deck-upload input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content})


def test_deck_files_import_export_and_clear_messages(live_server, page):
    open_deck_builder(page, live_server.url)

    upload(page, "slides.json", b"\x89PNG this is not JSON")
    message = page.locator("#deck-message .alert-danger")
    message.wait_for()
    assert "slides.json" in message.inner_text()
    assert t.DECK_ERRORS["not_json"] in message.inner_text()

    wrong = {"format": "migration-dashboard-deck", "version": 9,
             "slides": [{"view": COMPARE}]}
    upload(page, "future.json", json.dumps(wrong).encode())
    page.wait_for_selector("#deck-message :text('version 9')")

    unknown = {**wrong, "version": 1, "slides": [{"view": COMPARE}, {"view": "/admin"}]}
    upload(page, "odd.json", json.dumps(unknown).encode())
    page.wait_for_selector("#deck-message :text('slide 2 points to /admin')")
    assert page.locator(".deck-slide").count() == 0  # a bad file changes nothing

    good = {**unknown, "title": "Seminar", "slides": [{"view": COMPARE, "title": "One"}]}
    upload(page, "good.json", json.dumps(good).encode())
    page.wait_for_selector("#deck-message :text('Imported “Seminar”. Slides: 1.')")
    page.wait_for_selector(".deck-slide")

    with page.expect_download() as download:
        page.click("#deck-export")
    exported = json.loads(download.value.path().read_text())
    assert exported["version"] == 1 and exported["title"] == "Seminar"
    assert exported["slides"] == [{"view": COMPARE, "title": "One", "caption": ""}]
