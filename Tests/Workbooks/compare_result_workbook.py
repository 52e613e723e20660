#!/usr/bin/env python3
"""Checks that result.xlsx holds each CSV file of the same run, sheet by sheet, as openpyxl reads it: the same
header, rows and cells, numbers equal as numbers (the workbook stores 8.10 as the number 8.1), the header bold.
Usage: compare_result_workbook.py OUT_DIR"""
import csv
import sys
from pathlib import Path

from openpyxl import load_workbook

out = Path(sys.argv[1])
workbook = load_workbook(out / "result.xlsx")
expected = ["pairs"] + (["changes"] if (out / "changes.csv").exists() else []) + ["unmatched", "alternatives"]
if workbook.sheetnames != expected:
    sys.exit(f"result.xlsx has the sheets {workbook.sheetnames}, expected {expected}")


def same(text, value):
    if value is None:
        return text == ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(text) == float(value)
    return text == str(value)


for name in expected:
    rows = list(csv.reader(open(out / f"{name}.csv", newline="", encoding="utf-8")))
    sheet = workbook[name]
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    if len(cells) != len(rows):
        sys.exit(f"result.xlsx sheet {name}: {len(cells)} rows, {name}.csv has {len(rows)}")
    for number, (row, values) in enumerate(zip(rows, cells), start=1):
        values = values + [None] * (len(row) - len(values))
        for column, (text, value) in enumerate(zip(row, values)):
            if not same(text, value):
                sys.exit(f"result.xlsx sheet {name} row {number} column {column + 1}: {value!r}, {name}.csv has {text!r}")
    if not all(cell.font.bold for cell in sheet[1]):
        sys.exit(f"result.xlsx sheet {name}: the header row is not bold")
    print(f"result.xlsx sheet {name}: {len(rows) - 1} rows, as in {name}.csv")
