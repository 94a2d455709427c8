"""Abel & Cohen (2022) bilateral 5-year migration flow estimates, by sex (chord-diagram JSON).

Each file holds, per period, a square matrix over `names`: rows are origins, columns
destinations. Eleven of the names are world regions (indices in `regions`); their rows
and columns aggregate the countries, so only country-to-country cells are kept.
Periods are keyed by start year and run mid-year to mid-year over five years.
Female and both-sexes flows are estimated separately: for single corridors the female
estimate can exceed the both-sexes one, though never for a country's total emigration.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

FOLDER = "abel_cohen_flows_2022_migviz"
# Closed demographic accounting with the pseudo-Bayesian extension (the authors' recommended
# family). The "outward" file (natives leaving only) is not used.
FILES = {"total": "flow_da_pb_closed.json", "female": "flow_female_da_pb_closed.json"}
PERIOD_YEARS = 5

# Names used by the source -> ISO3. Region names are excluded by index, not listed here.
# Former states: Serbia and Montenegro (to 2006) takes YUG, the code UN DESA's location
# table gives M49 891; Sudan kept its code when South Sudan seceded in 2011, so the
# source's "Sudan*" (the country before 2011, periods 1990-2005) and "Sudan" (2010-2015)
# are both SDN.
NAME_TO_ISO3 = {
    "Afghanistan": "AFG",
    "Albania": "ALB",
    "Algeria": "DZA",
    "American Samoa": "ASM",
    "Andorra": "AND",
    "Angola": "AGO",
    "Anguilla": "AIA",
    "Antigua & Barbuda": "ATG",
    "Argentina": "ARG",
    "Armenia": "ARM",
    "Aruba": "ABW",
    "Australia": "AUS",
    "Austria": "AUT",
    "Azerbaijan": "AZE",
    "Bahamas": "BHS",
    "Bahrain": "BHR",
    "Bangladesh": "BGD",
    "Barbados": "BRB",
    "Belarus": "BLR",
    "Belgium": "BEL",
    "Belize": "BLZ",
    "Benin": "BEN",
    "Bermuda": "BMU",
    "Bhutan": "BTN",
    "Bolivia": "BOL",
    "Bosnia & Herzegovina": "BIH",
    "Botswana": "BWA",
    "Brazil": "BRA",
    "British Virgin Islands": "VGB",
    "Brunei": "BRN",
    "Bulgaria": "BGR",
    "Burkina Faso": "BFA",
    "Burundi": "BDI",
    "Cambodia": "KHM",
    "Cameroon": "CMR",
    "Canada": "CAN",
    "Cape Verde": "CPV",
    "Cayman Islands": "CYM",
    "Central African Republic": "CAF",
    "Chad": "TCD",
    "Chile": "CHL",
    "China": "CHN",
    "Colombia": "COL",
    "Comoros": "COM",
    "Congo": "COG",
    "Cook Islands": "COK",
    "Costa Rica": "CRI",
    "Cote d'Ivoire": "CIV",
    "Croatia": "HRV",
    "Cuba": "CUB",
    "Curacao": "CUW",
    "Cyprus": "CYP",
    "Czechia": "CZE",
    "DR Congo": "COD",
    "Denmark": "DNK",
    "Djibouti": "DJI",
    "Dominica": "DMA",
    "Dominican Republic": "DOM",
    "Ecuador": "ECU",
    "Egypt": "EGY",
    "El Salvador": "SLV",
    "Equatorial Guinea": "GNQ",
    "Eritrea": "ERI",
    "Estonia": "EST",
    "Eswatini": "SWZ",
    "Ethiopia": "ETH",
    "FS Micronesia": "FSM",
    "Falkland Islands": "FLK",
    "Faroe Islands": "FRO",
    "Fiji": "FJI",
    "Finland": "FIN",
    "France": "FRA",
    "French Guiana": "GUF",
    "French Polynesia": "PYF",
    "Gabon": "GAB",
    "Gambia": "GMB",
    "Georgia": "GEO",
    "Germany": "DEU",
    "Ghana": "GHA",
    "Gibraltar": "GIB",
    "Greece": "GRC",
    "Greenland": "GRL",
    "Grenada": "GRD",
    "Guadeloupe": "GLP",
    "Guam": "GUM",
    "Guatemala": "GTM",
    "Guinea": "GIN",
    "Guinea-Bissau": "GNB",
    "Guyana": "GUY",
    "Haiti": "HTI",
    "Honduras": "HND",
    "Hong Kong SAR": "HKG",
    "Hungary": "HUN",
    "Iceland": "ISL",
    "India": "IND",
    "Indonesia": "IDN",
    "Iran": "IRN",
    "Iraq": "IRQ",
    "Ireland": "IRL",
    "Isle of Man": "IMN",
    "Israel": "ISR",
    "Italy": "ITA",
    "Jamaica": "JAM",
    "Japan": "JPN",
    "Jordan": "JOR",
    "Kazakhstan": "KAZ",
    "Kenya": "KEN",
    "Kiribati": "KIR",
    "Kuwait": "KWT",
    "Kyrgyzstan": "KGZ",
    "Laos": "LAO",
    "Latvia": "LVA",
    "Lebanon": "LBN",
    "Lesotho": "LSO",
    "Liberia": "LBR",
    "Libya": "LBY",
    "Liechtenstein": "LIE",
    "Lithuania": "LTU",
    "Luxembourg": "LUX",
    "Macao SAR": "MAC",
    "Madagascar": "MDG",
    "Malawi": "MWI",
    "Malaysia": "MYS",
    "Maldives": "MDV",
    "Mali": "MLI",
    "Malta": "MLT",
    "Marshall Islands": "MHL",
    "Martinique": "MTQ",
    "Mauritania": "MRT",
    "Mauritius": "MUS",
    "Mayotte": "MYT",
    "Mexico": "MEX",
    "Moldova": "MDA",
    "Monaco": "MCO",
    "Mongolia": "MNG",
    "Montenegro": "MNE",
    "Montserrat": "MSR",
    "Morocco": "MAR",
    "Mozambique": "MOZ",
    "Myanmar": "MMR",
    "Namibia": "NAM",
    "Nauru": "NRU",
    "Nepal": "NPL",
    "Netherlands": "NLD",
    "New Caledonia": "NCL",
    "New Zealand": "NZL",
    "Nicaragua": "NIC",
    "Niger": "NER",
    "Nigeria": "NGA",
    "Niue": "NIU",
    "North Korea": "PRK",
    "North Macedonia": "MKD",
    "Northern Mariana Islands": "MNP",
    "Norway": "NOR",
    "Oman": "OMN",
    "Pakistan": "PAK",
    "Palau": "PLW",
    "Palestine": "PSE",
    "Panama": "PAN",
    "Papua New Guinea": "PNG",
    "Paraguay": "PRY",
    "Peru": "PER",
    "Philippines": "PHL",
    "Poland": "POL",
    "Portugal": "PRT",
    "Puerto Rico": "PRI",
    "Qatar": "QAT",
    "Reunion": "REU",
    "Romania": "ROU",
    "Russia": "RUS",
    "Rwanda": "RWA",
    "Samoa": "WSM",
    "San Marino": "SMR",
    "Sao Tome & Principe": "STP",
    "Saudi Arabia": "SAU",
    "Senegal": "SEN",
    "Serbia": "SRB",
    "Seychelles": "SYC",
    "Sierra Leone": "SLE",
    "Singapore": "SGP",
    "Sint Maarten": "SXM",
    "Slovakia": "SVK",
    "Slovenia": "SVN",
    "Solomon Islands": "SLB",
    "Somalia": "SOM",
    "South Africa": "ZAF",
    "South Korea": "KOR",
    "South Sudan": "SSD",
    "Spain": "ESP",
    "Sri Lanka": "LKA",
    "St. Helena": "SHN",
    "St. Kitts & Nevis": "KNA",
    "St. Lucia": "LCA",
    "St. Pierre & Miquelon": "SPM",
    "St. Vincent & Grenadines": "VCT",
    "Sudan": "SDN",
    "Suriname": "SUR",
    "Sweden": "SWE",
    "Switzerland": "CHE",
    "Syria": "SYR",
    "Tajikistan": "TJK",
    "Tanzania": "TZA",
    "Thailand": "THA",
    "Timor-Leste": "TLS",
    "Togo": "TGO",
    "Tokelau": "TKL",
    "Tonga": "TON",
    "Trinidad & Tobago": "TTO",
    "Tunisia": "TUN",
    "Turkey": "TUR",
    "Turkmenistan": "TKM",
    "Turks & Caicos Islands": "TCA",
    "Tuvalu": "TUV",
    "U.S. Virgin Islands": "VIR",
    "Uganda": "UGA",
    "Ukraine": "UKR",
    "United Arab Emirates": "ARE",
    "United Kingdom": "GBR",
    "United States": "USA",
    "Uruguay": "URY",
    "Uzbekistan": "UZB",
    "Vanuatu": "VUT",
    "Venezuela": "VEN",
    "Vietnam": "VNM",
    "Wallis & Futuna": "WLF",
    "Western Sahara": "ESH",
    "Yemen": "YEM",
    "Zambia": "ZMB",
    "Zimbabwe": "ZWE",
    # Former states (see above).
    "Serbia & Montenegro": "YUG",
    "Sudan*": "SDN",
}


def _load(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ValueError(f"Abel & Cohen flows: cannot read {path.name}: {err}") from err


def country_indices(data: dict, file_name: str) -> tuple[list[int], list[str]]:
    """Positions and ISO3 codes of the country (non-region) names; unknown names fail."""
    regions = set(data["regions"])
    positions = [i for i in range(len(data["names"])) if i not in regions]
    unknown = sorted(data["names"][i] for i in positions if data["names"][i] not in NAME_TO_ISO3)
    if unknown:
        raise ValueError(f"Abel & Cohen flows, {file_name}: names without an ISO3 code: {unknown}")
    return positions, [NAME_TO_ISO3[data["names"][i]] for i in positions]


def _read_file(path: Path, sex: str) -> pd.DataFrame:
    data = _load(path)
    size = len(data["names"])
    positions, codes = country_indices(data, path.name)
    frames = []
    for start, rows in sorted(data["matrix"].items()):
        matrix = np.asarray(rows, dtype="float64")
        if matrix.shape != (size, size):
            raise ValueError(f"Abel & Cohen flows, {path.name}: period {start} is {matrix.shape}")
        countries = matrix[np.ix_(positions, positions)]
        # A zero cell is no estimated flow (or a pair that did not exist then): not stored.
        origin, destination = np.nonzero(countries)
        frames.append(
            pd.DataFrame(
                {
                    "origin_code": np.asarray(codes)[origin],
                    "destination_code": np.asarray(codes)[destination],
                    "period_start": int(start),
                    "period_end": int(start) + PERIOD_YEARS,
                    "sex": sex,
                    "value": countries[origin, destination],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def read_flow_estimates(raw_dir: Path) -> pd.DataFrame:
    """origin_code, destination_code, period_start, period_end, sex (total/female), value.

    Countries only (region rows and columns are left out); persons moving over the
    five years from period_start to period_end; cells with a nonzero estimate only.
    """
    flows = pd.concat(
        [_read_file(raw_dir / FOLDER / name, sex) for sex, name in FILES.items()],
        ignore_index=True,
    )
    key = ["origin_code", "destination_code", "period_start", "sex"]
    if flows.duplicated(key).any():
        raise ValueError("Abel & Cohen flows: two names map to one code in the same period")
    flows["period_start"] = flows["period_start"].astype("int16")
    flows["period_end"] = flows["period_end"].astype("int16")
    return flows.sort_values(key, kind="mergesort").reset_index(drop=True)


def read_totals(raw_dir: Path, sex: str = "total") -> pd.DataFrame:
    """The file's own total_outflow / total_inflow per country name: name, period_start, ...

    Kept for checking: country sums of the matrix must match these within rounding.
    """
    data = _load(raw_dir / FOLDER / FILES[sex])
    records = [
        {
            "country_code": NAME_TO_ISO3.get(name),
            "name": name,
            "period_start": int(start),
            "total_outflow": float(outflow),
            "total_inflow": float(data["total_inflow"][start][name]),
        }
        for start, by_name in data["total_outflow"].items()
        for name, outflow in by_name.items()
    ]
    return pd.DataFrame.from_records(records)
