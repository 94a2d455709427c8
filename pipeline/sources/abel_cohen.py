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

from pipeline.sources import country_names

FOLDER = "abel_cohen_flows_2022_migviz"
# Closed demographic accounting with the pseudo-Bayesian extension (the authors' recommended
# family). The "outward" file (natives leaving only) is not used.
FILES = {"total": "flow_da_pb_closed.json", "female": "flow_female_da_pb_closed.json"}
PERIOD_YEARS = 5

SOURCE = "Abel & Cohen flows"
# Country names are resolved by the shared lookup (country_names); region names are
# excluded by index. Former states resolve there too: "Serbia & Montenegro" (to 2006) to
# YUG, the code UN DESA's location table gives M49 891, and "Sudan*" (the country before
# South Sudan seceded in 2011, periods 1990-2005) to SDN like "Sudan" (2010-2015), as
# Sudan kept its code. Spellings of this source the shared lookup cannot place:
NAME_ALIASES = {
    "DR Congo": "COD",
    "FS Micronesia": "FSM",
    "Hong Kong SAR": "HKG",
    "Macao SAR": "MAC",
    "U.S. Virgin Islands": "VIR",
}
# Names of areas that later split: the source's name -> the names it uses for the parts
# once they appear. Rows of these names cover another territory than their code has
# today (SDN before 2010 includes South Sudan; YUG is Serbia and Montenegro together) and
# carry a note; the reader checks that the parts have no flows while the whole has, and
# fails on any other code that the source names two ways.
FORMER_TERRITORIES = {
    "Sudan*": ("Sudan", "South Sudan"),
    "Serbia & Montenegro": ("Serbia", "Montenegro"),
}


