"""The HTTP API on a real gunicorn server: every format equals the query layer's numbers."""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pandas as pd
import pytest
from openapi_spec_validator import validate

from query import get_snapshot, series
from query.schema import SNAPSHOT_TABLES
from text import downloads as text

PILOTS = ["MDA", "BGD", "JAM", "MLI"]
REMITTANCES = "BX.TRF.PWKR.CD.DT"
REMITTANCES_PCT_GDP = "BX.TRF.PWKR.DT.GD.ZS"
NET_MIGRATION = "SM.POP.NETM"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> object:
        return json.loads(self.body)


def fetch(url: str, method: str = "GET") -> Reply:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read())


def frame_from_csv(body: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(body), keep_default_na=False, na_values=[""])


def expected(indicator: str, countries: list[str], start: int, end: int, **kw) -> pd.DataFrame:
    frame = series(indicator, countries, start=start, end=end, **kw)
    return frame.reset_index(drop=True)


def assert_same_numbers(rows: pd.DataFrame, reference: pd.DataFrame) -> None:
    got = rows[["country_code", "year", "value"]].reset_index(drop=True)
    ref = reference[["country_code", "year", "value"]].reset_index(drop=True)
    assert len(got) == len(ref) > 0
    assert got["country_code"].tolist() == ref["country_code"].tolist()
    assert got["year"].astype(int).tolist() == ref["year"].astype(int).tolist()
    pd.testing.assert_series_equal(
        got["value"].astype(float), ref["value"].astype(float), check_names=False, rtol=1e-12
    )


# -- data: JSON, CSV, XLSX -------------------------------------------------------------------

VIEW = f"indicator={REMITTANCES}&countries=MDA,BGD,JAM,MLI&start=2000&end=2024"


def test_data_json_equals_query_layer(live_server):
    reply = fetch(f"{live_server.url}/api/v1/data?{VIEW}")
    assert reply.status == 200
    payload = reply.json()
    assert payload["indicator"]["code"] == REMITTANCES
    for key in ("name", "definition", "unit", "source", "source_url", "licence", "vintage"):
        assert payload["indicator"][key], key
    assert payload["vintage"] == payload["indicator"]["vintage"]
    rows = pd.DataFrame(payload["data"])
    assert list(rows.columns) == [
        "country_code", "country_name", "indicator_code", "year", "value", "unit", "status",
    ]
    assert set(rows["indicator_code"]) == {REMITTANCES}
    assert set(rows["status"]) == {"observed"}
    assert_same_numbers(rows, expected(REMITTANCES, PILOTS, 2000, 2024))


def test_data_csv_equals_query_layer(live_server):
    reply = fetch(f"{live_server.url}/api/v1/data?{VIEW}&format=csv")
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("text/csv")
    assert reply.headers["Content-Disposition"] == (
        f'attachment; filename="{REMITTANCES}_MDA-BGD-JAM-MLI_2000-2024.csv"'
    )
    assert reply.body.splitlines()[0] == (
        b"country_code,country_name,indicator_code,year,value,unit,status"
    )
    assert_same_numbers(frame_from_csv(reply.body), expected(REMITTANCES, PILOTS, 2000, 2024))


def test_data_rows_say_which_values_are_projections(live_server):
    reply = fetch(f"{live_server.url}/api/v1/data?indicator=SM.POP.NETM&countries=MDA"
                  "&start=2023&end=2025")
    rows = pd.DataFrame(reply.json()["data"]).set_index("year")
    assert rows["status"].to_dict() == {2023: "observed", 2024: "projection", 2025: "projection"}
    csv_reply = fetch(f"{live_server.url}/api/v1/data?indicator=UNHCR.ASYL.OR&countries=AFG"
                      "&start=1995&end=2000&format=csv")
    table = frame_from_csv(csv_reply.body)
    assert table["year"].astype(int).tolist() == [2000]  # 1995-1999: not recorded by origin


def test_moldova_remittances_share_of_gdp_2005_is_pinned(live_server):
    """30.6 % (PROVENANCE.md's check, and WDI 2023's published 30.62): both routes agree."""
    derived = fetch(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES_PCT_GDP}"
        "&countries=MDA&start=2005&end=2005&format=csv"
    )
    transformed = fetch(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES}"
        "&countries=MDA&start=2005&end=2005&transform=pct_gdp"
    )
    assert derived.status == transformed.status == 200
    value = frame_from_csv(derived.body)["value"].item()
    assert value == pytest.approx(30.6, abs=0.05)
    assert transformed.json()["data"][0]["value"] == pytest.approx(value, rel=1e-9)
    assert transformed.json()["indicator"]["unit"] == "% of GDP"


