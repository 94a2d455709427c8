"""`python -m pipeline.refresh` against a World Bank API stand-in on 127.0.0.1.

Each test runs the command on a copy of data/raw and data/snapshot. A refresh that fails
must exit 1 with a one-line message and leave both folders byte for byte as they were.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from conftest import free_port
from wb_api_stub import INVALID_VALUE, Fault, WbApiStub, countries_from_raw, fixture_from_raw

from pipeline.refresh import (
    USER_AGENT,
    Series,
    refreshable_indicators,
    swap_in,
    update_vintages,
)

ROOT = Path(__file__).resolve().parent.parent
REMITTANCES = "BX.TRF.PWKR.CD.DT"
NEW_RELEASE_DATE = "2026-11-14"
COMMAND_TIMEOUT = 120


@dataclasses.dataclass
class Workspace:
    data: Path

    @property
    def raw(self) -> Path:
        return self.data / "raw"

    @property
    def snapshot(self) -> Path:
        return self.data / "snapshot"

    def digest(self) -> dict[str, str]:
        """sha256 of every file (and a marker for every folder) under raw/ and snapshot/."""
        out = {}
        for top in (self.raw, self.snapshot):
            for path in sorted(top.rglob("*")):
                rel = str(path.relative_to(self.data))
                out[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        return out


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the committed raw files and snapshot; tests copy it again."""
    data = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(ROOT / "data" / "raw", data / "raw")
    shutil.copytree(ROOT / "data" / "snapshot", data / "snapshot")
    return data


@pytest.fixture(scope="module")
def api_fixtures(pristine: Path) -> dict:
    """API-shaped records of every refreshable series, from the vendored files."""
    return {
        code: fixture_from_raw(
            pristine / "raw" / folder / "indicators" / code.lower(), NEW_RELEASE_DATE
        )
        for code, folder in refreshable_indicators(pristine / "raw").items()
    }


@pytest.fixture
def workspace(tmp_path: Path, pristine: Path) -> Workspace:
    shutil.copytree(pristine, tmp_path / "data")
    return Workspace(tmp_path / "data")


@pytest.fixture
def stub(api_fixtures: dict) -> Iterator[WbApiStub]:
    server = WbApiStub(dict(api_fixtures))
    yield server
    server.stop()


def run_refresh(
    ws: Workspace, base_url: str | None, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pipeline.refresh", "--raw-dir", str(ws.raw),
               "--snapshot-dir", str(ws.snapshot), "--timeout", "5", *args]
    if base_url is not None:
        command += ["--base-url", base_url]
    environment = {k: v for k, v in os.environ.items() if k != "WB_API_BASE"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                          timeout=COMMAND_TIMEOUT, env={**environment, **(env or {})})


def with_records(stub: WbApiStub, code: str, change) -> None:
    """Serve `code` with each record passed through `change` (None drops the record)."""
    fixture = stub.fixtures[code]
    records = [change(dict(r)) for r in fixture.records]
    stub.fixtures[code] = dataclasses.replace(
        fixture, records=[r for r in records if r is not None]
    )


def snapshot_value(snapshot: Path, code: str, country: str, year: int) -> float:
    values = pd.read_parquet(snapshot / "indicator_values.parquet")
    hit = values[(values.indicator_code == code) & (values.country_code == country)
                 & (values.year == year)]
    assert len(hit) == 1
    return float(hit["value"].iloc[0])


def raw_value(raw: Path, code: str, country: str, year: int) -> str:
    csv_path = raw / "wdi_datasets" / "indicators" / code.lower() / "data.csv"
    data = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    hit = data[(data["Country Code"] == country) & (data["Year"] == str(year))]
    assert len(hit) == 1
    return hit["Value"].iloc[0]


