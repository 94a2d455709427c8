"""A World Bank API v2 stand-in: a real HTTP server on 127.0.0.1 serving API-shaped JSON.

It answers the three endpoints the refresh uses, with the API's paging:

    GET /v2/country/all/indicator/{CODE}?format=json&per_page=N&page=P
    GET /v2/indicator/{CODE}?format=json
    GET /v2/country?format=json&per_page=N&page=P      (the country classification)

Series are built from the vendored WDI files (`fixture_from_raw`), so no number is typed in.
`Fault`s make one indicator's answers fail the ways the real service can.
"""

from __future__ import annotations

import csv
import json
import math
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

INVALID_VALUE = [
    {
        "message": [
            {
                "id": "120",
                "key": "Invalid value",
                "value": "The provided parameter value is not valid",
            }
        ]
    }
]


@dataclass
class IndicatorFixture:
    code: str
    name: str
    source_note: str
    topics: list[str]
    last_updated: str
    records: list[dict]
    source_id: str = "2"


@dataclass
class Fault:
    """How one indicator's answers go wrong. `times` = how many requests fail (None: all)."""

    status: int = 200
    body: bytes | None = None
    delay: float = 0.0
    times: int | None = None
    page: int | None = None  # only this data page (None: every page)
    metadata: bool = False  # the metadata request fails instead of the data pages


@dataclass
class Request:
    path: str
    query: dict[str, str]
    user_agent: str


def _number(text: str) -> int | float:
    return float(text) if any(c in text for c in ".eE") else int(text)


def api_record(code: str, name: str, country: str, iso3: str, year: int, value: object) -> dict:
    return {
        "indicator": {"id": code, "value": name},
        # The vendored files hold no 2-letter API ids; the refresh does not read them.
        "country": {"id": iso3[:2], "value": country},
        "countryiso3code": iso3,
        "date": str(year),
        "value": value,
        "unit": "",
        "obs_status": "",
        "decimal": 0,
    }


