import CCHCCore
import Foundation

/// A deterministic dataset in cchc's format for scale tests: N units in G ranking groups, a framework
/// of 48 leaves in 8 fields (with `dieu-tra` and `sipas` leaves), scores with evidence text,
/// survey results and previous ranks. The same arguments always write the same bytes.
public enum SyntheticDataset {
    /// Writes the dataset into `folder`, which must be new or empty (as `cchc init`'s): a dataset
    /// of the officer's is never written over. Whole or not at all. `workbooks`: the tables as
    /// Excel workbooks instead of CSV.
    public static func write(units: Int, groups: Int, to folder: URL, year: Int = 2025, workbooks: Bool = false) throws {
        try NewFolder.create(
            folder, refused: InitError.notEmpty(path: folder.relativePath),
            failed: { InitError.write(path: folder.relativePath, reason: $0) },
            fill: { staging in
                try fill(units: units, groups: groups, to: staging, year: year)
                if workbooks { try DatasetSkeleton.convertToWorkbooks(in: staging) }
            })
    }

    private static func fill(units: Int, groups: Int, to folder: URL, year: Int) throws {
        var random = SplitMix(seed: UInt64(units) &* 1_000_003 &+ UInt64(groups))
        let framework = Self.framework()
        try write(frameworkCSV(framework), "framework.csv", folder)
        var unitsCSV = "id,name,group,short,head\n"
        var scores = "unit,code,self,appraised,evidence,explanation,comment\n"
        var survey = "unit,code,score,ratio\n"
        var previous = "unit,index,rank\n"
        scores.reserveCapacity(units * 48 * 90)
        var rankInGroup = Array(repeating: 0, count: max(groups, 1))
        for u in 0..<units {
            let id = "xa\(u + 1)"
            let group = u % max(groups, 1)
            unitsCSV += "\(id),Xã Số \(u + 1) - Tỉnh \(group + 1),Tỉnh \(group + 1),X\(u + 1),CHỦ TỊCH\n"
            let level = 60 + Int(random.next() % 38)
            for leaf in framework where leaf.isLeaf {
                let points = min(leaf.max, max(0, (leaf.max * (level + Int(random.next() % 21) - 10) + 50) / 100))
                switch leaf.method {
                case "dieu-tra": survey += "\(id),\(leaf.code),\(decimal(points)),\n"
                case "sipas": survey += "\(id),\(leaf.code),,\(70 + Int(random.next() % 30)).\(Int(random.next() % 100))%\n"
                default:
                    let appraised = random.next() % 5 == 0 && points > 0 ? points - 1 : points
                    let comment = appraised < points ? "Tài liệu kiểm chứng chưa đầy đủ" : ""
                    scores +=
                        "\(id),\(leaf.code),\(decimal(points)),\(decimal(appraised)),\"Báo cáo số \(u % 97 + 1)/BC-UBND ngày 15/12/\(year); Kế hoạch số \(leaf.code.count)/KH-UBND\",,\(comment)\n"
                }
            }
            rankInGroup[group] += 1
            previous += "\(id),\(60 + Int(random.next() % 40)),\(rankInGroup[group])\n"
        }
        try write(unitsCSV, "units.csv", folder)
        try write(scores, "scores.csv", folder)
        try write(survey, "survey.csv", folder)
        try write(previous, "previous.csv", folder)
        try write(plan(year: year, groups: groups), "plan.yaml", folder)
    }

    package struct Leaf {
        package var code: String
        package var name: String
        package var max: Int
        package var method: String
        package var isLeaf: Bool
    }

    /// 8 fields of 6 leaves; max in quarter points (so 4 = 1 point). Field 8 is surveys.
    package static func framework() -> [Leaf] {
        let fields = [
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QPPL",
            "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH TÀI CHÍNH CÔNG",
            "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC",
        ]
        let maxes = [
            [8, 8, 8, 8, 8, 8], [6, 6, 6, 6, 6, 6], [10, 10, 10, 10, 8, 8], [6, 6, 6, 6, 6, 6], [8, 8, 8, 8, 8, 8],
            [6, 6, 6, 6, 6, 6], [8, 8, 8, 8, 8, 8], [14, 14, 14, 14, 12, 12],
        ]
        var leaves: [Leaf] = []
        for (f, name) in fields.enumerated() {
            leaves.append(Leaf(code: "\(f + 1)", name: name, max: maxes[f].reduce(0, +), method: "", isLeaf: false))
            for l in 0..<6 {
                let method = f == 7 ? "sipas" : (l == 5 ? "dieu-tra" : "tham-dinh")
                leaves.append(
                    Leaf(
                        code: "\(f + 1).\(l + 1)", name: "Tiêu chí \(f + 1).\(l + 1) về thực hiện nhiệm vụ cải cách hành chính",
                        max: maxes[f][l], method: method, isLeaf: true))
            }
        }
        return leaves
    }

    package static func frameworkCSV(_ leaves: [Leaf]) -> String {
        "code,name,max,method,lead\n"
            + leaves.map { l in
                "\(l.code),\"\(l.name)\",\(l.isLeaf ? decimal(l.max) : ""),\(l.isLeaf ? l.method : ""),\(l.isLeaf ? "" : "Sở Nội vụ")"
            }.joined(separator: "\n") + "\n"
    }

    package static func plan(year: Int, groups: Int) -> String {
        """
        # Synthetic dataset written by `cchc synth`: not real data.
        year: \(year)
        issuer:
          name: Bộ Nội vụ
          short: BNV
        place: Hà Nội
        awards:
        \((0..<max(groups, 1)).map { "  - {group: Tỉnh \($0 + 1), count: 3}" }.joined(separator: "\n"))

        """
    }

    /// Quarter points as text: 5 → "1.25" (a decimal point keeps the comma-separated CSV simple).
    static func decimal(_ quarters: Int) -> String {
        let whole = quarters / 4
        let part = quarters % 4
        return part == 0 ? "\(whole)" : "\(whole).\(["", "25", "5", "75"][part])"
    }

    private static func write(_ text: String, _ name: String, _ folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
}
