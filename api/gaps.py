"""Why a country asked for in /api/v1/data has no rows, so an empty answer is never silent:
no value at all, none in the years asked, no value (or a zero) in an index's base year, no
population or GDP to divide by, or no two consecutive years for an annual change."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from query import series
from text import downloads as text


def reasons(
    code: str, missing: list[str], *, start: int | None, end: int | None, transform: str,
    base: int | None, names: Mapping[str, str], first_year: int, last_year: int,
) -> list[dict[str, str]]:
    """One {country_code, reason, message} per country in `missing` (countries without rows),
    reason being a key of text.NO_DATA_REASONS."""
    if not missing:
        return []
    published = series(code, missing)
    shown = published if transform == "none" else series(code, missing, transform=transform,
                                                         base=base)
    found = []
    for country in missing:
        own = published[published["country_code"] == country]
        own_shown = shown[shown["country_code"] == country]
        reason, years = _reason(own, own_shown, transform, base)
        found.append({
            "country_code": country,
            "reason": reason,
            "message": text.NO_DATA_REASONS[reason].format(
                country=names.get(country, country), indicator=code,
                start=first_year if start is None else start,
                end=last_year if end is None else end, base=base,
                first=years[0], last=years[1],
                denominator=text.DENOMINATOR_NAMES.get(transform, ""),
                transform=text.TRANSFORM_SHORT_NAMES.get(transform, transform)),
        })
    return found


# A proxy in front may refuse answers whose headers pass a few KiB: the header names at most
# this many countries, then how many more the JSON answer lists.
HEADER_COUNTRIES = 40


def header_value(found: list[dict[str, str]]) -> str:
    """The reasons in ASCII for a response header: "MLI=no_base_year_value, JAM=no_data",
    shortened to HEADER_COUNTRIES countries ("..., +12 more")."""
    shown = [f"{item['country_code']}={item['reason']}" for item in found[:HEADER_COUNTRIES]]
    more = len(found) - len(shown)
    return ", ".join(shown + ([f"+{more} more"] if more else []))


def _reason(published: pd.DataFrame, shown: pd.DataFrame, transform: str,
            base: int | None) -> tuple[str, tuple[int | None, int | None]]:
    """The reason code, and the first and last year of the values the message speaks of."""
    if published.empty:
        return "no_data", (None, None)
    span = _span(published)
    if transform == "index":
        at_base = published.loc[published["year"] == base, "value"]
        if at_base.empty:
            return "no_base_year_value", span
        if (at_base == 0).all():
            return "zero_base_year_value", span
    if shown.empty:
        return ("no_consecutive_years" if transform == "pct_change" else "no_denominator"), span
    return "no_value_in_years", _span(shown)


def _span(rows: pd.DataFrame) -> tuple[int, int]:
    return int(rows["year"].min()), int(rows["year"].max())
