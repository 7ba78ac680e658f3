import CCHCCore
import Foundation

/// Cross-file checks once every file is read: what is missing is listed, not guessed.
package enum CompletenessCheck {
    /// - Parameters: scoresRead, surveyRead: whether the file could be read; when it could not,
    ///   that error already says everything and no unit is reported as missing rows.
    ///   misspelt: per unit, the codes whose misspelt rows were already reported.
    package static func run(
        _ dataset: Dataset, scoresRead: Bool, surveyRead: Bool, misspelt: [String: Set<CriterionCode>] = [:],
        diagnostics: inout DiagnosticEngine
    ) {
        // Each framework's leaves, split once into those scored in scores.csv and by survey.
        let leaves = dataset.frameworks.mapValues { f in
            (scored: f.leaves.filter { !$0.method.isSurvey }, surveyed: f.leaves.filter(\.method.isSurvey))
        }
        // Unit by unit on every core; the problems are joined in unit order.
        let perUnit = Parallel.map(dataset.units.count) { u -> [Diagnostic] in
            let unit = dataset.units[u]
            guard let split = leaves[unit.framework] else { return [] }
            var found = DiagnosticEngine()
            if scoresRead {
                checkScores(unit, split.scored, dataset.scores[unit.id], misspelt: misspelt[unit.id] ?? [], diagnostics: &found)
            }
            if surveyRead {
                checkSurvey(
                    unit, split.surveyed, dataset.survey[unit.id], forms: dataset.surveyForms != nil, diagnostics: &found)
            }
            if scoresRead && (surveyRead || split.surveyed.isEmpty) {
                checkSomethingApplies(
                    unit, split.scored, split.surveyed, dataset.scores[unit.id], dataset.survey[unit.id], diagnostics: &found)
            }
            return found.diagnostics
        }
        for found in perUnit { diagnostics.append(contentsOf: found) }
        for (name, framework) in dataset.frameworks.sorted(by: { $0.key < $1.key })
        where !framework.leaves.isEmpty && framework.leaves.allSatisfy({ $0.max == 0 }) {
            diagnostics.warning(
                SourceName(name),
                "every criterion's max is 0, so no unit assessed on it can have an index; expected the points of each criterion")
        }
        checkSurveySample(dataset, diagnostics: &diagnostics)
    }

    /// - Parameter leaves: the framework's leaves scored in scores.csv (not by survey).
    private static func checkScores(
        _ unit: AssessedUnit, _ leaves: [Criterion], _ rows: [CriterionCode: ScoreEntry]?, misspelt: Set<CriterionCode>,
        diagnostics: inout DiagnosticEngine
    ) {
        guard !leaves.isEmpty else { return }
        guard let rows, !rows.isEmpty else {
            diagnostics.error(
                SourceName(DatasetFiles.scores),
                "unit \(unit.id) (\(unit.name)) has no scores; expected one row per tham-dinh criterion (\(leaves.count) rows)")
            return
        }
        if let unfilled = unfilled(
            unit, leaves.compactMap { rows[$0.code] }, of: leaves.count, "self and appraised scores (a number or N/A)")
        {
            return diagnostics.append(contentsOf: [unfilled])
        }
        for leaf in leaves {
            guard let row = rows[leaf.code] else {
                if misspelt.contains(leaf.code) { continue }
                diagnostics.error(
                    SourceName(DatasetFiles.scores),
                    "unit \(unit.id), code \(leaf.code): no row; expected self and appraised scores (or N/A)"
                )
                continue
            }
            let missing = [("self", row.selfScore), ("appraised", row.appraised)].filter { $0.1 == .missing }.map(\.0)
            if !missing.isEmpty {
                diagnostics.error(
                    SourceName(DatasetFiles.scores), line: row.line,
                    "unit \(unit.id), code \(leaf.code): \(missing.joined(separator: " and ")) missing; expected a number or N/A")
            }
        }
    }

    /// A unit whose every criterion is N/A, in scores.csv and survey.csv alike, has no applicable
    /// max: no index and no rank (the report leaves it out of its best and worst).
    private static func checkSomethingApplies(
        _ unit: AssessedUnit, _ scored: [Criterion], _ surveyed: [Criterion], _ rows: [CriterionCode: ScoreEntry]?,
        _ survey: [CriterionCode: SurveyEntry]?, diagnostics: inout DiagnosticEngine
    ) {
        guard !scored.isEmpty || !surveyed.isEmpty else { return }
        let scoresNA = scored.allSatisfy { leaf in rows?[leaf.code].map { $0.appraised == .notApplicable } ?? false }
        let surveyNA = surveyed.allSatisfy { leaf in survey?[leaf.code].map { $0.points == .notApplicable } ?? false }
        if scoresNA && surveyNA {
            let files = surveyed.isEmpty ? "scores.csv" : (scored.isEmpty ? "survey.csv" : "scores.csv and survey.csv")
            diagnostics.warning(
                SourceName(DatasetFiles.units), line: unit.line,
                "unit \(unit.id) (\(unit.name)): every criterion is N/A in \(files), so it has no index and no rank; check its scores"
            )
        }
    }

    /// - Parameter leaves: the framework's leaves scored by survey.
    private static func checkSurvey(
        _ unit: AssessedUnit, _ leaves: [Criterion], _ rows: [CriterionCode: SurveyEntry]?, forms: Bool,
        diagnostics: inout DiagnosticEngine
    ) {
        let present = leaves.compactMap { rows?[$0.code] }
        if let unfilled = unfilled(unit, present, of: leaves.count, "a score or a ratio (or N/A)") {
            return diagnostics.append(contentsOf: [unfilled])
        }
        for row in present where row.points == .missing {
            diagnostics.error(
                SourceName(DatasetFiles.survey), line: row.line,
                "\(row.code) has neither 'score' nor 'ratio'; expected exactly one of them")
        }
        for leaf in leaves where rows?[leaf.code] == nil {
            diagnostics.error(
                SourceName(DatasetFiles.survey),
                "unit \(unit.id), code \(leaf.code) (\(leaf.method.rawValue)): no survey result; expected a row with score or ratio"
                    + (forms ? ", or valid answers to its questions in responses.csv" : "")
            )
        }
    }

    /// One error for a unit none of whose rows is filled in yet (a fresh `cchc init`), instead of
    /// one per row; `nil` when some row is filled in, a row is missing, or there is only one.
    private static func unfilled(_ unit: AssessedUnit, _ rows: [some UnfilledRow], of count: Int, _ expected: String)
        -> Diagnostic?
    {
        guard count > 1, rows.count == count, rows.allSatisfy(\.isEmpty), let file = rows.first?.file else { return nil }
        let lines = rows.map(\.line)
        return Diagnostic(
            .error, file: SourceName(file), line: lines.min(),
            "unit \(unit.id) (\(unit.name)): none of its \(count) rows (lines \(lines.min() ?? 0)–\(lines.max() ?? 0)) is filled in yet; expected \(expected) in each"
        )
    }

    private static func checkSurveySample(_ dataset: Dataset, diagnostics: inout DiagnosticEngine) {
        guard let sample = dataset.plan.survey, let stated = sample.total else { return }
        let computed = sample.groups.reduce(0) { $0 + $1.count }
        guard stated != computed else { return }
        let at = dataset.planLocations.location(["survey", "total"])
        let parts = sample.groups.map { String($0.count) }.joined(separator: " + ")
        diagnostics.warning(
            SourceName(DatasetFiles.plan), line: at?.line, column: at?.column,
            "'survey.total': states \(stated) but the groups sum to \(computed) (\(parts)); the documents print \(computed)")
    }
}

/// A row the validate step can tell is not filled in at all.
package protocol UnfilledRow {
    var line: Int { get }
    var file: String { get }
    var isEmpty: Bool { get }
}

extension ScoreEntry: UnfilledRow {
    package var file: String { DatasetFiles.scores }
    package var isEmpty: Bool { selfScore == .missing && appraised == .missing }
}

extension SurveyEntry: UnfilledRow {
    package var file: String { DatasetFiles.survey }
    package var isEmpty: Bool { points == .missing }
}
