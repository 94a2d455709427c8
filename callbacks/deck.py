"""Deck callbacks: "Add this view to my deck" under every chart, and the deck builder (/deck).

The deck lives in the browser (the shell's deck store, localStorage) in its file form
(pages.deck.to_dict). Every change goes through pages.deck, so what is stored is always valid
and its views canonical.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace

from dash import ALL, MATCH, ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from boundary import callback
from boundary.inputs import clicks, each, store, text
from ids import ChartTool, Deck, DeckRow, Shell
from layouts import deck_builder as builder
from layouts.present import ready_made_deck, reason_text
from pages.deck import (
    MAX_FILE_BYTES,
    MAX_SLIDES,
    MAX_TITLE,
    Slide,
    appended,
    encode,
    encode_data,
    from_file,
    from_stored,
    to_dict,
    to_file,
)
from pages.deck import (
    Deck as SlideDeck,
)
from pages.views import MAX_VIEW, DeckError, View, parse_view
from serving import absolute_url
from state.compare import snapshot_vocabulary
from text import present as t
from text.numbers import format_number

DECK_STORE_BYTES = MAX_FILE_BYTES
# An uploaded file arrives as a data URL: base64 makes it a third larger.
MAX_UPLOAD = MAX_FILE_BYTES * 4 // 3 + 200
# Characters of a shared link's fragment with the user's own data: longer links break in
# mail and chat programs, so the link leaves the data out and the file carries it.
MAX_LINK_DATA = 8000


def stored_deck(data: dict | None) -> tuple[SlideDeck, int]:
    return from_stored(data, snapshot_vocabulary())


def append_view(deck: SlideDeck, view: View) -> SlideDeck:
    """`deck` with `view` as its last slide, titled by the view's own chart."""
    return appended(deck, Slide(view=view.url, title=view.title))


# ---- "Add this view to my deck" -----------------------------------------------------------------

def add_from_button(n_clicks: int | None, view_url: str | None, data: dict | None) -> tuple:
    """The button under a chart was pressed: the deck with the view that chart shows added,
    and a status beside the button. The browser puts the deck into its store."""
    if not n_clicks:
        raise PreventUpdate
    deck, _ = stored_deck(data)
    try:
        deck = append_view(deck, parse_view(view_url, snapshot_vocabulary()))
    except DeckError as error:
        if error.reason == "too_many_slides":
            return t.ADD_FULL.format(limit=MAX_SLIDES), no_update
        if error.reason == "unknown_view":
            return t.ADD_NOT_SUPPORTED, no_update
        return t.ADD_FAILED.format(reason=reason_text(error)), no_update
    message = [t.ADDED.format(number=len(deck.slides)), " ", builder.open_deck_link()]
    return message, to_dict(deck)


# ---- the builder --------------------------------------------------------------------------------

def show_builder(data: dict | None) -> tuple:
    """The builder's fields, slide list, links and share link for the stored deck."""
    deck, dropped = stored_deck(data)
    vocab = snapshot_vocabulary()
    titles = [s.data.series.name if s.data else parse_view(s.view, vocab).title
              for s in deck.slides]
    share, present_href, note = "", "/present", ""
    if deck.slides:
        try:
            present_href = f"/present?deck={encode(deck)}"
            share = absolute_url(present_href)
        except DeckError as error:
            share = reason_text(error)
        else:
            # The data goes after "#": the browser keeps it and /present posts it back.
            own = encode_data(deck)
            if own:
                present_href += f"#data={own}"
                values = sum(len(s.data.series.rows) for s in deck.slides if s.data)
                if len(own) <= MAX_LINK_DATA:
                    share = absolute_url(present_href)
                    note = t.SHARE_DATA_INCLUDED.format(count=format_number(values))
                else:
                    note = t.SHARE_DATA_LEFT_OUT.format(limit=MAX_LINK_DATA)
    return (
        deck.title,
        builder.slide_rows(deck.slides, titles),
        bool(deck.slides),
        present_href,
        not deck.slides,
        share,
        not deck.slides,
        note,
        builder.message(t.STORED_DECK_DROPPED, "warning") if dropped else no_update,
    )