def test_negative_net_migration_stays_numeric_in_csv(live_server):
    reply = fetch(
        f"{live_server.url}/api/v1/data?indicator={NET_MIGRATION}&countries=MDA&format=csv"
    )
    rows = frame_from_csv(reply.body)
    assert rows["value"].dtype.kind == "f"
    assert (rows["value"] < 0).any()
    assert b"'-" not in reply.body
    assert_same_numbers(rows, series(NET_MIGRATION, ["MDA"]))


def xlsx_view(live_server, query: str) -> tuple[Reply, openpyxl.Workbook]:
    reply = fetch(f"{live_server.url}/api/v1/data?{query}&format=xlsx")
    assert reply.status == 200, reply.body[:300]
    return reply, openpyxl.load_workbook(io.BytesIO(reply.body))


def test_data_xlsx_numbers_and_complete_metadata(live_server):
    query = f"indicator={REMITTANCES}&countries=MDA,JAM&start=2000&end=2024&transform=per_capita"
    reply, book = xlsx_view(live_server, query)
    assert reply.headers["Content-Disposition"] == (
        f'attachment; filename="{REMITTANCES}_MDA-JAM_2000-2024_per_capita.xlsx"'
    )
    assert book.sheetnames == [text.DATA_SHEET, text.METADATA_SHEET]
    data = list(book[text.DATA_SHEET].iter_rows(values_only=True))
    rows = pd.DataFrame(data[1:], columns=data[0])
    assert_same_numbers(
        rows, expected(REMITTANCES, ["MDA", "JAM"], 2000, 2024, transform="per_capita")
    )
    fields = {
        label: value
        for label, value in book[text.METADATA_SHEET].iter_rows(min_row=2, values_only=True)
        if label
    }
    meta = get_snapshot().indicators.set_index("code").loc[REMITTANCES]
    assert fields["Indicator code"] == REMITTANCES
    assert fields["Definition"] == meta["definition"] and fields["Definition"]
    assert fields["Unit"] and fields["Source"] == meta["source"]
    assert fields["Source URL"] == meta["source_url"] and fields["Source URL"].startswith("http")
    assert fields["Licence"] == meta["licence"] and fields["Vintage"] == meta["vintage"]
    assert fields[text.TRANSFORM_LABEL] == text.TRANSFORM_NAMES["per_capita"]
    assert fields[text.EXPORT_DATE_LABEL] == date.today().isoformat()
    assert meta["source"] in fields[text.CITATION_LABEL]
    assert meta["vintage"] in fields[text.CITATION_LABEL]
    assert live_server.url in fields[text.CITATION_LABEL]
    view = urlsplit(fields[text.VIEW_URL_LABEL])
    assert f"{view.scheme}://{view.netloc}" == live_server.url and view.path == "/compare"
    assert parse_qs(view.query) == {
        "indicator": [REMITTANCES], "countries": ["MDA,JAM"], "start": ["2000"],
        "end": ["2024"], "transform": ["per_capita"],
    }


# -- diaspora, catalogue, countries, health ---------------------------------------------------


def test_diaspora_lists_destinations_with_source_licence_vintage(live_server):
    reply = fetch(f"{live_server.url}/api/v1/diaspora?origin=MDA&year=2024")
    assert reply.status == 200
    payload = reply.json()
    for key in ("source", "licence", "vintage"):
        assert payload[key], key
    stock = get_snapshot().migrant_stock
    mine = stock[(stock.origin_code == "MDA") & (stock.year == 2024) & (stock.sex == "total")]
    rows = pd.DataFrame(payload["data"])
    assert len(rows) == len(mine) > 10
    assert rows["emigrants"].is_monotonic_decreasing
    assert rows["destination_name"].notna().all()
    assert payload["total"] == pytest.approx(mine["value"].sum())
    top = rows.iloc[0]
    assert top["emigrants"] == mine["value"].max()

    csv_reply = fetch(f"{live_server.url}/api/v1/diaspora?origin=MDA&format=csv")
    assert csv_reply.headers["Content-Disposition"] == (
        'attachment; filename="diaspora_MDA_2024_total.csv"'
    )
    assert frame_from_csv(csv_reply.body)["emigrants"].tolist() == rows["emigrants"].tolist()
    book = openpyxl.load_workbook(
        io.BytesIO(fetch(f"{live_server.url}/api/v1/diaspora?origin=MDA&format=xlsx").body)
    )
    labels = {row[0]: row[1] for row in book[text.METADATA_SHEET].iter_rows(values_only=True)}
    assert labels["Licence"] == payload["licence"] and labels["Vintage"] == payload["vintage"]


