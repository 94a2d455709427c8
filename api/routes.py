"""The researcher-facing HTTP API (/api/v1/...), the bulk download and /healthz."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import date
from urllib.parse import urlencode

import pandas as pd
from flask import Blueprint, Response, current_app, redirect, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.routing import RequestRedirect

from api import gaps, params
from api.docs_page import docs_html
from api.errors import ApiError, error_response, register_error_handlers
from api.openapi import BULK_PATH, openapi_document
from exports import (
    ExportContext,
    citation,
    content_disposition,
    csv_bytes,
    json_records,
    safe_filename,
    schema,
    snapshot_zip,
    xlsx_bytes,
)
from exports.metadata import (
    CHART_TABLE,
    indicator_entry,
    plain_scalar,
    table_entry,
    with_transform,
)
from query import SnapshotError, allowed_transforms, get_snapshot, indicator_meta, series
from query.transforms import TRANSFORMS
from serving.errors import is_api_path
from serving.etags import body_etag
from serving.urls import absolute_url
from state.compare import MAX_COUNTRIES as MAX_COMPARED
from state.compare import CompareState, snapshot_vocabulary, to_query
from text import downloads as text

blueprint = Blueprint("api", __name__)
register_error_handlers(blueprint)

DATA_PARAMS = ("indicator", "countries", "start", "end", "format", "transform", "base")
DIASPORA_PARAMS = ("origin", "year", "sex", "format")
SEXES = ("total", "male", "female")
DATA_COLUMNS = schema.columns()
# Emigrants by destination: the tidy rows of the profile's destinations chart.
DIASPORA_EXTRA = ("origin_code", "sex")
DIASPORA_TABLE = "migrant_stock"
NOTES_HEADER = "X-Data-Notes"
# What an answer says about a series: the catalogue's fields (public names) with the publisher
# and data set the citation names.
INDICATOR_KEYS = (
    "indicator_code", "name", "short_name", "topic", "unit", "unit_short", "definition",
    "source", "source_id", "publisher", "dataset", "source_url", "licence", "vintage", "release",
    "formula", "transforms", "population_basis", "status_rule", "last_year", "age_note",
    "age_detail", "vintage_kind", "vintage_note",
)
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
CATALOGUE_CACHE = "public, max-age=3600"
# Every API route answers GET (and so HEAD); OPTIONS lists them. Nothing else is allowed.
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
NOT_FOUND_ENDPOINT = "api.api_not_found"


# -- per-snapshot caches --------------------------------------------------------------------

_cache_lock = threading.Lock()
_cache: dict[str, tuple[object, object]] = {}


def cached(name: str, build: Callable[[object], object]) -> object:
    """`build(snapshot)` computed once per loaded snapshot (loaded once per process)."""
    snap = get_snapshot()
    with _cache_lock:
        hit = _cache.get(name)
        if hit is not None and hit[0] is snap:
            return hit[1]
    value = build(snap)
    with _cache_lock:
        _cache[name] = (snap, value)
    return value


def _json_bytes(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _records(name: str, frame: pd.DataFrame) -> list[dict[str, object]]:
    """A snapshot table's rows with public column names and JSON-safe values."""
    return [{key: plain_scalar(value) for key, value in row.items()}
            for row in schema.public_table(name, frame).to_dict(orient="records")]


def _catalogue(snap: object) -> dict[str, object]:
    indicators = _records("indicators", snap.indicators)
    return {"vintage": _vintage(snap), "count": len(indicators), "indicators": indicators}


def _countries(snap: object) -> dict[str, object]:
    countries = _records("countries", snap.countries)
    return {"count": len(countries), "countries": countries}


def _vintage(snap: object) -> dict[str, object]:
    return dict(snap.vintage)


def _known_countries(snap: object) -> frozenset[str]:
    return frozenset(snap.countries["country_code"])


def _pilots(snap: object) -> list[str]:
    frame = snap.countries
    return frame.loc[frame["pilot"].astype(bool), "country_code"].tolist()


def _country_groups(snap: object) -> dict[str, list[str]]:
    """What `countries=all` and `countries=aggregates` stand for, in the order of
    /api/v1/countries."""
    frame = snap.countries
    aggregate = frame["aggregate"].astype(bool)
    return {"all": frame.loc[~aggregate, "country_code"].tolist(),
            "aggregates": frame.loc[aggregate, "country_code"].tolist()}


