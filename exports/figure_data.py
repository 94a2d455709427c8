"""Downloads of one chart, made from the figure itself: tidy rows, CSV, XLSX, citation, image
caption and file name.

The rows come from each data trace's `meta["export"]` (figures/theme.trace_meta) and the values
the trace draws, so a download holds exactly what the chart shows, whichever builder drew it.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from exports.bulk import sources_of_table
from exports.citation import citation
from exports.context import ExportContext
from exports.safety import safe_filename
from exports.tables import csv_bytes, xlsx_bytes
from text import downloads as text

COLUMNS = ["country_code", "country_name", "indicator_code", "year", "value", "unit"]
TRAILING = ("status",)
AXES = ("x", "y", "z")
HIDDEN = (False, "legendonly")
MAX_PLACES_IN_NAME = 8


class NoDataError(ValueError):
    """The figure has no data trace to download (an empty chart, or decoration only)."""


@dataclass(frozen=True)
class ChartFile:
    payload: bytes
    filename: str


def tidy_frame(figure: Mapping[str, object] | None) -> pd.DataFrame:
    """One row per country, year (and extra column) of every data trace shown, in the chart's
    order: country_code, country_name, indicator_code, year, [extra columns], value, unit."""
    rows: list[dict] = []
    extras: list[str] = []
    for trace in (figure or {}).get("data") or []:
        export = (trace.get("meta") or {}).get("export") if isinstance(
            trace.get("meta"), Mapping) else None
        if not isinstance(export, Mapping) or trace.get("visible") in HIDDEN:
            continue
        for name in export.get("extra") or {}:
            if name not in extras:
                extras.append(name)
        rows.extend(trace_rows(trace, export))
    if not rows:
        raise NoDataError("no data trace")
    # Whether a value is observed, estimated or projected closes every row, as in the API.
    trailing = [name for name in TRAILING if name in extras]
    columns = [*COLUMNS[:4], *[e for e in extras if e not in trailing], *COLUMNS[4:], *trailing]
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    return frame  # in the chart's own order: legend order, then each trace's points


def trace_rows(trace: Mapping[str, object], export: Mapping[str, object]) -> list[dict]:
    value_source = export.get("value", "y")
    if isinstance(value_source, str):
        values = decode_array(trace_property(trace, value_source))
    else:
        values = list(value_source or [])
    size = len(values)
    year_source = export.get("year")
    if year_source is None:
        axis = "y" if value_source == "x" else "x"
        years = [as_year(v) for v in decode_array(trace.get(axis))]
    else:
        years = [as_year(v) for v in per_point(year_source, size)]
    codes = per_point(export.get("country_code"), size)
    names = per_point(export.get("country_name"), size)
    extra = {name: per_point(item, size) for name, item in (export.get("extra") or {}).items()}
    rows = []
    for i, value in enumerate(values):
        number = as_number(value)
        if number is None:
            continue  # a gap is shown as a gap, and left out
        row = {
            "country_code": codes[i], "country_name": names[i],
            "indicator_code": export.get("indicator_code"), "year": years[i],
        }
        row.update({name: column[i] for name, column in extra.items()})
        row.update({"value": number, "unit": export.get("unit") or ""})
        rows.append(row)
    return rows


def trace_property(trace: Mapping[str, object], path: str) -> object:
    """A trace property by name or dotted path ("x", "link.value")."""
    found: object = trace
    for part in path.split("."):
        found = found.get(part) if isinstance(found, Mapping) else None
    return found


def decode_array(data: object) -> list:
    """A trace array as a list: plain JSON lists, or plotly's typed-array form
    ({"dtype": "f8", "bdata": <base64>, "shape": ...})."""
    if data is None:
        return []
    if isinstance(data, Mapping) and "bdata" in data:
        array = np.frombuffer(base64.b64decode(str(data["bdata"])), dtype=str(data["dtype"]))
        return array.ravel().tolist()
    if isinstance(data, str):
        return [data]
    return list(data)  # type: ignore[call-overload]


def per_point(item: object, size: int) -> list:
    """One value per point: a list as it is (padded), anything else repeated."""
    if isinstance(item, list | tuple):
        return list(item)[:size] + [None] * max(0, size - len(item))
    return [item] * size


def as_number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def as_year(value: object) -> int | None:
    """A year from an axis value: 2020, 2020.0, "2020" or a date "2020-04-01"."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()[:4]
    number = as_number(value)
    return None if number is None else int(number)


def transform_of(figure: Mapping[str, object]) -> tuple[str, int | None]:
    """The transform (and base year) of the first data trace: one chart shows one transform."""
    for trace in figure.get("data") or []:
        meta = trace.get("meta")
        if isinstance(meta, Mapping) and isinstance(meta.get("export"), Mapping):
            export = meta["export"]
            return str(export.get("transform") or "none"), export.get("base")
    return "none", None


