"""The boundary of the callback layer: every server callback's inputs are untrusted.

Any client can post any JSON to /_dash-update-component, not only what the page's controls
would send. Every server callback is registered through `callback(app, ..., inputs=...)`, which
checks each input against its declared shape (type, length, range, known values: see
boundary/inputs.py) before the callback runs. Anything else is refused with HTTP 400 and a
short JSON reason, logged once as a warning, never a traceback. Page callbacks then read their
inputs with the same parsers the address bar uses (state/), so a value that passes here is
still bounded by what the page offers.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from typing import Any

from dash import Dash, Output, State, ctx
from werkzeug.exceptions import BadRequest

from boundary.inputs import Check, InvalidInput, choice
from ids import Shell
from layouts.links import localize
from text.i18n import DEFAULT, LANGUAGES, localized_link, using

logger = logging.getLogger(__name__)

__all__ = ["Check", "InvalidInput", "RefusedInput", "callback", "changed", "refuse"]


LANGUAGE_CHECK = choice(LANGUAGES)


class RefusedInput(BadRequest):
    """A callback request whose inputs no page would send (HTTP 400)."""


def changed(component_id: str) -> bool:
    """Whether the input `component_id` is one of those that started this call. Dash sends inputs
    that changed before their request left in one request, so ctx.triggered_id, the first of
    them, is not enough."""
    return component_id in ctx.triggered_prop_ids.values()


def refuse(reason: str) -> RefusedInput:
    """The error for a refused callback input; logged once, as one line."""
    logger.warning("Refused callback input: %s", reason)
    return RefusedInput(reason)


def guarded(func: Callable[..., Any], checks: Sequence[Check],
            hrefs: tuple[int | None, ...] = ()) -> Callable[..., Any]:
    """`func` with each positional argument checked (and normalised) by its check first; the
    last argument, the page's language, is not passed on: `func` runs in that language and
    the links it returns keep it (in components, and in the outputs `hrefs`: positions of
    outputs that are a link's href, None for a callback's only output)."""

    name = f"{func.__module__.rpartition('.')[2]}.{func.__name__}"
    every = (*checks, LANGUAGE_CHECK)

    @functools.wraps(func)
    def run(*args: Any) -> Any:
        if len(args) != len(every):
            raise refuse(f"{name}: expected {len(every)} inputs, got {len(args)}")
        try:
            *values, locale = [check(value) for check, value in zip(every, args, strict=True)]
        except InvalidInput as error:
            raise refuse(f"{name}: {error}") from None
        with using(locale or DEFAULT):
            result = localize(func(*values))
            if None in hrefs:
                return localized_link(result)
            if hrefs:
                result = list(result)
                for position in hrefs:
                    result[position] = localized_link(result[position])
            return result

    run.guarded = True  # type: ignore[attr-defined]
    return run


def callback(app: Dash, *dependencies: Any, inputs: Sequence[Check],
             **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a server callback whose Inputs and States (in order) are checked by `inputs`:
    `callback(app, Output(...), Input(...), State(...), inputs=(codes(20), year()))(func)`. The
    page's language comes as a last State, added here."""

    flat = [item for dependency in dependencies for item in
            (dependency if isinstance(dependency, list | tuple) else (dependency,))]
    outputs = [item for item in flat if isinstance(item, Output)]
    single = len(outputs) == 1 and not isinstance(dependencies[0], list | tuple)
    hrefs = tuple(None if single else position for position, output in enumerate(outputs)
                  if output.component_property == "href")

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        return app.callback(*dependencies, State(Shell.LANG, "data"), **options)(
            guarded(func, inputs, hrefs))

    return register
