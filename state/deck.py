"""Slide decks: an ordered list of views (a page path with its query string), each with a title.

A deck travels in three forms, all validated by the same rules:
- a Python `Deck` (what the pages work with);
- a JSON file (`to_file` / `from_file`): `{"format", "version", "title", "slides": [{"view",
  "title", "caption"}]}`, readable by people, for export and import;
- a URL parameter (`encode` / `decode`): compact JSON, deflated, base64url without padding, so a
  deck is shared as a link with no server-side storage.

Every problem raises `DeckError(reason, **details)`; `reason` is a key into the page text, so the
message shown to people lives in text/present.py. Each slide's view is parsed by the state parser
of its page and replaced by that page's canonical query string.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from state import compare as compare_state
from state import country as country_state
from state import diaspora as diaspora_state
from state import labour as labour_state
from state.paths import match_path

FORMAT = "migration-dashboard-deck"
VERSION = 1
MAX_SLIDES = 30
MAX_TITLE = 120
MAX_CAPTION = 400
MAX_VIEW = 600
MAX_ENCODED = 6000  # characters of the `deck` URL parameter; the request line allows 8190
MAX_JSON_BYTES = 64 * 1024  # an imported file, or an encoded deck once inflated


class DeckError(ValueError):
    """A deck that cannot be used; `reason` names the problem, `details` fill its message."""

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason, details)
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class Slide:
    view: str  # canonical: path plus the page's canonical query string
    title: str = ""
    caption: str = ""


@dataclass(frozen=True)
class Deck:
    title: str
    slides: tuple[Slide, ...]


# ---- views -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class View:
    """One parsed view: which kind of page (`kind`), the page's own state, and for pages with
    several charts which one the slide shows (`chart`, the `chart` URL parameter)."""

    kind: str
    state: object
    chart: str = ""

    @property
    def url(self) -> str:
        link = VIEW_KINDS[self.kind].url(self.state)
        if self.chart:
            link += ("&" if "?" in link else "?") + f"chart={self.chart}"
        return link

    @property
    def countries(self) -> tuple[str, ...]:
        return VIEW_KINDS[self.kind].countries(self.state, self.chart)

    def with_countries(self, codes: tuple[str, ...]) -> View:
        spec = VIEW_KINDS[self.kind]
        return replace(self, state=spec.set_countries(self.state, self.chart, codes))


@dataclass(frozen=True)
class ViewKind:
    """How one page's view is read and written, through the page's own state parser:
    `parse(params, vocabulary)` gives (state, notices), `url(state)` the canonical link;
    `charts` names the page's charts (first = default; empty: the state chooses the chart);
    `countries(state, chart)` / `set_countries(state, chart, codes)` serve the slide's
    country picker."""

    pattern: str  # "/compare", or "/country/<iso3>"
    parse: Callable[[Mapping[str, str], compare_state.Vocabulary], tuple[object, list]]
    url: Callable[[object], str]
    countries: Callable[[object, str], tuple[str, ...]]
    set_countries: Callable[[object, str, tuple[str, ...]], object]
    charts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileState:
    """A country profile's view: the country (from the path) and the page's query state."""

    iso3: str
    page: country_state.CountryState


def _parse_profile(
    params: Mapping[str, str], vocab: compare_state.Vocabulary
) -> tuple[ProfileState, list]:
    from query.profile import stock_years

    iso3 = params.get("iso3", "").strip().upper()
    notices = [] if iso3 in vocab.countries else [compare_state.Notice("country", iso3,
                                                                      "unknown")]
    page, dropped = country_state.parse(params, stock_years())
    return ProfileState(iso3, page), notices + dropped


def _last(codes: tuple[str, ...], current: str) -> str:
    """A one-country chart takes the country just picked (the last one); none keeps it."""
    return codes[-1] if codes else current


def _labour_countries(state: labour_state.LabourState, chart: str) -> tuple[str, ...]:
    return state.countries if chart in LABOUR_MULTI else (state.country,)


def _labour_set(state: labour_state.LabourState, chart: str,
                codes: tuple[str, ...]) -> labour_state.LabourState:
    if chart in LABOUR_MULTI:
        return replace(state, countries=codes)
    return replace(state, country=_last(codes, state.country))


LABOUR_MULTI = ("rate",)  # labour charts that compare several countries


def _parse_diaspora(
    params: Mapping[str, str], vocab: compare_state.Vocabulary
) -> tuple[diaspora_state.DiasporaState, list]:
    from query.profile import stock_years

    return diaspora_state.parse(params, vocab, stock_years())


# Each page whose views can be slides; callbacks/present.py has the matching slide builders.
VIEW_KINDS: dict[str, ViewKind] = {
    "compare": ViewKind(
        "/compare", compare_state.parse, lambda state: "/compare" + compare_state.to_query(state),
        lambda state, _chart: state.countries,
        lambda state, _chart, codes: replace(state, countries=codes)),
    "country": ViewKind(
        "/country/<iso3>", _parse_profile,
        lambda state: f"/country/{state.iso3}" + country_state.to_query(state.page),
        lambda state, _chart: (state.iso3,),
        lambda state, _chart, codes: replace(state, iso3=_last(codes, state.iso3)),
        charts=("finance", "destinations", "destinations-map", "destinations-trend",
                "senders", "costs")),
    "labour": ViewKind(
        "/labour", labour_state.parse, lambda state: "/labour" + labour_state.to_query(state),
        _labour_countries, _labour_set,
        charts=("destinations", "annual", "market", "rate")),
    "diaspora": ViewKind(
        "/diaspora", _parse_diaspora, lambda state: "/diaspora" + diaspora_state.to_query(state),
        lambda state, _chart: state.countries,
        lambda state, _chart, codes: replace(state, countries=codes),
        charts=("trend", "sankey")),
}
# The comparison view also answers at the site root.
PATH_ALIASES = {"/": "/compare"}


def parse_view(url: str, vocab: compare_state.Vocabulary, number: int = 1) -> View:
    """A view from a link (absolute or relative), strictly: an unknown page or any parameter
    its page would drop is an error naming slide `number`."""
    if not isinstance(url, str) or not url.strip():
        raise DeckError("bad_slide", number=number)
    if len(url) > MAX_VIEW:
        raise DeckError("view_too_long", number=number, limit=MAX_VIEW)
    parts = urlsplit(url.strip())
    path = (parts.path.rstrip("/") or "/")
    path = PATH_ALIASES.get(path, path)
    for kind, spec in VIEW_KINDS.items():
        path_params = match_path(spec.pattern, path)
        if path_params is None:
            continue
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        chart = params.pop("chart", "").strip().lower()
        if spec.charts:
            chart = chart or spec.charts[0]
            if chart not in spec.charts:
                raise DeckError("bad_parameters", number=number, param="chart", value=chart)
        elif chart:
            raise DeckError("bad_parameters", number=number, param="chart", value=chart)
        params.update(path_params)
        state, notices = spec.parse(params, vocab)
        if notices:
            first = notices[0]
            raise DeckError("bad_parameters", number=number, param=first.param,
                            value=first.value)
        return View(kind, state, chart)
    raise DeckError("unknown_view", number=number, path=path)


def canonical_view(url: str, vocab: compare_state.Vocabulary, number: int = 1) -> str:
    return parse_view(url, vocab, number).url


# ---- validation --------------------------------------------------------------------------------

def _text(value: object, limit: int, reason: str, number: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DeckError("bad_slide", number=number)
    value = " ".join(value.split())
    if len(value) > limit:
        raise DeckError(reason, number=number, limit=limit)
    return value


def from_dict(data: object, vocab: compare_state.Vocabulary) -> Deck:
    """A valid deck from its file form (already parsed JSON); views become canonical."""
    if not isinstance(data, dict) or not isinstance(data.get("slides"), list):
        raise DeckError("not_a_deck")
    if data.get("format", FORMAT) != FORMAT:
        raise DeckError("not_a_deck")
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        raise DeckError("wrong_version", version=str(version), expected=VERSION)
    slides_in = data["slides"]
    if not slides_in:
        raise DeckError("no_slides")
    if len(slides_in) > MAX_SLIDES:
        raise DeckError("too_many_slides", count=len(slides_in), limit=MAX_SLIDES)
    title = _text(data.get("title"), MAX_TITLE, "title_too_long", 0)
    slides = tuple(_slide(item, vocab, number) for number, item in enumerate(slides_in, start=1))
    return Deck(title=title, slides=slides)


def _slide(item: object, vocab: compare_state.Vocabulary, number: int) -> Slide:
    if not isinstance(item, dict):
        raise DeckError("bad_slide", number=number)
    return Slide(
        view=canonical_view(item.get("view"), vocab, number),
        title=_text(item.get("title"), MAX_TITLE, "title_too_long", number),
        caption=_text(item.get("caption"), MAX_CAPTION, "caption_too_long", number),
    )


def from_stored(data: object, vocab: compare_state.Vocabulary) -> tuple[Deck, int]:
    """The deck kept in the browser, read leniently: it may be empty while being built, and
    slides that no longer validate (an older app version wrote them) are left out and counted."""
    if not isinstance(data, dict) or not isinstance(data.get("slides"), list):
        return Deck(title="", slides=()), 0
    try:
        title = _text(data.get("title"), MAX_TITLE, "title_too_long", 0)
    except DeckError:
        title = ""
    slides: list[Slide] = []
    dropped = max(len(data["slides"]) - MAX_SLIDES, 0)
    for number, item in enumerate(data["slides"][:MAX_SLIDES], start=1):
        try:
            slides.append(_slide(item, vocab, number))
        except DeckError:
            dropped += 1
    return Deck(title=title, slides=tuple(slides)), dropped


def to_dict(deck: Deck) -> dict:
    """The file form of a deck (also what the browser stores)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": deck.title,
        "slides": [{"view": s.view, "title": s.title, "caption": s.caption}
                   for s in deck.slides],
    }


