"""A word-sized line of one series, for a headline card: no axes, the last point marked."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from figures import theme

HEIGHT = 56


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    return df.loc[df["value"].notna(), ["year", "value"]].sort_values("year")


def create_figure(df: pd.DataFrame, *, colour: str = theme.TEXT_COLOUR) -> go.Figure:
    """`df` has year and value; a series with gaps is drawn with gaps."""
    data = process_data(df)
    years = data["year"].tolist()
    # Missing years break the line instead of being bridged.
    full = list(range(years[0], years[-1] + 1)) if years else []
    by_year = dict(zip(years, data["value"].tolist(), strict=True))
    fig = go.Figure(layout=theme.base_layout(
        height=HEIGHT,
        margin={"l": 4, "r": 8, "t": 6, "b": 6},
        xaxis={"visible": False, "fixedrange": True},
        yaxis={"visible": False, "fixedrange": True},
        showlegend=False,
        hovermode=False,
    ))
    fig.add_trace(go.Scatter(
        x=full, y=[by_year.get(year) for year in full], mode="lines",
        line={"color": colour, "width": 2}, connectgaps=False, hoverinfo="skip",
    ))
    if years:
        fig.add_trace(go.Scatter(
            x=[years[-1]], y=[by_year[years[-1]]], mode="markers",
            marker={"color": colour, "size": 6}, hoverinfo="skip",
        ))
    return fig
