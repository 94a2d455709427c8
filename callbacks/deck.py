"""Deck callbacks: "Add this view to my deck" under every chart, and the deck builder (/deck).

The deck lives in the browser (the shell's `deck-store`, localStorage) in its file form
(state.deck.to_dict). Every change goes through state.deck, so what is stored is always valid
and its views canonical.
"""

from __future__ import annotations

import base64
import binascii

import flask
from dash import ALL, MATCH, ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from callbacks.present import default_title, view_of_graph
from layouts import deck_builder as builder
from layouts.present import ready_made_deck
from state.compare import snapshot_vocabulary
from state.deck import (
    MAX_SLIDES,
    Deck,
    DeckError,
    Slide,
    View,
    encode,
    from_file,
    from_stored,
    parse_view,
    to_dict,
    to_file,
)
from text import present as t


def reason_text(error: DeckError) -> str:
    return t.DECK_ERRORS[error.reason].format(**error.details)


def stored_deck(data: dict | None) -> tuple[Deck, int]:
    return from_stored(data, snapshot_vocabulary())


def append_view(deck: Deck, view: View) -> Deck:
    """`deck` with `view` as its last slide, titled by the view's own chart."""
    if len(deck.slides) >= MAX_SLIDES:
        raise DeckError("too_many_slides", count=len(deck.slides) + 1, limit=MAX_SLIDES)
    slide = Slide(view=view.url, title=default_title(view))
    return Deck(title=deck.title, slides=(*deck.slides, slide))


# ---- "Add this view to my deck" -----------------------------------------------------------------

def add_from_button(views: list[dict | None], data: dict | None) -> tuple:
    """A button wrote the address of its page into its store: add that view."""
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0]["value"]:
        raise PreventUpdate
    view_url = ctx.triggered[0]["value"].get("view", "")
    deck, _ = stored_deck(data)
    try:
        deck = append_view(deck, view_of_graph(view_url, trigger["graph"],
                                               snapshot_vocabulary()))
        message = [t.ADDED.format(number=len(deck.slides)), " ",
                   builder.open_deck_link()]
        result = to_dict(deck)
    except DeckError as error:
        if error.reason == "too_many_slides":
            message = t.ADD_FULL.format(limit=MAX_SLIDES)
        elif error.reason == "unknown_view":
            message = t.ADD_NOT_SUPPORTED
        else:
            message = t.ADD_FAILED.format(reason=reason_text(error))
        result = no_update
    statuses = [message if item["id"]["graph"] == trigger["graph"] else no_update
                for item in ctx.outputs_list[1]]
    return result, statuses


# ---- the builder --------------------------------------------------------------------------------

def show_builder(data: dict | None) -> tuple:
    """The builder's fields, slide list, links and share link for the stored deck."""
    deck, dropped = stored_deck(data)
    vocab = snapshot_vocabulary()
    titles = [default_title(parse_view(s.view, vocab)) for s in deck.slides]
    share, present_href = "", "/present"
    if deck.slides:
        try:
            token = encode(deck)
            present_href = f"/present?deck={token}"
            share = flask.request.host_url.rstrip("/") + present_href
        except DeckError as error:
            share = reason_text(error)
    return (
        deck.title,
        builder.slide_rows(deck.slides, titles),
        bool(deck.slides),
        present_href,
        not deck.slides,
        share,
        not deck.slides,
        builder.message(t.STORED_DECK_DROPPED, "warning") if dropped else no_update,
    )


def _moved(slides: list[Slide], index: int, step: int) -> list[Slide]:
    target = index + step
    if not 0 <= index < len(slides) or not 0 <= target < len(slides):
        raise PreventUpdate
    slides[index], slides[target] = slides[target], slides[index]
    return slides


