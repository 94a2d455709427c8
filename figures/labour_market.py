"""The home labour market in three panels: participation by sex, youth unemployment by sex,
and the size of the labour force."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from figures import theme

SEX_COLOURS = {"female": "#AA3377", "male": "#4477AA"}  # Paul Tol's bright purple and blue
SEX_DASHES = {"female": "solid", "male": "dash"}


def process_data(df: pd.DataFrame, panels: list[dict[str, str]]) -> list[pd.DataFrame]:
    """One frame per panel: rows of its series (indicator_code -> line key), sorted by year."""
    out = []
    for lines in panels:
        rows = df[df["indicator_code"].isin(lines)]
        out.append(rows.assign(line=rows["indicator_code"].map(lines)).sort_values("year"))
    return out


def create_figure(
    df: pd.DataFrame,
    *,
    panels: list[dict[str, str]],
    titles: list[str],
    line_names: dict[str, str],
    export: Mapping[str, object] | None = None,
    units: Mapping[str, str] | None = None,
) -> go.Figure:
    """`df`: indicator_code, year, value (and status, exported where given). `panels`: per
    panel, indicator_code -> line key ("female", "male" or another key); `line_names`: line
    key -> legend name. `export`: country_code, country_name for the downloads, each line
    under its own indicator code with its unit from `units` (indicator_code -> unit)."""
    frames = process_data(df, panels)
    fig = make_subplots(rows=1, cols=len(panels), subplot_titles=titles,
                        horizontal_spacing=0.08)
    fig.update_layout(theme.base_layout(hovermode="x unified", margin={"t": 48}))
    shown: set[str] = set()
    for col, rows in enumerate(frames, start=1):
        for key in dict.fromkeys(rows["line"]):
            line = rows[rows["line"] == key]
            colour = SEX_COLOURS.get(key, theme.TEXT_COLOUR)
            fig.add_trace(go.Scatter(
                x=line["year"].tolist(), y=line["value"].tolist(), name=line_names[key],
                legendgroup=key, showlegend=key not in shown, mode="lines",
                meta=theme.trace_meta(
                    **theme.with_status(export, line),
                    indicator_code=line["indicator_code"].iloc[0],
                    unit=(units or {}).get(line["indicator_code"].iloc[0], ""), key=key)
                if export else key,
                line={"color": colour, "dash": SEX_DASHES.get(key, "solid"), "width": 3},
                hovertemplate=f"{line_names[key]}: %{{y:,.1f}}<extra></extra>",
            ), row=1, col=col)
            shown.add(key)
        fig.update_xaxes(tickformat="d", showgrid=False, row=1, col=col)
        fig.update_yaxes(gridcolor=theme.GRID_COLOUR, rangemode="tozero",
                         separatethousands=True, row=1, col=col)
    fig.update_annotations(font={"size": theme.FONT_SIZE})
    return fig