def _load(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ValueError(f"{SOURCE}: cannot read {path.name}: {err}") from err


def _country_positions(data: dict) -> list[int]:
    regions = set(data["regions"])
    return [i for i in range(len(data["names"])) if i not in regions]


def country_codes(data: dict, file_name: str) -> dict[str, str]:
    """ISO3 code of each country (non-region) name of one file; unknown names fail."""
    names = [data["names"][i] for i in _country_positions(data)]
    return country_names.reference().codes(names, f"{SOURCE}, {file_name}", NAME_ALIASES)


def read_country_codes(raw_dir: Path, sex: str = "total") -> dict[str, str]:
    """country_codes of one file of the source."""
    return country_codes(_load(raw_dir / FOLDER / FILES[sex]), FILES[sex])


def country_indices(data: dict, file_name: str) -> tuple[list[int], list[str]]:
    """Positions and ISO3 codes of the country (non-region) names; unknown names fail."""
    codes = country_codes(data, file_name)
    positions = _country_positions(data)
    return positions, [codes[data["names"][i]] for i in positions]


def _active_periods(data: dict, positions: list[int]) -> dict[str, list[int]]:
    """Country name -> the period starts in which it has any flow in or out."""
    names = data["names"]
    active: dict[str, list[int]] = {}
    for start, rows in sorted(data["matrix"].items()):
        countries = np.asarray(rows, dtype="float64")[np.ix_(positions, positions)]
        moving = (countries != 0).any(axis=0) | (countries != 0).any(axis=1)
        for i in np.flatnonzero(moving):
            active.setdefault(names[positions[i]], []).append(int(start))
    return active


def territory_notes(data: dict, file_name: str) -> dict[tuple[int, str], str]:
    """(period_start, code) -> note, for the periods in which a code names another area than
    it does today (FORMER_TERRITORIES); fails on a code the source names two ways otherwise."""
    positions, codes = country_indices(data, file_name)
    names = [data["names"][i] for i in positions]
    code_of = dict(zip(names, codes, strict=True))
    active = _active_periods(data, positions)
    names_by_code: dict[str, set[str]] = {}
    for name in active:
        names_by_code.setdefault(code_of[name], set()).add(name)
    for code, used in names_by_code.items():
        unexplained = used - set(FORMER_TERRITORIES) - {
            part for former in used & set(FORMER_TERRITORIES)
            for part in FORMER_TERRITORIES[former]}
        if len(used) > 1 and unexplained:
            raise ValueError(f"{SOURCE}, {file_name}: {code} is named {sorted(used)}")
    notes: dict[tuple[int, str], str] = {}
    for former, parts in FORMER_TERRITORIES.items():
        periods = active.get(former, [])
        if not periods:
            continue
        later = sorted({p for part in parts for p in active.get(part, [])})
        if not later or min(later) <= max(periods):
            raise ValueError(
                f"{SOURCE}, {file_name}: {former!r} and {', '.join(map(repr, parts))} overlap "
                "in time; the note on their areas would not hold"
            )
        first = min(later)
        code = code_of[former]
        shared = [part for part in parts if code_of.get(part) == code]
        after = (
            f"from then on {code} is {shared[0]} alone" if shared
            else f"{code} is used for these periods only"
        )
        note = (
            f"{former!r} in the source: the area of today's {' and '.join(parts)} together, "
            f"before the source lists them apart (from {first}\u2013{first + PERIOD_YEARS}); "
            f"{after}"
        )
        for start in periods:
            notes[(start, code_of[former])] = note
    return notes


def _read_file(path: Path, sex: str) -> pd.DataFrame:
    data = _load(path)
    size = len(data["names"])
    positions, codes = country_indices(data, path.name)
    notes = territory_notes(data, path.name)
    frames = []
    for start, rows in sorted(data["matrix"].items()):
        matrix = np.asarray(rows, dtype="float64")
        if matrix.shape != (size, size):
            raise ValueError(f"{SOURCE}, {path.name}: period {start} is {matrix.shape}")
        countries = matrix[np.ix_(positions, positions)]
        # A zero cell is no estimated flow (or a pair that did not exist then): not stored.
        origin, destination = np.nonzero(countries)
        origin_codes = np.asarray(codes)[origin]
        destination_codes = np.asarray(codes)[destination]
        frames.append(
            pd.DataFrame(
                {
                    "origin_code": origin_codes,
                    "destination_code": destination_codes,
                    "period_start": int(start),
                    "period_end": int(start) + PERIOD_YEARS,
                    "sex": sex,
                    "value": countries[origin, destination],
                    "origin_note": [notes.get((int(start), c)) for c in origin_codes],
                    "destination_note": [notes.get((int(start), c)) for c in destination_codes],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def read_flow_estimates(raw_dir: Path) -> pd.DataFrame:
    """origin_code, destination_code, period_start, period_end, sex (total/female), value,
    origin_note, destination_note.

    Countries only (region rows and columns are left out); persons moving over the
    five years from period_start to period_end; cells with a nonzero estimate only. A note
    is set where the code covers another territory in that period (FORMER_TERRITORIES).
    """
    flows = pd.concat(
        [_read_file(raw_dir / FOLDER / name, sex) for sex, name in FILES.items()],
        ignore_index=True,
    )
    key = ["origin_code", "destination_code", "period_start", "sex"]
    if flows.duplicated(key).any():
        raise ValueError(f"{SOURCE}: two names map to one code in the same period")
    flows["period_start"] = flows["period_start"].astype("int16")
    flows["period_end"] = flows["period_end"].astype("int16")
    return flows.sort_values(key, kind="mergesort").reset_index(drop=True)


def read_totals(raw_dir: Path, sex: str = "total") -> pd.DataFrame:
    """The file's own total_outflow / total_inflow per country name: name, period_start, ...

    Kept for checking: country sums of the matrix must match these within rounding.
    """
    data = _load(raw_dir / FOLDER / FILES[sex])
    codes = country_codes(data, FILES[sex])
    records = [
        {
            "country_code": codes.get(name),
            "name": name,
            "period_start": int(start),
            "total_outflow": float(outflow),
            "total_inflow": float(data["total_inflow"][start][name]),
        }
        for start, by_name in data["total_outflow"].items()
        for name, outflow in by_name.items()
    ]
    return pd.DataFrame.from_records(records)
