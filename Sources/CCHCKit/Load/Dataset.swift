import Foundation

/// A dataset folder, loaded and checked: everything the computation and the documents need.
public struct Dataset: Sendable {
    /// The folder's name, e.g. `an-giang-2022`.
    public var name: String
    public var folder: URL
    public var plan: Plan
    /// Where each key of plan.yaml stands, for messages about it.
    public var planLocations: YAMLLocations
    /// Frameworks by file name.
    public var frameworks: [String: Framework]
    /// Units in the order of units.csv.
    public var units: [AssessedUnit]
    /// scores.csv rows by unit id, then code (leaves and declared totals).
    public var scores: [String: [CriterionCode: ScoreEntry]]
    /// survey.csv rows by unit id, then code.
    public var survey: [String: [CriterionCode: SurveyEntry]]
    /// previous.csv rows by unit id.
    public var previous: [String: PreviousResult]
    /// targets.csv rows in file order.
    public var targets: [TargetEntry]

    /// The framework a unit is assessed on.
    public func framework(of unit: AssessedUnit) -> Framework {
        frameworks[unit.framework] ?? Framework(file: unit.framework, criteria: [])
    }

    /// Ranking groups in the order of their first unit.
    public var groups: [String] {
        var seen = Set<String>()
        return units.compactMap { seen.insert($0.group).inserted ? $0.group : nil }
    }
}
