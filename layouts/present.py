"""Presentation mode (placeholder)."""

from __future__ import annotations

from dash import html

from layouts.placeholder import coming_soon
from text import common as t


def layout(**_params: str) -> html.Div:
    return coming_soon(t.NAV_PRESENT)
