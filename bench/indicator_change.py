"""What one change of the comparison view's indicator costs, step by step.

Serves the app as production does (gunicorn with gunicorn.conf.py on 127.0.0.1), opens
/compare in Debian's Chromium and changes the indicator through the real dropdown, cycling the
peer benchmark's five indicators (twice: the second round finds every figure in the cache).
For each change it prints, in ms after the click: the callback requests the change caused
(sent, answered, bytes of the answer, outputs), when each browser-side callback ran, each
Plotly call (how long it took, and whether the figure's automatic margins moved, which makes
Plotly draw it twice), the long tasks, and the repaint as the peer benchmark measures it (the
chart's data changed and the next frame painted). The same moments are Performance marks, for
a DevTools trace.

    .venv/bin/python -m bench.indicator_change [--rounds 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
from pathlib import Path

from bench.chromium import chromium, new_page, poll
from bench.server import start_gunicorn

LABELS = ["GDP", "Population", "Net migration", "Remittances received, % of GDP",
          "Remittances received"]
POPOVER = ".dash-dropdown-content [role=listbox]"

# Before any page script: every callback request (sent, answered, outputs, bytes), every
# browser-side callback and Plotly call, long tasks, and the first frame painted after the
# chart's data changed.
PROBE = """
(() => {
  const T = window.__timing = {t0: null, requests: [], calls: [], long: [], painted: null,
                               base: null};
  const sig = () => [...document.querySelectorAll('#compare-chart .js-plotly-plot')]
    .map(gd => JSON.stringify((gd._fullData || []).map(t => [t.name, (t.y || []).length,
      (t.y || []).reduce((a, v) => a + (isFinite(+v) ? +v : 0), 0)]))).join('|');
  T.arm = () => { T.t0 = null; T.requests = []; T.calls = []; T.long = []; T.painted = null;
                  T.base = sig(); T.armed = true; };
  window.addEventListener('pointerdown', e => {
    if (T.armed && e.isTrusted) {
      T.armed = false;
      T.t0 = e.timeStamp;
      performance.mark('change-start');
    }
  }, true);
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input.url;
    if (!url.includes('/_dash-update-component') || T.t0 === null) {
      return fetch0.apply(this, arguments);
    }
    const body = JSON.parse((init && init.body) || '{}');
    const entry = {output: body.output, changed: body.changedPropIds, sent: performance.now()};
    T.requests.push(entry);
    return fetch0.apply(this, arguments).then(r => {
      entry.headers = performance.now();
      return r.clone().text().then(text => {
        entry.answered = performance.now();
        performance.mark('answered');
        entry.bytes = text.length;
        try {
          entry.props = Object.entries(JSON.parse(text).response || {})
            .map(([id, props]) => id + '.' + Object.keys(props).join('+'));
        } catch (e) { entry.props = []; }
        return r;
      });
    });
  };
  let wrapped = false, wrappedClient = false;
  const wrap = () => {
    // The browser-side callbacks: when each ran.
    const client = window.dash_clientside;
    if (!wrappedClient && client && client.compare && document.readyState === 'complete') {
      wrappedClient = true;
      for (const space of Object.keys(client)) {
        const functions = client[space];
        if (!functions || typeof functions !== 'object') continue;
        for (const name of Object.keys(functions)) {
          const f = functions[name];
          if (typeof f !== 'function') continue;
          functions[name] = function () {
            const start = performance.now();
            performance.mark(space + '.' + name);
            const out = f.apply(this, arguments);
            if (T.t0 !== null) T.calls.push({name: space + '.' + name, id: '', start,
                                               end: performance.now()});
            return out;
          };
        }
      }
    }
    if (wrapped || !window.Plotly) return;
    wrapped = true;
    for (const name of ['react', 'newPlot', 'relayout', 'restyle']) {
      const f = window.Plotly[name];
      window.Plotly[name] = function () {
        const gd = arguments[0];
        const start = performance.now();
        // Plotly draws the whole figure a second time when the first draw moved its
        // automatic margins (plots.doAutoMargin): compare the margins before and after.
        const size = () => JSON.stringify(['l', 'r', 't', 'b'].map(
          k => Math.round(((gd && gd._fullLayout && gd._fullLayout._size) || {})[k] || 0)));
        const before = size();
        performance.mark('Plotly.' + name);
        const out = f.apply(this, arguments);
        const id = (gd && gd.id) || '';
        const done = () => {
          performance.mark('Plotly.' + name + ' done');
          if (T.t0 !== null) T.calls.push(
            {name, id, start, end: performance.now(), margins: [before, size()]});
        };
        if (out && out.then) { out.then(done); } else { done(); }
        return out;
      };
    }
  };
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      if (T.t0 !== null) T.long.push({start: e.startTime, ms: e.duration});
    }
  }).observe({type: 'longtask', buffered: false});
  const check = () => {
    wrap();
    if (T.t0 !== null && T.painted === null && T.base !== null && sig() !== T.base) {
      T.base = null;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          T.painted = performance.now();
          performance.mark('change-painted');
        };
        ch.port2.postMessage(0);
      });
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true,
                                                  attributes: true});
  const frame = () => { check(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();
"""


def change_indicator(page, label: str) -> dict:
    """Open the indicator dropdown, search `label`, then (timed) click its option; what the
    change did, in ms after the click."""
    page.click("#compare-indicator")
    page.wait_for_selector(f"{POPOVER} [role=option]", state="visible")
    box = page.locator("input.dash-dropdown-search")
    if box.count():
        box.fill(label)
    pattern = re.compile(r"^\s*" + re.escape(label) + r"(\s*·.*)?\s*$")
    option = page.locator(f"{POPOVER} [role=option]").filter(has_text=pattern).first
    option.wait_for(state="visible")
    page.evaluate("() => window.__timing.arm()")
    option.click()
    poll(page, "() => window.__timing.painted !== null", timeout=30)
    page.wait_for_timeout(600)  # any request the change causes after the paint
    timing = page.evaluate("() => window.__timing")
    t0 = timing["t0"]

    def rel(value: float | None) -> float | None:
        return None if value is None else round(value - t0, 1)

    if page.locator(POPOVER).count():
        page.keyboard.press("Escape")
    return {
        "label": label,
        "repaint_ms": rel(timing["painted"]),
        "requests": [{"output": r["output"], "changed": r["changed"], "sent": rel(r["sent"]),
                      "headers": rel(r.get("headers")), "answered": rel(r.get("answered")),
                      "bytes": r.get("bytes"), "props": r.get("props")}
                     for r in timing["requests"]],
        "calls": [{"name": p["name"], "id": p["id"], "start": rel(p["start"]),
                   "ms": round(p["end"] - p["start"], 1), "margins": p.get("margins")}
                  for p in timing["calls"]],
        "long_tasks": [{"start": rel(e["start"]), "ms": round(e["ms"], 1)}
                       for e in timing["long"]],
    }


def short(output: str) -> str:
    """A callback's outputs, shortened: the first two ids and how many more."""
    parts = output.strip(".").split("...")
    return ", ".join(parts[:2]) + (f" +{len(parts) - 2}" if len(parts) > 2 else "")


def report(changes: list[dict]) -> str:
    lines = []
    for i, change in enumerate(changes):
        lines.append(f"\n#{i} -> {change['label']}: repaint {change['repaint_ms']} ms, "
                     f"{len(change['requests'])} callback request(s)")
        for r in change["requests"]:
            lines.append(f"   request sent {r['sent']:>7} answered {r['answered']!s:>7} "
                         f"{r['bytes']!s:>7} B  {short(r['output'])}")
        for p in change["calls"]:
            lines.append(f"   {p['name']:<24} at {p['start']:>7} took {p['ms']:>6} ms"
                         + (f", margins (l, r, t, b) moved {' -> '.join(p['margins'])}: "
                            "drawn twice" if p["margins"] and len(set(p["margins"])) > 1
                            else ""))
        for e in change["long_tasks"]:
            lines.append(f"   long task at {e['start']:>7} {e['ms']:>6} ms")
    warm = [c["repaint_ms"] for c in changes[len(LABELS):]] or [c["repaint_ms"] for c in changes]
    lines.append(f"\nrepaint, second round (cached): median {statistics.median(warm):.0f} ms, "
                 f"max {max(warm):.0f} ms; requests per change: "
                 f"{sorted({len(c['requests']) for c in changes})}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_gunicorn(Path(tmp))
        try:
            with chromium() as browser:
                context, page = new_page(browser)
                page.add_init_script(PROBE)
                page.goto(server.url + "/compare")
                page.wait_for_selector("#compare-chart .main-svg", state="visible")
                page.wait_for_load_state("networkidle")
                changes = [change_indicator(page, label)
                           for _ in range(args.rounds) for label in LABELS]
                context.close()
        finally:
            server.stop()
    print(report(changes))
    if args.json:
        args.json.write_text(json.dumps(changes, indent=1))


if __name__ == "__main__":
    main()
