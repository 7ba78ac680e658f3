#!/usr/bin/env python3
"""Makes the sample Inputs/an-giang-2025/: a province after the 2025 reorganisation (20 sở, ban,
ngành and 40 xã, phường, đặc khu), its year's data MADE UP with a seeded random generator, and
the workbooks of that year as they would come back: each unit's self-assessment, the two lead
agencies' appraisal in two rounds, the units' answers to round 1; the survey as raw forms.

    python3 scripts/make-an-giang-2025.py [CCHC]      (CCHC: the cchc binary, default .build/debug/cchc)

It writes the dataset's tables, asks `cchc sheets` for the workbooks, fills them with openpyxl as
an officer would in Excel (a score that reads as a program writes it as a number, any other typed
as text with a decimal comma), has LibreOffice Calc re-save a few, then collects them all with
`cchc collect` into scores.csv and checks that it holds exactly the values made up. The same run
gives the same tables (the workbooks carry openpyxl's and LibreOffice's save dates).
Needs python3 with openpyxl, and soffice.
"""
import csv
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CCHC = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/cchc")
OUT = os.path.join(ROOT, "Inputs", "an-giang-2025")
BASE = os.path.join(ROOT, "Inputs", "an-giang-2022")
random.seed(2025)

SO = [
    ("vpubnd", "Văn phòng Ủy ban nhân dân tỉnh", "VP", "CHÁNH VĂN PHÒNG"),
    ("snv", "Sở Nội vụ", "SNV", "GIÁM ĐỐC"),
    ("stp", "Sở Tư pháp", "STP", "GIÁM ĐỐC"),
    ("stc", "Sở Tài chính", "STC", "GIÁM ĐỐC"),
    ("sct", "Sở Công Thương", "SCT", "GIÁM ĐỐC"),
    ("snnmt", "Sở Nông nghiệp và Môi trường", "SNNMT", "GIÁM ĐỐC"),
    ("sxd", "Sở Xây dựng", "SXD", "GIÁM ĐỐC"),
    ("skhcn", "Sở Khoa học và Công nghệ", "SKHCN", "GIÁM ĐỐC"),
    ("sgddt", "Sở Giáo dục và Đào tạo", "SGDĐT", "GIÁM ĐỐC"),
    ("syt", "Sở Y tế", "SYT", "GIÁM ĐỐC"),
    ("svhttdl", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "GIÁM ĐỐC"),
    ("sdttg", "Sở Dân tộc và Tôn giáo", "SDTTG", "GIÁM ĐỐC"),
    ("sngv", "Sở Ngoại vụ", "SNgV", "GIÁM ĐỐC"),
    ("ttt", "Thanh tra tỉnh", "TTT", "CHÁNH THANH TRA"),
    ("bqlkkt", "Ban Quản lý Khu kinh tế", "BQLKKT", "TRƯỞNG BAN"),
    ("bqlpq", "Ban Quản lý Khu kinh tế Phú Quốc", "BQLPQ", "TRƯỞNG BAN"),
    ("bqlda", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "BQLDA", "GIÁM ĐỐC"),
    ("dpttt", "Đài Phát thanh và Truyền hình", "ĐPTTH", "GIÁM ĐỐC"),
    ("ttphvhcc", "Trung tâm Phục vụ hành chính công", "TTPVHCC", "GIÁM ĐỐC"),
    ("bdtc", "Ban Dân tộc", "BDT", "TRƯỞNG BAN"),
]
XA = [
    "Phường Long Xuyên", "Phường Bình Đức", "Phường Mỹ Thới", "Phường Châu Đốc", "Phường Vĩnh Tế",
    "Phường Tân Châu", "Phường Long Phú", "Phường Tịnh Biên", "Phường Thới Sơn", "Phường Chi Lăng",
    "Phường Rạch Giá", "Phường Vĩnh Thông", "Phường Hà Tiên", "Phường Tô Châu", "Đặc khu Phú Quốc",
    "Đặc khu Kiên Hải", "Đặc khu Thổ Châu", "Xã Mỹ Hòa Hưng", "Xã An Phú", "Xã Nhơn Hội",
    "Xã Khánh Bình", "Xã Phú Hữu", "Xã Vĩnh Hậu", "Xã Châu Phú", "Xã Mỹ Đức", "Xã Thạnh Mỹ Tây",
    "Xã Bình Mỹ", "Xã Châu Thành", "Xã An Châu", "Xã Cần Đăng", "Xã Vĩnh Hanh", "Xã Chợ Mới",
    "Xã Cù Lao Giêng", "Xã Hội An", "Xã Long Điền", "Xã Nhơn Mỹ", "Xã Phú Tân", "Xã Chợ Vàm",
    "Xã Thoại Sơn", "Xã Óc Eo",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hoàng", "Minh", "Thanh", "Ngọc", "Quốc", "Hữu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hòa", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Tâm",
         "Thảo", "Trung", "Tuấn", "Vinh", "Yến"]
