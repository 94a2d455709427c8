"""Callbacks, one module per page; each exposes `register(app)`.

To add a page's callbacks, add its module to PAGES. Pages are rendered into the shell by the
router, so callbacks may refer to components that appear only on their page.
"""

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
)

PAGES = (router, compare, country, diaspora, labour, present, deck, downloads, embed, data_page)


def register_all(app: Dash) -> None:
    for module in PAGES:
        module.register(app)
