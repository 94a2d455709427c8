"""Per-chart downloads in real Chromium: every format from the comparison view, checked against
what the chart draws and against the query layer; the citation in the clipboard; a profile chart."""

from __future__ import annotations

import csv
import io
import time
from datetime import date

import openpyxl
import pytest
from conftest import wait_until

import query
from exports.figure_data import COLUMNS
from text import downloads as text

pytestmark = pytest.mark.browser

VIEW = ("/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=MDA,JAM,MLI&start=2005&end=2020"
        "&transform=index&base=2010")
# Points the chart draws: (country_code, year, value) from each trace's meta and its x, y.
DRAWN = """id => {
  const plot = document.querySelector('#' + id + ' .js-plotly-plot');
  if (!plot || !plot.data || !plot.data.length) { return null; }
  const points = [];
  for (const trace of plot.data) {
    const meta = trace.meta && trace.meta.export;
    if (!meta) { continue; }
    Array.from(trace.x).forEach((x, i) => points.push([meta.country_code, x, trace.y[i]]));
  }
  return points.length ? points : null;
}"""



def download(page, toolbar: str, label: str) -> tuple[str, bytes]:
    with page.expect_download(timeout=20_000) as info:
        page.locator(f"{toolbar} .chart-tools button", has_text=label).first.click()
    got = info.value
    with open(got.path(), "rb") as handle:
        return got.suggested_filename, handle.read()


