"""Real Chromium (Debian's /usr/bin/chromium through Playwright): capture the callback requests
the app's pages make, and time page loads and repaints."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# The flags of tests/conftest.py.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--no-first-run",
    "--disable-sync", "--disable-quic",
]
CALLBACK_PATH = "/_dash-update-component"
LOOPBACK = {"127.0.0.1", "localhost"}

# Records, per animation frame, when the chart `window.__benchChart` names first shows drawn
# traces, and (after each Plotly render) the frame on which a changed figure was painted.
# Injected before any page script; it reads only the DOM.
PAINT_PROBE = """
(() => {
  window.__bench = {firstPaint: null, paints: [], lastSig: null};
  const sig = gd => JSON.stringify((gd.data || []).map(t => [t.type, t.y || t.z || t.x]))
    + JSON.stringify(gd.layout && gd.layout.yaxis && gd.layout.yaxis.title);
  const drawn = gd => gd && gd._fullData && gd._fullData.length > 0 &&
    gd.querySelector('.trace, .choroplethlocation, .bars');
  function frame() {
    const gd = document.querySelector('#' + (window.__benchChart || 'compare-chart')
                                      + ' .js-plotly-plot');
    if (gd && drawn(gd)) {
      const s = sig(gd);
      const now = performance.now();
      if (window.__bench.firstPaint === null) window.__bench.firstPaint = now;
      if (s !== window.__bench.lastSig) {
        window.__bench.lastSig = s;
        window.__bench.paints.push(now);
      }
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
"""


@dataclass
class Captured:
    """Callback bodies posted by Chromium, in order, with the page URL they came from."""

    page_loads: dict[str, list[dict]] = field(default_factory=dict)  # path+query -> bodies
    interactions: list[list[dict]] = field(default_factory=list)  # bodies per control change

    def to_json(self) -> str:
        return json.dumps({"page_loads": self.page_loads, "interactions": self.interactions},
                          indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Captured:
        data = json.loads(text)
        return cls(data["page_loads"], data["interactions"])


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, record: list | None = None):
    """A fresh context and page (empty HTTP cache); requests outside loopback are aborted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)

    def guard(route, request) -> None:
        host = urlsplit(request.url).hostname
        if urlsplit(request.url).scheme in ("data", "blob") or host in LOOPBACK:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", guard)
    if record is not None:
        def on_request(request) -> None:
            if request.method == "POST" and urlsplit(request.url).path == CALLBACK_PATH:
                record.append(json.loads(request.post_data or "null"))

        page.on("request", on_request)
    page.add_init_script(PAINT_PROBE)
    return context, page


def poll(page, function: str, arg: object = None, timeout: float = 20.0) -> object:
    """Poll a JS function until truthy (the app's CSP forbids the eval wait_for_function needs)."""
    deadline = time.monotonic() + timeout
    while True:
        result = page.evaluate(function, arg)
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {function!r}")
        page.wait_for_timeout(10)


def settle(page, record: list, quiet_ms: int = 400, timeout: float = 20.0) -> None:
    """Wait until no new callback request has been posted for `quiet_ms`."""
    deadline = time.monotonic() + timeout
    seen, quiet_since = len(record), time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(50)
        if len(record) != seen:
            seen, quiet_since = len(record), time.monotonic()
        elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
            return


def capture(browser, base_url: str, paths: list[str], transforms: list[str]) -> Captured:
    """Load each path in a fresh page and record its callback bodies; then, on the first
    path (a comparison view), click each transform choice whose label starts with one of
    `transforms` and record what each change posts."""
    captured = Captured()
    for path in paths:
        record: list[dict] = []
        context, page = new_page(browser, record)
        page.goto(base_url + path)
        if urlsplit(path).path in ("/", "/compare"):
            poll(page, "() => window.__bench.firstPaint")
        settle(page, record, quiet_ms=800)
        captured.page_loads[path] = record
        context.close()
    record = []
    context, page = new_page(browser, record)
    page.goto(base_url + paths[0])
    poll(page, "() => window.__bench.firstPaint")
    settle(page, record)
    for label in transforms:
        start = len(record)
        before = page.evaluate("() => window.__bench.paints.length")
        click_choice(page, label)
        poll(page, "n => window.__bench.paints.length > n", before)
        settle(page, record, quiet_ms=300)
        captured.interactions.append(record[start:])
    context.close()
    return captured


def click_choice(page, label: str) -> float:
    """Click the transform choice whose label starts with `label`; performance.now() then."""
    return page.evaluate(
        """label => {
             const el = [...document.querySelectorAll('#compare-transform label')]
               .find(l => l.textContent.trim().startsWith(label));
             if (!el) throw new Error('no transform choice ' + label);
             const t = performance.now(); el.click(); return t; }""", label)


def page_load(browser, url: str, chart: str = "compare-chart") -> dict:
    """Load `url` in a fresh context: ms to the first chart painted, bytes on the wire and
    requests (from the DevTools protocol's encodedDataLength, headers included)."""
    context, page = new_page(browser)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    wire: dict[str, int] = {}
    urls: dict[str, str] = {}
    cdp.on("Network.requestWillBeSent",
           lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished",
           lambda e: wire.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.add_init_script(f"window.__benchChart = {json.dumps(chart)};")
    page.goto(url)
    first_paint = poll(page, "() => window.__bench.firstPaint")
    record: list = []
    page.wait_for_load_state("networkidle")
    settle(page, record, quiet_ms=300)
    by_url = {urls.get(rid, rid): size for rid, size in wire.items()}
    context.close()
    return {"first_paint_ms": float(first_paint), "bytes": sum(wire.values()),
            "requests": len(wire), "by_url": by_url}


def repaints(browser, url: str, labels: list[str], changes: int) -> tuple[list[float], dict]:
    """Click the transform choices in turn, `changes` times; ms from each click to the frame
    on which the changed chart was painted, and the median times (ms after the click) at which
    the first callback answer (controls) and the last one before the paint arrived."""
    context, page = new_page(browser)
    page.goto(url)
    poll(page, "() => window.__bench.firstPaint")
    page.wait_for_load_state("networkidle")
    times: list[float] = []
    first_answer: list[float] = []
    last_answer: list[float] = []
    for i in range(changes):
        label = labels[i % len(labels)]
        page.evaluate("() => performance.clearResourceTimings()")
        before = page.evaluate("() => window.__bench.paints.length")
        clicked = float(click_choice(page, label))
        painted = float(poll(page, "n => window.__bench.paints.length > n && "
                                   "window.__bench.paints[window.__bench.paints.length - 1]",
                             before))
        times.append(painted - clicked)
        ends = page.evaluate(
            """painted => performance.getEntriesByType('resource')
                 .filter(e => e.name.includes('/_dash-update-component')
                              && e.responseEnd <= painted)
                 .map(e => e.responseEnd)""", painted)
        if ends:
            first_answer.append(min(ends) - clicked)
            last_answer.append(max(ends) - clicked)
        page.wait_for_timeout(150)
    context.close()
    median = statistics.median
    return times, {"first_answer_ms": median(first_answer) if first_answer else None,
                   "last_answer_ms": median(last_answer) if last_answer else None}


# Times (ms after navigation start, on rAF) when a country profile's summary and cards are
# visible, and when every chart on it is drawn.
PROFILE_PROBE = """
(() => {
  window.__profile = {text: null, charts: null};
  const drawn = gd => gd._fullData && gd._fullData.length > 0 &&
    gd.querySelector('.trace, .choroplethlocation, .bars, .sankey, .annotation');
  function frame() {
    const now = performance.now();
    const cards = document.querySelectorAll('#country-cards .profile-card');
    if (window.__profile.text === null && cards.length &&
        document.querySelector('#country-summary p')) {
      window.__profile.text = now;
    }
    const plots = [...document.querySelectorAll('main .chart-block .js-plotly-plot')];
    if (window.__profile.charts === null && window.__profile.text !== null && plots.length &&
        plots.every(drawn)) {
      window.__profile.charts = now;
    }
    if (window.__profile.charts === null) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
"""


def profile_load(browser, url: str) -> dict:
    """A country profile in a fresh context: ms after navigation start to the summary and
    cards shown, and to every chart drawn."""
    context, page = new_page(browser)
    page.add_init_script(PROFILE_PROBE)
    page.goto(url)
    times = poll(page, "() => window.__profile.charts !== null && window.__profile", timeout=60)
    charts = page.evaluate("() => document.querySelectorAll('main .chart-block').length")
    context.close()
    return {"text_ms": float(times["text"]), "charts_ms": float(times["charts"]),
            "charts": charts}


# Key press -> the next slide's chart painted: the time of the key (event.timeStamp, the same
# clock as performance.now()) and of the frame after the slide's figure was drawn.
SLIDE_PROBE = """
(() => {
  window.__slides = {key: null, painted: []};
  document.addEventListener('keydown', e => { window.__slides.key = e.timeStamp; }, true);
  let last = null;
  function frame() {
    const gd = document.querySelector('#present-graph .js-plotly-plot');
    const counter = document.getElementById('present-counter');
    const title = gd && gd.layout && gd.layout.title && gd.layout.title.text;
    const sig = counter && gd && gd._fullData ? counter.textContent + '|' + title : null;
    if (sig && sig !== last) {
      last = sig;
      window.__slides.painted.push(performance.now());
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
"""


def presenter_keys(browser, url: str, rounds: int) -> list[float]:
    """Step through the deck at 1920x1080 with the arrow key, `rounds` times forward and back:
    ms from each key press to the frame on which the next slide was drawn."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.add_init_script(SLIDE_PROBE)
    page.goto(url)
    poll(page, "() => window.__slides.painted.length > 0", timeout=60)
    total = int(page.evaluate(
        "() => document.getElementById('present-counter').textContent.split('/')[1]"))
    times: list[float] = []
    for round_ in range(rounds):
        key = "ArrowRight" if round_ % 2 == 0 else "ArrowLeft"
        for _ in range(total - 1):
            before = page.evaluate("() => window.__slides.painted.length")
            page.keyboard.press(key)
            painted = poll(page, "n => window.__slides.painted.length > n && "
                                 "window.__slides.painted[window.__slides.painted.length - 1]",
                           before)
            times.append(float(painted) - float(page.evaluate("() => window.__slides.key")))
            page.wait_for_timeout(100)
    context.close()
    return times
