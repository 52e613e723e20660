#!/usr/bin/env bash
# Validates the README's example input document and every result.json, plan.json and sessions.json that the CLI
# end-to-end tests wrote (kept under .build/test-output/cli by Tests/MentorMatchCLITests/CLIRunner.swift) against the
# JSON Schemas in Sources/MentorMatchFormats/Schemas, with Python's jsonschema (pinned in requirements.txt, installed
# into .build/schema-check/venv). The README's document must also be accepted by `mentormatch validate --input`.
# Run after `swift test` (make test does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MM="${MM:-$ROOT/.build/debug/mentormatch}"
WORK="$ROOT/.build/schema-check"
VENV="$WORK/venv"
REQUIREMENTS="$ROOT/Tests/SchemaCheck/requirements.txt"

[ -x "$MM" ] || { echo "check_schemas.sh: $MM is missing; run swift build first" >&2; exit 1; }
mkdir -p "$WORK"
"$ROOT/Tests/Support/python_venv.sh" "$VENV" "$REQUIREMENTS"

# The README's example: the JSON block after the marker comment.
awk '/<!-- input-document-example -->/ { found = 1; next } found && /^```json/ { inside = 1; next }
     inside && /^```/ { exit } inside { print }' "$ROOT/README.md" > "$WORK/readme-input.json"
[ -s "$WORK/readme-input.json" ] || { echo "check_schemas.sh: README.md has no example input document" >&2; exit 1; }
(cd "$ROOT" && "$MM" validate --input "$WORK/readme-input.json" >/dev/null) \
    || { echo "check_schemas.sh: mentormatch validate rejects the README's input document" >&2; exit 1; }

"$VENV/bin/python" "$ROOT/Tests/SchemaCheck/check_schemas.py" "$ROOT/Sources/MentorMatchFormats/Schemas" \
    "$WORK/readme-input.json" "$ROOT/.build/test-output/cli"
