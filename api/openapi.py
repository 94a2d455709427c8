"""The OpenAPI 3.1 description of the API; the human page at /api/v1/ is rendered from it."""

from __future__ import annotations

from functools import cache

from api.gaps import HEADER_COUNTRIES
from api.params import COUNTRY_GROUPS, FORMATS, MAX_COUNTRIES, MAX_YEAR, MIN_YEAR
from exports import schema
from query.transforms import TRANSFORMS
from text import downloads as text

BULK_PATH = "/api/v1/bulk.zip"

_ERROR = {"$ref": "#/components/responses/BadRequest"}
_CONFLICT = {"$ref": "#/components/responses/Conflict"}
_COUNTRY = {"$ref": "#/components/schemas/CountryCode"}
# Every 200 answer carries an entity tag; send it back in If-None-Match to get 304.
_ETAG = {
    "ETag": {
        "description": "Tag of this answer; send it in If-None-Match to get 304 Not Modified "
        "while the answer is unchanged.",
        "schema": {"type": "string"},
    }
}
_FORMAT = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "json (default), csv (header and rows only) or xlsx (data and metadata sheets).",
    "schema": {"type": "string", "enum": list(FORMATS), "default": "json"},
}


def _file_content(schema_ref: str) -> dict[str, object]:
    return {
        "application/json": {"schema": {"$ref": schema_ref}},
        "text/csv": {"schema": {"type": "string"}},
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
            "schema": {"type": "string", "contentMediaType": "application/octet-stream"}
        },
    }


def _vocabulary() -> tuple[list[str], list[str], list[int]]:
    """Indicator codes, country codes and migrant-stock years of the loaded snapshot."""
    from query import get_snapshot

    snap = get_snapshot()
    return (
        sorted(str(code) for code in snap.indicators["code"]),
        sorted(str(code) for code in snap.countries["country_code"]),
        sorted(int(year) for year in snap.migrant_stock["year"].unique()),
    )


@cache
def openapi_document() -> dict[str, object]:
    indicator_codes, country_codes, stock_years = _vocabulary()
    document = _document(indicator_codes, country_codes, stock_years)
    for operations in document["paths"].values():  # type: ignore[union-attr]
        for operation in operations.values():
            ok = operation["responses"].get("200")
            if ok is not None:
                ok["headers"] = {**_ETAG, **ok.get("headers", {})}
            for parameter in operation.get("parameters", []):
                if not parameter.get("required"):
                    # `format=` is read as if the parameter were left out.
                    parameter["allowEmptyValue"] = True
                    parameter["description"] += " An empty value is the same as none."
    return document


