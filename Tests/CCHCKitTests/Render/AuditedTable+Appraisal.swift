import Foundation

@testable import CCHCCompute
@testable import CCHCCore

/// The council's appraisal report (bao-cao-tham-dinh) read as an auditor reads it.
extension AuditedTable {
    /// A table of units' appraisal (`appraisal-units-…`, `appraisal-answers`): each unit's self
    /// total and its final appraised total are the computed ones.
    func appraisalTotals(_ results: Results) -> [String] {
        guard id.hasPrefix("appraisal-units-") || id == "appraisal-answers", let name = column("Đơn vị") else { return [] }
        let units = Dictionary(results.groups.flatMap(\.units).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        for row in rows {
            guard let unit = units[row.cells[name].text] else {
                problems.append("'\(row.cells[name].text)' is no unit of the results")
                continue
            }
            let appraised = unit.byMethod.first { $0.method == .thamDinh }?.score.decimal ?? 0
            for (title, computed) in [
                ("Điểm tự đánh giá", unit.selfTotal.decimal), ("Điểm thẩm định", appraised), ("Điểm thẩm định lần 2", appraised),
            ] {
                guard let c = column(title) else { continue }
                if printed(row, c) != Points(computed).roundedHalfUp(results.precision).decimal {
                    problems.append("\(unit.name) '\(title)' prints \(row.cells[c].text), computed \(computed)")
                }
            }
        }
        return problems
    }

    /// The report's tables agree with each other: the points by field and lead agency add up to
    /// the units' totals, before and after, and so do the criteria adjusted.
    static func appraisalReportAddsUp(_ tables: [AuditedTable]) -> [String] {
        let units = tables.filter { $0.id.hasPrefix("appraisal-units-") }
        guard let fields = tables.first(where: { $0.id == "appraisal-fields" }), !units.isEmpty else {
            return ["the report has no table of units or no table of fields"]
        }
        func sum(_ table: AuditedTable, _ title: String) -> Decimal {
            guard let c = table.column(title) else { return -1 }
            return table.rows.reduce(Decimal(0)) { $0 + table.printed($1, c) }
        }
        return [
            ("Điểm tự đánh giá", "Điểm tự đánh giá"), ("Điểm thẩm định", "Điểm thẩm định"),
            ("Số lượt điều chỉnh", "Số tiêu chí điều chỉnh"),
        ].compactMap { fieldTitle, unitTitle in
            let byField = sum(fields, fieldTitle)
            let byUnit = units.reduce(Decimal(0)) { $0 + sum($1, unitTitle) }
            return byField == byUnit ? nil : "by field '\(fieldTitle)' adds up to \(byField), by unit to \(byUnit)"
        }
    }
}
