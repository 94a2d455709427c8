"""The interface in French and Romanian, in real Chromium: every page shows no English message
of the catalogue (whole, or four words of it around data), and the header, titles, the
profile's summary and cards, the comparison chart's axis and hover, a slide, shared links and
deck links are in the reader's language."""

from __future__ import annotations

import re

import pytest
from conftest import open_deck_builder, wait_until

import query
from layouts.present import ready_made_deck
from query import local
from state.compare import snapshot_vocabulary
from text import common, country
from text import compare as tcompare
from text.i18n import DEFAULT, LANGUAGES, template, translations, using
from text.names import NAMER
from text.numbers import format_prose

pytestmark = pytest.mark.browser

OTHER_LANGUAGES = [code for code in LANGUAGES if code != DEFAULT]
# Every visible chart drawn and no callback pending.
SETTLED = """() => {
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'))
    .filter(p => p.getClientRects().length);
  return document.querySelector('h1')
    && plots.every(p => p.querySelector('.main-svg'))
    && !document.querySelector('[data-dash-is-loading="true"]');
}"""
PAGES = [
    "/compare", "/compare?tab=map", "/compare?tab=table", "/compare?tab=sources", "/country",
    "/country/MDA", "/country/MLI", "/country/MDA/brief", "/diaspora", "/labour", "/data",
    "/deck", "/present",
    "/embed?indicator=SM.POP.NETM&countries=MDA,JAM", "/no/such/page",
]
# The text of every visible text node (HTML and the charts' SVG), trimmed.
VISIBLE_TEXTS = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style, noscript, [hidden]')) continue;
    // Quoted from an English source, and marked as English.
    if (parent.closest('[lang="en"]')) continue;
    if (!parent.getClientRects().length) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    found.push(text);
  }
  return found;
}"""
MODERATE_WORDS = 2  # an English message of fewer words may well be a name ("Mali", "Zoom")
FRAGMENT_WORDS = 4


def english_messages(locale: str) -> set[str]:
    """The catalogue's English messages that its `locale` translation changes (names and
    codes, which stay as they are, drop out), without placeholders."""
    catalogue = translations(locale)
    found = set()
    for message in template():
        if not isinstance(message.id, str) or "{" in message.id:
            continue
        english = message.id.strip()
        if len(re.findall(r"[A-Za-z]{2,}", english)) < MODERATE_WORDS:
            continue
        if catalogue.upgettext(message.context, message.id).strip() != english:
            found.add(english)
    return found


def english_fragments(locale: str) -> set[str]:
    """The fixed runs of four words or more of every English message its `locale` translation
    changes, placeholders cut out: found inside a text, they are English around data."""
    catalogue = translations(locale)
    found = set()
    for message in template():
        for english in (message.id if isinstance(message.id, tuple) else (message.id,)):
            if not english or catalogue.upgettext(message.context, english) == english:
                continue
            found |= {part.strip() for part in re.split(r"\{[^}]*\}", english)
                      if len(re.findall(r"[A-Za-z]{2,}", part)) >= FRAGMENT_WORDS}
    return found


@pytest.fixture
def names_in_language():
    local.install(NAMER)
    yield
    local.install(local.English())


@pytest.mark.parametrize("locale", OTHER_LANGUAGES)
def test_no_page_shows_an_english_message(live_server, page, locale: str) -> None:
    english, fragments = english_messages(locale), english_fragments(locale)
    assert len(english) > 300 and len(fragments) > 300
    shown = {}
    for path in PAGES:
        page.goto(f"{live_server.url}/{locale}{path}")
        wait_until(page, SETTLED)
        assert page.evaluate("() => document.documentElement.lang") == locale, path
        texts = set(page.evaluate(VISIBLE_TEXTS))
        left = sorted(texts & english) + sorted(
            f"{part!r} in {text!r}" for text in texts for part in fragments if part in text)
        if left:
            shown[path] = left
    assert shown == {}, "\n".join(f"{path}: {left}" for path, left in shown.items())


@pytest.mark.parametrize("locale", OTHER_LANGUAGES)
def test_header_profile_and_cards_in_the_language(live_server, page, locale: str,
                                                  names_in_language) -> None:
    page.goto(f"{live_server.url}/{locale}/country/MDA")
    wait_until(page, SETTLED)
    with using(locale):
        nav = common.NAV_COMPARE
        moldova = query.country_name("MDA")
        summary_title = country.SUMMARY_TITLE
        card_title = country.CARDS_TITLE
    header = page.inner_text("header")
    assert nav in header
    assert moldova in page.title()
    summary = page.inner_text("#country-summary")
    assert summary_title in page.inner_text("main")
    # The summary's first sentence, in the language, with its number as the language writes
    # it ("864 000" in French, "864.000" in Romanian).
    with using(locale):
        count = format_prose(864_257)
    assert count in summary and moldova in summary
    assert card_title in page.inner_text("main")


@pytest.mark.parametrize("locale", OTHER_LANGUAGES)
def test_comparison_axis_and_hover_in_the_language(live_server, page, locale: str) -> None:
    page.goto(f"{live_server.url}/{locale}/compare?indicator=BX.TRF.PWKR.DT.GD.ZS"
              "&countries=MDA&from=2000&to=2010")
    wait_until(page, SETTLED)
    axis = wait_until(page, """() => {
      const plot = document.querySelector('#compare-chart .js-plotly-plot');
      const t = plot && plot.layout && plot.layout.yaxis && plot.layout.yaxis.title;
      return t && t.text; }""")
    english_axis = query.indicator_meta("BX.TRF.PWKR.DT.GD.ZS")["unit"]
    assert axis and axis != english_axis
    hover = page.evaluate("""() => {
      const plot = document.querySelector('#compare-chart .js-plotly-plot');
      const trace = plot.data.findIndex(t => (t.x || []).includes(2005));
      const point = plot.data[trace].x.indexOf(2005);
      window.Plotly.Fx.hover(plot, [{curveNumber: trace, pointNumber: point}]);
      const layer = plot.querySelector('.hoverlayer');
      return layer && layer.textContent; }""")
    assert "30,6 %" in hover.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("locale", OTHER_LANGUAGES)
def test_slides_shared_links_and_deck_links_keep_the_language(live_server, page, locale: str,
                                                              names_in_language) -> None:
    page.goto(f"{live_server.url}/{locale}/present")
    title = wait_until(page, "() => { const e = document.getElementById('present-title');"
                             " return e && e.textContent; }")
    with using(locale):
        assert title == ready_made_deck(snapshot_vocabulary()).slides[0].title
    assert page.evaluate("() => document.documentElement.lang") == locale

    # A view's shared link (its citation and address) opens in the same language.
    page.goto(f"{live_server.url}/{locale}/compare")
    wait_until(page, SETTLED)
    links = page.evaluate("""() => Array.from(document.querySelectorAll('a[href]'))
      .map(a => a.getAttribute('href'))""")
    inside = [href for href in links if href.startswith("/") and not href.startswith("/api")
              and not href.startswith("/_") and not href.startswith("/assets")]
    language_switch = {"/compare", "/fr/compare", "/ro/compare"}
    assert inside and all(href.startswith(f"/{locale}") or href in language_switch
                          for href in inside), inside
    with using(locale):
        chart_tab = tcompare.TAB_CHART
    assert chart_tab in page.inner_text("main")

    # A deck built here is shared and presented in the same language.
    open_deck_builder(page, f"{live_server.url}/{locale}")
    page.click("#deck-ready")
    share = wait_until(page, """() => {
      const field = document.getElementById('deck-share-url');
      return field && field.value.includes('deck=') ? field.value : null; }""")
    assert share.startswith(f"{live_server.url}/{locale}/present?deck=")
    page.goto(share)
    wait_until(page, "() => (document.getElementById('present-counter') || {}).textContent")
    assert page.evaluate("() => document.documentElement.lang") == locale
