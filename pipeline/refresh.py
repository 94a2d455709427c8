"""Refresh the World Bank WDI raw files from the World Bank API and rebuild the snapshot.

    python -m pipeline.refresh [--base-url URL] [--raw-dir DIR] [--snapshot-dir DIR]
                               [--indicators CODE,...]

Steps: download every WDI series found under the WDI raw folders (all pages), validate it,
write a complete new raw tree into a staging folder beside the raw folder, build the snapshot
from it into a staging folder beside the snapshot folder, then swap the WDI folders,
`vintages.json` and the snapshot folder in by renames. Any failure leaves the old raw files
and snapshot as they were and exits with code 1 and a one-line message.

A full refresh (no --indicators) also downloads the country classification (region and
income group) from the API's country endpoint into `wb_country_metadata/countries.json`,
so that the classification and the WDI aggregates come from the same moment; the build
then takes region and income group from it, and the snapshot names its date.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import fcntl
import http.client
import json
import math
import os
import re
import shutil
import socket
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import catalogue as cat
from pipeline.sources import wb_countries
from pipeline.sources.vintages import API_VINTAGE_KIND, VINTAGES_FILE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = ROOT / "data" / "raw"
DEFAULT_SNAPSHOT_DIR = ROOT / "data" / "snapshot"
DEFAULT_BASE_URL = "https://api.worldbank.org"
BASE_URL_ENV = "WB_API_BASE"

# Raw folders holding one WDI series per `indicators/<lower-case code>/` folder.
WDI_FOLDERS = tuple(cat.WDI_SERIES)
WDI_SOURCE_ID = "2"  # the API's id of "World Development Indicators"

PILOT_COUNTRIES = ("MDA", "BGD", "JAM", "MLI")
MIN_ROW_SHARE = 0.5  # a new file with fewer than half the current rows has collapsed
CSV_HEADER = ("Country Name", "Country Code", "Year", "Value")
# Field description in the vendored datapackage.json files, kept word for word.
COUNTRY_CODE_DESCRIPTION = (
    "ISO 3-digit ISO code extended to include regional codes e.g. EUR, ARB etc"
)

USER_AGENT = "migration-dashboard-refresh/1.0 (World Bank WDI refresh; Python urllib)"
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
DEFAULT_PER_PAGE = 10000  # two or three pages per series (every economy, 1960 on)
RETRY_DELAY = 1.0  # seconds before the first retry; doubles each time
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})

YEAR = re.compile(r"^\d{4}$")
ISO3 = re.compile(r"^[A-Z0-9]{3}$")


class RefreshError(Exception):
    """A refresh failed; the message is meant for the person who ran it."""


# --- World Bank API client -------------------------------------------------------------


@dataclass
class ApiClient:
    """GETs JSON from the World Bank API v2 with a timeout and a bounded number of retries."""

    base_url: str
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    retry_delay: float = RETRY_DELAY
    requests: int = 0

    def get(self, path: str, params: dict[str, str | int], what: str) -> Any:
        url = f"{self.base_url.rstrip('/')}/{path}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
        )
        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    body = response.read()
                break
            except urllib.error.HTTPError as exc:
                problem = f"HTTP {exc.code} {exc.reason}"
                if exc.code not in RETRY_STATUS:
                    raise RefreshError(f"{what}: the API answered {problem} for {url}") from None
            except urllib.error.URLError as exc:
                problem = f"cannot reach the API ({_reason(exc.reason)})"
            except TimeoutError:
                problem = f"no answer within {self.timeout:g} s"
            except (http.client.HTTPException, ConnectionError) as exc:
                problem = f"the connection broke ({_reason(exc)})"
            if attempt < self.retries:
                time.sleep(self.retry_delay * 2**attempt)
        else:
            raise RefreshError(
                f"{what}: {problem} at {url} (gave up after {_attempts(self.retries + 1)})"
            )
        return _parse_json(body, what, url)


def _attempts(n: int) -> str:
    return "1 attempt" if n == 1 else f"{n} attempts"


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "host name not found"
    if isinstance(reason, TimeoutError):
        return "timed out"
    return str(reason) or type(reason).__name__


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _parse_json(body: bytes, what: str, url: str) -> Any:
    try:
        text = body.decode("utf-8-sig")  # the API sometimes starts with a byte-order mark
        payload = json.loads(text, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        start = body[:40].decode("utf-8", "replace").strip()
        raise RefreshError(
            f"{what}: the API sent malformed JSON from {url} ({exc}; body starts {start!r})"
        ) from None
    # Errors arrive as HTTP 200 with [{"message": [{"id", "key", "value"}]}].
    if isinstance(payload, list) and payload and isinstance(payload[0], dict):
        messages = payload[0].get("message")
        if messages:
            parts = [
": ".join(str(m[k]) for k in ("key", "value") if m.get(k))
                if isinstance(m, dict) else str(m)
                for m in (messages if isinstance(messages, list) else [messages])
            ]
            raise RefreshError(f"{what}: the API reported an error: {'; '.join(parts)}")
    return payload


# --- Download and validation -------------------------------------------------------------


@dataclass
class Row:
    name: str
    code: str
    year: int
    value: int | float


@dataclass
class Series:
    """One indicator as downloaded: metadata, rows with a value, and the API's update date."""

    code: str
    folder: str
    name: str
    definition: str
    topics: list[str]
    last_updated: str
    rows: list[Row]
    no_iso3: int = 0  # values of aggregates without an ISO3 code, left out like the CSVs do
    old_rows: int = 0


