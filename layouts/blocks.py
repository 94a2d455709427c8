"""A chart block: the chart's heading, its graph (drawn with the figure in the page's first
render) with its summary and data table, the notes and caveats printed under it, and its
sources line with the API links of its data. Every page builds its charts with `chart_block`;
a page callback refreshes a block with `block_values` into the outputs named by `BLOCK_PROPS`.
"""

from __future__ import annotations

from typing import Any

from dash import html, no_update

import charts
from ids import ChartId, block
from layouts.chart_sources import chart_footer
from layouts.chart_text import chart_text
from layouts.graph import graph
from pages.views import of_chart

# The properties of a block a page callback refreshes, as (part of ids.Block, property).
BLOCK_PROPS = (("title", "children"), ("graph", "figure"), ("notes", "children"),
               ("sources", "children"), ("view", "data"), ("text", "children"))


def notes(chart_id: ChartId, state: Any) -> list:
    """The chart's notes, then what it explains (a heading and terms with definitions)."""
    spec = charts.chart(chart_id)
    parts: list = [html.P(note, className="chart-note") for note in spec.notes(state)]
    if spec.explained is not None:
        heading, terms = spec.explained(state)
        if terms:
            parts += [html.H4(heading, className="h5"),
                      # Definitions are the source's own words, in its language (English).
                      html.Ul([html.Li([html.Strong(f"{term}: "), html.Span(definition, lang="en")])
                               for term, definition in terms], className="how-each-counts")]
    return parts


def block_values(chart_id: ChartId, state: Any) -> list:
    """The values of BLOCK_PROPS for the chart in `state`."""
    spec = charts.chart(chart_id)
    return [spec.title(state), charts.figure_json(chart_id, state), notes(chart_id, state),
            chart_footer(spec.sources(state), spec.api_links(state)),
            of_chart(chart_id, state).url, chart_text(chart_id, chart_id, state)]


def chart_block(chart_id: ChartId, state: Any, *, heading: str = "h3",
                **graph_options: Any) -> html.Section:
    """The whole block for the chart in `state`; `heading`: the level of its title."""
    spec = charts.chart(chart_id)
    ids = block(chart_id)
    title, figure, note_parts, footer, view_url, text = block_values(chart_id, state)
    heading_tag = getattr(html, heading.upper())
    return html.Section(
        [
            heading_tag(title, id=ids.title, className="chart-title"),
            graph(chart_id, spec.label(), figure, text=text, title_id=ids.title,
                  view_url=view_url, **graph_options),
            html.Div(note_parts, id=ids.notes, className="coverage chart-notes"),
            html.Div(footer, id=ids.sources),
        ],
        className="chart-block",
    )


def block_outputs(chart_ids: tuple[ChartId, ...]) -> list[tuple[object, str]]:
    """(component id, property) of every block's refreshed parts, for a callback's Outputs."""
    return [(getattr(block(chart_id), part), prop) for chart_id in chart_ids
            for part, prop in BLOCK_PROPS]


def refreshed_blocks(chart_ids: tuple[ChartId, ...], state: Any, previous: Any) -> list:
    """Values for `block_outputs`: a block whose chart shows the same view as before is left
    as drawn."""
    values: list = []
    for chart_id in chart_ids:
        key = charts.chart(chart_id).key
        if previous is not None and key(state) == key(previous):
            values += [no_update] * len(BLOCK_PROPS)
        else:
            values += block_values(chart_id, state)
    return values
