#!/usr/bin/env bash
# Install what the tests need (Debian's chromium and redis-server, the Python
# test dependencies), then lint and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo "sudo")
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
"$PYTHON" -c "import ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)  # print tests: pdftoppm, pdftotext
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-test.txt
# axe-core for the accessibility tests, from the npm registry into tests/.axe, once per version:
# with it already there nothing is downloaded; if it cannot be fetched, those tests say so.
AXE_VERSION=4.14.1
if ! grep -qs "\"version\": \"$AXE_VERSION\"" tests/.axe/node_modules/axe-core/package.json; then
  npm install --prefix tests/.axe --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "axe-core@$AXE_VERSION" \
    || echo "axe-core $AXE_VERSION could not be installed; the accessibility tests will fail" >&2
fi
.venv/bin/ruff check .
.venv/bin/lint-imports --no-cache
exec .venv/bin/python -m pytest "$@"
