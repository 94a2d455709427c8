"""A national series added on /compare, in real Chromium against gunicorn with Redis as the
shared cache: uploaded, charted beside the WDI remittances on a second axis, kept over a
reload, downloaded as XLSX marked "supplied by the user", removed; and nothing of it is left
in the app's folders, in Redis or in the server's log (access log on)."""

from __future__ import annotations

import io
import os
import uuid
from pathlib import Path

import openpyxl
import pytest

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
