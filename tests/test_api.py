"""The HTTP API on a real gunicorn server: every format equals the query layer's numbers."""

from __future__ import annotations

import gzip
import html
import io
import json
import re
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

import brotli
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
    assert payload["indicator"]["indicator_code"] == REMITTANCES
    for key in ("name", "definition", "unit", "source", "source_url", "licence", "vintage",
                "publisher", "dataset"):
        assert payload["indicator"][key], key
    assert payload["vintage"] == payload["indicator"]["vintage"]
    rows = pd.DataFrame(payload["data"])
    assert list(rows.columns) == [
        "country_code", "country_name", "indicator_code", "year", "value", "unit", "status",
    ]
    assert set(rows["indicator_code"]) == {REMITTANCES}
    assert set(rows["status"]) == {"observed"}
    assert_same_numbers(rows, expected(REMITTANCES, PILOTS, 2000, 2024))
    assert payload["citation"] == (
        "World Bank. World Development Indicators (per-indicator CSV): Personal remittances, "
        f"received (current US$) [{REMITTANCES}], vintage {payload['vintage']}. Migration & "
        f"Development Indicators, {live_server.url}/compare?{VIEW} "
        f"(accessed {date.today().isoformat()}).")
    assert payload["countries_without_data"] == [] and payload["notes"] == []


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
    assert transformed.json()["indicator"]["unit_short"] == "% of GDP"  # not "US$"
    assert set(frame_from_csv(derived.body)["unit"]) == {"% of GDP"}  # not "%"


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
    assert fields["Unit"] == "current US$ per person"
    assert fields[text.PROVENANCE_LABEL] == (
        f"{text.TRANSFORM_NAMES['per_capita']}, computed by this dashboard from the values as "
        "published by the source.")
    assert fields[text.EXPORT_DATE_LABEL] == date.today().isoformat()
    json_view = fetch(f"{live_server.url}/api/v1/data?{query}").json()
    assert fields[text.CITATION_LABEL] == json_view["citation"]
    assert fields[text.CITATION_LABEL].endswith(
        f"{fields[text.VIEW_URL_LABEL]} (accessed {date.today().isoformat()}).")
    view = urlsplit(fields[text.VIEW_URL_LABEL])
    assert f"{view.scheme}://{view.netloc}" == live_server.url and view.path == "/compare"
    assert parse_qs(view.query) == {
        "indicator": [REMITTANCES], "countries": ["MDA,JAM"], "start": ["2000"],
        "end": ["2024"], "transform": ["per_capita"],
    }


def test_countries_all_gives_every_country_in_one_call(live_server):
    snap = get_snapshot()
    aggregate = snap.countries["aggregate"].astype(bool)
    every = snap.countries.loc[~aggregate, "country_code"].tolist()
    base = f"{live_server.url}/api/v1/data?indicator={REMITTANCES_PCT_GDP}&start=2020&end=2022"
    payload = fetch(f"{base}&countries=all").json()
    assert payload["query"]["countries"] == every
    rows = pd.DataFrame(payload["data"])
    assert_same_numbers(rows, expected(REMITTANCES_PCT_GDP, every, 2020, 2022))
    assert not set(rows["country_code"]) & set(snap.countries.loc[aggregate, "country_code"])
    # Every country without rows is named, with its reason.
    assert {n["country_code"] for n in payload["notes"]} == set(every) - set(rows["country_code"])
    assert payload["countries_without_data"] == [n["country_code"] for n in payload["notes"]]
    # More countries than the comparison page shows: the citation links this request.
    assert payload["citation"].endswith(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES_PCT_GDP}&countries=all"
        f"&start=2020&end=2022 (accessed {date.today().isoformat()}).")
    # The same rows as CSV, and the aggregates on request, in any case, with other codes.
    table = frame_from_csv(fetch(f"{base}&countries=all&format=csv").body)
    assert_same_numbers(table, rows)
    both = fetch(f"{base}&countries=WLD,All,mda,aggregates").json()
    assert both["query"]["countries"][:2] == ["WLD", every[0]]
    assert set(both["query"]["countries"]) == set(snap.countries["country_code"])
    assert "World" in {row["country_name"] for row in both["data"]}