def aggregate_name(raw: Path, code: str) -> str:
    """The name the vendored WDI population file gives an aggregate code."""
    data = pd.read_csv(raw / "wdi_datasets" / "indicators" / "sp.pop.totl" / "data.csv",
                       dtype=str, keep_default_na=False)
    return data.loc[data["Country Code"] == code, "Country Name"].iloc[0]


def bump(record: dict, country: str, year: str, add: float) -> dict:
    if record["countryiso3code"] == country and record["date"] == year:
        record["value"] = record["value"] + add
    return record


@dataclasses.dataclass
class FullRefresh:
    ws: Workspace
    result: subprocess.CompletedProcess
    requests: list
    base_url: str
    old_mda: float
    untouched: dict[str, str]


@pytest.fixture(scope="module")
def full_refresh(tmp_path_factory, pristine, api_fixtures) -> Iterator[FullRefresh]:
    """One full refresh (the build is slow): a new release date, one changed value and a
    503 on the first page of remittances, served in pages of 5,000 records."""
    ws = Workspace(tmp_path_factory.mktemp("full") / "data")
    shutil.copytree(pristine, ws.data)
    old_mda = float(raw_value(ws.raw, REMITTANCES, "MDA", 2024))
    untouched = {k: v for k, v in ws.digest().items()
                 if not k.startswith(("raw/wdi_datasets", "raw/vintages", "snapshot"))
                 or ".refg" in k}
    server = WbApiStub(dict(api_fixtures))
    # The classification of the aggregates' release: Afghanistan and Pakistan in the region
    # whose name the vendored 2026 WDI files give the aggregate MEA.
    server.countries = countries_from_raw(
        ws.raw, {code: aggregate_name(ws.raw, "MEA") for code in ("AFG", "PAK")})
    try:
        with_records(server, REMITTANCES, lambda r: bump(r, "MDA", "2024", 12345.0))
        server.faults[REMITTANCES] = Fault(status=503, times=1, page=1)
        result = run_refresh(ws, server.url, "--per-page", "5000", "--retries", "2")
    finally:
        server.stop()
    yield FullRefresh(ws, result, server.requests, server.url, old_mda, untouched)


def test_full_refresh_succeeds_with_a_summary(full_refresh):
    result = full_refresh.result
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Refreshed 16 WDI series" in result.stdout and NEW_RELEASE_DATE in result.stdout
    assert "BX.TRF.PWKR.CD.DT" in result.stdout and "SM.POP.REFG" not in result.stdout
    # The stand-in serves one aggregate without an ISO3 code per series, as the API does.
    assert result.stdout.count("1 value of aggregates without an ISO3 code left out") == 16


def test_full_refresh_puts_the_new_value_in_raw_files_and_snapshot(full_refresh):
    ws, new = full_refresh.ws, full_refresh.old_mda + 12345.0
    assert float(raw_value(ws.raw, REMITTANCES, "MDA", 2024)) == new
    assert snapshot_value(ws.snapshot, REMITTANCES, "MDA", 2024) == new


def test_full_refresh_writes_the_vendored_layout(full_refresh, pristine):
    """Unchanged series come back byte for byte: layout, quoting, number format, metadata."""
    for code, folder in refreshable_indicators(full_refresh.ws.raw).items():
        for name in ("data.csv", "datapackage.json", "README.md"):
            rel = Path("raw", folder, "indicators", code.lower(), name)
            if code != REMITTANCES or name != "data.csv":
                new, old = (full_refresh.ws.data / rel).read_bytes(), (pristine / rel).read_bytes()
                assert new == old, rel


def test_full_refresh_leaves_other_sources_alone_and_cleans_up(full_refresh):
    ws = full_refresh.ws
    digest = ws.digest()
    assert {k: digest.get(k) for k in full_refresh.untouched} == full_refresh.untouched
    assert sorted(os.listdir(ws.data)) == ["raw", "snapshot"]


