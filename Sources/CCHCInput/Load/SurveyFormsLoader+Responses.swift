import CCHCCore
import Foundation

extension SurveyFormsLoader {
    /// The returned forms of responses.csv, each row checked at its cells against `questions`.
    package static func responses(
        _ table: CSVTable, _ questions: [SurveyQuestion], _ context: LoadContext, diagnostics: inout DiagnosticEngine
    ) -> [SurveyResponse] {
        guard table.require(responseColumns, diagnostics: &diagnostics) else { return [] }
        let file = table.file
        let forms = Set(questions.map(\.form))
        let answered = questionColumns(table, questions, diagnostics: &diagnostics)
        var seen: [String: Int] = [:]
        var out: [SurveyResponse] = []
        out.reserveCapacity(table.rows.count)
        let columns = responseColumns.map { table.column($0) }
        for r in table.rows {
            let (respondent, form, group, unit) = (
                table.value(r, columns[0]), table.value(r, columns[1]), table.value(r, columns[2]), table.value(r, columns[3])
            )
            var ok = true
            func fail(_ field: String, _ message: String) {
                diagnostics.error(file, line: r.line, field: field, message)
                ok = false
            }
            if respondent.isEmpty { fail("respondent", "a form without a respondent; expected the form's number, e.g. 0001") }
            if let first = seen[respondent], !respondent.isEmpty {
                fail(
                    "respondent",
                    "respondent '\(respondent)' returned two forms (first on line \(first)); expected one row per returned form")
            }
            seen[respondent] = seen[respondent] ?? r.line
            if group.isEmpty {
                fail("group", "respondent \(respondent) has no group; expected the respondent group, e.g. người dân")
            }
            if context.isCovered(unit) { continue }
            if context.units[unit] == nil {
                let hint = Suggestion.closest(unit, among: context.units.keys).map { "did you mean \($0)? " } ?? ""
                fail("unit", "'\(unit)' is not in units.csv; \(hint)expected the id of the unit the form rates")
            }
            guard forms.contains(form) else {
                fail(
                    "form",
                    "form '\(form)' is not a form of questions.csv; expected one of: \(forms.sorted().joined(separator: ", "))")
                continue
            }
            let answers = Self.answers(r, answered, form: form, fail)
            if ok {
                out.append(
                    SurveyResponse(respondent: respondent, form: form, group: group, unit: unit, answers: answers, line: r.line))
            }
        }
        return out
    }

    /// The columns of responses.csv that are questions, each with its question; any other column
    /// but respondent, form, group and unit is an error at the header.
    private static func questionColumns(
        _ table: CSVTable, _ questions: [SurveyQuestion], diagnostics: inout DiagnosticEngine
    ) -> [(column: Int, question: SurveyQuestion)] {
        let byID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var answered: [(column: Int, question: SurveyQuestion)] = []
        for (i, title) in table.header.enumerated() where !responseColumns.contains(title) && !title.isEmpty {
            guard let question = byID[title] else {
                let hint = Suggestion.closest(title, among: byID.keys).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.error(
                    table.file, line: table.headerLine, field: title,
                    "column '\(title)' is not a question of questions.csv; \(hint)expected respondent, form, group, unit and question ids"
                )
                continue
            }
            answered.append((i, question))
        }
        return answered
    }

    /// A form's answers by question id: those of its own form that the question lists; any other
    /// non-blank answer goes to `fail` at its cell.
    private static func answers(
        _ r: CSVTable.Row, _ answered: [(column: Int, question: SurveyQuestion)], form: String,
        _ fail: (String, String) -> Void
    ) -> [String: String] {
        var answers: [String: String] = [:]
        for (column, question) in answered {
            let answer = r.fields.indices.contains(column) ? r.fields[column].trimmedSpaces : ""
            guard !answer.isEmpty else { continue }
            guard question.form == form else {
                fail(question.id, "question \(question.id) is on form \(question.form), this form is \(form); expected it blank")
                continue
            }
            guard question.credits[answer] != nil else {
                fail(
                    question.id,
                    "'\(answer)' is not an answer of question \(question.id); expected one of \(question.answers.joined(separator: ", ")) (or blank: no answer)"
                )
                continue
            }
            answers[question.id] = answer
        }
        return answers
    }

    /// How the plan pools a unit's answers (`survey.pooling`, `survey.weights`); `nil`, with the
    /// error reported, when it cannot be read, or a group of `groups` has no weight.
    package static func pooling(
        _ plan: Plan, _ locations: YAMLLocations, groups: Set<String>, diagnostics: inout DiagnosticEngine
    ) -> SurveyPooling? {
        let survey = plan.survey
        func error(_ path: [String], _ message: String) {
            let at = locations.location(path)
            diagnostics.error(SourceName(DatasetFiles.plan), line: at?.line, column: at?.column, message)
        }
        guard let weights = survey?.weights, !weights.isEmpty else {
            switch survey?.pooling {
            case nil, "pooled": return .pooled
            case "mean-of-groups": return .meanOfGroups
            case let other?:
                error(["survey", "pooling"], "'survey.pooling': found '\(other)'; expected pooled or mean-of-groups")
                return nil
            }
        }
        var parsed: [String: Points] = [:]
        for (name, text) in weights {
            guard case .success(let w) = NumberParser.points(text) else {
                error(["survey", "weights", name], "'survey.weights.\(name)': found '\(text)'; expected a decimal, e.g. 0,3")
                return nil
            }
            parsed[name] = w
        }
        let sum = parsed.values.reduce(Points(0), +)
        guard sum == Points(1) else {
            error(
                ["survey", "weights"],
                "'survey.weights': the weights sum to \(VietnameseNumber.format(sum, maxDecimals: 6)); expected them to sum to 1 (e.g. 0,3 and 0,7)"
            )
            return nil
        }
        let missing = groups.subtracting(parsed.keys).sorted()
        guard missing.isEmpty else {
            error(
                ["survey", "weights"],
                "'survey.weights': no weight for the respondent group\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) of responses.csv; expected a weight for every group"
            )
            return nil
        }
        return .weighted(parsed)
    }
}
