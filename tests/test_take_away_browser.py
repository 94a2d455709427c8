"""A deck taken away, in real Chromium: the PowerPoint built in the browser (PptxGenJS served
by the app), opened with python-pptx, and the PDF, one landscape page per slide."""

from __future__ import annotations

import re
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import wait_until
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

import query
from exports.schema import series_unit
from layouts.present import ready_made_deck
from layouts.printing import PPTX_SCRIPT
from pages.views import parse_view
from state.compare import snapshot_vocabulary
from text import downloads as tdl
from text import printing as tp
from text.numbers import format_value

pytestmark = pytest.mark.browser

SLIDES_READY = """n => {
  const counter = document.getElementById('present-counter');
  const plot = document.querySelector('#present-graph .js-plotly-plot');
  return counter && counter.textContent.endsWith('/ ' + n) && plot && plot._fullLayout;
}"""
CUSTOM_DECK = {
    "format": "migration-dashboard-deck", "version": 1, "title": "Seminar, day 2",
    "slides": [
        {"view": "/compare?indicator=SM.POP.NETM&countries=MDA,JAM&start=2000&end=2024",
         "title": "People leaving and arriving", "caption": ""},
        {"view": "/country/MLI?chart=costs", "title": "", "caption": ""},
        {"view": "/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=BGD,MLI&start=2005"
                 "&end=2024", "title": "", "caption": ""},
    ],
}


def download(page, selector: str, tmp_path: Path):
    with page.expect_download(timeout=180_000) as info:
        page.click(selector)
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def slide_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def expected_values(view_link: str) -> list[tuple[str, str, int]]:
    """(country name, value as printed, year) of the latest value of each country of a
    comparison view, from the query layer."""
    params = {k: v[0] for k, v in parse_qs(urlsplit(view_link).query).items()}
    meta = query.indicator_meta(params["indicator"])
    found = []
    for country in params["countries"].split(","):
        year, value = query.latest(meta["code"], country)
        if year <= int(params.get("end", year)):
            found.append((query.country_name(country),
                          format_value(value, series_unit(meta), int(meta["decimals"] or 0)),
                          year))
    return found


def check_deck(path: Path, views: list[str], titles: list[str]) -> None:
    deck = Presentation(str(path))
    assert len(deck.slides) == len(views)
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9
    for slide, view_link, title in zip(deck.slides, views, titles, strict=True):
        texts = slide_texts(slide)
        assert texts[0] == title
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1, title
        width, height = pictures[0].image.size
        assert width >= 3000 and height >= 1300, (title, width, height)  # drawn at 2x
        source = next(t for t in texts if t.startswith(tdl.SLIDE_SOURCE.split("{")[0]))
        assert urlsplit(view_link).path in source and "vintage" in source, source
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith(tp.DECK_NOTES_VALUES), notes
        assert source.split(": ", 1)[1] in notes  # the citation
        if view_link.startswith("/compare") and "tab=map" not in view_link:
            for name, value, year in expected_values(view_link):
                line = next((x for x in notes.splitlines() if x.startswith(f"{name}: ")), "")
                assert line == tp.DECK_NOTES_VALUE.format(country=name, value=value, year=year), (
                    title, line)


def test_ready_made_deck_as_powerpoint(live_server, page, tmp_path):
    vocab = snapshot_vocabulary()
    deck = ready_made_deck(vocab)
    page.goto(live_server.url + "/present")
    wait_until(page, SLIDES_READY, len(deck.slides))
    # PptxGenJS is not in the page until a file is asked for, and then comes from this app.
    assert page.evaluate("() => typeof window.PptxGenJS") == "undefined"
    path = download(page, "#deck-download-pptx", tmp_path)
    assert path.suffix == ".pptx"
    assert page.evaluate("() => typeof window.PptxGenJS") == "function"
    wait_until(page, "() => document.getElementById('deck-take-away-status').textContent"
                     ".startsWith('Downloaded')")
    views = [s.view for s in deck.slides]
    check_deck(path, views, [s.title for s in deck.slides])


def test_custom_deck_from_the_builder_as_powerpoint_and_pdf(live_server, page, tmp_path):
    page.goto(live_server.url + "/deck")
    page.evaluate("d => window.localStorage.setItem('deck-store', JSON.stringify(d))",
                  CUSTOM_DECK)
    page.reload()
    page.wait_for_selector(".deck-slide >> nth=2")
    path = download(page, "#deck-builder-pptx", tmp_path)
    assert path.name == "Seminar-day-2.pptx"
    # The presenter opened with the deck, and the address no longer asks for a file.
    assert "take=" not in page.url and "/present?deck=" in page.url
    vocab = snapshot_vocabulary()
    views = [s["view"] for s in CUSTOM_DECK["slides"]]
    titles = [s["title"] or parse_view(s["view"], vocab).title for s in CUSTOM_DECK["slides"]]
    check_deck(path, views, titles)

    # "Download as PDF": every slide laid out on a landscape page, then the print dialog
    # (which headless Chromium cannot show: a probe records that it was asked for).
    page.evaluate("() => { window.printAsked = false; window.print = () => { "
                  "window.printAsked = true; }; }")
    # Ctrl+P in the presenter asks for the same pages.
    page.locator("#present-root").focus()
    page.keyboard.press("Control+P")
    wait_until(page, "() => window.printAsked && document.querySelector('#deck-print.ready')")
    assert page.locator("#deck-print .deck-print-slide").count() == 3
    page.evaluate("() => { window.printAsked = false; "
                  "window.dispatchEvent(new Event('afterprint')); }")
    page.click("#deck-download-pdf")
    wait_until(page, "() => window.printAsked && document.querySelector('#deck-print.ready')")
    pdf = tmp_path / "deck.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M), info
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width > height  # landscape
    for number, title in enumerate(titles, start=1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf),
                               "-"], capture_output=True, text=True, check=True).stdout
        assert " ".join(title.split()) in " ".join(text.split()), (number, title)
        assert re.search(rf"\b{number}\s*/\s*3\b", text), text  # the page number


def test_powerpoint_code_is_served_apart_from_the_app_bundle(live_server):
    """PptxGenJS comes from this app, compressed, and is not in the script every page loads."""
    home = urllib.request.urlopen(live_server.url + "/compare").read().decode()
    bundle_path = re.search(r'src="(/_bundle/app\.[0-9a-f]+\.js)"', home).group(1)
    bundle = urllib.request.urlopen(live_server.url + bundle_path).read()
    assert b"PptxGenJS" in bundle  # named by the script that loads it...
    assert b"function PptxGenJS" not in bundle and b"JSZip" not in bundle  # ...not the library
    assert "pptxgen.bundle.js" not in home
    request = urllib.request.Request(live_server.url + "/assets/" + PPTX_SCRIPT,
                                     headers={"Accept-Encoding": "br"})
    with urllib.request.urlopen(request) as answer:
        assert answer.headers["Content-Encoding"] == "br"
        assert "javascript" in answer.headers["Content-Type"]
