"""Form controls shared by the pages: native radio groups named by their legend.

Dash 4's RadioItems draws native radio buttons inside listbox and option roles; in a fieldset,
with those roles taken off in the browser (assets/js/a11y.js), they are a plain radio group:
arrow keys move between the choices and screen readers name the group by its legend.
"""

from __future__ import annotations

from dash import dcc, html


def radio_group(legend: str, items: dcc.RadioItems, *, legend_hidden: bool = False,
                className: str = "") -> html.Fieldset:
    """`items` in a fieldset whose legend is `legend` (shown as a form label, or only to
    screen readers when `legend_hidden`)."""
    return html.Fieldset(
        [html.Legend(legend, className="visually-hidden" if legend_hidden
                     else "form-label control-legend"), items],
        className=" ".join(("control-group", className)).strip(),
    )