def _stock_years(snap: object) -> list[int]:
    return sorted(int(year) for year in snap.migrant_stock["year"].unique())


def _country_names(snap: object) -> dict[str, str]:
    frame = snap.countries
    return dict(zip(frame["country_code"], frame["name"], strict=True))


def _indicator_codes(snap: object) -> dict[str, str]:
    return {code.upper(): code for code in snap.indicators["code"]}


def _json_response(payload: bytes, cache: str | None = None) -> Response:
    response = Response(payload, mimetype="application/json")
    if cache:
        response.headers["Cache-Control"] = cache
    return response


def _file_response(payload: bytes, fmt: str, filename: str) -> Response:
    response = Response(payload, content_type=MEDIA_TYPES[fmt])
    response.headers["Content-Disposition"] = content_disposition(filename)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# -- routes ---------------------------------------------------------------------------------


@blueprint.get("/api")
@blueprint.get("/api/")
def api_root() -> Response:
    return redirect("/api/v1/", code=302)


@blueprint.get("/api/v1")
@blueprint.get("/api/v1/")
def api_docs() -> Response:
    return Response(docs_html(openapi_document()), mimetype="text/html")


@blueprint.get("/api/v1/openapi.json")
def api_openapi() -> Response:
    return _json_response(_json_bytes(openapi_document()), CATALOGUE_CACHE)


@blueprint.get("/api/v1/indicators")
def api_indicators() -> Response:
    params.check_known(request.args, ())
    return _json_response(cached("indicators", lambda s: _json_bytes(_catalogue(s))))


@blueprint.get("/api/v1/countries")
def api_countries() -> Response:
    params.check_known(request.args, ())
    return _json_response(cached("countries", lambda s: _json_bytes(_countries(s))))


@blueprint.get("/api/v1/data")
def api_data() -> Response:
    args = request.args
    params.check_known(args, DATA_PARAMS)
    snap = get_snapshot()
    wanted = params.required(
        args, "indicator", "an indicator code from /api/v1/indicators, e.g. SM.POP.NETM."
    )
    code = cached("indicator_codes", _indicator_codes).get(wanted.upper())
    if code is None:
        raise ApiError(
            f"Unknown indicator '{params.show(wanted)}'. "
            "The indicator codes are listed at /api/v1/indicators."
        )
    countries = params.country_codes(
        args, "countries", cached("known_countries", _known_countries), cached("pilots", _pilots),
        cached("country_groups", _country_groups),
    )
    start, end = params.year_range(args)
    fmt = params.choice(args, "format", params.FORMATS, "json")
    base = params.year(args, "base")
    # A base year alone asks for an index; with another transform it has no meaning and is
    # left out (as on the comparison page).
    default_transform = "index" if base is not None else "none"
    transform = params.choice(args, "transform", TRANSFORMS, default_transform)
    allowed = allowed_transforms(code)
    if transform not in allowed:
        # Valid on its own, but this snapshot has no such series: 409, not 400.
        raise ApiError(
            f"Transform '{transform}' is not available for {code}; allowed: "
            f"{', '.join(allowed)}. per_capita and pct_gdp are offered only where the values, "
            "population and GDP come from one data release (see 'transforms' at "
            "/api/v1/indicators).",
            409,
        )
    if transform == "index":
        if base is None:
            base = start if start is not None else common_first_year(code, countries)
    else:
        base = None

    described = with_transform(indicator_entry(code, indicator_meta, snap.sources),
                               transform, base)
    frame = series(code, countries, start=start, end=end, transform=transform, base=base)
    rows = schema.tidy(frame.assign(indicator_code=code, unit=described["unit"]))
    with_data = set(rows["country_code"])
    vocab = snapshot_vocabulary()
    notes = gaps.reasons(
        code, [c for c in countries if c not in with_data], start=start, end=end,
        transform=transform, base=base, names=cached("country_names", _country_names),
        first_year=vocab.first_year, last_year=vocab.last_year)
    if len(countries) <= MAX_COMPARED:
        view_url = compare_url(code, countries, start, end, transform, base)
    else:  # more than the comparison page shows: the link is this request itself
        view_url = data_url(code, params.country_words(args, "countries"), start, end,
                            transform, base, fmt)
    today = date.today()
    if fmt == "json":
        payload = {
            "indicator": {key: value for key, value in described.items()
                          if key in INDICATOR_KEYS},
            "vintage": described.get("vintage"),
            "snapshot": _vintage(snap).get("snapshot"),
            "query": {
                "indicator": code, "countries": countries, "start": start, "end": end,
                "transform": transform, "base": base,
            },
            "citation": citation([described], today, view_url),
            "countries_without_data": [item["country_code"] for item in notes],
            "notes": notes,
            "data": json_records(rows),
        }
        return _json_response(_json_bytes(payload))
    places = "-".join(countries) if len(countries) <= 8 else f"{len(countries)}-countries"
    filename = safe_filename(
        code,
        places,
        f"{start or 'first'}-{end or 'last'}",
        *([transform] if transform != "none" else []),
        *([f"base{base}"] if transform == "index" else []),
        extension=fmt,
    )
    if fmt == "csv":
        response = _file_response(csv_bytes(rows), fmt, filename)
    else:
        context = ExportContext(
            app_url=absolute_url("/"),
            view_url=view_url,
            transform=transform,
            base=base,
            snapshot=str(_vintage(snap).get("snapshot", "")),
            exported_on=today,
            notes=tuple(item["message"] for item in notes),
        )
        response = _file_response(xlsx_bytes(rows, [described], context), fmt, filename)
    if notes:
        response.headers[NOTES_HEADER] = gaps.header_value(notes)
    return response


