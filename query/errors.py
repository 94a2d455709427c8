"""Errors raised for queries the snapshot cannot answer (all are ValueErrors)."""

from __future__ import annotations


class QueryError(ValueError):
    """A query asked for something the snapshot does not hold."""


class UnknownIndicatorError(QueryError):
    def __init__(self, code: str) -> None:
        super().__init__(f"unknown indicator code: {code!r}")
        self.code = code


class UnknownCountryError(QueryError):
    def __init__(self, codes: list[str]) -> None:
        super().__init__(f"unknown country code(s): {', '.join(map(repr, codes))}")
        self.codes = codes


class TransformNotAllowedError(QueryError):
    def __init__(self, indicator: str, transform: str, reason: str) -> None:
        super().__init__(f"transform {transform!r} is not available for {indicator}: {reason}")
        self.indicator = indicator
        self.transform = transform
