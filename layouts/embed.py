"""The embedded view (/embed?<the comparison view's parameters>): the chart alone, with its
source line and a link to the full view; the only page other sites may frame
(serving/headers.py)."""

from __future__ import annotations

from dash import dcc, html

from layouts.compare import split_state
from layouts.graph import graph
from state.compare import CompareState, parse, snapshot_vocabulary, to_query
from text import common as tc
from text import compare as tcompare
from text import downloads as t


def layout(**params: str) -> html.Div:
    try:
        from query import indicator_meta

        state, notices = parse(params, snapshot_vocabulary())
        meta = indicator_meta(state.indicator)
    except Exception:  # a missing or corrupt snapshot is a message, not a crash
        return html.Div(html.P(tc.DATA_UNAVAILABLE, className="alert alert-warning"),
                        className="page page-embed")
    return view(state, bool(notices), meta)


def view(state: CompareState, had_notices: bool, meta: dict) -> html.Div:
    series_query, map_query = split_state(state)
    shows_map = state.tab == "map"
    return html.Div(
        [
            dcc.Store(id="embed-query", data={
                "map": map_query if shows_map else None,
                "series": None if shows_map else series_query,
                "scale": state.scale,
            }),
            *([html.P(t.EMBED_NOTICE, className="embed-source")] if had_notices else []),
            html.P(id="embed-caption", className="embed-caption", hidden=not shows_map),
            graph("embed-chart", tcompare.TAB_MAP if shows_map else tcompare.TAB_CHART,
                  add_to_deck=False, downloads=False),
            html.P(
                [
                    t.EMBED_SOURCE.format(source=meta.get("source", ""),
                                          vintage=meta.get("vintage", ""),
                                          licence=meta.get("licence", "")),
                    " ",
                    html.A(t.EMBED_FULL_VIEW, href=full_view_path(state), target="_blank",
                           rel="noopener", id="embed-full-view"),
                ],
                className="embed-source", id="embed-source",
            ),
        ],
        className="page page-embed", **{"aria-label": t.EMBED_PAGE_LABEL},
    )


def full_view_path(state: CompareState) -> str:
    return "/compare" + to_query(state)


def embed_path(state: CompareState) -> str:
    return "/embed" + to_query(state)
