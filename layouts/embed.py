"""The embedded view (/embed?<the comparison view's parameters>): the chart alone, with its
source line and a link to the full view; the only page other sites may frame
(serving/headers.py). The chart is the comparison view's own, drawn in the first render."""

from __future__ import annotations

from dash import html

import charts
import query
from exports.citation import source_line
from ids import ChartId, Embed
from layouts.chart_text import chart_text
from layouts.graph import graph
from pages import PageRequest
from state.compare import CompareState, to_url
from text import compare as tcompare
from text import downloads as t


def layout(request: PageRequest) -> html.Div:
    state: CompareState = request.state
    meta = query.indicator_meta(state.indicator)
    chart = ChartId.COMPARE_MAP if state.tab == "map" else ChartId.COMPARE_SERIES
    spec = charts.chart(chart)
    caption = spec.title(state) if chart == ChartId.COMPARE_MAP else ""
    return html.Div(
        [
            *([html.P(t.EMBED_NOTICE, className="embed-source")] if request.notices else []),
            html.H1(caption or spec.title(state), id=Embed.CAPTION,
                    className="embed-caption" if caption else "visually-hidden"),
            graph(Embed.CHART, tcompare.TAB_MAP if caption else tcompare.TAB_CHART,
                  charts.figure_json(chart, state), text=chart_text(Embed.CHART, chart, state),
                  title_id=Embed.CAPTION, add_to_deck=False, downloads=False),
            html.P(
                [
                    source_line([meta]),
                    " ",
                    html.A(t.EMBED_FULL_VIEW, href=to_url(state), target="_blank",
                           rel="noopener", id=Embed.FULL_VIEW),
                ],
                className="embed-source", id=Embed.SOURCE,
            ),
        ],
        className="page page-embed", **{"aria-label": t.EMBED_PAGE_LABEL},
    )
