"""Which area a number covers: WDI against UN populations, and UN areas that do not match.

- `population_differences`: countries where the World Bank's population (SP.POP.TOTL)
  and UN DESA's (WPP 2024) differ by more than catalogue.POPULATION_DIFFERENCE_PCT in
  any year since catalogue.POPULATION_COMPARISON_FROM. Ratios on one and ratios on the
  other then describe different populations; `series_notes` says so for each series.
- `unmatched_un_areas`: UN DESA countries whose migrant counts may include an area that
  WPP 2024 counts apart (IMS 2024 has no Kosovo, WPP 2024 does): their UN ratios are
  left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from pipeline import catalogue as cat
from pipeline.sources.country_names import normalise

DIFFERENCE_COLUMNS = [
    "country_code", "first_year", "last_year", "years_over", "max_diff_pct", "max_diff_year",
    "wdi_population", "wpp_population",
]


def population_differences(
    wdi: pd.DataFrame, wpp: pd.DataFrame, countries: set[str]
) -> pd.DataFrame:
    """One row per country (of `countries`) whose WDI and WPP populations differ by more than
    the threshold in some year: first and last such year, how many, and the largest
    difference ((WDI - WPP) / WPP × 100) with its year and both populations."""
    joined = wdi[["country_code", "year", "value"]].merge(
        wpp[["country_code", "year", "value"]], on=["country_code", "year"],
        suffixes=("_wdi", "_wpp"))
    joined = joined[joined["country_code"].isin(countries)
                    & (joined["year"] >= cat.POPULATION_COMPARISON_FROM)
                    & (joined["value_wpp"] > 0)]
    joined = joined.assign(
        diff_pct=(joined["value_wdi"] - joined["value_wpp"]) / joined["value_wpp"] * 100.0)
    over = joined[joined["diff_pct"].abs() > cat.POPULATION_DIFFERENCE_PCT]
    rows = []
    for code, group in over.groupby("country_code", sort=True):
        worst = group.loc[group["diff_pct"].abs().idxmax()]
        rows.append({
            "country_code": code,
            "first_year": int(group["year"].min()),
            "last_year": int(group["year"].max()),
            "years_over": len(group),
            "max_diff_pct": float(worst["diff_pct"]),
            "max_diff_year": int(worst["year"]),
            "wdi_population": float(worst["value_wdi"]),
            "wpp_population": float(worst["value_wpp"]),
        })
    return pd.DataFrame(rows, columns=DIFFERENCE_COLUMNS)


def _short_name(name: str) -> str:
    """A location's name without a parenthesised qualifier: "Kosovo (under UNSC ...)" ->
    "Kosovo"."""
    return re.sub(r"\s*\(.*\)\s*$", "", name).strip()


def unmatched_un_areas(
    wpp_locations: pd.DataFrame, ims_loc_ids: set[int], ims_labels: pd.DataFrame,
    ims_codes: Mapping[int, str],
) -> dict[str, str]:
    """ISO3 code -> name of the WPP location it may include.

    A WPP 2024 country (`wpp_locations`: loc_id, name) that IMS 2024's data never name
    (`ims_loc_ids`) has its people counted by IMS 2024 somewhere else or nowhere. Where
    UN DESA's location table (`ims_labels`: loc_id, label) files a label naming it under
    another location that IMS 2024 does have, that location's migrant counts may include it
    while its WPP population does not.
    """
    found: dict[str, str] = {}
    for loc_id, name in zip(wpp_locations["loc_id"], wpp_locations["name"], strict=True):
        if int(loc_id) in ims_loc_ids:
            continue
        short = normalise(_short_name(name))
        if not short:
            continue
        pattern = re.compile(rf"\b{re.escape(short)}\b")
        hosts = {
            int(host) for host, label in zip(ims_labels["loc_id"], ims_labels["label"],
                                             strict=True)
            if int(host) != int(loc_id) and int(host) in ims_loc_ids
            and pattern.search(normalise(label))
        }
        for host in sorted(hosts):
            if host in ims_codes:
                found[ims_codes[host]] = _short_name(name)
    return found


def _fmt(number: float) -> str:
    return f"{number:,.0f}"


def population_note(row: Mapping[str, object], name: str) -> str:
    """The note for a series of a country listed in population_differences."""
    return (
        f"The World Bank's and UN DESA's populations of {name} differ by more than "
        f"{cat.POPULATION_DIFFERENCE_PCT:g} % in {row['years_over']} years from "
        f"{row['first_year']} to {row['last_year']} (most in {row['max_diff_year']}: "
        f"WDI {_fmt(float(row['wdi_population']))}, UN WPP 2024 "
        f"{_fmt(float(row['wpp_population']))}, {float(row['max_diff_pct']):+.1f} %). They "
        "cover different areas or counts: ratios on the World Bank's population and ratios "
        "on the UN's are not comparable for this country."
    )


def unmatched_note(name: str, area: str) -> str:
    return (
        f"Left out: UN DESA's International Migrant Stock 2024 has no {area} of its own (its "
        f"location table files a label naming {area} under {name}), while World Population "
        f"Prospects 2024 counts {area} apart from {name}. {name}'s migrant counts may "
        f"include people from {area} that its population leaves out, so they are not divided."
    )
