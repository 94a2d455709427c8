"""What a number is, beside the number: its age, status, territory notes and the release of
the country classification. Everything comes from the snapshot, so the pages can print it
next to a value ("2019 — latest UNHCR data in this dashboard")."""

from __future__ import annotations

import pandas as pd

from query import local
from query.errors import QueryError
from query.lookup import check_countries, indicator_meta
from query.snapshot import get_snapshot

AGE_FIELDS = ("last_year", "age_note", "age_detail", "release", "vintage", "vintage_kind",
              "vintage_note", "status_rule")
NOTE_COLUMNS = ["indicator_code", "country_code", "kind", "note"]


def indicator_age(indicator: str) -> dict:
    """How old an indicator's data are and what its vintage is.

    Keys: code, last_year (last year with a value for any country), age_note (e.g. "2019 —
    latest UNHCR data in this dashboard"), age_detail (source, what the vintage date is,
    the vintage), release, vintage, vintage_kind, vintage_note (why vintage and release
    differ, or None), status_rule (how the status of its values was read from the source).
    """
    meta = indicator_meta(indicator)
    age = {key: meta.get(key) for key in AGE_FIELDS}
    if age["last_year"] is not None:
        age["last_year"] = int(age["last_year"])
    return {"code": indicator, **age}


def data_ages() -> pd.DataFrame:
    """The age of each bilateral table: table, source_id, first_period, last_period,
    last_year, release, age_note, age_detail."""
    ages = get_snapshot().data_ages.copy()
    ages["age_note"] = ages["age_note"].map(local.namer().age)
    return ages


def table_age(table: str) -> dict:
    """data_ages() row of one table (migrant_stock, refugees, remittance_matrix,
    remittance_costs, annual_flows, flow_estimates, population_ims2020) as a dict."""
    ages = get_snapshot().data_ages
    rows = ages[ages["table"] == table]
    if rows.empty:
        raise QueryError(f"no age recorded for table {table!r}; choose from "
                         f"{', '.join(sorted(ages['table']))}")
    row = rows.iloc[0].to_dict()
    row["last_year"] = int(row["last_year"])
    row["age_note"] = local.namer().age(row["age_note"])
    return row


def series_notes(indicator: str | None = None,
                 countries: str | list[str] | None = None) -> pd.DataFrame:
    """Notes on a series for some countries: indicator_code, country_code, kind, note.

    kind: population_differs (the World Bank's and the UN's populations of the country
    differ by more than 3 %: ratios on one and on the other are not comparable),
    territory_left_out (a UN ratio left out because its numerator may cover an area its
    denominator does not), former_territory (indicator_code "flow_estimates": a code that
    covers another area in early periods). Without arguments, every note.
    """
    notes = get_snapshot().series_notes
    if indicator is not None:
        if indicator != "flow_estimates":
            indicator_meta(indicator)
        notes = notes[notes["indicator_code"] == indicator]
    if countries is not None:
        notes = notes[notes["country_code"].isin(check_countries(countries))]
    return notes[NOTE_COLUMNS].reset_index(drop=True)


def population_differences() -> pd.DataFrame:
    """Countries whose WDI (SP.POP.TOTL) and UN DESA WPP 2024 populations differ by more than
    3 % in some year since 1990: country_code, country_name, first_year, last_year,
    years_over, max_diff_pct ((WDI - WPP) / WPP × 100 where largest), max_diff_year,
    wdi_population, wpp_population."""
    snap = get_snapshot()
    table = snap.population_differences.copy()
    table.insert(1, "country_name", table["country_code"].map(snap.country_names))
    return table.reset_index(drop=True)


def classification_release(country: str | None = None) -> str | None:
    """The release the region and income-group columns come from (e.g. "wdi-2023-05-10"):
    of one country, or the one shared by all countries that have a classification."""
    countries = get_snapshot().countries
    if country is not None:
        check_countries([country])
        value = countries.loc[countries["country_code"] == country,
                              "classification_release"].iloc[0]
        return None if pd.isna(value) else str(value)
    releases = countries["classification_release"].dropna().unique()
    return str(releases[0]) if len(releases) == 1 else "; ".join(sorted(map(str, releases)))


def source_basis(source_id: str) -> dict:
    """A source's territory (whose list of areas its codes follow), what its own estimates
    are built on (e.g. Abel & Cohen: UN DESA's 2020 revision) and its vintage: source_id,
    name, territory, based_on, vintage, vintage_kind, release."""
    sources = get_snapshot().sources
    rows = sources[sources["source_id"] == source_id]
    if rows.empty:
        raise QueryError(f"unknown source {source_id!r}")
    row = rows.iloc[0]
    return {key: (None if pd.isna(row[key]) else row[key]) for key in
            ("source_id", "name", "territory", "based_on", "vintage", "vintage_kind",
             "release")}
