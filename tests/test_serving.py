"""Serving: compression, caching headers, security headers, limits and error answers.

The first part drives a small Dash app through Flask's test client, so each rule is checked
in isolation; the second part checks the same rules on the real app under gunicorn.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import brotli
import dash
import plotly.graph_objects as go
import pytest
from conftest import ROOT
from dash import Input, Output, State, dcc, html
from dash.fingerprint import build_fingerprint

import serving
from ids import Shell
from serving import absolute_url
from serving.settings import (
    Settings,
    parse_allowed_hosts,
    parse_frame_ancestors,
    parse_public_url,
)

IMMUTABLE = "public, max-age=31536000, immutable"


def make_settings(**overrides) -> Settings:
    values = {
        "debug": False,
        "redis_url": None,
        "cache_dir": None,
        "cache_default_timeout": 60,
        "cache_version": "test",
        "redis_socket_timeout": 0.25,
        "redis_retry_seconds": 1.0,
        "max_content_length": 64 * 1024,
        "max_form_memory_size": 16 * 1024,
        "embed_frame_ancestors": (),
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="module")
def assets_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("assets")
    (folder / "site.css").write_text(".card { margin: 1rem; }\n" * 200)
    return folder


def make_app(assets_dir, **overrides) -> dash.Dash:
    app = dash.Dash(__name__, assets_folder=str(assets_dir), serve_locally=True)
    app.layout = html.Div(
        [dcc.Input(id="n", value="3"), dcc.Graph(id="graph"), html.Div(id="echo")]
    )

    @app.callback(Output("graph", "figure"), Input("n", "value"), State("n", "id"))
    def figure(n, _id):
        if n == "boom":
            raise RuntimeError("secret-internal-detail")
        return go.Figure(go.Scatter(x=list(range(200)), y=[i * i for i in range(200)]))

    app.clientside_callback(
        "function(v) { return 'echo ' + v; }", Output("echo", "children"), Input("n", "value")
    )
    serving.configure(app, make_settings(**overrides))
    return app


@pytest.fixture(scope="module")
def client(assets_dir):
    return make_app(assets_dir).server.test_client()


def callback_body(value="3") -> dict:
    return {
        "output": "graph.figure",
        "outputs": {"id": "graph", "property": "figure"},
        "inputs": [{"id": "n", "property": "value", "value": value}],
        "state": [{"id": "n", "property": "id", "value": "n"}],
        "changedPropIds": ["n.value"],
    }


def bundle_urls(client) -> list[str]:
    page = client.get("/").get_data(as_text=True)
    return re.findall(r'<script src="(/_dash-component-suites/[^"]+)"', page)


def decode(response) -> bytes:
    encoding = response.headers.get("Content-Encoding")
    body = response.get_data()
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding is None, encoding
    return body


def assert_security_headers(headers, embed: bool = False) -> None:
    csp = headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'self'"
    script_sources = directives["script-src"].split()
    assert script_sources[0] == "'self'"
    assert all(s.startswith("'sha256-") for s in script_sources[1:]), script_sources
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in csp
    assert directives["img-src"] == "'self' data: blob:"
    assert directives["object-src"] == "'none'"
    assert "*" not in csp.replace("*.", ""), csp  # no wildcard source anywhere
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    if embed:
        assert directives["frame-ancestors"].startswith("'self'")
        assert "X-Frame-Options" not in headers
    else:
        assert directives["frame-ancestors"] == "'none'"
        assert headers["X-Frame-Options"] == "DENY"


# --- compression -------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["br", "gzip", None])
def test_page_bundle_asset_and_callback_are_compressed_on_request(client, encoding):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    plain = client.get("/").get_data()
    responses = {
        "page": client.get("/", headers=headers),
        "bundle": client.get(bundle_urls(client)[-1], headers=headers),
        "asset": client.get("/assets/site.css", headers=headers),
        "callback": client.post("/_dash-update-component", json=callback_body(), headers=headers),
    }
    for name, response in responses.items():
        assert response.status_code == 200, name
        assert response.headers.get("Content-Encoding") == encoding, name
        assert "Accept-Encoding" in response.headers["Vary"], name
        body = decode(response)
        assert len(body) > 500, name
    token = re.compile(rb'"end_id":"[^"]*"')  # differs on every request
    assert token.sub(b"", decode(responses["page"])) == token.sub(b"", plain)
    assert b"graph" in decode(responses["callback"])
    assert decode(responses["asset"]).startswith(b".card")


def test_brotli_preferred_when_both_are_accepted(client):
    response = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert response.headers["Content-Encoding"] == "br"


def test_plotly_bundle_is_compressed_once_and_served_identically(client):
    import plotly

    plotly_url = "/_dash-component-suites/plotly/" + build_fingerprint(
        "package_data/plotly.min.js", plotly.__version__, 1700000000
    )
    first = client.get(plotly_url, headers={"Accept-Encoding": "br"})
    second = client.get(plotly_url, headers={"Accept-Encoding": "br"})
    assert first.status_code == second.status_code == 200
    assert first.get_data() == second.get_data()
    assert len(first.get_data()) < len(brotli.decompress(first.get_data())) / 3


# --- caching headers ---------------------------------------------------------------------


def test_fingerprinted_bundles_and_assets_are_immutable(client):
    for url in bundle_urls(client):
        assert client.get(url).headers["Cache-Control"] == IMMUTABLE, url
    assert client.get("/assets/site.css?m=1700000000").headers["Cache-Control"] == IMMUTABLE


def test_pages_unversioned_files_and_callbacks_are_not_kept(client):
    assert client.get("/").headers["Cache-Control"] == "no-cache"
    assert client.get("/compare?x=1").headers["Cache-Control"] == "no-cache"
    assert client.get("/assets/site.css").headers["Cache-Control"] == "no-cache"
    unversioned = re.sub(r"\.v[\w-]+m[0-9a-f]+\.", ".", bundle_urls(client)[-1])
    assert client.get(unversioned).headers["Cache-Control"] == "no-cache"
    callback = client.post("/_dash-update-component", json=callback_body())
    assert callback.headers["Cache-Control"] == "no-store"
    for missing_url in (
        "/_dash-component-suites/dash/no-such.v1m1.js",
        "/_dash-component-suites/plotly/no-such.v1m1.js",
        "/_dash-component-suites/no_such_package/x.js",
    ):
        missing = client.get(missing_url)
        assert missing.status_code == 404, missing_url
        assert missing.headers["Cache-Control"] == "no-store"


# --- security headers --------------------------------------------------------------------


def test_security_headers_on_every_kind_of_response(client):
    responses = [
        client.get("/"),
        client.get("/some/page?q=1"),
        client.get(bundle_urls(client)[0]),
        client.get("/assets/site.css"),
        client.post("/_dash-update-component", json=callback_body()),
        client.post("/_dash-update-component", data="not json"),
        client.get("/_dash-component-suites/dash/no-such.js"),
        client.get("/_dash-layout"),
    ]
    for response in responses:
        assert_security_headers(response.headers)


def test_csp_allows_exactly_dash_inline_scripts(client):
    page = client.get("/")
    csp = page.headers["Content-Security-Policy"]
    # The IE warning inside a conditional comment never runs.
    html_text = re.sub(r"<!--.*?-->", "", page.get_data(as_text=True), flags=re.S)
    inline = re.findall(r"<script>(.*?)</script>", html_text, re.S)
    renderer = re.findall(
        r'<script id="_dash-renderer" type="application/javascript">(.*?)</script>',
        html_text,
        re.S,
    )
    for script in inline + renderer:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert inline, "the clientside callback is an inline script"


def test_embed_view_may_be_framed_by_configured_origins_only(assets_dir):
    client = make_app(
        assets_dir, embed_frame_ancestors=("https://partner.example.org",)
    ).server.test_client()
    for path in ("/embed", "/embed/chart?c=MDA"):
        response = client.get(path)
        assert_security_headers(response.headers, embed=True)
        assert "frame-ancestors 'self' https://partner.example.org" in (
            response.headers["Content-Security-Policy"]
        )
    default = make_app(assets_dir).server.test_client().get("/embed")
    assert "frame-ancestors 'self';" in default.headers["Content-Security-Policy"] + ";"
    assert_security_headers(client.get("/embedded").headers)  # not the embed view


@pytest.mark.parametrize("bad", ["*", "https://a.org;script-src *", "javascript:", "'none' x"])
def test_frame_ancestor_setting_rejects_non_origins(bad):
    with pytest.raises(ValueError):
        parse_frame_ancestors(bad)


def test_frame_ancestor_setting_accepts_origins():
    assert parse_frame_ancestors("https://a.org, http://b.org:8080 https://*.c.org") == (
        "https://a.org",
        "http://b.org:8080",
        "https://*.c.org",
    )


# --- bad requests and errors -------------------------------------------------------------

MALFORMED = {
    "not json": ("this is { not json", "application/json"),
    "json but wrong type": (json.dumps(callback_body()), "text/plain"),
    "empty": ("", "application/json"),
    "null": ("null", "application/json"),
    "a list": ("[1, 2, 3]", "application/json"),
    "a string": ('"graph.figure"', "application/json"),
    "no output": (json.dumps({"inputs": []}), "application/json"),
    "unknown output": (json.dumps({**callback_body(), "output": "nope.children"}), None),
    "output not a string": (json.dumps({**callback_body(), "output": ["graph.figure"]}), None),
    "inputs missing": (json.dumps({k: v for k, v in callback_body().items() if k != "inputs"}),
                       None),
    "too few inputs": (json.dumps({**callback_body(), "inputs": []}), None),
    "inputs not objects": (json.dumps({**callback_body(), "inputs": ["n.value"]}), None),
    "state wrong length": (json.dumps({**callback_body(), "state": []}), None),
    "outputs a string": (json.dumps({**callback_body(), "outputs": "graph.figure"}), None),
    "changedPropIds not list": (json.dumps({**callback_body(), "changedPropIds": 5}), None),
    "deeply nested": ("[" * 5_000 + "]" * 5_000, None),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_callback_bodies_get_400(client, case):
    body, content_type = MALFORMED[case]
    response = client.post(
        "/_dash-update-component", data=body, content_type=content_type or "application/json"
    )
    assert 400 <= response.status_code < 500, (case, response.status_code)
    assert response.is_json
    assert response.get_json()["error"]["status"] == response.status_code
    assert b"Traceback" not in response.get_data()


def test_huge_callback_body_gets_413(client):
    body = json.dumps({**callback_body(), "padding": "x" * (200 * 1024)})
    response = client.post(
        "/_dash-update-component", data=body, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


def test_wrong_method_gets_405_with_allow(client):
    response = client.put("/_dash-update-component", json=callback_body())
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]


def test_a_failing_callback_answers_500_without_details(client):
    response = client.post("/_dash-update-component", json=callback_body("boom"))
    assert response.status_code == 500
    text = response.get_data(as_text=True)
    assert "secret-internal-detail" not in text and "Traceback" not in text
    assert response.get_json()["error"]["status"] == 500
    assert_security_headers(response.headers)


def test_debug_is_off_unless_asked(assets_dir, monkeypatch):
    monkeypatch.delenv("DASH_DEBUG", raising=False)
    assert Settings.from_env().debug is False
    monkeypatch.setenv("DASH_DEBUG", "1")
    assert Settings.from_env().debug is True
    assert make_app(assets_dir).server.debug is False  # explicit settings win over env


# --- the real app under gunicorn -----------------------------------------------------------

# Extend these lists as pages and API routes land.
LIVE_PAGES = ["/", "/compare", "/country/MDA", "/labour", "/data", "/present", "/no-such-page"]
LIVE_API = ["/api/v1/", "/api/no-such-route"]


def fetch(url: str, method: str = "GET", data: bytes | None = None, headers=None):
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def live_callback_body(live_server) -> dict:
    """A well-formed request for the router callback, built from the app's own dependencies."""
    _, _, raw = fetch(live_server.url + "/_dash-dependencies")
    router = next(
        cb for cb in json.loads(raw)
        if "page.children" in cb["output"] and not cb.get("clientside_function")
    )
    values = {Shell.ROUTE: {"path": "/compare", "search": ""}, Shell.LANG: "en"}
    return {
        "output": router["output"],
        "outputs": [
            {"id": part.split(".")[0], "property": part.split(".")[1]}
            for part in router["output"].strip(".").split("...")
        ],
        "inputs": [{**i, "value": values.get(i["id"])} for i in router["inputs"]],
        "state": [{**s, "value": values.get(s["id"])} for s in router["state"]],
        "changedPropIds": [f"{router['inputs'][0]['id']}.data"],
    }


