"""Where several countries' emigrants live: a flow diagram from each origin (left) to its
largest destinations (right), link width = persons."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

COLUMNS = ["origin_code", "origin_name", "destination_code", "destination_name", "value"]
DESTINATION_COLOUR = "#8c959f"


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    return df.loc[df["value"] > 0].sort_values(["origin_code", "value"],
                                                ascending=[True, False])


def _rgba(hex_colour: str, alpha: float) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def create_figure(
    df: pd.DataFrame, *, origin_order: list[str] | None = None,
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """`df` has COLUMNS and `label` (formatted persons). Origins and destinations are separate
    nodes, so a country that is both (e.g. India for Bangladesh) makes no loop. Links run in
    origin order, largest first. `export`: indicator_code, unit, year for the downloads: one
    row per link, the origin as the country and the destination in its own columns."""
    data = process_data(df)
    origins = [c for c in (origin_order or []) if c in set(data["origin_code"])] or list(
        dict.fromkeys(data["origin_code"]))
    destinations = (data.groupby("destination_code")["value"].sum()
                    .sort_values(ascending=False).index.tolist())
    origin_names = dict(zip(data["origin_code"], data["origin_name"], strict=False))
    destination_names = dict(zip(data["destination_code"], data["destination_name"],
                                 strict=False))
    index = {("o", c): i for i, c in enumerate(origins)}
    index.update({("d", c): len(origins) + i for i, c in enumerate(destinations)})
    labels = data["label"] if "label" in data else data["value"].map(str)
    rows = data.assign(label=labels)
    rows = rows[rows["origin_code"].isin(origins)]
    rows = rows.assign(order=rows["origin_code"].map({c: i for i, c in enumerate(origins)}))
    rows = rows.sort_values(["order", "value"], ascending=[True, False], kind="stable")
    fig = go.Figure(go.Sankey(
        arrangement="snap",
        node={
            "label": [origin_names[c] for c in origins]
            + [destination_names[c] for c in destinations],
            "customdata": origins + destinations,
            "color": [theme.country_colour(c) for c in origins]
            + [DESTINATION_COLOUR] * len(destinations),
            "pad": 12, "thickness": 16, "line": {"width": 0},
            "hovertemplate": "%{label}<extra></extra>",
        },
        link={
            "source": [index[("o", c)] for c in rows["origin_code"]],
            "target": [index[("d", c)] for c in rows["destination_code"]],
            "value": rows["value"].tolist(),
            "color": [_rgba(theme.country_colour(c), 0.35) for c in rows["origin_code"]],
            "customdata": rows["label"].tolist(),
            "hovertemplate": "%{source.label} → %{target.label}: %{customdata}<extra></extra>",
        },
        meta=theme.trace_meta(
            **theme.with_extra(export, destination_code=rows["destination_code"].tolist(),
                               destination_name=rows["destination_name"].tolist()),
            country_code=rows["origin_code"].tolist(), country_name=rows["origin_name"].tolist(),
            value="link.value") if export else None,
    ), layout=theme.base_layout(
        height=max(420, 26 * len(destinations) + 80),
        margin={"l": 16, "r": 16, "t": 16, "b": 16},
    ))
    return fig