def _document(
    indicator_codes: list[str], country_codes: list[str], stock_years: list[int]
) -> dict[str, object]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{text.APP_NAME} API",
            "version": "1.0.0",
            "description": (
                "Read-only access to the dashboard's data snapshot: the indicator catalogue, "
                "countries, indicator series, diaspora by destination and the full snapshot as "
                "a ZIP. Every response carries the source, licence and vintage. Errors are JSON "
                '{"error": "...", "status": N}: 400 (bad input), 404 (no such route), 405 '
                "(a method other than GET, HEAD or OPTIONS; the Allow header lists those), 409 "
                "(a transform this snapshot does not offer for the indicator) or 413 (a request "
                "body over the size limit). Answers carry an ETag: send it back in "
                "If-None-Match to get 304 Not Modified while nothing changed. Every table of "
                "values (/api/v1/data, /api/v1/diaspora, a chart's CSV or XLSX and "
                "indicator_values.csv in /api/v1/bulk.zip) has the same tidy columns: "
                f"{', '.join(schema.COLUMNS)} (see the DataRow schema). "
                + text.TIDY_EXTRA_COLUMNS
            ),
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/v1/indicators": {
                "get": {
                    "summary": "Indicator catalogue",
                    "description": "Every indicator with its name, unit, topic, definition, "
                    "source, source URL, licence, vintage and allowed transforms.",
                    "operationId": "listIndicators",
                    "responses": {
                        "200": {
                            "description": "The catalogue.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Catalogue"}
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/countries": {
                "get": {
                    "summary": "Countries and aggregates",
                    "description": "ISO3 code, name, UN M49 code, region, income group, "
                    "whether it is a pilot country and whether it is an aggregate.",
                    "operationId": "listCountries",
                    "responses": {
                        "200": {
                            "description": "All countries and aggregates.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/CountryList"}
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/data": {
                "get": {
                    "summary": "One indicator for some countries",
                    "description": "Tidy rows (" + ", ".join(schema.COLUMNS) + "), one per "
                    "country and year with a value; a year without a value is absent, never "
                    "zero. JSON adds the series' metadata, its citation and, for each country "
                    "asked for that has no rows, the reason (notes); CSV and XLSX answers carry "
                    "those reasons in the X-Data-Notes header, XLSX also in its metadata sheet "
                    "(definition, unit, source, licence, vintage, provenance, citation, view "
                    "URL, date of export).",
                    "operationId": "getData",
                    "parameters": [
                        {
                            "name": "indicator",
                            "in": "query",
                            "required": True,
                            "description": "Indicator code from /api/v1/indicators.",
                            "schema": {"$ref": "#/components/schemas/IndicatorCode"},
                            "example": "SM.POP.NETM",
                        },
                        {
                            "name": "countries",
                            "in": "query",
                            "required": False,
                            "description": "Comma-separated ISO3 codes (countries or "
                            f"aggregates), at most {MAX_COUNTRIES}; `all` stands for every "
                            "country (not the aggregates), `aggregates` for every aggregate "
                            "(regions, income groups, World), so countries=all gives one "
                            "indicator for every country in one request. Default: the four "
                            "pilot countries MDA, BGD, JAM, MLI.",
                            "style": "form",
                            "explode": False,
                            "schema": {"type": "array", "maxItems": MAX_COUNTRIES, "items": {
                                "anyOf": [_COUNTRY, {"type": "string",
                                                     "enum": list(COUNTRY_GROUPS)}]}},
                            "example": ["MDA", "BGD"],
                        },
                        {
                            "name": "start",
                            "in": "query",
                            "required": False,
                            "description": "First year (inclusive). A range given backwards "
                            "(start after end) is read forwards.",
                            "schema": {"type": "integer", "minimum": MIN_YEAR,
                                       "maximum": MAX_YEAR},
                        },
                        {
                            "name": "end",
                            "in": "query",
                            "required": False,
                            "description": "Last year (inclusive).",
                            "schema": {"type": "integer", "minimum": MIN_YEAR,
                                       "maximum": MAX_YEAR},
                        },
                        dict(_FORMAT),
                        {
                            "name": "transform",
                            "in": "query",
                            "required": False,
                            "description": "none (default, values as published); index (base "
                            "year = 100); pct_change (annual % change, none after a gap); "
                            "per_capita and pct_gdp only where the indicator's `transforms` "
                            "field lists them (values, population and GDP from one data "
                            "release): otherwise 409. The unit field says what the values "
                            "then mean.",
                            "schema": {"type": "string", "enum": list(TRANSFORMS)},
                        },
                        {
                            "name": "base",
                            "in": "query",
                            "required": False,
                            "description": "Base year of transform=index (default: start, or "
                            "else the first year in which every requested country has a "
                            "value). Given without transform, "
                            "it selects transform=index; with another transform it is left "
                            "out. A country with no value in the base year gets no index "
                            "values, and the answer's notes say so.",
                            "schema": {"type": "integer", "minimum": MIN_YEAR,
                                       "maximum": MAX_YEAR},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "The rows, as JSON, CSV or XLSX (a download with "
                            "a file name built from the codes).",
                            "headers": {"X-Data-Notes": {
                                "description": "Countries asked for that have no rows, each "
                                "with its reason code (a key of `reason` in the JSON notes): "
                                "MLI=no_base_year_value, JAM=no_data; after "
                                f"{HEADER_COUNTRIES} countries, \"+N more\" (the JSON answer "
                                "lists them all). Absent when every country has rows.",
                                "schema": {"type": "string"}}},
                            "content": _file_content("#/components/schemas/DataResponse"),
                        },
                        "400": _ERROR,
                        "409": _CONFLICT,
                    },
                }
            },
            "/api/v1/diaspora": {
                "get": {
                    "summary": "Emigrants by destination",
                    "description": "International migrants born in the origin country, by "
                    "country of destination, from UN DESA International Migrant Stock 2024, "
                    "as tidy rows (country_code is the destination, origin_code the origin; "
                    "indicator_code migrant_stock, unit persons). Sorted from the largest "
                    "destination.",
                    "operationId": "getDiaspora",
                    "parameters": [
                        {
                            "name": "origin",
                            "in": "query",
                            "required": True,
                            "description": "ISO3 code of the country of origin.",
                            "schema": _COUNTRY,
                            "example": "MDA",
                        },
                        {
                            "name": "year",
                            "in": "query",
                            "required": False,
                            "description": "Estimate year; default: the latest.",
                            "schema": {"type": "integer", "enum": stock_years},
                        },
                        {
                            "name": "sex",
                            "in": "query",
                            "required": False,
                            "description": "total (default), male or female.",
                            "schema": {"type": "string", "enum": ["total", "male", "female"]},
                        },
                        dict(_FORMAT),
                    ],
                    "responses": {
                        "200": {
                            "description": "Destinations with the number of emigrants.",
                            "content": _file_content("#/components/schemas/DiasporaResponse"),
                        },
                        "400": _ERROR,
                    },
                }
            },
            BULK_PATH: {
                "get": {
                    "summary": "The whole data snapshot",
                    "description": "A ZIP of CSV files, one per snapshot table, with "
                    "catalogue.csv (each file's sources and licences), vintage.json and "
                    "README.txt. indicator_values.csv has the tidy columns of /api/v1/data "
                    "(country names and units included); countries.csv and indicators.csv use "
                    "the column names of /api/v1/countries and /api/v1/indicators.",
                    "operationId": "getBulk",
                    "responses": {
                        "200": {
                            "description": "The ZIP file.",
                            "content": {
                                "application/zip": {
                                    "schema": {"type": "string",
                                               "contentMediaType": "application/zip"}
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "This document",
                    "operationId": "getOpenApi",
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1 document.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Health and data vintage",
                    "operationId": "getHealth",
                    "responses": {
                        "200": {
                            "description": "The snapshot is loaded.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Health"}
                                }
                            },
                        },
                        "503": {
                            "description": "The snapshot could not be loaded.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Health"}
                                }
                            },
                        },
                    },
                }
            },
        },
        "components": {
            "responses": {
                "BadRequest": {
                    "description": "Bad input: the message says what was wrong and what is "
                    "allowed.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
                "Conflict": {
                    "description": "The parameters are valid, but this snapshot does not "
                    "offer the transform for the indicator; the message lists those it does.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
            },
            "schemas": {
                "IndicatorCode": {"type": "string", "enum": indicator_codes},
                "CountryCode": {
                    "type": "string",
                    "description": "ISO3 code of a country or aggregate (/api/v1/countries).",
                    "enum": country_codes,
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {"type": "string"},
                        "status": {"type": "integer"},
                    },
                },
                "Indicator": {
                    "type": "object",
                    "required": ["indicator_code", "name", "unit", "source", "licence",
                                 "vintage"],
                    "properties": {
                        key: {"type": ["string", "null"]}
                        for key in (
                            "indicator_code", "name", "short_name", "topic", "unit",
                            "unit_short", "definition", "source", "source_id", "publisher",
                            "dataset", "source_url", "licence", "vintage", "release", "formula",
                            "transforms", "population_basis", "status_rule", "age_note",
                            "age_detail", "vintage_kind", "vintage_note",
                        )
                    } | {"last_year": {"type": ["integer", "null"]}},
                },
                "Catalogue": {
                    "type": "object",
                    "properties": {
                        "vintage": {"type": "object"},
                        "count": {"type": "integer"},
                        "indicators": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Indicator"},
                        },
                    },
                },
                "Country": {
                    "type": "object",
                    "required": ["country_code", "country_name", "is_pilot", "is_aggregate"],
                    "properties": {
                        "country_code": {"type": "string"},
                        "country_name": {"type": "string"},
                        "m49": {"type": ["integer", "null"]},
                        "region": {"type": ["string", "null"]},
                        "income_group": {"type": ["string", "null"]},
                        "is_pilot": {"type": "boolean"},
                        "is_aggregate": {"type": "boolean"},
                        "classification_release": {"type": ["string", "null"]},
                    },
                },
                "CountryList": {
                    "type": "object",
                    "properties": {
                        "count": {"type": "integer"},
                        "countries": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Country"},
                        },
                    },
                },
                "DataRow": _data_row(),
                "DiasporaRow": _data_row(origin_code={
                    "type": "string",
                    "description": "ISO3 code of the country of origin."},
                    sex={"type": "string", "enum": ["total", "male", "female"],
                         "description": "total, male or female."}),
                "Note": {
                    "type": "object",
                    "required": ["country_code", "reason", "message"],
                    "properties": {
                        "country_code": {"type": "string"},
                        "reason": {"type": "string", "enum": list(text.NO_DATA_REASONS)},
                        "message": {"type": "string"},
                    },
                },
                "DataResponse": {
                    "type": "object",
                    "required": ["indicator", "vintage", "data"],
                    "properties": {
                        "indicator": {"$ref": "#/components/schemas/Indicator"},
                        "vintage": {"type": ["string", "null"]},
                        "snapshot": {"type": ["string", "null"]},
                        "query": {"type": "object"},
                        "citation": {"type": "string"},
                        "countries_without_data": {
                            "type": "array", "items": {"type": "string"}
                        },
                        "notes": {
                            "type": "array", "items": {"$ref": "#/components/schemas/Note"}
                        },
                        "data": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/DataRow"},
                        },
                    },
                },
                "DiasporaResponse": {
                    "type": "object",
                    "properties": {
                        "origin": {"type": "object"},
                        "year": {"type": "integer"},
                        "sex": {"type": "string"},
                        "source": {"type": "string"},
                        "licence": {"type": "string"},
                        "vintage": {"type": "string"},
                        "citation": {"type": "string"},
                        "total": {"type": "number"},
                        "metadata": {"$ref": "#/components/schemas/Indicator"},
                        "data": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/DiasporaRow"},
                        },
                    },
                },
                "Health": {
                    "type": "object",
                    "required": ["status"],
                    "properties": {
                        "status": {"type": "string", "enum": ["ok", "error"]},
                        "vintage": {"type": "object"},
                        "error": {"type": "string"},
                    },
                },
            },
        },
    }


def _data_row(**extra: dict[str, object]) -> dict[str, object]:
    """The tidy row (exports.schema), each column described in the words of the README."""
    types: dict[str, dict[str, object]] = {
        "country_code": {"type": "string"},
        "country_name": {"type": ["string", "null"]},
        "indicator_code": {"type": "string"},
        "year": {"type": "integer"},
        "value": {"type": "number"},
        "unit": {"type": "string"},
        "status": {"type": ["string", "null"],
                   "enum": ["observed", "estimate", "projection", None]},
    }
    properties = {name: {**types[name], "description": text.TIDY_COLUMNS[name]}
                  for name in schema.LEADING}
    properties.update(extra)
    properties.update({name: {**types[name], "description": text.TIDY_COLUMNS[name]}
                       for name in schema.TRAILING})
    return {"type": "object", "required": list(schema.COLUMNS), "properties": properties}
