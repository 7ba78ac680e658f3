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
        KnownColumns.warnUnknown(table, known: KnownColumns.previous, diagnostics: &diagnostics)
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
        checkOrder(result, units, file: file, diagnostics: &diagnostics)
        return result
    }

    /// Last year's ranks follow last year's indexes within each group (a higher index, a better
    /// rank; one index, one rank): ranks that contradict them would be published as "chỉ số giảm
    /// 5,57 điểm, tăng 10 bậc". Each contradiction is warned at the row ranked too well.
    private static func checkOrder(
        _ previous: [String: PreviousResult], _ units: [String: AssessedUnit], file: SourceName,
        diagnostics: inout DiagnosticEngine
    ) {
        let byGroup = Dictionary(grouping: previous.values) { units[$0.unit]?.group ?? "" }
        for group in byGroup.keys.sorted() {
            let rows = byGroup[group]!.sorted { ($0.index, $1.line) > ($1.index, $0.line) }
            for (higher, lower) in zip(rows, rows.dropFirst()) {
                let contradicts = higher.index == lower.index ? higher.rank != lower.rank : higher.rank >= lower.rank
                guard contradicts else { continue }
                let (a, b) = higher.line < lower.line ? (higher, lower) : (lower, higher)
                diagnostics.warning(
                    file, line: b.line, field: "rank",
                    "unit \(b.unit) ranked \(b.rank) at index \(VietnameseNumber.format(b.index)) and unit \(a.unit) (line \(a.line)) ranked \(a.rank) at \(VietnameseNumber.format(a.index)), in group '\(group)': last year's ranks do not follow last year's indexes; expected the ranks of the published results (a higher index ranks better, equal indexes share a rank), or the documents state rank changes that contradict the index changes"
                )
            }
        }
    }
}
