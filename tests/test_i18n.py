"""The interface's languages: complete catalogues, placeholders that match, numbers and names
in each language, and addresses that keep the language."""

from __future__ import annotations

import dis
import importlib
import string
import types
from collections.abc import Iterator

import pytest
from babel.messages.pofile import read_po

import query
from query import local
from text import i18n
from text.i18n import LANGUAGES, LOCALES, localized, split_locale, using
from text.names import NAMER
from text.numbers import format_number, format_prose, format_value, plotly_separators

OTHER_LANGUAGES = [code for code in LANGUAGES if code != i18n.DEFAULT]


def catalogue(locale: str):
    with (LOCALES / locale / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}


def forms(message: str | tuple) -> tuple[str, ...]:
    return message if isinstance(message, tuple) else (message,)


@pytest.fixture
def names_in_language() -> Iterator[None]:
    """Names read through the app's Namer (as the app installs it), English again after."""
    local.install(NAMER)
    yield
    local.install(local.English())


# ---- the catalogues ---------------------------------------------------------------------------

def test_every_catalogue_holds_exactly_the_current_messages() -> None:
    expected = {(m.context, m.id if isinstance(m.id, str) else m.id[0])
                for m in i18n.template() if m.id}
    for locale in OTHER_LANGUAGES:
        found = {(m.context, m.id if isinstance(m.id, str) else m.id[0])
                 for m in catalogue(locale) if m.id}
        assert found == expected, (
            f"{locale}: run `python -m text.i18n update`; missing {sorted(expected - found)[:5]},"
            f" obsolete {sorted(found - expected)[:5]}")