def test_an_answer_without_rows_says_why(live_server):
    """An index whose base year a country has no value in is empty: the answer says so, in
    JSON, in the XLSX metadata and in the CSV's X-Data-Notes header."""
    url = (f"{live_server.url}/api/v1/data?indicator={REMITTANCES_PCT_GDP}&countries=MDA,SOM"
           "&start=2000&end=2020&base=1990")
    payload = fetch(url).json()
    assert payload["data"] == [] and payload["countries_without_data"] == ["MDA", "SOM"]
    by_country = {n["country_code"]: n for n in payload["notes"]}
    assert by_country["MDA"]["reason"] == "no_base_year_value"
    first = int(series(REMITTANCES_PCT_GDP, ["MDA"])["year"].min())
    assert by_country["MDA"]["message"] == (
        f"Moldova has no value of {REMITTANCES_PCT_GDP} in the base year 1990, so no index can "
        f"be computed; its values run from {first} to "
        f"{int(series(REMITTANCES_PCT_GDP, ['MDA'])['year'].max())}: choose a base year in "
        "which it has one.")
    reply = fetch(f"{url}&format=csv")
    assert reply.body.splitlines() == [b",".join(c.encode() for c in text.TIDY_COLUMNS)]
    assert reply.headers["X-Data-Notes"] == "MDA=no_base_year_value, SOM=no_base_year_value"
    book = openpyxl.load_workbook(io.BytesIO(fetch(f"{url}&format=xlsx").body))
    notes = [row[1] for row in book[text.METADATA_SHEET].values if row[0] == text.NOTE_LABEL]
    assert notes == [n["message"] for n in payload["notes"]]
    # Other reasons: nothing at all, nothing in the years asked, no two years in a row.
    reasons = {
        f"indicator={NET_MIGRATION}&countries=ANT": "no_data",
        f"indicator={NET_MIGRATION}&countries=MDA&start=2090&end=2095": "no_value_in_years",
        f"indicator={REMITTANCES}&countries=TKM&transform=pct_change": "no_consecutive_years",
    }
    for query, reason in reasons.items():
        notes = fetch(f"{live_server.url}/api/v1/data?{query}").json()["notes"]
        assert [n["reason"] for n in notes] == [reason], (query, notes)
    assert "X-Data-Notes" not in fetch(f"{live_server.url}/api/v1/data?{VIEW}&format=csv").headers


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
    # The tidy rows of the profile's destinations chart: the destination is the country.
    assert list(rows.columns) == ["country_code", "country_name", "indicator_code", "year",
                                  "origin_code", "sex", "value", "unit", "status"]
    assert len(rows) == len(mine) > 10
    assert rows["value"].is_monotonic_decreasing
    assert rows["country_name"].notna().all()
    assert set(rows["origin_code"]) == {"MDA"} and set(rows["unit"]) == {"persons"}
    assert set(rows["indicator_code"]) == {"migrant_stock"} and rows["status"].isna().all()
    assert payload["total"] == pytest.approx(mine["value"].sum())
    top = rows.iloc[0]
    assert top["value"] == mine["value"].max()
    assert payload["origin"] == {"country_code": "MDA", "country_name": "Moldova"}
    assert "International Migrant Stock 2024" in payload["citation"]

    csv_reply = fetch(f"{live_server.url}/api/v1/diaspora?origin=MDA&format=csv")
    assert csv_reply.headers["Content-Disposition"] == (
        'attachment; filename="diaspora_MDA_2024_total.csv"'
    )
    assert frame_from_csv(csv_reply.body)["value"].tolist() == rows["value"].tolist()
    book = openpyxl.load_workbook(
        io.BytesIO(fetch(f"{live_server.url}/api/v1/diaspora?origin=MDA&format=xlsx").body)
    )
    labels = {row[0]: row[1] for row in book[text.METADATA_SHEET].iter_rows(values_only=True)}
    assert labels["Licence"] == payload["licence"] and labels["Vintage"] == payload["vintage"]
    assert labels[text.PROVENANCE_LABEL] == text.PROVENANCE_PUBLISHED


