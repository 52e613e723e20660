#!/usr/bin/env bash
# Schedules the bundled Ogre 2024 scenario (with supervision) and Liepāja 2022 (paid mode) with the built
# `mentormatch`, then parses every iCalendar file with Python's icalendar and recurring_ical_events (pinned in
# requirements.txt, installed into .build/calendar-check/venv) and checks the occurrences against sessions.json.
# A second Ogre run into the same directory must keep every SEQUENCE at 0 (nothing changed); a changed run must raise
# SEQUENCE and cancel what is gone.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MM="${MM:-$ROOT/.build/debug/mentormatch}"
WORK="$ROOT/.build/calendar-check"
VENV="$WORK/venv"
REQUIREMENTS="$ROOT/Tests/CalendarConsumer/requirements.txt"

[ -x "$MM" ] || { echo "check_calendars.sh: $MM is missing; run swift build first" >&2; exit 1; }
if ! cmp -s "$REQUIREMENTS" "$VENV/requirements.txt"; then
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" || { echo "python3 -m venv failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" "$VENV/requirements.txt"
fi

schedule() {  # scenario, then schedule options
    local scenario="$1"; shift
    local dir="$ROOT/Scenarios/$scenario"
    local inputs=(--mentors "$dir/mentors.csv" --mentees "$dir/mentees.csv" --places "$dir/places.csv" --policy "$dir/policy.yaml")
    "$MM" match "${inputs[@]}" --out "$WORK/$scenario/match" >/dev/null
    "$MM" schedule "${inputs[@]}" --pairs "$WORK/$scenario/match/pairs.csv" --out "$WORK/$scenario/${SCHEDULE_OUT:-schedule}" "$@" >/dev/null
}

rm -rf "$WORK/ogre-2024" "$WORK/liepaja-2022"
schedule ogre-2024 --start 2024-03-01 --end 2024-09-30 --supervisor-slots "$ROOT/Scenarios/ogre-2024/supervision-slots.csv"
schedule ogre-2024 --start 2024-03-01 --end 2024-09-30 --supervisor-slots "$ROOT/Scenarios/ogre-2024/supervision-slots.csv"
if grep -h '^SEQUENCE:' "$WORK/ogre-2024/schedule/calendars/"*.ics | grep -qv '^SEQUENCE:0'; then
    echo "check_calendars.sh: an unchanged re-run raised a SEQUENCE" >&2
    exit 1
fi
# A changed re-run (four sessions a month, no supervision) into a copy: changed events get SEQUENCE 1, the supervision
# events and the supervisor's calendar are published as cancelled, and the files still match sessions.json.
cp -r "$WORK/ogre-2024/schedule" "$WORK/ogre-2024/changed"
SCHEDULE_OUT=changed schedule ogre-2024 --start 2024-03-01 --end 2024-09-30 --sessions-per-month 4
grep -q '^SEQUENCE:1' "$WORK/ogre-2024/changed/calendars/pair-M001-Y0001.ics" || { echo "check_calendars.sh: a changed event kept its SEQUENCE" >&2; exit 1; }
grep -q '^STATUS:CANCELLED' "$WORK/ogre-2024/changed/calendars/supervisor.ics" || { echo "check_calendars.sh: supervision was not cancelled" >&2; exit 1; }
schedule liepaja-2022 --start 2022-07-01 --months 5 --hours-per-month 20
"$VENV/bin/python" "$ROOT/Tests/CalendarConsumer/check_calendars.py" "$WORK/ogre-2024/schedule" "$WORK/ogre-2024/changed" \
    "$WORK/liepaja-2022/schedule"
