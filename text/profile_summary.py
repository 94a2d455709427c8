"""The plain-language summary of a country profile, written only from `ProfileFacts`
(query.profile): the sentences come from text.country, the numbers from the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from text import country as t
from text.numbers import format_number, format_prose, format_value

if TYPE_CHECKING:
    from query.profile import ProfileFacts

SAME_BAND = (0.95, 1.05)  # ratios read as "about the same"


def join_list(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 2:
        return t.SUMMARY_AND.join(items)
    return t.SUMMARY_LIST_SEPARATOR.join(items[:-1]) + t.SUMMARY_AND + items[-1]


def place_name(code: str, name: str) -> str:
    """A country's name as it reads inside a sentence."""
    return t.THE.format(name=name) if code in t.THE_NAMES else name


def compare_with(remittances: float, other: float | None, flow: str) -> str:
    """How remittances compare with one other flow ("oda" or "fdi"), in words."""
    phrases = t.SUMMARY_VS[flow]
    if other is None:
        return phrases["missing"]
    amount = format_prose(other)
    if other <= 0:
        return phrases["negative"].format(amount=amount)
    ratio = remittances / other
    if SAME_BAND[0] <= ratio <= SAME_BAND[1]:
        return phrases["same"].format(amount=amount)
    if ratio > 1:
        return phrases["more"].format(ratio=format_number(ratio, 0 if ratio >= 10 else 1),
                                      amount=amount)
    return phrases["less"].format(pct=format_value(ratio * 100, "%", 0), amount=amount)


def home_name(facts: ProfileFacts) -> str:
    return place_name(facts.country_code, facts.country)


def emigrant_sentences(facts: ProfileFacts) -> list[str]:
    country = home_name(facts)
    if facts.emigrants is None or facts.emigrants_year is None:
        return [t.SUMMARY_NO_EMIGRANTS.format(country=country)]
    templates = t.SUMMARY_EMIGRANTS if facts.emigrants >= 10_000 else t.SUMMARY_EMIGRANTS_EXACT
    if facts.emigrant_share is None:
        kind, share = "alone", None
    else:
        kind = "projected" if facts.emigrant_share_status == "projection" else "share"
        share = format_value(facts.emigrant_share, "%", 1)
    sentences = [templates[kind].format(count=format_prose(facts.emigrants), country=country,
                                        year=facts.emigrants_year, share=share)]
    places = [(place_name(code, name), format_value(share, "%", 0))
              for code, name, share in facts.destinations]
    if len(places) == 1:
        sentences.append(t.SUMMARY_DESTINATIONS_ONE.format(first=places[0][0],
                                                           first_share=places[0][1]))
    elif places:
        sentences.append(t.SUMMARY_DESTINATIONS.format(places=join_list(
            [t.SUMMARY_PLACE.format(name=name, share=share) for name, share in places])))
    return sentences


def finance_sentences(facts: ProfileFacts) -> list[str]:
    """Remittances against aid and investment in the latest year with all of them; if
    remittances have a later year (the one the headline card shows), that year too, so the
    summary and the card never disagree without saying why."""
    if facts.finance_year is None or facts.remittances is None:
        return [t.SUMMARY_NO_FINANCE.format(country=home_name(facts))]
    comparisons = join_list([compare_with(facts.remittances, value, flow)
                             for flow, value in (("oda", facts.oda), ("fdi", facts.fdi))])
    later = (facts.remittances_year is not None and facts.remittances_latest is not None
             and facts.remittances_year > facts.finance_year)
    template = t.SUMMARY_FINANCE_EARLIER if later else t.SUMMARY_FINANCE
    sentences = [template.format(year=facts.finance_year, country=home_name(facts),
                                 remittances=format_prose(facts.remittances),
                                 comparisons=comparisons)]
    if later:
        sentences.append(t.SUMMARY_FINANCE_LATEST.format(
            year=facts.remittances_year, remittances=format_prose(facts.remittances_latest)))
    return sentences


def summary(facts: ProfileFacts) -> list[str]:
    """The summary's sentences, in reading order."""
    return [*emigrant_sentences(facts), *finance_sentences(facts)]