def test_live_headers_and_compression_everywhere(live_server):
    base = live_server.url
    _, _, page = fetch(base + "/")
    bundles = re.findall(r'<script src="(/_dash-component-suites/[^"]+)"', page.decode())
    assets = re.findall(r'href="(/assets/[^"]+)"', page.decode())
    assert bundles
    body = json.dumps(live_callback_body(live_server)).encode()
    requests = [("GET", base + p, None) for p in LIVE_PAGES + LIVE_API]
    requests += [("GET", base + u, None) for u in bundles + assets]
    requests.append(("POST", base + "/_dash-update-component", body))
    for method, url, data in requests:
        for encoding in ("br", "gzip", None):
            headers = {"Content-Type": "application/json"}
            if encoding:
                headers["Accept-Encoding"] = encoding
            status, response_headers, raw = fetch(url, method, data, headers)
            assert status < 500, (url, status)
            assert_security_headers(response_headers)
            got = response_headers.get("Content-Encoding")
            if len(raw) > 1000 or got:
                assert got == encoding, (url, encoding, got)
                decoded = {"br": brotli.decompress, "gzip": gzip.decompress}.get(
                    got, lambda b: b
                )(raw)
                assert len(decoded) >= len(raw)
            if method == "GET" and status == 200 and url[len(base):] in bundles:
                assert response_headers["Cache-Control"] == IMMUTABLE, url


