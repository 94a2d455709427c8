"""Checks of callback inputs: each takes the raw JSON value a client sent and returns it
normalised, or raises InvalidInput saying what is wrong. Bounds are explicit: no list, string
or store is longer than the page could make it."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from typing import Any

Check = Callable[[Any], Any]

MAX_TEXT = 200
MAX_STORE_BYTES = 64 * 1024


class InvalidInput(ValueError):
    """An input no control of the page would send."""


def _is_int(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def anything(value: Any) -> Any:
    """For inputs only used as a trigger (a click count, a timestamp): never read."""
    return value


def clicks(value: Any) -> int | None:
    """A button's click count."""
    if value is None:
        return None
    if not _is_int(value) or value < 0:
        raise InvalidInput("a click count must be a non-negative integer")
    return int(value)


def text(max_length: int = MAX_TEXT, *, optional: bool = True) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise InvalidInput("expected text")
        if len(value) > max_length:
            raise InvalidInput(f"text longer than {max_length} characters")
        return value
    return check


def choice(allowed: Iterable[str], *, optional: bool = True) -> Check:
    """One of the values the control offers."""
    known = frozenset(allowed)

    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or value not in known:
            raise InvalidInput(f"not one of the offered values: {str(value)[:40]!r}")
        return value
    return check


def code() -> Check:
    """One country or indicator code as a dropdown sends it (checked against the snapshot by
    the page's parser)."""
    return text(40)


def codes(max_items: int) -> Check:
    """A multi-select's list of codes: at most `max_items`, no repeats."""
    def check(value: Any) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise InvalidInput("expected a list of codes")
        if len(value) > max_items:
            raise InvalidInput(f"more than {max_items} codes")
        if not all(isinstance(item, str) and 0 < len(item) <= 40 for item in value):
            raise InvalidInput("every code must be short text")
        if len(set(value)) != len(value):
            raise InvalidInput("a code is repeated")
        return list(value)
    return check


def year(first: int = 1900, last: int = 2100, *, optional: bool = True) -> Check:
    def check(value: Any) -> int | None:
        if value is None and optional:
            return None
        if not _is_int(value) or not first <= value <= last:
            raise InvalidInput(f"a year must be a whole number from {first} to {last}")
        return int(value)
    return check


def year_range(first: int = 1900, last: int = 2100) -> Check:
    one = year(first, last, optional=False)

    def check(value: Any) -> list[int] | None:
        if value is None:
            return None
        if not isinstance(value, list) or len(value) != 2:
            raise InvalidInput("a year range is two years")
        return sorted(one(item) for item in value)
    return check


def index(limit: int) -> Check:
    """A position in a list of at most `limit` items."""
    def check(value: Any) -> int | None:
        if value is None:
            return None
        if not _is_int(value) or not 0 <= value < limit:
            raise InvalidInput(f"a position must be from 0 to {limit - 1}")
        return int(value)
    return check


def store(max_bytes: int = MAX_STORE_BYTES) -> Check:
    """A store's JSON data (a dict, list or scalar), at most `max_bytes` when encoded."""
    def check(value: Any) -> Any:
        try:
            size = len(json.dumps(value, separators=(",", ":")))
        except (TypeError, ValueError, RecursionError):
            raise InvalidInput("a store holds plain JSON") from None
        if size > max_bytes:
            raise InvalidInput(f"a store's data is larger than {max_bytes} bytes")
        return value
    return check


def each(check: Check, max_items: int) -> Check:
    """A pattern-matching input (ALL): a list of values, each checked."""
    def check_all(value: Any) -> list:
        if value is None:
            return []
        if not isinstance(value, list) or len(value) > max_items:
            raise InvalidInput(f"expected a list of at most {max_items} values")
        return [check(item) for item in value]
    return check_all
