import CCHCTestSupport
import Foundation
import FoundationXML
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit

/// One table of an XML document: its columns and rows as printed, with each number's value.
struct AuditedTable {
    struct Cell {
        var text: String
        var value: Decimal?
        var max: Decimal?
        var isNumber: Bool
    }
    struct Row {
        var cells: [Cell]
    }

    var id: String
    var columns: [String]
    var rows: [Row]

    static func read(_ url: URL) throws -> [AuditedTable] {
        let document = try XMLDocument(contentsOf: url, options: [])
        return try document.nodes(forXPath: "//*[local-name()='Table']").compactMap { node -> AuditedTable? in
            guard let table = node as? XMLElement else { return nil }
            let columns = try table.nodes(forXPath: "./*[local-name()='Columns']/*").map { $0.stringValue ?? "" }
            let rows = try table.nodes(forXPath: "./*[local-name()='Row']").map { row in
                Row(
                    cells: (row.children ?? []).compactMap { $0 as? XMLElement }.map { cell in
                        let isNumber = cell.localName == "Number"
                        let value = attribute(cell, "value").flatMap { Decimal(string: $0) }
                        let max = attribute(cell, "max").flatMap { Decimal(string: $0) }
                        return Cell(text: cell.stringValue ?? "", value: value, max: max, isNumber: isNumber)
                    })
            }
            return AuditedTable(id: attribute(table, "id") ?? "", columns: columns, rows: rows)
        }
    }

