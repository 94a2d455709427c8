"""“Add this view to my deck”: a button under a chart that adds the page's current view (its
address, with all its state) as a slide to the deck kept in this browser."""

from __future__ import annotations

import json

from dash import dcc, html

from text import present as t


def add_to_deck(graph_id: str | dict) -> html.Div:
    """The button for the chart `graph_id`, its status line, and the store the browser writes
    the current address into when it is pressed (callbacks/deck.py)."""
    key = graph_id if isinstance(graph_id, str) else json.dumps(graph_id, sort_keys=True)
    return html.Div(
        [
            html.Button(t.ADD_TO_DECK, id={"type": "deck-add", "graph": key}, type="button",
                        className="btn btn-outline-secondary btn-sm deck-add"),
            dcc.Store(id={"type": "deck-add-view", "graph": key}),
            html.Span(id={"type": "deck-add-status", "graph": key}, role="status",
                      className="deck-add-status"),
        ],
        className="deck-add-box",
    )
