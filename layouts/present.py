"""Presentation view (/present): one slide at a time, full screen, no header or footer.

/present opens the ready-made deck; /present?deck=<token> opens a shared deck (state.deck);
`slide` (1-based) is the current slide, so a reload stays on it.
"""

from __future__ import annotations

from dash import dcc, html

from layouts.compare import country_options
from layouts.graph import chart_key, graph, toolbar
from state.compare import Vocabulary, snapshot_vocabulary
from state.deck import Deck, DeckError, decode, read_shipped, slide_index, to_dict
from text import common as tc
from text import present as t


def ready_made_deck(vocab: Vocabulary) -> Deck:
    """The deck that ships with the app: decks/pilot-countries.json with this page's text."""
    return read_shipped(t.READY_DECK_NAME, t.READY_DECK_TITLE, t.READY_DECK_SLIDES, vocab)


def layout(deck: str | None = None, slide: str | None = None, **_params: str) -> html.Div:
    try:
        from query import get_snapshot

        vocab = snapshot_vocabulary()
        countries = get_snapshot().countries
    except Exception:  # a missing or corrupt snapshot is a message on the page, not a crash
        return bad_deck(tc.DATA_UNAVAILABLE)
    try:
        chosen = decode(deck, vocab) if deck is not None else ready_made_deck(vocab)
    except DeckError as error:
        return bad_deck(t.DECK_ERRORS[error.reason].format(**error.details))
    index = slide_index(slide, len(chosen.slides))
    return view(chosen, index, country_options(countries))


def view(deck: Deck, index: int, options: list[dict]) -> html.Div:
    nav_button = "present-button"
    return html.Div(
        [
            dcc.Store(id="present-deck", data=to_dict(deck)),
            dcc.Store(id="present-index", data=index),
            html.Div(
                [
                    html.Header(
                        [html.H1(id="present-title", className="present-title"),
                         html.P(id="present-caption", className="present-caption")],
                        className="present-head",
                    ),
                    # The slide's download toolbar sits in the footer, beside the source line,
                    # so the chart keeps the screen's height.
                    html.Div(graph("present-graph", t.CHART_LABEL, add_to_deck=False,
                                   downloads=False, style={"height": "100%"}),
                             className="present-chart"),
                    html.Footer(
                        [
                            html.Div(
                                [html.P(id="present-source", className="present-source"),
                                 toolbar(chart_key("present-graph"), t.CHART_LABEL, False,
                                         compact=True)],
                                className="present-source-row",
                            ),
                            html.Div(
                                [html.Label(t.COUNTRIES_LABEL, htmlFor="present-countries",
                                            className="visually-hidden"),
                                 dcc.Dropdown(id="present-countries", options=options, multi=True,
                                              searchable=True, clearable=False,
                                              placeholder=t.COUNTRIES_PLACEHOLDER,
                                              labels={"no_options_found": t.NO_OPTIONS},
                                              optionHeight=40, maxHeight=320)],
                                className="present-picker",
                            ),
                            html.Nav(
                                [
                                    html.Button("⏮", id="present-first", title=t.FIRST,
                                                className=nav_button, hidden=True,
                                                **{"aria-label": t.FIRST}),
                                    html.Button("←", id="present-previous", title=t.PREVIOUS,
                                                className=nav_button,
                                                **{"aria-label": t.PREVIOUS}),
                                    html.Span([html.Span(id="present-counter",
                                                         **{"aria-hidden": "true"}),
                                               html.Span(id="present-counter-label",
                                                         className="visually-hidden")],
                                              className="present-counter", role="status"),
                                    html.Button("→", id="present-next", title=t.NEXT,
                                                className=nav_button, **{"aria-label": t.NEXT}),
                                    html.Button("⏭", id="present-last", title=t.LAST,
                                                className=nav_button, hidden=True,
                                                **{"aria-label": t.LAST}),
                                    html.Button(t.FULL_SCREEN_SHORT, id="present-fullscreen",
                                                title=t.FULL_SCREEN,
                                                className=nav_button,
                                                **{"aria-label": t.FULL_SCREEN}),
                                    dcc.Link([html.Span(t.LEAVE_SHORT, **{"aria-hidden": "true"}),
                                              html.Span(t.LEAVE, className="visually-hidden")],
                                             id="present-leave", href="/", title=t.LEAVE,
                                             className=nav_button),
                                ],
                                className="present-nav", **{"aria-label": t.PAGE_LABEL},
                            ),
                        ],
                        className="present-foot",
                    ),
                    html.P(t.KEYS_HELP, className="present-keys"),
                ],
                className="present-slide",
            ),
        ],
        id="present-root", className="present", tabIndex="-1",
        **{"aria-roledescription": t.PAGE_LABEL, "aria-label": deck.title or t.PAGE_LABEL},
    )


def bad_deck(message: str) -> html.Div:
    """The deck link could not be read: say why, and offer the ready-made deck instead."""
    return html.Div(
        [
            html.H1(t.BAD_DECK_TITLE),
            html.P(message, className="alert alert-warning", id="present-error"),
            html.P([
                html.A(t.BAD_DECK_BACK, href="/present", className="btn btn-primary me-2"),
                dcc.Link(t.BAD_DECK_BUILDER, href="/deck", className="btn btn-outline-secondary"),
            ]),
        ],
        className="page page-present-error container-xl",
    )
