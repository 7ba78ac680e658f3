import CCHCCore
import Foundation

/// Reads survey.csv: one `score` (points) or `ratio` (0–1 or %) per unit and survey leaf, its
/// points rounded half-up to the plan's precision.
package enum SurveyLoader {
    package static func load(_ table: CSVTable, _ context: LoadContext, diagnostics: inout DiagnosticEngine) -> [String:
        [CriterionCode:
        SurveyEntry]]
    {
        let file = table.file
        guard table.require(["unit", "code"], diagnostics: &diagnostics) else { return [:] }
        KnownColumns.warnUnknown(table, known: KnownColumns.survey, diagnostics: &diagnostics)
        let (cUnit, cCode, cScore, cRatio) = (
            table.column("unit"), table.column("code"), table.column("score"), table.column("ratio")
        )
        if cScore == nil && cRatio == nil {
            diagnostics.error(file, line: 1, "missing column 'score' or 'ratio'; expected at least one of them")
            return [:]
        }
        var result: [String: [CriterionCode: SurveyEntry]] = [:]
        for r in table.rows {
            guard let (unit, criterion) = context.resolve(table, r, unit: cUnit, code: cCode, diagnostics: &diagnostics) else {
                continue
            }
            let (unitId, code) = (unit.id, criterion.code)
            guard criterion.isLeaf, criterion.method.isSurvey else {
                let what =
                    criterion.isLeaf
                    ? "scored by appraisal (tham-dinh); expected its score in scores.csv"
                    : "not a leaf; expected a survey leaf under it"
                diagnostics.error(file, line: r.line, field: "code", "\(code) is \(what)")
                continue
            }
            if let first = result[unitId]?[code] {
                diagnostics.error(
                    file, line: r.line, "unit \(unitId), code \(code) has two survey rows (first on line \(first.line))")
                continue
            }
            var points = points(table.value(r, cScore), table.value(r, cRatio), criterion, r.line, file, &diagnostics) ?? .invalid
            // Điểm quy đổi: a survey leaf's points enter rounded half-up to the plan's precision,
            // as published results print them, so that printed parts add up (SPEC §3).
            if case .points(let p) = points { points = .points(p.roundedHalfUp(context.precision)) }
            result[unitId, default: [:]][code] = SurveyEntry(unit: unitId, code: code, points: points, line: r.line)
        }
        return result
    }

    private static func points(
        _ score: String, _ ratio: String, _ criterion: Criterion, _ line: Int, _ file: SourceName,
        _ diagnostics: inout DiagnosticEngine
    ) -> ScoreValue? {
        switch (score.isEmpty, ratio.isEmpty) {
        case (true, true):
            return .missing  // reported by the validate step, once for a unit none of whose rows is filled in
        case (false, false):
            diagnostics.error(
                file, line: line,
                "\(criterion.code) has both 'score' (\(score)) and 'ratio' (\(ratio)); expected exactly one of them")
            return nil
        case (false, true):
            return ScoresLoader.cell(score, column: "score", criterion, line, file, &diagnostics)
        case (true, false):
            if ScoresLoader.isNotApplicable(ratio) { return .notApplicable }
            switch NumberParser.ratio(ratio) {
            case .success(let fraction) where fraction > 1:
                diagnostics.error(
                    file, line: line, field: "ratio", "'\(ratio)' for \(criterion.code) is above 100%; expected 0–1 or 0%–100%")
                return nil
            case .success(let fraction):
                return .points(fraction * criterion.max)
            case .failure(let p):
                diagnostics.error(
                    file, line: line,
                    field: "ratio",
                    "'\(ratio)' for \(criterion.code); expected \(p.expected) (0–1 or a percentage such as 83,84%)"
                )
                return nil
            }
        }
    }
}
