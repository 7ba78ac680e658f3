import CCHCCore
import CCHCInput
import Foundation

/// Checks the totals users type on parent rows (scores.csv) and parent targets (targets.csv)
/// against the sums CCHC computes, reporting code, declared, computed and delta.
package enum DeclaredTotals {
    package static func check(_ dataset: Dataset, _ groups: [GroupResult], warnings: inout DiagnosticEngine) {
        let results = Dictionary(groups.flatMap(\.units).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Unit by unit on every core; the warnings are joined in unit order.
        let perUnit = Parallel.map(dataset.units.count) { u -> [Diagnostic] in
            let unit = dataset.units[u]
            guard let result = results[unit.id], let rows = dataset.scores[unit.id] else { return [] }
            var found = DiagnosticEngine()
            let framework = dataset.framework(of: unit)
            for row in rows.values.sorted(by: { $0.line < $1.line }) {
                guard let i = framework.position[row.code], !framework.criteria[i].isLeaf else { continue }
                compare(row.selfScore, result.scores.selfScore[i], "self", unit, row, &found)
                compare(row.appraised, result.scores.final[i], "appraised", unit, row, &found)
            }
            return found.diagnostics
        }
        var found = DiagnosticEngine()
        for diagnostics in perUnit { found.append(contentsOf: diagnostics) }
        checkTargets(dataset, warnings: &found)
        warnings.append(contentsOf: dataset.located(found).diagnostics)
    }

    private static func compare(
        _ declared: ScoreValue, _ computed: Points?, _ column: String, _ unit: AssessedUnit,
        _ row: ScoreEntry, _ warnings: inout DiagnosticEngine
    ) {
        guard let d = declared.points else { return }
        let c = computed ?? 0
        guard d != c else { return }
        warnings.warning(
            SourceName(DatasetFiles.scores), line: row.line,
            field: "\(column)",
            "unit \(unit.id), code \(row.code): declared total \(d), computed \(c) (delta \(signed(d - c))); the computed sum is used"
        )
    }

    private static func checkTargets(_ dataset: Dataset, warnings: inout DiagnosticEngine) {
        var byKey: [String: [CriterionCode: TargetEntry]] = [:]
        for t in dataset.targets { byKey["\(t.unit)|\(t.year)", default: [:]][t.code] = t }
        let units = Dictionary(dataset.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for t in dataset.targets {
            guard let unit = units[t.unit] else { continue }
            let framework = dataset.framework(of: unit)
            guard let c = framework[t.code], !c.isLeaf, let map = byKey["\(t.unit)|\(t.year)"] else { continue }
            let leaves = framework.leaves(under: t.code)
            let values = leaves.compactMap { map[$0.code]?.target }
            guard values.count == leaves.count else { continue }
            let sum = values.reduce(0, +)
            if sum != t.target {
                warnings.warning(
                    SourceName(DatasetFiles.targets), line: t.line,
                    field: "target",
                    "unit \(t.unit), code \(t.code), year \(t.year): declared \(t.target), computed \(sum) (delta \(signed(t.target - sum))); the plan prints the adopted \(t.target)"
                )
            }
        }
    }

    package static func signed(_ d: Points) -> String { d > 0 ? "+\(d)" : "\(d)" }
}
