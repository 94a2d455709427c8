"""The projector look, applied to any figure: black on white, thick lines, and type sized to be
read from the back of a room on a 1920×1080 screen (chart title 32 px, axis titles 26 px, tick
labels 22 px). One function serves every slide, whatever builder drew the figure."""

from __future__ import annotations

import plotly.graph_objects as go

from figures import theme

TITLE_SIZE = 32
AXIS_TITLE_SIZE = 26
TICK_SIZE = 22
LEGEND_SIZE = 24
HOVER_SIZE = 22
ANNOTATION_SIZE = 28
TEXT_COLOUR = "#000000"  # 21:1 on white: projectors wash out greys
AXIS_COLOUR = "#333333"
GRID_COLOUR = "#c8c8c8"  # a washed-out projector still shows it
LINE_WIDTH = 5
MARKER_SIZE = 10
BAR_LABEL_ROOM = 220  # px right of horizontal bars for their value labels


def projector(figure: go.Figure) -> go.Figure:
    """A copy of `figure` restyled for a projector (builders may hand out cached figures).
    Sizes are set on every axis, colour bar and annotation the figure has, so no builder
    needs its own presentation copy."""
    fig = go.Figure(figure)
    axis_style = {
        "title": {"font": {"size": AXIS_TITLE_SIZE, "color": TEXT_COLOUR}},
        "tickfont": {"size": TICK_SIZE, "color": TEXT_COLOUR},
        "linecolor": AXIS_COLOUR,
        "tickcolor": AXIS_COLOUR,
        "linewidth": 2,
    }
    fig.update_layout(
        font={"family": theme.FONT_FAMILY, "size": TICK_SIZE, "color": TEXT_COLOUR},
        title={"font": {"size": TITLE_SIZE, "color": TEXT_COLOUR}, "x": 0, "xanchor": "left",
               "y": 0.98, "yanchor": "top"},
        # A slide can be small (a laptop's window, 320 px wide): the legend takes at most
        # a fifth of it and scrolls, so the plot keeps its room.
        legend={"font": {"size": LEGEND_SIZE, "color": TEXT_COLOUR}, "maxheight": 0.2},
        hoverlabel={"font": {"size": HOVER_SIZE, "family": theme.FONT_FAMILY}},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin={"l": 24, "r": 32, "t": 80 if fig.layout.title.text else 24, "b": 24},
        # The slide's box sets the size, so the chart fills the screen at any resolution.
        height=None,
        width=None,
        autosize=True,
    )
    fig.update_xaxes(**axis_style)
    fig.update_yaxes(**axis_style, gridcolor=GRID_COLOUR)
    fig.for_each_xaxis(lambda axis: axis.update(gridcolor=GRID_COLOUR) if axis.showgrid else None)
    # A log axis labels only powers of ten: Plotly's in-between digits are drawn too small.
    fig.for_each_xaxis(lambda axis: axis.update(dtick=1) if axis.type == "log" else None)
    fig.for_each_yaxis(lambda axis: axis.update(dtick=1) if axis.type == "log" else None)
    fig.update_traces(line_width=LINE_WIDTH, marker_size=MARKER_SIZE, selector={"type": "scatter"})
    fig.update_traces(textfont={"size": TICK_SIZE}, cliponaxis=False, selector={"type": "bar"})
    if any(trace.type == "bar" and trace.orientation == "h" for trace in fig.data):
        fig.update_layout(margin={"r": BAR_LABEL_ROOM})  # labels beside the longest bar
    fig.update_traces(
        colorbar={"title": {"font": {"size": AXIS_TITLE_SIZE, "color": TEXT_COLOUR}},
                  "tickfont": {"size": TICK_SIZE, "color": TEXT_COLOUR}, "thickness": 24},
        selector={"type": "choropleth"},
    )
    fig.update_annotations(font={"size": ANNOTATION_SIZE, "color": TEXT_COLOUR})
    return fig
