"""Which URLs name content that never changes (and may be cached for a year)."""

from __future__ import annotations

from dash.fingerprint import check_fingerprint
from flask import Request

COMPONENT_SUITES = "/_dash-component-suites/"
ASSETS = "/assets/"


def fingerprinted_bundle(path: str) -> str | None:
    """For a component-suite URL with a fingerprint in its file name, the file it names."""
    if not path.startswith(COMPONENT_SUITES):
        return None
    file_path, has_fingerprint = check_fingerprint(path[len(COMPONENT_SUITES):])
    return file_path if has_fingerprint else None


def is_fingerprinted(request: Request) -> bool:
    """True for URLs Dash versions: bundles named *.v<version>m<hash>.js or with ?v=,
    assets with ?m=<mtime> and the favicon with ?v=."""
    path = request.path
    if path.startswith(COMPONENT_SUITES):
        return fingerprinted_bundle(path) is not None or "v" in request.args
    if path.startswith(ASSETS):
        return "m" in request.args
    if path == "/_favicon.ico":
        return "v" in request.args
    return False