def test_live_malformed_callback_bodies_get_4xx(live_server):
    url = live_server.url + "/_dash-update-component"
    good = live_callback_body(live_server)
    status, _, _ = fetch(url, "POST", json.dumps(good).encode(),
                         {"Content-Type": "application/json"})
    assert status == 200
    bad_bodies = [body for body, _ in MALFORMED.values()] + [
        json.dumps({**good, "inputs": good["inputs"] + good["inputs"]}),
        json.dumps({**good, "padding": "x" * (3 * 1024 * 1024)}),
    ]
    for body in bad_bodies:
        status, headers, raw = fetch(url, "POST", body.encode(),
                                     {"Content-Type": "application/json"})
        assert 400 <= status < 500, (body[:80], status)
        assert b"Traceback" not in raw


# --- links written into files: PUBLIC_URL, ALLOWED_HOSTS, absolute_url ------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://Dashboard.Example.org", "https://dashboard.example.org"),
    ("https://dashboard.example.org/", "https://dashboard.example.org"),
    ("http://127.0.0.1:8050", "http://127.0.0.1:8050"),
    ("https://[::1]:8443/", "https://[::1]:8443"),
    ("", None),
])
def test_public_url_setting_keeps_an_origin(raw, expected):
    assert parse_public_url(raw) == expected


