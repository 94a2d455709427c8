"""Yearly arrivals from one origin, one line per destination, each labelled with how it counts.

The lines are never summed: each destination has its own definition.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

COLUMNS = ["reporting_code", "reporting_name", "criterion", "coverage", "label", "definition",
           "year", "value"]


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with a value, in the given destination order, sorted by year within each."""
    data = df.loc[df["value"].notna(), COLUMNS]
    order = {code: i for i, code in enumerate(dict.fromkeys(data["reporting_code"]))}
    return (data.assign(order=data["reporting_code"].map(order))
            .sort_values(["order", "year"]).drop(columns="order"))


def create_figure(
    df: pd.DataFrame, *, y_title: str, last_year: int | None = None,
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """`df` has reporting_code, reporting_name, criterion, coverage, label (destination and how
    it counts), definition, year, value.

    Years run to `last_year` on the axis even where lines stop earlier, so a gap shows.
    `export`: indicator_code, unit, country_code and country_name (the origin) for the
    downloads: one row per destination and year, with the destination (the reporting country)
    and how it counts in columns of their own.
    """
    data = process_data(df)
    codes = list(dict.fromkeys(data["reporting_code"]))
    styles = theme.country_styles(codes)
    xaxis: dict = {"tickformat": "d"}
    if last_year is not None and not data.empty:
        xaxis["range"] = [int(data["year"].min()) - 0.5, last_year + 0.5]
    fig = go.Figure(layout=theme.base_layout(
        yaxis={"title": {"text": y_title}, "rangemode": "tozero"},
        xaxis=xaxis,
        hovermode="closest",
        legend={"orientation": "v"},
    ))
    for code in codes:
        rows = data[data["reporting_code"] == code]
        label = rows["label"].iloc[0]
        fig.add_trace(go.Scatter(
            x=rows["year"].tolist(),
            y=rows["value"].tolist(),
            name=label,
            meta=theme.trace_meta(**theme.with_extra(
                export, destination_code=code, destination_name=rows["reporting_name"].iloc[0],
                criterion=rows["criterion"].iloc[0], coverage=rows["coverage"].iloc[0],
                definition=rows["definition"].iloc[0]), key=code) if export else code,
            mode="lines+markers",
            line={"color": styles[code]["color"], "dash": styles[code]["dash"], "width": 3},
            marker={"size": 8, "symbol": styles[code]["symbol"]},
            customdata=rows["definition"].tolist(),
            hovertemplate=(f"{label}<br>%{{x}}: %{{y:,.0f}}<br>"
                           "<i>%{customdata}</i><extra></extra>"),
        ))
    return fig
