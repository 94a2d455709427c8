"""Checks the build runs on every table before writing it.

A gap is a gap, never a zero. When a source records nothing for a year (or for a
country's whole row or column of a matrix) it often writes zeros: UNHCR's file has 0
asylum seekers for every origin in 1995-1999, because those years' asylum seekers were
recorded only without an origin. A year, row or column that is zero for every country is
such a gap, and the build fails on it: the readers must turn those zeros into gaps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

# Groups smaller than this are too small to tell a gap from a real zero.
MIN_GROUP_ROWS = 5


class ZeroFilledGapError(ValueError):
    """A group of values that is zero for every country: a gap written as zeros."""


@dataclass(frozen=True)
class ZeroCheck:
    """In `table`, each group of rows sharing `by` must hold a nonzero `column` value."""

    table: str
    column: str
    by: tuple[str, ...]


ZERO_CHECKS = (
    ZeroCheck("indicator_values", "value", ("indicator_code", "year")),
    ZeroCheck("refugees", "refugees", ("year",)),
    ZeroCheck("refugees", "asylum_seekers", ("year",)),
    ZeroCheck("migrant_stock", "value", ("year", "sex")),
    ZeroCheck("remittance_matrix", "value_usd_million", ("sender_code",)),
    ZeroCheck("remittance_matrix", "value_usd_million", ("receiver_code",)),
    ZeroCheck("remittance_costs", "cost_pct", ("period",)),
    ZeroCheck("annual_flows", "value",
              ("reporting_code", "type", "criterion", "coverage", "year")),
    ZeroCheck("flow_estimates", "value", ("period_start", "sex")),
    ZeroCheck("population_ims2020", "population", ("year",)),
)


def zero_filled_groups(frame: pd.DataFrame, column: str, by: tuple[str, ...]) -> list[tuple]:
    """Keys of the groups (of at least MIN_GROUP_ROWS values) whose values are all zero."""
    values = frame.dropna(subset=[column])
    nonzero = (values[column] != 0).groupby([values[key] for key in by], sort=True)
    stats = pd.DataFrame({"rows": nonzero.size(), "nonzero": nonzero.sum()})
    bad = stats[(stats["rows"] >= MIN_GROUP_ROWS) & (stats["nonzero"] == 0)]
    return [key if isinstance(key, tuple) else (key,) for key in bad.index]


def check_no_zero_filled_gaps(tables: Mapping[str, pd.DataFrame]) -> None:
    """Raise ZeroFilledGapError naming every table, column and group that is all zeros."""
    problems = []
    for check in ZERO_CHECKS:
        frame = tables.get(check.table)
        if frame is None or frame.empty:
            continue
        bad = zero_filled_groups(frame, check.column, check.by)
        if bad:
            shown = ", ".join("/".join(str(k) for k in key) for key in bad[:8])
            more = f" and {len(bad) - 8} more" if len(bad) > 8 else ""
            problems.append(
                f"{check.table}.{check.column} is zero for every row of "
                f"{'/'.join(check.by)} = {shown}{more}"
            )
    if problems:
        raise ZeroFilledGapError(
            "zero-filled gaps (a source that records nothing wrote zeros; make them gaps): "
            + "; ".join(problems)
        )