def fixture_from_raw(indicator_dir: Path, last_updated: str) -> IndicatorFixture:
    """The API's view of one vendored series: its rows, a null for each country's year after
    its last value (the API lists empty years), and one aggregate without an ISO3 code."""
    package = json.loads((indicator_dir / "datapackage.json").read_text(encoding="utf-8"))
    code, name = indicator_dir.name.upper(), package["title"]
    with (indicator_dir / "data.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    records, last = [], {}
    for row in rows:
        iso3, year = row["Country Code"], int(row["Year"])
        records.append(
            api_record(code, name, row["Country Name"], iso3, year, _number(row["Value"]))
        )
        last[iso3] = (row["Country Name"], max(year, last.get(iso3, ("", 0))[1]))
    for iso3, (country, year) in last.items():
        records.append(api_record(code, name, country, iso3, year + 1, None))
    first = records[0]
    records.append(
        api_record(code, name, "Aggregate without an ISO3 code", "", 2000, first["value"])
    )
    # The API lists countries in order, newest year first.
    records.sort(key=lambda r: (r["countryiso3code"], -int(r["date"])))
    return IndicatorFixture(
        code=code,
        name=name,
        source_note=package["readme"],
        topics=list(package.get("keywords", [])),
        last_updated=last_updated,
        records=records,
    )


def countries_from_raw(raw_dir: Path, regions: dict[str, str] | None = None) -> list[dict]:
    """The API's country records, from the vendored WDI Excel metadata (names, region,
    income group; aggregates have region "Aggregates"). `regions` overrides the region of
    some codes (a newer classification)."""
    from pipeline.sources import wdi_xls

    meta = wdi_xls.read_country_metadata(raw_dir, "personal-remittances-paid.xls")
    records = []
    for row in meta.itertuples(index=False):
        region = "Aggregates" if row.aggregate else (regions or {}).get(
            row.country_code, row.region)
        income = "Aggregates" if row.aggregate else (
            row.income_group if isinstance(row.income_group, str) else "Not classified")
        records.append({
            "id": row.country_code, "iso2Code": "", "name": row.table_name,
            "region": {"id": "", "iso2code": "", "value": region},
            "adminregion": {"id": "", "iso2code": "", "value": ""},
            "incomeLevel": {"id": "", "iso2code": "", "value": income},
            "lendingType": {"id": "", "iso2code": "", "value": ""},
            "capitalCity": "", "longitude": "", "latitude": "",
        })
    return records


@dataclass
class WbApiStub:
    fixtures: dict[str, IndicatorFixture]
    faults: dict[str, Fault] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    countries: list[dict] | None = None  # /v2/country records; None: the endpoint errs

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _fault_for(self, code: str, metadata: bool, page: int) -> Fault | None:
        with self._lock:
            fault = self.faults.get(code)
            if fault is None or fault.metadata != metadata:
                return None
            if not metadata and fault.page not in (None, page):
                return None
            if fault.times is not None:
                if fault.times <= 0:
                    return None
                fault.times -= 1
            return fault

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, bytes]:
        parts = [p for p in path.split("/") if p]
        if query.get("format") != "json":
            return 200, b'<?xml version="1.0" encoding="utf-8"?><wb:error/>'
        if parts == ["v2", "country"]:
            return self._countries(int(query.get("per_page", "50")), int(query.get("page", "1")))
        if parts[:4] == ["v2", "country", "all", "indicator"] and len(parts) == 5:
            metadata = False
        elif parts[:2] == ["v2", "indicator"] and len(parts) == 3:
            metadata = True
        else:
            return 404, b"Not found"
        code = parts[-1].upper()
        page = int(query.get("page", "1"))
        fault = self._fault_for(code, metadata, page)
        if fault is not None:
            time.sleep(fault.delay)
            if fault.status != 200 or fault.body is not None:
                return fault.status, fault.body or b"Internal Server Error"
        fixture = self.fixtures.get(code)
        if fixture is None:
            return 200, json.dumps(INVALID_VALUE).encode()
        if metadata:
            return 200, json.dumps(self._metadata(fixture)).encode()
        return 200, json.dumps(self._page(fixture, int(query.get("per_page", "50")), page)).encode()

    def _countries(self, per_page: int, page: int) -> tuple[int, bytes]:
        fault = self._fault_for("COUNTRIES", False, page)
        if fault is not None and (fault.status != 200 or fault.body is not None):
            return fault.status, fault.body or b"Internal Server Error"
        if self.countries is None:
            return 200, json.dumps(INVALID_VALUE).encode()
        total = len(self.countries)
        pages = max(1, math.ceil(total / per_page))
        header = {"page": page, "pages": pages, "per_page": str(per_page), "total": total}
        start = (page - 1) * per_page
        return 200, json.dumps([header, self.countries[start:start + per_page] or None]).encode()

    @staticmethod
    def _metadata(fixture: IndicatorFixture) -> list:
        header = {"page": 1, "pages": 1, "per_page": "50", "total": 1}  # the API's string
        return [header, [{
            "id": fixture.code,
            "name": fixture.name,
            "unit": "",
            "source": {"id": fixture.source_id, "value": "World Development Indicators"},
            "sourceNote": fixture.source_note,
            "sourceOrganization": "World Bank",
            "topics": [{"id": str(i + 1), "value": t} for i, t in enumerate(fixture.topics)],
        }]]

    @staticmethod
    def _page(fixture: IndicatorFixture, per_page: int, page: int) -> list:
        total = len(fixture.records)
        pages = max(1, math.ceil(total / per_page))
        header = {
            "page": page,
            "pages": pages,
            "per_page": per_page,
            "total": total,
            "sourceid": fixture.source_id,
            "sourceName": "World Development Indicators",
            "lastupdated": fixture.last_updated,
        }
        start = (page - 1) * per_page
        return [header, fixture.records[start:start + per_page] or None]


def _handler(stub: WbApiStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            url = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(url.query).items()}
            with stub._lock:
                stub.requests.append(Request(url.path, query, self.headers.get("User-Agent", "")))
            status, body = stub.answer(url.path, query)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler
