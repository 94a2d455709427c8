"""One schema, one citation: the same view downloaded as the chart's CSV (in Chromium), as the
API's CSV and as its rows in the bulk ZIP has the same columns, units and values; the chart's
"Copy citation", its XLSX, the slide that shows it and the API cite it with the same text."""

from __future__ import annotations

import csv
import io
import json
import urllib.request
import zipfile
from datetime import date

import openpyxl
import pytest
from conftest import wait_until

from exports.schema import COLUMNS
from pages.deck import Deck, Slide, encode
from query import indicator_meta
from text import downloads as text

pytestmark = pytest.mark.browser

# Remittances as % of GDP: the chart's short unit is "%", the catalogue's "% of GDP".
INDICATOR = "BX.TRF.PWKR.DT.GD.ZS"
COUNTRIES = ("MDA", "BGD", "JAM", "MLI")
START, END = 2000, 2024
VIEW = (f"/compare?indicator={INDICATOR}&countries={','.join(COUNTRIES)}&start={START}"
        f"&end={END}")
API = f"/api/v1/data?indicator={INDICATOR}&countries={','.join(COUNTRIES)}&start={START}&end={END}"
TRANSFORMED = "&transform=index&base=2010"
DRAWN = """() => { const p = document.querySelector('#compare-chart .js-plotly-plot');
  return p && p.data && p.data.length > 0; }"""


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def table(payload: bytes) -> tuple[list[str], list[tuple[str, ...]]]:
    """Header and rows of a CSV, as written (text), rows sorted."""
    lines = list(csv.reader(io.StringIO(payload.decode("utf-8"))))
    return lines[0], sorted(tuple(row) for row in lines[1:])


def download(page, label: str) -> bytes:
    with page.expect_download(timeout=20_000) as info:
        page.locator("#compare-panel-chart .chart-tools button", has_text=label).first.click()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def zip_rows(server_url: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """The view's rows of indicator_values.csv in /api/v1/bulk.zip, as written."""
    with zipfile.ZipFile(io.BytesIO(get(f"{server_url}/api/v1/bulk.zip"))) as archive:
        header, rows = table(archive.read("indicator_values.csv"))
    at = {name: i for i, name in enumerate(header)}
    return header, sorted(
        row for row in rows if row[at["indicator_code"]] == INDICATOR
        and row[at["country_code"]] in COUNTRIES and START <= int(row[at["year"]]) <= END)


def test_chart_csv_api_csv_and_zip_rows_of_one_view_agree(live_server, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(live_server.url + VIEW)
    wait_until(page, DRAWN)

    chart_header, chart_rows = table(download(page, "CSV"))
    api_header, api_rows = table(get(f"{live_server.url}{API}&format=csv"))
    zip_header, in_zip = zip_rows(live_server.url)

    assert chart_header == api_header == zip_header == list(COLUMNS)
    assert len(chart_rows) > 50
    at = {name: i for i, name in enumerate(COLUMNS)}
    assert {row[at["unit"]] for row in chart_rows} == {"% of GDP"}
    # Every cell as written: codes, names, years, values to the last digit, units, statuses.
    assert chart_rows == api_rows == in_zip

    # A transformed view: the chart's rows and the API's, unit "index, 2010 = 100".
    page.goto(live_server.url + VIEW + TRANSFORMED)
    wait_until(page, DRAWN)
    chart_header, chart_rows = table(download(page, "CSV"))
    api_header, api_rows = table(get(f"{live_server.url}{API}{TRANSFORMED}&format=csv"))
    assert chart_header == api_header and chart_rows == api_rows
    assert {row[at["unit"]] for row in chart_rows} == {"index, 2010 = 100"}

    # One citation: the copy button, the chart's XLSX, the API and the slide of this view.
    page.goto(live_server.url + VIEW)
    wait_until(page, DRAWN)
    # The clipboard is the browser's, shared by pages: empty it, then wait for the copy.
    page.evaluate("() => navigator.clipboard.writeText('')")
    page.locator("#compare-panel-chart .chart-cite button").first.click()
    copied = wait_until(page, "() => navigator.clipboard.readText()")
    book = openpyxl.load_workbook(io.BytesIO(download(page, "XLSX")))
    in_xlsx = {row[0]: row[1] for row in book[text.METADATA_SHEET].values}[text.CITATION_LABEL]
    from_api = json.loads(get(f"{live_server.url}{API}"))["citation"]
    deck = encode(Deck("One view", (Slide(VIEW),)))
    page.goto(f"{live_server.url}/present?deck={deck}")
    slide = wait_until(page, """() => { const s = document.getElementById('present-source');
      return s && s.textContent; }""")
    assert copied == in_xlsx == from_api
    assert slide == text.SLIDE_SOURCE.format(citation=copied)
    assert copied == (
        "World Bank. World Development Indicators (per-indicator CSV): Personal remittances, "
        f"received (% of GDP) [{INDICATOR}], vintage {indicator_meta(INDICATOR)['vintage']}. "
        "Migration & Development "
        f"Indicators, {live_server.url}{VIEW} (accessed {date.today().isoformat()}).")
