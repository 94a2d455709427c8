"""A national series added on /compare, in real Chromium against gunicorn with Redis as the
shared cache: uploaded, charted beside the WDI remittances on a second axis, kept over a
reload, added to a deck (presented from the deck's link, exported in the deck's file),
downloaded as XLSX marked "supplied by the user", removed; and nothing of it is left in the
app's folders, in Redis or in the server's log (access log on)."""

from __future__ import annotations

import io
import json
import os
import uuid
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation

from bench import server
from tests.conftest import ROOT, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.redis]

VIEW = "/compare?indicator=BX.TRF.PWKR.CD.DT&countries=BGD&start=2010&end=2022"
# Bureau of Manpower, Employment and Training: workers going abroad (docs/example-user-data.csv)
BMET = (ROOT / "docs" / "example-user-data.csv").read_bytes()
BMET_VALUES = [1008525.0, 734181.0, 700159.0, 217669.0, 617209.0, 1135873.0]
SKIPPED = {".git", ".venv", "node_modules", ".hypothesis", ".pytest_cache", "__pycache__",
           ".ruff_cache"}
TRACES = """() => {
  const gd = document.querySelector('#userdata-chart .js-plotly-plot');
  if (!gd || !gd.data) { return null; }
  const traces = gd.data.map(t => ({axis: t.yaxis || 'y', name: t.name, y: Array.from(t.y)}));
  return traces.some(t => t.axis === 'y2') && traces.some(t => t.axis === 'y') ? traces : null;
}"""
STORED = "() => window.localStorage.getItem('userdata-series')"
SLIDE_TRACES = """() => {
  const gd = document.querySelector('#present-graph .js-plotly-plot');
  const traces = gd && gd.data ? gd.data.filter(t => t.yaxis === 'y2') : [];
  return traces.length ? traces.map(t => Array.from(t.y)) : null;
}"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    redis = server.start_redis()
    app = server.start_gunicorn(tmp_path_factory.mktemp("userdata"),
                                env={"WEB_CONCURRENCY": "1", "REDIS_URL": redis.url,
                                     "ACCESS_LOG": "1", "WARM_UP": "0"})
    yield app, redis
    app.stop()
    redis.kill()


def files_holding(marker: bytes) -> list[str]:
    found = []
    for folder, names, files in os.walk(ROOT):
        names[:] = [n for n in names if n not in SKIPPED]
        for name in files:
            path = Path(folder) / name
            try:
                if path.stat().st_size < 50_000_000 and marker in path.read_bytes():
                    found.append(str(path))
            except OSError:
                continue
    return found


def redis_holding(url: str, marker: bytes) -> list[bytes]:
    import redis

    client = redis.Redis.from_url(url)
    found = []
    for key in client.scan_iter(count=1000):
        # GET gives a string's bytes as stored (DUMP may compress them).
        value = (client.get(key) if client.type(key) == b"string" else client.dump(key)) or b""
        if marker in key or marker in value:
            found.append(key)
    return found


def test_a_national_series_beside_the_wdi_remittances(stack, page):
    app, redis = stack
    marker = f"BMET-{uuid.uuid4().hex}"
    page.goto(app.url + VIEW)
    page.set_input_files("#userdata-upload input[type=file]", files=[
        {"name": "bmet.csv", "mimeType": "text/csv", "buffer": BMET}])
    wait_until(page, "() => document.querySelector('.userdata-accepted')?.textContent")
    assert "6 values will be added" in page.inner_text("#userdata-preview")
    page.fill("#userdata-name", f"Workers going abroad {marker}")
    page.fill("#userdata-unit", "persons")
    page.fill("#userdata-source", f"BMET {marker}")
    page.fill("#userdata-licence", "Public information")
    page.click("#userdata-add")
    wait_until(page, "() => document.querySelector('#userdata-status')?.textContent")
    assert marker in page.inner_text("#userdata-status")

    traces = wait_until(page, TRACES)
    mine = [t for t in traces if t["axis"] == "y2"]
    official = [t for t in traces if t["axis"] == "y"]
    assert [t["y"] for t in mine] == [BMET_VALUES] and marker in mine[0]["name"]
    assert [t["name"] for t in official] == ["Bangladesh"]
    assert "supplied by the user" in page.inner_text("#userdata-source-line")
    assert "stays in this browser" in page.inner_text("#userdata")

    page.reload()
    traces = wait_until(page, TRACES)
    assert [t["y"] for t in traces if t["axis"] == "y2"] == [BMET_VALUES]
    choose_in_the_indicator_picker(page, marker)

    fragment = add_to_deck_and_present(page, marker)

    with page.expect_download(timeout=30_000) as info:
        page.click("#userdata-xlsx")
    with open(info.value.path(), "rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()))
    data = list(book["data"].iter_rows(values_only=True))
    header = list(data[0])
    status, value = header.index("status"), header.index("value")
    marked = [row for row in data[1:] if str(row[status]).startswith("supplied by the user")]
    assert [row[value] for row in marked] == BMET_VALUES
    assert marker in str(marked[0][status])
    metadata = " ".join(str(c) for row in book["metadata"].iter_rows(values_only=True)
                        for c in row if c)
    assert "supplied by the user" in metadata.lower() and f"BMET {marker}" in metadata

    # /data keeps the same section: the series is drawn there alone.
    page.goto(app.url + "/data")
    alone = wait_until(page, """() => {
      const gd = document.querySelector('#userdata-chart .js-plotly-plot');
      return gd && gd.data && gd.data.length ? gd.data.map(t => Array.from(t.y)) : null;
    }""")
    assert alone == [BMET_VALUES]
    page.goto(app.url + VIEW)
    page.wait_for_selector("#userdata-pick")

    page.click("#userdata-remove")
    wait_until(page, f"() => !(window.localStorage.getItem('userdata-series') || '')"
                     f".includes('{marker}')")
    wait_until(page, "() => !document.querySelector('#userdata-chart .js-plotly-plot')"
                     "?.data?.some(t => t.yaxis === 'y2')")
    page.reload()
    page.wait_for_selector("#userdata-pick")
    assert marker not in (page.evaluate(STORED) or "")

    needle = marker.encode()
    assert files_holding(needle) == []
    assert redis_holding(redis.url, needle) == []
    # The access log is on: the callbacks that carried the series are in it, without it.
    app.stop()  # its last lines written
    log = app.log_path.read_text(errors="replace")
    assert log.count("POST /_dash-update-component") >= 4
    assert marker not in log and "1135873" not in log
    # The deck was presented from its link; the data after its "#" never reached the server.
    assert "GET /present?deck=" in log and fragment not in log


def choose_in_the_indicator_picker(page, marker: str) -> None:
    """The page's indicator picker lists the series under "Your data": choosing it picks it in
    the section below, shown, and the page keeps drawing its official indicator."""
    address = page.url
    page.click("#compare-indicator")
    page.wait_for_selector(".dash-dropdown-content")
    options = page.locator(".dash-dropdown-content [role=option]")
    assert options.nth(options.count() - 2).text_content() == "Your data"
    page.click(f".dash-dropdown-content [role=option]:has-text('{marker}')")
    wait_until(page, "() => Math.abs(document.getElementById('userdata')"
                     ".getBoundingClientRect().top) < 5")
    assert marker in page.inner_text("#userdata-pick")
    assert page.inner_text("#compare-indicator").startswith("Remittances received")
    assert page.url == address


def add_to_deck_and_present(page, marker: str) -> str:
    """Add the chart to the deck, present the deck from the builder's link, export the deck's
    file; the fragment of the link (the data it carries) is returned."""
    page.click("#userdata-deck-add")
    wait_until(page, "() => document.querySelector('#userdata-deck-status')?.textContent")
    assert "Added as slide 1" in page.inner_text("#userdata-deck-status")
    page.click("#userdata-deck-status a")
    page.wait_for_selector(".deck-slide-data")
    assert marker in page.inner_text(".deck-slide-data")
    assert "carries your own data (6 values)" in page.inner_text("#deck-share-note")
    share = page.input_value("#deck-share-url")
    assert "#data=" in share
    with page.expect_download(timeout=30_000) as info:
        page.click("#deck-export")
    deck = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    carried = deck["slides"][0]["data"]["series"]
    assert marker in carried["name"] and [row[3] for row in carried["rows"]] == BMET_VALUES

    # The PowerPoint asked for on /deck waits for the slide drawn with the link's data.
    with page.expect_download(timeout=60_000) as info:
        page.click("#deck-builder-pptx")
    pptx = Presentation(info.value.path())
    texts = [shape.text_frame.text for shape in pptx.slides[0].shapes if shape.has_text_frame]
    assert marker in texts[0] and any(f"BMET {marker}" in text for text in texts)
    # The address lost its request for a file, not the data after its "#".
    assert "take=" not in page.url and "#data=" in page.url
    page.reload()
    assert wait_until(page, SLIDE_TRACES) == [BMET_VALUES]

    page.goto(page.url.split("/present")[0] + "/deck")
    page.wait_for_selector(".deck-slide-data")
    page.click("#deck-present")
    assert wait_until(page, SLIDE_TRACES) == [BMET_VALUES]
    assert marker in page.inner_text("#present-source")
    # The slide's countries are the series' own: the picker is off.
    assert page.get_attribute("#present-countries", "disabled") is not None
    # Its toolbar (whose downloads rebuild the official view) is off; the deck's files carry it.
    assert not page.is_visible("#present-toolbar")
    # The shared link, opened anew, draws the same slide.
    page.goto("about:blank")
    page.goto(share)
    assert wait_until(page, SLIDE_TRACES) == [BMET_VALUES]
    # Without its data, or with damaged data, the slide says so over the official series.
    link = share.split("#", 1)[0]
    for fragment, says in (("", "does not carry"), ("#data=AAAA", "could not be read")):
        page.goto("about:blank")
        page.goto(link + fragment)
        page.wait_for_selector("#present-graph .main-svg")
        wait_until(page, "t => document.querySelector('.present-head').textContent.includes(t)",
                   says)
        assert page.evaluate(SLIDE_TRACES) is None
    page.goto(page.url.split("/present")[0] + VIEW)
    page.wait_for_selector("#userdata-pick")
    return share.split("#data=", 1)[1]
