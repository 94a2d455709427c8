"""The one number formatter: every number shown to a user passes through here, in the request's
language (English as written below; other languages through Babel's CLDR data: "1,9 milliard",
"12 345", "30,6 %")."""

from __future__ import annotations

import math
import sys

from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
)

from text.i18n import DEFAULT, current, translatable

# Scale words for large values, largest first: "1.9 bn US$".
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
# Units whose large values read better with a scale word than with many digits.
_SCALED_UNITS = {"US$", "current US$", "constant US$", "people", "persons", ""}
# Scale words for numbers in sentences: "8.7 million", "1.9 billion".
_PROSE_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_GAP = "–"


def _missing(value: float | int | None) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """Thousands separators and a fixed number of decimals; a gap is an en dash."""
    if _missing(value):
        return _GAP
    decimals = max(decimals, 0)
    if round(value, decimals) == 0:
        value = 0.0  # never show "-0.0"
    if current() == DEFAULT:
        return f"{value:,.{decimals}f}"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=current())


def unit_text(unit: str) -> str:
    """A unit as the reader's language writes it (UNIT_WORDS, from the message catalogue)."""
    return sys.modules[__name__].UNIT_WORDS.get(unit, unit) if unit else ""


def format_value(value: float | int | None, unit: str = "", decimals: int = 1) -> str:
    """A value with its unit (`unit` as the catalogue writes it in English): '1.9 bn US$',
    '4.6 %', '12,345 people', '–' for a gap."""
    if _missing(value):
        return _GAP
    unit = unit.strip()
    if unit in ("%", "% of GDP", "percent"):
        return f"{format_number(value, decimals)} %"
    if unit in _SCALED_UNITS or unit.endswith("US$") or unit.startswith("US$"):
        for size, word in _SCALES:
            if abs(value) >= size:
                if current() == DEFAULT:
                    return f"{format_number(value / size, 1)} {word} {unit}".strip()
                scaled = format_compact_decimal(value, format_type="short", locale=current(),
                                                fraction_digits=1)
                return f"{scaled} {unit_text(unit)}".strip()
    return f"{format_number(value, decimals)} {unit_text(unit)}".strip()


def format_year_span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def d3_format(decimals: int = 1) -> str:
    """The d3-format specifier matching `format_number`, for tables and chart axes (their
    separators come from `plotly_separators`)."""
    return f",.{max(decimals, 0)}f"


def plotly_separators() -> str:
    """Plotly's `separators` for the reader's language: decimal mark, then thousands."""
    if current() == DEFAULT:
        return ".,"
    return get_decimal_symbol(current()) + get_group_symbol(current())


def format_prose(value: float | int | None) -> str:
    """A number for a sentence, rounded as a person would say it: '8.7 million', '864,000',
    '2,427'; '–' for a gap."""
    if _missing(value):
        return _GAP
    for size, word in _PROSE_SCALES:
        if abs(value) >= size:
            if current() == DEFAULT:
                return f"{format_number(value / size, 1)} {word}"
            return format_compact_decimal(value, format_type="long", locale=current(),
                                          fraction_digits=1)
    if abs(value) >= 10_000:
        return format_number(round(value, -3))
    return format_number(value)


# The units of the catalogue and the charts, by their English name, as the reader's language
# writes them.
UNIT_WORDS = {"US$": "US$", "current US$": "current US$", "constant US$": "constant US$",
              "people": "people", "persons": "persons", "% of GDP": "% of GDP",
              "percent": "percent"}

translatable(__name__)