def test_full_refresh_records_the_vintage_everywhere(full_refresh):
    ws, today = full_refresh.ws, dt.datetime.now(dt.UTC).date().isoformat()
    vintages = json.loads((ws.raw / "vintages.json").read_text())
    for folder in ("wdi_datasets", "wdi_datasets_labour"):
        assert vintages[folder]["vintage"] == NEW_RELEASE_DATE
        assert vintages[folder]["retrieved"] == today
        assert vintages[folder]["retrieved_from"] == f"{full_refresh.base_url}/v2"
    assert vintages["wdi_datasets"]["indicators"][REMITTANCES] == {
        "lastupdated": NEW_RELEASE_DATE, "retrieved": today}
    record = json.loads((ws.snapshot / "vintage.json").read_text())
    assert record["sources"]["wdi_datasets"] == NEW_RELEASE_DATE
    assert record["sources"]["wdi_datasets_labour"] == NEW_RELEASE_DATE
    catalogue = pd.read_parquet(ws.snapshot / "indicators.parquet").set_index("code")
    for code in refreshable_indicators(ws.raw):
        assert catalogue.loc[code, "vintage"] == NEW_RELEASE_DATE, code
        assert catalogue.loc[code, "release"] == f"wdi-{NEW_RELEASE_DATE}", code
    # One release for the series, population and GDP: the ratios stay available.
    assert "pct_gdp" in catalogue.loc[REMITTANCES, "transforms"]
    sources = pd.read_parquet(ws.snapshot / "sources.parquet").set_index("source_id")
    assert sources.loc["wdi_datasets", "vintage"] == NEW_RELEASE_DATE
    assert today in sources.loc["wdi_datasets", "vintage_note"]


def test_full_refresh_takes_the_classification_of_the_aggregates_release(full_refresh):
    ws, today = full_refresh.ws, dt.datetime.now(dt.UTC).date().isoformat()
    region = aggregate_name(ws.raw, "MEA")
    assert region == "Middle East, North Africa, Afghanistan & Pakistan"
    records = json.loads((ws.raw / "wb_country_metadata" / "countries.json").read_text())
    assert {r["id"]: r["region"]["value"] for r in records}["AFG"] == region
    countries = pd.read_parquet(ws.snapshot / "countries.parquet").set_index("country_code")
    assert countries.loc["AFG", "region"] == region
    assert countries.loc["AFG", "classification_release"] == f"wb-countries-{today}"
    assert countries.loc["MEA", "aggregate"] and not countries.loc["AFG", "aggregate"]
    vintages = json.loads((ws.raw / "vintages.json").read_text())
    assert vintages["wb_country_metadata"]["vintage"] == today
    sources = pd.read_parquet(ws.snapshot / "sources.parquet").set_index("source_id")
    assert sources.loc["wb_country_metadata", "tables"] == "countries"
    assert "country classification" in full_refresh.result.stdout


def test_full_refresh_stops_when_the_classification_cannot_be_had(workspace, stub):
    before = workspace.digest()
    result = run_refresh(workspace, stub.url, "--retries", "0")  # stub.countries is None
    assert result.returncode == 1
    assert "country classification" in result.stderr and "Invalid value" in result.stderr
    assert workspace.digest() == before


def test_full_refresh_follows_pages_retries_and_names_itself(full_refresh):
    data_path = f"/v2/country/all/indicator/{REMITTANCES}"
    pages = [r.query["page"] for r in full_refresh.requests if r.path == data_path]
    assert pages == ["1", "1", "2"]  # a 503, its retry, then page 2
    assert {r.user_agent for r in full_refresh.requests} == {USER_AGENT}


