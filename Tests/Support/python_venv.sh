#!/usr/bin/env bash
# Usage: Tests/Support/python_venv.sh VENV REQUIREMENTS
# Makes the Python virtual environment VENV hold the pinned packages of REQUIREMENTS, for the test and benchmark
# scripts (schema check, calendar consumer, property driver, solver comparison). The venv keeps a copy of the
# requirements it was made with and is brought up to date when they change; one left half-made (no pip, or an
# install that failed) is made again. Prints nothing when the venv is already up to date.
set -euo pipefail
[ "$#" -eq 2 ] || { echo "usage: $0 VENV REQUIREMENTS" >&2; exit 2; }
VENV="$1"
REQUIREMENTS="$2"
[ -f "$REQUIREMENTS" ] || { echo "python_venv.sh: $REQUIREMENTS is missing" >&2; exit 1; }
[ -x "$VENV/bin/python" ] && cmp -s "$REQUIREMENTS" "$VENV/requirements.txt" && exit 0

echo "Setting up the Python environment in $VENV ($REQUIREMENTS)" >&2
if [ ! -x "$VENV/bin/python" ] || [ ! -x "$VENV/bin/pip" ]; then
    rm -rf "$VENV"
    mkdir -p "$(dirname "$VENV")"
    python3 -m venv "$VENV" || {
        echo "python_venv.sh: python3 -m venv failed; install Python's venv module (Debian: apt-get install python3-venv, or make deps)" >&2
        rm -rf "$VENV"
        exit 1
    }
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS" || {
    echo "python_venv.sh: pip could not install $REQUIREMENTS into $VENV (is PyPI reachable?)" >&2
    exit 1
}
cp "$REQUIREMENTS" "$VENV/requirements.txt"
