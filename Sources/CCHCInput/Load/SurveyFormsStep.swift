import CCHCCore
import Foundation

/// The survey's raw forms in a load: questions.csv and responses.csv read and checked, the
/// answers tallied into survey points (`SurveyTally`) and joined to survey.csv's rows, a leaf
/// given by both refused; a unit with fewer forms than the plan's minimum, or than its population
/// needs, warned about.
package enum SurveyFormsStep {
    /// `nil` when the dataset has neither table; the tables read, for naming cells.
    package static func run(
        _ sources: DatasetSources, _ context: LoadContext, plan: (Plan, YAMLLocations)?,
        survey: inout [String: [CriterionCode: SurveyEntry]], diagnostics: inout DiagnosticEngine
    ) -> (outcome: SurveyTally.Outcome?, tables: [CSVTable?]) {
        guard sources.has(DatasetFiles.questions) || sources.has(DatasetFiles.responses) else { return (nil, []) }
        let questionsTable = sources.table(DatasetFiles.questions, required: true, diagnostics: &diagnostics)
        let responsesTable = sources.table(DatasetFiles.responses, required: true, diagnostics: &diagnostics)
        guard let questionsTable, let responsesTable else { return (nil, [questionsTable, responsesTable]) }
        let questions = SurveyFormsLoader.questions(questionsTable, context, diagnostics: &diagnostics)
        let responses = SurveyFormsLoader.responses(responsesTable, questions, context, diagnostics: &diagnostics)
        let groups = Set(responses.map(\.group))
        let pooling =
            plan.map { SurveyFormsLoader.pooling($0.0, $0.1, groups: groups, diagnostics: &diagnostics) } ?? .pooled
        guard let pooling, checkFrameworks(questions, responses, context, responsesTable.file, &diagnostics) else {
            return (nil, [questionsTable, responsesTable])
        }
        let outcome = SurveyTally.tally(
            questions, responses, pooling: pooling,
            max: { unit, code in context.units[unit].flatMap { context.frameworks[$0.framework]?[code]?.max } },
            precision: context.precision)
        let firstLine = Dictionary(responses.map { ($0.unit, $0.line) }, uniquingKeysWith: min)
        for (unit, byCode) in outcome.points {
            for (code, points) in byCode {
                if let row = survey[unit]?[code] {
                    diagnostics.error(
                        SourceName(DatasetFiles.survey), line: row.line,
                        "unit \(unit), code \(code) is given both here and by the answers in responses.csv; expected one of them (remove this row, or the questions of \(code))"
                    )
                    continue
                }
                survey[unit, default: [:]][code] = SurveyEntry(
                    unit: unit, code: code, points: .points(points), line: firstLine[unit] ?? 0)
            }
        }
        warnFewForms(outcome, context, plan?.0.survey?.minimum, firstLine, responsesTable.file, &diagnostics)
        return (outcome, [questionsTable, responsesTable])
    }

    /// Every answered question of a form must count towards a survey leaf of the rated unit's
    /// framework. The questions each framework lacks are found once; a form is then looked at only
    /// when its unit's framework lacks some.
    private static func checkFrameworks(
        _ questions: [SurveyQuestion], _ responses: [SurveyResponse], _ context: LoadContext, _ file: SourceName,
        _ diagnostics: inout DiagnosticEngine
    ) -> Bool {
        let lacking = context.frameworks.mapValues { framework in
            questions.filter { q in framework[q.code].map { !$0.isLeaf || !$0.method.isSurvey } ?? true }
        }
        var reported = Set<String>()
        for r in responses {
            guard let unit = context.units[r.unit], let lacked = lacking[unit.framework], !lacked.isEmpty else { continue }
            for q in lacked where r.answers[q.id] != nil && reported.insert("\(r.unit) \(q.code)").inserted {
                diagnostics.error(
                    file, line: r.line, field: q.id,
                    "unit \(r.unit) is rated on question \(q.id), which counts towards \(q.code), not a survey criterion of \(context.frameworkLabels[unit.framework]?.description ?? unit.framework); expected only questions of the unit's framework"
                )
            }
        }
        return reported.isEmpty
    }

    /// Fewer forms for a unit than `survey.minimum`, or than ⌈N ÷ (1 + N·0,05²)⌉ for its `population` N.
    private static func warnFewForms(
        _ outcome: SurveyTally.Outcome, _ context: LoadContext, _ minimum: Int?, _ firstLine: [String: Int],
        _ file: SourceName, _ diagnostics: inout DiagnosticEngine
    ) {
        for unit in outcome.respondents.keys.sorted() {
            let forms = outcome.respondents[unit]!.values.reduce(0, +)
            if let minimum, forms < minimum {
                diagnostics.warning(
                    file, line: firstLine[unit],
                    "unit \(unit): \(forms) form\(forms == 1 ? "" : "s") returned; expected at least \(minimum) (survey.minimum in plan.yaml) before its survey points are trusted"
                )
            }
            if let text = context.units[unit]?.extra["population"], let population = NumberParser.positiveInteger(text) {
                let needed = sampleSize(population)
                if forms < needed {
                    diagnostics.warning(
                        file, line: firstLine[unit],
                        "unit \(unit): \(forms) form\(forms == 1 ? "" : "s") returned; a population of \(population) (units.csv) needs at least \(needed) (⌈N ÷ (1 + N·0,05²)⌉)"
                    )
                }
            }
        }
    }

    /// Yamane's sample for a population `n` at a 5 % margin: ⌈n ÷ (1 + n·0,05²)⌉ = ⌈400n ÷ (400 + n)⌉.
    package static func sampleSize(_ n: Int) -> Int { (400 * n + 400 + n - 1) / (400 + n) }
}
