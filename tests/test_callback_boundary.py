"""Forged requests to /_dash-update-component: any client can post any JSON to any callback.

Against the deployed stack (gunicorn with gunicorn.conf.py, one worker so its memory and CPU
can be read from /proc, and a real Redis as the shared cache), every forged request of the
probe that found them is answered with a 4xx or a bounded, correct answer; none grows the
worker by 50 MB or costs it a second of CPU; a junk value never creates a cache entry; and a
property-based generator of wrong-typed and oversized inputs for every server callback the app
registers never gets a 5xx or a traceback. And a request that names several changed inputs at
once, as Dash sends when inputs change together, is acted on whole.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import server

pytestmark = pytest.mark.redis

CALLBACK = "/_dash-update-component"
MEMORY_LIMIT_KB = 50 * 1024
CPU_LIMIT_S = 1.0
CLK_TCK = os.sysconf("SC_CLK_TCK")


@pytest.fixture(scope="module")
def redis_cache():
    redis = server.start_redis()
    yield redis
    redis.kill()


@pytest.fixture(scope="module")
def app(tmp_path_factory, redis_cache):
    gunicorn = server.start_gunicorn(tmp_path_factory.mktemp("boundary"),
                                     env={"WEB_CONCURRENCY": "1", "REDIS_URL": redis_cache.url})
    yield gunicorn
    gunicorn.stop()


@pytest.fixture(scope="module")
def dependencies(app) -> list[dict]:
    with urllib.request.urlopen(app.url + "/_dash-dependencies", timeout=30) as response:
        return json.loads(response.read())


def post(app, body: object) -> tuple[int, bytes]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(app.url + CALLBACK, data=data, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def worker_usage(app) -> tuple[int, float]:
    """The worker's resident memory (kB) and CPU time (s), from /proc."""
    (pid,) = app.worker_pids()
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return rss, (int(fields[11]) + int(fields[12])) / CLK_TCK


def callback_of(dependencies: list[dict], output_part: str) -> dict:
    return next(cb for cb in dependencies
                if output_part in cb["output"] and not cb.get("clientside_function"))


def concrete(dep_id: str) -> object:
    """A dependency's id as a client names it: pattern ids get a concrete value per wildcard."""
    if not dep_id.startswith("{"):
        return dep_id
    return {key: ("compare-chart" if key == "chart" else "csv" if key == "format" else 0)
            if isinstance(value, list) else value for key, value in json.loads(dep_id).items()}


