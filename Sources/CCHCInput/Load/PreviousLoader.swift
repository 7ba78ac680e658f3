import CCHCCore
import Foundation

/// Reads previous.csv: last year's index and rank of each unit.
package enum PreviousLoader {
    /// - Parameter archivedGroupSizes: with `--previous-from`, how many units each unit's group
    ///   had in the archived results: a rank beyond it is an error. From previous.csv, a rank
    ///   beyond the group's size this year is a warning (groups change a little from year to year).
    package static func load(
        _ table: CSVTable, _ context: LoadContext, archivedGroupSizes: [String: Int]? = nil,
        diagnostics: inout DiagnosticEngine
    ) -> [String: PreviousResult] {
        let units = context.units
        let file = table.file
        guard table.require(["unit", "index", "rank"], diagnostics: &diagnostics) else { return [:] }
        let (cUnit, cIndex, cRank, cTotal) = (
            table.column("unit"), table.column("index"), table.column("rank"), table.column("total")
        )
        var result: [String: PreviousResult] = [:]
        let groupSizes = Dictionary(units.values.map { ($0.group, 1) }, uniquingKeysWith: +)
        for r in table.rows {
            let unit = table.value(r, cUnit)
            if context.unitsFailed || context.rejectedUnits.contains(unit) { continue }
            if units[unit] == nil {
                diagnostics.warning(file, line: r.line, field: "unit", "'\(unit)' is not in units.csv; its row is ignored")
                continue
            }
            if let first = result[unit] {
                diagnostics.error(file, line: r.line, "unit \(unit) appears twice (first on line \(first.line))")
                continue
            }
            let rankText = table.value(r, cRank)
            let indexText = table.value(r, cIndex)
            guard let rank = NumberParser.positiveInteger(rankText) else {
                diagnostics.error(file, line: r.line, field: "rank", "'\(rankText)'; expected a whole number ≥ 1")
                continue
            }
            if let sizes = archivedGroupSizes {
                if let size = sizes[unit], rank > size {
                    diagnostics.error(
                        file, line: r.line,
                        field: "rank",
                        "\(rank) for unit \(unit) is beyond its group of \(size) units in the archived results; expected 1 to \(size)"
                    )
                    continue
                }
            } else if let size = groupSizes[units[unit]?.group ?? ""], rank > size {
                diagnostics.warning(
                    file, line: r.line,
                    field: "rank",
                    "\(rank) for unit \(unit) is beyond the \(size) units of its group this year; check last year's rank"
                )
            }
            var index: Points = 0
            switch NumberParser.points(indexText) {
            case .success(let v) where v <= 100: index = v
            case .success(let v):
                diagnostics.error(file, line: r.line, field: "index", "\(v) is above 100; expected 0 to 100")
                continue
            case .failure(let p):
                diagnostics.error(file, line: r.line, field: "index", "'\(indexText)'; expected \(p.expected)")
                continue
            }
            var total: Points?
            let totalText = table.value(r, cTotal)
            if !totalText.isEmpty {
                switch NumberParser.points(totalText) {
                case .success(let v): total = v
                case .failure(let p):
                    diagnostics.error(file, line: r.line, field: "total", "'\(totalText)'; expected \(p.expected)")
                }
            }
            result[unit] = PreviousResult(unit: unit, index: index, rank: rank, total: total, line: r.line)
        }
        return result
    }
}
