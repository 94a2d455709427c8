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
    years = [int(y) for y in data["year"]]
    values = data["value"].tolist()
    # A gap clearly longer than the series' own step (1 year for WDI, 4-5 for UN DESA) breaks
    # the line instead of being bridged.
    step = min((b - a for a, b in zip(years, years[1:], strict=False)), default=1)
    xs: list[int] = []
    ys: list[float | None] = []
    for year, value in zip(years, values, strict=True):
        if xs and year - xs[-1] > 1.5 * step:
            xs.append(xs[-1] + step)
            ys.append(None)
        xs.append(year)
        ys.append(value)
    fig = go.Figure(layout=theme.base_layout(
        height=HEIGHT,
        margin={"l": 4, "r": 8, "t": 6, "b": 6},
        xaxis={"visible": False, "fixedrange": True},
        yaxis={"visible": False, "fixedrange": True},
        showlegend=False,
        hovermode=False,
    ))
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="lines",
        line={"color": colour, "width": 2}, connectgaps=False, hoverinfo="skip",
    ))
    if years:
        fig.add_trace(go.Scatter(
            x=[years[-1]], y=[values[-1]], mode="markers",
            marker={"color": colour, "size": 6}, hoverinfo="skip",
        ))
    return fig