@pytest.mark.parametrize("bad", [
    "dashboard.example.org", "//dashboard.example.org", "ftp://dashboard.example.org",
    "javascript:alert(1)", "https://dashboard.example.org/app", "https://d.example.org/..",
    "https://d.example.org?x=1", "https://d.example.org#top", "https://user@d.example.org",
    "https://evil.example\\@d.example.org", "https://d.example.org:0", "https://d.example.org:99999",
    "https://d.exa mple.org", "https://d.example\n.org", "https://ex%61mple.org", "https://",
])
def test_public_url_setting_refuses_anything_but_an_origin(bad):
    with pytest.raises(ValueError, match="PUBLIC_URL"):
        parse_public_url(bad)


def test_allowed_hosts_setting():
    assert parse_allowed_hosts(None) == ("localhost", "127.0.0.1", "::1")
    assert parse_allowed_hosts("") == ()
    assert parse_allowed_hosts("Dash.Example.org, [::1] 10.0.0.7") == (
        "dash.example.org", "::1", "10.0.0.7")
    for bad in ("https://a.org", "a.org:80", "*.a.org", "a_b.org"):
        with pytest.raises(ValueError, match="ALLOWED_HOSTS"):
            parse_allowed_hosts(bad)


def test_absolute_url_uses_public_url_else_an_allowed_host_else_a_relative_link(assets_dir):
    public = make_app(assets_dir, public_url="https://dash.example.org").server
    for base in ("http://evil.example", "http://127.0.0.1:8050", "https://localhost"):
        with public.test_request_context("/", base_url=base):
            assert absolute_url("/compare?x=1") == "https://dash.example.org/compare?x=1"
    with public.app_context():  # no request at all
        assert absolute_url("/") == "https://dash.example.org/"

    local = make_app(assets_dir).server  # no PUBLIC_URL, loopback names allowed
    expected = {
        "http://127.0.0.1:8050": "http://127.0.0.1:8050/compare?x=1",
        "http://localhost:8050": "http://localhost:8050/compare?x=1",
        "https://localhost": "https://localhost/compare?x=1",
        "http://[::1]:8050": "http://[::1]:8050/compare?x=1",
        "http://evil.example": "/compare?x=1",
        "http://127.0.0.1.evil.example": "/compare?x=1",
        "http://evil.example:8050": "/compare?x=1",
    }
    for base, link in expected.items():
        with local.test_request_context("/", base_url=base):
            assert absolute_url("/compare?x=1") == link, base
    for host in ("localhost@evil.example", "localhost:80@evil.example", "[::1]evil.example",
                 "localhost:x", "localhost/evil"):
        with local.test_request_context("/", headers={"Host": host}):
            assert absolute_url("/compare?x=1") == "/compare?x=1", host
    with local.test_request_context("/", base_url="http://localhost:8050",
                                    headers={"X-Forwarded-Host": "evil.example"}):
        assert absolute_url("/") == "http://localhost:8050/"

    listed = make_app(assets_dir, allowed_hosts=("dash.example.org",)).server
    with listed.test_request_context("/", base_url="https://dash.example.org"):
        assert absolute_url("/present?deck=x") == "https://dash.example.org/present?deck=x"
    with listed.test_request_context("/", base_url="http://localhost:8050"):
        assert absolute_url("/present?deck=x") == "/present?deck=x"


