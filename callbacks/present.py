"""Presentation view callbacks. Moving between slides and writing the slide number into the
address bar happen in the browser (assets/js/present.js), from the slides sent with the page.
One server callback redraws a slide for the countries the presenter picks, and keeps the
change in the deck, so going back to the slide shows what was chosen; another draws the slides
of a user's own data, which the link carries in its fragment (pages.deck.with_data)."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, Patch, State, no_update

from boundary import callback, refuse
from boundary.inputs import codes, index, store, text
from ids import ChartId, ChartTool, Present, Printing, block
from layouts.present import reason_text, slide_payload
from pages.deck import MAX_DATA_BYTES, MAX_JSON_BYTES, MAX_SLIDES, from_stored, with_data
from pages.views import DeckError, parse_view
from state.compare import MAX_COUNTRIES, clean_countries, snapshot_vocabulary
from text import present as t

SLIDE_PARTS = ("figure", "title", "caption", "source", "view", "text")


def recountry(request: dict | None, position: int | None, deck: dict | None) -> tuple:
    """Redraw slide `position` for the picked countries (`request`: {"countries": [...]})."""
    vocab = snapshot_vocabulary()
    stored, dropped = from_stored(deck, vocab)
    if position is None or dropped or not 0 <= position < len(stored.slides):
        raise refuse("present: no such slide")
    wanted = codes(MAX_COUNTRIES + 1)((request or {}).get("countries"))
    picked, notices = clean_countries(wanted, vocab)
    if any(n.reason == "unknown" for n in notices):
        raise refuse("present: unknown country")
    slide = stored.slides[position]
    try:
        view = parse_view(slide.view, vocab, position + 1).with_countries(picked)
    except DeckError:
        raise refuse("present: the slide's view cannot be read") from None
    payload = slide_payload(view, slide, position + 1, len(stored.slides), retitled=True)
    slides_patch, deck_patch = Patch(), Patch()
    slides_patch[position] = payload
    deck_patch["slides"][position] = {"view": view.url, "title": slide.title,
                                      "caption": slide.caption}
    return (*(payload[part] for part in SLIDE_PARTS), slides_patch, deck_patch)


def draw_data(token: str | None, position: int | None, deck: dict | None) -> tuple:
    """Draw the slides the link marked with the data of its fragment, and show the current
    slide again; a fragment that cannot be read leaves the slides as they are and says why."""
    vocab = snapshot_vocabulary()
    stored, dropped = from_stored(deck, vocab)
    if dropped:
        raise refuse("present: the deck cannot be read")
    try:
        drawn = with_data(stored, token or "", vocab)
    except DeckError as error:
        return no_update, no_update, t.DATA_FAILED.format(reason=reason_text(error))
    slides_patch = Patch()
    total = len(drawn.slides)
    for number, slide in enumerate(drawn.slides, start=1):
        if slide.data is not None:
            view = parse_view(slide.view, vocab, number)
            slides_patch[number - 1] = slide_payload(view, slide, number, total)
    return slides_patch, position or 0, ""


def register(app: Dash) -> None:
    callback(
        app,
        Output(ChartId.SLIDE, "figure", allow_duplicate=True),
        Output(Present.TITLE, "children", allow_duplicate=True),
        Output(Present.CAPTION, "children", allow_duplicate=True),
        Output(Present.SOURCE, "children", allow_duplicate=True),
        Output({"type": ChartTool.VIEW, "chart": ChartId.SLIDE}, "data", allow_duplicate=True),
        Output(block(ChartId.SLIDE).text, "children", allow_duplicate=True),
        Output(Present.SLIDES, "data"),
        Output(Present.DECK, "data"),
        Input(Present.PICKED, "data"),
        State(Present.INDEX, "data"),
        State(Present.DECK, "data"),
        inputs=(store(8 * 1024), index(MAX_SLIDES), store(MAX_JSON_BYTES)),
        prevent_initial_call=True,
    )(recountry)

    app.clientside_callback(
        ClientsideFunction("takeAway", "deck"),
        Output(Printing.DECK_STATUS, "children"),
        Input(Printing.DECK_PPTX, "n_clicks"),
        Input(Printing.DECK_PDF, "n_clicks"),
        # Inputs, so that a file asked for by the address waits for the slides drawn with the
        # link's own data: Dash runs this after the callback that draws them.
        Input(Present.SLIDES, "data"),
        Input(Present.DATA_STATUS, "children"),
        State(Present.DECK, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("present", "step"),
        Output(Present.INDEX, "data"),
        Input(Present.FIRST, "n_clicks"),
        Input(Present.PREVIOUS, "n_clicks"),
        Input(Present.NEXT, "n_clicks"),
        Input(Present.LAST, "n_clicks"),
        State(Present.INDEX, "data"),
        State(Present.SLIDES, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("present", "show"),
        Output(ChartId.SLIDE, "figure"),
        Output(Present.TITLE, "children"),
        Output(Present.CAPTION, "children"),
        Output(Present.SOURCE, "children"),
        Output({"type": ChartTool.VIEW, "chart": ChartId.SLIDE}, "data"),
        Output(Present.COUNTER, "children"),
        Output(Present.COUNTER_LABEL, "children"),
        Output(Present.COUNTRIES, "value"),
        Output(Present.COUNTRIES, "disabled"),
        Output(Present.TOOLBAR, "hidden"),
        Output(Present.LEAVE, "href"),
        Output(block(ChartId.SLIDE).text, "children"),
        Input(Present.INDEX, "data"),
        State(Present.SLIDES, "data"),
        prevent_initial_call=True,
    )
    # Only a presenter's own pick asks the server; the picker set by `show` does not.
    app.clientside_callback(
        ClientsideFunction("present", "pick"),
        Output(Present.PICKED, "data"),
        Input(Present.COUNTRIES, "value"),
        State(Present.INDEX, "data"),
        State(Present.SLIDES, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("present", "dataLink"),
        Output(Present.DATA_LINK, "data"),
        Input(Present.ROOT, "id"),
    )
    callback(
        app,
        Output(Present.SLIDES, "data", allow_duplicate=True),
        Output(Present.INDEX, "data", allow_duplicate=True),
        Output(Present.DATA_STATUS, "children"),
        Input(Present.DATA_LINK, "data"),
        State(Present.INDEX, "data"),
        State(Present.DECK, "data"),
        # The fragment is packed: at most its inflated limit.
        inputs=(text(MAX_DATA_BYTES), index(MAX_SLIDES), store(MAX_JSON_BYTES)),
        prevent_initial_call=True,
    )(draw_data)
