"""Country names -> ISO3 codes, looked up in the names the raw data already carries.

Sources that name countries in words (Abel & Cohen, the UN DESA flow workbooks, the World
Bank remittance matrix) resolve them here. The lookup joins every WDI `Country Name` /
`Country Code` pair and every spelling UN DESA's rftLocation lists for a location with an
ISO3 code (WPP names, census labels, former names such as "Swaziland" or "Serbia and
Montenegro"). Names are compared after `normalise`. A name the lookup cannot place, or
places on more than one code, fails unless the source lists it in its own aliases.

The lookup is always built from the repository's vendored raw files: the name lists are
reference data, so a reader given a folder holding only its own source still resolves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import pandas as pd

from pipeline.sources import undesa_ims2024, wdi

REFERENCE_RAW_DIR = Path(__file__).resolve().parents[2] / "data" / "raw"
WDI_FOLDERS = ("wdi_datasets", "wdi_datasets_labour")
_NOT_WORD = re.compile(r"[\W_]+")
# Articles carry no meaning in a country name: "Gambia, The", "St. Vincent & Grenadines".
_IGNORED_WORDS = frozenset({"the"})


def normalise(name: str) -> str:
    """Accents, case, punctuation, '&' vs 'and', articles and trailing '*' marks ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _NOT_WORD.sub(" ", text.strip().rstrip("*").replace("&", " and "))
    return " ".join(word for word in text.split() if word not in _IGNORED_WORDS)


class CountryNames:
    """Resolves country names to ISO3 codes; built from (name, country_code) pairs."""

    def __init__(self, names: pd.DataFrame) -> None:
        codes: dict[str, set[str]] = {}
        for name, code in zip(names["name"], names["country_code"], strict=True):
            codes.setdefault(normalise(name), set()).add(code)
        self._codes = {key: frozenset(found) for key, found in codes.items()}
        self._known = frozenset(names["country_code"])

    def codes(
        self, names: Iterable[str], source: str, aliases: Mapping[str, str] | None = None
    ) -> dict[str, str]:
        """name -> ISO3 for each name; raises ValueError naming the source and every
        name that is unknown or ambiguous. `aliases` (exact source spellings) win."""
        aliases = aliases or {}
        bad_aliases = sorted(f"{n!r} -> {c}" for n, c in aliases.items() if c not in self._known)
        if bad_aliases:
            raise ValueError(f"{source}: aliases to codes no reference list knows: {bad_aliases}")
        resolved: dict[str, str] = {}
        problems: list[str] = []
        for name in sorted(set(names)):
            found = {aliases[name]} if name in aliases else self._codes.get(normalise(name), set())
            if len(found) == 1:
                resolved[name] = next(iter(found))
            elif found:
                problems.append(f"{name!r} (ambiguous: {', '.join(sorted(found))})")
            else:
                problems.append(repr(name))
        if problems:
            raise ValueError(f"{source}: country names without an ISO3 code: {', '.join(problems)}")
        return resolved

    def code(self, name: str, source: str, aliases: Mapping[str, str] | None = None) -> str:
        return self.codes([name], source, aliases)[name]


def read_country_names(raw_dir: Path) -> CountryNames:
    """The lookup built from the WDI and UN DESA name lists under raw_dir."""
    frames = [wdi.read_country_names(raw_dir, folder) for folder in WDI_FOLDERS]
    frames.append(undesa_ims2024.read_location_names(raw_dir))
    return CountryNames(pd.concat(frames, ignore_index=True))


@cache
def reference() -> CountryNames:
    """The lookup from the repository's raw files, read once per process."""
    return read_country_names(REFERENCE_RAW_DIR)
