"""The shared cache: memoisation, the local default, and Redis shared by workers and
surviving a Redis outage (a real redis-server on 127.0.0.1, stopped and restarted by PID)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import dash
import plotly.graph_objects as go
import pytest
import redis
from conftest import free_port, start_server
from dash import html
from flask import jsonify

import serving
from serving.cache import ResilientRedisCache, cache_status, memoize
from serving.settings import Settings

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


# --- a real Redis --------------------------------------------------------------------------


class RedisProcess:
    def __init__(self, port: int, workdir: Path) -> None:
        self.port = port
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--save", "", "--appendonly", "no", "--port", str(self.port),
             "--bind", "127.0.0.1", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = self.client()
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)


@pytest.fixture
def redis_server(tmp_path):
    if not Path(REDIS_SERVER).exists():
        pytest.fail("redis-server not found; install Debian's redis-server package")
    server = RedisProcess(free_port(), tmp_path)
    server.start()
    yield server
    server.stop()


# --- memoisation without Redis -------------------------------------------------------------

CALLS: Counter = Counter()


@memoize(timeout=60)
def square_figure(country: str, years: tuple = (2000, 2020), scale: float = 1.0) -> go.Figure:
    CALLS[(country, tuple(years), scale)] += 1
    x = list(range(years[0], years[1] + 1))
    return go.Figure(go.Scatter(x=x, y=[scale * (v - x[0]) ** 2 for v in x], name=country))


@memoize()
def table_rows(codes: list) -> list:
    CALLS[("rows", tuple(codes))] += 1
    return [{"code": code} for code in codes]


def configured_app(**overrides) -> dash.Dash:
    app = dash.Dash(__name__)
    app.layout = html.Div()
    values = dict(
        debug=False, redis_url=None, cache_dir=None, cache_default_timeout=60,
        cache_version="test", redis_socket_timeout=0.2, redis_retry_seconds=0.5,
        max_content_length=1 << 20, max_form_memory_size=1 << 16, embed_frame_ancestors=(),
    )
    values.update(overrides)
    serving.configure(app, Settings(**values))
    return app


def test_memoize_computes_once_per_arguments_and_returns_equal_figures():
    app = configured_app()
    CALLS.clear()
    with app.server.app_context():
        first = square_figure("MDA")
        again = square_figure("MDA", (2000, 2020))  # same call, spelled differently
        keyword = square_figure(country="MDA", years=[2000, 2020], scale=1.0)
        other = square_figure("BGD")
    assert CALLS[("MDA", (2000, 2020), 1.0)] == 1
    assert CALLS[("BGD", (2000, 2020), 1.0)] == 1
    for cached in (again, keyword):
        assert isinstance(cached, go.Figure)
        assert cached.to_plotly_json() == first.to_plotly_json()
        assert cached is not first  # callers may change their copy freely
    assert other.data[0].name == "BGD"


def test_memoized_figure_is_fast_to_return():
    app = configured_app()
    with app.server.app_context():
        square_figure("JAM", (1960, 2024), 2.0)
        started = time.perf_counter()
        for _ in range(20):
            square_figure("JAM", (1960, 2024), 2.0)
        per_call = (time.perf_counter() - started) / 20
    assert per_call < 0.02, f"{per_call * 1000:.1f} ms per cached call"


def test_memoize_keeps_lists_and_plain_results():
    app = configured_app()
    CALLS.clear()
    with app.server.app_context():
        assert table_rows(["MDA", "MLI"]) == [{"code": "MDA"}, {"code": "MLI"}]
        assert table_rows(("MDA", "MLI")) == [{"code": "MDA"}, {"code": "MLI"}]
    assert CALLS[("rows", ("MDA", "MLI"))] == 1


def test_memoize_refuses_arguments_without_a_stable_key():
    import pandas as pd

    configured_app()
    with pytest.raises(TypeError, match="plain arguments"):
        table_rows(pd.DataFrame({"a": [1]}))
    with pytest.raises(TypeError, match="plain arguments"):
        square_figure(object())


def test_memoize_outside_an_app_just_runs(monkeypatch):
    monkeypatch.setattr(serving.cache.cache, "app", None)
    CALLS.clear()
    assert table_rows(["X"]) == [{"code": "X"}]
    assert table_rows(["X"]) == [{"code": "X"}]
    assert CALLS[("rows", ("X",))] == 2
    assert cache_status() == {"backend": "none"}


def test_local_cache_is_the_default():
    app = configured_app()
    with app.server.app_context():
        assert cache_status() == {"backend": "SimpleCache"}


# --- the resilient Redis backend, in process -----------------------------------------------


@pytest.mark.redis
def test_redis_backend_falls_back_warns_once_and_comes_back(redis_server, caplog):
    backend = ResilientRedisCache(
        redis_server.url, key_prefix="t:", socket_timeout=0.2, retry_seconds=0.3
    )
    client = redis_server.client()
    assert backend.set("a", {"v": 1})
    assert client.exists("t:a")
    assert backend.get("a") == {"v": 1}

    redis_server.stop()
    caplog.set_level(logging.WARNING, logger="serving.cache")
    started = time.perf_counter()
    for i in range(50):
        assert backend.set(f"down{i}", i)
        assert backend.get(f"down{i}") == i  # served by the local cache
    elapsed = time.perf_counter() - started
    assert not backend.redis_available
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1
    assert elapsed < 2.0, f"100 calls with Redis down took {elapsed:.2f}s"

    redis_server.start()
    time.sleep(0.35)  # past the back-off
    assert backend.set("after", "back")
    assert backend.redis_available
    assert redis_server.client().get("t:after") is not None
    assert backend.get("after") == "back"
    assert [r for r in caplog.records if "reachable again" in r.getMessage()]


# --- several gunicorn workers sharing Redis ------------------------------------------------


@memoize(timeout=600)
def worker_stamp(key: str) -> dict:
    """Which worker computed `key` first: the observable of a shared cache."""
    return {"key": key, "computed_by": os.getpid()}


def probe_app() -> object:
    """A small app served by gunicorn with the project's gunicorn.conf.py and serving setup;
    /probe/<key> answers the memoised stamp and which worker answered."""
    app = dash.Dash(__name__)
    app.layout = html.Div("probe")
    serving.configure(app)

    @app.server.route("/probe/<key>")
    def probe(key: str):
        response = jsonify({**worker_stamp(key), "cache": cache_status()})
        response.headers["X-Worker"] = str(os.getpid())
        return response

    return app.server


def start_probe(tmp_path: Path, redis_url: str):
    command_env = {"REDIS_URL": redis_url, "REDIS_RETRY_SECONDS": "1", "CACHE_VERSION": "probe"}
    return start_server(
        tmp_path,
        command=[
            sys.executable, "-m", "gunicorn", "test_cache:probe_app()",
            "--config", "gunicorn.conf.py", "--pythonpath", "tests",
            "--bind", "127.0.0.1:{port}", "--workers", "2", "--threads", "4",
            "--no-control-socket",
        ],
        env=command_env,
        name="probe",
    )


def get_json(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.loads(response.read()), response.headers["X-Worker"]
    except urllib.error.HTTPError as error:
        return error.code, {}, ""


@pytest.mark.redis
def test_workers_share_one_cache_and_survive_a_redis_outage(redis_server, tmp_path):
    server = start_probe(tmp_path, redis_server.url)
    try:
        # 1. Shared: whichever worker answers, "shared" was computed once, by one worker.
        answered_by, computed_by = set(), set()
        for _ in range(100):
            status, body, worker = get_json(server.url + "/probe/shared")
            assert status == 200
            answered_by.add(worker)
            computed_by.add(body["computed_by"])
            if len(answered_by) == 2:
                break
        assert len(answered_by) == 2, "both workers should have answered"
        assert len(computed_by) == 1, f"computed by several workers: {computed_by}"
        assert redis_server.client().keys("mdd:probe:*memo:*worker_stamp*")

        # 2. Redis stopped mid-run, then restarted: not one request fails.
        statuses, slowest = Counter(), 0.0
        for i in range(150):
            if i == 50:
                redis_server.stop()
            if i == 100:
                redis_server.start()
            started = time.perf_counter()
            status, body, _ = get_json(server.url + f"/probe/k{i}")
            slowest = max(slowest, time.perf_counter() - started)
            statuses[status] += 1
            time.sleep(0.01)
        assert statuses == Counter({200: 150}), statuses
        assert slowest < 2.0, f"slowest request {slowest:.2f}s"

        # 3. Redis back: used again by both workers (after their back-off).
        client = redis_server.client()
        deadline = time.monotonic() + 15
        seen_in_redis = set()
        i = 0
        while time.monotonic() < deadline and len(seen_in_redis) < 2:
            status, body, worker = get_json(server.url + f"/probe/back{i}")
            assert status == 200
            if client.keys("mdd:probe:*memo:*worker_stamp*") and body["cache"].get(
                "redis_available"
            ):
                seen_in_redis.add(worker)
            i += 1
            time.sleep(0.05)
        assert len(seen_in_redis) == 2, "both workers should use Redis again"
        assert len(client.keys("mdd:probe:*")) >= 2

        log = server.log()
        for pid in answered_by:
            warnings = [
                line for line in log.splitlines()
                if f"[{pid}]" in line and "Redis cache" in line and "unreachable" in line
            ]
            assert len(warnings) <= 1, warnings
        assert "unreachable" in log and "reachable again" in log
    finally:
        server.stop()
