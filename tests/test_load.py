"""Load and faults on 127.0.0.1, bounded: simulated users replay the callback requests Chromium
sends, against gunicorn with the production config. Short variants of the runs recorded by
`python -m bench.run` (bench/RESULTS.md): every request must succeed."""

from __future__ import annotations

import signal

import pytest

from bench import chromium, faults, load, server

pytestmark = [pytest.mark.browser]

PAGES = ["/compare", "/compare?indicator=SM.POP.TOTL&countries=MDA,ROU,UKR&start=1990&end=2020",
         "/labour"]
LABELS = ["Index", "Annual", "As published"]
USERS = 50
SECONDS = 10


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    gunicorn = server.start_gunicorn(tmp_path_factory.mktemp("load"))
    yield gunicorn
    gunicorn.stop()


@pytest.fixture(scope="module")
def captured(browser, app):
    """What Chromium posts for each page and for each transform change: nothing for a page
    (its first render carries its charts), and one request per change."""
    recorded = chromium.capture(browser, app.url, PAGES, LABELS)
    assert all(bodies == [] for bodies in recorded.page_loads.values()), recorded.page_loads
    assert [[load.callback_kind(b) for b in change] for change in recorded.interactions] == [
        ["cb:chart"]] * len(LABELS)
    return recorded


def assert_clean(stats: load.Stats, minimum: int) -> None:
    summary = stats.summary()
    assert summary["failed"] == 0, summary
    assert summary["requests"] >= minimum, summary
    assert summary["by_kind"]["cb:chart"]["n"] > 0, summary


def test_fifty_users_no_failed_request(app, captured):
    stats = load.run(app.url, captured, users=USERS, seconds=SECONDS)
    assert_clean(stats, minimum=USERS * 5)


def test_redis_killed_and_back_under_load(tmp_path, captured):
    summary = faults.redis_killed(tmp_path, captured, USERS, SECONDS)
    assert summary["failed"] == 0, summary
    assert summary["redis_down_logged"] and summary["redis_back_logged"], summary


def test_graceful_reload_under_load(tmp_path, captured):
    app = server.start_gunicorn(tmp_path, name="hup")
    try:
        stats = faults.under_load(app.url, captured, USERS, SECONDS,
                                  [(SECONDS / 2, lambda: app.signal(signal.SIGHUP))])
        log = app.log()
    finally:
        app.stop()
    assert "Hang up" in log or "Handling signal: hup" in log.lower(), log
    assert_clean(stats, minimum=USERS * 5)


def test_page_keeps_working_across_a_server_restart(browser, tmp_path):
    result = faults.restarted_with_page_open(browser, tmp_path, LABELS)
    assert result["no_reload"], result
    assert len(result["repaint_ms_after_restart"]) == 2, result
