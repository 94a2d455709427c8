"""URL state of a country profile (/country/<ISO3>?measure=pct_gdp&year=2020).

iso3: the country (from the path); measure: the development-finance chart in current US$
("usd", default) or % of GDP; year: the UN DESA year of the destination bar chart and map
(default: the latest).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from state.compare import Notice, Vocabulary

MEASURES = ("usd", "pct_gdp")
PARAM_ORDER = ("measure", "year")


@dataclass(frozen=True)
class ProfileState:
    iso3: str
    measure: str = "usd"
    year: int | None = None  # None: the latest UN DESA year


def parse(params: Mapping[str, str], vocab: Vocabulary) -> tuple[ProfileState, list[Notice]]:
    """A valid state from the path's `iso3` and the query parameters, and a notice for each
    value that was dropped (an unknown country is a notice too: the page says so)."""
    notices: list[Notice] = []
    iso3 = (params.get("iso3") or "").strip().upper()[:3]
    if iso3 not in vocab.countries:
        notices.append(Notice("country", (params.get("iso3") or "")[:40], "unknown"))
    measure = (params.get("measure") or "usd").strip().lower()
    if measure not in MEASURES:
        notices.append(Notice("measure", params["measure"], "invalid"))
        measure = "usd"
    year = stock_year(params.get("year"), vocab.stock_years, notices)
    return ProfileState(iso3, measure, year), notices


def stock_year(raw: str | None, stock_years: Sequence[int], notices: list[Notice]) -> int | None:
    """A UN DESA estimate year from the URL; None for the latest (the default, left out of
    links) or for a dropped value, which adds a notice."""
    if not raw:
        return None
    try:
        year = int(raw.strip())
    except ValueError:
        notices.append(Notice("year", raw, "invalid"))
        return None
    if year not in stock_years:
        notices.append(Notice("year", raw, "out_of_range"))
        return None
    return None if year == max(stock_years) else year


def shown_year(state: ProfileState, vocab: Vocabulary) -> int:
    return state.year or vocab.stock_years[-1]


def to_query(state: ProfileState) -> str:
    """The canonical query string; '' for the default view."""
    values = {}
    if state.measure != "usd":
        values["measure"] = state.measure
    if state.year is not None:
        values["year"] = str(state.year)
    return ("?" + "&".join(f"{k}={values[k]}" for k in PARAM_ORDER if k in values)
            if values else "")


def to_url(state: ProfileState) -> str:
    return f"/country/{state.iso3}" + to_query(state)


def brief_url(state: ProfileState) -> str:
    """The country's two-page briefing note (the profile's default view)."""
    return f"/country/{state.iso3}/brief"
