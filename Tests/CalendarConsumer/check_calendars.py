"""Parses every iCalendar file of a `mentormatch schedule` output directory with a standard consumer (icalendar and
recurring_ical_events from PyPI) and checks that the expanded occurrences equal sessions.json exactly.

Usage: check_calendars.py OUT_DIR [OUT_DIR ...]    Exits 1 with the differences, 0 when every file matches.

calendars/pair-<mentor>-<mentee>.ics must hold exactly that pair's sessions; calendars/mentor-<id>.ics the mentor's
sessions and the supervision groups the mentor attends; calendars/supervisor.ics every supervision group.
"""

import datetime
import json
import pathlib
import sys

import icalendar
import recurring_ical_events


def occurrences(path):
    """(start, end, location) of every occurrence, as aware datetimes in ISO 8601, sorted."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    start = datetime.datetime(1900, 1, 1)
    end = datetime.datetime(2200, 1, 1)
    found = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue  # published so that calendar apps remove it
        found.append((event["DTSTART"].dt.isoformat(), event["DTEND"].dt.isoformat(), str(event.get("LOCATION", ""))))
    return sorted(found)


def check(directory):
    document = json.loads((directory / "sessions.json").read_text())
    expected = {}

    def expect(name, start, end, place):
        expected.setdefault(name, []).append((start, end, place or ""))

    for session in document["sessions"]:
        row = (session["start"], session["end"], session["place"])
        expect(f"pair-{session['mentor_id']}-{session['mentee_id']}.ics", *row)
        expect(f"mentor-{session['mentor_id']}.ics", *row)
    for group in document["supervision"]:
        row = (group["start"], group["end"], group.get("place"))
        expect("supervisor.ics", *row)
        for mentor in group["mentor_ids"]:
            expect(f"mentor-{mentor}.ics", *row)

    problems = []
    files = sorted((directory / "calendars").glob("*.ics"))
    names = {path.name for path in files}
    for name in sorted(set(expected) - names):
        problems.append(f"{directory}: calendars/{name} is missing")
    for path in files:
        raw = path.read_bytes()
        if b"\n" in raw.replace(b"\r\n", b""):
            problems.append(f"{path}: a line ends without CRLF")
        if any(len(line) > 75 for line in raw.split(b"\r\n")):
            problems.append(f"{path}: a line is longer than 75 octets")
        got = occurrences(path)
        want = sorted(expected.get(path.name, []))
        if got != want:
            missing = sorted(set(want) - set(got))[:5]
            extra = sorted(set(got) - set(want))[:5]
            problems.append(f"{path}: {len(got)} occurrences, sessions.json has {len(want)}; "
                            f"missing {missing}, unexpected {extra}")
    return len(files), problems


def main(arguments):
    if not arguments:
        print(__doc__, file=sys.stderr)
        return 2
    all_problems = []
    for argument in arguments:
        count, problems = check(pathlib.Path(argument))
        all_problems += problems
        print(f"{argument}: {count} calendar files checked, {len(problems)} problem(s)")
    for problem in all_problems:
        print("  " + problem, file=sys.stderr)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
