import CCHCCore

/// What the loaders of scores, survey, previous and targets need to know: the valid units and
/// frameworks, and what already failed, so that one mistake is reported once and not again for
/// every row that depends on it.
package struct LoadContext {
    package var units: [String: AssessedUnit]
    package var frameworks: [String: Framework]
    /// units.csv could not be read at all.
    package var unitsFailed: Bool
    /// Ids of units.csv rows that were rejected.
    package var rejectedUnits: Set<String>
    /// Framework files that are present but could not be loaded.
    package var failedFrameworks: Set<String>
    /// Where each framework was read from, when not its CSV file (`framework-so.xlsx[framework-so]`).
    package var frameworkLabels: [String: SourceName] = [:]
    /// The plan's `precision`: survey points are rounded to it, a typed score may not have more.
    package var precision: Int = 2
    /// The did-you-mean of each unknown unit id, found once: rows are checked on every core, and a
    /// million rows may name the same unknown unit.
    package let unitSuggestions = Locked<[String: String?]>([:])

    /// Whether rows of this unit id are already covered by an earlier error.
    package func isCovered(_ unitId: String) -> Bool {
        if unitsFailed || rejectedUnits.contains(unitId) { return true }
        if let unit = units[unitId], failedFrameworks.contains(unit.framework) { return true }
        return false
    }

    /// The unit and criterion a row of scores, survey or targets is about; `nil` (with the error
    /// reported, unless an earlier one covers it) when either is unknown.
    package func resolve(
        _ table: CSVTable, _ row: CSVTable.Row, unit unitColumn: Int?, code codeColumn: Int?,
        diagnostics: inout DiagnosticEngine
    ) -> (unit: AssessedUnit, criterion: Criterion)? {
        let unitId = table.value(row, unitColumn)
        let codeText = table.value(row, codeColumn)
        if isCovered(unitId) { return nil }
        guard let unit = units[unitId] else {
            let closest: String?
            if let known = unitSuggestions.withLock({ $0[unitId] }) {
                closest = known
            } else {
                closest = Suggestion.closest(unitId, among: units.keys)
                unitSuggestions.withLock { $0[unitId] = .some(closest) }
            }
            let hint = closest.map { "did you mean \($0)? " } ?? ""
            diagnostics.error(
                table.file, line: row.line, field: "unit", "'\(unitId)' is not in units.csv; \(hint)expected a unit id")
            return nil
        }
        guard let code = CriterionCode(codeText), let criterion = frameworks[unit.framework]?[code] else {
            let hint = suggestedCode(codeText, unit: unit).map { "did you mean \($0)? " } ?? ""
            diagnostics.error(
                table.file, line: row.line,
                field: "code",
                "'\(codeText)' is not a criterion of \(frameworkLabels[unit.framework]?.description ?? unit.framework) (unit \(unitId)); \(hint)expected a code of that framework"
            )
            return nil
        }
        return (unit, criterion)
    }

    /// The code of `unit`'s framework that `text` was most likely meant to be (`2.21` → 2.2.1).
    package func suggestedCode(_ text: String, unit: AssessedUnit) -> CriterionCode? {
        guard let framework = frameworks[unit.framework] else { return nil }
        return Suggestion.closest(text, among: framework.criteria.map(\.code.description)).flatMap(CriterionCode.init)
    }
}
