"""Writes a dataset's CSV tables as Excel workbooks with openpyxl, the way an officer keeps them:
numbers as numbers (a percentage as a number with a % format), codes, ids and N/A as text.

    python3 csv_to_xlsx.py DATASET OUT [--one]

Every table.csv of DATASET becomes OUT/table.xlsx (one sheet named like the table), or with
--one a single OUT/dataset.xlsx with a sheet per table. plan.yaml is copied as it is.
"""
import csv
import shutil
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import Workbook

# Columns an officer types numbers into; every other column is text.
NUMERIC = {"max", "self", "appraised", "round1", "score", "ratio", "index", "rank", "total", "year", "target"}


def cell_value(column, text):
    """The value openpyxl stores for one CSV field, and its number format."""
    t = text.strip()
    if column.lower() not in NUMERIC or t == "" or t.upper() in ("N/A", "-"):
        return text, None
    percent = t.endswith("%")
    digits = t[:-1].strip() if percent else t
    try:
        number = Decimal(digits.replace(",", "."))
    except InvalidOperation:
        return text, None
    if percent:
        return float(number / 100), "0.00%"
    if number == number.to_integral_value() and "." not in digits and "," not in digits:
        return int(number), None
    return float(number), None


def read_csv(path):
    raw = path.read_text(encoding="utf-8-sig")
    first = raw.splitlines()[0] if raw else ""
    separator = ";" if first.count(";") > first.count(",") else ","
    return list(csv.reader(raw.splitlines(), delimiter=separator))


def fill(sheet, rows):
    header = rows[0] if rows else []
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text == "":
                continue
            if r == 1:
                sheet.cell(row=r, column=c, value=text)
                continue
            value, number_format = cell_value(header[c - 1] if c - 1 < len(header) else "", text)
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            if number_format:
                cell.number_format = number_format


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    one = "--one" in sys.argv
    out.mkdir(parents=True, exist_ok=True)
    tables = sorted(p for p in source.iterdir() if p.suffix == ".csv")
    book = Workbook() if one else None
    if book:
        book.remove(book.active)
    for table in tables:
        rows = read_csv(table)
        if one:
            fill(book.create_sheet(table.stem), rows)
        else:
            single = Workbook()
            single.active.title = table.stem
            fill(single.active, rows)
            single.save(out / (table.stem + ".xlsx"))
    if book:
        book.save(out / "dataset.xlsx")
    for extra in source.iterdir():
        if extra.suffix not in (".csv", ".xlsx") and extra.is_file():
            shutil.copy(extra, out / extra.name)


if __name__ == "__main__":
    main()