def _schema_error(code: str, where: str, change: str) -> RefreshError:
    return RefreshError(f"{code}: the API response format changed: {where} {change}")


def _as_int(value: object) -> int | None:
    """The API writes page counters as numbers or as digit strings."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _page_header(code: str, payload: Any, page: int) -> tuple[dict, list | None]:
    where = f"page {page}"
    if not isinstance(payload, list) or len(payload) != 2:
        size = f" of {len(payload)} items" if isinstance(payload, list) else ""
        raise _schema_error(
            code, where, f"is a {type(payload).__name__}{size}, expected [header, records]"
        )
    header, records = payload
    if not isinstance(header, dict):
        raise _schema_error(code, where, "has no header object")
    for key in ("page", "pages", "total"):
        if _as_int(header.get(key)) is None:
            raise _schema_error(code, f"{where} header", f"has no numeric '{key}'")
    if records is not None and not isinstance(records, list):
        raise _schema_error(code, where, "holds no list of records")
    return header, records


def fetch_metadata(client: ApiClient, code: str) -> tuple[str, str, list[str]]:
    """Name, definition and topics of one indicator from /v2/indicator/{code}."""
    payload = client.get(f"v2/indicator/{code}", {"format": "json"}, f"{code} metadata")
    _, records = _page_header(code, payload, 1)
    if not records:
        raise RefreshError(f"{code}: the API does not know this indicator")
    meta = records[0]
    if not isinstance(meta, dict):
        raise _schema_error(code, "indicator metadata", "is not an object")
    for key in ("id", "name", "sourceNote", "source"):
        if key not in meta:
            raise _schema_error(code, "indicator metadata", f"has no '{key}' field")
    if str(meta["id"]).upper() != code:
        raise RefreshError(f"{code}: the API answered with metadata for {meta['id']}")
    source = meta["source"]
    if not isinstance(source, dict) or str(source.get("id")) != WDI_SOURCE_ID:
        raise RefreshError(
            f"{code}: the API now lists this indicator under source {source!r}, "
            "not World Development Indicators"
        )
    if not isinstance(meta["name"], str) or not meta["name"].strip():
        raise _schema_error(code, "indicator metadata", "has an empty 'name'")
    topics = [
        t["value"] for t in meta.get("topics") or []
        if isinstance(t, dict) and isinstance(t.get("value"), str)
    ]
    return meta["name"], str(meta["sourceNote"] or ""), topics


def _parse_record(code: str, record: Any, where: str) -> Row | str:
    """A Row, or the reason the record is skipped ("null" or "no-iso3")."""
    if not isinstance(record, dict):
        raise _schema_error(code, where, "is not an object")
    for key in ("indicator", "country", "countryiso3code", "date", "value"):
        if key not in record:
            raise _schema_error(code, where, f"has no '{key}' field")
    indicator, country = record["indicator"], record["country"]
    if not isinstance(indicator, dict) or str(indicator.get("id", "")).upper() != code:
        raise _schema_error(code, where, f"names indicator {indicator!r}")
    if not isinstance(country, dict) or not isinstance(country.get("value"), str):
        raise _schema_error(code, where, f"has country {country!r}, expected {{id, value}}")
    value = record["value"]
    if value is None:
        return "null"
    iso3 = record["countryiso3code"]
    if not isinstance(iso3, str):
        raise _schema_error(code, where, f"has countryiso3code {iso3!r}")
    if iso3 == "":
        return "no-iso3"
    if not ISO3.match(iso3):
        raise _schema_error(code, where, f"has countryiso3code {iso3!r}, expected 3 letters")
    date = record["date"]
    if not isinstance(date, str) or not YEAR.match(date):
        raise _schema_error(code, where, f"has date {date!r}, expected a year like '2024'")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RefreshError(f"{code}: {where} has a non-numeric value {value!r} ({iso3} {date})")
    return Row(country["value"], iso3, int(date), value)


def fetch_series(client: ApiClient, code: str, folder: str, per_page: int) -> Series:
    """Every page of /v2/country/all/indicator/{code}, checked record by record."""
    name, definition, topics = fetch_metadata(client, code)
    rows: list[Row] = []
    skipped = {"null": 0, "no-iso3": 0}
    page, pages, total, seen, last_updated = 1, 1, 0, 0, ""
    while page <= pages:
        payload = client.get(
            f"v2/country/all/indicator/{code}",
            {"format": "json", "per_page": per_page, "page": page},
            f"{code} data page {page}",
        )
        header, records = _page_header(code, payload, page)
        if page == 1:
            pages, total = _as_int(header["pages"]), _as_int(header["total"])
            if total == 0:
                raise RefreshError(f"{code}: the API returned no data for this indicator")
            last_updated = header.get("lastupdated")
            if not isinstance(last_updated, str) or not _is_date(last_updated):
                raise _schema_error(code, "page 1 header", f"has lastupdated {last_updated!r}")
            if str(header.get("sourceid", WDI_SOURCE_ID)) != WDI_SOURCE_ID:
                raise RefreshError(f"{code}: the API serves it from source {header['sourceid']}")
        elif (_as_int(header["pages"]), header.get("lastupdated")) != (pages, last_updated):
            raise RefreshError(f"{code}: the data changed on the server during the download")
        if _as_int(header["page"]) != page:
            raise _schema_error(code, f"page {page}", f"says it is page {header['page']}")
        for i, record in enumerate(records or []):
            parsed = _parse_record(code, record, f"record {i + 1} on page {page}")
            if isinstance(parsed, Row):
                rows.append(parsed)
            else:
                skipped[parsed] += 1
        seen += len(records or [])
        page += 1
    if seen != total:
        raise RefreshError(f"{code}: the API announced {total} records but sent {seen}")
    if not rows:
        raise RefreshError(f"{code}: the API returned no values")
    return Series(code, folder, name, definition, topics, last_updated, rows,
                  no_iso3=skipped["no-iso3"])


COUNTRY_FIELDS = ("id", "name", "region", "incomeLevel")


def fetch_countries(client: ApiClient, per_page: int) -> list[dict]:
    """Every record of /v2/country (all pages), checked: id, name, region and income level
    on each, every pilot country present, aggregates marked as the API marks them."""
    what = "country classification"
    records: list[dict] = []
    page, pages, total = 1, 1, 0
    while page <= pages:
        payload = client.get("v2/country", {"format": "json", "per_page": per_page,
                                            "page": page}, f"{what} page {page}")
        header, items = _page_header("countries", payload, page)
        if page == 1:
            pages, total = _as_int(header["pages"]), _as_int(header["total"])
        for item in items or []:
            if not isinstance(item, dict) or any(k not in item for k in COUNTRY_FIELDS):
                raise _schema_error("countries", f"page {page}",
                                    f"has a record without {', '.join(COUNTRY_FIELDS)}")
            for key in ("region", "incomeLevel"):
                if not isinstance(item[key], dict) or "value" not in item[key]:
                    raise _schema_error("countries", f"record {item.get('id')!r}",
                                        f"has {key} {item[key]!r}")
            records.append({k: item[k] for k in COUNTRY_FIELDS})
        page += 1
    if len(records) != total:
        raise RefreshError(f"{what}: the API announced {total} records but sent {len(records)}")
    codes = {str(r["id"]).upper() for r in records}
    missing = [c for c in PILOT_COUNTRIES if c not in codes]
    if missing:
        raise RefreshError(f"{what}: the download has no {', '.join(missing)}")
    if not any(r["region"].get("value") == wb_countries.AGGREGATES for r in records):
        raise RefreshError(f"{what}: no record is marked as an aggregate")
    return sorted(records, key=lambda r: str(r["id"]))


def country_vintage(retrieved: str, base_url: str) -> dict:
    """vintages.json entry of the country classification."""
    api = f"{base_url.rstrip('/')}/v2/country"
    return {
        "vintage": retrieved,
        "release": f"{wb_countries.RELEASE_PREFIX}{retrieved}",
        "vintage_kind": "date the classification was downloaded from the World Bank API",
        "determined_by": f"Downloaded from {api} on {retrieved} by python -m pipeline.refresh, "
        "together with every WDI series (the API gives the current classification and no "
        "date of its own).",
    }


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def read_current_rows(path: Path) -> list[tuple[str, int]]:
    """(country code, year) of every row in a vendored data.csv; [] when there is none."""
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return [(r["Country Code"], int(r["Year"])) for r in csv.DictReader(fh)]


def validate(series: Series, current: list[tuple[str, int]], max_year: int) -> None:
    """Coverage checks against the file the series will replace."""
    code = series.code
    keys = [(r.code, r.year) for r in series.rows]
    twice = [key for key, n in Counter(keys).items() if n > 1]
    if twice:
        raise RefreshError(f"{code}: the API sent {twice[0][0]} {twice[0][1]} more than once")
    years = [r.year for r in series.rows]
    if min(years) < 1900 or max(years) > max_year:
        raise RefreshError(f"{code}: implausible years {min(years)}-{max(years)} in the download")
    countries = {r.code for r in series.rows}
    had = {c for c, _ in current}
    missing = [c for c in PILOT_COUNTRIES if c in had and c not in countries]
    if missing:
        raise RefreshError(
            f"{code}: the download has no values for {', '.join(missing)} "
            "(present in the current file); refusing a truncated series"
        )
    series.old_rows = len(current)
    if len(keys) < MIN_ROW_SHARE * len(current):
        raise RefreshError(
            f"{code}: the download has {len(keys)} values, fewer than half of the "
            f"{len(current)} in the current file"
        )


# --- Writing the raw files ---------------------------------------------------------------


def _format_value(value: int | float) -> str:
    return str(value) if isinstance(value, int) else repr(value)


def write_series(series: Series, indicator_dir: Path, old_package: dict | None) -> None:
    """data.csv, datapackage.json and README.md in the layout of the vendored files."""
    indicator_dir.mkdir(parents=True, exist_ok=True)
    with (indicator_dir / "data.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)  # "\r\n" line ends and minimal quoting, like the vendored files
        writer.writerow(CSV_HEADER)
        for row in sorted(series.rows, key=lambda r: (r.code, r.year)):
            writer.writerow((row.name, row.code, row.year, _format_value(row.value)))
    package = datapackage(series, old_package)
    (indicator_dir / "datapackage.json").write_text(
        json.dumps(package, indent=2), encoding="utf-8"
    )
    (indicator_dir / "README.md").write_text(series.definition, encoding="utf-8")


def datapackage(series: Series, old: dict | None) -> dict:
    """The vendored datapackage.json with title, definition and topics from the API.

    The licence is kept from the vendored file: the API's metadata does not carry one.
    """
    lower = series.code.lower()
    fields = [
        {"name": "Country Name", "type": "string", "description": "Country or Region name"},
        {"name": "Country Code", "type": "string", "description": COUNTRY_CODE_DESCRIPTION},
        {"name": "Year", "type": "year", "description": "Year"},
        {"name": "Value", "type": "number", "description": series.definition},
    ]
    return {
        "title": series.name,
        "name": lower,
        "worldbank": {"indicator": lower},
        "readme": series.definition,
        "licenses": (old or {}).get("licenses") or [{"name": "CC-BY-4.0"}],
        "keywords": series.topics,
        "resources": [{
            "name": "data", "title": "Indicator data", "path": "data.csv", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "schema": {"fields": fields},
        }],
    }


def update_vintages(
    vintages: dict, downloaded: Sequence[Series], available: dict[str, str], retrieved: str,
    base_url: str,
) -> dict:
    """vintages.json with the WDI entries updated for the downloaded series.

    Each series gets `indicators[CODE] = {lastupdated, retrieved}` (its own release, see
    pipeline.sources.vintages). A folder whose every series was downloaded is dated by the
    API's `lastupdated` and gets `retrieved`/`retrieved_from`; after a partial refresh the
    folder keeps its old date and only the downloaded series carry the new one.
    """
    updated = json.loads(json.dumps(vintages))
    api = f"{base_url.rstrip('/')}/v2"
    for folder in WDI_FOLDERS:
        series = [s for s in downloaded if s.folder == folder]
        if not series:
            continue
        entry = dict(updated.get(folder) or {})
        indicators = dict(entry.get("indicators") or {})
        for s in series:
            indicators[s.code] = {"lastupdated": s.last_updated, "retrieved": retrieved}
        whole = {s.code for s in series} == {c for c, f in available.items() if f == folder}
        if whole:
            latest = max(s.last_updated for s in series)
            entry.pop("release", None)  # named from lastupdated by the build
            entry["vintage_kind"] = API_VINTAGE_KIND
            indicators = {c: v for c, v in indicators.items() if c in available}
            entry.update(
                vintage=latest,
                lastupdated=latest,
                retrieved=retrieved,
                retrieved_from=api,
                determined_by=(
                    f"Header field lastupdated of the World Bank API ({api}), per series under "
                    f"indicators; downloaded on {retrieved} by python -m pipeline.refresh."
                ),
            )
        entry["indicators"] = dict(sorted(indicators.items()))
        updated[folder] = entry
    return updated


# --- Staging and swap --------------------------------------------------------------------


def present_indicators(raw_dir: Path) -> dict[str, str]:
    """Upper-case code -> WDI folder, from the folder names under the WDI raw folders."""
    found: dict[str, str] = {}
    for folder in WDI_FOLDERS:
        base = raw_dir / folder / "indicators"
        if base.is_dir():
            for child in sorted(base.iterdir()):
                if child.is_dir() and (child / "data.csv").exists():
                    found[child.name.upper()] = folder
    return found


def refreshable_indicators(raw_dir: Path) -> dict[str, str]:
    """Present series the build reads. Others (the 2018 refugee files) stay as vendored."""
    present = present_indicators(raw_dir)
    if not present:
        raise RefreshError(f"no WDI series found under {raw_dir} ({', '.join(WDI_FOLDERS)})")
    return {c: f for c, f in present.items() if c in cat.WDI_SERIES[f]}


def choose_indicators(available: dict[str, str], requested: Iterable[str] | None) -> dict[str, str]:
    if requested is None:
        return dict(available)
    codes = list(dict.fromkeys(c.strip().upper() for c in requested if c.strip()))
    if not codes:
        raise RefreshError("--indicators names no indicator")
    unknown = [c for c in codes if c not in available]
    if unknown:
        raise RefreshError(
            f"cannot refresh {', '.join(unknown)}: the build reads only "
            f"{', '.join(sorted(available))}"
        )
    return {c: available[c] for c in codes}


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def swap_in(pairs: Sequence[tuple[Path, Path]], backup_dirs: dict[Path, Path]) -> None:
    """Move each new path onto its target by renames; on any failure put every target back.

    `backup_dirs` maps a target's parent folder to a folder on the same filesystem where the
    old version waits until every rename has succeeded.
    """
    done: list[tuple[Path, Path | None]] = []
    try:
        for target, new in pairs:
            backup = None
            if target.exists() or target.is_symlink():
                backup = backup_dirs[target.parent] / target.name
                os.rename(target, backup)
            done.append((target, backup))
            os.rename(new, target)
    except BaseException:
        for target, backup in reversed(done):
            if target.exists() or target.is_symlink():
                _remove(target)
            if backup is not None:
                os.rename(backup, target)
        raise


@dataclass
class Report:
    series: list[Series] = field(default_factory=list)
    retrieved: str = ""
    requests: int = 0
    seconds: float = 0.0
    countries: int = 0  # records of the country classification downloaded (full refresh)


def refresh(
    raw_dir: Path = DEFAULT_RAW_DIR,
    snapshot_dir: Path = DEFAULT_SNAPSHOT_DIR,
    base_url: str = DEFAULT_BASE_URL,
    indicators: Iterable[str] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    per_page: int = DEFAULT_PER_PAGE,
    retry_delay: float = RETRY_DELAY,
) -> Report:
    """Download, validate, rebuild and swap in; raises RefreshError with nothing changed."""
    raw_dir, snapshot_dir = Path(raw_dir).resolve(), Path(snapshot_dir).resolve()
    if not raw_dir.is_dir():
        raise RefreshError(f"raw data folder {raw_dir} does not exist")
    with _exclusive(raw_dir):
        return _refresh(raw_dir, snapshot_dir, base_url, indicators, timeout=timeout,
                        retries=retries, per_page=per_page, retry_delay=retry_delay)


@contextmanager
def _exclusive(raw_dir: Path) -> Iterator[None]:
    """One refresh at a time per raw folder: a lock on the folder itself, no lock file."""
    fd = os.open(raw_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RefreshError(f"another refresh of {raw_dir} is running") from None
        yield
    finally:
        os.close(fd)


def _refresh(
    raw_dir: Path,
    snapshot_dir: Path,
    base_url: str,
    indicators: Iterable[str] | None,
    *,
    timeout: float,
    retries: int,
    per_page: int,
    retry_delay: float,
) -> Report:
    started = time.monotonic()
    available = refreshable_indicators(raw_dir)
    chosen = choose_indicators(available, indicators)
    vintages = _read_json(raw_dir / VINTAGES_FILE) or {}
    client = ApiClient(base_url, timeout=timeout, retries=retries, retry_delay=retry_delay)
    today = dt.datetime.now(dt.UTC).date()
    downloaded = []
    for code, folder in chosen.items():
        series = fetch_series(client, code, folder, per_page)
        current = raw_dir / folder / "indicators" / code.lower() / "data.csv"
        validate(series, read_current_rows(current), max_year=today.year + 1)
        downloaded.append(series)
    vintages = update_vintages(vintages, downloaded, available, today.isoformat(), base_url)
    # The classification only with every series: region names then match the aggregates.
    countries = fetch_countries(client, per_page) if indicators is None else None
    if countries is not None:
        vintages[wb_countries.FOLDER] = country_vintage(today.isoformat(), base_url)
    try:
        _stage_build_swap(raw_dir, snapshot_dir, downloaded, vintages, countries)
    except OSError as exc:
        raise RefreshError(f"writing the new files failed: {exc}") from exc
    return Report(downloaded, today.isoformat(), client.requests, time.monotonic() - started,
                  len(countries or []))


def _stage_build_swap(
    raw_dir: Path, snapshot_dir: Path, downloaded: Sequence[Series], vintages: dict,
    countries: list[dict] | None = None,
) -> None:
    """New raw tree and snapshot in staging folders beside the old ones, then the swap."""
    from pipeline.build import build  # the build pulls in every source reader; load it late

    raw_stage = Path(tempfile.mkdtemp(prefix=f".{raw_dir.name}-refresh-", dir=raw_dir.parent))
    snap_stage = Path(
        tempfile.mkdtemp(prefix=f".{snapshot_dir.name}-refresh-", dir=snapshot_dir.parent)
    )
    try:
        new_raw = raw_stage / raw_dir.name
        shutil.copytree(raw_dir, new_raw, symlinks=True)
        for series in downloaded:
            indicator_dir = new_raw / series.folder / "indicators" / series.code.lower()
            old_package = _read_json(indicator_dir / "datapackage.json")
            _remove(indicator_dir)
            write_series(series, indicator_dir, old_package)
        if countries is not None:
            folder = new_raw / wb_countries.FOLDER
            _remove(folder)
            folder.mkdir()
            (folder / wb_countries.FILENAME).write_text(
                json.dumps(countries, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (new_raw / VINTAGES_FILE).write_text(
            json.dumps(vintages, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        new_snapshot = snap_stage / snapshot_dir.name
        try:
            build(new_raw, new_snapshot)
        except Exception as exc:  # any build failure is reported; the old files stay
            raise RefreshError(
                f"rebuilding the snapshot from the download failed ({type(exc).__name__}: {exc})"
            ) from exc
        check_snapshot(new_snapshot, vintages, downloaded)

        folders = sorted({s.folder for s in downloaded}
                         | ({wb_countries.FOLDER} if countries is not None else set()))
        pairs = [(raw_dir / f, new_raw / f) for f in folders]
        pairs += [(raw_dir / VINTAGES_FILE, new_raw / VINTAGES_FILE), (snapshot_dir, new_snapshot)]
        backup_dirs = {raw_dir: raw_stage / "backup", snapshot_dir.parent: snap_stage / "backup"}
        for backup in backup_dirs.values():
            backup.mkdir()
        try:
            swap_in(pairs, backup_dirs)
        except OSError as exc:
            raise RefreshError(
                f"swapping in the new files failed, old files restored: {exc}"
            ) from exc
    finally:
        shutil.rmtree(raw_stage, ignore_errors=True)
        shutil.rmtree(snap_stage, ignore_errors=True)


def check_snapshot(snapshot: Path, vintages: dict, downloaded: Sequence[Series]) -> None:
    """The rebuilt snapshot must carry the new vintages (vintage.json and the catalogue)
    and the downloaded series before it replaces the old one."""
    import pandas as pd

    record = _read_json(snapshot / "vintage.json") or {}
    for folder in sorted({s.folder for s in downloaded}):
        expected = vintages[folder]["vintage"]
        found = (record.get("sources") or {}).get(folder)
        if found != expected:
            raise RefreshError(
                f"the rebuilt snapshot records vintage {found!r} for {folder}, not {expected!r}"
            )
    catalogue = pd.read_parquet(snapshot / "indicators.parquet", columns=["code", "vintage"])
    recorded = dict(zip(catalogue["code"], catalogue["vintage"], strict=True))
    codes = set(pd.read_parquet(snapshot / "indicator_values.parquet",
                                columns=["indicator_code"])["indicator_code"].unique())
    for s in downloaded:
        if recorded.get(s.code) != s.last_updated or s.code not in codes:
            raise RefreshError(
                f"the rebuilt snapshot lacks {s.code} or its vintage {s.last_updated} "
                f"(catalogue says {recorded.get(s.code)!r})"
            )


def _read_json(path: Path) -> dict | None:
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RefreshError(f"cannot read {path}: {exc}") from None


# --- Command line ------------------------------------------------------------------------


def summary(report: Report, base_url: str, raw_dir: Path, snapshot_dir: Path) -> str:
    dates = sorted({s.last_updated for s in report.series})
    lines = [
        f"Refreshed {len(report.series)} WDI series from {base_url.rstrip('/')}/v2 "
        f"(API last updated {', '.join(dates)}; retrieved {report.retrieved}; "
        f"{report.requests} requests, {report.seconds:.1f} s).",
    ]
    for s in report.series:
        latest = max(r.year for r in s.rows)
        plural = "" if s.no_iso3 == 1 else "s"
        left_out = (
            f"; {s.no_iso3} value{plural} of aggregates without an ISO3 code left out"
            if s.no_iso3 else ""
        )
        lines.append(
            f"  {s.code:<20} {s.old_rows:>6} -> {len(s.rows):>6} values, "
            f"latest year {latest}{left_out}"
        )
    if report.countries:
        lines.append(f"  country classification: {report.countries} economies and aggregates "
                     "(region, income group)")
    lines.append(f"Raw files: {raw_dir}  Snapshot: {snapshot_dir}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.refresh",
        description="Download the WDI series from the World Bank API, rebuild the snapshot "
        "and swap both in; on any failure nothing changes.",
    )
    parser.add_argument("--base-url", default=os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL,
                        help=f"API base URL (env {BASE_URL_ENV}; default {DEFAULT_BASE_URL})")
    parser.add_argument("--raw-dir", type=Path, default=DEFAULT_RAW_DIR)
    parser.add_argument("--snapshot-dir", type=Path, default=DEFAULT_SNAPSHOT_DIR)
    parser.add_argument("--indicators", help="comma-separated WDI codes (default: all present)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds per request (default %(default)s)")
    parser.add_argument("--retries", type=int, default=DEFAULT_RETRIES,
                        help="retries after a network or 5xx error (default %(default)s)")
    parser.add_argument("--per-page", type=int, default=DEFAULT_PER_PAGE,
                        help="records per API page (default %(default)s)")
    args = parser.parse_args(argv)
    if args.retries < 0 or args.per_page < 1 or args.timeout <= 0:
        parser.error("--retries must be >= 0, --per-page >= 1 and --timeout > 0")
    indicators = args.indicators.split(",") if args.indicators is not None else None
    try:
        report = refresh(args.raw_dir, args.snapshot_dir, args.base_url, indicators,
                         timeout=args.timeout, retries=args.retries, per_page=args.per_page)
    except RefreshError as exc:
        print(f"refresh failed: {exc}. The raw files and snapshot were not changed.",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("refresh interrupted. The raw files and snapshot were not changed.", file=sys.stderr)
        return 1
    print(summary(report, args.base_url, args.raw_dir, args.snapshot_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
