"""Slide decks: the URL token and the JSON file round-trip, and every bad input is refused with
the reason the page explains (state/deck.py)."""

from __future__ import annotations

import base64
import json
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layouts.present import ready_made_deck
from pages.deck import (
    FORMAT,
    MAX_DATA_BYTES,
    MAX_ENCODED,
    MAX_FILE_BYTES,
    MAX_JSON_BYTES,
    MAX_SLIDES,
    VERSION,
    Deck,
    DeckError,
    Slide,
    decode,
    encode,
    encode_data,
    from_dict,
    from_file,
    from_stored,
    parse_view,
    slide_index,
    to_dict,
    to_file,
    with_data,
)
from state.compare import snapshot_vocabulary
from text import present as t

GDP_VIEW = "/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=MDA,JAM&start=2000&end=2022"


@pytest.fixture(scope="module")
def vocab():
    return snapshot_vocabulary()


def token_of(payload: object) -> str:
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=")


def deck_file(*slides: dict, **fields: object) -> dict:
    return {"format": FORMAT, "version": VERSION, "title": "Talk", "slides": list(slides),
            **fields}


def reason(call) -> tuple[str, dict]:
    """The reason `call` was refused; its message must fill in from the details given."""
    with pytest.raises(DeckError) as caught:
        call()
    error = caught.value
    message = t.DECK_ERRORS[error.reason].format(**error.details)
    assert "{" not in message
    return error.reason, error.details


def test_token_round_trip_keeps_order_titles_and_captions(vocab):
    deck = Deck("Séminaire à Chișinău", (
        Slide(GDP_VIEW, "Remittances", "Caption with “quotes”"),
        Slide("/compare?indicator=SM.POP.NETM&countries=MLI&start=1990&end=2020&tab=map"),
    ))
    token = encode(deck)
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert decode(token, vocab) == deck


def test_views_become_canonical_and_the_root_is_the_comparison_view(vocab):
    deck = from_dict(deck_file(
        {"view": "http://example.org/?countries=jam,MDA&indicator=BX.TRF.PWKR.CD.DT"
                 "&transform=pct_gdp&start=2000&end=2022"}), vocab)
    assert deck.slides[0].view == (
        "/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=JAM,MDA&start=2000&end=2022")


def test_file_round_trip(vocab):
    deck = Deck("Talk", (Slide(GDP_VIEW, "One", ""),))
    assert from_file(to_file(deck).encode(), vocab) == deck
    assert json.loads(to_file(deck)) == to_dict(deck)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n", "not_json"),
        (b"{not json", "not_json"),
        (b"[1, 2]", "not_a_deck"),
        (json.dumps({"title": "no slides key"}).encode(), "not_a_deck"),
        (json.dumps(deck_file({"view": GDP_VIEW}, format="other-app")).encode(), "not_a_deck"),
        (json.dumps(deck_file({"view": GDP_VIEW}, version=2)).encode(), "wrong_version"),
        (json.dumps(deck_file({"view": GDP_VIEW}, version="1")).encode(), "wrong_version"),
        (json.dumps(deck_file({"view": GDP_VIEW}, version=True)).encode(), "wrong_version"),
        (json.dumps(deck_file()).encode(), "no_slides"),
        (json.dumps(deck_file(*[{"view": GDP_VIEW}] * (MAX_SLIDES + 1))).encode(),
         "too_many_slides"),
        (json.dumps(deck_file("just a string")).encode(), "bad_slide"),
        (json.dumps(deck_file({"title": "no view"})).encode(), "bad_slide"),
        (json.dumps(deck_file({"view": "/admin?x=1"})).encode(), "unknown_view"),
        (json.dumps(deck_file({"view": "/compare?indicator=NOPE"})).encode(),
         "bad_parameters"),
        (json.dumps(deck_file({"view": "/compare?countries=MDA,XXX"})).encode(),
         "bad_parameters"),
        (json.dumps(deck_file({"view": "/compare?start=abc"})).encode(), "bad_parameters"),
        (json.dumps(deck_file({"view": GDP_VIEW, "title": "x" * 500})).encode(),
         "title_too_long"),
        (json.dumps(deck_file({"view": GDP_VIEW, "caption": 7})).encode(), "bad_slide"),
        (b"[" * (MAX_FILE_BYTES + 1), "file_too_large"),
        (b"[" * 50_000, "not_json"),
    ],
)
def test_bad_files_are_refused_with_their_reason(vocab, content, expected):
    assert reason(lambda: from_file(content, vocab))[0] == expected