def _moved(slides: list[Slide], index: int, step: int) -> list[Slide]:
    target = index + step
    if not 0 <= index < len(slides) or not 0 <= target < len(slides):
        raise PreventUpdate
    slides[index], slides[target] = slides[target], slides[index]
    return slides


TITLES = (DeckRow.TITLE, Deck.TITLE)


def _changes() -> list[tuple[str, str | dict, object]]:
    """Each input that changed, as (kind, id, value)."""
    values = {item["prop_id"]: item["value"] for item in ctx.triggered} if ctx.triggered else {}
    return [(cid["type"] if isinstance(cid, dict) else cid, cid, values.get(prop))
            for prop, cid in ctx.triggered_prop_ids.items()]


def _retitled(deck: SlideDeck, changes: list, slide_titles: list, deck_title: object) -> SlideDeck:
    """The deck with each title that changed; PreventUpdate when none did."""
    slides = list(deck.slides)
    title = deck.title
    for kind, cid, _ in changes:
        if kind == Deck.TITLE:
            title = " ".join(str(deck_title or "").split())
        elif kind == DeckRow.TITLE and 0 <= cid["index"] < min(len(slides), len(slide_titles)):
            index = cid["index"]
            slides[index] = replace(slides[index],
                                    title=" ".join(str(slide_titles[index] or "").split()))
    retitled = SlideDeck(title=title, slides=tuple(slides))
    if retitled == deck:
        raise PreventUpdate
    return retitled


def edit_deck(*args: object) -> tuple:
    """Every change made on the builder page: move, rename, remove, retitle the deck, add a
    view by its link, load the ready-made deck, clear, import a file."""
    (_up, _down, _remove, slide_titles, deck_title, _add, _submit, _ready, _clear, upload,
     data, link, filename) = args
    changes = _changes()
    # Inputs that change together reach the server in one request (the builder redrawing the
    # titles while a click is on its way), so the pressed button is looked for among them all.
    # A button drawn anew has no clicks: it was not pressed.
    pressed = [(kind, cid) for kind, cid, value in changes if kind not in TITLES and value]
    if pressed:
        kind, trigger = pressed[0]
    elif any(kind in TITLES for kind, _, _ in changes):
        kind, trigger = Deck.TITLE, Deck.TITLE
    else:
        raise PreventUpdate
    deck, _ = stored_deck(data)
    slides = list(deck.slides)
    message, clear_link = no_update, no_update
    # A read upload is emptied, so that choosing the same file again reads it again.
    emptied = None if kind == Deck.UPLOAD else no_update
    try:
        if kind == DeckRow.UP:
            slides = _moved(slides, trigger["index"], -1)
        elif kind == DeckRow.DOWN:
            slides = _moved(slides, trigger["index"], 1)
        elif kind == DeckRow.REMOVE:
            if not 0 <= trigger["index"] < len(slides):
                raise PreventUpdate
            slides.pop(trigger["index"])
        elif kind == Deck.TITLE:
            deck = _retitled(deck, changes, slide_titles, deck_title)
            slides = list(deck.slides)
        elif kind in (Deck.ADD_LINK_BUTTON, Deck.ADD_LINK):
            if not (link or "").strip():
                raise PreventUpdate
            view = parse_view(link, snapshot_vocabulary(), len(slides) + 1)
            deck = append_view(SlideDeck(deck.title, tuple(slides)), view)
            slides = list(deck.slides)
            message = builder.message(t.LINK_ADDED.format(number=len(slides)), "success")
            clear_link = ""
        elif kind == Deck.READY:
            deck = ready_made_deck(snapshot_vocabulary())
            slides = list(deck.slides)
            message = builder.message(t.READY_LOADED, "success")
        elif kind == Deck.CLEAR:
            slides = []
            message = builder.message(t.CLEARED, "success")
        elif kind == Deck.UPLOAD:
            deck = import_file(upload, filename)
            slides = list(deck.slides)
            message = builder.message(
                t.IMPORTED.format(title=deck.title, count=len(slides)) if deck.title
                else t.IMPORTED_UNTITLED.format(count=len(slides)), "success")
    except DeckError as error:
        template = t.IMPORT_FAILED if kind == Deck.UPLOAD else t.LINK_FAILED
        text_ = template.format(filename=filename or "", reason=reason_text(error))
        return no_update, builder.message(text_, "danger"), no_update, emptied
    return to_dict(SlideDeck(title=deck.title, slides=tuple(slides))), message, clear_link, emptied


