#!/usr/bin/env bash
# The `.xlsx` reader on real workbooks: the bundled Ogre 2024 CSV files written as workbooks by openpyxl (numbers as
# numbers, dates as dates, Latvian sheet names, an instructions sheet first; Tests/Workbooks/write_workbooks.py) and
# converted by LibreOffice Calc (headless), then matched: pairs.csv, unmatched.csv, alternatives.csv and result.json
# (but for its times) must be those of the CSV files. A capacity of 7 in a workbook must be named by its cell.
# openpyxl is pinned in requirements.txt and installed into .build/workbook-check/venv; LibreOffice comes from
# Debian's libreoffice-calc-nogui, installed when missing. Run after `swift build` (make test does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MM="${MM:-$ROOT/.build/debug/mentormatch}"
WORK="$ROOT/.build/workbook-check"
VENV="$WORK/venv"
REQUIREMENTS="$ROOT/Tests/Workbooks/requirements.txt"
SCENARIO="$ROOT/Scenarios/ogre-2024"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

[ -x "$MM" ] || { echo "check_workbooks.sh: $MM is missing; run swift build first" >&2; exit 1; }
rm -rf "$WORK/openpyxl" "$WORK/libreoffice" "$WORK/bad" "$WORK/out"
mkdir -p "$WORK"
"$ROOT/Tests/Support/python_venv.sh" "$VENV" "$REQUIREMENTS"
if ! command -v soffice >/dev/null; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi

"$VENV/bin/python" "$ROOT/Tests/Workbooks/write_workbooks.py" "$SCENARIO" "$WORK/openpyxl"
mkdir -p "$WORK/libreoffice"
for kind in mentors mentees places; do
    # CSV import options: comma, double quote, UTF-8 (76), from line 1.
    soffice -env:UserInstallation="file://$WORK/libreoffice-profile" --headless --infilter="CSV:44,34,76,1" \
        --convert-to xlsx --outdir "$WORK/libreoffice" "$SCENARIO/$kind.csv" >/dev/null
    [ -s "$WORK/libreoffice/$kind.xlsx" ] || { echo "check_workbooks.sh: LibreOffice wrote no $kind.xlsx" >&2; exit 1; }
done

match() {  # match FOLDER EXTENSION OUT
    "$MM" match --mentors "$1/mentors.$2" --mentees "$1/mentees.$2" --places "$1/places.$2" \
        --policy "$SCENARIO/policy.yaml" --out "$3" >/dev/null
}
match "$SCENARIO" csv "$WORK/out/csv"
for writer in openpyxl libreoffice; do
    match "$WORK/$writer" xlsx "$WORK/out/$writer"
    for file in pairs.csv unmatched.csv alternatives.csv; do
        cmp -s "$WORK/out/csv/$file" "$WORK/out/$writer/$file" \
            || { echo "check_workbooks.sh: $file from the $writer workbooks differs from the CSV run" >&2; exit 1; }
    done
    "$VENV/bin/python" - "$WORK/out/csv/result.json" "$WORK/out/$writer/result.json" <<'PY'
import json, sys
def untimed(value):
    if isinstance(value, dict):
        return {key: untimed(item) for key, item in value.items() if key not in ("timings", "seconds")}
    if isinstance(value, list):
        return [untimed(item) for item in value]
    return value
def without_timings(path):
    return untimed(json.load(open(path, encoding="utf-8")))
if without_timings(sys.argv[1]) != without_timings(sys.argv[2]):
    sys.exit(f"check_workbooks.sh: result.json of {sys.argv[2]} differs from the CSV run's")
PY
    echo "workbooks by $writer: the same pairs, unmatched, alternatives and result as the CSV files"
done

# result.xlsx: each CSV file of the run as a sheet (openpyxl), the pairs sheet as LibreOffice reads it, and next
# month's run reading it as the current pairs as it reads pairs.csv.
"$VENV/bin/python" "$ROOT/Tests/Workbooks/compare_result_workbook.py" "$WORK/out/csv"
mkdir -p "$WORK/out/libreoffice-back"
soffice -env:UserInstallation="file://$WORK/libreoffice-profile" --headless --convert-to csv \
    --outdir "$WORK/out/libreoffice-back" "$WORK/out/csv/result.xlsx" >/dev/null
"$VENV/bin/python" - "$WORK/out/csv/pairs.csv" "$WORK/out/libreoffice-back/result.csv" <<'PY'
import csv, sys
def cells(path):
    return [[float(cell) if cell.replace(".", "", 1).isdigit() else cell for cell in row]
            for row in csv.reader(open(path, newline="", encoding="utf-8"))]
if cells(sys.argv[1]) != cells(sys.argv[2]):
    sys.exit("check_workbooks.sh: LibreOffice reads the pairs sheet of result.xlsx differently from pairs.csv")
PY
echo "result.xlsx: LibreOffice reads its pairs sheet as pairs.csv"
for current in pairs.csv result.xlsx; do
    "$MM" match --mentors "$SCENARIO/mentors.csv" --mentees "$SCENARIO/mentees.csv" --places "$SCENARIO/places.csv" \
        --policy "$SCENARIO/policy.yaml" --current "$WORK/out/csv/$current" --out "$WORK/out/next-$current" >/dev/null
done
cmp -s "$WORK/out/next-pairs.csv/changes.csv" "$WORK/out/next-result.xlsx/changes.csv" \
    || { echo "check_workbooks.sh: --current result.xlsx gives other changes than --current pairs.csv" >&2; exit 1; }
echo "next month: --current result.xlsx keeps the pairs as --current pairs.csv does"

"$VENV/bin/python" "$ROOT/Tests/Workbooks/write_workbooks.py" "$SCENARIO" "$WORK/bad" --capacity-at 5 7
if "$MM" validate --mentors "$WORK/bad/mentors.xlsx" --mentees "$WORK/bad/mentees.xlsx" \
    --places "$WORK/bad/places.xlsx" > "$WORK/bad/validate.txt" 2>&1; then
    echo "check_workbooks.sh: a capacity of 7 in a workbook was accepted" >&2; exit 1
fi
grep -q "mentors.xlsx, Mentori!E5 (capacity): capacity 7 is above the maximum of 3" "$WORK/bad/validate.txt" \
    || { echo "check_workbooks.sh: the capacity problem is not named by its cell:" >&2; cat "$WORK/bad/validate.txt" >&2; exit 1; }
echo "a capacity of 7 in a workbook: named as Mentori!E5"