def test_partial_refresh_dates_only_the_downloaded_series(pristine):
    """After a partial refresh the folder keeps its date; the series carries its own."""
    vintages = json.loads((pristine / "raw" / "vintages.json").read_text())
    available = refreshable_indicators(pristine / "raw")
    series = Series("SL.UEM.1524.FE.ZS", "wdi_datasets_labour", "name", "definition", [],
                    NEW_RELEASE_DATE, [])
    updated = update_vintages(vintages, [series], available, "2026-11-20", "http://x")
    labour = updated["wdi_datasets_labour"]
    assert labour["vintage"] == vintages["wdi_datasets_labour"]["vintage"]
    assert "retrieved" not in labour and "lastupdated" not in labour
    assert labour["indicators"] == {
        "SL.UEM.1524.FE.ZS": {"lastupdated": NEW_RELEASE_DATE, "retrieved": "2026-11-20"}}
    assert {k: v for k, v in updated.items() if k != "wdi_datasets_labour"} == {
        k: v for k, v in vintages.items() if k != "wdi_datasets_labour"}


def bad_value(record: dict) -> dict:
    if record["countryiso3code"] == "BGD" and record["value"] is not None:
        record["value"] = str(record["value"])
    return record


def drop_iso3_field(record: dict) -> dict:
    record.pop("countryiso3code")
    return record


def quarterly_dates(record: dict) -> dict:
    record["date"] = record["date"] + "Q1"
    return record


