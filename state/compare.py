"""The comparison view's URL state.

`parse` turns query parameters into a valid, canonical `CompareState` and a list of `Notice`s
naming every value it had to drop; `to_query` writes the one canonical query string for a state.
Both are pure: what is valid comes from a `Vocabulary` built once from the snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import quote

import pandas as pd

TABS = ("chart", "map", "table", "sources")
TRANSFORMS = ("none", "per_capita", "pct_gdp", "index", "pct_change")
OPEN_TRANSFORMS = ("none", "index", "pct_change")  # allowed for every indicator
SCALES = ("linear", "log")
PILOTS = ("MDA", "BGD", "JAM", "MLI")
DEFAULT_INDICATOR = "BX.TRF.PWKR.DT.GD.ZS"
DEFAULT_START = 2000
MAX_COUNTRIES = 20
PARAM_ORDER = (
    "indicator", "countries", "start", "end", "tab", "transform", "base", "scale", "year",
)


@dataclass(frozen=True)
class Vocabulary:
    """What the snapshot offers: indicator codes with their allowed transforms, country codes,
    the year span, and derived indicators keyed by (source indicator, transform)."""

    transforms: Mapping[str, tuple[str, ...]]
    countries: frozenset[str]
    first_year: int
    last_year: int
    derived: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # indicator code -> (first, last) year with data; a view opens on the years that have data.
    indicator_years: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    default_indicator: str = DEFAULT_INDICATOR
    default_countries: tuple[str, ...] = PILOTS
    # the years of the UN DESA migrant stock estimates, oldest first
    stock_years: tuple[int, ...] = ()

    def allowed_transforms(self, indicator: str) -> tuple[str, ...]:
        extra = self.transforms.get(indicator, ())
        return tuple(t for t in TRANSFORMS if t in OPEN_TRANSFORMS or t in extra)


@dataclass(frozen=True)
class CompareState:
    indicator: str
    countries: tuple[str, ...]
    start: int
    end: int
    tab: str = "chart"
    transform: str = "none"
    base: int | None = None
    scale: str = "linear"
    year: int | None = None  # the map's and ranked bar's year; None = latest with data


@dataclass(frozen=True)
class Notice:
    """One dropped value: which parameter, what was given, and why (a key into text)."""

    param: str
    value: str
    reason: str  # "unknown", "invalid", "out_of_range", "not_allowed", "too_many", "swapped"


def vocabulary_from_tables(
    indicators: pd.DataFrame, countries: pd.DataFrame, values: pd.DataFrame,
    stock_years: tuple[int, ...] = (),
) -> Vocabulary:
    """Build the vocabulary from the snapshot's catalogue, country list and values, and the
    years of the migrant stock estimates."""
    transforms = {
        row.code: tuple(t for t in ("" if pd.isna(row.transforms) else row.transforms).split(",")
                        if t)
        for row in indicators.itertuples(index=False)
    }
    derived: dict[tuple[str, str], str] = {}
    if {"derived_from", "derived_transform"} <= set(indicators.columns):
        for row in indicators.dropna(subset=["derived_from", "derived_transform"]).itertuples():
            if row.derived_from and row.derived_transform:
                derived[(row.derived_from, row.derived_transform)] = row.code
    years = values["year"]
    indicator_years: dict[str, tuple[int, int]] = {}
    if "indicator_code" in values.columns:
        spans = values.groupby("indicator_code", observed=True)["year"].agg(["min", "max"])
        indicator_years = {
            code: (int(row["min"]), int(row["max"])) for code, row in spans.iterrows()
        }
    default_indicator = DEFAULT_INDICATOR if DEFAULT_INDICATOR in transforms else min(transforms)
    return Vocabulary(
        transforms=transforms,
        countries=frozenset(countries["country_code"]),
        first_year=int(years.min()),
        last_year=int(years.max()),
        derived=derived,
        indicator_years=indicator_years,
        default_indicator=default_indicator,
        default_countries=tuple(c for c in PILOTS if c in set(countries["country_code"])),
        stock_years=tuple(stock_years),
    )


def default_years(vocab: Vocabulary, indicator: str) -> tuple[int, int]:
    """From 2000 (or the series' first year, if later) to the series' last year with data."""
    first, last = vocab.indicator_years.get(indicator, (vocab.first_year, vocab.last_year))
    start = max(DEFAULT_START, vocab.first_year, first)
    return min(start, last), last


def default_state(vocab: Vocabulary) -> CompareState:
    start, end = default_years(vocab, vocab.default_indicator)
    return CompareState(
        indicator=vocab.default_indicator,
        countries=vocab.default_countries,
        start=start,
        end=end,
    )


def _year(text: str, vocab: Vocabulary) -> tuple[int | None, str | None]:
    """A year within the snapshot's span, or the reason it is not one."""
    try:
        year = int(text.strip())
    except ValueError:
        return None, "invalid"
    if not vocab.first_year <= year <= vocab.last_year:
        return None, "out_of_range"
    return year, None


def parse(params: Mapping[str, str], vocab: Vocabulary) -> tuple[CompareState, list[Notice]]:
    """A valid canonical state from query parameters, and a notice for each dropped value."""
    state = default_state(vocab)
    notices: list[Notice] = []
    changes: dict[str, object] = {}

    indicator = params.get("indicator", "").strip()
    if indicator:
        if indicator in vocab.transforms:
            changes["indicator"] = indicator
        else:
            notices.append(Notice("indicator", indicator, "unknown"))

    if "countries" in params:
        codes, dropped = clean_countries(params["countries"].split(","), vocab)
        notices.extend(dropped)
        # An explicitly empty list is a view of its own; a list of only bad codes falls back.
        if codes or not params["countries"].strip():
            changes["countries"] = codes

    default_start, default_end = default_years(vocab, changes.get("indicator", state.indicator))
    changes["start"], changes["end"] = default_start, default_end
    for name in ("start", "end", "base", "year"):
        if params.get(name, "").strip():
            year, reason = _year(params[name], vocab)
            if reason:
                notices.append(Notice(name, params[name], reason))
            else:
                changes[name] = year

    for name, allowed in (("tab", TABS), ("scale", SCALES)):
        value = params.get(name, "").strip().lower()
        if value:
            if value in allowed:
                changes[name] = value
            else:
                notices.append(Notice(name, params[name], "invalid"))

    state = replace(state, **changes)
    transform = params.get("transform", "").strip().lower()
    if transform:
        if transform in vocab.allowed_transforms(state.indicator):
            state = replace(state, transform=transform)
        else:
            notices.append(Notice("transform", params["transform"], "not_allowed"))
    if state.start > state.end:
        notices.append(Notice("start", str(state.start), "swapped"))
        state = replace(state, start=state.end, end=state.start)
    return canonical(state, vocab), notices


def clean_countries(
    codes: Iterable[str], vocab: Vocabulary
) -> tuple[tuple[str, ...], list[Notice]]:
    """Known ISO3 codes in the given order, without repeats; notices for the rest."""
    kept: list[str] = []
    notices: list[Notice] = []
    for raw in codes:
        code = raw.strip().upper()
        if not code or code in kept:
            continue
        if code not in vocab.countries:
            notices.append(Notice("countries", raw.strip(), "unknown"))
        elif len(kept) >= MAX_COUNTRIES:
            notices.append(Notice("countries", code, "too_many"))
        else:
            kept.append(code)
    return tuple(kept), notices


def canonical(state: CompareState, vocab: Vocabulary) -> CompareState:
    """The one state for a view: derived indicators replace their transform; irrelevant
    values are cleared; a base year falls inside the range."""
    derived = vocab.derived.get((state.indicator, state.transform))
    if derived:
        state = replace(state, indicator=derived, transform="none")
    if state.transform not in vocab.allowed_transforms(state.indicator):
        state = replace(state, transform="none")
    if state.transform == "index":
        base = state.base if state.base is not None else state.start
        state = replace(state, base=min(max(base, state.start), state.end))
    else:
        state = replace(state, base=None)
    if state.year is not None and not state.start <= state.year <= state.end:
        state = replace(state, year=None)
    return state


def to_query(state: CompareState) -> str:
    """The canonical query string ('?indicator=…&countries=MDA,JAM&…'); defaults are left out
    except the indicator, countries and years, which every shared link names explicitly."""
    values: dict[str, str] = {
        "indicator": state.indicator,
        "countries": ",".join(state.countries),
        "start": str(state.start),
        "end": str(state.end),
    }
    if state.tab != "chart":
        values["tab"] = state.tab
    if state.transform != "none":
        values["transform"] = state.transform
    if state.transform == "index" and state.base is not None:
        values["base"] = str(state.base)
    if state.scale != "linear":
        values["scale"] = state.scale
    if state.year is not None:
        values["year"] = str(state.year)
    return "?" + "&".join(f"{key}={quote(values[key], safe=',.')}" for key in PARAM_ORDER
                          if key in values)


_VOCABULARIES: dict[tuple[int, str], Vocabulary] = {}


def snapshot_vocabulary() -> Vocabulary:
    """The vocabulary of the loaded snapshot in the reader's language, built once per snapshot
    object and language."""
    from query import countries, get_snapshot, indicators, local  # loaded once per process

    snap = get_snapshot()
    key = (id(snap), local.namer().language())
    if key not in _VOCABULARIES:
        if any(built != id(snap) for built, _ in _VOCABULARIES):
            _VOCABULARIES.clear()
        stock_years = tuple(sorted(int(y) for y in snap.migrant_stock["year"].unique()))
        _VOCABULARIES[key] = vocabulary_from_tables(indicators(), countries(), snap.values,
                                                    stock_years)
    return _VOCABULARIES[key]


def to_url(state: CompareState) -> str:
    return "/compare" + to_query(state)
