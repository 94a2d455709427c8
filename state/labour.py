"""The Labour flows view's URL state: `country` (the origin in focus) and `countries` (the
set compared by emigration rate), parsed and written the same way as the comparison view's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from state.compare import PILOTS, Notice, Vocabulary, clean_countries


@dataclass(frozen=True)
class LabourState:
    country: str
    countries: tuple[str, ...]


def default_state(vocab: Vocabulary) -> LabourState:
    pilots = tuple(c for c in PILOTS if c in vocab.countries)
    return LabourState(country=pilots[0] if pilots else min(vocab.countries), countries=pilots)


def parse(params: Mapping[str, str], vocab: Vocabulary) -> tuple[LabourState, list[Notice]]:
    """A valid state from query parameters, and a notice for each dropped value."""
    state = default_state(vocab)
    notices: list[Notice] = []
    country = params.get("country", "").strip()
    if country:
        codes, dropped = clean_countries([country], vocab)
        notices.extend(Notice("country", n.value, n.reason) for n in dropped)
        if codes:
            state = LabourState(codes[0], state.countries)
    if "countries" in params:
        codes, dropped = clean_countries(params["countries"].split(","), vocab)
        notices.extend(dropped)
        if codes or not params["countries"].strip():
            state = LabourState(state.country, codes)
    return state, notices


def to_query(state: LabourState) -> str:
    """The canonical query string: '?country=MDA&countries=MDA,BGD'."""
    return (f"?country={quote(state.country)}"
            f"&countries={quote(','.join(state.countries), safe=',')}")


def to_url(state: LabourState) -> str:
    return "/labour" + to_query(state)


def profile_state(iso3: str, vocab: Vocabulary) -> LabourState:
    """The labour view a country profile shows: the country, compared with the pilots."""
    return LabourState(iso3, tuple(dict.fromkeys([iso3, *vocab.default_countries])))