def test_indicator_catalogue_and_countries(live_server):
    snap = get_snapshot()
    catalogue = fetch(f"{live_server.url}/api/v1/indicators").json()
    assert catalogue["count"] == len(snap.indicators)
    first = catalogue["indicators"][0]
    for key in ("indicator_code", "name", "unit", "topic", "definition", "source", "licence",
                "vintage"):
        assert key in first
    assert "code" not in first
    countries = fetch(f"{live_server.url}/api/v1/countries").json()["countries"]
    assert len(countries) == len(snap.countries)
    pilots = sorted(c["country_code"] for c in countries if c["is_pilot"])
    assert pilots == sorted(PILOTS)
    moldova = next(c for c in countries if c["country_code"] == "MDA")
    assert moldova["country_name"] == "Moldova" and "name" not in moldova
    assert moldova["is_aggregate"] is False and moldova["region"] and moldova["income_group"]
    assert any(c["is_aggregate"] for c in countries) and "aggregate" not in moldova


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
    assert list(values.columns) == ["country_code", "country_name", "indicator_code", "year",
                                    "value", "unit", "status"]
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
    countries = len(get_snapshot().countries)
    assert (f"one of {countries} codes (see /api/v1/countries) or all, aggregates, "
            "comma-separated, at most 60") in page
    # The tidy schema, column by column, in the README's words.
    for name, meaning in text.TIDY_COLUMNS.items():
        assert f"<code>{name}</code></td><td>{html.escape(meaning)}</td>" in page, name
    assert "integer, 1800 to 2100" in page and "1990, 1995, 2000" in page
    assert fetch(f"{live_server.url}/api").status == 200  # redirected to the page


# -- bad input --------------------------------------------------------------------------------

BAD_REQUESTS = [
    ("/api/v1/data", "'indicator' is required"),
    ("/api/v1/data?indicator=NOPE", "Unknown indicator 'NOPE'"),
    (f"/api/v1/data?indicator={REMITTANCES}&countries=MDA,XYZ", "Unknown country code(s): XYZ"),
    (f"/api/v1/data?indicator={REMITTANCES}&start=abc", "must be a whole year"),
    (f"/api/v1/data?indicator={REMITTANCES}&end=1e9", "must be a whole year"),
    (f"/api/v1/data?indicator={REMITTANCES}&start=99999", "from 1800 to 2100"),
    (f"/api/v1/data?indicator={REMITTANCES}&format=pdf", "Allowed values: json, csv, xlsx"),
    (f"/api/v1/data?indicator={REMITTANCES}&transform=log", "Unknown transform 'log'"),
    (f"/api/v1/data?indicator={REMITTANCES}&transform=index&base=20o0", "must be a whole year"),
    (f"/api/v1/data?indicator={REMITTANCES}&country=MDA", "Unknown parameter(s): country"),
    (f"/api/v1/data?indicator={REMITTANCES}&format=csv&format=json", "given more than once"),
    ("/api/v1/diaspora", "'origin' is required"),
    ("/api/v1/diaspora?origin=ZZZ", "Unknown country code 'ZZZ'"),
    ("/api/v1/diaspora?origin=MDA&year=2023", "Available years:"),
    ("/api/v1/diaspora?origin=MDA&year=soon", "must be a whole year"),
    ("/api/v1/diaspora?origin=MDA&year=0", "Available years: 1990, 1995"),
    (f"/api/v1/data?indicator={REMITTANCES}&start=0", "from 1800 to 2100"),
    (f"/api/v1/data?indicator={REMITTANCES}&base=2000.5", "must be a whole year"),
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
    assert post.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert fetch(f"{live_server.url}/healthz", method="DELETE").status == 405


def test_methods_allow_header_and_openapi_document_agree(live_server):
    """Every documented path: the document lists GET only; OPTIONS and every 405 name exactly
    GET, HEAD and OPTIONS; HEAD answers like GET without a body. Undocumented paths are 404
    whatever the method."""
    spec = fetch(f"{live_server.url}/api/v1/openapi.json").json()
    for path, operations in spec["paths"].items():
        assert set(operations) == {"get"}, path
        required = "&".join(
            f"{p['name']}={p['example'] if isinstance(p['example'], str) else p['example'][0]}"
            for p in operations["get"].get("parameters", []) if p.get("required")
        )
        url = f"{live_server.url}{path}?{required}"
        options = fetch(url, method="OPTIONS")
        assert options.status == 200, path
        assert sorted(options.headers["Allow"].split(", ")) == ["GET", "HEAD", "OPTIONS"], path
        for method in ("POST", "PUT", "PATCH", "DELETE", "TRACE"):
            reply = fetch(url, method=method)
            assert reply.status == 405, (path, method, reply.status)
            assert reply.headers["Allow"] == "GET, HEAD, OPTIONS", (path, method)
            assert reply.json() == {
                "error": f"Method {method} is not allowed here; use GET.", "status": 405,
            }
        head, get = fetch(url, method="HEAD"), fetch(url)
        assert head.status == get.status == 200 and head.body == b"", path
        assert head.headers["Content-Type"] == get.headers["Content-Type"], path
    for method in ("GET", "POST", "PUT", "OPTIONS", "DELETE"):
        reply = fetch(f"{live_server.url}/api/v1/no-such-route", method=method)
        assert reply.status == 404, method
        assert reply.json()["status"] == 404 and "No API route" in reply.json()["error"]


def test_a_transform_the_snapshot_does_not_offer_is_a_409(live_server):
    reply = fetch(
        f"{live_server.url}/api/v1/data?indicator={NET_MIGRATION}&transform=pct_gdp"
    )
    assert reply.status == 409
    assert reply.json() == {
        "error": reply.json()["error"], "status": 409,
    }
    assert (f"'pct_gdp' is not available for {NET_MIGRATION}; allowed: none, index, pct_change"
            in reply.json()["error"])


def test_base_alone_asks_for_an_index_and_other_transforms_leave_it_out(live_server):
    base_only = fetch(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES}&countries=MDA,MLI"
        "&start=2005&end=2020&base=2010"
    ).json()
    assert base_only["query"]["transform"] == "index" and base_only["query"]["base"] == 2010
    assert_same_numbers(
        pd.DataFrame(base_only["data"]),
        expected(REMITTANCES, ["MDA", "MLI"], 2005, 2020, transform="index", base=2010),
    )
    change = fetch(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES}&countries=MDA"
        "&transform=pct_change&base=2010"
    ).json()
    assert change["query"]["transform"] == "pct_change" and change["query"]["base"] is None
    assert_same_numbers(
        pd.DataFrame(change["data"]),
        series(REMITTANCES, ["MDA"], transform="pct_change").reset_index(drop=True),
    )