def import_file(contents: str | None, filename: str | None) -> SlideDeck:
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
    # One callback per button (MATCH), so charts appearing or leaving never call the server;
    # the browser moves the new deck into the shell's store.
    callback(
        app,
        Output({"type": ChartTool.DECK_ADD_STATUS, "chart": MATCH}, "children"),
        Output({"type": ChartTool.DECK_ADD_RESULT, "chart": MATCH}, "data"),
        Input({"type": ChartTool.DECK_ADD, "chart": MATCH}, "n_clicks"),
        State({"type": ChartTool.VIEW, "chart": MATCH}, "data"),
        State(Shell.DECK_STORE, "data"),
        inputs=(clicks, text(MAX_VIEW), store(DECK_STORE_BYTES)),
        prevent_initial_call=True,
    )(add_from_button)
    app.clientside_callback(
        ClientsideFunction("deck", "keep"),
        Output(Shell.DECK_STORE, "data"),
        Input({"type": ChartTool.DECK_ADD_RESULT, "chart": ALL}, "data"),
        prevent_initial_call=True,
    )
    callback(
        app,
        Output(Deck.TITLE, "value"),
        Output(Deck.SLIDES, "children"),
        Output(Deck.EMPTY, "hidden"),
        Output(Deck.PRESENT, "href"),
        Output(Deck.PRESENT_BOX, "hidden"),
        Output(Deck.SHARE_URL, "value"),
        Output(Deck.SHARE_BOX, "hidden"),
        Output(Deck.SHARE_NOTE, "children"),
        Output(Deck.MESSAGE, "children", allow_duplicate=True),
        Input(Shell.DECK_STORE, "data"),
        inputs=(store(DECK_STORE_BYTES),),
        prevent_initial_call="initial_duplicate",
    )(show_builder)
    callback(
        app,
        Output(Shell.DECK_STORE, "data", allow_duplicate=True),
        Output(Deck.MESSAGE, "children", allow_duplicate=True),
        Output(Deck.ADD_LINK, "value"),
        Output(Deck.UPLOAD, "contents"),
        Input({"type": DeckRow.UP, "index": ALL}, "n_clicks"),
        Input({"type": DeckRow.DOWN, "index": ALL}, "n_clicks"),
        Input({"type": DeckRow.REMOVE, "index": ALL}, "n_clicks"),
        Input({"type": DeckRow.TITLE, "index": ALL}, "value"),
        Input(Deck.TITLE, "value"),
        Input(Deck.ADD_LINK_BUTTON, "n_clicks"),
        Input(Deck.ADD_LINK, "n_submit"),
        Input(Deck.READY, "n_clicks"),
        Input(Deck.CLEAR, "n_clicks"),
        Input(Deck.UPLOAD, "contents"),
        State(Shell.DECK_STORE, "data"),
        State(Deck.ADD_LINK, "value"),
        State(Deck.UPLOAD, "filename"),
        inputs=(each(clicks, MAX_SLIDES), each(clicks, MAX_SLIDES), each(clicks, MAX_SLIDES),
                each(text(MAX_TITLE), MAX_SLIDES), text(MAX_TITLE), clicks, clicks, clicks,
                clicks, text(MAX_UPLOAD), store(DECK_STORE_BYTES), text(MAX_VIEW),
                text(260)),
        prevent_initial_call=True,
    )(edit_deck)
    callback(
        app,
        Output(Deck.DOWNLOAD, "data"),
        Input(Deck.EXPORT, "n_clicks"),
        State(Shell.DECK_STORE, "data"),
        inputs=(clicks, store(DECK_STORE_BYTES)),
        prevent_initial_call=True,
    )(export_deck)