@pytest.mark.parametrize("locale", OTHER_LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(locale: str) -> None:
    problems = []
    for message in catalogue(locale):
        if not message.id:
            continue
        english, translated = forms(message.id), forms(message.string)
        if message.fuzzy or not all(translated):
            problems.append(f"untranslated {message.context}")
            continue
        wanted = set().union(*(placeholders(form) for form in english))
        for form in translated:
            if placeholders(form) - wanted or (placeholders(form) != wanted and
                                               len(english) == 1):
                problems.append(f"{message.context}: {sorted(placeholders(form))} "
                                f"instead of {sorted(wanted)}")
    assert not problems, f"{len(problems)} problems in {locale}: {problems[:10]}"


@pytest.mark.parametrize("locale", OTHER_LANGUAGES)
def test_each_catalogue_says_who_translated_it(locale: str) -> None:
    header = catalogue(locale).header_comment
    assert "Translat" in header and "review" in header.lower()


def test_text_modules_read_their_messages_through_the_language() -> None:
    """A function in a text module that read one of its messages as a global would always
    answer in English (translatable() moves the messages behind the module's __getattr__)."""
    i18n.load_all()

    def globals_read(code: types.CodeType) -> set[str]:
        names = {ins.argval for ins in dis.get_instructions(code)
                 if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME")}
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                names |= globals_read(const)
        return names

    wrong = []
    for module_name, messages in i18n.REGISTRY.items():
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if isinstance(value, types.FunctionType) and value.__module__ == module_name:
                wrong += [f"{module_name}.{name} reads {n}"
                          for n in globals_read(value.__code__) & set(messages)]
    assert not wrong


def test_a_message_answers_in_the_language_of_the_request() -> None:
    from text import common

    english = common.NAV_COMPARE
    for locale in OTHER_LANGUAGES:
        with using(locale):
            assert common.NAV_COMPARE and english != common.NAV_COMPARE
    assert english == common.NAV_COMPARE


@pytest.mark.parametrize(("locale", "expected"), [
    ("en", ["1 of 40 years missing", "3 of 40 years missing", "25 of 40 years missing"]),
    ("fr", ["1 année manquante sur 40", "3 années manquantes sur 40",
            "25 années manquantes sur 40"]),
    ("ro", ["1 an lipsă din 40", "3 ani lipsă din 40", "25 de ani lipsă din 40"]),
])
def test_counts_take_the_plural_form_of_the_language(locale: str, expected: list[str]) -> None:
    from text import compare

    with using(locale):
        assert [compare.COVERAGE_GAPS.format(count=n, total=40) for n in (1, 3, 25)] == expected


# ---- numbers and names ------------------------------------------------------------------------

@pytest.mark.parametrize(("locale", "percent", "thousands", "prose", "separators"), [
    ("en", "30.6 %", "12,345", "8.7 million", ".,"),
    ("fr", "30,6 %", "12\u202f345", "8,7 millions", ",\u202f"),
    ("ro", "30,6 %", "12.345", "8,7 milioane", ",."),
])
def test_numbers_are_written_as_each_language_writes_them(
        locale: str, percent: str, thousands: str, prose: str, separators: str) -> None:
    with using(locale):
        assert format_value(30.6, "%") == percent
        assert format_number(12345) == thousands
        assert format_prose(8_706_947) == prose
        assert plotly_separators() == separators
        assert format_value(None, "%") == "–"  # a gap stays a gap


@pytest.mark.parametrize(("locale", "moldova", "usa"), [
    ("en", "Moldova", "United States"),
    ("fr", "Moldavie", "États-Unis"),
    ("ro", "Republica Moldova", "Statele Unite ale Americii"),
])
def test_country_names_come_from_cldr(names_in_language, locale: str, moldova: str,
                                      usa: str) -> None:
    with using(locale):
        assert query.country_name("MDA") == moldova
        assert query.country_name("USA") == usa


@pytest.mark.parametrize("locale", OTHER_LANGUAGES)
def test_aggregates_and_indicators_are_named_in_the_language_with_english_kept(
        names_in_language, locale: str) -> None:
    english = query.indicator_meta("BX.TRF.PWKR.DT.GD.ZS")
    with using(locale):
        region = query.country_name("ECS")
        meta = query.indicator_meta("BX.TRF.PWKR.DT.GD.ZS")
        countries = query.countries()
    assert region != query.country_name("ECS")
    assert meta["name"] != english["name"] and meta["name_en"] == english["name"]
    assert meta["definition_en"] == english["definition"]
    assert countries.loc[countries["country_code"] == "MDA", "region"].iloc[0] != \
        "Europe & Central Asia"


def test_the_api_and_the_build_read_english_names() -> None:
    with using("fr"):  # without the app's Namer (the API's and the build's case)
        assert query.country_name("MDA") == "Moldova"


# ---- addresses --------------------------------------------------------------------------------

def test_the_address_names_the_language() -> None:
    assert split_locale("/fr/compare") == ("fr", "/compare")
    assert split_locale("/ro") == ("ro", "/")
    assert split_locale("/compare") == ("en", "/compare")
    assert split_locale("/de/compare") == ("en", "/de/compare")
    assert localized("/compare", "ro") == "/ro/compare"
    assert localized("/", "fr") == "/fr"
    assert localized("/compare", "en") == "/compare"
    assert localized("//example.org/x", "fr") == "//example.org/x"


@pytest.mark.parametrize("locale", OTHER_LANGUAGES)
def test_every_age_note_is_written_in_the_language(names_in_language, locale: str) -> None:
    """The build writes each series' and table's age in English (text.common.AGE_NOTE); each
    reads in the page's language, with its period unchanged."""
    snap = query.get_snapshot()
    english = [*snap.indicators["age_note"].dropna(), *snap.data_ages["age_note"].dropna()]
    assert english
    with using(locale):
        for note in english:
            shown = local.namer().age(note)
            assert shown != note and shown.split(" ")[0] == note.split(" ")[0], note
        assert query.table_age("refugees")["age_note"] != snap.data_ages.loc[
            snap.data_ages["table"] == "refugees", "age_note"].iloc[0]
