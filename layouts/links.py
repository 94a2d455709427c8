"""Links keep the reader's language: every address on this site that a page or a callback
writes into a link (`href`) gets the language's prefix (`/fr/...`). The API, assets and Dash's
own routes have no language and are left alone. One walk over the components, so no link can
forget its prefix."""

from __future__ import annotations

from typing import Any

from dash.development.base_component import Component

from text.i18n import DEFAULT, current, localized_link


def localize(value: Any, locale: str | None = None) -> Any:
    """`value` (components, their JSON form, or lists of them) with its links in `locale`
    (default: the request's). Components are changed in place and returned."""
    locale = locale or current()
    if locale == DEFAULT:
        return value
    # A link that names its language (hrefLang: the language switch) already has its address.
    if isinstance(value, Component):
        if getattr(value, "href", None) is not None and not getattr(value, "hrefLang", None):
            value.href = localized_link(value.href, locale)
        localize(getattr(value, "children", None), locale)
    elif isinstance(value, dict) and isinstance(value.get("props"), dict):
        props = value["props"]
        if "href" in props and not props.get("hrefLang"):
            props["href"] = localized_link(props["href"], locale)
        localize(props.get("children"), locale)
    elif isinstance(value, list | tuple):
        for item in value:
            localize(item, locale)
    return value
