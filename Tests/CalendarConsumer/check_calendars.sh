#!/usr/bin/env bash
# Schedules the bundled Ogre 2024 scenario (with supervision) and Liepāja 2022 (paid mode) with the built
# `mentormatch`, then parses every iCalendar file with Python's icalendar and recurring_ical_events (pinned in
# requirements.txt, installed into .build/calendar-check/venv) and checks the occurrences against sessions.json.
# A second Ogre run into the same directory must keep every SEQUENCE at 0 (nothing changed); a changed run must raise
# SEQUENCE and cancel what is gone. Month two re-planned with --from must leave every event of an unchanged pair as it was.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MM="${MM:-$ROOT/.build/debug/mentormatch}"
WORK="$ROOT/.build/calendar-check"
VENV="$WORK/venv"
REQUIREMENTS="$ROOT/Tests/CalendarConsumer/requirements.txt"

[ -x "$MM" ] || { echo "check_calendars.sh: $MM is missing; run swift build first" >&2; exit 1; }
"$ROOT/Tests/Support/python_venv.sh" "$VENV" "$REQUIREMENTS"

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
# Month two (Scenarios/ogre-2024/next-month): three referrals, M008 leaves, M010–Y0005 ends; matched under
# continuity: keep and re-planned from 1 April into a copy of March's schedule. Not one event of a pair that goes on
# may differ: every calendar file of an unchanged pair stays byte-identical, and so does every session event of a mentor
# whose pairs are all unchanged.
NEXT="$ROOT/Scenarios/ogre-2024/next-month"
session_events() {  # the VEVENT blocks of a calendar file that are not group supervision, as they are
    awk '/^BEGIN:VEVENT/{block=""; keep=1} {block=block $0 "\n"} /^SUMMARY:Group supervision/{keep=0} /^END:VEVENT/{if (keep) printf "%s", block}' "$1"
}
cp -r "$WORK/ogre-2024/schedule" "$WORK/ogre-2024/next-month"
"$MM" match --mentors "$NEXT/mentors.csv" --mentees "$NEXT/mentees.csv" --places "$ROOT/Scenarios/ogre-2024/places.csv" \
    --policy "$NEXT/policy.yaml" --current "$WORK/ogre-2024/match/pairs.csv" --out "$WORK/ogre-2024/april" >/dev/null
"$MM" schedule --mentors "$NEXT/mentors.csv" --mentees "$NEXT/mentees.csv" --places "$ROOT/Scenarios/ogre-2024/places.csv" \
    --policy "$NEXT/policy.yaml" --pairs "$WORK/ogre-2024/april/pairs.csv" --start 2024-03-01 --end 2024-09-30 \
    --from 2024-04-01 --out "$WORK/ogre-2024/next-month" >/dev/null
unchanged=0
while IFS=, read -r mentor mentee change _; do
    [ "$change" = kept ] || continue
    cmp -s "$WORK/ogre-2024/schedule/calendars/pair-$mentor-$mentee.ics" "$WORK/ogre-2024/next-month/calendars/pair-$mentor-$mentee.ics" \
        || { echo "check_calendars.sh: the calendar of the unchanged pair $mentor–$mentee changed in month two" >&2; exit 1; }
    unchanged=$((unchanged + 1))
done < <(tail -n +2 "$WORK/ogre-2024/april/changes.csv")
[ "$unchanged" -eq 27 ] || { echo "check_calendars.sh: expected 27 unchanged pairs in month two, found $unchanged" >&2; exit 1; }
for mentor in $(tail -n +2 "$WORK/ogre-2024/april/changes.csv" | cut -d, -f1 | sort -u); do
    if ! tail -n +2 "$WORK/ogre-2024/april/changes.csv" | grep "^$mentor," | grep -qv ',kept,'; then
        # Supervision events may change (a mentor who left is no longer in the group); the sessions may not.
        cmp -s <(session_events "$WORK/ogre-2024/schedule/calendars/mentor-$mentor.ics") \
            <(session_events "$WORK/ogre-2024/next-month/calendars/mentor-$mentor.ics") \
            || { echo "check_calendars.sh: a session of $mentor, whose pairs are all unchanged, changed in month two" >&2; exit 1; }
    fi
done
schedule liepaja-2022 --start 2022-07-01 --months 5 --hours-per-month 20
"$VENV/bin/python" "$ROOT/Tests/CalendarConsumer/check_calendars.py" "$WORK/ogre-2024/schedule" "$WORK/ogre-2024/changed" \
    "$WORK/ogre-2024/next-month" "$WORK/liepaja-2022/schedule"
