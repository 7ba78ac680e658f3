import CCHCCore
import Foundation

/// Reads questions.csv and responses.csv, the survey's raw forms, checking every cell: a question
/// counts towards a survey leaf and says what each answer earns; a returned form names a known
/// unit, form and respondent, and answers only its form's questions, with answers they list.
package enum SurveyFormsLoader {
    package static let questionColumns = ["id", "form", "code", "text", "credits"]
    package static let responseColumns = ["respondent", "form", "group", "unit"]

    package static func questions(_ table: CSVTable, _ context: LoadContext, diagnostics: inout DiagnosticEngine)
        -> [SurveyQuestion]
    {
        guard table.require(["id", "form", "code", "credits"], diagnostics: &diagnostics) else { return [] }
        KnownColumns.warnUnknown(table, known: questionColumns, diagnostics: &diagnostics)
        let file = table.file
        let surveyLeaves = Set(context.frameworks.values.flatMap { $0.leaves.filter(\.method.isSurvey).map(\.code) })
        var seen: [String: Int] = [:]
        var out: [SurveyQuestion] = []
        for r in table.rows {
            let (id, form, codeText) = (
                table.value(r, table.column("id")), table.value(r, table.column("form")), table.value(r, table.column("code"))
            )
            if id.isEmpty {
                diagnostics.error(file, line: r.line, field: "id", "a question without an id; expected a short id, e.g. q1")
                continue
            }
            if let first = seen[id] {
                diagnostics.error(
                    file, line: r.line, field: "id",
                    "question id '\(id)' is used twice (first on line \(first)); expected each id once")
                continue
            }
            seen[id] = r.line
            if form.isEmpty {
                diagnostics.error(
                    file, line: r.line, field: "form", "question \(id) has no form; expected the form it is on, e.g. A")
            }
            guard let code = CriterionCode(codeText), surveyLeaves.contains(code) else {
                let hint =
                    Suggestion.closest(codeText, among: surveyLeaves.map(\.description)).map { "did you mean \($0)? " } ?? ""
                diagnostics.error(
                    file, line: r.line, field: "code",
                    "'\(codeText)' is not a survey criterion (dieu-tra or sipas) of the framework; \(hint)expected the code of a survey leaf, e.g. 8.1.1"
                )
                continue
            }
            guard let credits = credits(table.value(r, table.column("credits")), question: id, file, r.line, &diagnostics),
                !form.isEmpty
            else { continue }
            out.append(
                SurveyQuestion(
                    id: id, form: form, code: code, text: table.value(r, table.column("text")), credits: credits, line: r.line))
        }
        return out
    }

    /// `5:100;4:100;3:0` → each answer and the percentage it earns.
    private static func credits(
        _ text: String, question: String, _ file: SourceName, _ line: Int, _ diagnostics: inout DiagnosticEngine
    ) -> [(String, Points)]? {
        var out: [(String, Points)] = []
        let example = "expected answer:percentage pairs separated by ';', e.g. 5:100;4:100;3:0;2:0;1:0 or A:100;B:60;C:20;D:0"
        for part in text.split(separator: ";").map({ String($0).trimmedSpaces }) where !part.isEmpty {
            let pieces = part.split(separator: ":", maxSplits: 1).map { String($0).trimmedSpaces }
            guard pieces.count == 2, !pieces[0].isEmpty, case .success(let percent) = NumberParser.points(pieces[1]) else {
                diagnostics.error(
                    file, line: line, field: "credits", "'\(part)' in the credits of question \(question); \(example)")
                return nil
            }
            guard percent <= Points(100) else {
                diagnostics.error(
                    file, line: line, field: "credits",
                    "'\(part)': \(pieces[1]) is above 100 in the credits of question \(question); expected a percentage 0–100")
                return nil
            }
            guard !out.contains(where: { $0.0 == pieces[0] }) else {
                diagnostics.error(
                    file, line: line, field: "credits",
                    "answer '\(pieces[0])' is listed twice in the credits of question \(question); expected each answer once")
                return nil
            }
            out.append((pieces[0], percent))
        }
        guard !out.isEmpty else {
            diagnostics.error(file, line: line, field: "credits", "question \(question) has no credits; \(example)")
            return nil
        }
        return out
    }
}
