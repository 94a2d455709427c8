"""Countries ranked by their value in one year: horizontal bars, largest on top, each value
written beside its bar in dark text (white text inside a coloured bar falls below 4.5:1)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    """One row per country with a value, largest first."""
    data = df[df["value"].notna()].drop_duplicates("country_code", keep="last")
    return data.sort_values("value", ascending=False)


def create_figure(
    df: pd.DataFrame, *, x_title: str, log: bool = False,
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """`export`: indicator_code, unit (and transform, base) for the downloads; the year of each
    bar comes from `df`'s year column."""
    data = process_data(df)
    labels = data["label"] if "label" in data else data["value"].map(str)
    colours = [theme.country_colour(code) for code in data["country_code"]]
    fig = go.Figure(
        go.Bar(
            x=data["value"].tolist(),
            y=data["country_name"].tolist(),
            orientation="h",
            marker={"color": colours},
            text=labels.tolist(),
            textposition="outside",
            textfont={"color": theme.TEXT_COLOUR},
            customdata=data["country_code"].tolist(),
            hovertemplate="%{y}: %{text}<extra></extra>",
            cliponaxis=False,
            meta=theme.trace_meta(**{
                "value": "x", **({"year": data["year"].tolist()} if "year" in data else {}),
                **theme.with_status(export, data), "country_code": data["country_code"].tolist(),
                "country_name": data["country_name"].tolist(),
            }) if export else None,
        ),
        layout=theme.base_layout(
            xaxis={"title": {"text": x_title}, "type": "log" if log else "linear",
                   "showgrid": True, "gridcolor": theme.GRID_COLOUR},
            yaxis={"autorange": "reversed", "gridcolor": "rgba(0,0,0,0)"},
            showlegend=False,
            height=max(240, 60 + 44 * len(data)),
            margin={"r": 120},  # room for the label beside the longest bar
        ),
    )
    return fig
