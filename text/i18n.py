"""The interface's language: which one a request is in, and its messages.

A language is chosen by the address (`/fr/...`, `/ro/...`; English has no prefix) and holds for
the whole request (`using(locale)`, a context variable). Every text module registers its
constants with `translatable(__name__)`: reading `t.TITLE` then gives the constant in the
request's language, from the message catalogue `text/locales/<lang>/LC_MESSAGES/messages.po`
(GNU gettext, read with Babel), each message in the context `<module>.<NAME>`. A message missing
from a catalogue falls back to English. Adding a language is adding one catalogue and its
entry in LANGUAGES.

`python -m text.i18n extract` writes the template `text/locales/messages.pot` from the text
modules; `update` merges it into every catalogue.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import json
import pkgutil
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

DEFAULT = "en"
# Each language by its code, with its name in itself (for the language switch).
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français", "ro": "Română"}
LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"

_current: ContextVar[str] = ContextVar("locale", default=DEFAULT)


def current() -> str:
    """The language of the request being served."""
    return _current.get()


@contextmanager
def using(locale: str) -> Iterator[None]:
    """Serve what runs inside in `locale` (the default for an unknown one)."""
    token = _current.set(locale if locale in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)


# ---- addresses --------------------------------------------------------------------------------

def split_locale(path: str | None) -> tuple[str, str]:
    """("fr", "/compare") for "/fr/compare"; (DEFAULT, path) when the path names no language."""
    path = path or "/"
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in LANGUAGES and parts[1] != DEFAULT:
        return parts[1], "/" + (parts[2] if len(parts) > 2 else "")
    return DEFAULT, path


def localized(path: str, locale: str | None = None) -> str:
    """`path` (an address on this site) in `locale` (default: the request's)."""
    locale = locale or current()
    if locale == DEFAULT or not path.startswith("/") or path.startswith("//"):
        return path
    return f"/{locale}" + ("" if path == "/" else path)


# Addresses on this site without a language: the API, assets and Dash's own routes.
UNTRANSLATED = ("//", "/api/", "/assets/", "/_")


def localized_link(href: Any, locale: str | None = None) -> Any:
    """`href` in `locale` when it is an address of a page on this site not already in a
    language; anything else as it is."""
    if (isinstance(href, str) and href.startswith("/") and not href.startswith(UNTRANSLATED)
            and split_locale(href)[0] == DEFAULT):
        return localized(href, locale)
    return href


def negotiate(accepted: Callable[[list[str]], str | None]) -> str:
    """The language to open "/" in, from the browser's preferences (`accepted`: Werkzeug's
    `request.accept_languages.best_match`)."""
    return accepted(list(LANGUAGES)) or DEFAULT


# ---- messages ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Plural:
    """A message with plural forms: `.format(count=n, ...)` picks the form for n."""

    one: str
    other: str

    def format(self, **values: Any) -> str:
        return self.forms(values["count"]).format(**values)

    def forms(self, count: int) -> str:
        return self.one if count == 1 else self.other


@dataclass(frozen=True)
class _TranslatedPlural:
    context: str
    message: Plural

    def format(self, **values: Any) -> str:
        count = values["count"]
        chosen = translations(current()).unpgettext(self.context, self.message.one,
                                                    self.message.other, count)
        return chosen.format(**values)


# Each text module's messages: module name -> constant name -> value (str, Plural, or dicts,
# tuples and lists of them).
REGISTRY: dict[str, dict[str, Any]] = {}


def _is_text(value: Any) -> bool:
    if isinstance(value, str | Plural):
        return True
    if isinstance(value, Mapping):
        return bool(value) and all(_is_text(v) for v in value.values())
    if isinstance(value, tuple | list):
        return bool(value) and all(_is_text(v) for v in value)
    return False


def _translate(value: Any, context: str) -> Any:
    if isinstance(value, str):
        if current() == DEFAULT:
            return value
        return translations(current()).upgettext(context, value)
    if isinstance(value, Plural):
        return _TranslatedPlural(context, value) if current() != DEFAULT else value
    if isinstance(value, Mapping):
        return {key: _translate(item, f"{context}.{key}") for key, item in value.items()}
    return type(value)(_translate(item, f"{context}.{i}") for i, item in enumerate(value))


def _assigned_names(module: Any) -> set[str]:
    """The names a module's own top-level statements assign."""
    tree = ast.parse(inspect.getsource(module))
    return {target.id for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)}


