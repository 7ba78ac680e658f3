"""Says what openpyxl reads of a scoring workbook of `cchc sheets`: check_sheet.py WORKBOOK."""
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
print("sheets: " + ", ".join(f"{s.title} {s.sheet_state}" for s in book.worksheets))
sheet = book["scores"]
print(f"protected: {sheet.protection.sheet}")
head = next(r for r in sheet.iter_rows() if any(c.value == "unit" for c in r))
names = [c.value for c in head if c.value]
print(f"header row {head[0].row}: " + ", ".join(names))
body = list(sheet.iter_rows(min_row=head[0].row + 1))
leaf = next(r for r in body if any(not c.protection.locked for c in r))
print("unlocked: " + ", ".join(names[c.column - 1] for c in leaf if c.column <= len(names) and not c.protection.locked))
survey = [r for r in body if r[names.index("self")].value == "chấm qua điều tra"]
locked = all(r[names.index("self")].protection.locked for r in survey)
print(f"survey rows: {len(survey)}, self 'chấm qua điều tra' {'locked' if locked else 'UNLOCKED'}")
for rule in sheet.data_validations.dataValidation:
    print(f"validation: {rule.sqref} {rule.formula1}")
print(f"page: paper {sheet.page_setup.paperSize}, {sheet.page_setup.orientation}")
stamp = {r[0].value: r[1].value for r in book["cchc"].iter_rows(min_row=2)}
print(f"stamp: for {stamp['for']}, id {stamp['id']}, round {stamp['round']}, year {stamp['year']}")
