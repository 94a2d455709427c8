"""The status of every value: observed, estimate or projection, as the source says.

- observed: the source presents the value as data for its year (compiled from censuses,
  registers, surveys, balance-of-payments or other reports) and flags it neither as
  modelled nor as projected.
- estimate: the source says the value comes from a model (WDI titles "(modeled ILO
  estimate)"; Abel & Cohen's flow estimates).
- projection: the source places the value in a projection (World Population Prospects
  2024, medium variant: 2024 on).

No status is guessed: each rule below reads what the raw files state and is recorded in
the catalogue (`indicators.status_rule`) in words.
"""

from __future__ import annotations

import pandas as pd

from pipeline import catalogue as cat

MODELLED_MARK = "(modeled ILO estimate)"  # in the WDI titles of the ILO modelled series
RANK = {status: rank for rank, status in enumerate(cat.STATUSES)}


def combine(*statuses: str) -> str:
    """The weakest of several statuses (observed < estimate < projection)."""
    return max(statuses, key=RANK.__getitem__)


def observed(values: pd.DataFrame) -> pd.Series:
    return pd.Series(cat.OBSERVED, index=values.index, dtype="str")


def wdi_title_rule(title: str) -> tuple[str, str] | None:
    """(status, rule) when a WDI title marks the whole series as model estimates."""
    if MODELLED_MARK in title:
        return cat.ESTIMATE, (
            f"estimate: every value; the WDI title says \"{MODELLED_MARK}\" (a model fills "
            "years and countries without a survey)"
        )
    return None


WDI_OBSERVED_RULE = (
    "observed: the WDI files flag no value as modelled or projected"
)
XLS_OBSERVED_RULE = (
    "observed: the WDI Excel file flags no value as modelled or projected"
)
DESA_OBSERVED_RULE = (
    "observed: UN DESA's International Migrant Stock 2024 files flag no value as modelled "
    "or projected"
)
UNHCR_OBSERVED_RULE = "observed: end-of-year counts as UNHCR reports them"


def wpp_status(projected: pd.Series) -> pd.Series:
    """observed up to WPP's last estimated year, projection after it."""
    return projected.map({False: cat.OBSERVED, True: cat.PROJECTION}).astype("str")


def net_migration_status(
    wdi_values: pd.DataFrame, wpp: pd.DataFrame, last_estimate_year: int
) -> tuple[pd.Series, str]:
    """Status of WDI SM.POP.NETM from WPP 2024, whose numbers it carries.

    `wpp`: country_code, year, value (persons), projected. Every WDI country-year after
    WPP's last estimated year must equal WPP's projection, or the rule no longer holds and
    the build stops. Years after it are projections for every row, aggregates included
    (the World Bank's regional sums of those projections); years up to it are observed.
    """
    joined = wdi_values[["country_code", "year", "value"]].merge(
        wpp, on=["country_code", "year"], how="left", suffixes=("", "_wpp"))
    with_wpp = joined["value_wpp"].notna()
    equal = with_wpp & ((joined["value"] - joined["value_wpp"]).abs() <= 1.0)
    later = joined["year"] > last_estimate_year
    differing = joined[later & with_wpp & ~equal]
    if not differing.empty:
        sample = differing.head(3)[["country_code", "year"]].values.tolist()
        raise ValueError(
            f"SM.POP.NETM: values after {last_estimate_year} differ from WPP 2024's "
            f"projection (e.g. {sample}); review its status rule"
        )
    status = later.map({False: cat.OBSERVED, True: cat.PROJECTION}).astype("str")
    status.index = wdi_values.index
    differ_before = sorted(set(joined.loc[with_wpp & ~equal, "country_code"]))
    rule = (
        f"observed to {last_estimate_year}, projection from {last_estimate_year + 1}: the "
        f"values equal UN DESA World Population Prospects 2024 net migration for "
        f"{int(equal.sum()):,} of the {int(with_wpp.sum()):,} country-years both hold"
        + (f" (those of {', '.join(differ_before)} before {last_estimate_year + 1} differ "
           "from WPP's)" if differ_before else "")
        + f"; WPP 2024 gives {last_estimate_year} as its last observed year (migration.txt, "
        f"last.observed) and holds {last_estimate_year + 1} on in its medium-variant "
        "projection (migrationprojMed.txt)"
    )
    return status, rule
