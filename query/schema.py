"""The snapshot contract: file names, column order and Arrow types of every table.

The build writes exactly these columns in this order; the loader checks them on load.
"""

from __future__ import annotations

import pyarrow as pa

SNAPSHOT_TABLES: dict[str, pa.Schema] = {
    "indicator_values": pa.schema(
        [
            ("indicator_code", pa.string()),
            ("country_code", pa.string()),
            ("year", pa.int16()),
            ("value", pa.float64()),
            ("status", pa.string()),
        ]
    ),
    "countries": pa.schema(
        [
            ("country_code", pa.string()),
            ("name", pa.string()),
            ("m49", pa.int32()),
            ("region", pa.string()),
            ("income_group", pa.string()),
            ("pilot", pa.bool_()),
            ("aggregate", pa.bool_()),
            ("classification_release", pa.string()),
        ]
    ),
    "indicators": pa.schema(
        [
            ("code", pa.string()),
            ("name", pa.string()),
            ("short_name", pa.string()),
            ("topic", pa.string()),
            ("unit", pa.string()),
            ("unit_short", pa.string()),
            ("definition", pa.string()),
            ("source", pa.string()),
            ("source_id", pa.string()),
            ("source_url", pa.string()),
            ("licence", pa.string()),
            ("vintage", pa.string()),
            ("release", pa.string()),
            ("formula", pa.string()),
            ("transforms", pa.string()),
            ("derived_from", pa.string()),
            ("derived_transform", pa.string()),
            ("decimals", pa.int8()),
            ("population_basis", pa.string()),
            ("status_rule", pa.string()),
            ("last_year", pa.int16()),
            ("age_note", pa.string()),
            ("age_detail", pa.string()),
            ("vintage_kind", pa.string()),
            ("vintage_note", pa.string()),
        ]
    ),
    "sources": pa.schema(
        [
            ("source_id", pa.string()),
            ("name", pa.string()),
            ("publisher", pa.string()),
            ("vintage", pa.string()),
            ("vintage_note", pa.string()),
            ("release", pa.string()),
            ("licence", pa.string()),
            ("url", pa.string()),
            ("citation", pa.string()),
            ("tables", pa.string()),
            ("vintage_kind", pa.string()),
            ("territory", pa.string()),
            ("based_on", pa.string()),
        ]
    ),
    "migrant_stock": pa.schema(
        [
            ("origin_code", pa.string()),
            ("destination_code", pa.string()),
            ("year", pa.int16()),
            ("sex", pa.string()),
            ("value", pa.float64()),
        ]
    ),
    "remittance_matrix": pa.schema(
        [
            ("sender_code", pa.string()),
            ("receiver_code", pa.string()),
            ("value_usd_million", pa.float64()),
        ]
    ),
    "refugees": pa.schema(
        [
            ("origin_code", pa.string()),
            ("asylum_code", pa.string()),
            ("year", pa.int16()),
            ("refugees", pa.float64()),
            ("asylum_seekers", pa.float64()),
        ]
    ),
    "remittance_costs": pa.schema(
        [
            ("sender_code", pa.string()),
            ("receiver_code", pa.string()),
            ("period", pa.string()),
            ("year", pa.int16()),
            ("quarter", pa.int8()),
            ("cost_pct", pa.float64()),
        ]
    ),
    "annual_flows": pa.schema(
        [
            ("reporting_code", pa.string()),
            ("origin_code", pa.string()),
            ("destination_code", pa.string()),
            ("type", pa.string()),
            ("criterion", pa.string()),
            ("coverage", pa.string()),
            ("year", pa.int16()),
            ("value", pa.float64()),
        ]
    ),
    "annual_flow_definitions": pa.schema(
        [
            ("reporting_code", pa.string()),
            ("type", pa.string()),
            ("criterion", pa.string()),
            ("coverage", pa.string()),
            ("first_year", pa.int16()),
            ("last_year", pa.int16()),
            ("definition", pa.string()),
        ]
    ),
    "flow_estimates": pa.schema(
        [
            ("origin_code", pa.string()),
            ("destination_code", pa.string()),
            ("period_start", pa.int16()),
            ("period_end", pa.int16()),
            ("sex", pa.string()),
            ("value", pa.float64()),
            ("origin_note", pa.string()),
            ("destination_note", pa.string()),
        ]
    ),
    "population_ims2020": pa.schema(
        [
            ("country_code", pa.string()),
            ("year", pa.int16()),
            ("population", pa.float64()),
        ]
    ),
    "population_differences": pa.schema(
        [
            ("country_code", pa.string()),
            ("first_year", pa.int16()),
            ("last_year", pa.int16()),
            ("years_over", pa.int16()),
            ("max_diff_pct", pa.float64()),
            ("max_diff_year", pa.int16()),
            ("wdi_population", pa.float64()),
            ("wpp_population", pa.float64()),
        ]
    ),
    "series_notes": pa.schema(
        [
            ("indicator_code", pa.string()),
            ("country_code", pa.string()),
            ("kind", pa.string()),
            ("note", pa.string()),
        ]
    ),
    "data_ages": pa.schema(
        [
            ("table", pa.string()),
            ("source_id", pa.string()),
            ("first_period", pa.string()),
            ("last_period", pa.string()),
            ("last_year", pa.int16()),
            ("release", pa.string()),
            ("age_note", pa.string()),
            ("age_detail", pa.string()),
        ]
    ),
}

# Sort keys: rows are written in this order so that output is byte-stable.
SORT_KEYS: dict[str, list[str]] = {
    "indicator_values": ["indicator_code", "country_code", "year"],
    "countries": ["country_code"],
    "indicators": ["code"],
    "sources": ["source_id"],
    "migrant_stock": ["origin_code", "destination_code", "year", "sex"],
    "remittance_matrix": ["sender_code", "receiver_code"],
    "refugees": ["origin_code", "asylum_code", "year"],
    "remittance_costs": ["sender_code", "receiver_code", "period"],
    "annual_flows": [
        "reporting_code", "origin_code", "destination_code", "type", "criterion", "coverage", "year"
    ],
    "annual_flow_definitions": ["reporting_code", "type", "criterion", "coverage"],
    "flow_estimates": ["origin_code", "destination_code", "period_start", "sex"],
    "population_ims2020": ["country_code", "year"],
    "population_differences": ["country_code"],
    "series_notes": ["indicator_code", "country_code", "kind"],
    "data_ages": ["table"],
}

# Values of indicator_values.status (pipeline/status.py says what each means).
STATUSES = ("observed", "estimate", "projection")

VINTAGE_FILE = "vintage.json"