def test_every_format_from_the_comparison_chart(live_server, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(live_server.url + VIEW)
    drawn = wait_until(page, DRAWN, "compare-chart")
    toolbar = "#compare-panel-chart"
    started = time.monotonic()

    name, payload = download(page, toolbar, "CSV")
    assert name == "BX.TRF.PWKR.DT.GD.ZS_MDA-JAM-MLI_2005-2020_index_base2010.csv"
    lines = list(csv.reader(io.StringIO(payload.decode("utf-8"))))
    assert lines[0] == COLUMNS
    body = lines[1:]
    assert all(len(row) == len(COLUMNS) for row in body)  # header and tidy rows, nothing else
    assert {row[2] for row in body} == {"BX.TRF.PWKR.DT.GD.ZS"}
    assert {row[5] for row in body} == {"index, 2010 = 100"}
    in_file = {(row[0], int(row[3])): float(row[4]) for row in body}
    on_chart = {(code, int(year)): value for code, year, value in drawn if value is not None}
    assert in_file.keys() == on_chart.keys()
    assert all(in_file[key] == pytest.approx(on_chart[key]) for key in in_file)
    expected = query.series("BX.TRF.PWKR.DT.GD.ZS", ["MDA", "JAM", "MLI"], start=2005, end=2020,
                            transform="index", base=2010).dropna(subset=["value"])
    assert in_file == pytest.approx({(r.country_code, int(r.year)): r.value
                                     for r in expected.itertuples()})

    name, payload = download(page, toolbar, "XLSX")
    assert name.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(payload))
    data = list(book[text.DATA_SHEET].values)
    assert list(data[0]) == COLUMNS and len(data) == len(lines)
    fields = {row[0]: row[1] for row in book[text.METADATA_SHEET].values if row[0]}
    meta = query.indicator_meta("BX.TRF.PWKR.DT.GD.ZS")
    for key, label in text.INDICATOR_FIELDS.items():
        if key.endswith("_en"):  # the English page has no translation to stand beside
            assert label not in fields
        elif meta.get(key):
            assert fields[label] == (meta[key] if key != "unit" else "index, 2010 = 100"), label
    assert fields[text.PROVENANCE_LABEL] == (
        "Index (base year 2010 = 100), computed by this dashboard from values it computes from "
        "the source's data, as the Formula says.")
    assert fields[text.VIEW_URL_LABEL] == live_server.url + VIEW
    assert fields[text.EXPORT_DATE_LABEL] == date.today().isoformat()
    assert fields[text.CITATION_LABEL].startswith(
        "World Bank. World Development Indicators (per-indicator CSV): Personal remittances")

    name, payload = download(page, toolbar, "PNG")
    assert name == "BX.TRF.PWKR.DT.GD.ZS_MDA-JAM-MLI_2005-2020_index_base2010.png"
    assert payload[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(payload[16:20], "big"), int.from_bytes(payload[20:24], "big")
    assert (width, height) == (4800, 2700)  # 1600x900 at scale 3

    name, payload = download(page, toolbar, "SVG")
    assert name.endswith(".svg")
    svg = payload.decode("utf-8")
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg[:300]
    assert meta["vintage"] in svg  # the source line under the title
    elapsed = time.monotonic() - started
    assert elapsed < 20, f"four downloads took {elapsed:.1f}s"

    # The clipboard is the browser's, shared by pages: empty it, then wait for the copy.
    page.evaluate("() => navigator.clipboard.writeText('')")
    page.locator(f"{toolbar} .chart-cite button").first.click()
    cited = wait_until(page, "() => navigator.clipboard.readText()")
    assert cited == fields[text.CITATION_LABEL]
    assert f"vintage {meta['vintage']}" in cited
    assert cited.endswith(f"{live_server.url + VIEW} (accessed {date.today().isoformat()}).")

    # The embed code names /embed with the same view.
    page.locator(f"{toolbar} button", has_text=text.EMBED).first.click()
    snippet = wait_until(page, """() => {
      const code = document.querySelector('#compare-panel-chart .chart-embed-code');
      return code && code.innerText; }""")
    assert snippet.startswith('<iframe src="' + live_server.url + "/embed?indicator=BX.TRF")
    assert "transform=index&amp;base=2010" in snippet


def test_map_and_profile_charts_download_what_they_show(live_server, page):
    page.goto(live_server.url + "/compare?indicator=SM.POP.NETM&countries=MDA,JAM&start=2010"
              "&end=2015&tab=map&year=2012")
    wait_until(page, """() => { const p = document.querySelector('#compare-map .js-plotly-plot');
      return p && p.data && p.data.length > 0; }""")
    locations = page.evaluate("""() => {
      const t = document.querySelector('#compare-map .js-plotly-plot').data[0];
      return Array.from(t.locations).map((c, i) => [c, t.z[i]]); }""")
    name, payload = download(page, "#compare-panel-map", "CSV")
    assert name == f"SM.POP.NETM_{len(locations)}-countries_2012.csv"
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8"))))
    assert {r["country_code"]: float(r["value"]) for r in rows} == pytest.approx(dict(locations))
    assert {r["year"] for r in rows} == {"2012"}

    page.goto(live_server.url + "/country/MDA")
    wait_until(page, """() => {
      const p = document.querySelector('#country-finance .js-plotly-plot');
      return p && p.data && p.data.length > 0; }""", timeout=30)
    box = "div[role=figure]:has(#country-finance)"
    name, payload = download(page, box, "CSV")
    assert name.startswith("BX.TRF.PWKR.CD.DT-DT.ODA.ODAT.CD-BX.KLT.DINV.CD.WD_MDA_")
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8"))))
    remittances = {int(r["year"]): float(r["value"]) for r in rows
                   if r["indicator_code"] == "BX.TRF.PWKR.CD.DT"}
    expected = query.series("BX.TRF.PWKR.CD.DT", ["MDA"]).dropna(subset=["value"])
    assert remittances == pytest.approx(dict(zip(expected["year"].astype(int),
                                                 expected["value"], strict=True)))
    assert {r["country_code"] for r in rows} == {"MDA"}


# The figure a chart shows as drawn: whether any trace carries download fields, and the title.
EXPORTABLE = """id => {
  const plot = document.querySelector('#' + id + ' .js-plotly-plot');
  return plot && plot.data && plot.data.some(t => t.meta && t.meta.export);
}"""


def test_a_labour_chart_and_a_presenter_slide_deliver_their_data(live_server, page):
    page.goto(live_server.url + "/labour?country=JAM&countries=JAM,MDA")
    wait_until(page, EXPORTABLE, "labour-annual")
    name, payload = download(page, "div[role=figure]:has(#labour-annual)", "CSV")
    assert name.startswith("annual_flows_JAM_")
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8"))))
    usa = {int(r["year"]): float(r["value"]) for r in rows if r["destination_code"] == "USA"}
    assert usa[2013] == 19_400 and {r["country_code"] for r in rows} == {"JAM"}
    assert {r["criterion"] for r in rows} <= {"birth", "citizenship", "residence"}

    # Slide 9 of the ready-made deck: Bangladesh's largest destinations, in the projector look.
    page.goto(live_server.url + "/present?slide=9")
    wait_until(page, """() => (document.getElementById('present-counter') || {})
      .textContent === '9 / 12'""", timeout=30)
    wait_until(page, EXPORTABLE, "present-graph")
    assert page.locator(".present-source-row .chart-tools button").count() >= 4
    name, payload = download(page, ".present-source-row", "CSV")
    assert name.startswith("migrant_stock_")
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8"))))
    top = query.top_destinations("BGD", year=2024, n=10)
    totals = [r for r in rows if r["sex"] == "total"]
    assert [r["country_code"] for r in totals] == top["destination_code"].tolist()
    assert [float(r["value"]) for r in totals] == pytest.approx(top["value"].tolist())
    assert {r["origin_code"] for r in rows} == {"BGD"}
