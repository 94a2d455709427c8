"""The API never answers 5xx, and hostile text in the data never reaches a spreadsheet as a
formula: random query strings on the real server, and a server on a snapshot with such text."""

from __future__ import annotations

import io
import shutil
import urllib.error
import urllib.request
import zipfile
from urllib.parse import quote, urlencode

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, start_server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from query.schema import SNAPSHOT_TABLES
from text import downloads as text

ROUTES = [
    "/api/v1/data", "/api/v1/diaspora", "/api/v1/indicators", "/api/v1/countries",
    "/api/v1/bulk.zip", "/api/v1/openapi.json", "/api/v1/", "/healthz",
]
NAMES = ["indicator", "countries", "start", "end", "format", "transform", "origin", "year",
         "sex", "base"]
PLAUSIBLE = ["BX.TRF.PWKR.CD.DT", "SM.POP.NETM", "MDA", "MDA,BGD", "bgd", "WLD", "2005",
             "1990", "2024", "-1", "0", "json", "csv", "xlsx", "pct_gdp", "per_capita",
             "index", "none", "total", "female", "", ",", "1e3", "NaN", "inf", "=1+1"]
GARBAGE = ["", "&", "&&==&", "%", "%zz", "%00", "%ff%fe", ";", "a=1;b=2", "=", "x[]=1",
           "countries=" + "A," * 500]


def status_of(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


query_params = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(NAMES), st.text(max_size=12)),
        st.one_of(st.sampled_from(PLAUSIBLE), st.text(max_size=40)),
    ),
    max_size=6,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    route=st.one_of(st.sampled_from(ROUTES), st.text(max_size=20).map(lambda s: "/api/v1/" + s)),
    params=query_params,
    garbage=st.sampled_from(GARBAGE),
)
def test_random_query_strings_never_get_a_5xx(live_server, route, params, garbage):
    query = urlencode(params)
    if garbage:
        query = f"{query}&{garbage}" if query else garbage
    url = f"{live_server.url}{quote(route, safe='/')}?{query}"
    status, body, content_type = status_of(url)
    assert status < 500, (url, body[:300])
    if status >= 400 and route.startswith("/api/v1/") and route != "/api/v1/":
        assert content_type == "application/json", (url, content_type)
        assert b'"error"' in body


HOSTILE_NAME = "=HYPERLINK(\"http://example.invalid\",\"x\")"
HOSTILE_DEFINITION = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """The real app on a copy of the snapshot where Moldova's name and a definition are formulas."""
    folder = tmp_path_factory.mktemp("hostile")
    snapshot = folder / "snapshot"
    shutil.copytree(ROOT / "data" / "snapshot", snapshot)
    rewrite(snapshot, "countries", "country_code", "MDA", "name", HOSTILE_NAME)
    rewrite(snapshot, "indicators", "code", "SM.POP.NETM", "definition", HOSTILE_DEFINITION)
    server = start_server(folder, env={"SNAPSHOT_DIR": str(snapshot)}, name="hostile")
    yield server
    server.stop()


def rewrite(folder, table, key, match, column, value) -> None:
    path = folder / f"{table}.parquet"
    frame = pq.read_table(path).to_pandas()
    frame.loc[frame[key] == match, column] = value
    arrow = pa.Table.from_pandas(frame, schema=SNAPSHOT_TABLES[table], preserve_index=False)
    pq.write_table(arrow, path)


def test_formula_text_is_neutralised_and_negative_numbers_stay_numbers(hostile_server):
    base = f"{hostile_server.url}/api/v1/data?indicator=SM.POP.NETM&countries=MDA,BGD"
    status, body, _ = status_of(base + "&format=csv")
    assert status == 200
    rows = pd.read_csv(io.BytesIO(body))
    moldova = rows[rows["country_code"] == "MDA"]
    assert set(moldova["country_name"]) == {"'" + HOSTILE_NAME}
    assert rows["value"].dtype.kind == "f" and (moldova["value"] < 0).any()

    status, body, _ = status_of(base + "&format=xlsx")
    assert status == 200
    book = openpyxl.load_workbook(io.BytesIO(body))
    for row in book[text.DATA_SHEET].iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)
    cells = list(book[text.DATA_SHEET].iter_rows(min_row=2, values_only=True))
    assert {row[1] for row in cells if row[0] == "MDA"} == {"'" + HOSTILE_NAME}
    assert any(isinstance(row[4], float | int) and row[4] < 0 for row in cells)
    definition = {
        label: value
        for label, value in book[text.METADATA_SHEET].iter_rows(values_only=True)
    }["Definition"]
    assert definition == "'" + HOSTILE_DEFINITION

    status, body, _ = status_of(f"{hostile_server.url}/api/v1/bulk.zip")
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        countries = pd.read_csv(archive.open("countries.csv"), keep_default_na=False)
        values = pd.read_csv(archive.open("indicator_values.csv"), keep_default_na=False)
    assert countries.set_index("country_code").loc["MDA", "country_name"] == "'" + HOSTILE_NAME
    assert set(values.loc[values["country_code"] == "MDA", "country_name"]) == {
        "'" + HOSTILE_NAME}
