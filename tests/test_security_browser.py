"""In real Chromium, every page renders under the app's Content-Security-Policy with no
violation, and nothing is fetched from outside 127.0.0.1 (the `page` fixture fails on that)."""

from __future__ import annotations

import pytest

# Extend as pages land; unknown paths must render the not-found page just as cleanly.
PATHS = ["/", "/compare", "/country/MDA", "/labour", "/data", "/present", "/embed",
         "/no-such-page"]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(
    e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + (e.sample || ''));
});
"""

RENDERED = """() => {
  const root = document.getElementById('react-entry-point');
  return root && root.children.length > 0 && !document.querySelector('._dash-loading')
    && !document.querySelector('[data-dash-is-loading="true"]');
}"""


@pytest.mark.browser
def test_pages_render_without_csp_violations(live_server, page, watch):
    console: list[str] = []
    page.on("console", lambda msg: console.append(msg.text))
    page.add_init_script(RECORD_VIOLATIONS)
    problems = {}
    for path in PATHS:
        console.clear()
        response = page.goto(live_server.url + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_function(RENDERED)
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.__cspViolations")
        reports = [text for text in console if "Content Security Policy" in text]
        if violations or reports:
            problems[path] = violations + reports
    assert problems == {}, problems
    assert watch.external_requests == []
