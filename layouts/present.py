"""Presentation view (/present): one slide at a time, full screen, no header or footer.

/present opens the ready-made deck; /present?deck=<token> opens a shared deck (pages.deck);
`slide` (1-based) is the current slide, so a reload stays on it. Every slide is drawn on the
server with the page and sent with it, so moving between slides is done in the browser
(assets/js/present.js) with no request. Slides with a user's own data are drawn once the
browser posts the link's fragment (#data=...) back (callbacks.present): until then, and if the
link has no fragment, they show the official series with a note saying so.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

import plotly.graph_objects as go
from dash import dcc, html

import charts
import query
from charts import user_series
from exports.citation import citation
from exports.figure_data import NoDataError, chart_citation, tidy_frame
from exports.metadata import entries_of
from exports.schema import COLUMNS
from figures.presentation import projector
from ids import ChartId, Present, Printing
from layouts.chart_text import chart_text
from layouts.compare import country_options
from layouts.controls import dropdown
from layouts.graph import graph, toolbar
from layouts.printing import deck_buttons, print_frame
from pages import PageRequest
from pages.deck import Deck, Slide, UserSlide, decode, read_shipped, slide_index, to_dict
from pages.views import DeckError, View, parse_view
from serving import absolute_url
from state.compare import Vocabulary, snapshot_vocabulary
from text import downloads as tdl
from text import present as t
from text import printing as tp
from text.numbers import format_value

MAX_KEY_VALUES = 12  # lines of key values in a slide's notes


def ready_made_deck(vocab: Vocabulary) -> Deck:
    """The deck that ships with the app: decks/pilot-countries.json with this page's text."""
    return read_shipped(t.READY_DECK_NAME, t.READY_DECK_TITLE, t.READY_DECK_SLIDES, vocab)


def reason_text(error: DeckError) -> str:
    """Why a deck, a deck file, a link or a slide's data cannot be used, in the page's words."""
    return t.DECK_ERRORS[error.reason].format(**error.details)


def slide_citation(view: View, figure: dict[str, Any]) -> str:
    """The citation of the data the slide shows (`figure`, as JSON), the same text as its
    chart's "Copy citation" (exports.citation); a chart without data cites its sources."""
    url = absolute_url(view.url)
    sources = query.get_snapshot().sources
    try:
        return chart_citation(figure, url, indicator_meta=query.indicator_meta, sources=sources)
    except NoDataError:
        return citation(entries_of(view.spec.sources(view.state), query.indicator_meta,
                                   sources), date.today(), url)


def key_values(view: View, figure: dict[str, Any]) -> list[str]:
    """'<country>: <value> (<year>)' for the latest year of each country and series the slide
    shows (of its chosen countries, when the chart draws them), from the data the figure
    draws, with what else the value is broken down by (sex, period) and, when the slide shows
    several series, the series' name."""
    try:
        rows = tidy_frame(figure, query.indicator_meta)
    except NoDataError:
        return []
    rows = rows.dropna(subset=["value", "year"])
    chosen = rows["country_code"].isin(view.countries)
    if chosen.any():
        rows = rows[chosen]
    if "sex" in rows.columns and (rows["sex"] == "total").any():
        rows = rows[rows["sex"] == "total"].drop(columns="sex")
    # Breakdowns told in words (a period, a sex); codes repeat the names.
    extras = [c for c in rows.columns if c not in COLUMNS and not c.endswith("_code")
              and rows[c].map(lambda v: isinstance(v, str)).all()]
    several = rows["indicator_code"].nunique() > 1
    latest = rows.sort_values("year", kind="stable").groupby(
        ["country_code", "indicator_code"], sort=False, dropna=False).tail(1)
    known = query.get_snapshot().indicator_meta
    lines = []
    for _, row in latest.head(MAX_KEY_VALUES).iterrows():
        meta = known.get(row["indicator_code"]) or {}
        # A transformed series (% of GDP, per person) or a table's count: as drawn.
        if row["unit"] in (meta.get("unit"), meta.get("unit_short")):
            decimals = int(meta.get("decimals") or 0)
        else:
            decimals = 0 if float(row["value"]).is_integer() else 1
        parts = [row["country_name"]]
        if several:
            parts.append(meta.get("short_name") or meta.get("name"))
        parts += [row[c] for c in extras]
        lines.append(tp.DECK_NOTES_VALUE.format(
            country=", ".join(str(p) for p in parts if p),
            value=format_value(row["value"], row["unit"], decimals), year=int(row["year"])))
    return lines


