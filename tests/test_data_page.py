"""The Data & sources page: bulk download, API link, every indicator with its sources and
coverage, coverage by country, sources and citation."""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest

import query
from layouts import data_page
from query.coverage import country_coverage, indicator_coverage, pilot_coverage

VALUES = pd.DataFrame({
    "indicator_code": ["A", "A", "A", "A", "B"],
    "country_code": ["MDA", "MDA", "WLD", "JAM", "MDA"],
    "year": [2000, 2005, 2001, 2003, 2010],
    "value": [1.0, 2.0, 3.0, 4.0, 5.0],
})
COUNTRIES = pd.DataFrame({
    "country_code": ["MDA", "JAM", "WLD"], "name": ["Moldova", "Jamaica", "World"],
    "aggregate": [False, False, True],
})


def test_coverage_counts_countries_aggregates_and_years():
    summary = indicator_coverage(VALUES, COUNTRIES).set_index("indicator_code")
    assert summary.loc["A"].to_dict() == {"countries": 2, "aggregates": 1, "first_year": 2000,
                                          "last_year": 2005, "values": 4}
    assert summary.loc["B", "aggregates"] == 0
    by_country = country_coverage(VALUES, COUNTRIES, "A")
    assert by_country["country_code"].tolist() == ["JAM", "MDA", "WLD"]  # countries, then groups
    assert by_country.set_index("country_code").loc["MDA", ["first_year", "last_year", "years"]
                                                    ].tolist() == [2000, 2005, 2]
    assert country_coverage(VALUES, COUNTRIES, "Z").empty
    assert pilot_coverage(VALUES, ["MDA"])[("A", "MDA")] == (2000, 2005, 2)


def rendered(component: object) -> dict:
    return json.loads(json.dumps(component, default=lambda c: c.to_plotly_json()))


def find(node: object, wanted: str) -> dict | None:
    if isinstance(node, list):
        for child in node:
            hit = find(child, wanted)
            if hit:
                return hit
    elif isinstance(node, dict):
        props = node.get("props", {})
        if props.get("id") == wanted:
            return node
        return find(props.get("children"), wanted)
    return None


def text_of(node: object) -> str:
    if isinstance(node, list):
        return " ".join(text_of(child) for child in node)
    if isinstance(node, dict):
        return text_of(node.get("props", {}).get("children"))
    return "" if node is None else str(node)


def test_every_indicator_is_listed_with_its_sources_and_coverage():
    import app  # noqa: F401  (a running Dash app for component ids)

    snap = query.get_snapshot()
    from pages import read_request
    from state.compare import snapshot_vocabulary

    page = rendered(data_page.layout(read_request("/data", "", snapshot_vocabulary())))
    for row in snap.indicators.itertuples(index=False):
        line = find(page, f"data-indicator-{row.code}")
        assert line is not None, row.code
        shown = text_of(line)
        for field in (row.name, row.unit, row.source, row.licence, row.vintage):
            assert str(field) in shown, (row.code, field)
        values = snap.values[snap.values["indicator_code"] == row.code]
        places = values["country_code"].drop_duplicates()
        aggregate = places.isin(snap.countries.loc[snap.countries["aggregate"], "country_code"])
        assert (f"{int((~aggregate).sum())} countries, {int(aggregate.sum())} regions and groups;"
                f" {values['year'].min()}–{values['year'].max()}") in shown
    sources = text_of(find(page, "data-sources-table"))
    for row in snap.sources.itertuples(index=False):
        assert row.name in sources and row.licence in sources and row.vintage in sources
    assert find(page, "data-bulk-link")["props"]["href"] == "/api/v1/bulk.zip"
    assert find(page, "data-api-link")["props"]["href"] == "/api/v1/"


@pytest.mark.browser
def test_data_page_lists_coverage_and_links_the_zip(live_server, page):
    page.goto(live_server.url + "/data?indicator=SI.RMT.COST.IB.ZS")
    page.wait_for_selector("#data-indicator-table")
    snap = query.get_snapshot()
    assert page.locator("#data-indicator-table tbody tr[id^=data-indicator-]").count() == len(
        snap.indicators)
    expected = country_coverage(snap.values, snap.countries, "SI.RMT.COST.IB.ZS")
    counted = f"{int((~expected['aggregate']).sum())} countries"
    deadline = time.monotonic() + 15
    while counted not in page.locator("#data-coverage-caption").inner_text():
        assert time.monotonic() < deadline, "coverage caption never appeared"
        page.wait_for_timeout(100)
    first = expected.iloc[0]
    cell = page.locator("#data-coverage-table .ag-cell[col-id=country_name]").first
    assert cell.inner_text() == first["country_name"]
    assert page.locator("#data-pilot-table tbody tr").count() == len(snap.indicators)
    href = page.locator("#data-bulk-link").get_attribute("href")
    response = page.request.get(live_server.url + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.body()[:4] == b"PK\x03\x04"
    api = page.request.get(live_server.url + page.locator("#data-api-link").get_attribute("href"))
    assert api.status == 200 and "text/html" in api.headers["content-type"]
