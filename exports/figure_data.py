"""Downloads of one chart, made from the figure itself: tidy rows, CSV, XLSX, citation, image
caption and file name.

The rows come from each data trace's `meta["export"]` (figures/theme.trace_meta) and the values
the trace draws, so a download holds exactly what the chart shows, whichever builder drew it.
They are written in the one tidy schema (exports.schema); the unit of a catalogue series is
the catalogue's, after the chart's transform, as /api/v1/data gives it.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from exports import schema
from exports.citation import citation, source_line
from exports.context import ExportContext
from exports.metadata import IndicatorMeta, describe
from exports.safety import safe_filename
from exports.tables import csv_bytes, xlsx_bytes

COLUMNS = list(schema.COLUMNS)
AXES = ("x", "y", "z")
HIDDEN = (False, "legendonly")
MAX_PLACES_IN_NAME = 8


class NoDataError(ValueError):
    """The figure has no data trace to download (an empty chart, or decoration only)."""


@dataclass(frozen=True)
class ChartFile:
    payload: bytes
    filename: str


def tidy_frame(figure: Mapping[str, object] | None,
               indicator_meta: IndicatorMeta | None = None) -> pd.DataFrame:
    """One row per country, year (and extra column) of every data trace shown, in the chart's
    order, in the tidy schema: country_code, country_name, indicator_code, year, [extra
    columns], value, unit, status. With `indicator_meta`, a catalogue series' unit is the
    catalogue's after the trace's transform (else the unit the trace names)."""
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
        rows.extend(trace_rows(trace, export, export_unit(export, indicator_meta)))
    if not rows:
        raise NoDataError("no data trace")
    frame = pd.DataFrame(rows, columns=list(dict.fromkeys([*schema.LEADING, *extras,
                                                           *schema.TRAILING])))
    frame["year"] = frame["year"].astype("Int64")
    # In the chart's own order: legend order, then each trace's points.
    return schema.tidy(frame, extras)


def export_unit(export: Mapping[str, object], indicator_meta: IndicatorMeta | None) -> str:
    """The unit of a trace's values: a catalogue series' unit after the trace's transform,
    else (a snapshot table, or no catalogue at hand) the unit the trace names."""
    if indicator_meta is not None:
        try:
            meta = indicator_meta(str(export.get("indicator_code")))
        except (KeyError, ValueError):
            pass
        else:
            return schema.series_unit(meta, str(export.get("transform") or "none"),
                                      export.get("base"))  # type: ignore[arg-type]
    return str(export.get("unit") or "")


def trace_rows(trace: Mapping[str, object], export: Mapping[str, object],
               unit: str) -> list[dict]:
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
        row.update({"value": number, "unit": unit})
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


# ---- names and files ---------------------------------------------------------------------------

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


def chart_file(
    figure: Mapping[str, object], fmt: str, view_url: str, *,
    indicator_meta: IndicatorMeta, sources: pd.DataFrame | None,
    snapshot: str = "", today: date | None = None,
) -> ChartFile:
    """The CSV or XLSX of a chart (raises NoDataError for a chart without data)."""
    rows = tidy_frame(figure, indicator_meta)
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
    indicator_meta: IndicatorMeta, sources: pd.DataFrame | None, today: date | None = None,
) -> str:
    """The citation of the data a chart shows (exports.citation), for the view at `view_url`:
    the same text as the chart's XLSX and its slide."""
    rows = tidy_frame(figure, indicator_meta)
    return citation(describe(rows, indicator_meta, sources), today or date.today(), view_url)


def image_request(
    figure: Mapping[str, object], fmt: str, *,
    indicator_meta: IndicatorMeta, sources: pd.DataFrame | None,
) -> dict[str, str]:
    """What the browser needs to export the chart as an image: file name (without extension)
    and the source line printed under the title."""
    rows = tidy_frame(figure, indicator_meta)
    transform, base = transform_of(figure)
    stem = safe_filename(*file_stem_parts(rows, transform, base), extension=fmt)
    return {"format": fmt, "filename": stem.rsplit(".", 1)[0],
            "caption": source_line(describe(rows, indicator_meta, sources))}