# ---- what the rows describe -------------------------------------------------------------------

def describe(
    rows: pd.DataFrame, indicator_meta: Callable[[str], Mapping[str, object]],
    sources: pd.DataFrame | None,
) -> list[dict[str, object]]:
    """Metadata of each indicator in the rows, with the unit as shown: from the catalogue, or,
    for a snapshot table (e.g. migrant_stock), from the sources that feed it."""
    described = []
    for code, unit in rows[["indicator_code", "unit"]].drop_duplicates(
            "indicator_code").itertuples(index=False):
        try:
            meta = dict(indicator_meta(code))
        except (KeyError, ValueError):
            feeding = sources_of_table(str(code), sources)
            meta = {
                "code": code,
                "name": text.TABLE_DESCRIPTIONS.get(str(code), str(code)),
                "definition": text.TABLE_DESCRIPTIONS.get(str(code), ""),
                "source": "; ".join(s["name"] for s in feeding),
                "source_url": "; ".join(s["url"] for s in feeding),
                "licence": "; ".join(s["licence"] for s in feeding),
                "vintage": "; ".join(s["vintage"] for s in feeding),
            }
        described.append({**meta, "code": code, "unit": unit or meta.get("unit")})
    return described


def file_stem_parts(rows: pd.DataFrame, transform: str, base: int | None) -> list[str]:
    """Codes only: indicators, countries (or their count), years, transform."""
    codes = list(dict.fromkeys(rows["indicator_code"].astype(str)))
    places = list(dict.fromkeys(rows["country_code"].dropna().astype(str)))
    years = rows["year"].dropna()
    span = "" if years.empty else (
        str(years.min()) if years.min() == years.max() else f"{years.min()}-{years.max()}")
    return [
        "-".join(codes),
        "-".join(places) if len(places) <= MAX_PLACES_IN_NAME else f"{len(places)}-countries",
        span,
        *([transform] if transform != "none" else []),
        *([f"base{base}"] if transform == "index" and base is not None else []),
    ]


def app_root(view_url: str) -> str:
    parts = urlsplit(view_url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else "/"


# ---- the files ----------------------------------------------------------------------------------

def chart_file(
    figure: Mapping[str, object], fmt: str, view_url: str, *,
    indicator_meta: Callable[[str], Mapping[str, object]], sources: pd.DataFrame | None,
    snapshot: str = "", today: date | None = None,
) -> ChartFile:
    """The CSV or XLSX of a chart (raises NoDataError for a chart without data)."""
    rows = tidy_frame(figure)
    transform, base = transform_of(figure)
    filename = safe_filename(*file_stem_parts(rows, transform, base), extension=fmt)
    if fmt == "csv":
        return ChartFile(csv_bytes(rows), filename)
    if fmt != "xlsx":
        raise ValueError(f"not a data format: {fmt}")
    context = ExportContext(app_url=app_root(view_url), view_url=view_url, transform=transform,
                            base=base, snapshot=snapshot, exported_on=today or date.today())
    return ChartFile(xlsx_bytes(rows, describe(rows, indicator_meta, sources), context), filename)


def chart_citation(
    figure: Mapping[str, object], view_url: str, *,
    indicator_meta: Callable[[str], Mapping[str, object]], sources: pd.DataFrame | None,
    today: date | None = None,
) -> str:
    """One citation per indicator shown: source, vintage, name, access date, view URL."""
    rows = tidy_frame(figure)
    return text.CITATION_SEPARATOR.join(
        citation(meta, today or date.today(), view_url)
        for meta in describe(rows, indicator_meta, sources))


def image_request(
    figure: Mapping[str, object], fmt: str, *,
    indicator_meta: Callable[[str], Mapping[str, object]], sources: pd.DataFrame | None,
) -> dict[str, str]:
    """What the browser needs to export the chart as an image: file name (without extension)
    and the source line printed under the title."""
    rows = tidy_frame(figure)
    transform, base = transform_of(figure)
    stem = safe_filename(*file_stem_parts(rows, transform, base), extension=fmt)
    entries = list(dict.fromkeys(
        text.IMAGE_SOURCE_ENTRY.format(source=m.get("source") or "",
                                       vintage=m.get("vintage") or "",
                                       licence=m.get("licence") or "")
        for m in describe(rows, indicator_meta, sources)))
    return {"format": fmt, "filename": stem.rsplit(".", 1)[0],
            "caption": text.IMAGE_SOURCE.format(sources="; ".join(entries))}
