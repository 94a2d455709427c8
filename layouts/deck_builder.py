"""Deck builder (/deck): order, rename and remove the slides of the deck kept in this browser;
present it, share it as a link, export and import it as a JSON file."""

from __future__ import annotations

from dash import dcc, html

from ids import Deck, DeckRow
from layouts.printing import deck_buttons
from pages import PageRequest
from pages.deck import MAX_TITLE, Slide
from text import present as t
from text.numbers import format_number


def layout(request: PageRequest) -> html.Div:
    return html.Div(
        [
            html.H1(t.BUILDER_TITLE),
            html.P(t.BUILDER_INTRO, className="lead-sm"),
            html.Div(id=Deck.MESSAGE, role="status", **{"aria-live": "polite"}),
            html.Div([
                html.Label(t.DECK_TITLE_LABEL, htmlFor=Deck.TITLE, className="form-label"),
                dcc.Input(id=Deck.TITLE, type="text", debounce=True, maxLength=MAX_TITLE,
                          placeholder=t.DECK_TITLE_PLACEHOLDER, className="form-control"),
            ], className="deck-field"),
            html.H2(t.SLIDES_TITLE),
            html.P(t.EMPTY_DECK, id=Deck.EMPTY, hidden=True, className=Deck.EMPTY),
            html.Ol(id=Deck.SLIDES, className=Deck.SLIDES),
            html.Div([
                html.Label(t.ADD_LINK_LABEL, htmlFor=Deck.ADD_LINK, className="form-label"),
                html.Div([
                    dcc.Input(id=Deck.ADD_LINK, type="text", debounce=False,
                              placeholder=t.ADD_LINK_PLACEHOLDER, className="form-control"),
                    html.Button(t.ADD_LINK_BUTTON, id=Deck.ADD_LINK_BUTTON, type="button",
                                className="btn btn-outline-primary"),
                ], className=Deck.ADD_LINK),
            ], className="deck-field"),
            html.Div([
                html.Span([dcc.Link(t.PRESENT, id=Deck.PRESENT, href="/present",
                                    className="btn btn-primary"),
                           *deck_buttons(builder=True)],
                          id=Deck.PRESENT_BOX, className="deck-present-box", hidden=True),
                html.Button(t.EXPORT, id=Deck.EXPORT, type="button",
                            className="btn btn-outline-secondary"),
                dcc.Download(id=Deck.DOWNLOAD),
                html.Button(t.START_READY, id=Deck.READY, type="button",
                            className="btn btn-outline-secondary"),
                html.Button(t.CLEAR, id=Deck.CLEAR, type="button",
                            className="btn btn-outline-danger"),
            ], className="deck-actions"),
            html.Div([
                html.Label(t.SHARE_LABEL, htmlFor=Deck.SHARE_URL, className="form-label"),
                html.Div([
                    dcc.Input(id=Deck.SHARE_URL, type="text", readOnly=True,
                              className="form-control"),
                    dcc.Clipboard(target_id=Deck.SHARE_URL, className="copy-button",
                                  children=html.Button(t.COPY, type="button",
                                                       className="btn btn-outline-secondary")),
                ], className="deck-share"),
                html.P(id=Deck.SHARE_NOTE, className="small deck-share-note"),
            ], id=Deck.SHARE_BOX, className="deck-field"),
            dcc.Upload(html.Div(t.IMPORT), id=Deck.UPLOAD, accept=".json,application/json",
                       multiple=False, className=Deck.UPLOAD),
        ],
        className="page page-deck",
    )


def slide_rows(slides: tuple[Slide, ...], default_titles: list[str]) -> list[html.Li]:
    """One row per slide: title field (empty shows the view's own title), link to the view,
    and buttons to move it up or down or remove it."""
    rows = []
    last = len(slides) - 1
    for index, slide in enumerate(slides):
        number = index + 1
        rows.append(html.Li(
            [
                html.Label([
                    html.Span(t.SLIDE_TITLE_LABEL.format(number=number),
                              className="visually-hidden"),
                    dcc.Input(id={"type": DeckRow.TITLE, "index": index}, type="text",
                              value=slide.title, debounce=True, maxLength=MAX_TITLE,
                              placeholder=default_titles[index],
                              className="form-control deck-slide-title"),
                ], className="deck-slide-label"),
                dcc.Link(t.SLIDE_VIEW_LINK, href=slide.view, className="deck-slide-view"),
                *([html.Span(t.SLIDE_USER_DATA.format(
                    name=slide.data.series.name,
                    count=format_number(len(slide.data.series.rows))),
                    className="deck-slide-data")] if slide.data else []),
                html.Button("↑", id={"type": DeckRow.UP, "index": index}, type="button",
                            disabled=index == 0, title=t.MOVE_UP,
                            className="btn btn-outline-secondary btn-sm",
                            **{"aria-label": f"{t.MOVE_UP} ({number})"}),
                html.Button("↓", id={"type": DeckRow.DOWN, "index": index},
                            type="button", disabled=index == last, title=t.MOVE_DOWN,
                            className="btn btn-outline-secondary btn-sm",
                            **{"aria-label": f"{t.MOVE_DOWN} ({number})"}),
                html.Button(t.REMOVE, id={"type": DeckRow.REMOVE, "index": index},
                            type="button", className="btn btn-outline-danger btn-sm",
                            **{"aria-label": f"{t.REMOVE} ({number})"}),
            ],
            className="deck-slide",
        ))
    return rows


def message(text: str, tone: str) -> html.Div:
    """A status message; tone is a Bootstrap alert colour (success, warning, danger)."""
    return html.Div(text, className=f"alert alert-{tone} deck-alert")


def open_deck_link() -> dcc.Link:
    return dcc.Link(t.ADD_OPEN_DECK, href="/deck")