def common_first_year(code: str, countries: list[str]) -> int:
    """The default index base: the first year in which every one of the countries has a
    value (so each gets an index), else the first year any of them has one."""
    years = series(code, countries)[["country_code", "year"]].drop_duplicates()
    if years.empty:
        return snapshot_vocabulary().first_year
    per_year = years.groupby("year")["country_code"].nunique()
    everyone = per_year[per_year == years["country_code"].nunique()]
    return int(everyone.index.min() if not everyone.empty else per_year.index.min())


def compare_url(
    code: str, countries: list[str], start: int | None, end: int | None, transform: str,
    base: int | None,
) -> str:
    """The link to the comparison page showing the same view, in the page's own canonical URL
    form, on the configured public address (never the request's Host). Cited, so the same
    view cited from its chart gives the same text."""
    vocab = snapshot_vocabulary()
    view = CompareState(
        indicator=code,
        countries=tuple(countries),
        start=start if start is not None else vocab.first_year,
        end=end if end is not None else vocab.last_year,
        transform=transform,
        base=base,
    )
    return absolute_url("/compare" + to_query(view))


def data_url(code: str, countries: list[str], start: int | None, end: int | None,
             transform: str, base: int | None, fmt: str) -> str:
    """The link to this /api/v1/data request in its canonical form (countries as written,
    e.g. "all"), on the configured public address."""
    values = {"indicator": code, "countries": ",".join(countries), "start": start, "end": end,
              "transform": None if transform == "none" else transform, "base": base,
              "format": None if fmt == "json" else fmt}
    query = urlencode({k: v for k, v in values.items() if v is not None}, safe=",")
    return absolute_url(f"/api/v1/data?{query}")


