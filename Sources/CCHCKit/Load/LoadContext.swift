/// What the loaders of scores, survey, previous and targets need to know: the valid units and
/// frameworks, and what already failed, so that one mistake is reported once and not again for
/// every row that depends on it.
struct LoadContext {
    var units: [String: AssessedUnit]
    var frameworks: [String: Framework]
    /// units.csv could not be read at all.
    var unitsFailed: Bool
    /// Ids of units.csv rows that were rejected.
    var rejectedUnits: Set<String>
    /// Framework files that are present but could not be loaded.
    var failedFrameworks: Set<String>

    /// Whether rows of this unit id are already covered by an earlier error.
    func isCovered(_ unitId: String) -> Bool {
        if unitsFailed || rejectedUnits.contains(unitId) { return true }
        if let unit = units[unitId], failedFrameworks.contains(unit.framework) { return true }
        return false
    }
}
