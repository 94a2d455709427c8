"""Country codes from what people write: an ISO3 code, or a name in English (the snapshot's
country table), French or Romanian (CLDR territory names through Babel, when it is
installed), matched without case, accents or punctuation; "did you mean" from difflib."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

NAME_LOCALES = ("en", "fr", "ro")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """'Côte d’Ivoire' -> 'cote d ivoire': lower case, no accents, words only."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", bare).strip()


def cldr_names(codes: Iterable[str]) -> dict[str, list[str]]:
    """ISO3 code -> its CLDR names in NAME_LOCALES (empty without Babel)."""
    try:
        from babel import Locale
        from babel.core import get_global
    except ImportError:
        return {}
    aliases = get_global("territory_aliases")
    locales = [Locale.parse(name) for name in NAME_LOCALES]
    found: dict[str, list[str]] = {}
    for code in codes:
        two = aliases.get(code)
        if not two or len(two) != 1:
            continue
        found[code] = [loc.territories[two[0]] for loc in locales if two[0] in loc.territories]
    return found


class CountryResolver:
    """Resolve codes and names against a list of (ISO3 code, English name)."""

    def __init__(self, countries: Iterable[tuple[str, str]]) -> None:
        pairs = [(str(code).upper(), str(name)) for code, name in countries]
        self.names = dict(pairs)
        self._by_name: dict[str, str] = {}
        for code, names in cldr_names(self.names).items():
            for name in names:
                self._by_name.setdefault(normalise(name), code)
        for code, name in pairs:  # the snapshot's own names win over CLDR's
            self._by_name[normalise(name)] = code
        self._keys = sorted(self._by_name)

    def resolve(self, written: str) -> str | None:
        """The ISO3 code of `written`, or None."""
        text = written.strip()
        if text.upper() in self.names and len(text) == 3:
            return text.upper()
        return self._by_name.get(normalise(text))

    def suggestions(self, written: str, limit: int = 3) -> list[str]:
        """Codes of the closest names (and the code itself if it is a near miss of a code)."""
        key = normalise(written)
        if not key:
            return []
        close = difflib.get_close_matches(key, self._keys, n=limit * 2, cutoff=0.75)
        codes = list(dict.fromkeys(self._by_name[name] for name in close))
        if len(key) == 3:
            codes += [c for c in difflib.get_close_matches(key.upper(), list(self.names), n=2,
                                                           cutoff=0.66) if c not in codes]
        return codes[:limit]
