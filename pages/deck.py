"""Slide decks: an ordered list of views (a page path with its query string), each with a title.

A deck travels in three forms, all validated by the same rules:
- a Python `Deck` (what the pages work with);
- a JSON file (`to_file` / `from_file`): `{"format", "version", "title", "slides": [{"view",
  "title", "caption"}]}`, readable by people, for export and import;
- a URL parameter (`encode` / `decode`): compact JSON, deflated, base64url without padding, so a
  deck is shared as a link with no server-side storage.

A slide may also show a user's own series (`UserSlide`, on a comparison view). The file form
carries that data; the URL parameter never does, since the server reads query strings (and
may log or cache a page by them): it only marks the slide, and the data travels in the link's
fragment (`encode_data` / `with_data`), which browsers keep to themselves and the presentation
page posts back in a request body.

Every problem raises `DeckError(reason, **details)`; `reason` is a key into the page text, so the
message shown to people lives in text/present.py. Each slide's view is read by
pages.views.parse_view and replaced by its canonical link.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from charts.user_series import MODES, allowed_transforms
from ids import PageId
from pages.views import DeckError, parse_view
from state.compare import Vocabulary
from userdata import UserSeries, from_store, to_store

FORMAT = "migration-dashboard-deck"
VERSION = 1
MAX_SLIDES = 30
MAX_TITLE = 120
MAX_CAPTION = 400
MAX_ENCODED = 6000  # characters of the `deck` URL parameter; the request line allows 8190
MAX_JSON_BYTES = 64 * 1024  # an encoded deck once inflated, or a file without data of its own
MAX_DATA_BYTES = 512 * 1024  # the users' own data of all slides, as JSON
MAX_FILE_BYTES = MAX_JSON_BYTES + MAX_DATA_BYTES  # an imported file, or the deck in the browser


@dataclass(frozen=True)
class UserSlide:
    """A user's series drawn on a slide, alone or beside the view's indicator."""

    series: UserSeries
    transform: str
    mode: str


@dataclass(frozen=True)
class Slide:
    view: str  # canonical: path plus the page's canonical query string
    title: str = ""
    caption: str = ""
    data: UserSlide | None = None
    # The slide had a user's data, which the link it came from did not carry.
    data_left_out: bool = False


@dataclass(frozen=True)
class Deck:
    title: str
    slides: tuple[Slide, ...]


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


def from_dict(data: object, vocab: Vocabulary) -> Deck:
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


def _slide(item: object, vocab: Vocabulary, number: int) -> Slide:
    if not isinstance(item, dict):
        raise DeckError("bad_slide", number=number)
    view = parse_view(item.get("view"), vocab, number)
    data = (None if item.get("data") is None
            else user_slide(item["data"], vocab, number, view.page))
    return Slide(
        view=view.url,
        title=_text(item.get("title"), MAX_TITLE, "title_too_long", number),
        caption=_text(item.get("caption"), MAX_CAPTION, "caption_too_long", number),
        data=data,
        data_left_out=data is None and item.get("data_left_out") in (True, 1),
    )


def appended(deck: Deck, slide: Slide) -> Deck:
    """`deck` with `slide` last; a deck already holding MAX_SLIDES is a DeckError."""
    if len(deck.slides) >= MAX_SLIDES:
        raise DeckError("too_many_slides", count=len(deck.slides) + 1, limit=MAX_SLIDES)
    return Deck(title=deck.title, slides=(*deck.slides, slide))


def user_slide(value: object, vocab: Vocabulary, number: int, page: PageId) -> UserSlide:
    """A slide's own data from its stored form, checked like a series the browser sends
    (userdata.from_store); only a comparison view draws one."""
    if not isinstance(value, dict) or page != PageId.COMPARE:
        raise DeckError("bad_user_data", number=number)
    series = from_store(value.get("series"), vocab.countries)
    transform, mode = value.get("transform"), value.get("mode")
    if series is None or transform not in allowed_transforms(series) or mode not in MODES:
        raise DeckError("bad_user_data", number=number)
    return UserSlide(series, transform, mode)


def user_slide_dict(data: UserSlide) -> dict:
    series = data.series
    meta = {"name": series.name, "unit": series.unit, "source": series.source,
            "licence": series.licence}
    return {"series": to_store(series.id, meta, series.kind, list(series.rows)),
            "transform": data.transform, "mode": data.mode}


def _slide_dict(slide: Slide) -> dict:
    item = {"view": slide.view, "title": slide.title, "caption": slide.caption}
    if slide.data is not None:
        item["data"] = user_slide_dict(slide.data)
    elif slide.data_left_out:
        item["data_left_out"] = True
    return item


def from_stored(data: object, vocab: Vocabulary) -> tuple[Deck, int]:
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
        "slides": [_slide_dict(s) for s in deck.slides],
    }


def empty_deck_dict(title: str = "") -> dict:
    """A deck with no slides yet, as the browser stores it while one is being built."""
    return {"format": FORMAT, "version": VERSION, "title": title, "slides": []}


# ---- JSON file ---------------------------------------------------------------------------------

def from_file(content: bytes | str, vocab: Vocabulary) -> Deck:
    """A deck from an uploaded file's bytes; any problem is a DeckError with a clear reason."""
    if len(content) > MAX_FILE_BYTES:
        raise DeckError("file_too_large", limit_kb=MAX_FILE_BYTES // 1024)
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
    """The `deck` URL parameter: {"v", "t", "s": [[view, title, caption, has data], ...]} as
    compact JSON, deflated, base64url without padding. A user's data is only marked (1), never
    carried (see `encode_data`). Raises DeckError if the link would be too long."""
    slides = []
    for slide in deck.slides:
        marked = 1 if slide.data is not None or slide.data_left_out else 0
        row = [slide.view, slide.title, slide.caption, marked]
        while len(row) > 1 and not row[-1]:
            row.pop()  # empty trailing fields are left out
        slides.append(row)
    payload = json.dumps({"v": VERSION, "t": deck.title, "s": slides}, ensure_ascii=False,
                         separators=(",", ":")).encode("utf-8")
    token = _packed(payload)
    if len(token) > MAX_ENCODED:
        raise DeckError("link_too_long", limit=MAX_ENCODED)
    return token


def decode(token: str, vocab: Vocabulary) -> Deck:
    """A valid deck from the `deck` URL parameter."""
    token = (token or "").strip()
    if not token:
        raise DeckError("not_readable")
    if len(token) > MAX_ENCODED:
        raise DeckError("link_too_long", limit=MAX_ENCODED)
    data = _unpacked(token, MAX_JSON_BYTES, DeckError("link_too_long", limit=MAX_ENCODED))
    if not isinstance(data, dict) or not isinstance(data.get("s"), list):
        raise DeckError("not_readable")
    slides = []
    for item in data["s"]:
        item = item if isinstance(item, list) else [item]
        slides.append(dict(zip(("view", "title", "caption", "data_left_out"), item,
                               strict=False)))
    return from_dict({"format": FORMAT, "version": data.get("v"), "title": data.get("t"),
                      "slides": slides}, vocab)


def _packed(payload: bytes) -> str:
    return base64.urlsafe_b64encode(zlib.compress(payload, 9)).decode("ascii").rstrip("=")


def _unpacked(token: str, limit: int, too_large: DeckError) -> object:
    """The JSON value of a deflated base64url token inflated to at most `limit` bytes."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        payload = inflater.decompress(raw, limit)
    except (binascii.Error, ValueError, zlib.error):
        raise DeckError("not_readable") from None
    if inflater.unconsumed_tail:
        raise too_large  # inflates beyond any real deck
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DeckError("not_readable") from None


# ---- a user's data in a link's fragment ----------------------------------------------------------

def encode_data(deck: Deck) -> str:
    """The users' data of the deck's slides, for a link's fragment (`#data=...`): {"<slide
    number>": data} packed like the `deck` parameter; "" if no slide has any."""
    data = {str(n): user_slide_dict(s.data) for n, s in enumerate(deck.slides, start=1)
            if s.data is not None}
    if not data:
        return ""
    return _packed(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def with_data(deck: Deck, token: str, vocab: Vocabulary) -> Deck:
    """`deck` with the data of a link's fragment on the slides the link marked (all of them)."""
    if not isinstance(token, str) or not token.strip():
        raise DeckError("not_readable")
    data = _unpacked(token.strip(), MAX_DATA_BYTES,
                     DeckError("file_too_large", limit_kb=MAX_DATA_BYTES // 1024))
    if not isinstance(data, dict):
        raise DeckError("not_readable")
    slides = list(deck.slides)
    for key, value in data.items():
        number = int(key) if isinstance(key, str) and key.isdigit() else 0
        if not 1 <= number <= len(slides) or not slides[number - 1].data_left_out:
            raise DeckError("bad_user_data", number=key[:8])
        page = parse_view(slides[number - 1].view, vocab, number).page
        slides[number - 1] = replace(slides[number - 1],
                                     data=user_slide(value, vocab, number, page),
                                     data_left_out=False)
    # The builder's fragment carries every slide it marked: one left out is a damaged link.
    unfilled = next((n for n, s in enumerate(slides, start=1) if s.data_left_out), None)
    if unfilled is not None:
        raise DeckError("bad_user_data", number=unfilled)
    return Deck(title=deck.title, slides=tuple(slides))


# ---- the decks that ship with the app ----------------------------------------------------------

DECKS_DIR = Path(__file__).resolve().parent.parent / "decks"


def read_shipped(
    name: str,
    title: str,
    slide_texts: Mapping[str, tuple[str, str]],
    vocab: Vocabulary,
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