@blueprint.get("/api/v1/diaspora")
def api_diaspora() -> Response:
    args = request.args
    params.check_known(args, DIASPORA_PARAMS)
    snap = get_snapshot()
    stock = snap.migrant_stock
    origin = params.country_code(args, "origin", cached("known_countries", _known_countries))
    years = cached("stock_years", _stock_years)
    year = params.single(args, "year")
    chosen = years[-1] if year is None else params.whole_number(year, "year")
    if chosen not in years:
        raise ApiError(
            f"No UN DESA migrant stock estimate for {chosen}. "
            f"Available years: {', '.join(str(y) for y in years)}."
        )
    sex = params.choice(args, "sex", SEXES, "total")
    fmt = params.choice(args, "format", params.FORMATS, "json")

    mask = (stock["origin_code"] == origin) & (stock["year"] == chosen) & (stock["sex"] == sex)
    found = stock.loc[mask].sort_values(["value", "destination_code"], ascending=[False, True])
    names = cached("country_names", _country_names)
    rows = schema.tidy(pd.DataFrame({
        "country_code": found["destination_code"],
        "country_name": found["destination_code"].map(names),
        "indicator_code": DIASPORA_TABLE,
        "year": found["year"],
        "origin_code": origin,
        "sex": found["sex"],
        "value": found["value"],
        "unit": text.DIASPORA_UNIT,
    }), DIASPORA_EXTRA)
    # Rows of the source's table as published, described as a series of their own.
    source = {key: value for key, value in table_entry(DIASPORA_TABLE, snap.sources).items()
              if key != CHART_TABLE}
    meta = {
        **source,
        "name": text.DIASPORA_NAME.format(origin=names.get(origin, origin), year=chosen, sex=sex),
        "definition": text.DIASPORA_DEFINITION,
        "unit": text.DIASPORA_UNIT,
    }
    query = f"origin={origin}&year={chosen}&sex={sex}&format={fmt}"
    view_url = absolute_url(f"/api/v1/diaspora?{query}")
    today = date.today()
    if fmt == "json":
        payload = {
            "origin": {"country_code": origin, "country_name": names.get(origin, origin)},
            "year": chosen,
            "sex": sex,
            "metadata": {key: value for key, value in meta.items() if key in INDICATOR_KEYS},
            "source": meta["source"],
            "licence": meta["licence"],
            "vintage": meta["vintage"],
            "citation": citation([meta], today, view_url),
            "total": float(found["value"].sum()),
            "data": json_records(rows),
        }
        return _json_response(_json_bytes(payload))
    filename = safe_filename("diaspora", origin, str(chosen), sex, extension=fmt)
    if fmt == "csv":
        return _file_response(csv_bytes(rows), fmt, filename)
    context = ExportContext(
        app_url=absolute_url("/"),
        view_url=view_url,
        snapshot=str(_vintage(snap).get("snapshot", "")),
        exported_on=today,
    )
    return _file_response(xlsx_bytes(rows, [meta], context), fmt, filename)


@blueprint.get(BULK_PATH)
def api_bulk() -> Response:
    params.check_known(request.args, ())
    snapshot = str(_vintage(get_snapshot()).get("snapshot", "snapshot"))
    name = safe_filename("migration-dashboard-data", snapshot, extension="zip")
    response = _file_response(snapshot_zip(), "zip", name)
    response.headers["Cache-Control"] = CATALOGUE_CACHE
    # The ZIP is built once per snapshot; so is its tag (serving.etags answers If-None-Match).
    response.set_etag(cached("bulk_etag", lambda snap: body_etag(snapshot_zip(snap))))
    return response


@blueprint.get("/healthz")
def healthz() -> Response:
    try:
        vintage = _vintage(get_snapshot())
    except SnapshotError as error:
        payload = {"status": "error", "error": str(error)}
        return Response(_json_bytes(payload), status=503, mimetype="application/json")
    return _json_response(_json_bytes({"status": "ok", "vintage": vintage}))


@blueprint.get("/api/<path:rest>", provide_automatic_options=False)
def api_not_found(rest: str = "") -> Response:
    """JSON for paths the API does not have (Dash would answer with its page)."""
    raise ApiError(
        f"No API route at {params.show(request.path, 60)}. The routes are listed at /api/v1/.",
        404,
    )


def api_endpoint(path: str) -> str | None:
    """The API route at `path` (as GET would reach it), or None if the API has none there."""
    try:
        endpoint, _ = current_app.url_map.bind("").match(path, method="GET")
    except (HTTPException, RequestRedirect):
        return None
    if not endpoint.startswith("api.") or endpoint == NOT_FOUND_ENDPOINT:
        return None
    return endpoint


@blueprint.before_app_request
def api_routing_errors() -> Response | None:
    """A method a route does not have gets 405 with `Allow`; any method on a path the API does
    not have gets 404; both as the API's JSON errors."""
    if not is_api_path(request.path):
        return None
    failed = request.routing_exception
    if isinstance(failed, RequestRedirect):
        return None
    known = api_endpoint(request.path) is not None
    if not known and (failed is not None or request.endpoint == NOT_FOUND_ENDPOINT
                      or not (request.endpoint or "").startswith("api.")):
        return error_response(
            f"No API route at {params.show(request.path, 60)}. "
            "The routes are listed at /api/v1/.",
            404,
        )
    if known and isinstance(failed, MethodNotAllowed):
        response = error_response(
            f"Method {params.show(request.method, 20)} is not allowed here; use GET.", 405
        )
        response.headers["Allow"] = ", ".join(ALLOWED_METHODS)
        return response
    return None
