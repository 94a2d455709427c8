"""How an indicator's values read after a transform: unit, decimals, labels and the download
fields. Shared by the comparison view's charts (line, ranked bar, map) and its table."""

from __future__ import annotations

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
