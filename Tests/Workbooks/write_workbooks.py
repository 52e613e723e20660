#!/usr/bin/env python3
"""Writes the CSV files of a scenario as Excel workbooks, as a coordinator's spreadsheets would hold them.

Numbers are stored as numbers, `waiting_since`/`since`/`until` as real dates shown as dd.mm.yyyy, text as shared
strings, and each workbook's data on a sheet with a Latvian name; the mentors' workbook has an instructions sheet
first, so that the reader must pick the sheet by its columns. Usage: write_workbooks.py SCENARIO_DIR OUT_DIR
[--capacity-at ROW VALUE] (put VALUE into the capacity cell of the mentors' sheet row ROW, to test cell messages).
"""
import csv
import datetime
import sys
from pathlib import Path

from openpyxl import Workbook

SHEETS = {"mentors": "Mentori", "mentees": "Jaunieši", "places": "Vietas"}
NUMBER_COLUMNS = {"age", "capacity", "max_travel_km", "lat", "lon", "priority"}
DATE_COLUMNS = {"waiting_since", "since", "until"}


def cell_value(column, text):
    if text == "":
        return None
    if column in NUMBER_COLUMNS:
        number = float(text)
        return int(number) if number.is_integer() else number
    if column in DATE_COLUMNS:
        return datetime.date.fromisoformat(text)
    return text


def write(csv_path, xlsx_path, sheet_name, with_instructions, capacity_at):
    with open(csv_path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    workbook = Workbook()
    if with_instructions:
        instructions = workbook.active
        instructions.title = "Instrukcija"
        instructions["A1"] = "Aizpildiet lapu Mentori: viena rinda katram mentoram."
        sheet = workbook.create_sheet(sheet_name)
    else:
        sheet = workbook.active
        sheet.title = sheet_name
    header = rows[0]
    sheet.append(header)
    for row in rows[1:]:
        sheet.append([cell_value(column, text) for column, text in zip(header, row)])
    for column_index, column in enumerate(header, start=1):
        if column in DATE_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column_index, max_col=column_index):
                cell.number_format = "dd.mm.yyyy"
    if capacity_at:
        row, value = capacity_at
        sheet.cell(row=row, column=header.index("capacity") + 1, value=value)
    workbook.save(xlsx_path)


def main():
    scenario, out = Path(sys.argv[1]), Path(sys.argv[2])
    capacity_at = None
    if "--capacity-at" in sys.argv:
        position = sys.argv.index("--capacity-at")
        capacity_at = (int(sys.argv[position + 1]), int(sys.argv[position + 2]))
    out.mkdir(parents=True, exist_ok=True)
    for kind, sheet_name in SHEETS.items():
        write(scenario / f"{kind}.csv", out / f"{kind}.xlsx", sheet_name, kind == "mentors",
              capacity_at if kind == "mentors" else None)


if __name__ == "__main__":
    main()
