"""A policy target drawn on a chart: a dashed line across the plot with its label, and a value
axis that starts at zero so the distance to the target is seen at its true size."""

from __future__ import annotations

import plotly.graph_objects as go

# SDG 10.c: reduce the transaction costs of migrant remittances to less than 3 %.
SDG_10C_TARGET_PCT = 3.0
TARGET_COLOUR = "#b31b1b"  # 6.9:1 on white


def add_target(fig: go.Figure, value: float, label: str, *, axis: str = "y") -> go.Figure:
    """Draw `value` as a dashed line labelled `label` across the plot: horizontal on the y
    axis, vertical on the x axis (a ranked bar chart). A linear value axis starts at zero."""
    line = {"color": TARGET_COLOUR, "dash": "dash", "width": 2}
    annotation = {"text": label, "font": {"color": TARGET_COLOUR}}
    if axis == "x":
        fig.add_vline(x=value, line=line, annotation=annotation,
                      annotation_position="top right")
        if fig.layout.xaxis.type != "log":
            fig.update_xaxes(rangemode="tozero")
    else:
        fig.add_hline(y=value, line=line, annotation=annotation,
                      annotation_position="top left")
        if fig.layout.yaxis.type != "log":
            fig.update_yaxes(rangemode="tozero")
    return fig