def test_index_without_base_or_start_gives_every_country_an_index(live_server):
    payload = fetch(
        f"{live_server.url}/api/v1/data?indicator={REMITTANCES}&transform=index"
    ).json()
    rows = pd.DataFrame(payload["data"])
    base = payload["query"]["base"]
    plain = series(REMITTANCES, PILOTS)
    assert base == int(plain.groupby("year")["country_code"].nunique().eq(4).idxmax())
    assert sorted(rows["country_code"].unique()) == sorted(PILOTS)
    assert rows.loc[rows["year"] == base, "value"].tolist() == [100.0] * 4
    assert payload["countries_without_data"] == []


def test_a_backwards_year_range_is_read_forwards(live_server):
    forwards = fetch(f"{live_server.url}/api/v1/data?indicator={REMITTANCES}&start=2000&end=2020")
    backwards = fetch(f"{live_server.url}/api/v1/data?indicator={REMITTANCES}&start=2020&end=2000")
    assert backwards.status == 200
    assert backwards.json()["data"] == forwards.json()["data"] != []
    assert backwards.json()["query"]["start"] == 2000 and backwards.json()["query"]["end"] == 2020


def test_openapi_enums_are_the_snapshot_vocabulary(live_server):
    """The document lists exactly the codes and years the API accepts, so a request valid by
    the document is answered (every diaspora year is tried)."""
    spec = fetch(f"{live_server.url}/api/v1/openapi.json").json()
    schemas = spec["components"]["schemas"]
    snap = get_snapshot()
    assert schemas["IndicatorCode"]["enum"] == sorted(snap.indicators["code"])
    assert schemas["CountryCode"]["enum"] == sorted(snap.countries["country_code"])
    params = {p["name"]: p for p in spec["paths"]["/api/v1/diaspora"]["get"]["parameters"]}
    years = params["year"]["schema"]["enum"]
    assert years == sorted(int(y) for y in snap.migrant_stock["year"].unique())
    for year in years:
        assert fetch(f"{live_server.url}/api/v1/diaspora?origin=JAM&year={year}").status == 200
    countries = {p["name"]: p for p in spec["paths"]["/api/v1/data"]["get"]["parameters"]}[
        "countries"]
    assert countries["schema"]["maxItems"] == 60 and countries["explode"] is False


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


