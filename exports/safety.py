"""Safe files: spreadsheet formula injection is neutralised, file names come from codes only."""

from __future__ import annotations

import re

import pandas as pd

# A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._\-]+")


def neutralise_text(value: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula."""
    if value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its text cells neutralised (a copy only if a cell needed it); numeric
    columns, negative numbers included, are never touched."""
    out = frame
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_string_dtype(series) and series.dtype != object:
            hits = series.str.startswith(FORMULA_TRIGGERS, na=False)
        else:
            hits = series.map(lambda cell: isinstance(cell, str) and cell.startswith(
                FORMULA_TRIGGERS)).astype(bool)
        if hits.any():
            if out is frame:
                out = frame.copy()
            out.loc[hits, column] = "'" + series[hits].astype(str)
    return out


def neutralise_cell(value: object) -> object:
    """A single cell: text is neutralised, anything else is returned as it is."""
    return neutralise_text(value) if isinstance(value, str) else value


def safe_filename(*codes: str, extension: str) -> str:
    """`migration_BX.TRF.PWKR.CD.DT_MDA-BGD_2000-2024.csv` from codes: no user text reaches a name.

    Characters outside [A-Za-z0-9._-] become "-"; parts are joined with "_".
    """
    parts = [_UNSAFE_NAME_CHARS.sub("-", code).strip("-.") for code in codes]
    stem = "_".join(part for part in parts if part) or "data"
    return f"{stem[:150]}.{_UNSAFE_NAME_CHARS.sub('', extension)}"


def content_disposition(filename: str) -> str:
    """An attachment header for a name made by safe_filename (ASCII, no quotes)."""
    return f'attachment; filename="{filename}"'