    /// An attribute's value (FoundationXML on Linux does not find one by name in a namespaced document).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        (element.attributes ?? []).first { $0.name == name || $0.localName == name }?.stringValue
    }

    func column(_ title: String) -> Int? { columns.firstIndex(of: title) }

    /// A number of a row, `0` where the cell is blank or a dash (nothing, or N/A).
    func value(_ row: Row, _ column: Int) -> Decimal { row.cells.indices.contains(column) ? row.cells[column].value ?? 0 : 0 }

    /// A number of a row as printed (`57,57`, `95,32/100`, `+1,25`), `0` where the cell is blank
    /// or a dash: what an auditor adds up with a pencil.
    func printed(_ row: Row, _ column: Int) -> Decimal {
        guard row.cells.indices.contains(column) else { return 0 }
        return Self.printedNumber(row.cells[column].text) ?? 0
    }

    /// `57,57` → 57.57, `1.234,5` → 1234.5, `+1,25` → 1.25, `95,32/100` → 95.32.
    static func printedNumber(_ text: String) -> Decimal? {
        var t = text.split(separator: "/").first.map(String.init) ?? text
        t = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            .replacingOccurrences(of: "+", with: "").replacingOccurrences(of: "−", with: "-")
            .trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t != "-" else { return nil }
        return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    }

    static let additive = [
        "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm đạt", "Điểm bị mất", "Điểm tự chấm bị mất",
        "Điểm thẩm định lần 1",
    ]

    /// In a table of criteria (a `Mã` column): each parent's row is the sum of its children's,
    /// and a total row (no code) the sum of the fields. The plan's table of who leads which field
    /// (`lead-…`) lists fields and only the criteria led by another agency: it is no tree to add.
    func sumsOfChildren() -> [String] {
        guard let codeColumn = column("Mã"), !id.hasPrefix("lead-") else { return [] }
        let codes = rows.map { CriterionCode($0.cells[codeColumn].text) }
        var problems: [String] = []
        for title in Self.additive {
            guard let c = column(title) else { continue }
            for (i, row) in rows.enumerated() {
                let children: [Int]
                if let code = codes[i] {
                    children = codes.indices.filter { codes[$0]?.parent == code }
                } else {
                    children = codes.indices.filter { codes[$0]?.depth == 1 }
                }
                guard !children.isEmpty else { continue }
                // As printed, exactly: printed parts add up to their printed total (SPEC §3).
                let sum = children.reduce(Decimal(0)) { $0 + printed(rows[$1], c) }
                if sum != printed(row, c) {
                    problems.append(
                        "row \(codes[i]?.description ?? "total") '\(title)' prints \(row.cells[c].text), its rows add up to \(sum)"
                    )
                }
            }
        }
        return problems
    }

    /// `Chênh lệch` is `Điểm thẩm định` − `Điểm tự đánh giá` in every row, and `Chênh lệch chỉ
    /// số` is `Chỉ số năm nay` − `Chỉ số năm trước`.
    func differences() -> [String] {
        let pairs = [
            ("Chênh lệch", "Điểm thẩm định", "Điểm tự đánh giá"), ("Chênh lệch chỉ số", "Chỉ số năm nay", "Chỉ số năm trước"),
            ("Chênh lệch lần 2", "Điểm thẩm định lần 2", "Điểm thẩm định lần 1"),
        ]
        return pairs.flatMap { title, minuend, subtrahend -> [String] in
            guard let d = column(title), let a = column(minuend), let s = column(subtrahend) else { return [] }
            return rows.enumerated().compactMap { i, row in
                let expected = printed(row, a) - printed(row, s)
                return expected != printed(row, d)
                    ? "row \(i + 1) '\(title)' prints \(row.cells[d].text), \(minuend) − \(subtrahend) is \(expected)" : nil
            }
        }
    }

    /// In a ranking (a `Đơn vị` and a `Tổng điểm`): every unit's total, index, rank and scores by
    /// method are the computed ones, and the total is the sum of the method columns.
    func rankings(_ results: Results) -> [String] {
        guard let nameColumn = column("Đơn vị"), let totalColumn = column("Tổng điểm") else { return [] }
        let units = Dictionary(results.groups.flatMap(\.units).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        let methods: [(String, ScoringMethod)] = [
            ("Điểm thẩm định", .thamDinh), ("Điểm điều tra XHH", .dieuTra), ("Điểm SIPAS", .sipas),
        ]
        for row in rows {
            guard let unit = units[row.cells[nameColumn].text] else { continue }
            func expect(_ title: String, _ computed: Decimal?) {
                guard let c = column(title), let computed else { return }
                if printed(row, c) != Points(computed).roundedHalfUp(results.precision).decimal {
                    problems.append("\(unit.name) '\(title)' prints \(row.cells[c].text), computed \(computed)")
                }
            }
            expect("Tổng điểm", unit.total.decimal)
            expect("Chỉ số (%)", unit.index?.decimal)
            // Chỉ số = Tổng điểm ÷ its max × 100, from what the row prints.
            if let c = column("Chỉ số (%)"), let max = row.cells[totalColumn].max, max > 0 {
                let index = Points(printed(row, totalColumn) * 100 / max).roundedHalfUp(results.precision).decimal
                if index != printed(row, c) {
                    problems.append("\(unit.name) 'Chỉ số (%)' prints \(row.cells[c].text), Tổng điểm ÷ max × 100 is \(index)")
                }
            }
            expect("Xếp hạng", unit.rank.map { Decimal($0) })
            var sum = Decimal(0)
            var present = 0
            for (title, method) in methods {
                let score = unit.byMethod.first { $0.method == method }?.score.decimal ?? 0
                expect(title, score)
                if let c = column(title) {
                    sum += printed(row, c)
                    present += 1
                }
            }
            if present > 0 && sum != printed(row, totalColumn) {
                problems.append(
                    "\(unit.name) 'Tổng điểm' prints \(row.cells[totalColumn].text), its method columns add up to \(sum)")
            }
        }
        return problems
    }

    /// A table of each unit's index per field (`LV 1`, `LV 2`, …): every number is the unit's
    /// computed field index.
    func fieldResults(_ results: Results) -> [String] {
        guard let nameColumn = column("Đơn vị"), id.hasPrefix("fields-index-") else { return [] }
        let units = Dictionary(results.groups.flatMap(\.units).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        for row in rows {
            guard let unit = units[row.cells[nameColumn].text] else { continue }
            for (c, title) in columns.enumerated() where title.hasPrefix("LV ") {
                let field = unit.fields.first { "LV \($0.code)" == title }
                if row.cells[c].value != field?.index?.decimal {
                    problems.append(
                        "\(unit.name) '\(title)' prints \(row.cells[c].text), computed \(field?.index?.description ?? "none")")
                }
            }
        }
        return problems
    }

    /// A table of scores by method (`Nội dung`) closes with a Tổng điểm row that adds them up.
    func methodTotals() -> [String] {
        guard let name = column("Nội dung"), let last = rows.last, last.cells[name].text == "Tổng điểm" else { return [] }
        return ["Điểm tối đa", "Điểm đạt"].compactMap { title in
            guard let c = column(title) else { return nil }
            let sum = rows.dropLast().reduce(Decimal(0)) { $0 + printed($1, c) }
            return sum != printed(last, c)
                ? "'Tổng điểm' row's '\(title)' prints \(last.cells[c].text), the methods add up to \(sum)" : nil
        }
    }

    /// A unit's own documents: the self-assessment's total is the unit's self total out of the
    /// max of the criteria it scores (N/A left out); the final appraisal's totals are its results.
    func unitTotals(_ file: String, _ results: Results, _ dataset: Dataset) -> [String] {
        let parts = file.split(separator: "/")
        guard parts.count == 2, let unit = results.groups.flatMap(\.units).first(where: { "\($0.id).xml" == parts[1] })
        else { return [] }
        var problems: [String] = []
        func expect(_ row: Row?, _ title: String, _ computed: Decimal?) {
            guard let row, let c = column(title), let computed else { return }
            if printed(row, c) != Points(computed).roundedHalfUp(results.precision).decimal {
                problems.append("\(unit.name) '\(title)' prints \(row.cells[c].text), computed \(computed)")
            }
        }
        let appraised = unit.byMethod.first { $0.method == .thamDinh }
        let selfMax = selfMaxOf(unit, dataset)
        switch (parts[0], id) {
        case ("tu-danh-gia", "criteria"):
            expect(rows.last, "Điểm tự đánh giá", unit.selfTotal.decimal)
            expect(rows.last, "Điểm tối đa", selfMax)
        case ("ket-qua-tham-dinh", "appraisal"):
            expect(rows.last, "Điểm tự đánh giá", unit.selfTotal.decimal)
            expect(rows.last, "Điểm thẩm định", appraised?.score.decimal)
            expect(rows.last, "Điểm tối đa", appraised?.max.decimal)
        case ("ket-qua-tham-dinh", "result"):
            expect(rows.last, "Điểm đạt", unit.total.decimal)
            expect(rows.last, "Điểm tối đa", unit.max.decimal)
        default: break
        }
        return problems
    }

    /// The max of the `tham-dinh` criteria the unit scores itself, N/A ones left out, from the
    /// framework and scores.csv as loaded.
    private func selfMaxOf(_ unit: UnitResult, _ dataset: Dataset) -> Decimal? {
        guard let assessed = dataset.units.first(where: { $0.id == unit.id }) else { return nil }
        let rows = dataset.scores[unit.id] ?? [:]
        return dataset.framework(of: assessed).leaves.filter { !$0.method.isSurvey && rows[$0.code]?.selfScore != .notApplicable }
            .reduce(Decimal(0)) { $0 + $1.max.decimal }
    }

    static let scoreColumns = [
        "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Điểm SIPAS", "Tổng điểm", "Chỉ số (%)", "Chênh lệch",
        "Điểm đạt",
        "Điểm bị mất", "Chỉ số năm trước", "Chỉ số năm nay", "Chênh lệch chỉ số", "Tổng điểm bị mất", "Bình quân mỗi đơn vị",
        "Điểm thẩm định lần 1",
    ]

    /// Every score column prints the plan's decimals in every row.
    func decimals(_ precision: Int) -> [String] {
        Self.scoreColumns.compactMap { title in
            guard let c = column(title) else { return nil }
            let printed = rows.compactMap { row in row.cells.indices.contains(c) ? row.cells[c].text : nil }
                .filter { !$0.isEmpty && $0 != "-" }
            // `95,32/100`: the score is what stands before the max.
            let scores = printed.map { $0.split(separator: "/").first.map(String.init) ?? $0 }
            let odd = scores.filter { text in (text.split(separator: ",").dropFirst().first?.count ?? 0) != precision }
            return odd.isEmpty ? nil : "'\(title)' prints \(odd.prefix(3).joined(separator: ", ")) beside \(precision) decimals"
        }
    }
}
