"""The app skeleton: factory, routes, router output, offline configuration."""

from __future__ import annotations

import json

import pytest
from dash import Dash

import app as app_module
from boundary.views import query_params
from callbacks.router import draw_page
from ids import PageId
from layouts import LAYOUTS
from pages import PAGES, resolve


def test_factory_returns_a_fresh_dash_app_with_a_flask_server():
    first, second = app_module.create_app(), app_module.create_app()
    assert isinstance(first, Dash) and first is not second
    assert app_module.server is app_module.app.server


@pytest.mark.parametrize(
    ("path", "page", "params"),
    [
        ("/", PageId.COMPARE, {}),
        ("/compare", PageId.COMPARE, {}),
        ("/compare/", PageId.COMPARE, {}),
        ("/country", PageId.COUNTRY_INDEX, {}),
        ("/country/MDA", PageId.PROFILE, {"iso3": "MDA"}),
        ("/country/MDA/brief", PageId.BRIEF, {"iso3": "MDA"}),
        ("/labour", PageId.LABOUR, {}),
        ("/data", PageId.DATA, {}),
        ("/present", PageId.PRESENT, {}),
    ],
)
def test_routes_resolve_to_their_page(path, page, params):
    found, path_params = resolve(path)
    assert found.id == page
    assert path_params == params
    assert found.nav is not None


@pytest.mark.parametrize("path", ["/nowhere", "/country/MDA/extra", "/compare/x", None])
def test_unknown_paths_get_the_404_page(path):
    found, params = resolve(path or "/x/y")
    assert found.id == PageId.NOT_FOUND and found.nav is None
    assert params["path"]


def test_every_page_has_a_layout():
    assert set(LAYOUTS) == set(PAGES) == set(PageId)


def test_router_renders_404_with_the_path_and_a_link_back():
    page, nav, _shell, rendered = draw_page({"path": "/no/such/page", "search": "?a=1"})
    text = json.dumps(page.to_plotly_json(), default=lambda c: c.to_plotly_json())
    assert "/no/such/page" in text and '"href": "/compare"' in text
    assert not any("active" in item.children.className for item in nav)
    # The title names the tab after in-app navigation (assets/js/navigation.js).
    assert rendered == {"path": "/no/such/page", "search": "?a=1",
                        "title": "Page not found · Migration & Development Indicators"}


def test_query_params_keep_the_last_value_and_blank_values():
    assert query_params("?a=1&a=2&b=&c=x%2Cy") == {"a": "2", "b": "", "c": "x,y"}
    assert query_params(None) == {}


def test_index_page_loads_only_local_resources_and_disables_version_check():
    client = app_module.create_app().server.test_client()
    html = client.get("/").get_data(as_text=True)
    head = html.split("<footer>")[0]
    assert "cdn." not in html and "unpkg" not in html and "https://" not in head
    config_json = html.split('id="_dash-config" type="application/json">')[1]
    config = json.loads(config_json.split("</script>")[0])
    assert config["disable_version_check"] is True


def test_topojson_is_served_from_assets():
    client = app_module.server.test_client()
    response = client.get("/assets/topojson/world_110m.json")
    assert response.status_code == 200
    shapes = json.loads(response.get_data())
    ids = {g.get("id") for g in shapes["objects"]["countries"]["geometries"]}
    assert {"MDA", "BGD", "JAM", "MLI"} <= ids


def test_an_unknown_country_is_titled_page_not_found():
    for path in ("/country/XXX", "/country/XXX/brief"):
        _page, _nav, _shell, rendered = draw_page({"path": path, "search": ""})
        assert rendered["title"] == "Page not found · Migration & Development Indicators", path