@pytest.mark.parametrize("bad", ["//evil.example/x", "https://evil.example/", "/\\evil.example",
                                 "javascript:alert(1)", "compare", "", "/a b", "/a\nb"])
def test_absolute_url_takes_only_a_path_on_this_site(assets_dir, bad):
    with make_app(assets_dir).server.test_request_context("/"), pytest.raises(ValueError):
        absolute_url(bad)


def test_a_bad_public_url_stops_the_start_with_one_line():
    run = subprocess.run(
        [sys.executable, "-c", "import app"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PUBLIC_URL": "https://evil.example/x?y"}, timeout=120,
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        "Cannot start: PUBLIC_URL must look like https://dashboard.example.org, "
        "got 'https://evil.example/x?y'"
    ]


# --- request bodies over the limit, on the real server -----------------------------------------

LIMIT = 2 * 1024 * 1024  # MAX_CONTENT_LENGTH's default


def raw_exchange(port: int, head: str, body: bytes, chunked: bool) -> tuple[int, bytes]:
    """Send one request as given (chunked or with Content-Length); the status and body."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        framing = ("Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(body)}")
        sock.sendall(f"{head}Host: 127.0.0.1\r\n{framing}\r\nConnection: close\r\n\r\n".encode())
        try:
            if chunked:
                for start in range(0, len(body), 65536):
                    part = body[start:start + 65536]
                    sock.sendall(b"%x\r\n%s\r\n" % (len(part), part))
                sock.sendall(b"0\r\n\r\n")
            else:
                sock.sendall(body)
        except OSError:
            pass  # the server may answer and close before taking the whole body
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head_bytes, _, rest = answer.partition(b"\r\n\r\n")
    return int(head_bytes.split(b" ", 2)[1]), rest


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
@pytest.mark.parametrize("request_line", [
    "POST /_dash-update-component HTTP/1.1\r\nContent-Type: application/json\r\n",
    "POST /api/v1/data?indicator=SM.POP.NETM HTTP/1.1\r\n",
    "GET /api/v1/data?indicator=SM.POP.NETM HTTP/1.1\r\n",
    "PUT /healthz HTTP/1.1\r\n",
    "POST /compare HTTP/1.1\r\n",
])
def test_live_bodies_over_the_limit_get_413_however_they_are_sent(live_server, request_line,
                                                                   chunked):
    body = b'{"padding": "' + b"x" * LIMIT + b'"}'
    status, answer = raw_exchange(live_server.port, request_line, body, chunked)
    assert status == 413, (request_line, chunked, answer[:200])
    assert b"larger than the limit of 2 MiB" in answer


def test_live_chunked_body_within_the_limit_is_read_whole(live_server):
    """A chunked callback request is answered as the same request sent with its length; so
    is a chunked body one byte under the limit (refused for what it says, not its size)."""
    good = json.dumps(live_callback_body(live_server)).encode()
    chunked = raw_exchange(live_server.port, "POST /_dash-update-component HTTP/1.1\r\n"
                           "Content-Type: application/json\r\n", good, chunked=True)
    counted = raw_exchange(live_server.port, "POST /_dash-update-component HTTP/1.1\r\n"
                           "Content-Type: application/json\r\n", good, chunked=False)
    assert chunked[0] == counted[0] == 200
    near = json.dumps({**live_callback_body(live_server), "padding": ""}).encode()
    near = near[:-2] + b'"' + b"x" * (LIMIT - len(near) - 1) + b'"}'
    assert len(near) == LIMIT - 1 + 1
    status, answer = raw_exchange(live_server.port, "POST /_dash-update-component HTTP/1.1\r\n"
                                  "Content-Type: application/json\r\n", near, chunked=True)
    assert status == 400 and b"413" not in answer, answer[:200]
