"""URL state of the diaspora comparison (/diaspora?countries=MDA,BGD&measure=pct&year=2020).

countries: origins to compare (default: the pilots); measure: emigrants in persons ("persons",
default) or as % of the home population ("pct"); year: the UN DESA year of the flow diagram
(default: the latest).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from state.compare import PILOTS, Notice, Vocabulary, clean_countries
from state.country import stock_year

MEASURES = ("persons", "pct")
PARAM_ORDER = ("countries", "measure", "year")


@dataclass(frozen=True)
class DiasporaState:
    countries: tuple[str, ...] = PILOTS
    measure: str = "persons"
    year: int | None = None


def parse(params: Mapping[str, str], vocab: Vocabulary) -> tuple[DiasporaState, list[Notice]]:
    notices: list[Notice] = []
    countries = vocab.default_countries
    if "countries" in params:
        countries, dropped = clean_countries(params["countries"].split(","), vocab)
        notices.extend(dropped)
    measure = (params.get("measure") or "persons").strip().lower()
    if measure not in MEASURES:
        notices.append(Notice("measure", params["measure"], "invalid"))
        measure = "persons"
    year = stock_year(params.get("year"), vocab.stock_years, notices)
    return DiasporaState(tuple(countries), measure, year), notices


def to_query(state: DiasporaState) -> str:
    """The canonical query string; the countries are always named, so a link is explicit."""
    values = {"countries": ",".join(state.countries)}
    if state.measure != "persons":
        values["measure"] = state.measure
    if state.year is not None:
        values["year"] = str(state.year)
    return "?" + "&".join(f"{k}={values[k]}" for k in PARAM_ORDER if k in values)


def to_url(state: DiasporaState) -> str:
    return "/diaspora" + to_query(state)
