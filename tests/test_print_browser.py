"""Printing in real Chromium: views printed to A4 (a briefing note to US Letter too) with
page.pdf(), read back with poppler-utils
(pdftotext for the words and where they lie, pdftoppm for the pixels, pdfinfo).

A chart is in the PDF when its heading and its own drawn text (axis tick labels, map scale,
flow labels) are there, on one page; a time series is whole when its x-axis tick labels, the
last year's included, stand in one row inside the printable area; nothing is drawn in the
right margin; every page carries the view's title, the link that reopens it and its number.
"""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import LEGEND_PLACES, assert_legends_clear, wait_until

pytestmark = pytest.mark.browser

MM = 72 / 25.4  # PDF points per millimetre
SIDE_MARGIN_MM = 12  # print.css: @page margin left and right
TOP_MARGIN_MM, BOTTOM_MARGIN_MM = 15, 19

# Charts that are not printed as charts: sparklines, and tools print.css hides.
NOT_PRINTED = "'.sparkline, .no-print, .userdata'"
# Every chart shown (not a sparkline) has been drawn, and how many there are.
CHARTS_DRAWN = """() => {
  const plots = Array.from(document.querySelectorAll('#main .js-plotly-plot'))
    .filter(p => p.offsetParent !== null && !p.closest(NOT_PRINTED));
  return plots.length && plots.every(p => p._fullLayout && p.querySelector('.main-svg'))
    ? plots.length : 0;
}""".replace("NOT_PRINTED", NOT_PRINTED)

# For each chart drawn for paper: its heading (the block's, else the figure's own title), its
# x-axis tick labels when they are years, and a few other texts it draws.
CHART_TEXTS = """() => Array.from(document.querySelectorAll('#main .js-plotly-plot'))
  .filter(p => p.offsetParent !== null && !p.closest(NOT_PRINTED))
  .map(p => {
    const block = p.closest('.chart-block');
    const heading = block && block.querySelector('.chart-title');
    const own = p.querySelector('.gtitle');
    const texts = sel => Array.from(p.querySelectorAll(sel))
      .map(e => e.textContent.trim()).filter(Boolean);
    return {
      id: p.parentElement.id || p.id,
      title: (heading ? heading.textContent : own ? own.textContent : '').trim(),
      width: p._fullLayout.width,
      years: texts('.xtick text').filter(t => /^(1[89]|20)\\d\\d$/.test(t)),
      others: texts('.ytick text, .cbaxis text, .node-label, .annotation-text').slice(0, 3),
    };
  })""".replace("NOT_PRINTED", NOT_PRINTED)


def plain(text: str) -> str:
    """Text compared as words: accents, dashes and spaces made plain."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf: Path) -> list[dict]:
    """Each page's size and words, with their boxes (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out,
                             re.S):
        words = [
            {"x0": float(w[0]), "y0": float(w[1]), "x1": float(w[2]), "y1": float(w[3]),
             "text": html.unescape(w[4])}
            for w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                r'yMax="([\d.]+)">(.*?)</word>', match.group(3))]
        pages.append({"width": float(match.group(1)), "height": float(match.group(2)),
                      "words": words,
                      "text": plain(" ".join(w["text"] for w in words))})
    return pages


def right_margin_is_blank(pdf: Path, tmp_path: Path, pages: int) -> list[int]:
    """The pages (1-based) with anything drawn in the right margin, between the header and
    the footer, from a greyscale rendering at 40 dpi."""
    stem = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(pdf), str(stem)], check=True)
    marked = []
    for number, image in enumerate(sorted(tmp_path.glob("page-*.pgm")), start=1):
        data = image.read_bytes()
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        width, height = int(header.group(1)), int(header.group(2))
        pixels = data[header.end():]
        px_per_mm = 40 / 25.4
        first_x = width - int((SIDE_MARGIN_MM - 2) * px_per_mm)
        rows = range(int((TOP_MARGIN_MM + 1) * px_per_mm),
                     height - int((BOTTOM_MARGIN_MM + 1) * px_per_mm))
        if any(pixels[y * width + x] < 200 for y in rows for x in range(first_x, width)):
            marked.append(number)
    assert number == pages
    return marked


def print_view(page, url: str, tmp_path: Path, paper: str = "A4") -> tuple[list, list]:
    """Open `url`, print it to a PDF and return (the charts as drawn for paper, the PDF's
    pages). page.pdf() prints as the browser does: "beforeprint" first (the charts are then
    read, by a listener added after the app's own), then the pages, then "afterprint"."""
    page.goto(url)
    count = wait_until(page, CHARTS_DRAWN)
    page.evaluate(f"""() => window.addEventListener('beforeprint', () => {{
      window.printedCharts = ({CHART_TEXTS})();
      window.printedLegends = ({LEGEND_PLACES})();
      window.drawnForPaper = window.dashboardPrint.drawnForPaper();
    }})""")
    pdf = tmp_path / "view.pdf"
    page.pdf(path=str(pdf), format=paper)
    assert page.evaluate("() => window.drawnForPaper") >= count
    # Back on screen, the charts have their own size again.
    assert page.evaluate("() => window.dashboardPrint.drawnForPaper()") == 0
    # On paper, charts are drawn lower: each legend still sits below its axis's labels.
    assert_legends_clear(page.evaluate("() => window.printedLegends"))
    return page.evaluate("() => window.printedCharts"), pdf_pages(pdf)