def empty_deck_dict(title: str = "") -> dict:
    """A deck with no slides yet, as the browser stores it while one is being built."""
    return {"format": FORMAT, "version": VERSION, "title": title, "slides": []}


# ---- JSON file ---------------------------------------------------------------------------------

def from_file(content: bytes | str, vocab: compare_state.Vocabulary) -> Deck:
    """A deck from an uploaded file's bytes; any problem is a DeckError with a clear reason."""
    if len(content) > MAX_JSON_BYTES:
        raise DeckError("file_too_large", limit_kb=MAX_JSON_BYTES // 1024)
    try:
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DeckError("not_json") from None
    return from_dict(data, vocab)


def to_file(deck: Deck) -> str:
    return json.dumps(to_dict(deck), ensure_ascii=False, indent=2) + "\n"


# ---- URL parameter ------------------------------------------------------------------------------

def encode(deck: Deck) -> str:
    """The `deck` URL parameter: {"v", "t", "s": [[view, title, caption], ...]} as compact JSON,
    deflated, base64url without padding. Raises DeckError if the link would be too long."""
    slides = []
    for slide in deck.slides:
        row = [slide.view, slide.title, slide.caption]
        while len(row) > 1 and not row[-1]:
            row.pop()  # empty trailing fields are left out
        slides.append(row)
    payload = json.dumps({"v": VERSION, "t": deck.title, "s": slides}, ensure_ascii=False,
                         separators=(",", ":")).encode("utf-8")
    token = base64.urlsafe_b64encode(zlib.compress(payload, 9)).decode("ascii").rstrip("=")
    if len(token) > MAX_ENCODED:
        raise DeckError("link_too_long", limit=MAX_ENCODED)
    return token


def decode(token: str, vocab: compare_state.Vocabulary) -> Deck:
    """A valid deck from the `deck` URL parameter."""
    token = (token or "").strip()
    if not token:
        raise DeckError("not_readable")
    if len(token) > MAX_ENCODED:
        raise DeckError("link_too_long", limit=MAX_ENCODED)
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        payload = inflater.decompress(raw, MAX_JSON_BYTES)
    except (binascii.Error, ValueError, zlib.error):
        raise DeckError("not_readable") from None
    if inflater.unconsumed_tail:
        raise DeckError("link_too_long", limit=MAX_ENCODED)  # inflates beyond any real deck
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DeckError("not_readable") from None
    if not isinstance(data, dict) or not isinstance(data.get("s"), list):
        raise DeckError("not_readable")
    slides = []
    for item in data["s"]:
        item = item if isinstance(item, list) else [item]
        slides.append(dict(zip(("view", "title", "caption"), item, strict=False)))
    return from_dict({"format": FORMAT, "version": data.get("v"), "title": data.get("t"),
                      "slides": slides}, vocab)


# ---- the decks that ship with the app ----------------------------------------------------------

DECKS_DIR = Path(__file__).resolve().parent.parent / "decks"


def read_shipped(
    name: str,
    title: str,
    slide_texts: Mapping[str, tuple[str, str]],
    vocab: compare_state.Vocabulary,
) -> Deck:
    """A deck from decks/<name>.json, whose slides name a view and a text key; titles and
    captions come from `slide_texts` (the page text), so they can be translated."""
    data = json.loads((DECKS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    slides = []
    for item in data["slides"]:
        slide_title, caption = slide_texts[item["text"]]
        slides.append({"view": item["view"], "title": slide_title, "caption": caption})
    return from_dict({"format": FORMAT, "version": data["version"], "title": title,
                      "slides": slides}, vocab)


# ---- slide position ----------------------------------------------------------------------------

def slide_index(value: str | None, count: int) -> int:
    """The 0-based slide for the 1-based `slide` URL parameter; anything unreadable is the
    first slide and anything past the end the last."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return 0
    return min(max(number, 1), max(count, 1)) - 1
