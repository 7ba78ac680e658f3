"""Fills scoring workbooks of `cchc sheets` as units and agencies would, from a scores.csv.

fill_sheets.py SCORES_CSV WORKBOOK...

Each workbook's cells to fill (the unlocked ones under the header row, found by its `unit`
cell) get the value scores.csv has for the row's unit, code and column. A score whose text is
the number as a program would write it (0,75 → 0.75) goes in as a number; any other (1,50, N/A)
as the text typed, decimal comma and all. Workbooks are saved in place; the hidden sheet cchc
is left as it was.
"""
import csv
import sys
from decimal import Decimal, InvalidOperation

import openpyxl

SCORES = {"self", "appraised", "round1"}


def canonical(text):
    try:
        d = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    s = format(d.normalize(), "f")
    return d if s.replace(".", ",") == text else None


def main():
    with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = rows[0]
    values = {(r[0], r[1]): dict(zip(header, r)) for r in rows[1:]}
    filled = 0
    for path in sys.argv[2:]:
        book = openpyxl.load_workbook(path)
        sheet = book["scores"]
        head = next(r for r in sheet.iter_rows() if any(c.value == "unit" for c in r))
        names = {c.value: c.column for c in head}
        for row in sheet.iter_rows(min_row=head[0].row + 1):
            unit, code = row[names["unit"] - 1].value, row[names["code"] - 1].value
            for cell in row:
                if cell.protection.locked or (unit, code) not in values:
                    continue
                text = values[(unit, code)].get(head[cell.column - 1].value, "")
                if not text:
                    continue
                number = canonical(text) if head[cell.column - 1].value in SCORES else None
                cell.value = (int(number) if number == number.to_integral_value() else float(number)) if number is not None else text
                filled += 1
        book.save(path)
    print(f"{filled} cells filled")


main()
