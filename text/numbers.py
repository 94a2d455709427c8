"""The one number formatter: every number shown to a user passes through here."""

from __future__ import annotations

import math

# Scale words for large values, largest first: "1.9 bn US$".
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
# Units whose large values read better with a scale word than with many digits.
_SCALED_UNITS = {"US$", "current US$", "constant US$", "people", "persons", ""}


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """Thousands separators and a fixed number of decimals; a gap is an en dash."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    decimals = max(decimals, 0)
    if round(value, decimals) == 0:
        value = 0.0  # never show "-0.0"
    return f"{value:,.{decimals}f}"


def format_value(value: float | int | None, unit: str = "", decimals: int = 1) -> str:
    """A value with its unit: '1.9 bn US$', '4.6 %', '12,345 people', '–' for a gap."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    unit = unit.strip()
    if unit in ("%", "% of GDP", "percent"):
        return f"{format_number(value, decimals)} %"
    if unit in _SCALED_UNITS or unit.endswith("US$") or unit.startswith("US$"):
        for size, word in _SCALES:
            if abs(value) >= size:
                scaled = format_number(value / size, 1)
                return f"{scaled} {word} {unit}".strip()
    return f"{format_number(value, decimals)} {unit}".strip()


def format_year_span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def d3_format(decimals: int = 1) -> str:
    """The d3-format specifier matching `format_number`, for tables and chart axes."""
    return f",.{max(decimals, 0)}f"


# Scale words for numbers in sentences: "8.7 million", "1.9 billion".
_PROSE_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_prose(value: float | int | None) -> str:
    """A number for a sentence, rounded as a person would say it: '8.7 million', '864,000',
    '2,427'; '–' for a gap."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    for size, word in _PROSE_SCALES:
        if abs(value) >= size:
            return f"{format_number(value / size, 1)} {word}"
    if abs(value) >= 10_000:
        return format_number(round(value, -3))
    return format_number(value)
