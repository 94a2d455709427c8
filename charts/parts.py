"""Pieces every chart module uses: the sources behind a chart, and the short blank chart that
says what is missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import plotly.graph_objects as go

import query
from exports.bulk import sources_of_table
from figures import theme

GAP_HEIGHT = 140


def gap(message: str) -> go.Figure:
    """A short blank chart that says what is missing, so a gap is never silent."""
    return theme.empty_figure(message).update_layout(height=GAP_HEIGHT)


def indicator_sources(codes: list[str]) -> list[dict[str, str]]:
    """The catalogue entries (source, vintage, licence, ...) of indicators, in order."""
    return [query.indicator_meta(code) for code in codes]


def table_sources(*tables: str) -> list[dict[str, str]]:
    """The sources that feed snapshot tables (e.g. "migrant_stock"), in order."""
    snap = query.get_snapshot()
    return [{"source": s["name"], "vintage": s["vintage"], "licence": s["licence"]}
            for table in tables for s in sources_of_table(table, snap.sources)]


def one_country(field: str) -> dict[str, Callable[..., Any]]:
    """How a slide's country picker reads and sets a one-country chart: the state's `field`
    holds the country, and the country picked last replaces it (none picked keeps it)."""
    return {
        "countries": lambda state: (getattr(state, field),),
        "with_countries": lambda state, codes: replace(state, **{field: codes[-1]})
        if codes else state,
    }


# A chart of several countries: the picker reads and sets the state's `countries`.
MANY_COUNTRIES: dict[str, Callable[..., Any]] = {
    "countries": lambda state: state.countries,
    "with_countries": lambda state, codes: replace(state, countries=codes),
}