RULES = {
    "1.1.1": ("Ban hành trước ngày 31/12 năm trước: đạt điểm tối đa; sau thời hạn: 0 điểm", "Kế hoạch CCHC năm 2025"),
    "1.2": ("Đủ 4 báo cáo quý, đúng hạn: đạt điểm tối đa; thiếu hoặc chậm một báo cáo: trừ 0,25 điểm", "Các báo cáo CCHC quý I, II, III và năm"),
    "2.1": ("Tham mưu đủ văn bản QPPL theo kế hoạch: đạt điểm tối đa", "Danh mục văn bản QPPL đã ban hành"),
    "3.4": ("Từ 98% hồ sơ đúng hạn trở lên: đạt điểm tối đa; dưới 90%: 0 điểm", "Số liệu trên Hệ thống thông tin giải quyết TTHC tỉnh"),
}
NOTES = ["Hội đồng thẩm định điều chỉnh: tài liệu kiểm chứng chưa đầy đủ",
         "Hội đồng thẩm định điều chỉnh: chưa hoàn thành đúng thời hạn",
         "Hội đồng thẩm định điều chỉnh: số liệu chưa khớp với báo cáo"]


def slug(text):
    table = str.maketrans("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
                          "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd")
    return "-".join(text.lower().translate(table).split())


def comma(d):
    """A score as the sample writes it: 0,75; 2; 1,5."""
    s = format(d.normalize(), "f")
    return s.replace(".", ",")


def person():
    return f"{random.choice(FAMILY)} {random.choice(MIDDLE)} {random.choice(GIVEN)}"


def write_csv(name, header, rows, delimiter=","):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n" if delimiter == ";" else "\n")
        w.writerow(header)
        w.writerows(rows)


def frameworks():
    """The 2022 frameworks, each field led by Sở Tư pháp (field 2) or Sở Nội vụ (the others), with
    a scoring rule and required evidence on a few criteria; the district one made the xã's."""
    made = {}
    for source, target in [("framework-so.csv", "framework-so.csv"), ("framework-huyen.csv", "framework-xa.csv")]:
        with open(os.path.join(BASE, source), encoding="utf-8") as f:
            rows = list(csv.reader(f))
        out = []
        for code, name, mx, method, _lead in rows[1:]:
            if target == "framework-xa.csv":
                name = name.replace("cấp huyện và cấp xã", "cấp xã").replace("cấp huyện", "cấp xã")
            lead = ("Sở Tư pháp" if code == "2" else "Sở Nội vụ") if "." not in code else ""
            rule, evidence = RULES.get(code, ("", ""))
            out.append([code, name, mx, method, lead, rule, evidence])
        write_csv(target, ["code", "name", "max", "method", "lead", "rule", "evidence"], out)
        made[target] = out
    return made


def tree(rows):
    """code → (max, method) of each leaf, in order."""
    codes = [r[0] for r in rows]
    methods, leaves = {}, []
    for code, _name, mx, method, *_ in rows:
        parent = code.rsplit(".", 1)[0] if "." in code else None
        methods[code] = method or methods.get(parent, "tham-dinh") or "tham-dinh"
        if not any(c.startswith(code + ".") for c in codes):
            leaves.append((code, Decimal(mx.replace(",", ".")), methods[code]))
    return leaves


def units():
    rows = []
    for uid, name, short, head in SO:
        rows.append([uid, name, "Sở, ban, ngành", "framework-so.csv", short, head, person()])
    for name in XA:
        kind, place = name.split(" ", 1) if not name.startswith("Đặc khu") else ("Đặc khu", name[8:])
        prefix = {"Phường": "p", "Xã": "x", "Đặc khu": "dk"}[kind]
        rows.append([f"{prefix}-{slug(place)}", name, "UBND cấp xã", "framework-xa.csv", "", "CHỦ TỊCH", person()])
    write_csv("units.csv", ["id", "name", "group", "framework", "short", "head", "signer"], rows)
    return rows