# -- entity tags ------------------------------------------------------------------------------


def fetch_with(url: str, headers: dict[str, str], method: str = "GET") -> Reply:
    request = urllib.request.Request(url, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read())


def decoded(reply: Reply) -> bytes:
    encoding = reply.headers.get("Content-Encoding")
    if encoding == "gzip":
        return gzip.decompress(reply.body)
    if encoding == "br":
        return brotli.decompress(reply.body)
    return reply.body


@pytest.mark.parametrize("path", [
    "/api/v1/indicators",
    "/api/v1/countries",
    f"/api/v1/data?indicator={REMITTANCES}&countries=MDA,BGD",
    f"/api/v1/data?indicator={REMITTANCES}&countries=MDA,BGD&format=csv",
    "/api/v1/diaspora?origin=MDA",
    "/api/v1/openapi.json",
    "/api/v1/bulk.zip",
    "/healthz",
])
def test_answers_carry_an_etag_and_revalidate_with_304(live_server, path):
    url = live_server.url + path
    for encoding in ("identity", "gzip", "br"):
        first = fetch_with(url, {"Accept-Encoding": encoding})
        tag = first.headers["ETag"]
        assert first.status == 200 and re.fullmatch(r'"[0-9a-f]{32}(:gzip|:br)?"', tag), tag
        assert fetch_with(url, {"Accept-Encoding": encoding}).headers["ETag"] == tag
        again = fetch_with(url, {"Accept-Encoding": encoding, "If-None-Match": tag})
        assert again.status == 304 and again.body == b"", (path, encoding)
        assert again.headers["ETag"] == tag
        assert again.headers["Cache-Control"] == first.headers["Cache-Control"]
        other = fetch_with(url, {"Accept-Encoding": encoding, "If-None-Match": '"0000", "1111"'})
        # The same content (gzip stamps each compression with its time: compare it decoded).
        assert other.status == 200 and decoded(other) == decoded(first)


def test_different_answers_have_different_etags(live_server):
    base = f"{live_server.url}/api/v1/data?indicator={REMITTANCES}"
    tags = {fetch(f"{base}&countries={c}").headers["ETag"] for c in ("MDA", "BGD", "MDA,BGD")}
    assert len(tags) == 3
    one = fetch(f"{base}&countries=MDA").headers["ETag"]
    assert fetch_with(f"{base}&countries=BGD", {"If-None-Match": one}).status == 200


# -- links written into files -------------------------------------------------------------------

XLSX_QUERY = f"indicator={REMITTANCES}&countries=MDA,JAM&start=2000&end=2020&format=xlsx"


def file_links(url: str, host: str | None = None) -> dict[str, str]:
    """View URL, Exported from and citation of an XLSX download, asked with `host` as Host."""
    reply = fetch_with(url, {"Host": host} if host else {})
    assert reply.status == 200, reply.body[:200]
    book = openpyxl.load_workbook(io.BytesIO(reply.body))
    rows = {row[0]: row[1] for row in book[text.METADATA_SHEET].iter_rows(values_only=True)}
    return {key: rows[key] for key in
            (text.VIEW_URL_LABEL, text.APP_URL_LABEL, text.CITATION_LABEL)}


@pytest.fixture(scope="module")
def public_server(tmp_path_factory):
    from conftest import start_server

    server = start_server(tmp_path_factory.mktemp("public"), name="public",
                          env={"PUBLIC_URL": "https://dashboard.example.org/"})
    yield server
    server.stop()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example",
                                  "localhost@evil.example", "[::1]evil.example"])
def test_a_forged_host_never_reaches_a_file(live_server, host):
    data = file_links(f"{live_server.url}/api/v1/data?{XLSX_QUERY}", host)
    diaspora = file_links(f"{live_server.url}/api/v1/diaspora?origin=MDA&format=xlsx", host)
    for links in (data, diaspora):
        assert not any("evil" in value for value in links.values()), links
    # Without PUBLIC_URL, a Host outside ALLOWED_HOSTS gives relative links.
    assert data[text.APP_URL_LABEL] == "/"
    assert data[text.VIEW_URL_LABEL].startswith("/compare?indicator=")
    assert diaspora[text.VIEW_URL_LABEL] == (
        "/api/v1/diaspora?origin=MDA&year=2024&sex=total&format=xlsx")


