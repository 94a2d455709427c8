"""A user's series over time, alone or beside an official indicator on a second axis.

Each country keeps its colour and marker symbol (theme.country_styles). The official
indicator is drawn as solid lines on the left axis; the user's series as dashed lines with
open markers, on the right axis when both are shown, so the two are never read on one scale.
Names typed by the user are escaped: plotly reads a few HTML tags in labels.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from figures import theme

USER_DASH = "dash"


def create_figure(
    user: pd.DataFrame, official: pd.DataFrame | None, *, user_title: str,
    official_title: str = "", user_suffix: str = "{name}",
) -> go.Figure:
    """`user` and `official`: rows [country_code, country_name, year, value]. `user_suffix`
    names a user's line from its country name (a format with {name})."""
    beside = official is not None and not official.empty
    codes = list(dict.fromkeys([*user["country_code"],
                                *(official["country_code"] if beside else [])]))
    styles = theme.country_styles(codes)
    layout = theme.base_layout(xaxis={"tickformat": "d"}, hovermode="x unified",
                               yaxis={"title": {"text": _escaped(
                                   official_title if beside else user_title)}})
    if beside:
        layout["yaxis2"] = {**layout["yaxis"], "title": {"text": _escaped(user_title)},
                            "overlaying": "y", "side": "right", "showgrid": False}
        layout["margin"] = {**layout["margin"], "r": 72}
    fig = go.Figure(layout=layout)
    if beside:
        for code, rows in official.sort_values(["country_code", "year"]).groupby(
                "country_code", sort=False):
            fig.add_trace(_line(rows, styles[code], _escaped(str(rows["country_name"].iloc[0])),
                                "y", dash=styles[code]["dash"], open_markers=False))
    # A line per country and, where the series gives them, per sex (in country_name).
    for (code, country), rows in user.sort_values(["country_code", "country_name", "year"]
                                                  ).groupby(["country_code", "country_name"],
                                                            sort=False):
        name = user_suffix.format(name=str(country))
        fig.add_trace(_line(rows, styles[code], _escaped(name), "y2" if beside else "y",
                            dash=USER_DASH if beside else styles[code]["dash"], open_markers=True))
    return fig


def _line(rows: pd.DataFrame, style: dict, name: str, axis: str, *, dash: str,
          open_markers: bool) -> go.Scatter:
    symbol = theme.open_marker(style["symbol"]) if open_markers else style["symbol"]
    return go.Scatter(
        x=rows["year"].tolist(), y=rows["value"].tolist(), name=name, yaxis=axis,
        mode="lines+markers", legendgroup=f"{axis}-{name}",
        line={"color": style["color"], "dash": dash, "width": 3},
        marker={"size": 8, "symbol": symbol, "color": style["color"]},
        hovertemplate=f"{name}: %{{y:,.8~g}}<extra></extra>",
    )


def _escaped(text: str) -> str:
    return html.escape(text, quote=False)