def step(d):
    return random.choice([Decimal("0.25"), Decimal("0.5"), Decimal("0.75"), Decimal("1")]).min(d)


def scores(unit_rows, made):
    """The made-up scores.csv, as collect will write it: ; and CRLF, decimal comma."""
    header = ["unit", "code", "self", "appraised", "evidence", "explanation", "comment", "round1", "comment1", "response"]
    rows = []
    for uid, name, _g, fw, short, *_ in unit_rows:
        symbol = short or "UBND"
        for code, mx, method in tree(made[fw]):
            if method != "tham-dinh":
                continue
            if code in ("2.4", "7.4") and random.random() < 0.15:
                rows.append([uid, code, "N/A", "N/A", "", "Tiêu chí không áp dụng đối với đơn vị", "", "", "", ""])
                continue
            own = mx if random.random() < 0.7 else mx - step(mx)
            evidence = f"Báo cáo số {random.randint(10, 400)}/BC-{symbol}"
            if random.random() < 0.3:
                evidence += f"; Kế hoạch số {random.randint(10, 400)}/KH-{symbol}"
            explanation = "" if own == mx else "Đơn vị chưa hoàn thành đầy đủ nhiệm vụ"
            appraised, comment, round1, comment1, response = own, "", "", "", ""
            if own > 0 and random.random() < 0.2:
                lowered = own - step(own)
                if random.random() < 0.5:
                    round1, comment1 = lowered, random.choice(NOTES)
                    response = "Đơn vị đã bổ sung tài liệu kiểm chứng sau thẩm định lần 1"
                    appraised = min(own, lowered + Decimal("0.25"))
                    comment = "Hội đồng thẩm định chấp nhận một phần giải trình của đơn vị"
                else:
                    appraised, comment = lowered, random.choice(NOTES)
            # An officer now and then types the decimals out: 1,50.
            text = lambda d: "" if d == "" else (comma(d) if random.random() < 0.9 or d == d.to_integral() else f"{d:.2f}".replace(".", ","))
            rows.append([uid, code, text(own), text(appraised), evidence, explanation, comment, text(round1), comment1, response])
    buffer = io.StringIO()
    w = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buffer.getvalue()


def survey(unit_rows, made):
    """questions.csv (a question per survey leaf: form A of officials, option-weighted; form B of
    citizens, 5 levels) and responses.csv (12 officials and 30 citizens per unit)."""
    questions, ids = [], []
    for code, _mx, method in tree(made["framework-so.csv"]):
        if method == "tham-dinh":
            continue
        form = "A" if method == "dieu-tra" else "B"
        qid = f"{form.lower()}{len([i for i in ids if i[1] == form]) + 1}"
        credits = "A:100;B:60;C:20;D:0" if form == "A" else "5:100;4:100;3:0;2:0;1:0"
        questions.append([qid, form, code, f"Câu hỏi về tiêu chí {code}", credits])
        ids.append((qid, form))
    write_csv("questions.csv", ["id", "form", "code", "text", "credits"], questions)
    rows, n = [], 0
    for uid, *_ in unit_rows:
        lean = random.random()
        for form, group, count in [("A", "Lãnh đạo, công chức", 12), ("B", "Người dân, tổ chức", 30)]:
            for _ in range(count):
                n += 1
                answers = []
                for qid, qform in ids:
                    if qform != form:
                        answers.append("")
                    elif random.random() < 0.03:
                        answers.append("")  # no answer
                    elif form == "A":
                        answers.append(random.choices("ABCD", weights=[5 + 4 * lean, 3, 1, 0.5])[0])
                    else:
                        answers.append(random.choices("54321", weights=[4 + 4 * lean, 4, 1, 0.5, 0.3])[0])
                rows.append([f"R{n:05d}", form, group, uid] + answers)
    write_csv("responses.csv", ["respondent", "form", "group", "unit"] + [i for i, _ in ids], rows)


