"""Emigration by destination and 5-year period as stacked bars, with women's share on top."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

OTHER = "OTHER"
OTHER_COLOUR = "#b8bec6"
# Patterns tell apart two destinations that happen to share a colour in one chart.
PATTERNS = ("", "/", ".", "x", "-", "+")


def process_data(by_destination: pd.DataFrame, n: int = 6) -> pd.DataFrame:
    """The `n` largest destinations over all periods, the rest summed into OTHER.

    In: destination_code, destination_name, period_start, period_end, value.
    Out: the same columns, one row per kept destination (or OTHER) and period.
    """
    if by_destination.empty:
        return by_destination
    ranking = (by_destination.groupby("destination_code")["value"].sum()
               .sort_values(ascending=False))
    keep = list(ranking.index[:n])
    data = by_destination.copy()
    rest = ~data["destination_code"].isin(keep)
    data.loc[rest, ["destination_code", "destination_name"]] = [OTHER, OTHER]
    data = (data.groupby(["destination_code", "destination_name", "period_start", "period_end"],
                         as_index=False)["value"].sum())
    order = {code: i for i, code in enumerate([*keep, OTHER])}
    return (data.assign(order=data["destination_code"].map(order))
            .sort_values(["order", "period_start"]).drop(columns="order")
            .reset_index(drop=True))


def create_figure(
    data: pd.DataFrame,
    totals: pd.DataFrame,
    *,
    period_label: str,
    other_label: str,
    y_title: str,
    share_name: str,
    share_title: str,
    format_value: Callable[[float], str],
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """Stacked bars per period (largest destination at the bottom) and a line of women's share.

    `data` comes from process_data; `totals` has period_start, period_end and
    female_share_pct; `format_value` turns a number into hover text. `export`: indicator_code,
    unit, country_code and country_name (the origin) for the downloads: one row per
    destination and period (year = period start, `period` the label), the destination in its
    own columns (none for the rest together); women's share in rows of its own unit.
    """
    periods = sorted(data[["period_start", "period_end"]].drop_duplicates().itertuples(
        index=False))
    labels = {p.period_start: period_label.format(start=p.period_start, end=p.period_end)
              for p in periods}
    x_order = [labels[p.period_start] for p in periods]
    codes = list(dict.fromkeys(data["destination_code"]))
    colours: dict[str, int] = {}
    fig = go.Figure(layout=theme.base_layout(
        barmode="stack",
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": x_order},
        yaxis={"title": {"text": y_title}},
        yaxis2={"title": {"text": share_title}, "overlaying": "y", "side": "right",
                "range": [0, 100], "tickmode": "linear", "dtick": 25, "showgrid": False,
                "ticksuffix": " %"},
        hovermode="x unified",
        margin={"r": 72},
    ))
    for code in codes:
        rows = data[data["destination_code"] == code]
        name = other_label if code == OTHER else rows["destination_name"].iloc[0]
        colour = OTHER_COLOUR if code == OTHER else theme.country_colour(code)
        repeat = colours.get(colour, 0)
        colours[colour] = repeat + 1
        fig.add_trace(go.Bar(
            x=[labels[s] for s in rows["period_start"]],
            y=rows["value"].tolist(),
            name=name,
            meta=theme.trace_meta(
                **theme.with_extra(export, destination_code=None if code == OTHER else code,
                                   destination_name=name,
                                   period=[labels[p] for p in rows["period_start"]]),
                year=rows["period_start"].tolist(), key=code) if export else code,
            marker={"color": colour,
                    "pattern": {"shape": PATTERNS[repeat % len(PATTERNS)], "fgcolor": "#ffffff"}},
            customdata=[format_value(v) for v in rows["value"]],
            hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
        ))
    shares = totals.dropna(subset=["female_share_pct"])
    shares = shares[shares["period_start"].isin(labels)]
    if not shares.empty:
        fig.add_trace(go.Scatter(
            x=[labels[s] for s in shares["period_start"]],
            y=shares["female_share_pct"].round(1).tolist(),
            name=share_name,
            meta=theme.trace_meta(
                **theme.with_extra({**export, "unit": share_name},
                                   period=[labels[p] for p in shares["period_start"]]),
                year=shares["period_start"].tolist(), key="female_share")
            if export else "female_share",
            yaxis="y2",
            mode="lines+markers+text",
            text=[f"{v:.0f} %" for v in shares["female_share_pct"]],
            textposition="top center",
            line={"color": theme.TEXT_COLOUR, "width": 2, "dash": "dot"},
            marker={"size": 8, "symbol": "diamond"},
            hovertemplate=f"{share_name}: %{{y:.1f}} %<extra></extra>",
        ))
    return fig