FAILURES = {
    # name: (how the stub misbehaves, words the message must contain)
    "http-500": (lambda s: s.faults.update({REMITTANCES: Fault(status=500)}),
                 ["HTTP 500", REMITTANCES, "gave up after 1 attempt"]),
    "not-found-404": (lambda s: s.faults.update({REMITTANCES: Fault(status=404)}),
                      ["HTTP 404", REMITTANCES]),
    "malformed-json": (
        lambda s: s.faults.update({REMITTANCES: Fault(body=b'[{"page":1,"pages":1,"per_')}),
        ["malformed JSON", REMITTANCES]),
    "xml-instead-of-json": (
        lambda s: s.faults.update({REMITTANCES: Fault(body=b"<?xml version='1.0'?><wb:data/>")}),
        ["malformed JSON", "<?xml"]),
    "api-error-message": (
        lambda s: s.faults.update({REMITTANCES: Fault(body=json.dumps(INVALID_VALUE).encode())}),
        ["the API reported an error: Invalid value: The provided parameter value is not valid"]),
    "metadata-error": (
        lambda s: s.faults.update({REMITTANCES: Fault(status=500, metadata=True)}),
        ["metadata", "HTTP 500"]),
    "schema-missing-field": (lambda s: with_records(s, REMITTANCES, drop_iso3_field),
                             ["format changed", "no 'countryiso3code' field", REMITTANCES]),
    "schema-not-a-pair": (
        lambda s: s.faults.update({REMITTANCES: Fault(body=b'{"page": 1, "data": []}')}),
        ["format changed", "expected [header, records]"]),
    "schema-quarterly-dates": (lambda s: with_records(s, REMITTANCES, quarterly_dates),
                               ["format changed", "Q1", "expected a year"]),
    "non-numeric-value": (lambda s: with_records(s, REMITTANCES, bad_value),
                          ["non-numeric value", "BGD"]),
    "missing-pilot-country": (
        lambda s: with_records(s, REMITTANCES,
                               lambda r: None if r["countryiso3code"] == "MLI" else r),
        ["no values for MLI", "truncated"]),
    "collapsed-row-count": (
        lambda s: with_records(s, REMITTANCES, lambda r: r if r["countryiso3code"] in
                               {"MDA", "BGD", "JAM", "MLI"} else None),
        ["fewer than half"]),
    "unknown-indicator": (lambda s: s.fixtures.pop(REMITTANCES), ["Invalid value"]),
    "no-data": (lambda s: with_records(s, REMITTANCES, lambda r: None),
                ["the API returned no data for this indicator"]),
    "timeout": (lambda s: s.faults.update({REMITTANCES: Fault(delay=3, status=500)}),
                ["no answer within 1 s"]),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_failed_refresh_changes_nothing(workspace, stub, failure):
    spoil, words = FAILURES[failure]
    spoil(stub)
    before = workspace.digest()

    result = run_refresh(workspace, stub.url, "--indicators", REMITTANCES, "--retries", "0",
                         *(["--timeout", "1"] if failure == "timeout" else []))

    assert result.returncode == 1
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith("refresh failed:") and "were not changed" in message
    for word in words:
        assert word in message, (word, message)
    assert workspace.digest() == before
    assert sorted(os.listdir(workspace.data)) == ["raw", "snapshot"]


def test_unreachable_server_changes_nothing(workspace):
    before = workspace.digest()
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    # The URL comes from the environment here, as an unattended job would set it.
    result = run_refresh(workspace, None, "--retries", "1", env={"WB_API_BASE": url})
    assert result.returncode == 1
    assert "cannot reach the API (connection refused)" in result.stderr
    assert url in result.stderr and "gave up after 2 attempts" in result.stderr
    assert workspace.digest() == before


def test_build_failure_after_valid_download_changes_nothing(workspace, stub):
    """A valid download, but the build stops on a corrupt record of another source."""
    vintages_path = workspace.raw / "vintages.json"
    vintages = json.loads(vintages_path.read_text())
    del vintages["unhcr_stepladder"]["vintage"]
    vintages_path.write_text(json.dumps(vintages, indent=2))
    before = workspace.digest()
    result = run_refresh(workspace, stub.url, "--indicators", REMITTANCES)
    assert result.returncode == 1
    assert "rebuilding the snapshot from the download failed (KeyError" in result.stderr
    assert workspace.digest() == before
    assert sorted(os.listdir(workspace.data)) == ["raw", "snapshot"]
    assert len([r for r in stub.requests if r.path.endswith(REMITTANCES)]) == 2


def test_concurrent_refresh_is_refused(workspace, stub):
    """While one refresh holds the raw folder, another one stops at once."""
    before = workspace.digest()
    fd = os.open(workspace.raw, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_refresh(workspace, stub.url, "--indicators", REMITTANCES)
    finally:
        os.close(fd)
    assert result.returncode == 1
    assert "another refresh of" in result.stderr and "is running" in result.stderr
    assert stub.requests == []
    assert workspace.digest() == before


@pytest.mark.parametrize(
    ("codes", "words"),
    [("SM.POP.REFG", ["cannot refresh SM.POP.REFG", "the build reads only"]),
     ("XX.NOT.REAL", ["cannot refresh XX.NOT.REAL"]),
     (" , ", ["names no indicator"])],
)
def test_indicators_outside_the_build_are_refused(workspace, codes, words):
    before = workspace.digest()
    result = run_refresh(workspace, "http://127.0.0.1:9", "--indicators", codes)
    assert result.returncode == 1
    for word in words:
        assert word in result.stderr
    assert workspace.digest() == before


def test_default_base_url_is_the_world_bank():
    result = subprocess.run([sys.executable, "-m", "pipeline.refresh", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "https://api.worldbank.org" in result.stdout and "WB_API_BASE" in result.stdout


def test_swap_restores_every_target_when_a_later_rename_fails(tmp_path):
    """The second rename fails (its new folder is missing): the first target is put back."""
    targets = [tmp_path / "live" / name for name in ("a", "b")]
    for target in targets:
        target.mkdir(parents=True)
        (target / "data.csv").write_text(f"old {target.name}")
    new_a = tmp_path / "stage" / "a"
    new_a.mkdir(parents=True)
    (new_a / "data.csv").write_text("new a")
    backup = tmp_path / "backup"
    backup.mkdir()

    with pytest.raises(FileNotFoundError):
        swap_in([(targets[0], new_a), (targets[1], tmp_path / "stage" / "b")],
                {tmp_path / "live": backup})

    assert [(t / "data.csv").read_text() for t in targets] == ["old a", "old b"]
    assert list(backup.iterdir()) == []