PLAN = """# An Giang 2025 — sở, ban, ngành and UBND cấp xã, after the 2025 reorganisation.
# MADE UP for the sample (scripts/make-an-giang-2025.py): no number, date, name or score here is
# An Giang's own.
year: 2025
issuer:
  name: Ủy ban nhân dân tỉnh An Giang
  short: UBND
  lines: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]
place: An Giang
precision: 2
secretariat: Sở Nội vụ

awards:
  - group: Sở, ban, ngành
    count: 3
  - group: UBND cấp xã
    count: 5

survey:
  total: 2520
  time: Tháng 02 năm 2026
  groups:
    - {name: "Lãnh đạo, công chức", count: 720}
    - {name: "Người dân, tổ chức", count: 1800}
  pooling: pooled
  minimum: 10

deadlines:
  self-assessment: 2026-01-20
  appraisal: 2026-02-06
  response: 2026-02-27
  appraisal-round2: 2026-03-13

tasks:
  - title: Tổ chức tự đánh giá, chấm điểm Chỉ số CCHC năm 2025
    description: Các sở, ban, ngành và Ủy ban nhân dân cấp xã tự đánh giá, chấm điểm trên phiếu chấm điểm do Sở Nội vụ gửi.
    lead: Cấp sở, Ủy ban nhân dân cấp xã
    partners: Sở Nội vụ
    time: Tháng 01 năm 2026
  - title: Thẩm định kết quả tự đánh giá, chấm điểm (lần 1)
    lead: Hội đồng thẩm định
    partners: Sở Nội vụ, Sở Tư pháp
    time: Tháng 02 năm 2026
  - title: Giải trình, bổ sung sau thẩm định lần 1
    lead: Cấp sở, Ủy ban nhân dân cấp xã
    partners: Các cơ quan, đơn vị có liên quan
    time: Tháng 02 năm 2026
  - title: Thẩm định lần 2, điều tra xã hội học và tổng hợp kết quả
    lead: Hội đồng thẩm định, Sở Nội vụ
    partners: Các cơ quan, đơn vị có liên quan
    time: Tháng 3 năm 2026
  - title: Công bố Chỉ số CCHC năm 2025
    lead: Sở Nội vụ
    partners: Văn phòng Ủy ban nhân dân tỉnh
    time: Tháng 4 năm 2026

documents:
  plan:
    title: Xác định Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu trên địa bàn tỉnh An Giang
    signer: {competence: KT., body: CHỦ TỊCH, position: PHÓ CHỦ TỊCH, name: Trần Minh Long}
  appraisal:
    deadline: 2026-02-27
    signer: {competence: KT., body: GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Lê Ngọc Hải}
  report:
    title: Kết quả xác định Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu
    signer: {competence: KT., body: GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Lê Ngọc Hải}
    recipients: [UBND tỉnh (báo cáo), Hội đồng thẩm định Chỉ số CCHC tỉnh]
    archive: VT, CCHC
  decision:
    title: Công bố Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu trên địa bàn tỉnh An Giang
    bases:
      - Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025
      - Căn cứ Quyết định số 876/QĐ-BNV ngày 10 tháng 11 năm 2022 của Bộ trưởng Bộ Nội vụ phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương” giai đoạn 2022 - 2030
      - Theo đề nghị của Giám đốc Sở Nội vụ
    executors: Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này
    signer: {competence: TM., body: ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Trần Minh Long}
    recipients: [Bộ Nội vụ, TT. UBND tỉnh, Các sở, ban, ngành tỉnh, UBND các xã, phường, đặc khu]
    archive: VT, TH

  # The year's other documents, made up like the rest: the council decision, the guidance
  # letter, the council's report on its appraisal, the tờ trình and the commendation.
  council:
    date: 2025-12-15
    signer: {position: CHỦ TỊCH, name: Trần Minh Long}
  guidance:
    date: 2025-12-22
    addressees:
      - Các sở, ban, ngành tỉnh
      - Ủy ban nhân dân các xã, phường, đặc khu
    contact: Phòng Cải cách hành chính, Sở Nội vụ (điện thoại 0296 3000 000)
    signer: {competence: KT., body: GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Lê Ngọc Hải}
  appraisal-report:
    date: 2026-03-20
  submission:
    date: 2026-03-25
    signer: {position: GIÁM ĐỐC, name: Lê Văn Phúc}
  commendation:
    date: 2026-04-10
    signer: {position: CHỦ TỊCH, name: Trần Minh Long}

# The appraisal council (Hội đồng thẩm định), made up: Sở Nội vụ and Sở Tư pháp lead its fields.
council:
  - {name: Nguyễn Văn Thành, title: Phó Chủ tịch, agency: Ủy ban nhân dân tỉnh, role: Chủ tịch}
  - {name: Lê Văn Phúc, title: Giám đốc, agency: Sở Nội vụ, role: Phó Chủ tịch}
  - {name: Phan Minh Cường, title: Giám đốc, agency: Sở Tư pháp, role: Ủy viên}
  - {name: Bùi Thị Tuấn, title: Chánh Văn phòng, agency: Văn phòng Ủy ban nhân dân tỉnh, role: Ủy viên}
  - {name: Trương Thị Mai, title: Trưởng phòng Cải cách hành chính, agency: Sở Nội vụ, role: Thư ký}
"""


