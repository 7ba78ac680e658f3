"""Reads results.xlsx with openpyxl and checks every number against results.json.

    python3 check_results_xlsx.py results.xlsx results.json

Each group sheet: one row per unit in rank order, with the unit's self-assessed total, its
score by method, total, max, index, rank, band and rank change; each field sheet: the unit's
field score, max, index and rank; the sheet `results`: unit, index, rank, total. Prints how
many numbers were checked; exits 1 with every mismatch.
"""
import json
import sys
from decimal import Decimal

from openpyxl import load_workbook

TITLES = {"tham-dinh": "Điểm thẩm định", "dieu-tra": "Điểm điều tra XHH", "sipas": "Điểm SIPAS"}


def same(cell, expected):
    if expected is None:
        return cell is None
    if cell is None or isinstance(cell, str):
        return False
    return Decimal(repr(cell)) == Decimal(str(expected))


def main():
    book = load_workbook(sys.argv[1], data_only=True)
    results = json.loads(open(sys.argv[2], encoding="utf-8").read(), parse_float=Decimal)
    problems, checked = [], 0

    def check(sheet, row, column, value, expected):
        nonlocal checked
        checked += 1
        if not same(value, expected):
            problems.append(f"{sheet}!{column}{row}: {value!r}, expected {expected}")

    several = len(results["groups"]) > 1
    for group in results["groups"]:
        sheet = book[group["name"][:31]]
        header = [c.value for c in sheet[1]]
        col = {title: i for i, title in enumerate(header)}
        for r, unit in enumerate(group["units"], start=2):
            row = [c.value for c in sheet[r]]
            if row[col["Đơn vị"]] != unit["name"]:
                problems.append(f"{sheet.title} row {r}: {row[col['Đơn vị']]!r}, expected {unit['name']}")
            check(sheet.title, r, "STT", row[col["STT"]], r - 1)
            for method, title in TITLES.items():
                if title in col:
                    check(sheet.title, r, title, row[col[title]], unit["byMethod"].get(method, {}).get("score"))
            check(sheet.title, r, "Tổng điểm", row[col["Tổng điểm"]], unit["total"])
            check(sheet.title, r, "Điểm tối đa", row[col["Điểm tối đa"]], unit["max"])
            check(sheet.title, r, "Chỉ số", row[col["Chỉ số (%)"]], unit["index"])
            check(sheet.title, r, "Xếp hạng", row[col["Xếp hạng"]], unit["rank"])
            if row[col["Xếp loại"]] != unit["band"]:
                problems.append(f"{sheet.title} row {r}: band {row[col['Xếp loại']]!r}, expected {unit['band']}")
            if "Tăng/giảm bậc" in col:
                check(sheet.title, r, "Tăng/giảm bậc", row[col["Tăng/giảm bậc"]], unit["rankChange"])
        codes = []
        for unit in group["units"]:
            codes += [f["code"] for f in unit["fields"] if f["code"] not in codes]
        for code in codes:
            title = (f"{group['name']} - LV {code}" if several else f"Lĩnh vực {code}")
            name = title if len(title) <= 31 else title[: 31 - len(f" - LV {code}")].strip() + f" - LV {code}"
            fsheet = book[name]
            by_name = {row[1]: row for row in fsheet.iter_rows(min_row=2, values_only=True)}
            for unit in group["units"]:
                field = next((f for f in unit["fields"] if f["code"] == code), None)
                if field is None:
                    continue
                row = by_name.get(unit["name"])
                if row is None:
                    problems.append(f"{name}: no row for {unit['name']}")
                    continue
                check(name, unit["name"], " rank", row[0], field["rank"])
                check(name, unit["name"], " score", row[2], field["score"])
                check(name, unit["name"], " max", row[3], field["max"])
                check(name, unit["name"], " index", row[4], field["index"])
    sheet = book["results"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    units = [u for g in results["groups"] for u in g["units"] if u["rank"] is not None]
    if len(rows) != len(units):
        problems.append(f"results: {len(rows)} rows, expected {len(units)}")
    for r, (row, unit) in enumerate(zip(rows, units), start=2):
        if row[0] != unit["id"]:
            problems.append(f"results!A{r}: {row[0]!r}, expected {unit['id']}")
        check("results", r, "B", row[1], unit["index"])
        check("results", r, "C", row[2], unit["rank"])
        check("results", r, "D", row[3], unit["total"])
    for p in problems:
        print(p)
    print(f"{checked} numbers checked, {len(problems)} mismatches")
    sys.exit(1 if problems or checked == 0 else 0)


if __name__ == "__main__":
    main()
