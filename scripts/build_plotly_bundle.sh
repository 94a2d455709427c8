#!/usr/bin/env bash
# Build assets/plotly/plotly-partial.min.js: plotly.js with only the trace types the app draws
# (TRACES below). Dash's dcc.Graph uses window.Plotly when a page already has it, so this file,
# loaded from assets/, replaces the full 4.8 MB plotly.min.js. Needs node and npm (the npm
# registry); the version must match plotly.py's bundled plotly.js.
# Adding a trace type to figures/: add it to TRACES, run this script, commit the bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(.venv/bin/python -c "from plotly.offline import get_plotlyjs_version as v; print(v())")
TRACES=(bar choropleth scattergeo sankey)  # scatter is part of plotly.js's core
OUT=assets/plotly/plotly-partial.min.js
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(
  cd "$WORK"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --ignore-scripts --silent "plotly.js@$VERSION" esbuild@0.25
  {
    echo "var Plotly = require('plotly.js/lib/core');"
    echo "Plotly.register(["
    for trace in "${TRACES[@]}"; do echo "  require('plotly.js/lib/$trace'),"; done
    echo "]);"
    echo "module.exports = Plotly;"
  } > entry.js
  # The options of plotly.js's own esbuild config; the map-tile CSS its registry imports is
  # written to a separate file and left out (no map-tile traces here).
  npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
    --define:global=window --define:define.amd=false --alias:stream=stream-browserify \
    --legal-comments=none --log-level=warning --outfile=bundle.js \
    --banner:js="/* plotly.js v$VERSION (MIT licence, (c) Plotly, Inc.), partial bundle; traces: scatter,$(IFS=,; echo "${TRACES[*]}"). Built by scripts/build_plotly_bundle.sh. */"
)
cp "$WORK/bundle.js" "$OUT"
echo "wrote $OUT ($(wc -c < "$OUT") bytes)"
# The Brotli copy served to browsers (serving/static.py); the app refuses a stale one.
"$(dirname "$0")/../.venv/bin/python" "$(dirname "$0")/precompress_assets.py"