def test_indicator_catalogue_and_countries(live_server):
    snap = get_snapshot()
    catalogue = fetch(f"{live_server.url}/api/v1/indicators").json()
    assert catalogue["count"] == len(snap.indicators)
    first = catalogue["indicators"][0]
    for key in ("code", "name", "unit", "topic", "definition", "source", "licence", "vintage"):
        assert key in first
    countries = fetch(f"{live_server.url}/api/v1/countries").json()["countries"]
    assert len(countries) == len(snap.countries)
    pilots = sorted(c["country_code"] for c in countries if c["pilot"])
    assert pilots == sorted(PILOTS)
    moldova = next(c for c in countries if c["country_code"] == "MDA")
    assert moldova["aggregate"] is False and moldova["region"] and moldova["income_group"]
    assert any(c["aggregate"] for c in countries)


def test_healthz_reports_the_vintage(live_server):
    reply = fetch(f"{live_server.url}/healthz")
    assert reply.status == 200
    payload = reply.json()
    assert payload["status"] == "ok"
    assert payload["vintage"] == dict(get_snapshot().vintage)


# -- bulk ZIP ---------------------------------------------------------------------------------


def test_bulk_zip_holds_every_table_with_catalogue_and_readme(live_server):
    reply = fetch(f"{live_server.url}/api/v1/bulk.zip")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/zip"
    assert reply.headers["Content-Disposition"].startswith(
        'attachment; filename="migration-dashboard-data_'
    )
    snap = get_snapshot()
    with zipfile.ZipFile(io.BytesIO(reply.body)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert {f"{table}.csv" for table in SNAPSHOT_TABLES} | {
            "catalogue.csv", "README.txt", "vintage.json",
        } == names
        catalogue = pd.read_csv(archive.open("catalogue.csv")).set_index("file")
        values = pd.read_csv(archive.open("indicator_values.csv"))
        readme = archive.read("README.txt").decode("utf-8")
        vintage = json.loads(archive.read("vintage.json"))
    assert vintage == dict(snap.vintage)
    assert len(values) == len(snap.values)
    for table in SNAPSHOT_TABLES:
        assert f"{table}.csv" in readme
    for table in ("indicator_values", "migrant_stock", "remittance_matrix", "refugees",
                  "remittance_costs"):
        assert isinstance(catalogue.loc[f"{table}.csv", "licence"], str), table
    assert fetch(f"{live_server.url}/api/v1/bulk.zip").body == reply.body


# -- documentation ----------------------------------------------------------------------------


def test_openapi_document_validates_and_lists_every_route(live_server):
    spec = fetch(f"{live_server.url}/api/v1/openapi.json").json()
    validate(spec)
    assert set(spec["paths"]) == {
        "/api/v1/indicators", "/api/v1/countries", "/api/v1/data", "/api/v1/diaspora",
        "/api/v1/bulk.zip", "/api/v1/openapi.json", "/healthz",
    }
    for path, operations in spec["paths"].items():
        examples = "&".join(
            f"{param['name']}={param['example']}"
            for param in operations["get"].get("parameters", [])
            if param.get("required")
        )
        assert fetch(f"{live_server.url}{path}?{examples}").status == 200, path


def test_api_page_is_plain_html_without_external_assets(live_server):
    reply = fetch(f"{live_server.url}/api/v1/")
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("text/html")
    page = reply.body.decode()
    assert "/api/v1/data" in page and "/api/v1/openapi.json" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert fetch(f"{live_server.url}/api").status == 200  # redirected to the page


# -- bad input --------------------------------------------------------------------------------

BAD_REQUESTS = [
    ("/api/v1/data", "'indicator' is required"),
    ("/api/v1/data?indicator=NOPE", "Unknown indicator 'NOPE'"),
    (f"/api/v1/data?indicator={REMITTANCES}&countries=MDA,XYZ", "Unknown country code(s): XYZ"),
    (f"/api/v1/data?indicator={REMITTANCES}&start=2020&end=2000", "'start' (2020) is after"),
    (f"/api/v1/data?indicator={REMITTANCES}&start=abc", "must be a whole year"),
    (f"/api/v1/data?indicator={REMITTANCES}&end=1e9", "must be a whole year"),
    (f"/api/v1/data?indicator={REMITTANCES}&start=99999", "from 1800 to 2100"),
    (f"/api/v1/data?indicator={REMITTANCES}&format=pdf", "Allowed values: json, csv, xlsx"),
    (f"/api/v1/data?indicator={REMITTANCES}&transform=log", "Unknown transform 'log'"),
    (f"/api/v1/data?indicator={NET_MIGRATION}&transform=pct_gdp",
     f"'pct_gdp' is not available for {NET_MIGRATION}; allowed: none, index, pct_change"),
    (f"/api/v1/data?indicator={REMITTANCES}&transform=index", "needs a base year"),
    (f"/api/v1/data?indicator={REMITTANCES}&base=2000", "only to transform=index"),
    (f"/api/v1/data?indicator={REMITTANCES}&transform=index&base=20o0", "must be a whole year"),
    (f"/api/v1/data?indicator={REMITTANCES}&country=MDA", "Unknown parameter(s): country"),
    (f"/api/v1/data?indicator={REMITTANCES}&format=csv&format=json", "given more than once"),
    ("/api/v1/diaspora", "'origin' is required"),
    ("/api/v1/diaspora?origin=ZZZ", "Unknown country code 'ZZZ'"),
    ("/api/v1/diaspora?origin=MDA&year=2023", "Available years:"),
    ("/api/v1/diaspora?origin=MDA&year=soon", "must be a whole year"),
    ("/api/v1/diaspora?origin=MDA&sex=other", "Allowed values: total, male, female"),
    ("/api/v1/diaspora?origin=MDA&format=docx", "Allowed values: json, csv, xlsx"),
    ("/api/v1/indicators?topic=x", "Unknown parameter(s): topic"),
    ("/api/v1/countries?x=1", "Unknown parameter(s): x"),
    ("/api/v1/bulk.zip?x=1", "Unknown parameter(s): x"),
]


@pytest.mark.parametrize(("path", "message"), BAD_REQUESTS)
def test_bad_input_is_a_400_saying_what_is_allowed(live_server, path, message):
    reply = fetch(live_server.url + path)
    assert reply.status == 400
    assert reply.headers["Content-Type"] == "application/json"
    assert message in reply.json()["error"]


def test_more_than_sixty_countries_is_refused(live_server):
    codes = get_snapshot().countries["country_code"].head(61).tolist()
    reply = fetch(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES}&countries={','.join(codes)}"
    )
    assert reply.status == 400
    assert "Too many countries (61); at most 60" in reply.json()["error"]
    reply = fetch(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES}&countries={','.join(codes[:60])}"
    )
    assert reply.status == 200


def test_unknown_routes_and_methods_answer_json(live_server):
    missing = fetch(f"{live_server.url}/api/v1/nothing-here")
    assert missing.status == 404 and "No API route" in missing.json()["error"]
    post = fetch(f"{live_server.url}/api/v1/data?indicator={REMITTANCES}", method="POST")
    assert post.status == 405 and "use GET" in post.json()["error"]
    assert fetch(f"{live_server.url}/healthz", method="DELETE").status == 405


def test_index_transform_equals_query_layer(live_server):
    reply = fetch(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES}&countries=MDA,MLI"
        "&start=2005&end=2020&transform=index&base=2010"
    )
    payload = reply.json()
    assert payload["indicator"]["unit"] == "index, 2010 = 100"
    rows = pd.DataFrame(payload["data"])
    assert rows.loc[rows["year"] == 2010, "value"].tolist() == [100.0, 100.0]
    assert_same_numbers(
        rows, expected(REMITTANCES, ["MDA", "MLI"], 2005, 2020, transform="index", base=2010)
    )
