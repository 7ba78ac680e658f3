import CCHCCore
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
    /// The name each table was read under, by its CSV name, where it is not that CSV file:
    /// `scores.csv` → `scores.xlsx[scores]` or `dataset.xlsx[scores]`.
    public var tableFiles: [String: SourceName] = [:]

    /// Hội đồng thẩm định: council.csv's members, else plan.yaml's `council`, else none.
    public var council: [CouncilMember] = []

    /// The survey tallied from questions.csv and responses.csv, when the dataset has them.
    package var surveyForms: SurveyTally.Outcome?

    /// The header of each table read from a sheet, by the name it was read under: the columns
    /// of a sheet are cells a message can name.
    package var sheetHeaders: [SourceName: [String]] = [:]

    /// Whether the appraisal had two rounds: scores.csv has a first round (`round1`, `comment1` or
    /// `response` filled in somewhere).
    public var hasTwoAppraisalRounds: Bool {
        scores.values.contains { sheet in
            sheet.values.contains { $0.round1 != .missing || !$0.comment1.isEmpty || !$0.response.isEmpty }
        }
    }

    /// The name a table was read under, for messages: `scores.csv` or `scores.xlsx[scores]`.
    public func file(_ name: String) -> SourceName { tableFiles[name] ?? SourceName(name) }

    /// Problems found after loading, named at the table and cell they are about: a problem
    /// reported at `scores.csv` is at `scores.xlsx[scores]!E12` when the scores came from there.
    package func located(_ found: DiagnosticEngine) -> DiagnosticEngine {
        guard !tableFiles.isEmpty else { return found }
        var renamed = DiagnosticEngine()
        renamed.append(
            contentsOf: found.diagnostics.map { d in
                var d = d
                if d.file.sheet == nil { d.file = file(d.file.file) }
                return d
            })
        return SheetCells.locate(renamed, headers: sheetHeaders)
    }

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
