#!/usr/bin/env bash
# Seed inputs for each fuzz target, made of the bundled scenarios (heads of their files, so that seeds stay small).
# Usage: Tests/Fuzz/seeds.sh DIRECTORY
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1
rm -rf "$out"
mkdir -p "$out"/{csv,xlsx,schedule-csv,availability,policy,scenario,input-json,engine}
for scenario in Scenarios/*/; do
    name=$(basename "$scenario")
    for file in "$scenario"*.csv; do
        head -n 8 "$file" >"$out/csv/$name-$(basename "$file")"
    done
    cp "$scenario/policy.yaml" "$out/policy/$name.yaml"
    cp "$scenario/plan.yaml" "$out/scenario/$name.yaml"
    # The availability column of each people file, one value per seed.
    for file in "$scenario"mentors.csv "$scenario"mentees.csv; do
        python3 -c 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))[:4]
for i, row in enumerate(rows):
    open(f"{sys.argv[2]}-{i}", "w", encoding="utf-8").write(row["availability"])' "$file" "$out/availability/$name-$(basename "$file" .csv)"
    done
    { head -n 4 "$scenario/mentors.csv"; echo "--"; head -n 5 "$scenario/mentees.csv"; echo "--"; cat "$scenario/places.csv"; } \
        >"$out/engine/$name"
    { head -n 3 "$scenario/mentors.csv"; echo "--"; head -n 3 "$scenario/mentees.csv"; echo "--"; cat "$scenario/places.csv"; \
      echo "--"; cat "$scenario/policy.yaml"; } >"$out/engine/$name-policy"
done
head -n 6 Scenarios/ogre-2024/supervision-slots.csv >"$out/schedule-csv/slots.csv"
printf 'mentor_id,mentee_id,rule\nM001,Y0001,lock\nM002,Y0002,forbid\n' >"$out/schedule-csv/locks.csv"
printf 'mentor_id,mentee_id,fit\nM001,Y0001,0.8\n' >"$out/schedule-csv/pairs.csv"
printf 'person_id,date\nY0001,2024-03-12\nM001,2024-04-02\n' >"$out/schedule-csv/unavailable.csv"
printf '{"max_capacity": 3, "objective": {"method": "weighted", "tier_weights": {"served": 1000}}, "schedule": {"hours_per_month": 20}}' \
    >"$out/policy/policy.json"
cat >"$out/input-json/small.json" <<'JSON'
{"mentors": [{"id": "M01", "age": 34, "gender": "female", "location": {"place": "Ogre"}, "capacity": 2,
  "availability": "Mon 16:00-18:00", "specialisations": [], "languages": ["lv"], "max_travel_km": 20, "interests": []}],
 "mentees": [{"id": "Y001", "age": 15, "gender": "male", "location": {"place": "Ogre"}, "availability": "Mon 16:00-18:00",
  "needs": [], "languages": ["lv"], "interests": [], "priority": 0}],
 "places": [{"name": "Ogre", "coordinate": {"latitude": 56.8162, "longitude": 24.6048}, "isRemote": false}],
 "pair_rules": [{"mentor_id": "M01", "mentee_id": "Y001", "kind": "lock"}],
 "policy": {"max_capacity": 2, "schedule": {"sessions_per_month": 2}}}
JSON
# Small workbooks (the `.xlsx` reader behind the CSV readers): places with shared and inline strings, numbers, a
# boolean, deflated (a copy in csv/ too); the first Ogre mentors, deflated and stored.
python3 - "$out/csv/places.xlsx" <<'PY'
import sys, zipfile
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as package:
    package.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rels}"><workbookPr date1904="0"/>'
                     '<sheets><sheet name="Vietas" sheetId="1" r:id="rId1"/></sheets></workbook>')
    package.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                     f'2006/relationships"><Relationship Id="rId1" Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/>'
                     '</Relationships>')
    package.writestr("xl/sharedStrings.xml", f'<sst xmlns="{main}"><si><t>place</t></si><si><r><t>Sun</t></r>'
                     '<r><t xml:space="preserve">taži</t></r></si></sst>')
    package.writestr("xl/styles.xml", f'<styleSheet xmlns="{main}"><numFmts><numFmt numFmtId="164" '
                     'formatCode="dd.mm.yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>')
    package.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>'
                     '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>lat</t></is></c>'
                     '<c r="C1" t="inlineStr"><is><t>lon</t></is></c><c r="D1" t="inlineStr"><is><t>remote</t></is></c></row>'
                     '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>56.9076</v></c><c r="C2" s="1"><v>24.938</v></c>'
                     '<c r="D2" t="b"><v>1</v></c></row></sheetData></worksheet>')
PY
cp "$out/csv/places.xlsx" "$out/xlsx/places.xlsx"
python3 - Scenarios/ogre-2024/mentors.csv "$out/xlsx" <<'PY'
import csv, sys, zipfile
from xml.sax.saxutils import escape
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[:6]
cells = "".join(f'<row r="{r + 1}">' + "".join(f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>' for value in row)
                + "</row>" for r, row in enumerate(rows))
for name, method in (("mentors-deflated.xlsx", zipfile.ZIP_DEFLATED), ("mentors-stored.xlsx", zipfile.ZIP_STORED)):
    with zipfile.ZipFile(f"{sys.argv[2]}/{name}", "w", method) as package:
        package.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rels}">'
                         '<sheets><sheet name="Mentori" sheetId="1" r:id="rId1"/></sheets></workbook>')
        package.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                         f'2006/relationships"><Relationship Id="rId1" Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/>'
                         '</Relationships>')
        package.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>{cells}</sheetData></worksheet>')
PY