def user_key_values(data: UserSlide, start: int, end: int) -> list[str]:
    """'<country>: <value> (<year>)' for the latest year of each line of a user's series, as
    the slide draws it (transformed, within its years)."""
    rows = user_series.user_rows(data.series, start, end, data.transform).dropna(subset=["value"])
    latest = rows.sort_values("year", kind="stable").groupby(
        ["country_code", "sex"], sort=False).tail(1)
    unit = user_series.user_unit(data.series, data.transform)
    return [tp.DECK_NOTES_VALUE.format(
        country=user_series.line_name(row.country_name, row.sex),
        value=format_value(row.value, unit, 0 if float(row.value).is_integer() else 2),
        year=int(row.year)) for row in latest.head(MAX_KEY_VALUES).itertuples(index=False)]


def speaker_notes(values: list[str], cited: str) -> str:
    """The slide's notes in a PowerPoint: its key values, then its citation."""
    return "\n".join([tp.DECK_NOTES_VALUES, *(values or [tp.DECK_NOTES_NO_VALUES]), "",
                      tp.DECK_NOTES_CITATION.format(citation=cited)])


def slide_payload(view: View, slide: Slide, number: int, total: int, *,
                  retitled: bool = False) -> dict[str, Any]:
    """Everything the browser needs to show slide `number` of `total`: the figure in the
    projector look, the heading (the slide's own title, unless the presenter changed its
    countries: then the chart's title, which stays true), caption, source line, speaker notes
    (key values and citation, for the PowerPoint), counter, the view's link and countries."""
    shown = (_user_slide(view, slide) if slide.data is not None
             else _official_slide(view, slide, retitled))
    cited, values = shown.pop("cited"), shown.pop("values")
    return {
        **shown,
        "source": tdl.SLIDE_SOURCE.format(citation=cited),
        "notes": speaker_notes(values, cited),
        "view": view.url,
        "counter": t.SLIDE_COUNTER.format(number=number, total=total),
        "counter_label": t.SLIDE_COUNTER_LABEL.format(number=number, total=total),
    }


def _official_slide(view: View, slide: Slide, retitled: bool) -> dict[str, Any]:
    figure = charts.figure(view.chart, view.state)
    if not figure.layout.title.text and not figure.layout.meta:
        # A chart titled by its page's heading names itself on a slide (an empty chart
        # already says what is missing).
        figure = go.Figure(figure).update_layout(title={"text": view.title})
    shown = projector(figure).to_plotly_json()
    return {
        "figure": shown,
        "title": view.title if retitled or not slide.title else slide.title,
        "caption": t.DATA_LEFT_OUT if slide.data_left_out else
                   "" if retitled else slide.caption,
        "cited": slide_citation(view, shown),
        "values": key_values(view, shown),
        "countries": list(view.countries),
        "text": chart_text(ChartId.SLIDE, view.chart, view.state),
    }


def _user_slide(view: View, slide: Slide) -> dict[str, Any]:
    """A slide drawing a user's series (never cached: it holds the user's values). Its
    countries are the series' own, so the presenter's picker is off (`fixed`)."""
    data = slide.data
    assert data is not None
    state, series = view.state, data.series
    drawn = user_series.figure(series, state.indicator, state.start, state.end,
                               data.transform, data.mode)
    # Plotly reads a few HTML tags in a title: the user's words are escaped.
    title = escape(slide.title or series.name, quote=False)
    user = user_series.source_line(series)
    return {
        "figure": projector(drawn.update_layout(title={"text": title})).to_plotly_json(),
        "title": slide.title or series.name,
        "caption": slide.caption,
        "cited": (t.USER_SLIDE_SOURCE.format(user=user, official=slide_citation(view, {}))
                  if data.mode == "beside" else user),
        "values": user_key_values(data, state.start, state.end),
        "countries": list(series.countries),
        "fixed": True,
        "text": user,
    }


def layout(request: PageRequest) -> html.Div:
    vocab = snapshot_vocabulary()
    token = request.params.get("deck")
    try:
        deck = decode(token, vocab) if token is not None else ready_made_deck(vocab)
    except DeckError as error:
        return bad_deck(reason_text(error))
    index = slide_index(request.params.get("slide"), len(deck.slides))
    total = len(deck.slides)
    slides = [slide_payload(parse_view(s.view, vocab, n), s, n, total)
              for n, s in enumerate(deck.slides, start=1)]
    link = f"/present?deck={token}" if token is not None else "/present"
    return view(deck, index, slides, country_options(query.get_snapshot().countries), link)


