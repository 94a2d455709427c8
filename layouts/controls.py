"""Form controls shared by the pages: dropdowns that speak the page's language, and native
radio groups named by their legend.

Dash 4's RadioItems draws native radio buttons inside listbox and option roles; in a fieldset,
with those roles taken off in the browser (assets/js/a11y.js), they are a plain radio group:
arrow keys move between the choices and screen readers name the group by its legend.
"""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from text import common as t


def dropdown(*, labels: dict[str, str] | None = None, **props: Any) -> dcc.Dropdown:
    """A dcc.Dropdown whose own words (search, clear, "3 selected") are in the page's
    language; `labels` replaces some of them (e.g. what "no options" means here)."""
    return dcc.Dropdown(labels={**t.DROPDOWN_LABELS, **(labels or {})}, **props)


def radio_group(legend: str, items: dcc.RadioItems, *, legend_hidden: bool = False,
                className: str = "") -> html.Fieldset:
    """`items` in a fieldset whose legend is `legend` (shown as a form label, or only to
    screen readers when `legend_hidden`)."""
    return html.Fieldset(
        [html.Legend(legend, className="visually-hidden" if legend_hidden
                     else "form-label control-legend"), items],
        className=" ".join(("control-group", className)).strip(),
    )
