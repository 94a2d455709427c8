"""Lines over time, one per country, in each country's own colour."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

COLUMNS = ["country_code", "country_name", "year", "value"]


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with a value, sorted for drawing; `label` (the formatted value) kept if present."""
    keep = COLUMNS + (["label"] if "label" in df.columns else [])
    return df.loc[df["value"].notna(), keep].sort_values(["country_code", "year"])


def create_figure(
    df: pd.DataFrame, *, y_title: str, log: bool = False, country_order: list[str] | None = None,
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """One line per country; `country_order` sets the legend order (default: first seen).
    `export`: indicator_code, unit (and transform, base) for the downloads (theme.trace_meta)."""
    data = process_data(df)
    codes = country_order or list(dict.fromkeys(data["country_code"]))
    styles = theme.country_styles(codes)
    fig = go.Figure(layout=theme.base_layout(
        yaxis={"title": {"text": y_title}, "type": "log" if log else "linear"},
        xaxis={"tickformat": "d"},
        hovermode="x unified",
    ))
    for code in codes:
        rows = data[data["country_code"] == code]
        if rows.empty:
            continue
        name = rows["country_name"].iloc[0]
        labels = rows["label"] if "label" in rows else rows["value"].map(str)
        fig.add_trace(go.Scatter(
            x=rows["year"].tolist(),
            y=rows["value"].tolist(),
            name=name,
            legendgroup=code,
            meta=theme.trace_meta(**export, country_code=code, country_name=name, key=code)
            if export else code,
            mode="lines+markers",
            line={"color": styles[code]["color"], "dash": styles[code]["dash"], "width": 3},
            marker={"size": 6},
            customdata=labels.tolist(),
            hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
        ))
    return fig