def view(deck: Deck, index: int, slides: list[dict], options: list[dict],
         link: str = "/present") -> html.Div:
    nav_button = "present-button"
    current = slides[index]
    return html.Div(
        [
            dcc.Store(id=Present.DECK, data=to_dict(deck)),
            dcc.Store(id=Present.SLIDES, data=slides),
            dcc.Store(id=Present.INDEX, data=index),
            dcc.Store(id=Present.PICKED),
            dcc.Store(id=Present.DATA_LINK),
            html.Div(id=Printing.DECK_PRINT, className="deck-print print-only"),
            html.Div(
                [
                    html.Header(
                        [*([html.P(deck.title, className="present-deck-title")]
                           if deck.title else []),
                         html.H1(current["title"], id=Present.TITLE, className="present-title"),
                         html.P(current["caption"], id=Present.CAPTION,
                                className="present-caption"),
                         html.P(id=Present.DATA_STATUS, role="status",
                                className="present-caption")],
                        className="present-head",
                    ),
                    # The slide's download toolbar sits in the footer, beside the source line,
                    # so the chart keeps the screen's height.
                    html.Div(graph(ChartId.SLIDE, t.CHART_LABEL, current["figure"],
                                   text=current["text"], view_url=current["view"],
                                   add_to_deck=False, downloads=False, fill=True,
                                   style={"height": "100%"}),
                             className="present-chart"),
                    html.Footer(
                        [
                            html.Div(
                                [html.P(current["source"], id=Present.SOURCE,
                                        className="present-source"),
                                 # Off on a slide of a user's data: its downloads rebuild
                                 # the official view (the deck's file and take-away files
                                 # carry the user's series).
                                 html.Div(toolbar(ChartId.SLIDE, t.CHART_LABEL, False,
                                                  compact=True),
                                          id=Present.TOOLBAR, className="present-toolbar",
                                          hidden=bool(current.get("fixed"))),
                                 html.Div(deck_buttons(), className="present-take-away")],
                                className="present-source-row",
                            ),
                            html.Div(
                                [html.Label(t.COUNTRIES_LABEL, htmlFor=Present.COUNTRIES,
                                            className="visually-hidden"),
                                 dropdown(id=Present.COUNTRIES, options=options, multi=True,
                                              value=current["countries"],
                                              searchable=True, clearable=False,
                                              placeholder=t.COUNTRIES_PLACEHOLDER,
                                              labels={"no_options_found": t.NO_OPTIONS},
                                              optionHeight=40, maxHeight=320)],
                                className="present-picker",
                            ),
                            html.Nav(
                                [
                                    html.Button("⏮", id=Present.FIRST, title=t.FIRST,
                                                className=nav_button, hidden=True,
                                                **{"aria-label": t.FIRST}),
                                    html.Button("←", id=Present.PREVIOUS, title=t.PREVIOUS,
                                                className=nav_button,
                                                **{"aria-label": t.PREVIOUS}),
                                    html.Span([html.Span(current["counter"],
                                                         id=Present.COUNTER,
                                                         **{"aria-hidden": "true"}),
                                               html.Span(current["counter_label"],
                                                         id=Present.COUNTER_LABEL,
                                                         className="visually-hidden")],
                                              className="present-counter", role="status"),
                                    html.Button("→", id=Present.NEXT, title=t.NEXT,
                                                className=nav_button, **{"aria-label": t.NEXT}),
                                    html.Button("⏭", id=Present.LAST, title=t.LAST,
                                                className=nav_button, hidden=True,
                                                **{"aria-label": t.LAST}),
                                    html.Button(t.FULL_SCREEN_SHORT, id=Present.FULL_SCREEN,
                                                title=t.FULL_SCREEN,
                                                className=nav_button,
                                                **{"aria-label": t.FULL_SCREEN}),
                                    dcc.Link([html.Span(t.LEAVE_SHORT, **{"aria-hidden": "true"}),
                                              html.Span(t.LEAVE, className="visually-hidden")],
                                             id=Present.LEAVE, href=current["view"],
                                             title=t.LEAVE, className=nav_button),
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
            print_frame(deck.title or t.PAGE_LABEL, link, [], landscape=True),
        ],
        id=Present.ROOT, className="present", tabIndex="-1", role="region",
        **{"aria-roledescription": t.PAGE_LABEL, "aria-label": deck.title or t.PAGE_LABEL},
    )


def bad_deck(message: str) -> html.Div:
    """The deck link could not be read: say why, and offer the ready-made deck instead."""
    return html.Div(
        [
            html.H1(t.BAD_DECK_TITLE),
            html.P(message, className="alert alert-warning", id=Present.ERROR),
            html.P([
                html.A(t.BAD_DECK_BACK, href="/present", className="btn btn-primary me-2"),
                dcc.Link(t.BAD_DECK_BUILDER, href="/deck", className="btn btn-outline-secondary"),
            ]),
        ],
        className="page page-present-error container-xl",
    )
