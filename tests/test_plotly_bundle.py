"""The plotly.js partial bundle served from assets/ holds every trace type the figures draw."""

from __future__ import annotations

import re
from pathlib import Path

from plotly.offline import get_plotlyjs_version

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "assets" / "plotly" / "plotly-partial.min.js"


def bundle_header() -> str:
    with BUNDLE.open(encoding="utf-8") as handle:
        return handle.readline()


def test_bundle_holds_every_trace_type_drawn():
    traces = set(re.search(r"traces: ([a-z,]+)\.", bundle_header()).group(1).split(","))
    drawn = {
        name.lower()
        for folder in ("figures", "callbacks", "layouts")
        for path in (ROOT / folder).rglob("*.py")
        for name in re.findall(r"\bgo\.([A-Z][A-Za-z]+)\(", path.read_text(encoding="utf-8"))
        if name not in ("Figure", "FigureWidget")
    }
    assert drawn, "no trace constructors found: the scan is broken"
    missing = drawn - traces
    assert not missing, (f"trace types {sorted(missing)} are drawn but not in {BUNDLE.name}; "
                         "add them to scripts/build_plotly_bundle.sh and rebuild")


def test_bundle_matches_plotly_py_version():
    assert f"plotly.js v{get_plotlyjs_version()} " in bundle_header()
