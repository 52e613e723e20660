#!/usr/bin/env bash
# The pages in a real browser (issues 12 and 13), run by `make browser-test`: Debian's headless Chromium, driven by
# Selenium through Debian's chromedriver (both installed by `make deps`), against `mentormatch serve` started by the
# test on a free loopback port with a temporary --data folder (Tests/Browser/harness.py). Selenium, pytest,
# icalendar and openpyxl are pinned in requirements.txt and installed into .build/browser-test/venv. A screenshot of
# every page visited is written to .build/test-output/browser/NN-name.png (BROWSER_TEST_OUTPUT). Builds nothing:
# MENTORMATCH_BINARY (default .build/debug/mentormatch) must exist. Arguments are passed to pytest (-k NAME).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export MENTORMATCH_BINARY="${MENTORMATCH_BINARY:-$ROOT/.build/debug/mentormatch}"
export BROWSER_TEST_OUTPUT="${BROWSER_TEST_OUTPUT:-$ROOT/.build/test-output/browser}"
VENV="${BROWSER_VENV:-$ROOT/.build/browser-test/venv}"

[ -x "$MENTORMATCH_BINARY" ] || { echo "browser-test: $MENTORMATCH_BINARY is missing; run swift build first" >&2; exit 1; }
for tool in "${CHROMIUM:-/usr/bin/chromium}" "${CHROMEDRIVER:-/usr/bin/chromedriver}"; do
    [ -x "$tool" ] || { echo "browser-test: $tool is missing; run make deps (Debian's chromium and chromium-driver)" >&2; exit 1; }
done
"$ROOT/Tests/Support/python_venv.sh" "$VENV" "$ROOT/Tests/Browser/requirements.txt"
cd "$ROOT/Tests/Browser"
exec "$VENV/bin/python" -m pytest -p no:cacheprovider -q -rA "$@"
