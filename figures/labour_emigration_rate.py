"""Emigrants per 1,000 residents per year, by 5-year period: one line per country.

Every rate rests on model estimates of flows, so every line is drawn as the app draws
estimates (figures/line_chart.py): dotted, with open markers, each country in its colour and
with its marker symbol."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

ESTIMATE_DASH = "dot"


def process_data(df: pd.DataFrame, period_label: str) -> pd.DataFrame:
    """Rows with a rate, with a `period` label ('2015–2020'), sorted by country and period."""
    data = df.dropna(subset=["rate_per_1000"]).sort_values(["country_code", "period_start"])
    return data.assign(period=[period_label.format(start=s, end=e)
                               for s, e in zip(data["period_start"], data["period_end"],
                                               strict=True)])


def create_figure(
    df: pd.DataFrame,
    *,
    period_label: str,
    y_title: str,
    hover: list[str] | None = None,
    country_order: list[str] | None = None,
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """`df`: country_code, country_name, period_start, period_end, rate_per_1000 (and any
    other columns). `hover`, if given, is one hover text per row of process_data's output.
    `export`: indicator_code, unit for the downloads: one row per country and period (year =
    period start, `period` the label), with the flow and population the rate is made from
    where `df` has them, and each value's `status` where `df` has one."""
    data = process_data(df, period_label)
    if hover is not None:
        data = data.assign(hover=hover)
    codes = country_order or list(dict.fromkeys(data["country_code"]))
    styles = theme.country_styles(codes)
    periods = list(dict.fromkeys(data.sort_values("period_start")["period"]))
    fig = go.Figure(layout=theme.base_layout(
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": periods},
        yaxis={"title": {"text": y_title}, "rangemode": "tozero"},
        hovermode="closest",
    ))
    for code in codes:
        rows = data[data["country_code"] == code]
        if rows.empty:
            continue
        name = rows["country_name"].iloc[0]
        fig.add_trace(go.Scatter(
            x=rows["period"].tolist(),
            y=rows["rate_per_1000"].round(2).tolist(),
            name=name,
            meta=theme.trace_meta(**theme.with_extra(
                export, period=rows["period"].tolist(),
                **{c: rows[c].tolist() for c in ("flow", "population", "status") if c in rows}),
                country_code=code, country_name=name, year=rows["period_start"].tolist(),
                key=code) if export else code,
            mode="lines+markers",
            line={"color": styles[code]["color"], "dash": ESTIMATE_DASH, "width": 3},
            marker={"size": 10, "symbol": theme.open_marker(styles[code]["symbol"]),
                    "line": {"width": 2, "color": styles[code]["color"]}},
            customdata=(rows["hover"] if "hover" in rows else rows["period"]).tolist(),
            hovertemplate="%{customdata}<extra></extra>",
        ))
    return fig