def test_an_allowed_host_gives_absolute_links(live_server):
    links = file_links(f"{live_server.url}/api/v1/data?{XLSX_QUERY}")  # Host: 127.0.0.1:port
    assert links[text.APP_URL_LABEL] == live_server.url + "/"
    assert links[text.VIEW_URL_LABEL].startswith(live_server.url + "/compare?")
    local = file_links(f"{live_server.url}/api/v1/data?{XLSX_QUERY}",
                       f"localhost:{live_server.port}")
    assert local[text.APP_URL_LABEL] == f"http://localhost:{live_server.port}/"


@pytest.mark.parametrize("host", [None, "evil.example", "localhost"])
def test_public_url_is_used_whatever_the_host(public_server, host):
    data = file_links(f"{public_server.url}/api/v1/data?{XLSX_QUERY}", host)
    assert data[text.APP_URL_LABEL] == "https://dashboard.example.org/"
    view = urlsplit(data[text.VIEW_URL_LABEL])
    assert (view.scheme, view.netloc, view.path) == ("https", "dashboard.example.org", "/compare")
    assert parse_qs(view.query)["countries"] == ["MDA,JAM"]
    assert data[text.CITATION_LABEL].endswith(
        f"{data[text.VIEW_URL_LABEL]} (accessed {date.today().isoformat()}).")
    diaspora = file_links(f"{public_server.url}/api/v1/diaspora?origin=BGD&format=xlsx", host)
    assert diaspora[text.VIEW_URL_LABEL] == (
        "https://dashboard.example.org/api/v1/diaspora?origin=BGD&year=2024&sex=total&format=xlsx")


def test_the_largest_data_request_is_bounded(live_server):
    """60 countries (the most written out) over every year: one row per country and year at
    most, under 1 MiB in any format; every country and aggregate at once stays under 4 MiB."""
    snap = get_snapshot()
    codes = snap.countries.loc[~snap.countries["aggregate"].astype(bool), "country_code"].head(
        60).tolist()
    first, last = int(snap.values["year"].min()), int(snap.values["year"].max())
    base = f"{live_server.url}/api/v1/data?indicator=SP.POP.TOTL&countries={','.join(codes)}"
    for fmt in ("json", "csv", "xlsx"):
        reply = fetch(f"{base}&format={fmt}")
        assert reply.status == 200, fmt
        assert len(reply.body) < 1024 * 1024, (fmt, len(reply.body))
    rows = fetch(base).json()["data"]
    assert 0 < len(rows) <= 60 * (last - first + 1)
    everything = f"{live_server.url}/api/v1/data?indicator=SP.POP.TOTL&countries=all,aggregates"
    for fmt in ("json", "csv", "xlsx"):
        reply = fetch(f"{everything}&format={fmt}")
        assert reply.status == 200 and len(reply.body) < 4 * 1024 * 1024, (fmt, len(reply.body))
        assert len(reply.headers.get("X-Data-Notes", "")) < 1024


def test_each_reason_for_a_country_without_rows():
    """The reasons the data of this snapshot may not all show (api.gaps on small frames)."""
    from api.gaps import _reason

    def rows(*years: int, value: float = 1.0) -> pd.DataFrame:
        return pd.DataFrame({"year": list(years), "value": [value] * len(years)})

    none = rows()
    assert _reason(none, none, "none", None)[0] == "no_data"
    assert _reason(rows(2000, 2001), none, "pct_gdp", None) == ("no_denominator", (2000, 2001))
    assert _reason(rows(2000, 2001), none, "per_capita", None)[0] == "no_denominator"
    assert _reason(rows(2000, 2002), none, "pct_change", None)[0] == "no_consecutive_years"
    assert _reason(rows(2000, 2001), none, "index", 1999) == ("no_base_year_value",
                                                              (2000, 2001))
    assert _reason(rows(2000, value=0.0), none, "index", 2000)[0] == "zero_base_year_value"
    assert _reason(rows(2000), rows(2000), "none", None) == ("no_value_in_years", (2000, 2000))
