#!/usr/bin/env bash
# The HTTP API against its contract (issue 12), run by `make api-test`:
#  1. the committed generated code was generated from the committed openapi.yaml (its recorded SHA-256);
#  2. openapi.yaml is a valid OpenAPI 3.1 document (openapi-spec-validator);
#  3. the real built server, on a free loopback port with a temporary data folder and a token, answers as the
#     document says: schemathesis (pinned, in .build/api-venv) runs its examples, coverage, fuzzing and stateful
#     phases (POST -> GET/DELETE through the document's links) and must report no failure.
# API_TEST_EXAMPLES bounds the examples per operation (default 10), so the run takes minutes, not hours.
set -euo pipefail
cd "$(dirname "$0")/../.."
BINARY=${MENTORMATCH_BINARY:-.build/debug/mentormatch}
VENV=${API_VENV:-.build/api-venv}
EXAMPLES=${API_TEST_EXAMPLES:-5}
HERE=Tests/APIConformance

recorded=$(cat Sources/MentorMatchAPI/Generated/openapi.yaml.sha256)
actual=$(sha256sum Sources/MentorMatchAPI/openapi.yaml | cut -d' ' -f1)
if [ "$recorded" != "$actual" ]; then
    echo "api-test: openapi.yaml changed since Sources/MentorMatchAPI/Generated was generated; run $HERE/generate.sh and commit" >&2
    exit 1
fi

if [ ! -x "$VENV/bin/schemathesis" ] || ! cmp -s "$HERE/requirements.txt" "$VENV/requirements.txt"; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
    cp "$HERE/requirements.txt" "$VENV/requirements.txt"
fi
"$VENV/bin/openapi-spec-validator" Sources/MentorMatchAPI/openapi.yaml

WORK=$(mktemp -d)
SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" || true
    fi
    rm -rf "$WORK"
}
trap stop_server EXIT
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
printf '%s\n' "$TOKEN" > "$WORK/token"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$BINARY" serve --port "$PORT" --data "$WORK/data" --token-file "$WORK/token" --workers 2 --queue 500 \
    > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
    if python3 -c "import urllib.request, sys; urllib.request.urlopen('$BASE/readyz', timeout=1)" 2>/dev/null; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log" >&2; echo "api-test: the server did not start" >&2; exit 1; fi
    sleep 0.2
done

status=0
"$VENV/bin/schemathesis" --config-file "$HERE/schemathesis.toml" run "$BASE/openapi.yaml" \
    --url "$BASE" --header "Authorization: Bearer $TOKEN" \
    --phases examples,coverage,fuzzing,stateful --checks all --exclude-checks use_after_free --max-examples "$EXAMPLES" --seed 12 \
    --request-timeout 45 --max-time 600 --generation-database none --workers 1 --no-color --report junit --report-dir "$WORK/report" \
    || status=$?
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "api-test: the server died during the run; its log:" >&2
    cat "$WORK/server.log" >&2
    exit 1
fi
if [ "$status" != 0 ]; then
    echo "api-test: schemathesis reported failures (exit $status); the server's last log lines:" >&2
    tail -20 "$WORK/server.log" >&2
    exit "$status"
fi
echo "api-test: the server conforms to openapi.yaml"
