"""Look-ups shared by every query: indicator metadata and country names."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from query.errors import UnknownCountryError, UnknownIndicatorError
from query.local import (
    indicator_words,
    localize_countries,
    localize_indicators,
)
from query.snapshot import get_snapshot


def indicator_meta(code: str) -> dict:
    """Catalogue row of one indicator as a dict (missing fields are None), its words in the
    reader's language with the English beside them (query.local)."""
    meta = get_snapshot().indicator_meta.get(code)
    if meta is None:
        raise UnknownIndicatorError(code)
    return indicator_words(code, meta)


def country_name(code: str) -> str:
    name = get_snapshot().country_names.get(code)
    if name is None:
        raise UnknownCountryError([code])
    return name


def check_countries(codes: Iterable[str]) -> list[str]:
    """The codes as a list, in the order given; UnknownCountryError names any unknown one."""
    codes = [codes] if isinstance(codes, str) else list(codes)
    names = get_snapshot().country_names
    unknown = [c for c in codes if c not in names]
    if unknown:
        raise UnknownCountryError(unknown)
    return codes


def countries() -> pd.DataFrame:
    """Every country and aggregate (the snapshot's country table), named in the reader's
    language."""
    return localize_countries(get_snapshot().countries)


def indicators() -> pd.DataFrame:
    """The indicator catalogue, its words in the reader's language."""
    return localize_indicators(get_snapshot().indicators)