def pages_of(pages: list[dict], phrase: str) -> list[int]:
    """The pages (0-based) whose text holds `phrase`."""
    wanted = plain(phrase)
    return [i for i, p in enumerate(pages) if wanted in p["text"]]


def drawn_on(page: dict, chart: dict) -> bool:
    """Whether the chart's own text is on `page`, inside the printable area: its year tick
    labels in one row, in order (so a time series is not cut short on the right), else its
    other texts."""
    if not chart["years"]:
        return all(plain(text) in page["text"] for text in chart["others"])
    row = tick_row(page["words"], chart["years"])
    left, right = SIDE_MARGIN_MM * MM - 1, page["width"] - SIDE_MARGIN_MM * MM + 1
    return row is not None and all(left <= w["x0"] and w["x1"] <= right for w in row)


def tick_row(words: list[dict], years: list[str]) -> list[dict] | None:
    """The words of one line (one baseline) that read exactly `years`, left to right."""
    ticks = [w for w in words if w["text"] in years]
    for last in (w for w in ticks if w["text"] == years[-1]):
        row = sorted((w for w in ticks if abs(w["y0"] - last["y0"]) < 1.5),
                     key=lambda w: w["x0"])
        if [w["text"] for w in row] == years:
            return row
    return None


def assert_charts_whole(charts: list[dict], pages: list[dict]) -> None:
    """Every chart is in the PDF, whole, on the page of its heading."""
    for chart in charts:
        assert chart["width"] <= 700, chart  # drawn at the printable width
        assert chart["years"] or chart["others"], chart
        found = pages_of(pages, chart["title"])
        assert found, f"chart {chart['id']} ({chart['title']!r}) not in the PDF"
        assert any(drawn_on(pages[number], chart) for number in found), (
            f"{chart['id']}: not drawn whole on the page of its heading "
            f"({[n + 1 for n in found]}): {chart['years'] or chart['others']}")


def assert_running_frame(pages: list[dict], title: str, link: str) -> None:
    """Every page: the view's title, the link that reopens it, 'n / N'."""
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert plain(title) in page["text"], (number, title)
        assert link in page["text"].replace(" ", ""), (number, link)
        assert f"{number} / {total}" in page["text"], (number, total)


@pytest.mark.parametrize("code", ["MDA", "MLI"])
def test_profile_prints_every_chart_whole(live_server, page, tmp_path, code):
    charts, pages = print_view(page, f"{live_server.url}/country/{code}", tmp_path)
    assert len(charts) == 10  # finance, three of the diaspora, senders, costs, four of labour
    assert_charts_whole(charts, pages)
    name = {"MDA": "Moldova", "MLI": "Mali"}[code]
    assert_running_frame(pages, f"{name}: migration profile", f"/country/{code}")
    assert right_margin_is_blank(tmp_path / "view.pdf", tmp_path, len(pages)) == []
    # No control is printed.
    assert "Print / save as PDF" not in pages[0]["text"]


def test_compare_diaspora_and_labour_print_whole(live_server, page, tmp_path):
    for path, title, count in (
        ("/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=MDA,BGD,JAM,MLI&start=2000&end=2024",
         "Compare countries", 1),
        ("/diaspora?countries=MDA,BGD,JAM,MLI", "Compare diasporas", 2),
        ("/labour?country=MDA&countries=MDA,BGD,JAM,MLI", "Labour flows", 4),
    ):
        folder = tmp_path / path.strip("/").split("?")[0]
        folder.mkdir()
        charts, pages = print_view(page, live_server.url + path, folder)
        assert len(charts) == count, path
        assert_charts_whole(charts, pages)
        assert_running_frame(pages, title, path.split("?")[0])
        assert right_margin_is_blank(folder / "view.pdf", folder, len(pages)) == [], path


def test_print_button_on_every_printable_view(live_server, page):
    for path in ("/country/MDA", "/compare", "/diaspora", "/labour", "/country/MDA/brief"):
        page.goto(live_server.url + path)
        button = page.locator("#print-button")
        button.wait_for()
        assert button.inner_text() == "Print / save as PDF"
        # A click draws the charts for paper, then opens the print dialog (which headless
        # Chromium cannot show: window.print is replaced by a probe that records that).
        count = wait_until(page, CHARTS_DRAWN)
        page.evaluate("""() => { window.printedCharts = null;
          window.print = () => { window.printedCharts = window.dashboardPrint.drawnForPaper(); };
        }""")
        button.click()
        assert wait_until(page, "() => window.printedCharts") >= count, path
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")


@pytest.mark.parametrize(("code", "paper"), [("MDA", "A4"), ("MLI", "Letter")])
def test_briefing_note_fits_one_sheet(live_server, page, tmp_path, code, paper):
    charts, pages = print_view(page, f"{live_server.url}/country/{code}/brief", tmp_path, paper)
    assert len(charts) == 3
    assert len(pages) <= 2, [p["text"][:200] for p in pages]
    assert_charts_whole(charts, pages)
    # The summary and all seven cards on the front, the charts on the back.
    cards = page.evaluate("() => Array.from(document.querySelectorAll('.profile-card h3'))"
                          ".map(h => h.textContent)")
    assert len(cards) == 7
    assert all(pages_of(pages, title)[0] == 0 for title in cards), cards
    assert all(pages_of(pages, chart["title"]) == [1] for chart in charts), charts
