"""Names in the reader's language. The snapshot keeps the sources' English names; the app
installs a `Namer` (text.names) through which every page reads country and indicator names,
while the build, the HTTP API and anything run without one read the English."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

import pandas as pd

# The indicator fields a reader sees in words, translated; the English stays beside each one as
# `<field>_en` (exports keep the original).
INDICATOR_WORDS = ("name", "short_name", "unit", "definition", "vintage_note")


class Namer(Protocol):
    def language(self) -> str:
        """The reader's language (a cache key for anything built from names)."""

    def country(self, code: str, english: str) -> str:
        """A country's or aggregate's name."""

    def indicator(self, code: str, field: str, english: str) -> str:
        """One of an indicator's INDICATOR_WORDS."""

    def group(self, english: str) -> str:
        """A World Bank region or income group."""

    def age(self, english: str) -> str:
        """An age note ("2019 — latest UNHCR data in this dashboard")."""

    def publisher(self, english: str) -> str:
        """The organisation or people who publish a source."""


class English:
    """The sources' own words."""

    def language(self) -> str:
        return "en"

    def country(self, code: str, english: str) -> str:
        return english

    def indicator(self, code: str, field: str, english: str) -> str:
        return english

    def group(self, english: str) -> str:
        return english

    def age(self, english: str) -> str:
        return english

    def publisher(self, english: str) -> str:
        return english


_namer: Namer = English()


def install(namer: Namer) -> None:
    """Read every name through `namer` from now on."""
    global _namer
    _namer = namer


def namer() -> Namer:
    return _namer


class CountryNames(Mapping[str, str]):
    """ISO3 code -> name in the reader's language; `.english` holds the sources' names."""

    def __init__(self, english: dict[str, str]) -> None:
        self.english = english

    def __getitem__(self, code: str) -> str:
        return _namer.country(code, self.english[code])

    def __iter__(self) -> Iterator[str]:
        return iter(self.english)

    def __len__(self) -> int:
        return len(self.english)

    def __contains__(self, code: object) -> bool:
        return code in self.english


def indicator_words(code: str, meta: Mapping) -> dict:
    """`meta` (a catalogue row) with its INDICATOR_WORDS in the reader's language and the
    English originals beside them as `<field>_en`."""
    out = dict(meta)
    for field in INDICATOR_WORDS:
        english = meta.get(field)
        out[f"{field}_en"] = english
        if isinstance(english, str) and english:
            out[field] = _namer.indicator(code, field, english)
    if isinstance(meta.get("age_note"), str):
        out["age_note"] = _namer.age(meta["age_note"])
    return out


def localize_countries(countries: pd.DataFrame) -> pd.DataFrame:
    """The snapshot's country table with names, regions and income groups in the reader's
    language."""
    if _namer.language() == "en":
        return countries

    def group(value: object) -> object:
        return _namer.group(value) if isinstance(value, str) and value else value

    return countries.assign(
        name=[_namer.country(code, name) for code, name in
              zip(countries["country_code"], countries["name"], strict=True)],
        region=countries["region"].map(group), income_group=countries["income_group"].map(group))


def localize_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    """The snapshot's indicator catalogue with its words in the reader's language."""
    if _namer.language() == "en":
        return indicators
    out = indicators.copy()
    out["age_note"] = out["age_note"].map(
        lambda note: _namer.age(note) if isinstance(note, str) else note)
    for field in INDICATOR_WORDS:
        out[field] = [_namer.indicator(code, field, english) if isinstance(english, str)
                      and english else english
                      for code, english in zip(out["code"], out[field], strict=True)]
    return out
