"""Emigration by destination and 5-year period as stacked bars, with women's share in a panel
of its own above them (so its labels never sit on a bar).

A destination whose code covers another area in some periods (Abel & Cohen's "Sudan*", Sudan
with South Sudan, before the source lists them apart) is a category of its own in those
periods, marked with an asterisk, and never continues the later series. Periods in which the
origin's own code covers another area carry an asterisk on the axis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

OTHER = "OTHER"
FORMER = "*"  # marks a code that covers another area in that period
NOTES = ("origin_note", "destination_note")
BARS_DOMAIN = [0.0, 0.7]
SHARE_DOMAIN = [0.8, 1.0]


def _note(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def process_data(by_destination: pd.DataFrame, n: int = 6) -> pd.DataFrame:
    """The `n` largest destinations over all periods, the rest summed into OTHER.

    In: destination_code, destination_name, period_start, period_end, value (and
    origin_note, destination_note where a code covers another area in that period).
    Out: one row per kept destination (or OTHER) and period: destination_code (a former area
    gets FORMER after its code, e.g. "SDN*"), destination_name, period_start, period_end,
    value, origin_note, destination_note.
    """
    if by_destination.empty:
        return by_destination
    data = by_destination.copy()
    for column in NOTES:
        data[column] = [_note(v) for v in data[column]] if column in data else None
    former = data["destination_note"].notna()
    data.loc[former, "destination_code"] = data.loc[former, "destination_code"] + FORMER
    data.loc[former, "destination_name"] = data.loc[former, "destination_name"] + FORMER
    ranking = data.groupby("destination_code")["value"].sum().sort_values(ascending=False)
    keep = list(ranking.index[:n])
    rest = ~data["destination_code"].isin(keep)
    data.loc[rest, ["destination_code", "destination_name", "destination_note"]] = [
        OTHER, OTHER, None]
    keys = ["destination_code", "destination_name", "period_start", "period_end"]
    carried = [*NOTES, *(["status"] if "status" in data else [])]
    notes = data.groupby(keys, dropna=False)[carried].first()
    data = data.groupby(keys, as_index=False)["value"].sum().merge(
        notes.reset_index(), on=keys, how="left")
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
    """Stacked bars per period (largest destination at the bottom) and, above them, a line of
    women's share.

    `data` comes from process_data; `totals` has period_start, period_end and
    female_share_pct (and origin_note); `format_value` turns a number into hover text.
    `export`: indicator_code, unit, country_code and country_name (the origin) for the
    downloads: one row per destination and period (year = period start, `period` the label),
    the destination in its own columns (none for the rest together), the territory notes and
    the status; women's share in rows of its own unit.
    """
    periods = sorted(data[["period_start", "period_end"]].drop_duplicates().itertuples(
        index=False))
    former_origin = (set(totals.loc[totals["origin_note"].notna(), "period_start"])
                     if "origin_note" in totals else set())
    labels = {p.period_start: period_label.format(start=p.period_start, end=p.period_end)
              + (FORMER if p.period_start in former_origin else "") for p in periods}
    x_order = [labels[p.period_start] for p in periods]
    codes = list(dict.fromkeys(data["destination_code"]))
    fig = go.Figure(layout=theme.base_layout(
        barmode="stack",
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": x_order,
               "anchor": "y"},
        yaxis={"title": {"text": y_title}, "domain": BARS_DOMAIN},
        # On the right, so the two axis titles never run into each other.
        yaxis2={"title": {"text": share_title}, "domain": SHARE_DOMAIN, "anchor": "x",
                "side": "right",
                "range": [0, 100], "tickmode": "array", "tickvals": [0, 50, 100],
                "ticksuffix": " %", "gridcolor": theme.GRID_COLOUR},
        hovermode="x unified",
        margin={"t": 40, "r": 72},
    ))
    ranked = [code for code in codes if code != OTHER]
    for code in codes:
        rows = data[data["destination_code"] == code]
        name = other_label if code == OTHER else rows["destination_name"].iloc[0]
        colour = (theme.OTHER_COLOUR if code == OTHER else
                  theme.CATEGORY_COLOURS[ranked.index(code) % len(theme.CATEGORY_COLOURS)])
        fig.add_trace(go.Bar(
            x=[labels[s] for s in rows["period_start"]],
            y=rows["value"].tolist(),
            name=name,
            meta=theme.trace_meta(
                **theme.with_extra(
                    export,
                    destination_code=None if code == OTHER else code.rstrip(FORMER),
                    destination_name=name,
                    period=[labels[p].rstrip(FORMER) for p in rows["period_start"]],
                    **_columns(rows, "origin_note", "destination_note", "status")),
                year=rows["period_start"].tolist(), key=code) if export else code,
            # White edges keep neighbouring segments apart; no fill is black.
            marker={"color": colour, "line": {"color": "#ffffff", "width": 1}},
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
                **theme.with_extra(
                    {**export, "unit": share_name},
                    period=[labels[p].rstrip(FORMER) for p in shares["period_start"]],
                    **_columns(shares, "origin_note", "status")),
                year=shares["period_start"].tolist(), key="female_share")
            if export else "female_share",
            yaxis="y2",
            mode="lines+markers+text",
            text=[f"{v:.0f} %" for v in shares["female_share_pct"]],
            textposition="top center",
            textfont={"color": theme.TEXT_COLOUR},
            cliponaxis=False,
            line={"color": theme.TEXT_COLOUR, "width": 2},
            marker={"size": 8, "symbol": "diamond", "color": theme.TEXT_COLOUR},
            hovertemplate=f"{share_name}: %{{y:.1f}} %<extra></extra>",
        ))
    return fig


def _columns(rows: pd.DataFrame, *columns: str) -> dict[str, list]:
    """The download columns the rows have, one value per row (a gap as None)."""
    return {column: [_note(v) for v in rows[column]] for column in columns if column in rows}
