"""Shared fixtures: a real app server on 127.0.0.1 and real Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running app process; `url` is its base URL, `log` its combined stdout/stderr."""

    process: subprocess.Popen
    url: str
    log_path: Path
    port: int

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def wait_for_http(url: str, timeout: float = 40.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # the server answers; a status code is an answer
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


def start_server(
    tmp_dir: Path,
    command: list[str] | None = None,
    env: dict[str, str] | None = None,
    name: str = "server",
) -> Server:
    """Start the app under gunicorn (or `command`) on a free loopback port and wait for it."""
    port = free_port()
    if command is None:
        command = [
            sys.executable, "-m", "gunicorn", "app:server",
            "--bind", f"127.0.0.1:{port}",
            "--workers", "1", "--threads", "8",
            "--timeout", "60", "--no-control-socket",
        ]
    else:
        command = [part.replace("{port}", str(port)) for part in command]
    full_env = {**os.environ, "PORT": str(port), "PYTHONUNBUFFERED": "1"}
    full_env.update(env or {})
    log_path = tmp_dir / f"{name}-{port}.log"
    log_file = log_path.open("w")
    process = subprocess.Popen(
        command, cwd=ROOT, env=full_env, stdout=log_file, stderr=subprocess.STDOUT
    )
    server = Server(process, f"http://127.0.0.1:{port}", log_path, port)
    try:
        wait_for_http(server.url + "/", process=process)
    except Exception:
        server.stop()
        raise RuntimeError(f"{name} failed to start:\n{server.log()}") from None
    return server


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One gunicorn server for the whole session, serving the committed snapshot."""
    server = start_server(tmp_path_factory.mktemp("live"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


BROWSER_TIMEOUT = 45.0  # seconds: generous, because CI shares two cores with the server


def wait_until(page, function: str, arg: object = None, timeout: float = BROWSER_TIMEOUT) -> object:
    """Poll a JS function until it returns something truthy. The app's CSP forbids the eval
    that Playwright's wait_for_function needs; page.evaluate is not affected."""
    deadline = time.monotonic() + timeout
    while True:
        result = page.evaluate(function, arg)
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {function} ({arg!r})")
        page.wait_for_timeout(100)


# Each chart shown with a legend: how far (px) the legend's top lies below the x axis's tick
# labels and title (negative: they overlap), and whether the legend stays inside the chart.
LEGEND_PLACES = """() => Array.from(document.querySelectorAll('#main .js-plotly-plot'))
  .filter(p => p.offsetParent !== null && p.querySelector('.legend'))
  .map(p => {
    // Its box (.bg): a legend that scrolls has more entries than it shows.
    const legend = p.querySelector('.legend .bg').getBoundingClientRect();
    const box = p.getBoundingClientRect();
    const axis = Array.from(p.querySelectorAll('.xtick text, .g-xtitle text'))
      .map(e => e.getBoundingClientRect().bottom);
    return {id: p.parentElement.id || p.id, clearance: legend.top - Math.max(box.top, ...axis),
            inside: legend.top >= box.top - 1 && legend.bottom <= box.bottom + 1};
  })"""


def assert_legends_clear(places: list[dict]) -> None:
    """Every legend below its axis's labels and inside its chart."""
    assert places
    crowded = [p for p in places if p["clearance"] < 0 or not p["inside"]]
    assert not crowded, crowded


def open_deck_builder(page, base_url: str) -> None:
    """Open /deck and wait until the builder is drawn from the stored deck (by a callback):
    a click or key before then may reach a button that is about to be replaced."""
    page.goto(base_url + "/deck")
    # Both start hidden; the builder shows one of them.
    wait_until(page, """() => document.getElementById('deck-empty')
      && document.getElementById('deck-empty').hidden
         !== document.getElementById('deck-present-box').hidden
      && !document.querySelector('[data-dash-is-loading="true"]')""")


@dataclass
class PageWatch:
    """What a page did: requests that left loopback, console errors, page errors."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in LOOPBACK_HOSTS


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def page(browser, watch: PageWatch) -> Iterator[object]:
    """A fresh page at 1280x900; a request outside 127.0.0.1 is blocked and fails the test."""
    yield from guarded_page(browser, watch, viewport={"width": 1280, "height": 900})


# axe-core, installed from the npm registry by scripts/test.sh.
AXE_SCRIPT = ROOT / "tests" / ".axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe_page(browser, watch: PageWatch) -> Iterator[object]:
    """Like `page`, with the app's Content-Security-Policy bypassed so that axe-core can be
    injected as an inline script: for the accessibility scan only."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"axe-core not found at {AXE_SCRIPT}; run scripts/test.sh, which installs "
                    "it with npm")
    yield from guarded_page(browser, watch, viewport={"width": 1280, "height": 900},
                            bypass_csp=True)


def guarded_page(browser, watch: PageWatch, **context_options: object) -> Iterator[object]:
    """A page of a new browser context (`context_options`): requests outside 127.0.0.1 are
    blocked, and they and JavaScript errors fail the test."""
    context = browser.new_context(**context_options)
    pw_page = context.new_page()
    pw_page.set_default_timeout(BROWSER_TIMEOUT * 1000)

    def guard(route, request) -> None:
        if is_loopback(request.url):
            route.continue_()
        else:
            watch.external_requests.append(request.url)
            route.abort()

    pw_page.route("**/*", guard)
    pw_page.on(
        "console",
        lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    pw_page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
    yield pw_page
    context.close()
    assert watch.external_requests == [], f"requests left 127.0.0.1: {watch.external_requests}"
    assert watch.page_errors == [], f"JavaScript errors: {watch.page_errors}"
