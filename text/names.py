"""Country, region and indicator names in the request's language (installed into the query
layer by the app: query.local). Countries take their names from CLDR (Babel), which the
Unicode Consortium maintains in every language; the World Bank's aggregates and the indicators'
words come from the message catalogue, in the contexts `data.country.<code>` and
`data.indicator.<field>.<code>`, regions and income groups in `data.group.<name>`
(`python -m text.i18n extract` lists them from the snapshot).
A catalogue entry for a country overrides CLDR; a name found nowhere stays in English."""

from __future__ import annotations

import re
from functools import cache

import pycountry
from babel import Locale

from text import common
from text.i18n import DEFAULT, current, translations

# An age note as the build writes it (text.common.AGE_NOTE in English).
AGE_NOTE = re.compile(r"^(?P<period>\S+) — latest (?P<publisher>.+) data in this dashboard$")

# Codes the World Bank uses that are not ISO 3166 alpha-3, with the CLDR territory they name.
CLDR_TERRITORIES = {"XKX": "XK"}


@cache
def _territory(code: str) -> str | None:
    if code in CLDR_TERRITORIES:
        return CLDR_TERRITORIES[code]
    country = pycountry.countries.get(alpha_3=code)
    return country.alpha_2 if country else None


@cache
def _territory_names(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


class CatalogueNamer:
    """query.local.Namer for the request's language."""

    def language(self) -> str:
        return current()

    def country(self, code: str, english: str) -> str:
        locale = current()
        if locale == DEFAULT:
            return english
        context = f"data.country.{code}"
        found = translations(locale).upgettext(context, english)
        if found != english:
            return found
        territory = _territory(code)
        return _territory_names(locale).get(territory, english) if territory else english

    def indicator(self, code: str, field: str, english: str) -> str:
        locale = current()
        if locale == DEFAULT:
            return english
        return translations(locale).upgettext(f"data.indicator.{field}.{code}", english)

    def group(self, english: str) -> str:
        locale = current()
        if locale == DEFAULT:
            return english
        return translations(locale).upgettext(f"data.group.{english}", english)

    def age(self, english: str) -> str:
        found = AGE_NOTE.match(english)
        if current() == DEFAULT or not found:
            return english
        return common.AGE_NOTE.format(period=found["period"],
                                      publisher=self.publisher(found["publisher"]))

    def publisher(self, english: str) -> str:
        if current() == DEFAULT:
            return english
        return translations(current()).upgettext(f"data.publisher.{english}", english)


def data_messages() -> list[tuple[str, str]]:
    """(context, English) of every name the snapshot holds that CLDR does not: aggregates,
    regions, income groups, and the indicators' words."""
    import query  # the catalogue's template reads the snapshot it is made for

    snap = query.get_snapshot()
    countries = snap.countries
    messages = [(f"data.country.{code}", name) for code, name, aggregate in
                zip(countries["country_code"], countries["name"], countries["aggregate"],
                    strict=True) if aggregate or _territory(code) is None]
    groups = set(countries["region"].dropna()) | set(countries["income_group"].dropna())
    messages += [(f"data.group.{group}", group) for group in sorted(groups) if group]
    notes = [*snap.indicators["age_note"].dropna(), *snap.data_ages["age_note"].dropna()]
    publishers = {found["publisher"] for found in map(AGE_NOTE.match, notes) if found}
    messages += [(f"data.publisher.{name}", name) for name in sorted(publishers)]
    for row in snap.indicators.itertuples(index=False):
        messages += [(f"data.indicator.{field}.{row.code}", getattr(row, field))
                     for field in query.local.INDICATOR_WORDS
                     if isinstance(getattr(row, field), str) and getattr(row, field)]
    return messages


NAMER = CatalogueNamer()
