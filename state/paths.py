"""Path patterns shared by the page router and the deck parser: "/country/<iso3>"."""

from __future__ import annotations


def match_path(pattern: str, path: str) -> dict[str, str] | None:
    """Named path parts if `path` fits `pattern` (<name> matches one segment), else None."""
    wanted, given = pattern.strip("/").split("/"), path.strip("/").split("/")
    if len(wanted) != len(given):
        return None
    params: dict[str, str] = {}
    for part, value in zip(wanted, given, strict=True):
        if part.startswith("<") and part.endswith(">"):
            params[part[1:-1]] = value
        elif part != value:
            return None
    return params