def translatable(module_name: str, keep: tuple[str, ...] = ()) -> None:
    """Make the text constants (UPPER_CASE names holding text) of a module answer in the
    request's language: call as `translatable(__name__)` at the end of a text module. `keep`
    names the constants that stay in English (words for programs: column names, codes)."""
    module = sys.modules[module_name]
    assigned = _assigned_names(module)  # not names imported from elsewhere
    messages = {name: value for name, value in vars(module).items()
                if name in assigned and name.isupper() and not name.startswith("_")
                and name not in keep and _is_text(value)}
    for name in messages:
        delattr(module, name)
    REGISTRY[module_name] = messages

    def __getattr__(name: str) -> Any:  # noqa: N807 (the module attribute protocol)
        if name in messages:
            return _translate(messages[name], f"{module_name}.{name}")
        raise AttributeError(f"module {module_name!r} has no attribute {name!r}")

    module.__getattr__ = __getattr__  # type: ignore[attr-defined]


@cache
def translations(locale: str) -> Translations:
    """The compiled catalogue of `locale` (empty for English or a missing catalogue)."""
    path = LOCALES / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    if locale == DEFAULT or not path.exists():
        return Translations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@cache
def plotly_words(locale: str) -> dict | None:
    """Plotly's own words (toolbar, date formats) in `locale`, from the vendored
    plotly.js-locales (text/locales/plotly); None for English or a language it lacks."""
    path = LOCALES / "plotly" / f"{locale}.json"
    if locale == DEFAULT or not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


# ---- the catalogues --------------------------------------------------------------------------

def load_all() -> None:
    """Import every text module, so that each has registered its messages."""
    import text

    for module in pkgutil.iter_modules(text.__path__):
        importlib.import_module(f"text.{module.name}")


def template() -> Catalog:
    """Every message of every text module, in the context `<module>.<NAME>[.<key>]`."""
    load_all()
    catalog = Catalog(project="Migration & Development Indicators", domain=DOMAIN)

    def add(value: Any, context: str) -> None:
        if isinstance(value, str):
            catalog.add(value, context=context)
        elif isinstance(value, Plural):
            catalog.add((value.one, value.other), context=context)
        elif isinstance(value, Mapping):
            for key, item in value.items():
                add(item, f"{context}.{key}")
        else:
            for i, item in enumerate(value):
                add(item, f"{context}.{i}")

    for module_name in sorted(REGISTRY):
        for name, value in REGISTRY[module_name].items():
            add(value, f"{module_name}.{name}")
    from text.names import data_messages

    for context, message in data_messages():
        catalog.add(message, context=context)
    return catalog


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "extract"
    pot = template()
    LOCALES.mkdir(exist_ok=True)
    with (LOCALES / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, pot, omit_header=False, sort_output=True, width=100)
    if command == "update":
        for locale in LANGUAGES:
            if locale == DEFAULT:
                continue
            path = LOCALES / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                with path.open("rb") as handle:
                    catalog = read_po(handle, locale=locale)
            else:
                catalog = Catalog(locale=locale, domain=DOMAIN)
            catalog.update(pot, no_fuzzy_matching=True)
            with path.open("wb") as handle:
                write_po(handle, catalog, sort_output=True, width=100, ignore_obsolete=True)
    print(f"{len(pot)} messages")


if __name__ == "__main__":
    # Run as the imported module, whose registry the text modules fill (not as __main__).
    from text import i18n

    i18n.main(sys.argv[1:])