def test_refusals_name_the_slide_and_the_value(vocab):
    _, details = reason(lambda: from_dict(deck_file(
        {"view": GDP_VIEW}, {"view": "/compare?countries=MDA,XXX"}), vocab))
    assert details == {"number": 2, "param": "countries", "value": "XXX"}
    _, details = reason(lambda: from_dict(deck_file({"view": "/nowhere/else"}), vocab))
    assert details == {"number": 1, "path": "/nowhere/else"}


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("", "not_readable"),
        ("%%%not-base64%%%", "not_readable"),
        (base64.urlsafe_b64encode(b"plain text, not deflated").decode(), "not_readable"),
        (base64.urlsafe_b64encode(zlib.compress(b"\xff\xfe")).decode(), "not_readable"),
        (token_of([1, 2, 3]), "not_readable"),
        (token_of({"v": 2, "t": "", "s": [[GDP_VIEW]]}), "wrong_version"),
        (token_of({"v": 1, "t": "", "s": []}), "no_slides"),
        (token_of({"v": 1, "t": "", "s": [["/labour-nope"]]}), "unknown_view"),
        ("A" * (MAX_ENCODED + 1), "link_too_long"),
        # A small token that inflates to far more than any deck: refused without inflating it.
        (base64.urlsafe_b64encode(zlib.compress(b" " * (MAX_JSON_BYTES * 20), 9)).decode(),
         "link_too_long"),
    ],
)
def test_bad_tokens_are_refused_with_their_reason(vocab, token, expected):
    assert reason(lambda: decode(token, vocab))[0] == expected


def test_a_deck_too_large_for_a_link_is_refused_when_encoding(vocab):
    # Incompressible captions make the token outgrow the request line.
    import random

    rng = random.Random(1)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    slides = tuple(Slide(GDP_VIEW, "", "".join(rng.choice(letters) for _ in range(400)))
                   for _ in range(MAX_SLIDES))
    assert reason(lambda: encode(Deck("", slides)))[0] == "link_too_long"


def test_stored_deck_is_read_leniently(vocab):
    deck, dropped = from_stored(deck_file({"view": GDP_VIEW}, {"view": "/gone"},
                                          {"view": GDP_VIEW, "title": "Kept"}), vocab)
    assert [s.title for s in deck.slides] == ["", "Kept"] and dropped == 1
    assert from_stored(None, vocab) == (Deck("", ()), 0)
    assert from_stored({"slides": []}, vocab)[0].slides == ()


def test_views_change_countries_through_the_page_state(vocab):
    view = parse_view(GDP_VIEW, vocab)
    assert view.countries == ("MDA", "JAM")
    assert view.with_countries(("BGD",)).url == (
        "/compare?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=BGD&start=2000&end=2022")


@pytest.mark.parametrize(
    ("value", "count", "expected"),
    [(None, 5, 0), ("3", 5, 2), ("0", 5, 0), ("-4", 5, 0), ("99", 5, 4), ("x", 5, 0),
     ("9" * 5000, 5, 0), ("2", 0, 0)],
)
def test_slide_number_from_the_url(value, count, expected):
    assert slide_index(value, count) == expected


def test_ready_made_deck_tells_the_story_with_valid_views(vocab):
    deck = ready_made_deck(vocab)
    assert deck.title == t.READY_DECK_TITLE
    assert 8 <= len(deck.slides) <= 12
    assert all(s.title and s.caption for s in deck.slides)
    # It survives a link: what ships can be shared as it is.
    assert decode(encode(deck), vocab) == deck
    # Captions are words: every number on a slide comes from the data.
    assert not any(ch.isdigit() for s in deck.slides for ch in s.title + s.caption)


# ---- slides with a user's own data ---------------------------------------------------------------

def own_data(rows=(["BGD", 2019, "total", 700159], ["BGD", 2020, "total", 217669]),
             **series: object) -> dict:
    return {"series": {"id": "s1", "name": "Workers going abroad", "unit": "persons",
                       "source": "BMET", "licence": "Public", "kind": "count",
                       "rows": [list(r) for r in rows], **series},
            "transform": "none", "mode": "beside"}


