import Foundation

/// Reads previous.csv: last year's index and rank of each unit.
enum PreviousLoader {
    static func load(_ table: CSVTable, _ context: LoadContext, diagnostics: inout DiagnosticEngine) -> [String: PreviousResult] {
        let units = context.units
        let file = table.file
        guard table.require(["unit", "index", "rank"], diagnostics: &diagnostics) else { return [:] }
        let (cUnit, cIndex, cRank, cTotal) = (
            table.column("unit"), table.column("index"), table.column("rank"), table.column("total")
        )
        var result: [String: PreviousResult] = [:]
        for r in table.rows {
            let unit = table.value(r, cUnit)
            if context.unitsFailed || context.rejectedUnits.contains(unit) { continue }
            if units[unit] == nil {
                diagnostics.warning(file, line: r.line, "column 'unit': '\(unit)' is not in units.csv; its row is ignored")
                continue
            }
            if let first = result[unit] {
                diagnostics.error(file, line: r.line, "unit \(unit) appears twice (first on line \(first.line))")
                continue
            }
            let rankText = table.value(r, cRank)
            let indexText = table.value(r, cIndex)
            guard let rank = NumberParser.positiveInteger(rankText) else {
                diagnostics.error(file, line: r.line, "column 'rank': '\(rankText)'; expected a whole number ≥ 1")
                continue
            }
            var index: Decimal = 0
            switch NumberParser.decimal(indexText) {
            case .success(let v) where v <= 100: index = v
            case .success(let v):
                diagnostics.error(file, line: r.line, "column 'index': \(v) is above 100; expected 0 to 100")
                continue
            case .failure(let p):
                diagnostics.error(file, line: r.line, "column 'index': '\(indexText)'; expected \(p.expected)")
                continue
            }
            var total: Decimal?
            let totalText = table.value(r, cTotal)
            if !totalText.isEmpty {
                switch NumberParser.decimal(totalText) {
                case .success(let v): total = v
                case .failure(let p):
                    diagnostics.error(file, line: r.line, "column 'total': '\(totalText)'; expected \(p.expected)")
                }
            }
            result[unit] = PreviousResult(unit: unit, index: index, rank: rank, total: total, line: r.line)
        }
        return result
    }
}