def body_for(callback: dict, values: dict[str, object], changed: str | None = None) -> dict:
    """A request for `callback` with each input/state `values[id.property]` (None if absent);
    pattern-matching ALL inputs get a list of one item."""

    def item(dep: dict) -> object:
        entry = {"id": concrete(dep["id"]), "property": dep["property"],
                 "value": values.get(f"{dep['id']}.{dep['property']}")}
        return [entry] if '["ALL"]' in dep["id"] else entry

    outputs = []
    for part in callback["output"].strip(".").split("..."):
        name, _, prop = part.rpartition(".")
        outputs.append({"id": concrete(name), "property": prop.split("@")[0]})
    first = callback["inputs"][0]
    return {
        "output": callback["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [item(dep) for dep in callback["inputs"]],
        "state": [item(dep) for dep in callback["state"]],
        "changedPropIds": [changed or f"{first['id']}.{first['property']}"],
    }


COMPARE = {
    "compare-indicator.value": "BX.TRF.PWKR.DT.GD.ZS", "compare-countries.value": ["MDA", "JAM"],
    "compare-years.value": [2000, 2020], "compare-transform.value": "none",
    "compare-base.value": 2000, "compare-scale.value": "linear", "compare-tabs.value": "chart",
    "compare-map-year.value": 2020, "compare-popstate.data": None,
    "compare-shown.data": {}, "compare-history.data": {"search": ""},
    "url.pathname": "/compare",
}


def forged_requests(dependencies: list[dict]) -> dict[str, dict]:
    """The probe's forged requests, by what they are."""
    compare = callback_of(dependencies, "compare-history.data")
    diaspora = callback_of(dependencies, "diaspora-trend.figure")
    export = callback_of(dependencies, "chart-download")
    router = callback_of(dependencies, "page.children")
    deck = callback_of(dependencies, "deck-upload.contents")
    every_code = [f"C{i:03d}" for i in range(285)]
    return {
        "years 0 to 2,000,000": body_for(compare, {**COMPARE,
                                                    "compare-years.value": [0, 2_000_000]}),
        "1,000 x MDA": body_for(diaspora, {"diaspora-countries.value": ["MDA"] * 1000,
                                           "diaspora-measure.value": "persons",
                                           "diaspora-year.value": 2024,
                                           "url.pathname": "/diaspora"}),
        "a forged figure for an export": {**body_for(export, {
            '{"chart":["MATCH"],"format":["ALL"],"type":"chart-export"}.n_clicks': 1,
            '{"chart":["MATCH"],"type":"chart-view"}.data': {
                "data": [{"x": list(range(40_000)), "meta": {"export": {
                    "extra": {f"c{i}": list(range(40_000)) for i in range(20)}}}}]}})},
        "285 codes and a junk scale": body_for(compare, {
            **COMPARE, "compare-countries.value": every_code, "compare-scale.value": "junk"}),
        "150,000 unknown codes in the address": body_for(compare, {
            **COMPARE, "compare-popstate.data": {
                "search": "?countries=" + ",".join(f"Q{i:05d}" for i in range(150_000))}},
            changed="compare-popstate.data"),
        "a number for a path": body_for(router, {"page-route.data": {"path": 12345}}),
        "a number for an uploaded file": body_for(deck, {"deck-upload.contents": 5},
                                                  changed="deck-upload.contents"),
        "outputs no callback has": {**body_for(router, {}), "output": "..nowhere.children.."},
    }


def test_forged_requests_are_refused_or_bounded(app, dependencies):
    outcomes = {}
    for name, body in forged_requests(dependencies).items():
        rss_before, cpu_before = worker_usage(app)
        status, payload = post(app, body)
        rss_after, cpu_after = worker_usage(app)
        outcomes[name] = status
        assert status < 500, (name, status, payload[:300])
        assert b"Traceback" not in payload
        assert len(payload) < 2 * 1024 * 1024, name
        assert rss_after - rss_before < MEMORY_LIMIT_KB, (name, rss_after - rss_before)
        assert cpu_after - cpu_before < CPU_LIMIT_S, (name, cpu_after - cpu_before)
    assert all(400 <= status < 500 for name, status in outcomes.items()
               if name != "a number for a path"), outcomes
    # A path that is not text draws the default page: a bounded, correct answer.
    assert outcomes["a number for a path"] == 200
    assert "Traceback" not in app.log()


def test_a_refusal_is_a_short_json_reason_logged_once(app, dependencies):
    before = app.log()
    status, payload = post(app, forged_requests(dependencies)["1,000 x MDA"])
    assert status == 400
    reason = json.loads(payload)["error"]["message"]
    assert reason == "diaspora.update: more than 21 codes"
    assert app.log().count(reason) == before.count(reason) + 1


def test_junk_values_never_create_cache_entries(app, dependencies, redis_cache):
    import redis

    client = redis.Redis.from_url(redis_cache.url)
    compare = callback_of(dependencies, "compare-history.data")
    good = body_for(compare, COMPARE, changed="compare-countries.value")
    assert post(app, good)[0] == 200
    keys = client.dbsize()
    for i in range(50):
        junk = body_for(compare, {**COMPARE, "compare-scale.value": f"junk-{i}"},
                        changed="compare-scale.value")
        assert post(app, junk)[0] == 400
    assert post(app, good)[0] == 200
    assert client.dbsize() == keys


def deck_edit(dependencies: list[dict], values: dict, changed: list[str]) -> dict:
    """The deck builder's edits, as the stored deck after a request naming `changed`."""
    return body_for(callback_of(dependencies, "deck-upload.contents"), values) | {
        "changedPropIds": changed}


def stored(payload: bytes) -> dict:
    return json.loads(payload)["response"]["deck-store"]["data"]


def test_a_click_arriving_with_a_redrawn_title_is_acted_on(app, dependencies):
    """Dash merges inputs that changed before their request left into one request: the builder
    redrawing the deck's title while "Start from the ready-made deck" is pressed loads it."""
    status, payload = post(app, deck_edit(
        dependencies, {"deck-title.value": "", "deck-ready.n_clicks": 1},
        ["deck-title.value", "deck-ready.n_clicks"]))
    assert status == 200, payload[:300]
    assert len(stored(payload)["slides"]) >= 3


def test_titles_changed_together_are_all_kept(app, dependencies):
    ready = stored(post(app, deck_edit(dependencies, {"deck-ready.n_clicks": 1},
                                       ["deck-ready.n_clicks"]))[1])
    row = '{"index":0,"type":"deck-slide-title"}.value'
    status, payload = post(app, deck_edit(
        dependencies, {"deck-title.value": "  Seminar   deck ", "deck-store.data": ready,
                       '{"index":["ALL"],"type":"deck-slide-title"}.value': "Opening"},
        ["deck-title.value", row]))
    assert status == 200, payload[:300]
    deck = stored(payload)
    assert deck["title"] == "Seminar deck"
    assert deck["slides"][0]["title"] == "Opening"
    assert deck["slides"][1:] == ready["slides"][1:]


def test_the_back_button_is_read_among_other_changes(app, dependencies):
    """A page's controls and the address read after Back, changed in one request: the view
    follows the address."""
    compare = callback_of(dependencies, "compare-history.data")
    body = body_for(compare, {**COMPARE, "compare-popstate.data": {
        "search": "?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=BGD"}}) | {
        "changedPropIds": ["compare-countries.value", "compare-popstate.data"]}
    status, payload = post(app, body)
    assert status == 200, payload[:300]
    adjusted = json.loads(payload)["response"]["compare-adjusted"]["data"]
    assert adjusted["compare-countries"] == ["BGD"], adjusted


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=6),
    max_leaves=30,
)
OVERSIZED = st.sampled_from([
    "x" * 100_000, ["MDA"] * 5_000, list(range(50_000)), {"search": "?" + "a=1&" * 20_000},
    [[[[[[]]]]]], -1, 10**30, 1e308,
])