def edit_deck(*args: object) -> tuple:
    """Every change made on the builder page: move, rename, remove, retitle the deck, add a
    view by its link, load the ready-made deck, clear, import a file."""
    (_up, _down, _remove, slide_titles, deck_title, _add, _submit, _ready, _clear, upload,
     data, link, filename) = args
    trigger = ctx.triggered_id
    value = ctx.triggered[0]["value"] if ctx.triggered else None
    if trigger is None:
        raise PreventUpdate
    kind = trigger["type"] if isinstance(trigger, dict) else trigger
    if kind not in ("deck-slide-title", "deck-title") and not value:
        raise PreventUpdate  # a button drawn anew, not pressed
    deck, _ = stored_deck(data)
    slides = list(deck.slides)
    message, clear_link = no_update, no_update
    # A read upload is emptied, so that choosing the same file again reads it again.
    emptied = None if kind == "deck-upload" else no_update
    try:
        if kind == "deck-slide-up":
            slides = _moved(slides, trigger["index"], -1)
        elif kind == "deck-slide-down":
            slides = _moved(slides, trigger["index"], 1)
        elif kind == "deck-slide-remove":
            slides.pop(trigger["index"])
        elif kind == "deck-slide-title":
            index = trigger["index"]
            title = " ".join(str(slide_titles[index] or "").split())
            if index >= len(slides) or slides[index].title == title:
                raise PreventUpdate
            slides[index] = Slide(slides[index].view, title, slides[index].caption)
        elif kind == "deck-title":
            title = " ".join(str(deck_title or "").split())
            if title == deck.title:
                raise PreventUpdate
            deck = Deck(title=title, slides=deck.slides)
        elif kind in ("deck-add-link-button", "deck-add-link"):
            if not (link or "").strip():
                raise PreventUpdate
            view = parse_view(link, snapshot_vocabulary(), len(slides) + 1)
            deck = append_view(Deck(deck.title, tuple(slides)), view)
            slides = list(deck.slides)
            message = builder.message(t.LINK_ADDED.format(number=len(slides)), "success")
            clear_link = ""
        elif kind == "deck-ready":
            deck = ready_made_deck(snapshot_vocabulary())
            slides = list(deck.slides)
            message = builder.message(t.READY_LOADED, "success")
        elif kind == "deck-clear":
            slides = []
            message = builder.message(t.CLEARED, "success")
        elif kind == "deck-upload":
            deck = import_file(upload, filename)
            slides = list(deck.slides)
            message = builder.message(
                t.IMPORTED.format(title=deck.title, count=len(slides)) if deck.title
                else t.IMPORTED_UNTITLED.format(count=len(slides)), "success")
    except DeckError as error:
        template = t.IMPORT_FAILED if kind == "deck-upload" else t.LINK_FAILED
        text = template.format(filename=filename or "", reason=reason_text(error))
        return no_update, builder.message(text, "danger"), no_update, emptied
    return to_dict(Deck(title=deck.title, slides=tuple(slides))), message, clear_link, emptied


def import_file(contents: str | None, filename: str | None) -> Deck:
    """A deck from dcc.Upload's data URL ('data:<type>;base64,<bytes>')."""
    try:
        encoded = (contents or "").split(",", 1)[1]
        raw = base64.b64decode(encoded, validate=True)
    except (IndexError, binascii.Error, ValueError):
        raise DeckError("not_json") from None
    return from_file(raw, snapshot_vocabulary())


def export_deck(n_clicks: int | None, data: dict | None) -> dict:
    deck, _ = stored_deck(data)
    if not n_clicks or not deck.slides:
        raise PreventUpdate
    return {"content": to_file(deck), "filename": t.EXPORT_FILENAME, "type": "application/json"}


def register(app: Dash) -> None:
    # The browser writes the page's address into the pressed button's store; the server adds it.
    app.clientside_callback(
        ClientsideFunction("deck", "captureView"),
        Output({"type": "deck-add-view", "graph": MATCH}, "data"),
        Input({"type": "deck-add", "graph": MATCH}, "n_clicks"),
        prevent_initial_call=True,
    )
    app.callback(
        Output("deck-store", "data"),
        Output({"type": "deck-add-status", "graph": ALL}, "children"),
        Input({"type": "deck-add-view", "graph": ALL}, "data"),
        State("deck-store", "data"),
        prevent_initial_call=True,
    )(add_from_button)

    app.callback(
        Output("deck-title", "value"),
        Output("deck-slides", "children"),
        Output("deck-empty", "hidden"),
        Output("deck-present", "href"),
        Output("deck-present", "hidden"),
        Output("deck-share-url", "value"),
        Output("deck-share-box", "hidden"),
        Output("deck-message", "children", allow_duplicate=True),
        Input("deck-store", "data"),
        prevent_initial_call="initial_duplicate",
    )(show_builder)

    app.callback(
        Output("deck-store", "data", allow_duplicate=True),
        Output("deck-message", "children", allow_duplicate=True),
        Output("deck-add-link", "value"),
        Output("deck-upload", "contents"),
        Input({"type": "deck-slide-up", "index": ALL}, "n_clicks"),
        Input({"type": "deck-slide-down", "index": ALL}, "n_clicks"),
        Input({"type": "deck-slide-remove", "index": ALL}, "n_clicks"),
        Input({"type": "deck-slide-title", "index": ALL}, "value"),
        Input("deck-title", "value"),
        Input("deck-add-link-button", "n_clicks"),
        Input("deck-add-link", "n_submit"),
        Input("deck-ready", "n_clicks"),
        Input("deck-clear", "n_clicks"),
        Input("deck-upload", "contents"),
        State("deck-store", "data"),
        State("deck-add-link", "value"),
        State("deck-upload", "filename"),
        prevent_initial_call=True,
    )(edit_deck)

    app.callback(
        Output("deck-download", "data"),
        Input("deck-export", "n_clicks"),
        State("deck-store", "data"),
        prevent_initial_call=True,
    )(export_deck)