def test_a_file_carries_a_slides_own_data_and_a_link_only_marks_it(vocab):
    deck = from_dict(deck_file({"view": GDP_VIEW, "data": own_data()}), vocab)
    assert deck.slides[0].data.series.rows == (("BGD", 2019, "total", 700159.0),
                                               ("BGD", 2020, "total", 217669.0))
    assert from_file(to_file(deck), vocab) == deck

    token = encode(deck)
    linked = decode(token, vocab)
    assert linked.slides[0].data is None and linked.slides[0].data_left_out
    assert "700159" not in zlib.decompress(base64.urlsafe_b64decode(token + "==")).decode()
    # The stored form of a linked deck keeps the mark; the fragment brings the data back.
    assert from_stored(to_dict(linked), vocab)[0] == linked
    assert with_data(linked, encode_data(deck), vocab) == deck
    assert encode_data(linked) == ""


@pytest.mark.parametrize("change", [
    {"rows": [["XXX", 2019, "total", 1]]},  # unknown country
    {"rows": [["BGD", 2019, "total", -1]]},  # a negative count
    {"rows": [["BGD", 2019, "total", 1], ["BGD", 2019, "total", 2]]},  # a repeated year
    {"name": ""},
    {"kind": "script"},
])
def test_damaged_own_data_is_refused_naming_the_slide(vocab, change):
    data = own_data()
    data["series"].update(change)
    assert reason(lambda: from_dict(deck_file({"view": GDP_VIEW, "data": data}), vocab)) == (
        "bad_user_data", {"number": 1})


def test_own_data_only_on_a_comparison_view_with_a_transform_it_allows(vocab):
    profile = {"view": "/country/BGD?chart=finance", "data": own_data()}
    assert reason(lambda: from_dict(deck_file(profile), vocab))[0] == "bad_user_data"
    share = own_data(kind="share")
    share["transform"] = "per_capita"  # a percentage per person means nothing
    assert reason(lambda: from_dict(deck_file({"view": GDP_VIEW, "data": share}), vocab))[0] \
        == "bad_user_data"


def test_a_fragment_fills_only_the_slides_its_link_marked(vocab):
    plain = from_dict(deck_file({"view": GDP_VIEW}), vocab)
    marked = decode(encode(from_dict(deck_file({"view": GDP_VIEW, "data": own_data()}),
                                     vocab)), vocab)
    fragment = encode_data(from_dict(deck_file({"view": GDP_VIEW, "data": own_data()}), vocab))
    assert reason(lambda: with_data(plain, fragment, vocab))[0] == "bad_user_data"
    assert reason(lambda: with_data(marked, token_of({"9": own_data()}), vocab))[0] == \
        "bad_user_data"
    assert reason(lambda: with_data(marked, "not a token!", vocab))[0] == "not_readable"
    bomb = base64.urlsafe_b64encode(zlib.compress(b" " * (MAX_DATA_BYTES + 1))).decode()
    assert reason(lambda: with_data(marked, bomb, vocab))[0] == "file_too_large"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from(["BGD", "total", "none", "beside", "count"]),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.sampled_from(["series", "rows", "name", "unit", "source", "licence",
                                       "kind", "id", "transform", "mode", "1", "2"]),
                      children, max_size=6),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=JSON, series=JSON)
def test_any_own_data_in_a_file_is_read_or_refused_with_a_reason(vocab, data, series):
    mixed = own_data()
    mixed["series"] = series if isinstance(series, dict) else mixed["series"]
    for value in (data, mixed):
        try:
            deck = from_dict(deck_file({"view": GDP_VIEW, "data": value}), vocab)
        except DeckError as error:
            assert error.reason == "bad_user_data"
        else:
            assert from_file(to_file(deck), vocab) == deck


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragment=st.text(max_size=200) | JSON.map(token_of))
def test_any_fragment_is_read_or_refused_with_a_reason(vocab, fragment):
    marked = decode(encode(from_dict(deck_file({"view": GDP_VIEW, "data": own_data()}),
                                     vocab)), vocab)
    try:
        deck = with_data(marked, fragment, vocab)
    except DeckError as error:
        assert error.reason in ("bad_user_data", "not_readable", "file_too_large")
    else:
        assert deck.slides[0].data is not None