FUZZED_SLOTS = 24


@pytest.mark.parametrize("which", range(FUZZED_SLOTS))
def test_every_server_callback_survives_wrong_types_and_sizes(app, dependencies, which):
    server_callbacks = [cb for cb in dependencies if not cb.get("clientside_function")]
    if which >= len(server_callbacks):
        assert which >= len(server_callbacks)  # fewer callbacks than slots: nothing to fuzz
        return
    callback = server_callbacks[which]
    names = [f"{dep['id']}.{dep['property']}" for dep in callback["inputs"] + callback["state"]]

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(JSON | OVERSIZED, min_size=len(names), max_size=len(names)),
           st.sampled_from(names))
    def fuzz(values: list, changed: str) -> None:
        status, payload = post(app, body_for(callback, dict(zip(names, values, strict=True)),
                                             changed=changed))
        assert status in (200, 204, 400, 413), (callback["output"][:80], status, payload[:200])
        assert b"Traceback" not in payload

    fuzz()
    assert "Traceback" not in app.log()


def test_every_server_callback_is_checked_and_fuzzed(dependencies):
    """Every server callback goes through boundary.callback (its inputs are checked), and the
    fuzzing test above has a slot for each."""
    import app as app_module

    server_callbacks = [entry for entry in app_module.app.callback_map.values()
                        if "callback" in entry]
    unchecked = [output for output, entry in app_module.app.callback_map.items()
                 if "callback" in entry and not getattr(entry["callback"], "guarded", False)]
    assert unchecked == []
    assert len(server_callbacks) == len(
        [cb for cb in dependencies if not cb.get("clientside_function")]) <= FUZZED_SLOTS
