"""Ratios of two series, allowed only within one territory and one release family.

A number may be divided only by a denominator that covers the same territory (the same
publisher's list of areas) and comes from the same release, or from a release of the
same revision family (UN DESA's International Migrant Stock 2024 and World Population
Prospects 2024). `ratio` refuses anything else, so no build can mix them by mistake.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from pipeline import catalogue as cat
from pipeline.status import combine

VALUE_COLUMNS = ["country_code", "year", "value", "status"]


class RatioError(ValueError):
    """Numerator and denominator cover different territories or come from different releases."""


@dataclass(frozen=True)
class Operand:
    """One side of a ratio: a series (country_code, year, value, status) and where it comes from."""

    code: str
    values: pd.DataFrame
    source_id: str  # raw folder, a key of catalogue.SOURCES
    release: str

    @property
    def territory(self) -> str:
        return cat.SOURCES[self.source_id].territory

    @property
    def family(self) -> str:
        return release_family(self.release)


def release_family(release: str) -> str:
    """The revision family of a release: releases of one family may meet in a ratio."""
    return cat.RELEASE_FAMILIES.get(release, release)


def check_compatible(numerator: Operand, denominator: Operand) -> None:
    """Raise RatioError unless both sides share territory and release family."""
    if numerator.territory != denominator.territory:
        raise RatioError(
            f"{numerator.code} ({numerator.territory}) cannot be divided by "
            f"{denominator.code} ({denominator.territory}): the two cover different territories"
        )
    if numerator.family != denominator.family:
        raise RatioError(
            f"{numerator.code} (release {numerator.release}) cannot be divided by "
            f"{denominator.code} (release {denominator.release}): the two come from different "
            "releases"
        )


def ratio(
    numerator: Operand, denominator: Operand, factor: float, leave_out: Iterable[str] = ()
) -> pd.DataFrame:
    """numerator / denominator × factor for each country-year present in both.

    The status of a ratio is the weaker of its two parts (a ratio with a projected
    denominator is a projection). Countries in `leave_out` (whose numerator and
    denominator are known to cover different areas) get no values.
    """
    check_compatible(numerator, denominator)
    joined = numerator.values.merge(
        denominator.values, on=["country_code", "year"], suffixes=("", "_d")
    )
    joined = joined[(joined["value_d"] != 0) & ~joined["country_code"].isin(set(leave_out))]
    return pd.DataFrame({
        "country_code": joined["country_code"],
        "year": joined["year"],
        "value": joined["value"] / joined["value_d"] * factor,
        "status": [combine(a, b) for a, b in zip(joined["status"], joined["status_d"],
                                                 strict=True)],
    }).reset_index(drop=True)
