"""Comparison view, Chart tab: the indicator over the chosen years, one line per country, or
countries ranked by their value when one year is chosen.

An indicator with a policy target (TARGETS) draws it as a dashed line on a value axis from
zero, wherever the chart is shown: the page, an embed, a slide. A series from an older
release than the other World Bank series (its `vintage_note`) names its vintage in the
chart's title."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

import query
from charts import Chart
from charts.indicator_units import (
    axis_title,
    export_fields,
    indicator_sources,
    older_release,
    with_labels,
)
from charts.parts import MANY_COUNTRIES
from figures import line_chart, ranked_bar, targets, theme
from ids import ChartId, PageId
from serving.cache import memoize
from state.compare import CompareState
from text import compare as t
from text import present as tp
from text.numbers import format_value, format_year_span

# Room for the widest value labels and axis title of any indicator and transform, and for the
# last year's label. Plotly draws a figure a second time when its first draw moved the margins,
# which changing the indicator did (each unit has labels of its own width); with margins that
# hold them all, the new figure is drawn once. Wider labels still widen them (automargin).
STEADY_MARGINS = {"l": 104, "r": 32}

# Targets drawn on the chart of an indicator shown as published: indicator -> (value, label).
TARGETS: dict[str, tuple[float, str]] = {
    "SI.RMT.COST.IB.ZS": (targets.SDG_10C_TARGET_PCT, t.TARGET_SDG_10C),
}


@memoize()
def process_data(state: CompareState) -> pd.DataFrame:
    """The chosen countries' values (transformed), with hover labels; empty if none. Cached:
    the chart, the coverage panel and the table read the same rows."""
    if not state.countries:
        return pd.DataFrame(columns=[*line_chart.COLUMNS, "label"])
    df = query.series(state.indicator, list(state.countries), start=state.start, end=state.end,
                      transform=state.transform, base=state.base)
    meta = query.indicator_meta(state.indicator)
    return with_labels(df[df["value"].notna()], meta, state.transform, state.base)


def create_figure(df: pd.DataFrame, state: CompareState) -> go.Figure:
    meta = query.indicator_meta(state.indicator)
    years = format_year_span(state.start, state.end)
    if not state.countries:
        return theme.empty_figure(t.EMPTY_NO_COUNTRIES)
    if df.empty:
        return theme.empty_figure(t.EMPTY_NO_DATA.format(years=years))
    log = state.scale == "log"
    title = axis_title(meta, state.transform, state.base)
    ranked = state.start == state.end
    if ranked:
        figure = ranked_bar.create_figure(df, x_title=title, log=log,
                                          export=export_fields(state, meta))
    else:
        figure = line_chart.create_figure(df, y_title=title, log=log,
                                          country_order=list(state.countries),
                                          export=export_fields(state, meta))
    target = TARGETS.get(state.indicator) if state.transform == "none" else None
    if target is not None:
        value, label = target
        targets.add_target(figure, value, label.format(target=format_value(value, "%", 0)),
                           axis="x" if ranked else "y")
    return figure.update_layout(title={"text": chart_title(state), "x": 0, "xanchor": "left"},
                                margin={"t": 56, **STEADY_MARGINS})


def chart_title(state: CompareState) -> str:
    """'<indicator>, <years>', and the release when it is older than the other series'."""
    meta = query.indicator_meta(state.indicator)
    title = t.CHART_LABEL.format(indicator=meta.get("short_name", state.indicator),
                                 years=format_year_span(state.start, state.end))
    if older_release(state.indicator):
        title += t.CHART_OLDER_RELEASE.format(vintage=meta.get("vintage"))
    return title


def slide_title(state: CompareState) -> str:
    """A slide's default title: the indicator and the countries shown."""
    meta = query.indicator_meta(state.indicator)
    names = ", ".join(query.country_name(code) for code in state.countries)
    return tp.DEFAULT_TITLE_CHART.format(indicator=meta.get("short_name", state.indicator),
                                         countries=names).rstrip(", ")


def build(state: CompareState) -> go.Figure:
    return create_figure(process_data(state), state)


def key(state: CompareState) -> CompareState:
    """The tab and the map year do not change this chart."""
    return replace(state, tab="chart", year=None)


CHART = Chart(
    id=ChartId.COMPARE_SERIES,
    page=PageId.COMPARE,
    slug="chart",
    label=lambda: t.TAB_CHART,
    title=chart_title,
    standalone_title=slide_title,
    build=build,
    sources=indicator_sources,
    key=key,
    **MANY_COUNTRIES,
)