def fill(book_path, values):
    """Fills a workbook's unlocked cells from `values` ((unit, code) → {column: text})."""
    book = openpyxl.load_workbook(book_path)
    sheet = book["scores"]
    head = next(r for r in sheet.iter_rows() if any(c.value == "unit" for c in r))
    names = {c.value: c.column for c in head}
    for row in sheet.iter_rows(min_row=head[0].row + 1):
        key = (row[names["unit"] - 1].value, row[names["code"] - 1].value)
        for cell in row:
            column = head[cell.column - 1].value
            text = values.get(key, {}).get(column, "")
            if cell.protection.locked or not text:
                continue
            number = None
            if column in ("self", "appraised", "round1") and text != "N/A":
                d = Decimal(text.replace(",", "."))
                number = d if comma(d) == text else None
            cell.value = (int(number) if number == number.to_integral() else float(number)) if number is not None else text
    book.save(book_path)


MADE = ["framework-so.csv", "framework-xa.csv", "units.csv", "plan.yaml", "questions.csv", "responses.csv",
        "scores.csv", "returned"]


def run(*args):
    subprocess.run([CCHC, *args], check=True, stdout=subprocess.DEVNULL)


def main():
    # What an earlier run made is made anew; anything else in the folder (its README.md) stays.
    for name in MADE:
        path = os.path.join(OUT, name)
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)
    os.makedirs(OUT, exist_ok=True)
    made = frameworks()
    unit_rows = units()
    survey(unit_rows, made)
    with open(os.path.join(OUT, "plan.yaml"), "w", encoding="utf-8") as f:
        f.write(PLAN)
    truth = scores(unit_rows, made)
    values = {}
    for r in list(csv.DictReader(io.StringIO(truth), delimiter=";")):
        values[(r["unit"], r["code"])] = r
    steps = [("tu-danh-gia", ["--for", "units"]), ("tham-dinh-lan-1", ["--for", "leads", "--round", "1"]),
             ("giai-trinh", ["--for", "units", "--round", "2"]), ("tham-dinh-lan-2", ["--for", "leads", "--round", "2"])]
    work = tempfile.mkdtemp()
    for name, arguments in steps:
        sent = os.path.join(work, name)
        run("sheets", OUT, "--out", sent, *arguments)
        target = os.path.join(OUT, "returned", name)
        os.makedirs(target)
        books = sorted(b for b in os.listdir(sent) if b.endswith(".xlsx"))
        if name == "giai-trinh":  # only the units with something to answer send it back
            books = [b for b in books if any(v["response"] for (u, _), v in values.items() if b == f"{u}-lan-2.xlsx")]
        for book in books:
            fill(os.path.join(sent, book), values)
            shutil.copy(os.path.join(sent, book), os.path.join(target, book))
        # Two units' self-assessments come back re-saved by LibreOffice Calc.
        if name == "tu-danh-gia":
            resaved = [os.path.join(target, b) for b in ("snv.xlsx", "x-my-hoa-hung.xlsx")]
            subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", work] + resaved,
                           check=True, stdout=subprocess.DEVNULL)
            for path in resaved:
                shutil.move(os.path.join(work, os.path.basename(path)), path)
        run("collect", OUT, target)
    shutil.rmtree(work)
    with open(os.path.join(OUT, "scores.csv"), encoding="utf-8", newline="") as f:
        if f.read() != truth:
            sys.exit("the collected scores.csv is not the one made up")
    print(f"{OUT}: {len(unit_rows)} units, {len(values)} score rows, collected from the returned workbooks")


main()
