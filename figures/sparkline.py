"""A word-sized line of one series, for a headline card: no axes, the last point marked.

With a `status` column (query.series gives one), values the source does not present as
observed are drawn dotted, and the last point's marker is open when its value is not
observed (a projection or a model estimate)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from figures import theme

HEIGHT = 56


OBSERVED = "observed"


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    columns = ["year", "value"] + (["status"] if "status" in df.columns else [])
    return df.loc[df["value"].notna(), columns].sort_values("year")


def create_figure(df: pd.DataFrame, *, colour: str = theme.TEXT_COLOUR) -> go.Figure:
    """`df` has year and value; a series with gaps is drawn with gaps."""
    data = process_data(df)
    years = [int(y) for y in data["year"]]
    values = data["value"].tolist()
    statuses = data["status"].astype(str).tolist() if "status" in data else [OBSERVED] * len(years)
    # A gap clearly longer than the series' own step (1 year for WDI, 4-5 for UN DESA) breaks
    # the line instead of being bridged.
    step = min((b - a for a, b in zip(years, years[1:], strict=False)), default=1)
    xs: list[int] = []
    ys: list[float | None] = []
    seen: list[bool] = []
    for year, value, status in zip(years, values, statuses, strict=True):
        if xs and year - xs[-1] > 1.5 * step:
            xs.append(xs[-1] + step)
            ys.append(None)
            seen.append(True)
        xs.append(year)
        ys.append(value)
        seen.append(status == OBSERVED)
    fig = go.Figure(layout=theme.base_layout(
        height=HEIGHT,
        margin={"l": 4, "r": 8, "t": 6, "b": 6},
        xaxis={"visible": False, "fixedrange": True},
        yaxis={"visible": False, "fixedrange": True},
        showlegend=False,
        hovermode=False,
    ))
    solid = [y if ok else None for y, ok in zip(ys, seen, strict=True)]
    fig.add_trace(go.Scatter(
        x=xs, y=solid, mode="lines",
        line={"color": colour, "width": 2}, connectgaps=False, hoverinfo="skip",
    ))
    if not all(seen):
        near = [i for i in range(len(xs)) if not seen[i] or (i > 0 and not seen[i - 1])
                or (i + 1 < len(xs) and not seen[i + 1])]
        fig.add_trace(go.Scatter(
            x=xs, y=[ys[i] if i in near else None for i in range(len(xs))], mode="lines",
            line={"color": colour, "width": 2, "dash": "dot"}, connectgaps=False,
            hoverinfo="skip",
        ))
    if years:
        last_observed = statuses[-1] == OBSERVED
        fig.add_trace(go.Scatter(
            x=[years[-1]], y=[values[-1]], mode="markers",
            marker={"color": colour, "size": 6 if last_observed else 7,
                    "symbol": "circle" if last_observed else "circle-open",
                    "line": {"color": colour, "width": 2}},
            hoverinfo="skip",
        ))
    return fig
