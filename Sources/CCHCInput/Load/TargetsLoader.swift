import CCHCCore
import Foundation

/// Reads targets.csv: a unit's targets per criterion and year (mục tiêu phấn đấu).
package enum TargetsLoader {
    package static func load(_ table: CSVTable, _ context: LoadContext, diagnostics: inout DiagnosticEngine) -> [TargetEntry] {
        let file = table.file
        guard table.require(["unit", "code", "year", "target"], diagnostics: &diagnostics) else { return [] }
        KnownColumns.warnUnknown(table, known: KnownColumns.targets, diagnostics: &diagnostics)
        let c = (
            unit: table.column("unit"), code: table.column("code"), year: table.column("year"),
            target: table.column("target"), action: table.column("action"), lead: table.column("lead")
        )
        var seen: [String: Int] = [:]
        var result: [TargetEntry] = []
        for r in table.rows {
            guard let (unit, criterion) = context.resolve(table, r, unit: c.unit, code: c.code, diagnostics: &diagnostics) else {
                continue
            }
            let (unitId, code) = (unit.id, criterion.code)
            let yearText = table.value(r, c.year)
            guard let year = NumberParser.positiveInteger(yearText), (1900...2200).contains(year) else {
                diagnostics.error(file, line: r.line, field: "year", "'\(yearText)'; expected a year such as 2020")
                continue
            }
            let key = "\(unitId)|\(code)|\(year)"
            if let first = seen[key] {
                diagnostics.error(
                    file, line: r.line, "unit \(unitId), code \(code), year \(year) has two targets (first on line \(first))")
                continue
            }
            seen[key] = r.line
            let targetText = table.value(r, c.target)
            switch NumberParser.points(targetText) {
            case .success(let v) where v > criterion.max:
                diagnostics.error(
                    file, line: r.line,
                    field: "target", "\(v) for \(code) is above its max \(criterion.max); expected 0 to \(criterion.max)")
            case .success(let v):
                result.append(
                    TargetEntry(
                        unit: unitId, code: code, year: year, target: v, action: table.value(r, c.action),
                        lead: table.value(r, c.lead), line: r.line))
            case .failure(let p):
                diagnostics.error(file, line: r.line, field: "target", "'\(targetText)' for \(code); expected \(p.expected)")
            }
        }
        return result
    }
}
