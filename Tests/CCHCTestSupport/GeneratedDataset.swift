import CCHCCore
import Foundation

/// A random but reproducible dataset for property tests: a framework of random shape (depth
/// 1–3, random maxima in quarter points, some survey leaves), units in groups, scores with N/A,
/// and the same data written in any of the spellings users produce.
package struct GeneratedDataset {
    package struct Leaf {
        package var code: String
        package var max: Int
        package var method: String
    }
    package struct Row { var cells: [String] }

    package var frameworkRows: [[String]] = []
    package var leaves: [Leaf] = []
    package var units: [(id: String, name: String, group: String)] = []
    package var scores: [[String]] = []
    package var survey: [[String]] = []

    package init(seed: UInt64) {
        var r = SplitMix(seed: seed)
        func pick(_ n: Int) -> Int { Int(r.next() % UInt64(n)) }
        for f in 1...(2 + pick(4)) {
            frameworkRows.append(["\(f)", "Lĩnh vực \(f)", "", "", "Sở Nội vụ"])
            for c in 1...(1 + pick(4)) {
                if pick(3) == 0 {
                    frameworkRows.append(["\(f).\(c)", "Tiêu chí \(f).\(c)", "", "", ""])
                    for s in 1...(1 + pick(3)) { addLeaf("\(f).\(c).\(s)", max: 1 + pick(8), method: "tham-dinh") }
                } else {
                    addLeaf(
                        "\(f).\(c)", max: 1 + pick(12), method: pick(5) == 0 ? (pick(2) == 0 ? "sipas" : "dieu-tra") : "tham-dinh"
                    )
                }
            }
        }
        let names = [
            "Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "Ban Dân tộc", "Đài Phát thanh", "Sở Công Thương", "Ủy ban xã Ân Thi",
            "Huyện Ea H'leo", "Thị xã Điện Bàn", "Anh", "Ánh", "Ăn", "Ân", "Dũng", "Đạt",
        ]
        for u in 0..<(2 + pick(12)) {
            units.append(("u\(u)", names[u % names.count] + (u >= names.count ? " \(u)" : ""), "Nhóm \(1 + pick(2))"))
        }
        for unit in units {
            for leaf in leaves {
                let value = pick(leaf.max * 4 + 1)
                let text = quarter(value)
                switch leaf.method {
                case "tham-dinh":
                    let na = pick(15) == 0
                    scores.append([
                        unit.id, leaf.code, na ? "N/A" : quarter(min(leaf.max * 4, value + pick(2))), na ? "N/A" : text,
                        "Văn bản số \(pick(99))/UBND", "",
                    ])
                default:
                    // Points in quarters, a whole percentage, or points with 4 decimals (as a
                    // survey firm's sheet gives them: they enter rounded to the plan's precision).
                    switch pick(3) {
                    case 0: survey.append([unit.id, leaf.code, text, ""])
                    case 1: survey.append([unit.id, leaf.code, "", "\(value * 25 / leaf.max)%"])
                    default:
                        let tenThousandths = pick(leaf.max * 10000 + 1)
                        let fraction = String(String(tenThousandths % 10000 + 10000).dropFirst())
                        survey.append([unit.id, leaf.code, "\(tenThousandths / 10000).\(fraction)", ""])
                    }
                }
            }
        }

        func addLeaf(_ code: String, max: Int, method: String) {
            frameworkRows.append([code, "Tiêu chí thành phần \(code)", "\(max)", method == "tham-dinh" ? "" : method, ""])
            leaves.append(Leaf(code: code, max: max, method: method))
        }
    }

    /// Quarter points as `1.25`.
    package func quarter(_ q: Int) -> String { q % 4 == 0 ? "\(q / 4)" : "\(q / 4).\(["", "25", "5", "75"][q % 4])" }

    /// How the same data may be spelled.
    package struct Spelling {
        package var separator = ","
        package var decimalComma = false
        package var bom = false
        package var crlf = false
        package var shuffle: UInt64? = nil

        package init(
            separator: String = ",", decimalComma: Bool = false, bom: Bool = false, crlf: Bool = false, shuffle: UInt64? = nil
        ) {
            (self.separator, self.decimalComma, self.bom, self.crlf, self.shuffle) = (separator, decimalComma, bom, crlf, shuffle)
        }
    }

    package func write(to folder: URL, _ s: Spelling) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func csv(_ header: [String], _ rows: [[String]], numbers: Set<Int> = [], ordered: Bool = false) -> String {
            var rows = rows
            if let seed = s.shuffle, !ordered {
                var r = SplitMix(seed: seed)
                for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, Int(r.next() % UInt64(i + 1))) }
            }
            let newline = s.crlf ? "\r\n" : "\n"
            let lines = ([header] + rows).map { cells in
                cells.enumerated().map { column, cell -> String in
                    var c = cell
                    if s.decimalComma, numbers.contains(column) {
                        c = c.replacingOccurrences(of: ".", with: ",")
                    }
                    return c.contains(s.separator) || c.contains("\"") || c.contains("'")
                        ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
                }.joined(separator: s.separator)
            }
            return (s.bom ? "\u{FEFF}" : "") + lines.joined(separator: newline) + newline
        }
        let files = [
            "framework.csv": csv(["code", "name", "max", "method", "lead"], frameworkRows, numbers: [2]),
            // The order of units.csv is meaningful (groups appear in the order of their first unit).
            // Each its own ký hiệu: "Anh" and "Ánh" would both derive `A`.
            "units.csv": csv(
                ["id", "name", "group", "short", "signer"],
                units.map { [$0.id, $0.name, $0.group, $0.id.uppercased(), "Lê Văn \($0.id)"] }, ordered: true),
            "scores.csv": csv(["unit", "code", "self", "appraised", "evidence", "explanation"], scores, numbers: [2, 3]),
            "survey.csv": csv(["unit", "code", "score", "ratio"], survey, numbers: [2, 3]),
            "plan.yaml": """
            year: 2024
            issuer: {name: Ủy ban nhân dân tỉnh Thử, short: UBND}
            place: Thử
            documents:
              plan: {signer: {competence: TM., body: ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Nguyễn Văn Thử}}
              appraisal: {signer: {position: GIÁM ĐỐC, name: Trần Văn Thử}}
              report: {signer: {position: GIÁM ĐỐC, name: Trần Văn Thử}}
              decision:
                bases: [Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015, Theo đề nghị của Giám đốc Sở Nội vụ]
                signer: {competence: TM., body: ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Nguyễn Văn Thử}

            """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }
}
