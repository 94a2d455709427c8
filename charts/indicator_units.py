"""How an indicator's values read after a transform: unit, decimals, labels and the download
fields. Shared by the comparison view's charts (line, ranked bar, map) and its table."""

from __future__ import annotations

import re

import pandas as pd

import query
from state.compare import CompareState
from text import compare as t
from text.numbers import format_value

# Decimals of values after a transform (None: the indicator's own).
TRANSFORM_DECIMALS = {"per_capita": 2, "pct_gdp": 2, "index": 1, "pct_change": 1}


def value_unit(meta: dict, transform: str, base: int | None) -> str:
    unit = meta.get("unit_short") or meta.get("unit") or ""
    template = t.TRANSFORM_UNITS.get(transform)
    return template.format(unit=unit, base=base).strip() if template else unit


def axis_title(meta: dict, transform: str, base: int | None) -> str:
    """The value axis names the unit; the chart title names the indicator."""
    return str(meta.get("unit") or "") if transform == "none" else value_unit(meta, transform, base)


def decimals(meta: dict, transform: str) -> int:
    return TRANSFORM_DECIMALS.get(transform, int(meta.get("decimals") or 0))


def export_fields(state: CompareState, meta: dict) -> dict:
    """What a chart's downloads name (figures.theme.trace_meta): indicator, unit, transform."""
    return {"indicator_code": state.indicator,
            "unit": value_unit(meta, state.transform, state.base),
            "transform": state.transform, "base": state.base}


def with_labels(df: pd.DataFrame, meta: dict, transform: str, base: int | None) -> pd.DataFrame:
    """`df` with a `label` column: each value formatted with its unit, as hover text shows it."""
    unit = "" if transform == "index" else value_unit(meta, transform, base)
    places = decimals(meta, transform)
    return df.assign(label=[format_value(v, unit, places) for v in df["value"]])


def indicator_sources(state: CompareState) -> list[dict[str, str]]:
    return [query.indicator_meta(state.indicator)]


_RELEASE = re.compile(r"(?P<family>.+?)-(?P<date>\d{4}(?:-\d{2}-\d{2})?)$")


def _release_parts(release: str) -> list[tuple[str, str]]:
    """(family, date) of each part of a release name: "wdi-2023-05-10" -> [("wdi",
    "2023-05-10")]; a ratio's release joins its parts with "+"."""
    found = (_RELEASE.match(part) for part in release.split("+"))
    return [(m["family"], m["date"]) for m in found if m]


def older_release(indicator: str) -> bool:
    """Whether the indicator comes from an older release of its source than other series in
    the snapshot (e.g. remittances paid: WDI 2023-05-10, beside WDI 2026-07-01)."""
    releases = query.get_snapshot().indicators["release"].dropna().astype(str)
    newest: dict[str, str] = {}
    for release in releases:
        for family, date in _release_parts(release):
            newest[family] = max(newest.get(family, date), date)
    own = str(query.indicator_meta(indicator).get("release") or "")
    return any(date < newest[family] for family, date in _release_parts(own))
