"""Callbacks, one module per page (plus the chart toolbar and the deck, which serve every
page); each exposes `register(app)` and registers its server callbacks through
boundary.callback, so every input is checked before it is used. No callback module imports
another: what pages share lives in layouts/, charts/ and pages/."""

from __future__ import annotations

from dash import Dash

from callbacks import (
    compare,
    country,
    data_page,
    deck,
    diaspora,
    downloads,
    embed,
    labour,
    present,
    router,
    userdata,
)

MODULES = (router, compare, country, diaspora, labour, present, deck, downloads, embed, data_page,
           userdata)


def register_all(app: Dash) -> None:
    for module in MODULES:
        module.register(app)
