"""The shared country-name lookup (pipeline/sources/country_names.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.sources import country_names
from pipeline.sources.country_names import CountryNames, normalise


@pytest.fixture(scope="module")
def small() -> CountryNames:
    return CountryNames(
        pd.DataFrame(
            [
                ("Côte d'Ivoire", "CIV"),
                ("Bosnia and Herzegovina", "BIH"),
                ("Gambia, The", "GMB"),
                ("St. Vincent and the Grenadines", "VCT"),
                ("Congo", "COG"),
                ("Congo", "COD"),  # two lists disagree: the name is ambiguous
                ("Congo, Dem. Rep.", "COD"),
            ],
            columns=["name", "country_code"],
        )
    )


def test_normalise_ignores_accents_case_punctuation_and_marks():
    assert normalise("Côte d'Ivoire") == normalise("COTE D IVOIRE") == "cote d ivoire"
    assert normalise("Bosnia & Herzegovina") == normalise("Bosnia and Herzegovina")
    assert normalise("Gambia, The") == normalise("the gambia") == "gambia"
    assert normalise("Sudan*") == "sudan"
    assert normalise("Guinea-Bissau") != normalise("Guinea")


def test_variants_resolve_to_one_code(small):
    names = ["Cote d'Ivoire", "Bosnia & Herzegovina", "Gambia", "St. Vincent & Grenadines"]
    assert small.codes(names, "test") == {
        "Cote d'Ivoire": "CIV",
        "Bosnia & Herzegovina": "BIH",
        "Gambia": "GMB",
        "St. Vincent & Grenadines": "VCT",
    }


def test_an_alias_places_a_name_the_lookup_cannot(small):
    with pytest.raises(ValueError, match="'DR Congo'"):
        small.code("DR Congo", "test")
    assert small.code("DR Congo", "test", {"DR Congo": "COD"}) == "COD"


def test_ambiguous_name_fails_unless_aliased(small):
    with pytest.raises(ValueError, match=r"'Congo' \(ambiguous: COD, COG\)"):
        small.code("Congo", "test")
    assert small.code("Congo", "test", {"Congo": "COG"}) == "COG"


def test_unknown_name_fails_naming_the_source_and_every_name(small):
    with pytest.raises(ValueError) as failure:
        small.codes(["Atlantis", "Cote d'Ivoire", "Lilliput"], "UN DESA flows, X.xlsx / X")
    assert str(failure.value) == (
        "UN DESA flows, X.xlsx / X: country names without an ISO3 code: 'Atlantis', 'Lilliput'"
    )


def test_alias_to_an_unknown_code_fails(small):
    with pytest.raises(ValueError, match="'Atlantis' -> ATL"):
        small.codes(["Atlantis"], "test", {"Atlantis": "ATL"})


def test_reference_lookup_joins_wdi_and_un_desa_names():
    names = country_names.reference()
    # WDI spelling, UN DESA spellings (current and former) and a former state.
    assert names.code("Korea, Dem. People's Rep.", "test") == "PRK"
    assert names.code("Republic of Moldova", "test") == "MDA"
    assert names.code("Swaziland", "test") == "SWZ"
    assert names.code("Serbia & Montenegro", "test") == "YUG"
    assert names.code("Türkiye", "test") == names.code("Turkey", "test") == "TUR"
    # WDI aggregates keep their WDI codes; UN DESA locations without an ISO3 code
    # (regions, former states) are not countries.
    assert names.code("Sub-Saharan Africa", "test") == "SSF"
    for name in ["Czechoslovakia", "Former Sudan", "Micronesia"]:
        with pytest.raises(ValueError, match=name):
            names.code(name, "test")
